"""Resolve every entity mention of a dataset to a canonical entity.

The cascade, strictest rule first (each observation keeps its first link):

1. registry: ``registry_alias``, ``registry_key``, ``registry_demonym``,
   ``registry_fuzzy``, ``registry_alias_relabelled`` (see ``link.py``);
2. ``exact_key`` / ``fuzzy_key``: multi-part names the registry lacks are
   grouped by key and attached star-shaped (see ``cluster.py``);
3. ``document_context`` then ``corpus_context`` for bare surnames;
4. ``exact_key`` for whatever is left: every mention gets an entity;
5. the user's curation file, if any.

The whole dataset is re-resolved each run; inputs are sorted first, so the
result does not depend on row order.

Example:
    >>> import polars as pl
    >>> mentions = pl.DataFrame({"doc_id": ["doc_1", "doc_1"], "mention_id": ["men_1", "men_2"],
    ...     "sentence_index": [0, 1], "start": [0, 30], "end": [15, 39],
    ...     "text": ["Qasem Soleimani", "Sulaimani"], "label": ["PERSON", "GPE"]})
    >>> documents = pl.DataFrame({"doc_id": ["doc_1"], "published_date": [None]}, schema={"doc_id": pl.String, "published_date": pl.Date})
    >>> result = resolve_entities(mentions, documents)
    >>> result.mention_links["entity_id"].to_list()
    ['Q1149393', 'Q1149393']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import polars as pl

from newsfold.names.cluster import cluster_observations
from newsfold.names.context import link_corpus_surnames, link_document_context
from newsfold.names.curate import apply_curation, registry_info
from newsfold.names.curation import Curation
from newsfold.names.link import link_spelling
from newsfold.names.observe import EntityInfo, Link, Observation, is_single_part, make_observation
from newsfold.names.registry import load_registry
from newsfold.names.table import build_entities_table

__all__ = ["EntityResolution", "resolve_entities", "LINK_SCHEMA", "SPEAKER_LINK_SCHEMA"]

LINK_SCHEMA = pl.Schema({"mention_id": pl.String, "entity_id": pl.String, "resolution": pl.String, "score": pl.Float64})
SPEAKER_LINK_SCHEMA = pl.Schema(
    {"quote_id": pl.String, "entity_id": pl.String, "resolution": pl.String, "score": pl.Float64}
)
_HANDLE = re.compile(r"\(\s*(@\w+)\s*\)")
_SPEAKER_LABELS = ("PERSON", "ORG", "GPE")


@dataclass(frozen=True)
class EntityResolution:
    """What the resolver hands the pipeline.

    Attributes:
        mention_links: mention_id, entity_id, resolution, score; one row per mention.
        speaker_links: quote_id, entity_id, resolution, score; one row per named speaker.
        entities: The ``entities`` table (``schemas.Entities``), sorted by entity_id.
    """

    mention_links: pl.DataFrame
    speaker_links: pl.DataFrame
    entities: pl.DataFrame


def resolve_entities(
    mentions: pl.DataFrame,
    documents: pl.DataFrame,
    speakers: pl.DataFrame | None = None,
    curation: Curation | None = None,
) -> EntityResolution:
    """Link every mention (and quote speaker) of a dataset to an entity.

    Args:
        mentions: doc_id, mention_id, start, end, text, label for all articles.
        documents: doc_id, published_date (for first_seen / last_seen).
        speakers: quote_id, doc_id, speaker_name, speaker_label, speaker_start,
            speaker_end; a speaker at a mention's offsets takes its link.
        curation: User corrections applied last (see ``load_curation``).

    Returns:
        The :class:`EntityResolution`.
    """
    observations, members = _mention_observations(mentions)
    speaker_members = pl.DataFrame(schema={"quote_id": pl.String, "item_id": pl.String})
    if speakers is not None and speakers.height:
        speaker_members, speaker_obs = _speaker_observations(speakers, mentions, members)
        observations = observations + speaker_obs
    links, infos = _link_observations(observations)
    if curation is not None:
        links, infos = apply_curation(curation, observations, links, infos)
    published = dict(zip(documents["doc_id"].to_list(), documents["published_date"].to_list()))
    entities = build_entities_table(observations, links, infos, published)
    item_links = pl.DataFrame(
        [(item_id, *_link_tuple(link)) for item_id, link in links.items()],
        schema={"item_id": pl.String, "entity_id": pl.String, "resolution": pl.String, "score": pl.Float64},
        orient="row",
    )
    mention_links = members.join(item_links, on="item_id", how="left").select(LINK_SCHEMA.names()).sort("mention_id")
    speaker_links = pl.concat(
        [
            speaker_members.join(item_links, on="item_id", how="inner").select(SPEAKER_LINK_SCHEMA.names()),
            item_links.filter(pl.col("item_id").is_in([o.item_id for o in observations if o.is_speaker]))
            .rename({"item_id": "quote_id"})
            .select(SPEAKER_LINK_SCHEMA.names()),
        ]
    ).sort("quote_id")
    return EntityResolution(mention_links=mention_links, speaker_links=speaker_links, entities=entities)


def _link_tuple(link: Link) -> tuple[str, str, float]:
    return (link.entity_id, link.method, float(link.score))


def _mention_observations(mentions: pl.DataFrame) -> tuple[list[Observation], pl.DataFrame]:
    """One observation per (article, spelling, label): repeats link alike.

    Returns:
        The observations, and a mention_id -> item_id frame.
    """
    keyed = mentions.select(pl.col("doc_id", "mention_id", "text", "label").cast(pl.String))
    groups = (
        keyed.group_by("doc_id", "text", "label")
        .agg(pl.col("mention_id").min().alias("item_id"), pl.len().alias("weight"))
        .sort("doc_id", "item_id")
    )
    observations = [
        make_observation(item_id, doc_id, None, None, text, label, weight=weight)
        for doc_id, text, label, item_id, weight in groups.iter_rows()
    ]
    members = keyed.join(
        groups.select("doc_id", "text", "label", "item_id"), on=["doc_id", "text", "label"], nulls_equal=True
    )
    return observations, members.select("mention_id", "item_id")


def _speaker_observations(
    speakers: pl.DataFrame, mentions: pl.DataFrame, members: pl.DataFrame
) -> tuple[pl.DataFrame, list[Observation]]:
    """Speakers at a mention's offsets take its link; the rest are observed by name.

    Returns:
        A quote_id -> item_id frame for the first kind, observations for the second.
    """
    # An all-null column arrives typed Null; give every column its declared type.
    rows = speakers.select(
        pl.col("quote_id").cast(pl.String),
        pl.col("doc_id").cast(pl.String),
        pl.col("speaker_name").cast(pl.String),
        pl.col("speaker_label").cast(pl.String),
        pl.col("speaker_start").cast(pl.Int64),
        pl.col("speaker_end").cast(pl.Int64),
    ).sort("quote_id")
    spans = mentions.select(pl.col("doc_id", "mention_id").cast(pl.String), pl.col("start", "end").cast(pl.Int64)).join(
        members, on="mention_id"
    )
    direct = rows.join(
        spans, left_on=["doc_id", "speaker_start", "speaker_end"], right_on=["doc_id", "start", "end"], how="inner"
    ).select("quote_id", "item_id")
    covered = set(direct["quote_id"].to_list())
    observations = []
    for quote_id, doc_id, name, label, start, end in rows.iter_rows():
        if quote_id in covered or name is None or not name.strip():
            continue
        text, label = _pick_speaker_spelling(name, label)
        observations.append(make_observation(quote_id, doc_id, start, end, text, label, is_speaker=True))
    return direct.unique("quote_id", keep="first").sort("quote_id"), observations


def _pick_speaker_spelling(name: str, label: str | None) -> tuple[str, str]:
    """Choose the spelling and label a speaker is resolved under.

    "— U.S. Embassy Baghdad (@USEmbBaghdad)" is tried as the name, then as its
    handle; an unlabelled speaker takes the first label the registry knows it
    under, else PERSON.
    """
    handle = _HANDLE.search(name)
    text = _HANDLE.sub("", name).strip(" \t—–-:") or name.strip()
    spellings = [text] + ([handle.group(1)] if handle else [])
    labels = (label,) if label else _SPEAKER_LABELS
    for candidate_label in labels:
        for spelling in spellings:
            link = link_spelling(spelling, candidate_label)
            if link is not None and link.method in ("registry_alias", "registry_key"):
                return spelling, candidate_label
    return text, label or "PERSON"


def _link_observations(observations: list[Observation]) -> tuple[dict[str, Link], dict[str, EntityInfo]]:
    registry = load_registry()
    links: dict[str, Link] = {}
    for obs in observations:
        link = link_spelling(obs.text, obs.label)
        if link is not None:
            links[obs.item_id] = link
    infos: dict[str, EntityInfo] = {}
    multi_part = [o for o in observations if o.item_id not in links and not is_single_part(o.form)]
    cluster_links, cluster_infos = cluster_observations(multi_part)
    links.update(cluster_links)
    infos.update(cluster_infos)
    links.update(link_document_context(observations, links))
    links.update(link_corpus_surnames(observations, links, registry))
    rest_links, rest_infos = cluster_observations([o for o in observations if o.item_id not in links])
    links.update(rest_links)
    infos.update(rest_infos)
    for link in links.values():
        if link.entity_id not in infos:
            info = registry_info(link.entity_id)
            if info is not None:
                infos[link.entity_id] = info
    return links, infos
