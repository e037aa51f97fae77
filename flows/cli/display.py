"""Progress bars and the end-of-run summary table of the CLI."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from flows.progress import listening

console = Console(stderr=True)


@contextlib.contextmanager
def progress_bars(enabled: bool = True) -> Iterator[None]:
    """Show a bar per long stage (read, analyse) while the block runs."""
    if not enabled:
        yield
        return
    bars = Progress(
        TextColumn("{task.description:>8}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=console, transient=False,
    )
    tasks: dict[str, int] = {}

    def advance(stage: str, step: int, total: int) -> None:
        if stage not in tasks:
            tasks[stage] = bars.add_task(stage, total=total)
        bars.update(tasks[stage], advance=step)

    with bars, listening(advance):
        yield


def print_summary(summary: dict) -> None:
    """The run summary as two small tables on stdout."""
    out = Console()
    state = "committed" if summary["committed"] else "unchanged (nothing new)"
    out.print(f"newsfold run [bold]{summary['run_id']}[/bold]: {state} in {summary['seconds']:.1f} s -> {summary['output']}")
    inputs = Table("inputs", "files", title=None, box=None)
    for name, count in summary["inputs"].items():
        inputs.add_row(name, str(count))
    rows = Table("table", "rows", box=None)
    for name, count in summary["rows"].items():
        rows.add_row(name, str(count))
    out.print(inputs)
    out.print(rows)
    if summary.get("stage_seconds"):
        stages = Table("stage", "seconds", box=None)
        for stage, seconds in summary["stage_seconds"].items():
            stages.add_row(stage, f"{seconds:.1f}")
        out.print(stages)
    rejects = summary["rejects"]
    detail = ", ".join(f"{code}: {n}" for code, n in sorted(summary["rejects_by_code"].items()))
    out.print(f"rejects: {rejects}" + (f" ({detail}); see the rejects table" if rejects else ""))
