"""Benchmark: the gazetteer's load time and memory, and geocoding a whole dataset.

Loads the gazetteer once (wall and CPU time, resident memory before and
after, in this process), then runs ``locate_entities`` over the documents,
mentions and entities of a dataset a ``newsfold run`` wrote, as the link stage
does (with the entity registry loaded first, as the resolver has it then). Wall-clock and CPU time are both printed: on a shared machine the CPU
time is the fairer figure.

With ``--reuters FILE --limit N`` it instead runs spaCy's NER over the first N
Reuters-21578 records (outside the timing) and times geocoding their GPE and
LOC mentions article by article: the per-article cost, to scale to the corpus.

Run:
    .venv/bin/python benchmarks/bench_places.py output
    .venv/bin/python benchmarks/bench_places.py --reuters ../shared/corpora/reuters/reuters21578.jsonl.gz --limit 2000
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import time

from newsfold.geo import load_gazetteer
from newsfold.geo.entities import locate_entities
from newsfold.load import read_table
from newsfold.names.registry import load_registry


def _rss_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def _cpu_with_children() -> float:
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def _children_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1e3  # kB on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset", nargs="?", help="A newsfold output directory.")
    parser.add_argument("--reuters", help="Reuters-21578 JSON Lines (.jsonl.gz) instead of a dataset.")
    parser.add_argument("--limit", type=int, default=2000, help="Reuters records to use.")
    args = parser.parse_args()
    if args.reuters:
        _bench_reuters(args.reuters, args.limit)
        return
    documents = read_table("documents", args.dataset)
    mentions = read_table("mentions", args.dataset)
    entities = read_table("entities", args.dataset)
    gc.collect()
    before = _rss_mb()
    wall, cpu = time.perf_counter(), _cpu_with_children()
    gazetteer = load_gazetteer()
    gc.collect()
    print(f"gazetteer: {len(gazetteer):,} places, {len(gazetteer.index):,} name keys")
    # The child process that builds it counts: its CPU is the load's.
    print(f"  load: {time.perf_counter() - wall:.1f} s wall, {_cpu_with_children() - cpu:.1f} s CPU (its build process's included)")
    print(f"  peak resident memory of the build process: {_children_peak_mb():.0f} MB")
    print(f"  resident memory: {before:.0f} MB before, {_rss_mb():.0f} MB after (+{_rss_mb() - before:.0f} MB)")
    load_registry()  # the link stage has it loaded already (the resolver's): datelines use it
    wall, cpu = time.perf_counter(), time.process_time()
    located = locate_entities(entities, mentions, documents, gazetteer)
    places = located.filter(located["feature_kind"].is_not_null()).height
    print(f"locate_entities: {documents.height:,} documents, {mentions.height:,} mentions, {places:,} entities placed")
    print(f"  {time.perf_counter() - wall:.1f} s wall, {time.process_time() - cpu:.1f} s CPU")


def _bench_reuters(path: str, limit: int) -> None:
    import gzip
    import json

    import polars as pl

    from newsfold.analyse.model import load_model
    from newsfold.geo.entities import geocode_documents

    with gzip.open(path, "rt", encoding="utf-8") as handle:
        records = [json.loads(line) for _, line in zip(range(limit), handle)]
    nlp = load_model()
    rows = []
    for record, doc in zip(records, nlp.pipe((r["text"] for r in records), batch_size=32)):
        rows += [(record["id"], e.start_char, e.end_char, e.text, e.label_) for e in doc.ents if e.label_ in ("GPE", "LOC")]
    mentions = pl.DataFrame(rows, schema=["doc_id", "start", "end", "text", "label"], orient="row")
    documents = pl.DataFrame([(r["id"], r["text"], r["dateline"]) for r in records], schema=["doc_id", "text", "dateline"], orient="row")
    gazetteer = load_gazetteer()
    wall, cpu = time.perf_counter(), time.process_time()
    chosen = geocode_documents(mentions, documents, gazetteer)
    spent_wall, spent_cpu = time.perf_counter() - wall, time.process_time() - cpu
    placed = chosen.drop_nulls().len()
    print(f"geocoding {len(records):,} Reuters records, {mentions.height:,} GPE/LOC mentions ({placed:,} placed)")
    print(f"  {spent_wall:.1f} s wall, {spent_cpu:.1f} s CPU: {1000 * spent_cpu / len(records):.2f} ms CPU per article")


if __name__ == "__main__":
    main()
