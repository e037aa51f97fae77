"""Registry links under spaCy labels (NORP demonyms, ORG/LOC relabelling)."""

from __future__ import annotations

import pytest

from newsfold.names.link import link_spelling


@pytest.mark.parametrize(
    ("text", "label", "entity_id", "method"),
    [
        ("Americans", "NORP", "Q30", "registry_demonym"),
        ("Iranian", "NORP", "Q794", "registry_demonym"),
        ("Iran", "NORP", "Q794", "registry_alias_relabelled"),
        ("U.S.", "ORG", "Q30", "registry_alias_relabelled"),
        ("U.S.", "GPE", "Q30", "registry_alias"),
        ("NATO", "GPE", "Q7184", "registry_alias_relabelled"),
        ("Shiite", "NORP", None, None),
        ("Twitter", "PERSON", None, None),  # persons never cross types
        ("Hurricane Katrina", "EVENT", None, None),
    ],
)
def test_link_spelling(text, label, entity_id, method):
    link = link_spelling(text, label)
    if entity_id is None:
        assert link is None
    else:
        assert (link.entity_id, link.method) == (entity_id, method)
