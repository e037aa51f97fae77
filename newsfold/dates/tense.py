"""Tense of the clause a span sits in, read from spaCy's parse.

"on Sunday" means the Sunday before the publication date in "the embassy
was hit on Sunday" and the one after in "they will meet on Sunday"; the
governing verb's tag and auxiliaries decide.

Example:
    >>> # doc = nlp("They will meet on Sunday."); find_tense(doc[4:5]) -> "future"
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsfold.dates.calendar import Tense

__all__ = ["find_tense", "find_governing_verb"]

_FUTURE_AUX = {"will", "shall", "'ll", "wo", "going"}
_MAX_STEPS = 8
_DEADLINE_WORDS = {"until", "till"}
# Heads of an infinitive that point it at the future.
_PLAN_VERBS = {"be", "plan", "expect", "schedule", "intend", "hope", "want", "aim", "prepare", "seek", "vow", "promise", "threaten", "set"}


def find_governing_verb(span: Span) -> Token | None:
    """The nearest verb or auxiliary above ``span.root`` in the parse, if any."""
    token = span.root
    for _ in range(_MAX_STEPS):
        if token.pos_ in ("VERB", "AUX") and token not in span:
            return token
        if token.head is token:
            return token if token.pos_ in ("VERB", "AUX") else None
        token = token.head
    return None


def find_tense(span: Span) -> Tense:
    """``"past"``, ``"present"``, ``"future"`` or None for the clause of ``span``.

    Args:
        span: A span of a parsed Doc (needs tags and dependencies).

    Returns:
        Future for will/shall/going to, None for infinitives, past for a
        past-tense verb or a perfect, present for other finite verbs, None
        when no verb governs the span (headlines, fragments).
    """
    preceding = span.doc[span.start - 1] if span.start > 0 else None
    if preceding is not None and preceding.lower_ in _DEADLINE_WORDS:
        return "future"  # "until 9 a.m. Tuesday", "by Friday": a deadline lies ahead
    if preceding is not None and preceding.lower_ == "since":
        return "past"
    following = span.doc[span.end] if span.end < len(span.doc) else None
    if following is not None and following.tag_ == "POS":
        return "past"  # "Wednesday's ruling": a possessed event has happened
    verb = find_governing_verb(span)
    if verb is None:
        return None
    auxiliaries = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    words = {aux.lower_ for aux in auxiliaries}
    if words & _FUTURE_AUX:
        return "future"
    if "to" in words and verb.head.lemma_ in _PLAN_VERBS:
        return "future"  # "is to resume Tuesday", "plans to meet Friday"
    if "to" in words:
        # An infinitive has no tense of its own, and neither "looks ahead" nor the
        # head verb's tense fits: "plans to go Friday" vs "agreed to buy it Friday".
        # Measured on TempEval-3, leaving it open (nearest day) does best.
        return None
    tags = [aux.tag_ for aux in auxiliaries] + [verb.tag_]
    if "VBD" in tags or ("VBN" in tags and words & {"has", "have", "had", "'ve", "'s"}):
        return "past"
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod"):
        return "past"
    if "MD" in tags:
        return None
    if any(tag in ("VBZ", "VBP") for tag in tags):
        return "present"
    if verb.tag_ == "VBN":
        return "past"
    return None
