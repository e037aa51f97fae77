"""Tests for newsfold.quotes.sentences: sentence ends read off the text."""

from __future__ import annotations

import pytest

from newsfold.quotes.sentences import last_sentence_start, starts_a_sentence_within


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a full stop, a space and an opening mark: the quotation opens a sentence
        ("Franken said. “Well, we are like a bridge.”", 14),
        ("He said it twice. He left. “Nobody stayed.”", 27),
        # a full stop after an abbreviation ends nothing; nor does a colon
        ("Mr. Trump said: “Well, we are like a bridge.”", None),
        ("Sen. Jones of the U.S. Senate said “Well, we are like a bridge.”", None),
    ],
)
def test_sentences_last_sentence_start(text, expected) -> None:
    assert last_sentence_start(text, 0, text.index("“")) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“A bridge,” Mr. Franken said. “Well, we are.”", True),
        ("“A bridge,” said Mr. Franken of Minnesota, “well, we are.”", False),
    ],
)
def test_sentences_starts_a_sentence_within(text, expected) -> None:
    assert starts_a_sentence_within(text, text.index("”"), text.rindex("“") + 2) is expected


# A two-character ASCII opening mark ('') puts the sentence's capital one character further on
# (issue 10, fifth round); a lower-case word after it opens nothing, and a single mark is as before.
@pytest.mark.parametrize(
    ("text", "mark", "expected"),
    [
        # (straight marks are stepped over to the first letter, as for '"')
        ("She wanted to be realistic. ''I hate the term,'' she said.", "''", 30),
        ("She wanted to be realistic. ''and hated the term,'' she said.", "''", None),
        ("She wanted to be realistic. “I hate the term,” she said.", "“", 28),
    ],
)
def test_sentences_last_sentence_start_at_a_two_character_mark(text, mark, expected) -> None:
    assert last_sentence_start(text, 0, text.index(mark)) == expected
