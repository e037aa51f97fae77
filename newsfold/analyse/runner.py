"""Running the analysis over many articles on every core.

Worker processes each load the model once and return plain rows per chunk of
articles, so the parse and the row-building both run in parallel and only
small Polars frames cross process boundaries. Chunks come back in input
order, and each article's rows depend only on that article, so the result is
the same for any number of workers or chunk size. An article longer than
:data:`SECTION_CHARS` goes to the workers one section per unit of work, and
this process merges the sections' rows, so a worker's memory depends on the
section, never on the article. A worker that dies (killed out of memory) or
runs past its time budget costs only the article it died on, which is retried
alone once and then reported as a failure (:mod:`newsfold.analyse.recovery`).

Example:
    >>> with AnalysisPool(workers=1) as pool:  # doctest: +SKIP
    ...     batch = pool.analyse([AnalysisRequest("doc_0123456789abcdef", "Iran fired.", None)])
    >>> batch.sentences.height  # doctest: +SKIP
    1
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
import multiprocessing
import os
import pickle
import resource
import signal
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

import polars as pl

from newsfold.analyse.document import AnalysisRequest, DocAnalysis, analyse_parsed, shift_analysis
from newsfold.analyse.faults import inject_test_faults
from newsfold.analyse.model import load_model
from newsfold.analyse.recovery import Lost, TimeBudget, WorkerEnd, map_with_recovery
from newsfold.analyse.ruler import RULER_NAME, add_registry_ruler
from newsfold.spill import spill_directory, spill_frame
from newsfold.errors import ErrorCode
from newsfold.lifeline import hold_signals, release_held_signals, watch_parent
from newsfold.limits import DEFAULT_MAX_ARTICLE_CHARS, WORKER_MEMORY_VARIABLE
from schemas import Amounts, Dates, Mentions, Quotes, Sentences, frame_from_rows

__all__ = [
    "AnalysisBatch",
    "AnalysisFailure",
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
#: Seconds a broken pool gets to end its workers before the ones left are killed.
SHUTDOWN_GRACE_SECONDS = 10.0
#: Longest text analysed as one unit; longer ones are analysed section by section and the rows merged.
SECTION_CHARS = 100_000
#: Most characters parsed in one spaCy batch (32 articles of 5,000 characters).
BATCH_CHARS = 160_000
#: Most characters in one spaCy batch for a section of a long article on a worker: one piece at a
#: time. Measured on a generated news text (2026-12-02): a worker parsing 100,000-character sections
#: in one batch peaked 320 MB above its idle size, one piece at a time 100 MB, as fast, same rows.
SECTION_BATCH_CHARS = PIECE_CHARS

_DOC_LEVEL_SCHEMA = {
    "doc_id": pl.String,
    "n_words": pl.Int64,
    "n_sentences": pl.Int64,
    "published_date": pl.Date,
    "published_date_source": pl.String,
}


@dataclass(frozen=True)
class AnalysisFailure:
    """An article that could not be analysed.

    Attributes:
        doc_id: The article.
        message: The cause, e.g. ``"ValueError: ..."`` or ``"exceeded the time budget of 65 s"``.
        error_code: NF201 (the analysis raised, or the article is too long),
            NF202 (the worker died on it) or NF203 (it ran out of time).

    Example:
        >>> AnalysisFailure("doc_0123456789abcdef", "exceeded the time budget of 65 s", "NF203").error_code
        'NF203'
    """

    doc_id: str
    message: str
    error_code: str = ErrorCode.ANALYSIS_FAILED.value


@dataclass(frozen=True)
class AnalysisBatch:
    """Analysis rows for many articles, one frame per table.

    Attributes:
        documents: Per-article facts: doc_id, n_words, n_sentences,
            published_date, published_date_source (the last two set only when
            inferred from the content).
        sentences, mentions, quotes, dates, amounts: Rows with their table's
            columns; link columns (entity ids, clusters) are still null.
            LazyFrames over Parquet files once :meth:`spilled`, frames again
            once :meth:`collected`.
        failures: Articles that could not be analysed.
    """

    documents: pl.DataFrame
    sentences: pl.DataFrame | pl.LazyFrame
    mentions: pl.DataFrame | pl.LazyFrame
    quotes: pl.DataFrame | pl.LazyFrame
    dates: pl.DataFrame | pl.LazyFrame
    amounts: pl.DataFrame | pl.LazyFrame
    failures: tuple[AnalysisFailure, ...] = ()

    @classmethod
    def from_analyses(
        cls, analyses: Sequence[DocAnalysis], failures: Sequence[AnalysisFailure] = ()
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

    def tables(self) -> dict[str, pl.DataFrame | pl.LazyFrame]:
        """The per-article table frames, by table name."""
        return {name: getattr(self, name) for name in _ROW_TABLES}

    def spilled(self, directory: str) -> "AnalysisBatch":
        """The same batch with its rows written to Parquet in ``directory`` and scanned back lazily.

        ``documents`` (one small row per article) stays in memory. Rows already
        spilled are not written again.

        Example:
            >>> import tempfile
            >>> batch = AnalysisBatch.from_analyses([])
            >>> with tempfile.TemporaryDirectory() as directory:
            ...     batch.spilled(directory).collected().sentences.equals(batch.sentences)
            True
        """
        return dataclasses.replace(
            self,
            **{
                name: spill_frame(frame, directory) if isinstance(frame, pl.DataFrame) else frame
                for name, frame in self.tables().items()
            },
        )

    def collected(self) -> "AnalysisBatch":
        """The same batch with every table a frame in memory (spilled rows read back)."""
        lazy = {name: frame for name, frame in self.tables().items() if isinstance(frame, pl.LazyFrame)}
        return dataclasses.replace(self, **dict(zip(lazy, pl.collect_all(list(lazy.values())))))

    @classmethod
    def concat(cls, batches: Sequence["AnalysisBatch"]) -> "AnalysisBatch":
        """One batch holding the rows of all ``batches``, in order (lazily if any of them is spilled)."""
        if not batches:
            return cls.from_analyses([])
        return cls(
            documents=pl.concat([b.documents for b in batches], how="vertical"),
            **{name: _concat_frames([getattr(b, name) for b in batches]) for name in _ROW_TABLES},
            failures=tuple(f for b in batches for f in b.failures),
        )


#: The per-article row tables of an :class:`AnalysisBatch` (all but ``documents``).
_ROW_TABLES = ("sentences", "mentions", "quotes", "dates", "amounts")


def _concat_frames(frames: Sequence[pl.DataFrame | pl.LazyFrame]) -> pl.DataFrame | pl.LazyFrame:
    """``frames`` one after the other: a LazyFrame if any of them is one, else a frame."""
    if any(isinstance(frame, pl.LazyFrame) for frame in frames):
        return pl.concat([frame.lazy() for frame in frames], how="vertical")
    return pl.concat(frames, how="vertical")


def analyse_in_process(
    requests: Sequence[AnalysisRequest],
    max_chars: int = DEFAULT_MAX_ARTICLE_CHARS,
    patterns: Sequence[dict[str, Any]] | None = None,
) -> AnalysisBatch:
    """Parse and analyse ``requests`` in this process.

    An article whose analysis raises is reported in ``failures`` (the run
    records it as a reject) and the other articles are still analysed. An
    article longer than ``max_chars`` is reported in ``failures`` unparsed.
    A text longer than :data:`SECTION_CHARS` is analysed section by section
    (cut by :func:`split_text`), each section on its own, and the sections'
    rows merged with offsets into the whole text
    (:func:`newsfold.analyse.document.shift_analysis`), so the parse and the
    extraction depend on the section, not on the article (only the merged
    rows grow with it, as compact frames); a section's relative dates
    are resolved against the date of the article's first section. Texts
    longer than :data:`PIECE_CHARS` are parsed piece by piece and the pieces
    joined into one Doc. With ``patterns``
    (:func:`newsfold.analyse.ruler.make_registry_patterns`), registry names
    are set as entities before the model's own ``ner`` runs.
    """
    failures = []
    allowed = []
    for request in requests:
        if len(request.text) > max_chars:
            failures.append(AnalysisFailure(request.doc_id, _too_long_message(len(request.text), max_chars)))
        else:
            allowed.append(request)
    if not allowed:
        return AnalysisBatch.from_analyses([], failures)
    nlp = load_ruled_model(patterns)
    sections = [
        _Section(article, start, end, last=end == len(request.text))
        for article, request in enumerate(allowed)
        for start, end in _section_bounds(request.text)
    ]
    rows = _RowsInOrder()
    position = 0
    while position < len(sections):
        docs = _parse_each(nlp, (section.request(allowed) for section in sections[position:]))
        for section in sections[position:]:
            position += 1
            try:
                rows.add(section, analyse_parsed(next(docs), rows.dated(section.request(allowed))))
            except Exception as exc:  # one bad article must not stop the others; recorded as NF201
                request = allowed[section.article]
                failures.append(AnalysisFailure(request.doc_id, f"{type(exc).__name__}: {exc}"))
                rows.drop_article()
                while position < len(sections) and sections[position].article == section.article:
                    position += 1  # the article's other sections are not wanted any more
                break  # the parse stream may be broken: restart it after this article
    return rows.batch(failures)


@dataclass(frozen=True)
class _Section:
    """``allowed[article].text[start:end]``; ``last`` is true for an article's last section."""

    article: int
    start: int
    end: int
    last: bool

    def request(self, allowed: Sequence[AnalysisRequest]) -> AnalysisRequest:
        whole = allowed[self.article]
        if self.start == 0 and self.last:
            return whole
        return AnalysisRequest(whole.doc_id, whole.text[self.start : self.end], whole.published_date)


class _RowsInOrder:
    """Analyses gathered in article order; a long article's sections merged into one article.

    A section's rows become compact frames as soon as they are shifted, so a
    very long article never holds all its rows as Python dicts.
    """

    def __init__(self) -> None:
        self._done: list[AnalysisBatch] = []
        self._pending: list[DocAnalysis] = []
        self._sections: list[AnalysisBatch] = []
        self._first: DocAnalysis | None = None

    def dated(self, request: AnalysisRequest) -> AnalysisRequest:
        """A later section dated like its article's first section (header date, else inferred)."""
        if self._first is None or request.published_date is not None:
            return request
        return dataclasses.replace(request, published_date=self._first.published_date)

    def add(self, section: _Section, analysis: DocAnalysis) -> None:
        if section.start == 0 and section.last:
            self._pending.append(analysis)
            return
        if section.start == 0:
            self._first = analysis
        self._sections.append(AnalysisBatch.from_analyses([shift_analysis(analysis, section.start, 0)]))
        if section.last:
            self._flush_pending()
            self._done.append(merge_sections(self._sections))
            self._sections, self._first = [], None

    def drop_article(self) -> None:
        """Forget the sections so far of the article that failed."""
        self._sections, self._first = [], None

    def batch(self, failures: Sequence[AnalysisFailure]) -> AnalysisBatch:
        self._flush_pending()
        merged = AnalysisBatch.concat(self._done)
        return dataclasses.replace(merged, failures=tuple(failures))

    def _flush_pending(self) -> None:
        if self._pending:
            self._done.append(AnalysisBatch.from_analyses(self._pending))
            self._pending = []


def merge_sections(sections: Sequence[AnalysisBatch]) -> AnalysisBatch:
    """One article's batch from the batches of its sections, in order.

    Each section's rows already have offsets into the whole text and ids made
    from them (:func:`newsfold.analyse.document.shift_analysis`), but
    sentence numbers that start at 0 in every section: they move here by the
    sentences of the sections before. The article's ``documents`` row sums
    words and sentences, and takes the publication date of its first section.

    Example:
        >>> one = AnalysisBatch.from_analyses([DocAnalysis("doc_0123456789abcdef", 2, None, None,
        ...     sentences=[{"doc_id": "doc_0123456789abcdef", "sentence_index": 0, "start": 0, "end": 5, "text": "Iran."}])])
        >>> merged = merge_sections([one, one])
        >>> merged.sentences["sentence_index"].to_list(), merged.documents["n_words"].item()
        ([0, 1], 4)
    """
    counts = [section.documents["n_sentences"].sum() for section in sections]
    before = [sum(counts[:i]) for i in range(len(counts))]

    def merged(name: str) -> pl.DataFrame | pl.LazyFrame:
        frames = [getattr(section, name) for section in sections]
        if name in ("sentences", "mentions"):
            frames = [frame.with_columns(pl.col("sentence_index") + first) for frame, first in zip(frames, before)]
        return _concat_frames(frames)

    first = sections[0].documents.row(0, named=True)
    documents = pl.DataFrame(
        [
            {
                "doc_id": first["doc_id"],
                "n_words": sum(section.documents["n_words"].sum() for section in sections),
                "n_sentences": sum(counts),
                "published_date": first["published_date"],
                "published_date_source": first["published_date_source"],
            }
        ],
        schema=_DOC_LEVEL_SCHEMA,
    )
    return AnalysisBatch(
        documents=documents,
        **{name: merged(name) for name in _ROW_TABLES},
        failures=tuple(failure for section in sections for failure in section.failures),
    )


@dataclass(frozen=True)
class SectionRequest(AnalysisRequest):
    """A section of a long article, analysed on its own (:func:`analyse_sections`).

    Attributes:
        text: The section's text, ``article.text[offset:offset + len(text)]``.
        offset: Where the section starts in the article's text.
        published_date: The article's date, else the date its first section inferred.
    """

    offset: int = 0


def analyse_sections(sections: Sequence[SectionRequest]) -> AnalysisBatch:
    """Each section's rows, offsets into its whole article, sentence numbers from 0 in each section.

    The rows :func:`analyse_in_process` gives a section of a long article
    before :func:`merge_sections`; one ``documents`` row per section (its
    words, sentences and date). A section whose analysis raises is a failure
    of its article.

    Example:
        >>> section = SectionRequest("doc_0123456789abcdef", "Iran fired.", None, offset=100)
        >>> analyse_sections([section]).sentences["start"].to_list()  # doctest: +SKIP
        [100]
    """
    nlp = load_ruled_model()
    batches = []
    for section in sections:
        try:
            analysis = analyse_parsed(next(_parse_each(nlp, [section], SECTION_BATCH_CHARS)), section)
            batches.append(AnalysisBatch.from_analyses([shift_analysis(analysis, section.offset, 0)]))
        except Exception as exc:  # recorded as NF201 for the article, as in analyse_in_process
            failure = AnalysisFailure(section.doc_id, f"{type(exc).__name__}: {exc}")
            batches.append(AnalysisBatch.from_analyses([], [failure]))
    return AnalysisBatch.concat(batches)


class _SectionUnit(Sequence):
    """A unit of work of one :class:`SectionRequest`, cut from its article only when it is sent.

    The pool queues every section of a long article at once; slicing them
    all up front would hold a second copy of the article's text.
    """

    def __init__(self, article: AnalysisRequest, start: int, end: int, date: dt.date | None = None) -> None:
        self.article, self.start, self.end, self.date = article, start, end, date

    def dated(self, date: dt.date | None) -> "_SectionUnit":
        return _SectionUnit(self.article, self.start, self.end, date)

    def __len__(self) -> int:
        return 1

    def __getitem__(self, index):
        if index not in (0, -1):
            raise IndexError(index)
        article = self.article
        return SectionRequest(
            article.doc_id, article.text[self.start : self.end], article.published_date or self.date, offset=self.start
        )


def _merged_article(sections: Sequence[AnalysisBatch | None]) -> AnalysisBatch:
    """A long article's batch from its sections' batches; the first failure, if any, stands for the article."""
    failures = [failure for section in sections if section is not None for failure in section.failures]
    if failures:
        return AnalysisBatch.from_analyses([], failures[:1])
    return merge_sections(sections)


def _chunks(
    requests: Sequence[AnalysisRequest], size: int, apart: Callable[[AnalysisRequest], bool]
) -> list[Sequence[AnalysisRequest]]:
    """``requests`` cut into chunks of at most ``size``, each request for which ``apart`` holds alone in its own.

    Example:
        >>> _chunks([1, 2, 30, 4, 5, 6], 2, lambda n: n > 9)
        [[1, 2], [30], [4, 5], [6]]
    """
    chunks: list[Sequence[AnalysisRequest]] = []
    current: list[AnalysisRequest] = []
    for request in requests:
        if apart(request) or len(current) == size:
            if current:
                chunks.append(current)
            current = []
        if apart(request):
            chunks.append([request])
        else:
            current.append(request)
    if current:
        chunks.append(current)
    return chunks


def _section_bounds(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the sections :func:`split_text` cuts ``text`` into at :data:`SECTION_CHARS`."""
    bounds, start = [], 0
    for end in _cut_points(text, SECTION_CHARS):
        bounds.append((start, end))
        start = end
    return bounds


def split_text(text: str, size: int = PIECE_CHARS) -> list[str]:
    """Cut ``text`` into pieces of at most ``size`` characters that join back into it.

    A piece ends after the last line break in the second half of its window,
    else after the last space there, else at ``size`` exactly (a text with
    no break at all).

    Example:
        >>> split_text("one two\\nthree four five", size=10)
        ['one two\\n', 'three ', 'four five']
    """
    pieces, start = [], 0
    for end in _cut_points(text, size):
        pieces.append(text[start:end])
        start = end
    return pieces


def _cut_points(text: str, size: int) -> list[int]:
    """Where :func:`split_text` ends each piece; the last is ``len(text)``."""
    cuts = []
    start = 0
    while len(text) - start > size:
        window_end = start + size
        floor = start + size // 2
        cut = text.rfind("\n", floor, window_end) + 1
        if cut <= floor:
            cut = max(text.rfind(" ", floor, window_end), text.rfind("\t", floor, window_end)) + 1
        if cut <= floor:
            cut = window_end
        cuts.append(cut)
        start = cut
    cuts.append(len(text))
    return cuts


def _parse_each(nlp, requests: Iterable[AnalysisRequest], batch_chars: int | None = None) -> Iterator:
    """One Doc per request, in order; long texts parsed in pieces and joined.

    Pieces go to spaCy in batches of at most :data:`SPACY_BATCH_SIZE` texts
    and ``batch_chars`` (default :data:`BATCH_CHARS`) characters: the parser's memory grows with the
    characters of a batch (about 3 KB per character with the small English
    model), so a batch of long pieces is as bounded as one of short articles.
    """
    from spacy.tokens import Doc

    size = min(PIECE_CHARS, nlp.max_length)
    pieces = ((piece, index) for index, request in enumerate(requests) for piece in split_text(request.text, size))
    group: list = []
    current = 0
    for batch in _batch_by_chars(pieces, BATCH_CHARS if batch_chars is None else batch_chars):
        for doc, index in nlp.pipe(batch, as_tuples=True, batch_size=len(batch)):
            if index != current:
                yield group[0] if len(group) == 1 else Doc.from_docs(group, ensure_whitespace=False)
                group, current = [], index
            group.append(doc)
    if group:
        yield group[0] if len(group) == 1 else Doc.from_docs(group, ensure_whitespace=False)


def _batch_by_chars(
    pieces: Iterable[tuple[str, int]], most_chars: int | None = None
) -> Iterator[list[tuple[str, int]]]:
    """Consecutive pieces grouped by :data:`SPACY_BATCH_SIZE` texts or ``most_chars`` characters.

    ``most_chars`` defaults to :data:`BATCH_CHARS`.
    """
    most_chars = BATCH_CHARS if most_chars is None else most_chars
    batch: list[tuple[str, int]] = []
    chars = 0
    for item in pieces:
        if batch and (len(batch) == SPACY_BATCH_SIZE or chars + len(item[0]) > most_chars):
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


def _analyse_in_worker(requests: Sequence[AnalysisRequest], max_chars: int, budget_seconds: int) -> AnalysisBatch:
    """:func:`analyse_in_process` in a worker, ended by the kernel if it runs past ``budget_seconds``.

    The model already holds the registry ruler (added by ``_init_worker``),
    so the patterns need not travel with every chunk.
    """
    # SIGALRM's default action ends the process even inside C code that never
    # returns to Python; the pool sees the worker die and blames this chunk.
    signal.setitimer(signal.ITIMER_REAL, budget_seconds)
    try:
        inject_test_faults(request.text for request in requests)
        if any(isinstance(request, SectionRequest) for request in requests):
            return analyse_sections(requests)
        return analyse_in_process(requests, max_chars=max_chars)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def _init_worker(parent_pid: int, patterns_file: str | None = None) -> None:
    # Spawned while the parent held these signals, the worker inherited the mask.
    release_held_signals()
    # The time budget (``_analyse_in_worker``) relies on SIGALRM's default action: end the process.
    signal.signal(signal.SIGALRM, signal.SIG_DFL)
    # A worker outliving a killed run would hold its model's memory for nothing.
    watch_parent(parent_pid)
    # Capped, a worker that needs more memory for an article fails on that article (MemoryError, or
    # killed) instead of the machine running out; long articles come in sections, so a worker's need
    # depends on the section, not the article. RLIMIT_DATA, not RLIMIT_AS: the latter counts address
    # space reserved by libraries and threads (about 1.1 GB for a worker holding 0.4 GB).
    megabytes = os.environ.get(WORKER_MEMORY_VARIABLE)
    if megabytes:
        limit = int(megabytes) * 2**20
        resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))
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
        workers: Processes to use; ``None`` means one per core. With little
            text (under :data:`MIN_CHARS_FOR_WORKERS` characters in all),
            everything runs in this process.
        chunk_size: Articles per unit of work.
        max_chars: Longest article analysed; longer ones are reported in
            ``failures`` without being parsed.
        patterns: Registry patterns for the entity ruler set before ``ner``
            (built once in this process, handed to every worker); None runs
            the model alone.
        while_parsing: Work for this process to do, once, while the workers
            parse the first batch (for example loading what the next stage
            needs); called after the workers have been started.
        budget: How long a worker may take over a unit of work; past it the
            worker is ended and its articles retried alone (NF203 for one
            that runs out of time again).
        spill_directory: Where the workers' results go as they arrive
            (:meth:`AnalysisBatch.spilled`), so this process does not hold
            them beside running workers; :meth:`analyse` then returns lazy
            tables, to be :meth:`AnalysisBatch.collected` before the
            directory is removed. None keeps them in memory.
    """

    def __init__(
        self,
        workers: int | None = None,
        chunk_size: int = CHUNK_SIZE,
        max_chars: int = DEFAULT_MAX_ARTICLE_CHARS,
        patterns: Sequence[dict[str, Any]] | None = None,
        while_parsing: Callable[[], object] | None = None,
        budget: TimeBudget = TimeBudget(),
        spill_directory: str | None = None,
    ) -> None:
        self.workers = workers if workers is not None else (os.cpu_count() or 1)
        self.spill_directory = spill_directory
        self.while_parsing = while_parsing
        self.chunk_size = chunk_size
        self.max_chars = max_chars
        self.patterns = patterns
        self.budget = budget
        self._executor: ProcessPoolExecutor | None = None
        self._patterns_file: str | None = None
        # The patterns file lives in a directory this process holds (locked) while the pool lives:
        # a run killed with SIGKILL leaves it to the next run's sweep (spill.py), not in TMPDIR for good.
        self._held = contextlib.ExitStack()
        self._processes: dict[int, multiprocessing.process.BaseProcess] = {}

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
        self._held.close()
        self._patterns_file = None

    def analyse(
        self,
        requests: Sequence[AnalysisRequest],
        on_progress: Callable[[int], None] | None = None,
    ) -> AnalysisBatch:
        """Analyse ``requests``; calls ``on_progress(n)`` as n articles finish.

        On workers, an article longer than :data:`SECTION_CHARS` is not one
        unit of work but one per section: a worker holds one section and its
        rows at a time, whatever the article's length, and this process merges
        the sections' rows (:func:`merge_sections`) as they come. Articles that
        have no publication date of their own send their first section alone
        first: the other sections resolve relative dates against the date it
        infers, as :func:`analyse_in_process` does.
        """
        report = on_progress or (lambda n: None)
        chunks = _chunks(requests, self.chunk_size, self._is_long)
        if not any(self._is_long(request) for request in requests) or not self._uses_workers(requests):
            batches = []
            for chunk, batch in zip(chunks, self._map(chunks)):
                batches.append(self._kept(batch))
                report(len(chunk))
            return AnalysisBatch.concat(batches)
        return self._analyse_in_sections(chunks, report)

    def _kept(self, batch: AnalysisBatch) -> AnalysisBatch:
        """``batch`` as this pool keeps it until the end: spilled to disk if workers made it and a directory is set."""
        if self.spill_directory is None or self._executor is None:
            return batch
        return batch.spilled(self.spill_directory)

    def _is_long(self, request: AnalysisRequest) -> bool:
        return SECTION_CHARS < len(request.text) <= self.max_chars

    def _uses_workers(self, requests: Sequence[AnalysisRequest]) -> bool:
        return self._executor is not None or sum(len(r.text) for r in requests) >= MIN_CHARS_FOR_WORKERS

    def _analyse_in_sections(
        self, chunks: list[Sequence[AnalysisRequest]], report: Callable[[int], None]
    ) -> AnalysisBatch:
        """:meth:`analyse` for chunks among which a long article stands alone, sent section by section."""
        self.start()  # sections are units of work for workers only, however little text there is
        results: list[Any] = [None] * len(chunks)  # per chunk: its batch, or a long article's section batches
        first_units, later_units = [], []  # (chunk, section number or None, unit)
        for index, chunk in enumerate(chunks):
            if len(chunk) == 1 and self._is_long(chunk[0]):
                bounds = _section_bounds(chunk[0].text)
                results[index] = [None] * len(bounds)
                for number, (start, end) in enumerate(bounds):
                    unit = (index, number, _SectionUnit(chunk[0], start, end))
                    (later_units if number and chunk[0].published_date is None else first_units).append(unit)
            else:
                first_units.append((index, None, chunk))

        def run(units: list) -> None:
            for (index, number, unit), batch in zip(units, self._map([unit for _, _, unit in units])):
                if number is None:
                    results[index] = self._kept(batch)
                    report(len(unit))
                else:
                    results[index][number] = self._kept(batch)
                    if all(part is not None for part in results[index]):
                        results[index] = _merged_article(results[index])
                        report(1)

        run(first_units)
        # Later sections are dated like their article's first section; an article that failed there is done.
        dated = []
        for index, number, unit in later_units:
            first = results[index][0]
            if not first.failures:
                dated.append((index, number, unit.dated(first.documents["published_date"].item())))
        run(dated)
        for index, result in enumerate(results):
            if isinstance(result, list):  # its first section failed: the failure stands for the article
                results[index] = _merged_article(result)
        return AnalysisBatch.concat(results)

    def start(self) -> "AnalysisPool":
        """Start the workers now (each loads the model) instead of at the first batch.

        Useful when this process has to wait for something else first (Prefect's
        server): the models load meanwhile.
        """
        if self._executor is None:
            executor = self._running_executor()
            with hold_signals():
                for _ in range(self.workers):  # one submit spawns one worker, up to ``workers``
                    executor.submit(os.getpid)
            self._processes.update(getattr(executor, "_processes", None) or {})
        return self

    def _map(self, chunks: list[Sequence[AnalysisRequest]]) -> Iterator[AnalysisBatch]:
        # ``while_parsing`` runs once the workers have their first chunks; here, or right away without workers.
        idle_work, self.while_parsing = self.while_parsing, None
        if self._executor is None and sum(len(r.text) for chunk in chunks for r in chunk) < MIN_CHARS_FOR_WORKERS:
            if idle_work is not None:
                idle_work()
            return map(functools.partial(analyse_in_process, max_chars=self.max_chars, patterns=self.patterns), chunks)
        # Even one worker is a separate process: an article that kills it must not kill the run.
        # One unit more than workers in flight, so no worker waits for its next chunk.
        return (
            _join_parts(parts)
            for parts in map_with_recovery(self, chunks, window=self.workers + 1, while_waiting=idle_work)
        )

    def submit(self, requests: Sequence[AnalysisRequest]) -> Future:
        """Start analysing ``requests`` on a worker, starting the workers first if needed."""
        requests = list(requests)  # a section (``_SectionUnit``) is cut from its article only now
        executor = self._running_executor()
        seconds = self.budget.seconds_for(sum(len(request.text) for request in requests))
        # Workers are spawned by a submit: a Ctrl-C or SIGTERM in the middle of writing
        # their start-up data would leave them a truncated pickle (and a traceback), so the
        # signals wait until the spawning is done. Workers unblock them in ``_init_worker``.
        with hold_signals():
            future = executor.submit(_analyse_in_worker, requests, self.max_chars, seconds)
        # Kept to learn, once the pool breaks, how its dead worker ended.
        self._processes.update(getattr(executor, "_processes", None) or {})
        return future

    def _running_executor(self) -> ProcessPoolExecutor:
        """The pool's executor, started on first use (and after a :meth:`restart`)."""
        if self._executor is None:
            self._write_patterns_file()
            self._executor = self._start_executor()
        return self._executor

    def _write_patterns_file(self) -> str | None:
        """The file the workers read the registry patterns from, written once; None without patterns.

        Patterns go by file, not in the start-up pickle: spawning blocks this
        process until the worker has read that pickle, and the worker reads it
        only as fast as it imports.
        """
        if self.patterns is not None and self._patterns_file is None:
            path = os.path.join(self._held.enter_context(spill_directory()), "patterns.pickle")
            with open(path, "wb") as stream:
                pickle.dump(list(self.patterns), stream, protocol=pickle.HIGHEST_PROTOCOL)
            self._patterns_file = path
        return self._patterns_file

    def _start_executor(self) -> ProcessPoolExecutor:
        # spawn, not fork: the parent runs threads (Prefect, Polars) that fork would copy mid-flight.
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(os.getpid(), self._patterns_file),
        )

    def restart(self) -> WorkerEnd:
        """Drop a broken pool and say how its dead worker ended; the next submit starts fresh workers."""
        processes, self._processes = list(self._processes.values()), {}
        stuck: set[int] = set()
        if self._executor is not None:
            executor, self._executor = self._executor, None
            processes += [p for p in (getattr(executor, "_processes", None) or {}).values() if p not in processes]
            manager = getattr(executor, "_executor_manager_thread", None)  # shutdown() forgets it
            executor.shutdown(wait=False, cancel_futures=True)
            if manager is not None:
                manager.join(timeout=SHUTDOWN_GRACE_SECONDS)
                if manager.is_alive():
                    # A worker spawned while the pool was breaking can miss the pool's SIGTERM; the pool
                    # then waits for it forever while it waits to send a result nobody reads.
                    for process in processes:
                        if process.exitcode is None:
                            stuck.add(process.pid)
                            process.kill()
                    manager.join()
        for process in processes:
            process.join(timeout=5)
        exitcodes = [process.exitcode for process in processes if process.pid not in stuck]
        return _dead_worker_end(exitcodes)


def _dead_worker_end(exitcodes: Sequence[int | None]) -> WorkerEnd:
    """How the worker that broke a pool ended, given every worker's exit code.

    The pool ends its other workers with SIGTERM once one has died, so the
    culprit is the worker that ended otherwise: killed by another signal
    first, else exited with a status (a failed start).

    Example:
        >>> _dead_worker_end([-15, -9]).exitcode
        -9
    """
    ended = [code for code in exitcodes if code is not None]
    for candidates in (
        [code for code in ended if code < 0 and code != -signal.SIGTERM],
        [code for code in ended if code >= 0],
        ended,
    ):
        if candidates:
            return WorkerEnd(candidates[0])
    return WorkerEnd(None)


def _join_parts(parts: Sequence[AnalysisBatch | Lost]) -> AnalysisBatch:
    """One chunk's batch from the batches of its parts and the articles lost on the way."""
    return AnalysisBatch.concat(
        [
            part
            if isinstance(part, AnalysisBatch)
            else AnalysisBatch.from_analyses([], [AnalysisFailure(part.request.doc_id, part.message, part.error_code)])
            for part in parts
        ]
    )
