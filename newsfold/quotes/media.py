"""Decide a quotation's medium (tweet, statement, interview) and cited link.

The medium comes, in order, from a link cited next to the quotation (a
twitter.com status is a tweet), from the cue verb ("tweeted"), from medium
words in the attribution sentence ("in a statement"), and from a tweet cue in
the paragraph before ("took to Twitter"). Anything else is "unknown".

Example:
    >>> text = 'Trump wrote: “We won.”\\nhttps://twitter.com/x/status/1'
    >>> detect_medium(text, 13, 20, "write")
    ('tweet', 'https://twitter.com/x/status/1')
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from newsfold.quotes.lexicon import load_lexicon

__all__ = ["detect_medium", "find_cited_url"]

_URL = re.compile(r"https?://[^\s\"“”«»<>]+[^\s\"“”«»<>.,;:!?)]")
_CUE_MEDIUM = {"tweet": "tweet", "post": "unknown", "write": "unknown"}
_SENTENCE_END = re.compile(r"[.!?][”\"’»)]?(?:\s|$)")


def _line_bounds(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, len(text) if end < 0 else end


def find_cited_url(text: str, start: int, end: int) -> str | None:
    """A link cited for the quotation ``text[start:end]``.

    The link is in the quotation's own paragraph after it, or stands alone on
    one of the next two lines (how pasted tweets cite their status).

    Args:
        text: Article text.
        start: Quotation start.
        end: Quotation end.

    Returns:
        The URL, or ``None``.
    """
    _, line_end = _line_bounds(text, end)
    match = _URL.search(text, end, line_end)
    if match:
        return match.group(0)
    cursor = line_end
    for _ in range(2):
        if cursor >= len(text):
            break
        line_start, line_end = _line_bounds(text, cursor + 1)
        line = text[line_start:line_end].strip()
        match = _URL.fullmatch(line)
        if match:
            return match.group(0)
        cursor = line_end
    return None


def _medium_from_words(context: str) -> str | None:
    lowered = context.lower()
    for medium, words in load_lexicon().medium_cues.items():
        for word in words:
            if re.search(rf"(?<![\w@#]){re.escape(word)}(?!\w)", lowered):
                return medium
    return None


def _attribution_context(text: str, start: int, end: int) -> str:
    """The quotation's sentence with the quotation itself cut out."""
    line_start, line_end = _line_bounds(text, start)
    before = text[line_start:start]
    cut = [m.end() for m in _SENTENCE_END.finditer(before)]
    before = before[cut[-1]:] if cut else before
    after = text[end:line_end]
    stop = _SENTENCE_END.search(after, 2)
    after = after[: stop.end()] if stop else after
    return before + " " + after


def detect_medium(text: str, start: int, end: int, cue_lemma: str | None) -> tuple[str, str | None]:
    """The medium and cited link of the quotation ``text[start:end]``.

    Args:
        text: Article text.
        start: Quotation start.
        end: Quotation end.
        cue_lemma: Lemma of its cue verb, if any.

    Returns:
        ``(medium, url)``; medium is one of ``schemas.quotes.MEDIA``.
    """
    lexicon = load_lexicon()
    url = find_cited_url(text, start, end)
    if url:
        host = (urlsplit(url).hostname or "").lower()
        if any(host == d or host.endswith("." + d) for d in lexicon.tweet_domains):
            return "tweet", url
    if cue_lemma == "tweet":
        return "tweet", url
    medium = _medium_from_words(_attribution_context(text, start, end))
    if medium:
        return medium, url
    # "took to Twitter" in the paragraph before introduces the tweets quoted next
    line_start, _ = _line_bounds(text, start)
    if line_start > 0:
        previous_start, _ = _line_bounds(text, line_start - 1)
        if _medium_from_words(text[previous_start:line_start]) == "tweet":
            return "tweet", url
    return "unknown", url
