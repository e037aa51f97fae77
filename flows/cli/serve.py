"""``newsfold serve``: the flow as a Prefect deployment on a schedule."""

from __future__ import annotations

from pathlib import Path

import click

from flows.cli.run import UsageRefused
from newsfold.discover import check_output_apart
from newsfold.errors import InputError
from newsfold.limits import DEFAULT_MAX_ARTICLE_CHARS, DEFAULT_MAX_BYTES


@click.command("serve")
@click.argument("raw", default="raw", type=click.Path(file_okay=False, path_type=Path))
@click.option("--out", "-o", default="output", show_default=True, type=click.Path(file_okay=False, path_type=Path), help="Dataset directory.")
@click.option("--cron", required=True, help='Schedule in cron syntax, e.g. "*/30 * * * *".')
@click.option("--name", default="newsfold-scheduled", show_default=True, help="Deployment name.")
@click.option("--workers", "-w", type=click.IntRange(min=1), help="Analysis processes [default: one per core].")
@click.option("--max-bytes", default=DEFAULT_MAX_BYTES, show_default=True, type=click.IntRange(min=1), help="Reject input files larger than this (gunzipped size for .gz).")
@click.option("--max-chars", default=DEFAULT_MAX_ARTICLE_CHARS, show_default=True, type=click.IntRange(min=1), help="Reject articles longer than this unanalysed.")
@click.option("--curation", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="Entity curation file.")
def command(raw: Path, out: Path, cron: str, name: str, workers: int | None, max_bytes: int, max_chars: int, curation: Path | None) -> None:
    """Serve the flow as a deployment that runs RAW into --out on a schedule.

    Runs until interrupted. Without PREFECT_API_URL it uses Prefect's
    temporary local server; with it, the server it names, where the
    deployment can also be triggered by hand
    (`prefect deployment run newsfold/NAME`).

    \b
    Example:
        newsfold serve raw --out output --cron "0 * * * *"
    """
    try:
        check_output_apart(raw, out)
    except InputError as exc:
        raise UsageRefused(str(exc)) from exc
    from flows.pipeline import newsfold_flow

    parameters = {
        "raw": str(raw.resolve()),
        "out": str(out.resolve()),
        "max_bytes": max_bytes,
        "max_chars": max_chars,
        "workers": workers,
        "curation": str(curation.resolve()) if curation else None,
    }
    try:
        newsfold_flow.serve(name=name, cron=cron, parameters=parameters)
    except ValueError as exc:  # Prefect's message for an invalid cron expression
        raise click.BadParameter(str(exc), param_hint="--cron") from exc
