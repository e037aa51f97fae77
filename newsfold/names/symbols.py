"""Name-part symbols and Latin readings from rigour, cached per distinct part.

rigour's tagger (``rigour.names.analyze_names``) marks a name part with
Wikidata-derived symbols that every spelling of one given or family name
shares, whatever its script: "Yevgeny", "Evgenii" and "Евгений" all carry
``NAME:Q1688617``. Its ``comparable`` form is a Latin reading made by ICU
("Евгений" -> "evgeny"). The resolver asks for both only when a name did
not link by spelling or key, once per distinct part (the first call loads
rigour's data, a few seconds of start-up).

Only symbols of a part on its own count: rigour also tags spans of several
parts ("Jong Un"), and "Kim Jong Un" shares the span symbols of "Kim" and
"Jong" with "Kim Jong Il", which must stay apart.

Example:
    >>> share_name_symbol("yevgeny", "евгений"), share_name_symbol("suleiman", "suleimani")
    (True, False)
    >>> latin_reading("евгений")
    'evgeny'
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from functools import lru_cache

import polars as pl
from rigour.names import NameTypeTag, Symbol, analyze_names

from newsfold.memo import Memo, MemoKind
from newsfold.names.fold import fold_text, make_part_key

__all__ = [
    "are_names_apart", "part_symbols", "share_name_symbol", "latin_reading", "latin_part_key", "clear_symbol_caches",
    "part_analyses_kept_in", "PART_ANALYSES",
]

#: rigour's analysis of each name part, kept between runs (:mod:`newsfold.memo`): about 0.5 ms a
#: part, cold in every process (7.8 s for the 14,000 parts of 20,000 articles).
PART_ANALYSES = MemoKind("name_part_analyses", pl.Struct({"symbols": pl.List(pl.String), "comparable": pl.String}))
#: While :func:`part_analyses_kept_in` runs: the analyses an earlier run kept, and those asked for since.
_kept: tuple[dict[str, tuple[frozenset[str], str]], dict[str, tuple[frozenset[str], str]]] | None = None

_PERSIAN_TO_ARABIC = str.maketrans({"ی": "ي", "ک": "ك", "ٹ": "ت", "ە": "ه", "پ": "ب", "چ": "ج", "ژ": "ز", "گ": "ك"})
_CATEGORIES = frozenset({Symbol.Category.NAME, Symbol.Category.NICK})


@lru_cache(maxsize=200_000)
def _analyze_part(token: str) -> tuple[frozenset[str], str]:
    if _kept is not None and (analysis := _kept[0].get(token)) is not None:
        _kept[1][token] = analysis
        return analysis
    symbols, comparable = _tag_part(token)
    arabic = token.translate(_PERSIAN_TO_ARABIC)
    if not symbols and arabic != token:
        symbols = _tag_part(arabic)[0]  # Persian letters (ی, ک; پ, چ, ژ, گ, which Arabic writes ب, ج, ز, ك) where rigour lists Arabic ones
    if _kept is not None:
        _kept[1][token] = (symbols, comparable)
    return symbols, comparable


@contextlib.contextmanager
def part_analyses_kept_in(memo: Memo | None) -> Iterator[None]:
    """Within the block, a name part an earlier run analysed is not analysed again; on leaving, those asked for are kept.

    The parts' caches start empty in the block, so that every part asked for
    passes through :func:`_analyze_part` once and the memo keeps exactly this run's parts.

    Example:
        >>> memo = Memo("test")
        >>> with part_analyses_kept_in(memo):
        ...     first = part_symbols("evgenii")
        >>> with part_analyses_kept_in(Memo("test", memo.frames())):
        ...     part_symbols("evgenii") == first
        True
    """
    global _kept
    if memo is None:
        yield
        return
    before = memo.kept_before(PART_ANALYSES)
    recalled = {
        token: (frozenset(value["symbols"] or ()), value["comparable"] or "")
        for token, value in zip(before["key"].to_list(), before["value"].to_list())
    }
    clear_symbol_caches()
    _kept = (recalled, {})
    try:
        yield
        asked = _kept[1]
        memo.keep(PART_ANALYSES, list(asked), [{"symbols": sorted(symbols), "comparable": comparable}
                                              for symbols, comparable in asked.values()])
    finally:
        _kept = None


def _tag_part(token: str) -> tuple[frozenset[str], str]:
    names = analyze_names(NameTypeTag.PER, [token], phonetics=False, numerics=False, consolidate=False, rewrite=False)
    symbols: set[str] = set()
    comparable = ""
    for name in names:
        if len(name.parts) != 1:
            continue  # rigour split the token: its symbols belong to pieces, not to the part
        comparable = name.parts[0].comparable
        for span in name.spans:
            if span.symbol.category in _CATEGORIES:
                symbols.add(f"{span.symbol.category.value}:{span.symbol.id}")
    return frozenset(symbols), comparable


def part_symbols(token: str) -> frozenset[str]:
    """The NAME and NICK symbols rigour gives one name part on its own.

    Args:
        token: One name part, in any script, case-folded.

    Returns:
        Symbols such as ``"NAME:Q1688617"``; empty for an unknown part.

    Example:
        >>> "NAME:Q1688617" in part_symbols("evgenii")
        True
    """
    return _analyze_part(token)[0] if token else frozenset()


def share_name_symbol(a: str, b: str) -> bool:
    """True when two name parts carry a common rigour symbol (one name, two spellings).

    Example:
        >>> share_name_symbol("aleksandr", "alexandre"), share_name_symbol("hassan", "hussein")
        (True, False)
    """
    if a == b:
        return True
    return not part_symbols(a).isdisjoint(part_symbols(b))


def are_names_apart(a: str, b: str) -> bool:
    """True when rigour knows both name parts and they share no symbol (two names, not two spellings of one).

    Example:
        >>> are_names_apart("phillips", "philips"), are_names_apart("hussein", "husain"), are_names_apart("x", "y")
        (True, False, False)
    """
    symbols_a, symbols_b = part_symbols(a), part_symbols(b)
    return bool(symbols_a) and bool(symbols_b) and symbols_a.isdisjoint(symbols_b)


def latin_reading(token: str) -> str:
    """rigour's ICU Latin reading of a part ("" when it has none in Latin letters).

    Example:
        >>> latin_reading("αλέξης"), latin_reading("toyota")
        ('alexis', 'toyota')
    """
    comparable = _analyze_part(token)[1] if token else ""
    return comparable if comparable.isascii() else ""


@lru_cache(maxsize=200_000)
def latin_part_key(token: str) -> str:
    """Part key of a token's Latin reading: rigour's ICU reading, else the ASCII fold.

    Example:
        >>> latin_part_key("周"), latin_part_key("qasem")
        ('zhu', 'kasim')
    """
    return make_part_key(latin_reading(token) or fold_text(token).replace(" ", ""))


def clear_symbol_caches() -> None:
    """Forget every analysed name part (benchmarks time the analysis cold).

    Example:
        >>> clear_symbol_caches()
        >>> latin_part_key.cache_info().currsize
        0
    """
    _analyze_part.cache_clear()
    latin_part_key.cache_clear()
