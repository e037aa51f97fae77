"""Reading a newsfold dataset back: any table as Polars, pandas or DuckDB.

All tables are read at the versions the last committed run named when the
call starts, so a run committing meanwhile never mixes two versions in one
answer; ``version=N`` reads the tables as run N of ``newsfold history`` left
them (while the retention setting keeps it).

Example:
    >>> from newsfold.load import read_table
    >>> mentions = read_table("mentions", "output")  # doctest: +SKIP
    >>> read_table("entities", "output", kind="duckdb").filter("entity_type = 'PER'")  # doctest: +SKIP
    >>> read_table("documents", "output", version=0).height  # the first run's documents  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Literal, TypeVar

import polars as pl

from newsfold.errors import StoreError
from newsfold.object_store import is_object_store
from newsfold.store import Snapshot, current_snapshot, snapshot_at
from schemas import TABLES

__all__ = ["open_dataset", "read_table", "read_tables"]

Kind = Literal["polars", "pandas", "duckdb"]
T = TypeVar("T")


def open_dataset(out: str | Path = "output", *, version: int | str | None = None) -> Snapshot:
    """The current snapshot of the dataset in ``out``, or the one run ``version`` committed.

    Args:
        out: Dataset directory, or ``s3://bucket/prefix`` (see :mod:`newsfold.object_store`).
        version: A run's number in ``newsfold history`` or its run id; None for the latest.

    Raises:
        StoreError: when ``out`` holds no newsfold dataset, or not that version.
    """
    if version is not None:
        return snapshot_at(out, version)
    snapshot = current_snapshot(out)
    if snapshot is None:
        raise StoreError(f"{out} holds no newsfold dataset; run `newsfold run` first")
    return snapshot


def read_table(name: str, out: str | Path = "output", *, kind: Kind = "polars", connection=None,
               version: int | str | None = None):
    """One table as a Polars frame, a pandas frame or a DuckDB relation.

    Args:
        name: Table name, one of :data:`schemas.TABLES`.
        out: Dataset directory, or ``s3://bucket/prefix``.
        kind: ``"polars"`` (default), ``"pandas"`` or ``"duckdb"``.
        connection: DuckDB connection for ``kind="duckdb"`` (default: DuckDB's
            default in-memory connection).
        version: Read the table as run ``version`` left it (its number in
            ``newsfold history``, or its run id); None for the latest.

    Raises:
        StoreError: for an unknown table or a missing dataset.
    """
    if name not in TABLES:
        raise StoreError(f"no table {name!r}; tables are: {', '.join(TABLES)}")
    if kind == "duckdb":
        import duckdb

        snapshot = open_dataset(out, version=version)
        if is_object_store(snapshot.out):
            # DuckDB's own S3 reader is an extension downloaded at run time: Arrow reads the files instead.
            return (connection or duckdb).from_arrow(snapshot.arrow_dataset(name))
        files = [str(path) for path in snapshot.table_files(name)]
        # Hive directories only in snapshots written before Delta Lake (``published_year=2020/``).
        hive = any("=" in path.rsplit("/", 2)[-2] for path in files)
        return (connection or duckdb).read_parquet(files, hive_partitioning=hive)
    frame = _read_at(out, version, lambda snapshot: snapshot.read_table(name))
    if kind == "pandas":
        return frame.to_pandas()
    if kind == "polars":
        return frame
    raise StoreError(f"unknown kind {kind!r}; use polars, pandas or duckdb")


def read_tables(out: str | Path = "output", *, version: int | str | None = None) -> dict[str, pl.DataFrame]:
    """Every table of the current snapshot (or of run ``version``), as Polars frames."""
    return _read_at(out, version, lambda snapshot: {name: snapshot.read_table(name) for name in TABLES})


#: Times a read of the latest run starts again on the newest one (see :func:`_read_at`).
LATEST_READ_ATTEMPTS = 3


def _read_at(out: str | Path, version: int | str | None, read: Callable[[Snapshot], T]) -> T:
    """``read`` of run ``version``, or of the latest run, started again on the newest when runs committed meanwhile
    dropped its files.

    A reader slower than the runs committing meanwhile can find a data file of the run it
    started on moved out by the retention setting (``StoreError``). The latest run is what
    it asked for, so it reads the newest one instead, whole; an old run asked for by
    ``version`` fails loudly instead (its files are gone).
    """
    if version is not None:
        return read(open_dataset(out, version=version))
    for _ in range(LATEST_READ_ATTEMPTS - 1):
        try:
            return read(open_dataset(out))
        except StoreError:
            continue
    return read(open_dataset(out))
