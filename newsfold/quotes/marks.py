"""Pair quotation marks into quoted spans, tolerating stray marks.

Straight (``"``), curly (“ ”), angle (« ») and ASCII-art (two single quotes
``''`` or two backticks, as in LDC and LaTeX-era wire text) marks are paired;
a straight mark's direction comes from its neighbours. A quotation may run over several
paragraphs when, as newspapers do, it leaves a paragraph unclosed and the next
paragraph opens with a quote mark again. A mark that cannot be paired (an
opening mark with no closing one in its paragraph, a closing mark with nothing
open) is skipped on its own, so it never costs the document its other quotes.

Example:
    >>> text = 'He said "we won" and left.'
    >>> [text[s.start:s.end] for s in find_quote_spans(text)]
    ['we won']
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["QuoteSpan", "find_quote_spans", "OPENING_MARKS", "CLOSING_MARKS"]

OPENING_MARKS = frozenset("“«„‟")
CLOSING_MARKS = frozenset("”»")
_STRAIGHT = '"'
_DOUBLE_SINGLE = "''"
_DOUBLE_BACKTICK = "``"
_OPENERS_BEFORE = frozenset("([{—–-/:")
_CLOSERS_AFTER = frozenset(".,;:!?)]}—–-…")


@dataclass(frozen=True)
class QuoteSpan:
    """The content of one quotation: ``text[start:end]``, inside its marks.

    Attributes:
        start: Offset of the first character of the content (whitespace trimmed).
        end: Offset just past the content.
        open_mark: Offset of the opening mark.
        close_mark: Offset of the closing mark, or ``None`` when the quotation
            was cut by the end of the text.
    """

    start: int
    end: int
    open_mark: int
    close_mark: int | None


def _mark_width(text: str, i: int) -> int:
    """Length of the quote mark at ``text[i]`` (0 when there is none)."""
    pair = text[i : i + 2]
    if pair in (_DOUBLE_SINGLE, _DOUBLE_BACKTICK):
        return 2
    char = text[i]
    return 1 if char == _STRAIGHT or char in OPENING_MARKS or char in CLOSING_MARKS else 0


def _direction(text: str, i: int) -> str:
    """'open', 'close' or 'either' for the mark at ``text[i]``, by glyph then context."""
    width = _mark_width(text, i)
    if text[i : i + 2] == _DOUBLE_BACKTICK:
        return "open"
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    looks_open = (before.isspace() or before in _OPENERS_BEFORE) and not after.isspace()
    looks_close = not before.isspace() and (after.isspace() or after in _CLOSERS_AFTER or after in "\"'’")
    char = text[i]
    if char in OPENING_MARKS:
        # a curly opening glyph glued to the previous word and followed by a
        # space is a mis-typed closing mark
        return "close" if looks_close and not looks_open else "open"
    if char in CLOSING_MARKS:
        return "open" if looks_open and not looks_close and after.isalnum() else "close"
    if looks_open and not looks_close:
        return "open"
    if looks_close and not looks_open:
        return "close"
    return "either"


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _next_paragraph_opens(text: str, newline: int) -> int | None:
    """Offset of an opening mark that starts the paragraph after ``newline``, if any."""
    j = newline
    while j < len(text) and text[j].isspace():
        j += 1
    if j < len(text) and _mark_width(text, j) and _direction(text, j) != "close":
        return j
    return None


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Find quoted spans in ``text``, in order, skipping unpaired marks.

    Args:
        text: Article text.

    Returns:
        One :class:`QuoteSpan` per paired quotation with non-empty content.

    Example:
        >>> [s.start for s in find_quote_spans('a “b” c')]
        [3]
    """
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    open_width = 1
    skip_until = -1
    i = 0
    n = len(text)
    while i < n:
        char = text[i]
        if char == "\n" and open_at is not None:
            reopen = _next_paragraph_opens(text, i)
            if reopen is None:
                open_at = None  # unclosed at the paragraph's end: a stray mark
            else:
                skip_until = reopen  # the quotation goes on in the next paragraph
            i += 1
            continue
        width = _mark_width(text, i) if i > skip_until else 0
        if not width:
            i += 1
            continue
        direction = _direction(text, i)
        if direction == "either":
            direction = "close" if open_at is not None else "open"
        if direction == "open":
            open_at = i  # a second opening mark makes the first one stray
            open_width = width
        elif open_at is not None:
            start, end = _trimmed(text, open_at + open_width, i)
            if start < end:
                spans.append(QuoteSpan(start, end, open_at, i))
            open_at = None
        i += width
    return spans
