"""Acronyms and generic organisation names linked by their article or dataset."""

from __future__ import annotations

import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsfold.ids import make_id
from newsfold.names.forms import make_name_form
from newsfold.names.observe import Link
from newsfold.names.organisations import (
    acronym_keys_of_name,
    acronym_of,
    bare_club_name,
    bare_company_name,
    bare_name_before_tail,
    club_city,
    facility_stem,
    find_adjacent_definitions,
    find_defined_acronym_links,
    initials_of,
    loose_acronym_keys_of_name,
    name_before_last_tail,
    split_acronym_definition,
    title_case_acronym,
)
from newsfold.names.reconcile import reconcile_names
from newsfold.names.resolve import resolve_entities
from tests.names.conftest import build_documents, build_mentions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("OPCW", "opcw"),
        ("the NRC", "nrc"),
        ("N.R.C.", "nrc"),
        ("Nrc", None),
        ("NATO summit", None),
        ("A", None),
        # an ampersand between capitals: Marks & Spencer, American Telephone & Telegraph
        ("M&S", "ms"),
        ("AT&T", "att"),
        ("&A", None),
        ("A&", None),
        ("M&&S", None),
    ],
)
def test_acronym_of(text, expected):
    assert acronym_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # British news writes an acronym as a capitalised word
        ("Icann", "icann"),
        ("Gatt", "gatt"),
        ("the Libor", "libor"),
        # a common word, a common name, a place, three letters, capitals: no acronym written as a word
        ("Labour", None),
        ("Haas", None),
        ("Paris", None),
        ("Cie", None),
        ("ICANN", None),  # acronym_of reads capitals
        ("McCann", None),
    ],
)
def test_title_case_acronym(text, expected):
    assert title_case_acronym(text) == expected


@pytest.mark.parametrize(
    ("names", "joined"),
    [
        (["Icann", "Internet Corporation for Assigned Names and Numbers"], True),
        (["Gatt", "General Agreement on Tariffs and Trade"], True),
        (["Haas", "House Appropriations Agriculture Subcommittee"], False),  # a name, not an acronym
        # two organisations it spells: it could be either
        (
            ["Icann", "Internet Corporation for Assigned Names and Numbers", "Irish Council for Arts and New Networks"],
            False,
        ),
    ],
)
def test_an_acronym_written_as_a_word_joins_the_one_organisation_it_spells(names, joined):
    resolved = reconcile_names(pl.DataFrame({"name": names, "type": ["ORG"] * len(names)}))
    ids = resolved["entity_id"].to_list()
    assert (ids[0] == ids[1]) is joined


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Organisation for the Prohibition of Chemical Weapons", "opcw"),
        ("the Norwegian Refugee Council", "nrc"),
        ("Hayat Tahrir al-Sham", "hts"),
        ("Hezbollah", None),  # one word has no initials worth matching
    ],
)
def test_initials_of(text, expected):
    assert initials_of(text) == expected


@given(st.lists(st.sampled_from(["Norwegian", "Refugee", "Council", "of", "the", "Chemical"]), min_size=2, max_size=5))
def test_initials_spell_the_acronym_of_the_initials(words):
    initials = initials_of(" ".join(words))
    if initials is not None:
        assert acronym_of(initials.upper()) == initials


def _links(spans):
    mentions = build_mentions(spans)
    result = resolve_entities(mentions, build_documents(mentions))
    joined = mentions.join(result.mention_links, on="mention_id").join(
        result.entities.select("entity_id", "canonical_name"), on="entity_id"
    )
    return {(row["doc_id"][-4:], row["text"]): (row["canonical_name"], row["resolution"]) for row in joined.iter_rows(named=True)}, mentions


def test_acronym_links_by_article_then_dataset_and_vetoes_ambiguity():
    links, mentions = _links(
        [
            ("a", "Norwegian Refugee Council", "ORG"),
            ("a", "NRC", "ORG"),
            ("b", "NRC", "ORG"),  # the article is silent: the dataset has one candidate
            ("c", "Nuclear Regulatory Commission", "ORG"),
            ("c", "NRC", "ORG"),  # the article names another NRC: it decides
        ]
    )
    docs = {doc[-4:] for doc in mentions["doc_id"].to_list()}
    by_text = {}
    for (doc, text), value in links.items():
        by_text.setdefault(text, []).append(value)
    assert len(docs) == 3
    assert sorted(by_text["NRC"]) == sorted(
        [
            ("Norwegian Refugee Council", "document_context"),
            ("NRC", "exact_key"),  # two NRCs in the dataset: no corpus link
            ("Nuclear Regulatory Commission", "document_context"),
        ]
    )


@pytest.mark.parametrize(
    ("places", "expected"),
    [
        (["Baghdad"], "U.S. Embassy in Baghdad"),
        (["Baghdad", "Kyiv"], "U.S. Embassy"),  # two embassies fit: stays generic
        (["Paris"], "U.S. Embassy"),  # no listed embassy there
        ([], "U.S. Embassy"),
    ],
)
def test_generic_embassy_takes_the_place_its_article_names(places, expected):
    spans = [("a", place, "GPE") for place in places] + [("a", "the U.S. Embassy", "FAC")]
    links, _ = _links(spans)
    canonical, method = next(v for (doc, text), v in links.items() if text == "the U.S. Embassy")
    assert canonical == expected
    assert method == ("document_context" if expected != "U.S. Embassy" else "exact_key")


@pytest.mark.parametrize(
    ("article", "expected"),
    [
        # the registry's "ICC" is the International Criminal Court; an article naming another ICC alone decides
        (["Interstate Commerce Commission"], ("Interstate Commerce Commission", "document_context")),
        (["International Chamber of Commerce"], ("International Chamber of Commerce", "document_context")),
        ([], ("International Criminal Court", "registry_alias")),  # an article silent on it: the registry's
        (["International Chamber of Commerce", "International Criminal Court"], ("International Criminal Court", "registry_alias")),
    ],
)
def test_a_listed_acronym_takes_the_one_organisation_its_article_spells_with_it(article, expected):
    links, _ = _links([("a", name, "ORG") for name in article] + [("a", "ICC", "ORG"), ("b", "Red Cross", "ORG")])
    assert next(value for (_, text), value in links.items() if text == "ICC") == expected


def test_a_listed_two_letter_acronym_keeps_its_entry_whatever_its_article_spells():
    links, _ = _links([("a", "Ukrainian Navy", "ORG"), ("a", "UN", "ORG")])
    assert next(value for (_, text), value in links.items() if text == "UN") == ("United Nations", "registry_alias")


def test_an_acronym_reads_a_slip_of_its_expansion_as_the_expansion_s_entity():
    # The descriptor rule moves "Securities and Exchange Commission" to the placed "U.S. ..." one, and its slip
    # follows: "SEC" meets one candidate, not the slip's old entity as a second.
    names = ["SEC", "Securities and Exchnage Commission", "Securities and Exchange Commission",
             "U.S. Securities and Exchange Commission"]
    by_name = _organisations_by_name(names)
    assert len({row["entity_id"] for row in by_name.values()}) == 1


def test_acronym_links_across_the_dataset_when_one_organisation_fits():
    links, _ = _links([("a", "Norwegian Refugee Council", "ORG"), ("b", "NRC", "ORG"), ("b", "UNOPS", "ORG")])
    values = {text: value for (_, text), value in links.items()}
    assert values["NRC"] == ("Norwegian Refugee Council", "corpus_context")
    assert values["UNOPS"] == ("UNOPS", "exact_key")  # no organisation has those initials (OPCW is now listed)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Zarovian Security Bureau (GBZ)", ("Zarovian Security Bureau", "gbz")),
        ("the GBZ (Zarovian Security Bureau)", ("Zarovian Security Bureau", "gbz")),
        ("Communist Party of Zarovia (K.P.Z.)", ("Communist Party of Zarovia", "kpz")),
        ("Hamas (Gaza)", None),  # the parenthesis holds no acronym
        ("Zarovian Security Bureau (Monday)", None),
        ("GBZ (Bureau)", None),  # one word is no expansion
        ("Zarovian Security Bureau", None),
        ("(GBZ) Zarovian Security Bureau", None),
    ],
)
def test_split_acronym_definition(text, expected):
    assert split_acronym_definition(text) == expected


def _by_doc(spans):
    """(doc name, text) -> (canonical name, entity id, resolution)."""
    mentions = build_mentions(spans)
    result = resolve_entities(mentions, build_documents(mentions))
    names = {make_id("doc", doc): doc for doc, _, _ in spans}
    joined = mentions.join(result.mention_links, on="mention_id").join(
        result.entities.select("entity_id", "canonical_name"), on="entity_id"
    )
    return {
        (names[row["doc_id"]], row["text"]): (row["canonical_name"], row["entity_id"], row["resolution"])
        for row in joined.iter_rows(named=True)
    }


def test_defined_acronym_takes_its_expansion_in_its_article_only():
    links = _by_doc(
        [
            ("a", "Zarovian Security Bureau (GBZ)", "ORG"),
            ("a", "GBZ", "ORG"),  # letters spell no English initials: the parenthesis is the evidence
            ("c", "GBZ", "ORG"),  # no definition here, and one article is no majority: stays its own entity
        ]
    )
    expansion = links[("a", "Zarovian Security Bureau (GBZ)")][1]
    assert links[("a", "GBZ")][1:] == (expansion, "document_context")
    assert links[("c", "GBZ")][2] == "exact_key"
    assert links[("c", "GBZ")][1] != expansion


def test_defined_acronym_written_both_ways_is_one_body_that_two_articles_give_the_others():
    links = _by_doc(
        [
            ("a", "Zarovian Security Bureau (GBZ)", "ORG"),
            ("a", "GBZ", "ORG"),
            ("b", "GBZ (Zarovian Security Bureau)", "ORG"),  # the same words in another order: one body
            ("b", "GBZ", "ORG"),
            ("c", "GBZ", "ORG"),  # two articles spell it out alike: the acronym means it here too
        ]
    )
    expansion = links[("a", "Zarovian Security Bureau (GBZ)")][1]
    assert links[("b", "GBZ (Zarovian Security Bureau)")][1] == links[("b", "GBZ")][1] == expansion
    assert links[("c", "GBZ")][1:] == (expansion, "corpus_context")


def test_defined_acronym_takes_the_long_name_written_alone_or_listed():
    links = _by_doc(
        [
            ("a", "the Zarovian Security Bureau", "ORG"),
            ("a", "Zarovian Security Bureau (GBZ)", "ORG"),
            ("a", "GBZ", "ORG"),
            ("b", "Islamic Revolutionary Guard Corps (Sepah)", "ORG"),  # not capitals: no definition
            ("c", "Federal Security Service (FSB)", "ORG"),  # the registry lists the long name
        ]
    )
    alone = links[("a", "the Zarovian Security Bureau")][1]
    assert links[("a", "GBZ")][1] == links[("a", "Zarovian Security Bureau (GBZ)")][1] == alone
    assert links[("b", "Islamic Revolutionary Guard Corps (Sepah)")][2] == "exact_key"
    assert links[("c", "Federal Security Service (FSB)")][0] == "Federal Security Service"


@pytest.mark.parametrize(
    ("spans", "acronym_entity"),
    [
        # the article defines NRC: the definition beats two organisations its initials spell
        (
            [("a", "National Reform Council", "ORG"), ("a", "Nuclear Regulatory Commission (NRC)", "ORG"), ("a", "NRC", "ORG")],
            "Nuclear Regulatory Commission (NRC)",
        ),
        # two definitions of one acronym in one article veto each other
        (
            [("a", "Zarovian Security Bureau (GBZ)", "ORG"), ("a", "Gorlan Border Zone (GBZ)", "ORG"), ("a", "GBZ", "ORG")],
            None,
        ),
    ],
)
def test_defined_acronym_wins_over_initials_and_vetoes_conflicts(spans, acronym_entity):
    links = _by_doc(spans)
    acronym = links[("a", "NRC" if acronym_entity else "GBZ")]
    if acronym_entity is None:
        assert acronym[2] == "exact_key"
    else:
        assert acronym[1:] == (links[("a", acronym_entity)][1], "document_context")


def test_placed_descriptors_are_one_entity_across_articles():
    links = _by_doc(
        [
            ("a", "Foreign Ministry of Zarovia", "ORG"),
            ("b", "Russia's Ministry of Foreign Affairs", "ORG"),
            ("c", "Foreign Ministry of Russia", "ORG"),
            ("c", "Foreign Ministry of Russia", "ORG"),
            ("d", "the Russian foreign affairs ministry", "ORG"),
            ("e", "Ministry of Defense of Russia", "ORG"),  # the registry lists the Russian defence ministry
            ("f", "Iraqi Ministry of Foreign Affairs", "ORG"),
        ]
    )
    russian = links[("c", "Foreign Ministry of Russia")]
    assert russian[2] == "exact_key"  # the most observed spelling heads the group
    assert links[("b", "Russia's Ministry of Foreign Affairs")][1:] == (russian[1], "descriptor_key")
    assert links[("d", "the Russian foreign affairs ministry")][1:] == (russian[1], "descriptor_key")
    assert links[("e", "Ministry of Defense of Russia")][0] == "Russian Ministry of Defence"
    assert links[("f", "Iraqi Ministry of Foreign Affairs")][1] != russian[1]
    assert links[("a", "Foreign Ministry of Zarovia")][1] != russian[1]  # "Zarovia" names no listed place


@pytest.mark.parametrize(
    ("spans", "bare_joins"),
    [
        # the article's one placed spelling: the bare ones mean it
        ([("Russian Foreign Ministry", "ORG"), ("the Foreign Ministry", "ORG")], "Russian Foreign Ministry"),
        # the article names one country and the registry lists its ministry
        ([("Iran", "GPE"), ("Tehran", "GPE"), ("the Foreign Ministry", "ORG")], "Iranian Foreign Ministry"),
        # two countries: the bare ministry may be either
        ([("Iran", "GPE"), ("Iraq", "GPE"), ("the Foreign Ministry", "ORG")], None),
        # two placed spellings: veto
        ([("Russian Foreign Ministry", "ORG"), ("Iranian Foreign Ministry", "ORG"), ("the Foreign Ministry", "ORG")], None),
        # one country named, but nothing of its with those words anywhere
        ([("Chad", "GPE"), ("the Foreign Ministry", "ORG")], None),
    ],
)
def test_bare_descriptor_takes_its_articles_placed_entity(spans, bare_joins):
    links = _by_doc([("a", text, label) for text, label in spans])
    bare = links[("a", "the Foreign Ministry")]
    if bare_joins is None:
        assert bare[2] == "exact_key"
    else:
        assert bare[0] == bare_joins
        assert bare[2] == "document_context"


def test_bare_descriptors_join_within_an_article_never_across():
    links = _by_doc(
        [
            ("a", "Iran", "GPE"),
            ("a", "Iraq", "GPE"),
            ("a", "the Foreign Ministry", "ORG"),
            ("a", "Ministry of Foreign Affairs", "ORG"),
            ("a", "the foreign affairs ministry", "ORG"),
            # "for" reads as "of": one key with "Foreign Ministry" (c) whatever the article, not a descriptor link
            ("b", "Ministry for Foreign Affairs", "ORG"),
            ("c", "Ministry of Foreign Trade", "ORG"),
            ("c", "Foreign Ministry", "ORG"),
        ]
    )
    in_a = {links[("a", text)][1] for text in ("the Foreign Ministry", "Ministry of Foreign Affairs", "the foreign affairs ministry")}
    assert len(in_a) == 1
    assert links[("b", "Ministry for Foreign Affairs")][2] == "exact_key"
    assert links[("b", "Ministry for Foreign Affairs")][1] == links[("c", "Foreign Ministry")][1]
    assert links[("c", "Ministry of Foreign Trade")][1] != links[("c", "Foreign Ministry")][1]


def test_region_descriptors_are_one_entity_across_articles_and_keep_cities_apart():
    links = _by_doc(
        [
            ("a", "Primorsky Krai", "GPE"),
            ("b", "Primorye Territory", "LOC"),
            ("b", "Primorsky Region", "GPE"),
            ("c", "Moscow", "GPE"),
            ("c", "Moscow Region", "GPE"),
            ("d", "Moscow Oblast", "GPE"),
            ("e", "Kirovsky District", "GPE"),
            ("e", "Kirov Region", "GPE"),
        ]
    )
    primorye = {links[key][1] for key in [("a", "Primorsky Krai"), ("b", "Primorye Territory"), ("b", "Primorsky Region")]}
    assert len(primorye) == 1
    assert links[("d", "Moscow Oblast")][1] == links[("c", "Moscow Region")][1] != links[("c", "Moscow")][1]
    assert links[("e", "Kirovsky District")][1] != links[("e", "Kirov Region")][1]


def _spans_in(text, pieces):
    """(start, end, piece, label) of each (piece, label), found left to right in text."""
    spans, cursor = [], 0
    for piece, label in pieces:
        start = text.index(piece, cursor)
        spans.append((start, start + len(piece), piece, label))
        cursor = start + len(piece)
    return spans


@pytest.mark.parametrize(
    ("text", "pieces", "expected"),
    [
        ("The Zarovian Security Bureau (GBZ) said", [("The Zarovian Security Bureau", "ORG"), ("GBZ", "ORG")], [("Zarovian Security Bureau", "gbz")]),
        # spaCy splits the long name: ORG + GPE joined by "of the"
        (
            "the Communist Party of the Zarovian Federation (KPZF) said",
            [("the Communist Party", "ORG"), ("the Zarovian Federation", "GPE"), ("KPZF", "ORG")],
            [("Communist Party of the Zarovian Federation", "kpzf")],
        ),
        ("GBZ (the Zarovian Security Bureau) said", [("GBZ", "ORG"), ("the Zarovian Security Bureau", "ORG")], [("Zarovian Security Bureau", "gbz")]),
        # hard negatives: a list is no definition; a place alone; no closing parenthesis; "and" lists
        ("Hamas, GBZ and others", [("Hamas", "ORG"), ("GBZ", "ORG")], []),
        ("the Red Cross, GBZ (Zarovian Security Bureau", [("the Red Cross", "ORG"), ("GBZ", "ORG"), ("Zarovian Security Bureau", "ORG")], []),
        ("in Zarovia (GBZ)", [("Zarovia", "GPE"), ("GBZ", "ORG")], []),
        (
            "the Zarov Refugee Council and the Red Cross (ICRC)",
            [("the Zarov Refugee Council", "ORG"), ("the Red Cross", "ORG"), ("ICRC", "ORG")],
            [("Red Cross", "icrc")],
        ),
    ],
)
def test_find_adjacent_definitions(text, pieces, expected):
    spans = _spans_in(text, pieces)
    mentions = pl.DataFrame(
        [("d", start, end, piece, label) for start, end, piece, label in spans],
        schema={"doc_id": pl.String, "start": pl.Int64, "end": pl.Int64, "text": pl.String, "label": pl.String},
        orient="row",
    )
    found = find_adjacent_definitions(mentions, pl.DataFrame({"doc_id": ["d"], "text": [text]}))
    assert [(row[1], row[2]) for row in found.rows()] == expected


def test_definitions_around_mentions_link_the_acronym_in_that_article():
    texts = ["Zarovian Security Bureau", "GBZ", "GBZ"]
    forms = [make_name_form(text, "ORG") for text in texts]
    first = [Link("ent_bureau", "exact_key", 1.0), Link("ent_gbz", "exact_key", 1.0), Link("ent_gbz", "exact_key", 1.0)]
    seen = pl.DataFrame(
        {"item_id": ["men_1", "men_2", "men_3"], "doc_id": ["a", "a", "b"], "sid": [0, 1, 1]},
        schema={"item_id": pl.String, "doc_id": pl.String, "sid": pl.UInt32},
    )
    definitions = pl.DataFrame({"doc_id": ["a"], "long_name": ["Zarovian Security Bureau"], "acronym": ["gbz"]})
    links = find_defined_acronym_links(seen, texts, forms, first, definitions)
    assert links.rows() == [("men_2", "ent_bureau", "document_context", 0.9)]  # article b defines nothing
    assert find_defined_acronym_links(seen, texts, forms, first).height == 0


@given(st.text(alphabet=st.sampled_from("a (\n)\u00a0x"), max_size=40), st.data())
def test_organisations_open_paren_before_agrees_with_the_regex(body, data):
    import re

    from newsfold.names.organisations import _open_paren_before

    position = data.draw(st.integers(0, len(body)))
    found = re.search(r"\s*\(\s*$", body[:position])
    assert _open_paren_before(body, position) == (found.start() if found else None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norwegian Refugee Council", ("nrc",)),
        # an abbreviated word gives all its letters; a placed institution's letters may come in any order
        ("U.S. Agriculture Department", ("uad", "usad", "~uads")),
        ("U.S. Department of Agriculture", ("uda", "usda", "~uads")),
        ("UK Atomic Energy Authority", ("uaea", "ukaea", "~uaaek")),
        # no place, or a company: the order of the letters is the name's
        ("Securities and Exchange Commission", ("sec",)),
        ("U.S. Steel Corp", ("usc", "ussc")),
        ("Hezbollah", ()),
    ],
)
def test_acronym_keys_of_name(text, expected):
    assert acronym_keys_of_name(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a small word may give its letter, a hyphenated word one letter
        ("Congress of South African Trade Unions", ("cosatu",)),
        ("Water and Power Development Authority", ("wapda",)),
        ("Australian Meat and Live-Stock Corp", ("amalsc", "amlc")),
        ("Organisation for Economic Co-operation and Development", ("ofecoad", "oecd")),
        # nothing the usual keys give already, nothing of fewer than three letters, nothing for one word
        ("Norwegian Refugee Council", ()),
        ("Bank of Tokyo", ("bot",)),
        ("Bank of Chile", ("boc",)),
        ("Port of Spain", ("pos",)),
        ("Ways and Means", ("wam",)),
        ("Hezbollah", ()),
    ],
)
def test_loose_acronym_keys_of_name(text, expected):
    assert loose_acronym_keys_of_name(text) == expected


@pytest.mark.parametrize(
    ("spans", "acronym", "expected"),
    [
        # "U.S. Agriculture Department" is the "U.S. Department of Agriculture": USDA
        ([("a", "U.S. Agriculture Department", "ORG"), ("b", "USDA", "ORG")], "USDA", ("U.S. Agriculture Department", "corpus_context")),
        ([("a", "U.S. Department of Agriculture", "ORG"), ("a", "USDA", "ORG")], "USDA", ("U.S. Department of Agriculture", "document_context")),
        # the reordering is for placed institutions only: a bare one or a company keeps its order
        ([("a", "Agriculture Department", "ORG"), ("b", "DA", "ORG")], "DA", ("DA", "exact_key")),
        ([("a", "Zarov Motors Detroit Corp", "ORG"), ("b", "ZDMC", "ORG")], "ZDMC", ("ZDMC", "exact_key")),
        # two organisations fit once letters are reordered: no link
        (
            [("a", "U.S. Agriculture Department", "ORG"), ("a2", "U.S. Department of Aviation", "ORG"), ("b", "USDA", "ORG")],
            "USDA",
            ("USDA", "exact_key"),
        ),
    ],
)
def test_acronym_of_a_placed_institution_in_another_order(spans, acronym, expected):
    assert _acronym_link(spans, acronym) == expected


def _acronym_link(spans, acronym):
    """(canonical name, resolution) of the acronym's mention once ``spans`` are resolved."""
    found = next(value for (doc, text), value in _by_doc(spans).items() if text == acronym)
    return found[0], found[2]


@pytest.mark.parametrize(
    ("spans", "acronym", "expected"),
    [
        # a small word's letter, or one letter for a hyphenated word: in the article, and in the dataset from five
        # letters on
        (
            [("a", "Board of Investments", "ORG"), ("a", "BOI", "ORG")],
            "BOI",
            ("Board of Investments", "document_context"),
        ),
        (
            [("a", "Australian Meat and Live-Stock Corp", "ORG"), ("a", "AMLC", "ORG")],
            "AMLC",
            ("Australian Meat and Live-Stock Corp", "document_context"),
        ),
        (
            [("a", "Congress of South African Trade Unions", "ORG"), ("b", "COSATU", "ORG")],
            "COSATU",
            ("Congress of South African Trade Unions", "corpus_context"),
        ),
        # fewer letters say too little in another article: "free on board" is no federation's
        ([("a", "Federation of Banks", "ORG"), ("b", "FOB", "ORG")], "FOB", ("FOB", "exact_key")),
        ([("a", "Australian Meat and Live-Stock Corp", "ORG"), ("b", "AMLC", "ORG")], "AMLC", ("AMLC", "exact_key")),
        # the usual initials come first: the article's International Coffee Organization, not its Institute of Cocoa
        (
            [
                ("a", "International Coffee Organization", "ORG"),
                ("a", "Institute of Cocoa", "ORG"),
                ("a", "ICO", "ORG"),
            ],
            "ICO",
            ("International Coffee Organization", "document_context"),
        ),
    ],
)
def test_acronym_that_keeps_a_small_word_or_gives_a_hyphenated_word_one_letter(spans, acronym, expected):
    assert _acronym_link(spans, acronym) == expected


@pytest.mark.parametrize(
    ("spans", "bare_joins"),
    [
        # the dataset places these words once, the article names no other country: the bare name means it
        ([("a", "U.S. Securities and Exchange Commission", "ORG"), ("b", "Securities and Exchange Commission", "ORG")], True),
        ([("a", "U.S. Agriculture Department", "ORG"), ("b", "Agriculture Department", "ORG")], True),
        # the article names that country among others: no other place has these words in the dataset
        (
            [("a", "U.S. Commodity Futures Trading Commission", "ORG"), ("b", "Japan", "GPE"), ("b", "U.S.", "GPE"),
             ("b", "Commodity Futures Trading Commission", "ORG")],
            True,
        ),
        # the article names another country only: its own customs service, maybe
        ([("a", "U.S. Customs Service", "ORG"), ("b", "Mexico", "GPE"), ("b", "Customs Service", "ORG")], False),
        # two places in the dataset (or the registry): either
        (
            [("a", "U.S. Agriculture Department", "ORG"), ("c", "Indian Agriculture Department", "ORG"), ("b", "Agriculture Department", "ORG")],
            False,
        ),
        ([("a", "Iranian Foreign Ministry", "ORG"), ("a", "Russian Foreign Ministry", "ORG"), ("b", "Foreign Ministry", "ORG")], False),
        # a party or movement with a place is another body, not a state institution's place
        ([("a", "Kurdistan Democratic Party of Iran", "ORG"), ("b", "Kurdistan Democratic Party", "ORG")], False),
    ],
)
def test_bare_institution_takes_the_one_placed_spelling_of_the_dataset(spans, bare_joins):
    links = _by_doc(spans)
    placed = links[spans[0][:2]]
    bare = links[spans[-1][:2]]
    if bare_joins:
        assert bare[1:] == (placed[1], "corpus_context")
    else:
        assert bare[1] != placed[1]


@pytest.mark.parametrize(
    ("text", "bare"),
    [
        ("Barclays Bank PLC", ("barclays",)),  # a trade, a legal form
        ("Toyota Motor Corp", ("toyota",)),
        ("Chase Manhattan Bank", ("chase", "manhattan")),
        ("British Midland Airways", ("british", "midland")),  # a country word stays
        ("Aeroflot Russian Airlines", ("aeroflot",)),  # but a nationality right before the trade goes with it
        ("British Airways", ("british",)),  # a nationality alone is left as it was (too common to stand alone)
        ("Texas American Bank", ("texas", "american")),  # not when a region or city would be left
        ("Lukoil Oil Company", None),  # "oil" joins a listed company only: see below
        ("Deutsche Texaco AG", None),  # a subsidiary, not Texaco
        ("Texaco Canada", None),
        ("Airways", None),  # one word: nothing to drop
        ("Goldman Sachs", None),  # no trade
    ],
)
def test_bare_company_name(text, bare):
    assert bare_company_name(make_name_form(text, "ORG")) == bare


@pytest.mark.parametrize(
    ("text", "bare"),
    [
        ("Lukoil Oil Company", ("lukoil",)),
        ("NK Rosneft", ("rosneft",)),  # Russian's "oil company" before the name
        ("Phillips Petroleum Co", ("phillips",)),
        ("Barclays Bank PLC", ("barclays",)),  # the other trades too
        ("Apple Computer Inc.", ("apple",)),
        ("Samsung Electronics Co Ltd", ("samsung",)),
    ],
)
def test_bare_company_name_of_a_listed_company(text, bare):
    assert bare_company_name(make_name_form(text, "ORG"), listed=True) == bare


@pytest.mark.parametrize(
    ("names", "short", "joins"),
    [
        (["Zorblat Airways", "Zorblat"], "Zorblat", "Zorblat Airways"),
        (["Zorblat Motor Corp", "Zorblat"], "Zorblat", "Zorblat Motor Corp"),
        (["Zorblat Russian Airlines", "Zorblat"], "Zorblat", "Zorblat Russian Airlines"),
        # a country word is no trade: a subsidiary keeps its own entity
        (["Deutsche Zorblat AG", "Zorblat"], "Zorblat", None),
        # two organisations fit: no link
        (["Zorblat Airways", "Zorblat Bank", "Zorblat"], "Zorblat", None),
        # another word than a country or a trade: another organisation
        (["Zorblat Foundation", "Zorblat"], "Zorblat", None),
        # a place is no company's bare name
        (["Canada Bank", "Canada"], "Canada", None),
        # a word in capitals may be an acronym: the acronym rules decide it
        (["Zorba Bank", "ZORBA"], "ZORBA", None),
    ],
)
def test_a_company_name_joins_the_one_organisation_that_only_adds_its_trade(names, short, joins):
    by_name = _organisations_by_name(names)
    if joins is None:
        _assert_apart_from_the_rest(by_name, short)
    else:
        assert by_name[short]["entity_id"] == by_name[joins]["entity_id"]
        assert by_name[short]["method"] == "corpus_context"


@pytest.mark.parametrize(
    ("text", "stem"),
    [
        ("Betty Ford Center", (("betty", "ford"), "clinic")),
        ("Betty Ford Centre", (("betty", "ford"), "clinic")),
        ("Betty Ford Clinic", (("betty", "ford"), "clinic")),
        ("Promises Treatment Center", (("promises",), "clinic")),  # the longest kind words first
        ("Matanuska Maid Creamery", (("matanuska", "maid"), "dairy")),
        ("Valley Dairy Inc", (("valley",), "dairy")),  # the legal form goes first
        ("Treatment Center", None),  # nothing left but a kind word
        ("Center", None),
        ("Center for Strategic Studies", None),  # only trailing words count
        ("Ford Foundation", None),  # another kind of body
        ("Betty Ford Hospital", None),  # a hospital is no clinic
        ("Betty Ford", None),
        ("Harvard University", (("harvard",), "university")),
        ("Boston College", (("boston",), "college")),
    ],
)
def test_facility_stem(text, stem):
    assert facility_stem(make_name_form(text, "ORG")) == stem


@pytest.mark.parametrize(
    ("names", "short", "joins"),
    [
        # one clinic written with each kind word, and the bare name
        (["Zorblat Treatment Center", "Zorblat Clinic", "Zorblat Centre", "Zorblat"], "Zorblat", "Zorblat Clinic"),
        (["Zorblat Treatment Center", "Zorblat Clinic"], "Zorblat Clinic", "Zorblat Treatment Center"),
        (["Zorblat Dairy", "Zorblat Creamery", "Zorblat"], "Zorblat", "Zorblat Creamery"),
        # two kinds: a clinic and a dairy of one name are two bodies, and the bare name takes neither
        (["Zorblat Clinic", "Zorblat Dairy"], "Zorblat Clinic", None),
        (["Zorblat Clinic", "Zorblat Dairy", "Zorblat"], "Zorblat", None),
        # a university is its name alone; a college of that name is another body
        (["Zorblat University", "Zorblat"], "Zorblat", "Zorblat University"),
        (["Zorblat University", "Zorblat College"], "Zorblat University", None),
        (["Oxford University", "Oxford"], "Oxford", None),  # the city is no university
        (["State University", "State"], "State", None),  # nor a common word
        # other words than kind words: another body
        (["Zorblat Foundation", "Zorblat"], "Zorblat", None),
        (["Zorblat Hospital", "Zorblat Clinic"], "Zorblat Clinic", None),
        # a place's name is no stem: two clinics of a city, and the city is not its clinic
        (["Baghdad Clinic", "Baghdad Center"], "Baghdad Clinic", None),
        (["Lincoln Center", "Lincoln"], "Lincoln", None),
        # a word in capitals may be an acronym
        (["Zorba Clinic", "ZORBA"], "ZORBA", None),
        # a company and its trade (bank, airlines ...); common English words only name no company alone
        (["Zorblat Bank", "Zorblat"], "Zorblat", "Zorblat Bank"),
        (["Digital Equipment Bank", "Digital Equipment"], "Digital Equipment", "Digital Equipment Bank"),
        (["World Bank", "World"], "World", None),
        (["United Airlines", "United"], "United", None),
        (["National Bank", "National"], "National", None),
    ],
)
def test_a_bare_name_and_the_one_longer_name_of_its_kind_or_trade_are_one_organisation(names, short, joins):
    by_name = _organisations_by_name(names)
    if joins is None:
        _assert_apart_from_the_rest(by_name, short)
    else:
        assert by_name[short]["entity_id"] == by_name[joins]["entity_id"]
        assert len({row["entity_id"] for row in by_name.values()}) == 1



@pytest.mark.parametrize(
    ("text", "without_last"),
    [
        ("McCaw Cellular Communications Inc", ("mccaw", "cellular")),
        ("Zorblat Pharmaceuticals International", ("zorblat", "pharmaceuticals")),
        ("McCaw Cellular", None),  # one tail: the bare name is the step
        ("International Communications", None),  # one word always stays
        ("Zorblat Cellular Phones", None),
    ],
)
def test_name_before_last_tail(text, without_last):
    assert name_before_last_tail(make_name_form(text, "ORG")) == without_last


@pytest.mark.parametrize(
    ("text", "bare"),
    [
        ("Magna International Inc", ("magna",)),  # the legal form is gone before
        ("Bain Capital", ("bain",)),
        ("Breitbart News", ("breitbart",)),
        ("Brookings Institution", ("brookings",)),
        ("Valeant Pharmaceuticals International", ("valeant",)),  # every tail word at the end
        ("McCaw Cellular Communications Inc", ("mccaw",)),
        ("Barrick Gold Corp", ("barrick",)),  # a mining company's trade
        ("Loxley Publications Plc", ("loxley",)),
        ("EVEREN Securities Inc", ("everen",)),  # a broker's
        ("IVAC Medical Systems Inc", ("ivac",)),  # a maker of medical devices'
        ("Olympia and York Developments Ltd", ("olympia", "york")),  # a property developer's
        ("Asian Development Bank", None),  # a bank's development is no developer's
        ("International Finance Corp", None),  # never from the start
        ("Zorblat International Finance", None),  # nor from the middle
        ("International", None),  # one word always stays
        ("Goldman Sachs", None),
    ],
)
def test_bare_name_before_tail(text, bare):
    assert bare_name_before_tail(make_name_form(text, "ORG")) == bare


@pytest.mark.parametrize(
    ("names", "short", "joins"),
    [
        (["Zorblat International Inc", "Zorblat"], "Zorblat", "Zorblat International Inc"),
        (["Zorblat Pharmaceuticals International", "Zorblat"], "Zorblat", "Zorblat Pharmaceuticals International"),
        (["Zorblat Capital", "Zorblat"], "Zorblat", "Zorblat Capital"),
        # two entities of the dataset end so: neither
        (["Zorblat Capital", "Zorblat Industries", "Zorblat"], "Zorblat", None),
        # another organisation begins with the bare name: it may be that one
        (["Zorblat News", "Zorblat News Daily", "Zorblat"], "Zorblat", None),
        (["Zorblat Capital", "Zorblat Foundation", "Zorblat"], "Zorblat", None),
        # a company's full name is no arm's short name
        (["Zorblat Industries", "Zorblat Corp"], "Zorblat Corp", None),
        (["Zorblat Industries", "Zorblat Corp", "Zorblat"], "Zorblat", None),
        # a common word may name anything ("Digital", "Exchange")
        (["Digital Communications Inc", "Digital"], "Digital", None),
        # the registry's entry keeps its name ("Jaguar" is the car maker)
        (["Toyota International", "Toyota"], "Toyota", None),
        # an acronym is a company's own letters ("LIN" and "LIN Broadcasting Corp") ...
        (["Zorba Capital", "ZORBA"], "ZORBA", "Zorba Capital"),
        (["ZBS Pharmaceuticals Inc", "ZBS"], "ZBS", "ZBS Pharmaceuticals Inc"),
        # ... unless the dataset spells it out as another name ("NMS": the National Market System)
        (["ZBS Pharmaceuticals Inc", "Zorblat Broadcasting System", "ZBS"], "ZBS", None),
    ],
)
def test_a_bare_name_joins_the_one_organisation_whose_name_adds_a_tail(names, short, joins):
    by_name = _organisations_by_name(names)
    if joins is None:  # apart from every name with a tail ("Zorblat Corp" is "Zorblat" by its key)
        tailed = [name for name in names if bare_name_before_tail(make_name_form(name, "ORG")) is not None]
        assert all(by_name[short]["entity_id"] != by_name[name]["entity_id"] for name in tailed if name != short)
    else:
        assert by_name[short]["entity_id"] == by_name[joins]["entity_id"]
        assert by_name[short]["method"] == "corpus_context"


@pytest.mark.parametrize(
    ("names", "short", "joins"),
    [
        # a company named after its founder, by the family name
        (["Adolph Zorblat Co", "Zorblat"], "Zorblat", "Adolph Zorblat Co"),
        (["Charles Zorblat Corp", "Zorblat"], "Zorblat", "Charles Zorblat Corp"),
        # without a legal form it may be a person spaCy labelled ORG
        (["Adolph Zorblat", "Zorblat"], "Zorblat", None),
        # the first word is no given name
        (["Morgan Zorblat Inc", "Zorblat"], "Zorblat", None),
        # two founders' companies of one family name
        (["Adolph Zorblat Co", "Charles Zorblat Corp", "Zorblat"], "Zorblat", None),
    ],
)
def test_a_company_named_after_its_founder_is_the_founder_s_family_name(names, short, joins):
    by_name = _organisations_by_name(names)
    if joins is None:
        _assert_apart_from_the_rest(by_name, short)
    else:
        assert by_name[short]["entity_id"] == by_name[joins]["entity_id"]


@pytest.mark.parametrize(
    ("names", "apart"),
    [
        # a name of two tails or more, its name without the last and its bare name are one
        (["Zorblat Cellular", "Zorblat Cellular Communications Inc"], []),
        (["Zorblat", "Zorblat Cellular", "Zorblat Cellular Communications Inc"], []),
        (["Zorblat Cellular Communications", "Zorblat Pharmaceuticals International", "Zorblat Cellular"],
         ["Zorblat Pharmaceuticals International"]),
        # the name without its last tail begins another organisation's name too: it may be that one
        (["Zorblat Cellular", "Zorblat Cellular Communications", "Zorblat Cellular Phones"],
         ["Zorblat Cellular", "Zorblat Cellular Phones"]),
    ],
)
def test_names_with_more_tails_join_the_name_without_the_last(names, apart):
    by_name = _organisations_by_name(names)
    together = [name for name in names if name not in apart]
    assert len({by_name[name]["entity_id"] for name in together}) == 1
    assert len({by_name[name]["entity_id"] for name in names}) == 1 + len(apart)


def test_a_bare_name_in_more_articles_than_the_name_with_a_tail_is_its_parent_not_the_arm():
    # Wire copy names "Zorblat" in three articles and its arm "Zorblat Capital N.V." in one: the bare name is the
    # parent. In one article each, it is the company's short name.
    parent = [(f"d{n}", "Zorblat", "ORG") for n in range(3)] + [("d9", "Zorblat Capital N.V.", "ORG")]
    short = [("d1", "Zorblat", "ORG"), ("d2", "Zorblat Capital N.V.", "ORG")]
    by_doc = _by_doc(parent)
    assert by_doc[("d0", "Zorblat")][1] != by_doc[("d9", "Zorblat Capital N.V.")][1]
    by_doc = _by_doc(short)
    assert by_doc[("d1", "Zorblat")][1] == by_doc[("d2", "Zorblat Capital N.V.")][1]


@pytest.mark.parametrize(
    ("names", "short", "joins"),
    [
        # an organisation's channel or body, with and without its owner's acronym that the dataset names alone
        (["ZBC", "ZBC Radio 1", "Radio 1"], "Radio 1", "ZBC Radio 1"),
        (["ZBC", "ZBC World Service", "World Service"], "World Service", "ZBC World Service"),  # common words too
        (["ZMF", "ZMF Interim Committee", "Interim Committee"], "Interim Committee", "ZMF Interim Committee"),
        # the acronym must be named alone, or listed: else it may be part of a company's name
        (["ZBC Radio 1", "Radio 1"], "Radio 1", None),
        (["BBC Radio 1", "Radio 1"], "Radio 1", "BBC Radio 1"),
        # two owners' channels of one name: neither
        (["ZBC", "ZTE", "ZBC Radio 1", "ZTE Radio 1", "Radio 1"], "Radio 1", None),
        # a company named with an acronym is no owner's arm: "Merchant Bank" is any merchant bank
        (["ZNZ", "ZNZ Merchant Bank Ltd", "ZNZ Merchant Bank", "Merchant Bank"], "Merchant Bank", None),
        # a country's acronym is no owner ("U.S. Air Force" is for the institution rules)
        (["U.S.", "U.S. Supreme Court", "Supreme Court"], "Supreme Court", None),
        # one word left is too little to be a channel's name ("ZBC News", "News")
        (["ZBC", "ZBC News", "News"], "News", None),
        # a chamber owns its committees; both chambers' of one name leave the bare one alone
        (["House Zorblat Committee", "Zorblat Committee"], "Zorblat Committee", "House Zorblat Committee"),
        (["House Zorblat Committee", "Senate Zorblat Committee", "Zorblat Committee"], "Zorblat Committee", None),
        (["House Select Committee on Zorbla", "Select Committee on Zorbla"], "Select Committee on Zorbla",
         "House Select Committee on Zorbla"),
        (["House Zorblat Caucus", "Zorblat Caucus"], "Zorblat Caucus", None),  # a committee only
    ],
)
def test_a_name_without_its_owner_s_acronym_joins_the_one_organisation_written_with_it(names, short, joins):
    by_name = _organisations_by_name(names)
    if joins is None:
        owned = [name for name in names if len(name.split()) > 2]  # the names written with an owner
        assert all(by_name[short]["entity_id"] != by_name[name]["entity_id"] for name in owned)
    else:  # the older of the two entities keeps its id: either spelling may be the one that moved
        assert by_name[short]["entity_id"] == by_name[joins]["entity_id"]
        assert "corpus_context" in {by_name[short]["method"], by_name[joins]["method"]}

def test_an_unlisted_company_name_moves_to_the_listed_entity_of_its_one_word():
    # "Barclays" is listed; "Barclays Bank" and its legal form are not: they join the listed entity,
    # and the id they would carry alone stays findable in its merged_ids.
    names = ["Barclays Bank", "Barclays", "Barclays Bank PLC"]
    mentions = build_mentions([(f"doc_{i}", name, "ORG") for i, name in enumerate(names)])
    result = resolve_entities(mentions, build_documents(mentions))
    ids = result.mention_links.sort("mention_id")["entity_id"].to_list()
    assert len(set(ids)) == 1
    unlisted = mentions.filter(pl.col("text") != "Barclays")
    alone = resolve_entities(unlisted, build_documents(unlisted))
    (own_id,) = set(alone.mention_links["entity_id"].to_list())
    merged = result.entities.filter(pl.col("entity_id") == ids[0])["merged_ids"].to_list()[0]
    assert own_id in merged and own_id != ids[0]


@pytest.mark.parametrize(
    ("names", "short", "longer", "joined"),
    [
        # "oil" and "petroleum" join a bare name the registry lists (Lukoil, by its spelling) ...
        (["Lukoil Oil Company", "Lukoil"], "Lukoil", "Lukoil Oil Company", True),
        # ... never an unlisted one, which may be another company of that word (Jaguar PLC, Jaguar Petroleum)
        (["Zorblat Petroleum Corp", "Zorblat PLC", "Zorblat"], "Zorblat", "Zorblat Petroleum Corp", False),
        (["Zorblat Oil Co", "Zorblat"], "Zorblat", "Zorblat Oil Co", False),
        (["Apple Computer Inc.", "Apple"], "Apple", "Apple Computer Inc.", True),  # "computer" likewise
        (["Computer Associates", "Associates"], "Associates", "Computer Associates", False),
        # a region's name is no company's bare name, once a nationality goes with the trade
        (["Texas American Bank", "Texas"], "Texas", "Texas American Bank", False),
    ],
)
def test_some_trades_join_a_listed_company_only(names, short, longer, joined):
    by_name = _organisations_by_name(names)
    assert (by_name[short]["entity_id"] == by_name[longer]["entity_id"]) is joined


@pytest.mark.parametrize(
    ("names", "short", "longer", "joined"),
    [
        # a bare name without its trade is the company's ...
        (["Zorblat Bank Ltd", "Zorblat"], "Zorblat", "Zorblat Bank Ltd", True),
        (["Zorblat Motors Corp", "Zorblat"], "Zorblat", "Zorblat Motors Corp", True),
        # ... a name with a legal form of its own is another company's full name: a parent, a sister, a holding
        (["Zorblat Bank Ltd", "Zorblat Corp"], "Zorblat Corp", "Zorblat Bank Ltd", False),
        (["Zorblat Motors Corp", "Zorblat Corp"], "Zorblat Corp", "Zorblat Motors Corp", False),
        (["Zorblat Bank", "Zorblat and Co Ltd"], "Zorblat and Co Ltd", "Zorblat Bank", False),
    ],
)
def test_a_company_name_with_its_own_legal_form_is_no_bare_name_of_another(names, short, longer, joined):
    by_name = _organisations_by_name(names)
    assert (by_name[short]["entity_id"] == by_name[longer]["entity_id"]) is joined


def test_a_listed_company_name_takes_in_every_unlisted_longer_name_of_its_trades():
    # Two unlisted entities share the bare name "Rosneft": unlisted, it would take neither (see above);
    # listed, the registry says which company the name is.
    names = ["NK Rosneft", "Rosneft Oil Company", "Rosneft"]
    mentions = build_mentions([(f"doc_{i}", name, "ORG") for i, name in enumerate(names)])
    result = resolve_entities(mentions, build_documents(mentions))
    ids = set(result.mention_links["entity_id"].to_list())
    listed = build_mentions([("doc_0", "Rosneft", "ORG")])
    assert ids == set(resolve_entities(listed, build_documents(listed)).mention_links["entity_id"].to_list())


@pytest.mark.parametrize(
    ("names", "entity_type", "bare", "joins"),
    [
        # a team or a paper written without its city
        (["Kansas City Chiefs", "Chiefs"], "ORG", "Chiefs", "Kansas City Chiefs"),
        (["San Diego Chargers", "Chargers"], "ORG", "Chargers", "San Diego Chargers"),
        # two fit: no link
        (["New York Zorblats", "Boston Zorblats", "Zorblats"], "ORG", "Zorblats", None),
        # only generic words are left once the place goes
        (["Moscow State University", "State University"], "ORG", "State University", None),
        # a company's full name, legal form and all, is no paper's bare name
        (["Beijing News", "News Corp"], "ORG", "News Corp", None),
        (["Beijing Zorblats", "Zorblats Inc"], "ORG", "Zorblats Inc", None),
        (["Beijing Zorblats", "Zorblats"], "ORG", "Zorblats", "Beijing Zorblats"),
        # a region without its division word, when no city has its name
        (["Aceh Province", "Aceh"], "LOC", "Aceh", "Aceh Province"),
        (["West Papua", "West Papua province"], "LOC", "West Papua", "West Papua province"),
        # a city stays apart from its region
        (["Kandahar Province", "Kandahar"], "LOC", "Kandahar", None),
        (["Moscow Region", "Moscow"], "LOC", "Moscow", None),
        # a state or a district may be another place than its bare name
        (["Zorblat State", "Zorblat"], "LOC", "Zorblat", None),
        (["Zorblat District", "Zorblat"], "LOC", "Zorblat", None),
    ],
)
def test_a_name_joins_the_one_entity_that_only_adds_its_place_or_division(names, entity_type, bare, joins):
    out = reconcile_names(pl.DataFrame({"name": names, "type": [entity_type] * len(names)}))
    by_name = {row["name"]: row for row in out.iter_rows(named=True)}
    if joins is None:
        assert all(by_name[bare]["entity_id"] != by_name[name]["entity_id"] for name in names if name != bare)
    else:
        assert by_name[bare]["entity_id"] == by_name[joins]["entity_id"]


@pytest.mark.parametrize(
    ("text", "core"),
    [
        ("Vitesse Arnhem", ("vitesse",)),
        ("Widzew Lodz", ("widzew",)),
        ("Borussia Dortmund", ("borussia",)),
        ("Polonia Warszawa", ("polonia",)),  # the city in its own language
        ("Hertha Berlin", ("hertha",)),  # a city-state: the name is its city's as well as its province's
        ("Werder Bremen", ("werder",)),
        ("NAC Breda", ("nac",)),
        ("SC Freiburg", ()),  # a designator before the city only: the city names the club
        ("Freiburg", ()),
        # a town of an English-speaking country ends a company's name by chance
        ("Wells Fargo", None),
        ("Dayton Hudson Corp", None),
        ("Stanford University", None),
        ("Lockheed Martin", None),  # Martin, Slovakia: a common word
        ("Mendez Nederland", None),  # a country's own name, though a Texan town's too
        ("Bank of Tokyo", None),  # the core would end in a joining word
        ("Vitesse", None),
        ("SK Telecom", None),  # before no city, a designator begins a company's name
        ("Nis, Leskovac", None),  # a list of towns
    ],
)
def test_club_city_splits_a_name_ending_in_its_city(text, core):
    split = club_city(make_name_form(text, "ORG"))
    assert (split[0] if split is not None else None) == core
    assert bare_club_name(make_name_form(text, "ORG")) == (core or None)


def test_a_club_written_with_its_city_in_two_languages_is_one_city():
    assert club_city(make_name_form("Polonia Warszawa", "ORG")) == club_city(make_name_form("Polonia Warsaw", "ORG"))
    assert club_city(make_name_form("Polonia Warsaw", "ORG")) != club_city(make_name_form("Polonia Bytom", "ORG"))


@pytest.mark.parametrize(
    ("names", "bare", "joins"),
    [
        (["Vitesse Arnhem", "Vitesse"], "Vitesse", "Vitesse Arnhem"),
        (["NAC Breda", "NAC"], "NAC", "NAC Breda"),
        (["Polonia Warsaw", "Polonia Warszawa"], "Polonia Warszawa", "Polonia Warsaw"),
        (["SC Freiburg", "Freiburg"], "Freiburg", "SC Freiburg"),
        # two clubs of one core, or another organisation beginning with it: no link
        (["Dynamo Moscow", "Dynamo Kiev", "Dynamo"], "Dynamo", None),
        (["Atletico Madrid", "Atletico Mineiro", "Atletico"], "Atletico", None),
        (["Polonia Warsaw", "Polonia Bytom"], "Polonia Bytom", None),
        # a company's name ending in a town of its own country is no club's
        (["Wells Fargo", "Wells"], "Wells", None),
        (["Lockheed Martin", "Lockheed"], "Lockheed", None),
        # a common word alone is no club's name
        (["Radio Moscow", "Radio"], "Radio", None),
    ],
)
def test_a_club_joins_its_name_with_its_city(names, bare, joins):
    by_name = _organisations_by_name(names)
    if joins is None:
        _assert_apart_from_the_rest(by_name, bare)
    else:
        assert by_name[bare]["entity_id"] == by_name[joins]["entity_id"]


def test_a_slip_follows_its_entity_when_context_moves_its_other_spelling():
    # The slip joined "Securities and Exchange Commission", which the one placed spelling then took in.
    by_name = _organisations_by_name(
        ["Securities and Exchange Commission", "Securities and Exchnage Commission", "U.S. Securities and Exchange Commission"]
    )
    assert len({row["entity_id"] for row in by_name.values()}) == 1


def test_the_older_entity_keeps_its_id_when_a_bare_region_joins_its_longer_name():
    # The spelling of the first article (by document id) keeps its id; the other's stays findable.
    names = ["West Papua", "West Papua province"]
    mentions = build_mentions([(f"doc_{i}", name, "GPE") for i, name in enumerate(names)])
    result = resolve_entities(mentions, build_documents(mentions))
    alone = {}
    for row in mentions.iter_rows(named=True):
        one = mentions.filter(pl.col("mention_id") == row["mention_id"])
        alone[row["doc_id"]] = resolve_entities(one, build_documents(one)).mention_links["entity_id"][0]
    older, newer = (alone[doc_id] for doc_id in sorted(alone))
    assert older != newer
    (entity_id,) = set(result.mention_links["entity_id"].to_list())
    assert entity_id == older
    assert newer in result.entities.filter(pl.col("entity_id") == entity_id)["merged_ids"].to_list()[0]


def test_bare_names_of_several_rules_in_one_dataset_each_land_on_a_live_entity():
    # A region and a company share the bare name "Zorblat" under two types; a second region has a
    # two-word bare name. Each bare spelling joins its own longer name, and every id is an entity.
    names = [("doc_a", "Zorblat Region", "GPE"), ("doc_b", "Zorblat", "GPE"), ("doc_c", "Zorblat Airways", "ORG"),
             ("doc_d", "Zorblat", "ORG"), ("doc_e", "West Zorblat Region", "GPE"), ("doc_f", "West Zorblat", "GPE")]
    mentions = build_mentions(names)
    result = resolve_entities(mentions, build_documents(mentions))
    links = dict(zip(result.mention_links["mention_id"].to_list(), result.mention_links["entity_id"].to_list()))
    ids = [links[mention_id] for mention_id in mentions["mention_id"].to_list()]
    assert ids[0] == ids[1] and ids[2] == ids[3] and ids[4] == ids[5]
    assert len({ids[0], ids[2], ids[4]}) == 3
    assert set(ids) <= set(result.entities["entity_id"].to_list())


def _organisations_by_name(names: list[str]) -> dict[str, dict]:
    """Each organisation name of one dataset, resolved together: its row by name."""
    out = reconcile_names(pl.DataFrame({"name": names, "type": ["ORG"] * len(names)}))
    return {row["name"]: row for row in out.iter_rows(named=True)}


def _assert_apart_from_the_rest(by_name: dict[str, dict], short: str) -> None:
    assert all(by_name[short]["entity_id"] != row["entity_id"] for name, row in by_name.items() if name != short)


@pytest.mark.parametrize(
    ("names", "short", "joins"),
    [
        ([("New South Wales", "LOC"), ("NSW", "LOC")], "NSW", "New South Wales"),
        ([("Papua New Guinea", "LOC"), ("PNG", "LOC")], "PNG", "Papua New Guinea"),
        # an acronym reads names of its own type only
        ([("New South Wales", "ORG"), ("NSW", "LOC")], "NSW", None),
        # two places of those initials in the dataset: no link
        ([("New South Wales", "LOC"), ("North Santa Wicklow", "LOC"), ("NSW", "LOC")], "NSW", None),
        # two capitals labelled a place are a legal form or initials more often than a place's acronym
        ([("Zorblat Wells", "LOC"), ("Z.W.", "LOC")], "Z.W.", None),
    ],
)
def test_a_place_acronym_joins_the_one_place_of_its_initials(names, short, joins):
    out = reconcile_names(pl.DataFrame({"name": [n for n, _ in names], "type": [t for _, t in names]}))
    by_name = {row["name"]: row for row in out.iter_rows(named=True)}
    if joins is None:
        assert all(by_name[short]["entity_id"] != row["entity_id"] for name, row in by_name.items() if name != short)
    else:
        assert by_name[short]["entity_id"] == by_name[joins]["entity_id"]
