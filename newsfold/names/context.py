"""Link bare surnames ("Soleimani", "General Sulaimani", "Mr. Trump") by context.

A one-part name says too little on its own. Two rules give it a referent:

* ``document_context`` (0.9): in the same article exactly one linked full
  person name ends with that part. The mention's spaCy label does not matter
  (spaCy tags a bare "Soleimani" GPE or NORP), unless the spelling is itself
  an exact registry name ("Jordan" the country stays the country).
* ``corpus_context`` (0.8): for person mentions still unlinked, exactly one
  person in the whole dataset or the registry has that surname.

Example:
    >>> from newsfold.names.observe import make_observation as m, Link
    >>> full = m("men_1", "doc_1", 0, 15, "Qasem Soleimani", "PERSON")
    >>> bare = m("men_2", "doc_1", 40, 49, "Soleimani", "GPE")
    >>> link_document_context([full, bare], {"men_1": Link("Q1149393", "registry_alias", 1.0)})
    {'men_2': Link(entity_id='Q1149393', method='document_context', score=0.9)}
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from newsfold.names.forms import make_name_form
from newsfold.names.match import EXACT_METHODS
from newsfold.names.observe import Link, Observation, is_single_part
from newsfold.names.registry import Registry

__all__ = ["link_document_context", "link_corpus_surnames", "DOCUMENT_CONTEXT_SCORE", "CORPUS_CONTEXT_SCORE"]

DOCUMENT_CONTEXT_SCORE = 0.9
CORPUS_CONTEXT_SCORE = 0.8
_KEEP = EXACT_METHODS | {"registry_alias_relabelled", "curated_merge"}


def _surname_key(obs: Observation) -> str | None:
    """The single name part of a bare-surname observation, else None."""
    return _surname_key_of(obs.text)


@lru_cache(maxsize=200_000)
def _surname_key_of(text: str) -> str | None:
    form = make_name_form(text, "PER")
    if not is_single_part(form) or form.initials:
        return None  # "A. Nazarbayev" names a given name we cannot check
    parts = form.core_keys or form.part_keys
    return parts[0] if parts and len(parts[0]) > 1 else None


def _full_name_surnames(observations: list[Observation], links: dict[str, Link]) -> dict[tuple[str, str], set[str]]:
    found: dict[tuple[str, str], set[str]] = defaultdict(set)
    for obs in observations:
        link = links.get(obs.item_id)
        if link is None or obs.entity_type != "PER" or len(obs.form.core_keys) < 2:
            continue
        found[(obs.doc_id, obs.form.core_keys[-1])].add(link.entity_id)
    return found


def link_document_context(observations: list[Observation], links: dict[str, Link]) -> dict[str, Link]:
    """Links for bare surnames that name exactly one full name in their article.

    Args:
        observations: Every observation of the dataset.
        links: Links so far (full names must already be linked).

    Returns:
        New links by item id (only for the observations they change).
    """
    surnames = _full_name_surnames(observations, links)
    new: dict[str, Link] = {}
    for obs in observations:
        current = links.get(obs.item_id)
        if current is not None and current.method in _KEEP:
            continue
        key = _surname_key(obs)
        if key is None:
            continue
        candidates = surnames.get((obs.doc_id, key), set())
        if len(candidates) == 1:
            new[obs.item_id] = Link(next(iter(candidates)), "document_context", DOCUMENT_CONTEXT_SCORE)
    return new


def link_corpus_surnames(
    observations: list[Observation], links: dict[str, Link], registry: Registry
) -> dict[str, Link]:
    """Links for unlinked bare person surnames with one candidate corpus-wide.

    Args:
        observations: Every observation of the dataset.
        links: Links so far.
        registry: The reference registry (its persons are candidates too).

    Returns:
        New links by item id.
    """
    dataset: dict[str, set[str]] = defaultdict(set)
    for (_, key), ids in _full_name_surnames(observations, links).items():
        dataset[key] |= ids
    new: dict[str, Link] = {}
    for obs in observations:
        if obs.item_id in links or obs.entity_type != "PER":
            continue
        key = _surname_key(obs)
        if key is None:
            continue
        candidates = dataset.get(key, set()) | set(registry.surname_index.get(key, ()))
        if len(candidates) == 1:
            new[obs.item_id] = Link(next(iter(candidates)), "corpus_context", CORPUS_CONTEXT_SCORE)
    return new
