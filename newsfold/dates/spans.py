"""Rules for spans of time, clock times and parts of the day.

Durations ("two years" P2Y, "several days" PXD), clock times ("3 p.m.
Wednesday" 2020-12-23T15:00, "4 in the morning" on an unknown day T04:00)
and parts of a known day ("that evening" 2020-12-23TEV). Sets ("daily",
"every Monday") are in :mod:`~newsfold.dates.sets`.
"""

from __future__ import annotations

import datetime as dt
import re

from newsfold.dates.calendar import format_day
from newsfold.dates.counts import parse_count
from newsfold.dates.lexicon import load_lexicon
from newsfold.dates.timex import Context, Timex

def resolve_duration(match: re.Match, context: Context) -> Timex | None:
    amount = parse_count(match["count"]) if match["count"] else None
    if match["count"] and (amount is None or re.fullmatch(r"1\d{3}|20\d{2}", match["count"])):
        return None  # "the 1988 quarter" is a year, not 1988 quarters
    return Timex(format_duration(amount, match["unit"]), "duration")


_FRACTIONS = {"1/2": 0.5, "a half": 0.5, "one half": 0.5, "1/4": 0.25, "a quarter": 0.25, "3/4": 0.75, "three quarters": 0.75}


def resolve_fraction_duration(match: re.Match, context: Context) -> Timex | None:
    """"5 1/2 hours" PT5H30M, "two and a half years" P2Y6M, "half an hour" PT30M."""
    if match.groupdict().get("half"):
        amount: float | None = 0.5
    else:
        # the count pattern may swallow the "and" of "two and a half"
        whole = parse_count(re.sub(r" and$", "", match["whole"]))
        if whole is None:
            return None
        amount = whole + _FRACTIONS[match.groupdict().get("digits") or match["frac"]]
    return Timex(format_duration(amount, match["unit"]), "duration")


# a fractional amount goes into the next smaller unit, as TIMEX3 writes it (PT5H30M, not PT5.5H)
_SMALLER = {"hour": ("H", "M", 60, True), "minute": ("M", "S", 60, True), "year": ("Y", "M", 12, False), "day": ("D", "H", 24, None)}


def _compound(amount: float, unit: str) -> str | None:
    if unit not in _SMALLER:
        return None
    code, smaller, factor, time = _SMALLER[unit]
    whole, rest = int(amount), (amount - int(amount)) * factor
    if not float(rest).is_integer():
        return None
    head = f"{whole}{code}" if whole else ""
    if time is None:  # days and hours: P2DT12H
        return f"P{head}T{int(rest)}{smaller}" if head else f"PT{int(rest)}{smaller}"
    return f"{'PT' if time else 'P'}{head}{int(rest)}{smaller}"


def resolve_single_duration(match: re.Match, context: Context) -> Timex | None:
    return Timex(format_duration(1, match["unit"]), "duration")


def resolve_year_duration(match: re.Match, context: Context) -> Timex | None:
    return Timex("P1Y", "duration")


def resolve_duration_of(match: re.Match, context: Context) -> Timex | None:
    # "the first nine months of 1997" measures a span: the duration is the value
    found = _reparse(match["head"], context, depth=3)
    return found if found is not None and found.granularity == "duration" else None


def resolve_vague_duration(match: re.Match, context: Context) -> Timex | None:
    unit = "century" if match["unit"] == "centurie" else match["unit"]
    return Timex(format_duration(None, unit), "duration")


def format_duration(amount: float | None, unit: str) -> str:
    """The TIMEX3 value of ``amount`` ``unit``s; None as amount means an unknown number.

    Example:
        >>> format_duration(3, "day"), format_duration(5.5, "hour"), format_duration(None, "year")
        ('P3D', 'PT5H30M', 'PXY')
    """
    spec = load_lexicon().units[unit]
    if amount is not None and not float(amount).is_integer() and (compound := _compound(amount, unit)):
        return compound
    if amount is None:
        number = "X"
    else:
        scaled = amount * spec.factor
        number = str(int(scaled)) if float(scaled).is_integer() else str(scaled)
    if unit == "weekend":
        return f"P{'X' if amount is None else int(amount) * 2}D"
    # TimeBank writes counted decades, centuries and quarters in years and months.
    if amount is not None and unit in ("decade", "century", "quarter"):
        scaled = amount * {"decade": 10, "century": 100, "quarter": 3}[unit]
        number = str(int(scaled)) if float(scaled).is_integer() else str(scaled)
        return f"P{number}{'M' if unit == 'quarter' else 'Y'}"
    if amount is None and unit == "quarter":
        return "PXM"
    return f"PT{number}{spec.code}" if spec.time else f"P{number}{spec.code}"


def resolve_clock(match: re.Match, context: Context) -> Timex | None:
    """"10:30 a.m." on the narrative's day; "4 in the morning" T04:00 when no day is known.

    A day written next to the clock ("3 p.m. Wednesday") wins; otherwise the
    last explicit day of the narrative, then the anchor. With none of them
    the value is the bare clock time (``T10:30``), which TIMEX3 allows.
    """
    day: dt.date | None = context.reference or context.anchor
    if match["prefix"] or match["suffix"]:
        found = _reparse(match["prefix"] or match["suffix"], context, depth=3)
        if found is None or found.resolved_date is None:
            return None
        day = found.resolved_date
    clock = match["clock"]
    if clock in ("noon", "midnight", "midday"):
        hour, minute = (0, 0) if clock == "midnight" else (12, 0)
    else:
        part = match["clock_part"]
        if not (match["minute"] or match["ampm"] or part or match["oclock"]):
            return None  # a bare number is not a time
        if match["sep"] == "." and not (match["ampm"] or part):
            return None  # "10.30" is a decimal unless "a.m." or "in the morning" says otherwise
        hour, minute = int(match["hour"]), int(match["minute"] or 0)
        afternoon = match["ampm"] == "pm" or part in ("afternoon", "evening") or (part == "night" and hour >= 6)
        if afternoon and hour < 12:
            hour += 12
        elif (match["ampm"] == "am" or part in ("morning", "night")) and hour == 12:
            hour = 0
    if day is None:
        return Timex(f"T{hour:02d}:{minute:02d}", "time")
    return Timex(f"{format_day(day)}T{hour:02d}:{minute:02d}", "time", day)


_NEXT_DAY = {"the next": 1, "the following": 1, "next": 1, "the previous": -1, "the preceding": -1}


def resolve_day_part(match: re.Match, context: Context) -> Timex | None:
    """"that evening", "in the morning", "early afternoon": that part of the narrative's day.

    The day is the last explicit day of the narrative, else the anchor;
    "the next morning" is the day after it. With no day known the value is
    the part alone (``TMO``, ``TAF``, ``TEV``, ``TNI``).
    """
    code = "T" + load_lexicon().day_parts[match["part"]]
    day: dt.date | None = context.reference or context.anchor
    if day is None:
        return Timex(code, "time")
    day = day + dt.timedelta(days=_NEXT_DAY.get(match["rel"] or "", 0))
    return Timex(format_day(day) + code, "time", day)


def _reparse(words: str, context: Context, depth: int) -> Timex | None:
    """Normalise a part of the expression with the full rule table."""
    from newsfold.dates.normalise import (
        normalise_words,  # late: normalise imports this module
    )

    return normalise_words(words, context, depth)
