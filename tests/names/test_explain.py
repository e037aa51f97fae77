"""Explaining one name."""

from __future__ import annotations

import polars as pl
import pytest

from newsfold.names.curation import parse_curation
from newsfold.names.explain import explain_name
from newsfold.names.resolve import resolve_entities
from tests.names.conftest import build_documents, build_mentions


@pytest.mark.parametrize(
    ("name", "label", "entity_id", "method", "entity_type"),
    [
        ("Qasem Soleimani", "PER", "Q1149393", "registry_alias", "PER"),
        ("Ghasem Soleymani", None, "Q1149393", "registry_key", "PER"),
        ("General Sulaimani", "PER", "Q1149393", "corpus_context", "PER"),
        ("Americans", None, "Q30", "registry_demonym", "LOC"),
        ("U.S.", "ORG", "Q30", "registry_alias_relabelled", "LOC"),
        ("IRGC", None, None, "registry_alias", "ORG"),
        ("Bush", "PER", None, "exact_key", "PER"),
        ("Zzyzx Qwerty", None, None, "exact_key", "PER"),
    ],
)
def test_explain_name_says_rule_and_entity(name, label, entity_id, method, entity_type):
    result = explain_name(name, label)
    assert (result.method, result.entity_type) == (method, entity_type)
    if entity_id is not None:
        assert result.entity_id == entity_id


def test_explain_name_lists_vetoed_runners_up():
    result = explain_name("Kim Jong Un", "PER")
    assert result.canonical_name == "Kim Jong Un"
    assert any(c.canonical_name == "Kim Jong Il" and c.veto for c in result.runners_up)
    assert all(c.entity_id != result.entity_id for c in result.runners_up)


def test_explain_name_consults_observed_aliases():
    mentions = build_mentions([("a", "Ahmad Vahidi", "PERSON"), ("b", "Ahmed Vahidi", "PERSON")])
    entities = resolve_entities(mentions, build_documents(mentions)).entities
    result = explain_name("Ahmed Vahidi", entities=entities)
    assert result.entity_id == entities["entity_id"][0]
    assert result.note == "observed in the dataset under this spelling"
    assert isinstance(entities, pl.DataFrame)


def test_explain_name_applies_curation():
    curation = parse_curation("rename:\n  - entity: Q1149393\n    canonical_name: Haj Qasem\n", "c.yml")
    assert explain_name("Qasim Suleimani", "PER", curation=curation).canonical_name == "Haj Qasem"


# (name, dataset spans or None, canonical name or None, method)
TITLED = [
    ("President Trump", None, "Donald Trump", "corpus_context"),
    ("Mr. Pompeo", None, "Mike Pompeo", "corpus_context"),
    ("Secretary Pompeo", None, "Mike Pompeo", "corpus_context"),
    ("Chairman Powell", None, "Jerome Powell", "corpus_context"),
    ("President Bush", None, None, "exact_key"),  # several Bushes
    ("Khamenei", None, None, "exact_key"),  # Ali and Mojtaba
    # the dataset's persons count too
    ("General Vahidi", [("a", "Ahmad Vahidi", "PERSON")], "Ahmad Vahidi", "corpus_context"),
    ("Vahidi", [("a", "Ahmad Vahidi", "PERSON")], "Ahmad Vahidi", "corpus_context"),
    ("Vahidi", [("a", "Ahmad Vahidi", "PERSON"), ("b", "Reza Vahidi", "PERSON")], None, "exact_key"),
    ("President Trump", [("a", "Fred Trump", "PERSON")], None, "exact_key"),
    ("Trump", [("a", "Ivanka Trump", "PERSON")], "Donald Trump", "corpus_context"),  # bare_surname: false
]


@pytest.mark.parametrize(("name", "spans", "canonical", "method"), TITLED)
def test_explain_name_links_a_title_or_bare_surname_with_one_candidate(name, spans, canonical, method):
    entities = None
    if spans is not None:
        mentions = build_mentions(spans)
        entities = resolve_entities(mentions, build_documents(mentions)).entities
    result = explain_name(name, "PER", entities=entities)
    assert result.method == method
    if canonical is None:
        assert result.score == 1.0 and result.note is not None
    else:
        assert (result.canonical_name, result.score) == (canonical, 0.8)
