"""A fresh run on the local process pool against the same run on a two-worker local Dask cluster.

Usage (the corpus path is an argument; its files are copied to a temporary folder, never into
the repository):

    python benchmarks/bench_dask.py ../shared/corpora/bbc --articles 150

Takes the first N BBC articles (``bbc/<category>/NNN.txt``, taken in turn from each category),
then runs, each in a fresh process into an empty output:

* ``local pool``: ``newsfold run RAW --out TMP --workers 2``;
* ``dask local``: ``newsfold run RAW --out TMP --workers 2 --dask local`` (a scheduler and two
  single-threaded worker processes started for the run on this machine, stopped at its end).

For each: wall time, peak RSS of the whole process tree (the run, Prefect's server, the pool's
or the cluster's worker processes; ``benchmarks/measure.py``) and the load average before the
run. Checks that both datasets hold the same rows, and prints a JSON object and markdown rows.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

from measure import run_sampled  # benchmarks/ is on sys.path as the script's folder

REPO = Path(__file__).resolve().parent.parent


def pick_articles(corpus: Path, count: int) -> list[Path]:
    """The first ``count`` articles, taking one from each category in turn (001 of each, then 002, ...)."""
    articles = sorted(corpus.glob("*/*.txt"), key=lambda path: (path.stem, path.parent.name))
    if len(articles) < count:
        raise SystemExit(f"{corpus} holds {len(articles)} articles, fewer than {count}")
    return articles[:count]


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def measure_run(raw: Path, out: Path, extra: list[str], env: dict[str, str]) -> dict:
    command = [sys.executable, "-m", "flows.cli", "run", str(raw), "--out", str(out), "--quiet", "--workers", "2", *extra]
    load = load_average()
    run = run_sampled(command, env)
    if run.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({run.returncode}):\n{run.stderr[-3000:]}")
    warnings = [line for line in run.stderr.splitlines() if "WARNING" in line or "killed its Dask workers" in line]
    return {"seconds": round(run.seconds, 1), "peak_rss_mb": round(run.peak_rss / 2**20), "load_before": load,
            "rejects": rejects_by_code(out), "warnings": warnings[-10:]}


def rejects_by_code(out: Path) -> dict[str, int]:
    from newsfold.load import read_table

    codes = read_table("rejects", out)["error_code"].to_list()
    return {code: codes.count(code) for code in sorted(set(codes))}


def row_counts(out: Path) -> dict[str, int]:
    from newsfold.load import read_tables

    return {name: frame.height for name, frame in read_tables(out).items() if name != "runs"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="the BBC corpus folder (bbc/<category>/NNN.txt)")
    parser.add_argument("--articles", type=int, default=150, help="how many articles to run on")
    args = parser.parse_args()
    sys.path.insert(0, str(REPO))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]),
           "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1"}
    env.pop("PREFECT_API_URL", None)  # each run starts its own temporary server, as a user's does
    env.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "600")  # a shared, busy machine
    with tempfile.TemporaryDirectory(prefix="newsfold-bench-dask-") as work:
        raw = Path(work) / "raw"
        for path in pick_articles(args.corpus, args.articles):
            target = raw / path.parent.name / path.name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
        results = {
            "local pool": measure_run(raw, Path(work) / "local", [], env),
            "dask local": measure_run(raw, Path(work) / "dask", ["--dask", "local"], env),
        }
        same = row_counts(Path(work) / "local") == row_counts(Path(work) / "dask")
    print(json.dumps({"articles": args.articles, "cores": os.cpu_count(), "same_rows": same, "runs": results}, indent=2))
    print("\n| run | articles | wall (s) | peak RSS (MB) | load average before (1, 5, 15 min) |")
    print("|---|---:|---:|---:|---|")
    for name, result in results.items():
        print(f"| {name} | {args.articles} | {result['seconds']} | {result['peak_rss_mb']:,} | {result['load_before']} |")
    if not same:
        raise SystemExit("the two runs wrote different row counts")


if __name__ == "__main__":
    main()
