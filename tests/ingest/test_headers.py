"""Tests for newsfold.ingest.headers."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfold.ingest.headers import MAX_HEADLINE_CHARS, locate_body, split_header
from newsfold.ingest.normalise import normalise_text


def body_of(text: str) -> str:
    begin, end = locate_body(text, split_header(text).body_start)
    return text[begin:end]


@pytest.mark.parametrize(
    ("text", "fields", "headline", "body"),
    [
        # 1. seed form
        (" date 2020-12-24 Washington\n\nUS President spoke.\n", {"date": "2020-12-24", "dateline": "Washington"}, None, "US President spoke."),
        ("date 2020-12-24\n\nBody here.", {"date": "2020-12-24"}, None, "Body here."),
        ("Date 2020-12-24 New York City\nBody on the next line.", {"date": "2020-12-24", "dateline": "New York City"}, None, "Body on the next line."),
        ("date 2020-12-24 Washington\nTitle: T\n\nBody.", {"date": "2020-12-24", "dateline": "Washington", "Title": "T"}, None, "Body."),
        ("date night was fun and long enough to be a sentence\nand it goes on.", {}, None, "date night was fun and long enough to be a sentence\nand it goes on."),
        # 2. key-value lines
        (
            "Title: Rockets hit embassy\nDate: 24 Dec 2020\nSource: Example News\nURL: https://example.org/a\n"
            "Language: en\nTranslated-From: fa\nDateline: Baghdad\n\nBody text.",
            {"Title": "Rockets hit embassy", "Date": "24 Dec 2020", "Source": "Example News", "URL": "https://example.org/a",
             "Language": "en", "Translated-From": "fa", "Dateline": "Baghdad"},
            None,
            "Body text.",
        ),
        ("TITLE: upper\nauthor: A. Writer\n\nBody.", {"TITLE": "upper", "author": "A. Writer"}, None, "Body."),
        ("Title: not ended by a blank line\nBody follows at once.\n", {}, None, "Title: not ended by a blank line\nBody follows at once."),
        ("Update: the minister resigned.\n\nMore text.", {}, "Update: the minister resigned.", "More text."),
        # 3. YAML front matter
        ("---\ntitle: X\ndate: 2020-12-24\ntranslated-from: fa\n---\nBody.", {"title": "X", "date": "2020-12-24", "translated-from": "fa"}, None, "Body."),
        ("---\n---\nHead\n\nBody.", {}, "Head", "Body."),
        ("---\nnot closed\n\nBody.", {}, None, "---\nnot closed\n\nBody."),
        ("---\nn: !!float abc\n---\nBody.", {}, None, "---\nn: !!float abc\n---\nBody."),
        ("---\n- a list\n---\nBody.", {}, None, "---\n- a list\n---\nBody."),
        # 4. headline rule
        ("Chelsea sack Mutu\n\nChelsea have sacked Adrian Mutu.\n", {}, "Chelsea sack Mutu", "Chelsea have sacked Adrian Mutu."),
        ("Head\n \n\nBody\n\n", {}, "Head", "Body"),
        ("\n\nHead after blank lines\n\nBody", {}, "Head after blank lines", "Body"),
        ("Title: Declared\n\nShort line\n\nBody", {"Title": "Declared"}, None, "Short line\n\nBody"),
        ("date 2020-12-24 X\n\nHead\n\nBody", {"date": "2020-12-24", "dateline": "X"}, "Head", "Body"),
        ("x" * (MAX_HEADLINE_CHARS + 1) + "\n\nBody", {}, None, "x" * (MAX_HEADLINE_CHARS + 1) + "\n\nBody"),
        # 5. blank lines or a headline above the header: the date is not lost
        ("\n\n date 2020-12-24 Washington\n\nBody.", {"date": "2020-12-24", "dateline": "Washington"}, None, "Body."),
        ("\n \nTitle: T\nDate: 2020-12-24\n\nBody.", {"Title": "T", "Date": "2020-12-24"}, None, "Body."),
        ("Rockets hit embassy\n\ndate 2020-12-24 Washington\n\nBody.", {"date": "2020-12-24", "dateline": "Washington"}, "Rockets hit embassy", "Body."),
        ("\nRockets hit embassy\n\nDate: 24 Dec 2020\nSource: Example News\n\nBody.", {"Date": "24 Dec 2020", "Source": "Example News"}, "Rockets hit embassy", "Body."),
        ("Rockets hit embassy\n\nNote: body text, not a header.\n\nMore.", {}, "Rockets hit embassy", "Note: body text, not a header.\n\nMore."),
        ("Rockets hit embassy\n\ndate night was fun\n\nMore.", {}, "Rockets hit embassy", "date night was fun\n\nMore."),
        ("\n\nA long first sentence.\nSecond line.", {}, None, "A long first sentence.\nSecond line."),
        ("A long first sentence.\nSecond line, no blank line between.", {}, None, "A long first sentence.\nSecond line, no blank line between."),
        ("Just this\n\n", {}, None, "Just this"),
        ("", {}, None, ""),
    ],
)
def test_split_header_forms(text: str, fields: dict, headline: str | None, body: str) -> None:
    split = split_header(text)
    assert split.fields == fields
    assert split.headline == headline
    assert body_of(text) == body


@pytest.mark.parametrize(
    ("text", "date_source"),
    [
        ("---\ndate: 2020-12-24\n---\nBody.", "metadata"),
        ("Date: 2020-12-24\n\nBody.", "header"),
        (" date 2020-12-24 Washington\n\nBody.", "header"),
    ],
)
def test_split_header_date_source(text: str, date_source: str) -> None:
    assert split_header(text).date_source == date_source


def test_split_header_reports_invalid_front_matter_and_keeps_it() -> None:
    text = "---\ntitle: [unclosed\n---\nBody."
    split = split_header(text)
    assert split.fields == {}
    assert "not valid YAML" in split.problem
    assert body_of(text) == text


@pytest.mark.parametrize(
    ("text", "start", "expected"),
    [
        ("T\n\n\n  Body  \n", 2, (4, 10)),
        ("Body", 0, (0, 4)),
        ("\n \n\t\n", 0, (5, 5)),
        ("Head\n\n", 5, (6, 6)),
    ],
)
def test_locate_body(text: str, start: int, expected: tuple[int, int]) -> None:
    assert locate_body(text, start) == expected


_HEADERISH_LINES = st.sampled_from(
    ["---", "...", " date 2020-12-24 Washington", "date 2020", "Title: x", "Date: soon", "Author: y",
     "key: [", "", " ", "Headline", "x" * 250, "Body text.", "Translated-From: fa"]
)
_TEXTS = st.one_of(
    st.text(),
    st.lists(st.one_of(_HEADERISH_LINES, st.text(max_size=30)), max_size=12).map("\n".join),
)


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_split_header_body_is_an_honest_tail(raw: str) -> None:
    text = normalise_text(raw)
    split = split_header(text)  # never raises on arbitrary text
    begin, end = locate_body(text, split.body_start)
    assert 0 <= split.body_start <= begin <= end <= len(text)
    assert text[begin:end] == text[begin:].rstrip() or begin == end
    assert text[end:].strip() == ""
    assert text[split.body_start : begin].strip() == ""


@pytest.mark.parametrize(
    ("text", "headline"),
    [
        ("# Markdown headline\n\nBody.", "Markdown headline"),
        ("## Second level\n\nBody.", "Second level"),
        ("#1 hit single\n\nBody.", "#1 hit single"),  # no space after '#': not markup
        ("#\n\nBody.", "#"),
    ],
)
def test_split_header_headline_drops_markdown_marker(text: str, headline: str) -> None:
    assert split_header(text).headline == headline


def test_split_header_deeply_nested_front_matter_is_reported() -> None:
    text = "---\nkey: " + "[" * 100_000 + "\n---\nBody."
    split = split_header(text)
    assert split.problem is not None and split.fields == {}


def _alias_bomb(levels: int) -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, levels)]
    return "---\n" + "\n".join(lines) + "\ntitle: Boom\n---\nBody text.\n"


@pytest.mark.parametrize(
    "text",
    [
        _alias_bomb(12),  # 9**12 strings if expanded
        "---\ntitle: &t Rockets hit\nsource: *t\n---\nBody text.\n",
        "---\nbase: &b {title: Rockets}\nother:\n  <<: *b\n---\nBody text.\n",
    ],
)
def test_split_header_refuses_yaml_anchors_and_aliases(text: str) -> None:
    split = split_header(text)
    assert split.fields == {} and split.body_start == 0
    assert "anchors and aliases" in split.problem
