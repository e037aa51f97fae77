"""The ``newsfold`` command line: a thin shell over the library and the flow.

Each sub-command lives in its own module of this package, which exposes one
click object named ``command``. Modules are imported only when their command
runs (or help lists it), so ``newsfold run`` does not pay for spaCy or the
name registry at start-up. Library errors become a clean
``click.ClickException`` in the command modules, at the edge, never a traceback.
"""

from __future__ import annotations

import importlib

import click

from newsfold import __version__


class LazyGroup(click.Group):
    """A click group whose sub-commands are imported on first use.

    Args:
        lazy_commands: Command name to the module that defines it.
    """

    def __init__(self, *args, lazy_commands: dict[str, str] | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.lazy_commands = lazy_commands or {}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy_commands})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in self.lazy_commands and name not in self.commands:
            self.add_command(importlib.import_module(self.lazy_commands[name]).command, name)
        return super().get_command(ctx, name)


@click.group(
    cls=LazyGroup,
    context_settings={"help_option_names": ["-h", "--help"]},
    lazy_commands={
        "run": "flows.cli.run",
        "serve": "flows.cli.serve",
        "validate": "flows.cli.validate",
        "dictionary": "flows.cli.dictionary",
        "sql": "flows.cli.sql",
        "history": "flows.cli.history",
        "report": "flows.cli.report",
        "entities": "flows.cli.entities",
        "registry": "flows.cli.registry",
        "stories": "flows.cli.stories",
    },
)
@click.version_option(__version__, prog_name="newsfold")
def main() -> None:
    """Turn folders of raw news articles into a validated Parquet dataset.

    \b
    Example:
        newsfold run raw --out output
    """


@main.group(
    cls=LazyGroup,
    lazy_commands={
        "names": "flows.cli.evaluate_names",
        "quotes": "flows.cli.evaluate_quotes",
        "dates": "flows.cli.evaluate_dates",
        "places": "flows.cli.evaluate_places",
        "stories": "flows.cli.evaluate_stories",
        "types": "flows.cli.evaluate_types",
    },
)
def evaluate() -> None:
    """Score newsfold against gold-standard corpora.

    \b
    Example:
        newsfold evaluate dates ../shared/corpora/tempeval3
    """
