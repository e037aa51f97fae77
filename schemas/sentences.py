"""``sentences``: one row per sentence of an article."""

from __future__ import annotations

import polars as pl
import pandera.polars as pa

from schemas.base import ID_PATTERN, TableModel


class Sentences(TableModel):
    """Sentences as spaCy's parser splits them; offsets index ``documents.text``."""

    doc_id: str = pa.Field(str_matches=ID_PATTERN, description="Article (documents.doc_id).")
    sentence_index: pl.Int64 = pa.Field(ge=0, description="0-based position of the sentence in the article.")
    start: pl.Int64 = pa.Field(ge=0, description="Character offset of the first character in documents.text.")
    end: pl.Int64 = pa.Field(ge=1, description="Character offset just past the last character.")
    text: str = pa.Field(str_length={"min_value": 1}, description="The sentence: documents.text[start:end].")

    class Config:
        unique = ["doc_id", "sentence_index"]
