"""Turn a cue verb into a speaker mention: the verb's subject, as written.

The subject comes from the parse (``nsubj`` of the cue, or of the verb it is
conjoined with: "released a statement and said"), from "according to X", from
the object slot in inverted order ("..., said the minister"), or, when the
parser hung the speaker elsewhere, from the name or pronoun right before the
verb ("“...,” Ramos, 58, told AFP"). The mention is classified as a name,
pronoun, title or description.

Example:
    >>> # mention = mention_from_cue(cue_token, open_mark, close_mark + 1)  # needs a parsed Doc
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from newsfold.quotes.docindex import doc_text, entity_of
from newsfold.quotes.lexicon import load_lexicon
from newsfold.quotes.sentences import last_sentence_start

__all__ = ["SpeakerMention", "mention_from_cue", "mention_from_token", "speaker_span", "is_inside", "NAMED_LABELS", "ISSUING_VERBS"]

#: Entity labels whose mentions can speak.
NAMED_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
_MAX_TITLE_WORDS = 7  # "said Oversight ranking Democrat Elijah Cummings"
_SENTENCE_BREAK = re.compile(r"[.?!][\"”'’]*\s")
#: Verbs by which a speaker puts out a text of their own ("issued a statement saying"): the
#: text's participle speaks for the verb's subject. Not "cited" or "read": a report someone
#: else wrote.
ISSUING_VERBS = frozenset(
    "issue release put send post publish blast email tweet circulate distribute air run sign pen write deliver".split()
)


#: Verbs by which a speaker goes on with their own words ("..., adding, “...”").
_GOING_ON_VERBS = frozenset("add explain note continue conclude stress".split())


@dataclass(frozen=True)
class SpeakerMention:
    """A speaker as the text names it, before resolution.

    Attributes:
        start: Offset of the mention.
        end: Offset just past it.
        text: The mention as written ("he", "Trump", "the minister").
        kind: "name", "pronoun", "title" or "description".
        label: Entity label for a name, else ``None``.
        cue: The cue word as written ("said", "according to").
        cue_lemma: Lemma of the cue ("say", "according to").
        cue_start: Offset of the cue word.
    """

    start: int
    end: int
    text: str
    kind: str
    label: str | None
    cue: str
    cue_lemma: str
    cue_start: int


def _entity_of(token: Token) -> Span | None:
    return entity_of(token) if token.ent_type_ else None


def _is_title_phrase(tokens: list[Token]) -> bool:
    titles = load_lexicon().titles
    words = [t.lower_ for t in tokens]
    return any(w in titles for w in words) or any(" ".join(p) in titles for p in zip(words, words[1:]))


def _is_spaced_dash(token: Token) -> bool:
    """A dash with a space before it ("race - HuffPollster"), not a hyphen ("46-year-old")."""
    return token.text in ("-", "–", "—", "--") and token.i > 0 and bool(token.doc[token.i - 1].whitespace_)


def speaker_span(token: Token) -> tuple[int, int, str, str | None]:
    """The mention a subject token stands for: ``(start_tok, end_tok, kind, label)``.

    Args:
        token: The subject of a cue verb.

    Returns:
        Token offsets of the mention, its kind and its entity label.
    """
    ent = _entity_of(token)
    if ent is not None and ent.label_ in NAMED_LABELS:
        return ent.start, ent.end, "name", ent.label_
    if token.pos_ == "PRON":
        return token.i, token.i + 1, "pronoun", None
    mistagged = token.is_title and token.is_alpha and not token.ent_type_ and token.pos_ in ("ADV", "X") and not token.is_sent_start
    mistagged = mistagged or _is_name_read_as_modal(token)
    if (token.pos_ == "PROPN" or mistagged) and not any(t.pos_ in ("DET", "NOUN") for t in token.lefts):
        # a surname the NER missed ("Espinoza said"): a name, with its compound first names
        # "Democrat Elijah Cummings": a party word before the name is a title, not a first name
        first_names = [t.i for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN" and t.ent_type_ != "NORP"]
        start = min(first_names + [token.i])
        return start, token.i + 1, "name", None
    for child in token.children:
        if child.dep_ == "appos":
            appos_ent = _entity_of(child)
            if appos_ent is not None and appos_ent.label_ in NAMED_LABELS:
                return appos_ent.start, appos_ent.end, "name", appos_ent.label_
    start = token.i
    left_edge = token.left_edge.i
    if token.i - left_edge <= 6 and not any(t.text in ",;:“”\"«»" or t.is_space or _is_spaced_dash(t) for t in token.doc[left_edge : token.i]):
        start = left_edge  # "the 46-year-old", "a senior campaign official"; not over " - " ("the race - HuffPollster")
    end = token.i + 1
    # keep a short "of"/"for" complement: "a spokesman for the ministry"
    for right in token.rights:
        if right.dep_ == "prep" and right.lower_ in ("of", "for", "at", "from") and right.i == end:
            end = right.right_edge.i + 1 if right.right_edge.i - token.i <= 6 else end
            break
    tokens = list(token.doc[start:end])
    kind = "title" if _is_title_phrase(tokens) else "description"
    return start, end, kind, None


def is_inside(token: Token, lo: int, hi: int) -> bool:
    """Whether the token lies wholly in the character range ``[lo, hi)``."""
    return lo <= token.idx and token.idx + len(token) <= hi


def _is_named(token: Token) -> bool:
    """Whether a token is (the head of) a person's or organisation's name."""
    return token.ent_type_ in ("PERSON", "ORG") or token.pos_ == "PROPN" and not token.ent_type_


def _across_paragraph(a: Token, b: Token) -> bool:
    """Whether a paragraph break lies between two tokens (the parse's sentences sometimes run over one)."""
    first, last = (a, b) if a.i < b.i else (b, a)
    return "\n" in a.doc.text[first.idx : last.idx]


_OPENING = ("“", "``", "«")
_CLOSING = ("”", "''", "»")


def _quote_mark(token: Token) -> str | None:
    """``"open"`` or ``"close"`` for a quote mark token (a straight one by its tag), else None."""
    if token.text in _OPENING or token.text == '"' and token.tag_ == "``":
        return "open"
    if token.text in _CLOSING or token.text == '"' and token.tag_ == "''":
        return "close"
    return None


def _in_quoted_words(token: Token, reach: int = 8) -> bool:
    """Whether the token stands between quote marks, in a quotation too short to count as one.

    "\"Meh,\" wrote a Trump supporter": the parse makes the quoted word the subject of
    "wrote"; quoted words never name who speaks.
    """
    doc = token.doc
    left = next((m for t in reversed(doc[max(token.i - reach, 0) : token.i]) if (m := _quote_mark(t))), None)
    right = next((m for t in doc[token.i + 1 : token.i + 1 + reach] if (m := _quote_mark(t))), None)
    return left == "open" and right == "close"


def _passive_agent(verb: Token, lo: int, hi: int) -> Token | None:
    """Who a cue in the passive names with "by": "Sanders was asked by host Bill Maher, “...”".

    The passive subject is the one spoken to; the agent speaks. Only cue verbs: "X was
    praised by Y" quotes nobody.
    """
    if verb.lemma_.lower() not in load_lexicon().cue_verbs or not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    for child in verb.children:
        if child.dep_ == "agent":
            for name in child.children:
                if name.dep_ == "pobj" and not is_inside(name, lo, hi):
                    return name
    return None


def _reporting_verb(verb: Token) -> Token | None:
    """The cue whose report a trailing "adding" or "explaining" goes on with, when the parse hung it inside the report.

    "Trump told Newsmax that Romney “had a crazy policy,” adding, “...”": the parse made
    "adding" a modifier of "had", the reported clause; the one who adds is the one who told.
    Only verbs of going on with one's own words: a "shouting" after "Police said the man
    fled" may be the man's.
    """
    if verb.tag_ != "VBG":
        return None
    if verb.dep_ == "advcl" and verb.lemma_.lower() in _GOING_ON_VERBS:
        clause = verb.head
    elif verb.dep_ == "conj" and verb.head.tag_ != "VBG" and verb.lemma_.lower() in load_lexicon().cue_verbs:
        # "Rubio pushed back, saying that the bill had the right parts - and arguing that “...”":
        # a participle cannot be joined to the finite verb of the report; it goes on with "saying"
        clause = verb.head
        while clause.dep_ == "conj" and clause.head is not clause:
            clause = clause.head
    else:
        return None
    if clause.dep_ != "ccomp" or clause.head.i > clause.i or clause.head.lemma_.lower() not in load_lexicon().cue_verbs:
        return None
    return clause.head


def _text_put_out(noun: Token) -> Token | None:
    """The object of a verb of putting a text out that ``noun`` is, or ends: the text a participle describes.

    "issued a statement saying" (the noun is the object) and "blasted out an email to supporters
    stating" (the parse hangs the participle on the recipients, "supporters", after the object):
    both return the object. ``None`` when the noun is no such object.

    Example:
        >>> # _text_put_out(supporters).text == "email"  # "blasted out an email to supporters stating"
    """
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        # "sent ... to supporters": the recipients hang on the verb; in "a video of its followers
        # saying" they hang on the object, and the followers are the ones saying
        verb = noun.head.head
        objects = [c for c in verb.children if c.dep_ == "dobj" and c.i < noun.i]
        noun = objects[0] if objects else noun
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in ISSUING_VERBS:
        return noun
    return None


def _subject_of(verb: Token, lo: int, hi: int, inverted: bool = False) -> Token | None:
    """The verb's subject, outside the quotation (character range ``lo..hi``).

    ``inverted`` allows "..., said the minister", where the parser sometimes
    hangs the speaker as an object of the verb that follows the quote.
    """
    agent = _passive_agent(verb, lo, hi)
    if agent is not None:
        return agent
    current = _reporting_verb(verb) or verb
    for _ in range(4):
        subjects = [
            child
            for child in current.children
            if child.dep_ in _SUBJECT_DEPS
            and not is_inside(child, lo, hi)
            and not _across_paragraph(child, verb)
            and not _in_quoted_words(child)
        ]
        # the parse may give a verb two subjects when a sentence runs over a quotation
        # ("...never Hillary.” Another commenter said,"): the one nearest the verb is its own
        nearest = min(subjects, key=lambda child: abs(child.i - verb.i), default=None)
        if nearest is not None:
            if nearest.tag_ in ("WP", "WDT") and current.dep_ == "relcl":
                return current.head  # "a surrogate who said": the surrogate
            return nearest
        if current.dep_ in ("conj", "xcomp", "advcl", "pcomp", "prep") and current.head is not current:
            current = current.head
        elif (
            current.dep_ == "acl"
            and _text_put_out(current.head) is not None
            and _text_put_out(current.head).head.i < current.i
            and not _SENTENCE_BREAK.search(verb.doc.text, current.idx, max(lo, current.idx))
        ):
            # "Trump and Ryan issued a statement describing their meeting as “...”": the
            # participle describes the statement, which speaks for whoever issued it
            current = _text_put_out(current.head).head
        elif current.dep_ == "acl" and current.head.i < current.i and _is_named(current.head):
            # "Mitt Romney, the 2012 nominee, tweeted in response:" parsed as a name with a
            # reduced relative clause: the name is the one who tweeted
            return current.head
        elif current.dep_ == "acl" and current.head.i < current.i and _opens_the_frame_after(current.head, hi):
            # "“What if it rained?” the 43-year-old asked": the same misparse of a noun phrase
            # standing alone between the quotation and the cue
            return current.head
        else:
            break
    for child in verb.children:
        # "As Akhil Amar, professor of law, put it": the parse hangs the name on "as"
        if child.lower_ == "as" and child.i < verb.i:
            for name in child.children:
                if name.dep_ == "pobj" and _is_named(name) and not is_inside(name, lo, hi):
                    return name
    if inverted:
        for child in verb.rights:
            if child.dep_ in ("dobj", "attr", "npadvmod", "dative") and child.pos_ in ("PROPN", "NOUN", "PRON"):
                if not is_inside(child, lo, hi) and child.i - verb.i <= 4:
                    return child
    return None


def _is_name_read_as_modal(token: Token) -> bool:
    """Whether a capitalised modal right after a quotation is a name: "“...,” Will wrote."

    Surnames such as Will or May are tagged as modal verbs; after a closing mark, where
    no sentence of the writer's starts with "Will wrote", the word names the speaker.
    """
    if token.tag_ != "MD" or not token.is_title or token.i == 0:
        return False
    return _quote_mark(token.doc[token.i - 1]) == "close"


def _opens_the_frame_after(token: Token, hi: int) -> bool:
    """Whether the token's phrase starts right after the quotation ending at ``hi``: only marks between."""
    start = token.left_edge.idx
    return start >= hi and not any(c.isalnum() for c in token.doc.text[hi:start])


_MAX_ASIDE = 30  # tokens between the name's comma and the cue's


def _name_before_aside(verb: Token, lo: int, hi: int) -> Token | None:
    """The name that opens its clause before an aside set off by commas: "Clinton, exasperated, responded".

    "Trump, the frontrunner after winning the New Hampshire primary, said" names Trump,
    not the place inside the aside: the speaker is the name right before the first comma,
    when that name opens its clause (after a sentence start, a closing mark or a comma).
    """
    doc = verb.doc
    i = verb.i - 1
    while i >= 0 and doc[i].pos_ == "ADV":
        i -= 1
    if i < 1 or doc[i].text != ",":
        return None
    first_comma = None
    for j in range(i - 1, max(i - _MAX_ASIDE, 0) - 1, -1):
        token = doc[j]
        if is_inside(token, lo, hi) or token.is_space or token.text in ("“", "”", '"', "''", "``", "«", "»"):
            break
        if token.text == ",":
            first_comma = j
        if token.is_sent_start:
            break
    if first_comma is None or first_comma < 1:
        return None
    name = doc[first_comma - 1]
    if not (name.ent_type_ in ("PERSON", "ORG") or name.pos_ == "PROPN"):
        return None
    start = entity_of(name).start if name.ent_type_ else name.left_edge.i
    before = doc[start - 1] if start > 0 else None
    if before is None or doc[start].is_sent_start or before.text in (",", "”", "''", '"', "\n") or before.is_space:
        return name
    return None


def _nearest_speaker(verb: Token, lo: int, hi: int) -> Token | None:
    """A name or personal pronoun right before the verb, when the parse gave it no subject.

    "“...,” Ramos, 58, told AFP" and "Jake Sullivan, said:" often come out of the
    parser with the speaker hung elsewhere; it stands a few tokens to the left.
    """
    doc = verb.doc
    named = _name_before_aside(verb, lo, hi)
    if named is not None:
        return named
    for token in reversed(doc[max(verb.i - 8, 0) : verb.i]):
        if is_inside(token, lo, hi) or token.text in "“”\"«»" or token.text in ("''", "``", "\n"):
            return None
        if token.ent_type_ in NAMED_LABELS or token.pos_ == "PROPN":
            if token.dep_ == "pobj":
                continue  # "Tom Baxter, Democrat of Ohio, told": the place describes the speaker
            while token.dep_ == "appos" and token.head.i < token.i and token.head.ent_type_ == "PERSON":
                token = token.head  # "Democrat" stands in apposition to the speaker's name
            return token
        if token.pos_ == "PRON" and token.dep_ != "poss" and token.lower_ in ("he", "she", "they", "i", "we", "it"):
            return token
        if _is_name_read_as_modal(token):
            return token  # "“...,” Will wrote."
        if token.pos_ in ("VERB", "AUX") or token.is_sent_start:
            return None
    return None


def _name_right_after(verb: Token, lo: int, hi: int) -> Token | None:
    """The name right after a cue that follows its quotation, when the parse hung it elsewhere.

    "“...,” said Swiftly, explaining ..." (an unknown surname parsed as an adverb) and
    "''...,'' said Tom Baxter, president of ..." (the subject of a later verb):
    in inverted order the speaker stands right after the verb, one "the" at most between.
    """
    doc = verb.doc
    i = verb.i + 1
    if i < len(doc) and doc[i].lower_ == "the":
        i += 1
    if i >= len(doc) or is_inside(doc[i], lo, hi):
        return None
    token = doc[i]
    if token.ent_type_ in NAMED_LABELS or (token.pos_ == "PROPN" and not token.ent_type_):
        return token
    if token.is_title and token.is_alpha and not token.ent_type_ and token.pos_ in ("ADV", "X", "ADJ", "VERB"):
        return token
    return _name_in_noun_phrase_after(verb, lo, hi) or _noun_right_after(verb, lo, hi)


def _noun_right_after(verb: Token, lo: int, hi: int) -> Token | None:
    """The noun right after an inverted cue, parsed as the subject of a later verb.

    "“...,” said the woman, who like many did not want to be named": the parse made
    "the woman" the subject of "want"; in inverted order the noun phrase right after the
    cue (a determiner and adjectives at most between) is the cue's own subject.
    """
    doc = verb.doc
    for token in doc[verb.i + 1 : verb.i + 5]:
        if is_inside(token, lo, hi) or token.is_punct or token.is_space:
            return None
        if token.pos_ == "NOUN":
            later = token.dep_ in _SUBJECT_DEPS and token.head.i > token.i
            return token if later else None
        if token.pos_ not in ("DET", "ADJ", "NUM"):
            return None
    return None


def _name_in_noun_phrase_after(verb: Token, lo: int, hi: int) -> Token | None:
    """The person named in the words right after an inverted cue, up to the first punctuation.

    "“...,” said Oversight ranking Democrat Elijah Cummings (D-Md.)": the parse made the
    title words a clause of their own; the speaker is the person at the end of the title,
    or the last proper noun when the NER missed the name.
    """
    doc = verb.doc
    words: list[Token] = []
    for token in doc[verb.i + 1 : verb.i + 1 + _MAX_TITLE_WORDS]:
        if token.is_punct or token.is_space or is_inside(token, lo, hi) or token.pos_ in ("AUX", "PRON", "DET") and words:
            break
        words.append(token)
    people = [t for t in words if t.ent_type_ == "PERSON"]
    if people:
        return people[0]
    proper = [t for t in words if t.pos_ == "PROPN" and not t.ent_type_]
    return proper[-1] if proper and proper[-1] is words[-1] else None


def _according_to_object(token: Token) -> Token | None:
    to = token.doc[token.i + 1]
    for child in to.children:
        if child.dep_ == "pobj":
            return child
    return to.doc[to.i + 1] if to.i + 1 < len(to.doc) and to.doc[to.i + 1].pos_ in ("PROPN", "NOUN", "PRON") else None


#: A quoted piece and nothing else (``$`` at the end of the range the match is given)
_OPENING_PIECE = re.compile(r"\s*[\"“«]+[^\"“”«»]+[\"”»]+\s*$")


def _after_short_quotation(cue: Token, lo: int) -> bool:
    """Whether the cue, before the quotation, follows nothing but a short quoted opener in its sentence.

    "\"The risk,\" said Edward Leamer, an economist, \"is that we ...\"": the opener is too
    short to be a quotation of its own, yet the cue after it is inverted all the same.
    """
    text = doc_text(cue.doc)
    if cue.idx >= lo:
        return False
    start = max(cue.sent.start_char, text.rfind("\n", 0, cue.idx) + 1)
    return _OPENING_PIECE.match(text, start, cue.idx) is not None


def _opens_its_sentence(cue: Token, lo: int) -> bool:
    """Whether a cue before the quotation is the first word of its sentence: "Continued Stone: “...”".

    A sentence that opens with its cue puts the speaker after it, as after a quotation;
    the parse, running the sentence before over it, may not see the sentence start.
    """
    text = doc_text(cue.doc)
    if cue.idx >= lo or not cue.is_title or cue.i + 1 >= len(cue.doc):
        return False
    following = cue.doc[cue.i + 1]
    if not (following.pos_ in ("PROPN", "DET") or following.ent_type_ in NAMED_LABELS):
        return False  # "Continued pressure forced ...": a modifier of a noun, not an inverted cue
    start = text.rfind("\n", 0, cue.idx) + 1
    start = max(start, last_sentence_start(text, start, cue.idx) or start)
    return not any(c.isalnum() for c in text[start : cue.idx])


def mention_from_cue(cue: Token, lo: int, hi: int) -> SpeakerMention | None:
    """The speaker mention a cue (or any verb) introduces for the quotation at ``lo..hi``.

    Args:
        cue: The cue verb, or "according".
        lo: Offset of the quotation's opening mark.
        hi: Offset just past its closing mark.

    Returns:
        The :class:`SpeakerMention`, or ``None`` when the verb has no usable subject.
    """
    doc = cue.doc
    right_after: Token | None = None
    if cue.lower_ == "according":
        subject = _according_to_object(cue)
        cue_text, cue_lemma = "according to", "according to"
    else:
        between = doc_text(doc)[hi:cue.idx] if cue.idx >= hi else "x"
        inverted = not any(c.isalnum() for c in between) or _after_short_quotation(cue, lo) or _opens_its_sentence(cue, lo)
        subject = _subject_of(cue, lo, hi, inverted)
        right_after = _name_right_after(cue, lo, hi) if subject is None and inverted else None
        subject = subject or right_after or _nearest_speaker(cue, lo, hi)
        cue_text, cue_lemma = cue.text, cue.lemma_.lower()
    if subject is None:
        return None
    if subject is not right_after and subject.dep_ not in _SUBJECT_DEPS and subject.pos_ not in ("PROPN", "NOUN", "PRON", "NUM", "X"):
        # "the 43-year-old asked": an adjective heads the phrase the cue was hung on
        if not (subject.pos_ == "ADJ" and any(c.dep_ == "acl" for c in subject.children)):
            if not _is_name_read_as_modal(subject):
                return None
    start, end, kind, label = speaker_span(subject)
    span = doc[start:end]
    return SpeakerMention(
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        kind=kind,
        label=label,
        cue=cue_text,
        cue_lemma=cue_lemma,
        cue_start=cue.idx,
    )


def mention_from_token(token: Token, cue: str, cue_lemma: str, cue_start: int) -> SpeakerMention:
    """The speaker mention a token stands for (its name, pronoun or noun phrase), with a given cue.

    Args:
        token: The speaker's head token ("Clinton" in "Clinton: “...”").
        cue: The cue as written (":" for a transcript turn).
        cue_lemma: Its lemma.
        cue_start: Offset of the cue.

    Returns:
        The :class:`SpeakerMention`.
    """
    start, end, kind, label = speaker_span(token)
    span = token.doc[start:end]
    return SpeakerMention(span.start_char, span.end_char, span.text, kind, label, cue, cue_lemma, cue_start)
