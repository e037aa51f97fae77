"""Tests for newsfold.quotes.kinds: direct quotation or quoted words inside reported speech."""

from __future__ import annotations

import pandera.errors
import polars as pl
import pytest

from newsfold.quotes.kinds import KINDS, marked_kind
from schemas import polars_schema
from schemas.quotes import Quotes


def _kind(text: str, before: str | None = None, after: str | None = None) -> str:
    """Kind of the last “...” span of ``text``."""
    open_mark = text.rindex("“")
    close_mark = text.index("”", open_mark)
    return marked_kind(text, open_mark, (open_mark + 1, close_mark), close_mark, before, after)


@pytest.mark.parametrize(
    ("direct", "partial"),
    [
        # the quotation opens its sentence / the journalist's words lead into it
        ("“We will win this race,” Smith said.", "Smith said the race was “rigged from the very start.”"),
        ("He spoke. “We will win this race,” he said.", "He spoke. He called it “a disgrace to the whole nation.”"),
        # a colon or comma introduces a direct quotation; a bare noun phrase does not
        ("Smith told reporters: “We will win this race.”", "Smith told reporters about “the race we will win.”"),
        ("Smith said, “We will win this race.”", "Smith described the plan as “a race we will win.”"),
        # after a period abbreviation the lead is still just the words after it
        ("Mr. Smith said: “We will win this race.”", "Mr. Smith said it was “a race we will win.”"),
    ],
)
def test_kinds_lead_table(direct: str, partial: str) -> None:
    assert _kind(direct, before=":" if ":" in direct else None) == "direct"
    assert _kind(partial, before="be") == "partial"


@pytest.mark.parametrize(
    ("text", "before", "kind"),
    [
        # a speech verb before a comma introduces even a lower-case quotation; another word does not
        ("He added, “actually, what I do not understand is this.”", "add", "direct"),
        ("For voters, on the other hand, “you do not take growth for granted.”", "hand", "partial"),
        # an all-capitals headline before the quotation is not the journalist reporting it
        ("WHAT IS BREWING TODAY “China is slowing and the world feels it.”", "today", "direct"),
        ("What is brewing today: “china is slowing and the world feels it.”", "today", "direct"),
        ("What is brewing today is “china slowing and the world feeling it.”", "be", "partial"),
        # a speech verb right before a capitalised quotation introduces it
        ("Smith said “We will win this race.”", "say", "direct"),
        ("Smith said “we will win this race.”", "say", "partial"),
        ("Smith wanted “We will win this race” on the banner.", "want", "partial"),
        # a paragraph that is only the quotation
        ("“We will win this race, and then some.”", None, "direct"),
        ("\n“We will win this race, and then some.”", None, "direct"),
    ],
)
def test_kinds_speech_verb_and_paragraph(text: str, before: str | None, kind: str) -> None:
    assert _kind(text, before=before) == kind


@pytest.mark.parametrize(
    ("text", "after", "kind"),
    [
        # a clause going on after the closing mark makes it partial ...
        ("“We are alive, unlike the robots you will see next week” at the convention.", "at", "partial"),
        # ... but not the quotation's own attribution, nor punctuation inside the marks
        ("“We are alive, unlike the robots you will see next week” he said.", "he", "direct"),
        ("“We are alive, unlike the robots you will see next week” said Smith.", "say", "direct"),
        ("“We are alive, unlike the robots you see,” at the convention, Smith said.", "at", "direct"),
        ("“We are alive, unlike the robots you will see next week” Smith said.", "smith", "direct"),
    ],
)
def test_kinds_end_table(text: str, after: str, kind: str) -> None:
    assert _kind(text, after=after) == kind


def test_kinds_open_quotation_running_over_paragraphs_is_direct() -> None:
    text = "“We will win this race and more\n“And we will keep going.”"
    assert marked_kind(text, 0, (1, 31), None) == "direct"


def _quote_row(kind: str) -> pl.DataFrame:
    row = {
        "quote_id": "quo_0123456789abcdef", "doc_id": "doc_0123456789abcdef", "start": 1, "end": 9,
        "text": "We will win", "kind": kind, "speaker_text": None, "speaker_start": None, "speaker_end": None,
        "speaker_name": None, "speaker_label": None, "speaker_mention_id": None, "speaker_method": None,
        "speaker_entity_id": None, "cue": None, "medium": "unknown", "url": None,
        "quote_cluster_id": "qcl_0123456789abcdef",
    }
    return pl.DataFrame([row], schema=polars_schema(Quotes))


@pytest.mark.parametrize("kind", ["direct", "partial", "unmarked", "embed"])
def test_kinds_schema_accepts_each_kind(kind: str) -> None:
    assert set(KINDS) == {"direct", "partial", "unmarked", "embed"}
    assert Quotes.validate(_quote_row(kind)).height == 1


@pytest.mark.parametrize("kind", ["indirect", "Direct", ""])
def test_kinds_schema_rejects_other_values(kind: str) -> None:
    with pytest.raises(pandera.errors.SchemaErrors) as caught:
        Quotes.validate(_quote_row(kind), lazy=True)
    assert "kind" in caught.value.failure_cases["column"].to_list()


@pytest.mark.parametrize(
    ("direct", "partial"),
    [
        # after a comma: a capital, or an earlier quotation of the same sentence, makes it direct
        ("Smith said, “We will win this race.”", "Rather, Smith said, “continued struggles will unite us.”"),
        ("“We will win,” Smith said, “and then we will govern.”", "The title goes to the person, “for good or for ill, who mattered.”"),
        ("“We will win,” Mr. Smith said, “and then we will govern.”", "Mr. Smith said it goes to the person, “for good or ill, who mattered.”"),
    ],
)
def test_kinds_after_comma_table(direct: str, partial: str) -> None:
    assert _kind(direct) == "direct"
    assert _kind(partial, before="person") == "partial"
    ascii_marks = direct.replace("“", "''").replace("”", "''")  # ASCII '' marks, as in PolNeAR's NYT texts
    open_mark = ascii_marks.rindex("''", 0, len(ascii_marks) - 2)
    close_mark = len(ascii_marks) - 2
    assert marked_kind(ascii_marks, open_mark, (open_mark + 2, close_mark), close_mark) == "direct"
    assert _kind(partial) == "partial"
