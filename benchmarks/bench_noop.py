"""Wall time of `newsfold run` as a user meets it: the first run, then reruns with nothing new.

Usage:

    python benchmarks/bench_noop.py raw --repeat 5

Each command is a fresh process, timed from its start to its exit (the user's
keystroke to the prompt), with a fresh Prefect home for the first run, as on a
new clone. Prints a JSON object: ``first_run_s`` and every ``noop_runs_s``
with their median, and the machine's load average at the start and end
(figures from a busy machine are not comparable with those from an idle one).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def timed_run(raw: Path, out: Path, env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "flows.cli", "run", str(raw), "--out", str(out), "--quiet"],
                   env=env, check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("raw", type=Path, help="input folder, e.g. raw")
    parser.add_argument("--repeat", type=int, default=5, help="no-op reruns to time")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        env = {**os.environ, "PREFECT_HOME": str(Path(scratch) / "prefect-home")}
        env.pop("PREFECT_API_URL", None)
        out = Path(scratch) / "output"
        load_before = os.getloadavg()[0]
        first = timed_run(args.raw, out, env)
        noops = [timed_run(args.raw, out, env) for _ in range(args.repeat)]
        result = {
            "raw": str(args.raw),
            "first_run_s": round(first, 2),
            "noop_runs_s": [round(value, 2) for value in noops],
            "noop_median_s": round(statistics.median(noops), 2),
            "load_average": [round(load_before, 2), round(os.getloadavg()[0], 2)],
        }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
