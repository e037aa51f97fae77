"""Checking every table against its contract before anything is written.

Three kinds of check, in this order:

1. each table against its pandera model (lazy: every failing check at once);
2. keys between tables (:data:`schemas.FOREIGN_KEYS`), by anti-join;
3. spans: ``documents.text[start:end]`` equals the row's ``text``.

A failing row is removed and becomes a ``rejects`` row naming the table, the
check and the value; rows that belong to a removed row (the mentions of a
rejected document, say) follow it out, each with its own reject. What cannot
be blamed on a row (a missing column, a wrong dtype) is a bug upstream and
raises :class:`~newsfold.errors.ContractError`.

Example:
    >>> outcome = split_valid_rows(tables, run_id="run_x")  # doctest: +SKIP
    >>> outcome.rejects.columns[:3]  # doctest: +SKIP
    ['run_id', 'source_path', 'source_sha256']
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass

import pandera.errors
import polars as pl

from newsfold.errors import ContractError, ErrorCode
from newsfold.frames import columns_of
from schemas import FOREIGN_KEYS, SPAN_TABLES, TABLES, WHOLE_TEXT_COLUMNS, Documents, Rejects, polars_schema

__all__ = ["ValidationOutcome", "split_valid_rows", "find_violations"]

_ROW = "__row"
_PAYLOAD_CHARS = 500
#: Rows turned into Python objects at a time by the span check.
_SPAN_CHECK_ROWS = 50_000


@dataclass(frozen=True)
class ValidationOutcome:
    """Tables with only valid rows, and a reject for every row removed.

    Attributes:
        tables: The input tables minus the failing rows.
        rejects: One row per removed row, with the ``rejects`` columns.
    """

    tables: dict[str, pl.DataFrame]
    rejects: pl.DataFrame


def split_valid_rows(
    tables: Mapping[str, pl.DataFrame], *, run_id: str, spans_checked: pl.Series | None = None
) -> ValidationOutcome:
    """Remove every row that breaks a contract, recording why.

    Args:
        tables: One frame per data table (``rejects`` and ``runs`` may be
            absent; they are validated whole, as their rows cannot be rejected).
        run_id: Stamped on the rejects produced.
        spans_checked: doc_ids whose span rows come unchanged from the committed
            dataset, where their offsets were checked against the text: they are
            not walked again (a doc_id hashes its text, so neither can have
            changed; 2.9 s of 4.2 at 100,000 articles). Every other check still
            sees every row.

    Returns:
        The surviving rows and their rejects.

    Raises:
        ContractError: on a failure no row can be blamed for.
    """
    current = {name: frame for name, frame in tables.items()}
    problems: list[pl.DataFrame] = []
    for name in [n for n in TABLES if n in current and n not in ("rejects", "runs")]:
        current[name], failed = _split_schema_failures(name, current[name])
        if failed is not None:
            problems.append(failed)
    while True:  # removing a parent row can orphan children: repeat until stable
        removed = 0
        for name, frame, failed in _key_failures(current, spans_checked):
            current[name] = frame
            problems.append(failed)
            removed += failed.height
        if removed == 0:
            break
    for name in ("rejects", "runs"):
        if name in current:
            _validate_whole(name, current[name])
    problems = [p for p in problems if p.height]
    rejects = (
        _to_rejects(pl.concat(problems, how="vertical"), tables.get("documents"), run_id)
        if problems
        else pl.DataFrame(schema=polars_schema(Rejects))
    )
    return ValidationOutcome(tables=current, rejects=rejects)


def find_violations(tables: Mapping[str, pl.DataFrame]) -> list[str]:
    """Every contract violation in a dataset, as readable lines (empty if valid).

    Used by ``newsfold validate`` to re-check a dataset already on disk.
    """
    outcome = split_valid_rows(tables, run_id="validate")
    return [
        f"{row['table']}: {row['error_code']} {row['message']}"
        for row in outcome.rejects.iter_rows(named=True)
    ]


def _problem_frame(table: str, code: ErrorCode, rows: pl.DataFrame, messages: pl.Series | list[str]) -> pl.DataFrame:
    """Failing rows as (table, row index, code, message, row as JSON)."""
    return pl.DataFrame(
        {
            "table": [table] * rows.height,
            _ROW: rows[_ROW],
            "error_code": [code.value] * rows.height,
            "message": list(messages),
            "payload": [
                json.dumps(row, default=str, ensure_ascii=False)[:_PAYLOAD_CHARS]
                for row in rows.drop(_ROW).iter_rows(named=True)
            ],
            "doc_id": rows["doc_id"] if "doc_id" in rows.columns else [None] * rows.height,
        },
        schema={
            "table": pl.String,
            _ROW: pl.Int64,
            "error_code": pl.String,
            "message": pl.String,
            "payload": pl.String,
            "doc_id": pl.String,
        },
    )


def _split_schema_failures(name: str, frame: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame | None]:
    # Its first character passes and fails a whole text's one check alike (tests/test_validate.py).
    long_texts = [column for column in WHOLE_TEXT_COLUMNS.get(name, ()) if column in frame.columns]
    checked = frame.with_columns(pl.col(long_texts).str.slice(0, 1)) if long_texts else frame
    try:
        TABLES[name].validate(checked, lazy=True)
        return frame, None
    except pandera.errors.SchemaErrors as exc:
        cases = exc.failure_cases
    finally:
        del checked
    unblamed = cases.filter(pl.col("index").is_null())
    if unblamed.height:
        raise ContractError(
            f"table {name!r} breaks its schema as a whole (a bug, not bad input): "
            + "; ".join(f"{r['column']}: {r['check']} ({r['failure_case']})" for r in unblamed.head(5).iter_rows(named=True))
        )
    reasons = (
        cases.with_columns(
            pl.format(  # a null would make the whole reason null: a missing value is named
                "column {} failed {} (value {})",
                pl.col("column").fill_null("?"),
                pl.col("check").fill_null("?"),
                pl.col("failure_case").str.slice(0, 80).fill_null("null"),
            ).alias("reason")
        )
        .group_by("index")
        .agg(pl.col("reason").unique().sort().str.join("; "))
        .rename({"index": _ROW})
        .with_columns(pl.col(_ROW).cast(pl.Int64))
    )
    indexed = frame.with_row_index(_ROW).with_columns(pl.col(_ROW).cast(pl.Int64))
    failed = indexed.join(reasons, on=_ROW, how="inner").sort(_ROW)
    kept = indexed.join(reasons, on=_ROW, how="anti").drop(_ROW)
    return kept, _problem_frame(name, ErrorCode.SCHEMA_VIOLATION, failed.drop("reason"), failed["reason"])


def _key_failures(tables: dict[str, pl.DataFrame], spans_checked: pl.Series | None = None):
    """Yield (table, kept rows, problems) for each broken key or span (the rows of ``spans_checked`` docs' spans trusted)."""
    for key in FOREIGN_KEYS:
        if key.child not in tables or key.parent not in tables:
            continue
        # The key columns alone, taken by column: a frame holding a long article's text copies it when rebuilt.
        keys = columns_of(tables[key.child], key.column).with_row_index(_ROW).with_columns(pl.col(_ROW).cast(pl.Int64))
        parents = columns_of(tables[key.parent], key.parent_column).rename({key.parent_column: key.column}).unique()
        dangling_rows = keys.filter(pl.col(key.column).is_not_null()).join(parents, on=key.column, how="anti")[_ROW]
        if dangling_rows.len():
            child = tables[key.child].with_row_index(_ROW).with_columns(pl.col(_ROW).cast(pl.Int64))
            dangling = child.filter(pl.col(_ROW).is_in(dangling_rows.implode()))
            code = ErrorCode.DEPENDS_ON_REJECTED_ROW if key.parent == "documents" else ErrorCode.DANGLING_KEY
            messages = [
                f"{key.column} {value!r} has no row in {key.parent}.{key.parent_column}"
                for value in dangling[key.column]
            ]
            kept = child.join(dangling.select(_ROW), on=_ROW, how="anti").drop(_ROW)
            yield key.child, kept, _problem_frame(key.child, code, dangling, messages)
    if "documents" not in tables:
        return
    documents = tables["documents"]  # by column, as above
    doc_ids, texts = documents.get_column(Documents.doc_id), documents.get_column(Documents.text)
    if spans_checked is None or spans_checked.len() == 0:
        bodies = dict(zip(doc_ids.to_list(), texts.to_list()))
    else:  # only the texts whose spans are walked become Python strings (not 100,000 of them for 20 new articles)
        walked = (~doc_ids.is_in(spans_checked.implode())).arg_true().to_list()
        bodies = {doc_ids[row]: texts[row] for row in walked}
    for name in SPAN_TABLES:
        if name not in tables:
            continue
        rows = tables[name].with_row_index(_ROW).with_columns(pl.col(_ROW).cast(pl.Int64))
        unchecked = rows if spans_checked is None else rows.filter(~pl.col("doc_id").is_in(spans_checked.implode()))
        bad_rows = _rows_off_their_text(unchecked, bodies)
        if bad_rows:
            bad = rows.filter(pl.col(_ROW).is_in(bad_rows))
            messages = [
                f"offsets {row['start']}:{row['end']} do not select the stored text {row['text'][:60]!r}"
                for row in bad.iter_rows(named=True)
            ]
            kept = rows.join(bad.select(_ROW), on=_ROW, how="anti").drop(_ROW)
            yield name, kept, _problem_frame(name, ErrorCode.SPAN_MISMATCH, bad, messages)


def _rows_off_their_text(rows: pl.DataFrame, bodies: dict[str, str]) -> list[int]:
    """``_ROW`` of the rows whose ``start:end`` is out of their document's text or does not select ``text``.

    In Python, not Polars: a Polars slice or length by characters walks the
    text from its start for every row, which is quadratic on a long article;
    a Python string slices in the length of the slice. A row whose document
    is missing is left to the key check, unless its offsets are reversed.
    """
    bad = []
    # A slice of rows at a time: a long text's millions of rows as Python objects at once would be GBs.
    for part in rows.select(_ROW, "doc_id", "start", "end", "text").iter_slices(_SPAN_CHECK_ROWS):
        for row, doc_id, start, end, text in part.iter_rows():
            if start is None or end is None or text is None:
                continue
            body = bodies.get(doc_id)
            if start >= end or (body is not None and (end > len(body) or body[start:end] != text)):
                bad.append(row)
    return bad


def _validate_whole(name: str, frame: pl.DataFrame) -> None:
    try:
        TABLES[name].validate(frame, lazy=True)
    except pandera.errors.SchemaErrors as exc:
        raise ContractError(f"table {name!r} breaks its schema: {exc.failure_cases.head(5)}") from exc


def _to_rejects(
    problems: pl.DataFrame, documents: pl.DataFrame | None, run_id: str
) -> pl.DataFrame:
    """Attach each problem to the input file its row came from, when it has one."""
    if documents is None:
        documents = pl.DataFrame(schema=polars_schema(Documents))
    sources = documents.select(
        Documents.doc_id, Documents.source_path, Documents.source_sha256, Documents.record_index
    ).unique(subset=[Documents.doc_id], keep="first")
    return (
        problems.join(sources, on="doc_id", how="left")
        .select(
            pl.lit(run_id).alias(Rejects.run_id),
            pl.col("source_path").alias(Rejects.source_path),
            pl.col("source_sha256").alias(Rejects.source_sha256),
            pl.col("record_index").cast(pl.Int64).alias(Rejects.record_index),
            pl.lit("validate").alias(Rejects.stage),
            pl.col("table").alias(Rejects.table),
            pl.col("error_code").alias(Rejects.error_code),
            pl.col("message").alias(Rejects.message),
            pl.col("payload").alias(Rejects.payload),
        )
        .cast(polars_schema(Rejects))
    )
