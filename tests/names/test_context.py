"""Bare surnames linked by their article or by the whole corpus."""

from __future__ import annotations

import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsfold.names.context import (
    CORPUS_PROMINENCE_SCORE,
    are_surnames_spelt_alike,
    find_prominent_people,
    link_corpus_surnames,
    link_document_context,
    may_take_prominent_person,
)
from newsfold.names.observe import Link, make_observation
from newsfold.names.registry import load_registry


def _obs(item, doc, text, label):
    return make_observation(item, doc, 0, len(text), text, label)


@pytest.mark.parametrize(
    ("bare", "label", "others", "expected"),
    [
        ("Soleimani", "GPE", [("Qasem Soleimani", "Q1149393")], "Q1149393"),
        ("Soleimani", "NORP", [("Qasem Soleimani", "Q1149393")], "Q1149393"),
        ("General Sulaimani", "PERSON", [("Qasim Suleimani", "Q1149393")], "Q1149393"),
        ("Mr. Trump", "PERSON", [("Donald Trump", "Q22686")], "Q22686"),
        ("Bush", "PERSON", [("George W. Bush", "Q207"), ("George H. W. Bush", "Q23505")], None),  # two candidates
        ("Pompeo", "PERSON", [("Donald Trump", "Q22686")], None),  # no candidate
        ("A. Trump", "PERSON", [("Donald Trump", "Q22686")], None),  # an initial we cannot check
    ],
)
def test_link_document_context(bare, label, others, expected):
    observations = [_obs(f"men_{i}", "doc_1", text, "PERSON") for i, (text, _) in enumerate(others)]
    links = {f"men_{i}": Link(entity, "registry_alias", 1.0) for i, (_, entity) in enumerate(others)}
    observations.append(_obs("men_bare", "doc_1", bare, label))
    new = link_document_context(observations, links)
    assert new.get("men_bare", Link("", "", 0)).entity_id == (expected or "")


def test_link_document_context_stays_in_its_article():
    observations = [_obs("men_1", "doc_1", "Qasem Soleimani", "PERSON"), _obs("men_2", "doc_2", "Soleimani", "GPE")]
    assert link_document_context(observations, {"men_1": Link("Q1149393", "registry_alias", 1.0)}) == {}


def test_link_document_context_keeps_exact_registry_names():
    # "Jordan" the country stays the country even next to "Michael Jordan".
    observations = [_obs("men_1", "doc_1", "Michael Jordan", "PERSON"), _obs("men_2", "doc_1", "Jordan", "GPE")]
    links = {"men_1": Link("ent_0000000000000001", "exact_key", 1.0), "men_2": Link("Q810", "registry_alias", 1.0)}
    assert link_document_context(observations, links) == {}


@pytest.mark.parametrize(
    ("bare", "full", "expected"),
    [
        ("Trump", [], "Q22686"),  # one registry person named Trump
        ("Bush", [], None),  # two registry Bushes
        ("Vahidi", [("Ahmad Vahidi", "ent_00000000000000aa")], "ent_00000000000000aa"),
        ("Vahidi", [("Ahmad Vahidi", "ent_00000000000000aa"), ("Reza Vahidi", "ent_00000000000000bb")], None),
    ],
)
def test_link_corpus_surnames_needs_exactly_one_candidate(bare, full, expected):
    observations = [_obs(f"men_{i}", f"doc_{i}", text, "PERSON") for i, (text, _) in enumerate(full)]
    links = {f"men_{i}": Link(entity, "exact_key", 1.0) for i, (_, entity) in enumerate(full)}
    observations.append(_obs("men_bare", "doc_bare", bare, "PERSON"))
    new = link_corpus_surnames(observations, links, load_registry())
    assert (new["men_bare"].entity_id if "men_bare" in new else None) == expected


def test_link_corpus_surnames_ignores_quiet_relatives():
    # Ivanka Trump is named in full somewhere, yet a bare "Trump" still means Donald Trump.
    registry = load_registry()
    ivanka = registry.alias_index[("PER", "ivanka trump")][0]
    observations = [_obs("men_1", "doc_1", "Ivanka Trump", "PERSON"), _obs("men_2", "doc_2", "Trump", "PERSON")]
    new = link_corpus_surnames(observations, {"men_1": Link(ivanka, "registry_alias", 1.0)}, registry)
    assert new["men_2"].entity_id == "Q22686"


@pytest.mark.parametrize(
    ("bare", "surnames", "expected"),
    [
        ("sulaimani", ["soleimani"], True),  # two edits in a long name: a transliteration
        ("suleimani", ["soleimani", "sulaimani"], True),
        ("putin", ["putin"], True),
        ("asad", ["assad"], True),  # one edit in a short name
        ("pootin", ["putin"], False),  # two edits in a short name
        ("путин", ["putin"], True),  # another script, read in Latin letters
        ("سليماني", ["soleimani"], True),  # another script, a rigour name symbol shared
        ("drake", ["draghi"], False),  # alike by key only: a team is not Mario Draghi
        ("riot", ["rait"], False),  # two edits in a short name
        ("sikh", ["seck"], False),
        ("jimmy", ["james"], False),
        ("trump", [], False),  # no surname to compare with
    ],
)
def test_are_surnames_spelt_alike(bare, surnames, expected):
    assert are_surnames_spelt_alike(bare, surnames) is expected


def _named_in_full(people: dict[str, tuple[str, int]]) -> tuple[list, dict]:
    """Observations naming each person in full in ``count`` articles of their own, and their links."""
    observations, links = [], {}
    for entity_id, (full_name, count) in people.items():
        for i in range(count):
            item = f"men_{entity_id}_{i}"
            observations.append(_obs(item, f"doc_{entity_id}_{i}", full_name, "PERSON"))
            links[item] = Link(entity_id, "exact_key", 1.0)
    return observations, links


@pytest.mark.parametrize(
    ("bare", "people", "expected"),
    [
        # prominent: five times the articles of each other person of that surname, and three at least
        ("Obama", {"ent_barack": ("Barack Obama", 10), "ent_michelle": ("Michelle Obama", 2)}, "ent_barack"),
        ("Vahidi", {"ent_a": ("Ahmad Vahidi", 5), "ent_r": ("Reza Vahidi", 1)}, "ent_a"),
        ("Mr. Vahidi", {"ent_a": ("Ahmad Vahidi", 5), "ent_r": ("Reza Vahidi", 1)}, "ent_a"),
        # look-alikes: not five times, or too few articles to tell
        ("Vahidi", {"ent_a": ("Ahmad Vahidi", 4), "ent_r": ("Reza Vahidi", 1)}, None),
        ("Vahidi", {"ent_a": ("Ahmad Vahidi", 9), "ent_r": ("Reza Vahidi", 2)}, None),
        ("Kazemi", {"ent_a": ("Ahmad Kazemi", 2), "ent_r": ("Reza Kazemi", 0)}, "ent_a"),  # one candidate: context
        ("Bush", {"Q207": ("George W. Bush", 2)}, None),  # two registry Bushes, two articles prove nothing
        ("Bush", {"Q207": ("George W. Bush", 3)}, "Q207"),  # the other registry Bushes named nowhere
    ],
)
def test_link_corpus_surnames_takes_the_prominent_person(bare, people, expected):
    observations, links = _named_in_full(people)
    observations.append(_obs("men_bare", "doc_bare", bare, "PERSON"))
    new = link_corpus_surnames(observations, links, load_registry())
    found = new.get("men_bare")
    assert (found.entity_id if found else None) == expected
    if found is not None and len([p for p in people.values() if p[1]]) > 1:
        assert (found.method, found.score) == ("corpus_prominence", CORPUS_PROMINENCE_SCORE)


@pytest.mark.parametrize(
    ("in_article", "expected"),
    [
        (["Hillary Clinton", "Bill Clinton", "Bill Clinton"], "ent_hillary"),  # the prominent one first
        (["Hillary Clinton", "Chelsea Clinton"], "ent_hillary"),
        (["Bill Clinton", "Hillary Clinton"], None),  # another named first: the article may be about him
        (["Chelsea Clinton", "Bill Clinton"], None),  # the prominent one not named in full here
    ],
)
def test_link_document_context_takes_the_prominent_person_named_first(in_article, expected):
    people = {"ent_hillary": ("Hillary Clinton", 10), "ent_bill": ("Bill Clinton", 1), "ent_chelsea": ("Chelsea Clinton", 1)}
    observations, links = _named_in_full(people)
    ids = {full_name: entity_id for entity_id, (full_name, _) in people.items()}
    for i, text in enumerate(in_article):
        observations.append(_obs(f"men_here_{i}", "doc_here", text, "PERSON"))
        links[f"men_here_{i}"] = Link(ids[text], "exact_key", 1.0)
    observations.append(_obs("men_bare", "doc_here", "Clinton", "PERSON"))
    new = link_document_context(observations, links)
    assert (new["men_bare"].entity_id if "men_bare" in new else None) == expected
    if expected:
        assert new["men_bare"].method == "document_prominence"


@given(st.permutations([("d1", "k", "a"), ("d2", "k", "a"), ("d3", "k", "a"), ("d4", "k", "a"), ("d5", "k", "a"),
                        ("d1", "k", "b"), ("d6", "j", "c"), ("d7", "j", "c"), ("d8", "j", "c"), ("d8", "j", "d")]))
def test_find_prominent_people_ignores_row_order(rows):
    full = pl.DataFrame(rows, schema=["doc_id", "surname", "entity_id"], orient="row")
    assert find_prominent_people(full) == {"k": "a"}  # j: three articles against one, under five times


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Clinton", True),
        ("Mr. Blair", True),
        ("General Sulaimani", True),
        ("bush", False),  # "from behind a bush", labelled a person
        ("Baroness Kennedy", False),  # a peer's style, not the prominent Charles Kennedy
        ("Lord Goldsmith", False),
    ],
)
def test_may_take_prominent_person(text, expected):
    assert may_take_prominent_person(text) is expected


@pytest.mark.parametrize(
    ("names", "bare", "joins"),
    [
        # a Chinese or Korean leader's title and family name, in an article of its own, joins the full name
        (["Xi Jinping", "Chairman Xi"], "Chairman Xi", "Xi Jinping"),
        (["Moon Jae-in", "President Moon"], "President Moon", "Moon Jae-in"),
        (["Zhang Wenhua", "Mr. Zhang"], "Mr. Zhang", "Zhang Wenhua"),  # unlisted: the dataset's one Zhang
        # two of the family named in full: the bare name takes neither
        (["Kim Jong Un", "Kim Yo Jong", "Chairman Kim"], "Chairman Kim", None),
        # "Li" is common: the registry's Li never takes it (bare_surname: false), but the dataset's one Li does
        (["Li Qiang", "Premier Li"], "Premier Li", "Li Qiang"),
        (["Wang Yi", "Mr. Wang"], "Mr. Wang", "Wang Yi"),
        # a Western person so marked stays quiet: a bare "Trump" is not Ivanka because only she is named in full
        (["Ivanka Trump", "Mr. Trump"], "Mr. Trump", None),
        # a Western order keeps its family name last
        (["Bruce Lee", "Mr. Bruce"], "Mr. Bruce", None),
    ],
)
def test_an_east_asian_family_name_alone_names_the_one_person_of_it(names, bare, joins):
    from newsfold.names.reconcile import reconcile_names

    resolved = reconcile_names(pl.DataFrame({"name": names, "type": ["PER"] * len(names)}))
    by_name = dict(zip(resolved["name"].to_list(), resolved["entity_id"].to_list()))
    if joins is None:
        assert all(by_name[bare] != by_name[name] for name in names if name != bare)
    else:
        assert by_name[bare] == by_name[joins]
