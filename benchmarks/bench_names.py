"""Benchmark: entity mentions resolved per second on one core, after start-up.

Builds a synthetic dataset (registry names with variants, bare surnames,
demonyms, and unknown names made from syllables, Zipf-like repetition) and
times ``resolve_entities`` over it. Start-up (``load_name_tables``: the
registry and the place name tables, which a run loads while it parses) is
excluded and printed;
every per-spelling cache is cleared before the "cold" run, so each distinct
spelling is analysed inside the measurement. Wall-clock and CPU time are
both printed: on a shared machine the CPU time is the fairer figure.

Run:
    .venv/bin/python benchmarks/bench_names.py --mentions 200000

To time another checkout with this virtualenv, run it from there with
``PYTHONPATH=<that checkout>``: a script's own folder, not the working
directory, is first on ``sys.path``, so without it the installed checkout's
code is measured. The first line printed names the code measured.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

import polars as pl

import newsfold
from newsfold.ids import make_id
from newsfold.names.cascade import clear_spelling_caches, load_name_tables
from newsfold.names.registry import load_registry
from newsfold.names.resolve import resolve_entities

KNOWN = [
    ("Qasem Soleimani", "PERSON"),
    ("Qassem Suleimani", "PERSON"),
    ("Soleimani", "GPE"),
    ("General Sulaimani", "PERSON"),
    ("Donald Trump", "PERSON"),
    ("Trump", "PERSON"),
    ("Mike Pompeo", "PERSON"),
    ("U.S.", "GPE"),
    ("US", "GPE"),
    ("Iran", "GPE"),
    ("Iranian", "NORP"),
    ("Iraq", "GPE"),
    ("Iraqi", "NORP"),
    ("Baghdad", "GPE"),
    ("Americans", "NORP"),
    ("IRGC", "ORG"),
    ("Kataib Hezbollah", "ORG"),
    ("the United Nations", "ORG"),
    ("The White House", "ORG"),
    ("Tehran", "GPE"),
    ("Israel", "GPE"),
    ("Hezbollah", "ORG"),
    ("Pentagon", "ORG"),
    ("Shiite", "NORP"),
]
SYLLABLES = ["ka", "ri", "mo", "sa", "lin", "dor", "vah", "zi", "ham", "tu", "bel", "ros", "na", "qu", "el", "far"]


def _unknown_names(rng: random.Random, count: int) -> list[tuple[str, str]]:
    names = []
    for _ in range(count):
        given = "".join(rng.choice(SYLLABLES) for _ in range(2)).title()
        family = "".join(rng.choice(SYLLABLES) for _ in range(3)).title()
        kind = rng.random()
        if kind < 0.5:
            names.append((f"{given} {family}", "PERSON"))
        elif kind < 0.7:
            names.append((family, "PERSON"))
        elif kind < 0.9:
            names.append((f"{family} {rng.choice(['Group', 'Council', 'Party', 'Brigades'])}", "ORG"))
        else:
            names.append((family, "GPE"))
    return names


def build_dataset(
    n_mentions: int, n_unknown: int, per_doc: int, cast: int, seed: int = 7
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Synthetic mentions and documents frames.

    Each article has a cast of ``cast`` names drawn Zipf-like from the pool
    and mentions them ``per_doc`` times in all, as news articles do.
    """
    rng = random.Random(seed)
    pool = KNOWN + _unknown_names(rng, n_unknown)
    weights = [1.0 / (rank + 1) ** 0.8 for rank in range(len(pool))]
    picks: list[tuple[str, str]] = []
    doc_ids: list[str] = []
    doc = 0
    while len(picks) < n_mentions:
        members = rng.choices(pool, weights=weights, k=cast)
        count = min(per_doc, n_mentions - len(picks))
        picks += rng.choices(members, k=count)
        doc_ids += [make_id("doc", doc)] * count
        doc += 1
    mentions = pl.DataFrame(
        {
            "doc_id": doc_ids,
            "mention_id": [make_id("men", i) for i in range(n_mentions)],
            "sentence_index": [0] * n_mentions,
            "start": [(i % per_doc) * 40 for i in range(n_mentions)],
            "end": [(i % per_doc) * 40 + len(text) for i, (text, _) in enumerate(picks)],
            "text": [text for text, _ in picks],
            "label": [label for _, label in picks],
        }
    )
    documents = pl.DataFrame(
        {"doc_id": sorted(set(doc_ids)), "published_date": None}, schema_overrides={"published_date": pl.Date}
    )
    return mentions, documents


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mentions", type=int, default=200_000)
    parser.add_argument("--unknown", type=int, default=20_000, help="distinct unknown names in the pool")
    parser.add_argument("--per-doc", type=int, default=40, help="mentions per article")
    parser.add_argument("--cast", type=int, default=15, help="distinct names per article (40 = every mention distinct)")
    args = parser.parse_args()
    started = time.perf_counter()
    load_registry()
    registry_loaded = time.perf_counter()
    load_name_tables()  # the place name tables, which a run builds while it parses
    registry, tables = registry_loaded - started, time.perf_counter() - registry_loaded
    mentions, documents = build_dataset(args.mentions, args.unknown, args.per_doc, args.cast)
    distinct = mentions.select("text", "label").n_unique()
    observed = mentions.select("doc_id", "text", "label").n_unique()
    clear_spelling_caches()
    result, cold, cold_cpu = _timed(mentions, documents)
    _, warm, warm_cpu = _timed(mentions, documents)
    # A script run from another worktree imports the installed checkout unless PYTHONPATH says otherwise:
    # say which code was measured.
    print(f"code measured: {Path(newsfold.__file__).parent}")
    print(f"start-up: {registry + tables:.2f} s (registry {registry:.2f} s, place name tables {tables:.2f} s)")
    print(
        f"mentions: {mentions.height:,}  distinct spellings: {distinct:,}  (article, spelling) pairs: {observed:,}  "
        f"documents: {documents.height:,}  entities: {result.entities.height:,}"
    )
    for name, wall, cpu in (("cold", cold, cold_cpu), ("warm", warm, warm_cpu)):
        print(
            f"{name} spelling caches: {wall:.2f} s wall = {mentions.height / wall:,.0f} mentions/s; "
            f"{cpu:.2f} s CPU = {mentions.height / cpu:,.0f} mentions/s"
        )


def _timed(mentions: pl.DataFrame, documents: pl.DataFrame):
    """Resolve once; return the result, wall seconds and CPU seconds."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = resolve_entities(mentions, documents)
    return result, time.perf_counter() - wall, time.process_time() - cpu


if __name__ == "__main__":
    main()
