"""The dataset on disk: immutable snapshots behind one atomic pointer.

Layout of an output directory::

    output/
      documents -> .newsfold/current/documents     (one link per table, made once)
      mentions  -> .newsfold/current/mentions
      ...
      .newsfold/
        current -> versions/<version>              (swapped atomically by rename)
        versions/<version>/documents/part-0.parquet
        versions/<version>/mentions/part-0.parquet
        versions/<version>/_manifest.parquet       (the inputs this snapshot reflects)
        lock

A run writes a complete new version under a temporary name, renames it into
place, then swaps ``current``. A crash at any moment leaves the previous
snapshot in place, and the next run sweeps the leftovers.

Every table is one file with the same name in every snapshot, so a plain
reader of ``output/documents/**/*.parquet`` sees one snapshot, never a mix:
a glob lists directories and then opens what it found, each step resolving
``current`` again, and a commit may land between any two steps; with one
file, whatever step lands in the new snapshot finds the same name there and
reads all of it. (Hive partition directories, which earlier versions wrote
for ``documents``, cannot give that: the listing and the opening of several
files would each see the snapshot current at that moment.) ``documents`` is
sorted by ``published_year`` with one row group per year, so a reader
filtering on the year skips the others by their statistics.

Example:
    >>> snapshot = current_snapshot(Path("output"))  # doctest: +SKIP
    >>> snapshot.read_table("mentions").columns[:3]  # doctest: +SKIP
    ['doc_id', 'mention_id', 'sentence_index']
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import polars as pl
import pyarrow.parquet as pq

from newsfold.errors import StoreError
from schemas import TABLES, polars_schema

__all__ = [
    "MANIFEST_SCHEMA",
    "ROW_GROUP_COLUMNS",
    "Snapshot",
    "commit_snapshot",
    "current_snapshot",
    "output_lock",
    "read_table_dir",
]

STATE_DIR = ".newsfold"
#: Snapshots kept besides the current one, for readers still scanning them.
KEEP_PREVIOUS = 1
#: Tables written sorted by a column with one row group per value, and that column.
ROW_GROUP_COLUMNS: Mapping[str, str] = {"documents": "published_year"}

#: One row per input the snapshot reflects: a file that was read, or a file
#: refused at discovery (status holds its error code).
MANIFEST_SCHEMA = pl.Schema(
    {"path": pl.String, "sha256": pl.String, "size": pl.Int64, "status": pl.String}
)
_MANIFEST_FILE = "_manifest.parquet"
_PARTIAL_SUFFIX = ".partial"


@dataclass(frozen=True)
class Snapshot:
    """One committed, immutable version of the dataset.

    Attributes:
        root: The version directory.
        version: Its name (the id of the run that wrote it).
    """

    root: Path
    version: str

    def read_table(self, name: str) -> pl.DataFrame:
        """Read table ``name`` of this snapshot with its contract's dtypes."""
        return read_table_dir(self.root / name, name)

    def read_manifest(self) -> pl.DataFrame:
        """The inputs this snapshot was built from."""
        return pl.read_parquet(self.root / _MANIFEST_FILE).cast(MANIFEST_SCHEMA)


def read_table_dir(directory: Path, name: str) -> pl.DataFrame:
    """Read a table directory into its contract's columns.

    Also reads the hive partition directories (``published_year=2020/``)
    that earlier versions wrote for ``documents``.

    Raises:
        StoreError: when the directory holds no Parquet files.
    """
    files = sorted(directory.rglob("*.parquet"))
    if not files:
        raise StoreError(f"table {name!r} has no Parquet files under {directory}")
    schema = polars_schema(TABLES[name])
    frames = []
    for file in files:
        frame = pl.read_parquet(file)
        partition = ROW_GROUP_COLUMNS.get(name)
        if partition and partition not in frame.columns:
            raw = file.parent.name.split("=", 1)[1]
            value = None if raw == "__HIVE_DEFAULT_PARTITION__" else int(raw)
            frame = frame.with_columns(pl.lit(value, dtype=schema[partition]).alias(partition))
        frames.append(frame.select(schema.names()).cast(schema))
    return pl.concat(frames, how="vertical")


def current_snapshot(out: Path) -> Snapshot | None:
    """The snapshot ``out`` currently points to, or None for a new dataset."""
    pointer = out / STATE_DIR / "current"
    if not pointer.is_symlink():
        return None
    target = (pointer.parent / os.readlink(pointer)).resolve()
    if not target.is_dir():
        raise StoreError(f"{pointer} points to {target}, which is missing; the dataset is damaged")
    return Snapshot(root=target, version=target.name)


@contextlib.contextmanager
def output_lock(out: Path, *, wait_seconds: float = 0.0) -> Iterator[None]:
    """Hold an exclusive lock on ``out`` so two runs never write it at once.

    The lock file is created once and then only opened for reading (an
    advisory lock needs no write access), so a run that finds nothing new
    writes nothing and succeeds on a read-only output directory.

    Args:
        out: Output root.
        wait_seconds: How long to wait for another run to finish first (a
            scheduled run may start while the previous one is still going).

    Raises:
        StoreError: when another process still holds the lock after the wait.
    """
    state = out / STATE_DIR
    if not state.is_dir():
        state.mkdir(parents=True, exist_ok=True)
    lock = state / "lock"
    try:
        descriptor = os.open(lock, os.O_RDONLY)
    except FileNotFoundError:
        descriptor = os.open(lock, os.O_RDONLY | os.O_CREAT, 0o644)
    deadline = time.monotonic() + wait_seconds
    with os.fdopen(descriptor, "rb") as handle:
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError as exc:
                if time.monotonic() >= deadline:
                    raise StoreError(
                        f"another newsfold run is writing {out}; try again when it ends"
                    ) from exc
                time.sleep(0.5)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def commit_snapshot(
    out: Path,
    tables: Mapping[str, pl.DataFrame],
    manifest: pl.DataFrame,
    *,
    version: str,
    metadata: Mapping[str, str],
) -> Snapshot:
    """Write ``tables`` as a new snapshot and make it current, atomically.

    Args:
        out: Output root.
        tables: One frame per name in :data:`schemas.TABLES`, already validated.
        manifest: Inputs reflected, with :data:`MANIFEST_SCHEMA`.
        version: Name of the new snapshot (unique per run).
        metadata: Key/values stored in every Parquet file's schema metadata.

    Returns:
        The new current snapshot.
    """
    missing = set(TABLES) - set(tables)
    if missing:
        raise StoreError(f"cannot commit without tables: {sorted(missing)}")
    versions = out / STATE_DIR / "versions"
    versions.mkdir(parents=True, exist_ok=True)
    _sweep_partial(versions)
    staging = versions / f"{version}{_PARTIAL_SUFFIX}"
    final = versions / version
    if final.exists():
        raise StoreError(f"snapshot {final} already exists")
    staging.mkdir()
    for name in TABLES:
        _write_table(tables[name], staging / name, name, metadata)
    manifest.select(MANIFEST_SCHEMA.names()).cast(MANIFEST_SCHEMA).sort("path").write_parquet(
        staging / _MANIFEST_FILE
    )
    _fsync_tree(staging)
    os.rename(staging, final)
    _swap_current(out / STATE_DIR, final.name)
    _link_tables(out)
    _prune_versions(versions, keep=final.name)
    return Snapshot(root=final, version=final.name)


def _write_table(frame: pl.DataFrame, directory: Path, name: str, metadata: Mapping[str, str]) -> None:
    schema = polars_schema(TABLES[name])
    frame = frame.select(schema.names()).cast(schema)
    column = ROW_GROUP_COLUMNS.get(name)
    if column is not None:
        frame = frame.sort(column, nulls_last=True, maintain_order=True)
    table = frame.to_arrow(compat_level=pl.CompatLevel.oldest())
    table = table.replace_schema_metadata({**(table.schema.metadata or {}), **metadata, "newsfold.table": name})
    directory.mkdir()
    # One file per table, whatever its size: see the module docstring.
    with pq.ParquetWriter(directory / "part-0.parquet", table.schema, compression="zstd") as writer:
        if column is None or table.num_rows == 0:
            writer.write_table(table)
            return
        start = 0
        for length in frame.group_by(column, maintain_order=True).len()["len"]:
            writer.write_table(table.slice(start, length))  # its own row group (or more, if very large)
            start += length


def _fsync_tree(root: Path) -> None:
    """Flush every file and directory under ``root`` so a power cut cannot tear it."""
    for directory, _, files in os.walk(root):
        for file in files:
            with open(os.path.join(directory, file), "rb") as handle:
                os.fsync(handle.fileno())
        descriptor = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def _swap_current(state: Path, version: str) -> None:
    temporary = state / f"current.{version}.tmp"
    with contextlib.suppress(FileNotFoundError):
        temporary.unlink()
    os.symlink(os.path.join("versions", version), temporary)
    os.replace(temporary, state / "current")  # rename(2) is atomic: readers see old or new
    descriptor = os.open(state, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _link_tables(out: Path) -> None:
    for name in TABLES:
        link = out / name
        target = os.path.join(STATE_DIR, "current", name)
        if link.is_symlink() and os.readlink(link) == target:
            continue
        if link.exists() or link.is_symlink():
            raise StoreError(
                f"{link} exists and is not newsfold's link to {target}; move it away and run again"
            )
        os.symlink(target, link)


def _sweep_partial(versions: Path) -> None:
    """Remove what a killed run left half-written."""
    for entry in versions.iterdir():
        if entry.name.endswith(_PARTIAL_SUFFIX):
            shutil.rmtree(entry)
    for entry in versions.parent.glob("current.*.tmp"):
        entry.unlink()


def _prune_versions(versions: Path, *, keep: str) -> None:
    """Drop old snapshots, keeping the current one and the one before it."""
    older = sorted(entry.name for entry in versions.iterdir() if entry.is_dir() and entry.name != keep)
    for name in older[: max(len(older) - KEEP_PREVIOUS, 0)]:
        shutil.rmtree(versions / name)
