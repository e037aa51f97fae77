"""The store keeps every table as a Delta Lake table and commits a run's tables together."""

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
from deltalake import DeltaTable

from newsfold.store import (
    MANIFEST_SCHEMA,
    commit_snapshot,
    current_snapshot,
    list_commits,
    output_lock,
    read_table_dir,
    snapshot_at,
)
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


def test_store_writes_every_table_as_a_delta_table_and_stamps_metadata(tmp_path):
    commit_snapshot(tmp_path, tables_with(documents_frame([("x", 2020)])), MANIFEST, version="run_1", metadata=METADATA)
    for name in TABLES:
        assert DeltaTable.is_deltatable(str(tmp_path / name))
        files = list((tmp_path / name).rglob("*.parquet"))
        assert len(files) == 1  # an empty table too: a plain glob finds one empty file, not none
        assert pq.read_schema(files[0]).metadata[b"newsfold.schema_version"] == b"1"
    # Delta checkpoints are Parquet: a plain glob over the table would read them as rows
    assert not list(tmp_path.glob("*/_delta_log/*.parquet"))
    # what plain readers open is a view (a link to one version's files), the Delta table is under .newsfold
    assert (tmp_path / "documents").is_symlink()
    assert DeltaTable.is_deltatable(str(tmp_path / ".newsfold" / "tables" / "documents"))
    assert DeltaTable(str(tmp_path / "documents")).to_pyarrow_table().num_rows == 1


@pytest.mark.parametrize(
    ("old", "new", "gone", "came"),
    [
        ([1, 2], [2, 3], [1], [3]),  # distinct rows
        ([1, 2], [1, 2], [], []),  # nothing changed
        ([1, 1, 2], [1, 2], [1], []),  # a repeated row counts as a multiset: one copy gone
        ([1, 2], [1, 1, 2, 2, 2], [], [1, 2, 2]),  # copies added beside the one kept
        ([1, 1], [1, 1], [], []),  # the same copies on both sides
        ([], [4, 4], [], [4, 4]),
    ],
)
def test_diff_rows_counts_rows_as_a_multiset(old, new, gone, came):
    from newsfold.delta_tables import diff_rows

    frame = lambda values: pl.DataFrame({"k": values, "v": [f"v{x}" for x in values]}, schema={"k": pl.Int64, "v": pl.String})
    only_old, only_new = diff_rows(frame(old), frame(new))
    assert sorted(only_old["k"].to_list()) == gone and sorted(only_new["k"].to_list()) == came
    keys_old, keys_new = diff_rows(frame(old), frame(new), only=["k"])
    assert keys_old.columns == ["k"] and sorted(keys_new["k"].to_list()) == came


@pytest.mark.parametrize(
    ("before", "after", "added", "removed", "files_kept"),
    [
        # nothing changed: no commit, the table keeps its version
        ([("a", 2020), ("b", 2021)], [("a", 2020), ("b", 2021)], 0, 0, 1),
        # a new article: a new file beside the old one, which is not touched
        ([("a", 2020)], [("a", 2020), ("b", 2021)], 1, 0, 1),
        # a changed article: its row removed, its file rewritten
        ([("a", 2020), ("b", 2021)], [("a", 2020), ("B", 2021)], 1, 1, 0),
        # a removed article
        ([("a", 2020), ("b", 2021)], [("a", 2020)], 0, 1, 0),
        # everything removed: one empty file stays for plain readers
        ([("a", 2020)], [], 0, 1, 0),
    ],
)
def test_store_writes_only_what_changed(tmp_path, before, after, added, removed, files_kept):
    commit_snapshot(tmp_path, tables_with(documents_frame(before)), MANIFEST, version="run_1", metadata=METADATA)
    table = str(tmp_path / ".newsfold" / "tables" / "documents")  # the Delta table; documents/ is a view of it
    first_files = set(DeltaTable(table).file_uris())
    snapshot = commit_snapshot(tmp_path, tables_with(documents_frame(after)), MANIFEST, version="run_2", metadata=METADATA)
    change = next(item for item in list_commits(tmp_path)["tables"][-1] if item["table"] == "documents")
    assert (change["added"], change["removed"], change["rows"]) == (added, removed, len(after))
    assert change["version"] == (0 if added == removed == 0 else 1)
    assert len(first_files & set(DeltaTable(table).file_uris())) == files_kept
    assert snapshot.read_table("documents").equals(documents_frame(after).sort("doc_id"))
    # every other table was unchanged: no Delta commit for it
    assert {item["table"]: item["version"] for item in list_commits(tmp_path)["tables"][-1]}["mentions"] == 0


@pytest.mark.parametrize(("keep_runs", "readable"), [(1, [2]), (2, [1, 2]), (10, [0, 1, 2])])
def test_store_keeps_the_runs_the_retention_setting_asks_for(tmp_path, keep_runs, readable):
    texts = ["one", "two", "three"]
    for index, text in enumerate(texts):
        commit_snapshot(tmp_path, tables_with(documents_frame([(text, 2020)])), MANIFEST, version=f"run_{index}",
                        metadata=METADATA, keep_runs=keep_runs)
    assert current_snapshot(tmp_path).version == "run_2"
    for index, text in enumerate(texts):
        if index in readable:
            assert snapshot_at(tmp_path, index).read_table("documents")["text"].to_list() == [text]
            assert snapshot_at(tmp_path, f"run_{index}").version == f"run_{index}"
        else:
            with pytest.raises(StoreError, match="older than the runs kept"):
                snapshot_at(tmp_path, index)
    # files no kept run reads are gone: the history holds one file per older kept run
    assert len(list((tmp_path / ".newsfold" / "history").rglob("*.parquet"))) == len(readable) - 1
    # a plain reader of the table directory sees only the current rows
    assert [pq.read_table(f).num_rows for f in (tmp_path / "documents").glob("*.parquet")] == [1]


def test_store_refuses_a_version_never_committed(tmp_path):
    commit_snapshot(tmp_path, tables_with(documents_frame([("one", 2020)])), MANIFEST, version="run_1", metadata=METADATA)
    with pytest.raises(StoreError, match="newsfold history"):
        snapshot_at(tmp_path, 5)


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


def assert_lock_waits_for_a_writer(out, *, hold_seconds: float, wait_seconds: float, start_seconds: float) -> None:
    """Another thread holds ``out``'s lock for ``hold_seconds``; taking it with a wait succeeds only after."""
    import threading

    acquired, released = threading.Event(), threading.Event()

    def hold_briefly():
        with output_lock(out):
            acquired.set()
            released.wait(5)

    holder = threading.Thread(target=hold_briefly)
    holder.start()
    acquired.wait(start_seconds)
    threading.Timer(hold_seconds, released.set).start()
    try:
        with output_lock(out, wait_seconds=wait_seconds):
            assert released.is_set()
    finally:
        released.set()
        holder.join()


def test_store_lock_waits_for_a_writer_that_finishes(tmp_path):
    assert_lock_waits_for_a_writer(tmp_path, hold_seconds=0.6, wait_seconds=10, start_seconds=5)


def test_store_reads_nothing_from_an_empty_directory(tmp_path: Path):
    assert current_snapshot(tmp_path) is None


def test_store_documents_one_row_group_per_year_sorted_nulls_last(tmp_path):
    rows = [("a", 2021), ("b", None), ("c", 2019), ("d", 2021), ("e", 2019)]
    commit_snapshot(tmp_path, tables_with(documents_frame(rows)), MANIFEST, version="run_1", metadata=METADATA)
    (file,) = (tmp_path / "documents").glob("*.parquet")
    parquet = pq.ParquetFile(file)
    years = [parquet.metadata.row_group(i).column(parquet.schema_arrow.get_field_index("published_year")).statistics
             for i in range(parquet.metadata.num_row_groups)]
    assert [(s.min, s.max) if s.has_min_max else None for s in years] == [(2019, 2019), (2021, 2021), None]
    assert parquet.read().column("text").to_pylist() == ["c", "e", "a", "d", "b"]


def test_store_keeps_no_statistics_of_whole_texts_and_keeps_the_others(tmp_path):
    # A min/max of a 50 MB article copied the article twice in the writer; no filter uses it.
    commit_snapshot(tmp_path, tables_with(documents_frame([("b", 2020), ("a", 2020)])), MANIFEST, version="run_1",
                    metadata=METADATA)
    (file,) = (tmp_path / "documents").glob("*.parquet")
    metadata = pq.ParquetFile(file).metadata
    columns = {metadata.row_group(0).column(i).path_in_schema: metadata.row_group(0).column(i)
               for i in range(metadata.num_columns)}
    assert not columns["text"].is_stats_set
    assert (columns["doc_id"].statistics.min, columns["doc_id"].statistics.max) == (
        "doc_0000000000000000", "doc_0000000000000001")


def test_store_reads_hive_partitions_written_by_earlier_versions(tmp_path):
    documents = documents_frame([("a", 2020), ("b", None)])
    for year, part in documents.partition_by("published_year", as_dict=True).items():
        folder = tmp_path / f"published_year={year[0] if year[0] is not None else '__HIVE_DEFAULT_PARTITION__'}"
        folder.mkdir()
        part.drop("published_year").write_parquet(folder / "part-0.parquet")
    assert read_table_dir(tmp_path, "documents").sort("doc_id").equals(documents.sort("doc_id"))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(st.tuples(st.sampled_from(["a", "b", "c"]), st.none() | st.integers(2019, 2021)),
                         max_size=5), min_size=1, max_size=5))
def test_store_any_sequence_of_commits_reads_back_every_kept_version(tmp_path_factory, contents):
    """Whatever each run changes, each kept version reads back as committed, and so does a plain glob of the latest."""
    out = tmp_path_factory.mktemp("out")
    for index, rows in enumerate(contents):
        commit_snapshot(out, tables_with(documents_frame(rows)), MANIFEST, version=f"run_{index}", metadata=METADATA,
                        keep_runs=3)
    for index, rows in enumerate(contents):
        if index >= len(contents) - 3:
            assert snapshot_at(out, index).read_table("documents").equals(documents_frame(rows).sort("doc_id"))
    plain = pl.read_parquet(str(out / "documents" / "**" / "*.parquet")).sort("doc_id")
    assert plain.equals(documents_frame(contents[-1]).sort("doc_id"))


@pytest.mark.parametrize(("version", "texts"), [(None, ["two", "three"]), (0, ["one"]), ("run_1", ["two", "three"]), (1, ["two", "three"])])
@pytest.mark.parametrize("kind", ["polars", "pandas", "duckdb"])
def test_store_loader_reads_the_latest_or_an_older_version(tmp_path, version, texts, kind):
    from newsfold.load import read_table

    commit_snapshot(tmp_path, tables_with(documents_frame([("one", 2020)])), MANIFEST, version="run_0", metadata=METADATA)
    commit_snapshot(tmp_path, tables_with(documents_frame([("two", 2020), ("three", 2021)])), MANIFEST,
                    version="run_1", metadata=METADATA)
    table = read_table("documents", tmp_path, kind=kind, version=version)
    read = {"polars": lambda t: t["text"].to_list(), "pandas": lambda t: t["text"].tolist(),
            "duckdb": lambda t: [row[0] for row in t.order("doc_id").select("text").fetchall()]}[kind](table)
    assert read == texts


def test_store_loader_of_the_latest_run_starts_again_when_its_files_went_meanwhile(tmp_path, monkeypatch):
    # A reader slower than the runs committing meanwhile finds a file of its run moved out by the retention
    # setting: asked for the latest run, it reads the newest one whole; asked for an old run, it fails loudly.
    from newsfold import load
    from newsfold.store import Snapshot

    commit_snapshot(tmp_path, tables_with(documents_frame([("one", 2020)])), MANIFEST, version="run_0", metadata=METADATA)
    commit_snapshot(tmp_path, tables_with(documents_frame([("two", 2020)])), MANIFEST, version="run_1", metadata=METADATA)
    read_table, failures = Snapshot.read_table, [1]

    def read_table_once_gone(self, name):
        if failures:
            failures.pop()
            raise StoreError(f"a file of {name} is gone: the version is older than the retention setting")
        return read_table(self, name)

    monkeypatch.setattr(Snapshot, "read_table", read_table_once_gone)
    assert load.read_table("documents", tmp_path)["text"].to_list() == ["two"]
    failures.append(1)
    assert load.read_tables(tmp_path)["documents"]["text"].to_list() == ["two"]
    failures.append(1)
    with pytest.raises(StoreError, match="retention"):
        load.read_table("documents", tmp_path, version=0)
    failures[:] = [1] * load.LATEST_READ_ATTEMPTS  # gone every time: the last attempt's error reaches the caller
    with pytest.raises(StoreError, match="retention"):
        load.read_tables(tmp_path)


_KEYS = st.sampled_from(["a", "b", None])
_WRITE_ROWS = st.lists(st.tuples(_KEYS, st.sampled_from([2001, 2002, None]), st.integers(0, 3), st.text(max_size=3)),
                       max_size=40)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=_WRITE_ROWS, by_year=st.booleans(), piece=st.sampled_from([1, 3, 1024 * 1024]), presorted=st.booleans())
def test_store_writes_a_file_sorted_a_piece_at_a_time_as_the_whole_sorted_table(tmp_path, monkeypatch, rows,
                                                                               by_year, piece, presorted):
    # Written through an index a piece at a time (a long text's tables are never copied whole): the same rows in
    # the same order as sorting the whole frame, ties and nulls included, one row group per year, none larger
    # than the piece.
    from newsfold import delta_tables

    monkeypatch.setattr(delta_tables, "_ROW_GROUP_ROWS", piece)
    frame = pl.DataFrame(rows, schema={"doc_id": pl.String, "year": pl.Int32, "start": pl.Int64, "text": pl.String},
                         orient="row")
    year = "year" if by_year else None
    if presorted:  # rows already in order are written by slices, not gathered
        frame = frame.sort([*([year] if year else []), "doc_id", "start"], nulls_last=True)
    directory = tmp_path / f"t{len(list(tmp_path.iterdir()))}"
    added = delta_tables._write_file(directory, frame, "mentions", ["doc_id", "start"], year, "run_x", {"k": "v"})
    written = pq.ParquetFile(directory / added.path)
    expected = frame.sort([*([year] if year else []), "doc_id", "start"], nulls_last=True)
    assert pl.from_arrow(written.read()).equals(expected)
    assert written.schema_arrow.metadata[b"k"] == b"v" and written.schema_arrow.metadata[b"newsfold.table"] == b"mentions"
    sizes = [written.metadata.row_group(i).num_rows for i in range(written.num_row_groups)]
    assert all(size <= piece for size in sizes) and sum(sizes) == frame.height
    if year and frame.height:
        runs = expected[year].rle().struct.field("len").to_list()
        assert sizes == [min(piece, run - start) for run in runs for start in range(0, run, piece)]
