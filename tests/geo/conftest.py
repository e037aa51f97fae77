"""The gazetteer takes seconds to build: build it once for the whole directory."""

from __future__ import annotations

import pytest

from newsfold.geo import load_gazetteer


@pytest.fixture(scope="session")
def gazetteer():
    return load_gazetteer()
