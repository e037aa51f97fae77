"""Tests for newsfold.quotes.similarity: content terms and quotation similarity."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsfold.quotes.similarity import content_terms, quote_similarity, split_sentences

SEED_1 = "Some friendly health advice to Iran: If one American is killed, I will hold Iran responsible. Think it over."
SEED_2 = "I have some friendly health advice for Iran. If an American were killed, I would blame Iran for it."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("If one American is killed, I will hold Iran responsible.", {"american", "kill", "iran", "blame"}),
        ("If an American were killed, I would blame Iran for it.", {"american", "kill", "iran", "blame"}),
        ("Several rockets were fired at our embassy.", {"rocket", "hit", "embassy"}),
        ("The and of it.", set()),
    ],
)
def test_similarity_content_terms(text: str, expected: set[str]) -> None:
    assert content_terms(text) == expected


@pytest.mark.parametrize(
    ("a", "b", "similar"),
    [
        (SEED_1, SEED_2, True),  # paraphrase in translation
        ("Our embassy in Baghdad got hit Sunday by several rockets.", "several rockets were fired at our embassy in Baghdad on Sunday.", True),
        (SEED_1, "The economy grew by three percent in the last quarter.", False),
        ("Iran will pay a very big price for this.", "Iran is responsible for the attack on the base.", False),
        ("", SEED_1, False),
    ],
)
def test_similarity_quote_similarity(a: str, b: str, similar: bool) -> None:
    assert (quote_similarity(a, b) >= 0.75) is similar
    assert quote_similarity(a, b) == quote_similarity(b, a)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One two. Three four? Five!", ["One two.", "Three four?", "Five!"]),
        ("Guess where: IRAN. Now we hear", ["Guess where: IRAN.", "Now we hear"]),
        ("No break here", ["No break here"]),
        ("", []),
    ],
)
def test_similarity_split_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


@given(st.text(alphabet=st.sampled_from(list("abdeilnorstuy '.")), max_size=60))
def test_similarity_content_terms_is_idempotent(text: str) -> None:
    terms = content_terms(text)
    assert content_terms(" ".join(sorted(terms))) == terms


@given(st.text(max_size=80), st.text(max_size=80))
def test_similarity_is_bounded(a: str, b: str) -> None:
    assert 0.0 <= quote_similarity(a, b) <= 1.0
