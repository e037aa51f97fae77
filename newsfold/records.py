"""The small immutable values that travel between pipeline stages.

Stages hand each other these frozen dataclasses (few, per file or per article)
or Polars frames (many, per row of an output table). Nothing here does I/O.

Example:
    >>> source = SourceFile(path="a.txt", size=5, sha256="0" * 64)
    >>> Reject.for_source(source, stage="read", error_code="NF101", message="empty").source_path
    'a.txt'
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

__all__ = ["SourceFile", "Article", "Reject"]


@dataclass(frozen=True)
class SourceFile:
    """One input file found under the raw directory.

    Attributes:
        path: POSIX path relative to the raw root, e.g. ``"bbc/tech/001.txt"``.
        size: Size on disk in bytes.
        sha256: Hex SHA-256 of the file's bytes as stored (before gunzip).
    """

    path: str
    size: int
    sha256: str


@dataclass(frozen=True)
class Article:
    """One article read from a source file, text normalised, header parsed.

    ``text`` is the body as it will be stored in ``documents.text``: every
    character offset in the dataset indexes it.

    Attributes:
        source_path: ``SourceFile.path`` of the file it came from.
        source_sha256: ``SourceFile.sha256`` of that file.
        record_index: 0 for one-article files; the 0-based record (or line)
            number for JSON and JSON Lines files.
        text: Normalised body text (NFC, LF line ends, mojibake repaired).
        title: Headline from a header or the headline rule, else None.
        published_date: Date from a header or metadata, else None.
        published_date_source: How ``published_date`` was found, e.g.
            ``"header"`` or ``"metadata"``; None when there is no date.
        dateline: Place from a seed-style ``date ... PLACE`` line or a dateline field.
        source_name: Outlet name from a header or record.
        url: Article URL from a header or record.
        language: ISO 639-1 code from a header or record, else None.
        translated_from: Language the article was translated from, else None.
        external_id: The record's own ``id`` field, if any.
        encoding: Encoding the bytes were decoded from, e.g. ``"utf-8"``.
    """

    source_path: str
    source_sha256: str
    record_index: int
    text: str
    title: str | None = None
    published_date: dt.date | None = None
    published_date_source: str | None = None
    dateline: str | None = None
    source_name: str | None = None
    url: str | None = None
    language: str | None = None
    translated_from: str | None = None
    external_id: str | None = None
    encoding: str = "utf-8"


@dataclass(frozen=True)
class Reject:
    """Something that could not be taken into the dataset, and why.

    Attributes:
        source_path: The input file concerned (relative POSIX path).
        record_index: The record within the file, when one record failed.
        stage: Pipeline stage that refused it: discover, read, analyse,
            resolve or validate.
        error_code: A stable :class:`newsfold.errors.ErrorCode` value.
        message: A sentence a user can act on, naming the value at fault.
        table: Output table the row was meant for (validate stage), else None.
        payload: A short excerpt of the offending input (at most 500 chars).
        source_sha256: Hash of the file's bytes when they could be read.
        source_size: The file's size when the message quotes it (a file
            refused as too big); not a column of ``rejects``, but recorded in
            the snapshot's manifest, so a file that grows is refused again
            with its new size.
    """

    source_path: str
    stage: str
    error_code: str
    message: str
    record_index: int | None = None
    table: str | None = None
    payload: str | None = None
    source_sha256: str | None = field(default=None)
    source_size: int | None = None

    @classmethod
    def for_source(
        cls,
        source: SourceFile,
        *,
        stage: str,
        error_code: str,
        message: str,
        record_index: int | None = None,
        payload: str | None = None,
    ) -> "Reject":
        """Build a reject that names ``source`` and its byte hash."""
        return cls(
            source_path=source.path,
            stage=stage,
            error_code=error_code,
            message=message,
            record_index=record_index,
            payload=None if payload is None else payload[:500],
            source_sha256=source.sha256,
        )
