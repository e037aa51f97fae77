"""The test run itself leaves nothing behind when it is stopped with SIGTERM."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from tests.flows.test_server import is_alive, wait_gone

REPO = Path(__file__).resolve().parent.parent


def test_sigterm_to_the_test_run_stops_the_servers_its_fixtures_started(tmp_path):
    """A fixture's server (here a `sleep` in its own session, as the Dask fixture starts them) is stopped by
    the fixture's teardown when pytest is sent SIGTERM; without the conftest's handler it would outlive the run."""
    pid_file = tmp_path / "server.pid"
    (tmp_path / "conftest.py").write_text((REPO / "tests" / "conftest.py").read_text())
    (tmp_path / "test_server.py").write_text(textwrap.dedent(f"""
        import subprocess, time
        import pytest

        @pytest.fixture
        def server():
            process = subprocess.Popen(["sleep", "600"], start_new_session=True)
            open({str(pid_file)!r}, "w").write(str(process.pid))
            yield process
            process.kill()
            process.wait()

        def test_waits(server):
            time.sleep(600)
    """))
    log = tmp_path / "pytest.log"
    with open(log, "wb") as output:
        run = subprocess.Popen([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],
                               cwd=tmp_path, stdout=output, stderr=subprocess.STDOUT)
    server = None
    try:
        deadline = time.monotonic() + 60
        while not (pid_file.exists() and pid_file.read_text()):
            assert time.monotonic() < deadline and run.poll() is None, log.read_text()
            time.sleep(0.1)
        server = int(pid_file.read_text())
        time.sleep(0.5)
        run.send_signal(signal.SIGTERM)
        run.wait(timeout=60)
        assert wait_gone(server), "the fixture's server outlived the stopped test run"
    finally:
        if run.poll() is None:
            run.kill()
        if server is not None and is_alive(server):
            os.kill(server, signal.SIGKILL)
