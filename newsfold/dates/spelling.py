"""Spelling clean-up before the rules read an expression.

Lowercase, one kind of apostrophe and hyphen, no abbreviation dots, spoken
years written as digits ("nineteen ninety six" -> "1996").

Example:
    >>> clean_expression("Sept. 30, 1989")
    'sept 30 1989'
"""

from __future__ import annotations

import re

from newsfold.dates.lexicon import load_lexicon

__all__ = ["clean_expression", "replace_spoken_numbers", "TENS", "ORDINAL_WORDS"]


def clean_expression(text: str) -> str:
    """Lowercase, unify apostrophes and hyphens, drop abbreviation dots and commas.

    Example:
        >>> clean_expression("Sept. 30, 1989")
        'sept 30 1989'
        >>> clean_expression("third-quarter")
        'third quarter'
    """
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("\u2013", "-")
    text = re.sub(r"\b([ap])\.\s?m\b\.?", r"\1m", text)
    text = re.sub(r"(?<![\d])-|-(?![\d])", " ", text)
    text = re.sub(r"(?<=[a-z])\.", "", text)
    text = re.sub(r",(?!\d{3})", " ", text)
    text = re.sub(r"[\"()\[\]]", " ", text)
    text = re.sub(r"\b(the|a|an) \1\b", r"\1", text)
    text = re.sub(r" or so\b", "", text)
    return re.sub(r"\s+", " ", text).strip(" .;:")


_UNITS_WORDS = "one two three four five six seven eight nine".split()


_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()


TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()

_ORDINAL_DAYS = {
    word: index + 1
    for index, word in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
        "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split()
    )
}
_ORDINAL_DAYS.update({f"twenty {w}": 20 + n for w, n in list(_ORDINAL_DAYS.items())[:9]})
_ORDINAL_DAYS.update({"thirtieth": 30, "thirty first": 31})
#: Ordinal words and their numbers, "first" 1 to "thirty first" 31 (days of the month, centuries).
ORDINAL_WORDS = dict(_ORDINAL_DAYS)


def _two_digit_words(text: str) -> int:
    words = text.split()
    if words[0] in _TEENS:
        return 10 + _TEENS.index(words[0])
    value = 20 + 10 * TENS.index(words[0])
    return value + (_UNITS_WORDS.index(words[1]) + 1 if len(words) > 1 else 0)


def replace_spoken_numbers(text: str) -> str:
    """Write spoken years and day ordinals as digits: transcripts say "nineteen ninety six".

    Example:
        >>> replace_spoken_numbers("march eighth nineteen ninety eight")
        'march 8 1998'
        >>> replace_spoken_numbers("the year two thousand")
        'the year 2000'
    """
    units, teens, tens = "|".join(_UNITS_WORDS), "|".join(_TEENS), "|".join(TENS)
    two_digits = rf"(?:{teens}|(?:{tens})(?: (?:{units}))?)"
    text = re.sub(
        rf"\b(nineteen|eighteen|twenty) ({two_digits})\b",
        lambda m: str((19 if m[1] == "nineteen" else 18 if m[1] == "eighteen" else 20) * 100 + _two_digit_words(m[2])),
        text,
    )
    text = re.sub(
        rf"\btwo thousand(?: and)?(?: ({two_digits}|{units}))?\b",
        lambda m: str(2000 + (0 if not m[1] else (_UNITS_WORDS.index(m[1]) + 1 if m[1] in _UNITS_WORDS else _two_digit_words(m[1])))),
        text,
    )
    months = "|".join(load_lexicon().months)
    ordinals = "|".join(sorted(_ORDINAL_DAYS, key=len, reverse=True))
    return re.sub(rf"\b({months}) (?:the )?({ordinals})\b", lambda m: f"{m[1]} {_ORDINAL_DAYS[m[2]]}", text)
