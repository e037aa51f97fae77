"""Rules for expressions resolved relative to the anchor or the narrative.

Deictic days ("yesterday"), weekdays by tense, "last month", "this week",
"two years ago", "days later", "a year earlier", "that day". Each
``resolve_*`` takes the rule's regex match and the Context.
"""

from __future__ import annotations

import datetime as dt
import re

from newsfold.dates.calendar import (
    format_day,
    format_month,
    format_quarter,
    format_week,
    pick_weekday,
    quarter_of,
    shift_months,
    shift_quarters,
)
from newsfold.dates.counts import parse_count
from newsfold.dates.lexicon import load_lexicon
from newsfold.dates.timex import Context, Timex, make_day_timex


def resolve_deictic_day(match: re.Match, context: Context) -> Timex | None:
    if context.anchor is None:
        return None
    offset = {"today": 0, "this day": 0, "yesterday": -1, "tomorrow": 1,
              "the day before yesterday": -2, "the day after tomorrow": 2}[match["deixis"]]
    return make_day_timex(context.anchor + dt.timedelta(days=offset))


def resolve_deictic_part(match: re.Match, context: Context) -> Timex | None:
    if context.anchor is None:
        return None
    if match["tonight"]:
        return Timex(format_day(context.anchor) + "TNI", "time", context.anchor)
    code = load_lexicon().day_parts[match["part"]]
    offset = {"today": 0, "this": 0, "yesterday": -1, "tomorrow": 1, "last": -1}[match["deixis"]]
    if match["deixis"] == "last" and code != "NI":
        return None
    day = context.anchor + dt.timedelta(days=offset)
    return Timex(format_day(day) + "T" + code, "time", day)


def resolve_weekday(match: re.Match, context: Context) -> Timex | None:
    if context.anchor is None:
        return None
    weekday = load_lexicon().weekdays[match["weekday"]]
    rel = match["rel"] or ""
    if rel in ("last", "this past", "past", "the previous"):
        day = pick_weekday(context.anchor, weekday, "past", strict=True)
    elif rel in ("next", "this coming", "coming", "the following"):
        day = pick_weekday(context.anchor, weekday, "future", strict=True)
    elif (weekday - context.anchor.isoweekday()) % 7 in (1, 6):
        # The day before or after publication: news reports yesterday and announces
        # tomorrow in any tense ("will be released Thursday" written on Friday morning).
        day = pick_weekday(context.anchor, weekday, None)
    else:
        day = pick_weekday(context.anchor, weekday, context.tense)
    if match["part"]:
        return Timex(format_day(day) + "T" + load_lexicon().day_parts[match["part"]], "time", day)
    return make_day_timex(day)


def resolve_narrative_day(match: re.Match, context: Context) -> Timex | None:
    return make_day_timex(context.reference or context.anchor)


def resolve_year_ago(match: re.Match, context: Context) -> Timex | None:
    if context.anchor is None:
        return None
    rest = match["rest"] or match["rest2"]
    if rest is None:
        return shift_by(context, context.anchor, -1, "year", exact=True)
    if rest in ("period", "quarter", "the quarter", "the period", "the latest quarter"):
        year, quarter = shift_quarters(context.anchor.year, quarter_of(context.anchor), -5)
        return Timex(format_quarter(year, quarter), "quarter")
    found = _reparse(rest, context, depth=3)
    if found is None:
        return None
    if found.granularity in ("duration", "set", "reference"):
        return found
    shifted = re.match(r"(\d{4})(.*)", found.value)
    if shifted is None:
        return None
    day = found.resolved_date.replace(year=found.resolved_date.year - 1) if found.resolved_date and not (
        found.resolved_date.month == 2 and found.resolved_date.day == 29) else None
    return Timex(f"{int(shifted[1]) - 1:04d}{shifted[2]}", found.granularity, day)


def resolve_of_year(match: re.Match, context: Context) -> Timex | None:
    if context.anchor is None:
        return None
    step = {"this": 0, "last": -1, "next": 1}[match["rel"] or match["rel2"]]
    year = context.anchor.year + step
    anchor = dt.date(year, 7, 1)  # mid-year: every month of the named year is the nearest one
    inner = Context(anchor=anchor, tense=None, reference=context.reference, quarter_hint=context.quarter_hint)
    rest = match["rest"] or match["rest2"]
    if rest in ("quarter", "period"):
        # "last year's quarter": the reported quarter, a year back
        _, quarter = shift_quarters(context.anchor.year, quarter_of(context.anchor), -1)
        return Timex(format_quarter(year, quarter), "quarter")
    found = _reparse(rest, inner, depth=3)
    if found is None or not found.value.startswith(f"{year:04d}"):
        return None
    return found


def resolve_relative_unit(match: re.Match, context: Context) -> Timex | None:
    if context.anchor is None:
        return None
    rel, unit = match["rel"], match["unit"]
    step = {"last": -1, "the previous": -1, "next": 1, "the following": 1, "coming": 1}.get(rel, 0)
    narrative = rel in ("the previous", "the following", "that", "the same")
    anchor = (context.reference or context.anchor) if narrative else context.anchor
    if unit == "day":
        return make_day_timex(anchor + dt.timedelta(days=step)) if rel != "the" else None
    if unit in ("week", "weekend"):
        day = anchor + dt.timedelta(weeks=step)
        if unit == "weekend" and step == 0 and context.tense == "past" and anchor.isoweekday() < 6:
            day -= dt.timedelta(weeks=1)
        return Timex(format_week(day) + ("-WE" if unit == "weekend" else ""), "week")
    if unit == "month":
        shifted = shift_months(anchor, step)
        return Timex(format_month(shifted.year, shifted.month), "month")
    if unit in ("fiscal year", "fiscal"):
        return Timex(f"FY{anchor.year + step:04d}", "year")
    if unit == "year":
        return Timex(f"{anchor.year + step:04d}", "year")
    if unit == "decade":
        return Timex(f"{anchor.year // 10 + step:03d}X", "decade")
    return Timex(f"{anchor.year // 100 + step:02d}XX", "century")


def resolve_previous_unit(match: re.Match, context: Context) -> Timex | None:
    # TimeBank reads "the past year" as last year, not as a twelve-month span
    if context.anchor is None:
        return None
    if match["unit"] == "week":
        return Timex(format_week(context.anchor - dt.timedelta(weeks=1)), "week")
    return shift_by(Context(anchor=context.anchor), context.anchor, -1, match["unit"], exact=True)


def resolve_year_end(match: re.Match, context: Context) -> Timex | None:
    if context.anchor is None:
        return None
    text = match[0]
    if "ago" in text or "earlier" in text:
        return shift_by(context, context.anchor, -1, "year", exact=True)
    return Timex(f"{context.anchor.year:04d}", "year")


def resolve_shift(match: re.Match, context: Context) -> Timex | None:
    direction = match["dir"]
    sign = -1 if direction in ("ago", "earlier", "before", "previously", "back", "prior", "before that") else 1
    base = context.anchor if direction in ("ago", "from now", "hence", "back") else (context.reference or context.anchor)
    if base is None:
        return None
    amount = parse_count(match["count"]) if match["count"] else None
    if match["count"] and amount is None:
        return None
    unit = match["unit"]
    if amount is None:
        return shift_vaguely(base, sign, unit)
    return shift_by(context, base, sign * amount, unit, exact=True)


#: Years one unit of a shift moves the date: how far a count of them reaches.
_YEARS_PER_UNIT = {
    "day": 1 / 365.25, "night": 1 / 365.25, "week": 7 / 365.25, "weekend": 7 / 365.25, "fortnight": 14 / 365.25,
    "month": 1 / 12, "quarter": 1 / 4, "year": 1, "decade": 10, "century": 100,
}


def shift_by(context: Context, base: dt.date, amount: float, unit: str, exact: bool) -> Timex | None:
    amount = int(amount)
    if not 1 <= base.year + amount * _YEARS_PER_UNIT.get(unit, 0) <= 9999:
        return None  # "2020 decades on": a count that leaves the calendar, no date at all
    if unit in ("day", "night"):
        return make_day_timex(base + dt.timedelta(days=amount))
    if unit in ("week", "weekend", "fortnight"):
        day = base + dt.timedelta(weeks=amount * (2 if unit == "fortnight" else 1))
        # "a week ago", "two weeks ago" name a day; further back only the week is meant
        return make_day_timex(day) if abs(amount) <= 2 and unit == "week" else Timex(format_week(day), "week")
    if unit == "month":
        shifted = shift_months(base, amount)
        return Timex(format_month(shifted.year, shifted.month), "month")
    if unit == "quarter":
        year, quarter = shift_quarters(base.year, quarter_of(base), amount)
        return Timex(format_quarter(year, quarter), "quarter")
    if unit == "year":
        if context.quarter_hint:
            # the quarter being reported is the one closed before publication
            reported = context.anchor or base
            year, quarter = shift_quarters(reported.year, quarter_of(reported), -1)
            return Timex(format_quarter(year + amount, quarter), "quarter")
        return Timex(f"{base.year + amount:04d}", "year")
    if unit == "decade":
        return Timex(f"{(base.year + 10 * amount) // 10:03d}X", "decade")
    if unit == "century":
        return Timex(f"{(base.year + 100 * amount) // 100:02d}XX", "century")
    if unit in ("hour", "minute", "second"):
        return make_day_timex(base) if abs(amount) < 24 or unit != "hour" else make_day_timex(base + dt.timedelta(hours=amount))
    return None


def shift_vaguely(base: dt.date, sign: int, unit: str) -> Timex | None:
    # "days later" names a day we cannot pin; the month it falls in is the honest value.
    if unit in ("day", "night"):
        day = base + dt.timedelta(days=3 * sign)
        return Timex(format_month(day.year, day.month), "month")
    if unit in ("week", "weekend"):
        day = base + dt.timedelta(weeks=2 * sign)
        return Timex(format_month(day.year, day.month), "month")
    if unit in ("hour", "minute", "second"):
        return make_day_timex(base)
    return Timex("PAST_REF" if sign < 0 else "FUTURE_REF", "reference")


def _reparse(words: str, context: Context, depth: int) -> Timex | None:
    """Normalise a part of the expression with the full rule table."""
    from newsfold.dates.normalise import (
        normalise_words,  # late: normalise imports this module
    )

    return normalise_words(words, context, depth)
