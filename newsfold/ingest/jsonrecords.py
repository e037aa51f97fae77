"""Split JSON and JSON Lines text into records, one bad record at a time.

A ``.json`` file holds one object or a list of objects; a ``.jsonl`` file one
object per line (blank lines skipped). Each record comes out as a
:class:`JsonRecord`: either the parsed object or the problem with it, with its
``record_index`` (list position, or 0-based line number), so one broken line
costs one reject and its neighbours are still read.

Example:
    >>> [(r.index, r.problem is None) for r in iterate_jsonl_records('{"text": "a"}\\n\\nnot json\\n')]
    [(0, True), (2, False)]
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from newsfold.errors import ErrorCode
from newsfold.ingest.problems import ReadProblem

__all__ = ["JsonRecord", "iterate_json_records", "iterate_jsonl_records", "MAX_JSON_DEPTH"]

#: Deepest nesting accepted in one record (the record object itself is level 1).
MAX_JSON_DEPTH = 64

_EXCERPT_CHARS = 200
_TOO_DEEP = "is JSON nested too deeply to read (over Python's recursion limit)"


@dataclass(frozen=True)
class JsonRecord:
    """One record of a JSON or JSON Lines file.

    Attributes:
        index: List position (``.json``) or 0-based line number (``.jsonl``).
        fields: The parsed object; empty when ``problem`` is set.
        problem: Why the record could not be parsed (NF106), else None.
    """

    index: int
    fields: dict[str, Any]
    problem: ReadProblem | None = None


def iterate_json_records(text: str) -> Iterator[JsonRecord]:
    """Records of a ``.json`` document: one object, or a list of objects.

    Args:
        text: The decoded file text.

    Yields:
        One :class:`JsonRecord` per object (index 0 for a lone object).

    Raises:
        ReadProblem: NF106 when the document is not JSON or not an object/list.

    Example:
        >>> [r.fields["text"] for r in iterate_json_records('[{"text": "a"}, {"text": "b"}]')]
        ['a', 'b']
    """
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReadProblem(
            ErrorCode.MALFORMED_JSON.value,
            f"is not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})",
            payload=_excerpt_around(text, exc.pos),
        ) from exc
    except RecursionError as exc:
        raise ReadProblem(ErrorCode.MALFORMED_JSON.value, _TOO_DEEP, payload=text[:_EXCERPT_CHARS]) from exc
    if isinstance(document, dict):
        yield JsonRecord(0, document)
        return
    if not isinstance(document, list):
        raise ReadProblem(
            ErrorCode.MALFORMED_JSON.value,
            f"holds a JSON {_json_kind(document)}; expected an object or a list of objects",
            payload=text[:_EXCERPT_CHARS],
        )
    for index, item in enumerate(document):
        yield _as_record(index, item, lambda item=item: json.dumps(item)[:_EXCERPT_CHARS], where=f"record {index}")


def iterate_jsonl_records(text: str) -> Iterator[JsonRecord]:
    """Records of a ``.jsonl`` document: one object per non-blank line.

    Args:
        text: The decoded file text (LF or CRLF line ends).

    Yields:
        One :class:`JsonRecord` per non-blank line, indexed by line number.

    Example:
        >>> [r.problem.code for r in iterate_jsonl_records('[1]\\n') if r.problem]
        ['NF106']
    """
    # split("\\n"), not splitlines(): U+2028 may legally appear inside a JSON string.
    for index, line in enumerate(text.split("\n")):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            problem = ReadProblem(
                ErrorCode.MALFORMED_JSON.value,
                f"line {index + 1} is not valid JSON ({exc.msg} at column {exc.colno}); fix or remove that line",
                payload=line[:_EXCERPT_CHARS],
            )
            yield JsonRecord(index, {}, problem)
            continue
        except RecursionError:
            problem = ReadProblem(
                ErrorCode.MALFORMED_JSON.value, f"line {index + 1} {_TOO_DEEP}", payload=line[:_EXCERPT_CHARS]
            )
            yield JsonRecord(index, {}, problem)
            continue
        yield _as_record(index, item, lambda line=line: line[:_EXCERPT_CHARS], where=f"line {index + 1}")


def _as_record(index: int, item: Any, excerpt: Callable[[], str], *, where: str) -> JsonRecord:
    """A parsed item as a record, or an NF106 problem when it is not an object or nests too deeply."""
    if isinstance(item, dict):
        if not _nests_deeper_than(item, MAX_JSON_DEPTH):
            return JsonRecord(index, item)
        message = f"{where} nests values more than {MAX_JSON_DEPTH} levels deep; flatten it"
        return JsonRecord(index, {}, ReadProblem(ErrorCode.MALFORMED_JSON.value, message, payload=excerpt()))
    problem = ReadProblem(
        ErrorCode.MALFORMED_JSON.value,
        f"{where} is a JSON {_json_kind(item)}, not an object with a text field",
        payload=excerpt,
    )
    return JsonRecord(index, {}, problem)


def _nests_deeper_than(value: Any, limit: int) -> bool:
    """Whether lists and objects in ``value`` nest more than ``limit`` levels (iterative, no recursion)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return True
        if isinstance(item, dict):
            stack.extend((child, depth + 1) for child in item.values() if isinstance(child, (dict, list)))
        elif isinstance(item, list):
            stack.extend((child, depth + 1) for child in item if isinstance(child, (dict, list)))
    return False


def _json_kind(value: Any) -> str:
    """JSON's own name for a parsed value's type."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


def _excerpt_around(text: str, pos: int) -> str:
    """A short excerpt of ``text`` centred on a parse error position."""
    start = max(0, pos - _EXCERPT_CHARS // 2)
    return text[start : start + _EXCERPT_CHARS]
