"""The incremental benchmark reads each run's stage table from its summary."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from bench_incremental import next_addition, stage_seconds  # noqa: E402

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


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ([], (100000, "added")),  # the first addition comes after the largest collection
        (["base-00000.jsonl", "added-00000.jsonl"], (100020, "added1")),  # --again: after the one before
        (["added-00000.jsonl", "added1-00000.jsonl"], (100040, "added2")),
    ],
)
def test_next_addition_never_repeats_an_article(tmp_path, files, expected):
    for name in files:
        (tmp_path / name).write_text("")
    assert next_addition(tmp_path, 100000, 20) == expected
