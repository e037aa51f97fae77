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

import contextlib
import functools
import multiprocessing
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

import polars as pl

from newsfold.analyse.document import AnalysisRequest, DocAnalysis, analyse_parsed
from newsfold.analyse.model import load_model
from newsfold.analyse.ruler import RULER_NAME, add_registry_ruler
from newsfold.lifeline import hold_signals, release_held_signals, watch_parent
from newsfold.limits import DEFAULT_MAX_ARTICLE_CHARS
from schemas import Amounts, Dates, Mentions, Quotes, Sentences, frame_from_rows

__all__ = [
    "AnalysisBatch",
    "AnalysisPool",
    "DEFAULT_MAX_ARTICLE_CHARS",
    "analyse_in_process",
    "load_ruled_model",
    "split_text",
]

#: spaCy batch size; small batches keep both workers busy on small inputs.
SPACY_BATCH_SIZE = 32
#: Articles per unit of work sent to a worker.
CHUNK_SIZE = 64
#: Below this many characters in total, starting workers costs more than it saves.
MIN_CHARS_FOR_WORKERS = 200_000
#: Longest text parsed in one go; longer ones are parsed in pieces (spaCy's max_length is 1,000,000).
PIECE_CHARS = 20_000
#: Most characters parsed in one spaCy batch (32 articles of 5,000 characters).
BATCH_CHARS = 160_000

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


def analyse_in_process(
    requests: Sequence[AnalysisRequest],
    max_chars: int = DEFAULT_MAX_ARTICLE_CHARS,
    patterns: Sequence[dict[str, Any]] | None = None,
) -> AnalysisBatch:
    """Parse and analyse ``requests`` in this process.

    An article whose analysis raises is reported in ``failures`` (the run
    records it as a reject) and the other articles are still analysed. An
    article longer than ``max_chars`` is reported in ``failures`` unparsed.
    Longer texts than :data:`PIECE_CHARS` are parsed piece by piece (see
    :func:`split_text`) and the pieces joined into one Doc, so the parser's
    memory depends on the piece, not on the article. With ``patterns``
    (:func:`newsfold.analyse.ruler.make_registry_patterns`), registry names
    are set as entities before the model's own ``ner`` runs.
    """
    analyses, failures = [], []
    allowed = []
    for request in requests:
        if len(request.text) > max_chars:
            failures.append((request.doc_id, _too_long_message(len(request.text), max_chars)))
        else:
            allowed.append(request)
    if not allowed:
        return AnalysisBatch.from_analyses(analyses, failures)
    nlp = load_ruled_model(patterns)
    position = 0
    while position < len(allowed):
        docs = _parse_each(nlp, allowed[position:])
        for request in allowed[position:]:
            position += 1
            try:
                analyses.append(analyse_parsed(next(docs), request))
            except Exception as exc:  # one bad article must not stop the others; recorded as NF201
                failures.append((request.doc_id, f"{type(exc).__name__}: {exc}"))
                break  # the parse stream may be broken: restart it after this article
    return AnalysisBatch.from_analyses(analyses, failures)


def split_text(text: str, size: int = PIECE_CHARS) -> list[str]:
    """Cut ``text`` into pieces of at most ``size`` characters that join back into it.

    A piece ends after the last line break in the second half of its window,
    else after the last space there, else at ``size`` exactly (a text with
    no break at all).

    Example:
        >>> split_text("one two\\nthree four five", size=10)
        ['one two\\n', 'three ', 'four five']
    """
    pieces = []
    start = 0
    while len(text) - start > size:
        window_end = start + size
        floor = start + size // 2
        cut = text.rfind("\n", floor, window_end) + 1
        if cut <= floor:
            cut = max(text.rfind(" ", floor, window_end), text.rfind("\t", floor, window_end)) + 1
        if cut <= floor:
            cut = window_end
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


def _parse_each(nlp, requests: Sequence[AnalysisRequest]) -> Iterator:
    """One Doc per request, in order; long texts parsed in pieces and joined.

    Pieces go to spaCy in batches of at most :data:`SPACY_BATCH_SIZE` texts
    and :data:`BATCH_CHARS` characters: the parser's memory grows with the
    characters of a batch (about 3 KB per character with the small English
    model), so a batch of long pieces is as bounded as one of short articles.
    """
    from spacy.tokens import Doc

    size = min(PIECE_CHARS, nlp.max_length)
    pieces = ((piece, index) for index, request in enumerate(requests) for piece in split_text(request.text, size))
    group: list = []
    current = 0
    for batch in _batch_by_chars(pieces):
        for doc, index in nlp.pipe(batch, as_tuples=True, batch_size=len(batch)):
            if index != current:
                yield group[0] if len(group) == 1 else Doc.from_docs(group, ensure_whitespace=False)
                group, current = [], index
            group.append(doc)
    if group:
        yield group[0] if len(group) == 1 else Doc.from_docs(group, ensure_whitespace=False)


def _batch_by_chars(pieces: Iterable[tuple[str, int]]) -> Iterator[list[tuple[str, int]]]:
    """Consecutive pieces grouped by :data:`SPACY_BATCH_SIZE` texts or :data:`BATCH_CHARS` characters."""
    batch: list[tuple[str, int]] = []
    chars = 0
    for item in pieces:
        if batch and (len(batch) == SPACY_BATCH_SIZE or chars + len(item[0]) > BATCH_CHARS):
            yield batch
            batch, chars = [], 0
        batch.append(item)
        chars += len(item[0])
    if batch:
        yield batch


def _too_long_message(length: int, limit: int) -> str:
    return (
        f"the text is {length} characters long, over the {limit}-character limit for one article; "
        "split it or raise the limit (--max-chars)"
    )


def load_ruled_model(patterns: Sequence[dict[str, Any]] | None = None):
    """The English model, with the registry ruler before ``ner`` when ``patterns`` are given (added once)."""
    nlp = load_model()
    if patterns is not None and RULER_NAME not in nlp.pipe_names:
        add_registry_ruler(nlp, patterns, before="ner")
    return nlp


def _init_worker(parent_pid: int, patterns_file: str | None = None) -> None:
    # Spawned while the parent held these signals, the worker inherited the mask.
    release_held_signals()
    # A worker outliving a killed run would hold its model's memory for nothing.
    watch_parent(parent_pid)
    # Each worker owns one core; nested BLAS/OpenMP threads would only fight over it.
    for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[variable] = "1"
    patterns = None
    if patterns_file is not None:
        with open(patterns_file, "rb") as stream:
            patterns = pickle.load(stream)
    load_ruled_model(patterns)


class AnalysisPool:
    """Worker processes that analyse chunks of articles.

    Args:
        workers: Processes to use; ``None`` means one per core. With one
            worker, or little text, everything runs in this process.
        chunk_size: Articles per unit of work.
        max_chars: Longest article analysed; longer ones are reported in
            ``failures`` without being parsed.
        patterns: Registry patterns for the entity ruler set before ``ner``
            (built once in this process, handed to every worker); None runs
            the model alone.
        while_parsing: Work for this process to do, once, while the workers
            parse the first batch (for example loading what the next stage
            needs); called after the workers have been started.
    """

    def __init__(
        self,
        workers: int | None = None,
        chunk_size: int = CHUNK_SIZE,
        max_chars: int = DEFAULT_MAX_ARTICLE_CHARS,
        patterns: Sequence[dict[str, Any]] | None = None,
        while_parsing: Callable[[], object] | None = None,
    ) -> None:
        self.workers = workers if workers is not None else (os.cpu_count() or 1)
        self.while_parsing = while_parsing
        self.chunk_size = chunk_size
        self.max_chars = max_chars
        self.patterns = patterns
        self._executor: ProcessPoolExecutor | None = None
        self._patterns_file: str | None = None

    def __enter__(self) -> "AnalysisPool":
        return self

    def __exit__(self, exc_type: object, *exc_info: object) -> None:
        if self._executor is not None:
            if exc_type is not None:
                # Interrupted or failed: the chunks in flight are not wanted, so do not wait for them.
                # SIGKILL, not SIGTERM: a worker still starting up would print a traceback as its pipe closes.
                for process in list(getattr(self._executor, "_processes", {}).values()):
                    process.kill()
            self._executor.shutdown(cancel_futures=True)
            self._executor = None
        if self._patterns_file is not None:
            with contextlib.suppress(OSError):
                os.unlink(self._patterns_file)
            self._patterns_file = None

    def analyse(
        self,
        requests: Sequence[AnalysisRequest],
        on_progress: Callable[[int], None] | None = None,
    ) -> AnalysisBatch:
        """Analyse ``requests``; calls ``on_progress(n)`` as chunks of n finish."""
        chunks = [requests[i : i + self.chunk_size] for i in range(0, len(requests), self.chunk_size)]
        batches = []
        results = self._map(chunks)
        if self.while_parsing is not None:
            # The workers have their chunks: this process would only wait for them.
            idle_work, self.while_parsing = self.while_parsing, None
            idle_work()
        for chunk, batch in zip(chunks, results):
            batches.append(batch)
            if on_progress is not None:
                on_progress(len(chunk))
        return AnalysisBatch.concat(batches)

    def start(self) -> "AnalysisPool":
        """Start the workers now (each loads the model) instead of at the first batch.

        Useful when this process has to wait for something else first (Prefect's
        server): the models load meanwhile. Does nothing with one worker.
        """
        if self.workers > 1 and self._executor is None:
            executor = self._start_executor()
            with hold_signals():
                for _ in range(self.workers):  # one submit spawns one worker, up to ``workers``
                    executor.submit(os.getpid)
        return self

    def _start_executor(self) -> ProcessPoolExecutor:
        if self._executor is None:
            if self.patterns is not None and self._patterns_file is None:
                # Patterns go by file, not in the start-up pickle: spawning blocks this process until the
                # worker has read that pickle, and the worker reads it only as fast as it imports.
                with tempfile.NamedTemporaryFile("wb", prefix="newsfold-patterns-", delete=False) as stream:
                    pickle.dump(list(self.patterns), stream, protocol=pickle.HIGHEST_PROTOCOL)
                self._patterns_file = stream.name
            # spawn, not fork: the parent runs threads (Prefect, Polars) that fork would copy mid-flight.
            self._executor = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_init_worker,
                initargs=(os.getpid(), self._patterns_file),
            )
        return self._executor

    def _map(self, chunks: list[Sequence[AnalysisRequest]]) -> Iterator[AnalysisBatch]:
        total_chars = sum(len(r.text) for chunk in chunks for r in chunk)
        if self.workers <= 1 or (self._executor is None and total_chars < MIN_CHARS_FOR_WORKERS):
            return map(functools.partial(analyse_in_process, max_chars=self.max_chars, patterns=self.patterns), chunks)
        executor = self._start_executor()
        # The workers set the patterns up when they started: a chunk does not carry them again.
        work = functools.partial(analyse_in_process, max_chars=self.max_chars)
        # Workers are spawned by the first submit: a Ctrl-C or SIGTERM in the middle of writing
        # their start-up data would leave them a truncated pickle (and a traceback), so the
        # signals wait until the spawning is done. Workers unblock them in ``_init_worker``.
        with hold_signals():
            return executor.map(work, chunks)
