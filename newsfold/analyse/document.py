"""Rows for every per-article table from one spaCy parse.

``analyse_parsed`` is the single place where a parsed article becomes table
rows: sentences, mentions (not yet linked to entities), quotes (speakers not
yet linked), dates, amounts, and the publication date when the input had none.

Example:
    >>> from newsfold.analyse import load_model
    >>> nlp = load_model()  # doctest: +SKIP
    >>> request = AnalysisRequest("doc_0123456789abcdef", "Iran fired rockets.", None)
    >>> analyse_parsed(nlp(request.text), request).mentions[0]["text"]  # doctest: +SKIP
    'Iran'
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from newsfold.amounts import extract_amounts, make_amount_rows
from newsfold.dates import extract_dates, infer_published_date, make_date_rows
from newsfold.ids import make_span_id
from newsfold.quotes import extract_quotes
from schemas import Mentions, Quotes, Sentences, polars_schema
from schemas.mentions import MENTION_LABELS

__all__ = ["AnalysisRequest", "DocAnalysis", "analyse_parsed"]

_MENTION_LABELS = frozenset(MENTION_LABELS)


@dataclass(frozen=True)
class AnalysisRequest:
    """What the analysis needs to know about one article.

    Attributes:
        doc_id: The article's id (``documents.doc_id``).
        text: ``documents.text``; every offset produced indexes it.
        published_date: Date from the header or metadata, if any; relative
            dates are resolved against it (or against the inferred date).
    """

    doc_id: str
    text: str
    published_date: dt.date | None


@dataclass(frozen=True)
class DocAnalysis:
    """Rows for one article, as dicts keyed by schema column names.

    Attributes:
        doc_id: The article.
        n_words: Word tokens (no punctuation, no whitespace).
        published_date: The header date, else the date inferred from content.
        published_date_source: Set only when the date was inferred here.
        sentences, mentions, quotes, dates, amounts: Table rows.
    """

    doc_id: str
    n_words: int
    published_date: dt.date | None
    published_date_source: str | None
    sentences: list[dict[str, Any]] = field(default_factory=list)
    mentions: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    dates: list[dict[str, Any]] = field(default_factory=list)
    amounts: list[dict[str, Any]] = field(default_factory=list)


def analyse_parsed(doc, request: AnalysisRequest) -> DocAnalysis:
    """Turn the spaCy parse of ``request.text`` into table rows.

    Args:
        doc: ``nlp(request.text)`` from the English pipeline.
        request: The article being analysed.

    Returns:
        The article's rows; offsets index ``request.text``.
    """
    sentences = _sentence_rows(doc, request.doc_id)
    sentence_starts = [row["start"] for row in sentences]
    mentions = _mention_rows(doc, request.doc_id, sentence_starts)

    published_date, date_source = request.published_date, None
    if published_date is None:
        inferred = infer_published_date(doc)
        if inferred is not None:
            published_date, date_source = inferred

    return DocAnalysis(
        doc_id=request.doc_id,
        n_words=sum(1 for token in doc if not (token.is_punct or token.is_space)),
        published_date=published_date,
        published_date_source=date_source,
        sentences=sentences,
        mentions=mentions,
        quotes=_quote_rows(doc, request.doc_id, mentions),
        dates=make_date_rows(request.doc_id, extract_dates(doc, published_date)),
        amounts=make_amount_rows(request.doc_id, extract_amounts(doc)),
    )


def _sentence_rows(doc, doc_id: str) -> list[dict[str, Any]]:
    """Sentences trimmed of surrounding whitespace; blank ones are skipped."""
    rows = []
    text = doc.text
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end:
            continue
        rows.append(
            {
                Sentences.doc_id: doc_id,
                Sentences.sentence_index: len(rows),
                Sentences.start: start,
                Sentences.end: end,
                Sentences.text: text[start:end],
            }
        )
    return rows


def _mention_rows(doc, doc_id: str, sentence_starts: list[int]) -> list[dict[str, Any]]:
    rows = []
    for ent in doc.ents:
        if ent.label_ not in _MENTION_LABELS or not ent.text.strip():
            continue
        rows.append(
            {
                Mentions.doc_id: doc_id,
                Mentions.mention_id: make_span_id("men", doc_id, ent.start_char, ent.end_char),
                Mentions.sentence_index: max(bisect.bisect_right(sentence_starts, ent.start_char) - 1, 0),
                Mentions.start: ent.start_char,
                Mentions.end: ent.end_char,
                Mentions.text: ent.text,
                Mentions.label: ent.label_,
            }
        )
    return rows


def _quote_rows(doc, doc_id: str, mentions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Quotes, each speaker tied to the mention its named span falls in."""
    mention_at = {(m[Mentions.start], m[Mentions.end]): m for m in mentions}
    mention_starts = sorted((m[Mentions.start], m[Mentions.end], m[Mentions.mention_id]) for m in mentions)
    columns = polars_schema(Quotes)
    rows = []
    for quote in extract_quotes(doc):
        row = {name: value for name, value in dataclasses.asdict(quote).items() if name in columns}
        row[Quotes.doc_id] = doc_id
        row[Quotes.quote_id] = make_span_id("quo", doc_id, quote.start, quote.end)
        row[Quotes.speaker_mention_id] = _mention_covering(
            quote.speaker_name_start, quote.speaker_name_end, mention_at, mention_starts
        )
        rows.append(row)
    return rows


def _mention_covering(start, end, mention_at, mention_starts) -> str | None:
    if start is None or end is None:
        return None
    exact = mention_at.get((start, end))
    if exact is not None:
        return exact[Mentions.mention_id]
    for m_start, m_end, mention_id in mention_starts:
        if m_start <= start and end <= m_end:
            return mention_id
    return None

