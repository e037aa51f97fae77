"""The newsfold flow: raw articles in, a validated snapshot committed.

It reads like the recipe it is: discover, plan, read, analyse, resolve,
validate, commit. Each task is a stage or a batch of one, never a single
article, so a run costs tens of Prefect task calls whatever its size.

Example:
    >>> from flows.pipeline import newsfold_flow
    >>> summary = newsfold_flow(raw="raw", out="output")  # doctest: +SKIP
    >>> summary["rows"]["documents"]  # doctest: +SKIP
    2
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import polars as pl
from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run
from prefect.utilities.annotations import quote

from flows.progress import report
from newsfold import __version__
from newsfold.assemble import rejects_frame, sort_table
from newsfold.discover import check_output_apart, discover_sources
from newsfold.gather import gather_documents
from newsfold.incremental import InputPlan, plan_inputs
from newsfold.noop import run_settings, summarise_unchanged
from newsfold.object_store import output_location
from newsfold.ingest import read_source
from newsfold.limits import DEFAULT_MAX_ARTICLE_CHARS, DEFAULT_MAX_BYTES
from newsfold.memo import Memo, read_memo, write_memo
from newsfold.records import Article, Reject, SourceFile
from newsfold.stages import (
    StageClock, cyclic_gc_paused, keep_large_blocks_apart, return_free_memory, seconds_since_launch,
)
from newsfold.store import (
    DEFAULT_KEEP_RUNS,
    Snapshot,
    commit_snapshot,
    current_snapshot,
    needs_repair,
    output_lock,
    repair_output,
)
from newsfold.summary import INPUT_COUNTS, RunSummary, make_run_id, render_markdown, runs_row
from newsfold.validate import split_valid_rows
from schemas import SCHEMA_VERSION, TABLES, Documents, Entities, Mentions, Rejects, Runs, polars_schema

if TYPE_CHECKING:
    from flows.dask_cluster import DaskCluster
    from newsfold.analyse import AnalysisBatch, AnalysisPool, AnalysisRequest

# The analysis (spaCy) and resolution modules are imported where they are
# used: a run with nothing new never needs them, and importing them costs
# seconds that a no-op rerun should not pay.

__all__ = ["analysis_started_early", "newsfold_flow"]

#: Files per read task and articles per analyse task.
READ_BATCH = 2000
ANALYSE_BATCH = 2000


@task(name="discover", cache_policy=NO_CACHE)
def discover_task(raw: Path, out: Path, max_bytes: int) -> tuple[list[SourceFile], list[Reject]]:
    """Find the input files and refuse the unusable ones."""
    return discover_sources(raw, exclude=[out], max_bytes=max_bytes)


@task(name="plan", cache_policy=NO_CACHE)
def plan_task(sources: list[SourceFile], rejects: list[Reject], previous: Snapshot | None,
              curation: str | None, max_bytes: int = DEFAULT_MAX_BYTES,
              max_chars: int = DEFAULT_MAX_ARTICLE_CHARS) -> InputPlan:
    """Compare today's inputs and settings with the last snapshot's."""
    return plan_inputs(sources, rejects, previous, run_settings(curation, max_bytes, max_chars))


@task(name="read", cache_policy=NO_CACHE)
def read_task(raw: Path, sources: Sequence[SourceFile], total: int,
              max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[list[Article], list[Reject]]:
    """Read one batch of files into articles; bad input becomes rejects."""
    articles, rejects = [], []
    for source in sources:
        found, refused = read_source(raw, source, max_bytes=max_bytes)
        articles += found
        rejects += refused
        report("read", 1, total)
    return articles, rejects


@task(name="analyse", cache_policy=NO_CACHE)
def analyse_task(pool: AnalysisPool, requests: Sequence[AnalysisRequest], total: int) -> AnalysisBatch:
    """Parse one batch of articles and extract their rows, on every core."""
    return pool.analyse(requests, on_progress=lambda n: report("analyse", n, total))


@task(name="analyse", cache_policy=NO_CACHE)
def analyse_on_cluster_task(requests: Sequence[AnalysisRequest], max_chars: int, ruler: str,
                            budget_seconds: int) -> AnalysisBatch:
    """Parse one batch of articles on a Dask worker, with the model the worker keeps loaded."""
    from flows.dask_cluster import analyse_on_worker

    return analyse_on_worker(requests, max_chars, ruler, budget_seconds)


@task(name="resolve", cache_policy=NO_CACHE)
def resolve_task(
    tables: dict[str, pl.DataFrame], curation: str | None, release: bool = False, memo: Memo | None = None
) -> dict[str, pl.DataFrame]:
    """Link mentions and speakers to entities and cluster quotes, dataset-wide (``memo``: see newsfold.memo)."""
    from newsfold.names import load_curation
    from newsfold.resolve import link_dataset

    return link_dataset(tables, load_curation(Path(curation)) if curation else None, release=release, memo=memo)


@task(name="validate", cache_policy=NO_CACHE)
def validate_task(tables: dict[str, pl.DataFrame], run_id: str, spans_checked: pl.Series | None = None):
    """Check every table against its contract; failing rows become rejects (``spans_checked``: see split_valid_rows)."""
    return split_valid_rows(tables, run_id=run_id, spans_checked=spans_checked)


@task(name="commit", cache_policy=NO_CACHE)
def commit_task(out: Path, tables: dict[str, pl.DataFrame], manifest: pl.DataFrame, run_id: str,
                keep_runs: int = DEFAULT_KEEP_RUNS) -> Snapshot:
    """Write what changed in every table and make it current, atomically."""
    metadata = {
        "newsfold.schema_version": SCHEMA_VERSION,
        "newsfold.pipeline_version": __version__,
        "newsfold.run_id": run_id,
    }
    return commit_snapshot(out, tables, manifest, version=run_id, metadata=metadata, keep_runs=keep_runs)


@flow(name="newsfold", log_prints=False)
def newsfold_flow(
    raw: str = "raw",
    out: str = "output",
    max_bytes: int = DEFAULT_MAX_BYTES,
    workers: int | None = None,
    curation: str | None = None,
    lock_wait_seconds: float = 3600.0,
    max_chars: int = DEFAULT_MAX_ARTICLE_CHARS,
    startup_seconds: dict[str, float] | None = None,
    keep_runs: int = DEFAULT_KEEP_RUNS,
    dask_address: str | None = None,
) -> dict:
    """Bring the dataset in ``out`` up to date with the articles in ``raw``.

    Args:
        raw: Input directory, read recursively.
        out: Output directory (created if missing), or ``s3://bucket/prefix`` on object storage
            (endpoint and credentials from the ``AWS_*`` environment variables, see
            :mod:`newsfold.object_store`).
        max_bytes: Files larger than this (gunzipped, for ``.gz``) are rejected.
        workers: Analysis processes; default one per core.
        curation: Optional entity curation file (see docs/entities.md).
        lock_wait_seconds: How long to wait for a run already writing ``out``.
        max_chars: Articles longer than this are not analysed (an NF201 reject).
        startup_seconds: Seconds the caller spent before calling the flow, per stage
            (the CLI's imports and Prefect server start), reported first in the summary.
        keep_runs: Committed runs whose tables stay readable (``read_table(..., version=N)``),
            this one included; files only older runs need are deleted.
        dask_address: Read and analyse on a Dask cluster: ``tcp://HOST:PORT`` of a
            running scheduler, or ``"local"`` for worker processes started on this
            machine for the run (``workers`` of them). The workers must see ``raw``
            at the same absolute path (this machine, or a shared file system).

    Returns:
        The run summary as a dict (see :class:`newsfold.summary.RunSummary`).
    """
    started_at = dt.datetime.now(dt.timezone.utc)
    raw_path, out_path = Path(raw), output_location(out)
    clock = StageClock(startup_seconds)
    if startup_seconds is not None:  # called from the CLI: the process's age tells what Prefect took to get here
        clock.add("prefect flow start", seconds_since_launch(time.perf_counter()) - sum(clock.seconds.values()))
    start = _RunStart(make_run_id(started_at), started_at, time.perf_counter() - sum(clock.seconds.values()),
                      out_path, clock)
    run_id = start.run_id
    logger = get_run_logger()
    check_output_apart(raw_path, out_path)  # before anything is written
    keep_large_blocks_apart()  # a long run's freed buffers go back to the system, not into heap holes
    with output_lock(out_path, wait_seconds=lock_wait_seconds), _memory_written(clock), contextlib.ExitStack() as run_scope:
        if needs_repair(out_path):  # a killed run's tables back to the last commit; an old layout converted
            with clock.measure("repair"):
                repair_output(out_path)
        with clock.measure("discover"):
            sources, discover_rejects = discover_task(raw_path, out_path, max_bytes)
        with clock.measure("plan"):
            previous = current_snapshot(out_path)
            plan = plan_task(quote(sources), quote(discover_rejects), previous, curation, max_bytes, max_chars)
        if plan.is_noop:
            logger.info("nothing new in %s: the dataset is unchanged", raw_path)
            return _publish(_unchanged_summary(start, plan, previous))
        run_scope.enter_context(_gazetteer_early_for(plan))

        with _heavy_stages_on(dask_address, workers, clock) as cluster:
            with clock.measure("read"):
                articles, read_rejects = _read_all(raw_path, plan.to_read, max_bytes, cluster)
                reusable = previous if plan.reuse_previous else None
                gathered = gather_documents(reusable, plan.carried_paths, articles, run_id=run_id)
                del articles  # their texts are in ``gathered`` now
            analysis = _analyse_all(gathered.to_analyse, workers, max_chars, clock, cluster)
        with clock.measure("assemble"):
            tables = gathered.combine(analysis.documents, analysis.tables())
            # Each stage makes new frames from the last: one dropped as soon as the next has its rows
            # keeps a long text's rows in memory about twice, not once per stage (docs/benchmarks.md).
            earlier_rejects = pl.concat(
                [
                    rejects_frame(
                        discover_rejects + read_rejects + gathered.duplicate_rejects
                        + gathered.analysis_rejects(analysis.failures),
                        run_id=run_id,
                    ),
                    gathered.carried.rejects,
                ],
                how="vertical",
            )
            spans_checked = gathered.committed_doc_ids
            del analysis, gathered  # ``tables`` has their rows (and the texts) now
            return_free_memory()  # what the analysis and the read-back freed goes back before resolution's peak

        large = tables["documents"][Documents.text].str.len_bytes().sum() > RELEASE_RESOLVER_MIN_BYTES
        with _on_disk_while_resolving(tables) as read_back:
            with clock.measure("resolve"), cyclic_gc_paused():
                memo = read_memo(out_path)  # what earlier runs computed per spelling and article
                linked = resolve_task(quote(tables), curation, release=large, memo=quote(memo))
                del tables
                if large:  # validation and the commit have no use for the resolver's 640 MB (docs/benchmarks.md)
                    from newsfold.resolve import release_resolver_data

                    release_resolver_data()
            with clock.measure("assemble"):
                linked.update(read_back())
        with clock.measure("validate"):
            outcome = validate_task(quote(linked), run_id, quote(spans_checked))
            del linked
        with clock.measure("assemble"):
            rejects = pl.concat([earlier_rejects, outcome.rejects], how="vertical")
            unsorted = {**outcome.tables, "rejects": rejects, "runs": _previous_runs(previous)}
            del outcome, rejects
            # One table at a time, each unsorted one dropped once sorted: the rows are held once, plus a table.
            final = {name: sort_table(name, unsorted.pop(name)) for name in list(unsorted)}
            summary = _committed_summary(start, plan, final, previous)
            final["runs"] = pl.concat([final["runs"], runs_row(summary)], how="vertical")
        with clock.measure("commit"):
            commit_task(out_path, quote(final), plan.manifest, run_id, keep_runs)
            write_memo(out_path, memo)  # after the commit: a cache, never part of the dataset
        summary = summary.with_times(time.perf_counter() - start.clock, clock.rounded())
    logger.info("committed %s: %s", run_id, dict(summary.rows))
    return _publish(summary)


def _gazetteer_early_for(plan: InputPlan) -> contextlib.AbstractContextManager:
    """For a run with much to read, the gazetteer built from now on, while this process is small.

    Such a run loads the resolver's data after the parse, at its largest
    (:data:`OVERLAP_RESOLVER_MAX_BYTES`); the child process that builds the
    gazetteer would then add its 300 MB to the run's peak (docs/benchmarks.md).
    A smaller run builds it while the workers parse, as before.
    """
    if sum(source.size for source in plan.to_read) <= OVERLAP_RESOLVER_MAX_BYTES:
        return contextlib.nullcontext()
    from newsfold.geo.gazetteer import gazetteer_built_early

    return gazetteer_built_early()


@contextlib.contextmanager
def _memory_written(clock: StageClock) -> Iterator[None]:
    """On leaving, also on an error: the per-stage peak memory, if asked for (``NEWSFOLD_STAGE_MEMORY``)."""
    try:
        yield
    finally:
        clock.write_memory()


@contextlib.contextmanager
def _on_disk_while_resolving(tables: dict[str, pl.DataFrame]) -> Iterator[Callable[[], dict[str, pl.DataFrame]]]:
    """Move the tables resolution never reads (:data:`RESOLUTION_UNREAD`) out of ``tables`` and memory for the block.

    A long text's sentences hold its text again; on disk they stay out of the
    resolution's peak (docs/benchmarks.md). Done for every run, so that every
    test goes this way too. Yields what reads them back: call it before the
    block ends, since the directory goes with it (and with the run, if it is
    killed: spill.py).
    """
    from newsfold.spill import spill_directory, spill_frame

    with spill_directory() as directory:
        scans = {name: spill_frame(tables.pop(name), directory) for name in RESOLUTION_UNREAD}
        yield lambda: dict(zip(scans, pl.collect_all(list(scans.values()))))


#: Per-article tables that ``link_dataset`` passes through without reading.
RESOLUTION_UNREAD = ("sentences",)


def _batched(items: Sequence, size: int) -> list[Sequence]:
    return [items[i : i + size] for i in range(0, len(items), size)]


@contextlib.contextmanager
def _heavy_stages_on(dask_address: str | None, workers: int | None, clock: StageClock) -> Iterator[DaskCluster | None]:
    """The Dask cluster reading and analysis run on for the block, or None to run them here."""
    if dask_address is None:
        yield None
        return
    from flows.dask_address import parse_dask_address
    from flows.dask_cluster import connect_cluster

    stack = contextlib.ExitStack()
    with clock.measure("dask cluster start"):
        cluster = stack.enter_context(connect_cluster(parse_dask_address(dask_address), workers))
    try:
        yield cluster
    finally:
        with clock.measure("dask cluster stop"):
            stack.close()


def _read_all(raw: Path, sources: Sequence[SourceFile], max_bytes: int,
              cluster: DaskCluster | None = None) -> tuple[list[Article], list[Reject]]:
    """Read files in batches, one task each, here or on ``cluster``."""
    if cluster is None:
        results = [read_task(raw, quote(batch), len(sources), max_bytes) for batch in _batched(sources, READ_BATCH)]
    else:
        from flows.dask_cluster import Batch

        batches = _batched(sources, cluster.batch_size(len(sources), READ_BATCH))
        # Workers do not share this process's working directory: they get the absolute path.
        calls = [dict(raw=raw.resolve(), sources=Batch(batch), total=len(sources), max_bytes=max_bytes) for batch in batches]
        results = cluster.run_batches(
            read_task, calls,
            fallback=lambda i: read_task(raw, quote(batches[i]), len(sources), max_bytes),
            on_done=lambda i: report("read", len(batches[i]), len(sources)),
        )
    articles, rejects = [], []
    for found, refused in results:
        articles += found
        rejects += refused
    return articles, rejects


def _analyse_all(to_analyse: pl.DataFrame, workers: int | None, max_chars: int, clock: StageClock,
                 cluster: DaskCluster | None = None) -> AnalysisBatch:
    """Analyse articles in batches (one task each) on a pool shared by the batches, or on ``cluster``."""
    with clock.measure("analyse: imports"):
        from newsfold.analyse import AnalysisBatch, AnalysisPool, AnalysisRequest
        from newsfold.spill import spill_directory

    if cluster is not None:
        requests = [AnalysisRequest(*row) for row in to_analyse.select(_REQUEST_COLUMNS).iter_rows()]
        del to_analyse  # the requests hold the texts now
        return _analyse_on_cluster(requests, workers, max_chars, clock, cluster)
    total = to_analyse.height
    chars = to_analyse[Documents.text].str.len_bytes().sum() if total else 0
    batches = []
    pool = _EARLY_POOLS.pop((workers, max_chars), None) if total else None
    if pool is None:
        # Registry names are set as entities before spaCy's ner (docs/ner.md).
        with clock.measure("analyse: registry patterns"):
            patterns = _registry_patterns() if total else None
        pool = AnalysisPool(workers, max_chars=max_chars, patterns=patterns)
    if chars <= OVERLAP_RESOLVER_MAX_BYTES:
        # Loading the resolver's name data (rigour's, seconds of one core) overlaps the parse instead of following it.
        pool.while_parsing = _load_resolver
    # The workers' rows wait on disk, not in this process beside the workers (docs/benchmarks.md).
    # A run killed before it could remove its directory leaves it behind: the next run removes it (spill.py).
    with spill_directory() as spill:
        pool.spill_directory = spill
        pending = list(to_analyse.select(_REQUEST_COLUMNS).iter_slices(ANALYSE_BATCH))
        del to_analyse  # the slices hold its rows; each batch's go once the batch has its requests
        with clock.measure("analyse"), pool:
            while pending:
                rows = pending.pop(0)
                # Python strings of one batch's texts at a time, dropped once the batch is done.
                requests = [AnalysisRequest(*row) for row in rows.iter_rows()]
                del rows
                batches.append(analyse_task(quote(pool), quote(requests), total))
                del requests
        with clock.measure("assemble"):
            return AnalysisBatch.concat(batches).collected()  # the workers have ended: read the rows back


#: Columns of ``Gathered.to_analyse`` that make an ``AnalysisRequest``, in its fields' order.
_REQUEST_COLUMNS = [Documents.doc_id, Documents.text, Documents.published_date]
#: Most bytes of text to analyse for which the resolver's data (about 500 MB, the gazetteer's included) is loaded while the workers
#: parse, to save its seconds; above it, the run takes minutes anyway and that memory would sit beside the
#: workers at the run's peak, so it is loaded after them (docs/benchmarks.md, "One very long text").
OVERLAP_RESOLVER_MAX_BYTES = 5_000_000
#: Most bytes of text in the dataset for which the resolver's data stays loaded after resolution: a process
#: running several small flows (tests, a notebook) keeps it for the next; a large run frees it before the
#: validation and the commit, whose peak it would otherwise add to.
RELEASE_RESOLVER_MIN_BYTES = OVERLAP_RESOLVER_MAX_BYTES


def _analyse_on_cluster(requests: list[AnalysisRequest], workers: int | None, max_chars: int, clock: StageClock,
                        cluster: DaskCluster) -> AnalysisBatch:
    """Analyse batches on the cluster's workers; a batch that kills its workers goes to a pool here."""
    from flows.dask_cluster import Batch
    from newsfold.analyse import AnalysisBatch, AnalysisPool
    from newsfold.analyse.recovery import TimeBudget

    if not requests:
        return AnalysisBatch.from_analyses([])
    with clock.measure("analyse: registry patterns"):
        patterns = _registry_patterns()
        ruler = cluster.send_patterns(patterns)
    batches = _batched(requests, cluster.batch_size(len(requests), ANALYSE_BATCH))
    budget = TimeBudget()
    calls = [
        dict(requests=Batch(batch), max_chars=max_chars, ruler=ruler,
             budget_seconds=budget.seconds_for(sum(len(request.text) for request in batch)))
        for batch in batches
    ]
    with clock.measure("analyse"), contextlib.ExitStack() as stack:
        pools: list[AnalysisPool] = []

        def in_a_pool_here(index: int) -> AnalysisBatch:
            if not pools:
                # Worker processes even for a small batch: an article that killed a Dask worker
                # would kill this process too if it were analysed here.
                pools.append(stack.enter_context(AnalysisPool(workers, max_chars=max_chars, patterns=patterns)).start())
            return analyse_task(quote(pools[0]), quote(batches[index]), len(requests))

        results = cluster.run_batches(
            analyse_on_cluster_task, calls, fallback=in_a_pool_here,
            on_done=lambda i: report("analyse", len(batches[i]), len(requests)),
            while_waiting=_load_resolver,  # the resolver's name data loads here while the workers parse
        )
    return AnalysisBatch.concat(results)


#: Pools started before the flow (by :func:`analysis_started_early`), by (workers, max_chars).
_EARLY_POOLS: dict[tuple[int | None, int], AnalysisPool] = {}


@contextlib.contextmanager
def analysis_started_early(workers: int | None, max_chars: int, bytes_to_read: int) -> Iterator[None]:
    """Start the analysis workers now, for the next flow run in this process with these settings.

    The CLI calls it while Prefect's temporary server starts: the workers load
    spaCy's model meanwhile, on the core the server leaves. Small runs
    (analysed in this process anyway) start nothing. Whatever the flow did
    not take is stopped when the block ends, also on an error.

    Example:
        >>> with analysis_started_early(None, 1_000_000, bytes_to_read=0):
        ...     pass  # too little to read: nothing was started
    """
    from newsfold.analyse.runner import MIN_CHARS_FOR_WORKERS, AnalysisPool

    if bytes_to_read < MIN_CHARS_FOR_WORKERS:
        yield
        return
    key = (workers, max_chars)
    pool = AnalysisPool(workers, max_chars=max_chars, patterns=_registry_patterns())
    _EARLY_POOLS[key] = pool
    try:
        pool.start()
        yield
    finally:
        if _EARLY_POOLS.get(key) is pool:
            del _EARLY_POOLS[key]
        pool.__exit__(*sys.exc_info())


def _registry_patterns() -> list[dict]:
    from newsfold.analyse.ruler import make_registry_patterns
    from newsfold.names.entries import read_registry_document

    return make_registry_patterns(read_registry_document()[0])


def _load_resolver() -> None:
    from newsfold.geo import load_gazetteer
    from newsfold.geo.gazetteer import gazetteer_built_early
    from newsfold.names import load_name_tables
    from newsfold.resolve import link_dataset  # noqa: F401 - imported for its cost, here rather than later
    from newsfold.stories import build_stories  # noqa: F401 - link_dataset imports it when it needs it

    # The gazetteer's child process builds it on the other core while this one loads the name data:
    # started after them, it kept this process waiting about 6 s, idle (docs/benchmarks.md).
    with gazetteer_built_early():
        load_name_tables()
        load_gazetteer()


def _previous_runs(previous: Snapshot | None) -> pl.DataFrame:
    return previous.read_table("runs") if previous else pl.DataFrame(schema=polars_schema(Runs))


@dataclass(frozen=True)
class _RunStart:
    """What a run knows from its first moment, for its summary."""

    run_id: str
    started_at: dt.datetime
    clock: float  # perf_counter at the user's keystroke, as far as known
    out: Path
    stages: StageClock


def _summary(start: _RunStart, plan: InputPlan, *, committed: bool, rows: dict[str, int],
             rejects: pl.DataFrame, new_entities: Sequence[str] = (),
             links_by_method: dict[str, int] | None = None) -> RunSummary:
    return RunSummary(
        run_id=start.run_id,
        flow_run_id=flow_run.get_id(),
        started_at=start.started_at,
        finished_at=dt.datetime.now(dt.timezone.utc),
        committed=committed,
        inputs=_input_counts(plan),
        rows=rows,
        rejects_by_code=dict(Counter(rejects[Rejects.error_code].to_list())),
        new_entities=tuple(new_entities),
        links_by_method=links_by_method or {},
        output=str(start.out),
        seconds=time.perf_counter() - start.clock,
        stage_seconds=start.stages.rounded(),
    )


def _committed_summary(start: _RunStart, plan: InputPlan, tables: dict[str, pl.DataFrame],
                       previous: Snapshot | None) -> RunSummary:
    """Summary of a committing run; ``tables`` are the tables about to be written."""
    before = previous.read_table("entities")[Entities.entity_id].to_list() if previous else []
    new_entities = tables["entities"].filter(~pl.col(Entities.entity_id).is_in(before))
    rows = {name: tables[name].height for name in TABLES}
    rows["runs"] += 1  # this run's own row, appended once the summary exists
    # Counted in Polars, in order of first appearance as a Counter would: a long text has millions of mentions.
    links = dict(tables["mentions"].group_by(Mentions.resolution, maintain_order=True).len().iter_rows())
    return _summary(start, plan, committed=True, rows=rows, rejects=tables["rejects"],
                    new_entities=new_entities[Entities.canonical_name].to_list(), links_by_method=links)


def _unchanged_summary(start: _RunStart, plan: InputPlan, previous: Snapshot) -> RunSummary:
    """Summary of a run that found nothing new: the last committed counts stand."""
    summary = summarise_unchanged(plan, previous, run_id=start.run_id, started_at=start.started_at,
                                  seconds=0.0, output=str(start.out), flow_run_id=flow_run.get_id())
    return summary.with_times(time.perf_counter() - start.clock, start.stages.rounded())


def _input_counts(plan: InputPlan) -> dict[str, int]:
    return {name: plan.counts[name] for name in INPUT_COUNTS}


def _publish(summary: RunSummary) -> dict:
    create_markdown_artifact(
        key="newsfold-run-summary",
        markdown=render_markdown(summary),
        description=f"newsfold run {summary.run_id}",
    )
    return summary.to_dict()
