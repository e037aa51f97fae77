"""One place entity per real place: split a surface the articles put in different places.

The name resolver gives every "Paris" of the dataset one entity. Once each
mention is geocoded in its own article, the mentions of one place entity are
grouped by real place: two geocoded places are the same real place when they
lie in the same country and within 161 km of each other, or when one is the
country or first-level subdivision holding the other ("New York" the state
and the city, "Mexico" the country and its capital: the geocoder's choice
between a place and its namesake container is not a second place). Places
are taken most mentioned first (ties: earliest article, then GeoNames id),
each joining the first group whose leading place it matches.

* The *home* group keeps the entity and its id (ids never change once
  issued): for a registry place, the group at its curated point (or, for a
  registry country, in its country); else, or when no group is there, the
  group with the most mentions (ties: earliest article, then GeoNames id).
* Every other group moves to the entity of its leading place: the registry
  entry of that place when there is one (the GeoNames city or country the
  registry lists, a curated site), else the place entity whose home is that
  very place, else a new entity ``make_entity_id("LOC", "geonames:<id>")``
  (``country:<ISO>`` for a country, as the registry builds its ids). The
  moved mentions get ``resolution`` ``geocoded_split`` (their score kept).
* Mentions left unplaced stay with the entity, and so do demonyms (NORP:
  "Canadian" is Canada by its link, whatever town the word also names) and
  mentions the user's curation linked (``curated_*``); datelines and quote speakers are
  not mentions and are not moved.

It is a pure function of the linked mentions, their places and the
documents, so it gives the same ids whatever the batching or run order.

Example:
    >>> import polars as pl
    >>> from newsfold.geo.gazetteer import load_gazetteer
    >>> gaz = load_gazetteer()
    >>> paris_fr = gaz.place(next(r for r in gaz.lookup("Paris") if gaz.place(r).country == "FR"))
    >>> paris_tx = gaz.place(next(r for r in gaz.lookup("Paris") if gaz.place(r).admin1 == "US-TX"))
    >>> mentions = pl.DataFrame({"doc_id": ["d1", "d2", "d3"], "start": [0, 0, 0], "end": [5, 5, 5],
    ...     "text": ["Paris"] * 3, "label": ["GPE"] * 3, "entity_id": ["ent_p"] * 3})
    >>> mentions = mentions.with_columns(place_row=pl.Series([paris_fr.index, paris_fr.index, paris_tx.index]))
    >>> plan = plan_place_splits({"ent_p": (None, None, None)}, mentions, gaz.place, {}, lambda place: None)
    >>> plan.moves == {("d3", 0, 5): make_entity_id("LOC", f"geonames:{paris_tx.geonames_id}")}
    True
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache

import polars as pl

from newsfold.geo.distance import WITHIN_KM, distance_km
from newsfold.geo.gazetteer import Place
from newsfold.names.registry import make_entity_id

__all__ = ["SPLIT_RESOLUTION", "PLACE_ROW", "PlaceSplit", "plan_place_splits", "apply_place_splits", "registry_entry_of", "place_key_id", "same_real_place"]

#: ``mentions.resolution`` of a mention moved to the entity of its own place.
SPLIT_RESOLUTION = "geocoded_split"

#: spaCy labels of the mentions that can move: places named as places (not demonyms).
SPLIT_LABELS = ("GPE", "LOC")

MentionKey = tuple[str, int, int]
#: The column of the mentions that holds each one's geocoded place, as a gazetteer row (null: unplaced).
PLACE_ROW = "place_row"
_NO_DATE = dt.date.max


def place_key_id(place: Place) -> str | None:
    """The id a place's own entity gets, built as the registry builds place ids.

    Example:
        >>> from newsfold.geo.gazetteer import Place
        >>> place_key_id(Place(0, 4717560, "Paris", "populated_place", 33.66, -95.56, "US", "US-TX", 24171)) == make_entity_id("LOC", "geonames:4717560")
        True
    """
    if place.kind == "country" and place.country:
        return make_entity_id("LOC", f"country:{place.country}")
    if place.geonames_id is not None:
        return make_entity_id("LOC", f"geonames:{place.geonames_id}")
    return None


def same_real_place(a: Place, b: Place) -> bool:
    """Whether two geocoded places count as one real place (see the module docstring).

    Example:
        >>> from newsfold.geo.gazetteer import Place
        >>> paris = Place(0, 2988507, "Paris", "populated_place", 48.85, 2.35, "FR", "FR-IDF", 2138551)
        >>> texas = Place(1, 4717560, "Paris", "populated_place", 33.66, -95.56, "US", "US-TX", 24171)
        >>> same_real_place(paris, texas), same_real_place(paris, paris)
        (False, True)
    """
    if a.index == b.index:
        return True
    if a.country != b.country:
        return False
    if distance_km((a.latitude, a.longitude), (b.latitude, b.longitude)) <= WITHIN_KM:
        return True
    return _holds(a, b) or _holds(b, a)


def _holds(outer: Place, inner: Place) -> bool:
    """``outer`` is the country or first-level subdivision ``inner`` lies in."""
    if outer.kind == "country":
        return outer.country is not None and outer.country == inner.country
    return outer.kind == "admin1" and outer.admin1 is not None and outer.admin1 == inner.admin1


@dataclass
class PlaceSplit:
    """What the split decided.

    Attributes:
        moves: (doc_id, start, end) of each moved mention -> its new entity id.
        new_places: new or receiving entity id -> the place it stands for.
        home_ids: split entity id -> the id its home place would have on its
            own (:func:`place_key_id`), when the registry does not list that place.
    """

    moves: dict[MentionKey, str] = field(default_factory=dict)
    new_places: dict[str, Place] = field(default_factory=dict)
    home_ids: dict[str, str] = field(default_factory=dict)


def plan_place_splits(
    points: Mapping[str, tuple[float | None, float | None, str | None]],
    mentions: pl.DataFrame,
    place_of: Callable[[int], Place],
    dates: Mapping[str, dt.date | None],
    registry_of: Callable[[Place], str | None],
) -> PlaceSplit:
    """Decide which mentions of which place entities move, and where.

    Mentions are counted per (entity, place, article), never held one by one:
    a long article has hundreds of thousands of place mentions, and only the
    moved ones are listed in the plan.

    Args:
        points: place entity id -> (latitude, longitude, country) the resolver
            gave it (a registry place's curated point; Nones otherwise).
        mentions: doc_id, start, end, entity_id and ``place_row`` (the gazetteer
            row of its geocoded place, null when unplaced) of the mentions
            (label and resolution optional).
        place_of: gazetteer row -> its :class:`Place` (``Gazetteer.place``).
        dates: doc_id -> published_date (earliest article breaks ties).
        registry_of: place -> id of the registry entry that is that place, if any
            (:func:`registry_entry_of` in the pipeline).

    Returns:
        The :class:`PlaceSplit`.
    """
    if "label" in mentions.columns:
        # A demonym ("Canadian", NORP) is its country by the resolver's link; the geocoder may put
        # the word on a namesake town, which is context for the article, not a second place.
        mentions = mentions.filter(pl.col("label").is_in(SPLIT_LABELS))
    if "resolution" in mentions.columns:
        # The user's curation (curated_merge, curated_split, ...) decided these links: they stay.
        mentions = mentions.filter(~pl.col("resolution").fill_null("").str.starts_with("curated_"))
    placed = mentions.filter(pl.col(PLACE_ROW).is_not_null() & pl.col("entity_id").is_in(list(points)))
    groups: dict[str, dict[int, _Group]] = defaultdict(dict)
    per_article = placed.group_by("entity_id", PLACE_ROW, "doc_id").len()
    for entity_id, row, doc_id, count in per_article.iter_rows():
        first = (dates.get(doc_id) or _NO_DATE, doc_id)
        group = groups[entity_id].get(row)
        if group is None:
            groups[entity_id][row] = _Group(place_of(row), [row], count, first)
        else:
            group.count += count
            group.first = min(group.first, first)

    clusters_of: dict[str, list[_Group]] = {}
    home_of: dict[str, int] = {}
    for entity_id in sorted(groups):
        ordered = sorted(groups[entity_id].values(), key=_Group.rank)
        clusters: list[_Group] = []
        for group in ordered:
            for cluster in clusters:
                if same_real_place(cluster.lead, group.lead):
                    cluster.absorb(group)
                    break
            else:
                clusters.append(_Group(group.lead, list(group.rows), group.count, group.first))
        clusters.sort(key=_Group.rank)
        clusters_of[entity_id] = clusters
        home_of[entity_id] = next(
            (i for i, cluster in enumerate(clusters) if _at_registry_point(points[entity_id], cluster, place_of)), 0
        )

    # The place entity whose home is a place: where a namesake's mentions of that place go.
    home_entity: dict[int, str] = {}
    for entity_id, clusters in sorted(clusters_of.items(), key=lambda item: (-item[1][home_of[item[0]]].count, item[0])):
        home_entity.setdefault(clusters[home_of[entity_id]].lead.index, entity_id)

    plan = PlaceSplit()
    moved: list[tuple[str, int, str]] = []
    for entity_id, clusters in clusters_of.items():
        if len(clusters) < 2:
            continue
        home = clusters[home_of[entity_id]].lead
        own = place_key_id(home)
        if own is not None and own != entity_id and registry_of(home) is None:
            plan.home_ids[entity_id] = own
        for i, cluster in enumerate(clusters):
            if i == home_of[entity_id]:
                continue
            lead = cluster.lead
            target = registry_of(lead) or home_entity.get(lead.index) or place_key_id(lead)
            if target is None or target == entity_id:
                continue  # a curated site GeoNames lacks and the registry does not list: stays
            plan.new_places.setdefault(target, lead)
            moved += [(entity_id, row, target) for row in cluster.rows]
    if moved:
        targets = pl.DataFrame(
            moved, schema={"entity_id": pl.String, PLACE_ROW: placed.schema[PLACE_ROW], "_target": pl.String}, orient="row"
        )
        keys = placed.with_columns(pl.col("entity_id").cast(pl.String)).join(targets, on=["entity_id", PLACE_ROW]).select("doc_id", "start", "end", "_target")
        plan.moves = {(doc_id, start, end): target for doc_id, start, end, target in keys.sort("doc_id", "start", "end").iter_rows()}
    return plan


@dataclass
class _Group:
    """Mentions of one place entity put at one real place: its leading place, the gazetteer rows, how many, the first article."""

    lead: Place
    rows: list[int]
    count: int
    first: tuple[dt.date, str]

    def rank(self) -> tuple:
        """Most mentions first, then the earliest article, then the GeoNames id and the row."""
        return (-self.count, self.first, self.lead.geonames_id or 0, self.lead.index)

    def absorb(self, other: _Group) -> None:
        self.rows += other.rows
        self.count += other.count
        self.first = min(self.first, other.first)


def _at_registry_point(
    point: tuple[float | None, float | None, str | None], cluster: _Group, place_of: Callable[[int], Place]
) -> bool:
    """Whether a group is the registry place the entity was resolved to."""
    lat, lon, country = point
    if lat is not None and lon is not None:
        return any(
            distance_km((lat, lon), (place.latitude, place.longitude)) <= WITHIN_KM
            for place in (place_of(row) for row in cluster.rows)
        )
    return country is not None and cluster.lead.country == country


@cache
def registry_place_ids() -> dict[str, str]:
    """:func:`place_key_id` of every registry place -> the entry's id (its own, or the Q-id it gained).

    Example:
        >>> registry_place_ids()[make_entity_id("LOC", "geonames:2988507")]
        'Q90'
    """
    from newsfold.names.entries import registry_entries_by_id

    out: dict[str, str] = {}
    for entry in sorted(registry_entries_by_id().values(), key=lambda e: e.entity_id):
        if entry.entity_type != "LOC":
            continue
        for key in (entry.entity_id, *entry.former_ids):
            out.setdefault(key, entry.entity_id)
    return out


def registry_entry_of(place: Place) -> str | None:
    """Id of the registry entry that is ``place`` (a listed city or country, or a curated site), if any.

    Example:
        >>> from newsfold.geo.gazetteer import Place
        >>> registry_entry_of(Place(0, 2988507, "Paris", "populated_place", 48.85, 2.35, "FR", "FR-IDF", 2138551))
        'Q90'
    """
    own = place_key_id(place)
    if own is not None:
        return registry_place_ids().get(own)
    return registry_site_ids().get((place.name, place.latitude, place.longitude))


@cache
def registry_site_ids() -> dict[tuple[str, float, float], str]:
    """(name, latitude, longitude) of the registry's curated sites -> entry id (sites have no GeoNames id)."""
    from newsfold.names.entries import registry_entries_by_id

    return {
        (entry.canonical_name, entry.latitude, entry.longitude): entry.entity_id
        for entry in registry_entries_by_id().values()
        if entry.entity_type == "LOC" and entry.latitude is not None and entry.longitude is not None
    }


def apply_place_splits(
    entities: pl.DataFrame, mentions: pl.DataFrame, plan: PlaceSplit, dates: Mapping[str, dt.date | None]
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Relink the moved mentions and write the rows of every entity they leave or join.

    Counts follow ``build_entities_table``: ``n_mentions`` and the aliases'
    counts move with the mentions; ``n_documents``, ``first_seen`` and
    ``last_seen`` are those of the articles whose mentions the entity keeps
    or gains (plus, unchanged, what quote speakers alone gave it). A new
    entity is named by its registry entry, else by its most frequent
    spelling; a split entity lists the id its home place would have had on
    its own in ``merged_ids``, so that id (issued when that place was in the
    minority) can always be looked up.

    Returns:
        (entities sorted by id, mentions in their order).
    """
    if not plan.moves:
        return entities, mentions
    keys = pl.DataFrame(
        [(doc, start, end, target) for (doc, start, end), target in plan.moves.items()],
        schema={"doc_id": mentions.schema["doc_id"], "start": mentions.schema["start"], "end": mentions.schema["end"], "_moved_to": pl.String},
        orient="row",
    )
    marked = mentions.join(keys, on=["doc_id", "start", "end"], how="left", maintain_order="left")
    moved = marked.filter(pl.col("_moved_to").is_not_null())
    relinked = marked.with_columns(pl.coalesce("_moved_to", "entity_id").alias("entity_id"))
    if "resolution" in mentions.columns:
        relinked = relinked.with_columns(
            pl.when(pl.col("_moved_to").is_not_null()).then(pl.lit(SPLIT_RESOLUTION)).otherwise(pl.col("resolution")).alias("resolution")
        )
    relinked = relinked.drop("_moved_to")

    affected = set(moved["entity_id"].to_list()) | set(moved["_moved_to"].to_list())
    before = _docs_by_entity(mentions, affected)
    after = _docs_by_entity(relinked, affected)
    lost: dict[str, Counter[str]] = defaultdict(Counter)
    gained: dict[str, Counter[str]] = defaultdict(Counter)
    scores: dict[tuple[str, str], float] = {}
    scored = moved if "score" in moved.columns else moved.with_columns(pl.lit(1.0).alias("score"))
    for source, target, text, score in scored.select("entity_id", "_moved_to", "text", "score").iter_rows():
        name = _display(text)
        lost[source][name] += 1
        gained[target][name] += 1
        scores[(target, name)] = min(scores.get((target, name), 1.0), 1.0 if score is None else score)

    rows = {row["entity_id"]: row for row in entities.filter(pl.col("entity_id").is_in(list(affected))).iter_rows(named=True)}
    for entity_id in sorted(affected):
        row = rows.get(entity_id)
        if row is None:
            row = rows[entity_id] = _new_row(entity_id, gained[entity_id], entities.columns)
        extra = max(0, (row.get("n_documents") or 0) - len(before.get(entity_id, ())))
        docs = after.get(entity_id, set())
        seen = sorted(d for d in (dates.get(doc) for doc in docs) if d is not None)
        if extra:  # articles only a quote speaker names it in: their dates stay in
            seen = sorted([*seen, *(d for d in (row.get("first_seen"), row.get("last_seen")) if d is not None)])
        n_moved = sum(gained[entity_id].values()) - sum(lost[entity_id].values())
        row.update(
            {
                "n_mentions": (row.get("n_mentions") or 0) + n_moved,
                "n_documents": len(docs) + extra,
                "first_seen": seen[0] if seen else None,
                "last_seen": seen[-1] if seen else None,
                "aliases": _move_aliases(row.get("aliases") or [], lost[entity_id], gained[entity_id], entity_id, scores),
            }
        )
        own = plan.home_ids.get(entity_id)
        if own and own not in (row.get("merged_ids") or []):
            row["merged_ids"] = [*(row.get("merged_ids") or []), own]
    updated = pl.DataFrame([{c: rows[e].get(c) for c in entities.columns} for e in sorted(affected)], schema=entities.schema)
    table = pl.concat([entities.filter(~pl.col("entity_id").is_in(list(affected))), updated]).sort("entity_id")
    return table, relinked


def _docs_by_entity(mentions: pl.DataFrame, ids: set[str]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for entity_id, doc_id in mentions.filter(pl.col("entity_id").is_in(list(ids))).select("entity_id", "doc_id").iter_rows():
        out[entity_id].add(doc_id)
    return out


def _display(text: str) -> str:
    """The alias spelling the resolver shows for a mention (``display_spelling``)."""
    from newsfold.names.forms import make_name_form
    from newsfold.names.observe import display_spelling

    return display_spelling(text, make_name_form(text, "LOC"))


def _move_aliases(
    aliases: list[dict], lost: Counter[str], gained: Counter[str], entity_id: str, scores: Mapping[tuple[str, str], float]
) -> list[dict]:
    """Aliases with the moved spellings' counts taken off or added.

    As in ``build_entities_table``: an alias's method is the one most of its
    mentions came by (``geocoded_split`` when the moved ones outnumber the
    others), its score the lowest.
    """
    out = {alias["name"]: dict(alias) for alias in aliases}
    for name, count in lost.items():
        if name in out:
            out[name]["count"] -= count
            if out[name]["count"] <= 0:
                del out[name]
    for name, count in gained.items():
        if name in out:
            if out[name]["count"] < count:
                out[name]["method"] = SPLIT_RESOLUTION
            out[name]["count"] += count
            out[name]["score"] = min(out[name]["score"], scores[(entity_id, name)])
        else:
            out[name] = {"name": name, "count": count, "method": SPLIT_RESOLUTION, "score": scores[(entity_id, name)]}
    return sorted(out.values(), key=lambda alias: (-alias["count"], alias["name"]))


def _new_row(entity_id: str, spellings: Counter[str], columns: list[str]) -> dict:
    """A new place entity: the registry entry's names, else its most frequent spelling."""
    from newsfold.names.entries import registry_entries_by_id

    entry = registry_entries_by_id().get(entity_id)
    row = dict.fromkeys(columns)
    row.update(
        {
            "entity_id": entity_id,
            "canonical_name": entry.canonical_name if entry else min(spellings.items(), key=lambda item: (-item[1], item[0]))[0],
            "entity_type": "LOC",
            "wikidata_id": entry.wikidata_id if entry else None,
            "aliases": [],
            "n_mentions": 0,
            "n_documents": 0,
            "latitude": entry.latitude if entry else None,
            "longitude": entry.longitude if entry else None,
            "country": entry.country if entry else None,
            "merged_ids": list(entry.former_ids) if entry else [],
        }
    )
    return {c: row.get(c) for c in columns}
