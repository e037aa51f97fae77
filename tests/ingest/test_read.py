"""Tests for newsfold.ingest.read (read_source, end to end over one file)."""

from __future__ import annotations

import codecs
import datetime as dt
import gzip
import hashlib
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsfold.ingest import normalise_text, read_source
from newsfold.ingest.read import MAX_RECORD_REJECTS
from newsfold.ingest.decode import decode_bytes
from newsfold.records import SourceFile

RAW = Path(__file__).resolve().parents[2] / "raw"


def make_source(root: Path, name: str, data: bytes) -> SourceFile:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return SourceFile(path=name, size=len(data), sha256=hashlib.sha256(data).hexdigest())


def read_one(root: Path, name: str, data: bytes):
    return read_source(root, make_source(root, name, data))


@pytest.mark.parametrize(
    ("name", "data", "text", "encoding"),
    [
        ("utf8.txt", "Caf\u00e9 opens.\n".encode(), "Caf\u00e9 opens.", "utf-8"),
        ("bom.txt", codecs.BOM_UTF8 + "Caf\u00e9 opens.".encode(), "Caf\u00e9 opens.", "utf-8-sig"),
        ("le.txt", codecs.BOM_UTF16_LE + "Caf\u00e9 opens.".encode("utf-16-le"), "Caf\u00e9 opens.", "utf-16-le"),
        ("be.txt", codecs.BOM_UTF16_BE + "Caf\u00e9 opens.".encode("utf-16-be"), "Caf\u00e9 opens.", "utf-16-be"),
        ("latin1.txt", b"It cost \xa3100 to fix.", "It cost \u00a3100 to fix.", "cp1252"),
        # invalid UTF-8 falls back to cp1252 and still yields text (documented in decode.py)
        ("mixed.txt", "na\u00efve ".encode() + b"\xa3 sign", "na\u00efve \u00a3 sign", "cp1252"),
        ("mojibake.txt", "I don\u00e2\u20ac\u2122t know.".encode(), "I don\u2019t know.", "utf-8"),
        ("crlf.txt", b"Line one is long enough.\r\nLine two.\r\n", "Line one is long enough.\nLine two.", "utf-8"),
        ("cr.md", b"Line one is long enough.\rLine two.\r", "Line one is long enough.\nLine two.", "utf-8"),
        ("nfd.txt", "Cafe\u0301 opens.".encode(), "Caf\u00e9 opens.", "utf-8"),
        ("packed.txt.gz", gzip.compress(b"Gzipped article body."), "Gzipped article body.", "utf-8"),
    ],
)
def test_read_source_text_encodings(tmp_path: Path, name: str, data: bytes, text: str, encoding: str) -> None:
    articles, rejects = read_one(tmp_path, name, data)
    assert rejects == []
    assert [(a.text, a.encoding, a.record_index, a.source_path) for a in articles] == [(text, encoding, 0, name)]


@pytest.mark.parametrize(
    ("name", "data", "code", "words"),
    [
        ("empty.txt", b"", "NF101", "is empty"),
        ("blank.txt", b"  \n\t\r\n", "NF101", "empty"),
        ("controls.txt", b" " * 20 + b"\x01\n", "NF101", "whitespace"),
        ("control_bytes.txt", b"\x01\x02\n", "NF102", "binary"),
        ("header_only.txt", b"Title: Nothing else\nDate: 2020-12-24\n", "NF101", "no body"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01", "NF102", "binary"),
        ("undecodable.txt", b"bad \x81 byte", "NF103", "cp1252"),
        ("truncated.txt.gz", gzip.compress(b"A body that will be cut off." * 10)[:-10], "NF105", "truncated"),
        ("fake.jsonl.gz", b"not gzip at all", "NF105", "gzip"),
        ("broken.json", b'{"text": "a",', "NF106", "not valid JSON"),
        ("scalar.json", b'"text"', "NF106", "string"),
        ("empty_list.json", b"[]", "NF101", "no JSON records"),
        ("notext.json", b'{"title": "T"}', "NF107", "no 'text'"),
        ("numtext.json", b'{"text": 5}', "NF107", "int"),
        ("nulltext.json", b'{"text": null}', "NF107", "has null in 'text'"),
        ("utf16.txt", "An article saved as UTF-16.".encode("utf-16-le"), "NF102", "without a byte-order mark"),
        ("blanktext.json", b'{"text": "  \\n "}', "NF101", "empty text"),
        ("blankall.json", b'{"text": "", "body": " "}', "NF101", "empty text"),
    ],
)
def test_read_source_bad_input_becomes_one_reject(tmp_path: Path, name: str, data: bytes, code: str, words: str) -> None:
    articles, rejects = read_one(tmp_path, name, data)
    assert articles == []
    assert [(r.error_code, r.stage) for r in rejects] == [(code, "read")]
    assert rejects[0].message.startswith(f"{name}: ")
    assert words in rejects[0].message
    assert "\n" not in rejects[0].message
    assert rejects[0].source_sha256 == hashlib.sha256(data).hexdigest()


def test_read_source_changed_file_is_refused(tmp_path: Path) -> None:
    source = make_source(tmp_path, "a.txt", b"First version.")
    (tmp_path / "a.txt").write_bytes(b"Second version.")
    articles, rejects = read_source(tmp_path, source)
    assert articles == []
    assert [r.error_code for r in rejects] == ["NF109"]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            b" date 2020-12-24 Washington\n\nUS President spoke.\n",
            {"published_date": dt.date(2020, 12, 24), "published_date_source": "header", "dateline": "Washington",
             "title": None, "text": "US President spoke."},
        ),
        (
            b"Title: Rockets hit\nDate: December 24, 2020\nSource: Example News\nURL: https://example.org/a\n"
            b"Language: English\nTranslated-From: Persian\nDateline: Baghdad\n\nBody.",
            {"title": "Rockets hit", "published_date": dt.date(2020, 12, 24), "published_date_source": "header",
             "source_name": "Example News", "url": "https://example.org/a", "language": "en",
             "translated_from": "fa", "dateline": "Baghdad", "text": "Body."},
        ),
        (
            b"---\ntitle: Front\ndate: 2020-12-24\ntranslated_from: ar\n---\n\nBody.",
            {"title": "Front", "published_date": dt.date(2020, 12, 24), "published_date_source": "metadata",
             "translated_from": "ar", "text": "Body."},
        ),
        (
            b"Chelsea sack Mutu\n\nChelsea have sacked Adrian Mutu.\n\nMore.\n",
            {"title": "Chelsea sack Mutu", "published_date": None, "text": "Chelsea have sacked Adrian Mutu.\n\nMore."},
        ),
        (
            b"Title: Declared\n\nShort line\n\nBody.",
            {"title": "Declared", "text": "Short line\n\nBody."},
        ),
    ],
)
def test_read_source_header_forms(tmp_path: Path, data: bytes, expected: dict) -> None:
    articles, rejects = read_one(tmp_path, "a.md", data)
    assert rejects == []
    assert {key: getattr(articles[0], key) for key in expected} == expected


@pytest.mark.parametrize(
    ("data", "value"),
    [
        (b"Date: sometime soon\n\nBody text.", "sometime soon"),
        (b"date 2020-13-45 Washington\n\nBody text.", "2020-13-45"),
        (b"---\ndate: next week\n---\nBody text.", "next week"),
        (b"---\ndate: 2020-02-30\n---\nBody text.", "2020-02-30"),  # YAML would raise on this
        (b"---\ndate: [2020]\n---\nBody text.", "[2020]"),
    ],
)
def test_read_source_bad_date_keeps_article(tmp_path: Path, data: bytes, value: str) -> None:
    articles, rejects = read_one(tmp_path, "a.txt", data)
    assert [(a.text, a.published_date, a.published_date_source) for a in articles] == [("Body text.", None, None)]
    assert [r.error_code for r in rejects] == ["NF111"]
    assert value in rejects[0].message and rejects[0].payload == value


def test_read_source_invalid_front_matter_is_kept_and_reported(tmp_path: Path) -> None:
    data = b"---\ntitle: [unclosed\n---\nBody text."
    articles, rejects = read_one(tmp_path, "a.md", data)
    assert articles[0].text == data.decode()
    assert [r.error_code for r in rejects] == ["NF111"]


def test_read_source_jsonl_broken_line_among_good_ones(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "r-1", "title": "One", "date": "1987-02-26T15:01:01", "dateline": "SALVADOR, Feb 26 -",
                    "source": "Reuters", "text": "First story.\n Reuter\n"}),
        '{"id": "r-2", "text": "unterminated',
        "",
        json.dumps({"id": "r-3", "date": None, "body": "Third story."}),
        json.dumps({"id": "r-4", "title": "No text"}),
    ]
    data = gzip.compress("\n".join(lines).encode())
    articles, rejects = read_one(tmp_path, "wire.jsonl.gz", data)
    assert [(a.record_index, a.external_id, a.text) for a in articles] == [
        (0, "r-1", "First story.\n Reuter"),
        (3, "r-3", "Third story."),
    ]
    first = articles[0]
    assert (first.title, first.published_date, first.published_date_source, first.dateline, first.source_name) == (
        "One", dt.date(1987, 2, 26), "metadata", "SALVADOR, Feb 26 -", "Reuters")
    assert articles[1].published_date is None and articles[1].published_date_source is None
    assert [(r.error_code, r.record_index) for r in rejects] == [("NF106", 1), ("NF107", 4)]
    assert rejects[0].payload == lines[1]
    assert "line 2" in rejects[0].message


@pytest.mark.parametrize(
    ("document", "indexes"),
    [
        ({"text": "Only one.", "published": "24 Dec 2020"}, [0]),
        ([{"content": "A."}, {"text": "B."}, {"body": "C."}], [0, 1, 2]),
    ],
)
def test_read_source_json_records(tmp_path: Path, document: object, indexes: list[int]) -> None:
    articles, rejects = read_one(tmp_path, "a.json", json.dumps(document).encode())
    assert rejects == []
    assert [a.record_index for a in articles] == indexes


def test_read_source_json_record_fields_are_normalised(tmp_path: Path) -> None:
    document = {"text": "I don\u00e2\u20ac\u2122t know.\r\n", "title": "  Caf\u00c3\u00a9 \u00a0", "language": "en"}
    articles, rejects = read_one(tmp_path, "a.json", json.dumps(document).encode())
    assert (articles[0].text, articles[0].title, articles[0].language) == ("I don\u2019t know.", "Caf\u00e9", "en")


def test_read_source_seed_000_has_no_header_and_no_headline() -> None:
    data = (RAW / "000_0cd97af376677bf2.txt").read_bytes()
    source = SourceFile("000_0cd97af376677bf2.txt", len(data), hashlib.sha256(data).hexdigest())
    articles, rejects = read_source(RAW, source)
    assert rejects == []
    article = articles[0]
    assert (article.title, article.published_date, article.dateline) == (None, None, None)
    assert article.text == data.decode("utf-8").strip()
    assert article.text.startswith("U.S. officials are bracing")


def test_read_source_seed_002_header() -> None:
    data = (RAW / "002_4b3768ad33080d60.txt").read_bytes()
    source = SourceFile("002_4b3768ad33080d60.txt", len(data), hashlib.sha256(data).hexdigest())
    articles, rejects = read_source(RAW, source)
    assert rejects == []
    article = articles[0]
    assert (article.published_date, article.published_date_source, article.dateline, article.title) == (
        dt.date(2020, 12, 24), "header", "Washington", None)
    assert article.text.startswith("US President Donald Trump")
    assert data.decode("utf-8").rstrip().endswith(article.text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    name=st.sampled_from(["a.txt", "a.md", "a.json", "a.jsonl", "a.txt.gz"]),
    data=st.one_of(
        st.binary(max_size=300),
        st.text(max_size=300).map(lambda t: t.encode("utf-8")),
        st.lists(st.dictionaries(st.sampled_from(["text", "title", "date", "id", "body"]),
                                 st.one_of(st.none(), st.text(max_size=20), st.integers())), max_size=4)
        .map(lambda rows: "\n".join(json.dumps(r) for r in rows).encode()),
    ),
)
def test_read_source_never_raises_on_arbitrary_bytes(tmp_path: Path, name: str, data: bytes) -> None:
    articles, rejects = read_one(tmp_path, name, data)
    assert articles or rejects
    for article in articles:
        assert article.text and article.text == article.text.rstrip() and "\r" not in article.text
    if articles and name in ("a.txt", "a.md"):
        # offsets stay honest: the body is a tail of the normalised file text
        assert normalise_text(decode_bytes(data).text).rstrip().endswith(articles[0].text)
    for reject in rejects:
        assert reject.message.startswith(f"{name}: ") and "\n" not in reject.message


def test_read_source_json_prefers_first_non_blank_text_field(tmp_path: Path) -> None:
    articles, rejects = read_one(tmp_path, "a.json", json.dumps({"text": "", "body": "The body."}).encode())
    assert ([a.text for a in articles], rejects) == (["The body."], [])


def test_read_source_yaml_alias_bomb_is_reported_briefly(tmp_path: Path) -> None:
    """Nested aliases expand exponentially; front matter refuses them (kept in the text, like invalid YAML)."""
    levels = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    levels += [f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]" for i in range(8)]
    data = ("---\n" + "\n".join(levels) + "\ntitle: *i\n---\nBody text.").encode()
    articles, rejects = read_one(tmp_path, "bomb.md", data)
    assert [a.text.endswith("---\nBody text.") for a in articles] == [True]
    assert [r.error_code for r in rejects] == ["NF111"]
    assert "anchors and aliases" in rejects[0].message and len(rejects[0].message) < 300


@pytest.mark.parametrize(
    ("name", "bad", "good", "rows"),
    [
        ("numbers.json", [7] * 5000, 3, 1),
        ("mixed.json", [7, "x", {"title": "no text"}] * 500, 2, 1),
        ("few.json", [7] * MAX_RECORD_REJECTS, 2, MAX_RECORD_REJECTS),
        ("lines.jsonl", ["not json"] * 3000, 4, 1),
    ],
)
def test_read_source_many_bad_records_become_one_summary(
    tmp_path: Path, name: str, bad: list, good: int, rows: int
) -> None:
    items = [{"text": f"Good article number {i}."} for i in range(good)] + bad
    if name.endswith(".jsonl"):
        data = "\n".join(item if isinstance(item, str) else json.dumps(item) for item in items).encode()
    else:
        data = json.dumps(items).encode()
    articles, rejects = read_one(tmp_path, name, data)
    assert [a.record_index for a in articles] == list(range(good))
    assert len(rejects) == rows
    if rows == 1:
        (summary,) = rejects
        assert summary.record_index is None and summary.error_code in ("NF106", "NF107")
        assert f"{len(bad)} problems" in summary.message and f"of {len(items)} records" in summary.message
        assert summary.message.startswith(f"{name}: ") and len(summary.message) < 2000


@pytest.mark.parametrize(
    ("size", "limit", "code"),
    [(900, 1000, None), (1000, 1000, None), (1001, 1000, "NF104"), (50_000, 1000, "NF104")],
)
def test_read_source_size_limit_counts_gunzipped_bytes(tmp_path: Path, size: int, limit: int, code: str | None) -> None:
    data = gzip.compress(b"Words. " * (size // 7) + b"x" * (size % 7))
    assert len(data) < limit  # small on disk: discovery lets it through
    articles, rejects = read_source(tmp_path, make_source(tmp_path, "packed.txt.gz", data), max_bytes=limit)
    assert [r.error_code for r in rejects] == ([code] if code else [])
    assert len(articles) == (0 if code else 1)
    if code:
        assert "--max-bytes" in rejects[0].message and str(limit) in rejects[0].message
