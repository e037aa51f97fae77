"""``newsfold evaluate stories``: B-cubed precision, recall and F1 of ``documents.story_id``."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import click

from newsfold.errors import StoreError
from newsfold.stories.baseline import BASELINE_THRESHOLD, cluster_tfidf_baseline
from newsfold.stories.evaluate import read_gold_stories, score_bcubed, split_topics
from schemas import Documents


@click.command("stories")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("out", type=click.Path(exists=True, file_okay=False, path_type=Path), default="output")
@click.option("--baseline/--no-baseline", default=True, show_default=True,
              help="Also score a plain TF-IDF average-link clustering of the same articles.")
@click.option("--baseline-threshold", type=float, default=BASELINE_THRESHOLD, show_default=True,
              help="Cosine at which the baseline stops merging.")
def command(gold: Path, out: Path, baseline: bool, baseline_threshold: float) -> None:
    """Score the stories of the dataset OUT against GOLD (a CSV with columns file,story[,topic]).

    A gold ``file`` is matched to ``documents.source_path`` (else to its file
    name). With a ``topic`` column, topics are split by a fixed hash into a
    tuning part and a held-out third, and each part is scored on its own:
    tune on ``tune``, report ``held-out``.

    \b
    Example:
        newsfold evaluate stories ../shared/corpora/ecbplus_dev/gold.csv ecb_out
    """
    from newsfold.load import read_table

    try:
        stories, topics = read_gold_stories(gold)
        documents = read_table("documents", out)
    except (ValueError, StoreError) as exc:
        raise click.ClickException(str(exc)) from exc
    rows = documents.select(Documents.source_path, Documents.story_id, Documents.title, Documents.text).rows()
    by_path = {path: row for path, *row in rows}
    by_name = {PurePosixPath(path).name: row for path, *row in rows}
    found = {file: by_path.get(file) or by_name.get(PurePosixPath(file).name) for file in stories}
    missing = sorted(file for file, row in found.items() if row is None)
    matched = [file for file in stories if found[file] is not None]
    if not matched:
        raise click.ClickException(f"no gold file is a document of {out}")
    predicted = {file: found[file][0] for file in matched}
    systems = {"newsfold": predicted}
    if baseline:
        texts = [f"{found[f][1]}\n{found[f][2]}" if found[f][1] else found[f][2] for f in matched]
        systems[f"tfidf-avg-{baseline_threshold:g}"] = {
            f: matched[k] for f, k in zip(matched, cluster_tfidf_baseline(texts, baseline_threshold))
        }
    split = split_topics(topics.values())
    has_topics = any(topics[f] != stories[f] for f in stories)
    parts = ["held-out", "tune", "all"] if has_topics else ["all"]
    click.echo(f"{'part':<9} {'system':<18} {'docs':>5} {'stories':>7} {'P':>6} {'R':>6} {'F1':>6}")
    for part in parts:
        gold_part = {f: stories[f] for f in stories if part == "all" or split[topics[f]] == part}
        for name, labels in systems.items():
            score = score_bcubed(labels, gold_part)
            n_predicted = len({labels.get(f, f) for f in gold_part})
            click.echo(f"{part:<9} {name:<18} {score.n:>5} {n_predicted:>7} {score.precision:>6.3f} "
                       f"{score.recall:>6.3f} {score.f1:>6.3f}")
    if has_topics:
        held = sorted({topics[f] for f in stories if split[topics[f]] == "held-out"}, key=_natural)
        click.echo(f"held-out topics: {', '.join(held)}")
    if missing:
        click.echo(f"{len(missing)} gold files are not in {out} (scored as stories of their own): {', '.join(missing[:5])}")


def _natural(value: str) -> tuple:
    return (0, int(value), "") if value.isdigit() else (1, 0, value)
