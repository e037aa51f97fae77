"""Analyse a name once into the parts every matching rule needs.

A :class:`NameForm` holds a name's folded tokens, its transliteration-aware
key, and the features the vetoes look at (initials, generational suffix,
patronymics such as "bin Salman"). Forms are cached per (text, type): a
dataset repeats the same spellings many times.

Example:
    >>> form = make_name_form("General Qasim Suleimani's", "PER")
    >>> form.tokens, form.key, form.has_title
    (('qasim', 'suleimani'), 'kasim sulaimani', True)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rigour.names import replace_org_types_compare

from newsfold.names.fold import fold_tokens, make_part_key
from newsfold.names.titles import strip_title_tokens

__all__ = ["NameForm", "make_name_form", "clean_surface", "family_part"]

_POSSESSIVE = re.compile(r"(?:['’]s|s['’])\s*$")
_TRAILING = re.compile(r"[\s,;:.!?\"“”)(\]\[-]+$")
_LEADING = re.compile(r"^[\s\"“”(\[—–-]+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_ARTICLES = frozenset({"al", "el"})
_PATRONYMIC = {"bin": "bin", "ibn": "bin", "ben": "bin", "bint": "bint", "binti": "bint"}
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


@dataclass(frozen=True)
class NameForm:
    """One spelling of a name, analysed for matching.

    Attributes:
        text: The spelling as given.
        entity_type: PER, ORG, LOC or MISC.
        alias_key: Folded spelling with possessive and leading "the" removed
            (titles kept): the key of exact registry lookups.
        tokens: Folded tokens after titles (persons) and "the" are removed.
        part_keys: Transliteration-aware key of each token, articles
            ("al-", "el-") left out and bin/ibn/ben written "bin".
        key: ``" ".join(part_keys)``: equal keys mean the same name.
        initials: Single-letter tokens, in order ("h", "w" of "George H. W. Bush").
        suffix: Generational suffix (jr, sr, ii, iii, iv) or None.
        patronyms: Part keys of the names after bin/bint ("bin Salman" -> ("salman",)).
        has_title: A title such as "General" or "Mr." was removed.
        core_keys: Part keys without initials, suffix and patronymic particles.
    """

    text: str
    entity_type: str
    alias_key: str
    tokens: tuple[str, ...]
    part_keys: tuple[str, ...]
    key: str
    initials: tuple[str, ...]
    suffix: str | None
    patronyms: tuple[str, ...]
    has_title: bool
    core_keys: tuple[str, ...] = ()


def clean_surface(text: str) -> str:
    """Trim quotes, brackets, trailing punctuation and a possessive from a span.

    Example:
        >>> clean_surface("“Soleimani’s")
        'Soleimani'
    """
    text = _LEADING.sub("", text)
    text = _TRAILING.sub("", text)
    text = _POSSESSIVE.sub(lambda m: "s" if m.group(0).startswith("s") else "", text)
    return text.strip()


@lru_cache(maxsize=200_000)
def make_name_form(text: str, entity_type: str) -> NameForm:
    """Analyse one spelling of a name of the given type.

    Args:
        text: The name as written (a mention's surface, a CSV cell).
        entity_type: PER, ORG, LOC or MISC (see ``labels.map_label_to_type``).

    Returns:
        The cached :class:`NameForm`.
    """
    cleaned = clean_surface(text)
    tokens = fold_tokens(cleaned)
    if len(tokens) > 1 and tokens[0] == "the":
        tokens = tokens[1:]
    alias_key = " ".join(tokens)
    has_title = False
    if entity_type == "PER":
        tokens = _reorder_comma_name(cleaned, tokens)
        tokens, has_title = strip_title_tokens(tokens)
    elif entity_type == "ORG":
        tokens = fold_tokens(replace_org_types_compare(" ".join(tokens))) or tokens
    # Arabic/Persian equivalences would merge distinct romanised CJK syllables (peng/ping).
    cjk = _CJK.search(text) is not None
    part_keys: list[str] = []
    patronyms: list[str] = []
    for index, token in enumerate(tokens):
        if token in _ARTICLES and index + 1 < len(tokens):
            continue
        if token in _PATRONYMIC and 0 < index < len(tokens) - 1:
            part_keys.append(_PATRONYMIC[token])
            following = next((t for t in tokens[index + 1 :] if t not in _ARTICLES), None)
            if following is not None:
                patronyms.append(make_part_key(following))
            continue
        part_keys.append(token if cjk else make_part_key(token))
    initials = tuple(t for t in tokens if len(t) == 1 and t.isalpha())
    suffix = next((t for t in tokens[1:] if t in _SUFFIXES), None)
    return NameForm(
        text=text,
        entity_type=entity_type,
        alias_key=alias_key,
        tokens=tokens,
        part_keys=tuple(part_keys),
        key=" ".join(part_keys),
        initials=initials,
        suffix=suffix,
        patronyms=tuple(patronyms),
        has_title=has_title,
        core_keys=tuple(k for k in part_keys if len(k) > 1 and k not in _SUFFIXES and k not in ("bin", "bint")),
    )


def family_part(form: NameForm) -> str | None:
    """The part a bare surname would repeat, for a person named in full.

    None for names of fewer than two parts and for names ending in a
    patronymic: "Salman" alone does not mean Mohammed bin Salman.

    Example:
        >>> family_part(make_name_form("Qasem Soleimani", "PER")), family_part(make_name_form("Mohammed bin Salman", "PER"))
        ('sulaimani', None)
    """
    if form.entity_type != "PER" or len(form.core_keys) < 2:
        return None
    last = form.core_keys[-1]
    return None if form.patronyms and form.patronyms[-1] == last else last


def _reorder_comma_name(cleaned: str, tokens: tuple[str, ...]) -> tuple[str, ...]:
    """Turn "SURNAME, Given" into "given surname" (lists and sanctions files)."""
    if cleaned.count(",") != 1:
        return tokens
    family, given = cleaned.split(",")
    family_tokens, given_tokens = fold_tokens(family), fold_tokens(given)
    if not family_tokens or not given_tokens or given_tokens[-1] in _SUFFIXES:
        return tokens
    return given_tokens + family_tokens
