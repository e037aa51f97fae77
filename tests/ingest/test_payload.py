"""Tests for newsfold.ingest.payload."""

from __future__ import annotations

import gzip
import hashlib
from pathlib import Path

import pytest

from newsfold.ingest.payload import gunzip_bytes, load_payload
from newsfold.ingest.problems import ReadProblem

DATA = b"Headline\n\nBody text of the article.\n" * 20
GZ = gzip.compress(DATA)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (GZ, DATA),
        (GZ + gzip.compress(b"more"), DATA + b"more"),  # multi-member stream
        (gzip.compress(b""), b""),
    ],
)
def test_gunzip_bytes_valid(data: bytes, expected: bytes) -> None:
    assert gunzip_bytes(data, max_bytes=10_000) == expected


@pytest.mark.parametrize(
    ("data", "code", "words"),
    [
        (GZ[:-8], "NF105", "truncated"),
        (GZ[: len(GZ) // 2], "NF105", "truncated"),
        (b"plain text named .gz", "NF105", "not a valid gzip"),
        (GZ[:-8] + b"\x00\x00\x00\x00" + GZ[-4:], "NF105", "not a valid gzip"),  # CRC mismatch
        (gzip.compress(b"x" * 2000), "NF104", "inflates"),
    ],
)
def test_gunzip_bytes_invalid(data: bytes, code: str, words: str) -> None:
    with pytest.raises(ReadProblem) as caught:
        gunzip_bytes(data, max_bytes=1000)
    assert caught.value.code == code
    assert words in caught.value.message


def test_load_payload_reads_and_checks_hash(tmp_path: Path) -> None:
    path = tmp_path / "a.txt.gz"
    path.write_bytes(GZ)
    assert load_payload(path, sha256=hashlib.sha256(GZ).hexdigest(), gzipped=True) == DATA


@pytest.mark.parametrize(
    ("exists", "sha256", "words"),
    [
        (False, "0" * 64, "cannot be read"),
        (True, "0" * 64, "changed on disk"),
    ],
)
def test_load_payload_invalid(tmp_path: Path, exists: bool, sha256: str, words: str) -> None:
    path = tmp_path / "a.txt"
    if exists:
        path.write_bytes(DATA)
    with pytest.raises(ReadProblem) as caught:
        load_payload(path, sha256=sha256, gzipped=False)
    assert caught.value.code == "NF109"
    assert words in caught.value.message
