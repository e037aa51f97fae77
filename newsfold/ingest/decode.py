"""Turn a file's bytes into text, choosing the encoding predictably.

The order is fixed and documented so the same bytes always decode the same way:

1. A byte-order mark decides: UTF-8 (``utf-8-sig``), UTF-32 or UTF-16 (LE/BE).
2. NUL bytes (outside UTF-16/32) or mostly control bytes mean binary: NF102.
3. Strict UTF-8.
4. Text in a legacy non-Latin encoding (GBK, Big5, Shift-JIS, EUC-KR,
   cp1251 ...) is undecodable: NF103. It is told apart by its bytes that are
   not UTF-8: more than a fifth of the text, and mostly next to each other
   (two-byte characters, whole words); cp1252 would read them as nonsense
   ("±±¾©" for 北京) and store that silently.
5. Strict cp1252, the superset of latin-1 that Windows writes. UTF-8 text with
   one stray legacy byte also lands here; its UTF-8 parts then read as
   mojibake, which :func:`~newsfold.ingest.normalise.normalise_text` repairs.
6. Bytes that are not valid cp1252 either (0x81, 0x8D, 0x8F, 0x90, 0x9D never
   occur in Western text) are undecodable: NF103.

charset-normalizer was measured and not used: on English text with one
legacy byte it guesses cp932 or cp1250 (``Zürich`` became ``Zčrich``), and
on a short Chinese text in GBK (中国外交部) it guesses EUC-KR.

Example:
    >>> decode_bytes(b"Price \\xa3100").text
    'Price £100'
    >>> decode_bytes(b"Price \\xa3100").encoding
    'cp1252'
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from newsfold.errors import ErrorCode
from newsfold.ingest.problems import ReadProblem

__all__ = ["DecodedText", "decode_bytes", "is_binary", "is_legacy_non_latin"]

# Longest BOMs first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control bytes that real text does not contain (tab, LF, VT, FF, CR, ESC excepted).
_ODD_CONTROLS = bytes(b for b in range(0x20) if b not in b"\t\n\r\x0b\x0c\x1b") + b"\x7f"
_SAMPLE_BYTES = 64 * 1024
_MAX_CONTROL_SHARE = 0.10
# Legacy non-Latin text: at least this many bytes that are not UTF-8, this share of the text, mostly side by side.
_MIN_FOREIGN_BYTES = 4
_MIN_FOREIGN_SHARE = 0.20
_MIN_NEIGHBOURED_SHARE = 0.5


@dataclass(frozen=True)
class DecodedText:
    """Text decoded from bytes, and the codec that did it.

    Attributes:
        text: The decoded text, BOM removed, not yet normalised.
        encoding: Python codec name used, e.g. ``"utf-8"``, ``"cp1252"``.
    """

    text: str
    encoding: str


def decode_bytes(data: bytes) -> DecodedText:
    """Decode ``data`` by BOM, then UTF-8, then cp1252.

    Args:
        data: A file's bytes (already gunzipped).

    Returns:
        The decoded text and the encoding used.

    Raises:
        ReadProblem: NF102 for binary data, NF103 when no encoding fits.

    Example:
        >>> decode_bytes("h\u00e9".encode("utf-16")).text
        'h\u00e9'
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_strict(data[len(bom) :], encoding)
    if is_binary(data):
        hint = " (UTF-16 without a byte-order mark is not supported)" if _looks_like_utf16(data) else ""
        raise ReadProblem(ErrorCode.BINARY_FILE.value, f"looks binary, not text{hint}")
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    if is_legacy_non_latin(data):
        raise ReadProblem(
            ErrorCode.UNDECODABLE_TEXT.value,
            "is not UTF-8 and reads as nonsense in cp1252: text in a legacy non-Latin encoding "
            "(GBK, Big5, Shift-JIS, EUC-KR, cp1251?); re-save it as UTF-8",
        )
    return _decode_strict(data, "cp1252")


def is_legacy_non_latin(data: bytes) -> bool:
    """Whether bytes that are not UTF-8 are a fifth of ``data`` or more, mostly side by side.

    Western text in cp1252 has a few such bytes, each alone between ASCII
    letters (``Z\xfcrich``); Chinese in GBK or Russian in cp1251 is made of
    them. Only the first 64 KiB are inspected.

    Example:
        >>> is_legacy_non_latin("北京消息".encode("gbk")), is_legacy_non_latin("Zürich".encode("cp1252"))
        (True, False)
    """
    sample = data[:_SAMPLE_BYTES].decode("utf-8", "surrogateescape")
    foreign = [0xDC80 <= ord(char) <= 0xDCFF for char in sample]
    count = sum(foreign)
    if count < _MIN_FOREIGN_BYTES or count < _MIN_FOREIGN_SHARE * len(sample):
        return False
    neighboured = sum(
        1
        for i, is_foreign in enumerate(foreign)
        if is_foreign and ((i > 0 and foreign[i - 1]) or (i + 1 < len(foreign) and foreign[i + 1]))
    )
    return neighboured > _MIN_NEIGHBOURED_SHARE * count


def is_binary(data: bytes) -> bool:
    """Whether ``data`` (without a BOM) holds NUL bytes or mostly control bytes.

    Args:
        data: Raw bytes; only the first 64 KiB are inspected.

    Returns:
        True for binary data.

    Example:
        >>> is_binary(b"GIF89a\\x00\\x01"), is_binary(b"plain text\\n")
        (True, False)
    """
    sample = data[:_SAMPLE_BYTES]
    if b"\x00" in sample:
        return True
    if not sample:
        return False
    controls = len(sample) - len(sample.translate(None, _ODD_CONTROLS))
    return controls / len(sample) > _MAX_CONTROL_SHARE


def _looks_like_utf16(data: bytes) -> bool:
    """Whether NUL bytes fill one byte position of each pair, as in ASCII text saved as UTF-16.

    Example:
        >>> _looks_like_utf16("plain text".encode("utf-16-le")), _looks_like_utf16(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00")
        (True, False)
    """
    sample = data[:_SAMPLE_BYTES]
    pairs = len(sample) // 2
    if pairs < 2:
        return False
    even, odd = sample[0 : 2 * pairs : 2].count(0), sample[1 : 2 * pairs : 2].count(0)
    return max(even, odd) >= 0.8 * pairs and min(even, odd) <= 0.1 * pairs


def _decode_strict(data: bytes, encoding: str) -> DecodedText:
    """Decode with one codec or raise NF103 naming the first bad byte."""
    try:
        return DecodedText(data.decode(encoding), encoding)
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 4].hex(" ")
        raise ReadProblem(
            ErrorCode.UNDECODABLE_TEXT.value,
            f"cannot be decoded as {encoding} (bytes {bad} at offset {exc.start}); re-save it as UTF-8",
        ) from exc
