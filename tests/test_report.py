"""The report's data: hand-built frames for the rules, the seed dataset for the whole."""

from __future__ import annotations

import datetime as dt

import duckdb
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfold.errors import ContractError, StoreError
from newsfold.load import read_tables
from newsfold.report import (
    NO_SOURCE,
    QuoteSample,
    RejectExample,
    ReportTables,
    Speaker,
    count_documents_per_source,
    count_mentions_per_day,
    count_table_rows,
    count_unattributed_quotes,
    display_source_path,
    gather_report,
    group_rejects,
    list_runs,
    rank_entities,
    rank_speakers,
    rank_stories,
    read_report_tables,
)
from schemas import TABLES, Documents, Entities, Mentions, Quotes, Rejects, Runs, frame_from_rows

D1, D2, D3 = "doc_" + "1" * 16, "doc_" + "2" * 16, "doc_" + "3" * 16


def _rejects(rows: list[dict]) -> pl.DataFrame:
    base = {"run_id": "run_x", "stage": "read", "message": "bad"}
    return frame_from_rows(Rejects, [{**base, **row} for row in rows])


def _alias(name: str, count: int) -> dict:
    return {"name": name, "count": count, "method": "exact_key", "score": 1.0}


# --- display_source_path -------------------------------------------------------

@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("plain.txt", "plain.txt"),
        ("dir/caf\u00e9.txt", "dir/caf\u00e9.txt"),  # printable non-ASCII stays
        ("caf\\xe9\\nmenu.txt", "caf\\xe9\\nmenu.txt"),  # already escaped: shown as stored
        (None, "(no file)"),
        ("evil\u202etxt.exe", "evil\\u202etxt.exe"),  # a bidi override cannot reorder the line
        ("two\nlines.txt", "two\\nlines.txt"),
        ("nul\x00.txt", "nul\\u0000.txt"),
    ],
)
def test_report_display_source_path(stored, shown):
    assert display_source_path(stored) == shown


@given(st.text())
def test_report_display_source_path_is_always_printable(text):
    assert display_source_path(text).isprintable()


# --- group_rejects -------------------------------------------------------------

def test_report_group_rejects_orders_codes_by_count_then_code():
    rejects = _rejects([
        {"source_path": "a.json", "error_code": "NF106"},
        {"source_path": "b.txt", "error_code": "NF101"},
        {"source_path": "c.txt", "error_code": "NF101"},
        {"source_path": "d.bin", "error_code": "NF102"},
    ])
    assert [(group.error_code, group.count) for group in group_rejects(rejects)] == [
        ("NF101", 2), ("NF102", 1), ("NF106", 1)
    ]


@pytest.mark.parametrize(
    ("rows", "limit", "expected_paths"),
    [
        ([{"source_path": name} for name in ["c.txt", "a.txt", "b.txt", "d.txt"]], 3, ["a.txt", "b.txt", "c.txt"]),
        ([{"source_path": "x.jsonl", "record_index": 4}, {"source_path": "x.jsonl", "record_index": 1}], 1,
         ["x.jsonl"]),
        ([{"source_path": None, "table": "entities", "stage": "resolve"}, {"source_path": "a.txt"}], 5,
         ["a.txt", "(no file)"]),
    ],
)
def test_report_group_rejects_keeps_the_first_examples(rows, limit, expected_paths):
    rejects = _rejects([{"error_code": "NF101", **row} for row in rows])
    (group,) = group_rejects(rejects, examples_per_code=limit)
    assert [example.source_path for example in group.examples] == expected_paths
    assert group.count == len(rows)


def test_report_group_rejects_first_example_is_the_lowest_record():
    rejects = _rejects([{"source_path": "x.jsonl", "record_index": i, "error_code": "NF106"} for i in (4, 1)])
    assert group_rejects(rejects, examples_per_code=1)[0].examples[0].record_index == 1


@pytest.mark.parametrize(
    ("code", "meaning"),
    [("NF101", "the file holds no article text"), ("NF999", "")],  # a code from a newer version
)
def test_report_group_rejects_says_what_a_code_means(code, meaning):
    (group,) = group_rejects(_rejects([{"source_path": "a", "error_code": code}]))
    assert group.meaning == meaning


def test_report_group_rejects_shortens_payloads_to_one_line():
    (group,) = group_rejects(
        _rejects([{"source_path": "a", "error_code": "NF106", "payload": "x\n" * 200, "message": "m"}]),
        payload_chars=20,
    )
    assert group.examples == (RejectExample("a", None, "m", "x x x x x x x x x x…"),)


def test_report_group_rejects_of_no_rejects_is_empty():
    assert group_rejects(_rejects([])) == ()


# --- rank_entities --------------------------------------------------------------

def test_report_rank_entities_orders_by_mentions_then_articles_then_name():
    entities = frame_from_rows(Entities, [
        {"entity_id": "Q1", "canonical_name": "Zed", "entity_type": "PER", "n_mentions": 3, "n_documents": 1,
         "aliases": [_alias("Zed", 3)], "merged_ids": []},
        {"entity_id": "Q2", "canonical_name": "Bea", "entity_type": "PER", "n_mentions": 3, "n_documents": 2,
         "aliases": [_alias("Bea", 2), _alias("B.", 1)], "merged_ids": []},
        {"entity_id": "Q3", "canonical_name": "Abe", "entity_type": "LOC", "n_mentions": 3, "n_documents": 1,
         "aliases": [_alias("Abe", 3)], "merged_ids": []},
        {"entity_id": "Q4", "canonical_name": "Cy", "entity_type": "ORG", "n_mentions": 9, "n_documents": 1,
         "aliases": [_alias(f"Cy{i}", 9 - i) for i in range(9)], "merged_ids": []},
    ])
    ranked = rank_entities(entities, limit=3, spellings=2)
    assert ranked["entity_id"].to_list() == ["Q4", "Q2", "Q3"]
    assert [alias["name"] for alias in ranked["spellings"][0]] == ["Cy0", "Cy1"]
    assert [alias["name"] for alias in ranked["spellings"][1]] == ["Bea", "B."]


# --- count_mentions_per_day -----------------------------------------------------

def test_report_count_mentions_per_day_keeps_undated_articles_and_entity_order():
    mentions = pl.DataFrame({"doc_id": [D1, D1, D2, D3, D3, D1], "entity_id": ["Q1", "Q2", "Q1", "Q2", "Q1", "Q9"]})
    documents = pl.DataFrame({"doc_id": [D1, D2, D3],
                              "published_date": [dt.date(2020, 1, 2), dt.date(2020, 1, 1), None]})
    assert count_mentions_per_day(mentions, documents, ["Q2", "Q1"]).rows() == [
        ("Q2", dt.date(2020, 1, 2), 1),
        ("Q2", None, 1),
        ("Q1", dt.date(2020, 1, 1), 1),
        ("Q1", dt.date(2020, 1, 2), 1),
        ("Q1", None, 1),
    ]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from([D1, D2, D3]), st.sampled_from(["Q1", "Q2", "Q3"])), max_size=40),
    st.lists(st.sampled_from(["Q1", "Q2", "Q3"]), unique=True),
    st.lists(st.one_of(st.none(), st.dates(dt.date(2020, 1, 1), dt.date(2020, 1, 3))), min_size=3, max_size=3),
)
def test_report_count_mentions_per_day_counts_every_mention_of_the_listed_entities(pairs, listed, dates):
    mentions = pl.DataFrame({"doc_id": [p[0] for p in pairs], "entity_id": [p[1] for p in pairs]},
                            schema={"doc_id": pl.String, "entity_id": pl.String})
    documents = pl.DataFrame({"doc_id": [D1, D2, D3], "published_date": dates},
                             schema={"doc_id": pl.String, "published_date": pl.Date})
    per_day = count_mentions_per_day(mentions, documents, listed)
    assert per_day["mentions"].sum() == sum(1 for _, entity in pairs if entity in listed)
    assert per_day.select("entity_id", "published_date").is_duplicated().sum() == 0


# --- rank_speakers --------------------------------------------------------------

def _quotes(rows: list[tuple]) -> pl.DataFrame:
    return pl.DataFrame(
        [dict(zip(("doc_id", "start", "text", "speaker_name", "speaker_entity_id"), row)) for row in rows],
        schema={"doc_id": pl.String, "start": pl.Int64, "text": pl.String, "speaker_name": pl.String,
                "speaker_entity_id": pl.String},
    )


SPEAKER_ENTITIES = pl.DataFrame({"entity_id": ["Q22686"], "canonical_name": ["Donald Trump"]})
#: D2 was published first; D1 has a title, D2 only its file (a name with a bad byte), D3 neither date nor title.
SPEAKER_DOCUMENTS = pl.DataFrame(
    {"doc_id": [D1, D2, D3], "title": ["Rockets hit embassy", None, None],
     "source_path": ["a.txt", "b\\xff.txt", "c.txt"],
     "published_date": [dt.date(2020, 12, 24), dt.date(2020, 12, 23), None]},
    schema_overrides={"title": pl.String},
)
A1 = ("Rockets hit embassy", dt.date(2020, 12, 24))
A2 = ("b\\xff.txt", dt.date(2020, 12, 23))
A3 = ("c.txt", None)


def _samples(*pairs) -> tuple[QuoteSample, ...]:
    return tuple(QuoteSample(text, *article) for text, article in pairs)


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # one entity under two spellings is one speaker, named canonically; the earliest article first
        ([(D1, 50, "Second.", "he", "Q22686"), (D2, 5, "Earlier.", "Trump", "Q22686"),
          (D1, 10, "First.", "Donald Trump", "Q22686")],
         [Speaker("Donald Trump", "Q22686", 3, 2, _samples(("Earlier.", A2), ("First.", A1), ("Second.", A1)))]),
        # without an entity, the resolved name is the speaker; with neither, the quote is not ranked
        ([(D1, 0, "Hello there.", "Ann Lee", None), (D1, 9, "Anon.", None, None)],
         [Speaker("Ann Lee", None, 1, 1, _samples(("Hello there.", A1)))]),
        # a quote repeated across articles is one sample (from the earliest), counted twice; undated last
        ([(D3, 0, "Same.", "Ann Lee", None), (D1, 0, "Same.", "Ann Lee", None), (D3, 9, "Other.", "Ann Lee", None)],
         [Speaker("Ann Lee", None, 3, 2, _samples(("Same.", A1), ("Other.", A3)))]),
        # ties go to more articles, then the name
        ([(D1, 0, "a", "Cy", None), (D2, 0, "b", "Bo", None), (D1, 1, "c", "Bo", None), (D1, 2, "d", "Al", None),
          (D1, 3, "e", "Al", None)],
         [Speaker("Bo", None, 2, 2, _samples(("b", A2), ("c", A1))),
          Speaker("Al", None, 2, 1, _samples(("d", A1), ("e", A1))),
          Speaker("Cy", None, 1, 1, _samples(("a", A1)))]),
    ],
)
def test_report_rank_speakers(rows, expected):
    assert list(rank_speakers(_quotes(rows), SPEAKER_ENTITIES, SPEAKER_DOCUMENTS)) == expected


def test_report_rank_speakers_limits_samples_and_their_length():
    quotes = _quotes([(D1, i, f"Quote number {i} " + "word " * 60, "Ann", None) for i in range(5)])
    (speaker,) = rank_speakers(quotes, SPEAKER_ENTITIES, SPEAKER_DOCUMENTS, samples=2, sample_chars=30)
    assert speaker.n_quotes == 5 and len(speaker.samples) == 2
    assert all(len(sample.text) <= 30 and sample.text.endswith("…") for sample in speaker.samples)


@pytest.mark.parametrize(
    ("rows", "unattributed"),
    [([], 0), ([(D1, 0, "x", None, None), (D1, 1, "y", "he", None), (D1, 2, "z", None, "Q1")], 1)],
)
def test_report_count_unattributed_quotes(rows, unattributed):
    assert count_unattributed_quotes(_quotes(rows)) == unattributed


# --- rank_stories ---------------------------------------------------------------

def test_report_rank_stories_of_a_dataset_without_stories_is_none():
    assert rank_stories(None) is None


def test_report_rank_stories_largest_first():
    stories = pl.DataFrame({"story_id": ["s1", "s2", "s3"], "n_documents": [2, 9, 2], "label": ["b", "a", "a"],
                            "extra": [1, 2, 3]})
    assert rank_stories(stories, limit=2).rows() == [("s2", 9, "a"), ("s3", 2, "a")]


@pytest.mark.parametrize("missing", ["story_id", "n_documents", "label"])
def test_report_rank_stories_names_a_missing_column(missing):
    stories = pl.DataFrame({"story_id": ["s1"], "n_documents": [1], "label": ["x"]}).drop(missing)
    with pytest.raises(ContractError, match=f"no column {missing}"):
        rank_stories(stories)


# --- count_documents_per_source -------------------------------------------------

@pytest.mark.parametrize(
    ("source_name", "url", "source"),
    [
        ("Reuters", "https://www.bbc.co.uk/news/1", "Reuters"),  # the named outlet wins
        ("  ", "https://www.bbc.co.uk/news/1", "bbc.co.uk"),  # a blank name is no name
        (None, "https://user@WWW.Example.org:8080/a?b#c", "example.org"),
        (None, "http://news.example.com", "news.example.com"),
        (None, "not a url", NO_SOURCE),
        (None, None, NO_SOURCE),
        ("<b>Evil</b> Times", None, "<b>Evil</b> Times"),  # kept as text; the page escapes it
    ],
)
def test_report_count_documents_per_source_names_the_outlet(source_name, url, source):
    documents = pl.DataFrame({"source_name": [source_name], "url": [url], "n_words": [7], "published_date": [None]},
                             schema={"source_name": pl.String, "url": pl.String, "n_words": pl.Int64,
                                     "published_date": pl.Date})
    assert count_documents_per_source(documents).row(0) == (source, 1, 7, None, None)


def test_report_count_documents_per_source_sums_words_and_spans_dates():
    documents = pl.DataFrame({
        "source_name": ["A", "A", "B"], "url": [None, None, None], "n_words": [10, 5, 1],
        "published_date": [dt.date(2020, 3, 1), dt.date(2020, 1, 1), None],
    }, schema_overrides={"url": pl.String})
    assert count_documents_per_source(documents).rows() == [
        ("A", 2, 15, dt.date(2020, 1, 1), dt.date(2020, 3, 1)),
        ("B", 1, 1, None, None),
    ]


# --- count_table_rows -----------------------------------------------------------

@pytest.mark.parametrize(
    ("counts", "order"),
    [
        ({"runs": 1, "documents": 2}, ["documents", "runs"]),
        ({"stories": 4, "runs": 1, "documents": 2, "amounts": 0}, ["documents", "stories", "amounts", "runs"]),
        ({"extras": 4, "runs": 1, "documents": 2}, ["documents", "runs", "extras"]),  # unknown tables last
    ],
)
def test_report_count_table_rows_follows_the_contract_order(counts, order):
    assert count_table_rows(counts)["table"].to_list() == order


# --- on the seed dataset --------------------------------------------------------

@pytest.fixture(scope="module")
def seed_report(report_dataset):
    return gather_report(read_report_tables(report_dataset))


@pytest.mark.integration
def test_report_row_counts_match_the_tables(report_dataset, seed_report):
    tables = read_tables(report_dataset)
    assert dict(seed_report.table_rows.iter_rows()) == {name: frame.height for name, frame in tables.items()}
    assert set(dict(seed_report.table_rows.iter_rows())) == set(TABLES)  # no stories table yet


@pytest.mark.integration
@pytest.mark.parametrize(
    ("code", "count", "paths"),
    [
        ("NF101", 2, ["caf\\xe9\\nmenu.txt", "empty.txt"]),  # the bad byte and the newline, escaped
        ("NF106", 2, ["list.jsonl", "notes.json"]),
        ("NF102", 1, ["binary.txt"]),
    ],
)
def test_report_rejects_of_the_seed_dataset(seed_report, code, count, paths):
    group = next(group for group in seed_report.reject_groups if group.error_code == code)
    assert group.count == count
    assert [example.source_path for example in group.examples] == paths
    assert seed_report.n_rejects == 5


@pytest.mark.integration
@pytest.mark.parametrize(
    ("name", "spellings"),
    [
        ("Qasem Soleimani", {"Qasem Soleimani", "Qasim Suleimani", "Sulaimani"}),
        ("Donald Trump", {"Donald Trump", "Trump"}),
    ],
)
def test_report_top_entities_show_their_spellings(seed_report, name, spellings):
    row = seed_report.entities.filter(pl.col("canonical_name") == name).row(0, named=True)
    assert spellings <= {alias["name"] for alias in row["spellings"]}


@pytest.mark.integration
def test_report_timeline_agrees_with_sql_over_the_files(report_dataset, seed_report):
    # Between runs a plain glob over the table directories reads exactly the current rows.
    expected = duckdb.sql(f"""
        SELECT m.entity_id, d.published_date, count(*) AS mentions
        FROM read_parquet('{report_dataset}/mentions/*.parquet') m
        JOIN read_parquet('{report_dataset}/documents/**/*.parquet') d USING (doc_id)
        GROUP BY ALL""").pl()
    top = seed_report.entities["entity_id"].head(8).to_list()
    expected = expected.filter(pl.col("entity_id").is_in(top)).sort("entity_id", "published_date")
    assert seed_report.mentions_per_day.sort("entity_id", "published_date").rows() == expected.rows()
    assert seed_report.mentions_per_day["published_date"].null_count() == 0  # every seed article has a date


@pytest.mark.integration
def test_report_speakers_and_sources_of_the_seed_dataset(seed_report):
    trump = seed_report.speakers[0]
    assert (trump.name, trump.entity_id, trump.n_quotes, trump.n_documents) == ("Donald Trump", "Q22686", 4, 2)
    assert seed_report.unattributed_quotes == 1
    assert seed_report.sources.select("source", "documents").rows() == [(NO_SOURCE, 2), ("<b>Evil</b> Times", 1)]
    assert seed_report.stories["n_documents"].to_list() == [2, 1]  # the two seeds are one story


@pytest.mark.integration
def test_report_run_history_of_the_seed_dataset(seed_report):
    (run,) = seed_report.runs.iter_rows(named=True)
    assert (run["documents"], run["inputs_seen"], run["inputs_new"], run["rejects"]) == (3, 7, 7, 5)
    assert run["seconds"] > 0


def test_report_of_a_missing_dataset_is_a_store_error(tmp_path):
    with pytest.raises(StoreError, match="holds no newsfold dataset"):
        read_report_tables(tmp_path)


def test_report_list_runs_newest_first_with_documents_after_each():
    runs = pl.DataFrame({
        "run_id": ["run_a", "run_b"],
        "started_at": [dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc), dt.datetime(2020, 1, 2, tzinfo=dt.timezone.utc)],
        "finished_at": [dt.datetime(2020, 1, 1, 0, 0, 3, tzinfo=dt.timezone.utc),
                        dt.datetime(2020, 1, 2, 0, 1, tzinfo=dt.timezone.utc)],
        "pipeline_version": ["0.1.0", "0.1.0"],
        **{column: [1, 2] for column in ("inputs_seen", "inputs_new", "inputs_changed", "inputs_removed",
                                         "inputs_unchanged", "rejects")},
        "rows_written": [[{"table": "runs", "rows": 1}, {"table": "documents", "rows": 5}],
                         [{"table": "documents", "rows": 8}]],
    })
    assert list_runs(runs).select("run_id", "seconds", "documents").rows() == [("run_b", 60.0, 8), ("run_a", 3.0, 5)]


def _one_run() -> pl.DataFrame:
    now = dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc)
    return frame_from_rows(Runs, [{
        "run_id": "run_x", "started_at": now, "finished_at": now, "status": "completed", "pipeline_version": "0.1.0",
        "inputs_seen": 1, "inputs_new": 1, "inputs_changed": 0, "inputs_removed": 0, "inputs_unchanged": 0,
        "rows_written": [{"table": "documents", "rows": 1}], "rejects": 0,
    }])


def test_report_gather_report_of_hand_built_tables():
    tables = ReportTables(
        version="run_x",
        frames={
            "documents": frame_from_rows(Documents, [{"doc_id": D1, "n_words": 3, "source_name": "A", "source_path": "a.txt",
                                                     "published_date": dt.date(2020, 1, 1)}]),
            "mentions": frame_from_rows(Mentions, [{"doc_id": D1, "entity_id": "Q1"}] * 2),
            "entities": frame_from_rows(Entities, [{"entity_id": "Q1", "canonical_name": "Al", "entity_type": "PER",
                                                    "n_mentions": 2, "n_documents": 1, "aliases": [_alias("Al", 2)]}]),
            "quotes": frame_from_rows(Quotes, [{"doc_id": D1, "start": 0, "text": "Hi.", "speaker_name": "Al",
                                                "speaker_entity_id": "Q1"}]),
            "rejects": _rejects([]),
            "runs": _one_run(),
        },
        row_counts={"documents": 1},
    )
    report = gather_report(tables)
    assert report.mentions_per_day.rows() == [("Q1", dt.date(2020, 1, 1), 2)]
    assert report.speakers == (Speaker("Al", "Q1", 1, 1, (QuoteSample("Hi.", "a.txt", dt.date(2020, 1, 1)),)),)
    assert report.stories is None and report.reject_groups == () and report.n_rejects == 0

