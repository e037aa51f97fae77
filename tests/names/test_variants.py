"""Typos and shortened words of organisation and place names."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsfold.names.compare import FUZZY_THRESHOLD, compare_names, could_match
from newsfold.names.forms import make_name_form
import polars as pl

from newsfold.names.reconcile import reconcile_names
from newsfold.names.variants import (
    are_two_words,
    clipped_pieces,
    is_clipped_compound,
    is_derived_word,
    is_interior_typo,
    is_one_letter_typo,
    is_shortened_word,
    is_swapped_pair,
    match_variant_words,
)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("captial", "capital", True),  # two letters swapped
        ("press", "presse", True),  # one dropped
        ("amerian", "american", True),
        ("sante", "santa", True),  # one changed
        ("bank", "back", False),  # too short to tell a typo from another word
        ("iran", "iraq", False),
        ("north", "south", False),  # two letters apart
        ("fund1", "fund2", False),  # digits are never a typo
        ("capital", "capital", False),  # equal is no typo
    ],
)
def test_is_one_letter_typo(a, b, expected):
    assert is_one_letter_typo(a, b) is expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("chrylser", "chrysler", True),
        ("genetech", "genentech", True),
        ("texton", "textron", True),
        ("allianz", "alliant", False),  # the last letter: another company
        ("gambia", "zambia", False),  # the first letter
        ("itel", "intel", False),  # too short for a name of one word
        ("siemens", "simens", True),
    ],
)
def test_is_interior_typo(a, b, expected):
    assert is_interior_typo(a, b) is expected


@pytest.mark.parametrize(
    ("short", "long", "expected"),
    [
        ("man", "manchester", True),
        ("sheff", "sheffield", True),
        ("man", "manila", False),  # three letters left out is a word of its own
        ("ma", "manchester", False),  # two letters are too few
        ("city", "city", False),
        ("west", "manchester", False),
    ],
)
def test_is_shortened_word(short, long, expected):
    assert is_shortened_word(short, long) is expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("institute", "institution", True),  # a noun and its other noun
        ("agriculture", "agricultural", True),  # a noun and its adjective
        ("europe", "european", True),
        ("industries", "industrial", True),
        ("electric", "electrical", True),
        ("national", "nationalist", False),  # another party
        ("social", "socialist", False),
        ("communist", "communism", False),
        ("austria", "australia", False),  # a stem of five letters: two places
        ("german", "germany", False),  # "y" makes the country: no ending of this list
        ("korea", "korean", False),  # a stem of five letters
        ("institute", "institute", False),  # equal is no variant
        ("fund1", "fund12", False),  # digits never
    ],
)
def test_is_derived_word(a, b, expected):
    assert is_derived_word(a, b) is expected
    assert is_derived_word(b, a) is expected


@pytest.mark.parametrize(
    ("a", "b", "entity_type", "same"),
    [
        ("Brookings Institution", "Brookings Institute", "ORG", True),
        ("Agriculture Bank of China", "Agricultural Bank of China", "ORG", True),
        ("Europe Union", "European Union", "ORG", True),
        ("Merrill Lynch Captial Markets", "Merrill Lynch Capital Markets", "ORG", True),
        ("Agence France Press", "Agence France Presse", "ORG", True),
        ("Amerian Motors", "American Motors Corp", "ORG", True),
        ("Sante Fe Southern Pacific", "Santa Fe Southern Pacific", "ORG", True),
        ("International Business Machine Corp", "International Business Machines", "ORG", True),
        ("Chrylser Corp", "Chrysler", "ORG", True),
        ("Genetech Inc", "Genentech Inc", "ORG", True),
        ("Sheff Utd", "Sheffield United", "ORG", True),
        ("Man City", "Manchester City", "ORG", True),
        ("South Afria", "South Africa", "LOC", True),
        ("Rio de Janeir", "Rio de Janeiro", "LOC", True),
        # look-alikes that stay apart
        ("Intel", "Itel", "ORG", False),
        ("Allianz", "Alliant", "ORG", False),
        ("Gambia", "Zambia", "LOC", False),  # one-word places never link by a typo
        ("North Dakota", "South Dakota", "LOC", False),
        ("Man City", "Manchester United", "ORG", False),
        ("Sheff Wed", "Sheffield United", "ORG", False),
        ("Zorblat Fund 1", "Zorblat Fund 2", "ORG", False),
        ("Zorblat Growth Fund III", "Zorblat Growth Fund IV", "ORG", False),
        ("Merrill Lynch Captial Markets", "Merrill Lynch Capital Banks", "ORG", False),
        ("Santa Fe Northern Pacific", "Santa Fe Southern Pacific", "ORG", False),
        ("West Bank", "West Back", "LOC", False),
        ("Kirovsky District", "Kirov District", "LOC", False),
        ("National Front", "Nationalist Front", "ORG", False),  # another party
        ("Brookings Institution", "Brooklyn Institute", "ORG", False),  # the derived word is the only one alike
        ("Brookings Institute of Banking", "Brookings Institution of Bankers", "ORG", False),  # two words differ
    ],
)
def test_compare_names_joins_typos_and_short_forms_only(a, b, entity_type, same):
    form_a, form_b = make_name_form(a, entity_type), make_name_form(b, entity_type)
    result = compare_names(form_a, form_b)
    assert (result.veto is None and result.score >= FUZZY_THRESHOLD) is same
    if same:
        assert could_match(form_a, form_b) and could_match(form_b, form_a)


@given(st.lists(st.sampled_from(["bank", "banc", "capital", "captial", "man", "manchester", "city", "x1"]), min_size=1, max_size=4))
def test_match_variant_words_is_symmetric(words):
    other = tuple(reversed(words))
    equal = [x == y for x, y in zip(words, other)]
    assert match_variant_words(tuple(words), other, equal) == match_variant_words(other, tuple(words), equal)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("jyvasklya", "jyvaskyla", True),
        ("zarovnia", "zarovina", True),
        ("colombia", "columbia", False),  # a letter changed: another place as often as a slip
        ("gambia", "zambia", False),
        ("kotlarska", "kotlarskaa", False),  # a letter added
        ("abcd", "badc", False),  # two swaps
        ("same", "same", False),
    ],
)
def test_is_swapped_pair(a, b, expected):
    assert is_swapped_pair(a, b) is expected
    assert is_swapped_pair(b, a) is expected


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("JYVASKLYA", "Jyvaskyla", True),  # two letters swapped inside a long one-word place
        ("Zarovnia", "Zarovina", True),
        ("Zarivona", "Zarovona", False),  # a letter changed in a one-word place: maybe another place
        ("Kotlirska", "Kotlarska", False),
        ("Gambia", "Zambia", False),  # two listed places
    ],
)
def test_one_word_places_link_by_a_swap_only(a, b, same):
    score = compare_names(make_name_form(a, "LOC"), make_name_form(b, "LOC"))
    assert (score.veto is None and score.score >= FUZZY_THRESHOLD) is same


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ("HuffPost", ("huff", "post")),
        ("WaPo", ("wa", "po")),
        ("FedEx", ("fed", "ex")),
        ("Reuters", ()),  # one word
        ("JPMorgan", ()),  # capitals run together: an acronym and a word
        ("McD", ()),  # too few letters
        ("Huff Post", ()),  # two words: the key rules decide
    ],
)
def test_clipped_pieces(text, pieces):
    assert clipped_pieces(text) == pieces


@pytest.mark.parametrize(
    ("pieces", "words", "expected"),
    [
        (("huff", "post"), ("huffington", "post"), True),
        (("wa", "po"), ("washington", "post"), True),
        (("fed", "ex"), ("federal", "express"), True),
        (("wa", "po"), ("washington", "times"), False),  # a piece begins no word at its place
        (("po", "wa"), ("washington", "post"), False),  # order counts
        (("huff", "post"), ("huffington", "post", "group"), False),  # a word too many
        (("pay", "pal"), ("pay", "pal"), False),  # nothing clipped: the compact key joins those
    ],
)
def test_is_clipped_compound(pieces, words, expected):
    assert is_clipped_compound(pieces, words) is expected


@pytest.mark.parametrize(
    ("names", "clipped", "joins"),
    [
        (["Huffington Post", "HuffPost"], "HuffPost", "Huffington Post"),
        (["The Washington Post", "WaPo"], "WaPo", "The Washington Post"),
        (["Federal Express Corp", "FedEx"], "FedEx", "Federal Express Corp"),
        # two organisations fit: no link
        (["Washington Post", "Warsaw Post", "WaPo"], "WaPo", None),
        # nothing it clips in the dataset
        (["Washington Times", "WaPo"], "WaPo", None),
    ],
)
def test_clipped_compound_joins_the_one_organisation_it_clips(names, clipped, joins):
    out = reconcile_names(pl.DataFrame({"name": names, "type": ["ORG"] * len(names)}))
    by_name = {row["name"]: row for row in out.iter_rows(named=True)}
    if joins is None:
        assert by_name[clipped]["method"] == "exact_key"
    else:
        assert by_name[clipped]["entity_id"] == by_name[joins]["entity_id"]
        assert by_name[clipped]["method"] == "corpus_context"


@pytest.mark.parametrize(
    ("a", "b", "two"),
    [
        ("genetics", "generics", True),  # Integrated Genetics Inc, Integrated Generics Inc (Reuters 1987)
        ("capitol", "capital", True),
        ("lanes", "lines", True),
        ("captial", "capital", False),  # a slip makes a rare spelling
        ("organisation", "organization", False),  # British and American spelling
        ("defence", "defense", False),
        ("advisers", "advisors", False),
        ("center", "centre", False),  # two letters swapped, not one changed
        ("german", "germany", False),  # a letter added: another rule's
        ("cenergy", "cynergy", False),  # neither is an English word
    ],
)
def test_are_two_words(a, b, two):
    assert are_two_words(a, b) is two
    assert are_two_words(b, a) is two
