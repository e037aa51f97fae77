"""Amounts: a number together with the thing it counts.

"eight rockets" is 8 rockets, "over 100 soldiers" about 100 soldiers (the
hedge makes it approximate), "a dozen missiles" 12 missiles (approximate:
a dozen is a round figure). A phrase is a run of number tokens ("twenty
four", "2.5 million", "a dozen") with its hedges in front ("over", "about",
"more than") and, when the parse has one, the noun the number modifies.

Choices, stated once:

* No number, no amount: "several rockets", "dozens of rockets" and
  "hundreds of troops" name no value, and ``amounts.value`` is non-null, so
  they are left out rather than given an invented figure.
* Dates, times, percentages, money and ordinals are other tables' business
  (or none), so numbers inside such spaCy entities are skipped, as are
  thread markers like the "1/" that ends a tweet.
* The object is the lemma of the counted noun ("rocket"); None when the
  number stands alone ("the toll rose to 12").

Example:
    >>> # [(a.value, a.object, a.approximate) for a in extract_amounts(nlp("Iran fired over a dozen missiles."))]
    >>> # [(12.0, 'missile', True)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable

from spacy.tokens import Doc, Token

from newsfold.dates.counts import parse_count
from schemas.amounts import Amounts

__all__ = ["Amount", "extract_amounts", "parse_amount_value", "make_amount_rows"]

_SKIPPED_ENTITIES = {"DATE", "TIME", "PERCENT", "MONEY", "ORDINAL"}
_MULTIPLIERS = {"dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 1_000_000_000_000}
_ROUND_FIGURES = {"dozen"}
_HEDGES = {
    "over", "about", "around", "nearly", "almost", "roughly", "approximately", "some", "more", "than",
    "less", "fewer", "at", "least", "most", "up", "to", "under", "close", "estimated", "upwards", "of",
    "an", "a", "as", "many", "much", "just", "only", "exactly", "precisely",
}
_EXACT_HEDGES = {"exactly", "precisely", "just", "only"}


@dataclass(frozen=True)
class Amount:
    """A number with its object.

    Attributes:
        start: Character offset of the phrase in the article text.
        end: Offset just past it; ``text == doc.text[start:end]``.
        text: The phrase as written, e.g. ``"over 100 soldiers"``.
        value: The number, e.g. ``12.0`` for "a dozen".
        object: Lemma of the counted noun (``"soldier"``), or None.
        approximate: True when hedged ("over", "about") or a round figure ("a dozen").
    """

    start: int
    end: int
    text: str
    value: float
    object: str | None
    approximate: bool


def parse_amount_value(words: list[str]) -> float | None:
    """The value of a run of number words: ``["2.5", "million"]`` -> 2500000.0.

    Args:
        words: Lowercase number tokens, hedges removed ("a" allowed before "dozen").

    Returns:
        The value, or None when the words name no exact number ("dozens").

    Example:
        >>> parse_amount_value(["a", "dozen"])
        12.0
        >>> parse_amount_value(["twenty", "-", "four"])
        24.0
    """
    words = [w for w in words if w not in ("-", "and")]
    if not words:
        return None
    value: float | None = None
    if words[-1] in _MULTIPLIERS and len(words) >= 1:
        head = words[:-1]
        base = 1.0 if not head or head in (["a"], ["an"], ["one"]) else parse_amount_value(head)
        if base is None:
            return None
        return base * _MULTIPLIERS[words[-1]]
    text = " ".join(words)
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?", text):
        return float(text.replace(",", ""))
    value = parse_count(text)
    return None if value is None else float(value)


def _is_number(token: Token) -> bool:
    lower = token.lower_
    if lower in _MULTIPLIERS:
        return True
    if token.like_num and not token.like_url:
        return re.fullmatch(r"[\d,.]+|[a-z]+", lower) is not None
    return False


def _counted_noun(last: Token) -> Token | None:
    """The noun a number modifies: its head for nummod, else the next noun close by."""
    if last.dep_ in ("nummod", "quantmod", "compound") and last.head.pos_ in ("NOUN", "PROPN") and last.head.i > last.i:
        return last.head
    for token in last.doc[last.i + 1 : last.i + 4]:
        if token.pos_ == "NOUN":
            return token
        if token.pos_ not in ("ADJ", "PROPN", "NUM", "ADV") and token.text != "-":
            return None
    return None


def extract_amounts(doc: Doc) -> list[Amount]:
    """Numbers with the things they count, in text order, non-overlapping.

    Args:
        doc: A parsed article (tags, dependencies, entities, lemmas).

    Returns:
        One :class:`Amount` per number phrase with a definite value.
    """
    amounts: list[Amount] = []
    i = 0
    while i < len(doc):
        token = doc[i]
        if not _is_number(token) or token.ent_type_ in _SKIPPED_ENTITIES or token.lower_ in _MULTIPLIERS and token.lower_.endswith("s"):
            i += 1
            continue
        end = i + 1
        while end < len(doc) and (_is_number(doc[end]) or (doc[end].text == "-" and end + 1 < len(doc) and _is_number(doc[end + 1]))):
            end += 1
        found = _make_amount(doc, i, end)
        if found is not None:
            amounts.append(found)
            i = max(end, doc.char_span(found.start, found.end, alignment_mode="expand").end)
        else:
            i = end
    return amounts


def _make_amount(doc: Doc, start: int, end: int) -> Amount | None:
    neighbours = doc[max(start - 1, 0) : min(end + 1, len(doc))].text
    if "/" in neighbours or doc[end - 1].ent_type_ in _SKIPPED_ENTITIES:
        return None  # "1/" thread markers, "9/11", fractions
    if end < len(doc) and doc[end].lower_ in ("%", "percent", "per", "am", "pm", "a.m.", "p.m."):
        return None
    words = [t.lower_ for t in doc[start:end]]
    first = start
    while first > 0 and doc[first - 1].lower_ in _HEDGES and first > start - 4:
        first -= 1
    hedges = [t.lower_ for t in doc[first:start]]
    if hedges and hedges[-1] in ("a", "an") and words[0] in _MULTIPLIERS:
        words = [hedges[-1]] + words
    while first < start and doc[first].lower_ in ("of", "to", "as", "a", "an") and doc[first].lower_ not in hedges[-1:]:
        first += 1
    value = parse_amount_value(words)
    if value is None:
        return None
    noun = _counted_noun(doc[end - 1])
    stop = noun.i + 1 if noun is not None else end
    span = doc[first:stop]
    hedge_words = {t.lower_ for t in doc[first:start]} - {"a", "an", "of"}
    approximate = bool(hedge_words - _EXACT_HEDGES) or any(w in _ROUND_FIGURES for w in words)
    return Amount(
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        value=value,
        object=noun.lemma_.lower() if noun is not None else None,
        approximate=approximate,
    )


def make_amount_rows(doc_id: str, amounts: Iterable[Amount]) -> list[dict[str, Any]]:
    """Rows for ``schemas.frame_from_rows(Amounts, rows)``, one per amount.

    Args:
        doc_id: The article's ``documents.doc_id``.
        amounts: Output of :func:`extract_amounts`.

    Returns:
        Dicts keyed by the Amounts model's column names.
    """
    return [
        {
            Amounts.doc_id: doc_id,
            Amounts.start: a.start,
            Amounts.end: a.end,
            Amounts.text: a.text,
            Amounts.value: a.value,
            Amounts.object: a.object,
            Amounts.approximate: a.approximate,
        }
        for a in amounts
    ]
