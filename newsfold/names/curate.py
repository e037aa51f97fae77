"""Apply a :class:`~newsfold.names.curation.Curation` to resolved links.

Runs after the automatic cascade, in this order: split, merge, never-merge,
rename. Every observation a rule moves is relinked with method
``curated_split``, ``curated_merge`` or ``curated_never_merge`` (score 1.0),
so the rewritten rows say why they changed.

Example:
    >>> from newsfold.names.curation import Curation, SplitRule
    >>> from newsfold.names.observe import make_observation, Link, EntityInfo
    >>> obs = [make_observation("men_1", "doc_1", 0, 9, "Soleimani", "PERSON")]
    >>> links, infos = apply_curation(Curation(splits=(SplitRule("Soleimani"),)), obs,
    ...     {"men_1": Link("Q1149393", "document_context", 0.9)}, {})
    >>> links["men_1"].method, infos[links["men_1"].entity_id].canonical_name
    ('curated_split', 'Soleimani')
"""

from __future__ import annotations

from dataclasses import replace

from newsfold.names.curation import Curation, is_entity_id
from newsfold.names.fold import fold_text
from newsfold.names.link import link_spelling
from newsfold.names.observe import EntityInfo, Link, Observation, display_name
from newsfold.names.registry import load_registry, make_entity_id

__all__ = ["apply_curation", "resolve_reference"]


def _spelling(obs: Observation) -> str:
    return obs.form.alias_key


def _fold_name(name: str) -> str:
    tokens = fold_text(name).split()
    return " ".join(tokens[1:] if len(tokens) > 1 and tokens[0] == "the" else tokens)


def registry_info(entity_id: str) -> EntityInfo | None:
    """The :class:`EntityInfo` of a registry entity, or None if not listed."""
    entry = load_registry().entries.get(entity_id)
    if entry is None:
        return None
    # An entry that gained a Wikidata id keeps the ids it carried before findable.
    former = tuple(sorted(set(getattr(entry, "former_ids", ())) - {entry.entity_id}))
    return EntityInfo(
        entry.entity_id,
        entry.canonical_name,
        entry.entity_type,
        entry.wikidata_id,
        entry.country,
        entry.latitude,
        entry.longitude,
        former,
    )


def resolve_reference(reference: str, infos: dict[str, EntityInfo]) -> str | None:
    """Turn a curation reference (entity id or name) into an entity id.

    Args:
        reference: ``Q...``/``ent_...`` id, or a name.
        infos: Entities known to this run.

    Returns:
        The entity id, or None when a name matches nothing.
    """
    if is_entity_id(reference):
        return reference
    folded = _fold_name(reference)
    for entity_id in sorted(infos):
        if _fold_name(infos[entity_id].canonical_name) == folded:
            return entity_id
    for label in ("PER", "ORG", "LOC"):
        link = link_spelling(reference, label)
        if link is not None and link.method in ("registry_alias", "registry_key"):
            return link.entity_id
    return None


def apply_curation(
    curation: Curation, observations: list[Observation], links: dict[str, Link], infos: dict[str, EntityInfo]
) -> tuple[dict[str, Link], dict[str, EntityInfo]]:
    """Rewrite links and entities as the curation file says.

    Args:
        curation: The rules.
        observations: Every observation.
        links: Links by item id (not modified).
        infos: Entities by id (not modified).

    Returns:
        New links and entities.
    """
    links, infos = dict(links), dict(infos)
    for rule in curation.splits:
        folded = _fold_name(rule.name)
        for obs in observations:
            if _spelling(obs) == folded and rule.entity_type in (None, obs.entity_type):
                _move_out(obs, links, infos, "curated_split")
    for merge in curation.merges:
        target = resolve_reference(merge.into, infos)
        if target is None:
            target = make_entity_id("MISC", f"curated:{_fold_name(merge.into)}")
            infos.setdefault(target, EntityInfo(target, merge.into, "MISC"))
        names = {_fold_name(n) for n in merge.names}
        sources = set(merge.entities)
        moved_from: set[str] = set()
        for obs in observations:
            current = links.get(obs.item_id)
            if _spelling(obs) in names or (current is not None and current.entity_id in sources):
                if current is not None:
                    moved_from.add(current.entity_id)
                links[obs.item_id] = Link(target, "curated_merge", 1.0)
        if target not in infos:
            info = registry_info(target)
            infos[target] = info or EntityInfo(target, merge.into, "MISC")
        _keep_merged_ids(target, (sources | moved_from) - {target}, links, infos)
    for first, second in curation.never_merge:
        a, b = _fold_name(first), _fold_name(second)
        a_entities = {links[o.item_id].entity_id for o in observations if _spelling(o) == a and o.item_id in links}
        for obs in observations:
            if _spelling(obs) == b and links.get(obs.item_id) and links[obs.item_id].entity_id in a_entities:
                _move_out(obs, links, infos, "curated_never_merge")
    for rename in curation.renames:
        target = resolve_reference(rename.entity, infos)
        if target in infos:
            infos[target] = replace(infos[target], canonical_name=rename.canonical_name)
    return links, infos


def _keep_merged_ids(target: str, folded: set[str], links: dict[str, Link], infos: dict[str, EntityInfo]) -> None:
    """List in the target's ``merged_ids`` the entities a merge emptied (and the ones it names).

    An entity the merge names, or one left without any observation, is
    gone from the table; its id, and the ids it had absorbed, stay findable
    on the target.
    """
    remaining = {link.entity_id for link in links.values()}
    gone = {e for e in folded if e not in remaining}
    kept = set(infos[target].merged_ids)
    for entity_id in sorted(gone):
        kept.add(entity_id)
        if entity_id in infos:
            kept.update(infos[entity_id].merged_ids)
    kept.discard(target)
    infos[target] = replace(infos[target], merged_ids=tuple(sorted(kept)))


def _move_out(obs: Observation, links: dict[str, Link], infos: dict[str, EntityInfo], method: str) -> None:
    entity_id = make_entity_id(obs.entity_type, f"split:{_spelling(obs)}")
    links[obs.item_id] = Link(entity_id, method, 1.0)
    infos.setdefault(entity_id, EntityInfo(entity_id, display_name(obs), obs.entity_type))
