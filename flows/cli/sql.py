"""``newsfold sql``: query the dataset with DuckDB, every table a view."""

from __future__ import annotations

from pathlib import Path

import click
import duckdb
from rich.console import Console
from rich.table import Table

from flows.cli.locations import OutputLocation
from newsfold.errors import NewsfoldError
from newsfold.load import read_table
from schemas import TABLES


@click.command("sql")
@click.argument("query")
@click.option("--out", "-o", default="output", show_default=True, type=OutputLocation(), help="Dataset directory, or s3://BUCKET/PREFIX.")
@click.option("--limit", default=50, show_default=True, help="Rows to show.")
@click.option("--version", "version", type=click.IntRange(min=0), help="Query the tables as run N left them (`newsfold history` lists the runs).")
def command(query: str, out: Path, limit: int, version: int | None) -> None:
    """Run a DuckDB SQL QUERY over the dataset; each table is a view of its name.

    \b
    Example:
        newsfold sql "SELECT e.canonical_name, count(*) AS n FROM mentions m
                      JOIN entities e USING (entity_id) GROUP BY 1 ORDER BY n DESC"
    """
    connection = duckdb.connect()
    try:
        for name in TABLES:
            read_table(name, out, kind="duckdb", connection=connection, version=version).create_view(name)
        result = connection.sql(query)
    except (NewsfoldError, duckdb.Error) as exc:
        raise click.ClickException(str(exc)) from exc
    if result is None:
        return
    table = Table(*result.columns)
    for row in result.limit(limit).fetchall():
        table.add_row(*[str(value) for value in row])
    Console().print(table)
