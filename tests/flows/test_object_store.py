"""``newsfold run --out s3://...`` end to end, on a real S3-compatible server (SeaweedFS on loopback).

A full run, incremental runs, a no-op rerun and a run killed during its
commit each end equal to a fresh run; validate, sql, history and the loader
read the bucket. The server is started for the module and stopped after it,
also when a test fails (tests/seaweedfs.py).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import signal
import subprocess
import sys

import pytest
from click.testing import CliRunner

from flows.cli import main
from flows.pipeline import newsfold_flow
from newsfold.load import read_table, read_tables
from newsfold.noop import check_inputs
from newsfold.object_store import output_location, s3_filesystem
from newsfold.store import current_snapshot, needs_repair
from newsfold.validate import find_violations
from tests.flows.test_incremental import VARIANTS, apply, assert_same_dataset, assert_same_frames, comparable
from tests.seaweedfs import s3_out, s3_server  # noqa: F401 - fixtures

pytestmark = pytest.mark.integration


def objects_under(out: str) -> dict[str, str]:
    """Every object under ``out``: key -> ETag (it changes whenever an object is rewritten)."""
    found = s3_filesystem().find(output_location(out).key, detail=True)
    return {key: info["ETag"] for key, info in found.items() if info.get("type") == "file"}


def test_a_run_on_a_bucket_equals_a_local_run(prefect_api, seed_raw, s3_out, tmp_path):
    summary = newsfold_flow(raw=str(seed_raw), out=s3_out, workers=1)
    assert summary["output"] == s3_out
    newsfold_flow(raw=str(seed_raw), out=str(tmp_path / "local"), workers=1)
    assert_same_dataset(s3_out, tmp_path / "local")
    keys = objects_under(s3_out)
    location = output_location(s3_out)
    assert any(key.startswith(f"{location.key}/documents/_delta_log/") for key in keys)  # a Delta table
    assert any(key.startswith(f"{location.key}/.newsfold/commits/") for key in keys)
    assert f"{location.key}/.newsfold/lock" not in keys  # released
    assert f"{location.key}/.newsfold/committing" not in keys
    # The next run's memo (newsfold.memo) is left in the bucket as on a disk.
    memo = sorted(key.rsplit("/", 1)[1] for key in keys if key.startswith(f"{location.key}/.newsfold/memo/"))
    assert memo and memo == sorted(path.name for path in (tmp_path / "local" / ".newsfold" / "memo").iterdir())


@pytest.mark.parametrize(
    "changes",
    [
        # add, change and remove articles in one run, then run again after one more change
        [[("write", "c.md", 2), ("write", "a.txt", 3), ("delete", "nested/b.txt")], [("write", "d.txt", 5)]],
        # remove every article but one, then bring one back
        [[("delete", "a.txt"), ("delete", "c.md")], [("write", "a.txt", 0)]],
    ],
    ids=["add-change-remove", "remove-then-restore"],
)
def test_incremental_runs_on_a_bucket_equal_a_fresh_run(prefect_api, s3_server, s3_out, tmp_path, changes):
    raw = tmp_path / "raw"
    for step in [("write", "a.txt", 0), ("write", "nested/b.txt", 1), ("write", "c.md", 3)]:
        apply(raw, step)
    newsfold_flow(raw=str(raw), out=s3_out, workers=1)
    for batch in changes:
        for step in batch:
            apply(raw, step)
        newsfold_flow(raw=str(raw), out=s3_out, workers=1)
    fresh = s3_server.new_prefix()
    newsfold_flow(raw=str(raw), out=fresh, workers=1)
    assert_same_dataset(s3_out, fresh)
    assert find_violations(read_tables(s3_out)) == []
    assert current_snapshot(s3_out).sequence == len(changes)


def test_a_rerun_with_nothing_new_writes_nothing_to_the_bucket(prefect_api, seed_raw, s3_out):
    newsfold_flow(raw=str(seed_raw), out=s3_out, workers=1)
    before = objects_under(s3_out)
    # the CLI's check before any orchestration finds nothing to do ...
    check = check_inputs(seed_raw, output_location(s3_out), run_id="run_check",
                         started_at=dt.datetime.now(dt.timezone.utc))
    assert check.unchanged is not None and check.unchanged.output == s3_out
    # ... and so does the flow: no commit, not one object written or rewritten
    summary = newsfold_flow(raw=str(seed_raw), out=s3_out, workers=1)
    assert summary["committed"] is False
    assert objects_under(s3_out) == before


@pytest.mark.parametrize("step", ["committed mentions", "pointer committed"])
def test_a_run_killed_during_its_commit_is_repaired_by_the_next(prefect_api, seed_raw, s3_server, s3_out, step):
    """SIGKILL inside the commit: readers see the last complete run, the next run repairs and equals a fresh one."""
    newsfold_flow(raw=str(seed_raw), out=s3_out, workers=1)
    before = comparable(s3_out)
    (seed_raw / "extra.txt").write_text(VARIANTS[2], encoding="utf-8")
    env = {**os.environ, "PREFECT_API_URL": prefect_api, "NEWSFOLD_TEST_KILL_AT": step}
    process = subprocess.Popen(
        [sys.executable, "-m", "flows.cli", "run", str(seed_raw), "--out", s3_out, "-w", "1", "-q"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    assert process.wait(timeout=900) == -signal.SIGKILL  # the hook fired inside the commit
    assert needs_repair(s3_out)
    assert (output_location(s3_out) / ".newsfold" / "lock").exists()  # left by the killed run
    after = comparable(s3_out)
    assert find_violations(read_tables(s3_out)) == []
    if step == "pointer committed":
        assert after["documents"].height == 3  # the run had become visible
    else:
        assert_same_frames(before, after)  # nothing of the killed run is visible
    newsfold_flow(raw=str(seed_raw), out=s3_out, workers=1)  # takes over the dead run's lock, repairs first
    assert not needs_repair(s3_out)
    fresh = s3_server.new_prefix()
    newsfold_flow(raw=str(seed_raw), out=fresh, workers=1)
    assert_same_dataset(s3_out, fresh)


def test_validate_sql_history_and_the_loader_read_the_bucket(prefect_api, seed_raw, s3_out):
    newsfold_flow(raw=str(seed_raw), out=s3_out, workers=1)
    (seed_raw / "extra.txt").write_text(VARIANTS[2], encoding="utf-8")
    newsfold_flow(raw=str(seed_raw), out=s3_out, workers=1)
    runner = CliRunner()

    validated = runner.invoke(main, ["validate", s3_out])
    assert validated.exit_code == 0, validated.output
    assert "satisfies every contract" in validated.output

    counted = runner.invoke(main, ["sql", "--out", s3_out, "SELECT count(*) AS n FROM documents"])
    assert counted.exit_code == 0, counted.output
    assert re.search(r"\b3\b", counted.output)
    older = runner.invoke(main, ["sql", "--out", s3_out, "--version", "0", "SELECT count(*) AS n FROM documents"])
    assert older.exit_code == 0, older.output
    assert re.search(r"\b2\b", older.output) and not re.search(r"\b3\b", older.output)

    history = runner.invoke(main, ["history", s3_out])
    assert history.exit_code == 0, history.output
    assert "documents@1" in history.output

    documents = read_table("documents", s3_out)
    assert documents.height == 3
    assert read_table("documents", s3_out, kind="pandas").shape[0] == 3
    assert read_table("documents", s3_out, kind="duckdb").count("*").fetchall()[0][0] == 3
    assert read_table("documents", s3_out, version=0).height == 2
    assert read_table("mentions", s3_out).height == read_tables(s3_out)["mentions"].height > 0


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["validate", "s3://newsfold/no-dataset-here"], "holds no newsfold dataset"),
        (["sql", "--out", "s3://newsfold/no-dataset-here", "SELECT 1"], "holds no newsfold dataset"),
        (["validate", "s3:///no-bucket"], "names no bucket"),
    ],
)
def test_commands_on_a_bucket_without_a_dataset_say_so(s3_out, arguments, message):
    result = CliRunner().invoke(main, arguments)
    assert result.exit_code != 0
    assert message in result.output
