"""The benchmarks' runner: a command it runs never outlives it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.flows.test_server import is_alive, wait_gone

_BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
_RUNNER = f"""
import os, sys
sys.path.insert(0, {str(_BENCHMARKS)!r})
from measure import run_sampled
run_sampled([sys.executable, "-c", "import time; time.sleep(600)"], dict(os.environ))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_bench_measure_stops_its_command_when_terminated():
    runner = subprocess.Popen([sys.executable, "-c", _RUNNER], stderr=subprocess.DEVNULL)
    children: list[str] = []
    try:
        deadline = time.monotonic() + 30
        while not children and time.monotonic() < deadline:
            time.sleep(0.2)
            children = Path(f"/proc/{runner.pid}/task/{runner.pid}/children").read_text().split()
        assert children, "the runner did not start its command"
        command = int(children[0])
        runner.send_signal(signal.SIGTERM)
        runner.wait(timeout=30)
        assert wait_gone(command, timeout=30)
    finally:
        for pid in (runner.pid, *map(int, children)):
            if is_alive(pid):
                os.kill(pid, signal.SIGKILL)
