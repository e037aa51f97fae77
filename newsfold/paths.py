"""Any file name as printable, lossless text: the form ``source_path`` stores.

A Linux file name is a string of bytes: it may be invalid UTF-8 (archives
unpacked from other systems), hold a newline or a control character. Python
hands such names over with undecodable bytes as lone surrogates
(``os.fsdecode``), which Parquet, terminals and JSON all refuse. newsfold
stores every relative path in an *escaped* form instead:

* a byte that is not valid UTF-8 becomes ``\\xNN`` (two lower-case hex digits);
* a backslash becomes ``\\\\``; newline, carriage return and tab become
  ``\\n``, ``\\r``, ``\\t``;
* any other character Python does not call printable (controls, format
  characters, separators other than the space, unassigned code points)
  becomes ``\\uNNNN`` (``\\UNNNNNNNN`` beyond U+FFFF).

Everything else, including every printable non-ASCII letter, stays as it is,
so ordinary names are stored unchanged. :func:`unescape_path` turns the
stored form back into the exact name on disk.

Example:
    >>> escape_path(os.fsdecode(b"caf\\xe9\\nmenu.txt"))
    'caf\\\\xe9\\\\nmenu.txt'
    >>> unescape_path(escape_path(os.fsdecode(b"caf\\xe9.txt"))) == os.fsdecode(b"caf\\xe9.txt")
    True
"""

from __future__ import annotations

import os
import re
from pathlib import Path

__all__ = ["escape_path", "unescape_path", "locate_source"]

_NAMED = {"\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_UNNAMED = {value: key for key, value in _NAMED.items()}
_ESCAPE = re.compile(r"\\(?:x([0-9a-f]{2})|u([0-9a-f]{4})|U([0-9a-f]{8})|([\\nrt]))")
_SURROGATE_BYTES = range(0xDC80, 0xDD00)  # os.fsdecode's surrogateescape range


def escape_path(name: str) -> str:
    """The stored, printable form of a path as ``os.fsdecode`` gives it.

    Args:
        name: A path (or part of one) whose undecodable bytes are lone
            surrogates U+DC80..U+DCFF, as ``os.scandir`` returns them.

    Returns:
        Valid, printable text; ``unescape_path`` of it gives ``name`` back.

    Example:
        >>> escape_path("a\\\\b\\tc.txt"), escape_path("caf\u00e9.txt")
        ('a\\\\\\\\b\\\\tc.txt', 'caf\u00e9.txt')
    """
    if name.isprintable() and "\\" not in name:
        return name
    return "".join(_escape_char(char) for char in name)


def unescape_path(stored: str) -> str:
    """The name on disk (``os.fsdecode`` form) for a stored path.

    Args:
        stored: A path made by :func:`escape_path`.

    Returns:
        The path with escapes undone; undecodable bytes as lone surrogates,
        ready for ``open`` or ``Path``.

    Example:
        >>> unescape_path("caf\\\\xe9.txt") == os.fsdecode(b"caf\\xe9.txt")
        True
    """
    if "\\" not in stored:
        return stored
    return _ESCAPE.sub(_unescape_match, stored)


def locate_source(raw_root: Path, stored: str) -> Path:
    """Where a stored ``source_path`` lives on disk under ``raw_root``.

    Example:
        >>> locate_source(Path("raw"), "a\\\\nb.txt") == Path("raw") / "a\\nb.txt"
        True
    """
    return Path(raw_root) / unescape_path(stored)


def _escape_char(char: str) -> str:
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    if code in _SURROGATE_BYTES:
        return f"\\x{code - 0xDC00:02x}"
    if char.isprintable():
        return char
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _unescape_match(match: re.Match[str]) -> str:
    byte, codepoint, wide, named = match.groups()
    if byte is not None:
        return chr(0xDC00 + int(byte, 16))
    if codepoint is not None or wide is not None:
        return chr(int(codepoint or wide, 16))
    return _UNNAMED["\\" + named]
