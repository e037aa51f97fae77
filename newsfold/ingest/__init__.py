"""Reading raw input: bytes on disk in, normalised Articles (and Rejects) out.

The reader is one of the two I/O edges of the core. For each file that
:mod:`newsfold.discover` found it loads the bytes (gunzipping ``.gz``),
decodes them (:mod:`.decode`), repairs and normalises the text
(:mod:`.normalise`), then either splits header, headline and body
(:mod:`.headers`, text files) or splits records (:mod:`.jsonrecords`, JSON),
and reads the declared metadata (:mod:`.metadata`, :mod:`.dates`). Bad input
becomes ``Reject`` rows with a stable code; nothing here raises for it.

Example:
    >>> normalise_text("a\\r\\nb")
    'a\\nb'
"""

from newsfold.ingest.normalise import normalise_text
from newsfold.ingest.formats import SUPPORTED_SUFFIXES, source_format
from newsfold.ingest.read import read_source

__all__ = ["read_source", "normalise_text", "source_format", "SUPPORTED_SUFFIXES"]
