"""What a run did, as a ``runs`` row, a markdown report and a table for the CLI.

Example:
    >>> summary = RunSummary(run_id="run_x", flow_run_id=None, started_at=NOW, finished_at=NOW,
    ...                      committed=False, inputs={"seen": 2}, rows={}, rejects_by_code={})  # doctest: +SKIP
    >>> print(render_markdown(summary))  # doctest: +SKIP
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field

import polars as pl

from newsfold import __version__
from newsfold.errors import ErrorCode
from schemas import Runs, polars_schema

__all__ = ["INPUT_COUNTS", "RunSummary", "make_run_id", "runs_row", "render_markdown"]

#: Input file counts every run reports, in display order.
INPUT_COUNTS = ("seen", "new", "changed", "removed", "unchanged")


def make_run_id(now: dt.datetime) -> str:
    """A sortable, unique run id, e.g. ``run_20201224T101500123456Z_3fa2``."""
    return f"run_{now.astimezone(dt.timezone.utc):%Y%m%dT%H%M%S%fZ}_{secrets.token_hex(2)}"


@dataclass(frozen=True)
class RunSummary:
    """The outcome of one run.

    Attributes:
        run_id: This run.
        flow_run_id: The Prefect flow run, when under Prefect.
        started_at, finished_at: UTC times.
        committed: False when nothing had changed and nothing was written.
        inputs: Input file counts: seen, new, changed, removed, unchanged.
        rows: Rows per table in the dataset after the run.
        rejects_by_code: Rejects in the dataset after the run, per error code.
        new_entities: Canonical names of entities the previous snapshot lacked.
        links_by_method: Mentions per resolution rule, so merges made by
            fuzzy or context rules stand out from exact ones.
        output: Where the dataset lives.
        seconds: Wall time of the run, from the user's keystroke where known.
        stage_seconds: Wall seconds per stage, in the order they ran (see
            :mod:`newsfold.stages`); they add up to about ``seconds``.
    """

    run_id: str
    flow_run_id: str | None
    started_at: dt.datetime
    finished_at: dt.datetime
    committed: bool
    inputs: Mapping[str, int]
    rows: Mapping[str, int]
    rejects_by_code: Mapping[str, int]
    new_entities: tuple[str, ...] = ()
    links_by_method: Mapping[str, int] = field(default_factory=dict)
    output: str = ""
    seconds: float = field(default=0.0)
    stage_seconds: Mapping[str, float] = field(default_factory=dict)

    def with_times(self, seconds: float, stage_seconds: Mapping[str, float]) -> RunSummary:
        """This summary with the times known at a later point (after the commit, after Prefect's end).

        Example:
            >>> summary.with_times(12.5, {"read": 1.0}).stage_seconds  # doctest: +SKIP
            {'read': 1.0}
        """
        return dataclasses.replace(self, seconds=seconds, stage_seconds=dict(stage_seconds))

    @property
    def rejects(self) -> int:
        """Rejects in the dataset after the run."""
        return sum(self.rejects_by_code.values())

    def to_dict(self) -> dict:
        """Plain JSON-ready values, as the flow returns them."""
        return {
            "run_id": self.run_id,
            "flow_run_id": self.flow_run_id,
            "committed": self.committed,
            "inputs": dict(self.inputs),
            "rows": dict(self.rows),
            "rejects": self.rejects,
            "rejects_by_code": dict(self.rejects_by_code),
            "new_entities": list(self.new_entities),
            "links_by_method": dict(self.links_by_method),
            "output": self.output,
            "seconds": round(self.seconds, 3),
            "stage_seconds": {stage: round(value, 3) for stage, value in self.stage_seconds.items()},
        }


def runs_row(summary: RunSummary) -> pl.DataFrame:
    """The ``runs`` row recording a committed run."""
    return pl.DataFrame(
        [
            {
                Runs.run_id: summary.run_id,
                Runs.flow_run_id: summary.flow_run_id,
                Runs.started_at: summary.started_at,
                Runs.finished_at: summary.finished_at,
                Runs.status: "completed",
                Runs.pipeline_version: __version__,
                Runs.inputs_seen: summary.inputs.get("seen", 0),
                Runs.inputs_new: summary.inputs.get("new", 0),
                Runs.inputs_changed: summary.inputs.get("changed", 0),
                Runs.inputs_removed: summary.inputs.get("removed", 0),
                Runs.inputs_unchanged: summary.inputs.get("unchanged", 0),
                Runs.rows_written: [{"table": t, "rows": n} for t, n in summary.rows.items()],
                Runs.rejects: summary.rejects,
            }
        ],
        schema=polars_schema(Runs),
    )


def render_markdown(summary: RunSummary) -> str:
    """A short markdown report, published as the run's Prefect artifact."""
    state = "committed a new snapshot" if summary.committed else "found nothing new; the dataset is unchanged"
    lines = [
        f"# newsfold run `{summary.run_id}`",
        "",
        f"The run {state} in {summary.seconds:.1f} s. Output: `{summary.output}`.",
        "",
        "| inputs | files |",
        "|---|---:|",
        *[f"| {name} | {summary.inputs.get(name, 0)} |" for name in INPUT_COUNTS],
        "",
        "| table | rows |",
        "|---|---:|",
        *[f"| {name} | {count} |" for name, count in summary.rows.items()],
        "",
        f"**Rejects: {summary.rejects}**",
    ]
    if summary.rejects_by_code:
        lines += ["", "| code | meaning | rows |", "|---|---|---:|"]
        for code, count in sorted(summary.rejects_by_code.items()):
            lines.append(f"| {code} | {ErrorCode(code).describe()} | {count} |")
    if summary.links_by_method:
        lines += ["", "| mentions linked by | rows |", "|---|---:|"]
        lines += [f"| {method} | {count} |" for method, count in sorted(summary.links_by_method.items())]
    if summary.stage_seconds:
        lines += ["", "| stage | seconds |", "|---|---:|"]
        lines += [f"| {stage} | {value:.1f} |" for stage, value in summary.stage_seconds.items()]
    if summary.new_entities:
        shown = ", ".join(summary.new_entities[:50])
        more = f" and {len(summary.new_entities) - 50} more" if len(summary.new_entities) > 50 else ""
        lines += ["", f"**New entities ({len(summary.new_entities)}):** {shown}{more}"]
    return "\n".join(lines) + "\n"
