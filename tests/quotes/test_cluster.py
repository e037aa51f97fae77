"""Tests for newsfold.quotes.cluster: the same quotation across articles."""

from __future__ import annotations

import random
from datetime import date

import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsfold.quotes import cluster as cluster_module
from newsfold.quotes.cluster import cluster_quotes
from newsfold.quotes.similarity import MIN_SHARED_TERMS

SEED_1 = "Some friendly health advice to Iran: If one American is killed, I will hold Iran responsible. Think it over."
SEED_2 = "I have some friendly health advice for Iran. If an American were killed, I would blame Iran for it."
NEAR_A = "Rockets hit our embassy in Baghdad on Sunday."
NEAR_B = "Rockets hit our embassy in Baghdad on Monday."
OTHER = "The U.S. Embassy confirms rockets targeting the International Zone resulted in the engagement of defensive systems."


def _frame(rows: list[tuple[str, str, str, str | None, date | None]]) -> pl.DataFrame:
    return pl.DataFrame(
        rows,
        schema={"quote_id": pl.String, "doc_id": pl.String, "text": pl.String, "speaker_entity_id": pl.String, "published_date": pl.Date},
        orient="row",
    )


def _groups(frame: pl.DataFrame) -> set[frozenset[str]]:
    clustered = frame.with_columns(cluster_quotes(frame))
    groups = clustered.group_by("quote_cluster_id").agg(pl.col("quote_id"))
    return {frozenset(ids) for ids in groups["quote_id"].to_list()}


D = date(2020, 12, 24)


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # seed 1 ~ seed 2: the paraphrase in translation joins the original
        ([("q1", "d1", SEED_1, "e_trump", D), ("q2", "d2", SEED_2, "e_trump", D)], {frozenset({"q1", "q2"})}),
        # unrelated quotations by the same speaker stay apart
        ([("q1", "d1", SEED_1, "e_trump", D), ("q2", "d2", OTHER, "e_trump", D)], {frozenset({"q1"}), frozenset({"q2"})}),
        # the same words from two different speakers are two quotations
        ([("q1", "d1", SEED_1, "e_trump", D), ("q2", "d2", SEED_2, "e_other", D)], {frozenset({"q1"}), frozenset({"q2"})}),
        # the same article quoting twice is not a cross-article cluster
        ([("q1", "d1", SEED_1, "e_trump", D), ("q2", "d1", SEED_2, "e_trump", D)], {frozenset({"q1"}), frozenset({"q2"})}),
        # an unknown speaker needs a near-identical quotation
        ([("q1", "d1", SEED_1, None, D), ("q2", "d2", SEED_1 + " Really.", "e_trump", D)], {frozenset({"q1", "q2"})}),
        # 0.8 similar: enough for a known speaker, not for an unknown one
        ([("q1", "d1", NEAR_A, "e_x", D), ("q2", "d2", NEAR_B, "e_x", D)], {frozenset({"q1", "q2"})}),
        ([("q1", "d1", NEAR_A, None, D), ("q2", "d2", NEAR_B, "e_x", D)], {frozenset({"q1"}), frozenset({"q2"})}),
    ],
)
def test_cluster_pairs_same_quotation_only(rows, expected) -> None:
    assert _groups(_frame(rows)) == expected


def test_cluster_does_not_chain_through_a_bridge() -> None:
    # b shares a sentence with a and another with c, but a and c have nothing in common
    a = "Our embassy in Baghdad got hit by several rockets on Sunday."
    c = "The economy of Iowa grew fast under our farm policy this year."
    b = a + " " + c
    frame = _frame([("qa", "d1", a, "e", D), ("qb", "d2", b, "e", D), ("qc", "d3", c, "e", D)])
    groups = _groups(frame)
    assert frozenset({"qa", "qb", "qc"}) not in groups
    assert len(groups) == 2


def test_cluster_ids_do_not_depend_on_row_order() -> None:
    rows = [("q1", "d1", SEED_1, "e", D), ("q2", "d2", SEED_2, "e", D), ("q3", "d3", OTHER, None, None)]
    expected = dict(zip(["q1", "q2", "q3"], cluster_quotes(_frame(rows)).to_list()))
    for seed in range(5):
        shuffled = rows[:]
        random.Random(seed).shuffle(shuffled)
        frame = _frame(shuffled)
        assert dict(zip(frame["quote_id"].to_list(), cluster_quotes(frame).to_list())) == expected
    assert expected["q1"] == expected["q2"] != expected["q3"]


def test_cluster_far_apart_dates_need_near_identical_text() -> None:
    rows = [("q1", "d1", SEED_1, "e", date(2020, 1, 1)), ("q2", "d2", SEED_2, "e", date(2021, 6, 1))]
    assert len(_groups(_frame(rows))) == 1  # SEED_1 ~ SEED_2 is similarity 1.0: still the same
    rows = [("q1", "d1", NEAR_A, "e", date(2020, 1, 1)), ("q2", "d2", NEAR_B, "e", date(2021, 6, 1))]
    assert len(_groups(_frame(rows))) == 2
    rows = [("q1", "d1", NEAR_A, "e", date(2020, 1, 1)), ("q2", "d2", NEAR_B, "e", date(2020, 1, 20))]
    assert len(_groups(_frame(rows))) == 1


def test_quotation_terms_from_the_memo_give_the_same_clusters(monkeypatch) -> None:
    from newsfold.memo import Memo

    rows = [("q1", "d1", SEED_1, "e", D), ("q2", "d2", SEED_2, "e", D), ("q3", "d3", OTHER, None, None), ("q4", "d4", "", None, D)]
    rows.append(("q0", "d0", SEED_2, None, D))  # one text quoted twice: one key
    plain = cluster_quotes(_frame(rows))
    first = Memo("s")
    assert cluster_quotes(_frame(rows), memo=first).equals(plain)
    assert first.frames()[cluster_module.QUOTE_TERMS.name].height == 4
    # Kept terms are not read again: only the new quotation is.
    read = []
    real = cluster_module.sentence_terms
    monkeypatch.setattr(cluster_module, "sentence_terms", lambda text: read.append(text) or real(text))
    grown = rows + [("q5", "d5", SEED_1 + " Now.", "e", D)]
    clusters = cluster_quotes(_frame(grown), memo=Memo("s", first.frames()))
    assert clusters.head(5).equals(plain) and clusters[5] == clusters[0]
    assert read == [SEED_1 + " Now."]


def test_cluster_empty_frame() -> None:
    assert cluster_quotes(_frame([])).len() == 0


def _pairs_by_counting(terms: list[frozenset[str]], docs: list[str], common: int, minimum: int) -> set[tuple[int, int]]:
    """The candidate pairs as first written: every pair of each term's rows counted in a dictionary."""
    index: dict[str, list[int]] = {}
    for row, row_terms in enumerate(terms):
        for term in row_terms:
            index.setdefault(term, []).append(row)
    shared: dict[tuple[int, int], int] = {}
    for rows in index.values():
        if len(rows) > common:
            continue
        for i, a in enumerate(rows):
            for b in rows[i + 1 :]:
                if docs[a] != docs[b]:
                    shared[(a, b)] = shared.get((a, b), 0) + 1
    return {pair for pair, count in shared.items() if count >= minimum}


@given(
    st.lists(
        st.tuples(st.frozensets(st.sampled_from("abcdefghij"), max_size=8), st.sampled_from(["d1", "d2", "d3", "d4"])),
        max_size=40,
    )
)
def test_candidate_pairs_are_those_counted_one_by_one(rows) -> None:
    terms, docs = [t for t, _ in rows], [d for _, d in rows]
    expected = _pairs_by_counting(terms, docs, cluster_module._COMMON_TERM, MIN_SHARED_TERMS)
    assert cluster_module._candidate_pairs(terms, docs) == expected


def test_candidate_pairs_leave_out_common_terms(monkeypatch) -> None:
    monkeypatch.setattr(cluster_module, "_COMMON_TERM", 2)
    # x is in four rows: it counts for no pair, so rows 2 and 3 share three terms, one too few
    terms = [frozenset("pqrsx"), frozenset("pqrsx"), frozenset("tuvx"), frozenset("tuvx")]
    docs = ["d1", "d2", "d3", "d4"]
    assert cluster_module._candidate_pairs(terms, docs) == _pairs_by_counting(terms, docs, 2, MIN_SHARED_TERMS) == {(0, 1)}
