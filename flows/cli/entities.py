"""``newsfold entities``: which entity a name resolves to, and CSV reconciliation."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import click
import polars as pl

from newsfold.errors import NewsfoldError
from newsfold.names import explain_name, load_curation, reconcile_names


class _NameOrCommand(click.Group):
    """A group whose first argument is a subcommand or, failing that, a name to explain."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            args = ["explain", *args]
        return super().parse_args(ctx, args)


def _curation_option(function):
    return click.option(
        "--curation",
        type=click.Path(dir_okay=False, exists=True, path_type=Path),
        help="Curation YAML to apply (see docs/entities.md).",
    )(function)


@click.group("entities", cls=_NameOrCommand, context_settings={"help_option_names": ["-h", "--help"]})
def command() -> None:
    """Explain how names resolve to entities, or reconcile a CSV of names.

    `newsfold entities NAME` is short for `newsfold entities explain NAME`.

    \b
    Example:
        newsfold entities "General Sulaimani" --type PER
        newsfold entities resolve names.csv -o resolved.csv
    """


@command.command("explain")
@click.argument("name")
@click.option("--type", "label", help="PER, ORG, LOC, MISC or a spaCy label (default: try each).")
@click.option(
    "--out", "out", type=click.Path(file_okay=False, path_type=Path), help="Dataset whose observed aliases to consult."
)
@_curation_option
@click.option("--json", "as_json", is_flag=True, help="Print the explanation as JSON.")
def explain(name: str, label: str | None, out: Path | None, curation: Path | None, as_json: bool) -> None:
    """Say which entity NAME resolves to, by which rule and score, and the runners-up.

    \b
    Example:
        newsfold entities explain "Qassem Suleimani" --type PER --out output
        newsfold entities explain Springfield --type GPE --out output
    """
    try:
        entities = _read_entities(out) if out is not None else None
        rules = load_curation(curation) if curation is not None else None
        result = explain_name(name, label, entities=entities, curation=rules)
    except NewsfoldError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(json.dumps(asdict(result), indent=2))
        return
    click.echo(f"{result.name}  ->  {result.canonical_name}  ({result.entity_id}, {result.entity_type})")
    click.echo(f"  rule: {result.method}   score: {result.score:.2f}   key: {result.key}")
    if result.note:
        click.echo(f"  note: {result.note}")
    if result.runners_up:
        click.echo("  runners-up:")
        for candidate in result.runners_up:
            why = f"vetoed: {candidate.veto}" if candidate.veto else f"{candidate.method} {candidate.score:.2f}"
            click.echo(f"    {candidate.canonical_name} ({candidate.entity_id}) via '{candidate.matched}': {why}")
    if result.entity_type == "LOC":
        _echo_place(name, out)


def _echo_place(name: str, out: Path | None) -> None:
    """Where the place goes (newsfold.geo): alone, or article by article in the dataset at OUT."""
    from newsfold.geo.explain import describe_place, explain_place
    from newsfold.load import read_table

    mentions = documents = None
    if out is not None:
        mentions, documents = read_table("mentions", out), read_table("documents", out)
    place = explain_place(name, mentions, documents)
    chosen = place.chosen.place
    where = "" if chosen is None else f"  GeoNames {chosen.geonames_id}  {chosen.latitude:.4f}, {chosen.longitude:.4f}"
    context = f" in {place.doc_id}" if place.doc_id else " (the name alone)"
    click.echo(f"  place{context}: {describe_place(chosen)}{where}")
    click.echo(f"    evidence: {'; '.join(place.chosen.evidence)}")
    for candidate in place.chosen.runners_up:
        click.echo(f"    runner-up: {describe_place(candidate.place)} {candidate.score:.2f}: {'; '.join(candidate.evidence)}")
    if place.tally:
        click.echo("    articles: " + ", ".join(f"{where} x{n}" for where, n in place.tally))


def _read_entities(out: Path) -> pl.DataFrame:
    files = sorted((out / "entities").rglob("*.parquet"))
    if not files:
        raise click.ClickException(f"{out} holds no entities table (no {out}/entities/**/*.parquet)")
    return pl.read_parquet(f"{out}/entities/**/*.parquet")


@command.command("resolve")
@click.argument("file", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write here instead of standard output."
)
@_curation_option
def resolve(file: Path, output: Path | None, curation: Path | None) -> None:
    """Reconcile a CSV of names (columns name and type) against the registry and each other.

    Adds entity_id, canonical_name, method and score to every row. type is
    PER, ORG, LOC, MISC or a spaCy label (PERSON, GPE, ...); empty means PER.

    \b
    Example:
        newsfold entities resolve names.csv -o resolved.csv
    """
    try:
        names = pl.read_csv(file, infer_schema=False)
    except (pl.exceptions.PolarsError, OSError) as exc:
        raise click.ClickException(f"{file}: cannot read CSV: {exc}") from exc
    if "name" not in names.columns:
        raise click.ClickException(f"{file}: needs a 'name' column (found: {', '.join(names.columns) or 'none'})")
    if "type" not in names.columns:
        names = names.with_columns(pl.lit(None, dtype=pl.String).alias("type"))
    try:
        rules = load_curation(curation) if curation is not None else None
        resolved = reconcile_names(names, rules)
    except NewsfoldError as exc:
        raise click.ClickException(str(exc)) from exc
    if output is None:
        click.echo(resolved.write_csv(), nl=False)
    else:
        resolved.write_csv(output)
        click.echo(f"{resolved.height} names, {resolved['entity_id'].n_unique()} entities -> {output}", err=True)
