"""Deterministic identifiers.

Every id is a hash of what the row *is* (its content, its offsets), never of
when or in which batch it was made, so the same input gives the same ids
whatever the order, batching, parallelism or number of runs.

Example:
    >>> make_id("doc", "Hello", None)
    'doc_0294a3cdc4a8de12'
    >>> make_span_id("men", "doc_0123456789abcdef", 4, 9) == make_span_id("men", "doc_0123456789abcdef", 4, 9)
    True
"""

from __future__ import annotations

import hashlib
from typing import Any

__all__ = ["make_id", "make_span_id"]

_SEPARATOR = "\x1f"  # ASCII unit separator: cannot occur in normalised article text


def make_id(prefix: str, *parts: Any) -> str:
    """Hash ``parts`` into ``"<prefix>_<16 hex digits>"``.

    ``None`` and ``""`` hash differently, so a missing value and an empty one
    never collide.

    Args:
        prefix: Short lowercase table tag, e.g. ``"doc"``, ``"men"``.
        *parts: Values whose ``str`` (or ``None``) identifies the row.

    Returns:
        A 64-bit id, e.g. ``"doc_5d41402abc4b2a76"``.
    """
    digest = hashlib.blake2b(digest_size=8)
    for part in parts:
        digest.update(b"\x00" if part is None else str(part).encode("utf-8"))
        digest.update(_SEPARATOR.encode())
    return f"{prefix}_{digest.hexdigest()}"


def make_span_id(prefix: str, doc_id: str, start: int, end: int) -> str:
    """Id of a span of an article, e.g. a mention or a quote."""
    return make_id(prefix, doc_id, start, end)
