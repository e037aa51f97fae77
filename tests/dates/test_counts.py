"""Tests for newsfold.dates.counts."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsfold.dates.counts import parse_count


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("twenty four", 24),
        ("a", 1),
        ("1,000", 1000),
        ("2.5", 2.5),
        ("one hundred and five", 105),
        ("several", None),
        ("", None),
        ("rockets", None),
    ],
)
def test_counts_parse_count(text, expected):
    assert parse_count(text) == expected


@given(st.integers(0, 10**6))
def test_counts_parse_count_reads_digits_back(number):
    assert parse_count(f"{number:,}") == number
