"""``dates``: one row per temporal expression."""

from __future__ import annotations

import pandera.polars as pa
import polars as pl

from schemas.base import ID_PATTERN, TableModel

#: Precision of a TIMEX3 value: a calendar unit, or what kind of non-calendar value it is
#: ("duration" P3D, "set" P1D for "daily", "reference" PAST_REF, "time" 2020-12-20T15:00).
GRANULARITIES = [
    "time", "day", "week", "month", "season", "quarter", "half", "year", "decade", "century",
    "duration", "set", "reference",
]


class Dates(TableModel):
    """Temporal expressions normalised TIMEX3-style against the publication date."""

    doc_id: str = pa.Field(str_matches=ID_PATTERN, description="Article (documents.doc_id).")
    start: pl.Int64 = pa.Field(ge=0, description="Offset in documents.text.")
    end: pl.Int64 = pa.Field(ge=1, description="Offset just past the expression.")
    text: str = pa.Field(str_length={"min_value": 1}, description="The expression as written: documents.text[start:end].")
    value: str = pa.Field(nullable=True, description="TIMEX3 value: 2020-12-20, 2020-12, 2020, P3D, PAST_REF ...")
    resolved_date: pl.Date = pa.Field(nullable=True, description="The calendar day, when value names one.")
    granularity: str = pa.Field(nullable=True, isin=GRANULARITIES, description="Precision of value.")
    anchor_date: pl.Date = pa.Field(nullable=True, description="Date relative expressions were resolved against (usually published_date).")
    quant: str = pa.Field(
        nullable=True, isin=["EVERY", "EACH"],
        description="TIMEX3 quant of a set (granularity 'set'): EVERY for 'every Monday' or 'weekly', EACH for 'each Friday'; null otherwise.",
    )
    freq: str = pa.Field(
        nullable=True, str_matches=r"^\d+X$",
        description="TIMEX3 freq of a set: 2X for 'twice a week' (value P1W); null otherwise.",
    )

    class Config:
        unique = ["doc_id", "start", "end"]
