"""``newsfold stories``: the largest and newest stories, and one story in full."""

from __future__ import annotations

from pathlib import Path

import click

from newsfold.errors import StoreError
from schemas import Stories


class _ListOrCommand(click.Group):
    """A group that lists stories when no subcommand is given."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] not in ("-h", "--help")):
            args = ["list", *args]
        return super().parse_args(ctx, args)


@click.group("stories", cls=_ListOrCommand, context_settings={"help_option_names": ["-h", "--help"]})
def command() -> None:
    """List the largest and newest stories, or show one story's articles.

    `newsfold stories [OUT]` is short for `newsfold stories list [OUT]`.

    \b
    Example:
        newsfold stories output
        newsfold stories show sty_4bd3097d008063c8 --out output
    """


@command.command("list")
@click.argument("out", type=click.Path(file_okay=False, path_type=Path), default="output")
@click.option("-n", "--limit", default=10, show_default=True, help="Stories per list.")
def list_command(out: Path, limit: int) -> None:
    """The largest stories, then the newest: label, articles, sources, span of dates.

    \b
    Example:
        newsfold stories list output -n 5
    """
    from newsfold.stories.browse import list_stories

    try:
        largest, newest = list_stories(out, limit=limit)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    for heading, frame in (("largest stories", largest), ("newest stories", newest)):
        click.echo(heading)
        click.echo(f" {'story_id':<20} {'docs':>4} {'srcs':>4}  {'dates':<23}  label")
        for row in frame.iter_rows(named=True):
            click.echo(
                f" {row[Stories.story_id]:<20} {row[Stories.n_documents]:>4} {row[Stories.n_sources]:>4}  "
                f"{_span(row):<23}  {_shorten(row[Stories.label], 70)}"
            )


@command.command("show")
@click.argument("story_id")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default="output", show_default=True,
              help="Dataset directory.")
def show_command(story_id: str, out: Path) -> None:
    """One story: its articles with sources and dates, its top entities and its quotes.

    \b
    Example:
        newsfold stories show sty_4bd3097d008063c8 --out output
    """
    from newsfold.stories.browse import describe_story

    try:
        detail = describe_story(out, story_id)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    story = detail.story
    click.echo(f"{story[Stories.story_id]}  {story[Stories.label]}")
    if detail.asked_for != story[Stories.story_id]:
        click.echo(f"  ({detail.asked_for} was merged into it)")
    click.echo(f"  {story[Stories.n_documents]} articles, {story[Stories.n_sources]} sources, {_span(story)}")
    click.echo("articles")
    for row in detail.articles.iter_rows(named=True):
        copy = f"  (copy of {row['duplicate_of']})" if row["duplicate_of"] else ""
        date = str(row["published_date"] or "-")
        click.echo(f"  {date:<10}  {row['doc_id']}  {_shorten(row['source'], 24):<24}  {_shorten(row['title'], 60)}{copy}")
    click.echo("top entities")
    for row in detail.entities.iter_rows(named=True):
        click.echo(f"  {row['entity_id']:<22} {row['entity_type']:<4} {row['canonical_name']}")
    click.echo("quotes")
    for row in detail.quotes.iter_rows(named=True):
        click.echo(f"  {_shorten(row['speaker_name'] or '(unknown)', 24):<24}  {_shorten(row['text'], 80)}")


def _span(row: dict) -> str:
    first, last = row[Stories.first_published], row[Stories.last_published]
    if first is None:
        return "(no dates)"
    return str(first) if first == last else f"{first} to {last}"


def _shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
