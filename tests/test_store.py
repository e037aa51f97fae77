"""The store writes whole snapshots and swaps them in atomically."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import hypothesis.strategies as st
import polars as pl
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings

from newsfold.errors import StoreError
from newsfold.store import MANIFEST_SCHEMA, commit_snapshot, current_snapshot, output_lock, read_table_dir
from schemas import TABLES, Documents, empty_frame, polars_schema

MANIFEST = pl.DataFrame({"path": ["a.txt"], "sha256": ["a" * 64], "size": [3], "status": ["ok"]}, schema=MANIFEST_SCHEMA)
METADATA = {"newsfold.schema_version": "1", "newsfold.pipeline_version": "0"}


def documents_frame(texts_and_years: list[tuple[str, int | None]]) -> pl.DataFrame:
    rows = [
        {
            "doc_id": f"doc_{i:016x}", "source_path": f"{i}.txt", "source_sha256": "a" * 64, "record_index": 0,
            "text": text, "published_date": None if year is None else dt.date(year, 1, 2),
            "published_year": year, "encoding": "utf-8", "n_words": 1, "n_sentences": 1, "run_id": "run_x",
        }
        for i, (text, year) in enumerate(texts_and_years)
    ]
    return pl.DataFrame(rows, schema=polars_schema(Documents))


def tables_with(documents: pl.DataFrame) -> dict[str, pl.DataFrame]:
    return {**{name: empty_frame(model) for name, model in TABLES.items()}, "documents": documents}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.text(min_size=1), st.none() | st.integers(1900, 2100)), max_size=8))
def test_store_write_then_read_returns_the_same_table(tmp_path_factory, rows):
    out = tmp_path_factory.mktemp("out")
    documents = documents_frame(rows)
    snapshot = commit_snapshot(out, tables_with(documents), MANIFEST, version="run_1", metadata=METADATA)
    read = snapshot.read_table("documents").sort("doc_id")
    assert read.equals(documents.sort("doc_id"))


def test_store_links_every_table_and_stamps_metadata(tmp_path):
    commit_snapshot(tmp_path, tables_with(documents_frame([("x", 2020)])), MANIFEST, version="run_1", metadata=METADATA)
    for name in TABLES:
        assert (tmp_path / name).is_symlink()
        for file in (tmp_path / name).rglob("*.parquet"):
            assert pq.read_schema(file).metadata[b"newsfold.schema_version"] == b"1"
    assert [p.name for p in (tmp_path / "documents").iterdir()] == ["part-0.parquet"]  # one file: see test_store_readers


def test_store_swaps_versions_and_keeps_one_previous(tmp_path):
    for version, text in [("run_1", "one"), ("run_2", "two"), ("run_3", "three")]:
        commit_snapshot(tmp_path, tables_with(documents_frame([(text, 2020)])), MANIFEST, version=version, metadata=METADATA)
    snapshot = current_snapshot(tmp_path)
    assert snapshot.version == "run_3"
    assert snapshot.read_table("documents")["text"].to_list() == ["three"]
    assert sorted(p.name for p in (tmp_path / ".newsfold" / "versions").iterdir()) == ["run_2", "run_3"]


def test_store_sweeps_what_a_killed_run_left(tmp_path):
    commit_snapshot(tmp_path, tables_with(documents_frame([("one", 2020)])), MANIFEST, version="run_1", metadata=METADATA)
    half_written = tmp_path / ".newsfold" / "versions" / "run_2.partial" / "documents"
    half_written.mkdir(parents=True)
    (half_written / "part-0.parquet").write_bytes(b"PAR1 torn")
    assert current_snapshot(tmp_path).read_table("documents")["text"].to_list() == ["one"]
    commit_snapshot(tmp_path, tables_with(documents_frame([("two", 2020)])), MANIFEST, version="run_3", metadata=METADATA)
    assert not half_written.parent.exists()


def test_store_refuses_a_foreign_directory_in_the_way(tmp_path):
    (tmp_path / "mentions").mkdir()
    with pytest.raises(StoreError, match="mentions"):
        commit_snapshot(tmp_path, tables_with(documents_frame([])), MANIFEST, version="run_1", metadata=METADATA)


def test_store_lock_refuses_a_second_writer(tmp_path):
    with output_lock(tmp_path):
        pid = os.fork()
        if pid == 0:  # the child tries to take the same lock
            try:
                with output_lock(tmp_path):
                    os._exit(0)
            except StoreError:
                os._exit(3)
        _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 3


def test_store_lock_waits_for_a_writer_that_finishes(tmp_path):
    import threading

    acquired, released = threading.Event(), threading.Event()

    def hold_briefly():
        with output_lock(tmp_path):
            acquired.set()
            released.wait(5)

    holder = threading.Thread(target=hold_briefly)
    holder.start()
    acquired.wait(5)
    threading.Timer(0.6, released.set).start()
    with output_lock(tmp_path, wait_seconds=10):
        assert released.is_set()
    holder.join()


def test_store_reads_nothing_from_an_empty_directory(tmp_path: Path):
    assert current_snapshot(tmp_path) is None


def test_store_documents_one_row_group_per_year_sorted_nulls_last(tmp_path):
    rows = [("a", 2021), ("b", None), ("c", 2019), ("d", 2021), ("e", 2019)]
    commit_snapshot(tmp_path, tables_with(documents_frame(rows)), MANIFEST, version="run_1", metadata=METADATA)
    parquet = pq.ParquetFile(tmp_path / "documents" / "part-0.parquet")
    years = [parquet.metadata.row_group(i).column(parquet.schema_arrow.get_field_index("published_year")).statistics
             for i in range(parquet.metadata.num_row_groups)]
    assert [(s.min, s.max) if s.has_min_max else None for s in years] == [(2019, 2019), (2021, 2021), None]
    assert parquet.read().column("text").to_pylist() == ["c", "e", "a", "d", "b"]


def test_store_reads_hive_partitions_written_by_earlier_versions(tmp_path):
    documents = documents_frame([("a", 2020), ("b", None)])
    for year, part in documents.partition_by("published_year", as_dict=True).items():
        folder = tmp_path / f"published_year={year[0] if year[0] is not None else '__HIVE_DEFAULT_PARTITION__'}"
        folder.mkdir()
        part.drop("published_year").write_parquet(folder / "part-0.parquet")
    assert read_table_dir(tmp_path, "documents").sort("doc_id").equals(documents.sort("doc_id"))
