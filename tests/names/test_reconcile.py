"""Reconciling a table of names."""

from __future__ import annotations

import polars as pl
import pytest

from newsfold.names.reconcile import reconcile_names


def test_reconcile_names_resolves_against_registry_and_each_other():
    names = pl.DataFrame(
        {
            "name": [
                "Qasem Soleimani",
                "Qassem Suleimani",
                "Soleimani",
                "Ahmad Vahidi",
                "Ahmed Vahidi",
                "Iranian",
                "",
                "Baghdad",
            ],
            "type": ["PER", "PERSON", "PER", "PER", "PER", "NORP", "PER", "GPE"],
            "row": list(range(8)),
        }
    )
    out = reconcile_names(names)
    assert out.columns == ["name", "type", "row", "entity_id", "canonical_name", "method", "score"]
    assert out["row"].to_list() == list(range(8))
    ids = out["entity_id"].to_list()
    assert ids[0] == ids[1] == ids[2] == "Q1149393"
    assert out["method"][2] == "corpus_context"
    assert ids[3] == ids[4] and ids[3].startswith("ent_")
    assert ids[5] == "Q794"
    assert ids[6] is None  # an empty name resolves to nothing
    assert out["canonical_name"][7] == "Baghdad"


# (rows of the CSV, the row asked about, canonical name it links to or None, method)
TITLES_AND_BARE_NAMES = [
    # exactly one registry person fits
    (["President Trump"], 0, "Donald Trump", "corpus_context"),
    (["Chairman Powell"], 0, "Jerome Powell", "corpus_context"),
    (["Prime Minister Netanyahu"], 0, "Benjamin Netanyahu", "corpus_context"),
    (["Erdogan"], 0, "Recep Tayyip Erdoğan", "corpus_context"),
    # a title in another language, before or after the name (a row naming the title as a given name would
    # make a second candidate and leave the bare surnames unlinked)
    (["Vladimir Putin", "Predsjednik Putin", "Presidente Putin"], 2, "Vladimir Putin", "corpus_context"),
    (["Vladimir Putin", "Putyin elnök", "Президент Путин"], 1, "Vladimir Putin", "corpus_context"),
    (["Bundeskanzler Scholz"], 0, "Olaf Scholz", "corpus_context"),
    # exactly one other row fits
    (["Ahmad Vahidi", "General Vahidi"], 1, "Ahmad Vahidi", "corpus_context"),
    (["Ahmad Vahidi", "Chairman Vahidi"], 1, "Ahmad Vahidi", "corpus_context"),
    (["Foo Barbaz", "Barbaz"], 1, "Foo Barbaz", "corpus_context"),
    # two fit: unlinked (an entity of its own, by exact key)
    (["Foo Barbaz", "Qux Barbaz", "President Barbaz"], 2, None, "exact_key"),
    (["Fred Trump", "President Trump"], 1, None, "exact_key"),  # the registry's Donald and the row's Fred
    (["Bush"], 0, None, "exact_key"),  # the registry lists several
]


@pytest.mark.parametrize(("rows", "index", "canonical", "method"), TITLES_AND_BARE_NAMES)
def test_reconcile_names_links_titles_and_bare_surnames_with_one_candidate(rows, index, canonical, method):
    out = reconcile_names(pl.DataFrame({"name": rows, "type": ["PER"] * len(rows)}))
    row = out.row(index, named=True)
    assert row["method"] == method
    if canonical is None:
        assert row["entity_id"] not in set(out["entity_id"].to_list()[:index] + out["entity_id"].to_list()[index + 1 :])
        assert row["score"] == 1.0
    else:
        assert row["canonical_name"] == canonical
        assert row["score"] == 0.8  # a context rule, not an exact match


# (names resolved together, type, groups of row indexes that are one entity)
VARIANTS_AND_LOOK_ALIKES = [
    # blocking: a swap early in the family name, a given name spelt another way, a leading word too many
    (["Manuel Almunia", "Manuel Alumnia"], "PER", [[0, 1]]),
    (["Kostas Kenteris", "Costas Kenteris"], "PER", [[0, 1]]),
    (["Jose Sarney", "Prersident Jose Sarney"], "PER", [[0, 1]]),
    (["Peter Sanders", "Peter Saunders"], "PER", [[0], [1]]),
    (["Gordon Brown", "Wes Brown"], "PER", [[0], [1]]),
    # short forms of given names
    (["Bernie Ebbers", "Bernard Ebbers"], "PER", [[0, 1]]),
    (["Ian Zorblat", "John Zorblat"], "PER", [[0], [1]]),
    # "Abd al-" before one of God's names, transliterated several ways; another name after it, or Abdullah, is another person
    (["Abd al-Aziz al-Nuristani", "Abdul Aziz Nooristani", "Abdel Aziz Nuristani"], "PER", [[0, 1, 2]]),
    (["Abd el-Kader Zorblati", "Abdul Kader Zorblati", "Abdul Rahman Zorblati", "Abdullah Zorblati"], "PER", [[0, 1], [2], [3]]),
    # titles
    (["Edouard Balladur", "Finance Minister Edouard Balladur"], "PER", [[0, 1]]),
    # written together
    (["Harriet Vantwee", "HarrietVantwee"], "PER", [[0, 1]]),
    (["Du Pont Co", "Dupont Co"], "ORG", [[0, 1]]),
    (["Hong Kong Land", "Hongkong Land"], "ORG", [[0, 1]]),
    # acronyms with an ampersand, abbreviations, club designators
    (["Marks & Spencer", "M&S"], "ORG", [[0, 1]]),
    (["Sheffield United", "Sheff Utd", "Sheffield Wednesday"], "ORG", [[0, 1], [2]]),
    (["Zorblat City Football Club", "Zorblat City FC", "Zorblat City"], "ORG", [[0, 1, 2]]),
    # "Cos" (companies) is a legal form as "Co" is
    (["Philip Morris Cos", "Philip Morris"], "ORG", [[0, 1]]),
    (["Anheuser-Busch Cos Inc", "Anheuser-Busch"], "ORG", [[0, 1]]),
    # a title's realm, a long body before a role
    (["King Hussein of Jordan", "King Hussein"], "PER", [[0, 1]]),
    (["Immigration and Naturalization Service Commissioner Doris Meissner", "Doris Meissner"], "PER", [[0, 1]]),
    # typos
    (["Chrysler Corp", "Chrylser Corp", "Chrsyler Corp", "Chrysler"], "ORG", [[0, 1, 2, 3]]),
    (["Textron Inc", "Texton Inc"], "ORG", [[0, 1]]),
    (["Amerian Motors", "American Motors Corp"], "ORG", [[0, 1]]),
    (["Intel", "Itel"], "ORG", [[0], [1]]),
    (["Allianz", "Alliant"], "ORG", [[0], [1]]),
    (["North Dakota", "South Dakota"], "LOC", [[0], [1]]),
    # a family name alone that a listed person took is no head for a full name of another given name (Reuters 1987)
    (["De Croo", "Herman De Croo"], "PER", [[0], [1]]),
]


@pytest.mark.parametrize(("rows", "entity_type", "groups"), VARIANTS_AND_LOOK_ALIKES)
def test_reconcile_names_joins_variants_and_keeps_look_alikes_apart(rows, entity_type, groups):
    out = reconcile_names(pl.DataFrame({"name": rows, "type": [entity_type] * len(rows)}))
    found: dict[str, list[int]] = {}
    for index, entity_id in enumerate(out["entity_id"].to_list()):
        found.setdefault(entity_id, []).append(index)
    assert sorted(found.values()) == groups
