"""The command line: every command documented, errors clean, run then validate."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from flows.cli import main
from flows.cli.reference import iter_commands, render_cli_reference

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("name", "command"), list(iter_commands()), ids=lambda v: v if isinstance(v, str) else "")
def test_cli_every_command_has_help_with_an_example(name, command):
    args = name.split()[1:] + ["--help"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "Example" in result.output, f"{name} --help shows no example"


def test_cli_reference_is_up_to_date():
    committed = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    assert committed == render_cli_reference() + "\n", "regenerate: python -m flows.cli.reference > docs/cli.md"


def test_cli_data_dictionary_is_up_to_date():
    result = CliRunner().invoke(main, ["dictionary"])
    committed = (REPO / "docs" / "data-dictionary.md").read_text(encoding="utf-8")
    assert result.output == committed, "regenerate: newsfold dictionary > docs/data-dictionary.md"


@pytest.mark.parametrize(
    ("args", "exit_code", "message"),
    [
        (["run", "does-not-exist"], 2, "is not a directory"),
        (["validate", "no-dataset-here"], 1, "holds no newsfold dataset"),
        (["report", "no-dataset-here"], 1, "holds no newsfold dataset"),
        (["history", "no-dataset-here"], 1, "holds no committed run"),
        (["serve", "raw"], 2, "Missing option '--cron'"),
    ],
)
def test_cli_errors_are_clean_messages(tmp_path, monkeypatch, args, exit_code, message):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "raw").mkdir()
    result = CliRunner().invoke(main, args)
    assert result.exit_code == exit_code
    assert message in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("command", ["run", "serve"])
@pytest.mark.parametrize(
    ("out", "words"),
    [("raw", "is the input directory"), ("raw/output", "is inside the input directory"),
     (".", "holds the input directory"), ("raw/./sub/..", "is the input directory")],
)
def test_cli_refuses_an_output_overlapping_the_input(tmp_path, monkeypatch, command, out, words):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "sub").mkdir()
    (tmp_path / "raw" / "a.txt").write_text("An article.", encoding="utf-8")
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    result = CliRunner().invoke(main, [command, "raw", "--out", out, "--cron", "0 * * * *"][: 4 if command == "run" else 6])
    assert result.exit_code == 2
    (line,) = result.output.strip().splitlines()  # one clear line, no usage text, no traceback
    assert line.startswith("Error: the output directory ") and words in line
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before  # nothing written


@pytest.mark.integration
def test_cli_run_then_validate(prefect_api, seed_raw, tmp_path):
    out = tmp_path / "output"
    run = CliRunner().invoke(main, ["run", str(seed_raw), "--out", str(out), "--workers", "1"])
    assert run.exit_code == 0, run.output
    assert "committed" in run.output and "documents" in run.output
    validate = CliRunner().invoke(main, ["validate", str(out)])
    assert validate.exit_code == 0, validate.output
    assert "satisfies every contract" in validate.output


def test_cli_history_lists_runs_and_sql_reads_an_older_one(tmp_path):
    from newsfold.store import commit_snapshot
    from tests.test_store import MANIFEST, METADATA, documents_frame, tables_with

    for index, rows in enumerate([[("a", 2020)], [("a", 2020), ("b", 2021)], [("b", 2021)]]):
        commit_snapshot(tmp_path, tables_with(documents_frame(rows)), MANIFEST, version=f"run_{index}",
                        metadata=METADATA, keep_runs=2)
    result = CliRunner().invoke(main, ["history", str(tmp_path)])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if "run_" in line]
    # newest first; rows added and removed (run 2 changed doc_0 and removed doc_1); run 0 is no longer kept
    cells = [[cell.strip() for cell in line.split("\u2502")[1:-1]] for line in lines]
    assert [(c[0], c[1], c[3], c[4], c[5]) for c in cells] == [
        ("2", "run_2", "yes", "1", "2"), ("1", "run_1", "yes", "1", "0"), ("0", "run_0", "no", "1", "0")]
    counts = {}
    for version in (1, 2):
        sql = CliRunner().invoke(main, ["sql", "SELECT count(*) AS n FROM documents", "--out", str(tmp_path),
                                        "--version", str(version)])
        assert sql.exit_code == 0, sql.output
        counts[version] = [line for line in sql.output.splitlines() if line.strip("\u2502 ").isdigit()]
    assert [c[0].strip("\u2502 ") for c in counts.values()] == ["2", "1"]
    refused = CliRunner().invoke(main, ["sql", "SELECT 1", "--out", str(tmp_path), "--version", "0"])
    assert refused.exit_code == 1 and "older than the runs kept" in refused.output
