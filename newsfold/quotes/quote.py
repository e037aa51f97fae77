"""The :class:`Quote` record: one quotation of one article, with its speaker."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Quote"]


@dataclass(frozen=True)
class Quote:
    """One quotation of one parsed article.

    Attributes:
        start: Offset of the quoted content (inside the marks).
        end: Offset just past the quoted content.
        text: The content, ``doc.text[start:end]``.
        speaker_text: How the text names the speaker ("he", "Trump", "the
            minister"), or ``None`` when no speaker was found.
        speaker_start: Offset of ``speaker_text``.
        speaker_end: Offset just past ``speaker_text``.
        speaker_name: The speaker's name after resolving pronouns and titles
            ("Donald Trump" for "He"); ``None`` when it cannot be resolved.
        speaker_label: spaCy label of the named speaker ("PERSON", "ORG"...).
        speaker_name_start: Offset of the named span the speaker resolves to
            (the antecedent, for a pronoun); ``None`` when there is none.
        speaker_name_end: Offset just past that named span.
        speaker_method: "name", "pronoun", "title", "description" or "embed".
        cue: The cue word ("wrote", "according to", "embed"), or ``None``.
        medium: "tweet", "statement", "interview" or "unknown".
        url: A link cited as the quote's source, or ``None``.
        kind: "direct", "partial", "unmarked" or "embed"
            (:mod:`newsfold.quotes.kinds`).
    """

    start: int
    end: int
    text: str
    speaker_text: str | None
    speaker_start: int | None
    speaker_end: int | None
    speaker_name: str | None
    speaker_label: str | None
    speaker_name_start: int | None
    speaker_name_end: int | None
    speaker_method: str | None
    cue: str | None
    medium: str
    url: str | None
    kind: str = "direct"
