"""The registry's entries as shipped, without the indexes the resolver builds on them.

Reading them costs milliseconds and imports nothing heavy, so the analysis
stage can build its entity-ruler patterns (:mod:`newsfold.analyse.ruler`)
without paying for the name machinery (rigour's name data alone takes
seconds to load) before the parse starts.

Example:
    >>> entries, demonyms = read_registry_document()
    >>> min(entries, key=rank_entry).source
    'curated'
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from newsfold.errors import ModelError

__all__ = ["RegistryEntry", "rank_entry", "read_registry_document", "registry_entries_by_id"]

# Lower number wins when one spelling names several entries.
_PRIORITY = {"curated": 0, "country": 1, "capital": 2, "city": 3}


@dataclass(frozen=True)
class RegistryEntry:
    """One reference entity.

    Attributes:
        entity_id: Wikidata id when known, else a hash of source and key.
        canonical_name: Preferred name.
        entity_type: PER, ORG or LOC.
        wikidata_id: Wikidata item id or None.
        aliases: Every listed spelling, canonical name included.
        source: Where the entry comes from: curated, country, capital, city.
        country: ISO alpha-2 code of a place (or of the country itself).
        latitude: Latitude of a place, when known.
        longitude: Longitude of a place, when known.
        population: Population of a city (tie-breaker between namesakes).
        bare_surname: False when a bare surname alone must never mean this
            person across the corpus (a relative of a better-known namesake).
        place: For an institution named by a place ("U.S. Embassy in
            Baghdad"), that place's name.
        generic: Bare spellings ("U.S. Embassy") that mean this entry in an
            article naming ``place`` (and no other entry's place).
        former_ids: Ids the entry carried before (the hashed id of an entry
            that has since gained a Wikidata id); they stay findable.
        home_country: ISO alpha-2 code of a person's or organisation's
            country (``country`` is kept for places, as in the entities table).
    """

    entity_id: str
    canonical_name: str
    entity_type: str
    wikidata_id: str | None
    aliases: tuple[str, ...]
    source: str
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    population: int = 0
    bare_surname: bool = True
    place: str | None = None
    generic: tuple[str, ...] = ()
    former_ids: tuple[str, ...] = ()
    home_country: str | None = None


_GENERATED = "data/registry.generated.json"


def _read_generated() -> dict[str, Any]:
    path = resources.files("newsfold.names").joinpath(_GENERATED)
    try:
        return json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"cannot read the entity registry {path} (newsfold registry build): {exc}") from exc


def _make_entry(item: dict[str, Any]) -> RegistryEntry:
    return RegistryEntry(
        entity_id=item["entity_id"],
        canonical_name=item["canonical_name"],
        entity_type=item["entity_type"],
        wikidata_id=item.get("wikidata_id"),
        aliases=tuple(item["aliases"]),
        source=item["source"],
        country=item.get("country"),
        latitude=item.get("latitude"),
        longitude=item.get("longitude"),
        population=item.get("population", 0),
        bare_surname=item.get("bare_surname", True),
        place=item.get("place"),
        generic=tuple(item.get("generic", ())),
        former_ids=tuple(item.get("former_ids", ())),
        home_country=item.get("home_country"),
    )


@cache
def read_registry_document() -> tuple[tuple[RegistryEntry, ...], dict[str, str]]:
    """The shipped entries and the demonym table (folded demonym -> country id), once per process.

    Raises:
        ModelError: the shipped registry file cannot be read.
    """
    document = _read_generated()
    return tuple(_make_entry(item) for item in document["entries"]), document["demonyms"]


@cache
def registry_entries_by_id() -> dict[str, RegistryEntry]:
    """The shipped entries by entity id, without the name indexes of ``load_registry``.

    Placing entities needs only the entries' facts (home countries, points,
    former ids); the full registry's indexes take about 265 MB and 12 s to
    build, and a large run has released them by then.

    Example:
        >>> registry_entries_by_id()["Q30"].canonical_name
        'United States'
    """
    return {entry.entity_id: entry for entry in read_registry_document()[0]}


def rank_entry(entry: RegistryEntry) -> tuple[int, int, str]:
    """Sort key of entries sharing a spelling: curated first, then countries, capitals, cities; larger first."""
    return (_PRIORITY[entry.source], -entry.population, entry.entity_id)
