"""What adding 20 articles costs as the collection grows (issue 11, benchmark 6a and 6b).

Usage:

    python benchmarks/bench_incremental.py ../shared/corpora/reuters/reuters21578.jsonl.gz \\
        ../shared/corpora/bbc --sizes 2000 20000 100000 --add 20

For each size N it builds a collection of N articles from the Reuters records
and the BBC files, taken in turn and reused as often as N needs, each use with
its own id and date (a reused text is the same wire story filed again on
another day), written as JSON Lines files of 1,000 records. It then runs, each
command a fresh process with its tree's memory sampled (``measure.py``):

1. ``newsfold run`` on the N articles (the build; its figures are printed too);
2. the same after adding one file of ``--add`` new records (ids and dates
   that no collection of the run has; the figure the issue asks to stay within 2x from the smallest to the
   largest collection);
3. a rerun with nothing new (the no-op).

With ``--again`` and the ``--workdir`` of an earlier run, the built collections are
kept: steps 2 and 3 run again with ``--add`` more new records (a machine busy during
the build can be measured idle this way).

Each run's own seconds per stage (its summary table) and its main process's peak
per stage (``NEWSFOLD_STAGE_MEMORY``) are printed beside the wall time and the
tree's peak, so a run that grows with the collection says where.

Before the first measured run, one unmeasured run on a few articles in a scratch
folder starts the Prefect server once: a fresh ``PREFECT_HOME`` makes its database
on first start (about 5 s here), which a user pays once, not on every run, and
which would otherwise fall on the smallest collection only.

Prints one JSON object per size, then a summary with the ratio of the largest
to the smallest collection for step 2. The load average is printed beside
every step: figures from a busy machine are not comparable with idle ones.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import itertools
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from measure import run_sampled  # noqa: E402
from mine_name_variants import read_bbc  # noqa: E402

RECORDS_PER_FILE = 1000


def corpus_articles(reuters: Path, bbc: Path) -> list[dict]:
    """Reuters records and BBC files as ``{"id", "title", "text"}``, alternating so both kinds spread evenly."""
    with gzip.open(reuters, "rt", encoding="utf-8") as handle:
        wires = [{"id": r["id"], "title": r["title"], "text": r["text"]} for r in map(json.loads, handle)]
    stories = []
    for doc_id, text in read_bbc(bbc):
        headline, _, body = text.partition("\n")
        stories.append({"id": doc_id.replace(":", "-").replace("/", "-"), "title": headline.strip(),
                        "text": body.strip()})
    return [item for pair in itertools.zip_longest(wires, stories) for item in pair if item is not None]


def collection(articles: list[dict], count: int, *, skip: int = 0) -> Iterator[dict]:
    """``count`` records: article ``i`` is ``articles[i % len]``, filed on a day of its own."""
    start = dt.date(1990, 1, 1)
    for index in range(skip, skip + count):
        base = articles[index % len(articles)]
        reuse = index // len(articles)
        yield {
            "id": f"{base['id']}-{reuse}",
            "title": base["title"],
            "date": (start + dt.timedelta(days=index % 12000)).isoformat(),
            "source": f"bench-{reuse}",
            "text": base["text"],
        }


def write_records(folder: Path, records: Iterator[dict], prefix: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    iterator = iter(records)
    for number in itertools.count():
        chunk = list(itertools.islice(iterator, RECORDS_PER_FILE))
        if not chunk:
            break
        with open(folder / f"{prefix}-{number:05d}.jsonl", "w", encoding="utf-8") as handle:
            for record in chunk:
                handle.write(json.dumps(record) + "\n")


def next_addition(raw: Path, largest: int, add: int) -> tuple[int, str]:
    """Where the next added records start and their files' prefix: after the largest collection and
    every addition already in ``raw`` (``--again`` adds new ones each time).

    Example:
        >>> next_addition(Path("/nonexistent"), 100000, 20)
        (100000, 'added')
    """
    done = len(list(raw.glob("added*.jsonl"))) if raw.is_dir() else 0
    return largest + add * done, "added" if done == 0 else f"added{done}"


def measured_run(raw: Path, out: Path, env: dict[str, str]) -> dict:
    """One ``newsfold run``: wall time, the tree's peak, and the run's own seconds and main-process peak per stage."""
    load = os.getloadavg()[0]
    stage_memory = out.parent / f"{out.name}-stage-memory.json"
    stage_memory.unlink(missing_ok=True)
    run = run_sampled([sys.executable, "-m", "flows.cli", "run", str(raw), "--out", str(out)],
                      {**env, "NEWSFOLD_STAGE_MEMORY": str(stage_memory)})
    if run.returncode != 0:
        raise SystemExit(f"newsfold run failed ({run.returncode}):\n{run.stderr[-3000:]}")
    return {"seconds": round(run.seconds, 1), "peak_rss_mb": round(run.peak_rss / 2**20),
            "load_average": [round(load, 2), round(os.getloadavg()[0], 2)],
            "stage_seconds": stage_seconds(run.stdout),
            "main_peak_mb_by_stage": json.loads(stage_memory.read_text()) if stage_memory.exists() else {}}


def stage_seconds(summary: str) -> dict[str, float]:
    r"""The run summary's table of seconds per stage, as printed by ``newsfold run``.

    Example:
        >>> stage_seconds(" stage    seconds \n read     0.9     \n resolve  12.5    \nrejects: 0\n")
        {'read': 0.9, 'resolve': 12.5}
    """
    seconds: dict[str, float] = {}
    in_table = False
    for line in summary.splitlines():
        name, _, value = line.strip().rpartition(" ")
        if line.split() == ["stage", "seconds"]:
            in_table = True
        elif in_table and line.startswith(" ") and name and value.replace(".", "", 1).isdigit():
            seconds[name.strip()] = float(value)
        elif in_table:
            break
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reuters", type=Path, help="reuters21578.jsonl.gz of the shared corpora")
    parser.add_argument("bbc", type=Path, help="the BBC folder of the shared corpora")
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 20000, 100000])
    parser.add_argument("--add", type=int, default=20, help="articles the measured run adds")
    parser.add_argument("--workdir", type=Path, help="keep the collections and outputs here (default: a temporary folder)")
    parser.add_argument("--again", action="store_true",
                        help="the collections in --workdir are built: only add --add more new articles and rerun")
    args = parser.parse_args()
    if args.again and args.workdir is None:
        parser.error("--again needs the --workdir of an earlier run")
    articles = corpus_articles(args.reuters, args.bbc)
    results = []
    with tempfile.TemporaryDirectory() as scratch:
        root = args.workdir or Path(scratch)
        env = {**os.environ, "PREFECT_HOME": str(Path(scratch) / "prefect-home")}
        env.pop("PREFECT_API_URL", None)
        env.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "600")  # a busy machine starts it slowly
        largest = max(args.sizes)
        warm_up = Path(scratch) / "warm-up"
        write_records(warm_up / "raw", collection(articles, 3), "warm-up")
        measured_run(warm_up / "raw", warm_up / "output", env)
        for size in args.sizes:
            raw, out = root / f"raw-{size}", root / f"output-{size}"
            build = None
            if not args.again:
                write_records(raw, collection(articles, size), "base")
                build = measured_run(raw, out, env)
            # the added articles come after the largest collection's, so every size adds the same 20
            skip, prefix = next_addition(raw, largest, args.add)
            write_records(raw, collection(articles, args.add, skip=skip), prefix)
            added = measured_run(raw, out, env)
            noop = measured_run(raw, out, env)
            result = {"articles": size + skip - largest, "build": build, "add": added, "noop": noop}
            print(json.dumps(result), flush=True)
            results.append(result)
    if len(results) > 1:
        smallest, biggest = results[0]["add"], results[-1]["add"]
        print(json.dumps({"add_time_ratio": round(biggest["seconds"] / smallest["seconds"], 2),
                          "add_peak_ratio": round(biggest["peak_rss_mb"] / smallest["peak_rss_mb"], 2)}))


if __name__ == "__main__":
    main()
