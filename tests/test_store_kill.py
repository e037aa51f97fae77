"""kill -9 at any step of a commit: readers see the old state or the new one, and the next run repairs.

A commit writes one Delta commit per table, then the pointer: the test kills
the committing process (SIGKILL, by the ``NEWSFOLD_TEST_KILL_AT`` hook) at
each step, inside a table's write (its file written, its Delta commit not)
as well as between tables, after the pointer, and between the switches of
the views plain Parquet readers read.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest

from newsfold.store import MANIFEST_SCHEMA, commit_snapshot, current_snapshot, needs_repair, output_lock, repair_output
from schemas import TABLES, Mentions, polars_schema
from tests.test_store import METADATA, documents_frame, tables_with

STATES = {
    "old": ([("a", 2020), ("b", 2021)], 1),
    "new": ([("a", 2020), ("B", 2021), ("c", None)], 3),
    "next": ([("a", 2020), ("c", 2019)], 2),
}

COMMIT = r"""
import sys
from pathlib import Path
from newsfold.store import commit_snapshot
from tests.test_store import METADATA
from tests.test_store_kill import state_manifest, state_tables
commit_snapshot(Path(sys.argv[1]), state_tables(sys.argv[2]), state_manifest(sys.argv[2]), version=sys.argv[3],
                metadata=METADATA)
"""


def state_tables(state: str) -> dict[str, pl.DataFrame]:
    documents, n_mentions = STATES[state]
    mentions = pl.DataFrame(
        [{"doc_id": "doc_0000000000000000", "mention_id": f"men_{i:016x}", "sentence_index": 0, "start": i,
          "end": i + 1, "text": "t", "label": "PERSON"} for i in range(n_mentions)],
        schema=polars_schema(Mentions),
    )
    return {**tables_with(documents_frame(documents)), "mentions": mentions}


def state_manifest(state: str) -> pl.DataFrame:
    return pl.DataFrame({"path": [f"{state}.txt"], "sha256": ["a" * 64], "size": [3], "status": ["ok"]},
                        schema=MANIFEST_SCHEMA)


def read_state(out: Path) -> dict[str, pl.DataFrame]:
    snapshot = current_snapshot(out)
    return {**{name: snapshot.read_table(name) for name in TABLES}, "_manifest": snapshot.read_manifest()}


def plain_glob(out: Path, table: str) -> pl.DataFrame:
    return pl.read_parquet(str(out / table / "**" / "*.parquet")).sort(pl.all())


def same(a: dict[str, pl.DataFrame], b: dict[str, pl.DataFrame]) -> bool:
    return all(a[name].equals(b[name]) for name in [*TABLES, "_manifest"])


def fresh(tmp_path: Path, state: str) -> dict[str, pl.DataFrame]:
    out = tmp_path / f"fresh-{state}"
    if current_snapshot(out) is None:
        commit_snapshot(out, state_tables(state), state_manifest(state), version="run_fresh", metadata=METADATA)
    return read_state(out)


STEPS = [
    "marker written",
    "wrote documents",  # the file is written, its Delta commit is not
    "committed documents",
    "wrote mentions",
    "committed mentions",
    "committed rejects",
    "wrote _manifest",
    "committed _manifest",
    "pointer committed, its old file not deleted",
    "pointer committed",
    "switched documents",  # plain readers of documents see the new run, of mentions the old one
    "switched mentions",
    "views switched",
    "moved unreferenced files",
]


@pytest.mark.parametrize("step", STEPS)
def test_store_kill_9_at_any_step_of_a_commit_leaves_old_or_new(tmp_path, step):
    out = tmp_path / "out"
    commit_snapshot(out, state_tables("old"), state_manifest("old"), version="run_1", metadata=METADATA)
    env = {**os.environ, "NEWSFOLD_TEST_KILL_AT": step, "PYTHONPATH": os.getcwd()}
    process = subprocess.run([sys.executable, "-c", COMMIT, str(out), "new", "run_2"], env=env)
    assert process.returncode == -signal.SIGKILL
    committed = STEPS.index(step) >= STEPS.index("pointer committed, its old file not deleted")
    expected = fresh(tmp_path, "new" if committed else "old")
    assert same(read_state(out), expected)
    for table in ("documents", "mentions"):  # a plain glob reads one whole version of each table, even now
        assert any(plain_glob(out, table).equals(fresh(tmp_path, state)[table].sort(pl.all())) for state in ("old", "new"))
    assert needs_repair(out)  # the no-op check sends the next run to the flow, which repairs first
    with output_lock(out):
        repair_output(out)
    assert not needs_repair(out)
    assert same(read_state(out), expected)
    for table in ("documents", "mentions"):  # once repaired, a plain glob reads exactly the current rows
        assert plain_glob(out, table).equals(expected[table].sort(pl.all()))
    commit_snapshot(out, state_tables("next"), state_manifest("next"), version="run_3", metadata=METADATA)
    assert same(read_state(out), fresh(tmp_path, "next"))


@pytest.mark.parametrize("step", ["wrote documents", "committed documents", "committed _manifest"])
def test_store_the_next_commit_repairs_a_killed_one_by_itself(tmp_path, step):
    out = tmp_path / "out"
    commit_snapshot(out, state_tables("old"), state_manifest("old"), version="run_1", metadata=METADATA)
    env = {**os.environ, "NEWSFOLD_TEST_KILL_AT": step, "PYTHONPATH": os.getcwd()}
    subprocess.run([sys.executable, "-c", COMMIT, str(out), "new", "run_2"], env=env, check=False)
    commit_snapshot(out, state_tables("next"), state_manifest("next"), version="run_3", metadata=METADATA)
    assert same(read_state(out), fresh(tmp_path, "next"))
    assert plain_glob(out, "documents").equals(fresh(tmp_path, "next")["documents"].sort(pl.all()))


def test_store_kill_9_during_the_first_commit_leaves_no_dataset(tmp_path):
    out = tmp_path / "out"
    env = {**os.environ, "NEWSFOLD_TEST_KILL_AT": "committed mentions", "PYTHONPATH": os.getcwd()}
    subprocess.run([sys.executable, "-c", COMMIT, str(out), "new", "run_1"], env=env, check=False)
    assert current_snapshot(out) is None
    commit_snapshot(out, state_tables("next"), state_manifest("next"), version="run_2", metadata=METADATA)
    assert same(read_state(out), fresh(tmp_path, "next"))
