"""The cascade over distinct spellings gives each observation its own link."""

from __future__ import annotations

import polars as pl
import pytest

from newsfold.names.cascade import SEEN_INPUT_SCHEMA, clear_spelling_caches, link_seen
from newsfold.names.forms import make_name_form


def _seen(rows: list[tuple[str, str, str, str]]) -> pl.DataFrame:
    return pl.DataFrame(
        [(item, doc, text, label, 1) for item, doc, text, label in rows], schema=SEEN_INPUT_SCHEMA, orient="row"
    )


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # One spelling, two articles: linked by its article in one, on its own in the other.
        (
            [("m1", "d1", "Ahmad Vahidi", "PERSON"), ("m2", "d1", "Vahidi", "PERSON"),
             ("m3", "d2", "Reza Vahidi", "PERSON"), ("m4", "d3", "Vahidi", "PERSON")],
            {"m2": "document_context", "m4": "exact_key"},  # two Vahidis in the dataset: no corpus link
        ),
        (
            [("m1", "d1", "Ahmad Vahidi", "PERSON"), ("m2", "d2", "Vahidi", "PERSON")],
            {"m2": "corpus_context"},
        ),
        (
            [("m1", "d1", "Soleimani", "GPE"), ("m2", "d1", "Qasem Soleimani", "PERSON"), ("m3", "d2", "Soleimani", "GPE")],
            {"m1": "document_context", "m2": "registry_alias", "m3": "exact_key"},  # a GPE is no bare person
        ),
        (
            [("m1", "d1", "Iran", "GPE"), ("m2", "d2", "Iran", "GPE"), ("m3", "d2", "Iranian", "NORP")],
            {"m1": "registry_alias", "m2": "registry_alias", "m3": "registry_demonym"},
        ),
    ],
)
def test_link_seen_links_each_observation(rows, expected):
    linked, infos = link_seen(_seen(rows))
    methods = dict(zip(linked["item_id"].to_list(), linked["resolution"].to_list()))
    assert {item: methods[item] for item in expected} == expected
    assert linked["item_id"].to_list() == [row[0] for row in rows]  # input order kept
    assert set(linked["entity_id"].to_list()) <= set(infos)


def test_link_seen_weighs_spellings_by_their_observations():
    # "Gorbachov" is seen more often, so it names the group; "Gorbachev" was
    # seen first (d1), so it heads the group and gives the id.
    rows = [("m1", "d1", "Mikhail Gorbachev", "PERSON")] + [
        (f"m{i}", f"d{i}", "Mikhail Gorbachov", "PERSON") for i in range(2, 5)
    ]
    linked, infos = link_seen(_seen(rows))
    assert linked["entity_id"].n_unique() == 1
    assert infos[linked["entity_id"][0]].canonical_name == "Mikhail Gorbachov"
    assert linked["resolution"].to_list() == ["exact_key", "fuzzy_key", "fuzzy_key", "fuzzy_key"]


def test_clear_spelling_caches_forgets_forms():
    make_name_form("Qasem Soleimani", "PER")
    clear_spelling_caches()
    assert make_name_form.cache_info().currsize == 0
