"""Repair spaCy's entity spans before they become mentions.

The small English model draws entity boundaries that a reader would not:

* across a paragraph break or a headline/body join ("Moscow\\nIvan Petrov");
* with a leading determiner ("the Kremlin"), prefix ("ex-Yukos") or, before a person, any lower-case
  word but a name particle ("bill Reagan", not "de Klerk"), a trailing function word ("the
  Museum of"), a possessive ("Iran's", "Acme Airways'"), surrounding quotes or
  brackets, a bracket it does not close ("M Corry (Leicester"), or trailing
  punctuation ("Elmwood Castle,");
* with a role glued to a person: "Finance Ministry spokesman Ivan Petrov" is
  an organisation, a role and a person, not one PERSON;
* around quantities that are no name at all ("300p" as PRODUCT, the "cts"
  of "13 cts" as ORG).

:func:`repair_span` fixes one span with generic rules (layout, punctuation,
word case and a lexicon of role nouns; no lists of names) and returns zero,
one or two spans. Every span it returns lies inside the input span, so
repaired mentions never overlap when spaCy's did not, and offsets keep
indexing the article: ``text[span.start:span.end]`` is the stored surface.

Titles written in title case at the head of a person's name ("President",
"Secretary of State", "Mr.") stay: the resolver strips them
(``newsfold.names.titles``). A span cut at a break keeps its part with the
most capitalised words (then the longer, then the later part: a headline's
last word yields to the body's first name). A single newline inside a name is
kept when it is a plain wrap: in a hard-wrapped text (fixed-width newswire
such as Reuters-21578) always, elsewhere unless it ends the first line (a
headline glued to the body) or follows sentence punctuation.

Example:
    >>> text = "Finance Ministry spokesman Ivan Petrov said so."
    >>> [(text[s.start:s.end], s.label) for s in repair_span(text, 0, 38, "PERSON")]
    [('Finance Ministry', 'ORG'), ('Ivan Petrov', 'PERSON')]
    >>> other = "He met the Kremlin's staff."
    >>> [other[s.start:s.end] for s in repair_span(other, 7, 21, "ORG")]
    ['Kremlin']
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

__all__ = [
    "REPAIR_REASONS",
    "ROLE_ACRONYMS",
    "ROLE_MODIFIERS",
    "ROLE_NOUNS",
    "RepairedSpan",
    "SpanRepair",
    "explain_span_repair",
    "repair_span",
]

#: Why a span changed (``RepairedSpan.reasons``, ``SpanRepair.reasons``).
REPAIR_REASONS = (
    "line_break",  # cut at a paragraph break or headline/body join; the head part kept
    "quote_bracket",  # surrounding quotes or unmatched brackets removed; a name cut at an unmatched bracket inside it
    "punctuation",  # trailing or leading punctuation removed
    "possessive",  # "'s" (when a noun phrase follows) or the apostrophe of "s'" removed; a person cut at an inner "'s"
    "determiner",  # leading lower-case the/a/an removed
    "lower_case_word",  # a person's leading lower-case words removed ("bill Reagan"), name particles kept ("de Klerk")
    "prefix",  # a lower-case prefix hyphened to the name removed ("ex-Yukos", "pro-Kremlin")
    "function_word",  # trailing preposition, conjunction or determiner removed
    "role_split",  # a role noun split an organisation (or nothing) from a person
    "role_only",  # nothing but a role was left: dropped
    "quantity",  # no capital and a number in or just before it ("300p", "13 cts"): a quantity, dropped
    "separator",  # cut at a spaced dash or a "v" between two names ("Forwards - Oliver Bierhoff", "Grimsby v Portsmouth")
    "number",  # a person cut at a number inside it, or a score, time or phone number cut off a name's end
)

#: Lower-case role and occupation nouns that separate an organisation from a
#: person ("Kremlin spokesman Dmitry Peskov"). Matched only when written in
#: lower case, so "President Trump" and "General Soleimani" keep their title.
ROLE_NOUNS = frozenset(
    """
    spokesman spokeswoman spokesperson minister secretary president vice chairman chairwoman chair
    chief executive director manager head leader boss founder owner partner
    analyst economist strategist trader dealer broker banker
    coach striker midfielder defender goalkeeper keeper winger forward captain player
    skipper manager umpire referee jockey driver rider champion star
    official officer commander general colonel spokesmen officials
    lawyer attorney prosecutor judge counsel solicitor barrister
    actor actress singer rapper guitarist drummer director producer presenter host writer author
    editor correspondent reporter journalist commentator critic
    senator governor mayor ambassador envoy adviser advisor negotiator aide
    candidate nominee deputy representative congressman congresswoman lawmaker legislator
    mp mep msp chancellor premier treasurer commissioner inspector superintendent
    professor researcher scientist expert consultant specialist
    """.split()
)

#: Words that qualify a role rather than name an organisation ("Former England
#: captain"); dropped from the head of the part split off before a role.
ROLE_MODIFIERS = frozenset({"former", "ex", "acting", "then", "late", "interim", "outgoing", "incoming", "new", "deputy", "assistant", "senior", "junior", "veteran", "top"})

#: Role abbreviations written in capitals ("Microsoft CEO Bill Gates").
ROLE_ACRONYMS = frozenset({"CEO", "CFO", "COO", "CTO", "MP", "MEP", "MSP", "MLA"})

_OPEN = "([{<"
_CLOSE = ")]}>"
_QUOTES = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u2039\u203a`"
_EDGE_PUNCT = ",;:!?-\u2013\u2014/\\|&*\u2022#~_="
_APOSTROPHES = "'\u2019"
_LEADING_DETERMINER = re.compile(r"(?:the|a|an)\s+")
#: A lower-case prefix hyphened to a capitalised name: "ex-Yukos boss", "pro-Kremlin", "then-President Obama".
_LEADING_PREFIX = re.compile(r"(?:ex|former|then|pro|anti|non|post|pre|neo|pan|mid|un)-(?=[A-Z])")
#: Lower-case words that begin a person's name ("de Klerk", "van Gogh", "al-Sadr" is one word): kept at a name's head.
_NAME_PARTICLES = frozenset(
    "de del della der des di da das do dos du la le les van von den ter ten zu al el bin ibn bint abu y".split()
)
#: Leading lower-case words of a span, each followed by more of it.
_LEADING_LOWER_WORD = re.compile(r"([a-z]+)[^\S\n]+")
_TRAILING_FUNCTION_WORD = re.compile(
    r"\s+(?:of|and|or|the|a|an|for|in|on|at|to|by|with|from|into|v|vs|versus|nor|but|as)$"
)
_WORD = re.compile(r"\S+")
_EDGE_NON_WORD = re.compile(r"^\W+|\W+$")
# A possessive is followed by what is possessed (a noun phrase); punctuation, the
# end of the text, or a closed-class word right after "'s" mean the name ends in 's.
_NOT_POSSESSED = re.compile(
    r"\s*(?:$|[,.;:!?)\]}>\"\u201d\u2019'-]|(?:and|or|but|nor|said|says|say|has|have|had|is|was|were|are|"
    r"will|would|could|should|can|may|might|also|on|in|at|to|of|for|with|by|from|as|than|that|which|who|"
    r"the|a|an)\b)",
    re.IGNORECASE,
)
_PARAGRAPH_BREAK = re.compile(r"\n(?:[^\S\n]*\n)*[^\S\n]*")
_SENTENCE_END = tuple(".!?:;\"'\u201d\u2019)")
_ORG_ABBREVIATION_MAX = 5  # "Inc.", "Corp.", "Calif.": a capitalised word this short keeps its dot
_WRAPPED_MIN_JOINS = 2  # a headline is one unpunctuated line; two mean the text is wrapped
_NUMBER_BEFORE = re.compile(
    r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
    r"sixty|seventy|eighty|ninety|hundred|thousand|million|billion))[^\S\n]*\Z",
    re.IGNORECASE,
)
_NUMBER_LOOKBACK = 12  # characters before a span searched for the number it counts
_DEMONYM = re.compile(r"[A-Z][a-z]+(?:ian|ean|ese|ish)")


@dataclass(frozen=True)
class RepairedSpan:
    """One span after repair.

    Attributes:
        start: Offset in the article text.
        end: Offset just past the span; ``text[start:end]`` is the surface.
        label: Entity label (the input's, or ORG/NORP for an organisation
            split off a person, PERSON for the person).
        reasons: Repairs applied, from :data:`REPAIR_REASONS`, in order;
            empty when the span was already good.
    """

    start: int
    end: int
    label: str
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class SpanRepair:
    """Everything :func:`explain_span_repair` decided about one span.

    Attributes:
        spans: The repaired spans (zero, one or two).
        reasons: Every repair applied, including those that dropped the span.
    """

    spans: tuple[RepairedSpan, ...]
    reasons: tuple[str, ...]


def repair_span(text: str, start: int, end: int, label: str) -> list[RepairedSpan]:
    """Repair one entity span of ``text``.

    Args:
        text: The whole article text the offsets index.
        start: Offset of the span.
        end: Offset just past the span.
        label: spaCy entity label.

    Returns:
        Zero spans (a quantity or a bare role), one (trimmed) or two (an organisation and a
        person split at a role noun), in text order; each lies inside
        ``[start, end)``, is non-empty, stripped and holds no paragraph break.

    Example:
        >>> [(s.start, s.end) for s in repair_span("Meet “Ivan Petrov”.", 5, 18, "PERSON")]
        [(6, 17)]
    """
    return list(explain_span_repair(text, start, end, label).spans)


def explain_span_repair(text: str, start: int, end: int, label: str) -> SpanRepair:
    """Like :func:`repair_span`, with the reasons even when the span is dropped.

    Args:
        text: The whole article text.
        start: Offset of the span.
        end: Offset just past the span.
        label: spaCy entity label.

    Returns:
        The :class:`SpanRepair`.

    Example:
        >>> explain_span_repair("said the spokesman.", 5, 18, "PERSON").reasons
        ('determiner', 'role_split', 'role_only')
    """
    start, end = max(start, 0), min(end, len(text))
    once = _repair_once(text, start, end, label)
    if [(s.start, s.end, s.label) for s in once.spans] == [(start, end, label)]:
        return once
    # Repair what the first pass made until nothing changes, so that a repaired
    # span is final (one rule's cut can expose what another removes). Each pass
    # keeps spans inside their input, so this ends.
    reasons = list(once.reasons)
    spans: list[RepairedSpan] = []
    for span in once.spans:
        again = explain_span_repair(text, span.start, span.end, span.label)
        reasons.extend(again.reasons)
        spans.extend(again.spans)
    unique = tuple(dict.fromkeys(reasons))
    return SpanRepair(tuple(RepairedSpan(s.start, s.end, s.label, unique) for s in spans), unique)


def _repair_once(text: str, start: int, end: int, label: str) -> SpanRepair:
    """One pass of every repair over ``text[start:end]``."""
    reasons: list[str] = []
    start, end = _cut_at_breaks(text, start, end, reasons)
    start, end = _cut_at_separators(text, start, end, label, reasons)
    start, end = _cut_at_numbers(text, start, end, label, reasons)
    start, end = _trim(text, start, end, reasons)
    start, end = _cut_at_unmatched_bracket(text, start, end, reasons)
    start = _cut_leading_lower_words(text, start, end, label, reasons)
    start, end = _cut_at_inner_possessive(text, start, end, label, reasons)
    pieces = _split_roles(text, start, end, label, reasons)
    spans = []
    for piece_start, piece_end, piece_label in pieces:
        piece_start, piece_end = _trim(text, piece_start, piece_end, reasons)
        if piece_start >= piece_end:
            continue
        if _is_quantity(text, piece_start, piece_end):
            reasons.append("quantity")
            continue
        spans.append((piece_start, piece_end, piece_label))
    if not spans and start < end and "quantity" not in reasons and "role_only" not in reasons:
        reasons.append("role_only")
    unique = tuple(dict.fromkeys(reasons))
    return SpanRepair(tuple(RepairedSpan(s, e, lab, unique) for s, e, lab in spans), unique)


def _cut_leading_lower_words(text: str, start: int, end: int, label: str, reasons: list[str]) -> int:
    """A person's name starts at its first capitalised word or name particle.

    spaCy glues the word before a name to it ("a trade bill Reagan signed" gives "bill
    Reagan"); a name particle starts a name of its own ("de Klerk", "van der Merwe").

    Example:
        >>> text = "the trade bill Reagan signed"
        >>> text[_cut_leading_lower_words(text, 10, 21, "PERSON", []):21]
        'Reagan'
    """
    if label != "PERSON":
        return start
    cut = start
    # A role noun is the role split's to cut ("spokesman Ivan Petrov"), with its own reason.
    while (word := _LEADING_LOWER_WORD.match(text, cut, end)) and not (
        word.group(1) in _NAME_PARTICLES or _is_role(word.group(1))
    ):
        cut = word.end()
    if cut == start or cut >= end or not text[cut].isupper():
        return start
    reasons.append("lower_case_word")
    return cut


def _cut_at_unmatched_bracket(text: str, start: int, end: int, reasons: list[str]) -> tuple[int, int]:
    """End a name at a bracket inside it that the span opens and does not close.

    A team sheet's "M Corry (Leicester)" comes out of spaCy as "M Corry (Leicester": the
    name is the part before the bracket, the rest is the player's club. A closing bracket
    the span never opened keeps the side with the name (:func:`_best_part`: "(spokesman)
    Ivan Petrov" trimmed of its first bracket). A pair the span holds whole ("Kurdistan
    Workers Party (PKK)") stays; an edge bracket is the trim's.

    Example:
        >>> text = "M Corry (Leicester), L Moody"
        >>> _cut_at_unmatched_bracket(text, 0, 18, [])
        (0, 7)
    """
    opened: dict[str, list[int]] = {opener: [] for opener in _OPEN}
    closed_alone = []
    for index in range(start, end):
        character = text[index]
        if character in _OPEN:
            opened[character].append(index)
        elif character in _CLOSE:
            stack = opened[_OPEN[_CLOSE.index(character)]]
            if stack:
                stack.pop()
            else:
                closed_alone.append(index)
    open_alone = sorted(index for stack in opened.values() for index in stack if start < index < end - 1)
    closed_alone = [index for index in closed_alone if start < index < end - 1]
    if open_alone and any(character.isalpha() for character in text[start : open_alone[0]]):
        reasons.append("quote_bracket")
        return _trim(text, start, open_alone[0], [])
    if closed_alone:
        reasons.append("quote_bracket")
        return _best_part(text, [(start, closed_alone[-1]), (closed_alone[-1] + 1, end)])
    return start, end


#: A word ending in a possessive inside a span, with more of the span after it.
_INNER_POSSESSIVE = re.compile(r"(?:['\u2019]s|(?<=s)['\u2019])\s+\S")


def _cut_at_inner_possessive(text: str, start: int, end: int, label: str, reasons: list[str]) -> tuple[int, int]:
    """A person's span ends at the first possessive inside it: what follows is what the person has.

    "Cruz's Iowa" (one PERSON span) is the person "Cruz": kept whole, a bare "Iowa" of the same
    article would take Cruz as its surname's full name. Organisations keep theirs ("McDonald's Corp").
    """
    if label != "PERSON":
        return start, end
    found = _INNER_POSSESSIVE.search(text, start, end)
    if found is None:
        return start, end
    reasons.append("possessive")
    return start, found.start()


#: What separates two names a span ran together: a spaced dash (a list's "Forwards - Oliver Bierhoff",
#: a headline's "Wales - John Hartson") or a "v" of a fixture ("Grimsby v Portsmouth").
_SEPARATOR = re.compile(r"[^\S\n]+(?:-{1,2}|\u2013|\u2014|v\.?|vs\.?|versus)[^\S\n]+")
#: Labels of names the resolver links, whose spans are cut at a "v" and at numbers: a court case ("Roe v.
#: Wade", LAW), a verse ("Exodus 18:21", WORK_OF_ART), a product ("Windows 3.1") or a date read as an event
#: keeps them.
_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})
#: A number standing as a word: a score, a count, a time, a phone number ("6-4", "+6", "1:54.754", "4,000").
_NUMBER_WORD = re.compile(r"[+-]?\(?\d[\d.,:/-]*\)?")
_DIGIT = re.compile(r"\d")
#: A score: "6-3", "17-16".
_SCORE = re.compile(r"\d{1,3}-\d{1,3}")
#: A number with a separator between digits: a score, a time, a phone number, a decimal ("1-0", "1:54.754").
_SEPARATED_NUMBER = re.compile(r"\d[.,:/-]\d")


def _best_part(text: str, parts: list[tuple[int, int]]) -> tuple[int, int]:
    """The part carrying the name: the most capitalised words, then the longer, then the later."""
    scored = []
    for index, (part_start, part_end) in enumerate(parts):
        trimmed_start, trimmed_end = _trim(text, part_start, part_end, [])
        surface = text[trimmed_start:trimmed_end]
        capitals = sum(1 for word in surface.split() if word[:1].isupper())
        scored.append(((capitals, len(surface), index), (part_start, part_end)))
    return max(scored)[1]


def _cut_at_separators(text: str, start: int, end: int, label: str, reasons: list[str]) -> tuple[int, int]:
    """Keep the name on one side of a spaced dash, or of a fixture's "v".

    "Forwards - Oliver Bierhoff" is a list's heading and a person; "Gillingham v Chesterfield" two
    clubs. A name never holds a spaced dash ("Guinea-Bissau" has none); a court case's "v" is kept.
    """
    parts, cursor = [], start
    for match in _SEPARATOR.finditer(text, start, end):
        word = match.group().strip().rstrip(".").lower()
        if word in ("v", "vs", "versus") and label not in _NAME_LABELS:
            continue
        parts.append((cursor, match.start()))
        cursor = match.end()
    if not parts:
        return start, end
    parts.append((cursor, end))
    reasons.append("separator")
    return _best_part(text, parts)


def _cut_at_numbers(text: str, start: int, end: int, label: str, reasons: list[str]) -> tuple[int, int]:
    """Cut numbers out of a name: a person holds none, and a score, time or phone number ends no name.

    * A person's span is cut at every number in it ("Aamir Sohail 2-1-4-0", "211 Robert Allenby",
      "Lierse 4 Charleroi": a results table read as names); a stage name of a number and one word
      stays ("50 Cent").
    * An organisation's, place's or facility's span loses the numbers that end it when they are two
      or more, or one with a separator inside ("Feyenoord Rotterdam 1 0", "Desk 212-859-1620",
      "McLaren 1:54.754"); a single plain number ends many names ("Channel 4", "Schalke 04").
    * Any other span (a title, a product) loses only a run of two numbers or more with a score in it
      (a tennis player read as a product, "Sebastien Grosjean 2-6 6-3"); one number ends many of
      them ("Windows 3.1", "Exodus 18:21", "Boeing 737-800").
    """
    if _DIGIT.search(text, start, end) is None:
        return start, end  # most spans: no number to read, and no words to split
    words = [(start + m.start(), start + m.end()) for m in _WORD.finditer(text[start:end])]
    numeric = [bool(_NUMBER_WORD.fullmatch(text[s:e].rstrip(".,;:"))) for s, e in words]
    if not any(numeric) or all(numeric):
        return start, end
    if label == "PERSON":
        if numeric[0] and not any(numeric[1:]) and len(words) == 2:
            return start, end  # "50 Cent"
        parts, run = [], []
        for (word_start, word_end), is_number in zip(words, numeric):
            if is_number:
                if run:
                    parts.append((run[0], run[1]))
                run = []
            else:
                run = [run[0] if run else word_start, word_end]
        if run:
            parts.append((run[0], run[1]))
        reasons.append("number")
        return _best_part(text, parts)
    trailing = 0  # numbers ending the span (a word that is none comes before them: not all are numbers)
    while numeric[len(numeric) - 1 - trailing]:
        trailing += 1
    ending = [text[s:e].rstrip(".,;:") for s, e in words[len(words) - trailing :]]
    if label in _NAME_LABELS:
        cut = trailing >= 2 or (trailing == 1 and _SEPARATED_NUMBER.search(ending[0]) is not None)
    else:
        cut = trailing >= 2 and any(_SCORE.fullmatch(word) for word in ending)
    if not cut:
        return start, end
    reasons.append("number")
    return start, words[len(words) - 1 - trailing][1]


def _cut_at_breaks(text: str, start: int, end: int, reasons: list[str]) -> tuple[int, int]:
    """Keep the part of a span on one side of its line breaks that carries the name."""
    if "\n" not in text[start:end]:
        return start, end
    wrapped = _is_hard_wrapped(text)
    parts, cursor = [], start
    for match in _PARAGRAPH_BREAK.finditer(text, start, end):
        if _is_soft_wrap(text, match.start(), match.end(), wrapped):
            continue
        parts.append((cursor, match.start()))
        cursor = match.end()
    if cursor == start:
        return start, end
    parts.append((cursor, end))
    reasons.append("line_break")
    return _best_part(text, parts)


def _is_soft_wrap(text: str, newline_start: int, newline_end: int, wrapped: bool) -> bool:
    """A single newline between two words of one wrapped paragraph.

    In a hard-wrapped text every such newline is a wrap. Elsewhere it is a
    wrap unless it ends the first line (a headline glued to the body) or
    follows sentence punctuation (a paragraph per line).
    """
    if not (
        newline_end - newline_start == 1
        and newline_end < len(text)
        and not text[newline_end].isspace()
        and newline_start > 0
        and not text[newline_start - 1].isspace()
    ):
        return False
    if wrapped:
        return True
    is_first_line = "\n" not in text[:newline_start].lstrip()
    return not is_first_line and text[newline_start - 1] not in _SENTENCE_END


@functools.lru_cache(maxsize=16)
def _is_hard_wrapped(text: str) -> bool:
    """Whether most lines of ``text`` end mid-sentence (fixed-width wire text).

    Example:
        >>> _is_hard_wrapped("one two\\nthree four\\nfive six\\nseven.\\n")
        True
        >>> _is_hard_wrapped("Headline\\nA paragraph.\\nAnother one.\\n")
        False
        >>> _is_hard_wrapped("Shr 5 cts\\n    Note: a gain from\\nsales to Acme\\nTrade Corp.\\n")
        True
    """
    lines = text.split("\n")
    joins = continued = 0
    for line, following in zip(lines, lines[1:]):
        if not line.strip() or not following.strip() or following[:1].isspace():
            continue
        joins += 1
        if not line.rstrip().endswith(_SENTENCE_END):
            continued += 1
    return continued >= _WRAPPED_MIN_JOINS and 2 * continued >= joins


def _trim(text: str, start: int, end: int, reasons: list[str]) -> tuple[int, int]:
    """Strip edges until nothing changes: space, quotes, brackets, possessive, function words."""
    while True:
        before = (start, end)
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end:
            return start, start
        start, end = _trim_marks(text, start, end, reasons)
        if start >= end:
            return start, start
        surface = text[start:end]
        determiner = _LEADING_DETERMINER.match(surface)
        if determiner and determiner.end() < len(surface):
            start += determiner.end()
            reasons.append("determiner")
        prefix = _LEADING_PREFIX.match(text, start, end)
        if prefix:
            start = prefix.end()
            reasons.append("prefix")
        function_word = _TRAILING_FUNCTION_WORD.search(text, start, end)
        if function_word and function_word.start() > start:
            end = function_word.start()
            reasons.append("function_word")
        if (start, end) == before:
            return start, end


def _trim_marks(text: str, start: int, end: int, reasons: list[str]) -> tuple[int, int]:
    """Remove one edge mark: a quote, bracket, possessive or punctuation character."""
    cut = _edge_mark(text, start, end)
    if cut is None:
        return start, end
    side, width, reason = cut
    reasons.append(reason)
    return (start + width, end) if side == "start" else (start, end - width)


def _edge_mark(text: str, start: int, end: int) -> tuple[str, int, str] | None:
    """The mark to remove at either edge of a non-empty span: (side, width, reason), or ``None``."""
    first, last = text[start], text[end - 1]
    if first in _QUOTES or first in _OPEN or first in _CLOSE:
        return "start", 1, "quote_bracket"
    if first in _EDGE_PUNCT or first == ".":
        return "start", 1, "punctuation"
    if end - start >= 3 and text[end - 2] in _APOSTROPHES and last in "sS" and not text[end - 3].isspace():
        if _NOT_POSSESSED.match(text, end):
            return None  # "Moody's said", "by Moody's and S&P": the name itself ends in 's
        return "end", 2, "possessive"
    if last in _APOSTROPHES and end - start >= 2 and text[end - 2] in "sS":
        return "end", 1, "possessive"
    if last in _QUOTES or last in _OPEN:
        return "end", 1, "quote_bracket"
    if last in _CLOSE:
        surface, opener = text[start:end], _OPEN[_CLOSE.index(last)]
        return ("end", 1, "quote_bracket") if surface.count(opener) < surface.count(last) else None
    if last in _EDGE_PUNCT or (last == "." and not _is_abbreviation(text[start : end - 1])):
        return "end", 1, "punctuation"
    return None


def _is_abbreviation(before_dot: str) -> bool:
    """Whether the word before a final dot is an abbreviation ("U.S", "Inc", "R").

    Example:
        >>> [_is_abbreviation(w) for w in ("the U.S", "Acme Inc", "Maria T", "Harbour Theatre", "NATO")]
        [True, True, True, False, False]
    """
    words = before_dot.split()
    if not words:
        return False
    word = words[-1]
    if "." in word or len(word) == 1:
        return True
    return word[:1].isupper() and word[1:].islower() and len(word) <= _ORG_ABBREVIATION_MAX


def _split_roles(text: str, start: int, end: int, label: str, reasons: list[str]) -> list[tuple[int, int, str]]:
    """Split an organisation and a lower-case role off a person; drop a bare role.

    "Finance Ministry spokesman Ivan Petrov" (PERSON) gives ORG "Finance
    Ministry" and PERSON "Ivan Petrov"; "Kremlin spokesman" (any label) gives
    "Kremlin" as an organisation.
    """
    if start >= end:
        return []
    words = [(start + m.start(), start + m.end(), m.group()) for m in _WORD.finditer(text[start:end])]
    roles = [i for i, (_, _, word) in enumerate(words) if _is_role(word)]
    if not roles:
        return [(start, end, label)]
    last = roles[-1]
    after = words[last + 1 :]
    if label == "PERSON":
        if after and not any(_has_capital(w) and w[:1].isupper() for _, _, w in after):
            return [(start, end, label)]
    elif after:
        return [(start, end, label)]  # a role inside an organisation's name ("Union of ... workers") stays
    first = last
    while first > 0 and (words[first - 1][2].islower() or _is_role(words[first - 1][2])):
        first -= 1
    reasons.append("role_split")
    pieces = []
    left = words[:first]
    while left and left[0][2].lower().strip(".,") in ROLE_MODIFIERS:
        left = left[1:]
    if left:
        left_start, left_end = left[0][0], left[-1][1]
        # "Kremlin spokesman": what qualifies a role is an organisation, place or
        # nationality; "Ivan Petrov, analyst" (apposition) stays a person
        appositive = text[left_end - 1] == ","
        left_label = _organisation_label(text[left_start:left_end]) if label == "PERSON" and not appositive else label
        pieces.append((left_start, left_end, left_label))
    if after:
        pieces.append((after[0][0], after[-1][1], label))
    if not pieces:
        reasons.append("role_only")
    return pieces


def _is_role(word: str) -> bool:
    """A role noun written in lower case, or a role acronym in capitals.

    Quotes, brackets or punctuation around the word do not hide it: trimming
    removes them later, and a role exposed then would split the span again on
    a second pass.

    Example:
        >>> [_is_role(w) for w in ("spokesman,", "\u201cspokesman\u201d", "-CEO", "Spokesman", "Ivan")]
        [True, True, True, False, False]
    """
    bare = _EDGE_NON_WORD.sub("", word)
    return (bare.islower() and bare in ROLE_NOUNS) or bare in ROLE_ACRONYMS


def _organisation_label(surface: str) -> str:
    """NORP for a lone demonym split off a person ("Russian striker X"), else ORG."""
    return "NORP" if _DEMONYM.fullmatch(surface) else "ORG"


def _is_quantity(text: str, start: int, end: int) -> bool:
    """A lower-case span that counts something: "300p", "200bn", "13 cts", "seven cts".

    Lower case alone is no proof: wire stories and sloppy copy write
    "venezuela" or "new york", which stay mentions.

    Example:
        >>> [_is_quantity(t, 3, len(t)) for t in ("at 300p", "13 cts", "in venezuela", "at Acme")]
        [True, True, False, False]
    """
    surface = text[start:end]
    if _has_capital(surface) or not any(c.islower() for c in surface):
        return False
    return any(c.isdigit() for c in surface) or _NUMBER_BEFORE.search(text[max(start - _NUMBER_LOOKBACK, 0) : start]) is not None


def _has_capital(surface: str) -> bool:
    """Whether a name-like surface has a capital, or no cased letters at all (Arabic, digits)."""
    cased = [c for c in surface if c.isupper() or c.islower()]
    return not cased or any(c.isupper() for c in cased)
