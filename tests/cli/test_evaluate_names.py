"""``newsfold evaluate names``, in-process."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from flows.cli import main
from flows.cli.evaluate_names import format_row
from newsfold.names.evaluate import PairScores, ScoreRow, assign_part


def _invoke(*args: str):
    return CliRunner().invoke(main, list(args))


def _table(output: str) -> dict[tuple[str, str, str], list[str]]:
    lines = output.splitlines()
    assert lines[0].split() == ["part", "source", "subset", "n", "TP", "FP", "FN", "P", "R", "F1"]
    return {tuple(line.split()[:3]): line.split()[3:] for line in lines[1:]}


def _group_ids() -> tuple[str, str]:
    test_id = next(f"g{i}" for i in range(100) if assign_part(f"g{i}") == "test")
    dev_id = next(f"g{i}" for i in range(100) if assign_part(f"g{i}") == "dev")
    return test_id, dev_id


def test_evaluate_names_reports_test_then_dev(tmp_path):
    test_id, dev_id = _group_ids()
    gold = tmp_path / "gold.csv"
    gold.write_text(
        "group_id,name,kind,source\n"
        f"{test_id},Qasem Soleimani,person,bbc:x/1\n"
        f"{test_id},Qassem Suleimani,person,bbc:x/2\n"
        f"{dev_id},Kim Jong Il,person,reuters-1\n",
        encoding="utf-8",
    )
    result = _invoke("evaluate", "names", str(gold))
    assert result.exit_code == 0, result.output
    table = _table(result.output)
    assert list(table) == [
        (part, "gold.csv", subset) for part in ("test", "dev") for subset in ("all", "listed", "unlisted")
    ]
    assert table[("test", "gold.csv", "all")] == ["2", "1", "0", "0", "1.000", "1.000", "1.000"]
    # one name, no pair: undefined, shown as "-"
    assert table[("dev", "gold.csv", "all")] == ["1", "0", "0", "0", "-", "-", "-"]


@pytest.mark.parametrize(
    ("splits", "parts"),
    [
        (["--split", "test"], ["test"]),
        (["--split", "dev"], ["dev"]),
        (["--split", "all"], ["all"]),
        (["--split", "all", "--split", "test"], ["all", "test"]),
    ],
)
def test_evaluate_names_split_option(tmp_path, splits, parts):
    pairs = tmp_path / "pairs.csv"
    pairs.write_text(
        "name1,name2,is_match,schema\nMikhail Gorbachov,Mikhail Gorbachev,true,Person\nA B,C D,false,Company\n",
        encoding="utf-8",
    )
    result = _invoke("evaluate", "names", str(pairs), *splits)
    assert result.exit_code == 0, result.output
    seen = [key[0] for key in _table(result.output)]
    assert sorted(set(seen), key=seen.index) == parts


def test_evaluate_names_reads_one_person_spelling_list(tmp_path):
    spellings = tmp_path / "soleimani.txt"
    spellings.write_text("Qasem Soleimani\nQassem Suleimani\nXyz Abc\n", encoding="utf-8")
    result = _invoke("evaluate", "names", str(spellings), "--split", "all")
    assert result.exit_code == 0, result.output
    row = _table(result.output)[("all", "soleimani.txt", "all")]
    assert row[:4] == ["3", "1", "0", "2"]  # n, TP, FP, FN over the 3 pairs


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a,b\n1,2\n", "expected gold columns"),
        ("group_id,name,kind\nx,,person\n", "other.csv:2: empty name"),
    ],
)
def test_evaluate_names_rejects_bad_csv(tmp_path, text, message):
    other = tmp_path / "other.csv"
    other.write_text(text, encoding="utf-8")
    result = _invoke("evaluate", "names", str(other))
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("scores", "shown"),
    [
        (PairScores(3, 1, 0, 4), ["0.750", "1.000", "0.857"]),
        (PairScores(0, 0, 0, 4), ["-", "-", "-"]),
        (PairScores(0, 0, 2, 4), ["-", "0.000", "0.000"]),
    ],
)
def test_format_row_shows_undefined_as_dash(scores, shown):
    assert format_row(ScoreRow("g.csv", "test", "all", scores)).split()[-3:] == shown


def _gold_with_both_parts(tmp_path):
    test_id, dev_id = _group_ids()
    gold = tmp_path / "gold.csv"
    gold.write_text(
        "group_id,name,kind\n"
        f"{test_id},Mortimer Snodgrass,person\n"
        f"{test_id},Quentin Blorf,person\n"
        f"{dev_id},Zorblat Quenmoor,person\n"
        f"{dev_id},Harriet Vantwee,person\n",
        encoding="utf-8",
    )
    return gold


@pytest.mark.parametrize(
    "splits",
    [
        [],  # the default reports test too
        ["--split", "test"],
        ["--split", "all"],
        ["--split", "dev", "--split", "test"],
        ["--split", "all", "--split", "dev"],
    ],
)
def test_evaluate_names_misses_refuses_any_part_but_dev(tmp_path, splits):
    result = _invoke("evaluate", "names", str(_gold_with_both_parts(tmp_path)), "--misses", "5", *splits)
    assert result.exit_code == 2
    assert "--misses lists errors of the dev part only" in result.output
    # refused before anything is resolved: no table, no name of either part
    assert "part" not in result.output.splitlines()[0]
    assert "Snodgrass" not in result.output and "Zorblat" not in result.output


@pytest.mark.parametrize("splits", [["--split", "dev"], ["--split", "dev", "--split", "dev"]])
def test_evaluate_names_misses_lists_dev_errors_only(tmp_path, splits):
    result = _invoke("evaluate", "names", str(_gold_with_both_parts(tmp_path)), "--misses", "5", *splits)
    assert result.exit_code == 0, result.output
    assert "dev errors of gold.csv: 0 false merges, 1 missed pairs (1 shown)" in result.output
    assert '"Zorblat Quenmoor" -> ' in result.output and '"Harriet Vantwee" -> ' in result.output
    assert "Snodgrass" not in result.output and "Blorf" not in result.output
    assert {key[0] for key in _table(result.output.split("\n\n")[0])} == {"dev"}


@pytest.mark.parametrize(("value", "code"), [("-1", 2), ("x", 2), ("0", 0)])
def test_evaluate_names_misses_takes_a_count(tmp_path, value, code):
    result = _invoke("evaluate", "names", str(_gold_with_both_parts(tmp_path)), "--split", "dev", "--misses", value)
    assert result.exit_code == code, result.output
