"""Calendar arithmetic for resolving expressions against an anchor date.

Every function is pure: an anchor date and a few ints in, a date or a
TIMEX3 string out. ``tense`` decides which side of the anchor an
underspecified day falls on: ``"past"`` (on or before), ``"future"`` (on or
after), anything else the nearer one.

Example:
    >>> import datetime as dt
    >>> pick_weekday(dt.date(2020, 12, 24), 7, "past")
    datetime.date(2020, 12, 20)
    >>> format_week(dt.date(2020, 12, 20))
    '2020-W51'
"""

from __future__ import annotations

import calendar
import datetime as dt

__all__ = [
    "Tense",
    "format_day",
    "format_month",
    "format_week",
    "format_quarter",
    "quarter_of",
    "shift_months",
    "shift_quarters",
    "pick_weekday",
    "pick_month_day",
    "pick_month",
    "make_safe_date",
]

#: "past", "present", "future" or None (unknown).
Tense = str | None


def format_day(day: dt.date) -> str:
    """TIMEX3 day value, e.g. ``"2020-12-20"``."""
    return f"{day.year:04d}-{day.month:02d}-{day.day:02d}"


def format_month(year: int, month: int) -> str:
    """TIMEX3 month value, e.g. ``"2020-12"``."""
    return f"{year:04d}-{month:02d}"


def format_week(day: dt.date) -> str:
    """TIMEX3 ISO week value of the week holding ``day``, e.g. ``"2020-W51"``."""
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def quarter_of(day: dt.date) -> int:
    """Calendar quarter 1-4 of ``day``."""
    return (day.month - 1) // 3 + 1


def format_quarter(year: int, quarter: int) -> str:
    """TIMEX3 quarter value, e.g. ``"1989-Q3"``."""
    return f"{year:04d}-Q{quarter}"


def shift_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months, clamped to the month's last day.

    Example:
        >>> shift_months(dt.date(2020, 3, 31), -1)
        datetime.date(2020, 2, 29)
    """
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def shift_quarters(year: int, quarter: int, quarters: int) -> tuple[int, int]:
    """``(year, quarter)`` moved by ``quarters``; ``shift_quarters(1989, 1, -1) == (1988, 4)``."""
    index = year * 4 + quarter - 1 + quarters
    new_year, new_quarter = divmod(index, 4)
    return new_year, new_quarter + 1


def pick_weekday(anchor: dt.date, weekday: int, tense: Tense, strict: bool = False) -> dt.date:
    """The day named by a weekday (ISO, Monday=1) near ``anchor``.

    Args:
        anchor: The reference date (usually the publication date).
        weekday: ISO weekday number.
        tense: ``"past"`` picks the latest such day on or before ``anchor``,
            ``"future"`` the first on or after, otherwise the nearer one
            (the past on a tie, as news mostly reports what happened).
        strict: Exclude ``anchor`` itself ("last Friday" on a Friday).

    Returns:
        The date.
    """
    back = (anchor.isoweekday() - weekday) % 7
    forward = (weekday - anchor.isoweekday()) % 7
    if strict:
        back = back or 7
        forward = forward or 7
    if tense == "past":
        return anchor - dt.timedelta(days=back)
    if tense == "future":
        return anchor + dt.timedelta(days=forward)
    return anchor - dt.timedelta(days=back) if back <= forward else anchor + dt.timedelta(days=forward)


def make_safe_date(year: int, month: int, day: int) -> dt.date | None:
    """``datetime.date`` or None when the triple names no calendar day."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def pick_month_day(anchor: dt.date, month: int, day: int, tense: Tense) -> dt.date | None:
    """The date of a month and day without a year, chosen around ``anchor``.

    Past tense picks the latest occurrence on or before ``anchor``, future the
    first on or after, otherwise the nearer one. None for impossible days.

    Example:
        >>> pick_month_day(dt.date(2020, 12, 23), 1, 3, None)
        datetime.date(2021, 1, 3)
    """
    candidates = [
        found
        for year in (anchor.year - 1, anchor.year, anchor.year + 1)
        if (found := make_safe_date(year, month, day)) is not None
    ]
    if not candidates:
        return None
    before = [c for c in candidates if c <= anchor]
    after = [c for c in candidates if c >= anchor]
    if tense == "past" and before:
        return before[-1]
    if tense == "future" and after:
        return after[0]
    return min(candidates, key=lambda c: (abs((c - anchor).days), c > anchor))


def pick_month(anchor: dt.date, month: int, tense: Tense) -> int:
    """Year of a month named without a year ("in March"), chosen around ``anchor``.

    Returns:
        The year: the anchor's own year unless the tense points across a year end.
        A past clause takes last year's month only when this year's is more than
        two months ahead: one just ahead is what was planned ("was set for April").

    Example:
        >>> pick_month(dt.date(1999, 3, 12), 4, "past"), pick_month(dt.date(1999, 3, 12), 9, "past")
        (1999, 1998)
    """
    if tense == "past" and month > anchor.month + 2:
        return anchor.year - 1
    if tense == "future" and month < anchor.month:
        return anchor.year + 1
    if tense in ("past", "future"):
        return anchor.year
    # nearest: a month more than half a year away lies across the year end
    if month - anchor.month > 6:
        return anchor.year - 1
    if anchor.month - month > 6:
        return anchor.year + 1
    return anchor.year
