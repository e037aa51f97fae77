"""Resolve a speaker mention to a name: full names, pronouns and titles.

- A name is expanded to the fullest mention of the same entity in the article:
  "Trump" becomes "Donald Trump" (the nearest earlier full form wins, so two
  Clintons are kept apart).
- A pronoun ("he", "she", "it") resolves to the last compatible named speaker
  of the article (gender from first names and honorifics), else to the last
  compatible named mention before it. Across paragraphs the last speaker
  holds only when no other compatible person was named in between. A name
  between quote marks is what a speaker talks about, never who speaks: it is
  neither an antecedent nor a person named in between.
- A title ("the minister") resolves to the last person introduced with that
  title ("Foreign Minister Javad Zarif").
Nothing is guessed: what cannot be resolved stays ``None``.

Example:
    >>> # resolved = resolve_speaker(doc, mention, history)  # needs a parsed Doc
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from newsfold.quotes.docindex import entities
from newsfold.quotes.lexicon import load_lexicon
from newsfold.quotes.subjects import NAMED_LABELS, SpeakerMention

__all__ = ["NamedSpeaker", "resolve_speaker", "guess_gender", "expand_name", "is_named_in_between"]

_ORG_LABELS = frozenset({"ORG", "NORP", "GPE"})
_PRONOUN_WINDOW = 600  # characters back for a named mention when no speaker precedes


@dataclass(frozen=True)
class NamedSpeaker:
    """A speaker resolved to a name.

    Attributes:
        name: The fullest form of the name ("Donald Trump").
        label: Its entity label.
        start: Offset of the named mention it was resolved through.
        end: Offset just past that mention.
        gender: "female", "male" or ``None`` for persons whose gender is unknown.
    """

    name: str
    label: str | None
    start: int
    end: int
    gender: str | None


def _strip_name(span: Span) -> str:
    text = span.text
    if text.endswith(("’s", "'s")):
        text = text[:-2]
    if span.label_ != "PERSON" and text.lower().startswith("the "):
        text = text[4:]
    return text.strip()


def guess_gender(span: Span) -> str | None:
    """'female', 'male' or ``None`` for a PERSON span, from honorific or first name.

    Args:
        span: A PERSON entity span.

    Returns:
        The gender the article's wording implies, or ``None``.
    """
    lexicon = load_lexicon()
    doc = span.doc
    if span.start > 0:
        before = doc[span.start - 1].lower_.rstrip(".")
        if before in ("mr", "sir", "lord"):
            return "male"
        if before in ("mrs", "ms", "miss", "lady", "dame"):
            return "female"
    first = span[0].lower_
    if first in lexicon.female_names:
        return "female"
    if first in lexicon.male_names:
        return "male"
    return None


def expand_name(span: Span) -> tuple[str, str | None]:
    """The fullest form of a named mention and the person's gender.

    Args:
        span: An entity span.

    Returns:
        ``(name, gender)``: e.g. ``("Donald Trump", "male")`` for "Trump".
    """
    words = [t.lower_ for t in span]
    best: Span = span
    best_key: tuple[int, int] | None = None
    for ent in entities(span.doc):
        if ent.label_ != span.label_ or len(ent) <= len(span):
            continue
        if [t.lower_ for t in ent[len(ent) - len(words) :]] != words:
            continue
        # the nearest earlier full form, else the nearest later one; longer on ties
        distance = span.start - ent.start if ent.start <= span.start else 10**9 + ent.start
        key = (distance, -len(ent))
        if best_key is None or key < best_key:
            best, best_key = ent, key
    gender = guess_gender(best) if best.label_ == "PERSON" else None
    if gender is None and best is not span and span.label_ == "PERSON":
        gender = guess_gender(span)
    return _strip_name(best), gender


def _entity_at(doc: Doc, start: int, end: int) -> Span | None:
    for ent in entities(doc):
        if ent.start_char == start and ent.end_char == end:
            return ent
    return doc.char_span(start, end)


def _is_compatible(pronoun: str, named: NamedSpeaker) -> bool:
    wanted = load_lexicon().pronouns.get(pronoun)
    if wanted == "PERSON":
        if named.label != "PERSON":
            return False
        if pronoun == "he":
            return named.gender != "female"
        if pronoun == "she":
            return named.gender != "male"
        return True
    if wanted == "ORG":
        return named.label in _ORG_LABELS
    return False


def _named_from_entity(ent: Span) -> NamedSpeaker:
    name, gender = expand_name(ent)
    return NamedSpeaker(name, ent.label_, ent.start_char, ent.end_char, gender)


def _is_same_person(a: NamedSpeaker, b: NamedSpeaker) -> bool:
    """"Donald Trump" and "Trump" (or "Mr. Trump"): the same name, or the same last word."""
    return a.name == b.name or a.name.split()[-1:] == b.name.split()[-1:]


def _is_quoted(ent: Span, quoted: Sequence[tuple[int, int]]) -> bool:
    """Whether the entity lies between quote marks (``quoted``: the article's quoted spans).

    "“Look what Merkel has done in Germany,” he said": Merkel is what he speaks of.
    """
    return any(start <= ent.start_char and ent.end_char <= end for start, end in quoted)


def is_named_in_between(
    doc: Doc, pronoun: str, antecedent: NamedSpeaker, pronoun_start: int, quoted: Sequence[tuple[int, int]] = ()
) -> bool:
    """Whether another person the pronoun could mean is named between ``antecedent`` and the pronoun.

    Args:
        doc: The parsed article.
        pronoun: The pronoun, lowercase ("he").
        antecedent: The speaker the pronoun would resolve to.
        pronoun_start: Offset of the pronoun.
        quoted: Character spans of the article's quotations; names inside them do not count.

    Returns:
        True when a named mention compatible with ``pronoun`` (a man for "he",
        an organisation for "it") and not ``antecedent`` itself lies between them.

    Example:
        >>> # "... Trump said.\\nBiden spoke later.\\n“...,” he added." -> True (Biden is in between)
    """
    for ent in entities(doc):
        if ent.start_char < antecedent.end or ent.end_char > pronoun_start or ent.label_ not in NAMED_LABELS:
            continue
        if _is_quoted(ent, quoted):
            continue
        candidate = _named_from_entity(ent)
        if _is_compatible(pronoun, candidate) and not _is_same_person(candidate, antecedent):
            return True
    return False


def _resolve_pronoun(
    doc: Doc, mention: SpeakerMention, history: list[NamedSpeaker], quoted: Sequence[tuple[int, int]]
) -> NamedSpeaker | None:
    pronoun = mention.text.lower()
    if pronoun not in load_lexicon().pronouns:
        return None
    for named in reversed(history):
        if named.end <= mention.start and _is_compatible(pronoun, named):
            # Across a paragraph break the last speaker holds only if nobody else it could mean was named since.
            crosses = "\n" in doc.text[named.end : mention.start]
            if crosses and is_named_in_between(doc, pronoun, named, mention.start, quoted):
                break
            return named
    floor = mention.start - _PRONOUN_WINDOW
    for ent in reversed(entities(doc)):
        if ent.end_char > mention.start or ent.end_char < floor or ent.label_ not in NAMED_LABELS:
            continue
        if _is_quoted(ent, quoted):
            continue  # "“I don't know Jake Sullivan,” she said": not Sullivan
        candidate = _named_from_entity(ent)
        if _is_compatible(pronoun, candidate):
            return candidate
    return None


def _title_before(ent: Span) -> set[str]:
    """Words of the title written right before a name ("Foreign Minister" Javad Zarif)."""
    titles = load_lexicon().titles
    words: set[str] = set()
    for token in reversed(ent.doc[max(ent.start - 4, 0) : ent.start]):
        if token.ent_type_ or not (token.is_title or token.is_upper or token.lower_ in titles or token.lower_ == "of"):
            break
        words.add(token.lower_)
    return words


def _resolve_title(doc: Doc, mention: SpeakerMention) -> NamedSpeaker | None:
    titles = load_lexicon().titles
    # only the head noun counts: "the president's spokesman" is not the president
    head = mention.text.lower().split()[-1] if mention.text.split() else ""
    words = {head} & titles
    if not words:
        return None
    for ent in reversed(entities(doc)):
        if ent.label_ != "PERSON" or ent.end_char > mention.start:
            continue
        if words & (_title_before(ent) | {t.lower_ for t in ent}):
            return _named_from_entity(ent)
    return None


def resolve_speaker(
    doc: Doc, mention: SpeakerMention, history: list[NamedSpeaker], quoted: Sequence[tuple[int, int]] = ()
) -> NamedSpeaker | None:
    """Resolve a speaker mention to a named speaker.

    Args:
        doc: The parsed article.
        mention: The speaker as written.
        history: Named speakers of the article's earlier quotations, in order.
        quoted: Character spans between quote marks (any length); a pronoun never
            resolves to a name inside them.

    Returns:
        The :class:`NamedSpeaker`, or ``None`` when the text does not say who.
    """
    if mention.kind == "name":
        ent = _entity_at(doc, mention.start, mention.end)
        if ent is None:
            return None
        name, gender = expand_name(ent) if ent.label_ else (ent.text, None)
        return NamedSpeaker(name, mention.label or ent.label_ or None, mention.start, mention.end, gender)
    if mention.kind == "pronoun":
        return _resolve_pronoun(doc, mention, history, quoted)
    if mention.kind == "title":
        return _resolve_title(doc, mention)
    return None
