"""The temporary Prefect server newsfold owns: slow starts, failures, nothing left behind.

A fake server (a few lines of http.server that answer ``/api/health`` after a
delay) stands in for Prefect's, so each case is quick and deterministic; one
integration test starts the real one.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from flows.server import ServerStartError, TemporaryServer, check_prefect_home

FAKE_SERVER = textwrap.dedent(
    """
    import http.server, sys, time
    port, delay, exit_code = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
    time.sleep(delay)
    if exit_code:
        print("fake server: cannot start", file=sys.stderr)
        sys.exit(exit_code)
    class Health(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200 if self.path == "/api/health" else 404)
            self.end_headers()
        def log_message(self, *args):
            pass
    http.server.HTTPServer(("127.0.0.1", port), Health).serve_forever()
    """
)


def fake_server(delay: float = 0.0, exit_code: int = 0):
    return lambda port: [sys.executable, "-c", FAKE_SERVER, str(port), str(delay), str(exit_code)]


def is_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie still has a pid: it is gone for our purposes once reaped or defunct.
    status = Path(f"/proc/{pid}/status")
    return not (status.exists() and "zombie" in status.read_text())


def wait_gone(pid: int, timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not is_alive(pid):
            return True
        time.sleep(0.1)
    return False


@pytest.mark.parametrize(
    ("delay", "timeout", "slow_note"),
    [
        (0.0, 30.0, False),  # a quick start says nothing
        (1.5, 30.0, True),  # a slow start is waited for and reported in one line
    ],
)
def test_server_waits_for_a_slow_start(monkeypatch, delay, timeout, slow_note):
    monkeypatch.setattr("flows.server.SLOW_START_SECONDS", 1.0)
    notes: list[str] = []
    server = TemporaryServer(command=fake_server(delay), timeout=timeout, report=notes.append)
    server.launch()
    try:
        server.wait()
        assert server.process is not None and server.process.poll() is None
        assert (len(notes) == 1) is slow_note
        assert all("\n" not in note and "took" in note for note in notes)
    finally:
        pid = server.process.pid
        server.stop()
    assert wait_gone(pid)


@pytest.mark.parametrize(
    ("delay", "exit_code", "timeout", "message"),
    [
        (30.0, 0, 1.0, "did not answer within 1 s"),  # too slow for the limit
        (0.0, 7, 30.0, "exited with code 7: fake server: cannot start"),  # a crash names its last line
    ],
)
def test_server_failure_is_one_line_and_leaves_nothing(delay, exit_code, timeout, message):
    server = TemporaryServer(command=fake_server(delay, exit_code), timeout=timeout, report=lambda line: None)
    server.launch()
    pid = server.process.pid
    with pytest.raises(ServerStartError) as raised:
        server.wait()
    assert message in str(raised.value)
    assert "\n" not in str(raised.value)
    assert server.process is None
    assert wait_gone(pid)


def test_server_dies_with_its_parent_after_kill_9(tmp_path):
    """A kill -9 of the process that started the server takes the server with it."""
    script = textwrap.dedent(
        f"""
        import sys, time
        sys.path.insert(0, {str(Path(__file__).resolve().parents[2])!r})
        from flows.server import TemporaryServer
        from tests.flows.test_server import fake_server
        server = TemporaryServer(command=fake_server(), timeout=30)
        server.launch()
        server.wait()
        print(server.process.pid, flush=True)
        time.sleep(600)
        """
    )
    parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        child = int(parent.stdout.readline())
        assert is_alive(child)
        parent.send_signal(signal.SIGKILL)
        parent.wait()
        assert wait_gone(child), "the server outlived its killed parent"
    finally:
        if parent.poll() is None:
            parent.kill()
        parent.stdout.close()


@pytest.mark.parametrize(
    ("make_home", "usable"),
    [
        (lambda tmp: tmp / "prefect-home", True),  # created when missing
        (lambda tmp: tmp / "a-file" / "prefect-home", False),  # under a regular file: cannot exist
    ],
)
def test_check_prefect_home_names_an_unusable_folder(tmp_path, make_home, usable):
    (tmp_path / "a-file").write_text("not a folder")
    home = make_home(tmp_path)
    if usable:
        check_prefect_home(home)
        assert home.is_dir()
    else:
        with pytest.raises(ServerStartError, match=str(home)):
            check_prefect_home(home)


def test_server_stopped_before_it_answers_ends_its_poller_quietly(monkeypatch):
    # A run interrupted (SIGTERM) while the server still starts: stop() from the main thread must
    # not leave the health poller to fail with a traceback on stderr.
    failures = []
    monkeypatch.setattr("threading.excepthook", failures.append)
    server = TemporaryServer(command=fake_server(30.0), timeout=60.0, report=lambda line: None)
    server.launch()
    pid = server.process.pid
    time.sleep(0.3)  # the poller is in its loop
    server.stop()
    server._poller.join(timeout=10)
    assert not server._poller.is_alive()
    assert failures == []
    assert not server._ready.is_set()
    assert wait_gone(pid)
