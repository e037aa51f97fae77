"""``import flows`` makes Polars' allocator hand freed memory back at once, unless the user said otherwise."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
# Asks jemalloc to print its options at exit, after whatever ``flows`` set: what it really used.
SHOW_OPTIONS = (
    "import flows, os; os.environ['_RJEM_MALLOC_CONF'] = os.environ['_RJEM_MALLOC_CONF'] + ',stats_print:true'; "
    "import polars; polars.DataFrame({'a': [1]}).sum()"
)


@pytest.mark.parametrize(
    ("user_setting", "dirty", "muzzy"),
    [
        (None, "0", "0"),  # newsfold's
        ("dirty_decay_ms:250", "250", "1000"),  # the user's wins; Polars' own default fills the rest
    ],
)
def test_import_flows_sets_polars_allocator_decay(user_setting, dirty, muzzy):
    env = {key: value for key, value in os.environ.items() if key != "_RJEM_MALLOC_CONF"}
    if user_setting:
        env["_RJEM_MALLOC_CONF"] = user_setting
    done = subprocess.run([sys.executable, "-c", SHOW_OPTIONS], cwd=REPO, env=env, capture_output=True, text=True,
                          timeout=120, check=True)
    assert f"opt.dirty_decay_ms: {dirty} " in done.stderr
    assert f"opt.muzzy_decay_ms: {muzzy} " in done.stderr
