"""The ``newsfold`` command line: a thin shell over the library and the flow.

Each sub-command lives in its own module of this package and is registered
below. Library errors become a clean ``click.ClickException`` here, at the
edge, never a traceback.
"""

from __future__ import annotations

import click

from newsfold import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsfold")
def main() -> None:
    """Turn folders of raw news articles into a validated Parquet dataset.

    \b
    Example:
        newsfold run raw --out output
    """


@main.group()
def evaluate() -> None:
    """Score newsfold against gold-standard corpora.

    \b
    Example:
        newsfold evaluate dates ../shared/corpora/tempeval3
    """


def _register() -> None:
    """Attach the sub-commands; each module exposes one click ``command``."""
    import importlib

    for module_name, group in [
        ("flows.cli.run", main),
        ("flows.cli.serve", main),
        ("flows.cli.validate", main),
        ("flows.cli.dictionary", main),
        ("flows.cli.sql", main),
        ("flows.cli.entities", main),
        ("flows.cli.evaluate_names", evaluate),
        ("flows.cli.evaluate_quotes", evaluate),
        ("flows.cli.evaluate_dates", evaluate),
    ]:
        group.add_command(importlib.import_module(module_name).command)


_register()
