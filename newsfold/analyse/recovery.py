"""Analysis on worker processes that survives a worker dying on one article.

A worker can die on an article: the kernel kills it when it runs out of
memory, or its time budget (:class:`TimeBudget`, enforced inside the worker
by ``SIGALRM``) ends it. The process pool is then broken, and every chunk it
had in flight fails with it, guilty or not. :func:`map_with_recovery` keeps a
bounded number of chunks in flight, and when the pool breaks it starts a
fresh one and retries the articles of every chunk that was in flight one by
one. An article whose solo attempt breaks the pool again, with nothing else
in flight to blame, is given up as :class:`Lost` (a ``rejects`` row for the
run); everything else is analysed as usual.

Retries, in order, for each chunk that was in flight when the pool broke:

1. each of its articles alone, beside other single articles (``solo``);
2. an article whose solo attempt broke the pool while others were in flight
   once more with nothing else in flight (``alone``);
3. an article that broke the pool with nothing else in flight is lost.

Example:
    >>> TimeBudget(base_seconds=60, chars_per_second=1000).seconds_for(5_000)
    65
"""

from __future__ import annotations

import collections
import enum
import math
import signal
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any, Protocol

from newsfold.analyse.document import AnalysisRequest
from newsfold.errors import ErrorCode, WorkerError

__all__ = ["Lost", "TimeBudget", "WorkerEnd", "WorkerPool", "map_with_recovery"]

#: The pool broke this many times in a row without any work finishing: the workers cannot run at all.
MAX_BREAKS_IN_A_ROW = 10


@dataclass(frozen=True)
class TimeBudget:
    """How long a worker may spend on a unit of work before it is ended.

    A unit of ``n`` characters gets ``base_seconds + n / chars_per_second``
    seconds, rounded up. The default speed is about 30 times below the parse
    speed measured on BBC articles (docs/benchmarks.md), so only a worker
    that is stuck, not one that is merely slow, runs out of time.

    Attributes:
        base_seconds: Time any unit gets, however short.
        chars_per_second: The slowest parse speed still accepted.
    """

    base_seconds: float = 60.0
    chars_per_second: float = 1_000.0

    def seconds_for(self, chars: int) -> int:
        """Whole seconds allowed for a unit of ``chars`` characters."""
        return math.ceil(self.base_seconds + chars / self.chars_per_second)


@dataclass(frozen=True)
class WorkerEnd:
    """How the worker that broke a pool ended.

    Attributes:
        exitcode: As :attr:`multiprocessing.Process.exitcode`: minus the
            signal number for a worker killed by a signal, None when no dead
            worker was found.
    """

    exitcode: int | None

    @property
    def ran_out_of_time(self) -> bool:
        """The worker's own time budget ended it (SIGALRM)."""
        return self.exitcode == -signal.SIGALRM

    @property
    def was_killed(self) -> bool:
        """A signal ended the worker: the kernel, its time budget or the article's work itself."""
        return self.exitcode is None or self.exitcode < 0

    def explain(self, budget_seconds: int) -> tuple[str, str]:
        """The error code and cause for an article lost to this end.

        Example:
            >>> WorkerEnd(-9).explain(60)
            ('NF202', 'the analysis worker died (signal 9, out of memory?)')
        """
        if self.ran_out_of_time:
            return ErrorCode.ANALYSIS_TIMED_OUT.value, f"exceeded the time budget of {budget_seconds} s"
        if self.exitcode is None:
            return ErrorCode.ANALYSIS_WORKER_DIED.value, "the analysis worker died"
        number = -self.exitcode
        # SIGKILL out of nowhere is what the kernel's out-of-memory killer sends.
        hint = "out of memory?" if number == signal.SIGKILL else _signal_name(number)
        return ErrorCode.ANALYSIS_WORKER_DIED.value, f"the analysis worker died (signal {number}, {hint})"


@dataclass(frozen=True)
class Lost:
    """An article given up because its worker died on it twice.

    Attributes:
        request: The article.
        error_code: NF202 (the worker died) or NF203 (out of time).
        message: The cause, e.g. ``"the analysis worker died (signal 9, out of memory?)"``.
    """

    request: AnalysisRequest
    error_code: str
    message: str


class WorkerPool(Protocol):
    """What :func:`map_with_recovery` needs from the owner of the workers."""

    budget: TimeBudget

    def submit(self, requests: Sequence[AnalysisRequest]) -> Future:
        """Start analysing ``requests`` on a worker (starting workers if needed)."""

    def restart(self) -> WorkerEnd:
        """Drop the broken workers, say how the dead one ended; the next submit starts fresh ones."""


class _Attempt(enum.Enum):
    CHUNK = "chunk"  # first attempt: a whole chunk, beside other chunks
    SOLO = "solo"  # one article, beside other single articles
    ALONE = "alone"  # one article, with nothing else in flight


@dataclass(frozen=True)
class _Unit:
    chunk: int
    offset: int
    requests: Sequence[AnalysisRequest]
    attempt: _Attempt


def map_with_recovery(
    pool: WorkerPool, chunks: Sequence[Sequence[AnalysisRequest]], window: int,
    while_waiting: Callable[[], object] | None = None,
) -> Iterator[list[Any]]:
    """Each chunk's results, in chunk order, surviving workers that die.

    Args:
        pool: Submits work to the workers and restarts them.
        chunks: The articles, cut into units of work.
        window: Most units in flight at once (at least 1).
        while_waiting: Called once, after the first units are submitted: work for
            this process while the workers parse.

    Yields:
        Per chunk, in order: the results of its units in article order,
        each what ``pool.submit``'s future returned, or a :class:`Lost`.

    Raises:
        WorkerError: A worker ended without a signal (its start-up failed),
            or the pool broke :data:`MAX_BREAKS_IN_A_ROW` times without any
            work finishing in between.
    """
    queue = collections.deque(_Unit(i, 0, chunk, _Attempt.CHUNK) for i, chunk in enumerate(chunks) if chunk)
    parts: dict[int, dict[int, Any]] = {i: {} for i in range(len(chunks))}
    covered = [0] * len(chunks)
    in_flight: dict[Future, _Unit] = {}
    next_chunk = 0
    breaks_in_a_row = 0

    def record(unit: _Unit, result: Any) -> None:
        parts[unit.chunk][unit.offset] = result
        covered[unit.chunk] += len(unit.requests)

    while next_chunk < len(chunks):
        while covered[next_chunk] == len(chunks[next_chunk]):
            yield [parts[next_chunk][offset] for offset in sorted(parts[next_chunk])]
            del parts[next_chunk]
            next_chunk += 1
            if next_chunk == len(chunks):
                return
        filled = _fill(pool, queue, in_flight, window)
        if while_waiting is not None:
            idle_work, while_waiting = while_waiting, None
            idle_work()
        if not filled and not in_flight:
            # A worker died with no work on it (an idle worker killed from outside): nobody to blame.
            pool.restart()
            breaks_in_a_row += 1
            continue
        done, _ = wait(in_flight, return_when=FIRST_COMPLETED)
        if not any(_is_broken(future) for future in done):
            breaks_in_a_row = 0
            for future in done:
                record(in_flight.pop(future), future.result())
            continue
        # The pool is broken: every unit still in flight fails too, bar any that finished just before.
        wait(in_flight)
        failed = []
        for future, unit in sorted(in_flight.items(), key=lambda item: (item[1].chunk, item[1].offset)):
            if _is_broken(future):
                failed.append(unit)
            else:
                record(unit, future.result())
                breaks_in_a_row = 0
        in_flight.clear()
        end = pool.restart()
        if not end.was_killed:
            raise WorkerError(f"an analysis worker exited with status {end.exitcode} (it failed to start; see the log)")
        breaks_in_a_row += 1
        if breaks_in_a_row >= MAX_BREAKS_IN_A_ROW:
            raise WorkerError(
                f"the analysis workers died {breaks_in_a_row} times in a row without finishing any work "
                f"(the last one ended with exit code {end.exitcode}); is the machine out of memory?"
            )
        retries = []
        for unit in failed:
            if unit.attempt is _Attempt.CHUNK:
                retries += [
                    _Unit(unit.chunk, unit.offset + i, [request], _Attempt.SOLO)
                    for i, request in enumerate(unit.requests)
                ]
            elif unit.attempt is _Attempt.SOLO and len(failed) > 1:
                retries.append(_Unit(unit.chunk, unit.offset, unit.requests, _Attempt.ALONE))
            else:  # it broke the pool with nothing else in flight to blame
                request = unit.requests[0]
                code, cause = end.explain(pool.budget.seconds_for(len(request.text)))
                record(unit, Lost(request, code, cause))
        # Retries go first, so the earliest chunk completes soonest and results stream out in order.
        queue.extendleft(reversed(retries))


def _fill(pool: WorkerPool, queue: collections.deque, in_flight: dict[Future, _Unit], window: int) -> bool:
    """Submit queued units while the window allows; False if the pool was found broken.

    An ``alone`` unit waits for an empty pool and keeps it empty.
    """
    while queue:
        unit = queue[0]
        if unit.attempt is _Attempt.ALONE:
            if in_flight:
                return True
        elif len(in_flight) >= window or any(u.attempt is _Attempt.ALONE for u in in_flight.values()):
            return True
        try:
            future = pool.submit(unit.requests)
        except BrokenProcessPool:  # it broke since the last look; the unit stays queued
            return False
        queue.popleft()
        in_flight[future] = unit
    return True


def _is_broken(future: Future) -> bool:
    return isinstance(future.exception(), BrokenProcessPool)


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return "unknown signal"
