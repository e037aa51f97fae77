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

_ENTITY_ID = r"^(Q[0-9]+|ent_[0-9a-f]{16})$"


class Entities(TableModel):
    """Canonical entities with every spelling observed for them."""

    entity_id: str = pa.Field(
        unique=True,
        str_matches=_ENTITY_ID,
        description="Permanent id: the Wikidata id (Q...) when known, else ent_ + a hash of the entity type and its canonical key; never derived from processing order.",
    )
    canonical_name: str = pa.Field(
        str_length={"min_value": 1},
        description="Preferred name: the registry name, a curated rename, or the most frequent observed spelling.",
    )
    entity_type: str = pa.Field(
        isin=ENTITY_TYPES,
        description="PER (person), ORG (organisation, also spaCy FAC), LOC (place, also demonyms such as 'Iranian') or MISC.",
    )
    wikidata_id: str = pa.Field(
        nullable=True,
        str_matches=r"^Q[0-9]+$",
        description="Wikidata item id, when the entity is in the reference registry with a known id.",
    )
    aliases: ALIAS_DTYPE = pa.Field(
        description="Observed spellings, most frequent first: name, number of mentions and quote speakers spelled so, the link method (registry_alias, registry_key, registry_demonym, registry_fuzzy, document_context, document_first_name, document_prominence, corpus_context, corpus_prominence, exact_key, fuzzy_key, curated_*, geocoded_split, dateline) and its score."
    )
    n_mentions: pl.Int64 = pa.Field(
        ge=0, description="Entity mentions linked to the entity (0 when only a quote speaker names it)."
    )
    n_documents: pl.Int64 = pa.Field(ge=1, description="Articles that mention the entity or quote it as a speaker.")
    first_seen: pl.Date = pa.Field(
        nullable=True,
        description="Earliest published_date of an article mentioning it (null when no such article has a date).",
    )
    last_seen: pl.Date = pa.Field(nullable=True, description="Latest published_date of an article mentioning it.")
    latitude: pl.Float64 = pa.Field(
        nullable=True,
        ge=-90.0,
        le=90.0,
        description=(
            "Latitude (WGS84) of a place: the registry's point, else that of the place its mentions were"
            " geocoded to (a country or subdivision: the centre of its settled area, see docs/places.md)."
        ),
    )
    longitude: pl.Float64 = pa.Field(
        nullable=True, ge=-180.0, le=180.0, description="Longitude (WGS84) of a place, as latitude."
    )
    country: str = pa.Field(
        nullable=True,
        str_matches=r"^[A-Z]{2}$",
        description="ISO 3166-1 alpha-2 country of a place (or the country itself).",
    )
    admin1: str = pa.Field(
        nullable=True,
        str_matches=r"^[A-Z]{2}[-.][A-Z0-9]+(?:[-.][A-Z0-9]+)*$",
        description=(
            "First-level subdivision of a place (state, province, nation of the UK): its ISO 3166-2 code"
            " (US-IL, GB-SCT), else the GeoNames admin1 code (TW.04); for a subdivision, its own code."
        ),
    )
    geonames_id: pl.Int64 = pa.Field(
        nullable=True, gt=0, description="GeoNames id of the place most of the entity's mentions were geocoded to (mentions geocoded to another real place belong to that place's own entity)."
    )
    feature_kind: str = pa.Field(
        nullable=True,
        isin=["continent", "country", "admin1", "admin2", "populated_place", "site"],
        description=(
            "Kind of that place: continent, country, admin1 (state, province), admin2 (county, district),"
            " populated_place (city, town, village) or site (a curated place GeoNames has no town for)."
        ),
    )
    merged_ids: pl.List(pl.String) = pa.Field(
        description=(
            "Ids that spellings merged into this entity carry on their own: an id issued"
            " before a merge (or before another spelling became the most frequent) is listed"
            " here, so it can always be looked up."
        ),
    )
