"""Tests for newsfold.quotes.docindex: cached per-Doc lookups."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from newsfold.quotes.docindex import doc_text, entities, entity_of, sentence_of, token_index_at


@pytest.fixture()
def doc() -> Doc:
    words = ["Jane", "Smith", "said", "hi", ".", "He", "left", "."]
    return Doc(
        spacy.blank("en").vocab,
        words=words,
        spaces=[True, True, True, False, True, True, False, False],
        ents=["B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "O"],
        sent_starts=[True, False, False, False, False, True, False, False],
    )


@pytest.mark.parametrize(("offset", "index"), [(0, 0), (3, 0), (4, 1), (5, 1), (11, 2), (17, 3), (18, 4), (99, 8)])
def test_docindex_token_index_at(doc: Doc, offset: int, index: int) -> None:
    assert token_index_at(doc, offset) == index


def test_docindex_entities_and_sentences(doc: Doc) -> None:
    assert doc_text(doc) == doc.text == "Jane Smith said hi. He left."
    assert [e.text for e in entities(doc)] == ["Jane Smith"]
    assert entity_of(doc[1]).text == "Jane Smith" and entity_of(doc[2]) is None
    assert sentence_of(doc[3]).text == "Jane Smith said hi."
    assert sentence_of(doc[6]).text == "He left."


def test_docindex_doc_without_sentence_boundaries_still_gives_entities() -> None:
    doc = Doc(spacy.blank("en").vocab, words=["Jane", "spoke"], ents=["B-PERSON", "O"])
    assert [e.text for e in entities(doc)] == ["Jane"]
