"""spaCy labels to entity types."""

from __future__ import annotations

import pytest

from newsfold.names.labels import map_label_to_type


@pytest.mark.parametrize(
    ("label", "entity_type"),
    [
        ("PERSON", "PER"),
        ("ORG", "ORG"),
        ("FAC", "ORG"),
        ("GPE", "LOC"),
        ("LOC", "LOC"),
        ("NORP", "MISC"),
        ("EVENT", "MISC"),
        ("LAW", "MISC"),
        ("per", "PER"),
        (None, "MISC"),
        ("BOGUS", "MISC"),
    ],
)
def test_map_label_to_type(label, entity_type):
    assert map_label_to_type(label) == entity_type
