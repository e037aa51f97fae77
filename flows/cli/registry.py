"""``newsfold registry``: build the shipped entity registry from its YAML sources."""

from __future__ import annotations

from pathlib import Path

import click

from newsfold.errors import NewsfoldError


@click.group("registry")
def command() -> None:
    """Build and check the reference entity registry (people, organisations, places).

    \b
    Example:
        newsfold registry build
    """


@command.command("build")
@click.option(
    "--sources",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    default=None,
    help="Folder of YAML sources (default: the package's data/sources).",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="File to write (default: the package's data/registry.generated.json).",
)
@click.option("--check", is_flag=True, help="Write nothing; exit 1 when OUT differs from a fresh build.")
def build(sources: Path | None, out: Path | None, check: bool) -> None:
    """Validate the registry sources and write the generated registry file.

    Every problem (an alias on two entities of one type, a malformed or repeated
    Wikidata id, a country without its capital, a sovereign state without a head
    of state or government, a person keyed to two countries, a missing field) is
    listed with its source file and entry, and nothing is written.

    \b
    Example:
        newsfold registry build
        newsfold registry build --check
    """
    from newsfold.names.build_registry import GENERATED_PATH, SOURCES_DIR, build_registry, render_registry

    sources, out = sources or SOURCES_DIR, out or GENERATED_PATH
    try:
        document = build_registry(sources)
    except NewsfoldError as exc:
        raise click.ClickException(str(exc)) from exc
    text = render_registry(document)
    if check:
        current = out.read_text("utf-8") if out.exists() else ""
        if current != text:
            raise click.ClickException(f"{out} is out of date: run `newsfold registry build`")
        click.echo(f"{out} is current ({len(document['entries'])} entries)")
        return
    tmp = out.with_suffix(out.suffix + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(out)
    click.echo(f"wrote {out} ({len(document['entries'])} entries)")
