"""Leave-topics-out cross-validation of the story settings, inside the tuning part only.

Usage:

    python benchmarks/stories_cv.py GOLD.csv OUT            # v3's grid (about 1,500 settings)
    python benchmarks/stories_cv.py GOLD.csv OUT --small    # neighbours and threshold only

OUT is a dataset made by ``newsfold run`` over the ECB+ articles of GOLD. The
held-out topics (``newsfold.stories.evaluate.split_topics``) are dropped from
the input before anything runs, so nothing here sees them. The 14 tuning
topics are cut into 7 folds of 2, fixed by the SHA-256 of ``fold:<topic>``.
Every setting of the grid clusters the tuning articles once and is scored on
each fold. It prints the settings with the best mean fold F1, then the
cross-validated F1 of the selection itself: for each fold, the setting with
the best mean F1 over the other folds, scored on the fold left out. The
baseline (TF-IDF average link, threshold searched) is cross-validated the
same way. See docs/stories.md.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import sys
from dataclasses import replace
from pathlib import Path, PurePosixPath

import numpy as np
import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newsfold.load import read_table  # noqa: E402
from newsfold.stories import DEFAULT_PARAMS, build_stories, read_gold_stories, score_bcubed, split_topics  # noqa: E402
from newsfold.stories import build as stories_build  # noqa: E402
from newsfold.stories.baseline import cluster_tfidf_baseline  # noqa: E402

THRESHOLDS = (0.01, 0.015, 0.02, 0.025, 0.03, 0.04, 0.05, 0.06)


def _reuse_features() -> None:
    """Compute the articles' vectors once: they depend on the articles, never on the settings tried."""
    make = stories_build.make_story_features
    cache = {}

    def cached(documents, *args, **kwargs):
        key = tuple(documents["doc_id"].to_list())
        if key not in cache:
            cache[key] = make(documents, *args, **kwargs)
        return cache[key]

    stories_build.make_story_features = cached


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--small", action="store_true", help="v2's family: neighbours and threshold only")
    args = parser.parse_args()
    _reuse_features()
    stories, topics = read_gold_stories(args.gold)
    split = split_topics(topics.values())
    tune_files = {f for f in stories if split[topics[f]] == "tune"}
    tune_topics = sorted({topics[f] for f in tune_files})
    ordered = sorted(tune_topics, key=lambda t: hashlib.sha256(f"fold:{t}".encode()).hexdigest())
    folds = [set(ordered[k::7]) for k in range(7)]
    documents = read_table("documents", args.out)
    name_of = {d: PurePosixPath(p).name for d, p in documents.select("doc_id", "source_path").rows()}
    keep = pl.Series([d for d, name in name_of.items() if name in tune_files]).implode()
    tables = [read_table(t, args.out).filter(pl.col("doc_id").is_in(keep)) for t in ("documents", "mentions", "dates", "amounts")]

    def fold_f1(predicted: dict[str, str]) -> list[float]:
        return [score_bcubed(predicted, {f: stories[f] for f in tune_files if topics[f] in fold}).f1 for fold in folds]

    grid = (
        itertools.product([0.5], [0.0], [0.0], [0.0], [4, 6, 8], THRESHOLDS)
        if args.small
        else itertools.product([0.5, 1.0], [0.0, 0.25], [0.0, 0.25, 0.5, 1.0], [0.0, 0.25, 0.5, 1.0], [4, 6, 8], THRESHOLDS)
    )
    results = {}
    for entities, dates, years, numbers, neighbours, threshold in grid:
        weights = dict(DEFAULT_PARAMS.weights, entities=entities, dates=dates, years=years, numbers=numbers)
        params = replace(DEFAULT_PARAMS, weights=weights, neighbours=neighbours, threshold=threshold)
        linked, _ = build_stories(*tables, params)
        predicted = {name_of[d]: s for d, s in linked.select("doc_id", "story_id").rows()}
        results[(entities, dates, years, numbers, neighbours, threshold)] = fold_f1(predicted)
    rows = tables[0].select("doc_id", "title", "text").rows()
    texts = [f"{title}\n{text}" if title else text for _, title, text in rows]
    baseline = {}
    for threshold in (0.18, 0.2, 0.22, 0.24, 0.26, 0.28, 0.3, 0.32, 0.34):
        labels = cluster_tfidf_baseline(texts, threshold)
        baseline[threshold] = fold_f1({name_of[d]: str(label) for (d, _, _), label in zip(rows, labels)})
    print("setting (entities, dates, years, numbers, neighbours, threshold): mean fold F1")
    for key in sorted(results, key=lambda k: (-np.mean(results[k]), k))[:5]:
        print(f"  {key}: {np.mean(results[key]):.4f}  folds {' '.join(f'{x:.2f}' for x in results[key])}")
    print(f"cross-validated F1, newsfold: {_nested(results):.3f}")
    print(f"cross-validated F1, baseline: {_nested(baseline):.3f}")


def _nested(results: dict) -> float:
    """Mean over folds of the fold's F1 under the setting best on the other folds (ties: the smallest key)."""
    scores = []
    for k in range(7):
        best = max(results, key=lambda key: (np.mean([x for j, x in enumerate(results[key]) if j != k]), [-v for v in np.atleast_1d(key)]))
        scores.append(results[best][k])
    return float(np.mean(scores))


if __name__ == "__main__":
    main()
