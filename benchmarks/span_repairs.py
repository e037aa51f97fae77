"""How often each entity-span repair fires on a sample of real articles.

Reads every path given (a folder of text files, or a JSON / JSON Lines file,
gzipped or not) the way the pipeline does, takes an evenly spaced sample of
articles, parses them with the installed spaCy model and repairs each entity
span (``newsfold.analyse.spans``). Prints the counts per repair and a seeded
random selection of repaired spans with their context, for checking by eye.

Example:
    PYTHONPATH=$PWD python benchmarks/span_repairs.py ../corpora/bbc --sample 300 --show 40
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import random
from pathlib import Path

from newsfold.analyse import load_model
from newsfold.analyse.spans import REPAIR_REASONS, explain_span_repair
from newsfold.ingest import SUPPORTED_SUFFIXES, read_source
from newsfold.records import SourceFile
from schemas.mentions import MENTION_LABELS


def read_texts(path: Path) -> list[tuple[str, str]]:
    """``(article id, documents.text)`` for every article under ``path``, sorted by id."""
    root, files = (path, sorted(p for p in path.rglob("*") if p.is_file())) if path.is_dir() else (path.parent, [path])
    articles = []
    for file in files:
        if not file.name.endswith(tuple(SUPPORTED_SUFFIXES)):
            continue
        data = file.read_bytes()
        source = SourceFile(file.relative_to(root).as_posix(), len(data), hashlib.sha256(data).hexdigest())
        found, _rejects = read_source(root, source)
        articles.extend((f"{source.path}#{index}", article.text) for index, article in enumerate(found))
    return sorted(articles)


def pick_sample(articles: list[tuple[str, str]], size: int, offset: int) -> list[tuple[str, str]]:
    """Every ``len/size``-th article, starting at ``offset`` (another offset gives a disjoint sample)."""
    step = max(len(articles) // size, 1)
    return articles[offset % step :: step][:size]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path, help="corpus folders or JSON Lines files")
    parser.add_argument("--sample", type=int, default=300, help="articles per path (default 300)")
    parser.add_argument("--offset", type=int, default=0, help="sample offset; 0 measures, others are for tuning")
    parser.add_argument("--show", type=int, default=40, help="repaired spans to print for checking by eye")
    parser.add_argument("--seed", type=int, default=7, help="seed of the printed selection")
    args = parser.parse_args()

    nlp = load_model()
    labels = frozenset(MENTION_LABELS)
    for path in args.paths:
        sample = pick_sample(read_texts(path), args.sample, args.offset)
        counts: collections.Counter[str] = collections.Counter()
        changed = []
        entities = kept = dropped = split = 0
        for (article_id, text), doc in zip(sample, nlp.pipe((t for _, t in sample), batch_size=32), strict=True):
            for ent in doc.ents:
                if ent.label_ not in labels:
                    continue
                entities += 1
                repair = explain_span_repair(text, ent.start_char, ent.end_char, ent.label_)
                counts.update(repair.reasons)
                kept += len(repair.spans)
                dropped += not repair.spans
                split += len(repair.spans) > 1
                if repair.reasons:
                    after = [(text[s.start : s.end], s.label) for s in repair.spans]
                    context = text[max(ent.start_char - 30, 0) : ent.end_char + 30]
                    changed.append((article_id, ent.label_, ent.text, after, repair.reasons, context))
        print(f"## {path.name}: {len(sample)} articles, {entities} entity spans")
        print(f"changed {len(changed)} ({len(changed) / max(entities, 1):.1%}), dropped {dropped}, split {split}, mentions out {kept}")
        for reason in REPAIR_REASONS:
            print(f"  {reason:14} {counts[reason]}")
        for article_id, label, before, after, reasons, context in random.Random(args.seed).sample(
            changed, min(args.show, len(changed))
        ):
            print(f"- {article_id} {label} {before!r} -> {after} {'+'.join(reasons)}  | {context!r}")


if __name__ == "__main__":
    main()
