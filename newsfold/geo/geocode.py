"""Toponym resolution: give each place mention of one article a gazetteer place.

Every candidate the mention's name folds to (:func:`make_place_key`) is
scored in two passes, deterministically:

1. **Prior**: log10 of its population, plus a bonus by feature kind (a
   country or continent before a state, a state before a town, a county
   last), plus one when the name is its main name rather than an alternate
   one, plus a national capital's bonus ("Washington" alone is the capital).
   A state or county whose own city of the same name lies in it yields to
   that city ("Baghdad", "New York", "Paris").
2. **Context**: the article's other evidence, each adding to the candidates
   it supports:

   * an explicit "City, State" or "City, Country" ("Paris, Texas";
     "Springfield, Illinois"; also the dateline's "SPRINGFIELD, Ill.");
   * a kind word after the name ("Washington state", "Kent county");
   * the dateline's place (and so its country and state);
   * the countries and states the article's other place mentions settle on
     in the first pass (a mention never votes for itself);
   * demonyms anywhere in the text ("Iraqi officials": Iraq), and the home
     countries of the people and organisations it names (given by the caller).

A mention that is itself a demonym ("Iraqi", "Texan") gets its country. A
mention no gazetteer name matches (a street, a building, "the West") gets
no place: it is kept as a mention and left without coordinates, never forced
onto a town that happens to share a word. A metonymic capital ("Washington
said") is placed at the capital: the seat of government is where it is.

Example:
    >>> text = "Paris, Texas, lies north of Dallas."
    >>> geocodes = geocode_mentions(text, [PlaceMention(0, 5, "Paris"), PlaceMention(7, 12, "Texas"), PlaceMention(28, 34, "Dallas")])
    >>> [(g.place.name, g.place.admin1) for g in geocodes]
    [('Paris', 'US-TX'), ('Texas', 'US-TX'), ('Dallas', 'US-TX')]
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz, process

from newsfold.geo.gazetteer import Gazetteer, Place, load_gazetteer
from newsfold.geo.keys import make_place_key

__all__ = ["PlaceMention", "Candidate", "Geocode", "geocode_mentions", "iter_geocodes", "geocode_by_population", "parse_dateline"]

#: Prior bonus by feature kind (added to log10 population).
KIND_BONUS = {"continent": 3.0, "country": 3.0, "admin1": 1.0, "site": 2.0, "populated_place": 0.0, "admin2": -1.5}
MAIN_NAME_BONUS = 2.0
UNKNOWN_POPULATION = 1000
CAPITAL_BONUS = 2.5
NAMESAKE_PENALTY = 4.0
#: Context bonuses.
PATTERN_BONUS = 8.0
DATELINE_COUNTRY_BONUS = 1.0
DATELINE_ADMIN1_BONUS = 1.5
DATELINE_PLACE_BONUS = 2.5
COUNTRY_VOTE_BONUS = 1.0
ADMIN1_VOTE_BONUS = 2.0
DEMONYM_BONUS = 1.0
ACTOR_BONUS = 1.0
#: A town's share of the dateline, vote and demonym bonuses grows with its size, from
#: CONTEXT_FLOOR (a village) to 1 (CONTEXT_FULL_LOG10 = 100,000 people or more): a
#: Chicago story's "Venice" is still Italy's, not the village in Illinois.
CONTEXT_FLOOR = 0.4
CONTEXT_START_LOG10 = 2.5
CONTEXT_FULL_LOG10 = 4.5
CONTINENT_VOTE_BONUS = 0.5
#: Names listed together share a kind: "Wyoming and Louisiana" are states, "Georgia, Ukraine" countries.
KIND_VOTE_BONUS = 0.5
#: Caps: country-wide hints (dateline country, places and continent) may outweigh a tenfold
#: population at most (a Washington story's "Venice" stays in Italy); state-wide ones more.
COUNTRY_CONTEXT_CAP = 1.5
ADMIN1_CONTEXT_CAP = 4.0
#: A "Town, Qualifier" whose town the gazetteer lacks is placed at the qualifier only when
#: the name's best candidate is smaller than this (else "Moscow, Poland" is a list).
QUALIFIER_FALLBACK_POPULATION = 100_000
MAX_VOTES = 2
#: Candidates kept per name (most populous first) and runners-up reported.
MAX_CANDIDATES = 60
RUNNERS_UP = 4

_POSSESSIVE = re.compile(r"['\u2019]s?$")
_FOLLOWER = re.compile(r",\s*((?:[A-Z][\w.'-]*\.?)(?:\s+[A-Z][\w.'-]*){0,2})")
_KIND_WORD = re.compile(r"\s+(state|province|region|county|city|governor)\b", re.IGNORECASE)
_KIND_OF_WORD = {
    "state": "admin1",
    "province": "admin1",
    "region": "admin1",
    "governor": "admin1",
    "county": "admin2",
    "city": "populated_place",
}
_DIRECTION = re.compile(r"^(?:(?:north|south)(?:\s?(?:east|west))?|east|west|central)(?:ern)?\s+")
#: Least rapidfuzz ratio for a misspelt country or state ("Rajastan"), and the shortest name tried.
FUZZY_CUTOFF = 90
FUZZY_MIN_LENGTH = 6
KIND_WORD_BONUS = 6.0
_WORD = re.compile(r"\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\b")
_DATE_PART = re.compile(
    r"\b(jan|feb|march|mar|april|apr|may|june|jun|july|jul|aug|sept|sep|oct|nov|dec)[a-z]*\.?\s+\d", re.IGNORECASE
)


@dataclass(frozen=True)
class PlaceMention:
    """A place name in an article: character offsets and the surface."""

    start: int
    end: int
    text: str
    label: str | None = None


@dataclass(frozen=True)
class Candidate:
    """A scored gazetteer place for one mention, with why it scored so."""

    place: Place
    score: float
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class Geocode:
    """The outcome for one mention.

    Attributes:
        mention: The mention.
        place: The chosen place, or None when no place on Earth matches.
        score: Its score (0 when unplaced).
        method: ``name`` (prior alone), ``context`` (context changed or
            confirmed the choice), ``pattern`` ("City, State"), ``demonym``
            or ``unmatched``.
        evidence: What decided, in words.
        runners_up: The next best candidates.
    """

    mention: PlaceMention
    place: Place | None
    score: float
    method: str
    evidence: tuple[str, ...]
    runners_up: tuple[Candidate, ...]


def parse_dateline(dateline: str | None) -> tuple[str, ...]:
    """Place names of a dateline, most specific first; the date part dropped.

    Example:
        >>> parse_dateline("SPRINGFIELD, Ill., March 3 -")
        ('Springfield', 'Ill.')
        >>> parse_dateline("Washington")
        ('Washington',)
    """
    if not dateline:
        return ()
    parts = []
    for part in dateline.strip(" -\u2013\u2014").split(","):
        part = part.strip(" -")
        if not part or _DATE_PART.search(part) or any(ch.isdigit() for ch in part):
            break
        parts.append(part.title() if part.isupper() else part)
    return tuple(parts)


def _mention_key(surface: str) -> str:
    return make_place_key(_POSSESSIVE.sub("", surface.strip()))


def _candidates(gaz: Gazetteer, key: str) -> tuple[int, ...]:
    """Rows for a key; failing that, without a direction ("north-west London"), or a close country or state."""
    rows = gaz.index.get(key, ())
    if not rows and _DIRECTION.match(key):
        rows = gaz.index.get(_DIRECTION.sub("", key), ())
    if not rows and len(key) >= FUZZY_MIN_LENGTH:
        rows = _fuzzy_region(gaz, key)
    return rows[:MAX_CANDIDATES]


def _fuzzy_region(gaz: Gazetteer, key: str) -> tuple[int, ...]:
    """The country or first-level subdivision whose name is closest to a misspelt key, if close enough."""
    names = _region_keys(gaz)
    found = process.extractOne(key, list(names), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
    return () if found is None else names[found[0]]


@cache
def _region_keys(gaz: Gazetteer) -> dict[str, tuple[int, ...]]:
    rows: dict[str, list[int]] = {}
    for row in [*gaz.country_rows.values(), *gaz.admin1_rows.values()]:
        rows.setdefault(make_place_key(gaz.names[row]), []).append(row)
    return {key: tuple(found) for key, found in rows.items() if len(key) >= FUZZY_MIN_LENGTH}


def _abbreviated_state(gaz: Gazetteer, text: str, mention: PlaceMention, key: str) -> int | None:
    """The state a mention abbreviates ("N.J.", "Fla.", or "NJ" after "Paramus, ")."""
    code = gaz.us_state_abbreviations.get(key)
    if code is None:
        return None
    if "." in mention.text or text[max(0, mention.start - 2) : mention.start] == ", ":
        return gaz.admin1_rows.get(code)
    return None


def _prior(gaz: Gazetteer, key: str, rows: Sequence[int]) -> dict[int, tuple[float, list[str]]]:
    """Score by name, population and kind; namesake states yield to their city."""
    city_admin1 = {gaz.admin1s[r] for r in rows if gaz.kind(r) == "populated_place" and gaz.populations[r] >= 1000}
    # A city counts with the people of its namesake county or province ("Venice" in Venezia).
    admin_population: dict[str | None, int] = {}
    for r in rows:
        if gaz.kind(r) in ("admin1", "admin2"):
            admin_population[gaz.admin1s[r]] = max(admin_population.get(gaz.admin1s[r], 0), gaz.populations[r])
    out = {}
    for r in rows:
        kind = gaz.kind(r)
        population = gaz.populations[r]
        if kind == "populated_place":
            # GeoNames lists a town of unknown size with 0 people; cities500 holds none under 500.
            population = max(population, admin_population.get(gaz.admin1s[r], 0), UNKNOWN_POPULATION)
        score = math.log10(population + 1) + KIND_BONUS[kind]
        why = [f"population {gaz.populations[r]:,}" + (f" ({population:,} with its namesake region)" if population > max(gaz.populations[r], UNKNOWN_POPULATION) else ""), kind]
        is_main_name = make_place_key(gaz.names[r]) == key
        if is_main_name:
            score += MAIN_NAME_BONUS
        else:
            why.append("alternate name")
        if r in gaz.capitals and is_main_name:  # Amman is a capital, but not when called "Philadelphia"
            score += CAPITAL_BONUS
            why.append("national capital")
        if kind in ("admin1", "admin2") and gaz.admin1s[r] in city_admin1:
            score -= NAMESAKE_PENALTY
            why.append("a city of that name lies in it")
        out[r] = (score, why)
    return out


def _following_place(text: str, end: int, gaz: Gazetteer, rows: Sequence[int] = ()) -> tuple[str, int] | None:
    """The state or country right after ", " ("Paris, Texas"): its key and row."""
    match = _FOLLOWER.match(text, end)
    if not match:
        return None
    words = match[1].split()
    for n in range(len(words), 0, -1):  # longest first: "New South Wales" before "New"
        found = _qualifier(" ".join(words[:n]), gaz, rows)
        if found is not None:
            return found
    return None


def _qualifier(name: str, gaz: Gazetteer, rows: Sequence[int] = ()) -> tuple[str, int] | None:
    """The country or first-level subdivision a name (or US state abbreviation) denotes.

    Of several ("Georgia"), the one holding one of ``rows`` (the qualified
    name's candidates: "Gori, Georgia" is in the country), else the most populous.
    """
    key = make_place_key(name)
    if key in gaz.us_state_abbreviations:
        row = gaz.admin1_rows.get(gaz.us_state_abbreviations[key])
        return None if row is None else (key, row)
    found = [
        r
        for r in gaz.index.get(key, ())
        if gaz.kind(r) == "country" or gaz.kind(r) == "admin1" and make_place_key(gaz.names[r]) == key
    ]
    if not found:
        return None
    return key, next((q for q in found if any(_supports(gaz, r, q) for r in rows)), found[0])


def _best(prior: dict[int, tuple[float, list[str]]]) -> int | None:
    return max(prior, key=lambda r: (prior[r][0], -r)) if prior else None


def _can_be_qualified(gaz: Gazetteer, prior: dict[int, tuple[float, list[str]]], qualifier: int) -> bool:
    """A country is never "X, Y"-qualified, nor a state by a state: "Britain, Canada" and "Texas, Oklahoma" are lists."""
    best = _best(prior)
    if best is None:
        return True
    kind = gaz.kind(best)
    return kind not in ("country", "continent") and not (kind == "admin1" and gaz.kind(qualifier) == "admin1")


def _context_weight(gaz: Gazetteer, row: int) -> float:
    """How much of the article's context a candidate may take (towns by size; regions in full)."""
    if gaz.kind(row) != "populated_place":
        return 1.0
    size = (math.log10(gaz.populations[row] + 1) - CONTEXT_START_LOG10) / (CONTEXT_FULL_LOG10 - CONTEXT_START_LOG10)
    return min(1.0, max(CONTEXT_FLOOR, size))


def _supports(gaz: Gazetteer, row: int, qualifier: int) -> bool:
    """Whether place ``row`` lies in the country or state ``qualifier``."""
    if gaz.kind(qualifier) == "country":
        return gaz.countries[row] == gaz.countries[qualifier] and row != qualifier
    return gaz.admin1s[row] == gaz.admin1s[qualifier] and row != qualifier


def geocode_mentions(
    text: str,
    mentions: Sequence[PlaceMention],
    dateline: str | None = None,
    gazetteer: Gazetteer | None = None,
    actor_countries: Mapping[str, int] | None = None,
) -> list[Geocode]:
    """Choose a place for every mention of one article.

    Args:
        text: The article text the offsets index.
        mentions: Its place mentions (GPE, LOC, FAC, NORP from the NER, or gold spans).
        dateline: The dateline as stored ("SALVADOR, Feb 26 -", "Washington").
        gazetteer: Default: :func:`load_gazetteer`.
        actor_countries: ISO country -> mentions of people and organisations
            from it in the article (the registry's home countries): a story
            naming Iraqi ministers is more likely about Iraq's Basra.

    Returns:
        One :class:`Geocode` per mention, in the order given.
    """
    return list(iter_geocodes(text, mentions, dateline, gazetteer, actor_countries))


def iter_geocodes(
    text: str,
    mentions: Sequence[PlaceMention],
    dateline: str | None = None,
    gazetteer: Gazetteer | None = None,
    actor_countries: Mapping[str, int] | None = None,
) -> Iterator[Geocode]:
    """:func:`geocode_mentions` one mention at a time: a long article's hundreds of thousands of place
    mentions never hold their explained Geocodes all at once (docs/benchmarks.md, "One very long text").

    Example:
        >>> [g.place.country for g in iter_geocodes("Paris, Texas.", [PlaceMention(0, 5, "Paris")])]
        ['US']
    """
    gaz = gazetteer or load_gazetteer()
    key_of: dict[str, str] = {}  # one key per spelling, shared by its mentions
    keys = [key_of[m.text] if m.text in key_of else key_of.setdefault(m.text, _mention_key(m.text)) for m in mentions]
    priors = {key: _prior(gaz, key, _candidates(gaz, key)) for key in set(keys)}
    for m, key in zip(mentions, keys):
        state = _abbreviated_state(gaz, text, m, key)
        if state is not None:  # "N.J." is New Jersey, whatever else folds to "nj"
            priors[key] = {state: (PATTERN_BONUS + KIND_BONUS["admin1"] + 10.0, ["US state abbreviation"])}

    # Explicit qualifiers: "Paris, Texas" and the dateline's "SPRINGFIELD, Ill.".
    qualifiers: dict[int, tuple[str, int]] = {}
    for i, m in enumerate(mentions):
        found = _following_place(text, m.end, gaz, tuple(priors[keys[i]]))
        if found is not None and found[0] != keys[i] and _can_be_qualified(gaz, priors[keys[i]], found[1]):
            qualifiers[i] = found
    dateline_parts = parse_dateline(dateline)
    dateline_row = None
    if dateline_parts:
        key = make_place_key(dateline_parts[0])
        prior = _prior(gaz, key, _candidates(gaz, key))
        qualifier = _qualifier(dateline_parts[1], gaz, tuple(prior)) if len(dateline_parts) > 1 else None
        if prior:
            dateline_row = max(prior, key=lambda r: (prior[r][0] + (PATTERN_BONUS if qualifier and _supports(gaz, r, qualifier[1]) else 0), -r))

    # First pass: what each name settles on alone (with its qualifier) votes for countries and states.
    first: dict[str, int] = {}
    for i, key in enumerate(keys):
        prior = priors[key]
        if not prior:
            continue
        q = qualifiers.get(i)
        first[key] = max(prior, key=lambda r: (prior[r][0] + (PATTERN_BONUS if q and _supports(gaz, r, q[1]) else 0), -r))
    country_votes: Counter[str] = Counter()
    admin1_votes: Counter[str] = Counter()
    continent_votes: Counter[str] = Counter()
    kind_votes: Counter[str] = Counter()
    votes_by_key: dict[str, tuple[str | None, str | None]] = {}
    for key, r in first.items():
        vote = (gaz.countries[r], gaz.admin1s[r] if gaz.kind(r) != "country" else None)
        votes_by_key[key] = vote
        kind_votes[gaz.kind(r)] += 1
        if vote[0]:
            country_votes[vote[0]] += 1
        continent = gaz.continents.get(vote[0]) if vote[0] else gaz.continents.get(str(r))
        if continent:
            continent_votes[continent] += 1
        if vote[1]:
            admin1_votes[vote[1]] += 1
    demonym_countries: Counter[str] = Counter()
    for word, count in Counter(w[0] for w in _WORD.finditer(text)).items():  # each distinct word folded once
        if (k := make_place_key(word)) in gaz.demonyms:
            demonym_countries[gaz.demonyms[k]] += count
    actors = Counter({c: n for c, n in (actor_countries or {}).items() if n > 0})

    for i, (m, key) in enumerate(zip(mentions, keys)):
        prior = priors[key]
        q = qualifiers.get(i)
        best_prior = _best(prior)
        if q and not any(_supports(gaz, r, q[1]) for r in prior) and (
            best_prior is None or gaz.populations[best_prior] < QUALIFIER_FALLBACK_POPULATION
        ):
            # "Sterling, Conn.": a town the gazetteer lacks is placed at the state (or country) written after it.
            place = gaz.place(q[1])
            why = (f'written "{m.text}, {place.name}"; no {m.text} listed there',)
            yield Geocode(m, place, PATTERN_BONUS, "pattern", why, ())
            continue
        if not prior:
            if key in gaz.demonyms:
                place = gaz.place(gaz.country_rows[gaz.demonyms[key]])
                yield Geocode(m, place, 0.0, "demonym", (f"demonym of {place.name}",), ())
            else:
                yield Geocode(m, None, 0.0, "unmatched", ("no gazetteer name matches",), ())
            continue
        own = votes_by_key.get(key, (None, None))
        own_continent = gaz.continents.get(own[0]) if own[0] else None
        own_kind = gaz.kind(first[key]) if key in first else None
        kind_word = _KIND_WORD.match(text, m.end)
        wanted_kind = _KIND_OF_WORD[kind_word[1].lower()] if kind_word else None
        scored = []
        for r, (score, why) in prior.items():
            why = list(why)
            kind, country, admin1 = gaz.kind(r), gaz.countries[r], gaz.admin1s[r]
            if q and _supports(gaz, r, q[1]):
                score += PATTERN_BONUS
                why.append(f'written "{m.text}, {gaz.names[q[1]]}"')
            if wanted_kind == kind:
                score += KIND_WORD_BONUS
                why.append(f'followed by "{kind_word[1]}"')
            wide = 0.0  # country-wide hints
            local = 0.0  # state-wide hints
            if dateline_row is not None and r != dateline_row:
                if country == gaz.countries[dateline_row]:
                    wide += DATELINE_COUNTRY_BONUS
                    why.append("in the dateline's country")
                if admin1 and admin1 == gaz.admin1s[dateline_row] and kind != "country":
                    local += DATELINE_ADMIN1_BONUS
                    why.append("in the dateline's state")
            others = country_votes[country] - (own[0] == country) if country and kind != "country" else 0
            if others > 0:
                wide += COUNTRY_VOTE_BONUS * min(others, MAX_VOTES)
                why.append(f"{others} other place(s) in {country}")
            continent = gaz.continents.get(country) if country else None
            others = continent_votes[continent] - (own_continent == continent) if continent else 0
            if others > 0:
                wide += CONTINENT_VOTE_BONUS * min(others, MAX_VOTES)
                why.append(f"{others} other place(s) in {continent}")
            if country and demonym_countries[country] and kind != "country":
                wide += DEMONYM_BONUS
                why.append(f"demonym of {country} in the text")
            if country and actors[country] and kind != "country":
                wide += ACTOR_BONUS
                why.append(f"{actors[country]} people or organisations of {country} named")
            others = admin1_votes[admin1] - (own[1] == admin1) if admin1 and kind != "country" else 0
            if others > 0:
                local += ADMIN1_VOTE_BONUS * min(others, MAX_VOTES)
                why.append(f"{others} other place(s) in {admin1}")
            context = min(wide, COUNTRY_CONTEXT_CAP) + min(local, ADMIN1_CONTEXT_CAP)
            others = kind_votes[kind] - (own_kind == kind) if kind in ("country", "admin1") else 0
            if others > 0:
                context += KIND_VOTE_BONUS * min(others, MAX_VOTES)
                why.append(f"{others} other {kind} name(s)")
            if dateline_row == r:
                context += DATELINE_PLACE_BONUS
                why.append("the dateline's place")
            scored.append(Candidate(gaz.place(r), round(score + context * _context_weight(gaz, r), 3), tuple(why)))
        scored.sort(key=lambda c: (-c.score, c.place.index))
        best = scored[0]
        method = "pattern" if q and _supports(gaz, best.place.index, q[1]) else (
            "name" if best.place.index == max(prior, key=lambda r: (prior[r][0], -r)) else "context"
        )
        yield Geocode(m, best.place, best.score, method, best.evidence, tuple(scored[1 : 1 + RUNNERS_UP]))


def geocode_by_population(mentions: Sequence[PlaceMention], gazetteer: Gazetteer | None = None) -> list[Place | None]:
    """The plain baseline: the most populous place of the name, nothing else.

    Example:
        >>> [p.country for p in geocode_by_population([PlaceMention(0, 5, "Paris")])]
        ['FR']
    """
    gaz = gazetteer or load_gazetteer()
    out = []
    for m in mentions:
        rows = _candidates(gaz, _mention_key(m.text))
        out.append(gaz.place(rows[0]) if rows else None)
    return out
