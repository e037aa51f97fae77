"""Tests for newsfold.dates.evaluate, on a hand-written mini TimeML file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from flows.cli import main
from newsfold.dates.evaluate import (
    Timex3Span,
    canonical_value,
    find_timeml_files,
    read_timeml,
    score_timexes,
    sum_scores,
    timeml_part,
    value_accuracy_by_type,
)

MINI = """<?xml version="1.0" ?>
<TimeML>
<DOCID>mini</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2020-12-24" functionInDocument="CREATION_TIME">20201224</TIMEX3></DCT>
<TEXT>
The embassy was <EVENT eid="e1">hit</EVENT> on <TIMEX3 tid="t1" type="DATE" value="2020-12-20">Sunday</TIMEX3>. Talks lasted <TIMEX3 tid="t2" type="DURATION" value="P3D">three days</TIMEX3> and ended <TIMEX3 tid="t3" type="DATE" value="PAST_REF">recently</TIMEX3>.
</TEXT>
</TimeML>
"""


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "mini.tml").write_text(MINI, encoding="utf-8")
    return tmp_path


def test_evaluate_read_timeml_offsets(corpus):
    document = read_timeml(corpus / "sub" / "mini.tml")
    assert document.creation_date == dt.date(2020, 12, 24)
    assert [(t.text, t.value) for t in document.timexes] == [("Sunday", "2020-12-20"), ("three days", "P3D"), ("recently", "PAST_REF")]
    for timex in document.timexes:
        assert document.text[timex.start : timex.end] == timex.text


def test_evaluate_read_timeml_rejects_file_without_dct(tmp_path):
    path = tmp_path / "bad.tml"
    path.write_text("<TimeML><TEXT>no dct</TEXT></TimeML>", encoding="utf-8")
    with pytest.raises(ValueError, match="bad.tml"):
        read_timeml(path)


def test_evaluate_find_timeml_files(corpus):
    assert [p.name for p in find_timeml_files(corpus)] == ["mini.tml"]


G = [Timex3Span(0, 6, "Sunday", "2020-12-20"), Timex3Span(10, 20, "three days", "P3D")]


@pytest.mark.parametrize(
    ("predicted", "strict", "relaxed", "values"),
    [
        (G, 2, 2, 2),
        ([Timex3Span(0, 6, "Sunday", "2020-12-27"), Timex3Span(10, 20, "three days", "P3D")], 2, 2, 1),
        ([Timex3Span(0, 9, "Sunday ni", "2020-12-20")], 0, 1, 1),  # overlap only
        ([Timex3Span(30, 35, "later", None)], 0, 0, 0),  # a false positive
        ([], 0, 0, 0),
    ],
)
def test_evaluate_score_timexes(predicted, strict, relaxed, values):
    scores = score_timexes(G, predicted)
    assert (scores.strict_matches, scores.relaxed_matches, scores.value_matches) == (strict, relaxed, values)
    assert (scores.n_gold, scores.n_predicted) == (2, len(predicted))


def test_evaluate_sum_scores_measures():
    total = sum_scores([score_timexes(G, G), score_timexes(G, [])])
    assert (total.n_gold, total.n_predicted, total.relaxed_matches) == (4, 2, 2)
    assert total.value_accuracy == 1.0
    assert total.relaxed_f1 == pytest.approx(2 * 1.0 * 0.5 / 1.5)
    assert sum_scores([]).value_f1 == 0.0


def test_evaluate_dates_command(corpus):
    result = CliRunner().invoke(main, ["evaluate", "dates", str(corpus)])
    assert result.exit_code == 0, result.output
    assert "value accuracy     1.000" in result.output
    assert "gold timexes       3" in result.output


def test_evaluate_dates_command_empty_dir(tmp_path):
    result = CliRunner().invoke(main, ["evaluate", "dates", str(tmp_path)])
    assert result.exit_code != 0
    assert "no .tml files" in result.output


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2000-W7", "2000-W07"), ("2000-W7-WE", "2000-W07-WE"), ("2000-W07", "2000-W07"), ("2000-W52", "2000-W52"), ("P3W", "P3W"), (None, None)],
)
def test_evaluate_canonical_value(value, expected):
    assert canonical_value(value) == expected


@pytest.mark.parametrize(
    ("path", "part"),
    [
        ("TBAQ-cleaned/AQUAINT/APW19980807.0261.tml", "dev"),
        ("TBAQ-cleaned/TimeBank/wsj_0006.tml", "test"),
        ("x/TimeBank/AQUAINT/a.tml", "dev"),  # the AQUAINT folder decides first
        ("TBAQ-cleaned/TimeBankish/wsj_0006.tml", timeml_part(Path("elsewhere/wsj_0006.tml"))),  # only whole folder names count
    ],
)
def test_evaluate_timeml_part(path, part):
    assert timeml_part(Path(path)) == part


def test_evaluate_timeml_part_hash_is_stable_and_splits():
    names = [Path(f"other/doc{i}.tml") for i in range(200)]
    parts = [timeml_part(p) for p in names]
    assert parts == [timeml_part(p) for p in names]
    assert 60 < parts.count("dev") < 140


@pytest.mark.parametrize(
    ("predicted", "expected"),
    [
        ([Timex3Span(0, 6, "Sunday", "2020-12-20"), Timex3Span(10, 20, "three days", "P3D")], {"DATE": (1, 1), "DURATION": (1, 1)}),
        ([Timex3Span(0, 6, "Sunday", "2020-12-20"), Timex3Span(10, 20, "three days", "P3Y")], {"DATE": (1, 1), "DURATION": (1, 0)}),
        ([Timex3Span(10, 20, "three days", None)], {"DURATION": (1, 0)}),
        ([], {}),
    ],
)
def test_evaluate_value_accuracy_by_type(predicted, expected):
    gold = [Timex3Span(0, 6, "Sunday", "2020-12-20", "DATE"), Timex3Span(10, 20, "three days", "P3D", "DURATION")]
    assert value_accuracy_by_type(gold, predicted) == expected


def test_evaluate_dates_command_parts(tmp_path):
    for folder in ("AQUAINT", "TimeBank"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "mini.tml").write_text(MINI, encoding="utf-8")
    result = CliRunner().invoke(main, ["evaluate", "dates", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert result.output.index("part               test") < result.output.index("part               dev")
    assert "DURATION         1.000  (1 of 1)" in result.output
    only_dev = CliRunner().invoke(main, ["evaluate", "dates", str(tmp_path), "--part", "dev"])
    assert "part               dev" in only_dev.output and "part               test" not in only_dev.output
