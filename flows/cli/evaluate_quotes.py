"""``newsfold evaluate quotes``: quote span F1 and speaker accuracy on PolNeAR, by kind."""

from __future__ import annotations

from pathlib import Path

import click

from newsfold.errors import NewsfoldError
from newsfold.quotes.evaluate import SCOPES, evaluate_corpus, format_miss
from schemas.quotes import KINDS

#: PolNeAR's train split is the part rules are tuned on; its dev split is only measured.
PART_OF_SPLIT = {"train": "dev (tuning)", "dev": "test (untouched)"}
#: The only split whose errors may be read.
MISSES_SPLIT = "train"


@click.command("quotes")
@click.argument("corpus_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--split",
    default="dev",
    show_default=True,
    help="PolNeAR split: dev (our untouched test part), train (our tuning part) or annotator-training.",
)
@click.option("--limit", type=int, default=None, help="Score only the first N texts (by name).")
@click.option(
    "--misses",
    type=click.IntRange(min=0),
    default=None,
    metavar="N",
    help="After the scores, list up to N direct quotations whose speaker is wrong. "
    "Tuning part only: refused unless --split train.",
)
def command(corpus_dir: Path, split: str, limit: int | None, misses: int | None) -> None:
    """Score quote extraction on a PolNeAR corpus: span P/R/F1 and speaker accuracy by kind.

    A gold quotation is a quoted segment of at least four words inside a gold
    attribution Content; it is direct when the Content is all quoted, partial
    otherwise. Scope "direct" scores predicted direct quotations against gold
    direct ones, "partial" likewise, "all" everything against everything.
    "overlap" matches spans sharing half of the longer, "exact" needs equal
    spans (punctuation trimmed). Speaker accuracy is also given for gold
    Sources that are names (or other nouns) and pronouns. Rules are tuned on
    train; dev is the untouched test part. See docs/quotes.md.

    \b
    Example:
        newsfold evaluate quotes ../shared/corpora/polnear --split dev
        newsfold evaluate quotes ../shared/corpora/polnear --split train --misses 50
    """
    if misses is not None and split != MISSES_SPLIT:
        raise click.UsageError(
            f"--misses lists errors of the tuning part only; use --split {MISSES_SPLIT} "
            "(the test part is measured, never read)"
        )
    try:
        evaluation = evaluate_corpus(corpus_dir, split, limit=limit, with_misses=misses is not None)
    except NewsfoldError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"part: {PART_OF_SPLIT.get(split, 'none')} = PolNeAR {split}")
    click.echo(
        f"{'scope':<8} {'match':<8} {'docs':>5} {'gold':>6} {'pred':>6} {'P':>6} {'R':>6} {'F1':>6} "
        f"{'speaker':>8} {'n':>6} {'named':>6} {'n':>6} {'pronoun':>7} {'n':>5}"
    )
    for scope in SCOPES:
        for mode in ("overlap", "exact"):
            s = evaluation.scores[(scope, mode)]
            click.echo(
                f"{scope:<8} {mode:<8} {s.documents:>5} {s.gold:>6} {s.predicted:>6} {s.precision:>6.3f} "
                f"{s.recall:>6.3f} {s.f1:>6.3f} {s.speaker_accuracy:>8.3f} {s.speaker_total:>6} "
                f"{s.named_accuracy:>6.3f} {s.named_total:>6} {s.pronoun_accuracy:>7.3f} {s.pronoun_total:>5}"
            )
    click.echo("")
    click.echo("gold kind x predicted kind (overlap matches; '-' = no match)")
    columns = [*KINDS, None]
    click.echo(f"{'gold':<9}" + "".join(f"{k or '-':>9}" for k in columns))
    for gold_kind in ("direct", "partial", None):
        counts = [evaluation.confusion.get((gold_kind, k), 0) for k in columns]
        click.echo(f"{gold_kind or '-':<9}" + "".join(f"{c:>9}" for c in counts))
    if misses is None:
        return
    click.echo("")
    click.echo(f"speaker misses, direct quotations: {len(evaluation.misses)} (showing {min(misses, len(evaluation.misses))})")
    for miss in evaluation.misses[:misses]:
        click.echo(format_miss(miss))
