"""Tests for newsfold.ingest.metadata."""

from __future__ import annotations

import datetime as dt

import pytest

from newsfold.ingest.metadata import canonical_key, read_metadata


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("Title", "title"),
        ("TITLE", "title"),
        ("Translated-From", "translated_from"),
        ("translated_from", "translated_from"),
        ("Published", "date"),
        ("URL", "url"),
        ("body", "text"),
        ("Author", None),
        ("", None),
    ],
)
def test_canonical_key(key: str, expected: str | None) -> None:
    assert canonical_key(key) == expected


@pytest.mark.parametrize(
    ("fields", "attribute", "expected"),
    [
        ({"Title": "  Rockets hit  "}, "title", "Rockets hit"),
        ({"Date": "24 Dec 2020"}, "published_date", dt.date(2020, 12, 24)),
        ({"Date": "1700-01-01"}, "published_date", dt.date(1700, 1, 1)),
        ({"Date": "2199-12-31"}, "published_date", dt.date(2199, 12, 31)),
        ({"Date": "24 Dec 2020"}, "published_date_source", "metadata"),
        ({"published": "2020-12-24"}, "published_date", dt.date(2020, 12, 24)),
        ({"Source": "Reuters"}, "source_name", "Reuters"),
        ({"URL": "https://example.org/a"}, "url", "https://example.org/a"),
        ({"Language": "English"}, "language", "en"),
        ({"language": "en-GB"}, "language", "en"),
        ({"language": "eng"}, "language", "en"),
        ({"language": "Klingonese"}, "language", "klingonese"),  # unknown: kept as written
        ({"Translated-From": "Persian"}, "translated_from", "fa"),
        ({"id": 42}, "external_id", "42"),
        ({"Dateline": "SALVADOR, Feb 26 -"}, "dateline", "SALVADOR, Feb 26 -"),
        ({"Title": ""}, "title", None),
        ({"text": "ignored here", "title": "T"}, "title", "T"),
        ({"Date": None}, "published_date", None),
        ({"Date": None}, "published_date_source", None),
        ({"Author": "Someone"}, "title", None),
    ],
)
def test_read_metadata_fields(fields: dict, attribute: str, expected: object) -> None:
    meta, problems = read_metadata(fields, date_source="metadata")
    assert getattr(meta, attribute) == expected
    assert problems == []


@pytest.mark.parametrize(
    ("fields", "attribute", "value_in_message"),
    [
        ({"Date": "not a date"}, "published_date", "not a date"),
        ({"date": "2020-13-45"}, "published_date", "2020-13-45"),
        ({"date": "0001-01-01"}, "published_date", "outside the years"),
        ({"date": "9999-12-31"}, "published_date", "outside the years"),
        ({"date": dt.date(1, 1, 1)}, "published_date", "outside the years"),
        ({"title": ["a", "b"]}, "title", "list"),
        ({"source": {"name": "x"}}, "source_name", "dict"),
        ({"url": True}, "url", "bool"),
    ],
)
def test_read_metadata_bad_values_are_dropped_and_reported(fields: dict, attribute: str, value_in_message: str) -> None:
    meta, problems = read_metadata(fields, date_source="header")
    assert getattr(meta, attribute) is None
    assert meta.published_date_source is None
    assert len(problems) == 1
    assert value_in_message in problems[0].message
