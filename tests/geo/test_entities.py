"""Place columns of the entities table, filled from geocoded mentions and datelines."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from newsfold.geo.entities import locate_entities

_ENTITY_SCHEMA = {
    "entity_id": pl.String,
    "entity_type": pl.String,
    "latitude": pl.Float64,
    "longitude": pl.Float64,
    "country": pl.String,
}


def _documents(rows):
    return pl.DataFrame(
        rows,
        schema={"doc_id": pl.String, "text": pl.String, "dateline": pl.String, "published_date": pl.Date},
        orient="row",
    )


def _mentions(documents, names):
    """Every occurrence of each (name, label, entity_id) in every document."""
    rows = []
    for doc_id, text, *_ in documents.iter_rows():
        for name, label, entity_id in names:
            start = text.find(name)
            while start >= 0:
                rows.append((doc_id, start, start + len(name), name, label, entity_id))
                start = text.find(name, start + 1)
    return pl.DataFrame(
        rows,
        schema={"doc_id": pl.String, "start": pl.Int64, "end": pl.Int64, "text": pl.String, "label": pl.String, "entity_id": pl.String},
        orient="row",
    )


@pytest.mark.parametrize(
    ("entity_id", "entity_type", "registry_point", "country", "kind", "admin1"),
    [
        ("Q796", "LOC", None, "IQ", "country", None),  # a registry country without a point gets one
        ("Q1530", "LOC", (33.34058, 44.40088), "IQ", "populated_place", "IQ-BG"),  # a curated point keeps, gains ids
        ("ent_paris", "LOC", None, "US", "populated_place", "US-TX"),  # majority: two Texas stories, one French
        ("Q22686", "PER", None, None, None, None),  # not a place: untouched
    ],
)
def test_entities_locate_fills_place_columns(entity_id, entity_type, registry_point, country, kind, admin1):
    documents = _documents(
        [
            ("d1", "Rockets hit Baghdad in Iraq. Trump spoke.", None, dt.date(2020, 1, 1)),
            ("d2", "Paris, Texas, and Dallas.", None, None),
            ("d3", "Paris police in Texas and Dallas.", None, None),
            ("d4", "Paris and Lyon.", None, None),
        ]
    )
    mentions = _mentions(
        documents,
        [("Baghdad", "GPE", "Q1530"), ("Iraq", "GPE", "Q796"), ("Trump", "PERSON", "Q22686"), ("Paris", "GPE", "ent_paris"),
         ("Texas", "GPE", "ent_texas"), ("Dallas", "GPE", "ent_dallas"), ("Lyon", "GPE", "ent_lyon")],
    )
    lat, lon = registry_point or (None, None)
    entities = pl.DataFrame(
        [(entity_id, entity_type, lat, lon, None)], schema=_ENTITY_SCHEMA, orient="row"
    )
    row = locate_entities(entities, mentions, documents).row(0, named=True)
    assert (row["country"], row["feature_kind"], row["admin1"]) == (country, kind, admin1)
    if registry_point:
        assert (row["latitude"], row["longitude"]) == registry_point
    assert (row["latitude"] is None) == (kind is None)


def test_entities_locate_adds_a_registry_place_named_only_by_a_dateline():
    documents = _documents([("d1", "Officials met on Tuesday.", "Washington", dt.date(2020, 12, 24))])
    mentions = _mentions(documents, [])
    entities = pl.DataFrame(
        schema={**_ENTITY_SCHEMA, "canonical_name": pl.String, "wikidata_id": pl.String, "aliases": pl.List(pl.Struct({"name": pl.String, "count": pl.Int64, "method": pl.String, "score": pl.Float64})),
                "n_mentions": pl.Int64, "n_documents": pl.Int64, "first_seen": pl.Date, "last_seen": pl.Date, "merged_ids": pl.List(pl.String)}
    )
    table = locate_entities(entities, mentions, documents)
    row = table.row(0, named=True)
    assert (row["entity_id"], row["country"], row["admin1"], row["n_mentions"], row["n_documents"]) == ("Q61", "US", "US-DC", 0, 1)
    assert row["aliases"] == [{"name": "Washington", "count": 0, "method": "dateline", "score": 1.0}]
    assert row["first_seen"] == dt.date(2020, 12, 24)


@pytest.mark.parametrize(("text", "country"), [("Crowds gathered in Birmingham.", "GB"), ("Trump spoke in Birmingham.", "US")])
def test_entities_locate_weighs_the_home_country_of_people_named(text, country):
    documents = _documents([("d1", text, None, None)])
    mentions = _mentions(documents, [("Trump", "PERSON", "Q22686"), ("Birmingham", "GPE", "ent_b")])
    entities = pl.DataFrame([("ent_b", "LOC", None, None, None)], schema=_ENTITY_SCHEMA, orient="row")
    assert locate_entities(entities, mentions, documents)["country"].to_list() == [country]


def test_geocode_documents_gives_each_row_its_place_whatever_the_row_order():
    """The column answers row by row, in the order given, as geocoding each article alone does."""
    from newsfold.geo.entities import geocode_documents
    from newsfold.geo.gazetteer import load_gazetteer
    from newsfold.geo.geocode import PlaceMention, geocode_mentions

    documents = _documents(
        [
            ("d1", "Paris, Texas, and Dallas. Paris again.", None, None),
            ("d2", "Paris and Lyon. Nowhereville.", None, None),
            ("d3", "No text of ours is read for this one.", None, None),
        ]
    )
    mentions = _mentions(documents, [("Paris", "GPE", "p"), ("Texas", "GPE", "t"), ("Dallas", "GPE", "d"),
                                     ("Lyon", "GPE", "l"), ("Nowhereville", "GPE", "n")])
    mentions = pl.concat([mentions, pl.DataFrame({"doc_id": ["d9"], "start": [0], "end": [5], "text": ["Paris"],
                                                  "label": ["GPE"], "entity_id": ["p"]})])  # an article we lack
    gaz = load_gazetteer()
    expected = {}
    for doc_id, text, dateline, _ in documents.iter_rows():
        rows = mentions.filter(pl.col("doc_id") == doc_id).sort("start")
        spans = [PlaceMention(s, e, t) for s, e, t in rows.select("start", "end", "text").iter_rows()]
        for span, geocode in zip(spans, geocode_mentions(text, spans, dateline, gaz)):
            expected[(doc_id, span.start)] = None if geocode.place is None else geocode.place.index
    for order in (mentions, mentions.reverse(), mentions.sample(fraction=1.0, shuffle=True, seed=7)):
        found = geocode_documents(order, documents, gaz)
        assert found.dtype == pl.Int32 and found.len() == order.height
        got = {(d, s): row for d, s, row in zip(order["doc_id"], order["start"], found)}
        assert got == {**expected, ("d9", 0): None}
    texas_paris = gaz.place(got[("d1", 0)])
    assert (texas_paris.admin1, got[("d2", 16)]) == ("US-TX", None)  # Nowhereville: no place, a null
