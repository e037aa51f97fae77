"""Place keys: what the gazetteer index is looked up by."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsfold.geo.keys import is_latin_name, make_place_key


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("the U.S.", "us"),
        ("U.S.A.", "usa"),
        ("São Paulo", "sao paulo"),
        ("Côte d’Ivoire", "cote divoire"),
        ("Winston-Salem", "winston salem"),
        ("Łódź", "lodz"),
        ("Trinidad & Tobago", "trinidad and tobago"),
        ("  Baghdad ", "baghdad"),
        ("Theodore", "theodore"),
    ],
)
def test_keys_make_place_key_folds_style(name, key):
    assert make_place_key(name) == key


@pytest.mark.parametrize(
    ("name", "latin"),
    [("Köln", True), ("Nuuk", True), ("Кёльн", False), ("北京", False), ("Hà Nội", True), ("بغداد", False)],
)
def test_keys_is_latin_name_keeps_latin_script(name, latin):
    assert is_latin_name(name) is latin


@given(st.text(max_size=40))
def test_keys_make_place_key_is_idempotent(name):
    key = make_place_key(name)
    assert make_place_key(key) == key
