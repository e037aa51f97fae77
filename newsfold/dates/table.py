"""Turn :class:`DateMention` values into rows of the ``dates`` table.

Example:
    >>> import datetime as dt
    >>> m = DateMention(0, 6, "Sunday", "2020-12-20", dt.date(2020, 12, 20), "day", dt.date(2020, 12, 24))
    >>> make_date_rows("doc_0123456789abcdef", [m])[0]["value"]
    '2020-12-20'
"""

from __future__ import annotations

from typing import Any, Iterable

from newsfold.dates.mention import DateMention
from schemas.dates import Dates

__all__ = ["make_date_rows"]


def make_date_rows(doc_id: str, mentions: Iterable[DateMention]) -> list[dict[str, Any]]:
    """Rows for ``schemas.frame_from_rows(Dates, rows)``, one per mention.

    Args:
        doc_id: The article's ``documents.doc_id``.
        mentions: Output of :func:`newsfold.dates.extract_dates`.

    Returns:
        Dicts keyed by the Dates model's column names.
    """
    return [
        {
            Dates.doc_id: doc_id,
            Dates.start: m.start,
            Dates.end: m.end,
            Dates.text: m.text,
            Dates.value: m.value,
            Dates.resolved_date: m.resolved_date,
            Dates.granularity: m.granularity,
            Dates.anchor_date: m.anchor_date,
            Dates.quant: m.quant,
            Dates.freq: m.freq,
        }
        for m in mentions
    ]
