"""Generated hostile inputs, each with what a run must make of it.

Every kind of awkward or broken file newsfold has met, built from code (nothing
copied from elsewhere): the reliability test (``tests/flows/test_hostile.py``)
writes them small, with the limits lowered to match; the benchmark script
``benchmarks/hostile_folder.py`` writes them at full size beside real articles,
under the default limits.

Example:
    >>> [case.expected for case in small_cases() if case.name == b"empty.txt"]
    [('NF101',)]
"""

from __future__ import annotations

import gzip
import json
import os
import random
import zlib
from dataclasses import dataclass
from pathlib import Path

from newsfold.paths import escape_path

__all__ = [
    "GOOD",
    "OTHER",
    "KILL_MARKER",
    "KEPT",
    "HostileFile",
    "small_cases",
    "full_size_cases",
    "write_hostile_folder",
    "stored_name",
    "long_article",
]

GOOD = "President Donald Trump spoke in Washington on Sunday.\n\nIran fired three rockets at Baghdad."
OTHER = "Secretary of State Mike Pompeo met Iraqi leaders in Baghdad on January 3, 2020."
#: With the test hook armed (``NEWSFOLD_TEST_KILL_MARKER``), the analysis worker given this article dies by SIGKILL.
KILL_MARKER = "THIS-ARTICLE-KILLS-ITS-WORKER"
#: ``expected`` of a file that must become a document with no reject.
KEPT = ()


@dataclass(frozen=True)
class HostileFile:
    """One generated input file.

    Attributes:
        name: The file name as bytes (a Linux name need not be UTF-8).
        content: Its bytes.
        expected: The reject codes the run must give it, sorted; ``KEPT``
            (empty) for a file that must become a document without any.
        document: Whether a ``documents`` row must come from it too (a
            file kept with a refused header has both).
    """

    name: bytes
    content: bytes
    expected: tuple[str, ...]
    document: bool = False


def alias_bomb(levels: int = 10) -> str:
    """YAML front matter whose aliases expand to 9**levels strings, then a good article."""
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, levels)]
    return "---\n" + "\n".join(lines) + f"\ntitle: *a{levels - 1}\n---\n" + OTHER + " Bomb."


def gzip_of_zeros(size: int) -> bytes:
    """A gzip stream that inflates to ``size`` zero bytes (about 1 MB for 1 GiB), built without holding them."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)  # 31: a gzip header and trailer
    chunk = bytes(1 << 20)
    parts = [compressor.compress(chunk) for _ in range(size // len(chunk))]
    parts.append(compressor.compress(bytes(size % len(chunk))))
    parts.append(compressor.flush())
    return b"".join(parts)


def _file(name: bytes, content: str | bytes, expected=KEPT, document: bool | None = None) -> HostileFile:
    data = content.encode("utf-8") if isinstance(content, str) else content
    kept = expected == KEPT if document is None else document
    return HostileFile(name, data, tuple(sorted(expected)), kept)


def _common_cases() -> list[HostileFile]:
    """Kinds whose size does not matter."""
    return [
        _file(b"caf\xe9-latin1-name.txt", OTHER + " Latin-1 name."),
        _file(b"two\nlines.md", OTHER + " Newline name."),
        _file(b"\xff\xfe-not-utf8-" + b"x" * 200 + b".txt", OTHER + " Long name, not UTF-8."),
        _file(b"empty.txt", b"", ["NF101"]),
        _file(b"spaces.txt", b"   \n\n\t  \n", ["NF101"]),
        _file(b"png.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", ["NF102"]),
        _file(b"elf.txt", b"\x7fELF\x02\x01\x01\x00" + bytes(8) + b"\x03\x00>\x00\x01\x00\x00\x00", ["NF102"]),
        _file(b"nul-bytes.txt", b"Iran fired \x00 rockets.", ["NF102"]),
        _file(b"gbk.txt", "北京消息：中国外交部发言人周一表示，双方将继续磋商。".encode("gbk"), ["NF103"]),
        _file(b"bomb.md", alias_bomb(), ["NF111"], document=True),
        _file(b"deep.json", "[" * 100_000, ["NF106"]),
        _file(b"broken.json", '{"text": "Iran fired', ["NF106"]),
        _file(b"string.json", '"just a string"', ["NF106"]),
        _file(b"null.json", '{"text": null}', ["NF107"]),
        _file(b"number-text.json", '{"text": 42}', ["NF107"]),
        _file(b"truncated.txt.gz", gzip.compress(GOOD.encode() * 3)[:-12], ["NF105"]),
        _file(b"not-gzip.txt.gz", b"plain text, not gzip", ["NF105"]),
        _file(b"notes.docx", "not read", ["NF110"]),
        _file(b"kills-its-worker.txt", OTHER + " " + KILL_MARKER, ["NF202"]),
        _file(b"placeholder-date.txt", "Date: 0001-01-01\n\n" + OTHER + " Placeholder date.", ["NF111"], document=True),
        _file(b"far-date.json", json.dumps({"text": OTHER + " Far date.", "date": "9999-12-31"}), ["NF111"],
              document=True),
    ]


def small_cases() -> list[HostileFile]:
    """Every kind, small, for a run with ``max_bytes=150_000`` and ``max_chars=1500``."""
    return [
        _file(b"good.txt", GOOD),
        *_common_cases(),
        _file(b"numbers.json", json.dumps(list(range(5000))), ["NF106"]),
        _file(b"bomb.txt.gz", gzip.compress(b"x " * 100_000), ["NF104"]),
        _file(b"large.txt", "Words here. " * 13_000, ["NF104"]),
        _file(b"long.txt", "A long article sentence. " * 70, ["NF201"]),
    ]


def long_article(chars: int, seed: int = 13) -> str:
    """About ``chars`` characters of news-like paragraphs: people, places, dates, amounts, quotes.

    Varied enough that the analysis yields rows all along (so memory that
    grows with the rows shows), the same text for the same arguments.

    Example:
        >>> long_article(300) == long_article(300) and len(long_article(300)) >= 300
        True
    """
    rng = random.Random(seed)
    people = ["Mike Pompeo", "Angela Merkel", "Emmanuel Macron", "Narendra Modi", "Jacinda Ardern"]
    places = ["Baghdad", "Berlin", "Paris", "New Delhi", "Wellington", "Tehran"]
    months = ["January", "March", "May", "July", "September", "November"]
    paragraphs, length = [], 0
    while length < chars:
        person, place = rng.choice(people), rng.choice(places)
        day = f"{rng.choice(months)} {rng.randint(1, 28)}, {rng.randint(1990, 2024)}"
        paragraph = (
            f"{person} met officials in {place} on {day}. "
            f"\u201cWe will not accept this,\u201d {person} said on Tuesday. "
            f"The World Bank pledged ${rng.randint(2, 900)} million for {place}, and "
            f"{rng.randint(100, 9000)} people gathered to listen.\n\n"
        )
        paragraphs.append(paragraph)
        length += len(paragraph)
    return "".join(paragraphs)


def full_size_cases() -> list[HostileFile]:
    """Every kind at the size that once took a run down, for a run under the default limits.

    The default limits are 50 MiB per file (gunzipped) and 1,000,000
    characters per article, so the long texts below stay just under the
    character limit (and are analysed) or go over it (and are refused).
    """
    sentence = "Iran fired three rockets at the base near Baghdad on Sunday, officials said. "
    return [
        *_common_cases(),
        _file(b"numbers.json", json.dumps(list(range(1_000_000))), ["NF106"]),
        _file(b"gzip-bomb.txt.gz", gzip_of_zeros(1 << 30), ["NF104"]),
        _file(b"one-line-900k.txt", (sentence * 12_000)[:900_000]),
        _file(b"short-lines-900k.txt", ("Yes.\n" * 180_000)),
        _file(b"one-line-5mb.txt", sentence * 65_000, ["NF201"]),
        _file(b"oversized.txt", b"word " * (11 * 1024 * 1024), ["NF104"]),
    ]


def write_hostile_folder(raw: Path, cases: list[HostileFile]) -> list[tuple[str, tuple[str, ...], bool]]:
    """Write ``cases`` into ``raw``, plus a FIFO, a symlink escaping it and a symlink loop.

    Returns:
        ``(stored source_path, expected codes, must be a document)`` for every file written.
    """
    root = os.fsencode(raw)
    for case in cases:
        with open(os.path.join(root, case.name), "wb") as stream:
            stream.write(case.content)
    os.mkfifo(raw / "pipe.txt")
    outside = raw.parent / f"{raw.name}-outside.txt"
    outside.write_text(GOOD, encoding="utf-8")
    (raw / "escape.txt").symlink_to(outside)
    (raw / "loop-a.txt").symlink_to(raw / "loop-b.txt")
    (raw / "loop-b.txt").symlink_to(raw / "loop-a.txt")
    expected = [(stored_name(case.name), case.expected, case.document) for case in cases]
    expected += [("pipe.txt", ("NF109",), False), ("escape.txt", ("NF108",), False)]
    expected += [("loop-a.txt", ("NF109",), False), ("loop-b.txt", ("NF109",), False)]
    return expected


def stored_name(name: bytes) -> str:
    """``documents.source_path`` / ``rejects.source_path`` of a top-level file called ``name``."""
    return escape_path(os.fsdecode(name))
