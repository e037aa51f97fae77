"""Tests for newsfold.dates.calendar."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsfold.dates.calendar import (
    format_week,
    pick_month,
    pick_month_day,
    pick_weekday,
    shift_months,
    shift_quarters,
)

THU = dt.date(2020, 12, 24)  # a Thursday


@pytest.mark.parametrize(
    ("weekday", "tense", "strict", "expected"),
    [
        (7, "past", False, dt.date(2020, 12, 20)),
        (3, "past", False, dt.date(2020, 12, 23)),
        (4, "past", False, THU),  # the anchor's own weekday is the anchor
        (4, "past", True, dt.date(2020, 12, 17)),
        (7, "future", False, dt.date(2020, 12, 27)),
        (4, "future", True, dt.date(2020, 12, 31)),
        (5, None, False, dt.date(2020, 12, 25)),  # nearer: tomorrow
        (1, None, False, dt.date(2020, 12, 21)),  # nearer: three days back
    ],
)
def test_calendar_pick_weekday(weekday, tense, strict, expected):
    assert pick_weekday(THU, weekday, tense, strict) == expected


@pytest.mark.parametrize(
    ("month", "day", "tense", "expected"),
    [
        (1, 3, None, dt.date(2021, 1, 3)),
        (1, 3, "past", dt.date(2020, 1, 3)),
        (12, 20, "future", dt.date(2021, 12, 20)),
        (12, 20, None, dt.date(2020, 12, 20)),
        (2, 30, None, None),
    ],
)
def test_calendar_pick_month_day(month, day, tense, expected):
    assert pick_month_day(THU, month, day, tense) == expected


@pytest.mark.parametrize(
    ("month", "tense", "expected"),
    [(3, "past", 2020), (3, "future", 2021), (11, None, 2020), (2, None, 2021), (6, None, 2020)],
)
def test_calendar_pick_month(month, tense, expected):
    assert pick_month(THU, month, tense) == expected


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [(dt.date(2020, 3, 31), -1, dt.date(2020, 2, 29)), (dt.date(2020, 12, 15), 1, dt.date(2021, 1, 15))],
)
def test_calendar_shift_months(day, months, expected):
    assert shift_months(day, months) == expected


@pytest.mark.parametrize(("start", "shift", "expected"), [((1989, 1), -1, (1988, 4)), ((1989, 4), 1, (1990, 1))])
def test_calendar_shift_quarters(start, shift, expected):
    assert shift_quarters(*start, shift) == expected


@pytest.mark.parametrize(("day", "expected"), [(dt.date(2020, 12, 20), "2020-W51"), (dt.date(2021, 1, 3), "2020-W53")])
def test_calendar_format_week(day, expected):
    assert format_week(day) == expected


@given(st.dates(min_value=dt.date(1900, 1, 8), max_value=dt.date(2100, 12, 24)), st.integers(1, 7))
def test_calendar_pick_weekday_lands_on_weekday_within_a_week(anchor, weekday):
    for tense in ("past", "future", None):
        day = pick_weekday(anchor, weekday, tense)
        assert day.isoweekday() == weekday
        assert abs((day - anchor).days) <= 6
