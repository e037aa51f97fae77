"""The values normalisation produces and the context it reads: :class:`Timex`, :class:`Context`.

Example:
    >>> make_day_timex(dt.date(2020, 12, 20)).value
    '2020-12-20'
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from newsfold.dates.calendar import Tense, format_day

__all__ = ["Timex", "Context", "make_day_timex"]


@dataclass(frozen=True)
class Timex:
    """A normalised value.

    Attributes:
        value: TIMEX3 value, e.g. ``"2020-12-20"``, ``"P3D"``, ``"PAST_REF"``.
        granularity: One of ``schemas.dates.GRANULARITIES``.
        resolved_date: The calendar day, when ``value`` names exactly one.
        quant: TIMEX3 ``quant`` of a set: ``"EVERY"`` ("every Monday",
            "weekly"), ``"EACH"`` ("each Friday"); None otherwise.
        freq: TIMEX3 ``freq`` of a set: ``"2X"`` for "twice a week"; None otherwise.
    """

    value: str
    granularity: str
    resolved_date: dt.date | None = None
    quant: str | None = None
    freq: str | None = None


@dataclass(frozen=True)
class Context:
    """What an expression is resolved against.

    Attributes:
        anchor: Publication date; None leaves relative expressions unresolved.
        tense: Tense of the governing clause: "past", "present", "future" or None.
        reference: Last explicit day mentioned before the expression, for
            narrative shifts ("days later"); falls back to ``anchor``.
        quarter_hint: The sentence speaks of quarters (financial reporting),
            so "a year ago" means the same quarter a year before.
    """

    anchor: dt.date | None = None
    tense: Tense = None
    reference: dt.date | None = None
    quarter_hint: bool = False


def make_day_timex(day: dt.date | None) -> Timex | None:
    """A day-granularity :class:`Timex` for ``day``; None passes through."""
    return None if day is None else Timex(format_day(day), "day", day)
