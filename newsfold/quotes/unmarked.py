"""Find direct speech that lost its quote marks ("Trump tweeted that ... I would blame Iran").

Translations often render a quotation as reported speech but keep the
speaker's own first person: "Donald Trump tweeted that several rockets were
fired at our embassy ... If an American were killed, I would blame Iran for
it." A journalist's reported speech turns "our" into "the US", so a cue verb's
"that"-clause that keeps a first-person word is the speaker's own words. The
span runs from the clause to the last sentence of the paragraph that still
speaks in the first person. Reported speech without a first-person word is
not a quotation and is left alone.

Example:
    >>> # spans = find_unmarked_speech(doc)  # needs a parsed Doc
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsfold.quotes.docindex import doc_text, sentences
from newsfold.quotes.lexicon import load_lexicon
from newsfold.quotes.marks import CLOSING_MARKS, OPENING_MARKS

__all__ = ["UnmarkedSpeech", "find_unmarked_speech"]

_MARKS = OPENING_MARKS | CLOSING_MARKS | {'"'}


@dataclass(frozen=True)
class UnmarkedSpeech:
    """Speech reported without quote marks but in the speaker's own words.

    Attributes:
        start: Offset of the speech.
        end: Offset just past it.
        cue_index: Token index of the cue verb that introduces it.
    """

    start: int
    end: int
    cue_index: int


def _has_first_person(tokens) -> bool:
    first_person = load_lexicon().first_person
    return any(t.lower_ in first_person and t.pos_ in ("PRON", "DET") for t in tokens)


def _has_marks(text: str) -> bool:
    return any(c in _MARKS for c in text)


def _clause_of(cue: Token) -> Token | None:
    for child in cue.children:
        if child.dep_ == "ccomp" and any(g.dep_ == "mark" and g.lower_ == "that" for g in child.children):
            return child
    return None


def _paragraph_end(text: str, offset: int) -> int:
    end = text.find("\n", offset)
    return len(text) if end < 0 else end


def find_unmarked_speech(doc: Doc) -> list[UnmarkedSpeech]:
    """Find first-person speech introduced by "X <cue> that" without quote marks.

    Args:
        doc: The parsed article.

    Returns:
        The spans, in text order.
    """
    cues = load_lexicon().cue_verbs
    found: list[UnmarkedSpeech] = []
    all_sents = sentences(doc)
    for sent in all_sents:
        if found and sent.start_char < found[-1].end:
            continue
        if _has_marks(sent.text):
            continue
        for token in sent:
            if token.lemma_.lower() not in cues or token.pos_ != "VERB":
                continue
            clause = _clause_of(token)
            if clause is None:
                continue
            mark = next(g for g in clause.children if g.dep_ == "mark" and g.lower_ == "that")
            body = doc[mark.i + 1 : sent.end]
            # the first-person word must be inside the clause or the rest of its paragraph
            para_end = _paragraph_end(doc_text(doc), sent.end_char)
            tail = [s for s in all_sents if sent.end_char <= s.start_char < para_end]
            speaking = [s for s in tail if _has_first_person(s) and not _has_marks(s.text)]
            if not _has_first_person(body) and not speaking:
                continue
            if not _has_first_person(body) and tail and speaking[0] is not tail[0]:
                continue  # the first person must follow at once, not somewhere later
            end_char = body.end_char
            for s in tail:
                if _has_marks(s.text):
                    break
                if _has_first_person(s):
                    end_char = s.end_char
            text = doc_text(doc)
            while end_char > body.start_char and text[end_char - 1].isspace():
                end_char -= 1
            found.append(UnmarkedSpeech(body.start_char, end_char, token.i))
            break
    return found
