"""Where a run's wall time went: seconds per stage, counted from the user's keystroke.

A run's summary reports each stage's time so that a slow run can be read, not
guessed at. With ``NEWSFOLD_STAGE_MEMORY`` set to a file name, the clock also
records the largest resident memory of this process during each stage (Linux's
``VmHWM``, reset as each stage begins) and the flow writes them there as JSON:
``benchmarks/bench_long_text.py`` reads them to say which stage makes a run's
peak. Stages measured more than once (a batch per task) add up. The
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
import ctypes
import ctypes.util
import gc
import json
import os
import time
from collections.abc import Iterator, Mapping

__all__ = [
    "STAGE_MEMORY_VARIABLE",
    "StageClock",
    "cyclic_gc_paused",
    "keep_large_blocks_apart",
    "peak_rss_bytes",
    "process_age",
    "return_free_memory",
    "seconds_since_launch",
]

#: Environment variable naming the file a run writes its per-stage peak memory to (JSON, MB per stage).
STAGE_MEMORY_VARIABLE = "NEWSFOLD_STAGE_MEMORY"
#: Where a peak between measured stages is counted.
OUTSIDE_STAGES = "(between stages)"


class StageClock:
    """Seconds spent per named stage, in the order stages first ran."""

    def __init__(self, initial: Mapping[str, float] | None = None, track_memory: bool | None = None) -> None:
        self.seconds: dict[str, float] = dict(initial or {})
        #: Largest resident bytes of this process seen during each stage (only when tracking memory).
        self.peak_rss: dict[str, int] = {}
        self.track_memory = bool(os.environ.get(STAGE_MEMORY_VARIABLE)) if track_memory is None else track_memory
        self._open: list[str] = []  # stages being measured, innermost last

    def add(self, stage: str, seconds: float) -> None:
        """Count ``seconds`` more for ``stage``."""
        self.seconds[stage] = self.seconds.get(stage, 0.0) + max(seconds, 0.0)

    @contextlib.contextmanager
    def measure(self, stage: str) -> Iterator[None]:
        """Time the block as (part of) ``stage``, also when it raises."""
        begun = time.perf_counter()
        self._note_memory()  # the peak so far belongs to the stages around this one (or to none)
        self._open.append(stage)
        try:
            yield
        finally:
            self._note_memory()
            self._open.pop()
            self.add(stage, time.perf_counter() - begun)

    def _note_memory(self) -> None:
        """Give the peak since the last note to every open stage, then start a new high-water mark."""
        if not self.track_memory:
            return
        peak = peak_rss_bytes(reset=True)
        if peak is None:
            return
        for stage in self._open or [OUTSIDE_STAGES]:
            self.peak_rss[stage] = max(self.peak_rss.get(stage, 0), peak)

    def write_memory(self, path: str | os.PathLike[str] | None = None) -> None:
        """Write the per-stage peaks, in MB, to ``path`` (default: the file ``NEWSFOLD_STAGE_MEMORY`` names).

        Example:
            >>> StageClock(track_memory=False).write_memory()  # nothing tracked, nothing written
        """
        path = path or os.environ.get(STAGE_MEMORY_VARIABLE)
        if not self.track_memory or not path:
            return
        self._note_memory()
        with open(path, "w", encoding="utf-8") as stream:
            json.dump({stage: round(peak / 2**20, 1) for stage, peak in self.peak_rss.items()}, stream)

    def rounded(self, digits: int = 3) -> dict[str, float]:
        """The seconds, rounded for display and JSON."""
        return {stage: round(value, digits) for stage, value in self.seconds.items()}


def peak_rss_bytes(reset: bool = False) -> int | None:
    """This process's largest resident memory so far (``VmHWM``), in bytes; None where /proc has none.

    With ``reset``, the high-water mark then starts again from the current
    resident memory (``/proc/self/clear_refs``), so the next call sees only
    what came after.

    Example:
        >>> peak = peak_rss_bytes()
        >>> peak is None or peak > 0
        True
    """
    try:
        with open("/proc/self/status", "rb") as status:
            peak = next((int(line.split()[1]) * 1024 for line in status if line.startswith(b"VmHWM:")), None)
        if reset:
            with open("/proc/self/clear_refs", "w") as clear:
                clear.write("5")
        return peak
    except (OSError, ValueError):
        return None


def return_free_memory() -> None:
    """Collect unreachable objects, then ask glibc to hand its free heap pages back to the system.

    Python's and the C allocator's free memory otherwise stays in the process:
    Polars (jemalloc) cannot reuse it, so rows dropped by one stage would add to
    the next stage's peak. A no-op where there is no glibc.

    Example:
        >>> return_free_memory()
    """
    gc.collect()
    library = ctypes.util.find_library("c")
    try:
        ctypes.CDLL(library).malloc_trim(0)
    except (OSError, AttributeError, TypeError):
        pass


@contextlib.contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Pause Python's cycle collector for the block; one collection after it, also when it raises.

    Reference counting still frees every object as soon as it is dropped; only
    cycles wait for the end of the block. The dataset-wide stage makes
    millions of short-lived tuples, lists and dicts, and each of them counts
    towards the collector's next pass: at 100,000 articles its 5,000 passes
    (23 over the whole heap) took 2.5 of the stage's 24 s, and found almost
    nothing to free (58 objects, docs/benchmarks.md). A collector the caller
    had already paused stays paused.

    Example:
        >>> with cyclic_gc_paused():
        ...     gc.isenabled()
        False
        >>> gc.isenabled()
        True
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
            gc.collect()


#: glibc's ``mallopt`` parameters (``malloc.h``).
_M_MMAP_THRESHOLD, _M_ARENA_MAX = -3, -8
#: Blocks from this size up get pages of their own, handed back to the system when freed (glibc's initial default).
LARGE_BLOCK_BYTES = 128 * 1024


def keep_large_blocks_apart() -> bool:
    """Fix glibc's mmap threshold at 128 KiB and its arenas at two, in this process only.

    glibc raises the threshold each time a large block is freed (up to 32 MiB),
    so later blocks of that size come from the heap, between long-lived small
    ones: a run's temporary buffers (rigour's name data as it loads, each
    stage's scratch) then leave holes that neither ``malloc_trim`` nor the next
    Polars stage (jemalloc) can use. Fixed, such blocks are mapped and unmapped
    on their own. Measured on the 50 MB text with the same settings given as
    environment variables (docs/benchmarks.md): the flow's process peaked
    208 MB lower in validation and 44 MB lower in resolution. Analysis workers
    keep glibc's defaults: their memory goes back when they end, and the parse
    allocates large arrays often. False where there is no glibc.

    Example:
        >>> keep_large_blocks_apart() in (True, False)
        True
    """
    try:
        mallopt = ctypes.CDLL(ctypes.util.find_library("c")).mallopt
    except (OSError, AttributeError, TypeError):
        return False
    return bool(mallopt(_M_MMAP_THRESHOLD, LARGE_BLOCK_BYTES)) and bool(mallopt(_M_ARENA_MAX, 2))


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
