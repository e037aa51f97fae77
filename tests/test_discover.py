"""Tests for newsfold.discover."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from newsfold.discover import DEFAULT_MAX_BYTES, discover_sources, is_ignored_name
from newsfold.errors import InputError


def write(root: Path, relative: str, data: bytes = b"Some article text.") -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def paths(root: Path, **kwargs) -> list[str]:
    return [source.path for source in discover_sources(root, **kwargs)[0]]


def reject_codes(root: Path, **kwargs) -> list[tuple[str, str]]:
    return [(r.source_path, r.error_code) for r in discover_sources(root, **kwargs)[1]]


def test_discover_sources_walks_recursively_sorted_with_hashes(tmp_path: Path) -> None:
    for name in ["b/2.txt", "a.md", "b/1.json", "b/c/3.jsonl.gz", "B.TXT", "z.txt.gz"]:
        write(tmp_path, name, name.encode())
    sources, rejects = discover_sources(tmp_path)
    assert [s.path for s in sources] == ["B.TXT", "a.md", "b/1.json", "b/2.txt", "b/c/3.jsonl.gz", "z.txt.gz"]
    assert all(s.sha256 == hashlib.sha256(s.path.encode()).hexdigest() and s.size == len(s.path) for s in sources)
    assert rejects == []


@pytest.mark.parametrize(
    "relative",
    [
        ".hidden.txt",
        ".git/objects/x.txt",
        "sub/.cache/a.txt",
        "a.txt.swp",
        "a.txt.swo",
        "a.txt~",
        "#a.txt#",
        ".#a.txt",
    ],
)
def test_discover_sources_ignores_hidden_and_swap_files(tmp_path: Path, relative: str) -> None:
    write(tmp_path, "kept.txt")
    write(tmp_path, relative)
    assert paths(tmp_path) == ["kept.txt"]
    assert reject_codes(tmp_path) == []


@pytest.mark.parametrize(
    ("name", "ignored"),
    [(".x", True), ("a.swp", True), ("a~", True), ("#a#", True), ("#", False), ("a.txt", False), ("a#b.txt", False)],
)
def test_is_ignored_name(name: str, ignored: bool) -> None:
    assert is_ignored_name(name) is ignored


def test_discover_sources_skips_excluded_output_dir(tmp_path: Path) -> None:
    write(tmp_path, "a.txt")
    write(tmp_path, "output/documents/part.parquet", b"PAR1")
    write(tmp_path, "output/notes.txt")
    assert paths(tmp_path, exclude=[tmp_path / "output"]) == ["a.txt"]
    assert reject_codes(tmp_path, exclude=[tmp_path / "output"]) == []
    assert "output/notes.txt" in paths(tmp_path)  # not excluded without the argument


def test_discover_sources_symlinks_inside_tree_are_followed(tmp_path: Path) -> None:
    write(tmp_path, "real/a.txt", b"A")
    (tmp_path / "link.txt").symlink_to(tmp_path / "real" / "a.txt")
    (tmp_path / "linkdir").symlink_to(tmp_path / "real", target_is_directory=True)
    (tmp_path / "real" / "loop").symlink_to(tmp_path, target_is_directory=True)  # cycle: must not hang
    sources, rejects = discover_sources(tmp_path)
    assert [s.path for s in sources] == ["link.txt", "linkdir/a.txt", "real/a.txt"]
    assert len({s.sha256 for s in sources}) == 1
    assert rejects == []


def test_discover_sources_refuses_symlinks_leaving_tree(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    write(outside, "secret.txt", b"secret")
    root = tmp_path / "raw"
    write(root, "a.txt")
    (root / "escape.txt").symlink_to(outside / "secret.txt")
    (root / "escape_dir").symlink_to(outside, target_is_directory=True)
    (root / "dotdot.txt").symlink_to(Path("..") / "outside" / "secret.txt")
    sources, rejects = discover_sources(root)
    assert [s.path for s in sources] == ["a.txt"]
    assert [(r.source_path, r.error_code, r.stage, r.source_sha256) for r in rejects] == [
        ("dotdot.txt", "NF108", "discover", None),
        ("escape.txt", "NF108", "discover", None),
        ("escape_dir", "NF108", "discover", None),
    ]
    assert all(r.message.startswith(f"{r.source_path}: ") and "outside" in r.message for r in rejects)


def test_discover_sources_broken_symlink_is_unreadable(tmp_path: Path) -> None:
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    assert reject_codes(tmp_path) == [("gone.txt", "NF109")]


def test_discover_sources_unreadable_file(tmp_path: Path) -> None:
    path = write(tmp_path, "locked.txt")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as root: chmod 000 does not make the file unreadable")
        sources, rejects = discover_sources(tmp_path)
        assert sources == []
        assert [(r.source_path, r.error_code) for r in rejects] == [("locked.txt", "NF109")]
        assert "permission" in rejects[0].message.lower()
    finally:
        path.chmod(0o644)


def test_discover_sources_fifo_is_not_read(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    assert reject_codes(tmp_path) == [("pipe.txt", "NF109")]


@pytest.mark.parametrize(
    ("size", "limit", "rejected"),
    [(100, 100, False), (101, 100, True), (10, DEFAULT_MAX_BYTES, False)],
)
def test_discover_sources_size_limit(tmp_path: Path, size: int, limit: int, rejected: bool) -> None:
    write(tmp_path, "a.txt", b"x" * size)
    sources, rejects = discover_sources(tmp_path, max_bytes=limit)
    assert [r.error_code for r in rejects] == (["NF104"] if rejected else [])
    assert len(sources) == (0 if rejected else 1)
    if rejected:
        assert str(size) in rejects[0].message and str(limit) in rejects[0].message


@pytest.mark.parametrize(
    ("name", "supported"),
    [("a.txt", True), ("a.jsonl.gz", True), ("a.docx", False), ("README", False), ("a.tar.gz", False), ("a.csv", False)],
)
def test_discover_sources_unsupported_extension(tmp_path: Path, name: str, supported: bool) -> None:
    write(tmp_path, name)
    assert paths(tmp_path) == ([name] if supported else [])
    assert reject_codes(tmp_path) == ([] if supported else [(name, "NF110")])


@pytest.mark.parametrize("make", ["missing", "file"])
def test_discover_sources_raw_root_must_be_a_directory(tmp_path: Path, make: str) -> None:
    root = tmp_path / "raw"
    if make == "file":
        root.write_text("x")
    with pytest.raises(InputError, match="raw"):
        discover_sources(root)


def test_discover_sources_empty_directory(tmp_path: Path) -> None:
    assert discover_sources(tmp_path) == ([], [])


def test_discover_sources_read_error_becomes_reject(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The NF109 path without needing a non-root user: the open itself fails."""
    write(tmp_path, "locked.txt")

    def refuse(path: Path):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr("newsfold.discover._hash_file", refuse)
    sources, rejects = discover_sources(tmp_path)
    assert sources == []
    assert [(r.source_path, r.error_code) for r in rejects] == [("locked.txt", "NF109")]
    assert "Permission denied" in rejects[0].message


def write_bytes_name(root: Path, relative: bytes, data: bytes) -> None:
    path = os.path.join(os.fsencode(root), relative)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as stream:
        stream.write(data)


LONG_PART = "\u00e9" * 100 + ".txt"  # 204 bytes: near the 255-byte limit of one name


@pytest.mark.parametrize(
    ("raw_name", "stored"),
    [
        (b"caf\xe9.txt", "caf\\xe9.txt"),
        (b"gbk-\xd6\xd0\xce\xc4/a.txt", "gbk-\\xd6\\xd0\\xce\\xc4/a.txt"),
        (b"two\nlines.txt", "two\\nlines.txt"),
        (b"back\\slash.txt", "back\\\\slash.txt"),
        (("a" * 245 + ".txt").encode(), "a" * 245 + ".txt"),
        ((("d" * 200 + "/") * 15 + LONG_PART).encode(), ("d" * 200 + "/") * 15 + LONG_PART),
    ],
)
def test_discover_and_read_any_file_name(tmp_path: Path, raw_name: bytes, stored: str) -> None:
    """Names a Linux file system allows are read and stored in a printable, lossless form."""
    from newsfold.assemble import documents_from_articles, rejects_frame
    from newsfold.ingest import read_source
    from newsfold.paths import unescape_path

    write_bytes_name(tmp_path, raw_name, b"An article under an awkward name.")
    write_bytes_name(tmp_path, raw_name + b".docx", b"not read")
    sources, rejects = discover_sources(tmp_path)
    assert [s.path for s in sources] == [stored]
    assert [r.source_path for r in rejects] == [stored + ".docx"]
    assert rejects[0].message.startswith(f"{stored}.docx: ")
    assert os.fsencode(unescape_path(sources[0].path)) == raw_name
    articles, read_rejects = read_source(tmp_path, sources[0])
    assert read_rejects == [] and [a.source_path for a in articles] == [stored]
    # The tables take the stored form: Parquet needs valid UTF-8.
    documents_from_articles(articles, run_id="run_x").write_parquet(tmp_path.parent / f"{tmp_path.name}.parquet")
    rejects_frame(rejects, run_id="run_x").write_parquet(tmp_path.parent / f"{tmp_path.name}-r.parquet")


@pytest.mark.parametrize(
    ("out", "words"),
    [
        ("raw", "is the input directory"),
        ("raw/output", "is inside the input directory"),
        ("raw/a/b/c", "is inside the input directory"),
        (".", "holds the input directory"),
        ("link-to-raw", "is the input directory"),
        ("output", None),
        ("raw-output", None),  # a sibling whose name starts like the input's
    ],
)
def test_check_output_apart(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, out: str, words: str | None) -> None:
    from newsfold.discover import check_output_apart

    monkeypatch.chdir(tmp_path)
    (tmp_path / "raw").mkdir()
    (tmp_path / "link-to-raw").symlink_to(tmp_path / "raw", target_is_directory=True)
    if words is None:
        check_output_apart(Path("raw"), Path(out))
    else:
        with pytest.raises(InputError, match=words):
            check_output_apart(Path("raw"), Path(out))
