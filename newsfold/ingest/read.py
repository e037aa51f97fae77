"""Read one discovered source file into Articles and Reject rows.

This is the reader's boundary: every helper below raises
:class:`~newsfold.ingest.problems.ReadProblem` for bad input, and
:func:`read_source` turns each one into a ``Reject`` naming the file (and the
record), so bad input never escapes as an exception.

Example:
    >>> import hashlib, tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> _ = (root / "a.txt").write_bytes(b"Headline\\n\\nBody text.\\n")
    >>> source = SourceFile("a.txt", 22, hashlib.sha256(b"Headline\\n\\nBody text.\\n").hexdigest())
    >>> articles, rejects = read_source(root, source)
    >>> articles[0].title, articles[0].text, rejects
    ('Headline', 'Body text.', [])
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import reprlib
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from newsfold.errors import ErrorCode
from newsfold.ingest.decode import DecodedText, decode_bytes
from newsfold.ingest.formats import source_format
from newsfold.ingest.headers import locate_body, split_header
from newsfold.ingest.jsonrecords import JsonRecord, iterate_json_records, iterate_jsonl_records
from newsfold.ingest.metadata import TEXT_FIELDS, FieldProblem, Metadata, canonical_key, read_metadata
from newsfold.ingest.normalise import normalise_text
from newsfold.ingest.payload import DEFAULT_MAX_BYTES, load_payload
from newsfold.ingest.problems import ReadProblem
from newsfold.paths import locate_source
from newsfold.records import Article, Reject, SourceFile

__all__ = ["read_source", "MAX_RECORD_REJECTS"]

_STAGE = "read"
#: Most record-level rejects one JSON/JSONL file gets before they are summarised in one row.
MAX_RECORD_REJECTS = 100
_SUMMARY_EXAMPLES = 5


def read_source(
    raw_root: Path, source: SourceFile, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[list[Article], list[Reject]]:
    """Read one discovered file into Articles; bad input becomes Reject rows, never an exception.

    Args:
        raw_root: The directory ``source.path`` is relative to.
        source: A file found by :func:`newsfold.discover.discover_sources`.
        max_bytes: Largest input accepted, counted after gunzip (NF104 beyond).

    Returns:
        The articles read (one for text files, one per good record for JSON)
        and a reject per problem (stage ``"read"``).
    """
    found = source_format(source.path)
    if found is None:
        return [], [_reject(source, ErrorCode.UNSUPPORTED_FILE_TYPE.value, "is not a file type newsfold reads")]
    fmt, gzipped = found
    try:
        data = load_payload(
            locate_source(raw_root, source.path), sha256=source.sha256, gzipped=gzipped, max_bytes=max_bytes
        )
        decoded = decode_bytes(data)
        if not decoded.text.strip():
            raise ReadProblem(ErrorCode.EMPTY_FILE.value, "is empty or holds only whitespace; remove it or add the article text")
        if fmt == "text":
            return _read_text_file(source, decoded)
        records = iterate_jsonl_records(decoded.text) if fmt == "jsonl" else iterate_json_records(decoded.text)
        first = next(records, None)  # a problem with the whole document is raised here
    except ReadProblem as problem:
        return [], [_reject(source, problem.code, problem.message, payload=problem.payload)]
    if first is None:
        return [], [_reject(source, ErrorCode.EMPTY_FILE.value, "holds no JSON records")]
    return _read_records(source, itertools.chain([first], records), decoded.encoding, per_line=fmt == "jsonl")


def _read_text_file(source: SourceFile, decoded: DecodedText) -> tuple[list[Article], list[Reject]]:
    """One article from a ``.txt``/``.md`` file: header, headline, body."""
    text = normalise_text(decoded.text)
    if not text.strip():
        raise ReadProblem(ErrorCode.EMPTY_FILE.value, "holds only control characters or whitespace, no text")
    split = split_header(text)
    meta, problems = read_metadata(split.fields, date_source=split.date_source)
    rejects = [_field_reject(source, problem, None) for problem in problems]
    if split.problem is not None:
        rejects.append(_reject(source, ErrorCode.BAD_HEADER_VALUE.value, split.problem, payload=text[:500]))
    begin, end = locate_body(text, split.body_start)
    if begin == end:
        message = "has a header or headline but no body text after it"
        rejects.append(_reject(source, ErrorCode.EMPTY_FILE.value, message))
        return [], rejects
    title = meta.title or split.headline
    return [_make_article(source, 0, text[begin:end], meta, title, decoded.encoding)], rejects


def _read_records(
    source: SourceFile, records: Iterable[JsonRecord], encoding: str, *, per_line: bool
) -> tuple[list[Article], list[Reject]]:
    """One article per good JSON record; one reject per bad record or value.

    A file with more than :data:`MAX_RECORD_REJECTS` such rejects gets one
    summary reject instead (counts by code and the first examples), so a JSON
    array of a million numbers costs one ``rejects`` row, not a million.
    """
    articles: list[Article] = []
    rejects = _RecordRejects(source)
    n_records = 0
    for n_records, record in enumerate(records, start=1):
        where = f"line {record.index + 1}" if per_line else f"record {record.index}"
        if record.problem is not None:
            rejects.add(record.problem.code, functools.partial(_problem_reject, source, record.problem, record.index))
            continue
        try:
            article, problems = _read_record(source, record, encoding, where)
        except ReadProblem as problem:
            rejects.add(problem.code, functools.partial(_problem_reject, source, problem, record.index))
            continue
        articles.append(article)
        for problem in problems:
            rejects.add(ErrorCode.BAD_HEADER_VALUE.value, functools.partial(_field_reject, source, problem, record.index, where))
    return articles, rejects.rows(records_read=n_records)


def _problem_reject(source: SourceFile, problem: ReadProblem, index: int) -> Reject:
    return _reject(source, problem.code, problem.message, index, problem.payload)


class _RecordRejects:
    """The rejects of one file's records, kept whole up to a threshold, then summarised."""

    def __init__(self, source: SourceFile) -> None:
        self.source = source
        self.kept: list[Reject] = []
        self.by_code: Counter[str] = Counter()

    def add(self, code: str, make_reject: Callable[[], Reject]) -> None:
        """Count a reject of ``code``; build it (``make_reject()``) only while it may be listed."""
        self.by_code[code] += 1
        if len(self.kept) <= MAX_RECORD_REJECTS:
            self.kept.append(make_reject())

    def rows(self, *, records_read: int) -> list[Reject]:
        total = sum(self.by_code.values())
        if total <= MAX_RECORD_REJECTS:
            return self.kept
        code = max(sorted(self.by_code), key=self.by_code.__getitem__)
        counts = ", ".join(
            f"{count} {name} ({ErrorCode(name).describe()})" for name, count in sorted(
                self.by_code.items(), key=lambda item: (-item[1], item[0])
            )
        )
        examples = self.kept[:_SUMMARY_EXAMPLES]
        shown = "; ".join(r.message.removeprefix(f"{self.source.path}: ") for r in examples)
        message = (
            f"{total} problems in its records (of {records_read} records), too many to list one by one: "
            f"{counts}. First {len(examples)}: {shown}"
        )
        payload = "\n".join(r.payload for r in examples if r.payload)
        return [_reject(self.source, code, message, payload=payload or None)]


def _read_record(
    source: SourceFile, record: JsonRecord, encoding: str, where: str
) -> tuple[Article, list[FieldProblem]]:
    """One JSON record as an Article; raises NF107/NF101 when it has no usable text."""
    raw_text = _find_text_value(record.fields, where)
    text = normalise_text(raw_text)
    begin, end = locate_body(text, 0)
    if begin == end:
        raise ReadProblem(ErrorCode.EMPTY_FILE.value, f"{where} has an empty text field")
    fields = {
        key: normalise_text(value) if isinstance(value, str) and canonical_key(key) not in (None, "text") else value
        for key, value in record.fields.items()
    }
    meta, problems = read_metadata(fields, date_source="metadata")
    return _make_article(source, record.index, text[begin:end], meta, meta.title, encoding), problems


def _find_text_value(fields: dict[str, Any], where: str) -> str:
    """The first non-blank of text/body/content; a blank one if that is all there is."""
    blank: str | None = None
    for name in TEXT_FIELDS:
        value = fields.get(name)
        if value is None:
            continue
        if not isinstance(value, str):
            raise ReadProblem(
                ErrorCode.MISSING_TEXT_FIELD.value,
                f"{where} has a {type(value).__name__} in '{name}' where the article text belongs",
                payload=reprlib.repr(value),
            )
        if value.strip():
            return value
        blank = value if blank is None else blank
    if blank is not None:
        return blank  # the caller rejects it as empty (NF101), not as missing
    nulls = [name for name in TEXT_FIELDS if name in fields and fields[name] is None]
    if nulls:
        raise ReadProblem(
            ErrorCode.MISSING_TEXT_FIELD.value, f"{where} has null in '{nulls[0]}' where the article text belongs"
        )
    keys = ", ".join(sorted(map(str, fields))[:10]) or "none"
    raise ReadProblem(
        ErrorCode.MISSING_TEXT_FIELD.value,
        f"{where} has no 'text', 'body' or 'content' field (its fields: {keys})",
    )


def _make_article(
    source: SourceFile, index: int, text: str, meta: Metadata, title: str | None, encoding: str
) -> Article:
    # Metadata's fields are Article's optional fields, by design: copy them whole.
    return Article(
        source_path=source.path,
        source_sha256=source.sha256,
        record_index=index,
        text=text,
        encoding=encoding,
        **{**dataclasses.asdict(meta), "title": title},
    )


def _field_reject(source: SourceFile, problem: FieldProblem, index: int | None, where: str = "") -> Reject:
    """NF111: a declared value was dropped; the article was kept without it."""
    prefix = f"{where}: " if where else ""
    return _reject(
        source,
        ErrorCode.BAD_HEADER_VALUE.value,
        f"{prefix}{problem.message}; the article was kept without it",
        index,
        problem.value,
    )


def _reject(
    source: SourceFile, code: str, message: str, index: int | None = None, payload: str | None = None
) -> Reject:
    return Reject.for_source(
        source, stage=_STAGE, error_code=code, message=f"{source.path}: {message}", record_index=index, payload=payload
    )
