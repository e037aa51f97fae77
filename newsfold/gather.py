"""A run's articles, put together: carried over, reused, or still to analyse.

Between reading and analysis a run has three kinds of article: those of
unchanged files (rows carried from the previous snapshot), those read again
whose analysis the snapshot already holds under the same doc_id (a moved
file), and truly new ones. :func:`gather_documents` sorts them out once, so
the flow only has to analyse ``to_analyse`` and hand the result back to
:meth:`Gathered.combine`.

Example:
    >>> gathered = gather_documents(None, frozenset(), articles, run_id="run_x")  # doctest: +SKIP
    >>> gathered.to_analyse.columns  # doctest: +SKIP
    ['doc_id', 'text', 'published_date']
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import polars as pl

from newsfold.assemble import apply_analysis, deduplicate_documents, documents_from_articles, stack_tables
from newsfold.incremental import PER_DOCUMENT_TABLES, CarriedRows, carry_over, reuse_analysis
from newsfold.records import Article, Reject
from newsfold.store import Snapshot
from schemas import Documents, polars_schema

if TYPE_CHECKING:  # the analysis imports spaCy; a run with nothing to analyse never needs it
    from newsfold.analyse.runner import AnalysisFailure

__all__ = ["Gathered", "gather_documents"]


@dataclass(frozen=True)
class Gathered:
    """Every article of the run and where its rows will come from.

    Attributes:
        carried: Rows and rejects of unchanged files.
        fresh: ``documents`` rows read by this run (duplicates removed),
            analysis columns still empty.
        reused_facts: Per-article analysis facts found in the snapshot.
        reused_tables: Their per-article rows.
        duplicate_rejects: One reject per article identical to a kept one.
    """

    carried: CarriedRows
    fresh: pl.DataFrame
    reused_facts: pl.DataFrame
    reused_tables: Mapping[str, pl.DataFrame]
    duplicate_rejects: list[Reject]

    @property
    def to_analyse(self) -> pl.DataFrame:
        """doc_id, text and published_date of the articles to parse (those not in English are not)."""
        return (
            self.fresh.join(self.reused_facts, on=Documents.doc_id, how="anti")
            .filter(pl.col(Documents.skipped_reason).is_null())
            .select(Documents.doc_id, Documents.text, Documents.published_date)
        )

    @property
    def committed_doc_ids(self) -> pl.Series:
        """doc_ids whose per-article rows come from the committed dataset (carried or reused), already validated there."""
        carried = self.carried.tables.get("documents")
        ids = [self.reused_facts[Documents.doc_id]]
        if carried is not None:
            ids.append(carried[Documents.doc_id])
        return pl.concat(ids).unique()

    @property
    def skipped_facts(self) -> pl.DataFrame:
        """Per-article facts of the articles not analysed: their words counted, no sentences."""
        skipped = self.fresh.filter(pl.col(Documents.skipped_reason).is_not_null())
        return skipped.join(self.reused_facts, on=Documents.doc_id, how="anti").select(
            Documents.doc_id,
            pl.col(Documents.text).str.count_matches(r"\w+").cast(pl.Int64).alias(Documents.n_words),
            pl.lit(0, dtype=pl.Int64).alias(Documents.n_sentences),
        )

    def combine(self, analysed: pl.DataFrame, tables: Mapping[str, pl.DataFrame]) -> dict[str, pl.DataFrame]:
        """All per-article tables of the run, once ``to_analyse`` is analysed.

        Args:
            analysed: Per-article facts (doc_id, n_words, n_sentences,
                published_date, published_date_source) of the analysed articles.
            tables: Their per-article rows by table name.
        """
        facts = pl.concat([self.reused_facts, self.skipped_facts, analysed], how="diagonal_relaxed")
        return stack_tables(
            [self.carried.tables, {"documents": apply_analysis(self.fresh, facts)}, self.reused_tables, tables],
            PER_DOCUMENT_TABLES,
        )

    def analysis_rejects(self, failures: Sequence[AnalysisFailure]) -> list[Reject]:
        """A reject per article whose analysis failed, naming its file and the cause."""
        # Only the columns a reject names: rows with their texts would copy every text into Python.
        named = self.fresh.filter(pl.col(Documents.doc_id).is_in([failure.doc_id for failure in failures])).select(
            Documents.doc_id, Documents.source_path, Documents.source_sha256, Documents.record_index
        )
        by_id = {row[Documents.doc_id]: row for row in named.iter_rows(named=True)}
        rejects = []
        for failure in failures:
            row = by_id[failure.doc_id]
            record = row[Documents.record_index]
            path = row[Documents.source_path]
            where = f"{path} (record {record})" if path.removesuffix(".gz").endswith((".json", ".jsonl")) else path
            rejects.append(
                Reject(
                    source_path=row[Documents.source_path],
                    source_sha256=row[Documents.source_sha256],
                    record_index=record,
                    stage="analyse",
                    error_code=failure.error_code,
                    message=f"analysis of {where} ({failure.doc_id}) failed: {failure.message}",
                )
            )
        return rejects


def gather_documents(
    previous: Snapshot | None, carried_paths: frozenset[str], articles: Sequence[Article], *, run_id: str
) -> Gathered:
    """Sort the run's articles into carried, reused and to-analyse.

    Args:
        previous: The current snapshot, if any.
        carried_paths: Unchanged files whose rows are carried over.
        articles: Articles read by this run.
        run_id: This run; stamped on the documents it read.
    """
    carried = carry_over(previous, carried_paths)
    documents, duplicate_rejects = deduplicate_documents(
        pl.concat(
            [
                carried.tables.get("documents", pl.DataFrame(schema=polars_schema(Documents))),
                documents_from_articles(articles, run_id=run_id),
            ],
            how="vertical",
        )
    )
    fresh = documents.filter(pl.col(Documents.run_id) == run_id)
    carried_documents = documents.filter(pl.col(Documents.run_id) != run_id)
    # A carried article may lose to a copy read by this run (one whose path
    # sorts first): its rows then come with the copy (reused below), not twice.
    kept_ids = carried_documents[Documents.doc_id]
    carried_tables = {
        name: frame.filter(pl.col(Documents.doc_id).is_in(kept_ids.to_list()))
        for name, frame in carried.tables.items()
    }
    carried = CarriedRows(tables={**carried_tables, "documents": carried_documents}, rejects=carried.rejects)
    reused_facts, reused_tables = reuse_analysis(previous, fresh[Documents.doc_id].to_list())
    return Gathered(carried, fresh, reused_facts, reused_tables, duplicate_rejects)
