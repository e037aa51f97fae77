"""``newsfold evaluate quotes``: direct-quote span F1 and speaker accuracy on PolNeAR."""

from __future__ import annotations

from pathlib import Path

import click

from newsfold.errors import NewsfoldError
from newsfold.quotes.evaluate import evaluate_corpus


@click.command("quotes")
@click.argument("corpus_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--split", default="dev", show_default=True, help="PolNeAR split: train, dev or annotator-training.")
@click.option("--limit", type=int, default=None, help="Score only the first N texts (by name).")
def command(corpus_dir: Path, split: str, limit: int | None) -> None:
    """Score quote extraction on a PolNeAR corpus: span P/R/F1 and speaker accuracy.

    A gold quotation is a quoted segment of at least four words inside a gold
    attribution Content; "overlap" matches spans sharing half of the longer,
    "exact" needs equal spans (punctuation trimmed). See docs/quotes.md.

    \b
    Example:
        newsfold evaluate quotes ../shared/corpora/polnear --split dev
    """
    try:
        results = evaluate_corpus(corpus_dir, split, limit=limit)
    except NewsfoldError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"{'match':<8} {'docs':>5} {'gold':>6} {'pred':>6} {'P':>6} {'R':>6} {'F1':>6} {'speaker':>8} {'n':>6}")
    for mode, scores in results.items():
        click.echo(
            f"{mode:<8} {scores.documents:>5} {scores.gold:>6} {scores.predicted:>6} {scores.precision:>6.3f} "
            f"{scores.recall:>6.3f} {scores.f1:>6.3f} {scores.speaker_accuracy:>8.3f} {scores.speaker_total:>6}"
        )
