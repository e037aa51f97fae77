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
