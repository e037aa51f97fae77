"""Tests for newsfold.ingest.decode."""

from __future__ import annotations

import codecs

import pytest

from newsfold.ingest.decode import decode_bytes, is_binary, is_legacy_non_latin
from newsfold.ingest.problems import ReadProblem

TEXT = "Caf\u00e9 \u00a3100 \u201cquoted\u201d"


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        (TEXT.encode("utf-8"), TEXT, "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), TEXT, "utf-8-sig"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), TEXT, "utf-16-le"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), TEXT, "utf-16-be"),
        (codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"), TEXT, "utf-32-le"),
        (b"Price \xa3100", "Price \u00a3100", "cp1252"),  # latin-1 pound sign
        (b"He said \x93hi\x94", "He said \u201chi\u201d", "cp1252"),  # cp1252 smart quotes
        # UTF-8 with one stray legacy byte: cp1252 wins, normalise_text repairs the rest
        ("na\u00efve ".encode("utf-8") + b"\xa3", "na\u00c3\u00afve \u00a3", "cp1252"),
        (b"", "", "utf-8"),
    ],
)
def test_decode_bytes_valid(data: bytes, text: str, encoding: str) -> None:
    decoded = decode_bytes(data)
    assert (decoded.text, decoded.encoding) == (text, encoding)


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "NF102"),
        (b"text with a NUL \x00 byte", "NF102"),
        (bytes(range(1, 32)) * 4, "NF102"),  # mostly control bytes
        (TEXT.encode("utf-16-le"), "NF102"),  # UTF-16 without BOM has NULs
        (b"bad \x81\x8d bytes", "NF103"),  # undefined in cp1252
        (codecs.BOM_UTF8 + b"\xff\xfe broken", "NF103"),  # BOM says UTF-8, bytes disagree
        (codecs.BOM_UTF16_LE + b"\x00\xd8", "NF103"),  # lone surrogate
    ],
)
def test_decode_bytes_invalid(data: bytes, code: str) -> None:
    with pytest.raises(ReadProblem) as caught:
        decode_bytes(data)
    assert caught.value.code == code
    assert caught.value.message


@pytest.mark.parametrize(
    ("data", "binary"),
    [
        (b"", False),
        (b"plain text\r\n\twith tabs\x0c", False),
        (b"Reuters \x1b[B escape", False),
        (b"\x00", True),
        (b"ab\x01\x02\x03\x04cdefgh", True),
    ],
)
def test_is_binary(data: bytes, binary: bool) -> None:
    assert is_binary(data) is binary


@pytest.mark.parametrize(
    ("data", "hint"),
    [
        (TEXT.encode("utf-16-le"), True),
        ("Plain words".encode("utf-16-be"), True),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", False),
        (b"\x7fELF\x02\x01\x01\x00" + bytes(8) + b"\x03\x00>\x00\x01\x00\x00\x00", False),
        (b"text with a NUL \x00 byte", False),
    ],
)
def test_decode_bytes_utf16_hint_only_for_utf16(data: bytes, hint: bool) -> None:
    with pytest.raises(ReadProblem) as caught:
        decode_bytes(data)
    assert caught.value.code == "NF102"
    assert ("UTF-16" in caught.value.message) is hint


@pytest.mark.parametrize(
    ("data", "legacy"),
    [
        ("北京消息：中国外交部发言人周一在记者会上表示，双方将继续磋商。".encode("gbk"), True),
        ("中国外交部".encode("gbk"), True),
        ("Reuters 北京消息 2020年1月3日：外交部发言人表示 Iran 问题。".encode("gbk"), True),
        ("台北消息：行政院長今天表示，將繼續推動經濟改革。".encode("big5"), True),
        ("東京のニュースです。首相は本日、記者会見で述べました。".encode("shift_jis"), True),
        ("서울 소식: 대통령은 오늘 기자회견에서 말했다.".encode("euc_kr"), True),
        ("Москва: президент заявил в понедельник".encode("cp1251"), True),
        ("Zürich und Genève: der Bürgermeister sagte, die Straße sei zu. Café £100".encode("cp1252"), False),
        ("Le président a déclaré à la presse que l'économie française était en très bonne santé.".encode("cp1252"), False),
        ("As informações da comunicação não são públicas, disse o ministro à imprensa.".encode("cp1252"), False),
        ("na\u00efve ".encode("utf-8") + b"\xa3", False),  # UTF-8 with one stray legacy byte
        (b"He said \x93hi\x94", False),
    ],
)
def test_decode_is_legacy_non_latin(data: bytes, legacy: bool) -> None:
    assert is_legacy_non_latin(data) is legacy


def test_decode_bytes_refuses_gbk_instead_of_storing_mojibake() -> None:
    with pytest.raises(ReadProblem) as caught:
        decode_bytes("北京消息：中国外交部发言人表示".encode("gbk"))
    assert caught.value.code == "NF103" and "GBK" in caught.value.message and "UTF-8" in caught.value.message
