"""Build the ``entities`` table from final links.

Example:
    >>> import polars as pl
    >>> from newsfold.names.observe import make_observation, Link, EntityInfo
    >>> obs = [make_observation("men_1", "doc_1", 0, 4, "Iran", "GPE")]
    >>> table = build_entities_table(obs, {"men_1": Link("Q794", "registry_alias", 1.0)},
    ...     {"Q794": EntityInfo("Q794", "Iran", "LOC", "Q794", "IR")}, {})
    >>> table.select("entity_id", "n_mentions").row(0)
    ('Q794', 1)
"""

from __future__ import annotations

import datetime as dt

import polars as pl

from newsfold.names.observe import EntityInfo, Link, Observation, display_name
from schemas import Entities, empty_frame, polars_schema

__all__ = ["build_entities_table"]


def build_entities_table(
    observations: list[Observation],
    links: dict[str, Link],
    infos: dict[str, EntityInfo],
    published: dict[str, dt.date | None],
) -> pl.DataFrame:
    """One row per linked entity, with aliases and counts, sorted by id.

    Args:
        observations: Every observation (mentions and speakers).
        links: Final link of each observation by item id.
        infos: Descriptive columns of every linked entity.
        published: ``published_date`` by doc_id.

    Returns:
        A frame with exactly the columns and dtypes of ``schemas.Entities``.
        An alias's method is the one most of its mentions were linked by, and
        its score the lowest score among those.
    """
    if not observations:
        return empty_frame(Entities)
    chosen = [links[o.item_id] for o in observations]
    seen = pl.DataFrame(
        {
            "entity_id": [link.entity_id for link in chosen],
            "name": [display_name(o) for o in observations],
            "method": [link.method for link in chosen],
            "score": [float(link.score) for link in chosen],
            "weight": [o.weight for o in observations],
            "mentions": [0 if o.is_speaker else o.weight for o in observations],
            "doc_id": [o.doc_id for o in observations],
        },
        schema={
            "entity_id": pl.String,
            "name": pl.String,
            "method": pl.String,
            "score": pl.Float64,
            "weight": pl.Int64,
            "mentions": pl.Int64,
            "doc_id": pl.String,
        },
    )
    dates = pl.DataFrame(
        {"doc_id": list(published), "published_date": list(published.values())},
        schema={"doc_id": pl.String, "published_date": pl.Date},
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
    ids = sorted(set(seen["entity_id"].to_list()))
    described = pl.DataFrame(
        {
            Entities.entity_id: ids,
            Entities.canonical_name: [infos[i].canonical_name for i in ids],
            Entities.entity_type: [infos[i].entity_type for i in ids],
            Entities.wikidata_id: [infos[i].wikidata_id for i in ids],
            Entities.latitude: [infos[i].latitude for i in ids],
            Entities.longitude: [infos[i].longitude for i in ids],
            Entities.country: [infos[i].country for i in ids],
        },
        schema={
            Entities.entity_id: pl.String,
            Entities.canonical_name: pl.String,
            Entities.entity_type: pl.String,
            Entities.wikidata_id: pl.String,
            Entities.latitude: pl.Float64,
            Entities.longitude: pl.Float64,
            Entities.country: pl.String,
        },
    )
    table = described.join(aliases, on="entity_id").join(counts, on="entity_id").sort("entity_id")
    return table.select(list(polars_schema(Entities))).cast(dict(polars_schema(Entities)))
