"""The values the resolver passes between its steps: observations and links.

An :class:`Observation` is one spelling seen at one place (an entity mention,
or a quote speaker that no mention covers); a :class:`Link` says which
entity it belongs to, by which rule and with what confidence.

Example:
    >>> obs = make_observation("men_0000000000000001", "doc_0000000000000001", 0, 9, "Soleimani", "PERSON")
    >>> obs.form.key, display_name(obs)
    ('sulaimani', 'Soleimani')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newsfold.names.forms import NameForm, clean_surface, make_name_form
from newsfold.names.labels import map_label_to_type

__all__ = [
    "Observation",
    "Link",
    "EntityInfo",
    "make_observation",
    "display_name",
    "display_spelling",
    "clear_display_cache",
    "is_initialled_surname",
    "is_single_part",
]

_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Link:
    """Which entity an observation belongs to, and why.

    Attributes:
        entity_id: The entity.
        method: Rule that made the link (see docs/entities.md for the list).
        score: Confidence in [0, 1].
    """

    entity_id: str
    method: str
    score: float


@dataclass(frozen=True, slots=True)
class EntityInfo:
    """Descriptive columns of one entity (everything but the counts).

    Attributes:
        entity_id: Permanent id.
        canonical_name: Preferred name.
        entity_type: PER, ORG, LOC or MISC.
        wikidata_id: Wikidata item id or None.
        country: ISO alpha-2 code for places, else None.
        latitude: Latitude of a place, else None.
        longitude: Longitude of a place, else None.
        merged_ids: Ids that groups of spellings now linked here would carry
            on their own; an id issued before a merge stays findable here.
    """

    entity_id: str
    canonical_name: str
    entity_type: str
    wikidata_id: str | None = None
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    merged_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Observation:
    """One spelling of a name at one place in one article.

    Attributes:
        item_id: mention_id, or quote_id for a speaker no mention covers.
        doc_id: The article.
        start: Offset of the span (or -1 when unknown).
        end: Offset past the span (or -1 when unknown).
        text: The spelling as written.
        label: spaCy label (or PER/ORG/LOC, or None for an unlabelled speaker).
        form: The analysed name, typed by the label.
        is_speaker: True for a quote speaker rather than a mention.
        weight: Mentions the observation stands for (the same spelling and
            label repeated in one article is observed once).
        entity_type: ``form.entity_type``, the type from the label (a registry
            link may still retype NORP and ORG/LOC).
    """

    item_id: str
    doc_id: str
    start: int
    end: int
    text: str
    label: str | None
    form: NameForm
    is_speaker: bool = False
    weight: int = 1
    entity_type: str = "MISC"


def make_observation(
    item_id: str,
    doc_id: str,
    start: int | None,
    end: int | None,
    text: str,
    label: str | None,
    *,
    is_speaker: bool = False,
    weight: int = 1,
) -> Observation:
    """Build an observation, analysing its spelling as its label's type."""
    form = make_name_form(text, map_label_to_type(label))
    return Observation(
        item_id,
        doc_id,
        -1 if start is None else start,
        -1 if end is None else end,
        text,
        label,
        form,
        is_speaker,
        weight,
        form.entity_type,
    )


def display_name(obs: Observation) -> str:
    """The spelling as a reader would list it: trimmed, without "the" or titles.

    Example:
        >>> display_name(make_observation("q", "d", 0, 17, "General Sulaimani", "PERSON"))
        'Sulaimani'
    """
    return display_spelling(obs.text, obs.form)


def display_spelling(text: str, form: NameForm) -> str:
    """:func:`display_name` of a spelling analysed as ``form``, its spaces and line breaks written as one space.

    A hard-wrapped wire breaks a name across lines ("Alan" and "Greenspan" on two lines): the
    mention keeps the text as it stands, the entity lists the name as read.

    Example:
        >>> display_spelling("the Pentagon", make_name_form("the Pentagon", "ORG"))
        'Pentagon'
        >>> display_spelling("Alan\\nGreenspan", make_name_form("Alan\\nGreenspan", "PER"))
        'Alan Greenspan'
    """
    return _display(text, len(form.tokens) if form.has_title else 0)


def clear_display_cache() -> None:
    """Forget the display spellings worked out so far."""
    _display.cache_clear()


@lru_cache(maxsize=200_000)
def _display(text: str, kept_tokens: int) -> str:
    cleaned = _LEADING_THE.sub("", clean_surface(text)) or text
    words = cleaned.split()
    if kept_tokens and len(words) >= kept_tokens:
        return " ".join(words[len(words) - kept_tokens :])
    return " ".join(words) or cleaned


def is_single_part(form: NameForm) -> bool:
    """True for a name of one part ("Soleimani", "General Sulaimani")."""
    return len(form.core_keys or form.part_keys) == 1


def is_initialled_surname(form: NameForm) -> bool:
    """True for a person written as initials and a family name ("M. Atherton", "S Waugh", "J.-P. Raffarin").

    Such a name links, by spelling, to the one person of the dataset or the
    registry whose given name starts with the initial (`compare.py`); it never
    heads an entity others attach to, or "Mark" and "Michael" would meet through it.
    """
    return form.entity_type == "PER" and len(form.initials) >= 1 and len(form.core_keys) == 1
