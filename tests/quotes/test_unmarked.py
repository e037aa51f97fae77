"""Tests for newsfold.quotes.unmarked: first-person speech that lost its marks."""

from __future__ import annotations

import pytest

from newsfold.quotes.unmarked import find_unmarked_speech


def _spans(nlp, text: str) -> list[str]:
    doc = nlp(text)
    return [text[u.start : u.end] for u in find_unmarked_speech(doc)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Trump tweeted that rockets hit our embassy.", ["rockets hit our embassy."]),
        # the speech runs to the last first-person sentence of the paragraph
        (
            "Trump tweeted that rockets hit our embassy. Three failed. I blame Iran.\n\nIran denied it.",
            ["rockets hit our embassy. Three failed. I blame Iran."],
        ),
        # the first person may start in the very next sentence
        ("Trump tweeted that rockets hit the embassy. I blame Iran.", ["rockets hit the embassy. I blame Iran."]),
        # reported speech in the journalist's words is not a quotation
        ("The minister said that the talks had failed.", []),
        ("The minister said that the talks had failed. Later they met. I was there.", []),
        # marked speech is left to the quote-mark rules
        ("Trump tweeted that “our embassy was hit by rockets.”", []),
    ],
)
def test_unmarked_finds_first_person_speech(nlp, text: str, expected: list[str]) -> None:
    assert _spans(nlp, text) == expected
