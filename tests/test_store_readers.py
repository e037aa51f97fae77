"""Plain Parquet readers of the output tables see one snapshot, never a mix, while runs commit.

A glob such as ``read_parquet('output/documents/**/*.parquet')`` lists
directories, then opens the files it found, each step resolving the path
again; a commit may land between any two steps. The first test replays a
glob step by step with commits in between; the second races a DuckDB reader
process against real commits.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import polars as pl
import pyarrow.parquet as pq
import pytest

from newsfold.store import commit_snapshot
from tests.test_store import MANIFEST, METADATA, documents_frame, tables_with
from schemas import Mentions, polars_schema

#: Documents per year in each snapshot: the years and the counts change from one commit to the next.
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
            {"doc_id": "doc_0000000000000000", "mention_id": f"men_{i:016x}", "sentence_index": 0,
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


def glob_in_steps(table_dir: Path):
    """A recursive ``*.parquet`` glob done one step at a time, as a reader does it: yields after each step.

    The last value sent back is the row count over the files found.
    """
    entries = sorted(os.listdir(table_dir))
    yield "listed the table directory"
    files = []
    for entry in entries:
        path = table_dir / entry
        if path.is_dir():
            files += [path / name for name in sorted(os.listdir(path)) if name.endswith(".parquet")]
        elif entry.endswith(".parquet"):
            files.append(path)
    yield "listed the partitions"
    counts = []
    for file in files:
        counts.append(pq.ParquetFile(file).metadata.num_rows)
        yield "opened a file"
    yield sum(counts)


@pytest.mark.parametrize("table", ["documents", "mentions"])
@pytest.mark.parametrize("commit_after", [{0}, {1}, {2}, {0, 1}, {1, 2}, {0, 1, 2, 3}])
def test_store_a_glob_interrupted_by_commits_reads_one_snapshot(tmp_path, table, commit_after):
    counts = {0: commit(tmp_path, 0)}
    reader = glob_in_steps(tmp_path / table)
    step, index = 0, 0
    result = next(reader)
    while isinstance(result, str):
        if step in commit_after:
            index += 1
            counts[index] = commit(tmp_path, index)
        step += 1
        result = next(reader)
    column = 0 if table == "documents" else 1
    assert result in {pair[column] for pair in counts.values()}


READER = r"""
import json, sys, time
from pathlib import Path
import duckdb
out, stop = Path(sys.argv[1]), Path(sys.argv[2])
seen = {"documents": [], "mentions": [], "errors": []}
connection = duckdb.connect()
(out / "reader.ready").write_text("")
reads = 0
while not stop.exists() or reads < 2:
    for table in ("documents", "mentions"):
        try:
            count = connection.execute(f"SELECT count(*) FROM read_parquet('{out}/{table}/**/*.parquet')").fetchone()[0]
            seen[table].append(count)
        except Exception as exc:
            seen["errors"].append(f"{table}: {type(exc).__name__}: {exc}")
    reads += 1
    (out / "reader.count").write_text(str(reads))
print(json.dumps(seen))
"""


def test_store_duckdb_reader_during_commits_sees_only_committed_counts(tmp_path):
    out, stop = tmp_path / "out", tmp_path / "stop"
    out.mkdir()
    committed = {commit(out, 0)}
    reader = subprocess.Popen([sys.executable, "-c", READER, str(out), str(stop)], stdout=subprocess.PIPE, text=True)
    try:
        while not (out / "reader.ready").exists():
            time.sleep(0.01)
        for index in range(1, 13):
            committed.add(commit(out, index))
        stop.write_text("")
        stdout, _ = reader.communicate(timeout=60)
    finally:
        if reader.poll() is None:
            reader.kill()
            reader.wait()
    seen = json.loads(stdout)
    assert seen["errors"] == []
    assert set(seen["documents"]) <= {documents for documents, _ in committed}
    assert set(seen["mentions"]) <= {mentions for _, mentions in committed}
    assert len(seen["documents"]) >= 2
