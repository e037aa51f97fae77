"""Group spellings the registry does not know into observed entities.

Spellings with equal transliteration keys form one group (``exact_key``).
Groups are then attached *star-shaped*: in a fixed order (most observations
first, then key), each multi-part group either attaches to an earlier head
group it matches fuzzily (``fuzzy_key``, vetoes apply) or becomes a head
itself. Heads never attach to anything, so there are no chains of fuzzy
matches (A~B, B~C, so A=C) without an exact key at the centre.

Example:
    >>> from newsfold.names.observe import make_observation as m
    >>> links, infos = cluster_observations([
    ...     m("men_1", "doc_1", 0, 17, "Mikhail Gorbachev", "PERSON"),
    ...     m("men_2", "doc_2", 0, 17, "Mikhail Gorbachev", "PERSON"),
    ...     m("men_3", "doc_3", 0, 17, "Mikhail Gorbachov", "PERSON")])
    >>> links["men_3"].method, links["men_3"].entity_id == links["men_1"].entity_id
    ('fuzzy_key', True)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from typing import NamedTuple

from newsfold.names.compare import FUZZY_THRESHOLD, compare_names, could_match
from newsfold.names.forms import NameForm
from newsfold.names.match import AMBIGUITY_MARGIN
from newsfold.names.observe import EntityInfo, Link, Observation, display_name, is_single_part
from newsfold.names.registry import make_entity_id

__all__ = ["Sighting", "cluster_sightings", "cluster_observations", "observed_key"]


class Sighting(NamedTuple):
    """A spelling as the dataset saw it: the unit the clustering works on.

    Attributes:
        form: The analysed spelling (its type gates the grouping).
        text: The spelling as written.
        display: The spelling as a reader would list it (``display_name``).
        weight: How many observations it stands for.
    """

    form: NameForm
    text: str
    display: str
    weight: int


def observed_key(form: NameForm, text: str) -> str:
    """The grouping key of a spelling: its transliteration key, never empty."""
    return form.key or text.strip().casefold() or "?"


def cluster_observations(observations: list[Observation]) -> tuple[dict[str, Link], dict[str, EntityInfo]]:
    """Link registry-less observations to observed entities.

    Args:
        observations: Observations no registry or context rule linked.

    Returns:
        Links by item id, and the new entities by id.
    """
    sightings = [Sighting(o.form, o.text, display_name(o), o.weight) for o in observations]
    links, infos = cluster_sightings(sightings)
    return {obs.item_id: link for obs, link in zip(observations, links)}, infos


def cluster_sightings(sightings: Sequence[Sighting]) -> tuple[list[Link], dict[str, EntityInfo]]:
    """Group sightings by key and attach the groups star-shaped.

    The resolver passes one sighting per distinct spelling, weighted by its
    observations, so the work grows with the spellings, not the mentions.

    Args:
        sightings: In the order they were first observed (the first sighting
            of a group stands for it in fuzzy comparisons).

    Returns:
        One link per sighting (same order), and the new entities by id.

    Example:
        >>> from newsfold.names.forms import make_name_form as f
        >>> links, _ = cluster_sightings([Sighting(f("Ahmad Vahidi", "PER"), "Ahmad Vahidi", "Ahmad Vahidi", 2),
        ...     Sighting(f("Ahmed Vahidi", "PER"), "Ahmed Vahidi", "Ahmed Vahidi", 1)])
        >>> links[0] == links[1], links[1].method
        (True, 'exact_key')
    """
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, sighting in enumerate(sightings):
        groups[(sighting.form.entity_type, observed_key(sighting.form, sighting.text))].append(index)
    weights = {g: sum(sightings[i].weight for i in members) for g, members in groups.items()}
    order = sorted(groups, key=lambda g: (-weights[g], g))
    heads: dict[tuple[str, ...], list[tuple[NameForm, str]]] = defaultdict(list)
    links: list[Link] = [Link("", "", 0.0)] * len(sightings)
    infos: dict[str, EntityInfo] = {}
    for group_key in order:
        members = groups[group_key]
        entity_type, key = group_key
        form = sightings[members[0]].form
        attached = _attach(form, heads) if entity_type != "MISC" and not is_single_part(form) else None
        if attached is not None:
            link = Link(attached[0], "fuzzy_key", attached[1])
            # The group's own id was (or would be) issued when it stood alone; keep it findable.
            head = infos[attached[0]]
            own_id = make_entity_id(entity_type, key)
            infos[attached[0]] = replace(head, merged_ids=tuple(sorted({*head.merged_ids, own_id})))
        else:
            entity_id = make_entity_id(entity_type, key)
            link = Link(entity_id, "exact_key", 1.0)
            infos[entity_id] = EntityInfo(entity_id, _pick_canonical([sightings[i] for i in members]), entity_type)
            heads[_block(form)].append((form, entity_id))
        for index in members:
            links[index] = link
    return links, infos


def _block(form: NameForm) -> tuple[str, ...]:
    """Heads a group is compared with share this block.

    Fuzzy links need the first and last parts to agree closely, so names are
    blocked on their first letters: comparing every pair would be quadratic.
    """
    parts = form.core_keys or form.part_keys or ("",)
    if form.entity_type == "PER":
        return (form.entity_type, parts[0][:2], parts[-1][:3])
    return (form.entity_type, str(len(parts)), parts[0][:3], parts[-1][:3])


def _attach(form: NameForm, heads: dict[tuple[str, ...], list[tuple[NameForm, str]]]) -> tuple[str, float] | None:
    scores: dict[str, float] = {}
    for head_form, entity_id in heads.get(_block(form), ()):
        if not could_match(form, head_form):
            continue
        result = compare_names(form, head_form)
        if result.veto is None and result.score > scores.get(entity_id, 0.0):
            scores[entity_id] = result.score
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    if not ranked or ranked[0][1] < FUZZY_THRESHOLD:
        return None
    if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < AMBIGUITY_MARGIN:
        return None
    return ranked[0]


def _pick_canonical(members: list[Sighting]) -> str:
    if len(members) == 1:
        return members[0].display
    counts: dict[str, int] = {}
    for member in members:
        counts[member.display] = counts.get(member.display, 0) + member.weight
    return min(counts, key=lambda name: (-counts[name], -len(name.split()), name))
