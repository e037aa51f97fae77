"""The incremental benchmark reads each run's stage table from its summary."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from bench_incremental import stage_seconds  # noqa: E402

SUMMARY = """newsfold run run_x: committed in 34.7 s -> out
 table      rows
 documents  2
 stage                       seconds
 start and imports           1.1
 analyse: registry patterns  0.1
 resolve                     12.5
rejects: 0
"""


@pytest.mark.parametrize(
    ("summary", "expected"),
    [
        (SUMMARY, {"start and imports": 1.1, "analyse: registry patterns": 0.1, "resolve": 12.5}),
        ("newsfold run run_x: unchanged in 2.0 s -> out\n", {}),  # no stage table: nothing, not an error
        (" stage  seconds\n read  n/a\n", {}),  # a value that is no number ends the table
    ],
)
def test_stage_seconds(summary, expected):
    assert stage_seconds(summary) == expected
