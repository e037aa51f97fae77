"""Permanent ids (failure class 7): the oldest sighting keeps an entity's id; merges keep ids findable."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsfold.names import curate
from newsfold.names.curation import parse_curation
from newsfold.names.resolve import resolve_entities
from tests.names.conftest import build_documents, build_mentions

# Unlisted names with variants that join fuzzily or by key, bare surnames, and namesakes.
POOL = [
    "Mikhail Gorbachev",
    "Mikhail Gorbachov",
    "Mikhail Gorbachkovs",
    "Ahmad Vahidi",
    "Ahmed Vahidi",
    "Vahidi",
    "Reza Vahidi",
    "Harakat Nujaba",
    "Harakat al-Nujaba",
    "Nujaba",
    "Qasem Soleimani",
    "Sulaimani",
]
LABELS = ["PERSON", "PERSON", "ORG", "GPE"]
START = dt.date(2020, 1, 1)

article = st.lists(st.tuples(st.sampled_from(POOL), st.sampled_from(LABELS)), min_size=1, max_size=4)


def _run(articles: list[list[tuple[str, str]]]):
    spans = [(f"doc{i}", text, label) for i, spans in enumerate(articles) for text, label in spans]
    mentions = build_mentions(spans)
    dates = {f"doc{i}": START + dt.timedelta(days=i) for i in range(len(articles))}
    return mentions, resolve_entities(mentions, build_documents(mentions, dates))


def _findable(entities: pl.DataFrame) -> dict[str, str]:
    """Every id a reader may hold -> the entity that now answers to it."""
    found = {}
    for entity_id, merged in entities.select("entity_id", "merged_ids").iter_rows():
        found[entity_id] = entity_id
        for old in merged:
            found.setdefault(old, entity_id)
    return found


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(old=st.lists(article, min_size=1, max_size=5), new=st.lists(article, min_size=1, max_size=4))
def test_later_articles_never_change_an_issued_id(old, new):
    _, before = _run(old)
    _, after = _run(old + new)  # the new articles are dated after every old one
    findable = _findable(after.entities)
    missing = set(before.entities["entity_id"]) - set(findable)
    assert not missing, (missing, before.entities.select("entity_id", "canonical_name", "entity_type"))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    old=st.lists(st.lists(st.sampled_from(POOL[:5] + POOL[6:9]), min_size=1, max_size=3), min_size=1, max_size=4),
    new=st.lists(st.lists(st.sampled_from(POOL[:5] + POOL[6:9]), min_size=1, max_size=3), min_size=1, max_size=4),
)
def test_later_articles_keep_every_old_mention_on_its_id(old, new):
    # Full names under one label: an old mention keeps its id, or the id is merged into the new one.
    label = lambda names: [(n, "PERSON") for n in names]  # noqa: E731
    _, before = _run([label(a) for a in old])
    _, after = _run([label(a) for a in old + new])
    links = before.mention_links.join(after.mention_links, on="mention_id", suffix="_after")
    merged = dict(after.entities.select("entity_id", "merged_ids").iter_rows())
    for old_id, new_id in links.select("entity_id", "entity_id_after").iter_rows():
        assert old_id == new_id or old_id in merged[new_id]


@settings(max_examples=25, deadline=None)
@given(articles=st.lists(article, min_size=1, max_size=5), seed=st.randoms(use_true_random=False))
def test_ids_do_not_depend_on_row_order(articles, seed):
    mentions, result = _run(articles)
    rows = mentions.rows()
    seed.shuffle(rows)
    shuffled = pl.DataFrame(rows, schema=mentions.schema, orient="row")
    dates = {f"doc{i}": START + dt.timedelta(days=i) for i in range(len(articles))}
    again = resolve_entities(shuffled, build_documents(mentions, dates))
    assert again.mention_links.equals(result.mention_links)
    assert again.entities.equals(result.entities)


# (older spellings, newer spellings, the spelling whose id the entity keeps)
OLDEST_WINS = [
    # a more frequent later spelling renames nothing
    (["Mikhail Gorbachov"], ["Mikhail Gorbachev"] * 4, "Mikhail Gorbachov"),
    (["Mikhail Gorbachev"], ["Mikhail Gorbachov"] * 4, "Mikhail Gorbachev"),
    (["Ahmed Vahidi"], ["Ahmad Vahidi"] * 3, "Ahmed Vahidi"),
]


@pytest.mark.parametrize(("older", "newer", "keeps"), OLDEST_WINS)
def test_the_oldest_spelling_gives_the_id_the_majority_the_name(older, newer, keeps):
    _, alone = _run([[(keeps, "PERSON")]])
    alone_id = alone.entities["entity_id"].item()
    _, both = _run([[(t, "PERSON") for t in older], *[[(t, "PERSON")] for t in newer]])
    assert both.entities["entity_id"].to_list() == [alone_id]
    assert both.entities["canonical_name"].item() == newer[0]


def test_dates_not_doc_ids_decide_which_sighting_is_oldest():
    # doc1 is dated before doc0: its spelling keeps the id.
    mentions = build_mentions([("doc0", "Mikhail Gorbachev", "PERSON"), ("doc1", "Mikhail Gorbachov", "PERSON")])
    documents = build_documents(mentions, {"doc0": dt.date(2021, 1, 1), "doc1": dt.date(2020, 1, 1)})
    result = resolve_entities(mentions, documents)
    _, alone = _run([[("Mikhail Gorbachov", "PERSON")]])
    assert result.entities["entity_id"].to_list() == alone.entities["entity_id"].to_list()


def test_a_bare_surname_linked_later_keeps_its_old_id_findable():
    _, before = _run([[("Vahidi", "PERSON")]])
    _, after = _run([[("Vahidi", "PERSON")], [("Ahmad Vahidi", "PERSON")]])
    (old_id,) = before.entities["entity_id"].to_list()
    row = after.entities.filter(pl.col("canonical_name") == "Ahmad Vahidi")
    assert old_id in row["merged_ids"].item().to_list()


@pytest.mark.parametrize(
    "rule",
    [
        "merge:\n  - into: Mikhail Gorbachev\n    names: [Mikhail Gorbachkovs]\n",
        "merge:\n  - into: Mikhail Gorbachev\n    entities: [{gone}]\n",
    ],
)
def test_a_curated_merge_lists_the_folded_ids(rule):
    spans = [[("Mikhail Gorbachev", "PERSON")], [("Mikhail Gorbachkovs", "PERSON")]]
    _, plain = _run(spans)
    ids = dict(zip(plain.entities["canonical_name"], plain.entities["entity_id"]))
    gone, kept = ids["Mikhail Gorbachkovs"], ids["Mikhail Gorbachev"]
    mentions, _ = _run(spans)
    documents = build_documents(mentions, {"doc0": START, "doc1": START + dt.timedelta(days=1)})
    curated = resolve_entities(mentions, documents, curation=parse_curation(rule.format(gone=gone), "curation.yml"))
    assert curated.entities["entity_id"].to_list() == [kept]
    assert gone in curated.entities["merged_ids"].item().to_list()


def test_a_registry_entry_lists_its_former_ids(monkeypatch):
    entry = SimpleNamespace(
        entity_id="Q99",
        canonical_name="Some Person",
        entity_type="PER",
        wikidata_id="Q99",
        country=None,
        latitude=None,
        longitude=None,
        former_ids=("ent_0123456789abcdef",),
    )
    monkeypatch.setattr(curate, "load_registry", lambda: SimpleNamespace(entries={"Q99": entry}))
    assert curate.registry_info("Q99").merged_ids == ("ent_0123456789abcdef",)
