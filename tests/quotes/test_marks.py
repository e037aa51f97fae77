"""Tests for newsfold.quotes.marks: pairing quote marks into spans."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsfold.quotes.marks import find_quote_spans


def _contents(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_quote_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "we will win" today.', ["we will win"]),
        ("He said “we will win” today.", ["we will win"]),
        ("Il a dit « nous allons gagner » hier.", ["nous allons gagner"]),
        ("“ These attacks were carried out ”", ["These attacks were carried out"]),
        # split by "he said": two quotations
        ("“We will win,” he said. “They will lose.”", ["We will win,", "They will lose."]),
        # a quotation running over paragraphs: the paragraph is left open and the next reopens
        ("“We will win.\n\n“They will lose.”\nAfter.", ["We will win.\n\n“They will lose."]),
        # a mis-typed closing mark (opening glyph glued to the word) still closes
        ("He said “we will win“ today.", ["we will win"]),
        # LDC / LaTeX-era ASCII marks
        ("He said, ''I hope not, really.'' Then", ["I hope not, really."]),
        ("He said ``we will win'' today.", ["we will win"]),
        ("No quotes at all.", []),
        ("Empty “” marks.", []),
    ],
)
def test_marks_pairs_quote_marks(text: str, expected: list[str]) -> None:
    assert _contents(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a stray opening mark is dropped; the next quotation survives
        ("He called it “a disaster. Then “We will win,” she said.", ["We will win,"]),
        # a stray closing mark (inches) is dropped
        ('He is 6\'2" tall. "We will win," she said.', ["We will win,"]),
        # unclosed at the paragraph's end, next paragraph does not reopen: stray
        ("He said “we will\nwin. “They lose,” she said.", ["They lose,"]),
        # unclosed at the very end of the text
        ("“We won,” he said. And “then", ["We won,"]),
        ("”Stray close first. “Real one,” he said.", ["Real one,"]),
    ],
)
def test_marks_stray_mark_keeps_other_quotes(text: str, expected: list[str]) -> None:
    assert _contents(text) == expected


@given(st.text(alphabet=st.sampled_from(list('ab .,\n"“”«»\'')), max_size=80))
def test_marks_spans_are_ordered_trimmed_and_inside(text: str) -> None:
    spans = find_quote_spans(text)
    previous_end = -1
    for span in spans:
        assert 0 <= span.open_mark < span.start < span.end <= len(text)
        assert span.start > previous_end
        content = text[span.start : span.end]
        assert content == content.strip() and content
        previous_end = span.end
