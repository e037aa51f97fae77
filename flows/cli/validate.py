"""``newsfold validate``: re-check a dataset on disk against its contracts."""

from __future__ import annotations

from pathlib import Path

import click
import pyarrow.parquet as pq
from rich.console import Console

from flows.cli.locations import OutputLocation
from newsfold.errors import NewsfoldError
from newsfold.object_store import ObjectStorePath
from newsfold.load import open_dataset
from newsfold.validate import find_violations
from schemas import TABLES

REQUIRED_METADATA = (b"newsfold.schema_version", b"newsfold.pipeline_version")


@click.command("validate")
@click.argument("out", default="output", type=OutputLocation())
@click.option("--max-problems", default=20, show_default=True, help="Problems to list before summarising.")
def command(out: Path, max_problems: int) -> None:
    """Check every table of the dataset in OUT: columns, types, checks, keys, spans.

    OUT is a directory or s3://BUCKET/PREFIX (see the README on object storage).

    Exit status 0 when the dataset satisfies every contract, 1 otherwise.

    \b
    Example:
        newsfold validate output
    """
    console = Console()
    try:
        snapshot = open_dataset(out)
        tables = {name: snapshot.read_table(name) for name in TABLES}
        problems = [
            f"{file}: missing metadata {key.decode()}"
            for name in TABLES
            for file in snapshot.table_files(name)
            for key in REQUIRED_METADATA
            if key not in _file_metadata(file)
        ]
        problems += find_violations(tables)
    except NewsfoldError as exc:
        raise click.ClickException(str(exc)) from exc
    for name, frame in tables.items():
        console.print(f"{name:>10}  {frame.height:>9} rows")
    if problems:
        for line in problems[:max_problems]:
            console.print(f"[red]x[/red] {line}")
        if len(problems) > max_problems:
            console.print(f"... and {len(problems) - max_problems} more")
        raise click.ClickException(f"{len(problems)} problem(s) in {out} (snapshot {snapshot.version})")
    console.print(f"[green]ok[/green] {out} (snapshot {snapshot.version}) satisfies every contract")


def _file_metadata(file: Path | ObjectStorePath) -> dict[bytes, bytes]:
    """The key/values in a Parquet file's schema (read from its footer only)."""
    if isinstance(file, ObjectStorePath):
        with file.open("rb") as handle:
            return pq.read_schema(handle).metadata or {}
    return pq.read_schema(file).metadata or {}
