"""``mentions``: one row per named-entity mention."""

from __future__ import annotations

import polars as pl
import pandera.polars as pa

from schemas.base import ID_PATTERN, TableModel

#: spaCy labels kept as entity mentions. Dates, times and numbers go to the
#: dates and amounts tables instead.
MENTION_LABELS = [
    "PERSON",
    "NORP",
    "FAC",
    "ORG",
    "GPE",
    "LOC",
    "PRODUCT",
    "EVENT",
    "WORK_OF_ART",
    "LAW",
    "LANGUAGE",
]


class Mentions(TableModel):
    """Entity mentions, each linked to its canonical entity."""

    doc_id: str = pa.Field(str_matches=ID_PATTERN, description="Article (documents.doc_id).")
    mention_id: str = pa.Field(unique=True, str_matches=ID_PATTERN, description="Deterministic id from doc_id and offsets.")
    sentence_index: pl.Int64 = pa.Field(ge=0, description="Sentence holding the mention (sentences.sentence_index).")
    start: pl.Int64 = pa.Field(ge=0, description="Character offset in documents.text.")
    end: pl.Int64 = pa.Field(ge=1, description="Character offset just past the mention.")
    text: str = pa.Field(str_length={"min_value": 1}, description="Surface form: documents.text[start:end].")
    label: str = pa.Field(isin=MENTION_LABELS, description="spaCy entity label (PERSON, ORG, GPE, ...).")
    entity_id: str = pa.Field(str_length={"min_value": 1}, description="Canonical entity (entities.entity_id).")
    resolution: str = pa.Field(str_length={"min_value": 1}, description="Rule that linked the mention to its entity, e.g. registry_alias, exact_key, document_context, corpus_prominence (docs/entities.md lists them); geocoded_split when its article put the place elsewhere than the entity's other mentions and it moved to that place's own entity (docs/places.md).")
    score: pl.Float64 = pa.Field(ge=0.0, le=1.0, description="Confidence of the link, 1.0 for exact rules.")
