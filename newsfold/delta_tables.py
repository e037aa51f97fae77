"""One table as a Delta Lake table: written by difference, read at any version.

newsfold writes each table's Parquet files itself (so a file keeps its row
groups and metadata, and an empty table still has one file that plain
readers can open) and records them with ``deltalake``'s transaction API:
one Delta commit per table and run, removing the files that held changed
rows and adding one file with their new content. Readers use the Delta log
of the version they want; a file that a later version no longer needs may
have been moved to a history folder (see :mod:`newsfold.store`), where
:func:`read_version` finds it.

Example:
    >>> change = write_changes("out/entities", "entities", new_frame, run_id="run_x",
    ...                        metadata={}, previous_version=None)  # doctest: +SKIP
    >>> change.added, change.removed  # doctest: +SKIP
    (12, 0)
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
from deltalake import CommitProperties, DeltaTable, PostCommitHookProperties, Schema
from deltalake.transaction import AddAction, RemoveAction, create_table_with_add_actions

from newsfold.errors import StoreError
from newsfold.frames import columns_of, row_order
from newsfold.object_store import ObjectStorePath, delta_storage_options, output_location
from schemas import WHOLE_TEXT_COLUMNS

__all__ = [
    "TableChange",
    "NO_CHECKPOINTS",
    "delta_table",
    "is_delta_table",
    "MAX_FILES",
    "diff_rows",
    "kill_point",
    "latest_version",
    "version_files",
    "read_version",
    "write_changes",
]

#: Delta's periodic checkpoints are Parquet files inside ``_delta_log``: a
#: plain ``documents/**/*.parquet`` glob would read them as data. newsfold
#: keeps every commit as JSON instead.
NO_CHECKPOINTS = PostCommitHookProperties(create_checkpoint=False, cleanup_expired_logs=False)
#: Files a table may have before a run folds them all into one (small files make reads slow).
MAX_FILES = 32
_HASH_SEEDS = (0, 1)  # two 64-bit row hashes: a collision would hide a changed row


@dataclass(frozen=True)
class TableChange:
    """What one run did to one table.

    Attributes:
        version: The table's Delta version after the run (unchanged when nothing changed).
        rows: Rows in the table after the run.
        added: Rows the run added (new or changed rows).
        removed: Rows the run removed (gone or changed rows).
    """

    version: int
    rows: int
    added: int
    removed: int


def delta_table(uri: str, version: int | None = None) -> DeltaTable:
    """The Delta table at ``uri`` (a local path or ``s3://...``), at ``version`` or the latest.

    Example:
        >>> delta_table("output/documents").version()  # doctest: +SKIP
        3
    """
    return DeltaTable(uri, version=version, storage_options=delta_storage_options(uri))


def is_delta_table(uri: str) -> bool:
    """Whether ``uri`` holds a Delta table.

    Example:
        >>> is_delta_table("no-such-table")
        False
    """
    return DeltaTable.is_deltatable(uri, storage_options=delta_storage_options(uri))


def latest_version(uri: str) -> int | None:
    """The newest Delta version of the table at ``uri``, or None when there is none.

    Example:
        >>> latest_version("no-such-table") is None
        True
    """
    if not is_delta_table(uri):
        return None
    return delta_table(uri).version()


def version_files(uri: str, version: int) -> list[str]:
    """Names (relative to the table) of the data files of ``version``, sorted.

    Example:
        >>> version_files("output/documents", 0)  # doctest: +SKIP
        ['part-run_20261202T111457896337Z_181d-611cf132f397.zstd.parquet']
    """
    actions = delta_table(uri, version=version).get_add_actions(flatten=True)
    return sorted(str(path) for path in actions.column("path").to_pylist())


def read_version(
    uri: str, version: int, schema: pl.Schema, *,
    locate: Callable[[str], Sequence[Path | ObjectStorePath]] = lambda name: (),
    with_file: bool = False,
) -> pl.DataFrame:
    """Every row of the table at ``version``, cast to ``schema``.

    Args:
        uri: The table's location.
        version: Delta version to read.
        schema: The table's contract.
        locate: Other places a data file may have been moved to, by file name.
        with_file: Add a ``_file`` column naming each row's data file.

    Raises:
        StoreError: when a data file of that version is nowhere to be found
            (removed by the retention setting).

    Example:
        >>> read_version("output/entities", 0, polars_schema(Entities)).height  # doctest: +SKIP
        15
    """
    frames = []
    for name in version_files(uri, version):
        frame = _read_file(output_location(uri) / name, locate(name)).select(schema.names()).cast(schema)
        frames.append(frame.with_columns(pl.lit(name).alias("_file")) if with_file else frame)
    if not frames:
        empty = pl.DataFrame(schema=schema)
        return empty.with_columns(pl.lit(None, pl.String).alias("_file")) if with_file else empty
    return pl.concat(frames, how="vertical")


def _read_file(path: Path | ObjectStorePath, elsewhere: Sequence[Path | ObjectStorePath]) -> pl.DataFrame:
    # A file may move to the history folder while we look: each place is tried twice.
    for _ in range(2):
        for candidate in (path, *elsewhere):
            try:
                if isinstance(candidate, ObjectStorePath):
                    return pl.read_parquet(candidate.read_bytes())
                return pl.read_parquet(candidate)
            except FileNotFoundError:
                continue
    raise StoreError(f"{path.name} of table {path.parent} is gone: the version is older than the retention setting")


def diff_rows(old: pl.DataFrame, new: pl.DataFrame,
              only: Sequence[str] | None = None) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(rows only in ``old``, rows only in ``new``), counting repeated rows as a multiset.

    Rows are compared whole; with ``only``, just those columns of the differing
    rows are returned (no copy of the other columns).

    Example:
        >>> gone, came = diff_rows(pl.DataFrame({"k": [1, 2]}), pl.DataFrame({"k": [2, 3]}))
        >>> gone["k"].to_list(), came["k"].to_list()
        ([1], [3])
    """
    old_keyed, new_keyed = _row_identity(old, only), _row_identity(new, only)
    identity = ["_h0", "_h1", "_n"]
    gone = old_keyed.join(new_keyed.select(identity), on=identity, how="anti").drop(identity)
    came = new_keyed.join(old_keyed.select(identity), on=identity, how="anti").drop(identity)
    return gone, came


def _row_identity(frame: pl.DataFrame, only: Sequence[str] | None) -> pl.DataFrame:
    # ``only`` chosen before the hashes are added: each new frame holding a long article copies its text.
    rows = columns_of(frame, *(column for column in frame.columns if column != "_file"))
    hashes = {f"_h{i}": rows.hash_rows(seed=seed) for i, seed in enumerate(_HASH_SEEDS)}
    keyed = (frame if only is None else columns_of(frame, *only)).with_columns(**hashes)
    # Repeated rows count as a multiset: each copy numbered. Only when a row repeats: the window over
    # a million rows took 0.75 s where finding that none repeats takes 0.1 s (rows usually have an id).
    if keyed.select(pl.struct("_h0", "_h1").is_duplicated().any()).item():
        return keyed.with_columns(pl.int_range(pl.len()).over("_h0", "_h1").alias("_n"))
    return keyed.with_columns(pl.lit(0, pl.Int64).alias("_n"))


def write_changes(
    uri: str,
    name: str,
    new: pl.DataFrame,
    *,
    schema: pl.Schema,
    key: str,
    sort_by: Sequence[str],
    row_group_column: str | None,
    run_id: str,
    metadata: Mapping[str, str],
    previous_version: int | None,
) -> TableChange:
    """Make the table at ``uri`` hold exactly ``new``, rewriting only what changed.

    Rows are grouped by ``key`` (a doc_id, an entity_id): every file holding a
    row of a key whose rows changed is removed, and one new file holds those
    files' other rows and the new rows of the changed keys. A table whose
    rows did not change gets no commit at all.

    Args:
        uri: The table's location (created when missing).
        name: Table name, stamped in the files' metadata.
        new: The table's full new content.
        schema: Its contract.
        key: Column grouping the rows.
        sort_by: Row order within a written file.
        row_group_column: When set, one row group per value of this column
            (files are sorted by it first).
        run_id: This run, in the Delta commit's metadata and the file's name.
        metadata: Key/values stored in the Parquet file's schema metadata.
        previous_version: The table's version the dataset points to now
            (None when the table does not exist yet); the latest version must
            hold the same files (it may be a restore of it).

    Example:
        >>> write_changes("output/runs", "runs", runs, schema=polars_schema(Runs), key="run_id",
        ...               sort_by=["started_at"], row_group_column=None, run_id="run_x", metadata={},
        ...               previous_version=3).added  # doctest: +SKIP
        1
    """
    if new.schema != schema:  # each new frame holding a long article copies its text: none when it is in shape
        new = new.select(schema.names()).cast(schema)
    if previous_version is None:
        old = pl.DataFrame(schema=schema).with_columns(pl.lit(None, pl.String).alias("_file"))
    else:
        old = read_version(uri, previous_version, schema, with_file=True)
    # Only the keys of the changed rows, not the rows: a long text's table copied once more here would be
    # hundreds of MB at the run's peak (docs/benchmarks.md, "One very long text").
    gone_keys, came_keys = diff_rows(old, new, only=[key])
    if previous_version is not None and gone_keys.height == 0 and came_keys.height == 0:
        return TableChange(previous_version, new.height, 0, 0)
    removed, added = gone_keys.height, came_keys.height
    changed_keys = pl.concat([gone_keys, came_keys]).unique()
    del gone_keys, came_keys
    is_changed = pl.col(key).is_in(changed_keys[key].drop_nulls().implode())
    if changed_keys[key].null_count():
        is_changed = is_changed | pl.col(key).is_null()
    files = old["_file"].drop_nulls().unique().sort().to_list()
    touched = old.filter(is_changed)["_file"].unique().to_list()
    if len(files) - len(touched) + 1 > MAX_FILES:
        touched = files
    kept = old.filter(pl.col("_file").is_in(touched) & ~is_changed).drop("_file")
    del old
    changed_rows = new.select(is_changed.alias("changed")).to_series()
    # Every row changed (a new table, a first run): the frame itself, not a filtered copy of it.
    fresh = new if changed_rows.all() else new.filter(changed_rows)
    written = fresh if kept.height == 0 else pl.concat([kept, fresh], how="vertical")
    del kept, fresh, changed_rows
    if written.height == 0 and len(touched) < len(files):
        adds = []  # rows only removed, other files remain
    else:
        adds = [_write_file(output_location(uri), written, name, sort_by, row_group_column, run_id, metadata)]
    kill_point(f"wrote {name}")
    removes = [RemoveAction(path, True, int(time.time() * 1000)) for path in touched]
    commit = CommitProperties(custom_metadata={"newsfold.run_id": run_id})
    arrow_schema = pl.DataFrame(schema=schema).to_arrow(compat_level=pl.CompatLevel.oldest()).schema
    if previous_version is None:
        if is_delta_table(uri):
            raise StoreError(f"{uri} already holds a Delta table that the dataset does not name")
        create_table_with_add_actions(uri, Schema.from_arrow(arrow_schema), adds, mode="error",
                                      commit_properties=commit, post_commithook_properties=NO_CHECKPOINTS,
                                      storage_options=delta_storage_options(uri))
    else:
        table = delta_table(uri)
        # After a restore the latest version differs in number only: the same files.
        if table.version() != previous_version and set(version_files(uri, table.version())) != set(files):
            raise StoreError(f"{uri} is at version {table.version()}, ahead of {previous_version}: restore it first")
        table.create_write_transaction([*removes, *adds], mode="append", schema=arrow_schema,
                                       commit_properties=commit, post_commithook_properties=NO_CHECKPOINTS)
    return TableChange(delta_table(uri).version(), new.height, added, removed)


def _write_file(directory: Path | ObjectStorePath, frame: pl.DataFrame, name: str, sort_by: Sequence[str],
                row_group_column: str | None, run_id: str, metadata: Mapping[str, str]) -> AddAction:
    order = [row_group_column, *sort_by] if row_group_column else list(sort_by)
    # The rows in order through an index, a slice at a time: neither a sorted copy of the whole table nor a
    # whole Arrow copy of it is ever held (a long text's tables are hundreds of MB each).
    # The same order as ``frame.sort(order, nulls_last=True)``, ties included (tests/test_store.py).
    order_index = row_order(frame, order)  # None: the rows are in order already, and are sliced, not gathered
    schema_table = frame.head(0).to_arrow(compat_level=pl.CompatLevel.oldest())
    schema = schema_table.schema.with_metadata({**(schema_table.schema.metadata or {}), **metadata, "newsfold.table": name})
    directory.mkdir(parents=True, exist_ok=True)
    file_name = f"part-{run_id}-{uuid.uuid4().hex[:12]}.zstd.parquet"
    path = directory / file_name
    if row_group_column is None or frame.height == 0:
        groups = [frame.height]
    else:  # one row group per value
        years = pl.col(row_group_column) if order_index is None else pl.col(row_group_column).gather(order_index)
        groups = frame.select(years.rle()).to_series().struct.field("len").to_list()
    # On object storage the file is uploaded while written and appears whole when closed.
    with contextlib.ExitStack() as stack:
        sink = stack.enter_context(path.open("wb")) if isinstance(path, ObjectStorePath) else path
        whole_texts = WHOLE_TEXT_COLUMNS.get(name, ())
        with pq.ParquetWriter(sink, schema, compression="zstd",
                              write_statistics=[c for c in frame.columns if c not in whole_texts]) as writer:
            if frame.height == 0:
                writer.write_table(schema_table.replace_schema_metadata(schema.metadata))
            start = 0
            for length in groups:
                # Pieces of at most the writer's own row group size: the row groups are those one write of the
                # whole group made.
                for offset in range(start, start + length, _ROW_GROUP_ROWS):
                    size = min(_ROW_GROUP_ROWS, start + length - offset)
                    # A gather copies a long article's text; rows in order need none.
                    ordered = (frame.slice(offset, size) if order_index is None
                               else frame.select(pl.all().gather(order_index.slice(offset, size))))
                    piece = ordered.to_arrow(compat_level=pl.CompatLevel.oldest())
                    del ordered
                    writer.write_table(piece.replace_schema_metadata(schema.metadata))
                    del piece
                start += length
    # Arrow's allocator keeps what the writer freed (260 MB after a 50 MB article's file) for reuse by
    # Arrow, which the next stages hardly use: the system gets it back.
    pa.default_memory_pool().release_unused()
    stats = {"numRecords": frame.height}
    if isinstance(path, ObjectStorePath):
        return AddAction(file_name, path.size(), {}, int(time.time() * 1000), True, json.dumps(stats))
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())
    stat = path.stat()
    return AddAction(file_name, stat.st_size, {}, int(stat.st_mtime * 1000), True, json.dumps(stats))


#: Rows of a row group when pyarrow is left to choose (``write_table``'s default): a piece written at a time.
_ROW_GROUP_ROWS = 1024 * 1024


def kill_point(step: str) -> None:
    """Let the kill tests stop the process at a named step of a commit.

    With ``NEWSFOLD_TEST_KILL_AT=<step>`` in the environment the process
    kills itself (SIGKILL) there; otherwise this does nothing.

    Example:
        >>> kill_point("committed documents")  # no variable set: returns
    """
    if os.environ.get("NEWSFOLD_TEST_KILL_AT") == step:
        os.kill(os.getpid(), signal.SIGKILL)
