"""Tests for newsfold.dates.detect, on hand-built Docs with entities."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from newsfold.dates.detect import find_candidates, is_explicit


def make_doc(words, ents):
    return Doc(spacy.blank("en").vocab, words=words, ents=ents)


@pytest.mark.parametrize(
    ("words", "ents", "expected"),
    [
        (["It", "fell", "on", "Sunday", "."], ["O", "O", "O", "B-DATE", "O"], ["Sunday"]),
        # the NER missed the weekday and "now": the extra patterns find them
        (["It", "fell", "on", "Sunday", "and", "now", "rises"], ["O"] * 7, ["Sunday", "now"]),
        # "X ended Y" is two expressions
        (["the", "quarter", "ended", "Sept.", "30"], ["B-DATE", "I-DATE", "I-DATE", "I-DATE", "I-DATE"], ["the quarter", "Sept. 30"]),
        # coordinated dates split, a bare day number left over is dropped
        (["between", "1994", "and", "1997"], ["O", "B-DATE", "I-DATE", "I-DATE"], ["1994", "1997"]),
        # ages and bare numbers are not timexes
        (["a", "6-year-old", "boy"], ["O", "B-DATE", "O"], []),
        (["Smith", ",", "52", ","], ["O", "O", "B-DATE", "O"], []),
        # possessive 's and hedges trimmed
        (["this", "year", "'s", "results"], ["B-DATE", "I-DATE", "I-DATE", "O"], ["this year"]),
        (["about", "two", "weeks"], ["B-DATE", "I-DATE", "I-DATE"], ["two weeks"]),
        # a QUANTITY measured in time is a duration; one measured in anything else is not
        (["about", "5", "1/2", "hours", "in", "Nairobi"], ["B-QUANTITY", "I-QUANTITY", "I-QUANTITY", "I-QUANTITY", "O", "O"], ["5 1/2 hours"]),
        (["about", "5", "1/2", "miles", "to", "Nairobi"], ["B-QUANTITY", "I-QUANTITY", "I-QUANTITY", "I-QUANTITY", "O", "O"], []),
        # a time followed by its day is one expression
        (["at", "9", "a.m.", "Tuesday"], ["O", "B-TIME", "I-TIME", "B-DATE"], ["9 a.m. Tuesday"]),
    ],
)
def test_detect_find_candidates(words, ents, expected):
    assert [span.text for span in find_candidates(make_doc(words, ents))] == expected


@pytest.mark.parametrize(("text", "expected"), [("the night", False), ("the week of March 6", True), ("1994", True), ("Friday", True), ("annual", False)])
def test_detect_is_explicit(text, expected):
    assert is_explicit(text) is expected
