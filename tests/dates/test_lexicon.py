"""Tests for newsfold.dates.lexicon."""

from __future__ import annotations

import pytest

from newsfold.dates.lexicon import load_lexicon


@pytest.mark.parametrize(
    ("table", "key", "expected"),
    [("months", "sept", 9), ("weekdays", "sunday", 7), ("seasons", "autumn", "FA"), ("references", "recently", "PAST_REF")],
)
def test_lexicon_load_lexicon_entries(table, key, expected):
    assert getattr(load_lexicon(), table)[key] == expected


def test_lexicon_load_lexicon_is_read_only():
    with pytest.raises(TypeError):
        load_lexicon().months["smarch"] = 13  # type: ignore[index]
