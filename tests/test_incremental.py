"""Planning a run: which inputs are new, changed, removed or carried."""

from __future__ import annotations

import polars as pl
import pytest

from newsfold.errors import ErrorCode
from newsfold.incremental import make_manifest, plan_inputs
from newsfold.records import Reject, SourceFile
from newsfold.store import commit_snapshot, current_snapshot
from schemas import TABLES, Rejects, empty_frame, polars_schema

A = SourceFile("a.txt", 3, "a" * 64)
B = SourceFile("b.txt", 3, "b" * 64)
B_CHANGED = SourceFile("b.txt", 4, "c" * 64)
C = SourceFile("c.txt", 3, "d" * 64)


def snapshot_of(tmp_path, sources, rejects=(), settings=None):
    tables = {name: empty_frame(model) for name, model in TABLES.items()}
    tables["rejects"] = pl.DataFrame(
        [
            {"run_id": "r", "source_path": path, "stage": stage, "error_code": code, "message": "m"}
            for path, stage, code in rejects
        ],
        schema=polars_schema(Rejects),
    )
    commit_snapshot(tmp_path, tables, make_manifest(sources, [], settings), version="run_1", metadata={})
    return current_snapshot(tmp_path)


def test_incremental_first_run_reads_everything():
    plan = plan_inputs([A, B], [], previous=None)
    assert plan.counts["new"] == 2 and not plan.is_noop
    assert plan.to_read == (A, B)


@pytest.mark.parametrize(
    ("today", "counts", "to_read", "noop"),
    [
        ([A, B], {"new": 0, "changed": 0, "removed": 0, "unchanged": 2}, [], True),
        ([A, B_CHANGED], {"new": 0, "changed": 1, "removed": 0, "unchanged": 1}, ["b.txt"], False),
        ([A], {"new": 0, "changed": 0, "removed": 1, "unchanged": 1}, [], False),
        ([A, B, C], {"new": 1, "changed": 0, "removed": 0, "unchanged": 2}, ["c.txt"], False),
    ],
)
def test_incremental_plan_counts_and_reads_only_what_changed(tmp_path, today, counts, to_read, noop):
    plan = plan_inputs(today, [], snapshot_of(tmp_path, [A, B]))
    assert {k: plan.counts[k] for k in counts} == counts
    assert [s.path for s in plan.to_read] == to_read
    assert plan.is_noop is noop


def test_incremental_a_new_refused_file_is_not_a_noop(tmp_path):
    refused = Reject(source_path="big.txt", stage="discover", error_code=ErrorCode.OVERSIZED_FILE.value, message="too big")
    plan = plan_inputs([A, B], [refused], snapshot_of(tmp_path, [A, B]))
    assert plan.counts["new"] == 1 and not plan.is_noop


def test_incremental_rereads_files_whose_rows_depend_on_others(tmp_path):
    previous = snapshot_of(tmp_path, [A, B], rejects=[("b.txt", "read", ErrorCode.DUPLICATE_DOCUMENT.value)])
    plan = plan_inputs([A, B, C], [], previous)
    assert sorted(s.path for s in plan.to_read) == ["b.txt", "c.txt"]
    assert plan.carried_paths == frozenset({"a.txt"})


@pytest.mark.parametrize(
    ("settings_before", "settings_now", "noop", "carried"),
    [
        ({"pipeline_version": "1", "curation": ""}, {"pipeline_version": "1", "curation": ""}, True, {"a.txt", "b.txt"}),
        ({"pipeline_version": "1", "curation": ""}, {"pipeline_version": "1", "curation": "rename: []"}, False, {"a.txt", "b.txt"}),
        ({"pipeline_version": "1", "curation": ""}, {"pipeline_version": "2", "curation": ""}, False, set()),
    ],
)
def test_incremental_settings_count_as_inputs(tmp_path, settings_before, settings_now, noop, carried):
    tables = {name: empty_frame(model) for name, model in TABLES.items()}
    commit_snapshot(tmp_path, tables, make_manifest([A, B], [], settings_before), version="run_1", metadata={})
    plan = plan_inputs([A, B], [], current_snapshot(tmp_path), settings_now)
    assert plan.is_noop is noop
    assert plan.carried_paths == frozenset(carried)
    assert plan.counts["seen"] == 2


@pytest.mark.parametrize(
    ("stage", "code", "limit_now", "to_read"),
    [
        # vanished or changed between discovery and reading: read again even though unchanged since
        ("read", ErrorCode.UNREADABLE_FILE.value, "100", ["b.txt"]),
        # too big once gunzipped: read again only when the limit changed
        ("read", ErrorCode.OVERSIZED_FILE.value, "100", []),
        ("read", ErrorCode.OVERSIZED_FILE.value, "200", ["b.txt"]),
        # bad content stays bad until the file changes
        ("read", ErrorCode.MALFORMED_JSON.value, "200", []),
        # an analysis failure (e.g. over the character limit) is retried when that limit changes
        ("analyse", ErrorCode.ANALYSIS_FAILED.value, "100", []),
    ],
)
def test_incremental_retries_files_whose_read_failed(tmp_path, stage, code, limit_now, to_read):
    previous = snapshot_of(tmp_path, [A, B], rejects=[("b.txt", stage, code)], settings={"max_bytes": "100"})
    plan = plan_inputs([A, B], [], previous, {"max_bytes": limit_now})
    assert [s.path for s in plan.to_read] == to_read
    assert plan.is_noop is (limit_now == "100" and not to_read)
    assert plan.counts["retried"] == len(to_read)


@pytest.mark.parametrize(("chars_now", "to_read"), [("10", []), ("20", ["b.txt"])])
def test_incremental_reanalyses_failed_articles_when_the_character_limit_changes(tmp_path, chars_now, to_read):
    rejects = [("b.txt", "analyse", ErrorCode.ANALYSIS_FAILED.value)]
    previous = snapshot_of(tmp_path, [A, B], rejects=rejects, settings={"max_chars": "10"})
    plan = plan_inputs([A, B], [], previous, {"max_chars": chars_now})
    assert [s.path for s in plan.to_read] == to_read
    assert plan.is_noop is (chars_now == "10")
    assert plan.counts["retried"] == len(to_read)


@pytest.mark.parametrize(("size_before", "size_now", "noop"), [(200, 200, True), (200, 300, False)])
def test_incremental_an_oversized_file_that_grows_is_refused_again(tmp_path, size_before, size_now, noop):
    def refused(size):
        return Reject(source_path="big.txt", stage="discover", error_code=ErrorCode.OVERSIZED_FILE.value,
                      message=f"big.txt: is {size} bytes, over the 100-byte limit", source_size=size)

    tables = {name: empty_frame(model) for name, model in TABLES.items()}
    commit_snapshot(tmp_path, tables, make_manifest([A], [refused(size_before)]), version="run_1", metadata={})
    plan = plan_inputs([A], [refused(size_now)], current_snapshot(tmp_path))
    assert plan.is_noop is noop
    assert plan.counts["changed"] == (0 if noop else 1)


def test_incremental_discovery_quotes_the_size_it_refuses(tmp_path):
    from newsfold.discover import discover_sources

    (tmp_path / "big.txt").write_bytes(b"x" * 300)
    _, rejects = discover_sources(tmp_path, max_bytes=100)
    assert [(r.error_code, r.source_size) for r in rejects] == [(ErrorCode.OVERSIZED_FILE.value, 300)]
    assert "300 bytes" in rejects[0].message
