"""Tests for newsfold.ingest.formats."""

from __future__ import annotations

import pytest

from newsfold.ingest.formats import SUPPORTED_SUFFIXES, source_format


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("a.txt", ("text", False)),
        ("dir/a.md", ("text", False)),
        ("A.TXT", ("text", False)),
        ("x.json", ("json", False)),
        ("x.jsonl", ("jsonl", False)),
        ("x.txt.gz", ("text", True)),
        ("x.jsonl.gz", ("jsonl", True)),
        ("my.notes.txt", ("text", False)),
        ("notes.docx", None),
        ("archive.tar.gz", None),
        ("README", None),
        (".txt", None),
        ("x.gz", None),
    ],
)
def test_source_format(path: str, expected: tuple[str, bool] | None) -> None:
    assert source_format(path) == expected


@pytest.mark.parametrize("suffix", SUPPORTED_SUFFIXES)
def test_source_format_accepts_every_supported_suffix(suffix: str) -> None:
    assert source_format(f"article{suffix}") is not None
