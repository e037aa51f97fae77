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


@pytest.mark.integration
def test_cli_run_then_validate(prefect_api, seed_raw, tmp_path):
    out = tmp_path / "output"
    run = CliRunner().invoke(main, ["run", str(seed_raw), "--out", str(out), "--workers", "1"])
    assert run.exit_code == 0, run.output
    assert "committed" in run.output and "documents" in run.output
    validate = CliRunner().invoke(main, ["validate", str(out)])
    assert validate.exit_code == 0, validate.output
    assert "satisfies every contract" in validate.output
