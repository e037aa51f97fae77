"""Rules for sets: expressions that name a repeating time.

TIMEX3 writes a set as the period that repeats plus how often it happens in
it: "daily" is ``P1D`` (once, ``freq="1X"``), "twice a week" is ``P1W`` with
``freq="2X"``, "every Monday" is ``XXXX-WXX-1`` with ``quant="EVERY"`` (any
year, any week, day 1), "every Sunday morning" ``XXXX-WXX-7TMO``, "every
January" ``XXXX-01``, "every summer" ``XXXX-SU``. Each ``resolve_*`` takes
the rule's regex match and the Context; none needs an anchor date.

Example:
    >>> import re
    >>> resolve_adverb_set(re.fullmatch(r"(?P<adverb>weekly)", "weekly"), Context()).value
    'P1W'
"""

from __future__ import annotations

import re

from newsfold.dates.counts import parse_count
from newsfold.dates.lexicon import load_lexicon
from newsfold.dates.spans import format_duration
from newsfold.dates.timex import Context, Timex

__all__ = [
    "ADVERB_SETS",
    "resolve_adverb_set",
    "resolve_unit_set",
    "resolve_frequency",
    "resolve_weekday_set",
    "resolve_month_set",
    "resolve_season_set",
    "resolve_day_part_set",
]

ADVERB_SETS = {
    "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M", "quarterly": "P3M",
    "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H", "biweekly": "P2W",
    "semiannually": "P6M", "biannually": "P6M",
}

_TIMES = {"once": 1, "twice": 2, "thrice": 3}


def _quant(word: str | None) -> str | None:
    """TIMEX3 quant of the word before the repeated unit: "every" EVERY, "each" EACH, "per" none."""
    return {"every": "EVERY", "each": "EACH"}.get(word or "")


def resolve_adverb_set(match: re.Match, context: Context) -> Timex | None:
    """"daily" P1D, "weekly" P1W: once per period (``freq="1X"``, as TimeBank writes it)."""
    return Timex(ADVERB_SETS[match["adverb"]], "set", freq="1X")


def resolve_unit_set(match: re.Match, context: Context) -> Timex | None:
    """"every week" P1W, "every other week" P2W, "each three months" P3M, "per year" P1Y."""
    count = match["count"]
    amount = 2 if count == "other" else (parse_count(count) if count else 1)
    if amount is None:
        return None
    return Timex(format_duration(amount, match["unit"]), "set", quant=_quant(match["quant"]))


def resolve_frequency(match: re.Match, context: Context) -> Timex | None:
    """"twice a week" P1W freq 2X, "three times a year" P1Y freq 3X, "once a month" P1M freq 1X."""
    times = _TIMES.get(match["times"]) if match["times"] else parse_count(match["count"])
    if times is None or not float(times).is_integer() or times < 1:
        return None
    return Timex(format_duration(1, match["unit"]), "set", quant=_quant(match["per"]), freq=f"{int(times)}X")


def resolve_weekday_set(match: re.Match, context: Context) -> Timex | None:
    """"every Monday" XXXX-WXX-1, "Sunday mornings" XXXX-WXX-7TMO: any week's such day."""
    lex = load_lexicon()
    weekday = lex.weekdays[match["weekday"]]
    part = match.groupdict().get("part")
    suffix = f"T{lex.day_parts[part]}" if part else ""
    return Timex(f"XXXX-WXX-{weekday}{suffix}", "set", quant=_quant(match.groupdict().get("quant")) or "EVERY")


def resolve_month_set(match: re.Match, context: Context) -> Timex | None:
    """"every January" XXXX-01."""
    month = load_lexicon().months[match["month"]]
    return Timex(f"XXXX-{month:02d}", "set", quant=_quant(match["quant"]))


def resolve_season_set(match: re.Match, context: Context) -> Timex | None:
    """"every summer" XXXX-SU."""
    return Timex(f"XXXX-{load_lexicon().seasons[match['season']]}", "set", quant=_quant(match["quant"]))


def resolve_day_part_set(match: re.Match, context: Context) -> Timex | None:
    """"every morning" XXXX-XX-XXTMO: any day's morning."""
    return Timex(f"XXXX-XX-XXT{load_lexicon().day_parts[match['part']]}", "set", quant=_quant(match["quant"]))
