"""Analysis rows kept on disk while the workers run, read back once they are done.

The workers' results arrive in this process one chunk (or one section of a
long article) at a time. Held as frames, they grow this process by about
10 MB per MB of text analysed, beside workers that are still running; written
to Parquet as they arrive and scanned back lazily, they cost nothing until
they are collected, by then without the workers (docs/benchmarks.md, "One
very long text").

Example:
    >>> import tempfile
    >>> frame = pl.DataFrame({"doc_id": ["doc_a"], "start": [0]})
    >>> with tempfile.TemporaryDirectory() as directory:
    ...     spill_frame(frame, directory).collect().equals(frame)
    True
"""

from __future__ import annotations

import os
import uuid

import polars as pl

__all__ = ["spill_frame"]


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
