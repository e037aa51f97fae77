"""The default limits on input, in one place the CLI can import cheaply.

Beyond a limit an input becomes a ``rejects`` row, never a crash:

* :data:`DEFAULT_MAX_BYTES` (``--max-bytes``): a file larger on disk is
  refused at discovery, a ``.gz`` file that inflates past it when read (NF104);
* :data:`DEFAULT_MAX_ARTICLE_CHARS` (``--max-chars``): a longer article is not
  analysed (NF201).

Example:
    >>> DEFAULT_MAX_BYTES, DEFAULT_MAX_ARTICLE_CHARS
    (52428800, 1000000)
"""

from __future__ import annotations

__all__ = ["DEFAULT_MAX_BYTES", "DEFAULT_MAX_ARTICLE_CHARS"]

#: Largest input file accepted by default, counted after gunzip.
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
#: Longest article analysed by default (spaCy's own ``max_length``).
DEFAULT_MAX_ARTICLE_CHARS = 1_000_000
