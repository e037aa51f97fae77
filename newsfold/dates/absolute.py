"""Rules for expressions that name a calendar period by itself or by its name.

Explicit days, months, years, decades, centuries, quarters, halves, seasons
and holidays. Each ``resolve_*`` takes the rule's regex match and the
:class:`~newsfold.dates.timex.Context`, and returns a Timex or None.
"""

from __future__ import annotations

import datetime as dt
import re

from dateutil.easter import easter

from newsfold.dates.calendar import (
    format_month,
    format_quarter,
    make_safe_date,
    pick_month,
    pick_month_day,
    quarter_of,
    shift_quarters,
)
from newsfold.dates.lexicon import load_lexicon
from newsfold.dates.spelling import ORDINAL_WORDS, TENS
from newsfold.dates.timex import Context, Timex, make_day_timex


def resolve_iso_day(match: re.Match, context: Context) -> Timex | None:
    return make_day_timex(dt.date.fromisoformat(match["iso"]))


def resolve_slash_day(match: re.Match, context: Context) -> Timex | None:
    year = int(match["y"])
    if year < 100:
        year += 1900 if year > 30 else 2000
    return make_day_timex(make_safe_date(year, int(match["m"]), int(match["d"])))


def resolve_month_day(match: re.Match, context: Context) -> Timex | None:
    month = load_lexicon().months[match["month"]]
    day = int(match["day"])
    if match["year"]:
        return make_day_timex(make_safe_date(int(match["year"]), month, day))
    if context.anchor is None:
        return None
    if match["weekday"]:
        # A weekday next to a bare date pins the year ("Sunday, Dec. 20").
        weekday = load_lexicon().weekdays[match["weekday"]]
        for year in sorted({context.anchor.year, context.anchor.year - 1, context.anchor.year + 1},
                           key=lambda y: abs(y - context.anchor.year)):
            found = make_safe_date(year, month, day)
            if found is not None and found.isoweekday() == weekday:
                return make_day_timex(found)
    rel = match.groupdict().get("rel") or ""
    tense = "past" if rel in ("last", "this past") else "future" if rel in ("next", "this coming") else None
    found = pick_month_day(context.anchor, month, day, tense)
    if tense is None and context.tense == "past" and found is not None and (found - context.anchor).days > _PAST_CLAUSE_REACH:
        # "the night of Oct. 23" told in May: what a past clause reports more than a season
        # ahead happened last year; a date just ahead is what was planned ("was to expire Nov. 17").
        found = pick_month_day(context.anchor, month, day, "past")
    return make_day_timex(found)


#: Days ahead of the anchor beyond which a past clause's day without a year is last year's.
_PAST_CLAUSE_REACH = 90


def resolve_month(match: re.Match, context: Context) -> Timex | None:
    month = load_lexicon().months[match["month"]]
    if match["year"]:
        return Timex(format_month(int(match["year"]), month), "month")
    if context.anchor is None:
        return None
    rel = match["rel"]
    if rel == "this":
        year = context.anchor.year
    elif rel in ("last", "this past"):
        year = context.anchor.year - 1 if month >= context.anchor.month else context.anchor.year
    elif rel in ("next", "this coming"):
        year = context.anchor.year + 1 if month <= context.anchor.month else context.anchor.year
    else:
        year = pick_month(context.anchor, month, context.tense)
    return Timex(format_month(year, month), "month")


def resolve_year(match: re.Match, context: Context) -> Timex | None:
    return Timex(match["year"], "year")


def resolve_this_year(match: re.Match, context: Context) -> Timex | None:
    return None if context.anchor is None else Timex(f"{context.anchor.year:04d}", "year")


def resolve_fiscal_year(match: re.Match, context: Context) -> Timex | None:
    """"fiscal 2013", "FY2013", "FY13", "the 2013 fiscal year": ``FY2013``.

    A company's fiscal year need not be the calendar year, so TIMEX3 marks it
    apart; its quarters keep the calendar form (``2013-Q1``).
    """
    year = match["year"] or match["year_b"]
    if year is None:
        short = int(match["yy"])
        year = f"{(1900 if short > 30 else 2000) + short}"
    return Timex(f"FY{year}", "year")


def resolve_q_quarter(match: re.Match, context: Context) -> Timex | None:
    """"Q1 2013", "2013 Q1", "Q3" (the year of the anchor, last year's when past and still ahead)."""
    return _quarter_timex(int(match["q"] or match["q2"]), match["year"] or match["year_b"], context)


def resolve_decade(match: re.Match, context: Context) -> Timex | None:
    """"the 1990s", "the '90s", "the nineties": ``199X`` (any year of the decade)."""
    if match["decade"]:
        return Timex(match["decade"] + "X", "decade")
    if context.anchor is None:
        return None
    century = context.anchor.year // 100
    decade = TENS.index(match["word"][:-3] + "y") + 2 if match["word"] else int(match["short"])
    if decade * 10 > context.anchor.year % 100 + 10:  # more than a decade ahead: the last century's
        century -= 1
    return Timex(f"{century}{decade}X", "decade")


def resolve_century(match: re.Match, context: Context) -> Timex | None:
    """"the 20th century", "the twentieth century": ``19XX`` (any year of the century)."""
    number = int(match["cent"]) if match["cent"] else ORDINAL_WORDS[match["cent_word"]]
    return Timex(f"{number - 1:02d}XX", "century")


def resolve_ordinal_quarter(match: re.Match, context: Context) -> Timex | None:
    return _quarter_timex(load_lexicon().ordinals[match["ordinal"]], match["year"] or match["year2"], context)


def _quarter_timex(quarter: int, explicit_year: str | None, context: Context) -> Timex | None:
    """Quarter ``quarter`` of the year written, else of the anchor's (last year's when past and still ahead)."""
    if explicit_year:
        return Timex(format_quarter(int(explicit_year), quarter), "quarter")
    if context.anchor is None:
        return None
    year = context.anchor.year
    if context.tense == "past" and quarter > quarter_of(context.anchor):
        year -= 1
    return Timex(format_quarter(year, quarter), "quarter")


def resolve_year_quarter(match: re.Match, context: Context) -> Timex | None:
    # "the 1988 quarter": the reporting quarter (the one just closed) of that year
    if context.anchor is None:
        return None
    _, quarter = shift_quarters(context.anchor.year, quarter_of(context.anchor), -1)
    return Timex(format_quarter(int(match["year"]), quarter), "quarter")


def resolve_named_quarter(match: re.Match, context: Context) -> Timex | None:
    if context.anchor is None or (match["noun"] == "period" and not context.quarter_hint):
        return None
    which = match["which"] or ""
    # Reporting news speaks of the quarter just closed unless told otherwise.
    shift = {"this": 0, "current": 0, "next": 1, "coming": 1, "year ago": -5, "year earlier": -5}.get(which, -1)
    year, quarter = shift_quarters(context.anchor.year, quarter_of(context.anchor), shift)
    return Timex(format_quarter(year, quarter), "quarter")


def resolve_half(match: re.Match, context: Context) -> Timex | None:
    half = 1 if match["half"] == "first" else 2  # "last"/"latter" half is the second
    if match["year"]:
        return Timex(f"{match['year']}-H{half}", "half")
    if context.anchor is None:
        return None
    year = context.anchor.year
    if context.tense == "past" and half == 2 and context.anchor.month <= 6:
        year -= 1
    return Timex(f"{year:04d}-H{half}", "half")


SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def resolve_season(match: re.Match, context: Context) -> Timex | None:
    code = load_lexicon().seasons[match["season"]]
    if match["year"]:
        return Timex(f"{match['year']}-{code}", "season")
    if context.anchor is None:
        return None
    start, month, year = SEASON_START[code], context.anchor.month, context.anchor.year
    rel = match["rel"] or ""
    if rel in ("last", "this past", "the past") or (context.tense == "past" and rel != "this"):
        year = year if start + 2 < month else year - 1
    elif rel in ("next", "this coming", "the coming") or context.tense == "future":
        year = year if start > month else year + 1
    return Timex(f"{year:04d}-{code}", "season")


def resolve_holiday(match: re.Match, context: Context) -> Timex | None:
    name = match["holiday"]

    def day_in(year: int) -> dt.date:
        if name.startswith("thanksgiving"):
            first = dt.date(year, 11, 1)
            return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)
        if name.startswith("easter"):
            return easter(year)
        month, day = load_lexicon().holidays[name]
        return dt.date(year, month, day)

    if match["year"]:
        return make_day_timex(day_in(int(match["year"])))
    if context.anchor is None:
        return None
    candidates = [day_in(y) for y in (context.anchor.year - 1, context.anchor.year, context.anchor.year + 1)]
    if context.tense == "past":
        return make_day_timex(max(c for c in candidates if c <= context.anchor))
    if context.tense == "future":
        return make_day_timex(min(c for c in candidates if c >= context.anchor))
    return make_day_timex(min(candidates, key=lambda c: abs((c - context.anchor).days)))
