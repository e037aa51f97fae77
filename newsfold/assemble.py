"""Building ``documents`` rows from articles, and keeping one row per article.

Example:
    >>> from newsfold.records import Article
    >>> article = Article(source_path="a.txt", source_sha256="0" * 64, record_index=0, text="Iran.")
    >>> make_doc_id(article) == make_doc_id(Article(source_path="moved/a.txt", source_sha256="1" * 64, record_index=0, text="Iran."))
    True
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import polars as pl

from newsfold.errors import ErrorCode
from newsfold.frames import row_order
from newsfold.ids import make_id
from newsfold.language import detect_language, skip_reason
from newsfold.records import Article, Reject
from schemas import SORT_KEYS, TABLES, Documents, Rejects, polars_schema

__all__ = [
    "make_doc_id",
    "documents_from_articles",
    "deduplicate_documents",
    "apply_analysis",
    "rejects_frame",
    "stack_tables",
    "sort_table",
    "sort_tables",
]

def make_doc_id(article: Article) -> str:
    """Hash of the article's text and metadata: where the file lives does not matter.

    Two outlets publishing the same wire text stay two documents (their
    source or URL differ); the same file copied twice is one.
    """
    return make_id(
        "doc",
        article.text,
        article.title,
        article.published_date,
        article.dateline,
        article.source_name,
        article.url,
        article.language,
        article.translated_from,
        article.external_id,
    )


def documents_from_articles(articles: Sequence[Article], *, run_id: str) -> pl.DataFrame:
    """One ``documents`` row per article; analysis columns are filled later.

    An article whose input declares no language has it detected
    (:func:`newsfold.language.detect_language`); one not in English gets a
    ``skipped_reason`` and is not analysed.
    """
    languages = [(a.language, "header") if a.language else (detect_language(a.text), "detected") for a in articles]
    rows = [
        {
            Documents.doc_id: make_doc_id(a),
            Documents.source_path: a.source_path,
            Documents.source_sha256: a.source_sha256,
            Documents.record_index: a.record_index,
            Documents.external_id: a.external_id,
            Documents.title: a.title,
            Documents.text: a.text,
            Documents.published_date: a.published_date,
            Documents.published_date_source: a.published_date_source,
            Documents.published_year: None if a.published_date is None else a.published_date.year,
            Documents.dateline: a.dateline,
            Documents.source_name: a.source_name,
            Documents.url: a.url,
            Documents.language: language,
            Documents.language_source: None if language is None else source,
            Documents.skipped_reason: skip_reason(language),
            Documents.translated_from: a.translated_from,
            Documents.encoding: a.encoding,
            Documents.run_id: run_id,
        }
        for a, (language, source) in zip(articles, languages)
    ]
    return pl.DataFrame(rows, schema=polars_schema(Documents))


def deduplicate_documents(documents: pl.DataFrame) -> tuple[pl.DataFrame, list[Reject]]:
    """Keep one row per doc_id: the first by (source_path, record_index).

    Returns:
        The kept rows, and a reject naming the kept copy for each other one.
    """
    ordered = documents.sort(Documents.doc_id, Documents.source_path, Documents.record_index)
    first = ordered.select(pl.col(Documents.doc_id).is_first_distinct()).to_series()
    kept = ordered.filter(first)
    dropped = ordered.filter(~first).join(
        kept.select(
            Documents.doc_id,
            pl.col(Documents.source_path).alias("kept_path"),
            pl.col(Documents.record_index).alias("kept_record"),
        ),
        on=Documents.doc_id,
    )
    rejects = [
        Reject(
            source_path=row[Documents.source_path],
            source_sha256=row[Documents.source_sha256],
            record_index=row[Documents.record_index],
            stage="read",
            error_code=ErrorCode.DUPLICATE_DOCUMENT.value,
            message=(
                f"same article as {row['kept_path']} (record {row['kept_record']}), "
                f"kept as {row[Documents.doc_id]}"
            ),
        )
        for row in dropped.iter_rows(named=True)
    ]
    return kept, rejects


def apply_analysis(documents: pl.DataFrame, analysed: pl.DataFrame) -> pl.DataFrame:
    """Fill the analysis columns of ``documents`` from per-article results.

    A date from the header or metadata always wins over one inferred from the
    content; ``published_year`` follows ``published_date``.

    Args:
        documents: Rows from :func:`documents_from_articles`.
        analysed: doc_id, n_words, n_sentences, published_date,
            published_date_source (the last two set only when inferred).
    """
    merged = documents.join(analysed, on=Documents.doc_id, how="inner", suffix="_analysed")
    has_own_date = pl.col(Documents.published_date).is_not_null()
    return merged.with_columns(
        pl.col(f"{Documents.n_words}_analysed").alias(Documents.n_words),
        pl.col(f"{Documents.n_sentences}_analysed").alias(Documents.n_sentences),
        pl.when(has_own_date)
        .then(pl.col(Documents.published_date))
        .otherwise(pl.col(f"{Documents.published_date}_analysed"))
        .alias(Documents.published_date),
        pl.when(has_own_date)
        .then(pl.col(Documents.published_date_source))
        .otherwise(pl.col(f"{Documents.published_date_source}_analysed"))
        .alias(Documents.published_date_source),
    ).with_columns(
        pl.col(Documents.published_date).dt.year().cast(pl.Int32).alias(Documents.published_year)
    ).select(polars_schema(Documents).names())


def rejects_frame(rejects: Sequence[Reject], *, run_id: str) -> pl.DataFrame:
    """``rejects`` rows for ``rejects`` found by this run."""
    return pl.DataFrame(
        [
            {
                Rejects.run_id: run_id,
                Rejects.source_path: r.source_path,
                Rejects.source_sha256: r.source_sha256,
                Rejects.record_index: r.record_index,
                Rejects.stage: r.stage,
                Rejects.table: r.table,
                Rejects.error_code: r.error_code,
                Rejects.message: r.message,
                Rejects.payload: r.payload,
            }
            for r in rejects
        ],
        schema=polars_schema(Rejects),
    )


def stack_tables(parts: Sequence[Mapping[str, pl.DataFrame]], names: Sequence[str]) -> dict[str, pl.DataFrame]:
    """Concatenate same-named tables from ``parts``; a missing part is skipped.

    Example:
        >>> stack_tables([{"sentences": a}, {}, {"sentences": b}], ["sentences"])  # doctest: +SKIP
    """
    stacked = {}
    for name in names:
        schema = polars_schema(TABLES[name])
        frames = [part[name].select(schema.names()).cast(schema) for part in parts if name in part]
        stacked[name] = pl.concat(frames, how="vertical") if frames else pl.DataFrame(schema=schema)
    return stacked


def sort_tables(tables: Mapping[str, pl.DataFrame]) -> dict[str, pl.DataFrame]:
    """Each table in its canonical row order, so equal datasets are equal byte for byte."""
    return {name: sort_table(name, frame) for name, frame in tables.items()}


def sort_table(name: str, frame: pl.DataFrame) -> pl.DataFrame:
    """Table ``name``'s rows in its canonical order (see :func:`sort_tables`).

    Example:
        >>> sort_table("documents", pl.DataFrame({"doc_id": ["doc_b", "doc_a"]}))["doc_id"].to_list()
        ['doc_a', 'doc_b']
    """
    order = row_order(frame, SORT_KEYS[name])
    return frame if order is None else frame[order]


