"""Per-document lookups (text, token at an offset, entity, sentence), computed once per Doc.

spaCy rebuilds ``doc.text``, ``doc.ents`` and ``doc.sents`` on every access and has no offset index; the
quote rules ask both questions many times per article, so the answers for the
Doc being analysed are kept until the next Doc comes along. (A weak-keyed
cache would never let go: the cached spans point back at their Doc, so every
parsed article would stay in memory for good.)

Example:
    >>> import spacy
    >>> doc = spacy.blank("en")("He said yes")
    >>> token_index_at(doc, 4)
    1
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

__all__ = ["doc_text", "token_index_at", "entity_of", "entities", "sentences", "sentence_of"]


@dataclass(frozen=True)
class _Index:
    text: str
    starts: tuple[int, ...]
    ents: tuple[Span, ...]
    ent_of_token: dict[int, Span]


class _LastDocCache:
    """Remembers one value for the most recent Doc only, so memory stays bounded."""

    def __init__(self) -> None:
        self._doc: Doc | None = None
        self._value = None

    def get(self, doc: Doc):
        return self._value if self._doc is doc else None

    def put(self, doc: Doc, value) -> None:
        self._doc, self._value = doc, value


_CACHE = _LastDocCache()
# sentences apart: a hand-built Doc may have entities but no sentence boundaries
_SENTS = _LastDocCache()


def _index(doc: Doc) -> _Index:
    index = _CACHE.get(doc)
    if index is None:
        ents = tuple(doc.ents)
        ent_of_token = {i: ent for ent in ents for i in range(ent.start, ent.end)}
        index = _Index(doc.text, tuple(t.idx for t in doc), ents, ent_of_token)
        _CACHE.put(doc, index)
    return index


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once (spaCy joins every token on each access)."""
    return _index(doc).text


def token_index_at(doc: Doc, offset: int) -> int:
    """Index of the first token ending after ``offset`` (``len(doc)`` if none).

    Args:
        doc: A Doc.
        offset: A character offset.

    Returns:
        A token index.
    """
    starts = _index(doc).starts
    i = max(bisect.bisect_right(starts, offset) - 1, 0)
    while i < len(doc) and doc[i].idx + len(doc[i]) <= offset:
        i += 1
    return i


def entities(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once."""
    return _index(doc).ents


def entity_of(token: Token) -> Span | None:
    """The entity span a token belongs to, if any."""
    return _index(token.doc).ent_of_token.get(token.i)


def _sentence_index(doc: Doc) -> tuple[tuple[Span, ...], tuple[int, ...]]:
    cached = _SENTS.get(doc)
    if cached is None:
        sents = tuple(doc.sents) if len(doc) else ()
        cached = (sents, tuple(s.start for s in sents))
        _SENTS.put(doc, cached)
    return cached


def sentences(doc: Doc) -> tuple[Span, ...]:
    """``doc.sents``, built once."""
    return _sentence_index(doc)[0]


def sentence_of(token: Token) -> Span:
    """The sentence holding a token (``token.sent`` walks every sentence each time)."""
    sents, starts = _sentence_index(token.doc)
    return sents[bisect.bisect_right(starts, token.i) - 1]
