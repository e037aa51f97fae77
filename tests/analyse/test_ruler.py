"""The registry-fed entity ruler: which aliases become patterns, which matches become entities."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfold.analyse.ruler import (
    RULER_NAME,
    add_registry_ruler,
    is_bounded,
    is_pattern_alias,
    make_registry_patterns,
)
from newsfold.names.entries import RegistryEntry


ENTRIES = [
    RegistryEntry("Q1", "Kirkuk", "LOC", "Q1", ("Kirkuk", "Kerkuk", "ji er ku ke"), "city"),
    RegistryEntry("Q2", "Arbil", "LOC", "Q2", ("Arbil", "Erbil"), "city"),
    RegistryEntry("Q3", "United Nations", "ORG", "Q3", ("United Nations", "UN", "the UN"), "curated"),
    RegistryEntry("Q4", "Qasem Soleimani", "PER", "Q4", ("Qasem Soleimani", "Soleimani"), "curated"),
    RegistryEntry("Q5", "Georgia", "LOC", "Q5", ("Georgia",), "country"),
    RegistryEntry("Q6", "Georgia Smith", "PER", "Q6", ("Georgia Smith", "Georgia"), "curated"),
    RegistryEntry("Q7", "Tripoli", "LOC", "Q7", ("Tripoli",), "capital"),
    RegistryEntry("Q8", "Tripoli (Lebanon)", "LOC", "Q8", ("Tripoli",), "city", population=2),
    RegistryEntry("Q9", "Springfield, Illinois", "LOC", "Q9", ("Springfield",), "city", population=100),
    RegistryEntry("Q10", "Springfield, Missouri", "LOC", "Q10", ("Springfield",), "city", population=150),
]


@pytest.fixture(scope="module")
def patterns():
    return make_registry_patterns(ENTRIES)


@pytest.fixture(scope="module")
def nlp(patterns):
    nlp = spacy.blank("en")
    add_registry_ruler(nlp, patterns)
    return nlp


@pytest.mark.parametrize(
    ("alias", "expected"),
    [
        ("Kirkuk", True),
        ("UN", True),
        ("Army of the Guardians", True),
        ("the UN", False),  # "the" is outside the name's span
        ("ji er ku ke", False),  # romanised spelling in lower case
        ("X", False),  # too short to be safe
        ("  Erbil ", True),
    ],
)
def test_ruler_is_pattern_alias(alias, expected):
    assert is_pattern_alias(alias) is expected


@pytest.mark.parametrize(
    ("alias", "expected"),
    [
        ("Kirkuk", {"label": "GPE", "pattern": "Kirkuk", "id": "Q1"}),
        ("Erbil", {"label": "GPE", "pattern": "Erbil", "id": "Q2"}),
        ("UN", {"label": "ORG", "pattern": "UN", "id": "Q3"}),
        ("Soleimani", {"label": "PERSON", "pattern": "Soleimani", "id": "Q4"}),
        ("Tripoli", {"label": "GPE", "pattern": "Tripoli", "id": "Q7"}),  # a capital outranks a city
        ("Springfield", {"label": "GPE", "pattern": "Springfield", "id": "Q10"}),  # then the larger city
        ("Georgia", None),  # a place and a person: left to the model
        ("the UN", None),
        ("ji er ku ke", None),
    ],
)
def test_ruler_make_registry_patterns(patterns, alias, expected):
    found = [p for p in patterns if p["pattern"] == alias]
    assert found == ([expected] if expected else [])


def test_ruler_patterns_are_sorted_and_unique(patterns):
    aliases = [p["pattern"] for p in patterns]
    assert aliases == sorted(set(aliases))


@given(st.permutations(ENTRIES))
@settings(max_examples=25, deadline=None)
def test_ruler_patterns_ignore_entry_order(entries):
    assert make_registry_patterns(entries) == make_registry_patterns(ENTRIES)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Troops left Kirkuk on Friday .", [("Kirkuk", "GPE", "Q1")]),
        ("Kirkuk fell .", [("Kirkuk", "GPE", "Q1")]),  # a capitalised word before is fine at sentence start
        (
            "The UN said Soleimani was in Erbil .",
            [("UN", "ORG", "Q3"), ("Soleimani", "PERSON", "Q4"), ("Erbil", "GPE", "Q2")],
        ),
        ("He met Qasem Soleimani .", [("Qasem Soleimani", "PERSON", "Q4")]),  # longest match wins
        ("The Kirkuk Oil Company grew .", []),  # part of a longer name: left to the model
        ("He met Ali Soleimani .", []),
        ("UN officials went to kirkuk and Georgia .", [("UN", "ORG", "Q3")]),  # case-sensitive; ambiguous alias
    ],
)
def test_ruler_sets_bounded_matches(nlp, text, expected):
    doc = nlp(text)
    assert [(e.text, e.label_, e.ent_id_) for e in doc.ents] == expected


def test_ruler_keeps_entities_already_set(patterns):
    nlp = spacy.blank("en")

    @spacy.Language.component("test_preset_ents")
    def preset(doc):
        doc.ents = [spacy.tokens.Span(doc, 0, 1, label="ORG")]
        return doc

    nlp.add_pipe("test_preset_ents")
    add_registry_ruler(nlp, patterns, after="test_preset_ents")
    doc = nlp("Kirkuk Oil said prices rose in Erbil .")
    assert [(e.text, e.label_) for e in doc.ents] == [("Kirkuk", "ORG"), ("Erbil", "GPE")]
    assert nlp.pipe_names == ["test_preset_ents", RULER_NAME]


def test_ruler_same_entities_whatever_the_batch(nlp):
    texts = ["Troops left Kirkuk .", "The UN met .", "Erbil and Kerkuk ."]
    one_by_one = [[(e.start, e.end, e.label_, e.ent_id_) for e in nlp(t).ents] for t in texts]
    batched = [[(e.start, e.end, e.label_, e.ent_id_) for e in d.ents] for d in nlp.pipe(texts, batch_size=2)]
    assert one_by_one == batched


@pytest.mark.parametrize(
    ("words", "start", "end", "expected"),
    [
        (["He", "won", "the", "U.S.", "Open"], 3, 4, False),
        (["in", "New", "York", "."], 1, 3, True),
        (["Chicago", "Cubs", "won"], 0, 1, False),
        (["Chicago", "won"], 0, 1, True),
        (["at", "Leicestershire", "County"], 2, 3, False),
        (["in", "CHICAGO", "IS"], 1, 2, False),
        (["in", "Paris", "\n", "Rain"], 1, 2, True),
    ],
)
def test_ruler_is_bounded(words, start, end, expected):
    doc = spacy.tokens.Doc(spacy.blank("en").vocab, words=words)
    assert is_bounded(doc, start, end) is expected
