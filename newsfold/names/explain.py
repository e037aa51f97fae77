"""Explain which entity a single name resolves to, by which rule, and why not others.

Backs ``newsfold entities NAME``. Without a dataset it runs the registry
cascade on the name alone; with the dataset's ``entities`` table it first
looks for the spelling among the observed aliases (what the last run did).

Example:
    >>> result = explain_name("Ghasem Soleymani", "PER")
    >>> result.canonical_name, result.method, result.score
    ('Qasem Soleimani', 'registry_key', 0.97)
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from newsfold.names.cluster import observed_key
from newsfold.names.context import CORPUS_CONTEXT_SCORE, surname_key
from newsfold.names.curate import apply_curation, registry_info
from newsfold.names.curation import Curation
from newsfold.names.fold import fold_text
from newsfold.names.forms import family_part, make_name_form
from newsfold.names.labels import map_label_to_type
from newsfold.names.link import link_spelling
from newsfold.names.match import Candidate, match_registry
from newsfold.names.observe import EntityInfo, Link, is_single_part, make_observation
from newsfold.names.registry import load_registry, make_entity_id

__all__ = ["NameExplanation", "explain_name"]

_TRY_LABELS = ("PERSON", "ORG", "GPE", "NORP")


@dataclass(frozen=True)
class NameExplanation:
    """How one name resolves.

    Attributes:
        name: The name asked about.
        entity_type: Type it was resolved as (PER, ORG, LOC, MISC).
        entity_id: The entity it resolves to.
        canonical_name: That entity's preferred name.
        method: The rule that decided (a resolution method).
        score: Confidence of the link.
        key: The name's transliteration-aware key.
        runners_up: Other candidates, with their scores and vetoes.
        note: A sentence of explanation when the rule needs one.
    """

    name: str
    entity_type: str
    entity_id: str
    canonical_name: str
    method: str
    score: float
    key: str
    runners_up: tuple[Candidate, ...] = ()
    note: str | None = None


def explain_name(
    name: str, label: str | None = None, *, entities: pl.DataFrame | None = None, curation: Curation | None = None
) -> NameExplanation:
    """Resolve one name and say why.

    Args:
        name: The name, as written.
        label: PER/ORG/LOC/MISC or a spaCy label; None tries each type.
        entities: A dataset's ``entities`` table: its observed aliases win.
        curation: Curation rules to apply to the answer.

    Returns:
        A :class:`NameExplanation`.
    """
    labels = (label,) if label else _TRY_LABELS
    chosen_label, link = labels[0], None
    for candidate_label in labels:
        link = link_spelling(name, candidate_label)
        if link is not None:
            chosen_label = candidate_label
            break
    entity_type = map_label_to_type(chosen_label)
    form = make_name_form(name, entity_type)
    note = None
    info: EntityInfo | None = registry_info(link.entity_id) if link else None
    if entities is not None and entities.height:
        observed = _find_observed(name, entities, entity_type if label else None)
        if observed is not None:
            link, info = observed
            note = "observed in the dataset under this spelling"
    surname = surname_key(name) if entity_type == "PER" else None
    if link is None and surname is not None:
        candidates = _surname_candidates(surname, entities)
        if len(candidates) == 1:
            entity_id, candidate = next(iter(candidates.items()))
            link, info = Link(entity_id, "corpus_context", CORPUS_CONTEXT_SCORE), candidate
            where = "registry or dataset" if entities is not None else "registry"
            note = f"{'title and ' if form.has_title else ''}bare surname: the only {where} person with it"
        elif candidates:
            note = (
                "bare surname shared by several persons: linked only by the article's context,"
                " or to the one the dataset names in full far more often"
            )
    if link is None or info is None:
        entity_id = make_entity_id(entity_type, observed_key(form, name))
        link, info = Link(entity_id, "exact_key", 1.0), EntityInfo(entity_id, name.strip(), entity_type)
        note = note or "not in the registry: the name is an entity of its own (its key gives its id)"
    if curation is not None:
        obs = make_observation("explain", "explain", None, None, name, chosen_label)
        links, infos = apply_curation(curation, [obs], {"explain": link}, {info.entity_id: info})
        link = links["explain"]
        info = infos.get(link.entity_id) or registry_info(link.entity_id) or info
    candidates = match_registry(form, limit=6)
    runners_up = tuple(c for c in candidates if c.entity_id != link.entity_id)[:5]
    return NameExplanation(
        name=name,
        entity_type=info.entity_type,
        entity_id=link.entity_id,
        canonical_name=info.canonical_name,
        method=link.method,
        score=link.score,
        key=form.key,
        runners_up=runners_up,
        note=note,
    )


def _surname_candidates(surname: str, entities: pl.DataFrame | None) -> dict[str, EntityInfo]:
    """The persons a bare surname may name: registry persons, and the dataset's persons named in full.

    A registry person marked ``bare_surname: false`` is never a candidate.
    """
    registry = load_registry()
    found: dict[str, EntityInfo] = {}
    for entity_id in registry.surname_index.get(surname, ()):
        info = registry_info(entity_id)
        if info is not None:
            found[entity_id] = info
    if entities is None or not entities.height:
        return found
    people = (
        entities.filter(pl.col("entity_type") == "PER")
        .select("entity_id", "canonical_name", "wikidata_id", "aliases")
        .explode("aliases")
        .unnest("aliases")
    )
    for entity_id, canonical_name, wikidata_id, alias in people.select(
        "entity_id", "canonical_name", "wikidata_id", "name"
    ).iter_rows():
        entry = registry.entries.get(entity_id)
        if entity_id in found or alias is None or (entry is not None and not entry.bare_surname):
            continue
        if family_part(make_name_form(alias, "PER")) == surname:
            found[entity_id] = registry_info(entity_id) or EntityInfo(entity_id, canonical_name, "PER", wikidata_id)
    return found


def _find_observed(name: str, entities: pl.DataFrame, entity_type: str | None) -> tuple[Link, EntityInfo] | None:
    folded = fold_text(name)
    exploded = (
        entities.select(
            "entity_id", "canonical_name", "entity_type", "wikidata_id", "country", "latitude", "longitude", "aliases"
        )
        .explode("aliases")
        .unnest("aliases")
    )
    hits = exploded.filter(pl.col("name").map_elements(fold_text, return_dtype=pl.String) == folded)
    if entity_type is not None:
        hits = hits.filter(pl.col("entity_type") == entity_type)
    if not hits.height:
        return None
    row = hits.sort(["count", "entity_id"], descending=[True, False]).row(0, named=True)
    info = EntityInfo(
        row["entity_id"],
        row["canonical_name"],
        row["entity_type"],
        row["wikidata_id"],
        row["country"],
        row["latitude"],
        row["longitude"],
    )
    return Link(row["entity_id"], row["method"], row["score"]), info
