"""The value one temporal expression becomes: :class:`DateMention`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

__all__ = ["DateMention"]


@dataclass(frozen=True)
class DateMention:
    """A temporal expression of an article, normalised TIMEX3-style.

    Attributes:
        start: Character offset in the article text.
        end: Offset just past the expression; ``text == doc.text[start:end]``.
        text: The expression as written.
        value: TIMEX3 value ("2020-12-20", "2020-12", "2020", "2020-W52",
            "2020-Q3", "P3D", "PAST_REF", ...), None when not understood.
        resolved_date: The calendar day, when ``value`` names exactly one.
        granularity: Precision of ``value``, one of ``schemas.dates.GRANULARITIES``.
        anchor_date: Date relative expressions were resolved against.
        quant: TIMEX3 ``quant`` of a set ("EVERY" for "every Monday"), else None.
        freq: TIMEX3 ``freq`` of a set ("2X" for "twice a week"), else None.

    Example:
        >>> DateMention(3, 9, "Sunday", "2020-12-20", dt.date(2020, 12, 20), "day", dt.date(2020, 12, 24)).value
        '2020-12-20'
    """

    start: int
    end: int
    text: str
    value: str | None
    resolved_date: dt.date | None
    granularity: str | None
    anchor_date: dt.date | None
    quant: str | None = None
    freq: str | None = None
