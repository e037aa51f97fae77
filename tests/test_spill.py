"""Rows spilled to Parquet come back as written (newsfold.spill, AnalysisBatch.spilled)."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import tempfile
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfold.analyse.document import DocAnalysis
from newsfold.analyse.runner import AnalysisBatch, merge_sections
from newsfold.spill import SPILL_PREFIX, spill_directory, spill_frame, sweep_stale_spill_directories
from schemas import Dates, Sentences, frame_from_rows, polars_schema

DOC = "doc_0123456789abcdef"

sentence_rows = st.lists(
    st.fixed_dictionaries(
        {
            "doc_id": st.just(DOC),
            "sentence_index": st.integers(0, 10**6),
            "start": st.integers(-(2**62), 2**62),
            "end": st.integers(0, 2**40),
            "text": st.text(),  # any code point UTF-8 can hold, NUL included
        }
    ),
    max_size=30,
)
date_rows = st.lists(
    st.fixed_dictionaries(
        {
            "doc_id": st.just(DOC),
            "start": st.integers(0, 10**9),
            "end": st.integers(0, 10**9),
            "text": st.text(max_size=20),
            "value": st.none() | st.text(max_size=10),
            "resolved_date": st.none() | st.dates(),
            "granularity": st.sampled_from(["day", "month", None]),
            "anchor_date": st.none() | st.dates(),
        }
    ),
    max_size=30,
)


@settings(max_examples=40, deadline=None)
@given(sentences=sentence_rows, dates=date_rows)
def test_spill_rows_read_back_equal_rows_written(sentences, dates):
    with tempfile.TemporaryDirectory() as directory:
        for table, rows in ((Sentences, sentences), (Dates, dates)):
            frame = frame_from_rows(table, rows)
            back = spill_frame(frame, directory).collect()
            assert back.schema == polars_schema(table)
            assert back.equals(frame)


@pytest.mark.parametrize("spilled", [[False, False], [True, True], [True, False], [False, True]])
def test_spill_sections_merge_the_same_spilled_or_not(tmp_path, spilled):
    # A long article's sections merge to the same rows whether each came back spilled to disk or in memory.
    sections = [
        AnalysisBatch.from_analyses(
            [
                DocAnalysis(
                    DOC, 3, dt.date(2020, 1, 1) if i == 0 else None, "content" if i == 0 else None,
                    sentences=[{"doc_id": DOC, "sentence_index": j, "start": 10 * i + j, "end": 10 * i + j + 1,
                                "text": "x"} for j in range(2)],
                )
            ]
        )
        for i in range(2)
    ]
    expected = merge_sections(sections)
    kept = [section.spilled(str(tmp_path)) if spill else section for section, spill in zip(sections, spilled)]

    merged = merge_sections(kept)

    assert isinstance(merged.sentences, pl.LazyFrame) == any(spilled)
    collected = AnalysisBatch.concat([merged]).collected()
    assert collected.documents.equals(expected.documents)
    for name, frame in expected.tables().items():
        assert collected.tables()[name].equals(frame), name
    assert collected.sentences["sentence_index"].to_list() == [0, 1, 2, 3]


# --- Stale spill directories: a run killed with SIGKILL leaves its directory; the next run removes it ---

_HOLD_A_SPILL_DIRECTORY = """
import sys, time
from newsfold.spill import spill_directory
with spill_directory(sys.argv[1]) as directory:
    open(directory + "/rows.parquet", "wb").write(b"rows")
    print(directory, flush=True)
    time.sleep(600)
"""


def _start_holder(parent, script=_HOLD_A_SPILL_DIRECTORY):
    """A process running ``script`` (by default: holding a spill directory in ``parent``, as a run does
    while it analyses), and the path it prints."""
    holder = subprocess.Popen([sys.executable, "-c", script, str(parent)],
                              stdout=subprocess.PIPE, text=True, cwd=Path(__file__).resolve().parents[2])
    return holder, Path(holder.stdout.readline().strip())


def test_spill_directory_of_a_killed_run_is_removed_by_the_next_one(tmp_path):
    holder, left = _start_holder(tmp_path)
    try:
        assert left.is_dir() and left.name.startswith(SPILL_PREFIX)
        assert sweep_stale_spill_directories(tmp_path) == []  # its run is alive: not touched
        assert (left / "rows.parquet").exists()
    finally:
        holder.kill()  # SIGKILL: nothing of the run's own clean-up runs
        holder.wait()
        holder.stdout.close()
    assert left.is_dir()  # what the kill leaves behind
    with spill_directory(tmp_path) as directory:  # the next run
        assert not left.exists()
        assert [path.name for path in tmp_path.iterdir()] == [Path(directory).name]
    assert list(tmp_path.iterdir()) == []


def test_spill_directory_of_a_live_run_is_never_removed(tmp_path):
    holder, held = _start_holder(tmp_path)
    try:
        with spill_directory(tmp_path) as directory:  # a second run beside the first
            assert held.is_dir() and Path(directory).is_dir() and held != Path(directory)
        assert held.is_dir() and (held / "rows.parquet").exists()
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()


@pytest.mark.parametrize(
    ("name", "is_directory", "swept"),
    [
        ("newsfold-rows-4242-ab_c9xyz", True, True),  # a killed run's directory, its lock free
        ("newsfold-rows-1-x", True, True),
        ("newsfold-rows-ab_c9xyz", True, False),  # an older version's name: whose it is cannot be told
        ("newsfold-rows-4242-ab_c9xyz", False, False),  # a file, not a directory
        ("newsfold-rows.new-4242-abc", True, False),  # a directory being made, not yet locked
        ("newsfold-rows-4242-ABC", True, False),
        ("other-rows-4242-abc", True, False),
        ("newsfold-patterns-4242-abc", True, False),
    ],
)
def test_spill_sweep_removes_only_unlocked_directories_named_as_spills(tmp_path, name, is_directory, swept):
    path = tmp_path / name
    if is_directory:
        path.mkdir()
        (path / "rows.parquet").write_bytes(b"rows")
    else:
        path.write_bytes(b"not a directory")
    assert sweep_stale_spill_directories(tmp_path) == ([str(path)] if swept else [])
    assert path.exists() is not swept


def test_spill_sweep_leaves_a_symlink_and_its_target(tmp_path):
    target = tmp_path / "elsewhere"
    target.mkdir()
    (target / "keep.txt").write_text("keep")
    (tmp_path / "newsfold-rows-4242-abc").symlink_to(target, target_is_directory=True)
    assert sweep_stale_spill_directories(tmp_path) == []
    assert (target / "keep.txt").exists()


def test_spill_directory_is_removed_also_when_the_block_raises(tmp_path):
    with pytest.raises(RuntimeError), spill_directory(tmp_path) as directory:
        (Path(directory) / "rows.parquet").write_bytes(b"rows")
        raise RuntimeError("the analysis failed")
    assert list(tmp_path.iterdir()) == []


# --- The pool's registry patterns file lives in a held directory too ---

_HOLD_A_POOL_WITH_PATTERNS = """
import sys, tempfile, time
tempfile.tempdir = sys.argv[1]
from newsfold.analyse.runner import AnalysisPool
with AnalysisPool(1, patterns=[{"label": "PERSON", "pattern": "Ivan Petrov"}]) as pool:
    print(pool._write_patterns_file(), flush=True)
    time.sleep(600)
"""


def test_spill_pool_patterns_file_of_a_killed_run_is_removed_by_the_next_one(tmp_path):
    holder, patterns_file = _start_holder(tmp_path, _HOLD_A_POOL_WITH_PATTERNS)
    try:
        assert patterns_file.parent.parent == tmp_path and patterns_file.parent.name.startswith(SPILL_PREFIX)
        assert patterns_file.stat().st_size > 0
        assert sweep_stale_spill_directories(tmp_path) == []  # its pool is alive: not touched
    finally:
        holder.kill()  # SIGKILL: the pool's own clean-up never runs
        holder.wait()
        holder.stdout.close()
    assert patterns_file.exists()  # what the kill leaves behind
    assert sweep_stale_spill_directories(tmp_path) == [str(patterns_file.parent)]
    assert list(tmp_path.iterdir()) == []


def test_spill_pool_removes_its_patterns_file_on_exit(tmp_path, monkeypatch):
    from newsfold.analyse.runner import AnalysisPool

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    patterns = [{"label": "ORG", "pattern": "Acme Airways"}]
    with AnalysisPool(1, patterns=patterns) as pool:
        assert Path(pool._write_patterns_file()).read_bytes() and len(list(tmp_path.iterdir())) == 1
    assert list(tmp_path.iterdir()) == []
