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
