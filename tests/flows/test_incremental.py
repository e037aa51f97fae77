"""After any sequence of runs, the dataset equals one fresh run over today's inputs."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import hypothesis.strategies as st
import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings

from flows.pipeline import newsfold_flow
from newsfold.load import read_tables
from newsfold.validate import find_violations

pytestmark = pytest.mark.integration

# Hand-written articles: short, with names, dates, quotes and amounts to exercise every stage.
VARIANTS = [
    "General Qasem Soleimani visited Baghdad on Sunday.\n\nIraqi officials said three rockets hit the embassy.",
    "President Donald Trump wrote on Twitter: \u201cIran will be held responsible.\u201d\n\nHe spoke on Wednesday.",
    "Secretary of State Mike Pompeo met Iraqi leaders in Baghdad on January 3, 2020.",
    "Iran fired over a dozen missiles at a base where U.S. soldiers were stationed.",
    "",  # an empty file: a reject, not a crash
    # a wire copy of the first, with a credit line: a near-duplicate that joins its original's story
    "General Qasem Soleimani visited Baghdad on Sunday.\n\nIraqi officials said three rockets hit the embassy."
    "\n\n(Reporting by the news desk.)",
]
SLOTS = ["a.txt", "nested/b.txt", "c.md", "d.txt"]

operation = st.one_of(
    st.tuples(st.just("write"), st.sampled_from(SLOTS), st.integers(0, len(VARIANTS) - 1)),
    st.tuples(st.just("delete"), st.sampled_from(SLOTS)),
    # a byte-identical copy, a rename (both may land on a name sorting before the original), a touch
    st.tuples(st.just("copy"), st.sampled_from(SLOTS), st.sampled_from(SLOTS)),
    st.tuples(st.just("rename"), st.sampled_from(SLOTS), st.sampled_from(SLOTS)),
    st.tuples(st.just("touch"), st.sampled_from(SLOTS)),
    st.tuples(st.just("run")),
)


def apply(raw: Path, step: tuple) -> None:
    if step[0] == "write":
        path = raw / step[1]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(VARIANTS[step[2]], encoding="utf-8")
    elif step[0] == "delete":
        (raw / step[1]).unlink(missing_ok=True)
    elif step[0] in ("copy", "rename"):
        source, target = raw / step[1], raw / step[2]
        if source.exists() and source != target:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(source.read_bytes())
            if step[0] == "rename":
                source.unlink()
    elif step[0] == "touch" and (raw / step[1]).exists():
        stat = (raw / step[1]).stat()
        os.utime(raw / step[1], ns=(stat.st_atime_ns + 10**9, stat.st_mtime_ns + 10**9))


def comparable(out: Path) -> dict[str, pl.DataFrame]:
    """Tables minus what records *which run* did the work."""
    tables = read_tables(out)
    return {
        name: frame.drop([c for c in ("run_id",) if c in frame.columns])
        for name, frame in tables.items()
        if name != "runs"
    }


def assert_same_frames(a: dict[str, pl.DataFrame], b: dict[str, pl.DataFrame]) -> None:
    for name in a:
        assert a[name].equals(b[name]), f"{name} differs:\n{a[name]}\n{b[name]}"


def assert_same_dataset(left: Path, right: Path) -> None:
    assert_same_frames(comparable(left), comparable(right))


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(operation, min_size=1, max_size=6))
def test_incremental_runs_equal_a_fresh_run(prefect_api, tmp_path_factory, steps):
    root = tmp_path_factory.mktemp("seq")
    raw, out = root / "raw", root / "output"
    raw.mkdir()
    apply(raw, ("write", SLOTS[0], 0))
    for step in [("run",), *steps, ("run",)]:
        apply(raw, step)
        if step[0] == "run":
            newsfold_flow(raw=str(raw), out=str(out), workers=1)
    newsfold_flow(raw=str(raw), out=str(root / "fresh"), workers=1)
    assert_same_dataset(out, root / "fresh")  # story ids, duplicate_of and the stories table included
    tables = read_tables(out)
    assert find_violations(tables) == []
    assert_stories_follow_documents(tables)


def assert_stories_follow_documents(tables: dict[str, pl.DataFrame]) -> None:
    """Every article has a story, every story its articles, counted right."""
    documents, stories = tables["documents"], tables["stories"]
    assert documents["story_id"].null_count() == 0
    counted = documents.group_by("story_id").len().sort("story_id")
    assert counted.rows() == stories.select("story_id", "n_documents").sort("story_id").rows()


def test_a_run_links_only_the_spellings_earlier_runs_have_not(prefect_api, tmp_path, monkeypatch):
    # The registry link of a spelling is kept between runs (newsfold.memo): adding an article
    # looks up only its new spellings, and the dataset still equals a fresh run's.
    import newsfold.names.link as link

    looked_up: list[str] = []
    original = link.link_spelling
    monkeypatch.setattr(link, "link_spelling", lambda text, label: looked_up.append(text) or original(text, label))
    raw, out = tmp_path / "raw", tmp_path / "output"
    apply(raw, ("write", "c.md", 2))  # Pompeo in Baghdad
    newsfold_flow(raw=str(raw), out=str(out), workers=1)
    apply(raw, ("write", "d.txt", 3))  # Iran and the U.S.
    looked_up.clear()
    newsfold_flow(raw=str(raw), out=str(out), workers=1)
    incremental = set(looked_up)
    looked_up.clear()
    newsfold_flow(raw=str(raw), out=str(tmp_path / "fresh"), workers=1)
    assert "Baghdad" in looked_up and "Baghdad" not in incremental  # seen by the first run
    assert incremental and incremental < set(looked_up)
    assert_same_dataset(out, tmp_path / "fresh")


@pytest.mark.parametrize(
    "steps",
    [
        # a copy whose name sorts before the original's: the copy is kept, with the analysis rows
        [("copy", "d.txt", "a.txt"), ("run",)],
        [("copy", "d.txt", "a.txt"), ("run",), ("delete", "a.txt"), ("run",)],
        [("copy", "d.txt", "a.txt"), ("run",), ("delete", "d.txt"), ("run",)],
        # a copy sorting after, then the original renamed before it
        [("copy", "d.txt", "nested/b.txt"), ("run",), ("rename", "d.txt", "c.md"), ("run",)],
        [("touch", "d.txt"), ("run",), ("copy", "d.txt", "c.md"), ("touch", "c.md"), ("run",)],
    ],
)
def test_incremental_copies_equal_a_fresh_run(prefect_api, tmp_path, steps):
    raw, out = tmp_path / "raw", tmp_path / "output"
    raw.mkdir()
    apply(raw, ("write", "d.txt", 1))
    newsfold_flow(raw=str(raw), out=str(out), workers=1)
    for step in steps:
        apply(raw, step)
        if step[0] == "run":
            newsfold_flow(raw=str(raw), out=str(out), workers=1)
    newsfold_flow(raw=str(raw), out=str(tmp_path / "fresh"), workers=1)
    assert read_tables(out)["sentences"].height > 0
    assert_same_dataset(out, tmp_path / "fresh")


def test_incremental_failed_read_is_retried(prefect_api, tmp_path, monkeypatch):
    """A file that could not be read once (it vanished, then came back unchanged) is read by the next run."""
    import flows.pipeline

    raw, out = tmp_path / "raw", tmp_path / "output"
    raw.mkdir()
    apply(raw, ("write", "a.txt", 0))
    apply(raw, ("write", "d.txt", 1))
    real_read = flows.pipeline.read_source

    def vanish_d(root, source, **kwargs):
        if source.path != "d.txt":
            return real_read(root, source, **kwargs)
        moved = raw / "d.txt"
        moved.rename(tmp_path / "away.txt")
        try:
            return real_read(root, source, **kwargs)
        finally:
            (tmp_path / "away.txt").rename(moved)

    monkeypatch.setattr(flows.pipeline, "read_source", vanish_d)
    newsfold_flow(raw=str(raw), out=str(out), workers=1)
    assert read_tables(out)["rejects"]["error_code"].to_list() == ["NF109"]
    monkeypatch.setattr(flows.pipeline, "read_source", real_read)
    summary = newsfold_flow(raw=str(raw), out=str(out), workers=1)
    assert summary["committed"] and summary["rows"]["documents"] == 2
    newsfold_flow(raw=str(raw), out=str(tmp_path / "fresh"), workers=1)
    assert_same_dataset(out, tmp_path / "fresh")


def test_incremental_moved_file_keeps_its_ids(prefect_api, seed_raw, tmp_path):
    out = tmp_path / "output"
    newsfold_flow(raw=str(seed_raw), out=str(out), workers=1)
    before = read_tables(out)["mentions"].select("doc_id", "mention_id", "entity_id")
    (seed_raw / "moved").mkdir()
    for file in list(seed_raw.glob("*.txt")):
        file.rename(seed_raw / "moved" / file.name)
    summary = newsfold_flow(raw=str(seed_raw), out=str(out), workers=1)
    assert summary["inputs"]["new"] == 2 and summary["inputs"]["removed"] == 2
    after = read_tables(out)["mentions"].select("doc_id", "mention_id", "entity_id")
    assert before.equals(after)


@pytest.mark.parametrize(
    ("delay", "step"),
    [
        (1.0, None),
        (3.0, None),
        (6.0, None),
        # inside the commit itself, by the store's kill hook: a table's file written, not committed;
        # some tables committed, the pointer not; the pointer committed, old files not yet moved
        (None, "wrote documents"),
        (None, "committed mentions"),
        (None, "pointer committed"),
    ],
)
def test_incremental_kill_9_leaves_the_previous_state(prefect_api, seed_raw, tmp_path, delay, step):
    """SIGKILL a run at some moment: readers see the last complete run, and the next run equals a fresh one."""
    out = tmp_path / "output"
    newsfold_flow(raw=str(seed_raw), out=str(out), workers=1)
    before = comparable(out)
    (seed_raw / "extra.txt").write_text(VARIANTS[2], encoding="utf-8")
    env = {**os.environ, "PREFECT_API_URL": prefect_api}
    if step is not None:
        env["NEWSFOLD_TEST_KILL_AT"] = step
    process = subprocess.Popen(
        [sys.executable, "-m", "flows.cli", "run", str(seed_raw), "--out", str(out), "-w", "1", "-q"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    if step is None:
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)  # or the run had finished already
        process.wait()
    else:
        assert process.wait(timeout=600) == -signal.SIGKILL  # the hook fired inside the commit
    now = read_tables(out)
    assert find_violations(now) == []
    after = comparable(out)
    # Either the kill came first (old snapshot) or the run had committed (new one); never a mix.
    assert after["documents"].height in (2, 3)
    if step is not None:
        assert after["documents"].height == (3 if step == "pointer committed" else 2)
    if after["documents"].height == 2:
        assert_same_frames(before, after)
    newsfold_flow(raw=str(seed_raw), out=str(out), workers=1)  # repairs first, even when it has nothing new
    newsfold_flow(raw=str(seed_raw), out=str(tmp_path / "fresh"), workers=1)
    assert_same_dataset(out, tmp_path / "fresh")
    # repaired: a plain glob over the table directory reads exactly the current rows again
    assert pl.read_parquet(str(out / "documents" / "**" / "*.parquet")).height == 3

