"""Tests for newsfold.ingest.jsonrecords."""

from __future__ import annotations

import pytest

from newsfold.ingest.jsonrecords import MAX_JSON_DEPTH, iterate_json_records, iterate_jsonl_records
from newsfold.ingest.problems import ReadProblem


def summarise(records) -> list[tuple[int, str | None]]:
    return [(r.index, r.problem.code if r.problem else None) for r in records]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"text": "a"}', [(0, None)]),
        ('[{"text": "a"}, {"text": "b"}]', [(0, None), (1, None)]),
        ('[{"text": "a"}, 5, null]', [(0, None), (1, "NF106"), (2, "NF106")]),
        ("[]", []),
    ],
)
def test_iterate_json_records_valid(text: str, expected: list) -> None:
    assert summarise(iterate_json_records(text)) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"text": "a",', "not valid JSON"),
        ('"just a string"', "string"),
        ("42", "number"),
    ],
)
def test_iterate_json_records_invalid_document(text: str, message: str) -> None:
    with pytest.raises(ReadProblem) as caught:
        list(iterate_json_records(text))
    assert caught.value.code == "NF106"
    assert message in caught.value.message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"text": "a"}\n{"text": "b"}\n', [(0, None), (1, None)]),
        ('{"text": "a"}\n\n   \n{"text": "b"}', [(0, None), (3, None)]),  # index = line number
        ('{"text": "a"}\n{"text": \n{"text": "c"}\n', [(0, None), (1, "NF106"), (2, None)]),
        ('["not", "an object"]\n', [(0, "NF106")]),
        ('{"text": "a"}\r\n{"text": "b"}\r\n', [(0, None), (1, None)]),
        ('{"text": "line\u2028separator"}\n', [(0, None)]),
        ("", []),
    ],
)
def test_iterate_jsonl_records(text: str, expected: list) -> None:
    assert summarise(iterate_jsonl_records(text)) == expected


def test_iterate_jsonl_records_bad_line_carries_excerpt_and_line_number() -> None:
    records = list(iterate_jsonl_records('{"text": "a"}\n{broken line here\n'))
    problem = records[1].problem
    assert problem.payload == "{broken line here"
    assert "line 2" in problem.message


@pytest.mark.parametrize("depth", [100_000])
def test_iterate_records_too_deep_is_a_problem_not_a_crash(depth: int) -> None:
    deep = "[" * depth
    assert summarise(iterate_jsonl_records(f'{{"text": "a"}}\n{deep}\n')) == [(0, None), (1, "NF106")]
    with pytest.raises(ReadProblem, match="nested too deeply"):
        list(iterate_json_records(deep))


def _nested(depth: int) -> str:
    """A record whose 'extra' field nests lists so the record reaches ``depth`` levels."""
    return '{"text": "a", "extra": ' + "[" * (depth - 1) + "]" * (depth - 1) + "}"


@pytest.mark.parametrize(
    ("depth", "code"),
    [(2, None), (MAX_JSON_DEPTH, None), (MAX_JSON_DEPTH + 1, "NF106"), (500, "NF106")],
)
def test_iterate_records_nesting_is_bounded(depth: int, code: str | None) -> None:
    assert summarise(iterate_jsonl_records(_nested(depth))) == [(0, code)]
    assert summarise(iterate_json_records(f"[{_nested(depth)}]")) == [(0, code)]
