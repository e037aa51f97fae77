"""`newsfold evaluate types`: the type the dataset gives each gold span's mention, against the gold label."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner

from flows.cli import main
from newsfold.errors import InputError
from newsfold.names.evaluate_types import match_types, read_type_gold, score_types

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from bench_ner import read_conll  # noqa: E402
from conll_to_raw import document_text  # noqa: E402


def _gold(rows):
    return pl.DataFrame(
        rows, schema={"file": pl.String, "start": pl.Int64, "end": pl.Int64, "surface": pl.String,
                      "label": pl.String, "part": pl.String}, orient="row",
    )


def _predicted(rows):
    return pl.DataFrame(
        rows, schema={"file": pl.String, "start": pl.Int64, "end": pl.Int64, "label": pl.String,
                      "entity_type": pl.String}, orient="row",
    )


@pytest.mark.parametrize(
    ("mentions", "expected"),
    [
        ([("a.txt", 0, 5, "PERSON", "ORG")], ("PERSON", "ORG")),  # same span: the mention's label and type
        ([("a.txt", 0, 9, "ORG", "ORG")], ("ORG", "ORG")),  # "Yukos Oil" shares 5 of 9: at least half
        ([("a.txt", 0, 11, "ORG", "ORG")], (None, None)),  # shares 5 of 11: below half, no match
        ([("b.txt", 0, 5, "ORG", "ORG")], (None, None)),  # another article
        ([("a.txt", 0, 9, "GPE", "LOC"), ("a.txt", 0, 5, "ORG", "ORG")], ("ORG", "ORG")),  # the most shared wins
    ],
)
def test_match_types_takes_the_mention_sharing_most_of_the_span(mentions, expected):
    matched = match_types(_gold([("a.txt", 0, 5, "Yukos", "ORG", "dev")]), _predicted(mentions))
    assert (matched["spacy_label"][0], matched["entity_type"][0]) == expected


def test_score_types_counts_label_and_resolved_types_per_part_and_label():
    gold = _gold([
        ("a.txt", 0, 5, "Yukos", "ORG", "dev"), ("a.txt", 10, 16, "Moscow", "LOC", "dev"),
        ("a.txt", 20, 25, "Putin", "PER", "dev"), ("t.txt", 0, 5, "Yukos", "ORG", "test"),
    ])
    predicted = _predicted([
        ("a.txt", 0, 5, "PERSON", "ORG"), ("a.txt", 10, 16, "GPE", "LOC"), ("t.txt", 0, 5, "ORG", "PER"),
    ])
    scores = {(s.part, s.gold_label): s for s in score_types(match_types(gold, predicted))}
    assert [part for part, _ in scores][0] == "test"  # the untouched part first
    dev = scores[("dev", "all")]
    assert (dev.gold, dev.matched, dev.label_right, dev.resolved_right) == (3, 2, 1, 2)
    assert dev.found_right == pytest.approx(2 / 3)  # the span no mention matched counts as wrong
    assert scores[("dev", "PER")].resolved_accuracy is None  # no match: undefined, not 0 or 1
    assert scores[("test", "ORG")].label_accuracy == 1.0 and scores[("test", "ORG")].resolved_accuracy == 0.0


@pytest.mark.parametrize(
    ("header", "row", "message"),
    [
        ("file,start,end,label,part", "a.txt,0,5,ORG,dev", "missing surface"),
        ("file,start,end,surface,label,part", "a.txt,0,5,Yukos,MISC,dev", "found MISC"),
        ("file,start,end,surface,label,part", "a.txt,zero,5,Yukos,ORG,dev", "whole numbers"),
    ],
)
def test_read_type_gold_refuses_what_it_cannot_score(tmp_path, header, row, message):
    path = tmp_path / "gold.csv"
    path.write_text(f"{header}\n{row}\n", encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_type_gold(path)


CONLL = """-DOCSTART- -X- O O

Yukos I-ORG
shares O
fell O
in O
Moscow I-LOC
, O
Mikhail I-PER
Khodorkovsky I-PER
said O
. O

-DOCSTART- -X- O O

( O
Reuters I-ORG
) O
Mr. O
Smith I-PER
's O
car O
. O
"""


def test_conll_documents_become_text_whose_offsets_hold_the_gold_surfaces(tmp_path):
    path = tmp_path / "eng.testa"
    path.write_text(CONLL, encoding="utf-8")
    documents = read_conll(path)
    texts = [document_text(document) for document in documents]
    assert [text for text, _ in texts] == ["Yukos shares fell in Moscow, Mikhail Khodorkovsky said.\n",
                                           "(Reuters) Mr. Smith's car.\n"]
    for document, (text, spans) in zip(documents, texts):
        sentence_tokens = [token for sentence in document.sentences for token in sentence]
        assert [text[start:end] for start, end in spans] == sentence_tokens


def test_evaluate_types_refuses_to_list_test_errors(tmp_path):
    gold = tmp_path / "gold.csv"
    gold.write_text("file,start,end,surface,label,part\na.txt,0,5,Yukos,ORG,test\n", encoding="utf-8")
    (tmp_path / "out").mkdir()
    result = CliRunner().invoke(main, ["evaluate", "types", str(gold), str(tmp_path / "out"), "--errors", "5"])
    assert result.exit_code != 0 and "dev part's errors only" in result.output


def test_evaluate_types_end_to_end(prefect_api, tmp_path):
    conll = tmp_path / "eng.train"
    conll.write_text(CONLL, encoding="utf-8")
    raw, gold, out = tmp_path / "raw", tmp_path / "gold.csv", tmp_path / "out"
    script = Path(__file__).resolve().parents[2] / "benchmarks" / "conll_to_raw.py"
    subprocess.run([sys.executable, str(script), str(conll), "--raw", str(raw), "--gold", str(gold)], check=True)
    with gold.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert {(row["file"], row["surface"], row["label"], row["part"]) for row in rows} == {
        ("train-0001.txt", "Yukos", "ORG", "dev"), ("train-0001.txt", "Moscow", "LOC", "dev"),
        ("train-0001.txt", "Mikhail Khodorkovsky", "PER", "dev"), ("train-0002.txt", "Reuters", "ORG", "dev"),
        ("train-0002.txt", "Smith", "PER", "dev"),
    }
    run = CliRunner().invoke(main, ["run", str(raw), "--out", str(out), "--workers", "1"])
    assert run.exit_code == 0, run.output
    result = CliRunner().invoke(main, ["evaluate", "types", str(gold), str(out), "--split", "dev", "--errors", "5"])
    assert result.exit_code == 0, result.output
    table = {tuple(line.split()[:2]): line.split()[2:] for line in result.output.splitlines() if line.startswith("dev ")}
    assert table[("dev", "all")][0] == "5"  # every gold span counted
    matched = int(table[("dev", "all")][1])
    assert 3 <= matched <= 5  # spaCy finds most of these names; the figures are over those it found
    assert "dev mentions typed wrong" in result.output
