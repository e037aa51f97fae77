"""Shared fixtures: one Prefect test server per session, the seed articles."""

from __future__ import annotations

import os
import shutil
import signal
from pathlib import Path

import pytest

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "raw"


def _interrupt(signum, frame):
    raise KeyboardInterrupt(f"stopped by signal {signum}")


def pytest_configure(config):
    """A CI runner stops a job with SIGTERM. Made a KeyboardInterrupt, it lets every fixture's
    teardown run, so the servers the tests started (Prefect, SeaweedFS, Dask) stop with the run
    instead of outliving it (tests/test_conftest.py)."""
    signal.signal(signal.SIGTERM, _interrupt)


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


#: Inputs added to the seeds for the report's dataset: every one is rejected
#: (one of them under a name that is not valid UTF-8 and holds a newline) but
#: the JSON Lines file, whose good record carries hostile markup in its title,
#: outlet and text.
REPORT_EXTRA_INPUTS: dict[bytes, bytes] = {
    b"empty.txt": b"",
    b"caf\xe9\nmenu.txt": b"",
    b"binary.txt": bytes(range(256)) * 2,
    b"notes.json": b'{"text": ',
    b"list.jsonl": (
        b'{"text": "Boris Johnson spoke in London. \\"We will build the <script>window.__pwned = 1</script> plan'
        b' together,\\" he said.",'
        b' "title": "<script>window.__pwned = 1</script>Hi", "source": "<b>Evil</b> Times",'
        b' "date": "2021-01-05"}\n'
        b"not json\n"
    ),
}


@pytest.fixture(scope="session")
def report_dataset(prefect_api, tmp_path_factory) -> Path:
    """A dataset for the report: the seeds plus :data:`REPORT_EXTRA_INPUTS`, through the real flow."""
    from flows.pipeline import newsfold_flow

    root = tmp_path_factory.mktemp("report-dataset")
    raw = root / "raw"
    shutil.copytree(SEEDS, raw)
    for name, content in REPORT_EXTRA_INPUTS.items():
        with open(os.fsencode(raw) + b"/" + name, "wb") as handle:
            handle.write(content)
    newsfold_flow(raw=str(raw), out=str(root / "output"), workers=1)
    return root / "output"
