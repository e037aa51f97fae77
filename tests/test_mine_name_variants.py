"""benchmarks/mine_name_variants.py: candidate groups and the source column, on hand-made input."""

from __future__ import annotations

import argparse
import importlib.util
import json
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "mine_name_variants.py"
_SPEC = importlib.util.spec_from_file_location("mine_name_variants", _PATH)
mine = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(mine)


@pytest.mark.parametrize(
    ("surface", "cleaned"),
    [
        ("Gordon Brown's", "Gordon Brown"),
        ("Bill Gates'", "Bill Gates"),
        ("the Bundesbank", "Bundesbank"),
        ('"Man Utd",', "Man Utd"),
    ],
)
def test_clean(surface, cleaned):
    assert mine.clean(surface) == cleaned


@pytest.mark.parametrize(
    ("text", "folded"),
    [("Côte d'Ivoire", "cote divoire"), ("U.S.", "us"), ("Marks & Spencer", "marks & spencer")],
)
def test_fold(text, folded):
    assert mine.fold(text) == folded


def _mentions(folder: Path, rows: list[tuple[str, str, list[str]]]) -> None:
    with (folder / "mentions.jsonl").open("w", encoding="utf-8") as out:
        for surface, label, docs in rows:
            out.write(json.dumps({"surface": surface, "label": label, "count": len(docs), "docs": docs}) + "\n")


def test_propose_finds_each_kind_of_candidate(tmp_path, capsys):
    _mentions(
        tmp_path,
        [
            ("Mikhail Khodorkovsky", "PERSON", ["bbc:b/1"]),
            ("Mihkail Khodorkovsky", "PERSON", ["bbc:b/2"]),
            ("Texaco Inc", "ORG", ["reuters-1"]),
            ("Texaco", "ORG", ["reuters-2"]),
            ("International Monetary Fund", "ORG", ["reuters-3"]),
            ("IMF", "ORG", ["reuters-3"]),
            ("Gordon Brown", "PERSON", ["bbc:p/1"]),
            ("Wes Brown", "PERSON", ["bbc:s/1"]),
        ],
    )
    mine.propose(argparse.Namespace(folder=tmp_path, min_count=1))
    lines = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    by_rule: dict[str, set[str]] = {}
    for _, rule, _, surface, *_ in lines:
        by_rule.setdefault(rule, set()).add(surface)
    assert by_rule["close"] == {"Mikhail Khodorkovsky", "Mihkail Khodorkovsky"}
    assert by_rule["legal"] == {"Texaco Inc", "Texaco"}
    assert by_rule["acronym"] == {"International Monetary Fund", "IMF"}
    assert by_rule["namesake"] >= {"Gordon Brown", "Wes Brown"}  # a spelling variant of a given name is proposed too


def test_locate_writes_the_first_document_and_drops_unseen_names(tmp_path, capsys):
    bbc = tmp_path / "bbc"
    (bbc / "sport").mkdir(parents=True)
    (bbc / "sport" / "001.txt").write_text("Headline\n\nMan Utd won; Manchester United-style play.\n", "utf-8")
    (bbc / "sport" / "002.txt").write_text("Headline\n\nManchester United lost.\n", "utf-8")
    judged = tmp_path / "judged.csv"
    judged.write_text(
        "group_id,name,kind\nmu,Man Utd,organisation\nmu,Manchester United,organisation\nx,Nowhere FC,organisation\n",
        "utf-8",
    )
    mine.locate(argparse.Namespace(judged=judged, bbc=bbc, reuters=None))
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [
        "group_id,name,kind,source",
        "mu,Man Utd,organisation,bbc:sport/001",
        "mu,Manchester United,organisation,bbc:sport/002",  # "United-style" is not the name
    ]
    assert "not found: x,Nowhere FC" in captured.err
