"""Readers while runs commit: newsfold's and Delta readers see one run, plain globs one version of each table.

newsfold's readers (``read_table``, ``newsfold sql``) read every table at the
versions the last pointer commit names, so a reader racing real commits only
ever sees the pairs of (documents, mentions) counts that some run committed.
A plain ``read_parquet('output/documents/**/*.parquet')`` reads the table's
view (:mod:`newsfold.table_views`), switched in one rename after the pointer
commit: racing commits, it counts one committed version, or fails loudly on
a file the new version dropped; it never double counts.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import polars as pl
import pytest

from newsfold.store import commit_snapshot
from schemas import Mentions, polars_schema
from tests.test_store import MANIFEST, METADATA, documents_frame, tables_with

#: Documents per year in each run: the years and the counts change from one commit to the next.
SNAPSHOT_YEARS = [
    {2019: 3, 2020: 2},
    {2020: 4, 2021: 1},
    {2021: 2, None: 5},
    {2018: 1, 2019: 1, 2020: 1, 2021: 1},
]


def snapshot_tables(index: int) -> dict:
    years = SNAPSHOT_YEARS[index % len(SNAPSHOT_YEARS)]
    rows = [(f"text {index} {year} {n}", year) for year, count in years.items() for n in range(count + index)]
    mentions = pl.DataFrame(
        [
            {"doc_id": f"doc_{i % 3:016x}", "mention_id": f"men_{i:016x}", "sentence_index": 0,
             "start": 0, "end": 1, "text": "t", "label": "PERSON"}
            for i in range(index + 1)
        ],
        schema=polars_schema(Mentions),
    )
    return {**tables_with(documents_frame(rows)), "mentions": mentions}


def commit(out: Path, index: int) -> tuple[int, int]:
    tables = snapshot_tables(index)
    commit_snapshot(out, tables, MANIFEST, version=f"run_{index:03d}", metadata=METADATA)
    return tables["documents"].height, tables["mentions"].height


@pytest.mark.parametrize("table", ["documents", "mentions"])
def test_store_a_plain_glob_between_commits_reads_exactly_the_committed_rows(tmp_path, table):
    column = 0 if table == "documents" else 1
    for index in range(6):
        counts = commit(tmp_path, index)
        glob = f"{tmp_path}/{table}/**/*.parquet"
        assert duckdb.connect().execute(f"SELECT count(*) FROM read_parquet('{glob}')").fetchone()[0] == counts[column]
        assert pl.scan_parquet(glob).select(pl.len()).collect().item() == counts[column]


READER = r"""
import json, sys
from pathlib import Path
from deltalake import DeltaTable
from newsfold.load import read_tables
out, stop = Path(sys.argv[1]), Path(sys.argv[2])
seen, delta, errors = [], [], []
(out / "reader.ready").write_text("")
reads = 0
while not stop.exists() or reads < 2:
    try:
        tables = read_tables(out)
        seen.append([tables["documents"].height, tables["mentions"].height])
        delta.append(DeltaTable(str(out / "documents")).to_pyarrow_table().num_rows)  # its newest Delta version
    except Exception as exc:
        errors.append(f"{type(exc).__name__}: {exc}")
    reads += 1
print(json.dumps({"seen": seen, "delta": delta, "errors": errors}))
"""


def read_during_commits(tmp_path: Path, reader_script: str, ready: str) -> tuple[dict, set[tuple[int, int]]]:
    """Run ``reader_script`` in a process while 12 runs commit; its JSON result and every committed count pair."""
    out, stop = tmp_path / "out", tmp_path / "stop"
    out.mkdir()
    committed = {commit(out, 0)}
    reader = subprocess.Popen([sys.executable, "-c", reader_script, str(out), str(stop)], stdout=subprocess.PIPE,
                              text=True)
    try:
        while not (out / ready).exists():
            time.sleep(0.01)
        for index in range(1, 13):
            committed.add(commit(out, index))
        stop.write_text("")
        stdout, _ = reader.communicate(timeout=120)
    finally:
        if reader.poll() is None:
            reader.kill()
            reader.wait()
    return json.loads(stdout), committed


def test_store_newsfold_and_delta_readers_during_commits_see_only_whole_runs(tmp_path):
    result, committed = read_during_commits(tmp_path, READER, "reader.ready")
    assert result["errors"] == []
    # each read's pair of counts is one run's: documents and mentions never come from two runs
    assert {tuple(pair) for pair in result["seen"]} <= committed
    assert len(result["seen"]) >= 2
    # a Delta reader of one table sees one of its committed versions, never a half-written one
    assert set(result["delta"]) <= {documents for documents, _ in committed}


def test_store_tables_read_offline_with_deltalake_polars_pandas_and_duckdb(tmp_path):
    """The README's ways to read a table without newsfold, none of which downloads anything."""
    from deltalake import DeltaTable

    for index in range(3):
        counts = commit(tmp_path, index)
    mentions = DeltaTable(str(tmp_path / "mentions")).to_pyarrow_dataset()
    connection = duckdb.connect()
    connection.register("mentions", mentions)
    assert connection.execute("SELECT count(*) FROM mentions").fetchone()[0] == counts[1]
    assert pl.read_delta(str(tmp_path / "documents")).height == counts[0]
    assert pl.scan_delta(str(tmp_path / "documents")).select(pl.len()).collect().item() == counts[0]
    assert len(DeltaTable(str(tmp_path / "documents")).to_pandas()) == counts[0]


PLAIN_READER = r"""
import json, sys
from pathlib import Path
import duckdb
import polars as pl
out, stop = Path(sys.argv[1]), Path(sys.argv[2])
seen = {"documents": [], "mentions": []}
errors = []
connection = duckdb.connect()
(out / "plain.ready").write_text("")
reads = 0
while not stop.exists() or reads < 2:
    for table in seen:
        glob = f"{out}/{table}/**/*.parquet"
        try:
            seen[table].append(connection.execute(f"SELECT count(*) FROM read_parquet('{glob}')").fetchone()[0])
            seen[table].append(pl.scan_parquet(glob).select(pl.len()).collect().item())
        except Exception as exc:
            errors.append(f"{type(exc).__name__}: {exc}")
    reads += 1
print(json.dumps({"seen": seen, "errors": errors}))
"""


def test_store_plain_globs_during_commits_read_one_whole_version_of_each_table(tmp_path):
    """Issue 13: a DuckDB or Polars glob over a table directory racing commits never mixes two runs' files.

    Every count it reads is one some run committed (``documents`` has a row
    group per year, ``mentions`` none). A glob that listed the files of the
    view being replaced may fail to open one the new run dropped ("No such
    file"), or find none when it was so slow that the view it listed was
    dropped meanwhile ("No files found"): loud, never a silent wrong count.
    """
    result, committed = read_during_commits(tmp_path, PLAIN_READER, "plain.ready")
    assert set(result["seen"]["documents"]) <= {documents for documents, _ in committed}
    assert set(result["seen"]["mentions"]) <= {mentions for _, mentions in committed}
    assert len(result["seen"]["documents"]) >= 4
    loud = ("no such file", "not found", "no files found")
    assert all(any(words in error.lower() for words in loud) for error in result["errors"]), result["errors"]
    print(f"{len(result['seen']['documents'])} reads per table, {len(result['errors'])} loud failures")
