"""``newsfold history``: the runs committed to a dataset, and which can still be read."""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from flows.cli.locations import OutputLocation
from newsfold.errors import NewsfoldError
from newsfold.store import list_commits, summarise_history


@click.command("history")
@click.argument("out", default="output", type=OutputLocation())
def command(out: Path) -> None:
    """List the runs committed to the dataset in OUT, newest first.

    OUT is a directory or s3://BUCKET/PREFIX (see the README on object storage).

    Each run's number reads its tables back while it is kept (see
    ``newsfold run --keep-runs``): ``read_table("documents", OUT, version=N)``
    in Python, or ``newsfold sql --version N``.

    \b
    Example:
        newsfold history output
    """
    try:
        history = summarise_history(list_commits(out))
    except NewsfoldError as exc:
        raise click.ClickException(str(exc)) from exc
    if history.height == 0:
        raise click.ClickException(f"{out} holds no committed run; run `newsfold run` first")
    table = Table("run", "run id", "committed (UTC)", "kept", "rows added", "rows removed", "tables changed (version)")
    for row in history.iter_rows(named=True):
        table.add_row(str(row["run"]), row["run_id"], f"{row['committed_at']:%Y-%m-%d %H:%M:%S}",
                      "yes" if row["kept"] else "no", str(row["rows_added"]), str(row["rows_removed"]),
                      row["tables"] or "(none)")
    Console(width=200).print(table)
