"""What ``newsfold report`` shows: plain numbers and frames gathered from a dataset.

Every function here takes Polars frames (the columns of :data:`REPORT_COLUMNS`)
and returns a new frame or a small frozen dataclass; none touches a file,
except :func:`read_report_tables`, the one edge that reads the current
snapshot. Rendering the page is :mod:`newsfold.report_html`'s job.

The ``stories`` table is optional: a dataset written before stories existed has
none, and :func:`rank_stories` then returns ``None``.

Example:
    >>> report = gather_report(read_report_tables("output"))  # doctest: +SKIP
    >>> report.table_rows.row(0)  # doctest: +SKIP
    ('documents', 2)
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from newsfold.errors import ContractError, ErrorCode, StoreError
from newsfold.load import open_dataset
from newsfold.paths import escape_path
from schemas import TABLES, Documents, Entities, Mentions, Quotes, Rejects, Runs

__all__ = [
    "REPORT_COLUMNS",
    "STORY_COLUMNS",
    "ReportTables",
    "RejectExample",
    "RejectGroup",
    "QuoteSample",
    "Speaker",
    "Report",
    "read_report_tables",
    "count_table_rows",
    "list_runs",
    "display_source_path",
    "group_rejects",
    "rank_entities",
    "count_mentions_per_day",
    "rank_speakers",
    "count_unattributed_quotes",
    "rank_stories",
    "count_documents_per_source",
    "gather_report",
]

#: Columns the report reads of each table; the rest (article text above all)
#: is never loaded, so a report on a large dataset stays cheap.
REPORT_COLUMNS: Mapping[str, tuple[str, ...]] = {
    "documents": (Documents.doc_id, Documents.source_path, Documents.title, Documents.published_date,
                  Documents.source_name, Documents.url, Documents.n_words),
    "mentions": (Mentions.doc_id, Mentions.entity_id),
    "entities": (Entities.entity_id, Entities.canonical_name, Entities.entity_type, Entities.aliases,
                 Entities.n_mentions, Entities.n_documents),
    "quotes": (Quotes.doc_id, Quotes.start, Quotes.text, Quotes.speaker_name, Quotes.speaker_entity_id),
    "rejects": (Rejects.source_path, Rejects.record_index, Rejects.stage, Rejects.error_code, Rejects.message,
                Rejects.payload),
    "runs": (Runs.run_id, Runs.started_at, Runs.finished_at, Runs.pipeline_version, Runs.inputs_seen,
             Runs.inputs_new, Runs.inputs_changed, Runs.inputs_removed, Runs.inputs_unchanged, Runs.rows_written,
             Runs.rejects),
}
#: The columns a ``stories`` table must have for the report to show it.
STORY_COLUMNS = ("story_id", "n_documents", "label")
#: Shown where a document names no outlet and has no URL.
NO_SOURCE = "(no source given)"


@dataclass(frozen=True)
class ReportTables:
    """The frames a report is made from, and where they came from.

    Attributes:
        version: The snapshot (the id of the run that wrote it).
        frames: The :data:`REPORT_COLUMNS` of each table, plus ``stories``
            when the snapshot has one.
        row_counts: Rows of every table of the snapshot, by name.
    """

    version: str
    frames: Mapping[str, pl.DataFrame]
    row_counts: Mapping[str, int]


@dataclass(frozen=True)
class RejectExample:
    """One rejected input, as the report lists it.

    Attributes:
        source_path: The file, in its printable escaped form (see
            :func:`display_source_path`).
        record_index: The record within the file, or None.
        message: What went wrong.
        payload: An excerpt of the offending input, or None.
    """

    source_path: str
    record_index: int | None
    message: str
    payload: str | None


@dataclass(frozen=True)
class RejectGroup:
    """The rejects that share one error code.

    Attributes:
        error_code: e.g. ``"NF101"``.
        meaning: What the code means (empty for a code this version does not know).
        count: Rejects with the code.
        stages: Stages that refused them, sorted.
        examples: The first few, by file name.
    """

    error_code: str
    meaning: str
    count: int
    stages: tuple[str, ...]
    examples: tuple[RejectExample, ...]


@dataclass(frozen=True)
class QuoteSample:
    """One quote as the report shows it.

    Attributes:
        text: The quote, on one line, shortened.
        article: The title of the article it is from, else its file (escaped).
        published_date: The article's published date, or None.
    """

    text: str
    article: str
    published_date: dt.date | None


@dataclass(frozen=True)
class Speaker:
    """A speaker and what they were quoted saying.

    Attributes:
        name: The entity's canonical name, else the name as resolved in the quote.
        entity_id: The speaker's entity, or None when only a name is known.
        n_quotes: Quotes attributed to the speaker.
        n_documents: Articles quoting the speaker.
        samples: A few distinct quotes, the earliest published first.
    """

    name: str
    entity_id: str | None
    n_quotes: int
    n_documents: int
    samples: tuple[QuoteSample, ...]


@dataclass(frozen=True)
class Report:
    """Everything the report page shows, as plain data."""

    version: str
    runs: pl.DataFrame
    table_rows: pl.DataFrame
    reject_groups: tuple[RejectGroup, ...]
    n_rejects: int
    entities: pl.DataFrame
    mentions_per_day: pl.DataFrame
    speakers: tuple[Speaker, ...]
    unattributed_quotes: int
    stories: pl.DataFrame | None
    sources: pl.DataFrame


def read_report_tables(out: str | Path = "output") -> ReportTables:
    """Read what the report needs from the current snapshot of ``out``.

    Only the :data:`REPORT_COLUMNS` are loaded. A ``stories`` table is read
    when the snapshot has one (whether or not :data:`schemas.TABLES` knows it).

    Raises:
        StoreError: when ``out`` holds no newsfold dataset.
    """
    snapshot = open_dataset(out)
    frames = {name: snapshot.scan_table(name).select(columns).collect()
              for name, columns in REPORT_COLUMNS.items()}
    frames["runs"] = frames["runs"].cast({Runs.started_at: pl.Datetime("us", "UTC"),
                                          Runs.finished_at: pl.Datetime("us", "UTC")})
    names = [*TABLES, *(["stories"] if "stories" not in TABLES else [])]
    row_counts = {}
    for name in names:
        with contextlib.suppress(StoreError):  # a table this snapshot does not have
            row_counts[name] = snapshot.scan_table(name).select(pl.len()).collect().item()
    if "stories" in row_counts:
        frames["stories"] = snapshot.scan_table("stories").collect()
    return ReportTables(version=snapshot.version, frames=frames, row_counts=row_counts)


def count_table_rows(row_counts: Mapping[str, int]) -> pl.DataFrame:
    """Rows per table, in :data:`schemas.TABLES` order, extra tables after.

    Example:
        >>> count_table_rows({"runs": 1, "documents": 2}).rows()
        [('documents', 2), ('runs', 1)]
    """
    order = [name for name in TABLES if name in row_counts] + sorted(set(row_counts) - set(TABLES))
    return pl.DataFrame({"table": order, "rows": [row_counts[name] for name in order]},
                        schema={"table": pl.String, "rows": pl.Int64})


def list_runs(runs: pl.DataFrame) -> pl.DataFrame:
    """The run history, newest first, with each run's duration and documents after it.

    Returns:
        ``run_id, started_at, seconds, documents, inputs_seen, inputs_new,
        inputs_changed, inputs_removed, inputs_unchanged, rejects,
        pipeline_version``; ``documents`` is the documents row count the run
        left (from ``rows_written``).
    """
    documents_after = (
        pl.col(Runs.rows_written).list.eval(
            pl.element().filter(pl.element().struct.field("table") == "documents").struct.field("rows")
        ).list.first()
    )
    return runs.sort(Runs.started_at, descending=True).select(
        Runs.run_id,
        Runs.started_at,
        ((pl.col(Runs.finished_at) - pl.col(Runs.started_at)).dt.total_milliseconds() / 1000).alias("seconds"),
        documents_after.alias("documents"),
        Runs.inputs_seen, Runs.inputs_new, Runs.inputs_changed, Runs.inputs_removed, Runs.inputs_unchanged,
        Runs.rejects,
        Runs.pipeline_version,
    )


def display_source_path(stored: str | None) -> str:
    """A ``source_path`` as the report shows it: printable, one line, lossless.

    Stored paths are already escaped (``\\xNN`` for a byte that is not UTF-8,
    ``\\n`` for a newline; see :mod:`newsfold.paths`), so they are shown as they
    are. A value that still holds a control or format character (a dataset
    written by hand) is escaped the same way, so no name can break a line or
    reorder the text around it.

    Example:
        >>> display_source_path("caf\\\\xe9\\\\nmenu.txt"), display_source_path(None)
        ('caf\\\\xe9\\\\nmenu.txt', '(no file)')
        >>> display_source_path("evil\\u202etxt.exe")
        'evil\\\\u202etxt.exe'
    """
    if stored is None:
        return "(no file)"
    if stored.isprintable():
        return stored
    return "".join(char if char.isprintable() else escape_path(char) for char in stored)


def group_rejects(
    rejects: pl.DataFrame, *, examples_per_code: int = 3, payload_chars: int = 160
) -> tuple[RejectGroup, ...]:
    """Rejects per error code, most frequent first, with a few examples each.

    Args:
        rejects: The ``rejects`` table (at least its :data:`REPORT_COLUMNS`).
        examples_per_code: Examples kept per code, the first by file name and record.
        payload_chars: Payload excerpts are cut to this many characters.

    Example:
        >>> frame = pl.DataFrame({"source_path": ["b.txt", "a.txt"], "record_index": [None, None],
        ...     "stage": ["read", "read"], "error_code": ["NF101", "NF101"], "message": ["empty", "empty"],
        ...     "payload": [None, None]})
        >>> [(g.error_code, g.count, [e.source_path for e in g.examples]) for g in group_rejects(frame)]
        [('NF101', 2, ['a.txt', 'b.txt'])]
    """
    groups = []
    ordered = rejects.sort([Rejects.source_path, Rejects.record_index], nulls_last=True)
    for (code,), rows in ordered.group_by(Rejects.error_code, maintain_order=True):
        examples = tuple(
            RejectExample(
                source_path=display_source_path(row[Rejects.source_path]),
                record_index=row[Rejects.record_index],
                message=row[Rejects.message],
                payload=None if row[Rejects.payload] is None else _shorten(row[Rejects.payload], payload_chars),
            )
            for row in rows.head(examples_per_code).iter_rows(named=True)
        )
        groups.append(RejectGroup(
            error_code=code,
            meaning=_describe_code(code),
            count=rows.height,
            stages=tuple(sorted(set(rows[Rejects.stage]))),
            examples=examples,
        ))
    return tuple(sorted(groups, key=lambda group: (-group.count, group.error_code)))


def _describe_code(code: str) -> str:
    try:
        return ErrorCode(code).describe()
    except ValueError:  # a code from a newer newsfold: show it without a meaning
        return ""


def rank_entities(entities: pl.DataFrame, *, limit: int = 15, spellings: int = 8) -> pl.DataFrame:
    """The most mentioned entities with their most frequent spellings.

    Ties go to the entity found in more articles, then to the name.

    Returns:
        ``entity_id, canonical_name, entity_type, n_mentions, n_documents,
        spellings`` where ``spellings`` is a list of ``{name, count}``, most
        frequent first.

    Example:
        >>> frame = pl.DataFrame({"entity_id": ["Q1", "Q2"], "canonical_name": ["A", "B"],
        ...     "entity_type": ["PER", "LOC"], "n_mentions": [1, 5], "n_documents": [1, 2],
        ...     "aliases": [[{"name": "A", "count": 1, "method": "exact_key", "score": 1.0}],
        ...                 [{"name": "B", "count": 5, "method": "exact_key", "score": 1.0}]]})
        >>> rank_entities(frame)["canonical_name"].to_list()
        ['B', 'A']
    """
    return (
        entities.sort([Entities.n_mentions, Entities.n_documents, Entities.canonical_name],
                      descending=[True, True, False])
        .head(limit)
        .select(
            Entities.entity_id, Entities.canonical_name, Entities.entity_type, Entities.n_mentions,
            Entities.n_documents,
            # aliases are stored most frequent first
            pl.col(Entities.aliases).list.head(spellings).alias("spellings"),
        )
    )


def count_mentions_per_day(mentions: pl.DataFrame, documents: pl.DataFrame, entity_ids: list[str]) -> pl.DataFrame:
    """Mentions of each entity per day, by the published date of the article.

    Mentions in articles without a published date are counted under a null
    date, so nothing is dropped silently; a chart leaves them out and says so.

    Returns:
        ``entity_id, published_date, mentions``, sorted by entity (in the
        order of ``entity_ids``) and date (nulls last).

    Example:
        >>> import datetime as dt
        >>> m = pl.DataFrame({"doc_id": ["d1", "d1", "d2"], "entity_id": ["Q1", "Q1", "Q1"]})
        >>> d = pl.DataFrame({"doc_id": ["d1", "d2"], "published_date": [dt.date(2020, 1, 2), None]})
        >>> count_mentions_per_day(m, d, ["Q1"]).rows()
        [('Q1', datetime.date(2020, 1, 2), 2), ('Q1', None, 1)]
    """
    rank = pl.DataFrame({Mentions.entity_id: entity_ids, "_rank": range(len(entity_ids))},
                        schema={Mentions.entity_id: pl.String, "_rank": pl.Int64})
    return (
        mentions.select(Mentions.doc_id, Mentions.entity_id)
        .join(rank, on=Mentions.entity_id)
        .join(documents.select(Documents.doc_id, Documents.published_date), on=Documents.doc_id, how="left")
        .group_by("_rank", Mentions.entity_id, Documents.published_date)
        .agg(pl.len().cast(pl.Int64).alias("mentions"))
        .sort(["_rank", Documents.published_date], nulls_last=True)
        .drop("_rank")
    )


def rank_speakers(quotes: pl.DataFrame, entities: pl.DataFrame, documents: pl.DataFrame, *, limit: int = 10,
                  samples: int = 3, sample_chars: int = 240) -> tuple[Speaker, ...]:
    """The most quoted speakers, each with a few of their quotes and the articles they are from.

    A speaker is their entity when the quote resolved to one, else the name
    as resolved in the quote; quotes with neither are not ranked (see
    :func:`count_unattributed_quotes`). Ties go to more articles, then the
    name. Samples are distinct quotes, the earliest published first.

    Example:
        >>> q = pl.DataFrame({"doc_id": ["d1", "d1"], "start": [0, 9], "text": ["Hi.", "Bye."],
        ...     "speaker_name": ["Trump", "Trump"], "speaker_entity_id": ["Q22686", "Q22686"]})
        >>> e = pl.DataFrame({"entity_id": ["Q22686"], "canonical_name": ["Donald Trump"]})
        >>> d = pl.DataFrame({"doc_id": ["d1"], "title": ["Rockets"], "source_path": ["a.txt"],
        ...     "published_date": [None]}, schema_overrides={"published_date": pl.Date})
        >>> speaker = rank_speakers(q, e, d)[0]
        >>> speaker.name, speaker.n_quotes, speaker.samples[0]
        ('Donald Trump', 2, QuoteSample(text='Hi.', article='Rockets', published_date=None))
    """
    attributed = (
        quotes.filter(pl.col(Quotes.speaker_entity_id).is_not_null() | pl.col(Quotes.speaker_name).is_not_null())
        .join(entities.select(Entities.entity_id, Entities.canonical_name),
              left_on=Quotes.speaker_entity_id, right_on=Entities.entity_id, how="left")
        .join(documents.select(Documents.doc_id, Documents.title, Documents.source_path, Documents.published_date),
              on=Quotes.doc_id, how="left")
        .with_columns(
            pl.coalesce(Quotes.speaker_entity_id, pl.lit("name:") + pl.col(Quotes.speaker_name)).alias("_key"),
            pl.coalesce(Entities.canonical_name, Quotes.speaker_name).alias("_name"),
        )
        .sort([Documents.published_date, Quotes.doc_id, Quotes.start], nulls_last=True)
    )
    counts = attributed.group_by("_key").agg(
        pl.col("_name").first(),
        pl.col(Quotes.speaker_entity_id).first(),
        pl.len().alias("n_quotes"),
        pl.col(Quotes.doc_id).n_unique().alias("n_documents"),
    )
    firsts = (
        attributed.unique(["_key", Quotes.text], keep="first", maintain_order=True)
        .group_by("_key", maintain_order=True)
        .agg(pl.struct(Quotes.text, Documents.title, Documents.source_path, Documents.published_date)
             .head(samples).alias("samples"))
    )
    ranked = (
        counts.join(firsts, on="_key")
        .sort(["n_quotes", "n_documents", "_name", "_key"], descending=[True, True, False, False])
        .head(limit)
    )
    return tuple(
        Speaker(
            name=row["_name"], entity_id=row[Quotes.speaker_entity_id], n_quotes=row["n_quotes"],
            n_documents=row["n_documents"],
            samples=tuple(
                QuoteSample(
                    text=_shorten(sample[Quotes.text], sample_chars),
                    article=sample[Documents.title] or display_source_path(sample[Documents.source_path]),
                    published_date=sample[Documents.published_date],
                )
                for sample in row["samples"]
            ),
        )
        for row in ranked.iter_rows(named=True)
    )


def count_unattributed_quotes(quotes: pl.DataFrame) -> int:
    """Quotes with neither a speaker entity nor a speaker name."""
    return quotes.filter(pl.col(Quotes.speaker_entity_id).is_null() & pl.col(Quotes.speaker_name).is_null()).height


def rank_stories(stories: pl.DataFrame | None, *, limit: int = 15) -> pl.DataFrame | None:
    """The largest stories (most articles first), or None for a dataset without stories.

    Raises:
        ContractError: when a ``stories`` table lacks a column of :data:`STORY_COLUMNS`.

    Example:
        >>> rank_stories(None) is None
        True
        >>> rank_stories(pl.DataFrame({"story_id": ["s1", "s2"], "n_documents": [2, 7], "label": ["a", "b"]})).rows()
        [('s2', 7, 'b'), ('s1', 2, 'a')]
    """
    if stories is None:
        return None
    missing = [column for column in STORY_COLUMNS if column not in stories.columns]
    if missing:
        raise ContractError(
            f"the stories table has no column {', '.join(missing)}; the report needs {', '.join(STORY_COLUMNS)}"
        )
    return (
        stories.select(STORY_COLUMNS)
        .sort(["n_documents", "label", "story_id"], descending=[True, False, False], nulls_last=True)
        .head(limit)
    )


def count_documents_per_source(documents: pl.DataFrame) -> pl.DataFrame:
    """Documents and words per outlet, most documents first.

    The outlet is ``source_name``; without one, the host of the article's URL
    (``www.`` dropped); without either, ``(no source given)``.

    Returns:
        ``source, documents, words, first_published, last_published``.

    Example:
        >>> d = pl.DataFrame({"source_name": ["BBC", None, None], "url": [None, "https://www.x.org/a", None],
        ...     "n_words": [10, 20, 30], "published_date": [None, None, None]},
        ...     schema_overrides={"published_date": pl.Date})
        >>> count_documents_per_source(d).select("source", "documents").rows()
        [('(no source given)', 1), ('BBC', 1), ('x.org', 1)]
    """
    host = pl.col(Documents.url).str.extract(r"^[A-Za-z][A-Za-z0-9+.-]*://(?:[^@/]*@)?(?i:www\.)?([^/:?#]+)", 1)
    return (
        documents.with_columns(
            pl.coalesce(pl.col(Documents.source_name).str.strip_chars().replace("", None), host.str.to_lowercase(),
                        pl.lit(NO_SOURCE)).alias("source")
        )
        .group_by("source")
        .agg(
            pl.len().cast(pl.Int64).alias("documents"),
            pl.col(Documents.n_words).sum().cast(pl.Int64).alias("words"),
            pl.col(Documents.published_date).min().alias("first_published"),
            pl.col(Documents.published_date).max().alias("last_published"),
        )
        .sort(["documents", "source"], descending=[True, False])
    )


def gather_report(tables: ReportTables, *, top: int = 15, timeline_entities: int = 8) -> Report:
    """Everything the report page shows, from the frames of :func:`read_report_tables`.

    Args:
        tables: The frames and row counts.
        top: Entities, speakers and stories to list.
        timeline_entities: Entities drawn on the timeline (the most mentioned).
    """
    frames = tables.frames
    entities = rank_entities(frames["entities"], limit=top)
    return Report(
        version=tables.version,
        runs=list_runs(frames["runs"]),
        table_rows=count_table_rows(tables.row_counts),
        reject_groups=group_rejects(frames["rejects"]),
        n_rejects=frames["rejects"].height,
        entities=entities,
        mentions_per_day=count_mentions_per_day(
            frames["mentions"], frames["documents"], entities[Entities.entity_id].head(timeline_entities).to_list()
        ),
        speakers=rank_speakers(frames["quotes"], frames["entities"], frames["documents"], limit=top),
        unattributed_quotes=count_unattributed_quotes(frames["quotes"]),
        stories=rank_stories(frames.get("stories"), limit=top),
        sources=count_documents_per_source(frames["documents"]),
    )


def _shorten(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters at most, an ellipsis marking the cut."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
