"""One place entity per real place: a surface the articles put in different places is split."""

from __future__ import annotations

import datetime as dt
from functools import cache

import hypothesis.strategies as st
import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings

from newsfold.geo.entities import place_entities
from newsfold.geo.split import SPLIT_RESOLUTION, place_key_id, same_real_place
from newsfold.ids import make_span_id
from newsfold.names.registry import make_entity_id
from newsfold.names.resolve import resolve_entities
from schemas import Entities

NAMES = ["Canadian", "Canada", "Cambridge", "England", "London", "Massachusetts", "Boston", "Paris", "Texas", "Dallas", "France", "Lyon"]
ENGLAND = "Students in Cambridge, England, marched to London."
MASSACHUSETTS = "Cambridge, Massachusetts, lies across the river from Boston."
TEXAS = "Paris police in Texas questioned a man from Dallas."
FRANCE = "Paris and Lyon are cities in France."


def _documents(texts):
    """One article per text, dated a day apart in the given order."""
    return pl.DataFrame(
        [(f"d{i}", text, None, dt.date(2020, 1, 1) + dt.timedelta(days=i)) for i, text in enumerate(texts)],
        schema={"doc_id": pl.String, "text": pl.String, "dateline": pl.String, "published_date": pl.Date},
        orient="row",
    )


def _resolved(texts):
    """Resolver output for the NAMES found in the texts: (entities, linked mentions, documents)."""
    documents = _documents(texts)
    rows = []
    for doc_id, text, *_ in documents.iter_rows():
        for name in NAMES:
            start = text.find(name)
            if start >= 0:
                label = "NORP" if name == "Canadian" else "GPE"
                rows.append((doc_id, make_span_id("men", doc_id, start, start + len(name)), 0, start, start + len(name), name, label))
    mentions = pl.DataFrame(rows, schema=["doc_id", "mention_id", "sentence_index", "start", "end", "text", "label"], orient="row")
    resolution = resolve_entities(mentions, documents.select("doc_id", "published_date", "text"))
    return resolution.entities, mentions.join(resolution.mention_links, on="mention_id"), documents


def _entity_of(mentions, doc_id, text):
    return mentions.filter((pl.col("doc_id") == doc_id) & (pl.col("text") == text))["entity_id"].item()


@pytest.mark.parametrize(
    ("texts", "name", "home_country", "moved_countries"),
    [
        # two Massachusetts stories, one English: the majority keeps the resolver's id
        ([ENGLAND, MASSACHUSETTS, MASSACHUSETTS], "Cambridge", "US", ["GB"]),
        ([MASSACHUSETTS, ENGLAND, ENGLAND], "Cambridge", "GB", ["US"]),
        # one each: the earlier article breaks the tie
        ([ENGLAND, MASSACHUSETTS], "Cambridge", "GB", ["US"]),
        ([MASSACHUSETTS, ENGLAND], "Cambridge", "US", ["GB"]),
        # the same place in every article: one entity, nothing moves
        ([MASSACHUSETTS, MASSACHUSETTS], "Cambridge", "US", []),
        # a registry place keeps its own place even when outnumbered (Q90 is Paris, France)
        ([TEXAS, TEXAS, FRANCE], "Paris", "FR", ["US"]),
    ],
)
def test_split_gives_one_entity_per_real_place(gazetteer, texts, name, home_country, moved_countries):
    entities, mentions, documents = _resolved(texts)
    (original,) = set(mentions.filter(pl.col("text") == name)["entity_id"])
    table, linked = place_entities(entities, mentions, documents, gazetteer)
    ids = linked.filter(pl.col("text") == name).sort("doc_id")
    countries = dict(table.select("entity_id", "country").iter_rows())
    assert countries[original] == home_country
    moved = ids.filter(pl.col("entity_id") != original)
    assert sorted({countries[e] for e in moved["entity_id"]}) == moved_countries
    assert set(moved["resolution"]) <= {SPLIT_RESOLUTION}
    assert set(ids.filter(pl.col("entity_id") == original)["resolution"]).isdisjoint({SPLIT_RESOLUTION})
    # An unlisted place's new id comes from its GeoNames id.
    for row in table.filter(pl.col("entity_id").is_in(moved["entity_id"].implode())).iter_rows(named=True):
        assert (row["entity_id"], row["wikidata_id"]) == (make_entity_id("LOC", f"geonames:{row['geonames_id']}"), None)


def test_split_reuses_the_registry_id_of_the_place(gazetteer):
    """Texas stories outnumber the French one on an unlisted "Paris": the French mention goes to Paris, France (Q90)."""
    entities, mentions, documents = _resolved([TEXAS, TEXAS, FRANCE])
    mentions = mentions.with_columns(
        pl.when(pl.col("text") == "Paris").then(pl.lit("ent_0000000000000001")).otherwise(pl.col("entity_id")).alias("entity_id")
    )
    entities = entities.with_columns(
        pl.when(pl.col("entity_id") == "Q90").then(pl.lit("ent_0000000000000001")).otherwise(pl.col("entity_id")).alias("entity_id"),
        pl.when(pl.col("entity_id") == "Q90").then(None).otherwise(pl.col("latitude")).alias("latitude"),
        pl.when(pl.col("entity_id") == "Q90").then(None).otherwise(pl.col("longitude")).alias("longitude"),
        pl.when(pl.col("entity_id") == "Q90").then(None).otherwise(pl.col("country")).alias("country"),
        pl.when(pl.col("entity_id") == "Q90").then(None).otherwise(pl.col("wikidata_id")).alias("wikidata_id"),
    )
    table, linked = place_entities(entities, mentions, documents, gazetteer)
    assert _entity_of(linked, "d2", "Paris") == "Q90"
    assert _entity_of(linked, "d0", "Paris") == "ent_0000000000000001"
    row = table.filter(pl.col("entity_id") == "Q90").row(0, named=True)
    assert (row["canonical_name"], row["wikidata_id"], row["country"], row["n_mentions"]) == ("Paris", "Q90", "FR", 1)
    kept = table.filter(pl.col("entity_id") == "ent_0000000000000001").row(0, named=True)
    assert kept["country"] == "US"
    # The id Paris, Texas would have had on its own stays findable.
    assert make_entity_id("LOC", f"geonames:{kept['geonames_id']}") in kept["merged_ids"]


@pytest.mark.parametrize(
    "texts",
    [
        [ENGLAND, MASSACHUSETTS, MASSACHUSETTS],
        [TEXAS, FRANCE, TEXAS, ENGLAND],
        [MASSACHUSETTS, MASSACHUSETTS],
    ],
)
def test_split_keeps_the_tables_consistent(gazetteer, texts):
    entities, mentions, documents = _resolved(texts)
    table, linked = place_entities(entities, mentions, documents, gazetteer)
    Entities.validate(table)
    assert table["entity_id"].is_sorted()
    assert set(linked["entity_id"]) <= set(table["entity_id"])
    assert linked.select("mention_id", "doc_id", "start", "end").equals(mentions.select("mention_id", "doc_id", "start", "end"))
    dates = dict(documents.select("doc_id", "published_date").iter_rows())
    for row in table.iter_rows(named=True):
        own = linked.filter(pl.col("entity_id") == row["entity_id"])
        assert row["n_mentions"] == own.height == sum(alias["count"] for alias in row["aliases"])
        assert row["n_documents"] == own["doc_id"].n_unique()
        assert (row["first_seen"], row["last_seen"]) == (min(dates[d] for d in own["doc_id"]), max(dates[d] for d in own["doc_id"]))
        assert row["entity_id"] not in row["merged_ids"]


def test_split_leaves_a_demonym_with_its_country(gazetteer):
    """"Canadian" is also a town in Texas: the demonym still means Canada."""
    texts = ["Canada said Canadian exports rose.", "Canadian farmers in Canada protested.", "Canadian officials met."]
    entities, mentions, documents = _resolved(texts)
    table, linked = place_entities(entities, mentions, documents, gazetteer)
    assert set(linked["entity_id"]) == set(mentions["entity_id"]) and table.height == entities.height
    assert set(linked.filter(pl.col("text") == "Canadian")["resolution"]) == {"registry_demonym"}


def test_split_leaves_curated_links_alone(gazetteer):
    entities, mentions, documents = _resolved([ENGLAND, MASSACHUSETTS, MASSACHUSETTS])
    (original,) = set(mentions.filter(pl.col("text") == "Cambridge")["entity_id"])
    curated = mentions.with_columns(
        pl.when(pl.col("text") == "Cambridge").then(pl.lit("curated_merge")).otherwise(pl.col("resolution")).alias("resolution")
    )
    _, linked = place_entities(entities, curated, documents, gazetteer)
    assert set(linked.filter(pl.col("text") == "Cambridge")["entity_id"]) == {original}


def test_split_leaves_an_unplaced_mention_with_its_entity(gazetteer):
    """A spelling the gazetteer cannot place stays where the resolver put it."""
    entities, mentions, documents = _resolved([ENGLAND, MASSACHUSETTS, MASSACHUSETTS])
    (original,) = set(mentions.filter(pl.col("text") == "Cambridge")["entity_id"])
    text = "The Qwzxv Quarter said so."
    documents = pl.concat([documents, _documents([text]).with_columns(pl.lit("d9").alias("doc_id"))])
    extra = pl.DataFrame(
        [("d9", make_span_id("men", "d9", 4, 18), 0, 4, 18, "Qwzxv Quarter", "GPE", original, "exact_key", 1.0)],
        schema=mentions.schema,
        orient="row",
    )
    table, linked = place_entities(entities, pl.concat([mentions, extra]), documents, gazetteer)
    row = linked.filter(pl.col("doc_id") == "d9").row(0, named=True)
    assert (row["entity_id"], row["resolution"]) == (original, "exact_key")
    assert _entity_of(linked, "d0", "Cambridge") != original


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(order=st.permutations(range(5)))
def test_split_ignores_row_order(gazetteer, order):
    entities, mentions, documents = _shuffled()
    reference = place_entities(entities, mentions, documents, gazetteer)
    shuffled_docs = documents[list(order)]
    shuffled_mentions = mentions.sample(fraction=1.0, shuffle=True, seed=sum(i * o for i, o in enumerate(order)))
    table, linked = place_entities(entities, shuffled_mentions, shuffled_docs, gazetteer)
    assert table.equals(reference[0])
    assert linked.sort("mention_id").equals(reference[1].sort("mention_id"))


@cache
def _shuffled():
    return _resolved([TEXAS, ENGLAND, FRANCE, MASSACHUSETTS, ENGLAND])


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ((2988507, "populated_place", 48.85, 2.35, "FR", "FR-IDF"), (4717560, "populated_place", 33.66, -95.56, "US", "US-TX"), False),
        ((4931972, "populated_place", 42.37, -71.11, "US", "US-MA"), (4930956, "populated_place", 42.36, -71.06, "US", "US-MA"), True),  # 4 km
        ((5128581, "populated_place", 40.71, -74.01, "US", "US-NY"), (5128638, "admin1", 42.5, -75.5, "US", "US-NY"), True),  # city in its state
        ((4140963, "populated_place", 38.90, -77.04, "US", "US-DC"), (5815135, "admin1", 47.4, -120.5, "US", "US-WA"), False),
        ((4250542, "populated_place", 39.80, -89.64, "US", "US-IL"), (4409896, "populated_place", 37.22, -93.30, "US", "US-MO"), False),
    ],
)
def test_same_real_place(a, b, same):
    from newsfold.geo.gazetteer import Place

    first, second = (Place(i, gid, "x", kind, lat, lon, country, admin1, 0) for i, (gid, kind, lat, lon, country, admin1) in enumerate((a, b)))
    assert same_real_place(first, second) is same
    assert same_real_place(second, first) is same
    assert place_key_id(first) == make_entity_id("LOC", f"geonames:{a[0]}")
