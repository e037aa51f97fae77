"""Grouping names the registry does not know."""

from __future__ import annotations

import pytest

from newsfold.names.cluster import Sighting, cluster_observations, cluster_sightings, observed_key
from newsfold.names.compare import compare_names
from newsfold.names.forms import make_name_form
from newsfold.names.observe import make_observation
from newsfold.names.registry import make_entity_id


def _observe(names: list[tuple[str, str]]):
    return [
        make_observation(f"men_{i}", f"doc_{i}", 0, len(text), text, label) for i, (text, label) in enumerate(names)
    ]


@pytest.mark.parametrize(
    ("names", "expected_groups"),
    [
        (
            [("Mikhail Gorbachev", "PERSON"), ("Mikhail Gorbachev", "PERSON"), ("Mikhail Gorbachov", "PERSON")],
            [[0, 1, 2]],
        ),
        ([("Ahmad Vahidi", "PERSON"), ("Ahmed Vahidi", "PERSON")], [[0, 1]]),  # synonyms: one key
        ([("Kim Jong Chol", "PERSON"), ("Kim Jong Nam", "PERSON")], [[0], [1]]),
        ([("Harakat al-Nujaba", "ORG"), ("Harakat al-Nujaba", "GPE")], [[0], [1]]),  # type-gated
        ([("Ali Vahidi", "PERSON"), ("Reza Vahidi", "PERSON")], [[0], [1]]),
        # spaced or hyphened two ways: one name written together
        ([("Hongkong Land", "ORG"), ("Hong Kong Land", "ORG"), ("Hong-Kong Land", "ORG")], [[0, 1, 2]]),
        ([("Gulf Co-operation Council", "ORG"), ("Gulf Cooperation Council", "ORG")], [[0, 1]]),
        ([("Kim Dae Jung", "PERSON"), ("Kim Daejung", "PERSON"), ("Kim Young Sam", "PERSON")], [[0, 1], [2]]),
        ([("Du Co", "ORG"), ("Duco", "ORG")], [[0], [1]]),  # too short to tell
        # umlauts dropped or written out: one name
        ([("Südzucker", "ORG"), ("Suedzucker", "ORG"), ("Sudzucker", "ORG")], [[0, 1, 2]]),
        ([("Suedzucker", "ORG"), ("Sudzucker", "ORG"), ("Südzucker", "ORG")], [[0, 1, 2]]),
        ([("Münchener Rück", "ORG"), ("Muenchener Rueck", "ORG")], [[0, 1]]),
        ([("Zürich", "GPE"), ("Zuerich", "GPE")], [[0, 1]]),
        ([("Suedzucker", "ORG"), ("Sudzucker", "ORG")], [[0], [1]]),  # no umlaut to read: two spellings
        # an organisation's words in another order: one body when a word is rare, two when every word is common
        ([("Landesbank Schleswig-Holstein", "ORG"), ("Schleswig-Holstein Landesbank", "ORG")], [[0, 1]]),
        ([("1860 Munich", "ORG"), ("Munich 1860", "ORG")], [[0, 1]]),
        ([("National Commercial Bank", "ORG"), ("Commercial National Bank", "ORG")], [[0], [1]]),
        ([("Landesbank Schleswig-Holstein", "ORG"), ("Schleswig-Holstein", "GPE")], [[0], [1]]),
        # a number in words or figures, "for" or "of" between an organisation's words: one name
        ([("BBC Radio Four", "ORG"), ("BBC Radio 4", "ORG"), ("BBC Radio 5", "ORG")], [[0, 1], [2]]),
        ([("Institute for Fiscal Studies", "ORG"), ("Institute of Fiscal Studies", "ORG")], [[0, 1]]),
        ([("Institute for Fiscal Studies", "ORG"), ("Institute of Fiscal Policy", "ORG")], [[0], [1]]),
        # one key, two names: one-word names rigour knows apart
        ([("May", "PERSON"), ("Mao", "PERSON"), ("Moi", "PERSON"), ("May", "PERSON")], [[0, 3], [1], [2]]),
        ([("Neil", "PERSON"), ("Noel", "PERSON")], [[0], [1]]),
        ([("Osborne", "PERSON"), ("Osbourne", "PERSON")], [[0], [1]]),
        # one key, one name: spellings that share a name symbol, or one rigour does not know, or a full name
        ([("Hussein", "PERSON"), ("Husain", "PERSON")], [[0, 1]]),
        ([("Soleimani", "PERSON"), ("Sulaimani", "PERSON")], [[0, 1]]),
        ([("Mohammed", "PERSON"), ("Muhammad", "PERSON")], [[0, 1]]),
        ([("Hisham Nazer", "PERSON"), ("Hisham Nazir", "PERSON")], [[0, 1]]),
        # one key, two families: after English given names two letters apart are two people (Reuters 1987, BBC 2004)
        ([("Richard Loewy", "PERSON"), ("Richard Lowe", "PERSON"), ("Richard Loewy", "PERSON")], [[0, 2], [1]]),
        ([("Paul Tyler", "PERSON"), ("Paul Tellier", "PERSON"), ("Paul Tyler", "PERSON")], [[0, 2], [1]]),
        ([("William Sterling", "PERSON"), ("William Stirling", "PERSON")], [[0, 1]]),  # one letter: a slip
        # one key, two companies by their legal forms; a name without one joins the company seen most
        ([("Daewoo Corp", "ORG"), ("Daewoo Group", "ORG"), ("Daewoo", "ORG"), ("Daewoo Corp", "ORG")],
         [[0, 2, 3], [1]]),
        ([("USAir Inc", "ORG"), ("USAir Group", "ORG"), ("USAir", "ORG"), ("USAir Group", "ORG")], [[0], [1, 2, 3]]),
        ([("BASF AG", "ORG"), ("BASF Corp", "ORG"), ("BASF", "ORG")], [[0, 2], [1]]),  # a tie: the first seen
        ([("Westland Group", "ORG"), ("Westland Plc", "ORG"), ("Westland", "ORG")], [[0, 1, 2]]),
        # one key, two cities' own names
        ([("Haarlem", "GPE"), ("HAARLEM", "GPE"), ("Harlem", "GPE")], [[0, 1], [2]]),
        # The full name labelled ORG once still votes with the person, though a longer ORG spelling (a role glued
        # to it) reads as the same person's name; once the person wins, that longer spelling is the person too
        # (Reuters 1987).
        (
            [("Beryl Sprinkel", "PERSON")] * 3
            + [("Beryl Sprinkel", "ORG"), ("Council of Economic Advisers Beryl Sprinkel", "ORG")],
            [[0, 1, 2, 3, 4]],
        ),
        ([("Beryl Sprinkel", "PERSON")] * 3 + [("Beryl Sprinkel", "ORG")], [[0, 1, 2, 3]]),
        # A name that ends a person's longer name of the dataset, labelled PERSON too, is that person whatever
        # its ORG labels, and so is its title form labelled ORG (BBC 2005).
        (
            [("Kilroy-Silk", "ORG")] * 3
            + [("Kilroy-Silk", "PERSON"), ("Mr Kilroy-Silk", "ORG")]
            + [("Robert Kilroy-Silk", "PERSON")] * 2,
            [[0, 1, 2, 3, 4, 5, 6]],
        ),
        # A one-word name stays apart by type (a surname, a company); an organisation that wins its vote does
        # not take the title form; without a person label the surname rule does not apply.
        ([("Ford", "ORG")] * 4 + [("Ford", "PERSON")] + [("Gerald Ford", "PERSON")] * 2, [[0, 1, 2, 3], [4], [5, 6]]),
        ([("Elton Brand", "ORG")] * 5 + [("Elton Brand", "PERSON"), ("Mr. Elton Brand", "ORG")],
         [[0, 1, 2, 3, 4, 5], [6]]),
        ([("Lansdowne Road", "FAC")] * 3 + [("Lansdowne Road", "GPE"), ("Perpignan at Lansdowne Road", "PERSON")],
         [[0, 1, 2, 3], [4]]),
    ],
)
def test_cluster_observations_groups_variants_only(names, expected_groups):
    observations = _observe(names)
    links, infos = cluster_observations(observations)
    groups: dict[str, list[int]] = {}
    for i, obs in enumerate(observations):
        groups.setdefault(links[obs.item_id].entity_id, []).append(i)
    assert sorted(groups.values()) == expected_groups
    assert set(groups) <= set(infos)


def test_cluster_observations_never_chains_fuzzy_matches():
    # Gorbachov is close to both Gorbachev and Gorbachkovs; those two are not
    # close. The head (Gorbachev, most observed) takes Gorbachov, and
    # Gorbachkovs must not join it through Gorbachov.
    names = [("Mikhail Gorbachev", "PERSON")] * 3 + [("Mikhail Gorbachov", "PERSON"), ("Mikhail Gorbachkovs", "PERSON")]
    observations = _observe(names)
    links, _ = cluster_observations(observations)
    head = links["men_0"].entity_id
    assert (links["men_3"].entity_id, links["men_3"].method) == (head, "fuzzy_key")
    assert links["men_4"].entity_id != head
    assert links["men_4"].method == "exact_key"


def test_organisation_spellings_chain_through_a_misprinted_first_spelling():
    # The first spelling is a misprint ("Lehmand"); "Lehamn" is one slip from "Lehman", which joined it,
    # and two from "Lehmand": it reaches the entity through "Lehman".
    names = [("Shearson Lehmand Brothers Inc", "ORG"), ("Shearson Lehman Brothers Inc", "ORG"),
             ("Shearson Lehamn Brothers Inc", "ORG")]
    links, _ = cluster_observations(_observe(names))
    assert links["men_0"].entity_id == links["men_1"].entity_id == links["men_2"].entity_id
    assert [links[f"men_{i}"].method for i in range(3)] == ["exact_key", "fuzzy_key", "fuzzy_key"]
    # Without the middle spelling the two misprints stay apart.
    links, _ = cluster_observations(_observe([names[0], names[2]]))
    assert links["men_0"].entity_id != links["men_1"].entity_id


def test_cluster_observations_canonical_name_is_most_frequent_spelling():
    observations = _observe(
        [("Mikhail Gorbachov", "PERSON"), ("Mikhail Gorbachev", "PERSON"), ("Mikhail Gorbachev", "PERSON")]
    )
    links, infos = cluster_observations(observations)
    assert infos[links["men_0"].entity_id].canonical_name == "Mikhail Gorbachev"


def test_cluster_sightings_weighs_like_repeated_observations():
    # One sighting of weight 3 counts as three observations of the spelling:
    # it names the entity, though the older spelling heads the group and gives the id.
    sightings = [
        Sighting(make_name_form("Mikhail Gorbachov", "PER"), "Mikhail Gorbachov", "Mikhail Gorbachov", 1, 0),
        Sighting(make_name_form("Mikhail Gorbachev", "PER"), "Mikhail Gorbachev", "Mikhail Gorbachev", 3, 1),
    ]
    links, infos = cluster_sightings(sightings)
    assert [link.method for link in links] == ["exact_key", "fuzzy_key"]
    assert infos[links[1].entity_id].canonical_name == "Mikhail Gorbachev"


def test_cluster_keeps_the_id_a_merged_group_would_carry_alone():
    # Gorbachov alone would be its own entity; once it joins Gorbachev (seen
    # earlier) its own id must stay findable in merged_ids.
    alone = Sighting(make_name_form("Mikhail Gorbachov", "PER"), "Mikhail Gorbachov", "Mikhail Gorbachov", 1)
    alone_links, _ = cluster_sightings([alone])
    links, infos = cluster_sightings(
        [Sighting(make_name_form("Mikhail Gorbachev", "PER"), "Mikhail Gorbachev", "Mikhail Gorbachev", 3), alone._replace(first_seen=1)]
    )
    head = links[0].entity_id
    assert (links[1].entity_id, links[1].method) == (head, "fuzzy_key")
    assert infos[head].merged_ids == (alone_links[0].entity_id,)
    assert alone_links[0].entity_id != head


def test_cluster_observations_joined_spellings_keep_the_oldest_id():
    observations = _observe([("Hongkong Land", "ORG"), ("Hong Kong Land", "ORG")])
    links, infos = cluster_observations(observations)
    assert links["men_0"] == links["men_1"]
    assert links["men_0"].entity_id == make_entity_id("ORG", make_name_form("Hongkong Land", "ORG").key)
    assert links["men_1"].method == "exact_key"


def test_an_unlisted_slip_of_a_listed_spelling_in_the_dataset_takes_the_listed_entity():
    # "Vladimir Poutin" is one slip from a spelling the registry linked; the listed entity takes it
    # and keeps the id the slip would carry alone.
    slip = make_name_form("Vladimir Poutin", "PER")
    absorbed: dict[str, set[str]] = {}
    links, infos = cluster_sightings(
        [Sighting(slip, slip.text, slip.text, 1)], anchors=[(make_name_form("Vladimir Putin", "PER"), "Q7747")], absorbed=absorbed
    )
    assert (links[0].entity_id, links[0].method) == ("Q7747", "registry_fuzzy")
    assert absorbed == {"Q7747": {make_entity_id("PER", observed_key(slip, slip.text))}}
    assert "Q7747" not in infos
    # No anchor: it stands alone.
    alone, _ = cluster_sightings([Sighting(slip, slip.text, slip.text, 1)])
    assert alone[0].method == "exact_key"


def _sightings(names: list[str]) -> list[Sighting]:
    return [Sighting(make_name_form(name, "PER"), name, name, 1, first_seen) for first_seen, name in enumerate(names)]


def test_a_spelling_matching_two_heads_that_match_each_other_joins_them_and_the_older_keeps_its_id():
    # The German and the Turkish-style spellings share no block, so each heads an entity; the English
    # one matches both within the ambiguity margin, and the two match each other: one person.
    names = ["Michail Chodorkowski", "Mikhail Hodorkovsky", "Mikhail Khodorkovsky"]
    alone = [cluster_sightings(_sightings([name]))[0][0].entity_id for name in names]
    links, infos = cluster_sightings(_sightings(names))
    assert {link.entity_id for link in links} == {alone[0]}
    assert [link.method for link in links] == ["exact_key", "fuzzy_key", "fuzzy_key"]
    # the second head's link scores as the two heads compared
    assert links[1].score == compare_names(make_name_form(names[0], "PER"), make_name_form(names[1], "PER")).score
    assert set(infos) == {alone[0]}
    assert set(infos[alone[0]].merged_ids) == {alone[1], alone[2]}


def test_a_spelling_matching_two_heads_that_are_two_people_stays_alone():
    # "C. Lewis" may be Carl or Chris Lewis; they are two people, so it joins neither and joins nothing.
    links, infos = cluster_sightings(_sightings(["Carl Lewis", "Chris Lewis", "C. Lewis"]))
    assert len({link.entity_id for link in links}) == 3
    assert len(infos) == 3


@pytest.mark.parametrize(
    ("names", "same"),
    [
        # a letter dropped or two swapped inside the family name: the keys differ early, the blocks meet
        (["Alec Stewart", "Alec Stwart"], True),
        (["Bernard Ingham", "Bernard Ingahm"], True),
        (["Bernie Ebbers", "Bernie Ebkers"], True),
        # the comparison still decides: two family names rigour knows ("Robison"), another given name
        (["Andy Robinson", "Andy Robison"], False),
        (["Bernard Ingham", "Bernard Ingram"], False),
        (["Alec Stewart", "Bruce Stwart"], False),
    ],
)
def test_a_slip_anywhere_in_a_family_name_meets_the_name(names, same):
    links, _ = cluster_sightings(_sightings(names))
    assert (links[0].entity_id == links[1].entity_id) is same


@pytest.mark.parametrize(
    ("names", "same"),
    [
        # a one-word company name and its misprint in a few articles: a slip early in the word changes its key's
        # first letters, and the word one letter short meets it (articles: the name's, then the misprint's)
        ([("Qintex", 7), ("Quintex", 1)], True),
        ([("Schlumberger", 7), ("Sclumberger", 1)], True),
        ([("Qintex", 3), ("Quintex", 1)], True),  # three times the articles is enough
        # two coined names a letter apart, in as many articles: two companies
        ([("Radtech", 1), ("Raytech", 1)], False),
        ([("Codelco", 1), ("Copelco", 1)], False),
        ([("Qintex", 2), ("Quintex", 1)], False),
        # a word English or rigour knows is a name of its own, however rare beside the other
        ([("Express", 30), ("Empress", 1)], False),
        ([("Goldman", 30), ("Goodman", 1)], False),
    ],
)
def test_a_one_word_misprint_meets_its_name_in_far_more_articles(names, same):
    sightings = [
        Sighting(make_name_form(text, "ORG"), text, text, articles, first_seen, articles)
        for first_seen, (text, articles) in enumerate(names)
    ]
    links, _ = cluster_sightings(sightings)
    assert (links[0].entity_id == links[1].entity_id) is same


@pytest.mark.parametrize(
    ("names", "same"),
    [
        # two letters swapped across the middle of the last word: first and last letters both change
        ([("Bank of Tokyo", "ORG"), ("Bank of Toyko", "ORG")], True),
        ([("Ashai Shimbun", "ORG"), ("Asahi Shimbun", "ORG")], True),
        ([("Bank of Tokyo", "ORG"), ("Bank of Kyoto", "ORG")], False),  # all letters shared, another city
        ([("Arvin Industries", "ORG"), ("Raven Industries", "ORG")], False),  # another first letter: another name
    ],
)
def test_an_organisation_with_two_letters_swapped_meets_its_name(names, same):
    sightings = [Sighting(make_name_form(text, entity_type), text, text, 1) for text, entity_type in names]
    links, _ = cluster_sightings(sightings)
    assert (links[0].entity_id == links[1].entity_id) is same


@pytest.mark.parametrize(
    ("names", "same"),
    [
        # a slip early in the first word of a longer name: its key's first letters change, the rest stays
        ([("Tandy Brands Inc", "ORG"), ("Trandy Brands Inc", "ORG")], True),
        ([("Baker Hughes", "ORG"), ("Basker Hughes", "ORG")], True),
        ([("Kern County", "LOC"), ("Kearn County", "LOC")], True),
        # the comparison still decides: two English words, another compass point
        ([("Home Depot", "ORG"), ("Hose Depot", "ORG")], False),
        ([("West Virginia", "LOC"), ("East Virginia", "LOC")], False),
        ([("Baker Hughes", "ORG"), ("Basker Hughes Tool", "ORG")], False),  # the rest of the name differs
        ([("Ross Stores Inc", "ORG"), ("Rose's Stores Inc", "ORG")], False),  # a possessive is no slip
    ],
)
def test_a_slip_early_in_the_first_word_of_a_longer_name_meets_the_name(names, same):
    sightings = [Sighting(make_name_form(text, entity_type), text, text, 1) for text, entity_type in names]
    links, _ = cluster_sightings(sightings)
    assert (links[0].entity_id == links[1].entity_id) is same


@pytest.mark.parametrize(
    "names",
    [
        # a bare name between two companies its legal forms tell apart joins one of them, never both
        [("Anheuser-Busch", 5), ("Anheuser-Busch Cos Inc", 3), ("Anheuser-Busch Inc", 3)],
        [("Daewoo", 9), ("Daewoo Corp", 4), ("Daewoo Group", 2)],
        [("Northern Telecom", 6), ("Northern Telecom Ltd", 6), ("Northern Telecom Inc", 2)],
    ],
)
def test_companies_split_by_legal_form_never_join_through_a_bare_name(names):
    sightings = [
        Sighting(make_name_form(text, "ORG"), text, text, articles, first_seen, articles)
        for first_seen, (text, articles) in enumerate(names)
    ]
    links, _ = cluster_sightings(sightings)
    bare, first, second = (link.entity_id for link in links)
    assert first != second
    assert bare in (first, second)


@pytest.mark.parametrize(
    ("names", "same"),
    [
        # one key (the key folds doubled letters), two names rigour knows: Phillips Petroleum is not N.V. Philips
        (["Phillips", "Philips"], False),
        (["Philips", "NV Philips"], True),
        (["Mitsubishi", "Mitsubushi"], True),  # a spelling rigour does not know may be a misprint
    ],
)
def test_one_word_company_names_rigour_knows_apart_stay_apart(names, same):
    sightings = [Sighting(make_name_form(text, "ORG"), text, text, 1, first) for first, text in enumerate(names)]
    links, _ = cluster_sightings(sightings)
    assert (links[0].entity_id == links[1].entity_id) is same


@pytest.mark.parametrize(
    ("names", "same"),
    [
        # a letter dropped or added: a place GeoNames knows and a spelling that names no place
        (["Louisiana", "Lousiana"], True),  # the keys begin apart ("laisaina", "lusaina")
        (["Pennsylvania", "Pennslvania"], True),
        (["California", "Califoirnia"], True),
        (["Guangdong", "Guandong"], True),
        (["Greenville", "Greeneville"], False),  # two towns
        (["Maryville", "Marysville"], False),
        (["Russia", "Prussia"], False),  # another first letter, and both places
        (["Zorblatia", "Zorblatica"], False),  # two words GeoNames lists for no place: nothing decides
    ],
)
def test_a_place_with_a_letter_dropped_meets_the_place(names, same):
    sightings = [Sighting(make_name_form(text, "LOC"), text, text, 1) for text in names]
    links, _ = cluster_sightings(sightings)
    assert (links[0].entity_id == links[1].entity_id) is same


@pytest.mark.parametrize(
    "names",
    [
        # the province with its division word came first; the slip is one of its bare name, which joined it
        ["Guangdong Province", "Guangdong", "Guanghdong"],
        ["Guangdong", "Guangdong Province", "Guanghdong"],
    ],
)
def test_a_slip_meets_any_spelling_the_groups_joined_not_only_the_oldest(names):
    sightings = [Sighting(make_name_form(text, "LOC"), text, text, 1, first) for first, text in enumerate(names)]
    links, _ = cluster_sightings(sightings)
    assert len({link.entity_id for link in links}) == 1


@pytest.mark.parametrize(
    ("names", "same"),
    [
        # a place's other name in an organisation's name: the keys of its words share no letters to block on
        (["Rapid Vienna", "Rapid Wien"], True),
        (["Vienna Stock Exchange", "Wien Stock Exchange"], True),
        (["Lokomotiv Moscow", "Lokomotiv Moskva"], True),
        (["Rapid Vienna", "Austria Vienna"], False),  # the place alike, the other word not
        (["Rapid Vienna", "Rapid Venice"], False),
    ],
)
def test_an_organisation_named_with_a_places_other_name_meets_it(names, same):
    sightings = [Sighting(make_name_form(text, "ORG"), text, text, 1) for text in names]
    links, _ = cluster_sightings(sightings)
    assert (links[0].entity_id == links[1].entity_id) is same
