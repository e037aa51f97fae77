"""Bare surnames linked by their article or by the whole corpus."""

from __future__ import annotations

import pytest

from newsfold.names.context import are_surnames_spelt_alike, link_corpus_surnames, link_document_context
from newsfold.names.observe import Link, make_observation
from newsfold.names.registry import load_registry


def _obs(item, doc, text, label):
    return make_observation(item, doc, 0, len(text), text, label)


@pytest.mark.parametrize(
    ("bare", "label", "others", "expected"),
    [
        ("Soleimani", "GPE", [("Qasem Soleimani", "Q1149393")], "Q1149393"),
        ("Soleimani", "NORP", [("Qasem Soleimani", "Q1149393")], "Q1149393"),
        ("General Sulaimani", "PERSON", [("Qasim Suleimani", "Q1149393")], "Q1149393"),
        ("Mr. Trump", "PERSON", [("Donald Trump", "Q22686")], "Q22686"),
        ("Bush", "PERSON", [("George W. Bush", "Q207"), ("George H. W. Bush", "Q23505")], None),  # two candidates
        ("Pompeo", "PERSON", [("Donald Trump", "Q22686")], None),  # no candidate
        ("A. Trump", "PERSON", [("Donald Trump", "Q22686")], None),  # an initial we cannot check
    ],
)
def test_link_document_context(bare, label, others, expected):
    observations = [_obs(f"men_{i}", "doc_1", text, "PERSON") for i, (text, _) in enumerate(others)]
    links = {f"men_{i}": Link(entity, "registry_alias", 1.0) for i, (_, entity) in enumerate(others)}
    observations.append(_obs("men_bare", "doc_1", bare, label))
    new = link_document_context(observations, links)
    assert new.get("men_bare", Link("", "", 0)).entity_id == (expected or "")


def test_link_document_context_stays_in_its_article():
    observations = [_obs("men_1", "doc_1", "Qasem Soleimani", "PERSON"), _obs("men_2", "doc_2", "Soleimani", "GPE")]
    assert link_document_context(observations, {"men_1": Link("Q1149393", "registry_alias", 1.0)}) == {}


def test_link_document_context_keeps_exact_registry_names():
    # "Jordan" the country stays the country even next to "Michael Jordan".
    observations = [_obs("men_1", "doc_1", "Michael Jordan", "PERSON"), _obs("men_2", "doc_1", "Jordan", "GPE")]
    links = {"men_1": Link("ent_0000000000000001", "exact_key", 1.0), "men_2": Link("Q810", "registry_alias", 1.0)}
    assert link_document_context(observations, links) == {}


@pytest.mark.parametrize(
    ("bare", "full", "expected"),
    [
        ("Trump", [], "Q22686"),  # one registry person named Trump
        ("Bush", [], None),  # two registry Bushes
        ("Vahidi", [("Ahmad Vahidi", "ent_00000000000000aa")], "ent_00000000000000aa"),
        ("Vahidi", [("Ahmad Vahidi", "ent_00000000000000aa"), ("Reza Vahidi", "ent_00000000000000bb")], None),
    ],
)
def test_link_corpus_surnames_needs_exactly_one_candidate(bare, full, expected):
    observations = [_obs(f"men_{i}", f"doc_{i}", text, "PERSON") for i, (text, _) in enumerate(full)]
    links = {f"men_{i}": Link(entity, "exact_key", 1.0) for i, (_, entity) in enumerate(full)}
    observations.append(_obs("men_bare", "doc_bare", bare, "PERSON"))
    new = link_corpus_surnames(observations, links, load_registry())
    assert (new["men_bare"].entity_id if "men_bare" in new else None) == expected


def test_link_corpus_surnames_ignores_quiet_relatives():
    # Ivanka Trump is named in full somewhere, yet a bare "Trump" still means Donald Trump.
    registry = load_registry()
    ivanka = registry.alias_index[("PER", "ivanka trump")][0]
    observations = [_obs("men_1", "doc_1", "Ivanka Trump", "PERSON"), _obs("men_2", "doc_2", "Trump", "PERSON")]
    new = link_corpus_surnames(observations, {"men_1": Link(ivanka, "registry_alias", 1.0)}, registry)
    assert new["men_2"].entity_id == "Q22686"


@pytest.mark.parametrize(
    ("bare", "surnames", "expected"),
    [
        ("sulaimani", ["soleimani"], True),  # two edits in a long name: a transliteration
        ("suleimani", ["soleimani", "sulaimani"], True),
        ("putin", ["putin"], True),
        ("asad", ["assad"], True),  # one edit in a short name
        ("pootin", ["putin"], False),  # two edits in a short name
        ("путин", ["putin"], True),  # another script, read in Latin letters
        ("سليماني", ["soleimani"], True),  # another script, a rigour name symbol shared
        ("drake", ["draghi"], False),  # alike by key only: a team is not Mario Draghi
        ("riot", ["rait"], False),  # two edits in a short name
        ("sikh", ["seck"], False),
        ("jimmy", ["james"], False),
        ("trump", [], False),  # no surname to compare with
    ],
)
def test_are_surnames_spelt_alike(bare, surnames, expected):
    assert are_surnames_spelt_alike(bare, surnames) is expected
