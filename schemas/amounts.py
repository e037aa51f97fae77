"""``amounts``: one row per number with the thing it counts."""

from __future__ import annotations

import polars as pl
import pandera.polars as pa

from schemas.base import ID_PATTERN, TableModel


class Amounts(TableModel):
    """Quantities such as 'eight rockets' or 'over 100 soldiers'."""

    doc_id: str = pa.Field(str_matches=ID_PATTERN, description="Article (documents.doc_id).")
    start: pl.Int64 = pa.Field(ge=0, description="Offset in documents.text.")
    end: pl.Int64 = pa.Field(ge=1, description="Offset just past the amount.")
    text: str = pa.Field(str_length={"min_value": 1}, description="The amount as written: documents.text[start:end].")
    value: pl.Float64 = pa.Field(description="The number, e.g. 12.0 for 'a dozen'.")
    object: str = pa.Field(nullable=True, description="What is counted, lemmatised: 'rocket', 'soldier'.")
    approximate: bool = pa.Field(description="True for 'over', 'about', 'several dozen' and the like.")

    class Config:
        unique = ["doc_id", "start", "end"]
