"""Where a run's wall time went: seconds per stage, counted from the user's keystroke.

A run's summary reports each stage's time so that a slow run can be read, not
guessed at. Stages measured more than once (a batch per task) add up. The
process's own start time, read from the kernel, lets the total include what
happened before any newsfold code ran (Python's start and the imports).

Example:
    >>> clock = StageClock()
    >>> with clock.measure("read"):
    ...     pass
    >>> list(clock.seconds)
    ['read']
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator, Mapping

__all__ = ["StageClock", "process_age", "seconds_since_launch"]


class StageClock:
    """Seconds spent per named stage, in the order stages first ran."""

    def __init__(self, initial: Mapping[str, float] | None = None) -> None:
        self.seconds: dict[str, float] = dict(initial or {})

    def add(self, stage: str, seconds: float) -> None:
        """Count ``seconds`` more for ``stage``."""
        self.seconds[stage] = self.seconds.get(stage, 0.0) + max(seconds, 0.0)

    @contextlib.contextmanager
    def measure(self, stage: str) -> Iterator[None]:
        """Time the block as (part of) ``stage``, also when it raises."""
        begun = time.perf_counter()
        try:
            yield
        finally:
            self.add(stage, time.perf_counter() - begun)

    def rounded(self, digits: int = 3) -> dict[str, float]:
        """The seconds, rounded for display and JSON."""
        return {stage: round(value, digits) for stage, value in self.seconds.items()}


def process_age(pid: int | None = None) -> float | None:
    """Seconds since process ``pid`` (default: this one) started, from /proc; None elsewhere.

    Both the start time and ``/proc/uptime`` count from boot in hundredths of a
    second, so the age is exact to about 10 ms.

    Example:
        >>> age = process_age()
        >>> age is None or age >= 0
        True
    """
    try:
        with open(f"/proc/{pid or os.getpid()}/stat", "rb") as stat:
            # The command name (field 2) may hold spaces or parentheses: fields are counted after its closing ")".
            fields = stat.read().rsplit(b")", 1)[1].split()
        started_after_boot = int(fields[19]) / os.sysconf("SC_CLK_TCK")  # field 22, starttime
        with open("/proc/uptime", "rb") as uptime:
            now_after_boot = float(uptime.read().split()[0])
        return max(now_after_boot - started_after_boot, 0.0)
    except (OSError, ValueError, IndexError):
        return None


def seconds_since_launch(fallback_clock: float) -> float:
    """Wall seconds since this process started; since ``fallback_clock`` (a perf_counter) where unknown.

    Example:
        >>> seconds_since_launch(time.perf_counter()) >= 0
        True
    """
    measured = time.perf_counter() - fallback_clock
    age = process_age()
    return measured if age is None else max(age, measured)
