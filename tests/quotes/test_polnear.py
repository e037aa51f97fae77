"""Tests for newsfold.quotes.polnear: reading gold quotations from brat files."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfold.errors import InputError
from newsfold.quotes.polnear import find_gold_quotes, load_polnear, parse_brat

TEXT = "“We will win this race,” Smith said. He called it a “total mess” and “a really big disgrace to all.”\n"
#       0         1         2         3         4         5         6         7         8         9
ANN = (
    "T1\tContent 0 24\t“We will win this race,”\n"
    "T2\tSource 25 30\tSmith\n"
    "T3\tCue 31 35\tsaid\n"
    "E1\tAttribution:T3 Content:T1 Cue:T3 Source:T2\n"
    "T4\tSource 37 39\tHe\n"
    "T5\tContent 69 99\t“a really big disgrace to all.”\n"
    "E2\tAttribution:T6 Content:T5 Source:T4\n"
    "T7\tDiscard 0 3\tjunk that runs\non over a line\n"
    "#1\tAnnotatorNotes T1\tnote\n"
)


def test_polnear_parse_brat_spans_and_relations() -> None:
    spans, relations = parse_brat(ANN)
    assert spans["T1"] == ("Content", [(0, 24)])
    assert relations[0] == {"Attribution": "T3", "Content": "T1", "Cue": "T3", "Source": "T2"}
    assert len(relations) == 2


@pytest.mark.parametrize(
    ("ann", "expected"),
    [
        (ANN, [("We will win this race,", "Smith"), ("a really big disgrace to all.", "He")]),
        # no relation: nothing is gold, however quoted
        ("T1\tContent 0 24\tx\n", []),
        # a relation without Source: gold quote with no gold speaker
        ("T1\tContent 0 24\tx\nE1\tContent:T1\n", [("We will win this race,", None)]),
        # discontinuous Content spans count by their extent
        ("T1\tContent 0 10;12 24\tx\nE1\tContent:T1\n", [("We will win this race,", None)]),
    ],
)
def test_polnear_find_gold_quotes(ann: str, expected) -> None:
    gold = find_gold_quotes(TEXT, ann)
    assert [(TEXT[g.start : g.end], g.source_text) for g in gold] == expected


KIND_TEXT = "Smith said the race was “rigged from the very start” and “We will win this race,” he added.\n"
#            0         1         2         3         4         5         6         7         8         9


@pytest.mark.parametrize(
    ("content", "extra", "kind"),
    [
        # valid direct: the Content is the quotation, marks included or not
        ("57 81", "", "direct"),
        ("58 80", "", "direct"),
        # the relation's own Cue and Source inside a contiguous Content do not make it partial
        ("57 90", "T3\tSource 82 84\the\nT4\tCue 85 90\tadded\n", "direct"),
        # partial: reported words outside the marks
        ("11 52", "", "partial"),
        ("15 52", "", "partial"),
        # words between two quotations of one Content interrupt them: direct (“A,” Welch said, according to X. “B.”)
        ("24 81", "", "direct"),
        # ... but reported words before the first one still make it partial
        ("11 81", "", "partial"),
    ],
)
def test_polnear_gold_kind(content: str, extra: str, kind: str) -> None:
    relation = "E1\tContent:T1" + (" Source:T3 Cue:T4" if extra else "") + "\n"
    ann = f"T1\tContent {content}\tx\n{extra}{relation}"
    gold = find_gold_quotes(KIND_TEXT, ann)
    assert gold and {g.kind for g in gold} == {kind}


def write_mini_corpus(root: Path) -> Path:
    """A two-document PolNeAR-shaped corpus (text/ and attributions/ under data/dev)."""
    split = root / "data" / "dev"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    (split / "text" / "a.txt").write_text(TEXT, encoding="utf-8")
    (split / "attributions" / "a_0001.ann").write_text(ANN, encoding="utf-8")
    (split / "attributions" / "a_0002.ann").write_text("", encoding="utf-8")  # a later annotator is ignored
    text_b = "Jones told reporters: “The plan is going to work out fine.”\n"
    (split / "text" / "b.txt").write_text(text_b, encoding="utf-8")
    (split / "attributions" / "b_0001.ann").write_text(
        "T1\tSource 0 5\tJones\nT2\tContent 22 59\tx\nE1\tContent:T2 Source:T1\n", encoding="utf-8"
    )
    (split / "text" / "c.txt").write_text("No annotation for this one.", encoding="utf-8")
    return root


def test_polnear_load_mini_corpus(tmp_path: Path) -> None:
    documents = load_polnear(write_mini_corpus(tmp_path), "dev")
    assert [d.name for d in documents] == ["a", "b"]
    assert [len(d.quotes) for d in documents] == [2, 1]
    assert documents[1].quotes[0].source_text == "Jones"
    assert load_polnear(tmp_path / "data", "dev", limit=1)[0].name == "a"


@pytest.mark.parametrize("split", ["test", "train"])
def test_polnear_missing_split_raises(tmp_path: Path, split: str) -> None:
    write_mini_corpus(tmp_path)
    with pytest.raises(InputError):
        load_polnear(tmp_path, split)


def test_polnear_not_a_corpus_raises(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        load_polnear(tmp_path, "dev")
