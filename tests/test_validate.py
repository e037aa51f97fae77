"""Validation removes failing rows, says why, and takes their dependants along."""

from __future__ import annotations

import polars as pl
import pytest

from newsfold.errors import ContractError, ErrorCode
from newsfold.validate import find_violations, split_valid_rows
from schemas import TABLES, empty_frame, polars_schema
from tests.schemas.test_contracts import GOOD_ROWS


def dataset(**tables: list[dict]) -> dict[str, pl.DataFrame]:
    frames = {name: empty_frame(model) for name, model in TABLES.items() if name not in ("rejects", "runs")}
    for name, rows in tables.items():
        frames[name] = pl.DataFrame(rows, schema=polars_schema(TABLES[name]))
    return frames


ENTITY = {
    "entity_id": "Q794", "canonical_name": "Iran", "entity_type": "LOC", "wikidata_id": "Q794",
    "aliases": [{"name": "Iran", "count": 1, "method": "registry_alias", "score": 1.0}],
    "n_mentions": 1, "n_documents": 1, "first_seen": None, "last_seen": None,
    "latitude": None, "longitude": None, "country": "IR", "merged_ids": [],
}


def valid_dataset(**changes: dict) -> dict[str, pl.DataFrame]:
    rows = {
        "documents": [GOOD_ROWS["documents"]],
        "sentences": [GOOD_ROWS["sentences"]],
        "mentions": [GOOD_ROWS["mentions"]],
        "entities": [ENTITY],
        "stories": [GOOD_ROWS["stories"]],
    }
    for name, change in changes.items():
        rows[name] = [{**rows[name][0], **change}]
    return dataset(**rows)


def test_validate_keeps_a_valid_dataset_whole():
    outcome = split_valid_rows(valid_dataset(), run_id="run_x")
    assert outcome.rejects.height == 0
    assert {n: f.height for n, f in outcome.tables.items() if f.height} == {
        "documents": 1, "sentences": 1, "mentions": 1, "entities": 1, "stories": 1,
    }


@pytest.mark.parametrize(
    ("changes", "table", "code"),
    [
        ({"mentions": {"text": "Iraq"}}, "mentions", ErrorCode.SPAN_MISMATCH),
        ({"mentions": {"end": 400}}, "mentions", ErrorCode.SPAN_MISMATCH),
        ({"sentences": {"text": "Iran fired rockets"}}, "sentences", ErrorCode.SPAN_MISMATCH),
        ({"mentions": {"start": 9, "end": 4}}, "mentions", ErrorCode.SPAN_MISMATCH),  # reversed
        ({"mentions": {"entity_id": "Q999"}}, "mentions", ErrorCode.DANGLING_KEY),
        ({"mentions": {"score": 7.0}}, "mentions", ErrorCode.SCHEMA_VIOLATION),
    ],
)
def test_validate_rejects_the_failing_row_only(changes, table, code):
    outcome = split_valid_rows(valid_dataset(**changes), run_id="run_x")
    assert outcome.rejects.select("table", "error_code").rows() == [(table, code.value)]
    assert outcome.tables[table].height == 0
    assert outcome.tables["documents"].height == 1
    assert outcome.rejects["source_path"].to_list() == ["a.txt"]


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"mentions": {"text": "Iraq"}}, None),  # spans of committed articles are not walked again
        ({"mentions": {"entity_id": "Q999"}}, ErrorCode.DANGLING_KEY),  # every other check still sees them
        ({"mentions": {"score": 7.0}}, ErrorCode.SCHEMA_VIOLATION),
    ],
)
def test_validate_trusts_only_the_spans_of_committed_articles(changes, code):
    doc_id = GOOD_ROWS["documents"]["doc_id"]
    outcome = split_valid_rows(valid_dataset(**changes), run_id="run_x", spans_checked=pl.Series([doc_id]))
    assert outcome.rejects["error_code"].to_list() == ([] if code is None else [code.value])
    # an article this run analysed is walked: its broken span is found
    fresh = split_valid_rows(valid_dataset(**changes), run_id="run_x", spans_checked=pl.Series(["doc_other"]))
    assert fresh.rejects.height == 1


def test_validate_takes_the_children_of_a_rejected_document_along():
    outcome = split_valid_rows(valid_dataset(documents={"source_sha256": "nope"}), run_id="run_x")
    codes = sorted(outcome.rejects.select("table", "error_code").rows())
    assert codes == [
        ("documents", ErrorCode.SCHEMA_VIOLATION.value),
        ("mentions", ErrorCode.DEPENDS_ON_REJECTED_ROW.value),
        ("sentences", ErrorCode.DEPENDS_ON_REJECTED_ROW.value),
        ("stories", ErrorCode.DEPENDS_ON_REJECTED_ROW.value),  # a story needs an article
    ]
    assert all(frame.height == 0 for name, frame in outcome.tables.items() if name != "entities")
    assert "source_sha256" in outcome.rejects.filter(pl.col("table") == "documents")["message"].item()


@pytest.mark.parametrize(
    ("changes", "rejected"),
    [
        # an article naming a story that does not exist: the article goes, and its rows with it
        ({"documents": {"story_id": "sty_ffffffffffffffff"}}, {"documents", "sentences", "mentions", "stories"}),
        # a story no article belongs to
        ({"stories": {"story_id": "sty_ffffffffffffffff"}}, {"documents", "sentences", "mentions", "stories"}),
        # a near-duplicate of an article that is not there
        ({"documents": {"duplicate_of": "doc_ffffffffffffffff"}}, {"documents", "sentences", "mentions", "stories"}),
    ],
)
def test_validate_checks_story_keys_both_ways(changes, rejected):
    outcome = split_valid_rows(valid_dataset(**changes), run_id="run_x")
    assert set(outcome.rejects["table"].to_list()) == rejected


def test_validate_raises_when_no_row_can_be_blamed():
    broken = valid_dataset()
    broken["mentions"] = broken["mentions"].drop("score")
    with pytest.raises(ContractError, match="mentions"):
        split_valid_rows(broken, run_id="run_x")


def test_validate_find_violations_lists_problems_readably():
    assert find_violations(valid_dataset()) == []
    lines = find_violations(valid_dataset(mentions={"text": "Iraq"}))
    assert len(lines) == 1 and lines[0].startswith("mentions: NF303")


SPAN_ROWS = [
    # (start, end, text): rows of one document whose text is BODY; bad ones marked
    (0, 4, "Iran"),
    (5, 10, "fired"),
    (5, 10, "fires"),  # bad: another text
    (9, 4, "x"),  # bad: reversed
    (11, 18, "rockets"),
    (11, 99, "rockets"),  # bad: past the end
    (None, 4, "Iran"),  # left to the schema check
]
BODY = "Iran fired rockets."


@pytest.mark.parametrize("slice_rows", [1, 2, 3, 50_000])
def test_validate_span_check_finds_the_same_rows_a_slice_at_a_time(monkeypatch, slice_rows):
    import newsfold.validate as validate

    monkeypatch.setattr(validate, "_SPAN_CHECK_ROWS", slice_rows)
    rows = pl.DataFrame(
        [("doc_a", start, end, text) for start, end, text in SPAN_ROWS],
        schema={"doc_id": pl.String, "start": pl.Int64, "end": pl.Int64, "text": pl.String},
        orient="row",
    ).with_row_index("__row").with_columns(pl.col("__row").cast(pl.Int64))
    assert validate._rows_off_their_text(rows, {"doc_a": BODY}) == [2, 3, 5]


@pytest.mark.parametrize(
    ("text", "rejected"),
    [
        ("Iran fired rockets.", False),
        ("", True),  # the first character of nothing is nothing: still caught
        (None, True),
    ],
)
def test_validate_checks_a_document_text_by_its_first_character_alike(text, rejected):
    outcome = split_valid_rows(valid_dataset(documents={"text": text}), run_id="run_x")
    documents = outcome.rejects.filter(pl.col("table") == "documents")
    assert documents.height == int(rejected)
    if rejected:
        assert "column text failed" in documents["message"].item()
    else:
        assert outcome.tables["documents"]["text"].to_list() == [text]  # the stand-in never reaches the output


def test_validate_checks_by_first_character_only_columns_whose_one_check_is_not_empty():
    # A check added to such a column (a pattern, a maximum length) would pass on the first character alone.
    from schemas import WHOLE_TEXT_COLUMNS

    for table, columns in WHOLE_TEXT_COLUMNS.items():
        for column in columns:
            checks = TABLES[table].to_schema().columns[column].checks
            assert [(c.name, c.statistics) for c in checks] == [
                ("str_length", {"min_value": 1, "max_value": None, "exact_value": None})
            ], f"{table}.{column}"
