"""The dataset on disk: one Delta Lake table per table, committed together.

Layout of an output directory::

    output/
      documents -> .newsfold/views/documents/<version>
      mentions  -> ...           (one link per name in schemas.TABLES: what
                                 plain Parquet readers read, see newsfold.table_views)
      .newsfold/
        tables/<table>/          a Delta Lake table: _delta_log/ and Parquet files
        views/<table>/<version>/ hard links to one version's files, a one-version log
        manifest/                Delta table: the inputs the dataset reflects
        commits/                 Delta table: one row per committed run, naming
                                 the version of every table (the pointer)
        history/<run>/<table>/   files that run removed, kept for older versions
        memo/                    per-spelling and per-article results kept for the
                                 next run (newsfold.memo): a cache, not the dataset
        committing               present while a run commits
        lock

A run writes each table by difference (:mod:`newsfold.delta_tables`): one
Delta commit per table that changed, removing the files holding changed rows
and adding one file with their new content. Tables are committed one after
the other, so the pointer is what makes a run atomic: the run's row in
``commits`` is appended last, and every newsfold reader reads each table at
the version the last row names. A run killed before that row leaves tables
ahead of the pointer, invisible to newsfold's readers; the ``committing``
marker it wrote first makes the next run (under the lock, before anything
else) restore them to the pointed versions.

Plain Parquet readers: after the pointer commit, each ``output/<table>`` link
is switched to a view of the new version (:mod:`newsfold.table_views`), so a
plain ``read_parquet('output/documents/**/*.parquet')`` reads one whole
version at any moment, a killed run's tables included. Files that the new
versions no longer reference then move out of the Delta directories into
``.newsfold/history/<run>/<table>/``; ``read_table(..., version=N)`` finds
them there, and a retention setting (``keep_runs``) bounds how many runs stay
readable and deletes the files none of them needs. Delta checkpoints are
never written (each commit stays a JSON file in the log).

Outputs of two earlier layouts are converted by the next run: snapshot
directories behind ``.newsfold/current`` (before Delta Lake), and Delta tables
directly in ``output/<table>`` (before views).

On object storage (``out`` is ``s3://bucket/prefix``, see
:mod:`newsfold.object_store`) the layout is the same; the lock is an object
created by a conditional PUT, "moving" a file is a copy and a delete, and
there is nothing to fsync. What only a local directory has stays behind
:func:`_local_lock`, :func:`_move_file`, :func:`_remove_tree` and
:func:`_fsync_directory`.

``documents`` is sorted by ``published_year`` within each file, with one row
group per year, so a reader filtering on the year skips the others by their
statistics.

Example:
    >>> snapshot = current_snapshot(Path("output"))  # doctest: +SKIP
    >>> snapshot.read_table("mentions").columns[:3]  # doctest: +SKIP
    ['doc_id', 'mention_id', 'sentence_index']
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import os
import shutil
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl
import pyarrow.parquet as pq

from newsfold.delta_tables import kill_point
from newsfold.errors import StoreError
from newsfold.object_store import ObjectStorePath, is_object_store, object_store_lock, output_location, remove_tree
from newsfold.table_views import drop_views_except, publish_view, view_version
from schemas import CHANGE_KEYS, SORT_KEYS, TABLES, polars_schema

__all__ = [
    "COMMITS_SCHEMA",
    "DEFAULT_KEEP_RUNS",
    "MANIFEST_SCHEMA",
    "ROW_GROUP_COLUMNS",
    "Snapshot",
    "commit_snapshot",
    "current_snapshot",
    "list_commits",
    "summarise_history",
    "needs_repair",
    "output_lock",
    "read_table_dir",
    "repair_output",
    "snapshot_at",
]

STATE_DIR = ".newsfold"
#: Runs whose tables stay readable by ``read_table(..., version=N)``, the current one included.
DEFAULT_KEEP_RUNS = 10
#: Tables written sorted by a column with one row group per value, and that column.
ROW_GROUP_COLUMNS: Mapping[str, str] = {"documents": "published_year"}

#: One row per input the snapshot reflects: a file that was read, or a file
#: refused at discovery (status holds its error code).
MANIFEST_SCHEMA = pl.Schema(
    {"path": pl.String, "sha256": pl.String, "size": pl.Int64, "status": pl.String}
)
_MANIFEST = "_manifest"  # its name among the versions a commit names
_TABLE_CHANGE = pl.Struct(
    {"table": pl.String, "version": pl.Int64, "rows": pl.Int64, "added": pl.Int64, "removed": pl.Int64}
)
#: One row per committed run: the pointer to every table's version.
COMMITS_SCHEMA = pl.Schema(
    {
        "sequence": pl.Int64,
        "run_id": pl.String,
        "committed_at": pl.Datetime("us", "UTC"),
        "schema_version": pl.String,
        "pipeline_version": pl.String,
        "oldest_kept": pl.Int64,
        "tables": pl.List(_TABLE_CHANGE),
    }
)
# Pre-Delta layout: immutable snapshot directories behind a symlink.
_LEGACY_CURRENT = "current"
_LEGACY_MANIFEST_FILE = "_manifest.parquet"


#: A local output directory, or one on object storage.
Location = Path | ObjectStorePath


def _state(out: Location) -> Location:
    return out / STATE_DIR


def _table_uri(out: Location, name: str) -> str:
    # Strings, not Paths, reach deltalake: an object store URI can follow.
    return str(_table_location(out, name))


def _table_location(out: Location, name: str) -> Location:
    """Where table ``name``'s Delta Lake directory is.

    On a local disk under ``.newsfold/tables/`` (``out/<table>`` is the view
    plain readers read, see :mod:`newsfold.table_views`); on object storage,
    which has no links, at ``out/<table>`` itself.
    """
    if name == _MANIFEST:
        return _state(out) / "manifest"
    if not isinstance(out, Path):
        return out / name
    table = _state(out) / "tables" / name
    earlier = out / name  # where outputs written before the views kept it, until a run moves it
    if not table.exists() and earlier.is_dir() and not earlier.is_symlink():
        return earlier
    return table


def _views(out: Path, name: str) -> Path:
    return _state(out) / "views" / name


def _history(out: Location) -> Location:
    return _state(out) / "history"


@dataclass(frozen=True)
class Snapshot:
    """One committed version of the dataset: every table at the version a run left it.

    Attributes:
        out: The output directory (a Path, or an ObjectStorePath for ``s3://``).
        version: The id of the run that committed it.
        sequence: Its number among the committed runs (0 for the first).
        table_versions: Delta version of each table (``_manifest``: the inputs).
        legacy_root: For an output written before Delta Lake, its snapshot directory.
    """

    out: Location
    version: str
    sequence: int = 0
    table_versions: Mapping[str, int] = field(default_factory=dict)
    legacy_root: Path | None = None

    def table_files(self, name: str) -> list[Location]:
        """The Parquet files holding table ``name`` in this snapshot.

        Example:
            >>> current_snapshot(Path("output")).table_files("documents")[0].suffix  # doctest: +SKIP
            '.parquet'
        """
        if self.legacy_root is not None:
            return sorted((self.legacy_root / name).rglob("*.parquet"))
        from newsfold.delta_tables import version_files

        uri = _table_uri(self.out, name)
        files = []
        for file_name in version_files(uri, self._version_of(name)):
            path = _table_location(self.out, name) / file_name
            if not path.exists():
                path = next(iter(self._elsewhere(name)(file_name)), path)
            files.append(path)
        return files

    def read_table(self, name: str) -> pl.DataFrame:
        """Read table ``name`` of this snapshot with its contract's dtypes, in its canonical order.

        Example:
            >>> current_snapshot(Path("output")).read_table("documents").height  # doctest: +SKIP
            2
        """
        if self.legacy_root is not None:
            return read_table_dir(self.legacy_root / name, name)
        from newsfold.delta_tables import read_version

        frame = read_version(_table_uri(self.out, name), self._version_of(name), polars_schema(TABLES[name]),
                             locate=self._elsewhere(name))
        return frame.sort(SORT_KEYS[name], nulls_last=True)

    def scan_table(self, name: str) -> pl.LazyFrame:
        """Table ``name`` as a lazy frame over its files (only the columns a query uses are read).

        Example:
            >>> current_snapshot(Path("output")).scan_table("runs").select(pl.len()).collect().item()  # doctest: +SKIP
            2
        """
        if is_object_store(self.out):
            return pl.scan_pyarrow_dataset(self.arrow_dataset(name))
        return pl.scan_parquet([str(path) for path in self.table_files(name)], hive_partitioning=False)

    def arrow_dataset(self, name: str):
        """Table ``name`` as a ``pyarrow.dataset.Dataset`` over its files, local or on object storage.

        DuckDB and Polars scan it lazily, and no reader extension is downloaded.

        Example:
            >>> current_snapshot("s3://news/out").arrow_dataset("runs").count_rows()  # doctest: +SKIP
            2
        """
        import pyarrow.dataset as ds

        files = self.table_files(name)
        if not is_object_store(self.out):
            return ds.dataset([str(path) for path in files], format="parquet")
        from pyarrow.fs import FSSpecHandler, PyFileSystem

        from newsfold.object_store import s3_filesystem

        return ds.dataset([path.key for path in files], format="parquet",
                          filesystem=PyFileSystem(FSSpecHandler(s3_filesystem())))

    def read_manifest(self) -> pl.DataFrame:
        """The inputs this snapshot was built from."""
        if self.legacy_root is not None:
            return pl.read_parquet(self.legacy_root / _LEGACY_MANIFEST_FILE).cast(MANIFEST_SCHEMA)
        from newsfold.delta_tables import read_version

        frame = read_version(_table_uri(self.out, _MANIFEST), self._version_of(_MANIFEST), MANIFEST_SCHEMA,
                             locate=self._elsewhere(_MANIFEST))
        return frame.sort("path", "status")

    def _version_of(self, name: str) -> int:
        if name not in self.table_versions:
            raise StoreError(f"snapshot {self.version} of {self.out} has no table {name!r}")
        return self.table_versions[name]

    def _elsewhere(self, name: str):
        history = _history(self.out)
        return lambda file_name: sorted(history.glob(f"*/{name}/{file_name}"))


def read_table_dir(directory: Path, name: str) -> pl.DataFrame:
    """Read a table directory of the pre-Delta layout into its contract's columns.

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


def list_commits(out: Location | str) -> pl.DataFrame:
    """Every committed run of ``out``, oldest first, with :data:`COMMITS_SCHEMA` (empty when none).

    Example:
        >>> list_commits(Path("no-such-output")).height
        0
    """
    from newsfold.delta_tables import delta_table, is_delta_table

    uri = str(_state(output_location(out)) / "commits")
    if not is_delta_table(uri):
        return pl.DataFrame(schema=COMMITS_SCHEMA)
    for attempt in range(3):
        try:
            frame = pl.from_arrow(delta_table(uri).to_pyarrow_table())
            break
        except Exception as exc:  # noqa: BLE001 - a file deleted by a commit between listing and reading
            if attempt == 2:
                raise StoreError(f"cannot read the commits of {out}: {exc}") from exc
            time.sleep(0.05)
    return frame.select(COMMITS_SCHEMA.names()).cast(COMMITS_SCHEMA).sort("sequence")


def summarise_history(commits: pl.DataFrame) -> pl.DataFrame:
    """One line per committed run, newest first: what ``newsfold history`` prints.

    Returns:
        ``run, run_id, committed_at, kept, rows_added, rows_removed, tables``:
        ``run`` is the number ``read_table(..., version=N)`` takes, ``kept``
        whether its tables can still be read, the row counts add up every
        table, and ``tables`` names each table the run changed with its new
        Delta version (``documents@3``).

    Example:
        >>> summarise_history(pl.DataFrame(schema=COMMITS_SCHEMA)).columns[:3]
        ['run', 'run_id', 'committed_at']
    """
    oldest_kept = commits["oldest_kept"][-1] if commits.height else 0
    changes = commits.select("sequence", "tables").explode("tables").unnest("tables")
    changes = changes.filter(pl.col("table") != _MANIFEST)
    per_run = changes.group_by("sequence").agg(
        pl.col("added").sum().alias("rows_added"),
        pl.col("removed").sum().alias("rows_removed"),
        pl.concat_str(pl.col("table"), pl.lit("@"), pl.col("version").cast(pl.String))
        .filter((pl.col("added") > 0) | (pl.col("removed") > 0))
        .str.join(" ")
        .alias("tables"),
    )
    return (
        commits.select(pl.col("sequence").alias("run"), "run_id", "committed_at",
                       (pl.col("sequence") >= oldest_kept).alias("kept"))
        .join(per_run.rename({"sequence": "run"}), on="run", how="left")
        .sort("run", descending=True)
    )


def _snapshot_from(out: Location, row: Mapping) -> Snapshot:
    versions = {item["table"]: item["version"] for item in row["tables"]}
    return Snapshot(out=out, version=row["run_id"], sequence=row["sequence"], table_versions=versions)


def current_snapshot(out: Location | str) -> Snapshot | None:
    """The snapshot the last committed run of ``out`` left, or None for a new dataset.

    An output written before Delta Lake is read as it is until a run converts it.
    """
    out = output_location(out)
    commits = list_commits(out)
    if commits.height:
        return _snapshot_from(out, commits.row(-1, named=True))
    pointer = _state(out) / _LEGACY_CURRENT
    if not pointer.is_symlink():
        return None
    target = (pointer.parent / os.readlink(pointer)).resolve()
    if not target.is_dir():
        raise StoreError(f"{pointer} points to {target}, which is missing; the dataset is damaged")
    return Snapshot(out=out, version=target.name, legacy_root=target)


def snapshot_at(out: Location | str, version: int | str) -> Snapshot:
    """The snapshot committed by run number ``version`` (as ``newsfold history`` lists) or by that run id.

    Raises:
        StoreError: when no such run was committed, or its files are no longer kept.

    Example:
        >>> snapshot_at(Path("output"), 0).read_table("documents").height  # doctest: +SKIP
        2
    """
    out = output_location(out)
    commits = list_commits(out)
    column = "run_id" if isinstance(version, str) else "sequence"
    found = commits.filter(pl.col(column) == version)
    if found.height == 0:
        raise StoreError(f"{out} has no committed run {version!r}; `newsfold history {out}` lists them")
    row = found.row(0, named=True)
    oldest_kept = commits["oldest_kept"][-1]
    if row["sequence"] < oldest_kept:
        raise StoreError(f"run {row['sequence']} ({row['run_id']}) of {out} is older than the runs kept "
                         f"(from {oldest_kept} on; see --keep-runs)")
    return _snapshot_from(out, row)


@contextlib.contextmanager
def output_lock(out: Location | str, *, wait_seconds: float = 0.0) -> Iterator[None]:
    """Hold an exclusive lock on ``out`` so two runs never write it at once.

    Locally an ``fcntl`` lock (:func:`_local_lock`); on object storage a lock
    object created by a conditional PUT (:func:`newsfold.object_store.object_store_lock`).

    Args:
        out: Output root.
        wait_seconds: How long to wait for another run to finish first (a
            scheduled run may start while the previous one is still going).

    Raises:
        StoreError: when another process still holds the lock after the wait.
    """
    out = output_location(out)
    if isinstance(out, ObjectStorePath):
        with object_store_lock(_state(out) / "lock", wait_seconds=wait_seconds):
            yield
        return
    with _local_lock(out, wait_seconds=wait_seconds):
        yield


@contextlib.contextmanager
def _local_lock(out: Path, *, wait_seconds: float) -> Iterator[None]:
    """An ``fcntl`` lock on ``.newsfold/lock``.

    The lock file is created once and then only opened for reading (an
    advisory lock needs no write access), so a run that finds nothing new
    writes nothing and succeeds on a read-only output directory.
    """
    state = _state(out)
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


def needs_repair(out: Location | str) -> bool:
    """True when ``out`` must be converted or repaired by a run before it is up to date.

    That is an output of the pre-Delta layout or of the Delta layout before
    views (tables directly in ``out``), or one whose last run was killed while
    committing (tables ahead of the pointer, views not switched). Cheap: a few
    file checks.
    """
    out = output_location(out)
    state = _state(out)
    if (state / "committing").exists() or (state / _LEGACY_CURRENT).is_symlink():
        return True
    if not isinstance(out, Path):
        return False
    if any(_is_unmoved_table(out, name) for name in TABLES):
        return True
    # a conversion killed between dropping the old links and publishing the views
    return (state / "commits").is_dir() and _views_missing(out)


def _views_missing(out: Location) -> bool:
    """True when some ``out/<table>`` link plain readers read is not there (a conversion moved it away)."""
    return isinstance(out, Path) and not all((out / name).is_symlink() for name in TABLES)


def _is_unmoved_table(out: Location, name: str) -> bool:
    path = out / name
    return (isinstance(out, Path) and path.is_dir() and not path.is_symlink()
            and (path / "_delta_log").is_dir())


def repair_output(out: Location | str) -> None:
    """Convert a pre-Delta output and undo what a killed commit left. Call under :func:`output_lock`.

    Idempotent, and safe to kill at any moment: what it did not finish, the
    next call does.

    Example:
        >>> with output_lock(Path("output")):  # doctest: +SKIP
        ...     repair_output(Path("output"))
    """
    out = output_location(out)
    state = _state(out)
    if (state / _LEGACY_CURRENT).is_symlink():
        if list_commits(out).height:  # converted, then killed before the old snapshots were deleted
            _drop_legacy(out)
        else:
            _migrate_legacy(out)
    for name in TABLES:
        if _is_unmoved_table(out, name):  # the layout before views: the Delta table moves under .newsfold
            (state / "tables").mkdir(parents=True, exist_ok=True)
            os.replace(out / name, state / "tables" / name)
            kill_point(f"moved {name} under .newsfold")
    marker = state / "committing"
    if not marker.exists():
        if _views_missing(out):  # after a conversion; otherwise the links are the pointer's already
            pointer = current_snapshot(out)
            if pointer is not None and pointer.legacy_root is None:
                _publish_views(out, pointer)
        return
    from newsfold.delta_tables import NO_CHECKPOINTS, delta_table, latest_version

    pointer = current_snapshot(out)
    pointed = dict(pointer.table_versions) if pointer and pointer.legacy_root is None else {}
    for name in [*TABLES, _MANIFEST]:
        uri = _table_uri(out, name)
        latest = latest_version(uri)
        if latest is None or latest == pointed.get(name):
            continue
        if name not in pointed:  # created by the killed run: no committed run names it
            _remove_tree(_table_location(out, name))
        else:
            delta_table(uri).restore(pointed[name], post_commithook_properties=NO_CHECKPOINTS)
    if pointer is not None and pointer.legacy_root is None:
        _publish_views(out, pointer)
        _move_unreferenced(out, pointer)
    marker.unlink()
    _fsync_directory(state)


def commit_snapshot(
    out: Location | str,
    tables: Mapping[str, pl.DataFrame],
    manifest: pl.DataFrame,
    *,
    version: str,
    metadata: Mapping[str, str],
    keep_runs: int = DEFAULT_KEEP_RUNS,
) -> Snapshot:
    """Make ``tables`` the dataset's current content, atomically, writing only what changed.

    Call under :func:`output_lock`.

    Args:
        out: Output root.
        tables: One frame per name in :data:`schemas.TABLES`, already validated.
        manifest: Inputs reflected, with :data:`MANIFEST_SCHEMA`.
        version: The committing run's id (unique per run).
        metadata: Key/values stored in every Parquet file's schema metadata.
        keep_runs: Runs whose tables stay readable, this one included (at least 1).

    Returns:
        The new current snapshot.
    """
    from newsfold.delta_tables import write_changes

    out = output_location(out)
    missing = set(TABLES) - set(tables)
    if missing:
        raise StoreError(f"cannot commit without tables: {sorted(missing)}")
    if keep_runs < 1:
        raise StoreError(f"keep_runs must be at least 1 (the current run), not {keep_runs}")
    _state(out).mkdir(parents=True, exist_ok=True)
    repair_output(out)
    previous = current_snapshot(out)
    previous_versions = dict(previous.table_versions) if previous else {}
    _refuse_foreign_directories(out, previous_versions)
    commits = list_commits(out)
    if version in commits["run_id"].to_list():
        raise StoreError(f"run {version} is already committed in {out}")
    state = _state(out)
    _write_marker(state / "committing", version)
    kill_point("marker written")
    changes = {}
    for name in [*TABLES, _MANIFEST]:
        if name == _MANIFEST:
            frame, schema, key, sort_by = manifest, MANIFEST_SCHEMA, "path", ["path", "status"]
        else:
            frame, schema = tables[name], polars_schema(TABLES[name])
            key, sort_by = CHANGE_KEYS[name], SORT_KEYS[name]
        changes[name] = write_changes(
            _table_uri(out, name), name, frame, schema=schema, key=key, sort_by=sort_by,
            row_group_column=ROW_GROUP_COLUMNS.get(name), run_id=version, metadata=metadata,
            previous_version=previous_versions.get(name),
        )
        kill_point(f"committed {name}")
    sequence = commits["sequence"][-1] + 1 if commits.height else 0
    row = {
        "sequence": sequence,
        "run_id": version,
        "committed_at": dt.datetime.now(dt.timezone.utc),
        "schema_version": metadata.get("newsfold.schema_version", ""),
        "pipeline_version": metadata.get("newsfold.pipeline_version", ""),
        "oldest_kept": max(sequence - keep_runs + 1, 0),
        "tables": [{"table": name, "version": change.version, "rows": change.rows, "added": change.added,
                    "removed": change.removed} for name, change in changes.items()],
    }
    _append_commit(out, row)  # the moment the run becomes visible
    kill_point("pointer committed")
    snapshot = _snapshot_from(out, row)
    _publish_views(out, snapshot)  # the moment plain Parquet readers see it
    kill_point("views switched")
    _move_unreferenced(out, snapshot)
    kill_point("moved unreferenced files")
    commits = list_commits(out)
    _drop_unkept_history(out, commits)
    _drop_old_views(out, commits)
    (state / "committing").unlink()
    _fsync_directory(state)
    return snapshot


def _append_commit(out: Location, row: Mapping) -> None:
    """Add ``row`` to the pointer table in one Delta commit: the moment a run becomes visible.

    The table is rewritten whole (it has a row per run, a few hundred bytes
    each), so a reader reads one small file however many runs there were;
    the files of earlier versions are then deleted (a reader that listed one
    of them a moment before reads again: see :func:`list_commits`).
    """
    from deltalake import write_deltalake

    from newsfold.delta_tables import delta_storage_options, delta_table

    uri = str(_state(out) / "commits")
    frame = pl.concat([list_commits(out), pl.DataFrame([row], schema=COMMITS_SCHEMA)], how="vertical")
    write_deltalake(uri, frame.to_arrow(compat_level=pl.CompatLevel.oldest()), mode="overwrite",
                    storage_options=delta_storage_options(uri))
    kill_point("pointer committed, its old file not deleted")
    delta_table(uri).vacuum(retention_hours=0, enforce_retention_duration=False, dry_run=False)


def _refuse_foreign_directories(out: Location, previous_versions: Mapping[str, int]) -> None:
    from newsfold.delta_tables import is_delta_table

    for name in TABLES:
        path = out / name
        if not (path.exists() or path.is_symlink()):
            continue
        if isinstance(out, Path):
            ours = view_version(path, _views(out, name)) is not None
        else:
            ours = is_delta_table(str(path))
        if not ours or name not in previous_versions:
            raise StoreError(f"{path} exists and is not newsfold's table {name!r}; move it away and run again")


def _publish_views(out: Location, snapshot: Snapshot) -> None:
    """Switch each ``out/<table>`` link to the view of the table's version in ``snapshot`` (local disks only)."""
    if not isinstance(out, Path):
        return
    for name in TABLES:
        if publish_view(out / name, _table_uri(out, name), snapshot.table_versions[name], _views(out, name)):
            kill_point(f"switched {name}")
    _fsync_directory(out)


def _drop_old_views(out: Location, commits: pl.DataFrame) -> None:
    """Delete views older than the one each table showed before the last run.

    That one stays a run longer: a plain reader may have listed its files just
    before the switch and still be opening them.
    """
    if not isinstance(out, Path):
        return
    shown = [{item["table"]: item["version"] for item in tables} for tables in commits["tables"][-2:]]
    for name in TABLES:
        drop_views_except(_views(out, name), {versions[name] for versions in shown if name in versions})


def _move_unreferenced(out: Location, snapshot: Snapshot) -> None:
    """Move data files that ``snapshot`` does not use out of the table directories.

    They go to ``.newsfold/history/<run>/<table>/`` (the run that stopped
    using them), where reads of older versions find them.
    """
    from newsfold.delta_tables import version_files

    for name, table_version in snapshot.table_versions.items():
        directory = _table_location(out, name)
        referenced = set(version_files(str(directory), table_version))
        for path in sorted(directory.glob("*.parquet")):
            if path.name in referenced:
                continue
            target = _history(out) / snapshot.version / name
            target.mkdir(parents=True, exist_ok=True)
            _move_file(path, target / path.name)
        _fsync_directory(directory)


def _drop_unkept_history(out: Location, commits: pl.DataFrame) -> None:
    """Delete the files that no kept run reads.

    ``history/<run>/`` holds what that run stopped using, which only the runs
    before it read: it goes once the run before it is older than the oldest kept.
    """
    history = _history(out)
    if not history.is_dir() or commits.height == 0:
        return
    oldest_kept = commits["oldest_kept"][-1]
    needed = set(commits.filter(pl.col("sequence") > oldest_kept)["run_id"].to_list())
    for entry in history.iterdir():
        if entry.name not in needed:
            _remove_tree(entry)


def _migrate_legacy(out: Path) -> None:
    """Convert the pre-Delta layout (snapshot directories behind ``.newsfold/current``) in place.

    Each table's directory link is replaced by a Delta table holding the same
    rows, then one commit names them; only then are the old snapshots deleted.
    Until that commit, readers still read the old snapshot.
    """
    from newsfold.delta_tables import write_changes

    legacy = current_snapshot(out)
    assert legacy is not None and legacy.legacy_root is not None
    first_file = next(iter(legacy.table_files("runs")), None)
    old_metadata = {key.decode(): value.decode() for key, value in
                    ((pq.read_schema(first_file).metadata or {}) if first_file else {}).items()
                    if key.startswith(b"newsfold.") and key != b"newsfold.table"}
    changes = {}
    for name in [*TABLES, _MANIFEST]:
        link = out / name
        if name != _MANIFEST and link.is_symlink() and view_version(link, _views(out, name)) is None:
            link.unlink()  # the old layout's link into its snapshot; the view replaces it
        path = Path(_table_uri(out, name))
        if path.exists():
            from deltalake import DeltaTable

            if not DeltaTable.is_deltatable(str(path)):
                raise StoreError(f"{path} exists and is not newsfold's table {name!r}; move it away and run again")
            shutil.rmtree(path)  # a conversion killed half-way
        if name == _MANIFEST:
            frame, schema, key, sort_by = legacy.read_manifest(), MANIFEST_SCHEMA, "path", ["path", "status"]
        else:
            frame, schema = legacy.read_table(name), polars_schema(TABLES[name])
            key, sort_by = CHANGE_KEYS[name], SORT_KEYS[name]
        changes[name] = write_changes(str(path), name, frame, schema=schema, key=key, sort_by=sort_by,
                                      row_group_column=ROW_GROUP_COLUMNS.get(name), run_id=legacy.version,
                                      metadata=old_metadata, previous_version=None)
        kill_point(f"converted {name}")
    _append_commit(out, {
        "sequence": 0, "run_id": legacy.version, "committed_at": dt.datetime.now(dt.timezone.utc),
        "schema_version": old_metadata.get("newsfold.schema_version", ""),
        "pipeline_version": old_metadata.get("newsfold.pipeline_version", ""), "oldest_kept": 0,
        "tables": [{"table": name, "version": change.version, "rows": change.rows, "added": change.added,
                    "removed": 0} for name, change in changes.items()],
    })
    kill_point("converted, old snapshots not deleted")
    _drop_legacy(out)
    # (the views are published by repair_output right after)


def _drop_legacy(out: Path) -> None:
    (_state(out) / _LEGACY_CURRENT).unlink()
    shutil.rmtree(_state(out) / "versions", ignore_errors=True)


def _write_marker(path: Location, text: str) -> None:
    if isinstance(path, ObjectStorePath):
        path.write_text(text)  # one PUT: the object appears whole
        return
    temporary = path.with_suffix(".tmp")
    temporary.write_text(text, encoding="utf-8")
    with open(temporary, "rb") as handle:
        os.fsync(handle.fileno())
    os.replace(temporary, path)
    _fsync_directory(path.parent)


def _move_file(source: Location, target: Location) -> None:
    """Move one data file: a rename on a local disk, a copy and a delete on object storage."""
    if isinstance(source, ObjectStorePath):
        source.move_to(target)
    else:
        os.replace(source, target)


def _remove_tree(path: Location) -> None:
    """Delete a directory and all it holds (on object storage: every object under the prefix)."""
    if isinstance(path, ObjectStorePath):
        remove_tree(path)
    else:
        shutil.rmtree(path)


def _fsync_directory(directory: Location) -> None:
    """Make a local directory's entries durable; object storage has no directories to sync."""
    if isinstance(directory, ObjectStorePath):
        return
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
