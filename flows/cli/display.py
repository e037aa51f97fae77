"""Progress bars and the end-of-run summary table of the CLI."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from rich.console import Console
import datetime as dt
import time

from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn
from rich.table import Table
from rich.text import Text

from flows.progress import listening
from newsfold.stages import seconds_since_launch

console = Console(stderr=True)


class SinceLaunchColumn(ProgressColumn):
    """Wall time since the user pressed Enter (the process's start), not since the bar appeared.

    A stage's bar appears after Prefect's server has started; its own elapsed
    time would hide what the user has already waited.
    """

    def __init__(self, clock: float) -> None:
        super().__init__()
        self.clock = clock
        self._at_finish: dict[int, float] = {}  # a finished stage's bar keeps the time it finished at

    def render(self, task) -> Text:
        seconds = seconds_since_launch(self.clock)
        if task.finished:
            seconds = self._at_finish.setdefault(task.id, seconds)
        return Text(str(dt.timedelta(seconds=int(seconds))), style="progress.elapsed")


@contextlib.contextmanager
def progress_bars(enabled: bool = True, clock: float | None = None) -> Iterator[None]:
    """Show a bar per long stage (read, analyse) while the block runs, with the time since launch.

    Args:
        enabled: False shows nothing.
        clock: ``time.perf_counter()`` at the command's start, used where the process's
            own start time is unknown.
    """
    if not enabled:
        yield
        return
    bars = Progress(
        TextColumn("{task.description:>8}"), BarColumn(), MofNCompleteColumn(),
        SinceLaunchColumn(time.perf_counter() if clock is None else clock),
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
