"""``newsfold evaluate names``: pairwise precision/recall/F1 of entity resolution."""

from __future__ import annotations

from pathlib import Path

import click
import polars as pl

from newsfold.names import evaluate_gold, evaluate_pairs
from newsfold.names.evaluate import PairScores


def _read(path: Path) -> pl.DataFrame:
    try:
        return pl.read_csv(path, infer_schema=False)
    except (pl.exceptions.PolarsError, OSError) as exc:
        raise click.ClickException(f"{path}: cannot read CSV: {exc}") from exc


def _score_file(path: Path) -> list[tuple[str, PairScores]]:
    if path.suffix == ".txt":  # one person's spellings, one per line
        names = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        gold = pl.DataFrame({"group_id": ["1"] * len(names), "name": names, "kind": ["person"] * len(names)})
        return [(f"{path.name} (one person)", evaluate_gold(gold))]
    frame = _read(path)
    columns = set(frame.columns)
    if {"group_id", "name", "kind"} <= columns:
        rows = [(f"{path.name} (all)", evaluate_gold(frame))]
        for kind in sorted(frame["kind"].unique().to_list()):
            rows.append((f"{path.name} ({kind})", evaluate_gold(frame.filter(pl.col("kind") == kind))))
        return rows
    if {"name1", "name2", "is_match", "schema"} <= columns:
        rows = [(f"{path.name} pairs (all)", evaluate_pairs(frame))]
        for schema in sorted(frame["schema"].unique().to_list()):
            rows.append((f"{path.name} pairs ({schema})", evaluate_pairs(frame.filter(pl.col("schema") == schema))))
        return rows
    raise click.ClickException(
        f"{path}: expected gold columns group_id,name,kind or pair columns name1,name2,is_match,schema"
    )


@click.command("names")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
def command(paths: tuple[Path, ...]) -> None:
    """Score entity resolution on gold CSVs: pairwise precision, recall and F1.

    Each PATH is a gold CSV of variant groups (group_id,name,kind), a CSV of
    labelled pairs (name1,name2,is_match,schema, e.g. OpenSanctions'
    cases.csv), a .txt file of one person's spellings (one per line), or a
    directory holding such files. Pair corpora built for
    sanctions screening value recall; they are reported on their own lines.

    \b
    Example:
        newsfold evaluate names benchmarks/gold ../shared/corpora/names
    """
    files: list[Path] = []
    for path in paths:
        files += sorted([*path.glob("*.csv"), *path.glob("*.txt")]) if path.is_dir() else [path]
    click.echo(f"{'source':<44} {'n':>5} {'TP':>6} {'FP':>5} {'FN':>5} {'P':>6} {'R':>6} {'F1':>6}")
    for file in files:
        for source, scores in _score_file(file):
            click.echo(
                f"{source:<44} {scores.n_names:>5} {scores.true_positives:>6} {scores.false_positives:>5} "
                f"{scores.false_negatives:>5} {scores.precision:>6.3f} {scores.recall:>6.3f} {scores.f1:>6.3f}"
            )
