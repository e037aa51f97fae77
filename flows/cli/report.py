"""``newsfold report``: one self-contained HTML page about a dataset."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

import click

from newsfold.errors import NewsfoldError
from newsfold.report import gather_report, read_report_tables
from newsfold.report_html import render_report_html


@click.command("report")
@click.argument("out", default="output", type=click.Path(file_okay=False, path_type=Path))
@click.option("-o", "--output-file", "html_file", default="report.html", show_default=True,
              type=click.Path(dir_okay=False, path_type=Path), help="HTML file to write.")
@click.option("--top", default=15, show_default=True, type=click.IntRange(min=1),
              help="Entities, speakers and stories to list.")
def command(out: Path, html_file: Path, top: int) -> None:
    """Write one self-contained HTML page about the dataset in OUT.

    The page shows the run history, rows per table, rejects by code, the top
    entities with their spellings and mentions per day, the most quoted
    speakers, the largest stories (when the dataset has a stories table) and
    documents per source. It works offline: the chart library, styles and
    data are inlined and it fetches nothing. Text from the articles is
    escaped, never run.

    \b
    Example:
        newsfold report output -o report.html
    """
    try:
        report = gather_report(read_report_tables(out), top=top)
    except NewsfoldError as exc:
        raise click.ClickException(str(exc)) from exc
    page = render_report_html(report, generated_at=dt.datetime.now(dt.timezone.utc), dataset=str(out))
    _write_atomically(html_file, page)
    click.echo(
        f"wrote {html_file} ({len(page.encode('utf-8')) / 1e6:.1f} MB): snapshot {report.version}, "
        f"{report.table_rows.filter(report.table_rows['table'] == 'documents')['rows'].sum():,} documents, "
        f"{report.n_rejects:,} rejects"
    )


def _write_atomically(path: Path, text: str) -> None:
    """Write ``path`` through a temporary file, so a reader never sees half a page."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
