"""Running the analysis over many articles on every core.

Worker processes each load the model once and return plain rows per chunk of
articles, so the parse and the row-building both run in parallel and only
small Polars frames cross process boundaries. Chunks come back in input
order, and each article's rows depend only on that article, so the result is
the same for any number of workers or chunk size.

Example:
    >>> with AnalysisPool(workers=1) as pool:  # doctest: +SKIP
    ...     batch = pool.analyse([AnalysisRequest("doc_0123456789abcdef", "Iran fired.", None)])
    >>> batch.sentences.height  # doctest: +SKIP
    1
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

import polars as pl

from newsfold.analyse.document import AnalysisRequest, DocAnalysis, analyse_parsed
from newsfold.analyse.model import load_model
from newsfold.lifeline import watch_parent
from schemas import Amounts, Dates, Mentions, Quotes, Sentences, frame_from_rows

__all__ = ["AnalysisBatch", "AnalysisPool", "analyse_in_process"]

#: spaCy batch size; small batches keep both workers busy on small inputs.
SPACY_BATCH_SIZE = 32
#: Articles per unit of work sent to a worker.
CHUNK_SIZE = 64
#: Below this many characters in total, starting workers costs more than it saves.
MIN_CHARS_FOR_WORKERS = 200_000

_DOC_LEVEL_SCHEMA = {
    "doc_id": pl.String,
    "n_words": pl.Int64,
    "n_sentences": pl.Int64,
    "published_date": pl.Date,
    "published_date_source": pl.String,
}


@dataclass(frozen=True)
class AnalysisBatch:
    """Analysis rows for many articles, one frame per table.

    Attributes:
        documents: Per-article facts: doc_id, n_words, n_sentences,
            published_date, published_date_source (the last two set only when
            inferred from the content).
        sentences, mentions, quotes, dates, amounts: Rows with their table's
            columns; link columns (entity ids, clusters) are still null.
        failures: ``(doc_id, message)`` for articles whose analysis raised.
    """

    documents: pl.DataFrame
    sentences: pl.DataFrame
    mentions: pl.DataFrame
    quotes: pl.DataFrame
    dates: pl.DataFrame
    amounts: pl.DataFrame
    failures: tuple[tuple[str, str], ...] = ()

    @classmethod
    def from_analyses(
        cls, analyses: Sequence[DocAnalysis], failures: Sequence[tuple[str, str]] = ()
    ) -> "AnalysisBatch":
        """Gather per-article rows into frames."""
        return cls(
            documents=pl.DataFrame(
                [
                    {
                        "doc_id": a.doc_id,
                        "n_words": a.n_words,
                        "n_sentences": len(a.sentences),
                        "published_date": a.published_date,
                        "published_date_source": a.published_date_source,
                    }
                    for a in analyses
                ],
                schema=_DOC_LEVEL_SCHEMA,
            ),
            sentences=frame_from_rows(Sentences, [r for a in analyses for r in a.sentences]),
            mentions=frame_from_rows(Mentions, [r for a in analyses for r in a.mentions]),
            quotes=frame_from_rows(Quotes, [r for a in analyses for r in a.quotes]),
            dates=frame_from_rows(Dates, [r for a in analyses for r in a.dates]),
            amounts=frame_from_rows(Amounts, [r for a in analyses for r in a.amounts]),
            failures=tuple(failures),
        )

    def tables(self) -> dict[str, pl.DataFrame]:
        """The per-article table frames, by table name."""
        return {
            "sentences": self.sentences,
            "mentions": self.mentions,
            "quotes": self.quotes,
            "dates": self.dates,
            "amounts": self.amounts,
        }

    @classmethod
    def concat(cls, batches: Sequence["AnalysisBatch"]) -> "AnalysisBatch":
        """One batch holding the rows of all ``batches``, in order."""
        if not batches:
            return cls.from_analyses([])
        return cls(
            **{
                name: pl.concat([getattr(b, name) for b in batches], how="vertical")
                for name in ("documents", "sentences", "mentions", "quotes", "dates", "amounts")
            },
            failures=tuple(f for b in batches for f in b.failures),
        )


def analyse_in_process(requests: Sequence[AnalysisRequest]) -> AnalysisBatch:
    """Parse and analyse ``requests`` in this process.

    An article whose analysis raises is reported in ``failures`` (the run
    records it as a reject) and the other articles are still analysed.
    """
    nlp = load_model()
    longest = max((len(r.text) for r in requests), default=0)
    if longest > nlp.max_length:
        nlp.max_length = longest + 1
    analyses, failures = [], []
    position = 0
    while position < len(requests):
        docs = nlp.pipe((r.text for r in requests[position:]), batch_size=SPACY_BATCH_SIZE)
        for request in requests[position:]:
            position += 1
            try:
                analyses.append(analyse_parsed(next(docs), request))
            except Exception as exc:  # one bad article must not stop the others; recorded as NF201
                failures.append((request.doc_id, f"{type(exc).__name__}: {exc}"))
                break  # the parse stream may be broken: restart it after this article
    return AnalysisBatch.from_analyses(analyses, failures)


def _init_worker(parent_pid: int) -> None:
    # A worker outliving a killed run would hold its model's memory for nothing.
    watch_parent(parent_pid)
    # Each worker owns one core; nested BLAS/OpenMP threads would only fight over it.
    for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[variable] = "1"
    load_model()


class AnalysisPool:
    """Worker processes that analyse chunks of articles.

    Args:
        workers: Processes to use; ``None`` means one per core. With one
            worker, or little text, everything runs in this process.
        chunk_size: Articles per unit of work.
    """

    def __init__(self, workers: int | None = None, chunk_size: int = CHUNK_SIZE) -> None:
        self.workers = workers if workers is not None else (os.cpu_count() or 1)
        self.chunk_size = chunk_size
        self._executor: ProcessPoolExecutor | None = None

    def __enter__(self) -> "AnalysisPool":
        return self

    def __exit__(self, exc_type: object, *exc_info: object) -> None:
        if self._executor is not None:
            if exc_type is not None:
                # Interrupted or failed: the chunks in flight are not wanted, so do not wait for them.
                for process in list(getattr(self._executor, "_processes", {}).values()):
                    process.terminate()
            self._executor.shutdown(cancel_futures=True)
            self._executor = None

    def analyse(
        self,
        requests: Sequence[AnalysisRequest],
        on_progress: Callable[[int], None] | None = None,
    ) -> AnalysisBatch:
        """Analyse ``requests``; calls ``on_progress(n)`` as chunks of n finish."""
        chunks = [requests[i : i + self.chunk_size] for i in range(0, len(requests), self.chunk_size)]
        batches = []
        for chunk, batch in zip(chunks, self._map(chunks)):
            batches.append(batch)
            if on_progress is not None:
                on_progress(len(chunk))
        return AnalysisBatch.concat(batches)

    def _map(self, chunks: list[Sequence[AnalysisRequest]]) -> Iterator[AnalysisBatch]:
        total_chars = sum(len(r.text) for chunk in chunks for r in chunk)
        if self.workers <= 1 or (self._executor is None and total_chars < MIN_CHARS_FOR_WORKERS):
            return map(analyse_in_process, chunks)
        if self._executor is None:
            # spawn, not fork: the parent runs threads (Prefect, Polars) that fork would copy mid-flight.
            self._executor = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_init_worker,
                initargs=(os.getpid(),),
            )
        return self._executor.map(analyse_in_process, chunks)
