"""Resolving a whole dataset: every mention linked, order-free, speakers, curation."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfold.ids import make_id
from newsfold.names.curation import parse_curation
from newsfold.names.resolve import resolve_entities
from schemas import Entities
from tests.names.conftest import SPEAKER_SCHEMA, build_documents, build_mentions

SPANS = [
    ("a", "U.S.", "GPE"),
    ("a", "Iran", "GPE"),
    ("a", "Donald Trump", "PERSON"),
    ("a", "Iranian", "NORP"),
    ("a", "Qasem Soleimani", "PERSON"),
    ("a", "Trump", "PERSON"),
    ("a", "Soleimani", "GPE"),
    ("a", "Soleimani", "NORP"),
    ("a", "Mike Pompeo", "PERSON"),
    ("a", "Ahmad Vahidi", "PERSON"),
    ("b", "US", "GPE"),
    ("b", "Qasim Suleimani", "PERSON"),
    ("b", "Sulaimani", "PERSON"),
    ("b", "Americans", "NORP"),
    ("b", "Baghdad", "GPE"),
    ("b", "Ahmed Vahidi", "PERSON"),
    ("b", "Kataib Hezbollah", "ORG"),
    ("c", "Vahidi", "PERSON"),
    ("c", "Hezbollah", "ORG"),
    ("c", "Shiite", "NORP"),
]


def _resolve(spans=SPANS, **kwargs):
    mentions = build_mentions(spans)
    documents = build_documents(mentions, {"a": dt.date(2020, 12, 20), "b": dt.date(2020, 12, 24)})
    return mentions, resolve_entities(mentions, documents, **kwargs)


def _canonical_by_text(mentions, result) -> dict[tuple[str, str], str]:
    joined = mentions.join(result.mention_links, on="mention_id").join(result.entities, on="entity_id")
    return {(t, lab): c for t, lab, c in joined.select("text", "label", "canonical_name").iter_rows()}


def test_resolve_entities_links_every_mention_to_an_entity_row():
    mentions, result = _resolve()
    assert result.mention_links.height == mentions.height
    assert result.mention_links["entity_id"].null_count() == 0
    assert set(result.mention_links["entity_id"]) == set(result.entities["entity_id"])
    Entities.validate(result.entities, lazy=True)
    assert result.entities["entity_id"].to_list() == sorted(result.entities["entity_id"].to_list())
    assert result.mention_links.schema == pl.Schema(
        {"mention_id": pl.String, "entity_id": pl.String, "resolution": pl.String, "score": pl.Float64}
    )


def test_resolve_entities_merges_variants_and_keeps_namesakes_apart():
    mentions, result = _resolve()
    canonical = _canonical_by_text(mentions, result)
    for key in [
        ("Qasem Soleimani", "PERSON"),
        ("Soleimani", "GPE"),
        ("Soleimani", "NORP"),
        ("Qasim Suleimani", "PERSON"),
        ("Sulaimani", "PERSON"),
    ]:
        assert canonical[key] == "Qasem Soleimani"
    for key in [("U.S.", "GPE"), ("US", "GPE"), ("Americans", "NORP")]:
        assert canonical[key] == "United States"
    assert canonical[("Iranian", "NORP")] == "Iran"
    assert canonical[("Trump", "PERSON")] == "Donald Trump"
    # not in the registry: one observed entity for both spellings, and the
    # bare surname in another article joins it (the only Vahidi in the corpus)
    assert (
        canonical[("Ahmad Vahidi", "PERSON")]
        == canonical[("Ahmed Vahidi", "PERSON")]
        == canonical[("Vahidi", "PERSON")]
    )
    assert canonical[("Hezbollah", "ORG")] == "Hezbollah"
    assert canonical[("Kataib Hezbollah", "ORG")] == "Kataib Hezbollah"


def test_resolve_entities_counts_aliases_documents_and_dates():
    _, result = _resolve()
    row = result.entities.filter(pl.col("entity_id") == "Q1149393").row(0, named=True)
    assert row["n_mentions"] == 5 and row["n_documents"] == 2
    assert (row["first_seen"], row["last_seen"]) == (dt.date(2020, 12, 20), dt.date(2020, 12, 24))
    aliases = {a["name"]: a for a in row["aliases"]}
    assert aliases["Soleimani"]["count"] == 2
    assert aliases["Soleimani"]["method"] == "document_context"
    assert aliases["Qasem Soleimani"]["method"] == "registry_alias"
    baghdad = result.entities.filter(pl.col("entity_id") == "Q1530").row(0, named=True)
    assert baghdad["country"] == "IQ" and baghdad["latitude"] is not None


@settings(max_examples=25, deadline=None)
@given(st.permutations(list(range(len(SPANS)))))
def test_resolve_entities_is_independent_of_row_order(order):
    mentions = build_mentions(SPANS)
    documents = build_documents(mentions)
    expected = resolve_entities(mentions, documents)
    shuffled = resolve_entities(mentions[order], documents.reverse())
    assert shuffled.mention_links.equals(expected.mention_links)
    assert shuffled.entities.equals(expected.entities)


def test_resolve_entities_handles_no_mentions():
    mentions = build_mentions([])
    result = resolve_entities(mentions, build_documents(mentions))
    assert result.mention_links.height == 0 and result.entities.height == 0
    Entities.validate(result.entities)


def test_resolve_entities_links_speakers_by_offsets_and_by_name():
    mentions = build_mentions([("a", "Donald Trump", "PERSON"), ("a", "Baghdad", "GPE")])
    doc_id = mentions["doc_id"][0]
    speakers = pl.DataFrame(
        [
            {
                "quote_id": "quo_0000000000000001",
                "doc_id": doc_id,
                "speaker_name": "Donald Trump",
                "speaker_label": "PERSON",
                "speaker_start": 0,
                "speaker_end": 12,
            },
            {
                "quote_id": "quo_0000000000000002",
                "doc_id": doc_id,
                "speaker_name": "Trump",
                "speaker_label": None,
                "speaker_start": None,
                "speaker_end": None,
            },
            {
                "quote_id": "quo_0000000000000003",
                "doc_id": doc_id,
                "speaker_name": "— U.S. Embassy Baghdad (@USEmbBaghdad)",
                "speaker_label": None,
                "speaker_start": None,
                "speaker_end": None,
            },
            {
                "quote_id": "quo_0000000000000004",
                "doc_id": doc_id,
                "speaker_name": None,
                "speaker_label": None,
                "speaker_start": None,
                "speaker_end": None,
            },
        ],
        schema=SPEAKER_SCHEMA,
    )
    result = resolve_entities(mentions, build_documents(mentions), speakers)
    links = {q: (e, m) for q, e, m, _ in result.speaker_links.iter_rows()}
    assert links["quo_0000000000000001"] == ("Q22686", "registry_alias")
    assert links["quo_0000000000000002"] == ("Q22686", "document_context")
    embassy_id = links["quo_0000000000000003"][0]
    assert "quo_0000000000000004" not in links
    embassy = result.entities.filter(pl.col("entity_id") == embassy_id).row(0, named=True)
    assert (embassy["canonical_name"], embassy["entity_type"], embassy["n_mentions"]) == (
        "U.S. Embassy in Baghdad",
        "ORG",
        0,
    )
    trump = result.entities.filter(pl.col("entity_id") == "Q22686").row(0, named=True)
    assert trump["n_mentions"] == 1  # speakers are not mentions
    Entities.validate(result.entities, lazy=True)


def test_resolve_entities_obeys_curation_end_to_end():
    mentions, before = _resolve()
    curation = parse_curation(
        """\
split:
  - name: Sulaimani
merge:
  - into: Kataib Hezbollah
    names: [Hezbollah]
rename:
  - entity: Q30
    canonical_name: USA
  - entity: Ahmad Vahidi
    canonical_name: Ahmad Vahidi (IRGC)
never_merge:
  - [Ahmad Vahidi, Vahidi]
""",
        "curation.yml",
    )
    _, after = _resolve(curation=curation)
    old = _canonical_by_text(mentions, before)
    new = _canonical_by_text(mentions, after)
    changed = {key for key in old if old[key] != new[key]}
    assert changed == {
        ("Sulaimani", "PERSON"),
        ("Hezbollah", "ORG"),
        ("U.S.", "GPE"),
        ("US", "GPE"),
        ("Americans", "NORP"),
        ("Vahidi", "PERSON"),
        ("Ahmad Vahidi", "PERSON"),
        ("Ahmed Vahidi", "PERSON"),
    }
    assert new[("Sulaimani", "PERSON")] == "Sulaimani"
    assert new[("Hezbollah", "ORG")] == "Kataib Hezbollah"
    assert new[("US", "GPE")] == "USA"
    assert new[("Vahidi", "PERSON")] == "Vahidi"
    assert new[("Ahmed Vahidi", "PERSON")] == "Ahmad Vahidi (IRGC)"
    methods = dict(after.mention_links.join(mentions, on="mention_id").select("text", "resolution").iter_rows())
    assert methods["Sulaimani"] == "curated_split"
    assert methods["Hezbollah"] == "curated_merge"
    assert methods["Vahidi"] == "curated_never_merge"
    Entities.validate(after.entities, lazy=True)
    # resolving again with the same file gives the same answer
    _, again = _resolve(curation=curation)
    assert again.mention_links.equals(after.mention_links)


_LABELS = st.sampled_from(["PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW"])
_TEXTS = st.one_of(
    st.text(min_size=1, max_size=25),
    st.sampled_from(["Soleimani", "U.S.", "the", "Mr.", "General", "—", "’s", "al-", "bin", "Jr.", "H. W.", "习近平"]),
)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["a", "b", "c"]), _TEXTS, _LABELS), max_size=25))
def test_resolve_entities_links_any_input_within_contract(spans):
    mentions = build_mentions(spans)
    result = resolve_entities(mentions, build_documents(mentions))
    assert result.mention_links.height == mentions.height
    assert result.mention_links["entity_id"].null_count() == 0
    assert set(result.mention_links["entity_id"]) == set(result.entities["entity_id"])
    Entities.validate(result.entities, lazy=True)


def test_resolve_entities_accepts_all_null_speaker_columns():
    mentions = build_mentions([("a", "Donald Trump", "PERSON")])
    speakers = pl.DataFrame(
        {
            "quote_id": ["quo_0000000000000001"],
            "doc_id": [mentions["doc_id"][0]],
            "speaker_name": ["Trump"],
            "speaker_label": [None],
            "speaker_start": [None],
            "speaker_end": [None],
        }
    )
    result = resolve_entities(mentions, build_documents(mentions), speakers)
    assert result.speaker_links.row(0) == ("quo_0000000000000001", "Q22686", "document_context", 0.9)



def _entity_by_text(mentions, result) -> dict[str, str]:
    return dict(mentions.join(result.mention_links, on="mention_id").select("text", "entity_id").iter_rows())


def _entity_by_doc_and_text(mentions, result) -> dict[tuple[str, str], str]:
    joined = mentions.join(result.mention_links, on="mention_id")
    return {(doc, text): entity_id for doc, text, entity_id in joined.select("doc_id", "text", "entity_id").iter_rows()}


def test_resolve_entities_joins_a_bare_surname_corpus_wide_only_when_spelt_alike():
    # "Drake" keys as "Draghi" does ("draki"): the registry's Mario Draghi is no match for a team.
    # "Sulaimani" is a spelling of Soleimani and joins him with no full name in the dataset.
    mentions, result = _resolve([("a", "Drake", "PERSON"), ("b", "Draghi", "PERSON"), ("c", "Sulaimani", "PERSON")])
    entity = _entity_by_text(mentions, result)
    assert entity["Sulaimani"] == "Q1149393"
    assert _canonical_by_text(mentions, result)[("Draghi", "PERSON")] == "Mario Draghi"
    assert entity["Drake"] != entity["Draghi"]


@pytest.mark.parametrize(
    ("spans", "bare", "joins"),
    [
        # a big place's name labelled a person in another article is not the one person so surnamed
        ([("a", "Anna Rotterdam", "PERSON"), ("b", "Rotterdam", "PERSON")], ("b", "Rotterdam"), False),
        ([("a", "Tony Blackburn", "PERSON"), ("b", "Blackburn", "PERSON")], ("b", "Blackburn"), False),
        # ... unless a title says person; a small town's name is a surname as often as not
        ([("a", "Peter Rotterdam", "PERSON"), ("b", "Mr Rotterdam", "PERSON")], ("b", "Mr Rotterdam"), True),
        ([("a", "Dudley Taft", "PERSON"), ("b", "Taft", "PERSON")], ("b", "Taft"), True),
        # "Lyons" reads Lyon as a place, but small towns bear it too: it stays a surname ("Lyons said")
        ([("a", "Michelle Lyons", "PERSON"), ("b", "Lyons", "PERSON")], ("b", "Lyons"), True),
    ],
)
def test_resolve_entities_keeps_a_big_places_name_from_a_stranger_across_articles(spans, bare, joins):
    mentions, result = _resolve(spans)
    entity = _entity_by_doc_and_text(mentions, result)
    full = (make_id("doc", spans[0][0]), spans[0][1])
    assert (entity[(make_id("doc", bare[0]), bare[1])] == entity[full]) is joins


def test_resolve_entities_keeps_another_citys_name_to_that_city():
    # GeoNames lists "Philadelphia" among Amman's names and "Şam" among Damascus'; neither is their alias.
    spans = [("a", "Philadelphia", "GPE"), ("a", "Amman", "GPE"), ("b", "Sam", "GPE"), ("b", "Damascus", "GPE")]
    mentions, result = _resolve(spans)
    entity = _entity_by_text(mentions, result)
    assert entity["Philadelphia"] != entity["Amman"]
    assert entity["Sam"] != entity["Damascus"]
    assert _canonical_by_text(mentions, result)[("Philadelphia", "GPE")] == "Philadelphia"



def test_resolve_entities_joins_a_bare_given_name_to_a_surname_within_its_article_only():
    # Elton John: "John" in his article is him; "John" in another article is someone's first name.
    # "Blair", no given name, joins Tony Blair from another article.
    spans = [("a", "Elton John", "PERSON"), ("a", "John", "PERSON"), ("b", "John", "PERSON"),
             ("c", "Tony Blair", "PERSON"), ("d", "Blair", "PERSON")]
    mentions, result = _resolve(spans)
    entity = _entity_by_doc_and_text(mentions, result)
    a, b, c, d = (make_id("doc", name) for name in "abcd")
    assert entity[(a, "John")] == entity[(a, "Elton John")]
    assert entity[(b, "John")] != entity[(a, "Elton John")]
    assert entity[(d, "Blair")] == entity[(c, "Tony Blair")]


def test_resolve_entities_lists_a_name_broken_across_lines_as_one_spelling():
    # A hard-wrapped wire breaks "Alan Greenspan" after "Alan"; the entity lists one spelling, with a space.
    mentions, result = _resolve([("a", "Alan\nGreenspan", "PERSON"), ("b", "Alan Greenspan", "PERSON")])
    (row,) = result.entities.iter_rows(named=True)
    assert row["canonical_name"] == "Alan Greenspan"
    assert [(alias["name"], alias["count"]) for alias in row["aliases"]] == [("Alan Greenspan", 2)]
    assert set(mentions["text"]) == {"Alan\nGreenspan", "Alan Greenspan"}  # mentions keep the text as written
