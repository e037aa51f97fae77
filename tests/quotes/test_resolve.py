"""Tests for newsfold.quotes.resolve: names, pronouns and titles to named speakers."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
import spacy

from newsfold.quotes.resolve import NamedSpeaker, expand_name, guess_gender, resolve_speaker
from newsfold.quotes.subjects import SpeakerMention


def _doc(words: list[str], ents: list[str]) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, ents=ents)


@pytest.mark.parametrize(
    ("words", "ents", "expected"),
    [
        (["Mr.", "Lee", "spoke"], ["O", "B-PERSON", "O"], "male"),
        (["Mrs.", "Lee", "spoke"], ["O", "B-PERSON", "O"], "female"),
        (["Hillary", "Clinton", "spoke"], ["B-PERSON", "I-PERSON", "O"], "female"),
        (["Donald", "Trump", "spoke"], ["B-PERSON", "I-PERSON", "O"], "male"),
        (["Kim", "Lee", "spoke"], ["B-PERSON", "I-PERSON", "O"], None),
    ],
)
def test_resolve_guess_gender(words, ents, expected) -> None:
    assert guess_gender(_doc(words, ents).ents[0]) == expected


def test_resolve_expand_name_prefers_nearest_earlier_full_form() -> None:
    words = ["Bill", "Clinton", "met", "Hillary", "Clinton", "and", "Clinton", "spoke"]
    ents = ["B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O", "B-PERSON", "O"]
    doc = _doc(words, ents)
    assert expand_name(doc.ents[2]) == ("Hillary Clinton", "female")
    assert expand_name(doc.ents[0]) == ("Bill Clinton", "male")


def _mention(doc: Doc, start: int, end: int, kind: str, label: str | None = None) -> SpeakerMention:
    span = doc[start:end]
    return SpeakerMention(span.start_char, span.end_char, span.text, kind, label, "said", "say", 0)


WORDS = ["Foreign", "Minister", "Javad", "Zarif", "met", "Mary", "Jones", ".", "He", "and", "she", "and", "the", "minister", "and", "it", "spoke"]
ENTS = ["O", "O", "B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON"] + ["O"] * 10


@pytest.mark.parametrize(
    ("start", "end", "kind", "history", "expected"),
    [
        (2, 4, "name", [], "Javad Zarif"),
        # no earlier speaker: the last compatible named mention before the pronoun
        (8, 9, "pronoun", [], "Javad Zarif"),
        (10, 11, "pronoun", [], "Mary Jones"),
        # an earlier named speaker wins over mere mentions
        (8, 9, "pronoun", [NamedSpeaker("Bob Dole", "PERSON", 0, 3, "male")], "Bob Dole"),
        # "she" skips a male speaker
        (10, 11, "pronoun", [NamedSpeaker("Bob Dole", "PERSON", 0, 3, "male")], "Mary Jones"),
        (12, 14, "title", [], "Javad Zarif"),
        (15, 16, "pronoun", [], None),  # "it": no organisation around
        (12, 14, "description", [], None),
    ],
)
def test_resolve_speaker(start, end, kind, history, expected) -> None:
    doc = _doc(WORDS, ENTS)
    named = resolve_speaker(doc, _mention(doc, start, end, kind, "PERSON" if kind == "name" else None), history)
    assert (named.name if named else None) == expected


# The pronoun rule (issue 10): across a paragraph break, the last named speaker holds only
# when no other person the pronoun could mean was named in between.
_DOLE = NamedSpeaker("Bob Dole", "PERSON", 0, 8, "male")


@pytest.mark.parametrize(
    ("between", "ents", "paragraph_break", "expected"),
    [
        (["Bill", "Smith", "arrived"], ["B-PERSON", "I-PERSON", "O"], True, "Bill Smith"),  # another man: not Dole
        (["Bill", "Smith", "arrived"], ["B-PERSON", "I-PERSON", "O"], False, "Bob Dole"),  # same paragraph: the speaker
        (["Mary", "Jones", "arrived"], ["B-PERSON", "I-PERSON", "O"], True, "Bob Dole"),  # a woman cannot be "he"
        (["Mr.", "Dole", "arrived"], ["O", "B-PERSON", "O"], True, "Bob Dole"),  # the speaker himself again
        (["Reuters", "reported", "it"], ["B-ORG", "O", "O"], True, "Bob Dole"),  # an organisation is not "he"
        (["Nobody", "else", "arrived"], ["O", "O", "O"], True, "Bob Dole"),
    ],
)
def test_resolve_pronoun_across_paragraphs(between, ents, paragraph_break, expected) -> None:
    words = ["Bob", "Dole", "spoke", ".", "\n" if paragraph_break else "Then", *between, ".", "\n" if paragraph_break else "And", "He", "said"]
    tags = ["B-PERSON", "I-PERSON", "O", "O", "O", *ents, "O", "O", "O", "O"]
    doc = _doc(words, tags)
    named = resolve_speaker(doc, _mention(doc, len(words) - 2, len(words) - 1, "pronoun"), [_DOLE])
    assert (named.name if named else None) == expected


# A name between quote marks is what a speaker talks about: never a pronoun's antecedent, and no
# person named in between (issue 10, fifth round). The same words outside the marks still count.
@pytest.mark.parametrize(
    ("words", "ents", "quoted_words", "history", "expected"),
    [
        # "Bob Dole spoke . “ Ask Bill Smith ” he said": Smith is quoted, Dole is the one named before
        (["Bob", "Dole", "spoke", ".", "“", "Ask", "Bill", "Smith", "”", "he", "said"],
         ["B-PERSON", "I-PERSON", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O"], (5, 8), [], "Bob Dole"),
        (["Bob", "Dole", "spoke", ".", "Ask", "Bill", "Smith", ",", "he", "said"],
         ["B-PERSON", "I-PERSON", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O"], None, [], "Bill Smith"),
        # only a quoted name before the pronoun: nobody, rather than the one spoken of
        (["“", "Ask", "Bill", "Smith", "”", "he", "said"], ["O", "O", "B-PERSON", "I-PERSON", "O", "O", "O"], (1, 4), [],
         None),
        # across a paragraph: a man named only inside a quotation does not unseat the last speaker
        (["Bob", "Dole", "spoke", ".", "\n", "“", "Ask", "Bill", "Smith", "”", "\n", "he", "said"],
         ["B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O"], (6, 9), [_DOLE],
         "Bob Dole"),
        (["Bob", "Dole", "spoke", ".", "\n", "Ask", "Bill", "Smith", ".", "\n", "he", "said"],
         ["B-PERSON", "I-PERSON", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O"], None, [_DOLE],
         "Bill Smith"),
    ],
)
def test_resolve_pronoun_never_to_a_quoted_name(words, ents, quoted_words, history, expected) -> None:
    doc = _doc(words, ents)
    quoted = [] if quoted_words is None else [(doc[quoted_words[0]].idx, doc[quoted_words[1] - 1].idx + len(doc[quoted_words[1] - 1]))]
    named = resolve_speaker(doc, _mention(doc, len(words) - 2, len(words) - 1, "pronoun"), history, quoted)
    assert (named.name if named else None) == expected
