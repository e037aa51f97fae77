"""Pairwise scores against gold groups and labelled pairs."""

from __future__ import annotations

import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsfold.errors import InputError
from newsfold.names.evaluate import (
    GoldFile,
    PairScores,
    assign_part,
    evaluate_gold,
    evaluate_pairs,
    is_listed,
    kind_to_type,
    list_dev_errors,
    make_split_key,
    read_gold,
    score_gold_file,
)


@pytest.mark.parametrize(
    ("scores", "precision", "recall", "f1"),
    [
        (PairScores(8, 2, 0, 10), 0.8, 1.0, 0.8889),
        (PairScores(0, 3, 3, 3), 0.0, 0.0, 0.0),
        (PairScores(1, 1, 2, 4), 0.5, 0.3333, 0.4),
        # nothing to divide by: undefined, never a perfect score
        (PairScores(0, 0, 0, 3), None, None, None),
        (PairScores(0, 0, 0, 0), None, None, None),
        (PairScores(0, 0, 4, 5), None, 0.0, 0.0),
        (PairScores(0, 2, 0, 4), 0.0, None, 0.0),
    ],
)
def test_pair_scores_arithmetic(scores, precision, recall, f1):
    def rounded(value):
        return None if value is None else round(value, 4)

    assert (rounded(scores.precision), rounded(scores.recall), rounded(scores.f1)) == (precision, recall, f1)


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


def test_evaluate_gold_of_singletons_is_undefined():
    names = ["Zorblat Quenmoor", "Harriet Vantwee"]
    gold = pl.DataFrame({"group_id": ["a", "b"], "name": names, "kind": ["person"] * 2})
    scores = evaluate_gold(gold)
    assert (scores.precision, scores.recall, scores.f1) == (None, None, None)


@pytest.mark.parametrize(
    ("group_id", "pair", "key"),
    [
        ("soleimani", None, "soleimani"),
        (" soleimani ", None, "soleimani"),
        ("kim/jong_un", None, "kim"),
        ("kim/jong_il", None, "kim"),
        ("a/b/c", None, "a"),
        (None, ("Olaf Scholz", "Olaf Scholze"), "Olaf Scholz\tOlaf Scholze"),
        (None, ("Olaf Scholze ", "Olaf Scholz"), "Olaf Scholz\tOlaf Scholze"),
    ],
)
def test_make_split_key(group_id, pair, key):
    assert make_split_key(group_id=group_id, pair=pair) == key


@pytest.mark.parametrize(
    ("key", "part"),
    [
        # pinned: the rule must never change, or dev and test rows would swap
        ("soleimani", "test"),
        ("kim_jong_un", "dev"),
        ("", "dev"),
    ],
)
def test_assign_part_is_pinned(key, part):
    assert assign_part(key) == part


@given(st.text(max_size=40))
def test_assign_part_is_deterministic(key):
    assert assign_part(key) == assign_part(key) in ("test", "dev")


def test_assign_part_splits_roughly_half():
    parts = [assign_part(f"group_{i}") for i in range(2000)]
    assert 0.45 < parts.count("test") / len(parts) < 0.55


@pytest.mark.parametrize(
    ("name", "listed"),
    [
        ("United States", True),
        ("the United States", True),
        ("UNITED STATES", True),
        ("Qasem Soleimani", True),
        ("Zorblat Quenmoor", False),
        ("Harriet Vantwee-Oslund", False),
    ],
)
def test_is_listed(name, listed):
    assert is_listed(name) is listed


def _write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_read_gold_reads_groups_with_a_source_column(tmp_path):
    path = _write(
        tmp_path,
        "corpus_names.csv",
        "group_id,name,kind,source\n"
        "brown/gordon,Gordon Brown,person,bbc:politics/001\n"
        "brown/gordon,Gordon Brown MP,person,bbc:politics/002\n"
        "brown/nick,Nick Brown,person,bbc:politics/003\n",
    )
    gold = read_gold(path)
    assert gold.layout == "groups"
    assert gold.frame.columns == ["group_id", "name", "kind", "source", "part"]
    assert gold.frame["source"].to_list()[0] == "bbc:politics/001"
    assert len(set(gold.frame["part"].to_list())) == 1  # one family key: namesakes share the part
    assert gold.frame["part"][0] == assign_part("brown")


def test_read_gold_keeps_a_fixed_part_column(tmp_path):
    path = _write(
        tmp_path,
        "renderings.csv",
        "group_id,name,kind,part\n"
        "yeltsin,Boris Yeltsin,person,dev\n"
        "yeltsin,Boris Jelzin,person,dev\n"
        "lebed/alexander,Alexander Lebed,person,Test\n"
        "lebed/lebedev,Alexander Lebedev,person,test\n",
    )
    assert read_gold(path).frame["part"].to_list() == ["dev", "dev", "test", "test"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "group_id,name,kind,part\nx,Ann Lee,person,dev\nx,Ann Li,person,train\n",
            "renderings.csv:3: part must be one of test, dev",
        ),
        ("group_id,name,kind,part\nx,Ann Lee,person,\n", "renderings.csv:2: part must be one of"),
        (
            "group_id,name,kind,part\nlee/ann,Ann Lee,person,dev\nlee/bo,Bo Lee,person,test\n",
            "family 'lee' lie in both parts",
        ),
    ],
)
def test_read_gold_rejects_a_bad_part_column(tmp_path, text, message):
    with pytest.raises(InputError, match=message):
        read_gold(_write(tmp_path, "renderings.csv", text))


def test_read_gold_reads_labelled_pairs(tmp_path):
    path = _write(tmp_path, "pairs.csv", "name1,name2,is_match,schema\nA B,A C,TRUE,Person\nA B,D E,false,\n")
    gold = read_gold(path)
    assert gold.layout == "pairs"
    assert gold.frame["is_match"].to_list() == [True, False]
    assert gold.frame["part"].to_list() == [assign_part("A B\tA C"), assign_part("A B\tD E")]


def test_read_gold_splits_a_spelling_list_by_spelling(tmp_path):
    gold = read_gold(_write(tmp_path, "putin.txt", "Vladimir Putin\n\nVladimir Poutine\n"))
    assert gold.frame["name"].to_list() == ["Vladimir Putin", "Vladimir Poutine"]
    assert gold.frame["part"].to_list() == [assign_part("Vladimir Putin"), assign_part("Vladimir Poutine")]


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("other.csv", "a,b\n1,2\n", "expected gold columns"),
        ("gaps.csv", "group_id,name,kind\nx,Ann Lee,person\nx,,person\n", "gaps.csv:3: empty name"),
        ("gaps.csv", "group_id,name,kind\n,Ann Lee,person\n", "gaps.csv:2: empty group_id"),
        ("pairs.csv", "name1,name2,is_match,schema\nA,,true,Person\n", "pairs.csv:2: empty name2"),
    ],
)
def test_read_gold_rejects_bad_files(tmp_path, name, text, message):
    with pytest.raises(InputError, match=message):
        read_gold(_write(tmp_path, name, text))


def test_score_gold_file_reports_parts_kinds_and_unlisted(tmp_path):
    # group ids chosen so that both parts are present
    test_id = next(f"g{i}" for i in range(100) if assign_part(f"g{i}") == "test")
    dev_id = next(f"g{i}" for i in range(100) if assign_part(f"g{i}") == "dev")
    path = _write(
        tmp_path,
        "gold.csv",
        "group_id,name,kind\n"
        f"{test_id},Qasem Soleimani,person\n"
        f"{test_id},Qassem Suleimani,person\n"
        f"{test_id},Zorblat Quenmoor,person\n"
        f"{dev_id},Harriet Vantwee,person\n"
        f"{dev_id},Harriet Vantwee,person\n",
    )
    rows = score_gold_file(read_gold(path), ("test", "dev", "all"))
    by_key = {(r.part, r.subset): r.scores for r in rows}
    assert [r.part for r in rows] == ["test"] * 3 + ["dev"] * 3 + ["all"] * 3
    assert [r.subset for r in rows[:3]] == ["all", "listed", "unlisted"]
    test = by_key[("test", "all")]
    assert (test.n_names, test.true_positives + test.false_negatives) == (3, 3)
    # the only unlisted name of the test part has no partner: no pair, undefined scores
    unlisted = by_key[("test", "unlisted")]
    assert (unlisted.n_names, unlisted.recall, unlisted.precision) == (1, None, None)
    assert by_key[("dev", "unlisted")].true_positives == 1
    assert by_key[("all", "all")].n_names == 5
    # listed + unlisted = all, pair by pair
    for part in ("test", "dev", "all"):
        whole, listed, unlisted = (by_key[(part, s)] for s in ("all", "listed", "unlisted"))
        assert listed.true_positives + unlisted.true_positives == whole.true_positives
        assert listed.false_negatives + unlisted.false_negatives == whole.false_negatives
        assert listed.n_names + unlisted.n_names == whole.n_names


def test_score_gold_file_counts_unlisted_pairs_only_when_neither_name_is_listed(tmp_path):
    path = _write(
        tmp_path,
        "pairs.csv",
        "name1,name2,is_match,schema\n"
        "Qasem Soleimani,Qasim Sulaymani,true,Person\n"
        "Zorblat Quenmoor,Zorblatt Quenmoor,true,Person\n"
        "Harriet Vantwee,Zorblat Quenmoor,false,Person\n",
    )
    rows = score_gold_file(read_gold(path), ("all",))
    by_subset = {r.subset: r.scores for r in rows}
    assert [r.subset for r in rows] == ["all", "listed", "unlisted"]  # a single schema has no row of its own
    assert (by_subset["unlisted"].n_names, by_subset["listed"].n_names) == (2, 1)
    assert by_subset["listed"].false_positives == by_subset["unlisted"].false_positives == 0


def test_score_gold_file_of_an_empty_part_is_undefined(tmp_path):
    dev_id = next(f"g{i}" for i in range(100) if assign_part(f"g{i}") == "dev")
    path = _write(tmp_path, "gold.csv", f"group_id,name,kind\n{dev_id},Ann Lee,person\n{dev_id},Anne Lee,person\n")
    rows = score_gold_file(read_gold(path), ("test",))
    assert [(r.subset, r.scores.n_names, r.scores.f1) for r in rows] == [
        ("all", 0, None),
        ("listed", 0, None),
        ("unlisted", 0, None),
    ]


def _parted_groups(rows: list[tuple[str, str, str]]) -> GoldFile:
    """A group gold of (group_id, name, part) rows, parts given by hand."""
    frame = pl.DataFrame(
        {
            "group_id": [r[0] for r in rows],
            "name": [r[1] for r in rows],
            "kind": ["person"] * len(rows),
            "part": [r[2] for r in rows],
        }
    )
    return GoldFile("gold.csv", "groups", frame)


@pytest.mark.parametrize(
    ("max_misses", "expected"),
    [
        (
            5,
            [
                ("false merge", "Qasem Soleimani", "Qassem Suleimani"),
                ("missed", "Ann Lee", "Quentin Blorf"),
                ("missed", "Zorblat Quenmoor", "Harriet Vantwee"),
            ],
        ),
        # misses are spread over groups, one per group first
        (1, [("false merge", "Qasem Soleimani", "Qassem Suleimani"), ("missed", "Ann Lee", "Quentin Blorf")]),
        (0, [("false merge", "Qasem Soleimani", "Qassem Suleimani")]),  # false merges are always listed
    ],
)
def test_list_dev_errors_lists_dev_false_merges_and_misses(max_misses, expected):
    gold = _parted_groups(
        [
            ("a", "Qasem Soleimani", "dev"),
            ("b", "Qassem Suleimani", "dev"),  # another group, one entity: a false merge
            ("x", "Zorblat Quenmoor", "dev"),
            ("x", "Harriet Vantwee", "dev"),  # one group, two entities: a miss
            ("w", "Ann Lee", "dev"),
            ("w", "Quentin Blorf", "dev"),
            ("t", "Kim Jong Un", "test"),
            ("t", "Mortimer Snodgrass", "test"),  # a test miss: never listed
            ("u", "Kim Jong-un", "test"),
        ]
    )
    errors, n_missed = list_dev_errors(gold, max_misses)
    assert [(e.error, e.first.name, e.second.name) for e in errors] == expected
    assert n_missed == 2
    assert all(e.first.group in {"a", "b", "x", "w"} for e in errors)


def test_list_dev_errors_reads_labelled_pairs_of_the_dev_part_only():
    frame = pl.DataFrame(
        {
            "name1": ["Qasem Soleimani", "Kim Jong Un", "Zorblat Quenmoor"],
            "name2": ["Qassem Suleimani", "Kim Jong Il", "Harriet Vantwee"],
            "is_match": [True, True, True],
            "schema": ["Person"] * 3,
            "part": ["dev", "dev", "test"],
        }
    )
    errors, n_missed = list_dev_errors(GoldFile("pairs.csv", "pairs", frame), 10)
    assert [(e.error, e.first.name, e.kind) for e in errors] == [("missed", "Kim Jong Un", "Person")]
    assert n_missed == 1


@pytest.mark.parametrize(("layout", "max_misses"), [("groups", -1), ("pairs", -3)])
def test_list_dev_errors_rejects_a_negative_limit(layout, max_misses):
    with pytest.raises(ValueError, match="max_misses"):
        list_dev_errors(GoldFile("g.csv", layout, pl.DataFrame({"part": ["dev"]})), max_misses)
