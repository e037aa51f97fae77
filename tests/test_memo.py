"""Results kept between runs (newsfold.memo): a cache that changes time, never rows."""

from __future__ import annotations

import logging

import numpy as np
import polars as pl
import pytest

from newsfold.geo.entities import GEOCODES, geocode_documents
from newsfold.geo.gazetteer import load_gazetteer
from newsfold.memo import MEMO_DIR, Memo, MemoKind, memo_salt, read_memo, write_memo
from newsfold.names.cluster import NAME_PAIR_SCORES
from newsfold.names.link import SPELLING_LINKS, link_spelling, link_spellings
from newsfold.quotes.cluster import QUOTE_TERMS
from newsfold.stories.duplicates import SIGNATURES, VERDICTS, find_near_duplicates
from newsfold.stories.features import TEXT_TERMS

SQUARES = MemoKind("squares", pl.Int64)
TEXT = "Iran fired over a dozen missiles at a base where U.S. soldiers were stationed on Tuesday night."


def test_recall_finds_what_was_kept_and_reports_the_rest_missing():
    memo = Memo("s")
    memo.keep(SQUARES, ["2", "3"], [4, 9])
    hit, values = memo.recall(SQUARES, ["3", "7", "2"])
    assert hit.tolist() == [True, False, True]
    assert values.to_list() == [9, None, 4]


def test_a_key_kept_twice_is_recalled_once_per_asking_row():
    # Two quotations of one text give one key twice; the recall still answers row for row.
    memo = Memo("s")
    memo.keep(SQUARES, ["3", "3", "2"], [9, 9, 4])
    hit, values = memo.recall(SQUARES, ["3", "2", "3"])
    assert hit.tolist() == [True, True, True] and values.to_list() == [9, 4, 9]
    assert memo.frames()["squares"].rows() == [("2", 4), ("3", 9)]


def test_a_kept_null_is_a_hit_not_a_miss():
    # "no registry link" is a result too: it must not be computed again.
    memo = Memo("s")
    memo.keep(SQUARES, ["none"], [None])
    again = Memo("s", memo.frames())
    hit, values = again.recall(SQUARES, ["none"])
    assert hit.tolist() == [True] and values.to_list() == [None]


def test_the_next_memo_holds_exactly_the_keys_this_run_used():
    last_run = Memo("s", {"squares": pl.DataFrame({"key": ["1", "2", "3"], "value": [1, 4, 9]})})
    last_run.recall(SQUARES, ["2", "5"])
    last_run.keep(SQUARES, ["5"], [25])
    # "1" and "3" belonged to articles no longer in the dataset: dropped, so the memo does not grow forever.
    assert last_run.frames()["squares"].rows() == [("2", 4), ("5", 25)]


def test_a_memo_of_another_shape_is_not_read():
    wrong = Memo("s", {"squares": pl.DataFrame({"key": ["2"], "value": ["four"]})})
    hit, values = wrong.recall(SQUARES, ["2"])
    assert hit.tolist() == [False] and values.dtype == pl.Int64


def test_written_memo_is_read_back_by_the_next_run(tmp_path):
    memo = Memo(memo_salt())
    memo.keep(SQUARES, ["2"], [4])
    write_memo(tmp_path, memo)
    assert sorted(p.name for p in (tmp_path / ".newsfold" / MEMO_DIR).iterdir()) == [f"squares-{memo_salt()}.parquet"]
    hit, values = read_memo(tmp_path).recall(SQUARES, ["2"])
    assert hit.tolist() == [True] and values.to_list() == [4]


def test_memo_of_other_code_is_ignored_and_removed(tmp_path):
    directory = tmp_path / ".newsfold" / MEMO_DIR
    directory.mkdir(parents=True)
    pl.DataFrame({"key": ["2"], "value": [5]}).write_parquet(directory / "squares-0000000000000000.parquet")
    (directory / f"squares-{memo_salt()}.parquet.tmp-123").write_bytes(b"half a file")  # a killed run's
    memo = read_memo(tmp_path)
    assert memo.recall(SQUARES, ["2"])[0].tolist() == [False]
    memo.keep(SQUARES, ["2"], [4])
    write_memo(tmp_path, memo)
    assert sorted(p.name for p in directory.iterdir()) == [f"squares-{memo_salt()}.parquet"]


def test_an_unreadable_memo_costs_time_not_the_run(tmp_path, caplog):
    directory = tmp_path / ".newsfold" / MEMO_DIR
    directory.mkdir(parents=True)
    (directory / f"squares-{memo_salt()}.parquet").write_bytes(b"not parquet")
    with caplog.at_level(logging.WARNING, logger="newsfold.memo"):
        memo = read_memo(tmp_path)
    assert memo.recall(SQUARES, ["2"])[0].tolist() == [False]
    assert "not read" in caplog.text


def test_a_memo_that_cannot_be_written_is_logged_not_raised(tmp_path, caplog):
    (tmp_path / ".newsfold").write_text("a file where the state directory should be")
    memo = Memo(memo_salt())
    memo.keep(SQUARES, ["2"], [4])
    with caplog.at_level(logging.WARNING, logger="newsfold.memo"):
        write_memo(tmp_path, memo)
    assert "not written" in caplog.text


def test_salt_is_a_stable_short_digest():
    assert memo_salt() == memo_salt() and len(memo_salt()) == 16


@pytest.mark.parametrize(
    ("text", "label"),
    [("Iran", "GPE"), ("Americans", "NORP"), ("U.S.", "ORG"), ("Zorblax Quint", "PERSON"), ("Zorblax", None)],
)
def test_spelling_links_from_the_memo_equal_computed_ones(text, label):
    first = Memo("s")
    computed = link_spellings([text], [label], first)
    recalled_memo = Memo("s", first.frames())
    recalled = link_spellings([text], [label], recalled_memo)
    assert computed == recalled == [link_spelling(text, label)]
    assert recalled_memo.frames()[SPELLING_LINKS.name].height == 1


def test_a_recalled_spelling_link_is_not_computed_again(monkeypatch):
    first = Memo("s")
    link_spellings(["Iran"], ["GPE"], first)
    import newsfold.names.link as link

    monkeypatch.setattr(link, "link_spelling", lambda *args: pytest.fail("computed again"))
    assert link_spellings(["Iran"], ["GPE"], Memo("s", first.frames()))[0].entity_id == "Q794"


def test_a_recalled_name_pair_is_not_compared_again(monkeypatch):
    # Two spellings one slip apart are compared once; the next run takes their score from the memo.
    from newsfold.names import cluster
    from newsfold.names.cascade import link_seen

    seen = pl.DataFrame(
        {"item_id": ["men_1", "men_2"], "doc_id": ["doc_1", "doc_2"], "text": ["Mikhail Gorbachov", "Mikhail Gorbachev"],
         "label": ["PERSON", "PERSON"], "weight": [1, 1]}
    )
    first = Memo("s")
    linked, _ = link_seen(seen, memo=first)
    assert linked["entity_id"].n_unique() == 1 and first.frames()[NAME_PAIR_SCORES.name].height == 1
    monkeypatch.setattr(cluster, "compare_names", lambda *args: pytest.fail("compared again"))
    again, _ = link_seen(seen, memo=Memo("s", first.frames()))
    assert again["entity_id"].to_list() == linked["entity_id"].to_list()
    # The score is the memo's to give: a kept score below the threshold keeps the pair apart.
    kept = first.frames()[NAME_PAIR_SCORES.name].with_columns(pl.lit(0.1).alias("value"))
    apart, _ = link_seen(seen, memo=Memo("s", {NAME_PAIR_SCORES.name: kept}))
    assert apart["entity_id"].n_unique() == 2


def test_near_duplicates_from_the_memo_read_only_new_texts():
    doc_ids = ["doc_a", "doc_b", "doc_c"]
    texts = [TEXT, TEXT + " More soon.", "A different article about the weather in Oslo and Bergen today."]
    plain = find_near_duplicates(doc_ids, texts, [None] * 3)
    first = Memo("s")
    assert find_near_duplicates(doc_ids, texts, [None] * 3, first) == plain == {"doc_b": "doc_a"}
    # The texts are not read again: the kept signatures and the kept verdict of the proposed pair stand for them.
    unread = ["", "", ""]
    assert find_near_duplicates(doc_ids, unread, [None] * 3, Memo("s", first.frames())) == plain
    assert first.frames()[SIGNATURES.name]["value"].list.len().to_list() == [64, 64, 64]
    assert first.frames()[VERDICTS.name].rows() == [("doc_a doc_b", True)]
    # A new article is read, and so are the kept articles the bands propose as its copies.
    again = Memo("s", first.frames())
    read = []

    class Texts(list):
        def __getitem__(self, k):
            read.append(k)
            return super().__getitem__(k)

    grown = find_near_duplicates([*doc_ids, "doc_d"], Texts([*texts, TEXT + " Updated."]), [None] * 4, again)
    assert grown == {"doc_b": "doc_a", "doc_d": "doc_a"}
    assert sorted(set(read)) == [0, 1, 3]
    assert again.frames()[VERDICTS.name].height == 3


def test_a_kept_signature_of_another_length_is_made_again():
    doc_ids = ["doc_a", "doc_b"]
    texts = [TEXT, TEXT + " More soon."]
    odd = Memo("s", {SIGNATURES.name: pl.DataFrame(
        {"key": doc_ids, "value": [[1, 2, 3], [1, 2, 3]]}, schema={"key": pl.String, "value": pl.List(pl.UInt32)}
    )})
    assert find_near_duplicates(doc_ids, texts, [None] * 2, odd) == {"doc_b": "doc_a"}
    assert odd.frames()[SIGNATURES.name]["value"].list.len().to_list() == [64, 64]


def test_a_text_too_short_for_a_signature_is_kept_as_having_none():
    first = Memo("s")
    assert find_near_duplicates(["doc_a", "doc_b"], ["Short.", "Short."], [None] * 2, first) == {}
    assert first.frames()[SIGNATURES.name]["value"].list.len().to_list() == [0, 0]
    assert find_near_duplicates(["doc_a", "doc_b"], ["", ""], [None] * 2, Memo("s", first.frames())) == {}


def _story_documents(texts: list[str]) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "doc_id": [f"doc_{k}" for k in range(len(texts))],
            "title": ["Rockets hit Baghdad", None, "Weather"][: len(texts)],
            "text": texts,
            "published_date": [None] * len(texts),
            "published_date_source": [None] * len(texts),
        },
        schema={"doc_id": pl.String, "title": pl.String, "text": pl.String, "published_date": pl.Date,
                "published_date_source": pl.String},
    )


def test_story_features_from_kept_text_terms_equal_those_read_from_the_texts():
    from newsfold.stories.features import make_story_features
    from schemas import Amounts, Dates, Mentions, empty_frame

    def features(documents, memo=None):
        return make_story_features(documents, empty_frame(Mentions), empty_frame(Dates), empty_frame(Amounts), memo=memo)

    texts = [TEXT + " In 2020, 3 rockets.", "", "Rain in Oslo and Bergen, 12 mm in 2019 and 2019."]
    plain = features(_story_documents(texts))
    first = Memo("s")
    filled = features(_story_documents(texts), first)
    assert first.frames()[TEXT_TERMS.name].height == 3
    # Texts blanked: only the memo can give the words, years and numbers now.
    recalled = features(_story_documents(["", "", ""]), Memo("s", first.frames()))
    for name in ("words", "years", "numbers"):
        assert plain.blocks[name].nnz > 0, name
        for other in (filled, recalled):
            block = other.blocks[name]
            assert block.shape == plain.blocks[name].shape, name
            assert (block.indptr == plain.blocks[name].indptr).all() and (block.indices == plain.blocks[name].indices).all()
            assert (block.data == plain.blocks[name].data).all(), name
    assert (recalled.keys != plain.keys).nnz == 0


def _places():
    documents = pl.DataFrame(
        {"doc_id": ["d1", "d2"], "text": ["Paris, Texas.", "Rockets hit Baghdad and Paris."], "dateline": [None, None]},
        schema={"doc_id": pl.String, "text": pl.String, "dateline": pl.String},
    )
    mentions = pl.DataFrame(
        {"doc_id": ["d2", "d1", "d2"], "start": [24, 0, 12], "end": [29, 5, 19], "text": ["Paris", "Paris", "Baghdad"]}
    )
    return mentions, documents


def test_geocodes_from_the_memo_equal_computed_ones():
    gazetteer = load_gazetteer()
    mentions, documents = _places()
    plain = geocode_documents(mentions, documents, gazetteer)
    first = Memo("s")
    assert geocode_documents(mentions, documents, gazetteer, memo=first).equals(plain)
    assert first.frames()[GEOCODES.name].height == 2
    # Texts blanked: only the memo can give the places now.
    blank = documents.with_columns(pl.lit("x" * 40).alias("text"))
    assert geocode_documents(mentions, blank, gazetteer, memo=Memo("s", first.frames())).equals(plain)
    assert plain.null_count() == 0


def test_an_article_whose_actors_changed_is_geocoded_again():
    # Its actors' home countries are context for its places: another resolution, another key.
    gazetteer = load_gazetteer()
    mentions, documents = _places()
    first = Memo("s")
    geocode_documents(mentions, documents, gazetteer, memo=first)
    again = Memo("s", first.frames())
    geocode_documents(mentions, documents, gazetteer, actor_countries={"d1": {"FR": 3}}, memo=again)
    recalled = again.frames()[GEOCODES.name]
    assert recalled.height == 2 and set(recalled["key"]) != set(first.frames()[GEOCODES.name]["key"])


def test_linking_a_dataset_with_a_memo_gives_the_same_tables(report_dataset):
    # Filled from nothing, then from a memo of part of the dataset, then from a whole one: the same rows.
    from newsfold.incremental import PER_DOCUMENT_TABLES
    from newsfold.resolve import link_dataset
    from newsfold.store import current_snapshot

    snapshot = current_snapshot(report_dataset)
    tables = {name: snapshot.read_table(name) for name in PER_DOCUMENT_TABLES}
    plain = link_dataset(tables)
    half_ids = tables["documents"]["doc_id"].sort().head(tables["documents"].height // 2).implode()
    half = {name: frame.filter(pl.col("doc_id").is_in(half_ids)) for name, frame in tables.items()}
    partial = Memo("s")
    link_dataset(half, memo=partial)
    from_partial = Memo("s", partial.frames())
    assert link_dataset(tables, memo=from_partial)["entities"].equals(plain["entities"])
    whole = Memo("s", from_partial.frames())
    linked = link_dataset(tables, memo=whole)
    for name in ("documents", "mentions", "quotes", "entities", "stories"):
        assert linked[name].equals(plain[name]), name
    kept = whole.frames()
    assert set(kept) == {
        SPELLING_LINKS.name, GEOCODES.name, SIGNATURES.name, VERDICTS.name, "name_part_analyses", TEXT_TERMS.name,
        QUOTE_TERMS.name, NAME_PAIR_SCORES.name,
    }
    assert kept[SIGNATURES.name].height == tables["documents"].height
    # Copies are not clustered on their own: the text terms are kept for the originals only.
    assert 0 < kept[TEXT_TERMS.name].height <= tables["documents"].height
    assert np.all(kept[SPELLING_LINKS.name]["key"].is_unique().to_numpy())


def test_the_module_examples_run():
    import doctest

    import newsfold.memo

    assert doctest.testmod(newsfold.memo).failed == 0


def test_name_part_analyses_from_the_memo_equal_rigour_s(monkeypatch):
    from newsfold.names import symbols

    tokens = ["evgenii", "евгений", "qasem", "zorblax"]
    first = Memo("s")
    with symbols.part_analyses_kept_in(first):
        computed = [(symbols.part_symbols(t), symbols.latin_reading(t)) for t in tokens]
    assert first.frames()[symbols.PART_ANALYSES.name].height == len(tokens)
    monkeypatch.setattr(symbols, "_tag_part", lambda token: pytest.fail(f"{token} analysed again"))
    again = Memo("s", first.frames())
    with symbols.part_analyses_kept_in(again):
        recalled = [(symbols.part_symbols(t), symbols.latin_reading(t)) for t in tokens[:2]]
    assert recalled == computed[:2]
    assert again.frames()[symbols.PART_ANALYSES.name]["key"].to_list() == sorted(tokens[:2])  # this run's parts only


def test_kept_values_take_the_kind_s_type_whatever_they_were_made_of():
    # Equal-length NumPy rows become a fixed-size array in Polars; kept as such, they would never be recalled.
    kind = MemoKind("rows", pl.List(pl.UInt64))
    memo = Memo("s")
    memo.keep(kind, ["a", "b"], [np.arange(3, dtype=np.uint32), np.arange(3, dtype=np.uint32)])
    assert memo.frames()["rows"]["value"].dtype == pl.List(pl.UInt64)
    assert Memo("s", memo.frames()).recall(kind, ["a"])[0].tolist() == [True]
