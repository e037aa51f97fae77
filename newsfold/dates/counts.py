"""Read the count in front of a unit: "two", "24", "a", "several".

Example:
    >>> parse_count("twenty four")
    24
    >>> parse_count("several") is None
    True
"""

from __future__ import annotations

import re

from text_to_num import text2num

__all__ = ["NUMBER_WORDS", "COUNT_PATTERN", "parse_count"]

NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
    "eighty ninety hundred thousand million"
).split()

_WORD = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
#: A written count: digits, "a"/"an", or number words ("twenty four").
COUNT_PATTERN = rf"(?:\d[\d,]*(?:\.\d+)?|a couple of|couple of|an?|(?:{_WORD})(?: (?:{_WORD}|and))*)"
_SPECIAL = {"a": 1, "an": 1, "dozen": 12, "a dozen": 12, "half a": 0.5, "a half": 0.5, "a couple of": 2, "couple of": 2, "a couple": 2}


def parse_count(text: str) -> int | float | None:
    """The number written in ``text``, or None when it names no exact count.

    Args:
        text: Lowercase count words or digits, e.g. ``"twenty four"``, ``"1,000"``.

    Returns:
        An int (or float for decimals), or None for vague counts and junk.
    """
    text = text.strip()
    if text in _SPECIAL:
        return _SPECIAL[text]
    if re.fullmatch(r"\d[\d,]*", text):
        return int(text.replace(",", ""))
    if re.fullmatch(r"\d+\.\d+", text):
        return float(text)
    try:
        return text2num(text.replace(" and ", " "), "en")
    except ValueError:
        return None
