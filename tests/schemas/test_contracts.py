"""Each table contract accepts a good row and rejects what it must."""

from __future__ import annotations

import datetime as dt

import pandera.errors
import polars as pl
import pytest

from schemas import TABLES, Documents, Entities, Mentions, Rejects, Sentences, Stories, polars_schema

DOC_ID = "doc_0123456789abcdef"

GOOD_ROWS = {
    "documents": {
        "doc_id": DOC_ID, "source_path": "a.txt", "source_sha256": "a" * 64, "record_index": 0,
        "external_id": None, "title": None, "text": "Iran fired rockets.", "published_date": dt.date(2020, 12, 24),
        "published_date_source": "header", "published_year": 2020, "dateline": "Washington", "source_name": None,
        "url": None, "language": None, "language_source": None, "translated_from": None, "encoding": "utf-8",
        "n_words": 3, "n_sentences": 1, "skipped_reason": None, "story_id": "sty_0123456789abcdef",
        "duplicate_of": None, "run_id": "run_x",
    },
    "stories": {
        "story_id": "sty_0123456789abcdef", "n_documents": 1, "n_sources": 0, "first_published": dt.date(2020, 12, 24),
        "last_published": dt.date(2020, 12, 24), "label": "Iran fired rockets.", "top_entity_ids": ["Q794"],
        "merged_ids": [],
    },
    "sentences": {"doc_id": DOC_ID, "sentence_index": 0, "start": 0, "end": 19, "text": "Iran fired rockets."},
    "mentions": {
        "doc_id": DOC_ID, "mention_id": "men_0123456789abcdef", "sentence_index": 0, "start": 0, "end": 4,
        "text": "Iran", "label": "GPE", "entity_id": "Q794", "resolution": "registry_alias", "score": 1.0,
    },
    "entities": {
        "entity_id": "Q794", "canonical_name": "Iran", "entity_type": "LOC", "wikidata_id": "Q794",
        "aliases": [{"name": "Iran", "count": 1, "method": "registry_alias", "score": 1.0}], "n_mentions": 1,
        "n_documents": 1, "first_seen": dt.date(2020, 12, 24), "last_seen": dt.date(2020, 12, 24), "latitude": 32.0,
        "longitude": 53.0, "country": "IR", "admin1": None, "geonames_id": 130758, "feature_kind": "country",
        "merged_ids": [],
    },
    "rejects": {
        "run_id": "run_x", "source_path": "a.txt", "source_sha256": None, "record_index": None, "stage": "read",
        "table": None, "error_code": "NF101", "message": "a.txt is empty", "payload": None,
    },
}


def frame(name: str, **changes) -> pl.DataFrame:
    return pl.DataFrame([{**GOOD_ROWS[name], **changes}], schema=polars_schema(TABLES[name]))


@pytest.mark.parametrize("name", sorted(GOOD_ROWS))
def test_contracts_accept_a_good_row(name):
    assert TABLES[name].validate(frame(name)).height == 1


@pytest.mark.parametrize("admin1", ["US-IL", "GB-SCT", "TW.04", "IE.L.33", "FR-75C"])
def test_entities_accept_iso_and_geonames_subdivision_codes(admin1):
    # ISO 3166-2 codes and GeoNames admin1 codes, dotted ones included (Dublin: IE.L.33).
    assert Entities.validate(frame("entities", admin1=admin1, feature_kind="populated_place")).height == 1


@pytest.mark.parametrize(
    ("name", "changes", "column"),
    [
        ("documents", {"doc_id": "not-an-id"}, Documents.doc_id),
        ("documents", {"source_sha256": "xyz"}, Documents.source_sha256),
        ("documents", {"text": ""}, Documents.text),
        ("documents", {"record_index": -1}, Documents.record_index),
        ("documents", {"published_date_source": "guess"}, Documents.published_date_source),
        ("documents", {"n_words": -3}, Documents.n_words),
        ("documents", {"story_id": "story-1"}, Documents.story_id),
        ("documents", {"language_source": "guess"}, Documents.language_source),
        ("stories", {"n_documents": 0}, Stories.n_documents),
        ("stories", {"label": ""}, Stories.label),
        ("sentences", {"start": -1}, Sentences.start),
        ("sentences", {"text": ""}, Sentences.text),
        ("mentions", {"label": "DATE"}, Mentions.label),
        ("mentions", {"score": 1.5}, Mentions.score),
        ("mentions", {"entity_id": ""}, Mentions.entity_id),
        ("rejects", {"error_code": "E1"}, Rejects.error_code),
        ("rejects", {"stage": "somewhere"}, Rejects.stage),
        ("entities", {"admin1": "Illinois"}, Entities.admin1),
        ("entities", {"admin1": "US-"}, Entities.admin1),
        ("entities", {"feature_kind": "city"}, Entities.feature_kind),
    ],
)
def test_contracts_reject_a_bad_value(name, changes, column):
    with pytest.raises(pandera.errors.SchemaErrors) as caught:
        TABLES[name].validate(frame(name, **changes), lazy=True)
    assert column in caught.value.failure_cases["column"].to_list()


@pytest.mark.parametrize("name", sorted(GOOD_ROWS))
def test_contracts_reject_a_null_in_a_required_column(name):
    required = next(c for c, col in TABLES[name].to_schema().columns.items() if not col.nullable)
    with pytest.raises(pandera.errors.SchemaErrors):
        TABLES[name].validate(frame(name, **{required: None}), lazy=True)


@pytest.mark.parametrize("name", sorted(GOOD_ROWS))
def test_contracts_reject_an_extra_or_missing_column(name):
    with pytest.raises(pandera.errors.SchemaError):
        TABLES[name].validate(frame(name).with_columns(pl.lit(1).alias("surprise")))
    with pytest.raises(pandera.errors.SchemaError):
        TABLES[name].validate(frame(name).drop(frame(name).columns[0]))


@pytest.mark.parametrize(
    ("name", "key_columns"),
    [("documents", ["doc_id"]), ("sentences", ["doc_id", "sentence_index"]), ("mentions", ["mention_id"])],
)
def test_contracts_reject_duplicate_keys(name, key_columns):
    doubled = pl.concat([frame(name), frame(name)])
    with pytest.raises(pandera.errors.SchemaErrors) as caught:
        TABLES[name].validate(doubled, lazy=True)
    failing = set(caught.value.failure_cases["column"].drop_nulls().to_list()) | set(
        caught.value.failure_cases["check"].to_list()
    )
    assert failing & (set(key_columns) | {"multiple_fields_uniqueness", "field_uniqueness"})


def test_contracts_reject_wrong_dtype():
    bad = frame("documents").with_columns(pl.col(Documents.n_words).cast(pl.Float64))
    with pytest.raises(pandera.errors.SchemaError):
        TABLES["documents"].validate(bad)


@pytest.mark.parametrize("name", sorted(TABLES))
def test_contracts_describe_every_column(name):
    undescribed = [c for c, col in TABLES[name].to_schema().columns.items() if not col.description]
    assert undescribed == []
