"""One reading for Chinese names romanised in Wade-Giles or in pinyin.

Older wires and many Taiwanese names use Wade-Giles ("Mao Tse-tung",
"Teng Hsiao-ping", "Chiang Ching-kuo"); today's news uses pinyin ("Mao
Zedong", "Deng Xiaoping", "Jiang Jingguo"). News drops Wade-Giles's
aspiration marks ("Ch'ing" is printed "Ching"), so a printed "p" can be
pinyin "p" or "b". :func:`sinitic_key` therefore maps both systems to one
coarse spelling: the standard Wade-Giles initials and finals are written as
pinyin (hs = x, ts/tz = z, ch = zh/j, -ung = -ong, -ieh = -ie, -ih = -i, ...),
then the pairs that only aspiration tells apart are merged (b/p, d/t, g/k,
j/q/zh/ch, z/c).

The key is only meant for parts that are made of Chinese syllables, which
:func:`is_sinitic` checks: "Angela" parses as syllables too, so callers use it
for names whose every part parses, with a one-syllable family name.

Example:
    >>> sinitic_key("tse-tung") == sinitic_key("zedong")
    True
    >>> sinitic_key("hsiao-ping") == sinitic_key("xiaoping")
    True
    >>> is_sinitic("jingguo"), is_sinitic("merkel")
    (True, False)
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsfold.names.forms import NameForm

__all__ = ["is_sinitic", "sinitic_block", "sinitic_key", "syllables"]

_INITIAL = r"(?:zh|ch|sh|hs|ts|tz|ss|sz|[bpmfdtnlgkhjqxrzcswy])"
_FINAL = (
    r"(?:iang|iong|iung|uang|ieh|ien|iao|ian|ing|ang|eng|ong|ung|uai|uan|uei|ueh|erh|"
    r"ai|ao|an|ei|en|er|ia|ie|in|iu|ih|ou|ua|ui|un|uo|ue|eh|a|e|i|o|u)"
)
_FIRST_SYLLABLE = re.compile(rf"{_INITIAL}?{_FINAL}")
#: A syllable after the first starts with a consonant (romanisations mark a bare vowel with ' or -).
_NEXT_SYLLABLE = re.compile(rf"{_INITIAL}{_FINAL}")
_MAX_LENGTH = 24
#: Wade-Giles spellings of a syllable's sound, written as pinyin; applied to both systems alike.
_WADE_GILES = (
    (re.compile(r"(tz|ss|sz)u"), lambda m: {"tz": "zi", "ss": "si", "sz": "si"}[m.group(1)]),
    (re.compile(r"hs"), "x"),
    (re.compile(r"t[sz]"), "z"),
    (re.compile(r"s[sz]"), "s"),
    (re.compile(r"ieh"), "ie"),
    (re.compile(r"ien"), "ian"),
    (re.compile(r"ih"), "i"),
    (re.compile(r"eh"), "e"),
    (re.compile(r"ung"), "ong"),
    (re.compile(r"(?<=[kh])o(?![unwo])"), "e"),  # ko, ho = ge, he
)
#: Sounds news spelling no longer tells apart once the aspiration marks are gone.
_ASPIRATION = str.maketrans({"p": "b", "t": "d", "k": "g", "q": "j", "c": "z"})


@lru_cache(maxsize=50_000)
def syllables(token: str) -> tuple[str, ...]:
    """A folded name part cut into Chinese syllables; () when it is none.

    Hyphens cut where they stand; a run is cut at the first parse that uses up
    every letter, longer syllables first ("lihong" is li-hong, never lih-ong:
    a later syllable starts with a consonant).

    Example:
        >>> syllables("tsetung"), syllables("hsiao-ping"), syllables("merkel")
        (('tse', 'tung'), ('hsiao', 'ping'), ())
    """
    token = token.lower().replace("'", "").replace("ü", "u")
    if not token or len(token) > _MAX_LENGTH:
        return ()
    out: list[str] = []
    for piece in token.split("-"):
        cut = _cut(piece, first=True)
        if cut is None:
            return ()
        out.extend(cut)
    return tuple(out)


def _cut(text: str, *, first: bool) -> tuple[str, ...] | None:
    if not text:
        return ()
    pattern = _FIRST_SYLLABLE if first else _NEXT_SYLLABLE
    for end in range(min(len(text), 6), 0, -1):
        if pattern.fullmatch(text, 0, end):
            rest = _cut(text[end:], first=False)
            if rest is not None:
                return (text[:end], *rest)
    return None


def is_sinitic(token: str) -> bool:
    """True when a folded name part (hyphens allowed) is a run of Chinese syllables.

    Example:
        >>> is_sinitic("hsiao-ping"), is_sinitic("gorbachev")
        (True, False)
    """
    return bool(syllables(token))


@lru_cache(maxsize=50_000)
def sinitic_key(token: str) -> str:
    """A coarse spelling that a Wade-Giles and a pinyin romanisation of one name share.

    Example:
        >>> sinitic_key("ching-kuo"), sinitic_key("jingguo")
        ('jingguo', 'jingguo')
    """
    out = []
    for syllable in syllables(token) or (token.lower(),):
        for pattern, replacement in _WADE_GILES:
            syllable = pattern.sub(replacement, syllable)
        out.append(syllable.replace("zh", "j").replace("ch", "j").translate(_ASPIRATION))
    return "".join(out)


def sinitic_block(form: NameForm) -> str | None:
    """The block a person's name written in Chinese syllables is filed under: its family name's reading.

    Example:
        >>> from newsfold.names.forms import make_name_form
        >>> sinitic_block(make_name_form("Hsi Chin-ping", "PER")) == sinitic_block(make_name_form("Xi Jinping", "PER"))
        True
        >>> sinitic_block(make_name_form("Angela Merkel", "PER")) is None
        True
    """
    tokens = form.core_tokens
    if form.entity_type != "PER" or len(tokens) < 2 or not all(t.isascii() and is_sinitic(t) for t in tokens):
        return None
    return "sinitic " + sinitic_key(tokens[0])
