"""Shared fixtures: one Prefect test server per session, the seed articles."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "raw"


def _child_servers() -> list[int]:
    """Prefect API servers (uvicorn) this pytest process started and that still run."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            command = (entry / "cmdline").read_bytes()
        except (OSError, IndexError, ValueError):
            continue
        if parent == os.getpid() and b"uvicorn" in command:
            found.append(int(entry.name))
    return found


@pytest.fixture(scope="session", autouse=True)
def no_server_outlives_the_session():
    """Stop any API server a test left behind, so a test run leaves nothing running."""
    yield
    import signal

    for pid in _child_servers():
        os.kill(pid, signal.SIGTERM)


@pytest.fixture(scope="session")
def prefect_api():
    """A temporary Prefect API for the whole session (it costs ~20 s to start)."""
    from prefect.settings import PREFECT_API_URL
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield PREFECT_API_URL.value()


@pytest.fixture
def seed_raw(tmp_path: Path) -> Path:
    """A private copy of the two seed articles."""
    raw = tmp_path / "raw"
    shutil.copytree(SEEDS, raw)
    return raw
