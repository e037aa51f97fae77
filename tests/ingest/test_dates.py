"""Tests for newsfold.ingest.dates."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsfold.ingest.dates import parse_date_value

D = dt.date(2020, 12, 24)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2020-12-24", D),
        (" 2020-12-24 ", D),
        ("1987-02-26T15:01:01", dt.date(1987, 2, 26)),
        ("2020-12-24T23:30:00+05:00", D),  # the declared calendar date, no zone shift
        ("2020-12-24 10:00", D),
        ("December 24, 2020", D),
        ("Dec. 24, 2020", D),
        ("24 Dec 2020", D),
        ("24th December, 2020", D),
        ("Thursday, December 24, 2020", D),
        ("Thu, 24 Dec 2020 10:00:00 +0000", D),
        ("Sept 3, 2020", dt.date(2020, 9, 3)),
        ("2020/12/24", D),
        ("2020.12.24", D),
        (D, D),
        (dt.datetime(2020, 12, 24, 9, 0), D),
        # invalid, side by side
        ("2020-13-01", None),
        ("2020-02-30", None),
        ("12/11/2020", None),  # day/month order is ambiguous: refused, not guessed
        ("soon", None),
        ("", None),
        (None, None),
        (2020, None),
    ],
)
def test_parse_date_value(value: object, expected: dt.date | None) -> None:
    assert parse_date_value(value) == expected


@given(st.dates(min_value=dt.date(1000, 1, 1)))
def test_parse_date_value_round_trips_iso_and_month_names(day: dt.date) -> None:
    assert parse_date_value(day.isoformat()) == day
    assert parse_date_value(f"{day:%d %B} {day.year}") == day


@given(st.text())
def test_parse_date_value_never_raises(text: str) -> None:
    result = parse_date_value(text)
    assert result is None or isinstance(result, dt.date)
