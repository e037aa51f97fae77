"""``newsfold dictionary``: print the data dictionary."""

from __future__ import annotations

import click

from newsfold.dictionary import render_data_dictionary


@click.command("dictionary")
def command() -> None:
    """Print the data dictionary (every table, column, type and meaning) as markdown.

    \b
    Example:
        newsfold dictionary > docs/data-dictionary.md
    """
    click.echo(render_data_dictionary(), nl=False)
