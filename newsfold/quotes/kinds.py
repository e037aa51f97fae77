"""What kind of quotation a quoted span is: the speaker's whole words, or a piece of reported speech.

``quotes.kind`` takes four values:

* ``direct``: the whole quotation is the speaker's words in marks
  (“We will win,” Smith said. / Smith said: “We will win.”);
* ``partial``: quoted words inside the journalist's reported speech
  (Smith said the vote was “rigged from the start”);
* ``unmarked``: first-person reported speech that lost its marks
  (:mod:`newsfold.quotes.unmarked`);
* ``embed``: a tweet or post embedded in the article (:mod:`newsfold.quotes.embeds`).

A marked span is direct when its sentence *leads into it* the way a direct
quotation is introduced, and *leaves it* the way one ends:

* lead: nothing of its sentence before the opening mark (the quotation opens the
  sentence or paragraph), or the words before it end in ``:``
  (``Smith said: “...``), or in ``,`` with a capital after the mark or an
  earlier quotation in the sentence (``Smith said, “We ...``,
  ``“A,” he said, “b ...``), or in a speech verb with a capital after the
  mark (``Smith said “We ...``);
* end: the quotation ends in punctuation inside the marks, or the words after
  the closing mark are not a clause going on (``“... next week” at the
  convention`` is partial; ``“... next week” he said`` is not).

Anything else is partial: the words before the mark are the journalist's
(``called it “a disgrace to the nation”``, ``said the vote was “rigged ...``).

Example:
    >>> text = "Smith said the vote was “rigged from the very start.”"
    >>> marked_kind(text, 24, (25, 52), 52, "be")
    'partial'
    >>> text = "Smith said: “We will win this race.”"
    >>> marked_kind(text, 12, (13, 35), 35, "say")
    'direct'
"""

from __future__ import annotations

import re

from newsfold.quotes.lexicon import load_lexicon
from schemas.quotes import KINDS  # the values of quotes.kind: direct, partial, unmarked, embed

__all__ = ["KINDS", "marked_kind"]

# a sentence ends at . ! ? (and any closing marks after it) followed by space, but not
# after a title or an initial ("Mr. Bush said, ''because ..." keeps its earlier quotation)
_SENTENCE_END = re.compile(
    r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bJr)(?<!\bSr)(?<!\bGov)(?<!\bSen)(?<!\bRep)"
    r"(?<!\bGen)(?<!\bLt)(?<!\bCol)(?<!\bSgt)(?<!\b[A-Z])[.!?…][\"”'’»)\]]*\s+"
)
_OPENERS = " \t\"“«'‘(—–-"
# words that may follow a quotation's closing mark in its own attribution
_AFTER_WORDS = frozenset({"he", "she", "they", "we", "i", "it", "you", "according", "the", "a", "an", "mr", "ms", "mrs"})


def _lead(text: str, open_mark: int) -> str:
    """The words of the quotation's sentence before its opening mark."""
    para_start = text.rfind("\n", 0, open_mark) + 1
    prefix = text[para_start:open_mark]
    last = None
    for last in _SENTENCE_END.finditer(prefix):
        pass
    return prefix[last.end() :] if last else prefix


def marked_kind(
    text: str,
    open_mark: int,
    span: tuple[int, int],
    close_mark: int | None,
    before_lemma: str | None = None,
    after_lemma: str | None = None,
) -> str:
    """``direct`` or ``partial`` for a quoted span between marks.

    Args:
        text: The document text.
        open_mark: Offset of the opening mark.
        span: ``(start, end)`` of the quoted content.
        close_mark: Offset of the closing mark, or ``None`` when the quotation
            runs to the end of its paragraph (newspaper style: direct).
        before_lemma: Lemma of the last word (not punctuation) before the opening mark, or ``None``.
        after_lemma: Lemma of the word right after the closing mark, or ``None``.

    Returns:
        "direct" or "partial".
    """
    cues = load_lexicon().cue_verbs
    lead = _lead(text, open_mark).rstrip()
    if not any(c.islower() for c in lead):
        lead = ""  # an all-capitals headline or label before the quotation does not report it
    start, end = span
    first = text[start:end].lstrip(_OPENERS)[:1]
    if lead.strip(_OPENERS):
        if lead.endswith(","):
            # "Smith said, “We ...": direct; "..., he said, “the plan ..." goes on a quotation of
            # the same sentence: direct; "Rather, he said, “continued struggles ...": partial
            # "He added, “actually, ...": a speech verb before the comma introduces it too
            if not (first.isupper() or before_lemma in cues or any(m in lead for m in ("\"", "”", "»", "''"))):
                return "partial"
        elif not lead.endswith(":") and not (before_lemma in cues and first.isupper()):
            return "partial"
    if close_mark is None:
        return "direct"
    inside = text[start:end].rstrip()
    if inside and inside[-1].isalnum():
        para_end = text.find("\n", close_mark)
        after = text[close_mark : len(text) if para_end < 0 else para_end].lstrip("\"”'’»")
        word = re.match(r"\s*([A-Za-z]+)", after)
        # a clause that goes on after the marks makes the quotation part of the journalist's sentence
        if word and word.group(1)[0].islower() and word.group(1).lower() not in _AFTER_WORDS and after_lemma not in cues:
            return "partial"
    return "direct"
