"""Tests for newsfold.dates.tense, on hand-built parses."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from newsfold.dates.tense import find_tense


def make_doc(rows):
    """rows: (word, tag, pos, head index, dep)."""
    words, tags, pos, heads, deps = zip(*rows)
    return Doc(spacy.blank("en").vocab, words=list(words), tags=list(tags), pos=list(pos), heads=list(heads), deps=list(deps))


PAST = [("They", "PRP", "PRON", 1, "nsubj"), ("met", "VBD", "VERB", 1, "ROOT"), ("on", "IN", "ADP", 1, "prep"), ("Sunday", "NNP", "PROPN", 2, "pobj")]
FUTURE = [("They", "PRP", "PRON", 2, "nsubj"), ("will", "MD", "AUX", 2, "aux"), ("meet", "VB", "VERB", 2, "ROOT"), ("on", "IN", "ADP", 2, "prep"), ("Sunday", "NNP", "PROPN", 3, "pobj")]
PRESENT = [("Talks", "NNS", "NOUN", 1, "nsubj"), ("resume", "VBP", "VERB", 1, "ROOT"), ("Sunday", "NNP", "PROPN", 1, "npadvmod")]
PERFECT = [("He", "PRP", "PRON", 2, "nsubj"), ("has", "VBZ", "AUX", 2, "aux"), ("left", "VBN", "VERB", 2, "ROOT"), ("Sunday", "NNP", "PROPN", 2, "npadvmod")]
INTENT = [("He", "PRP", "PRON", 1, "nsubj"), ("plans", "VBZ", "VERB", 1, "ROOT"), ("to", "TO", "PART", 3, "aux"), ("go", "VB", "VERB", 1, "xcomp"), ("Sunday", "NNP", "PROPN", 3, "npadvmod")]
DEADLINE = [("They", "PRP", "PRON", 2, "nsubj"), ("have", "VBP", "AUX", 2, "aux"), ("given", "VBN", "VERB", 2, "ROOT"), ("until", "IN", "ADP", 2, "prep"), ("Tuesday", "NNP", "PROPN", 3, "pobj")]
SINCE = [("It", "PRP", "PRON", 1, "nsubj"), ("rises", "VBZ", "VERB", 1, "ROOT"), ("since", "IN", "ADP", 1, "prep"), ("Tuesday", "NNP", "PROPN", 2, "pobj")]
FRAGMENT = [("Sunday", "NNP", "PROPN", 0, "ROOT")]
POSSESSIVE = [("They", "PRP", "PRON", 2, "nsubj"), ("will", "MD", "AUX", 2, "aux"), ("fight", "VB", "VERB", 2, "ROOT"), ("Sunday", "NNP", "PROPN", 5, "poss"), ("'s", "POS", "PART", 3, "case"), ("ruling", "NN", "NOUN", 2, "dobj")]


@pytest.mark.parametrize(
    ("rows", "index", "expected"),
    [(PAST, 3, "past"), (FUTURE, 4, "future"), (PRESENT, 2, "present"), (PERFECT, 3, "past"), (INTENT, 4, None), (FRAGMENT, 0, None), (DEADLINE, 4, "future"), (SINCE, 3, "past"), (POSSESSIVE, 3, "past")],
)
def test_tense_find_tense(rows, index, expected):
    doc = make_doc(rows)
    assert find_tense(doc[index : index + 1]) == expected
