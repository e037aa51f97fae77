"""Builders for hand-made mentions, documents and speakers frames."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from newsfold.ids import make_id, make_span_id

MENTION_SCHEMA = {
    "doc_id": pl.String,
    "mention_id": pl.String,
    "sentence_index": pl.Int64,
    "start": pl.Int64,
    "end": pl.Int64,
    "text": pl.String,
    "label": pl.String,
}
SPEAKER_SCHEMA = {
    "quote_id": pl.String,
    "doc_id": pl.String,
    "speaker_name": pl.String,
    "speaker_label": pl.String,
    "speaker_start": pl.Int64,
    "speaker_end": pl.Int64,
}


def build_mentions(spans: list[tuple[str, str, str]]) -> pl.DataFrame:
    """Mentions from (doc name, text, label); offsets laid out one after another per doc."""
    rows, cursor = [], {}
    for doc, text, label in spans:
        doc_id = make_id("doc", doc)
        start = cursor.get(doc_id, 0)
        end = start + len(text)
        cursor[doc_id] = end + 1
        rows.append(
            {
                "doc_id": doc_id,
                "mention_id": make_span_id("men", doc_id, start, end),
                "sentence_index": 0,
                "start": start,
                "end": end,
                "text": text,
                "label": label,
            }
        )
    return pl.DataFrame(rows, schema=MENTION_SCHEMA)


def build_documents(mentions: pl.DataFrame, published: dict[str, dt.date] | None = None) -> pl.DataFrame:
    """One documents row per doc of ``mentions`` (dates by doc name when given)."""
    published = {make_id("doc", k): v for k, v in (published or {}).items()}
    doc_ids = sorted(set(mentions["doc_id"].to_list()))
    return pl.DataFrame(
        {"doc_id": doc_ids, "published_date": [published.get(d) for d in doc_ids]},
        schema={"doc_id": pl.String, "published_date": pl.Date},
    )


@pytest.fixture
def mentions_of():
    return build_mentions


@pytest.fixture
def documents_of():
    return build_documents
