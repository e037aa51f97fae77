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


@pytest.mark.parametrize(
    ("surface", "cleaned"),
    [
        ("Hillary Clinton\u2019s", "Hillary Clinton"),  # PolNeAR prints typographic apostrophes
        ("Clinton 's", "Clinton"),  # CoNLL-2003 splits the possessive off as a token
        ("\u201cJeb Bush\u201d", "Jeb Bush"),
    ],
)
def test_clean_other_corpora(surface, cleaned):
    assert mine.clean(surface) == cleaned


# IOB1 as in CoNLL-2003: the first DOCSTART is at the end of the file, B- only splits two
# adjacent spans of one type, and a type change ends a span.
_CONLL = """Peter NNP I-NP I-PER
Blackburn NNP I-NP I-PER
told VBD I-VP O
Reuters NNP I-NP I-ORG

Kim NNP I-NP I-PER
Dae-jung NNP I-NP I-PER
Kim NNP I-NP B-PER
Young-sam NNP I-NP I-PER
in IN I-PP O
Seoul NNP I-NP I-LOC
Britain NNP I-NP I-LOC
European NNP I-NP I-MISC

-DOCSTART- -X- O O

Man NNP I-NP I-ORG
Utd NNP I-NP I-ORG
Bonn NNP I-NP I-LOC

-DOCSTART- -X- O O"""


def test_conll_spans_read_iob1_tags_by_document(tmp_path):
    path = tmp_path / "eng.train"
    path.write_text(_CONLL, "utf-8")
    assert list(mine.conll_spans(path)) == [
        ("conll:eng.train/1", "Peter Blackburn", "PERSON"),
        ("conll:eng.train/1", "Reuters", "ORG"),
        ("conll:eng.train/1", "Kim Dae-jung", "PERSON"),
        ("conll:eng.train/1", "Kim Young-sam", "PERSON"),
        ("conll:eng.train/1", "Seoul Britain", "GPE"),  # IOB1 joins adjacent LOCs unless tagged B-
        ("conll:eng.train/2", "Man Utd", "ORG"),
        ("conll:eng.train/2", "Bonn", "GPE"),
    ]
    assert dict(mine.read_conll(path)) == {
        "conll:eng.train/1": "Peter Blackburn told Reuters\nKim Dae-jung Kim Young-sam in Seoul Britain European",
        "conll:eng.train/2": "Man Utd Bonn",
    }


def test_read_polnear_and_tempeval_give_ids_and_text(tmp_path):
    polnear = tmp_path / "polnear" / "data"
    for split, name, text in [("train", "nyt_2016-01-01_b", "B text"), ("dev", "nyt_2016-09-09_a", "A text")]:
        (polnear / split / "text").mkdir(parents=True)
        (polnear / split / "text" / f"{name}.txt").write_text(text, "utf-8")
    (polnear / "train" / "attributions").mkdir()
    (polnear / "train" / "attributions" / "nyt_2016-01-01_b_4e07.ann").write_text("T1\tSource 0 1\tB", "utf-8")
    assert list(mine.read_polnear(polnear)) == [
        ("polnear:dev/nyt_2016-09-09_a", "A text"),
        ("polnear:train/nyt_2016-01-01_b", "B text"),
    ]
    timeml = tmp_path / "tempeval3" / "TimeBank"
    timeml.mkdir(parents=True)
    (timeml / "APW1.tml").write_text(
        '<?xml version="1.0" ?><TimeML><DOCID>APW1</DOCID><TEXT>Kofi Annan <EVENT eid="e1">said</EVENT> '
        '<TIMEX3 tid="t1">Monday</TIMEX3>.</TEXT></TimeML>',
        "utf-8",
    )
    assert list(mine.read_tempeval(tmp_path / "tempeval3")) == [("tempeval:APW1", "Kofi Annan said Monday.")]


def test_locate_searches_polnear_then_conll(tmp_path, capsys):
    polnear = tmp_path / "data"
    (polnear / "train" / "text").mkdir(parents=True)
    (polnear / "train" / "text" / "a.txt").write_text("Sen. Ted Cruz spoke.", "utf-8")
    conll = tmp_path / "eng.testa"
    conll.write_text(_CONLL, "utf-8")
    judged = tmp_path / "judged.csv"
    judged.write_text("group_id,name,kind\ncruz,Ted Cruz,person\nkim,Kim Young-sam,person\n", "utf-8")
    mine.locate(argparse.Namespace(judged=judged, polnear=polnear, conll=[conll], tempeval=None))
    assert capsys.readouterr().out.splitlines() == [
        "group_id,name,kind,source",
        "cruz,Ted Cruz,person,polnear:train/a",
        "kim,Kim Young-sam,person,conll:eng.testa/1",
    ]


def test_read_ecbplus_gives_ids_and_text(tmp_path):
    raw = tmp_path / "ecbplus_dev" / "raw"
    raw.mkdir(parents=True)
    (raw / "ecbp_b2.txt").write_text("Lindsay Lohan checks into rehab.\nShe left Betty Ford.\n", "utf-8")
    (raw / "ecbp_a1.txt").write_text("Apple Inc. unveiled a MacBook.\n", "utf-8")
    (tmp_path / "ecbplus_dev" / "gold.csv").write_text("file,topic\necbp_a1.txt,1\n", "utf-8")
    expected = [
        ("ecbplus:ecbp_a1", "Apple Inc. unveiled a MacBook.\n"),
        ("ecbplus:ecbp_b2", "Lindsay Lohan checks into rehab.\nShe left Betty Ford.\n"),
    ]
    assert list(mine.read_ecbplus(tmp_path / "ecbplus_dev")) == expected
    assert list(mine.read_ecbplus(raw)) == expected  # the raw/ folder itself works too


def test_locate_searches_ecbplus(tmp_path, capsys):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "ecbp_1.txt").write_text("Apple Inc. unveiled new MacBook Pros.\n", "utf-8")
    (raw / "ecbp_2.txt").write_text("Shares of Apple rose;\nApple CEO Steve Jobs spoke.\n", "utf-8")
    judged = tmp_path / "judged.csv"
    judged.write_text(
        "group_id,name,kind\napple,Apple Inc.,organisation\napple,Apple,organisation\n"
        "jobs,Steve Jobs,person\nx,Apple Computer,organisation\n",
        "utf-8",
    )
    mine.locate(argparse.Namespace(judged=judged, ecbplus=tmp_path))
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [
        "group_id,name,kind,source",
        "apple,Apple Inc.,organisation,ecbplus:ecbp_1",
        "apple,Apple,organisation,ecbplus:ecbp_1",  # inside "Apple Inc." counts as written
        "jobs,Steve Jobs,person,ecbplus:ecbp_2",
    ]
    assert "not found: x,Apple Computer" in captured.err
