"""Fill the place columns of the ``entities`` table from the articles.

After entity resolution, every place mention of each article is geocoded
with the article's own context (:func:`geocode_mentions`: its other places,
dateline, demonyms, "City, State"). A place entity then takes the place most
of its mentions were resolved to (ties: the lowest GeoNames id), so "Paris"
in a Texas story and "Paris" in a French one vote separately and the entity
shows where it usually is. A registry place keeps its curated point and
country; it gains the GeoNames id, subdivision and kind when the geocoded
place lies within 161 km of that point.

The dateline is a place the article names too ("date 2020-12-24 Washington",
Reuters' "SALVADOR, Feb 26 -"): it is geocoded (with its "City, State"), votes
for its entity's location, and a registry place named only there gains an
entities row (no mentions, ``aliases`` method ``dateline``).

Entity ids are the resolver's and never change here (a dateline place is
added only under its registry id): the GeoNames id is a column, not an id.

Example:
    >>> import polars as pl
    >>> documents = pl.DataFrame({"doc_id": ["d1"], "text": ["Rockets hit Baghdad."], "dateline": [None]},
    ...     schema={"doc_id": pl.String, "text": pl.String, "dateline": pl.String})
    >>> mentions = pl.DataFrame({"doc_id": ["d1"], "start": [12], "end": [19], "text": ["Baghdad"],
    ...     "label": ["GPE"], "entity_id": ["Q1530"]})
    >>> entities = pl.DataFrame({"entity_id": ["Q1530"], "entity_type": ["LOC"], "latitude": [None],
    ...     "longitude": [None], "country": [None]},
    ...     schema={"entity_id": pl.String, "entity_type": pl.String, "latitude": pl.Float64,
    ...     "longitude": pl.Float64, "country": pl.String})
    >>> locate_entities(entities, mentions, documents).select("country", "geonames_id", "feature_kind").row(0)
    ('IQ', 98182, 'populated_place')
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence

import numpy as np
import polars as pl

from newsfold.frames import columns_of
from newsfold.geo.distance import WITHIN_KM, distance_km
from newsfold.geo.gazetteer import Gazetteer, Place, load_gazetteer
from newsfold.geo.geocode import PlaceMention, geocode_mentions, iter_geocodes, parse_dateline
from newsfold.geo.split import PLACE_ROW, apply_place_splits, plan_place_splits, registry_entry_of
from newsfold.memo import Memo, MemoKind

__all__ = ["locate_entities", "place_entities", "PLACE_COLUMNS", "geocode_documents", "link_datelines", "DatelineLink"]

#: A dateline place the registry knows: (doc_id, registry entity id, the dateline's place parts, as parsed: "Washington", "D.C.").
DatelineLink = tuple[str, str, tuple[str, ...]]

#: The columns this module fills (besides latitude, longitude and country).
PLACE_COLUMNS = {"admin1": pl.String, "geonames_id": pl.Int64, "feature_kind": pl.String}
#: Entity types whose mentions are geocoded ("LOC" covers GPE, LOC and demonyms).
PLACE_TYPES = ("LOC",)
#: spaCy labels of place mentions, geocoded as context whatever entity they joined.
PLACE_LABELS = ("GPE", "LOC")
#: Each article's geocodes kept between runs (:mod:`newsfold.memo`): the gazetteer row of each of
#: its place mentions, in the order of their offsets (null: no place).
GEOCODES = MemoKind("geocodes", pl.List(pl.Int32))


def geocode_documents(
    mentions: pl.DataFrame,
    documents: pl.DataFrame,
    gazetteer: Gazetteer | None = None,
    actor_countries: Mapping[str, Mapping[str, int]] | None = None,
    memo: Memo | None = None,
) -> pl.Series:
    """Geocode the given mentions article by article.

    The result is a column, not an object per mention: a long article has
    hundreds of thousands of place mentions (docs/benchmarks.md, "The 50 MB run measured").

    Args:
        mentions: doc_id, start, end, text (and label) of place mentions.
        documents: doc_id, text, dateline.
        actor_countries: doc_id -> home countries of the people and
            organisations it names, with their mention counts.
        memo: Articles an earlier run geocoded (:mod:`newsfold.memo`), if kept: an
            article whose place mentions and actors' countries are the same is
            not geocoded again. The articles geocoded here are added to it.

    Returns:
        ``place_row``: the gazetteer row of each mention's place
        (``gazetteer.place(row)``), null when no place matches or the article
        has no text; in the mentions' order.

    Example:
        >>> import polars as pl
        >>> documents = pl.DataFrame({"doc_id": ["d1"], "text": ["Paris, Texas."], "dateline": [None]},
        ...     schema={"doc_id": pl.String, "text": pl.String, "dateline": pl.String})
        >>> mentions = pl.DataFrame({"doc_id": ["d1"], "start": [0], "end": [5], "text": ["Paris"]})
        >>> gaz = load_gazetteer()
        >>> [gaz.place(row).admin1 for row in geocode_documents(mentions, documents, gaz)]
        ['US-TX']
    """
    gaz = gazetteer or load_gazetteer()
    # Each article's first row, found without copying the texts (``unique`` would: 50 MB for a long one).
    article_of: dict[str, int] = {}
    for row, doc_id in enumerate(documents["doc_id"].to_list()):
        article_of.setdefault(doc_id, row)
    texts = documents["text"]
    datelines = documents["dateline"] if "dateline" in documents.columns else None
    found = np.full(mentions.height, -1, dtype=np.int64)
    ordered = mentions.select(
        pl.int_range(pl.len(), dtype=pl.UInt32).alias("_row"), "doc_id", "start", "end", "text"
    ).sort("doc_id", "start", "end")
    made_keys: list[str] = []
    made_places: list[list[int | None]] = []
    keys: dict[str, str] = {}
    if memo is not None:
        ordered, keys = _recall_geocodes(ordered, actor_countries or {}, memo, found)
    for (doc_id,), group in ordered.group_by("doc_id", maintain_order=True):
        row = article_of.get(doc_id)
        text = None if row is None else texts[row]
        if text is None:
            continue
        dateline = None if datelines is None else datelines[row]
        actors = (actor_countries or {}).get(doc_id)
        rows = group["_row"].to_numpy()
        places = iter_geocodes(text, _PlaceMentionColumns.of(group), dateline, gaz, actors)
        for position, geocode in enumerate(places):  # one at a time: see iter_geocodes
            if geocode.place is not None:
                found[rows[position]] = geocode.place.index
        if memo is not None:
            made_keys.append(keys[doc_id])
            made_places.append([None if row < 0 else row for row in found[rows].tolist()])
    if memo is not None:
        memo.keep(GEOCODES, made_keys, made_places)
    return pl.Series(PLACE_ROW, found).set(pl.Series(found < 0), None).cast(pl.Int32)


def _recall_geocodes(
    ordered: pl.DataFrame, actor_countries: Mapping[str, Mapping[str, int]], memo: Memo, found: np.ndarray
) -> tuple[pl.DataFrame, dict[str, str]]:
    """Fill ``found`` for the articles ``memo`` has geocoded; (the mentions of the others, each article's key).

    An article's key is its doc_id (a hash of its text and metadata, so of its
    dateline too), the offsets and surfaces of its place mentions, and the
    home countries of the actors it names: everything its geocodes depend on.
    """
    per_article = ordered.group_by("doc_id", maintain_order=True).agg(
        pl.col("_row"),
        pl.concat_str(
            pl.col("start").cast(pl.String), pl.col("end").cast(pl.String), pl.col("text").fill_null(""),
            separator="\x1f",
        ).str.join("\x1e").alias("_spans"),
    )
    doc_ids = per_article["doc_id"].to_list()
    keys = {
        doc_id: _geocode_key(doc_id, spans, actor_countries.get(doc_id))
        for doc_id, spans in zip(doc_ids, per_article["_spans"].to_list())
    }
    hit, kept = memo.recall(GEOCODES, [keys[doc_id] for doc_id in doc_ids])
    recalled = (
        per_article.select("_row").with_columns(kept.alias("_place")).filter(pl.Series(hit)).explode("_row", "_place")
    )
    found[recalled["_row"].to_numpy()] = recalled["_place"].fill_null(-1).to_numpy()
    missed = per_article.filter(pl.Series(~hit))["doc_id"]
    return ordered.filter(pl.col("doc_id").is_in(missed.implode())), keys


def _geocode_key(doc_id: str, spans: str, actors: Mapping[str, int] | None) -> str:
    parts = [doc_id, spans, repr(sorted((actors or {}).items()))]
    return hashlib.sha256("\x1d".join(parts).encode("utf-8")).hexdigest()


class _PlaceMentionColumns(Sequence[PlaceMention]):
    """One article's place mentions as columns, each :class:`PlaceMention` made when asked for and then dropped."""

    def __init__(self, starts: np.ndarray, ends: np.ndarray, surfaces: pl.Series) -> None:
        self.starts, self.ends, self.surfaces = starts, ends, surfaces

    @classmethod
    def of(cls, group: pl.DataFrame) -> _PlaceMentionColumns:
        return cls(group["start"].to_numpy(), group["end"].to_numpy(), group["text"].fill_null(""))

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        return PlaceMention(int(self.starts[index]), int(self.ends[index]), self.surfaces[int(index)])

    def __iter__(self) -> Iterator[PlaceMention]:
        for start, end, surface in zip(self.starts.tolist(), self.ends.tolist(), self.surfaces):
            yield PlaceMention(start, end, surface)


def locate_entities(
    entities: pl.DataFrame, mentions: pl.DataFrame, documents: pl.DataFrame, gazetteer: Gazetteer | None = None
) -> pl.DataFrame:
    """Return ``entities`` with latitude, longitude, country, admin1, geonames_id and feature_kind of places filled.

    Args:
        entities: entity_id, entity_type, latitude, longitude, country (the
            resolver's table; other columns pass through).
        mentions: doc_id, start, end, text, entity_id (label optional) of all articles.
        documents: doc_id, text, dateline.
        gazetteer: Default: :func:`load_gazetteer`.

    Returns:
        A new frame, same rows and order, the place columns added or filled.
    """
    gaz = gazetteer or load_gazetteer()
    entities, datelines, mentions = _geocode_places(entities, mentions, documents, gaz)
    located, _ = _place_mentions(entities, mentions)
    return _fill_places(entities, located, gaz, datelines)


def place_entities(
    entities: pl.DataFrame,
    mentions: pl.DataFrame,
    documents: pl.DataFrame,
    gazetteer: Gazetteer | None = None,
    dateline_links: Sequence[DatelineLink] | None = None,
    memo: Memo | None = None,
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Geocode, split each place entity into one per real place, then fill the place columns.

    What :func:`locate_entities` does, after moving the mentions a place
    entity's articles put somewhere else to the entity of that place
    (:mod:`newsfold.geo.split`: "Paris" in Texas stories and in French ones
    become two entities; the place most of them mean keeps the id).

    Args:
        entities, mentions, documents, gazetteer: as :func:`locate_entities`.
        dateline_links: The datelines' registry links (:func:`link_datelines`), if
            taken already: then the registry's name indexes are not needed here.
        memo: Articles an earlier run geocoded (:func:`geocode_documents`), if kept.

    Returns:
        (entities with the split-off places' rows, sorted by id; mentions,
        same rows and order, the moved ones relinked with resolution
        ``geocoded_split``).

    Example:
        >>> import polars as pl
        >>> documents = pl.DataFrame({"doc_id": ["d1", "d2"], "text": ["Paris, Texas.", "Paris, France."], "dateline": [None, None]},
        ...     schema={"doc_id": pl.String, "text": pl.String, "dateline": pl.String})
        >>> mentions = pl.DataFrame({"doc_id": ["d1", "d2"], "start": [0, 0], "end": [5, 5], "text": ["Paris", "Paris"],
        ...     "label": ["GPE", "GPE"], "entity_id": ["ent_p", "ent_p"]})
        >>> entities = pl.DataFrame({"entity_id": ["ent_p"], "entity_type": ["LOC"], "latitude": [None],
        ...     "longitude": [None], "country": [None]},
        ...     schema={"entity_id": pl.String, "entity_type": pl.String, "latitude": pl.Float64,
        ...     "longitude": pl.Float64, "country": pl.String})
        >>> table, linked = place_entities(entities, mentions, documents)
        >>> sorted(table["country"].to_list()), linked["entity_id"].n_unique()
        (['FR', 'US'], 2)
    """
    gaz = gazetteer or load_gazetteer()
    entities, datelines, mentions = _geocode_places(entities, mentions, documents, gaz, dateline_links, memo)
    located, _ = _place_mentions(entities, mentions)
    types = dict(entities.select("entity_id", "entity_type").iter_rows())
    points = {
        entity_id: (lat, lon, country)
        for entity_id, lat, lon, country in entities.select("entity_id", "latitude", "longitude", "country").iter_rows()
        if types[entity_id] in PLACE_TYPES
    }
    dates = _publication_dates(documents)
    plan = plan_place_splits(points, located, gaz.place, dates, registry_entry_of)
    del located
    if plan.moves:
        entities, mentions = apply_place_splits(entities, mentions, plan, dates)
    located, _ = _place_mentions(entities, mentions)
    return _fill_places(entities, located, gaz, datelines), mentions.drop(PLACE_ROW)


def _publication_dates(documents: pl.DataFrame) -> dict:
    if "published_date" not in documents.columns:
        return {}
    return dict(columns_of(documents, "doc_id", "published_date").unique("doc_id", keep="first").iter_rows())


def _place_mentions(entities: pl.DataFrame, mentions: pl.DataFrame) -> tuple[pl.DataFrame, pl.Series]:
    """The mentions geocoded (of place entities, or labelled GPE/LOC), in the columns the votes read, and the place entities' ids."""
    places = entities.filter(pl.col("entity_type").is_in(PLACE_TYPES))["entity_id"]
    # Filtered without their texts and ids: a long article's place mentions are hundreds of thousands.
    columns = [column for column in _PLACE_VOTE_COLUMNS if column in mentions.columns]
    return mentions.select(columns).filter(_is_place(entities, mentions)), places


#: What the split (``plan_place_splits``) and the place votes (``_fill_places``) read of a mention.
_PLACE_VOTE_COLUMNS = ("doc_id", "start", "end", "label", "entity_id", "resolution", PLACE_ROW)


def _is_place(entities: pl.DataFrame, mentions: pl.DataFrame) -> pl.Expr:
    """True for a mention of a place entity or labelled GPE/LOC."""
    places = entities.filter(pl.col("entity_type").is_in(PLACE_TYPES))["entity_id"]
    # Every place-like mention is context for the others, whatever entity it joined.
    is_place = pl.col("entity_id").is_in(places.implode()).fill_null(False)
    if "label" in mentions.columns:
        is_place = is_place | pl.col("label").is_in(PLACE_LABELS).fill_null(False)
    return is_place


def _geocode_places(
    entities: pl.DataFrame,
    mentions: pl.DataFrame,
    documents: pl.DataFrame,
    gazetteer: Gazetteer,
    dateline_links: Sequence[DatelineLink] | None = None,
    memo: Memo | None = None,
) -> tuple[pl.DataFrame, list, pl.DataFrame]:
    """(entities with dateline places added, dateline places, mentions with their ``place_row``).

    Every place mention is geocoded (null elsewhere); the column rides along
    with the mentions through the split, so the places are never looked up by key.
    """
    links = link_datelines(documents) if dateline_links is None else dateline_links
    datelines = _dateline_places(links, gazetteer)
    entities = _add_dateline_entities(entities, datelines, documents)
    is_place = mentions.select(_is_place(entities, mentions)).to_series().to_numpy()
    rows = np.full(mentions.height, -1, dtype=np.int64)
    if is_place.any():
        located = mentions.select("doc_id", "start", "end", "text").filter(pl.Series(is_place))  # what geocoding reads
        rows[is_place] = geocode_documents(
            located, documents, gazetteer, _actor_countries(mentions), memo
        ).fill_null(-1).to_numpy()
    column = pl.Series(PLACE_ROW, rows).set(pl.Series(rows < 0), None).cast(pl.Int32)
    return entities, datelines, mentions.with_columns(column)


def _fill_places(
    entities: pl.DataFrame,
    located: pl.DataFrame,
    gazetteer: Gazetteer,
    datelines: list[tuple[str, str, Place | None, str]],
) -> pl.DataFrame:
    """Place columns of every place entity from its mentions' and datelines' places (majority)."""
    places = entities.filter(pl.col("entity_type").is_in(PLACE_TYPES))["entity_id"]
    votes: dict[str, Counter[int]] = defaultdict(Counter)
    counted = (
        located.filter(pl.col(PLACE_ROW).is_not_null() & pl.col("entity_id").is_in(places.implode()))
        .group_by("entity_id", PLACE_ROW)
        .len()
    )
    for entity_id, row, count in counted.iter_rows():
        votes[entity_id][row] += count
    wanted = set(places.to_list())
    for _, entity_id, place, _ in datelines:
        if place is not None and entity_id in wanted:
            votes[entity_id][place.index] += 1
    by_index = {row: gazetteer.place(row) for counts in votes.values() for row in counts}
    columns: dict[str, list] = {name: [] for name in ("latitude", "longitude", "country", *PLACE_COLUMNS)}
    for entity_id, lat, lon, country in entities.select("entity_id", "latitude", "longitude", "country").iter_rows():
        place = None
        if votes.get(entity_id):
            best = min(votes[entity_id].items(), key=lambda item: (-item[1], by_index[item[0]].geonames_id or 0, item[0]))
            place = by_index[best[0]]
        if place is not None and lat is not None and lon is not None:
            # A curated point stays; the geocoded place lends its ids only if it is the same place.
            if distance_km((lat, lon), (place.latitude, place.longitude)) > WITHIN_KM:
                place = None
            values = (lat, lon, country or (place.country if place else None))
        elif place is not None:
            values = (place.latitude, place.longitude, place.country)
        else:
            values = (lat, lon, country)
        columns["latitude"].append(values[0])
        columns["longitude"].append(values[1])
        columns["country"].append(values[2])
        columns["admin1"].append(place.admin1 if place else None)
        columns["geonames_id"].append(place.geonames_id if place else None)
        columns["feature_kind"].append(place.kind if place else None)
    filled = pl.DataFrame(
        columns,
        schema={"latitude": pl.Float64, "longitude": pl.Float64, "country": pl.String, **PLACE_COLUMNS},
    )
    kept = [c for c in entities.columns if c not in filled.columns]
    order = [c for c in entities.columns] + [c for c in filled.columns if c not in entities.columns]
    return pl.concat([entities.select(kept), filled], how="horizontal").select(order)


def link_datelines(documents: pl.DataFrame) -> list[DatelineLink]:
    """The dateline places the registry knows, by the resolver's own registry lookup (for its ids).

    Called while the registry is loaded: placing the entities needs only
    these links and the gazetteer, so a large run frees the registry's name
    indexes (about 265 MB) before it geocodes.

    Example:
        >>> docs = pl.DataFrame({"doc_id": ["d1", "d2"], "dateline": ["BAGHDAD, Jan 3 (Reuters)", None]})
        >>> [(doc_id, parts) for doc_id, _, parts in link_datelines(docs)]
        [('d1', ('Baghdad',))]
    """
    from newsfold.names.link import link_spelling

    if "dateline" not in documents.columns:
        return []
    out = []
    rows = columns_of(documents, "doc_id", "dateline").filter(pl.col("dateline").is_not_null()).sort("doc_id")
    for doc_id, dateline in rows.iter_rows():
        parts = parse_dateline(dateline)
        link = link_spelling(parts[0], "GPE") if parts else None
        if link is not None:
            out.append((doc_id, link.entity_id, tuple(parts)))
    return out


def _dateline_places(links: Sequence[DatelineLink], gazetteer: Gazetteer) -> list[tuple[str, str, Place | None, str]]:
    """(doc_id, registry entity id, geocoded place, spelling) of every linked dateline."""
    out = []
    for doc_id, entity_id, parts in links:
        (geocode,) = geocode_mentions(", ".join(parts), [PlaceMention(0, len(parts[0]), parts[0])], None, gazetteer)
        out.append((doc_id, entity_id, geocode.place, parts[0]))
    return out


def _add_dateline_entities(
    entities: pl.DataFrame, datelines: list[tuple[str, str, Place | None, str]], documents: pl.DataFrame
) -> pl.DataFrame:
    """Rows for registry places named only by datelines (no mentions)."""
    from newsfold.names.entries import registry_entries_by_id

    known = set(entities["entity_id"].to_list())
    new: dict[str, list[str]] = defaultdict(list)
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for doc_id, entity_id, _, spelling in datelines:
        if entity_id not in known:
            new[entity_id].append(doc_id)
            spellings[entity_id][spelling] += 1
    if not new:
        return entities
    entries = registry_entries_by_id()
    dates = dict(columns_of(documents, "doc_id", "published_date").iter_rows()) if "published_date" in documents.columns else {}
    rows = []
    for entity_id, doc_ids in sorted(new.items()):
        entry = entries[entity_id]
        seen = sorted(d for d in (dates.get(doc) for doc in doc_ids) if d is not None)
        rows.append(
            {
                "entity_id": entity_id,
                "canonical_name": entry.canonical_name,
                "entity_type": entry.entity_type,
                "wikidata_id": entry.wikidata_id,
                "aliases": [
                    {"name": name, "count": 0, "method": "dateline", "score": 1.0}
                    for name, _ in sorted(spellings[entity_id].items(), key=lambda item: (-item[1], item[0]))
                ],
                "n_mentions": 0,
                "n_documents": len(set(doc_ids)),
                "first_seen": seen[0] if seen else None,
                "last_seen": seen[-1] if seen else None,
                "latitude": entry.latitude,
                "longitude": entry.longitude,
                "country": entry.country,
                "merged_ids": list(entry.former_ids),
            }
        )
    added = pl.DataFrame(rows).with_columns(pl.lit(None).alias(c) for c in entities.columns if c not in rows[0])
    return pl.concat([entities, added.select(entities.columns).cast(entities.schema)]).sort("entity_id")


def _actor_countries(mentions: pl.DataFrame) -> dict[str, Counter[str]]:
    """doc_id -> home countries (registry) of the persons and organisations its mentions link to."""
    from newsfold.names.entries import registry_entries_by_id

    homes = pl.DataFrame(
        [
            (entity_id, entry.home_country)
            for entity_id, entry in registry_entries_by_id().items()
            if entry.entity_type in ("PER", "ORG") and entry.home_country
        ],
        schema={"entity_id": pl.String, "home_country": pl.String},
        orient="row",
    )
    # Counted per article and country in Polars, not by a Python loop over every mention.
    counted = mentions.select("doc_id", pl.col("entity_id").cast(pl.String)).join(homes, on="entity_id").group_by("doc_id", "home_country").len()
    out: dict[str, Counter[str]] = defaultdict(Counter)
    for doc_id, country, count in counted.iter_rows():
        out[doc_id][country] += count
    return out
