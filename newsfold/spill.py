"""Rows (and other large results) kept on disk while the run needs its memory elsewhere, read back later.

The workers' results arrive in this process one chunk (or one section of a
long article) at a time. Held as frames, they grow this process by about
10 MB per MB of text analysed, beside workers that are still running; written
to Parquet as they arrive and scanned back lazily, they cost nothing until
they are collected, by then without the workers (docs/benchmarks.md, "One
very long text"). The gazetteer's child process writes the gazetteer into one
too (:func:`newsfold.geo.gazetteer.gazetteer_built_early`).

The directory is the run's own (:func:`spill_directory`): it holds a lock on
it while it lives, so a run killed with SIGKILL (which removes nothing) leaves
a directory whose lock is free, and the next run removes it before making its
own (:func:`sweep_stale_spill_directories`). A directory another live run
holds is never touched.

Example:
    >>> import tempfile
    >>> frame = pl.DataFrame({"doc_id": ["doc_a"], "start": [0]})
    >>> with tempfile.TemporaryDirectory() as directory:
    ...     spill_frame(frame, directory).collect().equals(frame)
    True
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import polars as pl

__all__ = ["SPILL_PREFIX", "spill_directory", "spill_frame", "sweep_stale_spill_directories"]

#: Name prefix of the spill directories, in the system's temporary directory; the owner's process id follows.
SPILL_PREFIX = "newsfold-rows-"
# A directory is made under this name, locked, then renamed: one named SPILL_PREFIX is locked from its first moment.
_STAGING_PREFIX = "newsfold-rows.new-"
# Only directories named so are swept: "newsfold-rows-<pid>-<random>". Older versions made "newsfold-rows-<random>"
# without a lock; whether their run still lives cannot be told, so they are left alone.
_SWEPT_NAME = re.compile(re.escape(SPILL_PREFIX) + r"[0-9]+-[a-z0-9_]+")


@contextlib.contextmanager
def spill_directory(parent: str | os.PathLike[str] | None = None) -> Iterator[str]:
    """A new directory for spilled rows, held (locked) by this process until the block ends, then removed.

    Stale directories of runs that were killed are removed first.

    Args:
        parent: Where to make it (default: the system's temporary directory, ``TMPDIR``).

    Example:
        >>> with spill_directory() as directory:
        ...     os.path.basename(directory).startswith(SPILL_PREFIX)
        True
    """
    parent = os.fspath(parent) if parent is not None else tempfile.gettempdir()
    sweep_stale_spill_directories(parent)
    staging = tempfile.mkdtemp(prefix=f"{_STAGING_PREFIX}{os.getpid()}-", dir=parent)
    holder = os.open(staging, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(holder, fcntl.LOCK_EX | fcntl.LOCK_NB)  # a fresh directory: nobody else can hold it
        directory = os.path.join(parent, SPILL_PREFIX + os.path.basename(staging)[len(_STAGING_PREFIX):])
        os.rename(staging, directory)  # the lock is on the directory itself and moves with it
        try:
            yield directory
        finally:
            shutil.rmtree(directory, ignore_errors=True)
    finally:
        os.close(holder)  # the lock goes with it
        shutil.rmtree(staging, ignore_errors=True)  # only if the rename failed


def sweep_stale_spill_directories(parent: str | os.PathLike[str] | None = None) -> list[str]:
    """Remove the spill directories in ``parent`` whose run has ended without removing them.

    A run holds a lock on its directory while it lives; the kernel drops the
    lock when the process ends, however it ends. A directory whose lock can
    be taken is therefore stale; one that is locked belongs to a live run and
    is left alone, as is anything not named like a spill directory.

    Returns:
        The directories removed.

    Example:
        >>> sweep_stale_spill_directories(tempfile.mkdtemp())
        []
    """
    parent = Path(parent) if parent is not None else Path(tempfile.gettempdir())
    removed = []
    try:
        candidates = sorted(path for path in parent.glob(SPILL_PREFIX + "*") if _SWEPT_NAME.fullmatch(path.name))
    except OSError:
        return removed
    for candidate in candidates:
        try:
            holder = os.open(candidate, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
        except OSError:  # gone meanwhile, not a directory, a symlink, not ours to open
            continue
        try:
            fcntl.flock(holder, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:  # a live run holds it
            os.close(holder)
            continue
        try:
            shutil.rmtree(candidate, ignore_errors=True)
            if not candidate.exists():
                removed.append(str(candidate))
        finally:
            os.close(holder)
    return removed


def spill_frame(frame: pl.DataFrame, directory: str | os.PathLike[str]) -> pl.LazyFrame:
    """Write ``frame`` to a new Parquet file in ``directory``; a lazy scan that reads it back.

    Column names, dtypes and row order come back as written. The file lives
    as long as ``directory``: collect the scan before removing it.

    Args:
        frame: Rows to move out of memory.
        directory: An existing directory owned by the caller (a temporary one).

    Returns:
        A LazyFrame over the written file.
    """
    path = os.path.join(os.fspath(directory), f"{uuid.uuid4().hex}.parquet")
    # LZ4: these files live for minutes and are read once, so the fastest codec; statistics would go unread.
    frame.write_parquet(path, compression="lz4", statistics=False)
    return pl.scan_parquet(path)
