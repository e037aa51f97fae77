"""Reading a newsfold dataset back: any table as Polars, pandas or DuckDB.

All tables are read from the snapshot that is current when the call starts,
so a run committing meanwhile never mixes two versions in one answer.

Example:
    >>> from newsfold.load import read_table
    >>> mentions = read_table("mentions", "output")  # doctest: +SKIP
    >>> read_table("entities", "output", kind="duckdb").filter("entity_type = 'PER'")  # doctest: +SKIP
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import polars as pl

from newsfold.errors import StoreError
from newsfold.store import Snapshot, current_snapshot
from schemas import TABLES

__all__ = ["open_dataset", "read_table", "read_tables"]

Kind = Literal["polars", "pandas", "duckdb"]


def open_dataset(out: str | Path = "output") -> Snapshot:
    """The current snapshot of the dataset in ``out``.

    Raises:
        StoreError: when ``out`` holds no newsfold dataset.
    """
    snapshot = current_snapshot(Path(out))
    if snapshot is None:
        raise StoreError(f"{out} holds no newsfold dataset; run `newsfold run` first")
    return snapshot


def read_table(name: str, out: str | Path = "output", *, kind: Kind = "polars", connection=None):
    """One table as a Polars frame, a pandas frame or a DuckDB relation.

    Args:
        name: Table name, one of :data:`schemas.TABLES`.
        out: Dataset directory.
        kind: ``"polars"`` (default), ``"pandas"`` or ``"duckdb"``.
        connection: DuckDB connection for ``kind="duckdb"`` (default: DuckDB's
            default in-memory connection).

    Raises:
        StoreError: for an unknown table or a missing dataset.
    """
    if name not in TABLES:
        raise StoreError(f"no table {name!r}; tables are: {', '.join(TABLES)}")
    snapshot = open_dataset(out)
    if kind == "duckdb":
        import duckdb

        glob = str(snapshot.root / name / "**" / "*.parquet")
        # Hive directories only in snapshots written by earlier versions (``published_year=2020/``).
        hive = any(entry.is_dir() for entry in (snapshot.root / name).iterdir())
        return (connection or duckdb).read_parquet(glob, hive_partitioning=hive)
    frame = snapshot.read_table(name)
    if kind == "pandas":
        return frame.to_pandas()
    if kind == "polars":
        return frame
    raise StoreError(f"unknown kind {kind!r}; use polars, pandas or duckdb")


def read_tables(out: str | Path = "output") -> dict[str, pl.DataFrame]:
    """Every table of the current snapshot, as Polars frames."""
    snapshot = open_dataset(out)
    return {name: snapshot.read_table(name) for name in TABLES}
