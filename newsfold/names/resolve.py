"""Resolve every entity mention of a dataset to a canonical entity.

Each article first decides the type of every surface from all its
mentions' labels and the registry (``votes.py``). Then the cascade,
strictest rule first (each observation keeps its first link):

1. registry: ``registry_alias``, ``registry_key``, ``registry_demonym``,
   ``registry_fuzzy``, ``registry_alias_relabelled`` (see ``link.py``);
2. ``exact_key`` / ``fuzzy_key``: multi-part names the registry lacks are
   grouped by key and attached star-shaped (see ``cluster.py``);
3. ``document_context`` then ``corpus_context`` for bare surnames;
4. ``exact_key`` for whatever is left: every mention gets an entity;
5. the user's curation file, if any.

The whole dataset is re-resolved each run; inputs are sorted first (oldest
article first: the oldest sighting of an unlisted name gives its id), so
the result does not depend on row order, and later articles never change
an id already issued.

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

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import polars as pl

from newsfold.frames import columns_of
from newsfold.memo import Memo
from newsfold.names.cascade import link_seen
from newsfold.names.curate import apply_curation
from newsfold.names.curation import Curation
from newsfold.names.forms import make_name_form
from newsfold.names.labels import map_label_to_type
from newsfold.names.link import link_spelling
from newsfold.names.observe import EntityInfo, Link, Observation
from newsfold.names.organisations import find_adjacent_definitions
from newsfold.names.table import build_entities_table
from newsfold.names.votes import ContextCues

__all__ = ["EntityResolution", "resolve_entities", "LINK_SCHEMA", "SPEAKER_LINK_SCHEMA"]

LINK_SCHEMA = pl.Schema({"mention_id": pl.String, "entity_id": pl.String, "resolution": pl.String, "score": pl.Float64})
SPEAKER_LINK_SCHEMA = pl.Schema(
    {"quote_id": pl.String, "entity_id": pl.String, "resolution": pl.String, "score": pl.Float64}
)
_SEEN_SCHEMA = pl.Schema(
    {
        "item_id": pl.String,
        "doc_id": pl.String,
        "text": pl.String,
        "label": pl.String,
        "weight": pl.Int64,
        "start": pl.Int64,
        "end": pl.Int64,
        "is_speaker": pl.Boolean,
    }
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
    memo: Memo | None = None,
) -> EntityResolution:
    """Link every mention (and quote speaker) of a dataset to an entity.

    Args:
        mentions: doc_id, mention_id, start, end, text, label for all articles.
        documents: doc_id, published_date (for first_seen / last_seen), and
            optionally text (acronyms defined in parentheses, "(KPRF)"; the
            words around a name whose labels disagree, "said", "in").
        speakers: quote_id, doc_id, speaker_name, speaker_label, speaker_start,
            speaker_end; a speaker at a mention's offsets takes its link.
        curation: User corrections applied last (see ``load_curation``).
        memo: Results an earlier run kept (:mod:`newsfold.memo`), if any; this run's are added.

    Returns:
        The :class:`EntityResolution`.
    """
    seen, members = _mention_observations(mentions)
    speaker_members = pl.DataFrame(schema={"quote_id": pl.String, "item_id": pl.String})
    if speakers is not None and speakers.height:
        speaker_members, speaker_seen = _speaker_observations(speakers, mentions, members)
        seen = pl.concat([seen, speaker_seen])
        del speaker_seen
    # "the Communist Party of the Russian Federation (KPRF)": spaCy splits it; the text shows the parentheses.
    definitions = find_adjacent_definitions(mentions, documents) if "text" in documents.columns else None
    cues = None
    if "text" in documents.columns:
        cues = ContextCues(
            mentions.select(
                pl.col("mention_id", "doc_id").cast(pl.String), pl.col("start", "end").cast(pl.Int64)
            ).join(members, on="mention_id"),
            columns_of(documents, "doc_id", "text").with_columns(pl.col("doc_id").cast(pl.String)),
        )
    with _fewer_collections():
        linked, infos = link_seen(_order_by_publication(seen, documents), definitions, cues, memo)
    # A row per mention (110 MB at 50 MB of text): gone before the links make as many rows again.
    del cues, definitions, seen
    if curation is not None:
        linked, infos = _curate(curation, linked, infos)
    entities = build_entities_table(
        linked.with_columns(
            pl.col("resolution").alias("method"),
            pl.when(pl.col("is_speaker")).then(0).otherwise(pl.col("weight")).alias("mentions"),
        ),
        infos,
        documents,
    )
    item_links = linked.select("item_id", "entity_id", "resolution", "score")
    mention_links = members.join(item_links, on="item_id", how="left").select(LINK_SCHEMA.names()).sort("mention_id")
    speaker_links = pl.concat(
        [
            speaker_members.join(item_links, on="item_id", how="inner").select(SPEAKER_LINK_SCHEMA.names()),
            linked.filter(pl.col("is_speaker"))
            .select("item_id", "entity_id", "resolution", "score")
            .rename({"item_id": "quote_id"}),
        ]
    ).sort("quote_id")
    return EntityResolution(mention_links=mention_links, speaker_links=speaker_links, entities=entities)


#: Allocations between two collections of the youngest generation while names are linked (Python's default: 700).
RESOLUTION_GC_THRESHOLD = 50_000


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """Collect garbage less often while names are linked, as it was before afterwards.

    Linking makes millions of small objects that live as long as the run
    (analysed spellings, their parts, the pairs compared), and almost none
    in cycles: with the default threshold the collector walks them every
    700 allocations, 6 to 7 % of the linking's time on the resolution
    benchmark. Reference counting still frees what dies.

    Example:
        >>> before = gc.get_threshold()
        >>> with _fewer_collections():
        ...     gc.get_threshold()[0] == RESOLUTION_GC_THRESHOLD
        True
        >>> gc.get_threshold() == before
        True
    """
    thresholds = gc.get_threshold()
    gc.set_threshold(max(thresholds[0], RESOLUTION_GC_THRESHOLD), *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


def _curate(
    curation: Curation, linked: pl.DataFrame, infos: dict[str, EntityInfo]
) -> tuple[pl.DataFrame, dict[str, EntityInfo]]:
    """Apply the curation file to the linked observations."""
    observations = []
    links: dict[str, Link] = {}
    # A split by type means the label spaCy gave, not the type the article voted.
    rows = linked.select("item_id", "doc_id", "start", "end", "text", "given_label", "is_speaker", "weight")
    for (item_id, doc_id, start, end, text, label, is_speaker, weight), (entity_id, method, score) in zip(
        rows.iter_rows(), linked.select("entity_id", "resolution", "score").iter_rows()
    ):
        form = make_name_form(text, map_label_to_type(label))
        observations.append(
            Observation(item_id, doc_id, start, end, text, label, form, is_speaker, weight, form.entity_type)
        )
        links[item_id] = Link(entity_id, method, score)
    links, infos = apply_curation(curation, observations, links, infos)
    chosen = [links[o.item_id] for o in observations]
    return (
        linked.with_columns(
            pl.Series("entity_id", [link.entity_id for link in chosen], dtype=pl.String),
            pl.Series("resolution", [link.method for link in chosen], dtype=pl.String),
            pl.Series("score", [float(link.score) for link in chosen], dtype=pl.Float64),
        ),
        infos,
    )


def _order_by_publication(seen: pl.DataFrame, documents: pl.DataFrame) -> pl.DataFrame:
    """Observations oldest article first, with the article's rank as ``doc_rank``.

    Articles are ordered by published date (undated ones first, so adding
    later articles never moves an older one), then doc_id. The oldest
    sighting of an unlisted name decides its id, so ids do not depend on
    which run saw what, nor on which spelling is most frequent.
    """
    dates = (
        columns_of(documents, "doc_id", "published_date")
        .select(pl.col("doc_id").cast(pl.String), pl.col("published_date").cast(pl.Date))
        .group_by("doc_id")
        .agg(pl.col("published_date").min())
    )
    ranks = (
        seen.select("doc_id")
        .unique()
        .join(dates, on="doc_id", how="left")
        .sort(["published_date", "doc_id"], nulls_last=False)
        .with_row_index("doc_rank")
        .select("doc_id", pl.col("doc_rank").cast(pl.Int64))
    )
    return seen.join(ranks, on="doc_id", how="left").sort("doc_rank", "is_speaker", "item_id")


def _mention_observations(mentions: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """One observation per (article, spelling, label): repeats link alike.

    Returns:
        The observations (``_SEEN_SCHEMA``, sorted by article and first
        mention; ``start`` is the first mention's offset, ``end`` unknown),
        and a mention_id -> item_id frame.
    """
    keyed = mentions.select(pl.col("doc_id", "mention_id", "text", "label").cast(pl.String), pl.col("start").cast(pl.Int64))
    groups = (
        keyed.group_by("doc_id", "text", "label")
        .agg(
            pl.col("mention_id").min().alias("item_id"),
            pl.len().cast(pl.Int64).alias("weight"),
            pl.col("start").min().fill_null(-1),
        )
        .sort("doc_id", "item_id")
    )
    seen = groups.select(
        "item_id",
        "doc_id",
        "text",
        "label",
        "weight",
        "start",
        pl.lit(-1, pl.Int64).alias("end"),
        pl.lit(False).alias("is_speaker"),
    )
    members = keyed.join(
        groups.select("doc_id", "text", "label", "item_id"), on=["doc_id", "text", "label"], nulls_equal=True
    )
    return seen.cast(dict(_SEEN_SCHEMA)), members.select("mention_id", "item_id")


def _speaker_observations(
    speakers: pl.DataFrame, mentions: pl.DataFrame, members: pl.DataFrame
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Speakers at a mention's offsets take its link; the rest are observed by name.

    Returns:
        A quote_id -> item_id frame for the first kind, observations
        (``_SEEN_SCHEMA``) for the second.
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
    observed = []
    for quote_id, doc_id, name, label, start, end in rows.iter_rows():
        if quote_id in covered or name is None or not name.strip():
            continue
        text, label = _pick_speaker_spelling(name, label)
        observed.append((quote_id, doc_id, text, label, 1, -1 if start is None else start, -1 if end is None else end, True))
    seen = pl.DataFrame(observed, schema=_SEEN_SCHEMA, orient="row")
    return direct.unique("quote_id", keep="first").sort("quote_id"), seen


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
