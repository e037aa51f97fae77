"""Build the ``entities`` table from final links.

Example:
    >>> import polars as pl
    >>> from newsfold.names.observe import EntityInfo
    >>> seen = pl.DataFrame({"entity_id": ["Q794"], "name": ["Iran"], "method": ["registry_alias"], "score": [1.0],
    ...     "weight": [2], "mentions": [2], "doc_id": ["doc_1"]})
    >>> documents = pl.DataFrame({"doc_id": ["doc_1"], "published_date": [None]}, schema={"doc_id": pl.String, "published_date": pl.Date})
    >>> table = build_entities_table(seen, {"Q794": EntityInfo("Q794", "Iran", "LOC", "Q794", "IR")}, documents)
    >>> table.select("entity_id", "n_mentions").row(0)
    ('Q794', 2)
"""

from __future__ import annotations

import polars as pl

from newsfold.frames import columns_of
from newsfold.names.observe import EntityInfo
from schemas import Entities, empty_frame, polars_schema

__all__ = ["build_entities_table", "SEEN_SCHEMA"]

#: One row per observation with its final link: what the table is built from.
SEEN_SCHEMA = pl.Schema(
    {
        "entity_id": pl.String,
        "name": pl.String,
        "method": pl.String,
        "score": pl.Float64,
        "weight": pl.Int64,
        "mentions": pl.Int64,
        "doc_id": pl.String,
    }
)


def build_entities_table(seen: pl.DataFrame, infos: dict[str, EntityInfo], documents: pl.DataFrame) -> pl.DataFrame:
    """One row per linked entity, with aliases and counts, sorted by id.

    Args:
        seen: One row per observation (mention group or speaker) with the
            columns of ``SEEN_SCHEMA``: its entity, display name, method,
            score, weight, the mentions it stands for (0 for a speaker) and
            its article.
        infos: Descriptive columns of every linked entity.
        documents: doc_id, published_date (for first_seen / last_seen).

    Returns:
        A frame with exactly the columns and dtypes of ``schemas.Entities``.
        An alias's method is the one most of its mentions were linked by, and
        its score the lowest score among those.
    """
    if not seen.height:
        return empty_frame(Entities)
    seen = seen.select(list(SEEN_SCHEMA)).cast(dict(SEEN_SCHEMA))
    dates = (
        columns_of(documents, "doc_id", "published_date")
        .select(pl.col("doc_id").cast(pl.String), pl.col("published_date").cast(pl.Date))
        .unique("doc_id", keep="last")
    )
    aliases = (
        seen.group_by("entity_id", "name", "method")
        .agg(pl.col("weight").sum().alias("count"), pl.col("score").min())
        .sort(["entity_id", "name", "count", "method"], descending=[False, False, True, False])
        .group_by("entity_id", "name", maintain_order=True)
        .agg(pl.col("count").sum(), pl.col("method").first(), pl.col("score").first())
        .sort(["entity_id", "count", "name"], descending=[False, True, False])
        .group_by("entity_id", maintain_order=True)
        .agg(pl.struct("name", "count", "method", "score").alias(Entities.aliases))
    )
    counts = (
        seen.join(dates, on="doc_id", how="left")
        .group_by("entity_id")
        .agg(
            pl.col("mentions").sum().alias(Entities.n_mentions),
            pl.col("doc_id").n_unique().cast(pl.Int64).alias(Entities.n_documents),
            pl.col("published_date").min().alias(Entities.first_seen),
            pl.col("published_date").max().alias(Entities.last_seen),
        )
    )
    ids = seen["entity_id"].unique().sort().to_list()
    described = pl.DataFrame(
        {
            Entities.entity_id: ids,
            Entities.canonical_name: [infos[i].canonical_name for i in ids],
            Entities.entity_type: [infos[i].entity_type for i in ids],
            Entities.wikidata_id: [infos[i].wikidata_id for i in ids],
            Entities.latitude: [infos[i].latitude for i in ids],
            Entities.longitude: [infos[i].longitude for i in ids],
            Entities.country: [infos[i].country for i in ids],
            Entities.merged_ids: [list(infos[i].merged_ids) for i in ids],
        },
        schema={
            Entities.entity_id: pl.String,
            Entities.canonical_name: pl.String,
            Entities.entity_type: pl.String,
            Entities.wikidata_id: pl.String,
            Entities.latitude: pl.Float64,
            Entities.longitude: pl.Float64,
            Entities.country: pl.String,
            Entities.merged_ids: pl.List(pl.String),
        },
    )
    table = described.join(aliases, on="entity_id").join(counts, on="entity_id").sort("entity_id")
    # Columns another stage fills (the places of newsfold.geo) start empty here.
    table = table.with_columns(pl.lit(None).alias(c) for c in polars_schema(Entities) if c not in table.columns)
    return table.select(list(polars_schema(Entities))).cast(dict(polars_schema(Entities)))
