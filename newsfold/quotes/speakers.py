"""Find who a quotation is attributed to: the cue and the speaker as written.

A quotation's speaker is the subject of a cue verb ("said", "wrote",
"tweeted"...) in the attribution frame around it: the text after the closing
mark up to the end of its sentence ("“...,” Trump wrote."), or the text before
the opening mark back to the start of its sentence ("He added, “...”"). The
frame never reaches into another quotation or another paragraph. Without a
cue, fallbacks follow: any verb right after a quotation ending in a comma
("“Go back,” Trump barked"), a cue the tagger read as a noun there ("“...,” the
two write."), the clause ending in ":" before the quotation or its paragraph
("Cruz continued:", "Clinton apologized:", a transcript's "Clinton:"), the verb
the quotation's words hang from ("Gorab called the show “...”"), and a byline
in the paragraph below ("- Bernie Sanders."). The verb's subject is :mod:`newsfold.quotes.subjects`' job;
what the speaker refers to (a pronoun's antecedent, a title's holder) is
:mod:`newsfold.quotes.resolve`'s.

Example:
    >>> # mention = find_speaker_mention(doc, span.open_mark, span.close_mark, 0, len(text))
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from newsfold.quotes.docindex import doc_text, sentence_of, token_index_at
from newsfold.quotes.lexicon import load_lexicon
from newsfold.quotes.sentences import last_sentence_start
from newsfold.quotes.subjects import ISSUING_VERBS, NAMED_LABELS, SpeakerMention, mention_from_cue, mention_from_token

__all__ = ["find_speaker_mention", "speaker_in_paragraph_before"]

_MAX_FRAME = 250  # characters: an attribution sits next to its quote
_MAX_LABEL_WORDS = 10  # a transcript turn's label ("Former secretary of state Hillary Rodham Clinton:")
_SPACED_DASH = re.compile(r"\s[-–—]+")
_DASH_BEFORE_LABEL = re.compile(r"\s[-–—]+\s*$")
_DASHES = "-–—~"
_MAX_NOUN_CUE_SUBJECT_WORDS = 8  # "a voice-over in the ad states"
_MAX_BYLINE_WORDS = 12  # "-President Obama, tweeting after Clinton's speech."
_BYLINE_NAME_WITHIN = 3  # words after the dash
_CLOSING_MARKS = "'\"’”»"
_SUBORDINATE_DEPS = frozenset({"relcl", "acl", "advcl", "pcomp"})


def _governing_verb(doc: Doc, open_mark: int, close_mark: int) -> Token | None:
    """The verb outside the quotation that the quotation's words hang from."""
    first = token_index_at(doc, open_mark)
    while first < len(doc) and doc[first].idx <= open_mark:
        first += 1
    inside = [doc[first]] if first < len(doc) and doc[first].idx < close_mark else []
    if not inside:
        return None
    token = inside[0]
    for _ in range(12):
        if not (open_mark <= token.idx <= close_mark) and token.pos_ in ("VERB", "AUX"):
            return token
        if token.head is token:
            return None
        token = token.head
    return None


def _a_text_reads(token: Token) -> bool:
    """Whether "read" says what a text reads: "“...,” the email read.", "a sign that read, “...”".

    Not someone reading something ("He read the letter aloud", "she read from notes"):
    no object, and a subject, if any, that is a common noun.
    """
    if token.pos_ != "VERB" or any(c.dep_ in ("dobj", "prep") for c in token.children):
        return False
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    return all(c.pos_ in ("NOUN", "NUM") or c.tag_ == "WDT" for c in subjects)


def _cue_tokens(doc: Doc, lo: int, hi: int) -> list[Token]:
    """Cue tokens whose start lies in the character range ``[lo, hi)``."""
    cues = load_lexicon().cue_verbs
    found = []
    for i in range(token_index_at(doc, lo), len(doc)):
        token = doc[i]
        if token.idx < lo:
            continue
        if token.idx >= hi:
            break
        if token.lemma_.lower() == "put" and any(c.dep_ == "dobj" and c.lower_ == "it" for c in token.children):
            found.append(token)  # "As Professor Foner put it, ..."
        elif token.lemma_.lower() == "read" and _a_text_reads(token):
            found.append(token)  # "“...,” the email read."
        elif token.lemma_.lower() in cues and token.pos_ in ("VERB", "AUX", "NOUN"):
            if token.pos_ == "NOUN" and token.dep_ not in ("ROOT", "conj", "relcl"):
                continue  # "a statement" is not a cue; a mis-tagged "tweets" at the root is
            found.append(token)
        elif token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            found.append(token)
    return found


def _sentence_bounds(doc: Doc, offset: int) -> tuple[int, int]:
    """Character range of the sentence holding the token at or after ``offset``."""
    i = token_index_at(doc, offset)
    if i >= len(doc):
        return len(doc_text(doc)), len(doc_text(doc))
    sent = sentence_of(doc[i])
    return sent.start_char, sent.end_char


def _paragraph_bounds(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, len(text) if end < 0 else end


def _introducing_sentence(doc: Doc, open_mark: int) -> tuple[int, int] | None:
    """The sentence that ends in ":" right before a paragraph opened by the quote."""
    text = doc_text(doc)
    para_start = text.rfind("\n", 0, open_mark) + 1
    if text[para_start:open_mark].strip() or para_start == 0:
        return None
    end = para_start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end == 0 or text[end - 1] != ":":
        return None
    start, _ = _sentence_bounds(doc, end - 1)
    return max(start, text.rfind("\n", 0, end - 1) + 1), end


def _colon_clause(doc: Doc, open_mark: int, lower_bound: int) -> tuple[int, int] | None:
    """The clause ending in ":" right before the opening mark, in the quotation's own paragraph.

    It runs back to the start of its sentence, of the paragraph, of the frame
    (``lower_bound``: the end of the previous quotation) or a spaced dash, whichever
    is nearest: "Blumenthal and Cohen" in "Signs of a shift were there all along -
    Blumenthal and Cohen: “...”".
    """
    text = doc_text(doc)
    end = open_mark
    while end > 0 and text[end - 1].isspace() and text[end - 1] != "\n":
        end -= 1  # a no-break space counts as a space: "in its findings:\xa0“..."
    if end == 0 or text[end - 1] != ":":
        return None
    sent_start, _ = _sentence_bounds(doc, end - 1)
    start = max(sent_start, text.rfind("\n", 0, end - 1) + 1, lower_bound)
    dashes = list(_SPACED_DASH.finditer(text, start, end - 1))
    if dashes:
        start = dashes[-1].end()
    while start < end and not text[start].isalnum():
        start += 1  # the previous quotation's closing mark
    return (start, end) if start < end - 1 else None


def _label_speaker(doc: Doc, lo: int, hi: int, open_mark: int, close_at: int) -> SpeakerMention | None:
    """The speaker of a transcript turn: a clause without a verb that names someone before ":".

    "Clinton: “Our goal is to defeat ISIS.”", "Rep. Trey Gowdy (R-S.C.): “...”",
    "More from Jones: “...”", "From the report: “...”" (the text, as a description). A verbless
    clause naming nobody ("Update: “...”",
    "In Iowa: “...”": a place after a preposition) gives no speaker.
    """
    tokens = [t for t in doc[token_index_at(doc, lo) : token_index_at(doc, hi)] if lo <= t.idx < hi - 1]
    words = [t for t in tokens if not (t.is_punct or t.is_space)]
    if not words or len(words) > _MAX_LABEL_WORDS or any(t.pos_ in ("VERB", "AUX") for t in words):
        return None

    def speaks(token: Token) -> bool:
        # "In Iowa:" is a place, "More from Jones:" a source
        return token.dep_ != "pobj" or token.head.lower_ == "from"

    people = [t for t in words if t.ent_type_ == "PERSON" and speaks(t)]
    named = [t for t in words if t.ent_type_ in NAMED_LABELS and speaks(t)]
    proper = [t for t in words if t.pos_ == "PROPN" and speaks(t)]
    # "From the report: “...”": the text it is taken from, when no name is given
    texts = [t for t in words if t.pos_ == "NOUN" and t.dep_ == "pobj" and t.head.lower_ == "from"]
    chosen = (people or named or proper or texts or [None])[-1]
    if chosen is None:
        return None
    return mention_from_token(chosen, ":", ":", hi - 1)


def _text_as_follows(doc: Doc, lo: int, hi: int) -> SpeakerMention | None:
    """The text a clause "<text> as follows:" announces: "Partial transcript as follows: ¶ “...”".

    The parse leaves "follows" without a subject there, so no cue speaks; the noun before
    "as follows" (a transcript, a statement, a letter) is the quotation's source, as a
    description. A clause with a verb of its own ("Trump answered as follows:") is the cues'.

    Example:
        >>> # _text_as_follows(doc, lo, hi).text == "Partial transcript"
    """
    words = [t for t in doc[token_index_at(doc, lo) : token_index_at(doc, hi)] if lo <= t.idx < hi - 1 and not t.is_punct]
    if len(words) < 3 or [t.lower_ for t in words[-2:]] != ["as", "follows"]:
        return None
    nouns = [t for t in words[:-2] if t.pos_ in ("NOUN", "PROPN")]
    if not nouns or any(t.pos_ in ("VERB", "AUX") for t in words[:-2]):
        return None
    # a text, never a name: "Transcript" opening a paragraph is tagged as a proper noun
    span = doc[words[0].i : nouns[-1].i + 1]
    return SpeakerMention(span.start_char, span.end_char, span.text, "description", None, words[-1].text, "follow", words[-1].idx)


def _cue_read_as_noun(doc: Doc, lo: int, hi: int) -> SpeakerMention | None:
    """The speaker before a cue verb tagged as a noun, right after a quotation ending in a comma.

    "“...,” the two write.", "“...,” the Saudis state in the white paper", "“...,” a
    voice-over in the ad states.": a few words, then a present-tense cue that the
    tagger read as a noun ("state", "states") and the parse left without a subject.
    The words before it speak; "“...,” the state budget says" (a verb) is the normal case.
    """
    cues = load_lexicon().cue_verbs
    words: list[Token] = []
    for token in doc[token_index_at(doc, lo) :]:
        if token.idx < lo or token.is_space:
            continue
        if token.idx >= hi or len(words) > _MAX_NOUN_CUE_SUBJECT_WORDS or token.pos_ in ("VERB", "AUX"):
            return None
        form = token.lower_
        lemma = token.lemma_.lower()
        if token.pos_ == "NOUN" and (lemma in cues or lemma == "read") and form in (lemma, lemma + "s") and words:
            following = doc[token.i + 1] if token.i + 1 < len(doc) else None
            if following is not None and (following.text in "-–—" or not (following.is_punct or following.pos_ == "ADP")):
                return None
            if words[-1].pos_ == "DET" or words[-1].tag_ == "PRP$":
                return None  # "his boast-averse mother": a noun after all
            named = [t for t in words if t.ent_type_ in NAMED_LABELS]
            if named:
                return mention_from_token(named[-1], token.text, lemma, token.idx)
            span = doc[words[0].i : token.i]
            kind = "title" if _is_title_words(span) else "description"
            return SpeakerMention(span.start_char, span.end_char, span.text, kind, None, token.text, lemma, token.idx)
        if token.is_punct and token.text not in "-–—":
            return None
        words.append(token)
    return None


def _is_title_words(span) -> bool:
    titles = load_lexicon().titles
    return any(t.lower_ in titles for t in span)


def _byline_after(doc: Doc, close_at: int, upper_bound: int) -> SpeakerMention | None:
    """The speaker signed under a quotation ending its paragraph: "“...” ¶ - Bernie Sanders."

    The next paragraph opens with a dash and names a person within its first words
    ("-President Obama, tweeting after Clinton's speech."); a dash paragraph that
    opens with anything else ("- exchange during a hearing") signs nothing.
    """
    text = doc_text(doc)
    para_end = text.find("\n", close_at)
    if para_end < 0 or any(c.isalnum() for c in text[close_at + 1 : para_end]):
        return None
    start = para_end
    while start < len(text) and text[start].isspace():
        start += 1
    if start >= min(upper_bound, len(text)) or text[start] not in _DASHES:
        return None
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    tokens = [t for t in doc[token_index_at(doc, start) : token_index_at(doc, end)] if start < t.idx < end]
    words = [t for t in tokens if not (t.is_punct or t.is_space)]
    if not words or len(words) > _MAX_BYLINE_WORDS:
        return None
    for token in words[:_BYLINE_NAME_WITHIN]:
        if token.ent_type_ in ("PERSON", "ORG") or token.pos_ == "PROPN":
            # the name's last word: speaker_span takes the entity or the compound before it
            while token.i + 1 < len(doc) and doc[token.i + 1].ent_iob_ == "I":
                token = doc[token.i + 1]
            return mention_from_token(token, text[start], text[start], start)
    return None


def _last_word_index(doc: Doc, open_mark: int, lo: int = 0) -> int:
    """Index of the last word before the opening mark, past a colon or comma, adverbs and particles (-1: none from ``lo``)."""
    i = token_index_at(doc, open_mark) - 1
    while i >= 0 and doc[i].idx >= lo and (
        doc[i].is_space or doc[i].text in (",", ":") or doc[i].pos_ == "ADV" or doc[i].dep_ == "prt"
    ):
        i -= 1
    return i


def _token_right_before(doc: Doc, open_mark: int) -> Token | None:
    """The last word before the opening mark, past a colon or comma, adverbs and particles."""
    i = _last_word_index(doc, open_mark)
    return doc[i] if i >= 0 else None


def _main_verb_leading_in(doc: Doc, lo: int, open_mark: int) -> Token | None:
    """The main verb that ends the words right before the opening mark: "Hillary shot back, “...”".

    Only a comma or colon, adverbs and particles may stand between it and the mark, and it
    must be its sentence's main verb (or one joined to it, or hung on the quotation): the speaker of "When Trump
    suggested a deal, Rubio fired back forcefully: “...”" is Rubio, whatever verb he speaks
    with; and "Trump issued a statement, “...”" is Trump's, the text's author. A verb in a clause of
    its own ("As the band sang in 1980, “...”") is left to the cues.
    """
    i = _last_word_index(doc, open_mark, lo)
    if i < 0 or doc[i].idx < lo or i == token_index_at(doc, open_mark) - 1:
        return None  # nothing skipped: not even the comma or colon that leads into a quotation
    token = doc[i]
    head = token.head
    if token.pos_ == "NOUN" and token.dep_ == "dobj" and head.i < token.i and head.lemma_.lower() in ISSUING_VERBS:
        if token.left_edge.i == head.i + 1:
            token = head  # "Trump issued a statement, “...”": the text put out speaks for its author
    if token.pos_ != "VERB" or token.tag_ in ("VBG", "VBN"):
        return None
    first = token
    while first.dep_ == "conj" and first.head is not first:
        first = first.head  # "a threat many make but few keep:": joined to a relative clause
    # the parse often makes the quotation the main clause and hangs the verb on it
    if first.dep_ != "ROOT" and first.head.idx < open_mark:
        return None
    return token


def _colon_clause_subject(doc: Doc, colon: tuple[int, int], open_mark: int, close_at: int) -> SpeakerMention | None:
    """The subject of the main verb of a clause ending in ":" right before the quotation.

    "Clinton’s response was:", "Perez lobbies for a higher minimum wage:". Only a verb the parse
    made its sentence's root: when it hangs the verb on the quotation ("The question was simple:
    “Will it hold?”"), the clause is often a comment on the quotation rather than its source.
    """
    tokens = doc[token_index_at(doc, colon[0]) : token_index_at(doc, colon[1])]
    mains = [t for t in tokens if t.pos_ in ("VERB", "AUX") and t.dep_ == "ROOT" and colon[0] <= t.idx < colon[1]]
    if not mains or not any(c.dep_ in ("nsubj", "nsubjpass") for c in mains[0].children):
        return None
    return mention_from_cue(mains[0], open_mark, close_at + 1)


def _attributed_right_after(doc: Doc, after: list[Token], after_lo: int, open_mark: int, close_at: int) -> bool:
    """Whether a cue after the quotation names its speaker right after the closing mark: "“...?” the minister asked".

    Only the speaker and the cue, in either order, may stand between the mark and the end of
    the attribution; "“...?” Dalton Brody is a store ..., according to its website" is no such one.
    """
    text = doc_text(doc)
    for cue in after:
        mention = mention_from_cue(cue, open_mark, close_at + 1)
        if mention is None:
            continue
        first = min(mention.start, cue.idx)
        last = max(mention.end, cue.idx + len(cue))
        between = text[after_lo:first] + text[min(mention.end, cue.idx + len(cue)) : max(mention.start, cue.idx)]
        if first >= after_lo and last > after_lo and not any(c.isalnum() for c in between):
            return True
    return False


def _participle_fragment_speaker(
    doc: Doc, before: list[Token], open_mark: int, close_at: int, para_start: int
) -> SpeakerMention | None:
    """The speaker of a sentence that is only a participle cue: "... said the report was bad. Adding, “...”".

    The fragment goes on with the sentence before it, in its paragraph: that sentence's own
    cue (not one in a clause it reports) names the speaker.
    """
    text = doc_text(doc)
    fragment = next((cue for cue in before if cue.tag_ == "VBG" and cue.is_title), None)
    if fragment is None or any(c.dep_ in ("nsubj", "nsubjpass") for c in fragment.children):
        return None
    start = last_sentence_start(text, para_start, fragment.idx)
    if start is None or any(c.isalnum() for c in text[start : fragment.idx]):
        return None  # the participle does not open its sentence
    previous_start = last_sentence_start(text, para_start, start - 2) or para_start
    cues = [cue for cue in _cue_tokens(doc, previous_start, start) if cue.lower_ != "according"]
    for cue in cues:
        if cue.dep_ in _SUBORDINATE_DEPS or any(ancestor in cues for ancestor in cue.ancestors):
            continue
        mention = mention_from_cue(cue, open_mark, close_at + 1)
        if mention is not None and previous_start <= mention.start < start:
            return SpeakerMention(
                mention.start, mention.end, mention.text, mention.kind, mention.label,
                fragment.text, fragment.lemma_.lower(), fragment.idx,
            )
    return None


def _is_embedded_cue(cue: Token, cues: list[Token], anchor: Token | None) -> bool:
    """Whether the cue lies in what another cue of the frame reports: that one speaks first.

    "McConnell says that the American people are seeking a leader to counter threats, but
    Obama is giving them “lectures”": "counter" is no speech act of its own here but a word of
    McConnell's sentence. Not a cue with a subject of its own that the quotation hangs from
    (``anchor``: "Trump said Clinton told the crowd “we will ...”" is Clinton's), not
    "according to X" (the source of the whole report), and not a cue merely conjoined with
    another ("a woman asked for a photo and Clinton said, “...”").
    """
    if cue.lower_ == "according":
        return False
    if anchor is not None and anchor.i == cue.i and any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children):
        return False  # the quotation is what this cue's own subject said
    token, path = cue, []
    while token.head.i != token.i:  # the root is its own head
        path.append(token.dep_)
        token = token.head
        if token in cues and token.lower_ != "according" and any(dep != "conj" for dep in path):
            return True
    return False


def _framed(mention: SpeakerMention | None, lower_bound: int, upper_bound: int) -> SpeakerMention | None:
    """The mention, unless it lies in a neighbouring quotation.

    The parse may give a cue a subject inside the previous quotation ("“Try Dayton. Or
    Akron,” Okoro said. “The jobs figures are better.”": "Akron" as the subject of "said");
    the words of a quotation never name the speaker of the next one.
    """
    if mention is None or mention.start < lower_bound or mention.end > upper_bound:
        return None
    return mention


def find_speaker_mention(
    doc: Doc, open_mark: int, close_mark: int | None, lower_bound: int, upper_bound: int
) -> SpeakerMention | None:
    """Find the cue and speaker mention of a quotation.

    Args:
        doc: The parsed article.
        open_mark: Offset of the quotation's opening mark (or content start).
        close_mark: Offset of its closing mark (or content end).
        lower_bound: The frame may not start before this offset (end of the
            previous quotation).
        upper_bound: The frame may not end after this offset (start of the next
            quotation).

    Returns:
        The :class:`SpeakerMention`, or ``None`` when no cue with a subject
        frames the quotation.
    """
    text = doc_text(doc)
    close_at = open_mark if close_mark is None else close_mark
    para_start, _ = _paragraph_bounds(text, open_mark)
    _, para_end = _paragraph_bounds(text, close_at)
    # after the quotation: up to the end of the sentence that follows the mark (a two-character
    # closing mark, '' in ASCII text, ends one character later: "?'' Mr. Trump asked.")
    after_lo = close_at + (2 if close_mark is not None and text.startswith("''", close_at) else 1)
    if close_mark is not None:
        # a quotation inside the quotation may close with it ("...mean by that?'''", "win
        # Loudoun?’\""): the frame after starts after all the closing marks
        while after_lo < len(text) and text[after_lo] in _CLOSING_MARKS:
            after_lo += 1
    sent_start, sent_end = _sentence_bounds(doc, after_lo)
    after_hi = min(para_end, upper_bound, after_lo + _MAX_FRAME, max(sent_end, after_lo))
    if sent_start > after_lo + 2 and text[after_lo:sent_start].strip():
        after_hi = min(after_hi, sent_start)
    # before the quotation: back to the start of the sentence holding the mark
    before_hi = open_mark
    last_char = open_mark - 1
    while last_char > 0 and text[last_char].isspace():
        last_char -= 1
    sent_start, _ = _sentence_bounds(doc, max(last_char, 0))
    before_lo = max(para_start, lower_bound, before_hi - _MAX_FRAME, min(sent_start, before_hi))

    colon = _colon_clause(doc, open_mark, lower_bound)
    if colon is not None and _DASH_BEFORE_LABEL.search(text, before_lo, colon[0]):
        # "Pollsters agree - Carl Bialik: “...”": a digest's headline, a dash, then who speaks;
        # the headline's verb does not
        before_lo = max(before_lo, colon[0])
    after = _cue_tokens(doc, after_lo, after_hi)
    before = list(reversed(_cue_tokens(doc, before_lo, before_hi)))
    # the parse may run the sentence before over the quotation ("“...,” Franken said. “Well
    # ...” he said"): a cue in a sentence that ended in the text comes after all the others,
    # unless the quotation ends its own sentence ("“...,” said Greene. “...” Greene added that")
    text_start = last_sentence_start(text, before_lo, open_mark)
    closes_sentence = text[open_mark:close_at].rstrip("'\"’” ").endswith(".")
    earlier = [cue for cue in before if text_start is not None and cue.idx < text_start and not closes_sentence]
    before = [cue for cue in before if cue not in earlier]
    lead = _main_verb_leading_in(doc, before_lo, open_mark)
    if lead is not None and lead not in before and all(cue.dep_ in _SUBORDINATE_DEPS for cue in before):
        before.insert(0, lead)  # "When Trump suggested ..., Rubio fired back: “...”"
    content_end = close_at
    while content_end > open_mark + 1 and text[content_end - 1] in _CLOSING_MARKS:
        content_end -= 1  # "like ‘Ebony and Ivory,’” he explained": the comma inside the inner quotation
    ends_with_comma = text[max(content_end - 1, 0)] == "," or text[close_at + 1 : close_at + 2] == ","
    order = ((after, before) if ends_with_comma or not before else (before, after)) + (earlier,)
    anchor = _governing_verb(doc, open_mark, close_at)
    ends_with_colon = text[:open_mark].rstrip().endswith(":")
    right_before = _token_right_before(doc, open_mark) if ends_with_colon else None
    if (
        ends_with_colon
        and not before
        and not ends_with_comma
        and colon is not None
        and not _attributed_right_after(doc, after, after_lo, open_mark, close_at)
    ):
        # "Clinton’s response was: “Is Dalton Brody off Conn?” Dalton Brody is a store ...,
        # according to its website.": a clause leading in with a colon names the speaker before a
        # cue further on does; "The question was: “...?” the minister asked" keeps its attribution
        mention = _colon_clause_subject(doc, colon, open_mark, close_at)
        if mention is not None:
            return _framed(mention, lower_bound, upper_bound)
    for cues in order:
        # "“...,” Okoro said, with a calm that suggested ...": a cue in a relative or
        # adverbial clause speaks of someone else; the frame's main cues come first
        ranked = sorted(cues, key=lambda cue: (cue.dep_ in _SUBORDINATE_DEPS, _is_embedded_cue(cue, cues, anchor)))
        if cues is before and before and right_before is not None and before[0].i == right_before.i:
            # "She said the plans were strong, to which O'Malley interjected: “...”": the cue
            # that ends the words right before the colon introduces the quotation, in any clause
            ranked = [before[0]] + [cue for cue in ranked if cue.i != before[0].i]
        for cue in ranked:
            mention = _framed(mention_from_cue(cue, open_mark, close_at + 1), lower_bound, upper_bound)
            if mention is not None:
                return mention
    # "“Go back,” Trump barked": any verb with a subject right after a quote ending in , ? !
    if text[max(content_end - 1, 0)] in ",?!" or text[close_at + 1 : close_at + 2] == ",":
        for i in range(token_index_at(doc, after_lo), len(doc)):
            token = doc[i]
            if token.idx < after_lo:
                continue
            if token.idx >= after_hi or token.i > 0 and doc[token.i - 1].idx >= after_lo + 40:
                break
            if token.pos_ == "VERB":
                mention = _framed(mention_from_cue(token, open_mark, close_at + 1), lower_bound, upper_bound)
                if mention is not None:
                    return mention
                break
    # "“...,” the two write.": a cue the tagger took for a noun, right after the quotation
    if text[max(content_end - 1, 0)] in ",?!" or text[close_at + 1 : close_at + 2] == ",":
        mention = _cue_read_as_noun(doc, after_lo, after_hi)
        if mention is not None:
            return _framed(mention, lower_bound, upper_bound)
    # "Cruz continued:" ending the paragraph before a block quotation, or "Clinton apologized:"
    # and "Clinton:" right before it in its own paragraph
    for intro in (_introducing_sentence(doc, open_mark), _colon_clause(doc, open_mark, lower_bound)):
        if intro is None:
            continue
        for cue in reversed(_cue_tokens(doc, *intro)):
            mention = _framed(mention_from_cue(cue, open_mark, close_at + 1), lower_bound, upper_bound)
            if mention is not None:
                return mention
        intro_tokens = doc[token_index_at(doc, intro[0]) : token_index_at(doc, intro[1])]
        verbs = [t for t in intro_tokens if t.pos_ in ("VERB", "AUX")]
        roots = [t for t in verbs if t.dep_ == "ROOT"][-1:]
        # the parse may hang the clause's main verb on the quotation ("She went on: “...”")
        roots = roots or [t for t in verbs if not intro[0] <= t.head.idx < intro[1]][:1]
        if roots:
            return _framed(mention_from_cue(roots[0], open_mark, close_at + 1), lower_bound, upper_bound)
        label = _label_speaker(doc, *intro, open_mark, close_at) or _text_as_follows(doc, *intro)
        if label is not None:
            return _framed(label, lower_bound, upper_bound)
    # "Maher said the report “was bad.” Adding, “...”": a participle opening its own sentence
    mention = _participle_fragment_speaker(doc, before, open_mark, close_at, para_start)
    if mention is not None:
        return _framed(mention, lower_bound, upper_bound)
    # "Gorab called the show “the news show of record.”": the verb the quote hangs from
    verb = _governing_verb(doc, open_mark, close_at)
    if verb is not None and before_lo <= verb.idx < after_hi and not (open_mark <= verb.idx <= close_at):
        return _framed(mention_from_cue(verb, open_mark, close_at + 1), lower_bound, upper_bound)
    # "“...” ¶ - Bernie Sanders.": signed in the paragraph below
    return _byline_after(doc, close_at, upper_bound)


def speaker_in_paragraph_before(doc: Doc, open_mark: int, close_mark: int | None) -> SpeakerMention | None:
    """The speaker a quote-only paragraph takes from the reported speech just before it.

    "Trump was quick to add that the negotiation does not include nixing the idea. ¶
    “Building it? Not negotiable.”": the last sentence of the paragraph before (one
    without quotations: the caller checks) has a cue verb, and its subject speaks on.

    Args:
        doc: The parsed article.
        open_mark: Offset of the quotation's opening mark.
        close_mark: Offset of its closing mark, or ``None``.

    Returns:
        The cue's :class:`SpeakerMention`, or ``None``.
    """
    text = doc_text(doc)
    para_start = text.rfind("\n", 0, open_mark) + 1
    end = para_start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end == 0:
        return None
    start, _ = _sentence_bounds(doc, end - 1)
    start = max(start, text.rfind("\n", 0, end - 1) + 1)
    close_at = open_mark if close_mark is None else close_mark
    cues = [cue for cue in _cue_tokens(doc, start, end) if cue.lower_ != "according"]
    for cue in sorted(cues, key=lambda cue: (cue.dep_ in _SUBORDINATE_DEPS, len(list(cue.ancestors)))):
        # the sentence's own cue, not one in a clause it reports or in a noun's description:
        # "Carter said that some critics had been predicting a withdrawal" is Carter's, and
        # "superdelegates currently pledged to Clinton" do not speak
        if cue.dep_ in ("acl", "relcl") or any(ancestor in cues for ancestor in cue.ancestors):
            continue
        mention = mention_from_cue(cue, open_mark, close_at + 1)
        if mention is not None and start <= mention.start < end:
            return mention
    # "the DNC issued a statement apologizing to Sanders. ¶ “On behalf of everyone ...”": a
    # sentence saying that someone put a text out announces the text quoted below it
    for verb in doc[token_index_at(doc, start) : token_index_at(doc, end)]:
        if verb.lemma_.lower() not in ISSUING_VERBS or verb.pos_ != "VERB" or verb.dep_ in ("acl", "relcl"):
            continue
        if not any(c.dep_ == "dobj" and c.pos_ == "NOUN" for c in verb.children):
            continue
        mention = mention_from_cue(verb, open_mark, close_at + 1)
        if mention is not None and start <= mention.start < end:
            return mention
    return None
