"""Running a command while sampling the memory of its whole process tree (Linux /proc).

Shared by the benchmark scripts: each runs ``newsfold`` in a fresh process and
reports its wall time and the largest resident memory summed over the process
and its descendants (Prefect's server, the analysis workers).

Example:
    >>> run = run_sampled([sys.executable, "-c", "print('hi')"], dict(os.environ))  # doctest: +SKIP
    >>> run.returncode, run.stdout  # doctest: +SKIP
    (0, 'hi\\n')
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from flows.signals import stop_on_sigterm

__all__ = ["SampledRun", "run_sampled", "tree_rss_by_process", "tree_rss_bytes"]


def tree_rss_by_process(pid: int) -> dict[str, int]:
    """Resident bytes of ``pid`` and each descendant, keyed by "pid command"."""
    found, stack = {}, [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/cmdline", "rb") as cmdline:
                command = cmdline.read().replace(b"\0", b" ").decode(errors="replace")[:80]
            with open(f"/proc/{current}/status") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        found[f"{current} {command}"] = int(line.split()[1]) * 1024
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as children:
                    stack += [int(child) for child in children.read().split()]
        except (FileNotFoundError, ProcessLookupError):
            continue
    return found


def tree_rss_bytes(pid: int) -> int:
    """Resident memory of ``pid`` and all its descendants."""
    return sum(tree_rss_by_process(pid).values())


@dataclass(frozen=True)
class SampledRun:
    """What :func:`run_sampled` saw: exit status, wall seconds, peak tree RSS (bytes), output."""

    returncode: int
    seconds: float
    peak_rss: int
    stdout: str
    stderr: str


def run_sampled(
    command: list[str],
    env: dict[str, str],
    on_sample: Callable[[float, dict[str, int]], None] | None = None,
    every: float = 0.1,
) -> SampledRun:
    """Run ``command`` to its end, sampling its tree's memory every ``every`` seconds.

    ``on_sample(seconds_so_far, rss_by_process)`` sees each sample (per-process peaks, a timeline).
    """
    peak = 0
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            by_process = tree_rss_by_process(process.pid)
            peak = max(peak, sum(by_process.values()))
            if on_sample is not None:
                on_sample(time.perf_counter() - started, by_process)
            time.sleep(every)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        with stop_on_sigterm():
            stdout, stderr = process.communicate()
    except BaseException:  # Ctrl-C, SIGTERM or an error here: the command must not outlive this one
        _stop(process)
        raise
    finally:
        done.set()
    seconds = time.perf_counter() - started
    sampler.join()
    return SampledRun(process.returncode, seconds, peak, stdout, stderr)


def _stop(process: subprocess.Popen, grace: float = 60.0) -> None:
    """SIGTERM (newsfold then stops its server and workers, flows/signals.py); SIGKILL after ``grace`` seconds."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


if __name__ == "__main__":  # pragma: no cover - a quick look: python benchmarks/measure.py CMD...
    run = run_sampled(sys.argv[1:], dict(os.environ))
    print(f"exit {run.returncode}, {run.seconds:.1f} s, peak {run.peak_rss / 2**20:.0f} MB")
