"""Hostile input beside good articles: one run commits the good ones and a reject for each bad one."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import polars as pl
import pytest

from flows.pipeline import newsfold_flow
from newsfold.load import read_tables
from newsfold.validate import find_violations

pytestmark = pytest.mark.integration

GOOD = "President Donald Trump spoke in Washington on Sunday.\n\nIran fired three rockets at Baghdad."
OTHER = "Secretary of State Mike Pompeo met Iraqi leaders in Baghdad on January 3, 2020."


def _alias_bomb() -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    return "---\n" + "\n".join(lines) + "\ntitle: *a9\n---\n" + OTHER + " Bomb."


# (file name as bytes, content, expected: "doc" for a document, else the reject codes of that file)
CASES = [
    (b"good.txt", GOOD, "doc"),
    (b"caf\xe9-latin1-name.txt", OTHER + " Latin-1 name.", "doc"),
    (b"two\nlines.md", OTHER + " Newline name.", "doc"),
    (b"empty.txt", b"", ["NF101"]),
    (b"png.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", ["NF102"]),
    (b"bomb.md", _alias_bomb(), ["NF111"]),
    (b"numbers.json", json.dumps(list(range(5000))), ["NF106"]),
    (b"deep.json", "[" * 100_000, ["NF106"]),
    (b"null.json", '{"text": null}', ["NF107"]),
    (b"bomb.txt.gz", gzip.compress(b"x " * 100_000), ["NF104"]),
    (b"truncated.txt.gz", gzip.compress(GOOD.encode() * 3)[:-12], ["NF105"]),
    (b"large.txt", "Words here. " * 13_000, ["NF104"]),
    (b"notes.docx", "not read", ["NF110"]),
    (b"long.txt", "A long article sentence. " * 70, ["NF201"]),
    (b"placeholder-date.txt", "Date: 0001-01-01\n\n" + OTHER + " Placeholder date.", ["NF111"]),
]


def test_hostile_inputs_cost_one_reject_each(prefect_api, tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "output"
    raw.mkdir()
    for name, content, _ in CASES:
        data = content.encode() if isinstance(content, str) else content
        with open(os.path.join(os.fsencode(raw), name), "wb") as stream:
            stream.write(data)
    os.mkfifo(raw / "pipe.txt")
    (raw / "escape.txt").symlink_to(tmp_path / "elsewhere.txt")
    (tmp_path / "elsewhere.txt").write_text(GOOD, encoding="utf-8")

    summary = newsfold_flow(raw=str(raw), out=str(out), workers=1, max_bytes=150_000, max_chars=1500)

    assert summary["committed"]
    tables = read_tables(out)
    assert find_violations(tables) == []
    documents = set(tables["documents"]["source_path"])
    rejects = tables["rejects"].group_by("source_path").agg(pl.col("error_code").sort()).rows()
    codes = dict(rejects)
    for name, _, expected in CASES:
        stored = os.fsdecode(name).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        stored = stored.replace("\n", "\\n")
        if expected == "doc":
            assert stored in documents, stored
            assert stored not in codes, codes.get(stored)
        else:
            assert codes.get(stored) == expected, (stored, codes.get(stored))
    assert codes["pipe.txt"] == ["NF109"] and codes["escape.txt"] == ["NF108"]
    assert "bomb.md" in documents  # the front matter was refused, the article kept
    assert len(documents) == 5 and tables["sentences"].height > 0
