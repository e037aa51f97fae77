"""Fold a place name into the key the gazetteer is indexed by.

Case, accents, dots and apostrophes never tell two places apart in news
("U.S." / "US", "São Paulo" / "Sao Paulo", "Côte d'Ivoire" / "Cote dIvoire"),
and a leading "the" is style ("the Netherlands"). Other punctuation becomes a
space, so "Winston-Salem" and "Winston Salem" meet.

Example:
    >>> make_place_key("the U.S.")
    'us'
    >>> make_place_key("São  Paulo")
    'sao paulo'
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["make_place_key", "is_latin_name"]

_DROP = re.compile(r"[.'\u2019\u02bc`]")
_SPACE = re.compile(r"[^0-9a-z]+")
_ARTICLE = re.compile(r"^the ")
_LETTERS = str.maketrans({"ø": "o", "æ": "ae", "ł": "l", "đ": "d", "ı": "i", "œ": "oe", "þ": "th", "ð": "d"})
# A letter outside Latin (basic, supplements, extended A/B, additional) and not punctuation.
_NON_LATIN = re.compile(r"[^\W\d_\u0000-\u024f\u1e00-\u1eff]")


def make_place_key(name: str) -> str:
    """Casefold, strip accents and punctuation, drop a leading "the".

    Args:
        name: A place name as written.

    Returns:
        The folded key; empty when nothing alphanumeric is left.
    """
    plain = name.lower().replace("&", " and ")
    if not plain.isascii():  # most names are plain ASCII: skip the slow path
        decomposed = unicodedata.normalize("NFKD", plain.replace("ß", "ss"))
        plain = "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_LETTERS)
    key = _SPACE.sub(" ", _DROP.sub("", plain)).strip()
    return _ARTICLE.sub("", key)


def is_latin_name(name: str) -> bool:
    """Whether every letter of ``name`` is Latin script (with accents).

    GeoNames alternate names come in every script; English news only ever
    writes the Latin ones, and keeping only those keeps the index small.

    Example:
        >>> is_latin_name("Köln"), is_latin_name("Кёльн")
        (True, False)
    """
    return name.isascii() or _NON_LATIN.search(name) is None
