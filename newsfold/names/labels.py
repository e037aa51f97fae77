"""Map spaCy entity labels to newsfold entity types (PER, ORG, LOC, MISC).

Resolution is type-gated: a name is compared only with names of the same
type, so "Sulaimani" the general never meets "Sulaymaniyah" the city. The
label is a vote, not the last word: ``votes.decide_article_labels`` gives
all mentions of one surface in an article one type (the registry's, else
the majority label's).

FAC maps to ORG. In news, FAC spans are overwhelmingly institutions named by
their building ("The White House said", "the US Embassy"), and spaCy labels
the same span FAC in one sentence and ORG in the next; one type keeps them
one entity. NORP maps to LOC when the word is a demonym of a country in the
registry ("Iranian" -> Iran) and to MISC otherwise; that choice is made by
the resolver, so here NORP is MISC.

Example:
    >>> map_label_to_type("PERSON"), map_label_to_type("GPE"), map_label_to_type("FAC")
    ('PER', 'LOC', 'ORG')
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["ENTITY_TYPES", "TEAM_LABEL", "map_label_to_type"]

ENTITY_TYPES = ("PER", "ORG", "LOC", "MISC")
#: The label of an organisation its article shows to be a sports team (``votes.find_team_names``): an organisation
#: that never crosses to a place of its name, as an ORG label does when only a place is listed ("U.S." said).
TEAM_LABEL = "TEAM"

_LABEL_TYPES = {
    "PERSON": "PER",
    "PER": "PER",
    "ORG": "ORG",
    "FAC": "ORG",
    TEAM_LABEL: "ORG",  # not spaCy's: a name its article prints as a team in a results line (``votes``)
    "GPE": "LOC",
    "LOC": "LOC",
    "NORP": "MISC",
    "MISC": "MISC",
}


@lru_cache(maxsize=1024)
def map_label_to_type(label: str | None) -> str:
    """The entity type for a spaCy label or a newsfold type.

    Args:
        label: A spaCy label (PERSON, ORG, GPE, ...) or PER/ORG/LOC/MISC;
            None or an unknown label gives MISC.

    Returns:
        One of ``ENTITY_TYPES``.
    """
    if label is None:
        return "MISC"
    return _LABEL_TYPES.get(label.strip().upper(), "MISC")
