from __future__ import annotations

import datetime as dt
import random

import numpy as np
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfold.stories import build_stories, make_story_id
from schemas import Amounts, Dates, Documents, Mentions, Stories, empty_frame, frame_from_rows
from newsfold.validate import split_valid_rows

# Hand-written articles: an original and a free translation of another outlet's report on the
# same attack (different words, the same people and places), a follow-up, and unrelated news.
ARTICLES = {
    "doc_000000000000000a": (dt.date(2020, 12, 20), "Rockets hit US embassy in Baghdad",
        "Several rockets struck the US embassy compound in Baghdad on Sunday. President Donald Trump "
        "blamed Iran and warned Tehran. General Qasem Soleimani's Quds Force was named by officials.",
        ["Q22686", "Q794", "Q1149393", "Q1530"]),
    "doc_000000000000000b": (dt.date(2020, 12, 21), "Trump accuses Tehran after Baghdad strike",
        "A barrage of missiles landed near the American diplomatic mission in Baghdad. Trump said Iran "
        "would be held responsible; the attack recalled the killing of Qasim Suleimani.",
        ["Q22686", "Q794", "Q1149393", "Q1530"]),
    "doc_000000000000000c": (dt.date(2020, 12, 23), "Iraq investigates the embassy rocket attack",
        "Iraqi officials in Baghdad opened an inquiry into the rockets fired at the US embassy, which Trump "
        "blamed on Iran and militias loyal to Soleimani.",
        ["Q22686", "Q794", "Q1149393", "Q1530"]),
    "doc_000000000000000d": (dt.date(2020, 12, 21), "Central bank holds rates",
        "The European Central Bank left its main interest rate unchanged in Frankfurt, citing weak "
        "inflation and slow growth across the euro area.",
        ["Q8901", "Q1794"]),
}


def make_tables(doc_ids):
    documents = frame_from_rows(Documents, [
        {
            Documents.doc_id: doc_id, Documents.source_path: f"{doc_id}.txt", Documents.source_sha256: "0" * 64,
            Documents.record_index: 0, Documents.title: ARTICLES[doc_id][1], Documents.text: ARTICLES[doc_id][2],
            Documents.published_date: ARTICLES[doc_id][0], Documents.published_date_source: "header",
            Documents.encoding: "utf-8", Documents.n_words: 30, Documents.n_sentences: 2, Documents.run_id: "run_x",
            Documents.source_name: f"outlet {doc_id[-1]}",
        }
        for doc_id in doc_ids
    ])
    mentions = frame_from_rows(Mentions, [
        {Mentions.doc_id: doc_id, Mentions.mention_id: f"men_{doc_id[-4:]}{n:012d}", Mentions.sentence_index: 0,
         Mentions.start: 0, Mentions.end: 1, Mentions.text: "x", Mentions.label: "PERSON",
         Mentions.entity_id: entity_id, Mentions.resolution: "registry_alias", Mentions.score: 1.0}
        for doc_id in doc_ids for n, entity_id in enumerate(ARTICLES[doc_id][3])
    ])
    return documents, mentions, empty_frame(Dates), empty_frame(Amounts)


def story_of(documents: pl.DataFrame) -> dict[str, str]:
    return dict(documents.select(Documents.doc_id, Documents.story_id).iter_rows())


def test_build_a_translation_joins_its_original_and_unrelated_news_stays_apart():
    documents, stories = build_stories(*make_tables(sorted(ARTICLES)))
    stories_of = story_of(documents)
    assert stories_of["doc_000000000000000a"] == stories_of["doc_000000000000000b"] == stories_of["doc_000000000000000c"]
    assert stories_of["doc_000000000000000d"] != stories_of["doc_000000000000000a"]
    # the story's id is its earliest article's
    assert stories_of["doc_000000000000000a"] == make_story_id("doc_000000000000000a")
    row = stories.filter(pl.col(Stories.story_id) == stories_of["doc_000000000000000a"]).row(0, named=True)
    assert (row[Stories.n_documents], row[Stories.n_sources]) == (3, 3)
    assert (row[Stories.first_published], row[Stories.last_published]) == (dt.date(2020, 12, 20), dt.date(2020, 12, 23))
    assert set(row[Stories.top_entity_ids]) == {"Q22686", "Q794", "Q1149393", "Q1530"}


@pytest.mark.parametrize(
    "before, after",
    [
        (["doc_000000000000000a", "doc_000000000000000b"], sorted(ARTICLES)),  # a later article joins
        (["doc_000000000000000a", "doc_000000000000000d"], ["doc_000000000000000a", "doc_000000000000000c", "doc_000000000000000d"]),
    ],
)
def test_build_a_growing_story_keeps_its_id(before, after):
    first = story_of(build_stories(*make_tables(before))[0])
    second = story_of(build_stories(*make_tables(after))[0])
    assert all(second[doc_id] == first[doc_id] for doc_id in before)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_build_row_order_does_not_matter(seed):
    doc_ids = sorted(ARTICLES)
    reference = build_stories(*make_tables(doc_ids))
    random.Random(seed).shuffle(doc_ids)
    shuffled = build_stories(*make_tables(doc_ids))
    assert shuffled[0].sort(Documents.doc_id).equals(reference[0].sort(Documents.doc_id))
    assert shuffled[1].equals(reference[1])


def test_build_a_wire_copy_points_at_its_original_and_shares_its_story():
    documents, mentions, dates, amounts = make_tables(sorted(ARTICLES))
    copy = documents.filter(pl.col(Documents.doc_id) == "doc_000000000000000a").with_columns(
        pl.lit("doc_00000000000000ff").alias(Documents.doc_id),
        pl.lit(dt.date(2020, 12, 22)).alias(Documents.published_date),
        pl.lit("another outlet").alias(Documents.source_name),
    )
    linked, stories = build_stories(pl.concat([documents, copy]), mentions, dates, amounts)
    row = linked.filter(pl.col(Documents.doc_id) == "doc_00000000000000ff").row(0, named=True)
    assert row[Documents.duplicate_of] == "doc_000000000000000a"
    assert row[Documents.story_id] == make_story_id("doc_000000000000000a")
    tables = {"documents": linked, "stories": stories}  # keys both ways, duplicate_of included
    assert split_valid_rows(tables, run_id="run_x").rejects.height == 0


def test_build_no_article_no_story():
    documents, stories = build_stories(*make_tables([]))
    assert Documents.story_id in documents.columns and documents.height == 0
    assert stories.height == 0


@pytest.mark.parametrize(
    ("title", "text", "label"),
    [
        ("Rockets hit Baghdad", "Jan 5\nSeveral rockets struck the embassy.", "Rockets hit Baghdad"),
        (None, "Jan 5\nSeveral rockets struck the embassy.", "Several rockets struck the embassy."),
        ("  ", "Jan 5\nSeveral rockets struck the embassy." + "\nMore." * 100_000, "Several rockets struck the embassy."),
        (None, "Jan 5", "Jan 5"),
        (None, "", "(untitled)"),
    ],
)
def test_build_story_label_is_the_title_else_an_opening_line(title, text, label):
    documents, mentions, dates, amounts = make_tables(["doc_000000000000000d"])
    documents = documents.with_columns(
        pl.lit(title, dtype=pl.String).alias(Documents.title), pl.lit(text).alias(Documents.text)
    )
    _, stories = build_stories(documents, mentions, dates, amounts)
    assert stories[Stories.label].to_list() == [label]


def _central_by_loop(vectors, founders: np.ndarray, doc_ids: list[str]) -> dict[str, str]:
    """The per-story reference: each story's rows dotted with their sum, the first best in row order."""
    central = {}
    for founder in sorted(set(founders.tolist())):
        members = np.flatnonzero(founders == founder)
        block = vectors[members]
        scores = block @ np.asarray(block.sum(axis=0)).ravel()
        central[doc_ids[founder]] = doc_ids[members[int(np.argmax(scores))]]
    return central


@settings(max_examples=60, deadline=None)
@given(
    # (article, column, weight) cells of 12 articles' vectors; a zero weight stays stored, as a block weighted 0 leaves it.
    cells=st.lists(
        st.tuples(st.integers(0, 11), st.integers(0, 6), st.sampled_from([0.5, 1.0, 0.25, 2.0, 0.1, 0.0, -0.5])),
        max_size=60,
    ),
    founder_picks=st.lists(st.integers(0, 11), min_size=12, max_size=12),
)
def test_build_central_articles_match_the_per_story_loop(cells, founder_picks):
    from types import SimpleNamespace

    from scipy import sparse

    from newsfold.stories.build import DEFAULT_PARAMS, _central_articles

    # Founders as clustering gives them: an earlier article that founds its own story, or the article itself.
    picked: list[int] = []
    for index, pick in enumerate(founder_picks):
        picked.append(pick if pick < index and picked[pick] == pick else index)
    founders = np.array(picked)
    rows, cols, values = zip(*cells) if cells else ((), (), ())
    vectors = sparse.csr_matrix((np.array(values, dtype=np.float32), (rows, cols)), shape=(12, 7))
    vectors.sum_duplicates()  # repeated cells add up
    doc_ids = [f"d{i:02d}" for i in range(12)]
    features = SimpleNamespace(doc_ids=doc_ids, vectors=lambda weights: vectors)
    assert _central_articles(features, founders, DEFAULT_PARAMS) == _central_by_loop(vectors, founders, doc_ids)
