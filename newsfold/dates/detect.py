"""Find the spans of an article that may be temporal expressions.

Candidates come from spaCy's DATE and TIME entities (and QUANTITY entities
measured in a unit of time: "5 1/2 hours"), trimmed of words
TIMEX3 leaves outside ("'s", trailing punctuation), plus a short list of
expressions the statistical NER often misses ("now", "recently", bare
weekday names, "Sept. 30"). Spans never overlap and come in text order.

Example:
    >>> # [span.text for span in find_candidates(nlp("He left on Sunday, now gone."))]
    >>> # ['Sunday', 'now']
"""

from __future__ import annotations

import functools
import re

from spacy.tokens import Doc, Span

from newsfold.dates.lexicon import load_lexicon

__all__ = ["find_candidates", "split_span", "trim_span", "is_explicit"]

_LABELS = {"DATE", "TIME"}
# Measured on TempEval-3: each is a gold timex in more than half of its uses
# ("previously", "soon", "already", bare "future" are not, so they stay out).
_EXTRA_WORDS = [
    "now", "currently", "current", "recently", "recent", "today", "yesterday", "tomorrow",
    "tonight", "lately", "the future", "the past", "nowadays", "daily", "every day",
]
# Words that split one spaCy entity into two expressions: "the quarter ended Sept. 30".
_SPLITTERS = {"ended", "ending", "through", "thru"}
# Words that split an entity when both sides are dates: "1994 and 1997", "Aug. 26 to Oct. 20".
_COORDINATORS = {"and", "to", "or"}
# Leading words TIMEX3 leaves outside the extent.
_LEADING_WORDS = {"about", "almost", "only", "nearly", "approximately", "roughly", "around", "just", "between"}
_NOT_TIMEX = re.compile(
    r"(?:\d{1,3}|an?|\w+)[- ]years?[- ]old|aged? \d+|\d{1,3}|quarterly|annual|seasonally|the \w+ consecutive \w+",
    re.IGNORECASE,
)
_TRAILING = {"'s", "\u2019s", ",", ".", ";", ":", "-", "--", "(", ")", "\"", "'"}
_LEADING = {"(", "\"", "'", "-", ",", "--"}


@functools.lru_cache(maxsize=1)
def _extra_pattern() -> re.Pattern:
    lex = load_lexicon()
    weekday = "|".join(sorted((w for w in lex.weekdays if len(w) > 4), key=len, reverse=True))
    month = "|".join(sorted((m for m in lex.months if m != "may"), key=len, reverse=True))
    words = "|".join(re.escape(w) for w in sorted(_EXTRA_WORDS, key=len, reverse=True))
    return re.compile(
        rf"\b(?:(?:{month})\.? \d{{1,2}}(?:, \d{{4}})?|(?:{weekday})(?: (?:morning|afternoon|evening|night))?|{words}"
        rf"|{_FREQUENCY}|(?:that|that same|the same|the next|the following) (?:morning|afternoon|evening|night)"
        r"|FY ?'?\d{2}(?:\d{2})?|Q[1-4](?: \d{4})?)\b",
        re.IGNORECASE,
    )


# "twice a week", "three times a year": spaCy tags none of it, or only "a week".
_FREQUENCY = r"(?:once|twice|thrice|(?:\d+|two|three|four|five|six|seven|eight|nine|ten) times) (?:a|an|per|each|every) (?:second|minute|hour|day|night|week|month|quarter|year)"
# Words before a candidate that make it a set: "every Monday" (spaCy tags "Monday").
_SET_WORDS = {"every", "each"}


def split_span(span: Span) -> list[Span]:
    """Split an entity at "ended", "ending", "through": two expressions, not one.

    Example:
        >>> # split_span(ent "the quarter ended Sept. 30") -> ["the quarter", "Sept. 30"]
    """
    pieces, start = [], span.start
    for token in span:
        split = token.lower_ in _SPLITTERS or (
            token.lower_ in _COORDINATORS
            and token.i > start
            and is_explicit(span.doc[start:token.i].text)
            and is_explicit(span.doc[token.i + 1:span.end].text)
            and not _is_range(span.doc[start:token.i], span.doc[token.i + 1:span.end])
        )
        if split:
            if token.i > start:
                pieces.append(Span(span.doc, start, token.i, label=span.label_))
            start = token.i + 1
    if start < span.end:
        pieces.append(Span(span.doc, start, span.end, label=span.label_))
    return pieces


def _is_range(left: Span, right: Span) -> bool:
    """"12 to 18 months": a number before the coordinator, a counted unit after it."""
    return len(left) > 0 and left[-1].like_num and not re.fullmatch(r"1\d{3}|20\d{2}", left[-1].text) and (
        right[-1].lower_.rstrip("s") in load_lexicon().units
    )


def trim_span(span: Span) -> Span | None:
    """``span`` without leading/trailing punctuation, hedges and possessive 's; None if nothing is left."""
    start, end = span.start, span.end
    while start < end and (
        span.doc[start].text in _LEADING or span.doc[start].is_space or span.doc[start].lower_ in _LEADING_WORDS
    ):
        start += 1
    while end > start and (span.doc[end - 1].text in _TRAILING or span.doc[end - 1].is_space):
        end -= 1
    return Span(span.doc, start, end, label=span.label_) if end > start else None


def _is_time_quantity(ent: Span) -> bool:
    """A QUANTITY entity measured in a unit of time ("about 5 1/2 hours"), which spaCy does not call TIME."""
    return ent.label_ == "QUANTITY" and ent[-1].lower_ in _time_units()


@functools.lru_cache(maxsize=1)
def _time_units() -> frozenset[str]:
    units = load_lexicon().units
    return frozenset(list(units) + [f"{unit}s" for unit in units] + ["centuries"])


def find_candidates(doc: Doc) -> list[Span]:
    """Candidate temporal expressions of ``doc``, in text order, non-overlapping.

    Args:
        doc: A spaCy Doc with entities (``doc.ents``).

    Returns:
        Token-aligned spans.
    """
    taken = [False] * len(doc)
    spans: list[Span] = []
    for ent in doc.ents:
        if ent.label_ not in _LABELS and not _is_time_quantity(ent):
            continue
        for piece in split_span(ent):
            trimmed = trim_span(piece)
            if trimmed is None or _NOT_TIMEX.fullmatch(trimmed.text):
                continue
            trimmed = extend_to_set_word(trimmed)
            spans.append(trimmed)
            for i in range(trimmed.start, trimmed.end):
                taken[i] = True
    for match in _extra_pattern().finditer(doc.text):
        span = doc.char_span(match.start(), match.end(), alignment_mode="contract")
        if span is None or len(span) == 0:
            continue
        if re.fullmatch(_FREQUENCY, span.text, re.IGNORECASE):
            # "twice a week" replaces the "a week" spaCy may have tagged inside it
            inside = [s for s in spans if span.start <= s.start and s.end <= span.end]
            if inside and not any(taken[i] for i in range(span.start, span.end) if not any(s.start <= i < s.end for s in inside)):
                spans = [s for s in spans if s not in inside]
                for i in range(span.start, span.end):
                    taken[i] = False
        if any(taken[i] for i in range(span.start, span.end)):
            continue
        if _is_not_temporal(span):
            continue
        spans.append(span)
        for i in range(span.start, span.end):
            taken[i] = True
    return merge_clock_spans(sorted(spans, key=lambda s: s.start))


def merge_clock_spans(spans: list[Span]) -> list[Span]:
    """Join a clock time and the day right after it: "9 a.m." + "Tuesday" -> "9 a.m. Tuesday".

    Args:
        spans: Candidates in text order.

    Returns:
        The candidates, with each TIME span followed only by spaces, commas
        or "on" before a DATE span merged with it. A lone part of the day
        right after a DATE ("Friday" + "morning", split so by spaCy) is
        dropped: the day is the expression. On the dev part (AQUAINT) the
        annotators marked the day alone in 9 such cases and "Friday
        morning" as one time in 5; merging cost 0.005 value accuracy,
        keeping the part as its own expression 15 false extents.
    """
    merged: list[Span] = []
    parts = load_lexicon().day_parts
    for span in spans:
        if merged and merged[-1].label_ == "TIME" and span.label_ != "TIME":
            gap = span.doc[merged[-1].end:span.start]
            if all(t.is_space or t.text in (",", "on", "(") for t in gap) and len(gap) <= 2:
                merged[-1] = span.doc[merged[-1].start:span.end]
                continue
        if merged and merged[-1].label_ == "DATE" and span.start == merged[-1].end and span.text.lower() in parts:
            continue
        merged.append(span)
    return merged


def extend_to_set_word(span: Span) -> Span:
    """"Monday" after "every" or "each" becomes "every Monday": the word makes it a set.

    Example:
        >>> # extend_to_set_word(ent "Monday" in "meets every Monday") -> "every Monday"
    """
    before = span.doc[span.start - 1] if span.start > 0 else None
    if before is None or before.lower_ not in _SET_WORDS or span[0].lower_ in _SET_WORDS:
        return span
    return Span(span.doc, span.start - 1, span.end, label=span.label_)


def is_explicit(text: str) -> bool:
    """True when ``text`` holds a digit, a month or a weekday name: a date even if no rule reads it.

    Example:
        >>> is_explicit("the night"), is_explicit("the week of March 6")
        (False, True)
    """
    lex = load_lexicon()
    words = re.findall(r"[a-z]+", text.lower())
    return any(c.isdigit() for c in text) or any(w in lex.months or w in lex.weekdays for w in words if len(w) > 2)


def _is_not_temporal(span: Span) -> bool:
    # "the future of Iraq", "the past few days" belong to larger phrases or are not times.
    first = span[0]
    if first.lower_ in ("now", "today") and first.i + 1 < len(span.doc) and span.doc[first.i + 1].lower_ in ("that", "-"):
        return True
    last = span[-1]
    nxt = span.doc[last.i + 1] if last.i + 1 < len(span.doc) else None
    if span.text.lower() in ("the future", "the past") and nxt is not None and nxt.lower_ in ("of", "few", "two", "three", "several"):
        return True
    return False
