"""The default limits on input, in one place the CLI can import cheaply.

Beyond a limit an input becomes a ``rejects`` row, never a crash:

* :data:`DEFAULT_MAX_BYTES` (``--max-bytes``): a file larger on disk is
  refused at discovery, a ``.gz`` file that inflates past it when read (NF104);
* :data:`DEFAULT_MAX_ARTICLE_CHARS` (``--max-chars``): a longer article is not
  analysed (NF201);
* :data:`WORKER_MEMORY_VARIABLE`: when set (megabytes), each analysis worker's
  data segment is capped there (``RLIMIT_DATA``); an article that would need
  more fails alone (NF201 or NF202) instead of the machine running out.

Example:
    >>> DEFAULT_MAX_BYTES, DEFAULT_MAX_ARTICLE_CHARS
    (52428800, 1000000)
"""

from __future__ import annotations

__all__ = ["DEFAULT_MAX_BYTES", "DEFAULT_MAX_ARTICLE_CHARS", "WORKER_MEMORY_VARIABLE"]

#: Largest input file accepted by default, counted after gunzip.
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
#: Longest article analysed by default (spaCy's own ``max_length``).
DEFAULT_MAX_ARTICLE_CHARS = 1_000_000
#: Environment variable: megabytes of data segment each analysis worker may use (unset: no cap).
WORKER_MEMORY_VARIABLE = "NEWSFOLD_WORKER_MEMORY_MB"
