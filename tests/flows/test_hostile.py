"""Hostile input beside good articles: one run commits the good ones and a reject for each bad one."""

from __future__ import annotations

import builtins
import contextlib
import datetime as dt
import io
import os
from pathlib import Path

import polars as pl
import pytest

import newsfold.analyse.runner as runner
from flows.pipeline import newsfold_flow
from newsfold.analyse.faults import KILL_MARKER_VARIABLE
from newsfold.load import read_tables
from newsfold.noop import check_inputs
from newsfold.validate import find_violations
from tests.hostile import GOOD, KILL_MARKER, small_cases, write_hostile_folder

pytestmark = pytest.mark.integration


def test_hostile_inputs_cost_one_reject_each(prefect_api, tmp_path, monkeypatch):
    monkeypatch.setenv(KILL_MARKER_VARIABLE, KILL_MARKER)
    monkeypatch.setattr(runner, "MIN_CHARS_FOR_WORKERS", 0)  # analyse in a worker process, as a big run does
    raw, out = tmp_path / "raw", tmp_path / "output"
    raw.mkdir()
    expected = write_hostile_folder(raw, small_cases())

    summary = newsfold_flow(raw=str(raw), out=str(out), workers=1, max_bytes=150_000, max_chars=1500)

    assert summary["committed"]
    tables = read_tables(out)
    assert find_violations(tables) == []
    documents = set(tables["documents"]["source_path"])
    codes = dict(tables["rejects"].group_by("source_path").agg(pl.col("error_code").sort()).rows())
    for stored, codes_expected, is_document in expected:
        assert tuple(codes.get(stored, ())) == codes_expected, (stored, codes.get(stored))
        assert (stored in documents) is is_document, stored
    assert set(codes) | documents == {stored for stored, _, _ in expected}  # nothing else, nothing lost
    messages = dict(tables["rejects"].select("source_path", "message").iter_rows())
    assert "null in 'text'" in messages["null.json"] and "its fields" not in messages["null.json"]
    assert "UTF-16" not in messages["png.txt"] + messages["elf.txt"]
    assert "9999-12-31" in messages["far-date.json"] and "GBK" in messages["gbk.txt"]
    killed = messages["kills-its-worker.txt"]
    assert "kills-its-worker.txt" in killed and "(signal 9, out of memory?)" in killed
    assert tables["sentences"].height > 0


@contextlib.contextmanager
def read_only(root: Path, monkeypatch):
    """Writes under ``root`` fail as on a read-only file system (the tests run as root, whom chmod does not stop).

    Covers the ways the store writes: ``open`` for writing, ``os.open`` with a
    write or create flag, mkdir of a missing directory, rename, symlink, unlink.
    """
    top = os.path.realpath(root)

    def inside(path) -> bool:
        return isinstance(path, (str, bytes, os.PathLike)) and os.path.realpath(os.fsdecode(path)).startswith(top)

    def refuse(path):
        raise PermissionError(30, "Read-only file system", os.fsdecode(path))

    real_open, real_os_open, real_mkdir = builtins.open, os.open, os.mkdir

    def fake_open(file, mode="r", *args, **kwargs):
        if inside(file) and any(flag in mode for flag in "wax+"):
            refuse(file)
        return real_open(file, mode, *args, **kwargs)

    def fake_os_open(path, flags, *args, **kwargs):
        writes = os.O_WRONLY | os.O_RDWR | os.O_TRUNC | os.O_APPEND
        if inside(path) and (flags & writes or (flags & os.O_CREAT and not os.path.exists(path))):
            refuse(path)
        return real_os_open(path, flags, *args, **kwargs)

    def fake_mkdir(path, *args, **kwargs):
        if inside(path):
            if os.path.exists(path):
                raise FileExistsError(17, "File exists", os.fsdecode(path))
            refuse(path)
        return real_mkdir(path, *args, **kwargs)

    def refusing(real):
        def wrapper(path, *args, **kwargs):
            if inside(path) or any(inside(arg) for arg in args):
                refuse(path)
            return real(path, *args, **kwargs)

        return wrapper

    with monkeypatch.context() as patch:
        patch.setattr(builtins, "open", fake_open)
        patch.setattr(io, "open", fake_open)
        patch.setattr(os, "open", fake_os_open)
        patch.setattr(os, "mkdir", fake_mkdir)
        for name in ("rename", "replace", "symlink", "unlink", "remove", "rmdir"):
            patch.setattr(os, name, refusing(getattr(os, name)))
        yield


def tree_state(root: Path) -> dict[str, tuple[int, int, int]]:
    """Every entry under ``root`` with its inode, size and modification time."""
    state = {}
    for directory, folders, files in os.walk(root):
        for name in folders + files:
            info = os.lstat(os.path.join(directory, name))
            state[os.path.join(directory, name)] = (info.st_ino, info.st_size, info.st_mtime_ns)
    return state


def test_hostile_nothing_new_on_a_read_only_output_succeeds(prefect_api, tmp_path, monkeypatch):
    raw, out = tmp_path / "raw", tmp_path / "output"
    raw.mkdir()
    (raw / "good.txt").write_text(GOOD, encoding="utf-8")
    assert newsfold_flow(raw=str(raw), out=str(out), workers=1)["committed"]
    before = tree_state(out)
    with read_only(out, monkeypatch):
        now = dt.datetime.now(dt.timezone.utc)
        assert check_inputs(raw, out, run_id="run_x", started_at=now).unchanged is not None  # the CLI's check
        summary = newsfold_flow(raw=str(raw), out=str(out), workers=1)  # a scheduled run takes the lock
    assert summary["committed"] is False
    assert tree_state(out) == before
