"""Find who a quotation is attributed to: the cue and the speaker as written.

A quotation's speaker is the subject of a cue verb ("said", "wrote",
"tweeted"...) in the attribution frame around it: the text after the closing
mark up to the end of its sentence ("“...,” Trump wrote."), or the text before
the opening mark back to the start of its sentence ("He added, “...”"). The
frame never reaches into another quotation or another paragraph. Without a
cue, three fallbacks follow: any verb right after a quotation ending in a comma
("“Go back,” Trump barked"), the sentence ending in ":" before a block quotation
("Cruz continued:"), and the verb the quotation's words hang from ("Gorab called
the show “...”"). The verb's subject is :mod:`newsfold.quotes.subjects`' job;
what the speaker refers to (a pronoun's antecedent, a title's holder) is
:mod:`newsfold.quotes.resolve`'s.

Example:
    >>> # mention = find_speaker_mention(doc, span.open_mark, span.close_mark, 0, len(text))
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsfold.quotes.docindex import doc_text, sentence_of, token_index_at
from newsfold.quotes.lexicon import load_lexicon
from newsfold.quotes.subjects import SpeakerMention, mention_from_cue

__all__ = ["find_speaker_mention"]

_MAX_FRAME = 250  # characters: an attribution sits next to its quote
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
        if token.lemma_.lower() in cues and token.pos_ in ("VERB", "AUX", "NOUN"):
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

    after = _cue_tokens(doc, after_lo, after_hi)
    before = list(reversed(_cue_tokens(doc, before_lo, before_hi)))
    content_end = close_at
    ends_with_comma = text[max(content_end - 1, 0)] == "," or text[content_end + 1 : content_end + 2] == ","
    order = (after, before) if ends_with_comma or not before else (before, after)
    for cues in order:
        # "“...,” Okoro said, with a calm that suggested ...": a cue in a relative or
        # adverbial clause speaks of someone else; the frame's main cues come first
        for cue in sorted(cues, key=lambda cue: cue.dep_ in _SUBORDINATE_DEPS):
            mention = _framed(mention_from_cue(cue, open_mark, close_at + 1), lower_bound, upper_bound)
            if mention is not None:
                return mention
    # "“Go back,” Trump barked": any verb with a subject right after a quote ending in , ? !
    if text[max(content_end - 1, 0)] in ",?!" or text[content_end + 1 : content_end + 2] == ",":
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
    # "Cruz continued:" ending the paragraph before a block quotation
    intro = _introducing_sentence(doc, open_mark)
    if intro is not None:
        for cue in reversed(_cue_tokens(doc, *intro)):
            mention = _framed(mention_from_cue(cue, open_mark, close_at + 1), lower_bound, upper_bound)
            if mention is not None:
                return mention
        intro_tokens = doc[token_index_at(doc, intro[0]) : token_index_at(doc, intro[1])]
        roots = [t for t in intro_tokens if t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX")]
        if roots:
            return _framed(mention_from_cue(roots[-1], open_mark, close_at + 1), lower_bound, upper_bound)
    # "Gorab called the show “the news show of record.”": the verb the quote hangs from
    verb = _governing_verb(doc, open_mark, close_at)
    if verb is not None and before_lo <= verb.idx < after_hi and not (open_mark <= verb.idx <= close_at):
        return _framed(mention_from_cue(verb, open_mark, close_at + 1), lower_bound, upper_bound)
    return None
