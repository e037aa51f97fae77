"""Analysis workers that die or hang cost only the article they died on.

The test hooks of :mod:`newsfold.analyse.faults` make a worker kill itself
with SIGKILL (as the out-of-memory killer does) or hang on a marked article.
Most tests fork their workers from this process, which already holds the
model, so a broken pool restarts in milliseconds; one test uses the real
spawned workers.
"""

from __future__ import annotations

import multiprocessing
import signal
from concurrent.futures import ProcessPoolExecutor

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsfold.analyse.runner as runner
from newsfold.analyse import AnalysisPool, AnalysisRequest
from newsfold.analyse.faults import HANG_MARKER_VARIABLE, KILL_MARKER_VARIABLE
from newsfold.analyse.recovery import TimeBudget, WorkerEnd
from newsfold.errors import ErrorCode, WorkerError
from newsfold.lifeline import release_held_signals

KILL = "KILL-THIS-WORKER"
HANG = "HANG-THIS-WORKER"
DIED = ErrorCode.ANALYSIS_WORKER_DIED.value
TIMED_OUT = ErrorCode.ANALYSIS_TIMED_OUT.value
#: Generous for a few short articles in a warm worker, short enough for a test that waits it out thrice.
BUDGET = TimeBudget(base_seconds=3, chars_per_second=float("inf"))


def _init_forked_worker() -> None:
    release_held_signals()  # forked inside the pool's hold_signals
    signal.signal(signal.SIGALRM, signal.SIG_DFL)


class ForkedPool(AnalysisPool):
    """Workers forked from this process, which holds the model already: cheap to restart."""

    def _start_executor(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.workers, mp_context=multiprocessing.get_context("fork"), initializer=_init_forked_worker
        )


def _exit_quietly(requests, max_chars, budget_seconds):
    import os

    os._exit(0)


class StartFailingPool(ForkedPool):
    """A pool whose workers exit with status 0, as one whose start-up raised does."""

    def submit(self, requests):
        if self._executor is None:
            self._executor = self._start_executor()
        future = self._executor.submit(_exit_quietly, requests, self.max_chars, 1)
        self._processes.update(self._executor._processes)
        return future


@pytest.fixture
def faults(monkeypatch):
    """Markers armed, workers used for any amount of text, the model loaded before forking."""
    from newsfold.analyse.model import load_model

    load_model()
    monkeypatch.setenv(KILL_MARKER_VARIABLE, KILL)
    monkeypatch.setenv(HANG_MARKER_VARIABLE, HANG)
    monkeypatch.setattr(runner, "MIN_CHARS_FOR_WORKERS", 0)


def make_requests(marks: dict[int, str], count: int = 7) -> list[AnalysisRequest]:
    texts = [f"Report {i}: Iran fired {i + 2} rockets at Baghdad on Sunday, officials said." for i in range(count)]
    for index, mark in marks.items():
        texts[index] += f" {mark}"
    return [AnalysisRequest(f"doc_{i:016x}", text, None) for i, text in enumerate(texts)]


def assert_rest_analysed_as_in_process(batch, requests, lost_ids):
    kept = [request for request in requests if request.doc_id not in lost_ids]
    alone = runner.analyse_in_process(kept)
    assert batch.documents.equals(alone.documents)
    for name, frame in alone.tables().items():
        assert frame.equals(batch.tables()[name]), name


@pytest.mark.parametrize(
    ("marks", "workers", "chunk_size", "expected"),
    [
        ({}, 2, 3, {}),
        ({4: KILL}, 2, 3, {4: DIED}),  # the chunk beside it, in flight too, is retried and kept
        ({4: KILL}, 1, 64, {4: DIED}),  # one worker, one chunk
        ({0: KILL, 1: KILL}, 2, 2, {0: DIED, 1: DIED}),  # two in one chunk
        ({2: KILL, 6: KILL}, 3, 1, {2: DIED, 6: DIED}),  # one per chunk, both in flight
        ({1: HANG}, 2, 3, {1: TIMED_OUT}),
        ({1: KILL, 5: HANG}, 2, 2, {1: DIED, 5: TIMED_OUT}),
    ],
)
def test_recovery_loses_only_the_articles_that_end_their_worker(faults, marks, workers, chunk_size, expected):
    requests = make_requests(marks)
    with ForkedPool(workers=workers, chunk_size=chunk_size, budget=BUDGET) as pool:
        batch = pool.analyse(requests)
    assert {failure.doc_id: failure.error_code for failure in batch.failures} == {
        requests[index].doc_id: code for index, code in expected.items()
    }
    for failure in batch.failures:
        if failure.error_code == DIED:
            assert failure.message == "the analysis worker died (signal 9, out of memory?)"
        else:
            assert failure.message == "exceeded the time budget of 3 s"
    assert_rest_analysed_as_in_process(batch, requests, {requests[index].doc_id for index in expected})


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    killers=st.sets(st.integers(0, 7), max_size=3),
    workers=st.integers(1, 3),
    chunk_size=st.integers(1, 4),
)
def test_recovery_loses_exactly_the_killers_whatever_the_chunking(faults, killers, workers, chunk_size):
    requests = make_requests({index: KILL for index in killers}, count=8)
    with ForkedPool(workers=workers, chunk_size=chunk_size, budget=BUDGET) as pool:
        batch = pool.analyse(requests)
    assert sorted(failure.doc_id for failure in batch.failures) == sorted(requests[i].doc_id for i in killers)
    assert batch.documents["doc_id"].to_list() == [r.doc_id for i, r in enumerate(requests) if i not in killers]


def test_recovery_with_spawned_workers_survives_a_killed_worker(monkeypatch):
    # The production path: spawned workers that load the model themselves.
    monkeypatch.setenv(KILL_MARKER_VARIABLE, KILL)
    monkeypatch.setattr(runner, "MIN_CHARS_FOR_WORKERS", 0)
    requests = make_requests({3: KILL}, count=5)
    with AnalysisPool(workers=2, chunk_size=2) as pool:
        batch = pool.analyse(requests)
    assert [(f.doc_id, f.error_code, f.message) for f in batch.failures] == [
        (requests[3].doc_id, DIED, "the analysis worker died (signal 9, out of memory?)")
    ]
    assert batch.documents.height == 4


def test_recovery_workers_that_cannot_start_raise_instead_of_rejecting(faults):
    with StartFailingPool(workers=1, chunk_size=2) as pool, pytest.raises(WorkerError, match="exited with status 0"):
        pool.analyse(make_requests({}))


@pytest.mark.parametrize(
    ("exitcodes", "end"),
    [
        ([-15, -9, -15], -9),  # the others were ended by the pool with SIGTERM
        ([-15, -14], -14),
        ([-15, 0], 0),
        ([-15, -15], -15),  # someone else sent SIGTERM
        ([None], None),
        ([], None),
    ],
)
def test_recovery_finds_the_dead_worker_among_exit_codes(exitcodes, end):
    assert runner._dead_worker_end(exitcodes) == WorkerEnd(end)


@pytest.mark.parametrize(
    ("exitcode", "explained"),
    [
        (-9, (DIED, "the analysis worker died (signal 9, out of memory?)")),
        (-11, (DIED, "the analysis worker died (signal 11, SIGSEGV)")),
        (-14, (TIMED_OUT, "exceeded the time budget of 65 s")),
        (None, (DIED, "the analysis worker died")),
    ],
)
def test_recovery_explains_how_a_worker_ended(exitcode, explained):
    assert WorkerEnd(exitcode).explain(65) == explained


@pytest.mark.parametrize(("chars", "seconds"), [(0, 60), (5_000, 65), (1_000_000, 1060), (1, 61)])
def test_recovery_time_budget_grows_with_the_text(chars, seconds):
    assert TimeBudget().seconds_for(chars) == seconds
