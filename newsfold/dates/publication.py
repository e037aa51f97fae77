"""Date an article that came without a header or metadata date.

Three kinds of evidence, strongest first:

* ``content_post_id``: a cited tweet's status id. Twitter "snowflake" ids
  carry their creation time: ``(id >> 22)`` milliseconds after
  2010-11-04T01:42:54.657Z. An article cannot predate what it quotes.
* ``content_latest_date``: the latest explicit full date (day, month, year)
  outside future-tense clauses.
* ``content_weekday``: that latest date moved forward to the nearest weekday
  the article names in a past-tense clause (a story dated Sunday the 20th
  that says "on Wednesday, Trump tweeted" was written on Wednesday the 23rd
  at the earliest).

Example:
    >>> decode_post_id(1341862955604975617)
    datetime.date(2020, 12, 23)
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc

from newsfold.dates.extract import extract_dates
from newsfold.dates.lexicon import load_lexicon

__all__ = ["decode_post_id", "infer_published_date", "find_post_dates"]

_SNOWFLAKE_EPOCH_MS = 1288834974657
_POST_URL = re.compile(r"\b(?:twitter|x)\.com/(?:#!/)?\w+/status(?:es)?/(\d{15,20})\b", re.IGNORECASE)
_MIN_SNOWFLAKE = 1 << 42  # smaller ids predate the snowflake scheme and carry no time


def decode_post_id(post_id: int) -> dt.date | None:
    """UTC creation date of a tweet from its snowflake status id.

    Args:
        post_id: The numeric status id from a tweet URL.

    Returns:
        The date, or None for ids that carry no timestamp (pre-2010 ids).
    """
    if post_id < _MIN_SNOWFLAKE or post_id >= 1 << 63:
        return None
    millis = (post_id >> 22) + _SNOWFLAKE_EPOCH_MS
    return dt.datetime.fromtimestamp(millis / 1000, tz=dt.timezone.utc).date()


def find_post_dates(text: str) -> list[dt.date]:
    """Creation dates of every tweet URL cited in ``text``, in text order."""
    dates = [decode_post_id(int(match[1])) for match in _POST_URL.finditer(text)]
    return [found for found in dates if found is not None]


def infer_published_date(doc: Doc) -> tuple[dt.date, str] | None:
    """Infer an article's publication date from its content.

    Args:
        doc: The article parsed by the pipeline's spaCy model.

    Returns:
        ``(date, source)`` with source ``"content_post_id"``,
        ``"content_latest_date"`` or ``"content_weekday"``; None when nothing
        in the text supports a date. The later of the post-id date and the
        latest full date wins (an article is written after what it cites).
    """
    post_dates = find_post_dates(doc.text)
    mentions = extract_dates(doc, anchor_date=None)
    full_dates = [
        m.resolved_date
        for m in mentions
        if m.granularity == "day" and m.resolved_date is not None and not _is_future(doc, m.start, m.end)
    ]
    latest_post = max(post_dates, default=None)
    latest_full = max(full_dates, default=None)
    if latest_full is None and latest_post is None:
        return None
    if latest_full is None or (latest_post is not None and latest_post >= latest_full):
        return latest_post, "content_post_id"
    advance = _weekday_advance(doc, mentions, latest_full)
    if advance:
        return latest_full + dt.timedelta(days=advance), "content_weekday"
    return latest_full, "content_latest_date"


def _is_future(doc: Doc, start: int, end: int) -> bool:
    from newsfold.dates.tense import find_tense

    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and doc.has_annotation("DEP") and find_tense(span) == "future"


def _weekday_advance(doc: Doc, mentions, base: dt.date) -> int:
    """Fewest days after ``base`` to reach a weekday named alone in a non-future clause."""
    from newsfold.dates.tense import find_tense

    weekdays = load_lexicon().weekdays
    advances = []
    for mention in mentions:
        words = mention.text.lower().split()
        if not words or words[-1] not in weekdays or len(words) > 2:
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and doc.has_annotation("DEP") and find_tense(span) == "future":
            continue
        advance = (weekdays[words[-1]] - base.isoweekday()) % 7
        if advance:
            advances.append(advance)
    return min(advances, default=0)
