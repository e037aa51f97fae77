"""Type as evidence: a name's type is voted by its article's mentions and the registry (failure class 3)."""

from __future__ import annotations

import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsfold.ids import make_id
from newsfold.names.curation import parse_curation
from newsfold.names.resolve import resolve_entities
from newsfold.names.link import link_spelling
from newsfold.names.votes import (
    count_cues,
    decide_article_labels,
    decide_type,
    find_dateline_places,
    find_team_names,
    listed_types,
)
from tests.names.conftest import build_documents, build_mentions


def _resolve(spans):
    mentions = build_mentions(spans)
    result = resolve_entities(mentions, build_documents(mentions))
    joined = mentions.join(result.mention_links, on="mention_id").join(result.entities, on="entity_id")
    return joined


@pytest.mark.parametrize(
    ("votes", "first", "listed", "expected"),
    [
        ({"PER": 3, "ORG": 1}, "ORG", (), "PER"),  # majority of mentions
        ({"PER": 1, "ORG": 1}, "ORG", (), "ORG"),  # tie: the first mention
        ({"PER": 1, "LOC": 4}, "LOC", ("PER",), "PER"),  # a listed entity's type wins
        ({"ORG": 2, "LOC": 1}, "ORG", ("ORG", "LOC"), "ORG"),  # listed twice: votes choose among them
        ({"ORG": 1, "LOC": 1}, "PER", ("ORG", "LOC"), None),  # listed twice, tie: evidence is split
        ({"PER": 1, "ORG": 2}, "PER", ("LOC",), "ORG"),  # listed as a type nobody voted for: votes decide
    ],
)
def test_decide_type_weighs_votes_registry_and_first_mention(votes, first, listed, expected):
    assert decide_type(votes, first, listed) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Mike Pompeo", ("PER",)), ("Baghdad", ("LOC",)), ("Ahmad Vahidi", ()), ("Kataib Hezbollah", ("ORG",))],
)
def test_listed_types_are_exact_registry_spellings(text, expected):
    assert listed_types(text) == expected


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # one label throughout: untouched
        ([("d1", "Ahmad Vahidi", "PERSON", 1)], ["PERSON"]),
        # outvoted in its article
        ([("d1", "Ahmad Vahidi", "PERSON", 2), ("d1", "Ahmad Vahidi", "ORG", 1)], ["PERSON", "PER"]),
        # the same spelling in another article is another vote
        ([("d1", "Ahmad Vahidi", "PERSON", 2), ("d2", "Ahmad Vahidi", "ORG", 1)], ["PERSON", "ORG"]),
        # FAC and ORG are one type: no conflict
        ([("d1", "White House", "FAC", 1), ("d1", "White House", "ORG", 1)], ["FAC", "ORG"]),
        # NORP keeps its own rules (demonyms)
        ([("d1", "Soleimani", "PERSON", 2), ("d1", "Soleimani", "NORP", 1)], ["PERSON", "NORP"]),
        # equal surfaces: case, "the" and a possessive do not matter
        ([("d1", "the Pentagon", "ORG", 2), ("d1", "Pentagon's", "PERSON", 1)], ["ORG", "ORG"]),
    ],
)
def test_decide_article_labels_relabels_only_outvoted_rows(rows, expected):
    seen = pl.DataFrame(
        {
            "item_id": [f"m{i}" for i in range(len(rows))],
            "doc_id": [r[0] for r in rows],
            "text": [r[1] for r in rows],
            "label": [r[2] for r in rows],
            "weight": [r[3] for r in rows],
        }
    )
    assert decide_article_labels(seen)["label"].to_list() == expected


# (spans, text whose mentions must share one entity, expected canonical name or None, expected type)
ONE_ENTITY = [
    # spaCy labelled an unlisted name ORG once and PERSON twice in one article
    (
        [("a", "Ahmad Vahidi", "PERSON"), ("a", "Ahmad Vahidi", "ORG"), ("a", "Ahmad Vahidi", "PERSON")],
        "Ahmad Vahidi",
        "Ahmad Vahidi",
        "PER",
    ),
    # a listed person labelled GPE once
    ([("a", "Mike Pompeo", "PERSON"), ("a", "Mike Pompeo", "GPE")], "Mike Pompeo", "Mike Pompeo", "PER"),
    # a listed region labelled PERSON once
    ([("a", "Baghdad", "GPE"), ("a", "Baghdad", "PERSON")], "Baghdad", "Baghdad", "LOC"),
    # an unlisted region labelled PERSON once, GPE twice
    (
        [("a", "Nineveh Plains", "GPE"), ("a", "Nineveh Plains", "PERSON"), ("a", "Nineveh Plains", "LOC")],
        "Nineveh Plains",
        "Nineveh Plains",
        "LOC",
    ),
    # one ORG and one PERSON: the first mention decides, still one entity
    ([("a", "Hamid Karzai Trust", "ORG"), ("a", "Hamid Karzai Trust", "PERSON")], "Hamid Karzai Trust", None, "ORG"),
    # across articles: PERSON in three articles, ORG in one, unlisted
    (
        [("a", "Ahmad Vahidi", "PERSON"), ("b", "Ahmad Vahidi", "PERSON"), ("c", "Ahmad Vahidi", "PERSON"),
         ("d", "Ahmad Vahidi", "ORG")],
        "Ahmad Vahidi",
        "Ahmad Vahidi",
        "PER",
    ),
    # the same, for a name an organisation's key spells otherwise ("eltun brand" against "iltun brand")
    (
        [("a", "Elton Brand", "PERSON"), ("b", "Elton Brand", "PERSON"), ("c", "Elton Brand", "PERSON"),
         ("d", "Elton Brand", "ORG")],
        "Elton Brand",
        "Elton Brand",
        "PER",
    ),
    # one unlisted word (a console, a party) spaCy labelled ORG in three times the articles it labelled PERSON
    (
        [*((doc, "Zorvex", "ORG") for doc in "abcdef"), ("g", "Zorvex", "PERSON"), ("h", "Zorvex", "PERSON")],
        "Zorvex",
        "Zorvex",
        "ORG",
    ),
    # the same word labelled GPE: no place of that name, so an organisation spaCy took for one ("BT")
    ([*((doc, "Zorvex", "ORG") for doc in "abc"), ("d", "Zorvex", "GPE")], "Zorvex", "Zorvex", "ORG"),
]


@pytest.mark.parametrize(("spans", "text", "canonical", "entity_type"), ONE_ENTITY)
def test_resolve_entities_one_surface_one_entity_whatever_the_label(spans, text, canonical, entity_type):
    joined = _resolve(spans).filter(pl.col("text") == text)
    assert joined["entity_id"].n_unique() == 1, joined.select("doc_id", "label", "entity_id", "resolution")
    assert joined["entity_type"].unique().to_list() == [entity_type]
    if canonical is not None:
        assert joined["canonical_name"].unique().to_list() == [canonical]


# (spans, two (doc, text, label) mentions that must stay apart)
APART = [
    # across articles a close vote is evidence against: two articles each way
    (
        [("a", "Harakat Nujaba", "ORG"), ("b", "Harakat Nujaba", "ORG"), ("c", "Harakat Nujaba", "GPE"),
         ("d", "Harakat Nujaba", "GPE")],
        ("a", "Harakat Nujaba", "ORG"),
        ("c", "Harakat Nujaba", "GPE"),
    ),
    # two organisations that read alike only as a person's name stay two, whatever the person votes
    (
        [("a", "Toyota Tsusho", "ORG"), ("b", "Taita Tsusho", "ORG"), ("c", "Taita Tsusho", "PERSON"),
         ("d", "Taita Tsusho", "PERSON"), ("e", "Taita Tsusho", "PERSON"), ("f", "Taita Tsusho", "PERSON")],
        ("a", "Toyota Tsusho", "ORG"),
        ("b", "Taita Tsusho", "ORG"),
    ),
    # a close vote across articles keeps an organisation and a person apart, however the keys are spelt
    (
        [("a", "Peyton Manning", "ORG"), ("b", "Peyton Manning", "ORG"), ("c", "Peyton Manning", "PERSON"),
         ("d", "Peyton Manning", "PERSON")],
        ("a", "Peyton Manning", "ORG"),
        ("c", "Peyton Manning", "PERSON"),
    ),
    # namesakes of different kinds: the general in one article, the city in another
    (
        [("a", "Qasem Soleimani", "PERSON"), ("a", "Sulaimani", "PERSON"), ("b", "Sulaimani", "GPE"),
         ("b", "Sulaimani", "GPE"), ("b", "Sulaimani", "PERSON")],
        ("a", "Sulaimani", "PERSON"),
        ("b", "Sulaimani", "PERSON"),
    ),
    # a bare place name in many articles does not take a person's type from a few others
    (
        [("a", "Sulaimani", "PERSON"), ("b", "Sulaimani", "PERSON"), ("c", "Sulaimani", "PERSON"),
         ("d", "Sulaimani", "GPE")],
        ("a", "Sulaimani", "PERSON"),
        ("d", "Sulaimani", "GPE"),
    ),
    # one word, a close vote: twice the articles one way is not enough
    (
        [("a", "Zorvex", "ORG"), ("b", "Zorvex", "ORG"), ("c", "Zorvex", "PERSON")],
        ("a", "Zorvex", "ORG"),
        ("c", "Zorvex", "PERSON"),
    ),
    # one word a place and a surname: never joined, whatever the vote ("Jackson", "Lincoln")
    (
        [*((doc, "Zorvex", "PERSON") for doc in "abcdef"), ("g", "Zorvex", "GPE")],
        ("a", "Zorvex", "PERSON"),
        ("g", "Zorvex", "GPE"),
    ),
    # a city's name labelled ORG is its club: the city keeps its own entity
    (
        [*((doc, "Edinburgh", "GPE") for doc in "abcdef"), ("g", "Edinburgh", "ORG")],
        ("a", "Edinburgh", "GPE"),
        ("g", "Edinburgh", "ORG"),
    ),
    # two words a person's key reads alike are not one word ("Kiwi", "Kay")
    (
        [*((doc, "Kay", "PERSON") for doc in "abcdef"), ("g", "Kiwi", "ORG")],
        ("a", "Kay", "PERSON"),
        ("g", "Kiwi", "ORG"),
    ),
]


@pytest.mark.parametrize(("spans", "left", "right"), APART)
def test_resolve_entities_namesakes_of_different_kinds_stay_apart(spans, left, right):
    joined = _resolve(spans)

    def entity(doc, text, label):
        hit = joined.filter(
            (pl.col("doc_id") == make_id("doc", doc)) & (pl.col("text") == text) & (pl.col("label") == label)
        )
        return set(hit["entity_id"])

    assert entity(*left).isdisjoint(entity(*right))


def test_resolve_entities_city_article_keeps_the_city_type():
    # "in Sulaimani" (GPE twice) and one noisy PERSON label: the article decides LOC, not the general.
    joined = _resolve(
        [("b", "Sulaimani", "GPE"), ("b", "Sulaimani", "PERSON"), ("b", "Sulaimani", "GPE")]
    )
    assert joined["entity_id"].n_unique() == 1
    assert joined["entity_type"].unique().to_list() == ["LOC"]
    assert "Q1149393" not in set(joined["entity_id"])


@pytest.mark.parametrize(
    ("spans", "entity_type"),
    [
        # the registry lists only the city: the club's ORG votes cannot make the city a club
        ([("a", "Hamburg", "ORG"), ("a", "Hamburg", "GPE"), ("a", "Hamburg", "ORG")], "LOC"),
        # the registry lists the city and the club ("Barcelona"): the votes choose between them
        ([("a", "Barcelona", "ORG"), ("a", "Barcelona", "GPE"), ("a", "Barcelona", "ORG")], "ORG"),
        ([("a", "Barcelona", "GPE"), ("a", "Barcelona", "ORG"), ("a", "Barcelona", "GPE")], "LOC"),
    ],
)
def test_a_city_named_club_is_one_name_in_its_article(spans, entity_type):
    joined = _resolve(spans)
    assert joined["entity_id"].n_unique() == 1 and joined["entity_type"].unique().to_list() == [entity_type]


def test_a_typed_split_takes_a_city_named_club_out_of_the_city():
    # Without the text around a span, "Hamburg" labelled ORG (the club) and GPE (the city)
    # in one article is one name, and the registry lists the city. A curated split by the
    # label spaCy gave still takes the club out.
    spans = [("a", "Hamburg", "ORG"), ("a", "Hamburg", "GPE"), ("a", "Hamburg", "ORG")]
    joined = _resolve(spans)
    assert joined["entity_id"].n_unique() == 1 and joined["entity_type"].unique().to_list() == ["LOC"]
    mentions = build_mentions(spans)
    curation = parse_curation("split:\n  - name: Hamburg\n    type: ORG\n", "curation.yml")
    result = resolve_entities(mentions, build_documents(mentions), curation=curation)
    split = mentions.join(result.mention_links, on="mention_id").join(result.entities, on="entity_id")
    types = dict(split.group_by("label").agg(pl.col("entity_type").unique()).iter_rows())
    assert types == {"ORG": ["ORG"], "GPE": ["LOC"]}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Okonjo said", (1, 0)),  # a title before, a verb of saying after
        ("Okonjo told reporters", (1, 0)),
        ("President Okonjo", (1, 0)),
        ("fighting in Okonjo", (0, 1)),
        ("the city of Okonjo", (0, 1)),
        ("Okonjo province", (0, 1)),
        ("Okonjo Province", (0, 0)),  # capitalised: part of the name spaCy did not take
        ("in Okonjo said", (0, 0)),  # both kinds of cue: no vote
        ("Okonjo shares", (0, 0)),
    ],
)
def test_count_cues(text, expected):
    start = text.index("Okonjo")
    assert count_cues(text, start, start + len("Okonjo")) == expected


def test_context_cues_settle_a_name_spacy_labelled_both_ways():
    # Labelled GPE first, then PERSON; "Mr." and "said" around both mentions make it a person.
    text = "Mr. Okonjo said the vote was fair. Okonjo told reporters he would stay."
    mentions = pl.DataFrame(
        {
            "doc_id": ["d1", "d1"],
            "mention_id": ["mention_a", "mention_b"],
            "start": [4, 35],
            "end": [10, 41],
            "text": ["Okonjo", "Okonjo"],
            "label": ["GPE", "PERSON"],
        }
    )
    documents = pl.DataFrame({"doc_id": ["d1"], "published_date": [None], "text": [text]}, schema_overrides={"published_date": pl.Date})
    links = resolve_entities(mentions, documents)
    joined = links.mention_links.join(links.entities, on="entity_id")
    assert joined["entity_type"].to_list() == ["PER", "PER"]
    # Without the text, the first mention's label wins the tie.
    untyped = resolve_entities(mentions, documents.drop("text"))
    assert untyped.mention_links.join(untyped.entities, on="entity_id")["entity_type"].unique().to_list() == ["LOC"]


# (article text, the person named in full, the bare name spaCy labelled GPE, whether it is that person)
SURNAMES_LABELLED_PLACES = [
    # a listed place's name: the person, whatever follows
    ("Finance Minister Roger Douglas spoke. Losses will fall, Douglas said.", "Roger Douglas", "Douglas", True),
    ("Roger Douglas spoke. It was passed to Douglas at once.", "Roger Douglas", "Douglas", True),
    # ... unless a place cue stands by it
    ("Roger Douglas spoke. The ferry docked in Douglas at noon.", "Roger Douglas", "Douglas", False),
    # a country's name needs a person cue too
    ("Coach James Ireland spoke. The majority of Ireland players rested.", "James Ireland", "Ireland", False),
    ("Analyst Alastair France spoke. Profits will rise, France said.", "Alastair France", "France", True),
    # a byline glued to its dateline in one span names nobody of the place's name
    ("Andrew Gray HAMBURG 1996-08-22. Fans left Hamburg early.", "Andrew Gray HAMBURG", "Hamburg", False),
]


@pytest.mark.parametrize(("text", "full_name", "bare", "is_person"), SURNAMES_LABELLED_PLACES)
def test_a_place_named_as_the_surname_of_a_person_in_full_is_the_person(text, full_name, bare, is_person):
    full_start, bare_start = text.index(full_name), text.rindex(bare)
    mentions = pl.DataFrame(
        {
            "doc_id": ["d1", "d1"],
            "mention_id": ["mention_full", "mention_bare"],
            "start": [full_start, bare_start],
            "end": [full_start + len(full_name), bare_start + len(bare)],
            "text": [full_name, bare],
            "label": ["PERSON", "GPE"],
        }
    )
    documents = pl.DataFrame(
        {"doc_id": ["d1"], "published_date": [None], "text": [text]}, schema_overrides={"published_date": pl.Date}
    )
    links = resolve_entities(mentions, documents)
    entity = dict(zip(links.mention_links["mention_id"].to_list(), links.mention_links["entity_id"].to_list()))
    assert (entity["mention_bare"] == entity["mention_full"]) is is_person


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Bonnet takes over.\nJOHANNESBURG 1996-08-28\nFormer captain ...", ["JOHANNESBURG"]),
        ("Bus falls in river.\nMUZAFFARABAD, Pakistan 1996-08-25\nA bus fell ...", ["MUZAFFARABAD", "Pakistan"]),
        ("LONDON, Aug 22 (Reuters) - Shares rose ...", ["LONDON"]),
        ("CAIRO, Egypt, Aug. 3 (Reuters) - The talks ...", ["CAIRO", "Egypt"]),
        ("WASHINGTON (AP) \u2014 The Senate voted ...", ["WASHINGTON"]),
        ("Headline\nBy Jane Doe\nST HELENS 1996-08-24\nSt Helens beat ...", ["ST HELENS"]),
        # look-alikes: no date or agency after the capitals, a capitalised headline, too far down
        ("Headline\nNEW YORK\nThe outcome of the elections ...", []),
        ("OBAMA SPEAKS\nThe president said on Monday ...", []),
        ("OBAMA WINS 2008 RACE\nThe senator ...", []),
        ("One.\nTwo.\nThree.\nLONDON 1996-08-22\nToo far down.", []),
        ("In London, Aug 22 the shares rose", []),
    ],
)
def test_find_dateline_places(text, places):
    assert [text[start:end] for start, end in find_dateline_places(text)] == places


@pytest.mark.parametrize(
    ("labels", "expected"),
    [
        (["PERSON"], "LOC"),  # spaCy reads a capitalised dateline town as a person
        (["ORG", "ORG"], "LOC"),  # every mention of the name in its article follows the dateline
    ],
)
def test_a_dateline_place_is_a_place_whatever_its_label(labels, expected):
    def resolved_types(text: str) -> list[str]:
        starts = [text.index("DOETINCHEM"), text.index("Doetinchem")][: len(labels)]
        mentions = pl.DataFrame(
            {
                "doc_id": ["d1"] * len(labels),
                "mention_id": [f"mention_{i}" for i in range(len(labels))],
                "start": starts,
                "end": [start + len("Doetinchem") for start in starts],
                "text": [text[start : start + len("Doetinchem")] for start in starts],
                "label": labels,
            }
        )
        documents = pl.DataFrame(
            {"doc_id": ["d1"], "published_date": [None], "text": [text]}, schema_overrides={"published_date": pl.Date}
        )
        links = resolve_entities(mentions, documents)
        return links.mention_links.join(links.entities, on="entity_id")["entity_type"].unique().to_list()

    assert resolved_types("Lombardi wins stage.\nDOETINCHEM, Netherlands 1996-08-29\nThe race ended in Doetinchem.") == [expected]
    # The same name where no dateline is: its label stands.
    assert resolved_types("Lombardi wins stage.\nDOETINCHEM, Netherlands\nThe race ended in Doetinchem.") != [expected]


@pytest.mark.parametrize(
    ("text", "teams"),
    [
        ("Hamburg 0 VfB Stuttgart 4", ["Hamburg", "VfB Stuttgart"]),  # a result
        ("DETROIT 4 Kansas City 1", ["DETROIT", "Kansas City"]),
        ("BALTIMORE 12 Oakland 11 (10 innings)", ["BALTIMORE", "Oakland"]),  # a bracket after the line
        ("Feyenoord 2 (Larsson 73rd, Van Gastel 83rd penalty) Graafschap 0", ["Feyenoord", "Graafschap"]),  # scorers
        ("Hamburg 0 VfB Stuttgart 4 (Balakov 29th, Bobic 47th and", ["Hamburg", "VfB Stuttgart"]),  # wrapped
        ("Mladost (L) 0 Zemun 0", ["Mladost", "Zemun"]),
        ("North Melbourne 14.12 (96) Geelong 16.13 (109)", ["North Melbourne", "Geelong"]),  # goals, behinds, points
        ("Sydney Bulldogs 17 South Queensland 16 Brisbane 38 Gold Coast 10",
         ["Sydney Bulldogs", "South Queensland", "Brisbane", "Gold Coast"]),  # several results on one line
        ("Bayern Munich 5 4 1 0 12 3 13", ["Bayern Munich"]),  # a standings line
        ("St Kilda 21 9 0 12 1909 1958 97.5 36", ["St Kilda"]),
        ("SAN DIEGO 71 60 .542 -", ["SAN DIEGO"]),  # won, lost, winning share
        ("At Headingley: Yorkshire 529-8 declared (C. White 181,", ["Yorkshire"]),  # a cricket innings
        ("Somerset 236-4 (M. Lathwell 85).", ["Somerset"]),
        ("Essex 72-0.", ["Essex"]),
        ("At Northampton: Sussex 389 and 112 (C. Ambrose 6-26).", ["Sussex"]),
        ("2. David Coulthard (Britain) McLaren 1:54.342", ["McLaren"]),  # a ranked driver's team
        ("4. Erik Zabel (Germany) Telekom", ["Telekom"]),
        # look-alikes: a score in a sentence, a person's scorecard, a results heading, shares and prices
        ("Leeds beat Chelsea 2-1 on Saturday.", []),
        ("Partizan beat Benetton 97-94 (halftime 39-32).", []),
        ("Greg Norman 68 70 72", []),  # three rounds: no standings line
        ("Tiger Woods 68 70 72 70 280", []),  # a golfer's rounds: no count of games
        ("Aamir Sohail 2-1-4-0", []),  # a bowler's figures
        ("Wasim Akram 10-2-35-3", []),
        ("Pete Sampras 6-4", []),  # a tennis set
        ("Lancashire 323", []),  # a bare score: no ground, no wickets
        ("1. Michael Johnson (U.S.) 19.32", []),  # a ranked athlete: no team after the country
        ("2:30.67 Christine Wachtel (Germany) Berlin 17.8.90", []),  # a time first: Berlin is where it was run
        ("Worcestershire 8 points,", []),
        ("Porsche's registrations fell to 554 from 643.", []),
        ("Clinton 48% Trump 41%", []),  # a poll is no result
        ("Shr 1.23 dlrs vs 1.10 dlrs", []),
        ("Results on Saturday:", []),
    ],
)
def test_find_team_names(text, teams):
    assert [text[start:end] for start, end in find_team_names(text)] == teams


def _types_in(text: str, names: list[tuple[str, str]]) -> dict[str, set[str]]:
    """Each name's resolved types when its every occurrence in ``text`` is a mention with the label given."""
    rows = []
    for name, label in names:
        start = text.find(name)
        while start >= 0:
            rows.append((start, name, label))
            start = text.find(name, start + 1)
    mentions = pl.DataFrame(
        {
            "doc_id": ["d1"] * len(rows),
            "mention_id": [f"mention_{i}" for i in range(len(rows))],
            "start": [start for start, _, _ in rows],
            "end": [start + len(name) for start, name, _ in rows],
            "text": [name for _, name, _ in rows],
            "label": [label for _, _, label in rows],
        }
    )
    documents = pl.DataFrame({"doc_id": ["d1"], "published_date": [None], "text": [text]}, schema_overrides={"published_date": pl.Date})
    links = resolve_entities(mentions, documents)
    joined = mentions.join(links.mention_links, on="mention_id").join(links.entities, on="entity_id")
    return {name: set(types) for name, types in joined.group_by("text").agg(pl.col("entity_type").unique()).iter_rows()}


def test_a_club_in_a_results_line_is_no_city():
    # spaCy labels the clubs places, a person, an event: in a results line each is a team, and no listed
    # city takes it; a national side keeps its country, and the same names in prose elsewhere keep their label.
    results = "Soccer results.\nHamburg 0 Bremen 4\nCorinthians 2 Uganda 1\n"
    assert _types_in(results, [("Hamburg", "GPE"), ("Bremen", "PERSON"), ("Corinthians", "EVENT"), ("Uganda", "GPE")]) == {
        "Hamburg": {"ORG"}, "Bremen": {"ORG"}, "Corinthians": {"ORG"}, "Uganda": {"LOC"},
    }
    prose = "Soccer results.\nThe fans in Hamburg and Bremen cheered.\n"
    assert _types_in(prose, [("Hamburg", "GPE"), ("Bremen", "GPE")]) == {"Hamburg": {"LOC"}, "Bremen": {"LOC"}}
    # A dateline's town stays a place, even where a team of its name plays.
    dated = "Soccer results.\nHAMBURG 1996-08-24\nHAMBURG 0 Bremen 4\n"
    assert _types_in(dated, [("HAMBURG", "GPE"), ("Bremen", "GPE")]) == {"HAMBURG": {"LOC"}, "Bremen": {"ORG"}}


def test_a_team_label_never_crosses_to_a_place():
    # An ORG label crosses to the only listed entity of the spelling (spaCy's "the U.S. said"); a team does not.
    assert link_spelling("Hamburg", "ORG").method == "registry_alias_relabelled"
    assert link_spelling("Hamburg", "TEAM") is None


@given(
    st.lists(
        st.sampled_from(
            ["Hamburg", "St Kilda", "0", "4", "12", "72-0", "(L)", "(Britain)", "McLaren", "1.", "At Lord's:", "declared",
             ".542", "14.12 (96)", "(Klinsmann 15th", ")", "\n", "de", "&", "97.5", "-", "x"]
        ),
        max_size=14,
    ).map(" ".join)
)
def test_team_names_are_capitalised_spans_of_the_text_in_order(text):
    spans = find_team_names(text)
    assert spans == sorted(set(spans))
    for start, end in spans:
        assert 0 <= start < end <= len(text) and text[start].isupper() and "\n" not in text[start:end]
