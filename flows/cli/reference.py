"""The CLI reference (docs/cli.md), generated from the commands' own --help.

Run ``python -m flows.cli.reference > docs/cli.md`` after changing a command;
a test fails when the committed reference and the commands disagree.
"""

from __future__ import annotations

import click

from flows.cli import main


def iter_commands(group: click.Group = main, prefix: str = "newsfold"):
    """Yield ``(full name, command)`` for every command, depth first, sorted."""
    yield prefix, group
    if isinstance(group, click.Group):
        context = click.Context(group, info_name=prefix)
        for name in group.list_commands(context):
            yield from iter_commands(group.get_command(context, name), f"{prefix} {name}")


def render_cli_reference() -> str:
    """Markdown with the --help text of every command."""
    lines = ["# newsfold command reference", "", "Generated from `--help`; do not edit by hand.", ""]
    for name, command in iter_commands():
        context = click.Context(
            command, info_name=name, terminal_width=88, max_content_width=88, help_option_names=["-h", "--help"]
        )
        lines += [f"## `{name}`", "", "```text", command.get_help(context).rstrip(), "```", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    click.echo(render_cli_reference())
