"""Tests for newsfold.dates.extract: the real model on hand-written and seed text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from newsfold.dates import extract_dates, make_date_rows
from schemas import Dates, frame_from_rows

RAW = Path(__file__).resolve().parents[2] / "raw"


def seed_text(prefix: str) -> str:
    text = next(RAW.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")
    if text.lstrip().startswith("date "):  # the reader strips this header line
        text = text.lstrip().split("\n", 1)[1].lstrip("\n")
    return text


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("The embassy was hit on Sunday.", dt.date(2020, 12, 24), [("Sunday", "2020-12-20")]),
        ("They will meet on Sunday.", dt.date(2020, 12, 24), [("Sunday", "2020-12-27")]),
        ("On January 3, 2020, the U.S. struck. Days later, Iran responded.", dt.date(2020, 12, 23),
         [("January 3, 2020", "2020-01-03"), ("Days later", "2020-01")]),
        ("Prices rose last month.", dt.date(2020, 12, 24), [("last month", "2020-11")]),
        ("The embassy was hit on Sunday.", None, [("Sunday", None)]),
        # "the year ended March 31" is a twelve-month span and a day
        ("Revenue rose 5% in the year ended March 31, 1989.", dt.date(1989, 11, 2),
         [("the year", "P1Y"), ("March 31, 1989", "1989-03-31")]),
    ],
)
def test_extract_dates_rules(nlp, text, anchor, expected):
    mentions = extract_dates(nlp(text), anchor)
    assert [(m.text, m.value) for m in mentions] == expected
    for m in mentions:
        assert text[m.start : m.end] == m.text
        assert m.anchor_date == anchor


@pytest.mark.parametrize(
    ("prefix", "anchor", "expected"),
    [
        ("002", dt.date(2020, 12, 24), {"Sunday": {"2020-12-20"}, "Wednesday": {"2020-12-23"}}),
        ("000", dt.date(2020, 12, 23), {
            "Sunday": {"2020-12-20"}, "Wednesday": {"2020-12-23"}, "January 3, 2020": {"2020-01-03"},
            "earlier this year": {"2020"}, "December 20, 2020": {"2020-12-20"}, "January 3": {"2021-01-03"},
        }),
    ],
)
def test_extract_dates_seeds(nlp, prefix, anchor, expected):
    mentions = extract_dates(nlp(seed_text(prefix)), anchor)
    found: dict[str, set] = {}
    for m in mentions:
        found.setdefault(m.text, set()).add(m.value)
    for text, values in expected.items():
        assert found.get(text) == values, (text, found)
    starts = [m.start for m in mentions]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:]))


def test_extract_dates_without_parse_never_raises():
    doc = Doc(spacy.blank("en").vocab, words=["It", "rained", "on", "Sunday"], ents=["O", "O", "O", "B-DATE"])
    # no parse, no tense: the nearer Sunday (three days ahead of Thursday, four back)
    assert [(m.text, m.value) for m in extract_dates(doc, dt.date(2020, 12, 24))] == [("Sunday", "2020-12-27")]


_WORDS = st.sampled_from(
    "The embassy was hit on Sunday . They will meet next Friday at 3 p.m. Talks lasted two years and "
    "ended days later , in January 2020 or Sept. 30 , now recently the third quarter of 1989 “ ” '".split()
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_WORDS, min_size=1, max_size=25), st.one_of(st.none(), st.dates(dt.date(1980, 1, 1), dt.date(2030, 12, 31))))
def test_extract_dates_spans_are_ordered_surfaces(nlp, words, anchor):
    text = " ".join(words)
    mentions = extract_dates(nlp(text), anchor)
    for m in mentions:
        assert text[m.start : m.end] == m.text
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:]))


def test_extract_dates_rows_satisfy_the_contract(nlp):
    mentions = extract_dates(nlp(seed_text("000")), dt.date(2020, 12, 23))
    rows = make_date_rows("doc_0123456789abcdef", mentions)
    assert Dates.validate(frame_from_rows(Dates, rows), lazy=True).height == len(mentions) > 5


@pytest.mark.parametrize(
    ("words", "ents", "expected"),
    [
        # "every" before a day spaCy tagged makes a set
        (["The", "board", "meets", "every", "Monday", "."], ["O", "O", "O", "O", "B-DATE", "O"],
         [("every Monday", "XXXX-WXX-1", "EVERY", None)]),
        (["The", "board", "met", "on", "Monday", "."], ["O", "O", "O", "O", "B-DATE", "O"],
         [("Monday", "2020-12-21", None, None)]),
        # "twice a week" replaces the "a week" spaCy tagged inside it
        (["Trains", "run", "twice", "a", "week", "."], ["O", "O", "O", "B-DATE", "I-DATE", "O"],
         [("twice a week", "P1W", None, "2X")]),
        (["Trains", "ran", "for", "a", "week", "."], ["O", "O", "O", "B-DATE", "I-DATE", "O"],
         [("a week", "P1W", None, None)]),
        # a part of the day split off a weekday stays with the day, not a second expression
        (["He", "left", "Friday", "morning", "."], ["O", "O", "B-DATE", "B-TIME", "O"], [("Friday", "2020-12-25", None, None)]),
        (["He", "left", "that", "evening", "."], ["O", "O", "O", "O", "O"], [("that evening", "2020-12-24TEV", None, None)]),
        (["He", "left", "Friday", "after", "the", "morning", "."], ["O", "O", "B-DATE", "O", "B-TIME", "I-TIME", "O"],
         [("Friday", "2020-12-25", None, None), ("the morning", "2020-12-25TMO", None, None)]),
    ],
)
def test_extract_dates_sets_and_parts_of_day(words, ents, expected):
    doc = Doc(spacy.blank("en").vocab, words=words, ents=ents)
    mentions = extract_dates(doc, dt.date(2020, 12, 24))
    assert [(m.text, m.value, m.quant, m.freq) for m in mentions] == expected
    rows = make_date_rows("doc_0123456789abcdef", mentions)
    assert Dates.validate(frame_from_rows(Dates, rows), lazy=True).height == len(expected)


@pytest.mark.parametrize(
    "prefix",
    ["", "\n\n", "Rockets hit embassy\n\n", "\n \nRockets hit embassy\n\n"],
)
def test_extract_dates_blank_lines_or_headline_lose_nothing(nlp, prefix):
    body = "The embassy was hit on Sunday. On January 3, 2020, the U.S. struck."
    mentions = extract_dates(nlp(prefix + body), dt.date(2020, 12, 24))
    assert [(m.text, m.value) for m in mentions] == [("Sunday", "2020-12-20"), ("January 3, 2020", "2020-01-03")]
