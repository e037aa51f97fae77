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
from newsfold.analyse.spans import repair_span
from newsfold.dates import extract_dates, infer_published_date, make_date_rows
from newsfold.ids import make_span_id
from newsfold.quotes import extract_quotes
from schemas import Mentions, Quotes, Sentences, polars_schema
from schemas.mentions import MENTION_LABELS

__all__ = ["AnalysisRequest", "DocAnalysis", "analyse_parsed", "shift_analysis"]

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


#: Columns holding an offset into documents.text, per table.
_OFFSET_COLUMNS = {
    "sentences": (Sentences.start, Sentences.end),
    "mentions": (Mentions.start, Mentions.end),
    "quotes": (Quotes.start, Quotes.end, Quotes.speaker_start, Quotes.speaker_end),
    "dates": ("start", "end"),
    "amounts": ("start", "end"),
}


def shift_analysis(analysis: DocAnalysis, offset: int, first_sentence: int) -> DocAnalysis:
    """The rows of a section of an article, moved to where the section lies in the whole text.

    A long article is analysed section by section (each section on its own,
    so the work depends on the section, not the article); this turns a
    section's rows into rows of the article: every offset moves by
    ``offset``, sentence numbers by ``first_sentence``, and the ids made
    from offsets (mentions, quotes, a quote's speaker mention) are made again.

    Args:
        analysis: Rows of the section, offsets into the section's text.
        offset: Where the section starts in the article's text.
        first_sentence: Sentences of the article before the section.

    Example:
        >>> section = DocAnalysis("doc_0123456789abcdef", 1, None, None,
        ...     sentences=[{"doc_id": "doc_0123456789abcdef", "sentence_index": 0, "start": 0, "end": 5, "text": "Iran."}])
        >>> shift_analysis(section, 100, 7).sentences[0]
        {'doc_id': 'doc_0123456789abcdef', 'sentence_index': 7, 'start': 100, 'end': 105, 'text': 'Iran.'}
    """
    if offset == 0 and first_sentence == 0:
        return analysis
    doc_id = analysis.doc_id

    def moved(table: str, row: dict[str, Any]) -> dict[str, Any]:
        row = dict(row)
        for column in _OFFSET_COLUMNS[table]:
            if row.get(column) is not None:
                row[column] += offset
        if "sentence_index" in row:
            row["sentence_index"] += first_sentence
        return row

    mentions, new_mention_ids = [], {}
    for row in analysis.mentions:
        shifted = moved("mentions", row)
        shifted[Mentions.mention_id] = make_span_id("men", doc_id, shifted[Mentions.start], shifted[Mentions.end])
        new_mention_ids[row[Mentions.mention_id]] = shifted[Mentions.mention_id]
        mentions.append(shifted)
    quotes = []
    for row in analysis.quotes:
        shifted = moved("quotes", row)
        shifted[Quotes.quote_id] = make_span_id("quo", doc_id, shifted[Quotes.start], shifted[Quotes.end])
        if shifted.get(Quotes.speaker_mention_id) is not None:
            shifted[Quotes.speaker_mention_id] = new_mention_ids[shifted[Quotes.speaker_mention_id]]
        quotes.append(shifted)
    return dataclasses.replace(
        analysis,
        sentences=[moved("sentences", row) for row in analysis.sentences],
        mentions=mentions,
        quotes=quotes,
        dates=[moved("dates", row) for row in analysis.dates],
        amounts=[moved("amounts", row) for row in analysis.amounts],
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
    """Mentions from spaCy's entities, each repaired first (:mod:`newsfold.analyse.spans`).

    A repaired span lies inside its entity and entities never overlap, so
    mentions never overlap either; ids come from the repaired offsets.
    """
    rows = []
    text = doc.text
    for ent in doc.ents:
        if ent.label_ not in _MENTION_LABELS:
            continue
        for span in repair_span(text, ent.start_char, ent.end_char, ent.label_):
            if span.label not in _MENTION_LABELS:
                continue
            rows.append(
                {
                    Mentions.doc_id: doc_id,
                    Mentions.mention_id: make_span_id("men", doc_id, span.start, span.end),
                    Mentions.sentence_index: max(bisect.bisect_right(sentence_starts, span.start) - 1, 0),
                    Mentions.start: span.start,
                    Mentions.end: span.end,
                    Mentions.text: text[span.start : span.end],
                    Mentions.label: span.label,
                }
            )
    return rows


def _quote_rows(doc, doc_id: str, mentions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Quotes, each speaker tied to the mention its named span holds.

    The speaker's named span is spaCy's entity before repair, so it may hold
    two mentions ("Kremlin spokesman Dmitry Peskov": ORG + PERSON); the one
    with the speaker's label is taken, and the speaker's name is repaired
    the same way.
    """
    columns = polars_schema(Quotes)
    rows = []
    for quote in extract_quotes(doc):
        row = {name: value for name, value in dataclasses.asdict(quote).items() if name in columns}
        row[Quotes.doc_id] = doc_id
        row[Quotes.quote_id] = make_span_id("quo", doc_id, quote.start, quote.end)
        row[Quotes.speaker_mention_id] = _mention_covering(
            quote.speaker_name_start, quote.speaker_name_end, quote.speaker_label, mentions
        )
        if quote.speaker_name:
            row[Quotes.speaker_name] = _repair_name(quote.speaker_name, quote.speaker_label)
        rows.append(row)
    return rows


def _mention_covering(start, end, label, mentions: list[dict[str, Any]]) -> str | None:
    """The mention a speaker's named span ``[start, end)`` resolves to.

    A mention that covers the span wins (the smallest); else, among the
    mentions inside or overlapping it, one with the speaker's label, then the
    widest overlap, then the last (the head of an English noun phrase).
    """
    if start is None or end is None:
        return None
    covering = [m for m in mentions if m[Mentions.start] <= start and end <= m[Mentions.end]]
    if covering:
        return min(covering, key=lambda m: (m[Mentions.end] - m[Mentions.start], m[Mentions.start]))[Mentions.mention_id]
    overlapping = [m for m in mentions if m[Mentions.start] < end and start < m[Mentions.end]]
    if not overlapping:
        return None
    best = max(
        overlapping,
        key=lambda m: (
            m[Mentions.label] == label,
            min(end, m[Mentions.end]) - max(start, m[Mentions.start]),
            m[Mentions.start],
        ),
    )
    return best[Mentions.mention_id]


def _repair_name(name: str, label: str | None) -> str:
    """A speaker's name without a glued role or organisation ("Kremlin spokesman Dmitry Peskov")."""
    spans = repair_span(name, 0, len(name), label or "PERSON")
    if not spans:
        return name
    chosen = next((s for s in reversed(spans) if s.label == label), spans[-1])
    return name[chosen.start : chosen.end]
