"""Tests for newsfold.paths: any file name stored losslessly and printably."""

from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfold.paths import escape_path, unescape_path


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        (b"plain.txt", "plain.txt"),
        ("caf\u00e9/\u4e2d\u6587.txt".encode(), "caf\u00e9/\u4e2d\u6587.txt"),
        (b"latin1-caf\xe9.txt", "latin1-caf\\xe9.txt"),
        (b"two\nlines.txt", "two\\nlines.txt"),
        (b"tab\tand\rcr.txt", "tab\\tand\\rcr.txt"),
        (b"back\\slash.txt", "back\\\\slash.txt"),
        (b"bell\x07.txt", "bell\\u0007.txt"),
        ("sep\u2028line.txt".encode(), "sep\\u2028line.txt"),
        ("unassigned\u058b.txt".encode(), "unassigned\\u058b.txt"),
        ("nb\u00a0space\u00ad.txt".encode(), "nb\\u00a0space\\u00ad.txt"),
        ("emoji\U0001f600.txt".encode(), "emoji\U0001f600.txt"),
        ("private\U000f0000.txt".encode(), "private\\U000f0000.txt"),
        (b"lit\\xe9.txt", "lit\\\\xe9.txt"),  # a name that looks like an escape stays distinct
        (b"\xff\xfe" * 3 + b".txt", "\\xff\\xfe\\xff\\xfe\\xff\\xfe.txt"),
    ],
)
def test_escape_path_table(raw: bytes, stored: str) -> None:
    name = os.fsdecode(raw)
    assert escape_path(name) == stored
    assert stored.isprintable()
    stored.encode("utf-8")  # never raises: no lone surrogates
    assert unescape_path(stored) == name
    assert os.fsencode(unescape_path(stored)) == raw


@settings(max_examples=1000)
@given(st.binary(min_size=1, max_size=40).filter(lambda b: b"/" not in b and b"\x00" not in b))
def test_escape_path_round_trips_any_file_name(raw: bytes) -> None:
    stored = escape_path(os.fsdecode(raw))
    assert stored.isprintable()
    assert os.fsencode(unescape_path(stored)) == raw
