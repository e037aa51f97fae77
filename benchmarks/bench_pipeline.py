"""End-to-end throughput, no-op rerun cost and peak memory of `newsfold run`.

Usage (corpus paths are arguments; nothing is copied into the repository):

    python benchmarks/bench_pipeline.py ../shared/corpora/bbc --name bbc
    python benchmarks/bench_pipeline.py ../shared/corpora/reuters --name reuters

It measures, on the same texts, cores and machine, in one invocation:

* ``spacy_alone``: ``nlp.pipe(texts, n_process=cores, batch_size=32)`` over the
  article texts newsfold reads from the corpus (model loading included, as in
  the pipeline's workers);
* ``end_to_end``: ``newsfold run CORPUS --out TMP`` as a user runs it: a fresh
  process, Prefect's temporary server, reading, analysis, resolution,
  validation and the Parquet commit;
* ``noop_rerun``: the same command again, with nothing new;
* ``empty_flow``: a process running a Prefect flow that does nothing, the floor
  any Prefect run pays;
* ``peak_rss``: the largest sum of resident memory over the run's process tree
  (main process plus analysis workers), sampled every 100 ms from /proc.

Prints a JSON object and a markdown table row.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from measure import run_sampled  # benchmarks/ is on sys.path as the script's folder

EMPTY_FLOW = """
from prefect import flow

@flow(name="empty")
def empty():
    return None

empty()
"""


def timed_process(command: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall time of ``command`` and the peak RSS of its process tree."""
    run = run_sampled(command, env)
    if run.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({run.returncode}):\n{run.stderr[-3000:]}")
    return run.seconds, run.peak_rss


def read_texts(corpus: Path) -> list[str]:
    """The article texts exactly as newsfold stores them."""
    from newsfold.discover import discover_sources
    from newsfold.ingest import read_source

    sources, _ = discover_sources(corpus)
    texts = []
    for source in sources:
        articles, _ = read_source(corpus, source)
        texts += [article.text for article in articles]
    return texts


def spacy_alone(texts: list[str], cores: int) -> float:
    """Seconds for nlp.pipe over ``texts`` on ``cores`` processes, model load included."""
    code = (
        "import json, sys, time\n"
        "texts = json.load(sys.stdin)\n"
        "t = time.perf_counter()\n"
        "from newsfold.analyse.model import load_model\n"
        "nlp = load_model()\n"
        f"for _ in nlp.pipe(texts, n_process={cores}, batch_size=32): pass\n"
        "print(time.perf_counter() - t)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], input=json.dumps(texts), capture_output=True, text=True, check=True
    )
    return float(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="directory of raw articles, e.g. ../shared/corpora/bbc")
    parser.add_argument("--name", default=None, help="label for the report (default: directory name)")
    parser.add_argument("--cores", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    corpus = args.corpus.resolve()
    env = {**os.environ, "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1"}
    newsfold = [sys.executable, "-m", "flows.cli", "run", str(corpus), "--workers", str(args.cores), "-q"]

    texts = read_texts(corpus)
    words = sum(len(text.split()) for text in texts)
    spacy_seconds = spacy_alone(texts, args.cores)
    with tempfile.TemporaryDirectory() as scratch:
        out = ["--out", str(Path(scratch) / "output")]
        end_to_end, peak = timed_process(newsfold + out, env)
        noop, _ = timed_process(newsfold + out, env)
        empty_file = Path(scratch) / "empty_flow.py"
        empty_file.write_text(EMPTY_FLOW)
        empty, _ = timed_process([sys.executable, str(empty_file)], env)

    report = {
        "corpus": args.name or corpus.name,
        "documents": len(texts),
        "words": words,
        "cores": args.cores,
        "spacy_alone_s": round(spacy_seconds, 2),
        "spacy_alone_docs_per_s": round(len(texts) / spacy_seconds, 2),
        "end_to_end_s": round(end_to_end, 2),
        "end_to_end_docs_per_s": round(len(texts) / end_to_end, 2),
        "end_to_end_vs_spacy": round(spacy_seconds / end_to_end, 3),
        "noop_rerun_s": round(noop, 2),
        "empty_flow_s": round(empty, 2),
        "noop_vs_empty_flow": round(noop / empty, 3),
        "peak_rss_mb": round(peak / 2**20, 1),
    }
    print(json.dumps(report, indent=2))
    print(
        f"| {report['corpus']} | {report['documents']} | {report['spacy_alone_docs_per_s']} | "
        f"{report['end_to_end_docs_per_s']} | {report['end_to_end_vs_spacy']} | {report['noop_rerun_s']} | "
        f"{report['empty_flow_s']} | {report['noop_vs_empty_flow']} | {report['peak_rss_mb']} |"
    )


if __name__ == "__main__":
    main()
