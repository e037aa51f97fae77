"""Short forms of English given names ("Bernie" for Bernard, "Alex" for Alexander).

The table is the ``nicknames`` package (Carlton Northern and Nick Crews'
hand-curated CSV of English given names and their nicknames, Apache-2.0).
Only its relations that shorten the name count: the nickname keeps the
name's first two letters and is shorter (Bernie / Bernard, Chris /
Christopher, Jaap / Jacob). The table also lists names of other languages
(Ivan and Ian for John, Carl for Charles, Rupert for Robert): those are other
people in the news and stay apart. Nicknames that start otherwise (Bill /
William, Bob / Robert, Ted / Edward) come from rigour's NICK symbols
(``symbols.py``), and a relation is never chained: "Bill" is a nickname of
William and of Robert, which does not make William and Robert one name.

Example:
    >>> is_nickname_pair("bernie", "bernard"), is_nickname_pair("ivan", "john")
    (True, False)
"""

from __future__ import annotations

from functools import cache

from nicknames import NickNamer

__all__ = ["is_nickname_pair", "is_given_name", "clear_nickname_cache"]

#: Letters a short form keeps from the start of its name.
_SHARED_START = 2


@cache
def _nick_namer() -> NickNamer:
    return NickNamer()


@cache
def _short_forms(name: str) -> frozenset[str]:
    return frozenset(
        nick for nick in _nick_namer().nicknames_of(name) if len(nick) < len(name) and nick[:_SHARED_START] == name[:_SHARED_START]
    )


def is_nickname_pair(a: str, b: str) -> bool:
    """True when one folded given name is a listed short form of the other.

    Example:
        >>> is_nickname_pair("alex", "alexander"), is_nickname_pair("gianni", "giovanni")
        (True, False)
    """
    if a == b or a[:_SHARED_START] != b[:_SHARED_START] or not (a.isascii() and b.isascii()):
        return False
    return b in _short_forms(a) or a in _short_forms(b)


@cache
def is_given_name(name: str) -> bool:
    """True when the table lists a folded name as a given name or a short form of one.

    Example:
        >>> is_given_name("john"), is_given_name("henry"), is_given_name("blair")
        (True, True, False)
    """
    namer = _nick_namer()
    return bool(namer.nicknames_of(name) or namer.canonicals_of(name))


def clear_nickname_cache() -> None:
    """Forget the looked-up names (benchmarks time the analysis cold).

    Example:
        >>> clear_nickname_cache()
        >>> _short_forms.cache_info().currsize
        0
    """
    _short_forms.cache_clear()
    is_given_name.cache_clear()
