"""Peak memory of `newsfold run` on a folder holding one very long text file.

Usage:

    python benchmarks/bench_long_text.py --mb 50
    python benchmarks/bench_long_text.py --mb 5 --layout one-line

It writes one generated English text of about ``--mb`` megabytes (news-like
sentences with people, places, organisations, dates, amounts and quotes; in
paragraphs, or all on one line) into a temporary directory, runs
``newsfold run DIR --out TMP --max-chars N --max-bytes N`` in a fresh
process with both limits raised to allow it, samples the resident memory of
the whole process tree (main process and analysis workers) every 100 ms from
/proc, and prints one JSON object: wall time, peak RSS, the row counts
committed, what those tables take in memory (Polars' estimate) and the main
process's own peak during each stage of the run (``NEWSFOLD_STAGE_MEMORY``,
see ``newsfold/stages.py``). Nothing is written into the repository.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from measure import run_sampled  # noqa: E402



PEOPLE = ["Mike Pompeo", "Angela Merkel", "Emmanuel Macron", "Narendra Modi", "Jacinda Ardern", "Boris Johnson"]
PLACES = ["Baghdad", "Berlin", "Paris", "New Delhi", "Wellington", "London", "Tehran", "Washington"]
ORGS = ["the United Nations", "the European Union", "NATO", "the World Bank", "Reuters", "the BBC"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August"]


def make_sentence(rng: random.Random) -> str:
    """One news-like sentence with entities, a date, an amount or a quote."""
    person, place, org = rng.choice(PEOPLE), rng.choice(PLACES), rng.choice(ORGS)
    date = f"{rng.choice(MONTHS)} {rng.randint(1, 28)}, {rng.randint(1990, 2024)}"
    return rng.choice(
        [
            f"{person} met officials from {org} in {place} on {date}.",
            f"\u201cWe will not accept this,\u201d {person} said in {place} on Tuesday.",
            f"{org} pledged ${rng.randint(2, 900)} million for the rebuilding of {place}.",
            f"More than {rng.randint(100, 9000)} people gathered in {place} to hear {person}.",
            f"Talks between {org} and the government in {place} resumed on {date}, officials said.",
        ]
    )


def write_long_text(path: Path, megabytes: float, layout: str, seed: int = 13) -> int:
    """Write about ``megabytes`` MB of text to ``path``; returns its length in characters."""
    rng = random.Random(seed)
    target = int(megabytes * 1_000_000)
    written = 0
    with path.open("w", encoding="utf-8") as stream:
        while written < target:
            paragraph = " ".join(make_sentence(rng) for _ in range(rng.randint(3, 7)))
            paragraph += " " if layout == "one-line" else "\n\n"
            stream.write(paragraph)
            written += len(paragraph)
    return written


def run_with_peak_rss(
    command: list[str], env: dict[str, str], timeline: list | None = None
) -> tuple[float, int, int, str, dict[str, int]]:
    """Wall time, peak tree RSS, exit status, the stderr tail and each process's own peak RSS.

    With ``timeline``, appends ``(seconds, {pid: MB})`` about once a second.
    """
    peaks: dict[str, int] = {}

    def remember(seconds: float, by_process: dict[str, int]) -> None:
        for name, rss in by_process.items():
            peaks[name] = max(peaks.get(name, 0), rss)
        if timeline is not None and (not timeline or seconds - timeline[-1][0] >= 1):
            timeline.append((round(seconds, 1), {name.split()[0]: round(rss / 2**20) for name, rss in by_process.items()}))

    run = run_sampled(command, env, on_sample=remember)
    return run.seconds, run.peak_rss, run.returncode, run.stderr[-2000:], peaks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=50.0, help="size of the text in megabytes (default 50)")
    parser.add_argument("--layout", choices=["paragraphs", "one-line"], default="paragraphs")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--keep", type=Path, help="move the committed output here (for replay_after_analysis.py)")
    parser.add_argument("--timeline", action="store_true", help="also print each process's RSS about once a second")
    args = parser.parse_args()
    env = {**os.environ, "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1"}
    env["PYTHONPATH"] = os.pathsep.join([str(Path(__file__).resolve().parents[1]), env.get("PYTHONPATH", "")])
    with tempfile.TemporaryDirectory() as scratch:
        raw, out = Path(scratch) / "raw", Path(scratch) / "output"
        raw.mkdir()
        chars = write_long_text(raw / "long.txt", args.mb, args.layout)
        size = (raw / "long.txt").stat().st_size
        limit = str(max(chars, size) + 1)
        command = [sys.executable, "-m", "flows.cli", "run", str(raw), "--out", str(out), "-q",
                   "--workers", str(args.workers), "--max-chars", limit, "--max-bytes", limit]
        timeline: list | None = [] if args.timeline else None
        stage_memory = Path(scratch) / "stage-memory.json"
        env["NEWSFOLD_STAGE_MEMORY"] = str(stage_memory)
        seconds, peak, status, stderr, peaks = run_with_peak_rss(command, env, timeline)
        main_by_stage = json.loads(stage_memory.read_text()) if stage_memory.exists() else {}
        rows, table_mb = {}, {}
        if status == 0:
            import polars as pl

            for table in ("documents", "sentences", "mentions", "quotes", "dates", "amounts", "rejects"):
                frame = pl.read_parquet(str(out / table / "**" / "*.parquet"))
                rows[table] = frame.height
                # What the run's final rows take in memory (Polars' estimate), the least its main process holds.
                table_mb[table] = round(frame.estimated_size() / 2**20, 1)
            if args.keep:
                shutil.move(str(out), str(args.keep))
    report = {
        "megabytes": args.mb,
        "layout": args.layout,
        "chars": chars,
        "workers": args.workers,
        "exit_status": status,
        "seconds": round(seconds, 1),
        "peak_rss_mb": round(peak / 2**20, 1),
        "rows": rows,
        "table_mb": table_mb,
        "peak_rss_mb_by_process": {name: round(rss / 2**20, 1) for name, rss in sorted(peaks.items())},
        "main_process_peak_mb_by_stage": main_by_stage,
    }
    if timeline is not None:
        report["timeline"] = [f"{moment} s: {rss}" for moment, rss in timeline]
    if status != 0:
        report["stderr_tail"] = stderr
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
