"""``newsfold run``: one flow run over a raw directory."""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

import click

from flows.cli.display import print_summary, progress_bars
from flows.cli.locations import OutputLocation
from flows.signals import stop_on_sigterm
from newsfold.discover import check_output_apart
from newsfold.errors import InputError
from newsfold.limits import DEFAULT_MAX_ARTICLE_CHARS, DEFAULT_MAX_BYTES
from newsfold.stages import StageClock, seconds_since_launch
from newsfold.store import DEFAULT_KEEP_RUNS


class UsageRefused(click.ClickException):
    """A usage error told in one line (``Error: ...``), exit status 2."""

    exit_code = 2


@click.command("run")
@click.argument("raw", default="raw", type=click.Path(file_okay=False, path_type=Path))
@click.option("--out", "-o", default="output", show_default=True, type=OutputLocation(), help="Dataset directory, or s3://BUCKET/PREFIX (endpoint and credentials from the AWS_* environment variables).")
@click.option("--workers", "-w", type=click.IntRange(min=1), help="Analysis processes (with --dask local: Dask worker processes) [default: one per core].")
@click.option("--max-bytes", default=DEFAULT_MAX_BYTES, show_default=True, type=click.IntRange(min=1), help="Reject input files larger than this (gunzipped size for .gz).")
@click.option("--max-chars", default=DEFAULT_MAX_ARTICLE_CHARS, show_default=True, type=click.IntRange(min=1), help="Reject articles longer than this unanalysed.")
@click.option("--curation", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="Entity curation file (docs/entities.md).")
@click.option("--keep-runs", default=DEFAULT_KEEP_RUNS, show_default=True, type=click.IntRange(min=1), help="Committed runs whose tables stay readable (newsfold history); files only older runs need are deleted.")
@click.option("--dask", "dask", metavar="ADDRESS", help="Read and analyse on a Dask cluster: tcp://HOST:PORT of a running scheduler (whose workers see RAW at the same path), or 'local' to start --workers worker processes here for the run.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bars, no summary table.")
@click.option("--verbose", "-v", is_flag=True, help="Show Prefect's log lines.")
def command(raw: Path, out: Path, workers: int | None, max_bytes: int, max_chars: int, curation: Path | None,
            keep_runs: int, dask: str | None, quiet: bool, verbose: bool) -> None:
    """Bring the dataset in --out up to date with the articles in RAW.

    Only new or changed files are read; a run with nothing new writes
    nothing. Exit status: 0 when the run completed (rejected input alone
    does not fail a run; the summary counts it), 1 when the run failed,
    2 on a usage error.

    With --dask, reading and analysis run as one task per batch on a Dask
    cluster; resolution, validation and the commit stay in this process.

    \b
    Example:
        newsfold run raw --out output
        newsfold run raw --out output --dask tcp://10.0.0.5:8786
        newsfold run raw --out s3://news/collection
    """
    if not raw.is_dir():
        raise click.BadParameter(f"{raw} is not a directory", param_hint="RAW")
    try:
        check_output_apart(raw, out)
    except InputError as exc:
        raise UsageRefused(str(exc)) from exc
    if dask is not None:
        dask = _check_dask(dask)
    clock = time.perf_counter()
    # Times count from the user's keystroke: Python's start and the imports come first.
    stages = StageClock({"start and imports": seconds_since_launch(clock)})
    with stages.measure("no-op check"):
        unchanged, bytes_to_read = _check_inputs(raw, out, max_bytes, max_chars, curation, clock)
    if unchanged is not None:  # nothing to do: no Prefect, no spaCy, no server to start
        if not quiet:
            print_summary(unchanged.with_times(seconds_since_launch(clock), stages.rounded()).to_dict())
        return
    # Prefect reads its settings at import, so the log level is set before.
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "INFO" if verbose else "WARNING")
    from flows.server import ServerStartError, TemporaryServer

    with stop_on_sigterm():
        try:
            with stages.measure("prefect server start"):
                server = TemporaryServer.start()
        except ServerStartError as exc:
            raise click.ClickException(str(exc)) from exc
        try:
            with stages.measure("flow imports"):
                from flows.pipeline import analysis_started_early, newsfold_flow  # while the server starts

            # The analysis workers load their model while the server starts.
            with contextlib.ExitStack() as early:
                if dask is None:  # on a cluster, the analysis runs on the cluster's workers
                    with stages.measure("analysis workers start"):
                        early.enter_context(analysis_started_early(workers, max_chars, bytes_to_read))
                with stages.measure("prefect server start"):
                    if server is not None:
                        server.wait()
                parameters = dict(raw=str(raw), out=str(out), max_bytes=max_bytes, max_chars=max_chars,
                                  workers=workers, curation=str(curation) if curation else None, keep_runs=keep_runs,
                                  startup_seconds=stages.rounded(6), dask_address=dask)
                with progress_bars(enabled=not quiet, clock=clock):
                    summary = newsfold_flow(**parameters)
        except ServerStartError as exc:
            raise click.ClickException(str(exc)) from exc
        except (KeyboardInterrupt, click.ClickException):
            raise
        except Exception as exc:  # the edge: any failure becomes a message and exit 1
            raise click.ClickException(f"the run failed: {type(exc).__name__}: {exc}") from exc
        finally:
            if server is not None:
                _flush_prefect_logs()  # before the server goes: Prefect would retry, then print an error
                server.stop()
    # What the user waited, Prefect's start and stop included.
    summary["seconds"] = seconds_since_launch(clock)
    # The flow's own teardown, the artifact, the log flush and the server's stop: what no stage counted.
    summary["stage_seconds"]["prefect end"] = round(max(summary["seconds"] - sum(summary["stage_seconds"].values()), 0.0), 3)
    if not quiet:
        print_summary(summary)


def _check_dask(value: str) -> str:
    """The ``--dask`` address, normalised; a usage error (exit 2, one line) if it is malformed or unreachable."""
    from flows.dask_address import DaskClusterError, check_reachable, parse_dask_address

    try:
        address = parse_dask_address(value)
        check_reachable(address)
    except (ValueError, DaskClusterError) as exc:
        raise UsageRefused(f"--dask: {exc}") from exc
    return address


def _check_inputs(raw: Path, out: Path, max_bytes: int, max_chars: int, curation: Path | None, clock: float):
    """(the no-op summary or None, bytes the run would read) for RAW against the dataset in OUT."""
    import datetime as dt

    from newsfold.errors import NewsfoldError
    from newsfold.noop import check_inputs
    from newsfold.summary import make_run_id

    started_at = dt.datetime.now(dt.timezone.utc)
    try:
        check = check_inputs(raw, out, run_id=make_run_id(started_at), started_at=started_at,
                             max_bytes=max_bytes, max_chars=max_chars, curation=curation, clock=clock)
    except (NewsfoldError, OSError):
        return None, 0  # let the flow meet the problem and report it the usual way
    return check.unchanged, check.bytes_to_read


def _flush_prefect_logs(timeout: float = 5.0) -> None:
    """Send Prefect's queued logs and events to the server while it still runs."""
    try:
        from prefect.events.worker import EventsWorker
        from prefect.logging.handlers import APILogWorker

        for worker in (APILogWorker, EventsWorker):
            worker.drain_all(timeout=timeout)
    except Exception:  # noqa: BLE001 - a log that cannot be sent must not fail the run
        pass
