"""Normalise one temporal expression to a TIMEX3 value.

:func:`normalise_timex` takes the words of an expression ("last Sunday",
"the third quarter", "two years ago") and a :class:`Context` (anchor date,
tense of the clause, the last explicit day of the narrative) and returns a
:class:`Timex`, or None when no rule understands the words. The rules are
tried in order; each is a full-match regular expression over a cleaned,
lowercase form of the text, built from the shipped lexicon. The rules
themselves live in :mod:`~newsfold.dates.absolute`,
:mod:`~newsfold.dates.relative` and :mod:`~newsfold.dates.spans`.

Example:
    >>> import datetime as dt
    >>> normalise_timex("Sunday", Context(anchor=dt.date(2020, 12, 24), tense="past")).value
    '2020-12-20'
    >>> normalise_timex("earlier this year", Context(anchor=dt.date(2020, 12, 23))).value
    '2020'
"""

from __future__ import annotations

import functools
import re
from typing import Callable

from newsfold.dates import absolute, relative, sets, spans
from newsfold.dates.counts import COUNT_PATTERN
from newsfold.dates.lexicon import load_lexicon
from newsfold.dates.spelling import ORDINAL_WORDS, clean_expression, replace_spoken_numbers
from newsfold.dates.timex import Context, Timex

__all__ = ["Timex", "Context", "normalise_timex", "normalise_words", "clean_expression", "replace_spoken_numbers"]

_Rule = Callable[[re.Match, Context], "Timex | None"]


_MODIFIERS = (
    "early|mid|late|the end of|the beginning of|the start of|the middle of|the rest of|"
    "the remainder of|the close of|the turn of|end of|start of|beginning of|as early as|as late as|"
    "earlier|later|sometime|some time|until|by|since|in|on|at|during|from|through|throughout|before|after|"
    "a|an|both|each|the"
)


_QUANTIFIERS = (
    "about|around|nearly|almost|more than|less than|fewer than|over|under|at least|at most|up to|"
    "some|roughly|approximately|only|just|another|an additional|a full|a whole|the full|the entire|"
    "the whole|the better part of|the same"
)


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def _rules() -> list[tuple[re.Pattern, _Rule]]:
    """The rule table, compiled once. Order matters: the first full match whose
    rule returns a value wins, so specific patterns come before general ones."""
    lex = load_lexicon()
    month = rf"(?P<month>{_alternation(lex.months)})"
    weekday = rf"(?P<weekday>{_alternation(lex.weekdays)})"
    part = rf"(?P<part>{_alternation(lex.day_parts)})"
    season = rf"(?P<season>{_alternation(lex.seasons)})"
    unit = rf"(?P<unit>{_alternation(lex.units)})s?"
    units = rf"(?P<unit>{_alternation(lex.units)}|centurie)s"
    count = rf"(?P<count>{COUNT_PATTERN})"
    vague = rf"(?P<vague>{_alternation(lex.vague_counts)})"
    ordinal = rf"(?P<ordinal>{_alternation(lex.ordinals)})"
    year = r"(?P<year>1\d{3}|20\d{2})"
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    holiday = rf"(?P<holiday>{_alternation(list(lex.holidays) + ['thanksgiving', 'thanksgiving day', 'easter', 'easter sunday'])})"
    time = (
        r"(?P<hour>[01]?\d|2[0-3])(?:(?P<sep>[:.])(?P<minute>[0-5]\d))? ?(?P<ampm>am|pm)?(?P<oclock> o'clock)?(?: [a-z]{2,4}t)?"
        r"(?: (?:in the|at) (?P<clock_part>morning|afternoon|evening|night))?"
    )
    weekday_plural = rf"(?P<weekday>{_alternation(w for w in lex.weekdays if len(w) > 4)})s"
    part_plural = rf"(?P<part>{_alternation(('morning', 'afternoon', 'evening', 'night'))})s"
    century_word = rf"(?P<cent_word>{_alternation(w for w, n in ORDINAL_WORDS.items() if n <= 21)})"
    fiscal_year = r"(?:the )?(?:fiscal(?: year)?|fy) ?(?P<year>1\d{3}|20\d{2})|(?:the )?(?P<year_b>1\d{3}|20\d{2}) fiscal(?: year)?|fy ?'?(?P<yy>\d{2})"
    rules: list[tuple[str, _Rule]] = [
        (r"(?P<iso>\d{4}-\d{2}-\d{2})", absolute.resolve_iso_day),
        (r"(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{2}|\d{4})", absolute.resolve_slash_day),
        (rf"(?:(?P<rel>last|this|next|this past|this coming) )?(?:{weekday} )?(?:the )?{month} {day}(?: {year})?", absolute.resolve_month_day),
        (rf"(?:{weekday} )?(?:the )?{day}(?: of)? {month}(?: {year})?", absolute.resolve_month_day),
        (rf"(?:(?P<rel>this|last|next|this past|this coming|the) )?{month}(?: of)?(?: {year})?", absolute.resolve_month),
        (fiscal_year, absolute.resolve_fiscal_year),
        (rf"(?:(?:calendar|the year|the) )?{year}", absolute.resolve_year),
        (r"(?:the )?q(?P<q>[1-4])(?: (?:of )?(?:fiscal |fy ?)?(?P<year>1\d{3}|20\d{2}))?|(?:fiscal |fy ?)?(?P<year_b>1\d{3}|20\d{2}) q(?P<q2>[1-4])", absolute.resolve_q_quarter),
        (r"(?:the )?(?:early |mid |late )?(?:(?P<decade>1\d{2}|20\d)0s|'?(?P<short>\d)0s|(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))", absolute.resolve_decade),
        (rf"(?:the )?(?:(?P<cent>\d{{1,2}})(?:st|nd|rd|th)|{century_word}) century", absolute.resolve_century),
        (rf"(?:the )?{year} (?:fiscal )?(?:quarter|period)", absolute.resolve_year_quarter),
        (rf"(?:the )?(?:(?:fiscal )?{year} )?(?:fiscal )?{ordinal}(?: fiscal)? quarter(?: of(?: fiscal)?(?: the year)?)?(?: (?:fiscal )?(?P<year2>1\d{{3}}|20\d{{2}}))?", absolute.resolve_ordinal_quarter),
        (r"(?:the )?(?P<which>latest|last|past|previous|recent|most recent|just ended|just completed|year ago|year earlier|same|this|current|next|coming|first)? ?(?:fiscal )?(?P<noun>quarter|period)", absolute.resolve_named_quarter),
        (rf"(?:the )?(?P<half>first|second|last|latter) half(?: of)?(?: the year| (?:fiscal )?{year})?", absolute.resolve_half),
        (rf"(?:(?P<rel>this|last|next|the|this past|this coming|the coming|the past) )?{season}(?: of)?(?: {year})?", absolute.resolve_season),
        (r"(?P<deixis>today|this day|yesterday|tomorrow|the day before yesterday|the day after tomorrow)", relative.resolve_deictic_day),
        (rf"(?P<deixis>today|yesterday|tomorrow|this|last) {part}|(?P<tonight>tonight|overnight)", relative.resolve_deictic_part),
        (rf"(?P<quant>every|each) {weekday}(?: {part})?", sets.resolve_weekday_set),
        (rf"(?:on )?{weekday_plural}", sets.resolve_weekday_set),
        (rf"(?:on )?{weekday} {part_plural}", sets.resolve_weekday_set),
        (rf"(?P<quant>every|each) {month}", sets.resolve_month_set),
        (rf"(?P<quant>every|each) {season}", sets.resolve_season_set),
        (rf"(?P<quant>every|each) {part}", sets.resolve_day_part_set),
        (rf"(?:(?P<rel>last|this|next|this past|this coming|coming|past|on|early|late|the previous|the following) )?{weekday}(?: {part})?", relative.resolve_weekday),
        (rf"(?:(?P<rel>that|that same|the same|this same|the next|the following|the previous|the preceding|early|late|early in the|late in the|in the|during the|mid) )?{part}", spans.resolve_day_part),
        (r"(?:the|that|the same|that same|this same) day", relative.resolve_narrative_day),
        (r"(?:the )?(?:comparable |same |corresponding )?year (?:ago|earlier|before)(?: (?P<rest>.+))?|(?P<rest2>.+?) (?:a|one) year (?:ago|earlier|before)", relative.resolve_year_ago),
        (r"(?P<rel>this|last|next) year'?s? (?P<rest>.+)|(?P<rest2>.+?) (?P<rel2>this|last|next) year", relative.resolve_of_year),
        (rf"(?:{weekday} )?(?:{holiday})(?: {year})?", absolute.resolve_holiday),
        (r"the (?:fiscal|entire|whole) year|(?:the )?fiscal year", spans.resolve_year_duration),
        (r"the full year", absolute.resolve_this_year),
        (r"(?P<head>.+?) of (?:the year|(?:fiscal )?(?:1\d{3}|20\d{2})|this year|last year|next year)", spans.resolve_duration_of),
        (r"(?P<rel>this|last|next|the current|the previous|the following|the same|the|that|coming) (?P<unit>week|weekend|month|year|fiscal year|fiscal|decade|century|day)", relative.resolve_relative_unit),
        (r"(?:the )?year (?:end|ago|earlier)|(?:the )?end of (?:the )?year", relative.resolve_year_end),
        (rf"(?:{count}|{vague})? ?{unit} (?P<dir>ago|earlier|before|later|after|from now|hence|previously|back|on|since|prior|before that|after that)", relative.resolve_shift),
        (rf"(?P<quant>every|each|per) (?:(?P<count>other|{COUNT_PATTERN}) )?{unit}", sets.resolve_unit_set),
        (rf"(?P<adverb>{_alternation(sets.ADVERB_SETS)})", sets.resolve_adverb_set),
        (rf"(?:(?P<times>once|twice|thrice)|(?P<count>{COUNT_PATTERN}) times) (?P<per>a|an|per|each|every) {unit}", sets.resolve_frequency),
        (r"the (?:past|last|previous) (?P<unit>week|month|year|decade)", relative.resolve_previous_unit),
        (rf"the (?:past|last|next|coming|previous|following|first|final|latest|full|entire|whole) {unit}", spans.resolve_single_duration),
        (rf"(?:(?:the|past|last|next|first|coming|another|{_QUANTIFIERS}) )*(?:(?P<whole>{COUNT_PATTERN}) (?:and (?P<frac>a half|one half|a quarter|three quarters)|(?P<digits>1/2|1/4|3/4))|(?P<half>half an?|an? half|half))[ -]{unit}(?: long)?", spans.resolve_fraction_duration),
        (rf"(?:(?:the|past|last|next|first|coming|another|{_QUANTIFIERS}) )*(?P<whole>{COUNT_PATTERN}) {unit} and (?P<frac>a half|a quarter|three quarters)", spans.resolve_fraction_duration),
        (rf"(?:(?:the|a|an|past|last|next|first|coming) )*{count} (?:to|or) (?:{COUNT_PATTERN}) {unit}", spans.resolve_duration),
        (rf"(?:(?:the|a|an|past|last|next|first|coming|previous|final|following|further|latest|recent|other|successive|consecutive|straight|initial|remaining|additional|{_QUANTIFIERS}) )*(?:{count}|{vague})(?: more| additional| further)? {unit}(?: (?:old|long|period|span|term|stretch|low|high|record|time|plan|program|deal|contract|history|stint|run|rule|war|sentence|prison term))?", spans.resolve_duration),
        (rf"(?:(?:the|past|last|recent|coming|next|{_QUANTIFIERS}) )*{units}", spans.resolve_vague_duration),
        (rf"(?:(?P<prefix>.+?) (?:at )?)??(?P<clock>{time}|noon|midnight|midday)(?: (?:on )?(?P<suffix>.+))?", spans.resolve_clock),
    ]
    return [(re.compile(pattern), rule) for pattern, rule in rules]


def normalise_timex(text: str, context: Context) -> Timex | None:
    """Normalise a temporal expression against ``context``.

    Args:
        text: The expression as written, e.g. ``"Jan. 3, 2020"``, ``"days later"``.
        context: Anchor date, tense and narrative reference.

    Returns:
        The :class:`Timex`, or None when no rule applies or the expression
        needs an anchor that ``context`` lacks. Never raises on any string.
    """
    cleaned = replace_spoken_numbers(clean_expression(text))
    if not cleaned or len(cleaned) > 80:
        return None
    found = normalise_words(cleaned, context, depth=0)
    if found is None and not any(pattern.fullmatch(cleaned) for pattern, rule in _rules() if rule in _DEFINITIVE):
        # only words the rules do not read at all; "February 30, 2020" stays rejected
        found = _normalise_part(cleaned, context)
    return found


def _normalise_part(cleaned: str, context: Context) -> Timex | None:
    """Last resort: the value of the longest leading or trailing part a rule reads.

    "the night of oct 23" reads as "oct 23", "more than four hours friday" as
    "more than four hours": the NER's span holds the expression and some words.
    """
    words = cleaned.split()
    # Trailing parts first: English puts the head of a date phrase last ("the night of Oct. 23").
    parts = [words[start:] for start in range(1, len(words))] + [words[:end] for end in range(len(words) - 1, 0, -1)]
    for part in parts:
        if len(part) == 1 and not any(c.isdigit() for c in part[0]) and part[0] not in load_lexicon().weekdays:
            continue  # a lone word ("night", "now") is too weak to stand for the whole
        found = normalise_words(" ".join(part), context, depth=1)
        if found is not None:
            return found
    return None


def normalise_words(cleaned: str, context: Context, depth: int) -> Timex | None:
    """Apply the rule table to already cleaned words; rules call it for sub-expressions.

    Args:
        cleaned: Output of :func:`clean_expression`.
        context: Anchor, tense and narrative reference.
        depth: Recursion depth; modifiers are stripped only below 3.

    Returns:
        The first rule's Timex, or None.
    """
    lex = load_lexicon()
    if cleaned in lex.references:
        return Timex(lex.references[cleaned], "reference")
    for pattern, rule in _rules():
        match = pattern.fullmatch(cleaned)
        if match is None:
            continue
        try:
            found = rule(match, context)
        except (ValueError, OverflowError, KeyError):
            found = None
        if found is not None:
            return found
    if depth < 3:
        # A modifier ("early", "more than", "on") keeps the value of what it modifies.
        stripped = re.sub(rf"^(?:{_MODIFIERS}|{_QUANTIFIERS}) ", "", cleaned)
        stripped = re.sub(r" (?:or so|and beyond|or more|or later|or earlier|alone|before|earlier|later)$", "", stripped)
        if stripped != cleaned:
            return normalise_words(stripped, context, depth + 1)
    return None


#: Rules whose rejection is final: an impossible day is not rescued by its parts.
_DEFINITIVE = frozenset({absolute.resolve_iso_day, absolute.resolve_slash_day, absolute.resolve_month_day})
