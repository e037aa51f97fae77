"""Prefect's temporary local server, owned by newsfold from start to stop.

Without ``PREFECT_API_URL``, Prefect starts a temporary server the first time a
flow talks to its API. Left to itself, on a busy machine it gives up after 20 s
with a traceback, starts a second server on the same port, and at exit stops
only the second one, so the first is orphaned. newsfold therefore starts the
server itself and registers it as Prefect's one temporary server:

* the server process is started from the calling (main) thread and told by
  the kernel to stop when its parent dies (``PR_SET_PDEATHSIG``), so even a
  ``kill -9`` of ``newsfold run`` leaves no server behind;
* readiness is polled in the background while the pipeline imports, for up to
  ``PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS`` (newsfold's default:
  120 s); a slow start is reported in one plain line, a failed one in one
  :class:`ServerStartError` message, and the process is stopped either way;
* an unusable Prefect home folder is named before anything starts.

Example:
    >>> server = TemporaryServer.start()  # doctest: +SKIP
    >>> from flows.pipeline import newsfold_flow  # heavy imports, while it starts  # doctest: +SKIP
    >>> server.wait()  # doctest: +SKIP
    >>> server.stop()  # doctest: +SKIP
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

__all__ = ["ServerStartError", "TemporaryServer", "check_prefect_home", "make_uvicorn_command", "stop_child_with_parent"]

#: Seconds to wait for the temporary server when the user set no limit.
DEFAULT_STARTUP_TIMEOUT = 120.0
#: A start slower than this is worth one line to the user.
SLOW_START_SECONDS = 10.0
_PR_SET_PDEATHSIG = 1
_PORT_IN_USE_EXIT = 3  # uvicorn's exit status when it cannot bind
_PORT_TAKEN = "could not bind a free port (tried 3)"


class ServerStartError(RuntimeError):
    """Prefect's temporary server could not be started; the message says why in one line."""


def stop_child_with_parent() -> None:
    """In a child process (``preexec_fn``): ask Linux to SIGTERM it when its parent dies.

    A no-op where ``prctl`` is missing (not Linux). The kernel watches the
    thread that started the child, so call :meth:`TemporaryServer.start`
    from the main thread.
    """
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


def check_prefect_home(home: Path) -> None:
    """Raise :class:`ServerStartError` naming ``home`` unless a file can be created in it.

    Example:
        >>> check_prefect_home(Path(tempfile.mkdtemp()))
    """
    try:
        home.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=home, prefix=".newsfold-probe-"):
            pass
    except OSError as exc:
        raise ServerStartError(
            f"Prefect's home folder {home} is not usable ({exc.strerror or exc}); "
            "set PREFECT_HOME to a writable folder"
        ) from exc


def make_uvicorn_command(port: int) -> list[str]:
    """The command Prefect itself uses to serve its API on ``port`` (UI off)."""
    import prefect

    return [
        sys.executable, "-m", "uvicorn", "--app-dir", str(prefect.__module_path__.parent),
        "--factory", "prefect.server.api.server:create_app", "--host", "127.0.0.1",
        "--port", str(port), "--log-level", "error", "--lifespan", "on",
    ]


def _free_port() -> int:
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _startup_timeout() -> float:
    from prefect.settings import PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS

    explicit = os.environ.get("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS")
    return float(explicit) if explicit else max(DEFAULT_STARTUP_TIMEOUT, PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS.value())


class TemporaryServer:
    """One temporary Prefect API server process, started and stopped by newsfold.

    Args:
        command: Builds the server command for a port (tests pass a fake server).
        timeout: Seconds to wait for ``/api/health`` to answer.
        report: Where the one-line notes go (a slow start).
        env: The server's environment (default: this process's).
        register: Once it answers, make it the server Prefect's clients use.
    """

    def __init__(
        self,
        command: Callable[[int], Sequence[str]] = make_uvicorn_command,
        timeout: float = DEFAULT_STARTUP_TIMEOUT,
        report: Callable[[str], None] | None = None,
        env: dict[str, str] | None = None,
        register: bool = False,
    ) -> None:
        self.command = command
        self.register = register
        self.timeout = timeout
        self.report = report or (lambda line: print(line, file=sys.stderr))
        self.env = env
        self.port = 0
        self.process: subprocess.Popen[bytes] | None = None
        self._ready = threading.Event()
        self._failure: str | None = None
        self._poller: threading.Thread | None = None
        self._started_at = 0.0
        self._log = None
        self._stand_in = None

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    @classmethod
    def start(cls) -> "TemporaryServer | None":
        """Start Prefect's temporary server for this process, unless a real server is configured.

        Returns:
            The server (call :meth:`wait` before the flow talks to the API), or
            None when ``PREFECT_API_URL`` is set or the temporary server is off.

        Raises:
            ServerStartError: The Prefect home folder is unusable.
        """
        from prefect.settings import PREFECT_API_URL, PREFECT_HOME, PREFECT_SERVER_EPHEMERAL_ENABLED

        if PREFECT_API_URL.value() or not PREFECT_SERVER_EPHEMERAL_ENABLED.value():
            return None
        check_prefect_home(Path(PREFECT_HOME.value()).expanduser())
        from prefect.settings import get_current_settings

        env = {
            **os.environ,
            "PREFECT_UI_ENABLED": "0",
            "PREFECT__SERVER_EPHEMERAL": "1",
            "PREFECT__SERVER_FINAL": "1",
            **get_current_settings().to_environment_variables(exclude_unset=True),
        }
        server = cls(timeout=_startup_timeout(), env=env, register=True)
        server.launch()
        return server

    def launch(self) -> None:
        """Start the process (from the calling thread) and poll its health in the background."""
        if getattr(self, "_log", None) is not None:
            self._log.close()
        self.port = _free_port()
        self._started_at = time.monotonic()
        # A file, not a pipe: a server that logs more than a pipe holds would block.
        self._log = tempfile.TemporaryFile()
        self.process = subprocess.Popen(
            list(self.command(self.port)),
            env=self.env,
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            preexec_fn=stop_child_with_parent,
        )
        self._ready.clear()
        self._failure = None
        self._poller = threading.Thread(target=self._poll, name="prefect-temporary-server", daemon=True)
        self._poller.start()

    def _poll(self) -> None:
        import httpx

        deadline = self._started_at + self.timeout
        process = self.process  # stop() forgets it, from another thread (a signal), while this one polls
        with httpx.Client(timeout=2.0) as client:
            while time.monotonic() < deadline:
                if process is None or self.process is not process:
                    return  # stopped (or launched again) before it answered: nothing left to wait for
                code = process.poll()
                if code is not None:
                    self._failure = _PORT_TAKEN if code == _PORT_IN_USE_EXIT else f"exited with code {code}"
                    return
                try:
                    if client.get(f"{self.api_url}/health").status_code == 200:
                        self._ready.set()
                        return
                except httpx.HTTPError:
                    pass
                time.sleep(0.1)
        self._failure = f"did not answer within {self.timeout:.0f} s"

    def wait(self) -> None:
        """Block until the server answers.

        Raises:
            ServerStartError: It exited or did not answer in time; it is stopped.
        """
        for _attempt in range(3):
            assert self._poller is not None
            self._poller.join()
            if self._ready.is_set():
                elapsed = time.monotonic() - self._started_at
                if elapsed >= SLOW_START_SECONDS:
                    self.report(f"Prefect's temporary server took {elapsed:.0f} s to start (a busy machine or a new database)")
                if self.register:
                    self.register_with_prefect()
                return
            if self._failure == _PORT_TAKEN:
                self.launch()  # another process took the port between probe and bind
                continue
            break
        detail = self._error_detail()
        self.stop()
        hint = " (raise PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS, or set PREFECT_API_URL to a running server)"
        raise ServerStartError(f"Prefect's temporary server {self._failure}{detail}{hint}")

    def _error_detail(self) -> str:
        """The last line the server printed, if it exited."""
        if self.process is None or self.process.poll() is None:
            return ""
        self._log.seek(0)
        lines = [line for line in self._log.read().decode("utf-8", "replace").splitlines() if line.strip()]
        return f": {lines[-1].strip()[:300]}" if lines else ""

    def stop(self) -> None:
        """Stop the process (SIGTERM, then SIGKILL after 5 s) and forget it."""
        process, self.process = self.process, None
        if process is None:
            return
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if self._log is not None:
            self._log.close()
            self._log = None
        self._unregister_from_prefect()

    def register_with_prefect(self) -> None:
        """Make Prefect's clients use this server instead of starting their own."""
        from prefect.server.api.server import SubprocessASGIServer

        current = SubprocessASGIServer._instances.get(None)
        if current is not None and current.running:
            return  # another server (a test harness's) is already Prefect's default: leave it alone
        stand_in = SubprocessASGIServer()  # Prefect's per-process singleton for the default port
        stand_in.port = self.port
        stand_in.running = True  # its start() is now a no-op
        stand_in.server_process = self.process  # Prefect's clients check that it exists
        self._stand_in = stand_in

    def _unregister_from_prefect(self) -> None:
        stand_in = self._stand_in
        if stand_in is not None:
            stand_in.running = False
            stand_in.port = None
            stand_in.server_process = None
            self._stand_in = None
