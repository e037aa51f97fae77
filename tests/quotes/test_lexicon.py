"""Tests for newsfold.quotes.lexicon: the shipped word lists."""

from __future__ import annotations

import pytest

from newsfold.quotes.lexicon import load_lexicon
from schemas.quotes import MEDIA


@pytest.mark.parametrize(("attribute", "member"), [("cue_verbs", "say"), ("cue_verbs", "tweet"), ("titles", "minister"), ("org_words", "embassy"), ("first_person", "our")])
def test_lexicon_lists_hold_expected_words(attribute: str, member: str) -> None:
    assert member in getattr(load_lexicon(), attribute)


def test_lexicon_media_are_schema_media() -> None:
    assert set(load_lexicon().medium_cues) <= set(MEDIA)


def test_lexicon_entries_are_lowercase() -> None:
    lexicon = load_lexicon()
    for words in (lexicon.cue_verbs, lexicon.titles, lexicon.org_words, lexicon.female_names, lexicon.male_names):
        assert all(word == word.lower() for word in words)
    assert not lexicon.female_names & lexicon.male_names
