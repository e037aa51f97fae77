"""Tests for newsfold.quotes.subjects: a cue verb's speaker mention."""

from __future__ import annotations

import pytest

from newsfold.quotes.subjects import mention_from_cue


def _first_cue(doc, lemma: str):
    return next(t for t in doc if lemma in (t.lemma_, t.lower_))


@pytest.mark.parametrize(
    ("text", "lemma", "expected"),
    [
        ("Secretary of State Mike Pompeo said it was done.", "say", ("Mike Pompeo", "name", "PERSON")),
        ("The minister said it was done.", "say", ("The minister", "title", None)),
        ("A senior campaign official said it was done.", "say", ("A senior campaign official", "description", None)),
        ("She said it was done.", "say", ("She", "pronoun", None)),
        # a relative pronoun stands for the noun it hangs from
        ("He met a surrogate who said it was done.", "say", ("a surrogate", "description", None)),
        # conjoined verbs share the subject
        ("Mike Pompeo released a statement and said it was done.", "say", ("Mike Pompeo", "name", "PERSON")),
        ("It was done, according to Mike Pompeo.", "according", ("Mike Pompeo", "name", "PERSON")),
    ],
)
def test_subjects_mention_from_cue(nlp, text, lemma, expected) -> None:
    doc = nlp(text)
    mention = mention_from_cue(_first_cue(doc, lemma), len(text), len(text) + 1)
    assert (mention.text, mention.kind, mention.label) == expected
    assert text[mention.start : mention.end] == mention.text


def test_subjects_no_subject_no_mention(nlp) -> None:
    doc = nlp("Said to be done.")
    assert mention_from_cue(_first_cue(doc, "say"), 100, 101) is None
