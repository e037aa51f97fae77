"""Acronyms and generic organisation names linked by their article or dataset."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsfold.names.organisations import acronym_of, initials_of
from newsfold.names.resolve import resolve_entities
from tests.names.conftest import build_documents, build_mentions


@pytest.mark.parametrize(
    ("text", "expected"),
    [("OPCW", "opcw"), ("the NRC", "nrc"), ("N.R.C.", "nrc"), ("Nrc", None), ("NATO summit", None), ("A", None)],
)
def test_acronym_of(text, expected):
    assert acronym_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Organisation for the Prohibition of Chemical Weapons", "opcw"),
        ("the Norwegian Refugee Council", "nrc"),
        ("Hayat Tahrir al-Sham", "hts"),
        ("Hezbollah", None),  # one word has no initials worth matching
    ],
)
def test_initials_of(text, expected):
    assert initials_of(text) == expected


@given(st.lists(st.sampled_from(["Norwegian", "Refugee", "Council", "of", "the", "Chemical"]), min_size=2, max_size=5))
def test_initials_spell_the_acronym_of_the_initials(words):
    initials = initials_of(" ".join(words))
    if initials is not None:
        assert acronym_of(initials.upper()) == initials


def _links(spans):
    mentions = build_mentions(spans)
    result = resolve_entities(mentions, build_documents(mentions))
    joined = mentions.join(result.mention_links, on="mention_id").join(
        result.entities.select("entity_id", "canonical_name"), on="entity_id"
    )
    return {(row["doc_id"][-4:], row["text"]): (row["canonical_name"], row["resolution"]) for row in joined.iter_rows(named=True)}, mentions


def test_acronym_links_by_article_then_dataset_and_vetoes_ambiguity():
    links, mentions = _links(
        [
            ("a", "Norwegian Refugee Council", "ORG"),
            ("a", "NRC", "ORG"),
            ("b", "NRC", "ORG"),  # the article is silent: the dataset has one candidate
            ("c", "Nuclear Regulatory Commission", "ORG"),
            ("c", "NRC", "ORG"),  # the article names another NRC: it decides
        ]
    )
    docs = {doc[-4:] for doc in mentions["doc_id"].to_list()}
    by_text = {}
    for (doc, text), value in links.items():
        by_text.setdefault(text, []).append(value)
    assert len(docs) == 3
    assert sorted(by_text["NRC"]) == sorted(
        [
            ("Norwegian Refugee Council", "document_context"),
            ("NRC", "exact_key"),  # two NRCs in the dataset: no corpus link
            ("Nuclear Regulatory Commission", "document_context"),
        ]
    )


@pytest.mark.parametrize(
    ("places", "expected"),
    [
        (["Baghdad"], "U.S. Embassy in Baghdad"),
        (["Baghdad", "Kyiv"], "U.S. Embassy"),  # two embassies fit: stays generic
        (["Paris"], "U.S. Embassy"),  # no listed embassy there
        ([], "U.S. Embassy"),
    ],
)
def test_generic_embassy_takes_the_place_its_article_names(places, expected):
    spans = [("a", place, "GPE") for place in places] + [("a", "the U.S. Embassy", "FAC")]
    links, _ = _links(spans)
    canonical, method = next(v for (doc, text), v in links.items() if text == "the U.S. Embassy")
    assert canonical == expected
    assert method == ("document_context" if expected != "U.S. Embassy" else "exact_key")


def test_acronym_links_across_the_dataset_when_one_organisation_fits():
    links, _ = _links([("a", "Norwegian Refugee Council", "ORG"), ("b", "NRC", "ORG"), ("b", "OPCW", "ORG")])
    values = {text: value for (_, text), value in links.items()}
    assert values["NRC"] == ("Norwegian Refugee Council", "corpus_context")
    assert values["OPCW"] == ("OPCW", "exact_key")  # no organisation has those initials
