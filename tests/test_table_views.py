"""Views of table versions: which survive a drop, and that a dropped one leaves its name before its files go."""

from __future__ import annotations

import shutil
from pathlib import Path

from newsfold import table_views
from newsfold.table_views import drop_views_except


def make_views(views: Path, names: list[str]) -> None:
    for name in names:
        (views / name / "year=2020").mkdir(parents=True)
        (views / name / "year=2020" / "part.parquet").write_bytes(b"x")


def test_drop_views_except_keeps_the_listed_versions_and_removes_the_rest_and_leftovers(tmp_path):
    make_views(tmp_path, ["3", "4", "5", ".6.ab12cd34.building", ".2.ef56ab78.dropped"])
    drop_views_except(tmp_path, {4, 5})
    assert sorted(entry.name for entry in tmp_path.iterdir()) == ["4", "5"]
    assert (tmp_path / "5" / "year=2020" / "part.parquet").read_bytes() == b"x"


def test_a_dropped_view_leaves_its_name_in_one_rename_before_any_file_is_removed(tmp_path, monkeypatch):
    """A slow reader listing ``views/3`` sees it whole or not at all, never part of it."""
    make_views(tmp_path, ["3", "4"])
    removed_while_named, rmtree = [], shutil.rmtree

    def watching_rmtree(path, *args, **kwargs):
        removed_while_named.append((tmp_path / "3").exists())
        return rmtree(path, *args, **kwargs)

    monkeypatch.setattr(table_views.shutil, "rmtree", watching_rmtree)
    drop_views_except(tmp_path, {4})
    assert removed_while_named == [False]
    assert sorted(entry.name for entry in tmp_path.iterdir()) == ["4"]


def test_drop_views_except_on_a_missing_directory_does_nothing(tmp_path):
    drop_views_except(tmp_path / "absent", {1})
    assert not (tmp_path / "absent").exists()
