"""The store on object storage: the same commits, repairs and lock on a real S3 server (SeaweedFS on loopback).

Each test writes its own ``s3://`` prefix of one bucket; the server is
started for the module and stopped after it (see tests/seaweedfs.py).
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
from pathlib import Path

import polars as pl
import pytest

from newsfold.delta_tables import version_files
from newsfold.discover import check_output_apart, discover_sources
from newsfold.errors import StoreError
from newsfold.load import read_table
from newsfold.object_store import (
    ObjectStorePath,
    is_object_store,
    object_store_lock,
    output_location,
)
from newsfold.store import (
    commit_snapshot,
    current_snapshot,
    list_commits,
    needs_repair,
    output_lock,
    repair_output,
    snapshot_at,
)
from schemas import TABLES
from tests.seaweedfs import s3_out, s3_server  # noqa: F401 - fixtures
from tests.test_store import METADATA, assert_lock_waits_for_a_writer
from tests.test_store_kill import STEPS, fresh, read_state, same, state_manifest, state_tables

# Commits a state under the lock, as a run does; the kill hook may stop it at any step.
COMMIT_UNDER_LOCK = r"""
import sys
from newsfold.store import commit_snapshot, output_lock
from tests.test_store import METADATA, assert_lock_waits_for_a_writer
from tests.test_store_kill import state_manifest, state_tables
with output_lock(sys.argv[1]):
    commit_snapshot(sys.argv[1], state_tables(sys.argv[2]), state_manifest(sys.argv[2]), version=sys.argv[3],
                    metadata=METADATA)
"""


def commit(out: str, state: str, run: str, **options) -> None:
    with output_lock(out):
        commit_snapshot(out, state_tables(state), state_manifest(state), version=run, metadata=METADATA, **options)


def data_files(out: str, table: str) -> set[str]:
    """Parquet files directly in a table's prefix: what a plain reader's glob finds."""
    return {path.name for path in (output_location(out) / table).glob("*.parquet")}


def test_s3_commits_read_back_like_local_ones(s3_out, tmp_path):
    for run, state in enumerate(["old", "new", "next"]):
        commit(s3_out, state, f"run_{run}")
        assert same(read_state(s3_out), fresh(tmp_path, state))
    # the table prefixes hold exactly the current files; the others wait in the history for older runs
    snapshot = current_snapshot(s3_out)
    for table in ("documents", "mentions"):
        assert data_files(s3_out, table) == set(version_files(f"{s3_out}/{table}", snapshot.table_versions[table]))
    assert list_commits(s3_out)["sequence"].to_list() == [0, 1, 2]
    assert same({**{n: snapshot_at(s3_out, 0).read_table(n) for n in TABLES},
                 "_manifest": snapshot_at(s3_out, 0).read_manifest()}, fresh(tmp_path, "old"))


@pytest.mark.parametrize("kind", ["polars", "pandas", "duckdb"])
def test_s3_loader_reads_every_kind(s3_out, tmp_path, kind):
    commit(s3_out, "new", "run_0")
    expected = fresh(tmp_path, "new")["documents"]
    frame = read_table("documents", s3_out, kind=kind)
    rows = {"polars": lambda f: f, "pandas": pl.from_pandas, "duckdb": lambda f: f.pl()}[kind](frame)
    assert sorted(rows["doc_id"].to_list()) == sorted(expected["doc_id"].to_list())


def test_s3_retention_deletes_what_no_kept_run_reads(s3_out):
    for run, state in enumerate(["old", "new", "next", "old"]):
        commit(s3_out, state, f"run_{run}", keep_runs=1)
    history = output_location(s3_out) / ".newsfold" / "history"
    assert [entry.name for entry in history.iterdir()] == []  # only the current run is kept: no history
    with pytest.raises(StoreError, match="older than the runs kept"):
        snapshot_at(s3_out, 2)


#: Object storage has no views to switch (no links): the other steps of a local commit.
S3_STEPS = [step for step in STEPS if not step.startswith(("switched", "views"))]


@pytest.mark.parametrize("step", S3_STEPS)
def test_s3_kill_9_at_any_step_of_a_commit_leaves_old_or_new(s3_out, tmp_path, step):
    commit(s3_out, "old", "run_1")
    env = {**os.environ, "NEWSFOLD_TEST_KILL_AT": step, "PYTHONPATH": os.getcwd()}
    process = subprocess.run([sys.executable, "-c", COMMIT_UNDER_LOCK, s3_out, "new", "run_2"], env=env)
    assert process.returncode == -signal.SIGKILL
    committed = S3_STEPS.index(step) >= S3_STEPS.index("pointer committed, its old file not deleted")
    expected = fresh(tmp_path, "new" if committed else "old")
    assert same(read_state(s3_out), expected)  # readers never see a half-written run
    assert needs_repair(s3_out)
    assert (output_location(s3_out) / ".newsfold" / "lock").exists()  # the dead run's lock is still there
    with output_lock(s3_out):  # taken over at once: its process is gone from this machine
        repair_output(s3_out)
    assert not needs_repair(s3_out)
    assert same(read_state(s3_out), expected)
    snapshot = current_snapshot(s3_out)
    for table in ("documents", "mentions"):  # once repaired, the table prefixes hold exactly the current files
        assert data_files(s3_out, table) == set(version_files(f"{s3_out}/{table}", snapshot.table_versions[table]))
    commit(s3_out, "next", "run_3")
    assert same(read_state(s3_out), fresh(tmp_path, "next"))


def test_s3_kill_9_during_the_first_commit_leaves_no_dataset(s3_out, tmp_path):
    env = {**os.environ, "NEWSFOLD_TEST_KILL_AT": "committed mentions", "PYTHONPATH": os.getcwd()}
    subprocess.run([sys.executable, "-c", COMMIT_UNDER_LOCK, s3_out, "new", "run_1"], env=env, check=False)
    assert current_snapshot(s3_out) is None
    commit(s3_out, "next", "run_2")
    assert same(read_state(s3_out), fresh(tmp_path, "next"))
    assert not (output_location(s3_out) / "documents" / "_delta_log" / "00000000000000000001.json").exists()


def test_s3_lock_refuses_a_second_writer_and_is_deleted_after(s3_out):
    lock = output_location(s3_out) / ".newsfold" / "lock"
    with output_lock(s3_out):
        assert json.loads(lock.read_bytes())["pid"] == os.getpid()
        with pytest.raises(StoreError, match="another newsfold run"):
            with output_lock(s3_out):
                pass
    assert not lock.exists()


def test_s3_lock_waits_for_a_writer_that_finishes(s3_out):
    assert_lock_waits_for_a_writer(s3_out, hold_seconds=1.0, wait_seconds=60, start_seconds=30)


def lock_body(*, host: str, pid: int, seconds_ago: float) -> bytes:
    import datetime as dt

    seen = dt.datetime.now(dt.timezone.utc) - dt.timedelta(seconds=seconds_ago)
    return json.dumps({"token": "other", "host": host, "boot_id": "another-boot", "pid": pid,
                       "process_start": "1", "heartbeat_at": seen.isoformat()}).encode()


@pytest.mark.parametrize(
    ("host", "seconds_ago", "taken_over"),
    [
        ("elsewhere", 5.0, False),  # another machine's run, refreshed 5 s ago: alive
        ("elsewhere", 600.0, True),  # not refreshed for longer than the stale time: presumed dead
        (socket.gethostname(), 5.0, False),  # this host's name but another boot (a container): judged by time
        ("elsewhere", -5.0, False),  # a clock a little ahead: alive
    ],
)
def test_s3_lock_left_by_another_machine_is_taken_over_only_when_stale(s3_out, host, seconds_ago, taken_over):
    lock = output_location(s3_out) / ".newsfold" / "lock"
    assert lock.create_exclusively(lock_body(host=host, pid=1, seconds_ago=seconds_ago))
    if taken_over:
        with object_store_lock(lock, stale_seconds=300):
            assert json.loads(lock.read_bytes())["pid"] == os.getpid()
        assert not lock.exists()
    else:
        with pytest.raises(StoreError, match=f"host {host}"):
            with object_store_lock(lock, stale_seconds=300):
                pass
        assert json.loads(lock.read_bytes())["token"] == "other"  # left as it was


def test_s3_lock_is_refreshed_while_held(s3_out):
    lock = output_location(s3_out) / ".newsfold" / "lock"
    with object_store_lock(lock, heartbeat_seconds=0.2):
        first = json.loads(lock.read_bytes())["heartbeat_at"]
        for _ in range(100):
            threading.Event().wait(0.1)
            if json.loads(lock.read_bytes())["heartbeat_at"] != first:
                break
        assert json.loads(lock.read_bytes())["heartbeat_at"] != first


def test_s3_lock_refuses_a_server_that_ignores_conditional_writes(s3_out, monkeypatch):
    def ignoring_the_condition(self, data):  # what a PUT without If-None-Match support does
        self.write_bytes(data)
        return True

    monkeypatch.setattr(ObjectStorePath, "create_exclusively", ignoring_the_condition)
    with pytest.raises(StoreError, match="ignores conditional writes"):
        with output_lock(s3_out):
            pass
    assert not (output_location(s3_out) / ".newsfold" / "lock").exists()


def test_s3_refuses_a_missing_bucket(s3_out):
    with pytest.raises(StoreError, match="bucket 'no-such-bucket' does not exist"):
        with output_lock("s3://no-such-bucket/out"):
            pass


@pytest.mark.parametrize(
    ("uri", "expected"),
    [
        ("s3://bucket/prefix", "s3://bucket/prefix"),
        ("s3://bucket/prefix/", "s3://bucket/prefix"),
        ("s3://bucket", "s3://bucket"),
        ("s3:///prefix", None),  # no bucket
        ("s3://", None),
    ],
)
def test_output_location_reads_s3_uris(uri, expected):
    if expected is None:
        with pytest.raises(StoreError, match="names no bucket"):
            output_location(uri)
    else:
        assert output_location(uri) == ObjectStorePath(expected)


@pytest.mark.parametrize(
    ("location", "remote"),
    [
        ("s3://bucket/out", True),
        (ObjectStorePath("s3://bucket/out"), True),
        ("output", False),
        (Path("s3:/bucket/out"), False),  # a local path that only looks like one
        ("S3://bucket/out", False),  # the scheme is lower case
        ("s3:/bucket/out", False),
    ],
)
def test_is_object_store_tells_buckets_from_directories(location, remote):
    assert is_object_store(location) is remote


def test_an_output_in_a_bucket_never_overlaps_the_input(tmp_path):
    raw = tmp_path / "raw"
    (raw / "s3:").mkdir(parents=True)
    (raw / "a.txt").write_text("Hello", encoding="utf-8")
    check_output_apart(raw, "s3://bucket/raw")  # no error: a bucket is not a directory of the input
    sources, _ = discover_sources(raw, exclude=["s3://bucket/raw"])
    assert [source.path for source in sources] == ["a.txt"]
