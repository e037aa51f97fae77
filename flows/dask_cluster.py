"""Reading and analysis on a Dask cluster, one Prefect task per batch.

``newsfold run --dask tcp://HOST:PORT`` (``newsfold_flow(dask_address=...)``)
sends the read and analyse batches to a running Dask scheduler through
prefect-dask's ``DaskTaskRunner``; ``--dask local`` starts worker processes on
this machine for the run and stops them after. The dataset-wide stage
(resolve, validate, commit) stays in the flow's process, where the data lives.
Workers read the raw files themselves, by absolute path: they must run on this
machine or see the same path on a shared file system, with the same newsfold
installed.

* **One Prefect API.** Each batch runs on its worker under the flow's Prefect
  settings (prefect-dask sends them with the task), with ``PREFECT_API_URL``
  set to the API the flow itself talks to: the CLI's temporary server, say.
  Without it, every worker would start a temporary server of its own.
* **spaCy once per worker.** The registry ruler's patterns reach each worker
  once (:class:`RegistryRuler`, a WorkerPlugin that Dask also hands to workers
  that join or restart later); a worker's first batch loads the model with
  them and its later batches reuse it (:func:`analyse_on_worker`).
* **Failures keep their meaning.** An article whose analysis raises becomes an
  NF201 reject inside its batch, as on the local pool. A worker that dies on a
  batch (killed out of memory, or ended by the batch's time budget) is
  replaced by Dask, which runs the batch again on the cluster as often as the
  scheduler allows (``distributed.scheduler.allowed-failures``: 3 by default,
  :data:`LOCAL_ALLOWED_FAILURES` for ``local``). A batch that still kills its
  workers is then analysed by the flow's own process pool, which isolates the
  article and records it as NF202 or NF203 exactly as a local run does
  (:meth:`DaskCluster.run_batches`).

Example:
    >>> pick_batch_size(200, threads=2, most=2000)
    50
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import os
import signal
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin

from flows.dask_address import LOCAL, DaskClusterError

__all__ = [
    "Batch",
    "DaskCluster",
    "RegistryRuler",
    "analyse_on_worker",
    "connect_cluster",
    "load_worker_model",
    "patterns_digest",
    "pick_batch_size",
]

#: Seconds to wait for a scheduler to answer before the run fails.
CONNECT_SECONDS = 20
#: Fewest items in a batch: below it, a task's own cost (Prefect events, a round trip) outweighs its work.
MIN_BATCH = 4
#: Batches per worker thread, so that one slow batch does not leave the other workers idle at the end.
BATCHES_PER_THREAD = 2
#: Times a local cluster runs a batch again after it killed a worker, before the flow's own pool takes it.
LOCAL_ALLOWED_FAILURES = 1


def pick_batch_size(items: int, threads: int, most: int) -> int:
    """Items per task: about :data:`BATCHES_PER_THREAD` batches per worker thread, within [MIN_BATCH, most].

    The number of tasks grows with the cluster, and with the input only once
    batches hold ``most`` items: never one task per article.

    Example:
        >>> pick_batch_size(200, threads=2, most=2000), pick_batch_size(10, 2, 2000), pick_batch_size(10**6, 2, 2000)
        (50, 4, 2000)
    """
    return max(MIN_BATCH, min(most, math.ceil(items / max(1, BATCHES_PER_THREAD * threads))))


class Batch(Sequence):
    """A batch's items as one value that neither Prefect nor Dask looks inside.

    Both walk lists and tuples in a task's parameters (to find futures), and
    Dask takes Prefect's ``quote()``, a named tuple, for a plain tuple: the
    task would get ``(items,)``. Walking thousands of articles would only cost
    time anyway.

    Example:
        >>> batch = Batch(["a", "b"])
        >>> len(batch), list(batch), batch[-1]
        (2, ['a', 'b'], 'b')
    """

    def __init__(self, items: Sequence[Any]) -> None:
        self._items = list(items)

    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, index):
        return self._items[index]

    def __repr__(self) -> str:
        return f"Batch(<{len(self._items)} items>)"


# --- on the workers ---------------------------------------------------------------------------------

#: Registry patterns handed to this worker process, by digest (set by :class:`RegistryRuler`).
_PATTERNS: dict[str, list[dict[str, Any]]] = {}
#: Digest of the patterns the loaded model's ruler holds.
_LOADED: dict[str, str] = {}
#: One batch analysed at a time per worker process: spaCy's pipeline is not made for concurrent use,
#: the GIL would give a second thread nothing, and the time budget's timer is one per process.
_ANALYSIS_LOCK = threading.Lock()


def patterns_digest(patterns: Sequence[dict[str, Any]]) -> str:
    """A short name for a list of ruler patterns, the same in every process.

    Example:
        >>> patterns_digest([{"label": "GPE", "pattern": "Iraq"}]) == patterns_digest([{"pattern": "Iraq", "label": "GPE"}])
        True
    """
    return hashlib.sha256(json.dumps(list(patterns), sort_keys=True).encode()).hexdigest()[:16]


class RegistryRuler(WorkerPlugin):
    """Hands the registry ruler's patterns to every worker once, and to workers that join later.

    Args:
        patterns: As :func:`newsfold.analyse.ruler.make_registry_patterns` makes them.

    Example:
        >>> RegistryRuler([{"label": "GPE", "pattern": "Iraq"}]).name.startswith("newsfold-ruler-")
        True
    """

    idempotent = True  # the next run registers the same set again: nothing to redo

    def __init__(self, patterns: Sequence[dict[str, Any]]) -> None:
        self.patterns = list(patterns)
        self.digest = patterns_digest(self.patterns)
        self.name = f"newsfold-ruler-{self.digest}"  # one per set: runs of other versions may share a cluster

    def setup(self, worker: Any) -> None:
        _PATTERNS[self.digest] = self.patterns
        if threading.current_thread() is threading.main_thread():
            # The time budget relies on SIGALRM's default action: end the process.
            signal.signal(signal.SIGALRM, signal.SIG_DFL)


def load_worker_model(digest: str):
    """spaCy's model with the ruler of the patterns ``digest`` names, loaded once per worker process.

    Raises:
        DaskClusterError: This worker never received those patterns.

    Example:
        >>> load_worker_model(RegistryRuler(patterns).digest).pipe_names[-2:]  # doctest: +SKIP
        ['newsfold_registry_ruler', 'ner']
    """
    from newsfold.analyse.model import load_model
    from newsfold.analyse.ruler import RULER_NAME, add_registry_ruler

    nlp = load_model()  # cached for the process: the first batch pays, later ones reuse it
    if _LOADED.get("digest") != digest:
        patterns = _PATTERNS.get(digest)
        if patterns is None:
            raise DaskClusterError(f"this Dask worker never received the registry patterns {digest}")
        if RULER_NAME in nlp.pipe_names:
            nlp.remove_pipe(RULER_NAME)
        add_registry_ruler(nlp, patterns, before="ner")
        _LOADED["digest"] = digest
    return nlp


def analyse_on_worker(requests: Sequence, max_chars: int, ruler: str, budget_seconds: int):
    """Analyse one batch in this worker process with its loaded model, as the local pool's workers do.

    Past ``budget_seconds`` the process is ended by SIGALRM (a stuck parse may
    never return to Python); Dask then replaces the worker and runs the batch
    again.

    Example:
        >>> analyse_on_worker(requests, 1_000_000, ruler=digest, budget_seconds=120)  # doctest: +SKIP
        AnalysisBatch(...)
    """
    from newsfold.analyse.faults import inject_test_faults
    from newsfold.analyse.runner import analyse_in_process

    with _ANALYSIS_LOCK:
        load_worker_model(ruler)
        signal.setitimer(signal.ITIMER_REAL, budget_seconds)
        try:
            inject_test_faults(request.text for request in requests)
            return analyse_in_process(requests, max_chars=max_chars)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)


# --- in the flow --------------------------------------------------------------------------------------


@dataclass
class DaskCluster:
    """A connected cluster the flow submits batches to.

    Attributes:
        runner: The entered ``DaskTaskRunner``.
        threads: Worker threads on the cluster when the run connected.
    """

    runner: Any
    threads: int

    def batch_size(self, items: int, most: int) -> int:
        """Items per task for ``items`` on this cluster (:func:`pick_batch_size`)."""
        return pick_batch_size(items, self.threads, most)

    def send_patterns(self, patterns: Sequence[dict[str, Any]]) -> str:
        """Hand the ruler patterns to every worker (once per pattern set); returns their digest."""
        plugin = RegistryRuler(patterns)
        self.runner.client.register_plugin(plugin)
        return plugin.digest

    def run_batches(
        self,
        task: Any,
        calls: Sequence[dict[str, Any]],
        fallback: Callable[[int], Any],
        on_done: Callable[[int], None] = lambda index: None,
        while_waiting: Callable[[], object] | None = None,
    ) -> list[Any]:
        """Run ``task`` once per parameter set in ``calls`` on the cluster; results in call order.

        Args:
            task: A Prefect task.
            calls: Its parameters, one dict per batch.
            fallback: Computes batch ``i`` in this process instead, for a batch
                whose workers died every time the scheduler tried it (Dask's
                ``KilledWorker``).
            on_done: Told the index of each batch the cluster finished.
            while_waiting: Work for this process once every batch is submitted.

        Any other failure of a batch is raised: the run fails with it.
        """
        from distributed import as_completed
        from distributed.scheduler import KilledWorker
        from prefect import get_run_logger

        futures = [self.runner.submit(task, parameters=call) for call in calls]
        index_of = {future.wrapped_future.key: index for index, future in enumerate(futures)}
        if while_waiting is not None:
            while_waiting()
        results: list[Any] = [None] * len(futures)
        for done in as_completed([future.wrapped_future for future in futures], loop=self.runner.client.loop):
            index = index_of[done.key]
            try:
                results[index] = futures[index].result()
            except KilledWorker as exc:
                get_run_logger().warning(
                    "batch %d of %s killed its Dask workers (%s); this process's pool takes it", index + 1, task.name, exc
                )
                results[index] = fallback(index)
            else:
                on_done(index)
            futures[index] = None  # the cluster may drop the result now
        return results


@contextlib.contextmanager
def connect_cluster(address: str, workers: int | None = None) -> Iterator[DaskCluster]:
    """Connect to the scheduler at ``address`` (``"local"``: start a cluster here) for the block.

    Inside a flow run, the batches report to the flow's own Prefect API. A
    local cluster has ``workers`` single-threaded worker processes (default
    one per core) and stops when the block ends, also on an error.

    Raises:
        DaskClusterError: No scheduler answered at ``address``, or it has no workers.

    Example:
        >>> with connect_cluster("local", workers=2) as cluster:  # doctest: +SKIP
        ...     cluster.threads
        2
    """
    import dask
    from prefect.settings import PREFECT_API_URL, temporary_settings
    from prefect_dask import DaskTaskRunner

    with contextlib.ExitStack() as stack:
        log_level = stack.enter_context(_distributed_logs_quiet())
        api_url = PREFECT_API_URL.value() or _flow_api_url()
        if api_url and not PREFECT_API_URL.value():
            stack.enter_context(temporary_settings(updates={PREFECT_API_URL: api_url}))
        if address == LOCAL:
            # The scheduler of a local cluster runs in this process and reads this setting when it starts.
            stack.enter_context(dask.config.set({"distributed.scheduler.allowed-failures": LOCAL_ALLOWED_FAILURES}))
            runner = DaskTaskRunner(cluster_kwargs=dict(
                n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                host="127.0.0.1", dashboard_address=None, silence_logs=log_level,
            ))
        else:
            runner = DaskTaskRunner(address=address, client_kwargs={"timeout": CONNECT_SECONDS})
        stack.enter_context(runner)
        try:
            client = runner.client
        except (OSError, TimeoutError) as exc:
            raise DaskClusterError(f"cannot connect to the Dask scheduler at {address}: {exc}") from exc
        try:
            client.wait_for_workers(1, timeout=CONNECT_SECONDS)
        except TimeoutError as exc:
            raise DaskClusterError(
                f"the Dask scheduler at {address} has no workers (none joined within {CONNECT_SECONDS} s); "
                f"start some with `dask worker {address}`"
            ) from exc
        threads = sum(client.nthreads().values())
        yield DaskCluster(runner, threads)


@contextlib.contextmanager
def _distributed_logs_quiet() -> Iterator[int]:
    """Dask's own log lines (workers joining, leaving, restarting) only where Prefect's are shown (``--verbose``)."""
    import logging

    from prefect.settings import PREFECT_LOGGING_LEVEL

    prefect_level = logging.getLevelName(str(PREFECT_LOGGING_LEVEL.value()).upper())
    level = prefect_level if isinstance(prefect_level, int) and prefect_level <= logging.INFO else logging.ERROR
    logger = logging.getLogger("distributed")
    before = logger.level
    logger.setLevel(level)
    try:
        yield level
    finally:
        logger.setLevel(before)


def _flow_api_url() -> str | None:
    """The API the running flow reports to (a temporary server's, say), for its workers to use too."""
    from prefect.context import FlowRunContext

    context = FlowRunContext.get()
    return str(context.client.api_url).rstrip("/") if context is not None else None
