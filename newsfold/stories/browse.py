"""Reading stories back from a dataset: the largest and newest, and one story in full.

Example:
    >>> largest, newest = list_stories("output", limit=5)  # doctest: +SKIP
    >>> story = describe_story("output", largest["story_id"][0])  # doctest: +SKIP
    >>> story.articles.columns  # doctest: +SKIP
    ['doc_id', 'published_date', 'source', 'title', 'duplicate_of']
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polars as pl

from newsfold.errors import StoreError
from newsfold.load import open_dataset
from schemas import Documents, Entities, Quotes, Stories

__all__ = ["StoryDetail", "list_stories", "describe_story"]


@dataclass(frozen=True)
class StoryDetail:
    """One story with its articles, top entities and quotes.

    Attributes:
        story: Its ``stories`` row, as a dict.
        asked_for: The id asked for (a merged id leads to the surviving story).
        articles: doc_id, published_date, source, title, duplicate_of; oldest first.
        entities: entity_id, canonical_name, entity_type of its top entities, in order.
        quotes: speaker_name, text and doc_id of its quotes, in article order.
    """

    story: dict
    asked_for: str
    articles: pl.DataFrame
    entities: pl.DataFrame
    quotes: pl.DataFrame


def list_stories(out: str | Path = "output", *, limit: int = 10) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The ``limit`` largest stories and the ``limit`` newest (by last publication), as ``stories`` rows."""
    stories = open_dataset(out).read_table("stories")
    largest = stories.sort(
        [Stories.n_documents, Stories.last_published, Stories.story_id],
        descending=[True, True, False], nulls_last=True,
    ).head(limit)
    newest = stories.sort(
        [Stories.last_published, Stories.n_documents, Stories.story_id],
        descending=[True, True, False], nulls_last=True,
    ).head(limit)
    return largest, newest


def describe_story(out: str | Path, story_id: str) -> StoryDetail:
    """The story ``story_id`` (or the one it was merged into) in full.

    Raises:
        StoreError: when no story has that id, even as a merged id.
    """
    snapshot = open_dataset(out)
    stories = snapshot.read_table("stories")
    found = stories.filter(
        (pl.col(Stories.story_id) == story_id) | pl.col(Stories.merged_ids).list.contains(story_id)
    )
    if found.height == 0:
        raise StoreError(f"no story {story_id!r} in {out}")
    story = found.row(0, named=True)
    documents = snapshot.read_table("documents").filter(pl.col(Documents.story_id) == story[Stories.story_id])
    articles = documents.select(
        Documents.doc_id,
        Documents.published_date,
        pl.coalesce(Documents.source_name, Documents.url, pl.lit("(no source given)")).alias("source"),
        pl.coalesce(Documents.title, pl.col(Documents.text).str.slice(0, 80)).alias(Documents.title),
        Documents.duplicate_of,
    ).sort([Documents.published_date, Documents.doc_id], nulls_last=True)
    order = {entity_id: rank for rank, entity_id in enumerate(story[Stories.top_entity_ids])}
    entities = (
        snapshot.read_table("entities")
        .filter(pl.col(Entities.entity_id).is_in(list(order)))
        .select(Entities.entity_id, Entities.canonical_name, Entities.entity_type)
        .sort(pl.col(Entities.entity_id).replace_strict(order, return_dtype=pl.Int64))
    )
    quotes = (
        snapshot.read_table("quotes")
        .filter(pl.col(Quotes.doc_id).is_in(documents[Documents.doc_id].implode()))
        .select(Quotes.speaker_name, Quotes.text, Quotes.doc_id, Quotes.start)
        .sort([Quotes.doc_id, Quotes.start])
        .drop(Quotes.start)
    )
    return StoryDetail(story=story, asked_for=story_id, articles=articles, entities=entities, quotes=quotes)
