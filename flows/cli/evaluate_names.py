"""``newsfold evaluate names``: pairwise precision/recall/F1 of entity resolution."""

from __future__ import annotations

from pathlib import Path

import click

from newsfold.errors import InputError
from newsfold.names.evaluate import PARTS, ScoreRow, read_gold, score_gold_file

_HEADER = (
    f"{'part':<5} {'source':<24} {'subset':<14} {'n':>5} {'TP':>6} {'FP':>5} {'FN':>6} {'P':>6} {'R':>6} {'F1':>6}"
)


def _score(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def format_row(row: ScoreRow) -> str:
    """One plain-table line; an undefined score shows as "-".

    Example:
        >>> from newsfold.names.evaluate import PairScores
        >>> format_row(ScoreRow("g.csv", "test", "all", PairScores(0, 0, 0, 1))).split()[-3:]
        ['-', '-', '-']
    """
    s = row.scores
    scores = f"{_score(s.precision):>6} {_score(s.recall):>6} {_score(s.f1):>6}"
    return (
        f"{row.part:<5} {row.source:<24} {row.subset:<14} {s.n_names:>5} {s.true_positives:>6} "
        f"{s.false_positives:>5} {s.false_negatives:>6} {scores}"
    )


@click.command("names")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--split",
    "splits",
    type=click.Choice(["test", "dev", "all"]),
    multiple=True,
    help="Part(s) to report, in order; repeat the option for several. Default: test, then dev.",
)
def command(paths: tuple[Path, ...], splits: tuple[str, ...]) -> None:
    """Score entity resolution on gold files: pairwise precision, recall and F1.

    Each PATH is a gold CSV of variant groups (group_id,name,kind[,source]), a
    CSV of labelled pairs (name1,name2,is_match,schema, e.g. OpenSanctions'
    cases.csv), a .txt file of one entity's spellings (one per line), or a
    directory holding such files.

    Every gold is split by a fixed hash into a test part (measure only) and a
    dev part (tune on): the key is the group id up to its first "/", the pair
    of names, or the spelling of a one-entity list. The test part is shown
    first. Subset "unlisted" keeps the pairs of which neither spelling is a
    registry alias (it measures the rules, not the lookup table), "listed"
    the others. n counts names (pairs for pair files); "-" is a score with
    nothing to divide by.

    \b
    Example:
        newsfold evaluate names benchmarks/gold ../shared/corpora/names
        newsfold evaluate names benchmarks/gold/corpus_names.csv --split test
    """
    files: list[Path] = []
    for path in paths:
        files += sorted([*path.glob("*.csv"), *path.glob("*.txt")]) if path.is_dir() else [path]
    parts = splits or PARTS
    try:
        golds = [read_gold(file) for file in files]
    except InputError as exc:
        raise click.ClickException(str(exc)) from exc
    rows = [row for gold in golds for row in score_gold_file(gold, parts)]
    click.echo(_HEADER)
    for part in parts:
        for row in rows:
            if row.part == part:
                click.echo(format_row(row))
