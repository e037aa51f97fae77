"""Extract and normalise the temporal expressions of one parsed article.

Example:
    >>> # [m.value for m in extract_dates(nlp("The embassy was hit on Sunday."), dt.date(2020, 12, 24))]
    >>> # ['2020-12-20']
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc, Span

from newsfold.dates.detect import find_candidates, is_explicit
from newsfold.dates.mention import DateMention
from newsfold.dates.normalise import Context, Timex, normalise_timex
from newsfold.dates.tense import find_tense

__all__ = ["extract_dates", "is_period_head"]


def extract_dates(doc: Doc, anchor_date: dt.date | None) -> list[DateMention]:
    """Temporal expressions of one parsed article, normalised against ``anchor_date``.

    Relative expressions ("Sunday", "last month") are resolved against
    ``anchor_date`` and the tense of their clause; narrative shifts ("days
    later") against the last explicit day mentioned before them.

    Args:
        doc: The article parsed by the pipeline's spaCy model.
        anchor_date: The publication date, or None (relative expressions
            then keep a null value).

    Returns:
        Mentions in text order, non-overlapping. Never raises: an expression
        no rule understands keeps ``value=None``.
    """
    mentions: list[DateMention] = []
    reference: dt.date | None = None
    # Financial reports speak of quarters across sentences: "a year ago" then means the quarter.
    quarter_document = doc.text.lower().count("quarter") >= 2
    for span in find_candidates(doc):
        parsed = doc.has_annotation("DEP")
        has_sentences = parsed or doc.has_annotation("SENT_START")
        sentence = span.sent.text.lower() if has_sentences else doc.text.lower()
        context = Context(
            anchor=anchor_date,
            tense=find_tense(span) if parsed else None,
            reference=reference,
            quarter_hint="quarter" in sentence or quarter_document,
        )
        timex = normalise_timex(span.text, context)
        if timex is not None and is_period_head(span):
            timex = Timex("P1Y", "duration") if timex.granularity == "year" else timex
        if timex is None and not is_explicit(span.text):
            continue  # "the night", "annual": the NER's guess, not an expression we can stand by
        if timex is not None and timex.resolved_date is not None and timex.granularity == "day":
            reference = timex.resolved_date
        mentions.append(
            DateMention(
                start=span.start_char,
                end=span.end_char,
                text=span.text,
                value=None if timex is None else timex.value,
                resolved_date=None if timex is None else timex.resolved_date,
                granularity=None if timex is None else timex.granularity,
                anchor_date=anchor_date,
                quant=None if timex is None else timex.quant,
                freq=None if timex is None else timex.freq,
            )
        )
    return mentions


def is_period_head(span: Span) -> bool:
    """True for "the year" in "the year ended March 31": a span of time, not a date."""
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    return nxt is not None and nxt.lower_ in ("ended", "ending") and span[-1].lower_ == "year"
