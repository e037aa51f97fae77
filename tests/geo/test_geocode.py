"""Toponym resolution from the article's own context."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfold.geo import PlaceMention, geocode_by_population, geocode_mentions, parse_dateline


def _mentions(text, names):
    out, cursor = [], 0
    for name in names:
        start = text.index(name, cursor)
        out.append(PlaceMention(start, start + len(name), name))
        cursor = start + len(name)
    return out


@pytest.mark.parametrize(
    ("text", "names", "dateline", "target", "country", "admin1"),
    [
        ("Paris, Texas, lies north of Dallas.", ["Paris", "Texas", "Dallas"], None, "Paris", "US", "US-TX"),
        ("Police in Paris said the suspect fled to Lyon.", ["Paris", "Lyon"], None, "Paris", "FR", "FR-IDF"),
        ("Paris police and Texas rangers met in Dallas.", ["Paris", "Texas", "Dallas"], None, "Paris", "US", "US-TX"),
        ("The mayor of Springfield met Illinois lawmakers in Chicago.", ["Springfield", "Illinois", "Chicago"], None, "Springfield", "US", "US-IL"),
        ("Springfield council voted on Tuesday.", ["Springfield"], "SPRINGFIELD, Ill., March 3 -", "Springfield", "US", "US-IL"),
        ("Springfield, Mass., voted on Tuesday.", ["Springfield"], None, "Springfield", "US", "US-MA"),
        ("Georgia's president spoke in Tbilisi about Russia.", ["Georgia", "Tbilisi", "Russia"], None, "Georgia", "GE", None),
        ("Georgia voters in Atlanta backed the governor.", ["Georgia", "Atlanta"], None, "Georgia", "US", "US-GA"),
        ("Washington said the talks would go on.", ["Washington"], None, "Washington", "US", "US-DC"),
        ("Orchards in Washington state and Oregon.", ["Washington", "Oregon"], None, "Washington", "US", "US-WA"),
        ("Rockets hit Baghdad overnight.", ["Baghdad"], None, "Baghdad", "IQ", "IQ-BG"),
        ("Iraqi officials met in Basra.", ["Iraqi", "Basra"], None, "Iraqi", "IQ", None),
        ("He grew up in Birmingham.", ["Birmingham"], None, "Birmingham", "GB", "GB-ENG"),
        ("Fans in Birmingham, Alabama, cheered.", ["Birmingham"], None, "Birmingham", "US", "US-AL"),
        ("London, Ontario, is smaller.", ["London"], None, "London", "CA", "CA-ON"),
        ("Sydney residents and Melbourne commuters", ["Sydney", "Melbourne"], None, "Sydney", "AU", "AU-NSW"),
        ("Sydney, Nova Scotia, reported snow.", ["Sydney"], None, "Sydney", "CA", "CA-NS"),
        ("Fighting near Gori, Georgia, went on.", ["Gori"], None, "Gori", "GE", "GE-SK"),
        ("Athens, Georgia, voted.", ["Athens"], None, "Athens", "US", "US-GA"),
        ("Kingston was calm; Montego Bay was not.", ["Kingston", "Montego Bay"], None, "Kingston", "JM", "JM-01"),
        ("The port of Portland shipped timber.", ["Portland"], "PORTLAND, Maine, April 2 -", "Portland", "US", "US-ME"),
        ("Britain, Canada, France and Japan agreed.", ["Britain", "Canada", "France", "Japan"], None, "Britain", "GB", None),
        ("He served in Moscow, Poland, East Germany and Austria.", ["Moscow", "Poland", "East Germany"], None, "Moscow", "RU", "RU-MOW"),
        ("He served in Moscow, Poland, East Germany and Austria.", ["Moscow", "Poland", "East Germany"], None, "East Germany", "DE", None),
        ("Wyoming and Louisiana were down, Michigan and Texas up.", ["Wyoming", "Louisiana", "Michigan", "Texas"], None, "Wyoming", "US", "US-WY"),
        ("Analysts at a firm of Philadelphia said so.", ["Philadelphia"], "MIAMI, March 16 -", "Philadelphia", "US", "US-PA"),
        ("A plant in Paramus, N.J., will close.", ["Paramus", "N.J."], None, "N.J.", "US", "US-NJ"),
        ("A plant in Sterling, Conn., will close.", ["Sterling"], None, "Sterling", "US", "US-CT"),
        ("A smelter in Rajastan, the agency said.", ["Rajastan"], None, "Rajastan", "IN", "IN-RJ"),
        ("Police in north-west London said so.", ["north-west London"], None, "north-west London", "GB", "GB-ENG"),
        ("New York Governor Mario Cuomo spoke.", ["New York"], "NEW YORK, March 4 -", "New York", "US", "US-NY"),
    ],
)
def test_geocode_mentions_resolves_from_context(text, names, dateline, target, country, admin1):
    geocodes = geocode_mentions(text, _mentions(text, names), dateline)
    chosen = next(g.place for g in geocodes if g.mention.text == target)
    assert (chosen.country, chosen.admin1 if chosen.kind not in ("country",) else None) == (country, admin1)


@pytest.mark.parametrize("name", ["Elm Street", "Xyzzyville"])
def test_geocode_mentions_leaves_unknown_names_unplaced(name):
    text = f"They met on {name}."
    (geocode,) = geocode_mentions(text, _mentions(text, [name]))
    assert geocode.place is None and geocode.method == "unmatched"


@pytest.mark.parametrize(
    ("dateline", "parts"),
    [
        ("SALVADOR, Feb 26 -", ("Salvador",)),
        ("SPRINGFIELD, Ill., March 3 -", ("Springfield", "Ill.")),
        ("NEW YORK, March 2 -", ("New York",)),
        ("Washington", ("Washington",)),
        (None, ()),
        ("", ()),
    ],
)
def test_geocode_parse_dateline_drops_the_date(dateline, parts):
    assert parse_dateline(dateline) == parts


@pytest.mark.parametrize(("name", "country"), [("Paris", "FR"), ("Springfield", "US"), ("Georgia", "US")])
def test_geocode_by_population_takes_the_most_populous(name, country):
    (place,) = geocode_by_population([PlaceMention(0, len(name), name)])
    assert place.country == country


def test_geocode_mentions_is_deterministic_and_keeps_order():
    text = "Paris and Texas and Georgia and Paris again."
    mentions = _mentions(text, ["Paris", "Texas", "Georgia", "Paris"])
    first = geocode_mentions(text, mentions)
    again = geocode_mentions(text, mentions)
    assert [g.mention for g in first] == mentions
    assert [g.place for g in first] == [g.place for g in again]


@pytest.mark.parametrize(
    ("text", "names", "dateline", "target", "kind"),
    [
        ("New York Governor Mario Cuomo spoke.", ["New York"], "NEW YORK, March 4 -", "New York", "admin1"),
        ("Shares rose in New York and London.", ["New York", "London"], None, "New York", "populated_place"),
        ("Wyoming and Louisiana were down, Michigan and Texas up.", ["Wyoming", "Louisiana", "Michigan", "Texas"], None, "Wyoming", "admin1"),
        ("Orchards in Washington state and Oregon.", ["Washington", "Oregon"], None, "Washington", "admin1"),
        ("Washington said the talks would go on.", ["Washington"], None, "Washington", "populated_place"),
        ("Rockets hit Baghdad overnight.", ["Baghdad"], None, "Baghdad", "populated_place"),
        ("Tourists love Europe.", ["Europe"], None, "Europe", "continent"),
        ("Troops left the Green Zone.", ["Green Zone"], None, "Green Zone", "site"),
    ],
)
def test_geocode_mentions_chooses_the_kind(text, names, dateline, target, kind):
    geocodes = geocode_mentions(text, _mentions(text, names), dateline)
    assert next(g.place.kind for g in geocodes if g.mention.text == target) == kind


@given(st.permutations(["Paris", "Texas", "Georgia", "Atlanta", "Springfield", "Illinois", "Baghdad"]))
@settings(max_examples=25, deadline=None)
def test_geocode_mentions_does_not_depend_on_mention_order(names):
    text = "Paris and Texas and Georgia and Atlanta and Springfield and Illinois and Baghdad."
    mentions = _mentions(text, ["Paris", "Texas", "Georgia", "Atlanta", "Springfield", "Illinois", "Baghdad"])
    by_name = {m.text: m for m in mentions}
    shuffled = [by_name[n] for n in names]
    expected = {g.mention: g.place for g in geocode_mentions(text, mentions)}
    assert {g.mention: g.place for g in geocode_mentions(text, shuffled)} == expected


@pytest.mark.parametrize(("actors", "country"), [({}, "GB"), ({"FR": 3}, "GB"), ({"US": 2}, "US")])
def test_geocode_mentions_weighs_the_countries_of_people_named(actors, country):
    text = "The minister visited Birmingham."
    (geocode,) = geocode_mentions(text, _mentions(text, ["Birmingham"]), None, None, actors)
    assert geocode.place.country == country
