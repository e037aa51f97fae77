"""Compare quotations by their content words, synonyms and paraphrase included.

A quotation becomes, sentence by sentence, a set of content terms: lowercased
words without stopwords, mapped through the shipped synonym table ("hold Iran
responsible" -> "blame iran", "killed" -> "kill") and singularised. Two
quotations are as similar as their closest pair of sentences, measured by the
overlap coefficient (shared terms over the smaller set) with at least
:data:`MIN_SHARED_TERMS` shared terms and :data:`MIN_SHARE_OF_LONGER` of the
longer sentence, so that a short translated paraphrase still meets its longer
original while sentences that share a name or two, or a short sentence and a
long run-on one, do not.

Example:
    >>> sorted(content_terms("If one American is killed, I will hold Iran responsible."))
    ['american', 'blame', 'iran', 'kill']
    >>> quote_similarity("If one American is killed, I will hold Iran responsible.",
    ...                  "If an American were killed, I would blame Iran for it.")
    1.0
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from newsfold.quotes.lexicon import load_lexicon

__all__ = ["content_terms", "split_sentences", "sentence_terms", "quote_similarity", "MIN_SHARED_TERMS", "MIN_SHARE_OF_LONGER"]

#: Sentences must share at least this many content terms to be similar at all.
MIN_SHARED_TERMS = 4
#: ... and at least this share of the longer sentence's terms, so that a long
#: run-on sentence that happens to contain a short one's words does not match it.
MIN_SHARE_OF_LONGER = 0.25
_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"”’»]?\s+")


@lru_cache(maxsize=1)
def _phrase_rules() -> tuple[tuple[re.Pattern[str], str], ...]:
    rules = []
    for key, value in load_lexicon().synonyms.items():
        if " ... " in key:
            left, right = key.split(" ... ", 1)
            pattern = re.compile(rf"\b{re.escape(left)}\s+((?:[\w’']+\s+){{0,3}}?){re.escape(right)}\b")
            rules.append((pattern, value + r" \1"))
        elif " " in key:
            rules.append((re.compile(rf"\b{re.escape(key)}\b"), value))
    return tuple(rules)


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def content_terms(text: str) -> frozenset[str]:
    """The content terms of a piece of text.

    Args:
        text: A sentence or quotation.

    Returns:
        Normalised content words.
    """
    synonyms = load_lexicon().synonyms
    lowered = text.lower()
    for pattern, replacement in _phrase_rules():
        lowered = pattern.sub(replacement, lowered)
    terms = set()
    for word in _WORD.findall(lowered):
        word = word.replace("’", "'").split("'")[0]
        if not word or word in STOP_WORDS or word.isdigit():
            continue
        word = synonyms.get(word, word)
        word = synonyms.get(_singular(word), _singular(word))
        if word not in STOP_WORDS:
            terms.add(word)
    return frozenset(terms)


def split_sentences(text: str) -> list[str]:
    """Split a quotation into sentences on ., ! and ? (good enough for quotes)."""
    return [part for part in _SENTENCE_BREAK.split(text) if part.strip()]


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    shared = len(a & b)
    if shared < MIN_SHARED_TERMS or shared < MIN_SHARE_OF_LONGER * max(len(a), len(b)):
        return 0.0
    return shared / min(len(a), len(b))


def sentence_terms(text: str) -> list[frozenset[str]]:
    """Content terms of each sentence of a quotation (empty sentences dropped)."""
    sentences = [content_terms(s) for s in split_sentences(text)]
    return [s for s in sentences if s]


def quote_similarity(a: str | list[frozenset[str]], b: str | list[frozenset[str]]) -> float:
    """Similarity of two quotations in [0, 1]: their best-matching sentences' overlap.

    Args:
        a: A quotation, or its :func:`sentence_terms`.
        b: Another one.

    Returns:
        The highest overlap coefficient over sentence pairs; 0 when no pair
        shares enough terms.
    """
    terms_a = sentence_terms(a) if isinstance(a, str) else a
    terms_b = sentence_terms(b) if isinstance(b, str) else b
    return max((_overlap(x, y) for x in terms_a for y in terms_b), default=0.0)
