"""Tests for newsfold.ingest.normalise."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfold.ingest.normalise import normalise_text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("don\u00e2\u20ac\u2122t", "don\u2019t"),  # UTF-8 read as cp1252
        ("Caf\u00c3\u00a9", "Caf\u00e9"),
        ("a\r\nb\rc\n", "a\nb\nc\n"),
        ("\r\x08\n", "\n\n"),  # a CR and an LF apart: two line ends, as ftfy makes them (found by hypothesis)
        ("a\r\x1b[v\na", "a\n\na"),  # likewise with a terminal escape between them
        ("line\u2028sep", "line\nsep"),
        ("e\u0301", "\u00e9"),  # NFD to NFC
        ("\ufeffstart", "start"),  # stray BOM inside text
        ("bell\x07 and \x1b[1mbold\x1b[0m", "bell and bold"),
        ("\u201ccurly\u201d quotes stay", "\u201ccurly\u201d quotes stay"),
        ("AT&amp;T stays escaped", "AT&amp;T stays escaped"),
        ("plain ASCII text\n", "plain ASCII text\n"),
        ("tabs\tand\x0cform feeds stay", "tabs\tand\x0cform feeds stay"),
    ],
)
def test_normalise_text_repairs(raw: str, expected: str) -> None:
    assert normalise_text(raw) == expected


@settings(max_examples=400, deadline=None)
@given(st.text())
def test_normalise_text_is_idempotent_and_nfc(text: str) -> None:
    once = normalise_text(text)
    assert normalise_text(once) == once
    assert unicodedata.is_normalized("NFC", once)
    assert "\r" not in once


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8")).map(lambda s: s.encode("utf-8").decode("cp1252", "replace")))
def test_normalise_text_is_idempotent_on_mojibake(text: str) -> None:
    once = normalise_text(text)
    assert normalise_text(once) == once


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_normalise_text_ascii_fast_path_matches_ftfy(text: str) -> None:
    import ftfy

    from newsfold.ingest.normalise import _FTFY_CONFIG

    assert normalise_text(text) == ftfy.fix_text(ftfy.fix_text(text, _FTFY_CONFIG), _FTFY_CONFIG)
