"""Does a folder of every hostile kind beside real articles commit all the articles?

Usage (the corpus path is an argument; nothing is copied into the repository):

    python benchmarks/hostile_folder.py ../shared/corpora/bbc --articles 100

Into a temporary directory it copies the first ``--articles`` ``.txt`` files of
the corpus (sorted by path) under ``corpus/``, a byte-identical copy of the
first one under ``zz-copy-of-first.txt``, and every hostile kind of
``tests/hostile.py`` at full size (``full_size_cases``: a JSON array of a
million numbers, a 1 GiB gzip bomb, texts of 900,000 characters on one line
and in short lines, a 5 MB text over the character limit, a file over the
byte limit, a YAML alias bomb, names that are not UTF-8 or hold a newline,
FIFOs and symlink loops, and the small broken kinds). It runs
``newsfold run`` in a fresh process under the default limits, with the test
hook ``NEWSFOLD_TEST_KILL_MARKER`` armed so that one article kills its
analysis worker as the out-of-memory killer would, then checks:

* the run exits 0 and ``newsfold validate`` passes;
* every copied article is in ``documents``;
* every hostile file has exactly its expected reject codes (and a
  ``documents`` row when it must be kept); the copy is NF112 (of two
  identical files the one whose path sorts first is kept, so the copy's name
  sorts after ``corpus/``);
* nothing else is in ``documents`` or ``rejects``.

Prints one JSON object: the checks, wall time and peak RSS of the run's
process tree. Exits 1 when a check fails.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from newsfold.analyse.faults import KILL_MARKER_VARIABLE  # noqa: E402
from tests.hostile import KILL_MARKER, full_size_cases, write_hostile_folder  # noqa: E402

from measure import run_sampled  # noqa: E402  (benchmarks/ is on sys.path as the script's folder)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="directory of .txt articles, e.g. ../shared/corpora/bbc")
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    articles = sorted(path for path in args.corpus.rglob("*.txt") if path.is_file())[: args.articles]
    env = {**os.environ, "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1",
           KILL_MARKER_VARIABLE: KILL_MARKER, "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])}
    newsfold = [sys.executable, "-m", "flows.cli"]

    with tempfile.TemporaryDirectory() as scratch:
        raw, out = Path(scratch) / "raw", Path(scratch) / "output"
        raw.mkdir()
        article_paths = []
        for article in articles:
            target = raw / "corpus" / article.relative_to(args.corpus)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(article, target)
            article_paths.append(target.relative_to(raw).as_posix())
        shutil.copyfile(articles[0], raw / "zz-copy-of-first.txt")
        expected = write_hostile_folder(raw, full_size_cases())
        expected.append(("zz-copy-of-first.txt", ("NF112",), False))

        run = run_sampled([*newsfold, "run", str(raw), "--out", str(out), "-q", "--workers", str(args.workers)], env)
        status = run.returncode
        checks: dict[str, object] = {"run_exit_status": status}
        if status == 0:
            validated = subprocess.run([*newsfold, "validate", str(out)], env=env, capture_output=True, text=True)
            checks["validate_exit_status"] = validated.returncode
            checks.update(compare(out, article_paths, expected))
    passed = status == 0 and checks.get("validate_exit_status") == 0 and not checks.get("problems")
    report = {
        "articles": len(articles),
        "hostile_files": len(expected),
        "passed": passed,
        "seconds": round(run.seconds, 1),
        "peak_rss_mb": round(run.peak_rss / 2**20, 1),
        **checks,
    }
    if status != 0:
        report["output_tail"] = (run.stdout + run.stderr)[-3000:]
    print(json.dumps(report, indent=2, ensure_ascii=False))
    sys.exit(0 if passed else 1)


def compare(out: Path, article_paths: list[str], expected: list[tuple[str, tuple[str, ...], bool]]) -> dict:
    """What the committed tables hold against what the folder called for."""
    import polars as pl

    from newsfold.load import read_tables

    tables = read_tables(out)
    documents = set(tables["documents"]["source_path"])
    codes = dict(tables["rejects"].group_by("source_path").agg(pl.col("error_code").sort()).rows())
    problems = [f"article {path} is not in documents" for path in article_paths if path not in documents]
    problems += [f"article {path} has rejects {codes[path]}" for path in article_paths if path in codes]
    for stored, wanted, is_document in expected:
        got = tuple(codes.get(stored, ()))
        if got != wanted:
            problems.append(f"{stored!r}: rejects {got}, expected {wanted}")
        if (stored in documents) is not is_document:
            problems.append(f"{stored!r}: {'missing from' if is_document else 'unexpectedly in'} documents")
    known = set(article_paths) | {stored for stored, _, _ in expected}
    problems += [f"unexpected {path!r} in documents or rejects" for path in (documents | set(codes)) - known]
    return {
        "articles_in_documents": sum(path in documents for path in article_paths),
        "documents": len(documents),
        "rejects_by_code": dict(tables["rejects"]["error_code"].value_counts().sort("error_code").rows()),
        "problems": problems,
    }


if __name__ == "__main__":
    main()
