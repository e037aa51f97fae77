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
