"""Sentence ends found in the text itself, where the parse runs a sentence over a quotation.

spaCy's sentences often go on over "... Franken said. “Well ..." when a quotation
follows; a full stop, question or exclamation mark, then space and a capital (or an
opening mark) ends a sentence here, except a full stop after an abbreviation ("Mr.",
"Sen.", "U.S.").

Example:
    >>> last_sentence_start("Franken said. “Well, we are like a bridge.”", 0, 14)
    14
"""

from __future__ import annotations

import re

__all__ = ["starts_a_sentence_within", "last_sentence_start"]

_SENTENCE_END = re.compile(r"[.?!][\"”'’]*\s+[\"“'‘]*[A-Z]")
_ABBREVIATION = re.compile(r"(?:^|\s)(?:[A-Z][a-z]{0,3}|[A-Z](?:\.[A-Z])*)$")  # Mr. Sen. Gov. U.S.


def _ends(text: str, lo: int, hi: int):
    for match in _SENTENCE_END.finditer(text, lo, hi):
        if text[match.start()] != "." or not _ABBREVIATION.search(text, max(lo, match.start() - 6), match.start()):
            yield match


def starts_a_sentence_within(text: str, lo: int, hi: int) -> bool:
    """Whether a new sentence starts inside ``text[lo:hi]`` (a full stop after "Mr" or "U.S" does not count)."""
    return next(_ends(text, lo, hi), None) is not None


def last_sentence_start(text: str, lo: int, hi: int) -> int | None:
    """Offset of the last sentence start inside ``text[lo:hi + 1]`` (its first character after the space), or ``None``.

    ``hi`` may be an opening mark: "said. “Well" starts a sentence at the mark, and so does
    "realistic. ''I hate" at a two-character ASCII mark, whose capital comes one character later.
    """
    last = None
    reach = 3 if text.startswith("''", hi) else 2
    for match in _ends(text, lo, min(hi + reach, len(text))):
        start = match.start() + 1
        while start < match.end() and (text[start] in "\"”'’" or text[start].isspace()):
            start += 1
        last = start
    return last
