"""A long text of a column read in windows and pieces, as if it were the Python string."""

from __future__ import annotations

import re

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfold.text_windows import TextWindows

#: Words, spaces, punctuation, digits and characters beyond Latin-1 (which make Python strings wider).
_ALPHABET = st.sampled_from(list("AbcIraqi  \n.,;\u201c\u201d-_9é€中"))
_WORDS = re.compile(r"\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\b")  # the shape of the demonym count's pattern


@pytest.mark.parametrize(
    ("text", "piece_chars", "pieces"),
    [
        ("Paris, Texas. Iraqi officials said.", 8, ["Paris,", " Texas.", " Iraqi officials said."]),
        ("no punctuation at all", 4, ["no punctuation at all"]),  # no cut possible: one piece
        ("a.b.c", 1, ["a.", "b.", "c"]),
        ("“Quoted” words, then more", 10, ["“", "Quoted” words,", " then more"]),  # pieces count bytes: “ is 3
        ("", 4, []),
    ],
)
def test_text_windows_pieces_cut_after_punctuation(text, piece_chars, pieces):
    assert list(TextWindows(pl.Series([text]), 0, piece_chars=piece_chars).pieces()) == pieces


@pytest.mark.parametrize(
    ("window", "expected"),
    [(slice(0, 5), "Paris"), (slice(7, 12), "Texas"), (slice(30, 99), "said."), (slice(5, 5), ""), (slice(-2, None), "d.")],
)
def test_text_windows_slices_like_the_string(window, expected):
    text = TextWindows(pl.Series(["other", "Paris, Texas. Iraqi officials said."]), 1, piece_chars=4)
    assert text[window] == expected


def test_text_windows_refuses_an_index_or_a_step():
    text = TextWindows(pl.Series(["Paris"]), 0)
    with pytest.raises(TypeError):
        text[0]  # noqa: B018
    with pytest.raises(ValueError):
        text[0:4:2]  # noqa: B018


@settings(max_examples=300, deadline=None)
@given(st.text(_ALPHABET, max_size=200), st.integers(1, 30), st.lists(st.tuples(st.integers(-5, 210), st.integers(0, 40)), max_size=12))
def test_text_windows_read_as_the_string_does(text, piece_chars, windows):
    """Pieces join back into the text, the word pattern finds the same words over them, and any window is the string's."""
    long_text = TextWindows(pl.Series(["x", text]), 1, piece_chars=piece_chars)
    pieces = list(long_text.pieces())
    assert "".join(pieces) == text and len(long_text) == len(text)
    assert [m[0] for piece in pieces for m in _WORDS.finditer(piece)] == [m[0] for m in _WORDS.finditer(text)]
    for start, width in sorted(windows):  # in increasing order, as the geocoder reads them
        assert long_text[start : start + width] == text[start : start + width]


def test_text_windows_docstring_examples_hold():
    import doctest

    import newsfold.text_windows

    result = doctest.testmod(newsfold.text_windows)
    assert result.attempted > 0 and result.failed == 0
