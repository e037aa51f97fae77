"""``newsfold evaluate types``: the entity type of each mention against gold labels (CoNLL-2003)."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import click
import polars as pl

from newsfold.errors import InputError, StoreError
from newsfold.names.evaluate_types import match_types, read_type_gold, score_types


def _figure(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


@click.command("types")
@click.argument("gold_path", metavar="GOLD", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("out", type=click.Path(exists=True, file_okay=False, path_type=Path), default="output")
@click.option("--split", "parts", type=click.Choice(["test", "dev"]), multiple=True,
              help="Parts to score (repeatable); default both, the test part first.")
@click.option("--errors", "n_errors", type=int, default=0,
              help="Also list this many mentions whose resolved type is wrong (dev only: never tune on test).")
def command(gold_path: Path, out: Path, parts: tuple[str, ...], n_errors: int) -> None:
    """Score the type of the entity each gold span's mention is linked to, in the dataset OUT.

    GOLD is a CSV ``file,start,end,surface,label,part`` (labels PER, ORG, LOC), as
    ``benchmarks/conll_to_raw.py`` writes it for CoNLL-2003 beside the article files
    it makes; OUT is what ``newsfold run`` made of those files. A gold ``file`` is
    matched to the file name of ``documents.source_path``. Prints, per part and gold
    label, the spans matched by a mention and the accuracy of the type spaCy's label
    alone gives (``label``) and of the type the dataset gives (``resolved``), and the share of
    all gold spans matched and typed right (``right/spans``: it counts the spans no mention
    matched as wrong, so a change that finds more names shows there).

    \b
    Example:
        python benchmarks/conll_to_raw.py ../shared/corpora/conll2003/eng.train \\
            ../shared/corpora/conll2003/eng.testa --raw conll/raw --gold conll/gold.csv
        newsfold run conll/raw --out conll/out
        newsfold evaluate types conll/gold.csv conll/out
    """
    from newsfold.load import read_table
    from schemas import Documents, Entities, Mentions

    if n_errors and parts != ("dev",):
        raise click.ClickException("--errors lists the dev part's errors only: use it with --split dev alone")
    try:
        gold = read_type_gold(gold_path)
        documents = read_table("documents", out).select(Documents.doc_id, Documents.source_path)
        mentions = read_table("mentions", out).select(
            Mentions.doc_id, Mentions.start, Mentions.end, Mentions.label, Mentions.entity_id
        )
        entities = read_table("entities", out).select(Entities.entity_id, Entities.entity_type)
    except (InputError, StoreError, OSError) as exc:
        raise click.ClickException(str(exc)) from exc
    if parts:
        gold = gold.filter(pl.col("part").is_in(parts))
    files = documents.with_columns(
        pl.col(Documents.source_path).map_elements(lambda path: PurePosixPath(path).name, return_dtype=pl.String).alias("file")
    )
    predicted = (
        mentions.join(files.select(Documents.doc_id, "file"), on=Mentions.doc_id)
        .join(entities, on=Mentions.entity_id, how="left")
        .select("file", Mentions.start, Mentions.end, Mentions.label, Entities.entity_type)
    )
    if gold.join(files, on="file", how="semi").is_empty():
        raise click.ClickException(f"no gold file is a document of {out}")
    matched = match_types(gold, predicted)
    click.echo(f"{'part':<5} {'gold':<4} {'spans':>6} {'matched':>7} {'label':>6} {'resolved':>8} {'right/spans':>11}")
    for score in score_types(matched):
        click.echo(
            f"{score.part:<5} {score.gold_label:<4} {score.gold:>6} {score.matched:>7} "
            f"{_figure(score.label_accuracy):>6} {_figure(score.resolved_accuracy):>8} {_figure(score.found_right):>11}"
        )
    if n_errors:
        wrong = matched.filter(pl.col("entity_type").is_not_null() & (pl.col("entity_type") != pl.col("label")))
        click.echo(f"dev mentions typed wrong: {wrong.height} ({n_errors} shown, most frequent surfaces first)")
        counted = (
            wrong.group_by("surface", "label", "spacy_label", "entity_type")
            .agg(pl.len().alias("n"), pl.col("file").first())
            .sort(["n", "surface"], descending=[True, False])
            .head(n_errors)
        )
        for row in counted.iter_rows(named=True):
            click.echo(f"  {row['n']:>4} {row['surface']!r} gold {row['label']}, spaCy {row['spacy_label']}, "
                       f"resolved {row['entity_type']} (e.g. {row['file']})")


__all__ = ["command"]
