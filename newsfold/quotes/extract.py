"""Extract the quotations of one parsed article, with speakers, cues and media.

Three kinds of quotation are found, then attributed in text order so that a
pronoun can refer back to an earlier named speaker:

1. quoted spans between paired marks (:mod:`newsfold.quotes.marks`) of at
   least :data:`MIN_QUOTE_WORDS` words (shorter ones are scare quotes and
   titles: a “disaster”, “Saturday Night Live”);
2. tweet embeds (:mod:`newsfold.quotes.embeds`), spoken by the account;
3. first-person speech that lost its marks (:mod:`newsfold.quotes.unmarked`).

A quotation with no attribution frame of its own inherits the speaker of the
quotation it continues: the previous one in its paragraph when only that one's
attribution lies between them ("“A,” he said. “B.”"), or the last one of the
paragraph before when the quotation fills its own paragraph (the newspaper way
of running a speech over paragraphs), or the one whose attribution sentence ends
right before it (a title in marks in between). A quote-only paragraph after a
paragraph without quotations takes the speaker of that paragraph's closing cue,
else the one its next paragraph's quotation names. No frame and no such
neighbour means a null speaker.

Example:
    >>> # quotes = extract_quotes(nlp(text))
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from newsfold.quotes.embeds import TweetEmbed, find_tweet_embeds
from newsfold.quotes.docindex import doc_text, token_index_at
from newsfold.quotes.kinds import marked_kind
from newsfold.quotes.lexicon import load_lexicon
from newsfold.quotes.marks import find_quote_spans
from newsfold.quotes.media import detect_medium
from newsfold.quotes.quote import Quote
from newsfold.quotes.resolve import NamedSpeaker, resolve_speaker
from newsfold.quotes.sentences import starts_a_sentence_within
from newsfold.quotes.speakers import find_speaker_mention, speaker_in_paragraph_before
from newsfold.quotes.subjects import SpeakerMention, speaker_span
from newsfold.quotes.unmarked import find_unmarked_speech

__all__ = ["extract_quotes", "MIN_QUOTE_WORDS"]

#: Quoted spans with fewer words are scare quotes or titles, not quotations.
MIN_QUOTE_WORDS = 4


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    open_mark: int
    close_mark: int | None
    kind: str  # "marked", "embed", "unmarked"
    embed: TweetEmbed | None = None
    cue_index: int | None = None


def _count_words(text: str) -> int:
    return sum(1 for word in text.split() if any(c.isalnum() for c in word))


def _overlaps(a: _Candidate, b: _Candidate) -> bool:
    return a.start < b.end and b.start < a.end


def _collect(doc: Doc) -> list[_Candidate]:
    text = doc_text(doc)
    embeds = [
        _Candidate(e.start, e.end, e.start, e.end, "embed", embed=e) for e in find_tweet_embeds(text)
    ]
    marked = [
        _Candidate(s.start, s.end, s.open_mark, s.close_mark, "marked")
        for s in find_quote_spans(text)
        if _count_words(text[s.start : s.end]) >= MIN_QUOTE_WORDS
    ]
    marked = [m for m in marked if not any(_overlaps(m, e) for e in embeds)]
    taken = embeds + marked
    unmarked = [
        _Candidate(u.start, u.end, u.start, u.end, "unmarked", cue_index=u.cue_index)
        for u in find_unmarked_speech(doc)
    ]
    taken += [u for u in unmarked if not any(_overlaps(u, t) for t in taken)]
    return sorted(taken, key=lambda c: c.start)


def _embed_speaker(doc: Doc, embed: TweetEmbed) -> tuple[SpeakerMention, NamedSpeaker]:
    lexicon = load_lexicon()
    label = None
    span = doc.char_span(embed.name_start, embed.name_end, alignment_mode="expand")
    if span is not None:
        labels = {t.ent_type_ for t in span if t.ent_type_}
        label = "PERSON" if labels == {"PERSON"} else None
    if any(word.lower().strip(".,") in lexicon.org_words for word in embed.name.split()):
        label = "ORG"
    label = label or "PERSON"
    mention = SpeakerMention(
        embed.name_start, embed.name_end, embed.name, "embed", label, "embed", "embed", embed.name_start
    )
    return mention, NamedSpeaker(embed.name, label, embed.name_start, embed.name_end, None)


def _unmarked_mention(doc: Doc, candidate: _Candidate) -> SpeakerMention | None:
    cue = doc[candidate.cue_index]
    for child in cue.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            start, end, kind, label = speaker_span(child)
            span = doc[start:end]
            return SpeakerMention(
                span.start_char, span.end_char, span.text, kind, label, cue.text, cue.lemma_.lower(), cue.idx
            )
    return None


def _gap_is_attribution(text: str, previous: _Candidate, mention: SpeakerMention | None, current: _Candidate) -> bool:
    """Whether only the previous quote's own attribution lies between the two quotes."""
    if previous.close_mark is None or previous.kind != "marked" or mention is None:
        return False
    gap_start, gap_end = previous.close_mark + 1, current.open_mark
    if "\n" in text[gap_start:gap_end]:
        return False
    return gap_start <= mention.start < gap_end


_ENDS_SENTENCE = re.compile(r"[.?!][\"”'’]*\s*$")


def _after_attribution_sentence(
    text: str, previous: _Candidate, mention: SpeakerMention | None, current: _Candidate
) -> bool:
    """Whether ``current`` opens the sentence after the one that attributes ``previous``, in its paragraph.

    "''Jobs, jobs, jobs,'' Mrs. Clinton said on ''The Late Show With Stephen Colbert''
    last month. ''Nobody did it better.''": the title in marks is a quotation of its own,
    so only its attribution sentence, not a bare "he said", lies between the two.
    """
    if previous.close_mark is None or previous.kind != "marked" or mention is None:
        return False
    if mention.start >= current.open_mark or "\n" in text[min(mention.start, previous.start) : current.open_mark]:
        return False
    if mention.end <= previous.open_mark and starts_a_sentence_within(text, mention.end, previous.open_mark):
        return False  # the mention's sentence ended before the previous quotation
    # between the two quotations: the rest of that one sentence, then its end
    gap_end = len(text[: current.open_mark].rstrip())
    if starts_a_sentence_within(text, previous.close_mark, gap_end):
        return False  # another sentence starts between them
    gap = text[previous.close_mark : gap_end]
    return bool(_ENDS_SENTENCE.search(gap) or _ENDS_SENTENCE.search(text[previous.start : previous.close_mark]))


def _same_sentence_as_previous(
    text: str, previous: _Candidate, mention: SpeakerMention | None, current: _Candidate
) -> bool:
    """Whether ``current`` goes on the sentence whose cue, before ``previous``, attributes it.

    "Cummings said that it was “100 percent committed to an open process” and “open to
    every viewpoint being expressed.”": one reported speech holds both quotations, so the
    speaker of the first is the speaker of the second. The sentence must not end between the
    cue and the first quotation, inside the first one or between the two.
    """
    if previous.close_mark is None or previous.kind != "marked" or mention is None:
        return False
    if mention.end > previous.open_mark or "\n" in text[mention.start : current.open_mark]:
        return False  # attributed after the previous quotation, or across a paragraph
    if starts_a_sentence_within(text, mention.end, previous.open_mark):
        return False  # the mention's sentence ended before the previous quotation
    if _ENDS_SENTENCE.search(text[previous.start : previous.close_mark]):
        return False  # "X said: “A.” “B.”": the first quotation closed the sentence
    return not starts_a_sentence_within(text, previous.close_mark, current.open_mark + 1)


def _is_whole_paragraph(text: str, candidate: _Candidate) -> bool:
    para_start = text.rfind("\n", 0, candidate.open_mark) + 1
    para_end = text.find("\n", candidate.end)
    para_end = len(text) if para_end < 0 else para_end
    tail_from = candidate.end if candidate.close_mark is None else candidate.close_mark + 1
    return not text[para_start : candidate.open_mark].strip() and not text[tail_from:para_end].strip()


def _continues_previous_paragraph(text: str, previous: _Candidate, current: _Candidate) -> bool:
    """Whether ``current`` is a quote-only paragraph right after the paragraph of ``previous``."""
    if previous.kind != "marked" or current.kind != "marked" or not _is_whole_paragraph(text, current):
        return False
    para_start = text.rfind("\n", 0, current.open_mark) + 1
    gap = text[previous.end : para_start]
    return gap.count("\n") >= 1 and "\n" not in gap.strip()


def _quoted_paragraph_before(text: str, previous: _Candidate | None, current: _Candidate) -> bool:
    """Whether the paragraph right before ``current``'s holds (part of) the previous quotation."""
    if previous is None:
        return False
    para_start = text.rfind("\n", 0, current.open_mark) + 1
    before = text[:para_start].rstrip()
    return previous.end > text.rfind("\n", 0, len(before)) + 1


def _leads_into_next_paragraph(text: str, current: _Candidate, following: _Candidate) -> bool:
    """Whether ``current`` fills its paragraph and ``following`` opens the very next one.

    "“Not only can Cruz win, he’s the one with the best chance.” ¶ “He may be the only
    one,” Viguerie notes.": a speech run over paragraphs is often attributed only at its end.
    """
    if current.kind != "marked" or following.kind != "marked" or not _is_whole_paragraph(text, current):
        return False
    tail_from = current.end if current.close_mark is None else current.close_mark + 1
    gap = text[tail_from : following.open_mark]
    return gap.count("\n") >= 1 and not gap.strip()


def _kind(doc: Doc, candidate: _Candidate) -> str:
    """``quotes.kind``: embeds and unmarked speech by how they were found, marked spans by their sentence."""
    if candidate.kind in ("embed", "unmarked"):
        return candidate.kind
    before = after = None
    index = token_index_at(doc, candidate.open_mark) - 1
    while index >= 0 and (doc[index].is_punct or doc[index].is_space):
        index -= 1  # "said, “..." and "said: “..." are introduced by "said"
    if index >= 0:
        before = doc[index].lemma_.lower()
    if candidate.close_mark is not None:
        index = token_index_at(doc, candidate.close_mark)
        while index < len(doc) and doc[index].idx <= candidate.close_mark:
            index += 1
        if index < len(doc):
            after = doc[index].lemma_.lower()
    return marked_kind(doc_text(doc), candidate.open_mark, (candidate.start, candidate.end), candidate.close_mark, before, after)


def _make_quote(
    doc: Doc, candidate: _Candidate, mention: SpeakerMention | None, named: NamedSpeaker | None
) -> Quote:
    medium, url = detect_medium(doc_text(doc), candidate.start, candidate.end, mention.cue_lemma if mention else None)
    if candidate.kind == "embed":
        medium = "tweet"
    return Quote(
        start=candidate.start,
        end=candidate.end,
        text=doc_text(doc)[candidate.start : candidate.end],
        speaker_text=mention.text if mention else None,
        speaker_start=mention.start if mention else None,
        speaker_end=mention.end if mention else None,
        speaker_name=named.name if named else None,
        speaker_label=named.label if named else None,
        speaker_name_start=named.start if named else None,
        speaker_name_end=named.end if named else None,
        speaker_method=mention.kind if mention else None,
        cue=mention.cue if mention else None,
        medium=medium,
        url=url,
        kind=_kind(doc, candidate),
    )


def extract_quotes(doc: Doc) -> list[Quote]:
    """Direct quotes of one parsed article, in text order. Never raises on odd punctuation.

    Args:
        doc: The article parsed by a spaCy pipeline with tagger, parser and NER.

    Returns:
        One :class:`Quote` per quotation.
    """
    text = doc_text(doc)
    candidates = _collect(doc)
    # every quoted span, scare quotes too: a name between marks never stands for a pronoun speaker
    quoted = [(span.start, span.end) for span in find_quote_spans(text)]
    history: list[NamedSpeaker] = []
    found: list[tuple[SpeakerMention | None, NamedSpeaker | None, bool]] = []  # mention, name, own frame
    previous: tuple[_Candidate, SpeakerMention | None, NamedSpeaker | None] | None = None
    for index, candidate in enumerate(candidates):
        named: NamedSpeaker | None = None
        own_frame = False
        if candidate.kind == "embed":
            mention, named = _embed_speaker(doc, candidate.embed)
        elif candidate.kind == "unmarked":
            mention = _unmarked_mention(doc, candidate)
        else:
            lower = candidates[index - 1].end if index else 0
            upper = candidates[index + 1].start if index + 1 < len(candidates) else len(text)
            if index + 1 < len(candidates):
                upper = candidates[index + 1].open_mark
            mention = find_speaker_mention(doc, candidate.open_mark, candidate.close_mark, lower, upper)
            own_frame = mention is not None
            if mention is None and previous is not None and previous[1] is not None:
                # "“A,” he said. “B.”" and a quote-only paragraph after a quote go on with its speaker
                if (
                    _gap_is_attribution(text, previous[0], previous[1], candidate)
                    or _after_attribution_sentence(text, previous[0], previous[1], candidate)
                    or _continues_previous_paragraph(text, previous[0], candidate)
                    or _same_sentence_as_previous(text, previous[0], previous[1], candidate)
                ):
                    mention, named = previous[1], previous[2]
            if mention is None and _is_whole_paragraph(text, candidate) and not _quoted_paragraph_before(
                text, previous[0] if previous else None, candidate
            ):
                # "Trump was quick to add that ... ¶ “Building it? Not negotiable.”"
                mention = speaker_in_paragraph_before(doc, candidate.open_mark, candidate.close_mark)
        if mention is not None and named is None:
            named = resolve_speaker(doc, mention, history, quoted)
        if named is not None:
            history.append(named)
        found.append((mention, named, own_frame))
        previous = (candidate, mention, named)
    # a quote-only paragraph still without a speaker takes the one its next paragraph's
    # quotation names in its own frame (last to first, so a run of such paragraphs all take it)
    for index in range(len(candidates) - 2, -1, -1):
        mention, named, _ = found[index]
        next_mention, next_named, next_known = found[index + 1]
        if mention is None and next_mention is not None and next_known:
            if _leads_into_next_paragraph(text, candidates[index], candidates[index + 1]):
                found[index] = (next_mention, next_named, True)
    return [_make_quote(doc, candidate, mention, named) for candidate, (mention, named, _) in zip(candidates, found)]
