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

__all__ = ["is_sinitic", "sinitic_block", "sinitic_key", "syllables", "is_east_asian_order", "EAST_ASIAN_FAMILY_NAMES"]

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


#: The commonest family names of China, Taiwan, Hong Kong, Singapore and Korea as English-language
#: news spells them (pinyin, Wade-Giles, Cantonese, Korean): a name of such a family name followed by
#: Chinese or Korean syllables is written family name first ("Xi Jinping", "Moon Jae-in"). Not Shin and
#: Ko, Japanese given names too: Japanese names, written given name first in news, parse as Chinese
#: syllables ("Shin Kanemaru": ka-ne-ma-ru).
EAST_ASIAN_FAMILY_NAMES = frozenset(
    """
    wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang xie song
    tang han feng deng cao peng zeng xiao tian dong yuan pan yu jiang cai wei xi ye du dai xia fu qin lu yao
    shen meng bai cui ren qian tan fan jin kong lei hou shi wen mao chiang chou teng hsu hsieh tsai tseng chu
    lai kuo chang cheung wong lau leung ho lam tsang hsi
    kim lee park choi jung jeong kang cho yoon yun jang lim im oh seo kwon hwang ahn jeon hong moon mun
    son bae baek roh noh ryu yoo ban chung
    """.split()
)
#: One or two Korean syllables as news romanises them (Revised and McCune-Reischauer spellings).
_KOREAN_SYLLABLE = r"(?:kk|tt|pp|ss|jj|ch|sh|[gkndtrlmbpsjh])?(?:yeo|yae|wae|woo|eo|ae|ya|ye|yo|yu|wa|wo|we|wi|oe|eu|ui|oo|a|e|i|o|u)(?:ng|k|n|t|l|m|p)?"
_KOREAN_GIVEN = re.compile(rf"{_KOREAN_SYLLABLE}(?:-?{_KOREAN_SYLLABLE})?")


def is_east_asian_order(tokens: tuple[str, ...]) -> bool:
    """Whether a person's folded name parts read family name first, as Chinese and Korean names do.

    The first part must be a common family name (:data:`EAST_ASIAN_FAMILY_NAMES`) and every
    other part Chinese syllables or one or two Korean ones: "Xi Jinping", "Moon Jae In", "Lee
    Hsien Loong"; not "Lee Child", "Kim Clijsters" or "Bruce Lee".

    Example:
        >>> is_east_asian_order(("xi", "jinping")), is_east_asian_order(("moon", "jae", "in"))
        (True, True)
        >>> is_east_asian_order(("lee", "child")), is_east_asian_order(("bruce", "lee"))
        (False, False)
    """
    if not 2 <= len(tokens) <= 4 or tokens[0] not in EAST_ASIAN_FAMILY_NAMES:
        return False
    return all(token.isascii() and (is_sinitic(token) or _KOREAN_GIVEN.fullmatch(token)) for token in tokens[1:])
