"""Decide "nothing new" before any orchestration starts.

A rerun over unchanged input commits nothing, so it needs neither Prefect nor
spaCy: discovering the files and comparing them with the last snapshot's
manifest is the whole job. The CLI asks :func:`check_inputs` first and
starts the flow only when there is work (and, when there is a lot, starts
the analysis workers while Prefect's server starts); the flow's own plan makes the same
decision with the same functions, so both agree.

Example:
    >>> check_inputs(Path("raw"), Path("no-such-output"), run_id="run_x",
    ...              started_at=dt.datetime.now(dt.timezone.utc)).unchanged is None
    True
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass
from pathlib import Path

from newsfold import __version__
from newsfold.discover import discover_sources, input_bytes
from newsfold.incremental import InputPlan, plan_inputs
from newsfold.limits import DEFAULT_MAX_ARTICLE_CHARS, DEFAULT_MAX_BYTES
from newsfold.store import Snapshot, current_snapshot, needs_repair
from newsfold.summary import INPUT_COUNTS, RunSummary
from schemas import Rejects, Runs

__all__ = ["InputCheck", "check_inputs", "run_settings", "summarise_unchanged"]


def run_settings(
    curation: str | Path | None, max_bytes: int = DEFAULT_MAX_BYTES, max_chars: int = DEFAULT_MAX_ARTICLE_CHARS
) -> dict[str, str]:
    """The settings a snapshot is recorded with: a change re-runs what they affect.

    Example:
        >>> sorted(run_settings(None))
        ['curation', 'max_bytes', 'max_chars', 'pipeline_version']
    """
    return {
        "pipeline_version": __version__,
        "curation": Path(curation).read_text(encoding="utf-8") if curation else "",
        "max_bytes": str(max_bytes),
        "max_chars": str(max_chars),
    }


def summarise_unchanged(
    plan: InputPlan, previous: Snapshot, *, run_id: str, started_at: dt.datetime, seconds: float,
    output: str, flow_run_id: str | None = None,
) -> RunSummary:
    """Summary of a run that found nothing new: the last committed counts stand."""
    last = previous.read_table("runs").sort(Runs.started_at).row(-1, named=True)
    codes = previous.read_table("rejects")[Rejects.error_code].value_counts(sort=True)
    return RunSummary(
        run_id=run_id,
        flow_run_id=flow_run_id,
        started_at=started_at,
        finished_at=dt.datetime.now(dt.timezone.utc),
        committed=False,
        inputs={name: plan.counts[name] for name in INPUT_COUNTS},
        rows={item["table"]: item["rows"] for item in last[Runs.rows_written]},
        rejects_by_code=dict(zip(codes[Rejects.error_code].to_list(), codes["count"].to_list())),
        output=output,
        seconds=seconds,
    )


@dataclass(frozen=True)
class InputCheck:
    """What a look at the inputs, before any orchestration, found.

    Attributes:
        unchanged: The no-op run's summary when nothing is to be done, else None.
        bytes_to_read: Bytes of the files a run would read (new, changed or
            retried ones; every file when there is no dataset yet): enough to
            tell a run worth starting analysis workers for from a small one.
    """

    unchanged: RunSummary | None
    bytes_to_read: int


def check_inputs(
    raw: Path, out: Path, *, run_id: str, started_at: dt.datetime, max_bytes: int = DEFAULT_MAX_BYTES,
    max_chars: int = DEFAULT_MAX_ARTICLE_CHARS, curation: str | Path | None = None, clock: float | None = None,
) -> InputCheck:
    """Compare ``raw`` with the dataset in ``out``, as the flow's plan will.

    Args:
        raw: Input directory.
        out: Output directory.
        run_id: This run's id.
        started_at: When the user started the command.
        max_bytes: As for the run: a changed limit changes what is accepted.
        max_chars: Likewise, the longest article analysed.
        curation: The curation file the run would use.
        clock: ``time.perf_counter()`` at the command's start, for the summary's seconds.

    Example:
        >>> check_inputs(Path("raw"), Path("no-such-output"), run_id="run_x",
        ...              started_at=dt.datetime.now(dt.timezone.utc)).bytes_to_read > 0
        True
    """
    clock = time.perf_counter() if clock is None else clock
    if needs_repair(out):  # a killed commit to undo or an old layout to convert: the flow does it
        return InputCheck(None, 0)
    previous = current_snapshot(out)
    if previous is None:  # everything is new: sizes are enough, the flow hashes the files
        return InputCheck(None, input_bytes(raw, exclude=[out]))
    sources, rejects = discover_sources(raw, exclude=[out], max_bytes=max_bytes)
    plan = plan_inputs(sources, rejects, previous, run_settings(curation, max_bytes, max_chars))
    if not plan.is_noop:
        return InputCheck(None, sum(source.size for source in plan.to_read))
    summary = summarise_unchanged(plan, previous, run_id=run_id, started_at=started_at,
                                  seconds=time.perf_counter() - clock, output=str(out))
    return InputCheck(summary, 0)
