"""An output written by the pre-Delta store (snapshot directories behind a symlink) is converted by the next run."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import polars as pl
import pyarrow.parquet as pq
import pytest
from deltalake import DeltaTable

from newsfold.noop import check_inputs
from newsfold.store import commit_snapshot, current_snapshot, list_commits, needs_repair, output_lock, repair_output
from schemas import TABLES, polars_schema
from tests.test_store import MANIFEST, documents_frame, tables_with

OLD_METADATA = {"newsfold.schema_version": "1.1.0", "newsfold.pipeline_version": "0.9.0", "newsfold.run_id": "run_old"}


def write_old_layout(out: Path, tables: dict[str, pl.DataFrame], *, hive_documents: bool) -> None:
    """What the store wrote before Delta Lake: versions/<run>/<table>/part-0.parquet, ``current`` and table links."""
    root = out / ".newsfold" / "versions" / "run_old"
    for name, frame in tables.items():
        frame = frame.select(polars_schema(TABLES[name]).names())
        table = frame.to_arrow().replace_schema_metadata(OLD_METADATA)
        if name == "documents" and hive_documents:  # the layout of still earlier versions
            for (year,), part in frame.partition_by("published_year", as_dict=True).items():
                folder = root / name / f"published_year={year if year is not None else '__HIVE_DEFAULT_PARTITION__'}"
                folder.mkdir(parents=True)
                part.drop("published_year").write_parquet(folder / "part-0.parquet")
            continue
        (root / name).mkdir(parents=True)
        pq.write_table(table, root / name / "part-0.parquet")
    MANIFEST.write_parquet(root / "_manifest.parquet")
    os.symlink(os.path.join("versions", "run_old"), out / ".newsfold" / "current")
    for name in tables:
        os.symlink(os.path.join(".newsfold", "current", name), out / name)


@pytest.mark.parametrize("hive_documents", [False, True], ids=["one-file", "hive-partitions"])
def test_store_converts_an_output_of_the_old_layout(tmp_path, hive_documents):
    documents = documents_frame([("a", 2020), ("b", None), ("c", 2019)])
    write_old_layout(tmp_path, tables_with(documents), hive_documents=hive_documents)
    legacy = current_snapshot(tmp_path)
    assert legacy.legacy_root is not None and needs_repair(tmp_path)
    before = {name: legacy.read_table(name).sort(pl.all()) for name in TABLES}
    with output_lock(tmp_path):
        repair_output(tmp_path)
    assert not needs_repair(tmp_path)
    assert not (tmp_path / ".newsfold" / "versions").exists() and not (tmp_path / ".newsfold" / "current").exists()
    converted = current_snapshot(tmp_path)
    assert converted.legacy_root is None and converted.version == "run_old"
    assert list_commits(tmp_path)["run_id"].to_list() == ["run_old"]
    for name in TABLES:
        assert (tmp_path / name).is_symlink() and DeltaTable.is_deltatable(str(tmp_path / ".newsfold" / "tables" / name))
        assert converted.read_table(name).sort(pl.all()).equals(before[name])
    assert converted.read_manifest().equals(MANIFEST)
    # the next commit writes by difference on top of the converted tables
    commit_snapshot(tmp_path, tables_with(documents_frame([("a", 2020), ("d", 2021)])), MANIFEST, version="run_new",
                    metadata=OLD_METADATA)
    assert current_snapshot(tmp_path).read_table("documents")["text"].to_list() == ["a", "d"]


def test_store_an_old_layout_is_never_a_no_op(tmp_path):
    """The no-op check sends a run over an old output to the flow, which converts it first."""
    import datetime as dt

    raw = tmp_path / "raw"
    raw.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    write_old_layout(out, tables_with(documents_frame([])), hive_documents=False)
    check = check_inputs(raw, out, run_id="run_x", started_at=dt.datetime.now(dt.timezone.utc))
    assert check.unchanged is None


CONVERT = r"""
import sys
from pathlib import Path
from newsfold.store import output_lock, repair_output
with output_lock(Path(sys.argv[1])):
    repair_output(Path(sys.argv[1]))
"""


@pytest.mark.parametrize(
    "step", ["converted documents", "converted runs", "converted _manifest", "converted, old snapshots not deleted"]
)
def test_store_a_conversion_killed_half_way_is_readable_and_finished_by_the_next_run(tmp_path, step):
    documents = documents_frame([("a", 2020), ("b", None)])
    write_old_layout(tmp_path, tables_with(documents), hive_documents=False)
    env = {**os.environ, "NEWSFOLD_TEST_KILL_AT": step, "PYTHONPATH": os.getcwd()}
    process = subprocess.run([sys.executable, "-c", CONVERT, str(tmp_path)], env=env)
    assert process.returncode == -signal.SIGKILL
    assert current_snapshot(tmp_path).read_table("documents").equals(documents.sort("doc_id"))  # old or converted
    assert needs_repair(tmp_path)
    with output_lock(tmp_path):
        repair_output(tmp_path)
    assert not needs_repair(tmp_path)
    converted = current_snapshot(tmp_path)
    assert converted.legacy_root is None
    assert converted.read_table("documents").equals(documents.sort("doc_id"))


def write_layout_before_views(out: Path, tables: dict[str, pl.DataFrame]) -> None:
    """What the Delta store wrote before views: each Delta table directly in ``out/<table>``."""
    commit_snapshot(out, tables, MANIFEST, version="run_delta", metadata=OLD_METADATA)
    for name in TABLES:
        (out / name).unlink()
        os.replace(out / ".newsfold" / "tables" / name, out / name)
    shutil.rmtree(out / ".newsfold" / "views")
    shutil.rmtree(out / ".newsfold" / "tables")


def plain_glob(out: Path, name: str) -> pl.DataFrame:
    return pl.read_parquet(str(out / name / "**" / "*.parquet")).select(polars_schema(TABLES[name]).names())


@pytest.mark.parametrize("step", [None, "moved documents under .newsfold", "moved mentions under .newsfold",
                                  "switched documents"])
def test_store_tables_written_before_views_move_under_the_state_folder_even_after_a_kill(tmp_path, step):
    documents = documents_frame([("a", 2020), ("b", None)])
    write_layout_before_views(tmp_path, tables_with(documents))
    assert needs_repair(tmp_path)
    assert current_snapshot(tmp_path).read_table("documents").equals(documents.sort("doc_id"))  # readable as it is
    if step is not None:
        env = {**os.environ, "NEWSFOLD_TEST_KILL_AT": step, "PYTHONPATH": os.getcwd()}
        assert subprocess.run([sys.executable, "-c", CONVERT, str(tmp_path)], env=env).returncode == -signal.SIGKILL
        # half moved: newsfold's readers still find every table
        assert current_snapshot(tmp_path).read_table("documents").equals(documents.sort("doc_id"))
        assert needs_repair(tmp_path)
    with output_lock(tmp_path):
        repair_output(tmp_path)
    assert not needs_repair(tmp_path)
    for name in TABLES:
        assert (tmp_path / name).is_symlink()
    assert plain_glob(tmp_path, "documents").sort("doc_id").equals(documents.sort("doc_id"))
    commit_snapshot(tmp_path, tables_with(documents_frame([("c", 2021)])), MANIFEST, version="run_next",
                    metadata=OLD_METADATA)
    assert plain_glob(tmp_path, "documents")["text"].to_list() == ["c"]
