"""The cascade over distinct spellings gives each observation its own link."""

from __future__ import annotations

import polars as pl
import pytest

from newsfold.names.cascade import SEEN_INPUT_SCHEMA, clear_spelling_caches, link_seen
from newsfold.names.forms import make_name_form


def _seen(rows: list[tuple[str, str, str, str]]) -> pl.DataFrame:
    return pl.DataFrame(
        [(item, doc, text, label, 1) for item, doc, text, label in rows], schema=SEEN_INPUT_SCHEMA, orient="row"
    )


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # One spelling, two articles: linked by its article in one, on its own in the other.
        (
            [("m1", "d1", "Ahmad Vahidi", "PERSON"), ("m2", "d1", "Vahidi", "PERSON"),
             ("m3", "d2", "Reza Vahidi", "PERSON"), ("m4", "d3", "Vahidi", "PERSON")],
            {"m2": "document_context", "m4": "exact_key"},  # two Vahidis in the dataset: no corpus link
        ),
        (
            [("m1", "d1", "Ahmad Vahidi", "PERSON"), ("m2", "d2", "Vahidi", "PERSON")],
            {"m2": "corpus_context"},
        ),
        (
            [("m1", "d1", "Soleimani", "GPE"), ("m2", "d1", "Qasem Soleimani", "PERSON"), ("m3", "d2", "Soleimani", "GPE")],
            {"m1": "document_context", "m2": "registry_alias", "m3": "exact_key"},  # a GPE is no bare person
        ),
        (
            [("m1", "d1", "Iran", "GPE"), ("m2", "d2", "Iran", "GPE"), ("m3", "d2", "Iranian", "NORP")],
            {"m1": "registry_alias", "m2": "registry_alias", "m3": "registry_demonym"},
        ),
    ],
)
def test_link_seen_links_each_observation(rows, expected):
    linked, infos = link_seen(_seen(rows))
    methods = dict(zip(linked["item_id"].to_list(), linked["resolution"].to_list()))
    assert {item: methods[item] for item in expected} == expected
    assert linked["item_id"].to_list() == [row[0] for row in rows]  # input order kept
    assert set(linked["entity_id"].to_list()) <= set(infos)


def test_link_seen_weighs_spellings_by_their_observations():
    # "Gorbachov" is seen more often, so it names the group; "Gorbachev" was
    # seen first (d1), so it heads the group and gives the id.
    rows = [("m1", "d1", "Mikhail Gorbachev", "PERSON")] + [
        (f"m{i}", f"d{i}", "Mikhail Gorbachov", "PERSON") for i in range(2, 5)
    ]
    linked, infos = link_seen(_seen(rows))
    assert linked["entity_id"].n_unique() == 1
    assert infos[linked["entity_id"][0]].canonical_name == "Mikhail Gorbachov"
    assert linked["resolution"].to_list() == ["exact_key", "fuzzy_key", "fuzzy_key", "fuzzy_key"]


def test_clear_spelling_caches_forgets_forms():
    make_name_form("Qasem Soleimani", "PER")
    clear_spelling_caches()
    assert make_name_form.cache_info().currsize == 0


def test_link_seen_gives_a_shared_surname_to_the_prominent_person_only_where_the_article_allows():
    # Ahmad Vahidi is named in full in twelve articles, Reza Vahidi in two: a bare "Vahidi" is Ahmad's
    # in an article naming neither (corpus) or Ahmad first (document), and nobody's where Reza comes first.
    rows = [(f"a{i}", f"d{i}", "Ahmad Vahidi", "PERSON") for i in range(10)]
    rows += [
        ("r1", "d_reza", "Reza Vahidi", "PERSON"), ("a9", "d_reza", "Ahmad Vahidi", "PERSON"),
        ("bare_reza", "d_reza", "Vahidi", "PERSON"),
        ("a10", "d_ahmad", "Ahmad Vahidi", "PERSON"), ("r2", "d_ahmad", "Reza Vahidi", "PERSON"),
        ("bare_ahmad", "d_ahmad", "Vahidi", "PERSON"),
        ("bare_alone", "d_alone", "Vahidi", "PERSON"),
        ("peer", "d_peer", "Baroness Vahidi", "PERSON"), ("lower", "d_lower", "vahidi", "PERSON"),
    ]
    seen = _seen(rows).with_columns(pl.int_range(pl.len(), dtype=pl.Int64).alias("start"))
    linked, _ = link_seen(seen)
    by_item = {item: (entity, method) for item, entity, method in linked.select("item_id", "entity_id", "resolution").iter_rows()}
    ahmad = by_item["a0"][0]
    assert by_item["bare_alone"] == (ahmad, "corpus_prominence")
    assert by_item["bare_ahmad"] == (ahmad, "document_prominence")
    assert by_item["bare_reza"][0] not in (ahmad, by_item["r1"][0])
    assert by_item["bare_reza"][1] == "exact_key"
    assert by_item["peer"][0] != ahmad and by_item["lower"][0] != ahmad  # a peer's style, a word in lower case


@pytest.mark.parametrize(
    ("article", "bare", "expected"),
    [
        (["Hillary Clinton"], "Hillary", ("Hillary Clinton", "document_first_name")),
        (["Mitt Romney", "Paul Ryan"], "Mitt", ("Mitt Romney", "document_first_name")),
        # look-alikes: two full names begin with it, it ends one (a surname there), written in lower case
        (["Hillary Clinton", "Hillary Duff"], "Hillary", None),
        (["Elton John", "John Smith"], "John", ("Elton John", "document_context")),
        (["Mitt Romney"], "mitt", None),
        ([], "Mitt", None),
    ],
)
def test_link_seen_takes_a_bare_first_name_from_its_article(article, bare, expected):
    rows = [(f"m{i}", "d1", text, "PERSON") for i, text in enumerate(article)] + [("bare", "d1", bare, "PERSON")]
    rows.append(("other", "d2", "Jane Doe", "PERSON"))
    linked, _ = link_seen(_seen(rows))
    by_item = {item: (entity, method) for item, entity, method in linked.select("item_id", "entity_id", "resolution").iter_rows()}
    names = {by_item[f"m{i}"][0]: text for i, text in enumerate(article)}
    entity, method = by_item["bare"]
    assert ((names[entity], method) if entity in names else None) == expected


def test_link_seen_leaves_a_known_surname_to_the_surname_rules():
    # spaCy labels "Obama White House" a person; a bare "Obama" there is not its first name.
    rows = [("m1", "d1", "Obama White House", "PERSON"), ("bare", "d1", "Obama", "PERSON"),
            ("m2", "d2", "Barack Obama", "PERSON")]
    linked, _ = link_seen(_seen(rows))
    by_item = dict(zip(linked["item_id"].to_list(), linked["resolution"].to_list()))
    assert by_item["bare"] != "document_first_name"


@pytest.mark.parametrize(
    ("article", "expected"),
    [
        (["Ivanka Trump"], "Ivanka Trump"),  # a quiet person still takes her surname where she alone is named
        (["Ivanka Trump", "Donald Trump"], "Donald Trump"),  # and keeps it from nobody
    ],
)
def test_link_seen_quiet_person_takes_a_bare_surname_only_alone(article, expected):
    rows = [(f"m{i}", "d1", text, "PERSON") for i, text in enumerate(article)] + [("bare", "d1", "Trump", "PERSON")]
    linked, infos = link_seen(_seen(rows))
    by_item = dict(zip(linked["item_id"].to_list(), linked["entity_id"].to_list()))
    assert infos[by_item["bare"]].canonical_name == expected


@pytest.mark.parametrize(
    ("clipped_articles", "full_articles", "joined"),
    [
        (1, 1, True),  # "HuffPost" beside one "Huffington Post"
        (5, 1, True),  # named five times as often as the full name: still a clipping of it
        (6, 1, False),  # far more often than the name it would clip: a name of its own ("WorldCom", "World Community")
        (12, 3, True),
    ],
)
def test_a_clipped_compound_takes_the_name_it_clips_only_if_the_dataset_uses_that_name_too(
    clipped_articles, full_articles, joined
):
    rows = [(f"f{k}", f"doc_f{k}", "World Community", "ORG") for k in range(full_articles)]
    rows += [(f"c{k}", f"doc_c{k}", "WorldCom", "ORG") for k in range(clipped_articles)]
    linked, _ = link_seen(_seen(rows))
    ids = dict(zip(linked["item_id"].to_list(), linked["entity_id"].to_list()))
    methods = dict(zip(linked["item_id"].to_list(), linked["resolution"].to_list()))
    assert (ids["c0"] == ids["f0"]) is joined
    assert methods["c0"] == ("corpus_context" if joined else "exact_key")


@pytest.mark.parametrize(
    ("names", "joined"),
    [
        # a person without the generational suffix the dataset writes them with
        (["Boone Pickens", "Boone Pickens III"], [("Boone Pickens", "Boone Pickens III")]),
        (["James Baker III", "James Baker"], [("James Baker", "James Baker III")]),
        # and without a middle initial; a leading initial stays
        (["James A. Baker III", "James Baker"], [("James A. Baker III", "James Baker")]),
        (["J. Patrick Michaels Jr", "J. Patrick Michaels"], [("J. Patrick Michaels", "J. Patrick Michaels Jr")]),
        (["Martin Luther King", "Martin Luther King, Jr."], [("Martin Luther King", "Martin Luther King, Jr.")]),
        # and without a middle given name, once the name with it has had its turn
        (["James Scott Brady Jr", "James Brady"], [("James Brady", "James Scott Brady Jr")]),
        (
            ["James Scott Brady", "James Scott Brady Jr", "James Brady"],
            [("James Scott Brady", "James Scott Brady Jr"), ("James Brady", "James Scott Brady"),
             ("James Brady", "James Scott Brady Jr")],
        ),
        # two suffixed names of that bare name: either could be meant
        (["James Scott Brady Jr", "James Paul Brady III", "James Brady"], []),
        # father and son both written with theirs: the bare name could be either
        (["Ken Griffey", "Ken Griffey Jr.", "Ken Griffey Sr."], []),
        # a suffix only: no person's name to drop it from
        (["Jr.", "Pickens"], []),
    ],
)
def test_link_seen_joins_a_person_to_the_one_suffixed_spelling_of_their_name(names, joined):
    assert _joined_person_pairs(names) == sorted(tuple(sorted(pair)) for pair in joined)


def _joined_person_pairs(names: list[str]) -> list[tuple[str, str]]:
    """The pairs of ``names`` (each a person, each in its own article) that one entity holds, sorted."""
    seen = _seen([(f"m{i}", f"d{i}", name, "PERSON") for i, name in enumerate(names)])
    linked, _ = link_seen(seen)
    entity = dict(zip(linked["item_id"].to_list(), linked["entity_id"].to_list()))
    by_name = {name: entity[f"m{i}"] for i, name in enumerate(names)}
    return sorted((a, b) for a in names for b in names if a < b and by_name[a] == by_name[b])


@pytest.mark.parametrize(
    ("names", "joined"),
    [
        # a royal by the given name and title alone, and the one royal of the dataset written with a patronymic
        (["Prince Zorbandar bin Zultan", "Prince Zorbandar"], [("Prince Zorbandar", "Prince Zorbandar bin Zultan")]),
        (["Prince Sultan bin Zorbaziz", "Prince Sultan"], [("Prince Sultan", "Prince Sultan bin Zorbaziz")]),
        # the longer name written with another title, or none: another royal may be meant ("King Abdullah")
        (["Crown Prince Zorbdullah bin Zorbaziz", "King Zorbdullah"], []),
        (["Zorbandar bin Zultan", "Prince Zorbandar"], []),
        # two princes of that given name: either could be meant
        (["Prince Zorbandar bin Zultan", "Prince Zorbandar bin Khalzid", "Prince Zorbandar"], []),
        # no royal title: a bare given name is nobody's, and "bin Laden" is a family name
        (["Zorbama bin Zaden", "Zorbama"], []),
    ],
)
def test_link_seen_joins_a_royal_to_the_one_name_with_a_patronymic(names, joined):
    assert _joined_person_pairs(names) == sorted(tuple(sorted(pair)) for pair in joined)


#: Another organisation whose initials spell "ZTC", in an article without the acronym: the dataset alone cannot
#: tell which one a bare "ZTC" is (``find_acronym_links`` links only when one organisation spells it).
_NAMESAKE = [("n1", "d7", "Zemlan Tin Company", "ORG")]


@pytest.mark.parametrize(
    ("expansions", "more_rows", "linked_alone"),
    [
        # two articles spell the acronym out as one organisation: the bare acronym of a third article is it too
        (["Zorbia Trade Council", "Zorbia Trade Council"], _NAMESAKE, True),
        # one article spelling it out is too little
        (["Zorbia Trade Council"], _NAMESAKE, False),
        # two meanings spelt out as often: the bare acronym could be either
        (["Zorbia Trade Council", "Zemlan Tin Company"], [], False),
        # a company the letters name ("ZTC Inc") is a meaning the articles do not spell out
        (["Zorbia Trade Council", "Zorbia Trade Council"], [*_NAMESAKE, ("x1", "d9", "ZTC Inc", "ORG")], False),
    ],
)
def test_link_seen_gives_a_bare_acronym_the_organisation_its_other_articles_spell_out(
    expansions, more_rows, linked_alone
):
    rows = []
    for index, expansion in enumerate(expansions):
        rows += [(f"e{index}", f"d{index}", expansion, "ORG"), (f"a{index}", f"d{index}", "ZTC", "ORG")]
    rows += [("alone", "d8", "ZTC", "ORG"), *more_rows]
    linked, infos = link_seen(_seen(rows))
    entity = dict(zip(linked["item_id"].to_list(), linked["entity_id"].to_list()))
    method = dict(zip(linked["item_id"].to_list(), linked["resolution"].to_list()))
    assert method["a0"] == "document_context"  # the acronym where its article spells it out
    assert (entity["alone"] == entity["e0"]) is linked_alone
    assert method["alone"] == ("corpus_context" if linked_alone else "exact_key")
    assert set(entity.values()) <= set(infos)


def _sec_articles(decided: int, undecided: int) -> list[tuple[str, str, str, str]]:
    """A placed SEC in one article; articles naming the U.S. only, with the bare name and the acronym; articles
    naming Japan, not the U.S., with the bare name only."""
    rows = [("placed", "d0", "U.S. Securities and Exchange Commission", "ORG")]
    for i in range(1, decided + 1):
        rows += [(f"us{i}", f"d{i}", "U.S.", "GPE"), (f"bare{i}", f"d{i}", "Securities and Exchange Commission", "ORG"),
                 (f"sec{i}", f"d{i}", "SEC", "ORG")]
    for i in range(decided + 1, decided + undecided + 1):
        rows += [(f"jp{i}", f"d{i}", "Japan", "GPE"),
                 (f"bare{i}", f"d{i}", "Securities and Exchange Commission", "ORG")]
    return rows


def test_link_seen_sends_an_acronym_where_its_article_sent_the_name_it_stands_for():
    # The first article names the U.S. only: its bare "Securities and Exchange Commission" is the placed one, and
    # so is its "SEC", though the acronym rules read the bare spelling's own entity, which the second article's
    # bare name (naming Japan, one article of two) keeps.
    linked, _ = link_seen(_seen(_sec_articles(decided=1, undecided=1)))
    entity = dict(zip(linked["item_id"].to_list(), linked["entity_id"].to_list()))
    assert entity["bare1"] == entity["placed"]
    assert entity["sec1"] == entity["placed"]
    assert entity["bare2"] != entity["placed"]


@pytest.mark.parametrize(
    ("decided", "undecided", "linked_too"),
    [
        (4, 1, True),  # four articles of five tell which: the fifth, naming Japan, is that one
        (3, 1, False),  # three of four: too many articles cannot tell
        (1, 0, None),
    ],
)
def test_link_seen_gives_a_bare_institution_the_entity_nearly_every_article_with_it_gives(
    decided, undecided, linked_too
):
    linked, _ = link_seen(_seen(_sec_articles(decided, undecided)))
    entity = dict(zip(linked["item_id"].to_list(), linked["entity_id"].to_list()))
    for i in range(1, decided + 1):
        assert entity[f"bare{i}"] == entity["placed"]
    for i in range(decided + 1, decided + undecided + 1):
        assert (entity[f"bare{i}"] == entity["placed"]) is linked_too


def test_a_person_labelled_an_organisation_spells_out_no_acronym():
    # "Agriculture Daniel Amstutz", labelled ORG, is the person Daniel Amstutz (his role stripped, the type vote):
    # a bare "ADA" elsewhere is not his initials.
    rows = [(f"p{i}", f"d{i}", "Daniel Amstutz", "PERSON") for i in range(6)]
    rows += [("r1", "d7", "Agriculture Daniel Amstutz", "ORG"), ("a1", "d8", "ADA", "ORG")]
    linked, _ = link_seen(_seen(rows))
    entity = dict(zip(linked["item_id"].to_list(), linked["entity_id"].to_list()))
    assert entity["r1"] == entity["p0"]
    assert entity["a1"] != entity["p0"]
