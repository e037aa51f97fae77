"""Analysis workers end when the run that started them is killed."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.flows.test_server import is_alive, wait_gone

ROOT = str(Path(__file__).resolve().parents[1])


@pytest.mark.parametrize("watched", [True, False])
def test_watch_parent_ends_an_orphaned_worker(watched):
    worker = f"import sys, time; sys.path.insert(0, {ROOT!r}); from newsfold.lifeline import watch_parent; " + (
        "watch_parent(int(sys.argv[1]), interval=0.1); " if watched else ""
    ) + "time.sleep(60)"
    parent_script = textwrap.dedent(
        f"""
        import subprocess, sys, time
        import os
        child = subprocess.Popen([sys.executable, "-c", {worker!r}, str(os.getpid())])
        print(child.pid, flush=True)
        time.sleep(600)
        """
    )
    parent = subprocess.Popen([sys.executable, "-c", parent_script], stdout=subprocess.PIPE, text=True)
    child = int(parent.stdout.readline())
    try:
        parent.send_signal(signal.SIGKILL)
        parent.wait()
        # The unwatched worker is the control: it outlives its parent, so the test can tell.
        assert wait_gone(child, timeout=5.0) is watched
    finally:
        if is_alive(child):
            subprocess.run(["kill", "-9", str(child)], check=False)
        parent.stdout.close()
