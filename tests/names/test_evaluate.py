"""Pairwise scores against gold groups and labelled pairs."""

from __future__ import annotations

import polars as pl
import pytest

from newsfold.names.evaluate import PairScores, evaluate_gold, evaluate_pairs, kind_to_type


@pytest.mark.parametrize(
    ("scores", "precision", "recall", "f1"),
    [
        (PairScores(8, 2, 0, 10), 0.8, 1.0, 0.8889),
        (PairScores(0, 0, 0, 3), 1.0, 1.0, 1.0),
        (PairScores(0, 3, 3, 3), 0.0, 0.0, 0.0),
    ],
)
def test_pair_scores_arithmetic(scores, precision, recall, f1):
    assert (round(scores.precision, 4), round(scores.recall, 4), round(scores.f1, 4)) == (precision, recall, f1)


def test_evaluate_gold_counts_false_merges_and_misses():
    gold = pl.DataFrame(
        {
            "group_id": ["s", "s", "s", "k1", "k2", "h", "kh"],
            "name": [
                "Qasem Soleimani",
                "Qassem Suleimani",
                "Ghasem Soleymani",
                "Kim Jong Un",
                "Kim Jong Il",
                "Hezbollah",
                "Kataib Hezbollah",
            ],
            "kind": ["person"] * 5 + ["organisation"] * 2,
        }
    )
    scores = evaluate_gold(gold)
    assert (scores.true_positives, scores.false_positives, scores.false_negatives) == (3, 0, 0)


def test_evaluate_gold_reports_a_miss():
    gold = pl.DataFrame({"group_id": ["x", "x"], "name": ["Zhang Wei", "Wei Zhang"], "kind": ["person", "person"]})
    assert evaluate_gold(gold).false_negatives == 1


def test_evaluate_pairs_scores_each_pair_alone():
    cases = pl.DataFrame(
        {
            "name1": ["Mikhail Gorbachov", "Octavian Scholz", "Kim Jong Un"],
            "name2": ["Mikhail Gorbachev", "Olaf Scholz", "Kim Jong-un"],
            "is_match": ["true", "false", "true"],
            "schema": ["Person"] * 3,
        }
    )
    scores = evaluate_pairs(cases)
    assert (scores.true_positives, scores.false_positives, scores.false_negatives) == (2, 0, 0)


@pytest.mark.parametrize(
    ("kind", "entity_type"),
    [
        ("person", "PER"),
        ("Company", "ORG"),
        ("Organization", "ORG"),
        ("place", "LOC"),
        ("Vessel", "MISC"),
        (None, "MISC"),
    ],
)
def test_kind_to_type(kind, entity_type):
    assert kind_to_type(kind) == entity_type
