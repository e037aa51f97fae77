"""Stage times: what a run's wall time went to, counted from the process's start."""

from __future__ import annotations

import contextlib
import gc
import json
import os
import subprocess
import sys
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsfold.stages import StageClock, cyclic_gc_paused, process_age, seconds_since_launch


def test_stages_clock_adds_up_repeated_stages_in_first_run_order():
    clock = StageClock({"start": 1.0})
    clock.add("read", 0.5)
    clock.add("analyse", 2.0)
    clock.add("read", 0.25)
    assert clock.seconds == {"start": 1.0, "read": 0.75, "analyse": 2.0}


def test_stages_clock_counts_a_block_that_raises():
    clock = StageClock()
    with pytest.raises(ValueError), clock.measure("resolve"):
        time.sleep(0.01)
        raise ValueError("broken")
    assert clock.seconds["resolve"] >= 0.01


@given(st.lists(st.tuples(st.sampled_from(["read", "analyse", "commit"]), st.floats(-1.0, 100.0)), max_size=20))
def test_stages_clock_never_goes_negative_and_keeps_the_total(additions):
    clock = StageClock()
    for stage, seconds in additions:
        clock.add(stage, seconds)
    assert all(value >= 0 for value in clock.seconds.values())
    assert sum(clock.seconds.values()) == pytest.approx(sum(max(s, 0.0) for _, s in additions))


@pytest.mark.skipif(not os.path.exists("/proc/self/stat"), reason="process start times come from Linux's /proc")
def test_stages_process_age_counts_from_the_process_start():
    # A child that sleeps before asking: its age includes the sleep, which a clock started in Python would miss.
    code = "import time; time.sleep(0.5); from newsfold.stages import process_age; print(process_age())"
    age = float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
    assert 0.5 <= age < 30


def test_stages_process_age_of_a_missing_process_is_unknown():
    assert process_age(pid=2**22 + 7) is None


def test_stages_seconds_since_launch_is_at_least_the_fallback_clock():
    clock = time.perf_counter() - 3.0
    assert seconds_since_launch(clock) >= 3.0


def test_stages_progress_bar_shows_time_since_launch_and_freezes_when_done():
    from rich.progress import Progress

    from flows.cli.display import SinceLaunchColumn

    column = SinceLaunchColumn(clock=time.perf_counter() - 65.0)  # as if launched 65 s ago
    with Progress(column, disable=True) as bars:
        task = bars.add_task("analyse", total=2)
        assert column.render(bars.tasks[task]).plain >= "0:01:05"
        bars.update(task, advance=2)
        done = column.render(bars.tasks[task]).plain
        column.clock -= 3600.0  # an hour later, the finished bar still shows when it finished
        assert column.render(bars.tasks[task]).plain == done


@pytest.mark.skipif(not os.path.exists("/proc/self/clear_refs"), reason="peak memory per stage comes from Linux's /proc")
def test_stages_clock_gives_each_stage_its_own_peak_memory(tmp_path):
    # A stage that allocates 200 MB peaks at least that much above the stage after it, which allocates nothing:
    # the high-water mark starts again at each stage.
    clock = StageClock(track_memory=True)
    with clock.measure("validate"):
        block = bytearray(200 * 2**20)
        block[:: 4096] = b"x" * len(block[:: 4096])  # touch every page: resident, not only reserved
        del block
    with clock.measure("commit"):
        pass
    clock.write_memory(tmp_path / "memory.json")
    written = json.loads((tmp_path / "memory.json").read_text())
    assert written["validate"] - written["commit"] >= 190


@pytest.mark.parametrize(("track", "variable", "written"), [(None, "", False), (False, "x", False), (True, "", True)])
def test_stages_clock_tracks_memory_only_when_asked(tmp_path, monkeypatch, track, variable, written):
    monkeypatch.setenv("NEWSFOLD_STAGE_MEMORY", variable)
    clock = StageClock(track_memory=track)
    with clock.measure("read"):
        pass
    clock.write_memory(tmp_path / "memory.json")
    assert (tmp_path / "memory.json").exists() is written
    assert bool(clock.peak_rss) is written


_MAPPED_AFTER_A_LARGE_FREE = """
import ctypes, ctypes.util, sys
from newsfold.stages import keep_large_blocks_apart

class MallInfo2(ctypes.Structure):
    _fields_ = [(n, ctypes.c_size_t) for n in ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks",
                                               "uordblks", "fordblks", "keepcost")]

libc = ctypes.CDLL(ctypes.util.find_library("c"))
libc.mallinfo2.restype = MallInfo2
libc.malloc.restype = ctypes.c_void_p
libc.free.argtypes = [ctypes.c_void_p]
if sys.argv[1] == "fixed":
    assert keep_large_blocks_apart()
libc.free(libc.malloc(16 * 2**20))  # glibc's own rule raises its threshold to 16 MiB here
before = libc.mallinfo2().hblks
block = libc.malloc(2**20)
print(libc.mallinfo2().hblks - before)
libc.free(block)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's allocator")
@pytest.mark.parametrize(("mode", "mapped"), [("default", 0), ("fixed", 1)])
def test_stages_large_blocks_stay_mapped_after_a_larger_one_is_freed(mode, mapped):
    # With glibc's defaults a 1 MiB block after a freed 16 MiB one comes from the heap (no new mapping);
    # with the threshold fixed it gets pages of its own, returned to the system when it is freed.
    done = subprocess.run([sys.executable, "-c", _MAPPED_AFTER_A_LARGE_FREE, mode], capture_output=True, text=True,
                          check=True, env={k: v for k, v in os.environ.items() if not k.startswith(("MALLOC_", "GLIBC_TUNABLES"))})
    assert int(done.stdout) == mapped


class _Cycle:
    """An object that refers to itself: only the cycle collector frees it."""

    def __init__(self, freed: list[str]) -> None:
        self.me, self.freed = self, freed

    def __del__(self) -> None:
        self.freed.append("cycle")


@pytest.mark.parametrize("raises", [False, True])
def test_stages_cycles_made_while_the_collector_is_paused_are_freed_after_the_block(raises):
    freed: list[str] = []
    with pytest.raises(RuntimeError) if raises else contextlib.nullcontext():
        with cyclic_gc_paused():
            _Cycle(freed)
            assert not gc.isenabled() and freed == []
            if raises:
                raise RuntimeError("stage failed")
    assert gc.isenabled()
    assert freed == ["cycle"]  # collected as the block ended, also when it raised


def test_stages_a_collector_the_caller_paused_stays_paused():
    gc.disable()
    try:
        with cyclic_gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
