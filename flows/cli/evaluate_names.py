"""``newsfold evaluate names``: pairwise precision/recall/F1 of entity resolution."""

from __future__ import annotations

from pathlib import Path

import click

from newsfold.errors import InputError
from newsfold.names.evaluate import (
    ERROR_PART,
    PARTS,
    PairError,
    ResolvedName,
    ScoreRow,
    list_dev_errors,
    read_gold,
    score_gold_file,
)

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


def _side(name: ResolvedName) -> str:
    linked = f"{name.canonical_name} ({name.method})" if name.canonical_name else "not linked"
    return f'"{name.name}" -> {linked}'


def format_error(error: PairError) -> str:
    """One line per wrong pair: the error, the kind, both names with what each was linked to.

    Example:
        >>> one = ResolvedName("Man Utd", "manchester/united", "Man Utd", "exact_key")
        >>> two = ResolvedName("Manchester United", "manchester/united", "Manchester United", "registry_alias")
        >>> format_error(PairError("g.csv", "missed", "organisation", one, two))  # doctest: +NORMALIZE_WHITESPACE
        'missed      organisation [manchester/united] "Man Utd" -> Man Utd (exact_key)  |
         "Manchester United" -> Manchester United (registry_alias)'
    """
    groups = error.first.group if error.first.group == error.second.group else f"{error.first.group} / {error.second.group}"
    return f"{error.error:<11} {error.kind} [{groups}] {_side(error.first)}  |  {_side(error.second)}"


def _check_misses_split(misses: int | None, parts: tuple[str, ...]) -> None:
    """--misses reads errors, which only the dev part may show (exit status 2 otherwise)."""
    if misses is not None and set(parts) != {ERROR_PART}:
        raise click.UsageError(
            f"--misses lists errors of the dev part only; add --split {ERROR_PART} and no other --split "
            "(the test part is measured, never read)"
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
@click.option(
    "--misses",
    type=click.IntRange(min=0),
    default=None,
    metavar="N",
    help="After the scores, list every false merge and up to N missed pairs of each file. "
    "Dev part only: refused unless --split dev is the only split.",
)
def command(paths: tuple[Path, ...], splits: tuple[str, ...], misses: int | None) -> None:
    """Score entity resolution on gold files: pairwise precision, recall and F1.

    Each PATH is a gold CSV of variant groups (group_id,name,kind[,source][,part]),
    a CSV of labelled pairs (name1,name2,is_match,schema, e.g. OpenSanctions'
    cases.csv), a .txt file of one entity's spellings (one per line), or a
    directory holding such files.

    Every gold is split by a fixed hash into a test part (measure only) and a
    dev part (tune on): the key is the group id up to its first "/", the pair
    of names, or the spelling of a one-entity list; a group CSV's part column
    (test or dev) fixes each row's part instead. The test part is shown
    first. Subset "unlisted" keeps the pairs of which neither spelling is a
    registry alias (it measures the rules, not the lookup table), "listed"
    the others. n counts names (pairs for pair files); "-" is a score with
    nothing to divide by.

    \b
    Example:
        newsfold evaluate names benchmarks/gold ../shared/corpora/names
        newsfold evaluate names benchmarks/gold/corpus_names.csv --split test
        newsfold evaluate names benchmarks/gold/corpus_names.csv --split dev --misses 30
    """
    files: list[Path] = []
    for path in paths:
        files += sorted([*path.glob("*.csv"), *path.glob("*.txt")]) if path.is_dir() else [path]
    parts = splits or PARTS
    _check_misses_split(misses, parts)
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
    if misses is None:
        return
    for gold in golds:
        errors, n_missed = list_dev_errors(gold, misses)
        n_merges = sum(error.error == "false merge" for error in errors)
        shown = len(errors) - n_merges
        click.echo(f"\n{ERROR_PART} errors of {gold.name}: {n_merges} false merges, {n_missed} missed pairs ({shown} shown)")
        for error in errors:
            click.echo(format_error(error))
