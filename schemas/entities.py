"""``entities``: one row per canonical entity."""

from __future__ import annotations

import polars as pl
import pandera.polars as pa

from schemas.base import TableModel

ENTITY_TYPES = ["PER", "ORG", "LOC", "MISC"]

ALIAS_DTYPE = pl.List(
    pl.Struct(
        {
            "name": pl.String,
            "count": pl.Int64,
            "method": pl.String,
            "score": pl.Float64,
        }
    )
)


class Entities(TableModel):
    """Canonical entities with every spelling observed for them."""

    entity_id: str = pa.Field(unique=True, str_length={"min_value": 1}, description="Permanent id: the Wikidata id when known, else derived from the canonical name key.")
    canonical_name: str = pa.Field(str_length={"min_value": 1}, description="Preferred name.")
    entity_type: str = pa.Field(isin=ENTITY_TYPES, description="PER, ORG, LOC or MISC.")
    wikidata_id: str = pa.Field(nullable=True, str_matches=r"^Q[0-9]+$", description="Wikidata item id, when the entity is in the reference registry.")
    aliases: ALIAS_DTYPE = pa.Field(description="Observed spellings: name, number of mentions, link method and score.")
    n_mentions: pl.Int64 = pa.Field(ge=1, description="Mentions linked to the entity.")
    n_documents: pl.Int64 = pa.Field(ge=1, description="Articles mentioning the entity.")
    first_seen: pl.Date = pa.Field(nullable=True, description="Earliest published_date of an article mentioning it.")
    last_seen: pl.Date = pa.Field(nullable=True, description="Latest published_date of an article mentioning it.")
    latitude: pl.Float64 = pa.Field(nullable=True, ge=-90.0, le=90.0, description="Latitude, for places in the registry.")
    longitude: pl.Float64 = pa.Field(nullable=True, ge=-180.0, le=180.0, description="Longitude, for places in the registry.")
    country: str = pa.Field(nullable=True, str_matches=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2 country of a place (or the country itself).")
