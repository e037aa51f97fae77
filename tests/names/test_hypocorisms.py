"""Short forms of given names."""

from __future__ import annotations

import pytest

from newsfold.names.compare import FUZZY_THRESHOLD, compare_names
from newsfold.names.forms import make_name_form
from newsfold.names.hypocorisms import is_given_name, is_nickname_pair


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("bernie", "bernard", True),
        ("bernard", "bernie", True),
        ("alex", "alexander", True),
        ("chris", "christopher", True),
        ("ed", "edward", True),
        # the table's names of other languages and chained nicknames stay apart
        ("ivan", "john", False),
        ("ian", "john", False),
        ("carl", "charles", False),
        ("rupert", "robert", False),
        ("william", "robert", False),
        ("gianni", "giovanni", False),  # not in the table
        ("bernard", "bernard", False),
        ("Бернард", "bernard", False),
    ],
)
def test_is_nickname_pair(a, b, expected):
    assert is_nickname_pair(a, b) is expected


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Bernie Ebbers", "Bernard Ebbers", True),
        ("Alex Salmond", "Alexander Salmond", True),
        ("Bill Clinton", "William Clinton", True),  # rigour's NICK symbols
        ("Ed Miliband", "Edward Miliband", True),
        ("Ian Smith", "John Smith", False),
        ("Carl Bildt", "Charles Bildt", False),
        ("Bernard Ebbers", "Bernard Madoff", False),
        ("Gordon Brown", "Wes Brown", False),
        ("Bernie Sanders", "Bernard Saunders", False),
    ],
)
def test_compare_names_links_a_short_given_name(a, b, same):
    result = compare_names(make_name_form(a, "PER"), make_name_form(b, "PER"))
    assert (result.veto is None and result.score >= FUZZY_THRESHOLD) is same


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("john", True),
        ("henry", True),  # also a surname (Thierry Henry): a given name all the same
        ("bill", True),  # a short form
        ("blair", False),
        ("giggs", False),
        ("kennedy", False),
    ],
)
def test_is_given_name(name, expected):
    assert is_given_name(name) is expected
