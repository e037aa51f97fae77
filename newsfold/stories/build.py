"""Stories, dataset-wide: near-duplicates, clustering, ids and the ``stories`` table.

Run by :func:`newsfold.resolve.link_dataset` on every run over the whole
dataset, after entity ids exist, so the result depends only on today's
articles, never on the runs that brought them (any sequence of runs equals
one fresh run).

Steps:

1. near-duplicates (:mod:`newsfold.stories.duplicates`) set ``duplicate_of``;
   a copy joins its original's story and is left out of the clustering;
2. every other article becomes a weighted sparse vector
   (:mod:`newsfold.stories.features`);
3. candidate pairs share an entity id or a key word within a time window
   (:mod:`newsfold.stories.candidates`); their cosine is the weighted mean of the
   sub-vector cosines, damped by the distance between publication dates;
4. each pair's similarity is that cosine times the share of nearest neighbours
   the two articles have in common (shared nearest neighbours, Jarvis & Patrick
   1973): two reports of one kind of event (two earthquakes) share words, but
   each article's closest neighbours are reports of its own event;
5. average-link clustering over those pairs (:mod:`newsfold.stories.cluster`);
6. a story's id hashes its founder, its earliest article (published_date,
   then doc_id), so a story that grows with later articles keeps its id.

Example:
    >>> documents, stories = build_stories(documents, mentions, dates, amounts)  # doctest: +SKIP
    >>> documents["story_id"].null_count()  # doctest: +SKIP
    0
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import numpy as np
import polars as pl
from scipy import sparse

from newsfold.frames import columns_of
from newsfold.ids import make_id
from newsfold.memo import Memo
from newsfold.stories.candidates import find_candidate_pairs
from newsfold.stories.cluster import cluster_average_link
from newsfold.stories.duplicates import find_near_duplicates
from newsfold.stories.features import STORY_TEXT_CHARS, TextsInOrder, StoryFeatures, make_story_features
from schemas import Documents, Mentions, Stories, polars_schema

__all__ = ["StoryParams", "DEFAULT_PARAMS", "build_stories", "make_story_id"]

_TOP_ENTITIES = 5
_LABEL_CHARS = 100
#: Characters of an untitled article's text searched for its label line.
_LABEL_SCAN_CHARS = 5_000


@dataclass(frozen=True)
class StoryParams:
    """How articles are compared and grouped (chosen on the dev set: docs/stories.md).

    Attributes:
        name: Versioned name of this setting; bump on any change.
        weights: Weight of each sub-vector's cosine in the similarity (divided by their sum).
        neighbours: How many nearest neighbours of each article its links are weighed against.
        threshold: Smallest average-link similarity (shared neighbours times cosine) for two groups to merge.
        window_days: Articles with declared dates further apart than this are never compared.
        decay_days: Their cosine is multiplied by ``exp(-days apart / decay_days)``.
        inferred_window_days, inferred_decay_days: The same where a date was
            inferred from the content (an estimate, often off by days or weeks).
    """

    name: str = "newsfold.stories.v3"
    weights: Mapping[str, float] = field(
        default_factory=lambda: {
            "words": 1.0, "entities": 0.5, "places": 0.0, "dates": 0.0, "amounts": 0.25, "years": 0.25, "numbers": 0.5,
        }
    )
    neighbours: int = 4
    threshold: float = 0.02
    window_days: float = 30.0
    decay_days: float = 30.0
    inferred_window_days: float = 365.0
    inferred_decay_days: float = 365.0


DEFAULT_PARAMS = StoryParams()


def make_story_id(founder_doc_id: str) -> str:
    """Id of the story founded by an article.

    Example:
        >>> make_story_id("doc_0123456789abcdef")
        'sty_b3c87bbbf32d81c1'
    """
    return make_id("sty", founder_doc_id)


def build_stories(
    documents: pl.DataFrame,
    mentions: pl.DataFrame,
    dates: pl.DataFrame,
    amounts: pl.DataFrame,
    params: StoryParams = DEFAULT_PARAMS,
    memo: Memo | None = None,
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Group every article into a story.

    Args:
        documents: The whole dataset's documents.
        mentions: Its mentions with resolved ``entity_id``.
        dates: Its dates (``resolved_date``).
        amounts: Its amounts.
        params: Weights and thresholds.
        memo: Results an earlier run kept (:mod:`newsfold.memo`), if any; this run's are added.

    Returns:
        ``documents`` with ``story_id`` and ``duplicate_of`` filled, and the ``stories`` table.
    """
    # Sorted without the texts: Polars copies a text column it sorts or filters (50 MB for a long article).
    order = documents[Documents.doc_id].arg_sort()
    ordered = documents.drop(Documents.text)[order]
    doc_ids = ordered[Documents.doc_id].to_list()
    if not doc_ids:
        empty = documents.with_columns(
            pl.lit(None, dtype=pl.String).alias(Documents.story_id),
            pl.lit(None, dtype=pl.String).alias(Documents.duplicate_of),
        )
        return empty, pl.DataFrame(schema=polars_schema(Stories))
    published = ordered[Documents.published_date].to_list()
    # Texts are made Python strings one at a time, as the shingles are taken.
    duplicate_of = find_near_duplicates(
        doc_ids, TextsInOrder(documents[Documents.text], order, max_chars=STORY_TEXT_CHARS), published, memo
    )
    originals = documents.filter(~pl.col(Documents.doc_id).is_in(list(duplicate_of))) if duplicate_of else documents
    keep = originals[Documents.doc_id]
    features = make_story_features(
        originals,
        # Only the columns features read: a long article's mentions are not copied whole.
        mentions.select(Mentions.doc_id, Mentions.entity_id, Mentions.label).filter(pl.col(Mentions.doc_id).is_in(keep.implode())),
        dates.filter(pl.col("doc_id").is_in(keep.implode())),
        amounts.filter(pl.col("doc_id").is_in(keep.implode())),
        memo=memo,
    )
    founders, merged = _cluster(features, params)
    founder_of = {doc: features.doc_ids[f] for doc, f in zip(features.doc_ids, founders)}
    founder_of.update({copy: founder_of[original] for copy, original in duplicate_of.items()})
    story_of = {doc: make_story_id(founder) for doc, founder in founder_of.items()}
    linked = documents.with_columns(
        pl.col(Documents.doc_id).replace_strict(story_of, return_dtype=pl.String).alias(Documents.story_id),
        pl.col(Documents.doc_id).replace_strict(duplicate_of, default=None, return_dtype=pl.String).alias(Documents.duplicate_of),
    )
    merged_ids = {
        make_story_id(features.doc_ids[f]): [make_story_id(features.doc_ids[m]) for m in ms] for f, ms in merged.items()
    }
    central = _central_articles(features, founders, params)
    return linked, _stories_table(linked, mentions, merged_ids, central)


def _cluster(features: StoryFeatures, params: StoryParams) -> tuple[np.ndarray, dict[int, list[int]]]:
    """Founder of each article's group (index into features.doc_ids) and the merges recorded."""
    n = len(features.doc_ids)
    days = features.days
    # Rank: earliest publication first, undated last, then doc_id (features are in doc_id order).
    ranks = np.lexsort((np.arange(n), np.where(np.isnan(days), np.inf, days)))
    rank_of = np.empty(n, dtype=np.int64)
    rank_of[ranks] = np.arange(n)
    widest = max(params.window_days, params.inferred_window_days)
    left, right = find_candidate_pairs(features.keys, days, window_days=widest)
    declared = features.declared[left] & features.declared[right]
    apart = np.abs(days[left] - days[right])
    near = ~(apart > np.where(declared, params.window_days, params.inferred_window_days))  # NaN: undated, kept
    left, right, apart, declared = left[near], right[near], apart[near], declared[near]
    total = sum(params.weights.values()) or 1.0
    cosine = _pair_dot(features.vectors(params.weights), left, right) / total
    decay = np.where(declared, params.decay_days, params.inferred_decay_days)
    cosine = cosine * np.exp(-np.where(np.isnan(apart), 0.0, apart) / decay)
    similarity = cosine * _shared_neighbours(n, left, right, cosine, params.neighbours)
    threshold = params.threshold
    groups = cluster_average_link(rank_of, left, right, similarity, threshold)
    return groups.founders, groups.merged


def _shared_neighbours(n: int, left: np.ndarray, right: np.ndarray, cosine: np.ndarray, k: int) -> np.ndarray:
    """For each pair, the share of the two articles' ``k`` nearest neighbours (themselves included) they have in common.

    Neighbours are taken among the candidate pairs only, nearest first, ties
    by row, so the result depends on the pairs, not on their order.
    """
    if len(left) == 0:
        return np.zeros(0)
    rows = np.concatenate([left, right])
    cols = np.concatenate([right, left])
    weights = np.concatenate([cosine, cosine])
    order = np.lexsort((cols, -weights, rows))
    rows, cols = rows[order], cols[order]
    starts = np.searchsorted(rows, rows, side="left")
    nearest = (np.arange(len(rows)) - starts) < k
    member_rows = np.concatenate([rows[nearest], np.arange(n)])
    member_cols = np.concatenate([cols[nearest], np.arange(n)])
    members = sparse.csr_matrix(
        (np.ones(len(member_rows), dtype=np.float32), (member_rows, member_cols)), shape=(n, n)
    )
    return _pair_dot(members, left, right) / (k + 1)


def _pair_dot(vectors, left: np.ndarray, right: np.ndarray, chunk: int = 100_000) -> np.ndarray:
    """Row-wise dot products of the given pairs of rows, a chunk of pairs at a time."""
    out = np.zeros(len(left), dtype=np.float64)
    for start in range(0, len(left), chunk):
        a, b = left[start : start + chunk], right[start : start + chunk]
        out[start : start + chunk] = np.asarray(vectors[a].multiply(vectors[b]).sum(axis=1)).ravel()
    return out


def _central_articles(features: StoryFeatures, founders: np.ndarray, params: StoryParams) -> dict[str, str]:
    """The article closest to its story's centroid, by story founder doc_id.

    An article's score is its dot product with the sum of its story's vectors
    (the centroid, unscaled: the ranking within a story is the same), taken
    for every article at once: each of its nonzero cells times the story sum's
    cell of that column, found by binary search in the sums' cells. Ties go to
    the first article in doc_id order. The sums of each row's products are
    taken in column order in float32, as a per-story loop's ``block @ centroid``
    takes them, so the two agree to the bit (checked at 100,000 articles, where
    the loop over stories took 1.4 s).

    Example:
        >>> from types import SimpleNamespace
        >>> rows = sparse.csr_matrix(np.array([[1, 0], [1, 1], [0, 1]], dtype=np.float32))
        >>> features = SimpleNamespace(doc_ids=["a", "b", "c"], vectors=lambda weights: rows)
        >>> _central_articles(features, np.array([0, 0, 2]), DEFAULT_PARAMS)  # "b" is nearest a + b
        {'a': 'b', 'c': 'c'}
    """
    vectors = features.vectors(params.weights)
    n, width = vectors.shape
    story_members = sparse.csr_matrix((np.ones(n, dtype=vectors.dtype), (founders, np.arange(n))), shape=(n, n))
    sums = (story_members @ vectors).tocsr()
    sums.sort_indices()
    rows = np.repeat(np.arange(n), np.diff(vectors.indptr))
    cells = founders[rows].astype(np.int64) * width + vectors.indices
    # A last cell past every real one keeps the search in range; it sums to zero.
    sum_cells = np.r_[np.repeat(np.arange(n, dtype=np.int64), np.diff(sums.indptr)) * width + sums.indices,
                      np.iinfo(np.int64).max]
    sum_values = np.r_[sums.data, np.zeros(1, dtype=vectors.dtype)]
    at = np.searchsorted(sum_cells, cells)
    # A cell the sum lacks is zero there: a weight of 0 leaves explicit zeros in ``vectors``, which the sum drops.
    products = vectors.data * np.where(sum_cells[at] == cells, sum_values[at], 0).astype(vectors.dtype)
    scores = np.zeros(n, dtype=vectors.dtype)
    np.add.at(scores, rows, products)  # unbuffered, in order: row by row, column order within a row
    order = np.lexsort((np.arange(n), -scores, founders))
    best = order[np.r_[True, founders[order][1:] != founders[order][:-1]]]  # the first of each story
    return {features.doc_ids[founders[b]]: features.doc_ids[b] for b in best}


def _stories_table(
    documents: pl.DataFrame, mentions: pl.DataFrame, merged_ids: Mapping[str, list[str]], central: Mapping[str, str]
) -> pl.DataFrame:
    # An untitled article is labelled by a line of its opening: the rest of its text is never read.
    opening = pl.when(pl.col(Documents.title).str.strip_chars().fill_null("") == "").then(
        pl.col(Documents.text).str.slice(0, _LABEL_SCAN_CHARS)
    )
    # Only a story's central article gives its label.
    openings = documents.select(Documents.doc_id, Documents.title, opening.alias("opening")).filter(
        pl.col(Documents.doc_id).is_in(list(central.values()))
    )
    label_of = {doc_id: _label(title, text or "") for doc_id, title, text in openings.iter_rows()}
    central_by_story = {make_story_id(founder): label_of[doc] for founder, doc in central.items()}
    entity_docs = (
        mentions.filter(pl.col(Mentions.entity_id).is_not_null())
        .select(Mentions.doc_id, Mentions.entity_id)
        .unique()
        .join(columns_of(documents, Documents.doc_id, Documents.story_id), on=Mentions.doc_id)
    )
    top_entities: dict[str, list[str]] = {}
    for story_id, entity_ids in entity_docs.group_by(Documents.story_id).agg(pl.col(Mentions.entity_id)).iter_rows():
        counts = Counter(entity_ids)
        top_entities[story_id] = [e for e, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:_TOP_ENTITIES]]
    outlet = (
        pl.when(pl.col(Documents.source_name).is_not_null())
        .then(pl.col(Documents.source_name))
        .otherwise(pl.col(Documents.url).map_elements(_host, return_dtype=pl.String))
    )
    stories = (
        documents.group_by(Documents.story_id)
        .agg(
            pl.len().cast(pl.Int64).alias(Stories.n_documents),
            outlet.drop_nulls().n_unique().cast(pl.Int64).alias(Stories.n_sources),
            pl.col(Documents.published_date).min().alias(Stories.first_published),
            pl.col(Documents.published_date).max().alias(Stories.last_published),
        )
        .sort(Documents.story_id)
    )
    ids = stories[Stories.story_id].to_list()
    # A story made only of copies of a story whose founder is elsewhere cannot happen: copies share their original's story.
    return stories.with_columns(
        pl.Series(Stories.label, [central_by_story.get(s) or "(untitled)" for s in ids], dtype=pl.String),
        pl.Series(Stories.top_entity_ids, [top_entities.get(s, []) for s in ids], dtype=pl.List(pl.String)),
        pl.Series(Stories.merged_ids, [merged_ids.get(s, []) for s in ids], dtype=pl.List(pl.String)),
    ).select(polars_schema(Stories).names())


def _label(title: str | None, text: str) -> str:
    r"""The title, else the first line of the text with four words or more, shortened at a word.

    Example:
        >>> _label(None, "Jan 05, 2011\nA fire destroyed the old mill on Tuesday.")
        'A fire destroyed the old mill on Tuesday.'
    """
    lines = [line.strip() for line in text.strip().split("\n") if line.strip()]
    first = next((line for line in lines if len(line.split()) >= 4), lines[0] if lines else "")
    label = (title or "").strip() or first
    if len(label) > _LABEL_CHARS:
        label = label[:_LABEL_CHARS].rsplit(" ", 1)[0] + "…"
    return label or "(untitled)"


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None
