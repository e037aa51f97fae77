"""Decide the type of a name in one article from all its mentions: labels are votes.

spaCy labels the same span ORG in one sentence and PERSON in the next, a
person GPE, a region PERSON. Taking each label as the entity's type gives one
name two entities in one article. Here the label is evidence, not a wall:
mentions of one surface (the same ``alias_key``) in one article are one
name, and its type is decided from

1. the registry: when the surface is listed (exactly, as a registry alias or
   key) under exactly one of the voted types, that type wins ("Mike Pompeo"
   labelled GPE once and PERSON once is the person); listed under several,
   the votes choose among those; a listed type no mention voted for counts
   for nothing ("Jordan" labelled PERSON and ORG in a sports article is not
   the country);
2. the label votes, weighted by mentions (FAC counts as ORG, GPE as LOC);
3. a tie: the label of the article's first mention of the surface.

Only the person, organisation and place labels vote; NORP and the other
labels keep their own rules (demonyms, exact keys). A surface labelled one
type throughout its article is never touched, so a namesake of another kind
in another article ("Sulaimani" the city, tagged GPE in an article about
the city) keeps its own type. Across articles the clustering counts the
articles each type was decided in (``cluster.cluster_sightings``).

Context cues around each mention of a name whose labels disagree add votes
(:class:`ContextCues`): a title just before it ("Mr.", "President") or a
verb of saying just after it ("said", "told") votes PER; "in", "near",
"city of", "province of" just before it, or a lower-case "province",
"city", "region" just after it, votes LOC. A name labelled one type
throughout its article is never read again, so the cues only settle names
spaCy itself was unsure of. Two kinds of line are read in every article: a
wire dateline among its first lines ("JOHANNESBURG 1996-08-28", "CAIRO,
Egypt, Aug. 3 (Reuters) -"), whose place words make a name a place there
(:func:`find_dateline_places`); and the results and standings lines of a
sports page ("Hamburg 0 VfB Stuttgart 4", "Bayern Munich 5 4 1 0 12 3 13"),
whose teams are organisations there, labelled ``TEAM`` so that no listed
city of the name takes them (:func:`find_team_names`; a country's name is a
national side and stays the country, and a dateline's place stays a place).
A one-word name labelled a place throughout an article that names a person of
that surname in full ("Roger Douglas ... Douglas said") is that person unless
a place cue stands by it; a country's name needs a person cue as well
(:func:`_places_named_as_surnames`, :func:`_reads_as_surname`).

Example:
    >>> import polars as pl
    >>> seen = pl.DataFrame({"item_id": ["m1", "m2", "m3"], "doc_id": ["d1", "d1", "d1"],
    ...     "text": ["Ahmad Vahidi", "Ahmad Vahidi", "Ahmad Vahidi"], "label": ["PERSON", "ORG", "PERSON"],
    ...     "weight": [2, 1, 1]})
    >>> decide_article_labels(seen)["label"].to_list()
    ['PERSON', 'PER', 'PERSON']
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import polars as pl

from newsfold.names.forms import make_name_form
from newsfold.names.labels import TEAM_LABEL, map_label_to_type
from newsfold.names.link import link_spelling
from newsfold.names.registry import load_registry

__all__ = [
    "ContextCues",
    "count_cues",
    "decide_article_labels",
    "decide_type",
    "find_dateline_places",
    "listed_types",
    "VOTING_TYPES",
]

#: The types whose labels vote (and may be overruled).
VOTING_TYPES = ("PER", "ORG", "LOC")
_EXACT = ("registry_alias", "registry_key")


_BEFORE, _AFTER = 30, 25
_PERSON_BEFORE = re.compile(
    r"\b(?:mr|mrs|ms|dr|president|minister|senator|sen|rep|gov|governor|general|gen|premier|chancellor|"
    r"spokesman|spokeswoman|king|queen|prince|pope|sheikh|ayatollah)\.?\s+$",
    re.IGNORECASE,
)
_PERSON_AFTER = re.compile(
    r"^['’]?\s*(?:,\s*who\b|said\b|says\b|told\b|added\b|asked\b|wrote\b|argued\b|warned\b|insisted\b|"
    r"denied\b|stated\b|explained\b|claimed\b|noted\b)"
)
_PLACE_BEFORE = re.compile(r"\b(?:[Ii]n|near|outside|(?:city|town|village|province|region|state) of)\s+$")
_PLACE_AFTER = re.compile(r"^\s+(?:province|city|region|county|district|prefecture|governorate|oblast|state)\b")

#: A wire dateline opening one of an article's first lines: the place in capitals, maybe a region or
#: country after a comma, then a date, an agency in brackets, or both, then a dash or the line's end.
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){0,3})"
    r"(?:, (?P<region>[A-Z][A-Za-z'.-]+(?: [A-Z][A-Za-z'.-]+){0,2}))?"
    r"(?:,? (?:\d{4}-\d\d-\d\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2})"
    r"(?: \([A-Z][A-Za-z-]*(?: [A-Z][A-Za-z-]*)*\))?|,? \([A-Z][A-Za-z-]*(?: [A-Z][A-Za-z-]*)*\))"
    r"[ \t]*(?:[-\u2013\u2014]|$)",
    re.MULTILINE,
)
#: What every dateline holds (capitals, then a space and a digit, a capital or a bracket), a coarse filter.
_DATELINE_HINT = r"[A-Z][A-Z'.-]+,? [A-Z0-9(]"
#: Lines of an article's start read for a dateline: a headline, a byline, then the dateline.
DATELINE_LINES = 3
#: Characters of an article's start read for a dateline.
_DATELINE_HEAD = 400


def find_dateline_places(text: str) -> list[tuple[int, int]]:
    """Spans of the place names of a wire dateline among the article's first lines.

    "LONDON 1996-08-22", "CAIRO, Egypt, Aug. 3 (Reuters) -", "WASHINGTON (AP) —": the
    words before the date or agency name where the story was filed, whatever spaCy
    labelled them (it reads capitals badly: "JOHANNESBURG" comes out a person).

    Example:
        >>> text = "Bonnet takes over.\\nJOHANNESBURG, South Africa 1996-08-28\\nFormer captain Giles Bonnet ..."
        >>> [text[s:e] for s, e in find_dateline_places(text)]
        ['JOHANNESBURG', 'South Africa']
        >>> find_dateline_places("OBAMA SPEAKS\\nThe president said on Monday ...")
        []
    """
    head = text[:_DATELINE_HEAD]
    lines_end = -1
    for _ in range(DATELINE_LINES):
        lines_end = head.find("\n", lines_end + 1)
        if lines_end < 0:
            lines_end = len(head)
            break
    match = _DATELINE.search(head, 0, lines_end)  # `$` matches at the end of the lines read
    if match is None:
        return []
    return [match.span(group) for group in ("place", "region") if match.group(group)]


#: A team's name in a results or standings line: capitalised words, maybe joined by a particle ("Ebbw Vale",
#: "Rot-Weiss Essen", "Queens Park Rangers"); digits only inside a word ("Schalke 04" reads as "Schalke").
_TEAM = r"[A-Z][\w.'&-]*(?: (?:(?:de|del|der|la|le|van|von|of|am|upon|du|des|di|da|y|&) )?[A-Z][\w.'&-]*){0,4}"
#: A score: a number of points, goals or runs, maybe with Australian football's goals and behinds ("14.12 (96)"),
#: a bracket of scorers or innings after it ("2 (Klinsmann 15th, Zieger 24th)"), left open when the line wraps.
_SCORE = r"\d{1,3}(?:\.\d{1,2} \(\d{1,3}\))?(?: \([^()\n]*(?:\)|$))?"
#: A results line: two teams or more, each with its score ("Hamburg 0 VfB Stuttgart 4", "DETROIT 4 Kansas City 1",
#: "Sydney Bulldogs 17 South Queensland 16 Brisbane 38 Gold Coast 10"), maybe a bracket after ("(10 innings)").
_RESULTS_LINE = re.compile(
    rf"^(?:{_TEAM}(?: \([A-Z]\))? {_SCORE}[ \t]*){{2,}}\.?(?:[ \t]*\([^()\n]*\))?[ \t]*$", re.MULTILINE
)
#: A standings line: a team, then five numbers or more (played, won, drawn, lost, for, against, points), or two
#: and a winning share (baseball: "SAN DIEGO 71 60 .542 -").
_STANDINGS_LINE = re.compile(
    rf"^{_TEAM}(?:(?: \d{{1,4}}(?:\.\d)?){{5,9}}[ \t]*$| \d{{1,3}} \d{{1,3}} \.\d{{3}}\b)", re.MULTILINE
)
#: A standings line holds a count under this (games drawn or lost); a golfer's line of rounds never does.
_MAX_ROUND_SCORE = 50
_TEAM_WITH_SCORE = re.compile(rf"({_TEAM})(?: \([A-Z]\))? (?:{_SCORE}|\d)")
#: A cricket innings: a side's runs for wickets, maybe declared, at a ground or with its batsmen after
#: ("At Headingley: Yorkshire 529-8 declared (C. White 181,", "Essex 72-0."), or any score at a ground
#: ("At Northampton: Sussex 389 and 112"). A bowler's figures have three dashes or more ("Wasim Akram 10-2-35-3"),
#: a tennis set has a one-digit score ("Pete Sampras 6-4").
_INNINGS_LINE = re.compile(
    rf"^(?:At [^:\n]{{1,40}}: )?({_TEAM}) \d{{2,3}}-(?:10|\d)(?: declared)?(?=[ \t.]*$| \()|^At [^:\n]{{1,40}}: ({_TEAM}) \d{{1,3}}\b",
    re.MULTILINE,
)
#: A ranked entrant with a country in brackets and a team or make after it, then a time, points or nothing
#: (motor racing, cycling: "2. David Coulthard (Britain) McLaren 1:54.342", "4. Erik Zabel (Germany) Telekom").
_RANKED_ENTRY_LINE = re.compile(rf"^\d{{1,3}}\. [^()\n]+ \([A-Z][\w. ]*\) ({_TEAM})(?=[ \t]*$| \d)", re.MULTILINE)
#: What every line read for teams holds (a capitalised word, then a number, then a capital or more numbers; runs
#: for wickets; a rank, a bracket, a capital): a coarse filter.
_TEAM_LINE_HINT = (
    r"(?m)^[A-Z][^\n]*? (?:\d{1,4}(?: \([^\n]*\))? (?:[A-Z]|\d{1,4} \.?\d)|\d{1,3}\.\d{1,2} \()"
    r"|(?m)^[A-Z][^\n]*? \d{1,3}-\d{1,2}(?: declared)?(?:[ \t.]*$| \()|(?m)^At [^:\n]+: [A-Z][^\n]*? \d"
    r"|(?m)^\d{1,3}\. [^()\n]+ \([A-Z][^)\n]*\) [A-Z]"
)


def find_team_names(text: str) -> list[tuple[int, int]]:
    """Spans of the teams' names in a text's results, standings, innings and ranking lines.

    Sports pages print fixtures as lines of teams and scores; a club named after
    its town ("Hamburg", "Leeds") is then no place, and spaCy reads many of them
    as places or people. Only whole lines of that shape count: a sentence
    reporting a score ("Leeds beat Chelsea 2-1") is not read.

    Example:
        >>> text = "Results:\\nHamburg 0 VfB Stuttgart 4 (Balakov 29th)\\nBayern Munich 5 4 1 0 12 3 13\\nHe scored 2 goals."
        >>> [text[s:e] for s, e in find_team_names(text)]
        ['Hamburg', 'VfB Stuttgart', 'Bayern Munich']
        >>> find_team_names("Leeds beat Chelsea 2-1 on Saturday.")
        []
    """
    spans = []
    for line in _RESULTS_LINE.finditer(text):
        spans.extend(team.span(1) for team in _TEAM_WITH_SCORE.finditer(text, line.start(), line.end()))
    for line in _STANDINGS_LINE.finditer(text):
        team = _TEAM_WITH_SCORE.match(text, line.start(), line.end())
        if team is None:
            continue
        numbers = [float(number) for number in re.findall(r"(?<= )\.?\d+(?:\.\d+)?", text[team.end(1) : line.end()])]
        if numbers and min(numbers) < _MAX_ROUND_SCORE:  # a golfer's rounds (68 70 72 70 280) are no standings
            spans.append(team.span(1))
    for line in _INNINGS_LINE.finditer(text):
        group = 1 if line.group(1) else 2
        spans.append(line.span(group))
    spans.extend(line.span(1) for line in _RANKED_ENTRY_LINE.finditer(text))
    return sorted(set(spans))


def count_cues(text: str, start: int, end: int) -> tuple[int, int]:
    """Person and place cues around one mention: ``(person, place)``, each 0 or 1.

    Example:
        >>> count_cues("Mr. Jordan said so.", 4, 10), count_cues("troops in Jordan province", 10, 16)
        ((1, 0), (0, 1))
    """
    before, after = text[max(0, start - _BEFORE) : start], text[end : end + _AFTER]
    person = int(bool(_PERSON_BEFORE.search(before) or _PERSON_AFTER.match(after)))
    place = int(bool(_PLACE_BEFORE.search(before) or _PLACE_AFTER.match(after)))
    return (person, place) if person != place else (0, 0)


@dataclass(frozen=True)
class ContextCues:
    """Reads the text around the mentions of an observation, only when its labels disagree, and every
    article's first lines for a dateline (:meth:`at_datelines`) and its lines for teams (:meth:`in_team_lines`).

    Attributes:
        spans: item_id, start, end of every mention an observation stands for.
        documents: doc_id and text of the articles.
    """

    spans: pl.DataFrame
    documents: pl.DataFrame

    def at_datelines(self) -> set[str]:
        """Observations with a mention inside its article's dateline place (:func:`find_dateline_places`)."""
        return self._inside(_DATELINE_HINT, self.documents["text"].str.slice(0, _DATELINE_HEAD), find_dateline_places)

    def in_team_lines(self) -> set[str]:
        """Observations with a mention that is a team's name in a results or standings line (:func:`find_team_names`)."""
        return self._inside(_TEAM_LINE_HINT, self.documents["text"], find_team_names)

    def _inside(self, hint: str, texts: pl.Series, find: Callable[[str], list[tuple[int, int]]]) -> set[str]:
        """Observations with a mention inside a span ``find`` gives in an article's text (``texts``) matching ``hint``."""
        candidates = self.documents.select("doc_id").with_columns(texts.alias("text")).filter(
            pl.col("text").str.contains(hint)  # Polars' regex engine drops most articles at once
        )
        found = [(doc_id, start, end) for doc_id, text in candidates.iter_rows() if text for start, end in find(text)]
        if not found:
            return set()
        frame = pl.DataFrame(found, schema={"doc_id": pl.String, "_start": pl.Int64, "_end": pl.Int64}, orient="row")
        inside = self.spans.join(frame, on="doc_id").filter(
            (pl.col("start") >= pl.col("_start")) & (pl.col("end") <= pl.col("_end"))
        )
        return set(inside["item_id"].to_list())

    def votes(self, item_ids: list[str]) -> dict[str, tuple[int, int]]:
        """Person and place cue counts of each observation (mentions read: only those asked for)."""
        wanted = self.spans.filter(pl.col("item_id").is_in(item_ids))
        texts = dict(
            self.documents.filter(pl.col("doc_id").is_in(wanted["doc_id"].unique().to_list()))
            .select("doc_id", "text")
            .iter_rows()
        )
        counts: dict[str, tuple[int, int]] = {}
        for item_id, doc_id, start, end in wanted.select("item_id", "doc_id", "start", "end").iter_rows():
            text = texts.get(doc_id)
            if text is None or start is None or end is None:
                continue
            person, place = count_cues(text, start, end)
            old = counts.get(item_id, (0, 0))
            counts[item_id] = (old[0] + person, old[1] + place)
        return counts


@lru_cache(maxsize=200_000)
def listed_types(text: str) -> tuple[str, ...]:
    """The types under which the registry lists a spelling exactly.

    Example:
        >>> listed_types("Mike Pompeo"), listed_types("Baghdad"), listed_types("Ahmad Vahidi")
        (('PER',), ('LOC',), ())
    """
    registry = load_registry()
    found = []
    for entity_type in VOTING_TYPES:
        link = link_spelling(text, entity_type)
        if link is not None and link.method in _EXACT and registry.entries[link.entity_id].entity_type == entity_type:
            found.append(entity_type)
    return tuple(found)


@lru_cache(maxsize=20_000)
def _may_be_team(text: str) -> bool:
    """Whether a name in a results line may be a club: no country (a national side) and no listed person.

    Example:
        >>> _may_be_team("Hamburg"), _may_be_team("Uganda")
        (True, False)
    """
    if "PER" in listed_types(text):
        return False
    link = link_spelling(text, "LOC")
    return link is None or load_registry().entries[link.entity_id].source != "country"


def decide_type(votes: dict[str, int], first: str, listed: tuple[str, ...]) -> str | None:
    """The type of one surface in one article, or None when the evidence is split.

    Args:
        votes: Mentions per type (PER/ORG/LOC).
        first: Type of the article's first mention of the surface.
        listed: Types the registry lists the surface under (``listed_types``);
            only those some mention voted for count.

    Returns:
        The decided type; None when the registry lists the surface under
        several types and the votes among them tie.

    Example:
        >>> decide_type({"PER": 1, "LOC": 3}, "PER", ()), decide_type({"PER": 1, "LOC": 3}, "LOC", ("PER",))
        ('LOC', 'PER')
    """
    listed = tuple(t for t in listed if votes.get(t))  # a type no mention voted for is no namesake's
    if len(listed) == 1:
        return listed[0]
    candidates = listed or tuple(votes)
    best = max(votes.get(t, 0) for t in candidates)
    leaders = [t for t in candidates if votes.get(t, 0) == best]
    if len(leaders) == 1:
        return leaders[0]
    if first in leaders:
        return first
    return None


def _with_surfaces(rows: pl.DataFrame, types: pl.DataFrame, kept_types: tuple[str, ...]) -> pl.DataFrame:
    """``rows`` of the given types with their type (``_type``) and the name's surface (its alias key), in order."""
    spellings = (
        rows.select("text", "label").unique().join(types, on="label", how="left", nulls_equal=True)
        .filter(pl.col("_type").is_in(kept_types))
    )
    # The alias key does not depend on the type: the form the cascade builds anyway serves.
    spellings = spellings.with_columns(
        pl.Series(
            "surface",
            [make_name_form(t, k).alias_key if t else "" for t, k in zip(spellings["text"], spellings["_type"])],
            dtype=pl.String,
        )
    )
    return rows.join(spellings, on=["text", "label"], how="inner", nulls_equal=True, maintain_order="left").filter(
        pl.col("surface") != ""
    )


def _places_named_as_surnames(voting: pl.DataFrame) -> pl.DataFrame:
    """(doc_id, surface) of one-word names labelled places only whose article names a person of that surname in full.

    spaCy labels a surname a place ("Holland", "Douglas", "Jordan") where the article names the man in full
    ("Matt Holland", "Roger Douglas"); the registry's place of that name then won the vote. Such a name is the
    person unless a place cue stands by one of its mentions (:func:`decide_article_labels`).

    Example:
        >>> rows = pl.DataFrame({"doc_id": ["a", "a", "b", "c", "c"],
        ...     "text": ["Matt Holland", "Holland", "Holland", "Andrew Gray HAMBURG", "Hamburg"],
        ...     "_type": ["PER", "LOC", "LOC", "PER", "LOC"],
        ...     "surface": ["matt holland", "holland", "holland", "andrew gray hamburg", "hamburg"]})
        >>> _places_named_as_surnames(rows).rows()
        [('a', 'holland')]
    """
    empty = pl.DataFrame(schema={"doc_id": pl.String, "surface": pl.String})
    one_word = voting.filter(~pl.col("surface").str.contains(" ", literal=True))
    places = (
        one_word.group_by("doc_id", "surface")
        .agg(pl.col("_type").unique().alias("types"))
        .filter(pl.col("types").list.eval(pl.element() == "LOC").list.all())
        .select("doc_id", "surface")
    )
    if not places.height:
        return empty
    people = voting.filter(
        (pl.col("_type") == "PER")
        & pl.col("surface").str.contains(" ", literal=True)
        & pl.col("doc_id").is_in(places["doc_id"].unique().implode())
    ).select("doc_id", "text")
    if not people.height:
        return empty
    # Read once per spelling. A byline glued to its dateline ("Andrew Gray\nHAMBURG 1996-08-22", one span) ends in
    # no surname.
    spellings = people.select("text").unique()
    spellings = spellings.with_columns(
        pl.Series(
            "surname", [None if _ends_in_capitals(t) else _last_word_key(t) for t in spellings["text"]], dtype=pl.String
        )
    )
    last_words = (
        people.join(spellings, on="text").filter(pl.col("surname").is_not_null())
        .select("doc_id", pl.col("surname").alias("surface")).unique()
    )
    return places.join(last_words, on=["doc_id", "surface"]).sort("doc_id", "surface")


def _reads_as_surname(text: str, cues: list[tuple[int, int]]) -> bool:
    """Whether a place's word whose article names a person of that surname in full is the person there.

    Not when a place cue stands by one of its mentions ("in Douglas"); and a country's name ("Ireland",
    "Jordan", "Holland") needs a person cue too ("Holland said", "Mr. Jordan"): "the majority of Ireland and
    Scotland players" in an article naming James Ireland is the country.

    Example:
        >>> _reads_as_surname("Douglas", [(0, 0)]), _reads_as_surname("Douglas", [(0, 1)])
        (True, False)
        >>> _reads_as_surname("Ireland", [(0, 0)]), _reads_as_surname("Ireland", [(1, 0), (0, 0)])
        (False, True)
    """
    if any(place for _, place in cues):
        return False
    link = link_spelling(text, "LOC")
    entry = load_registry().entries.get(link.entity_id) if link is not None else None
    return entry is None or entry.source != "country" or any(person for person, _ in cues)


def _ends_in_capitals(text: str) -> bool:
    """Whether a name's last word is written in capitals, as a dateline's place is: "Andrew Gray HAMBURG"."""
    words = text.split()
    return bool(words) and len(words[-1]) > 1 and words[-1].isupper()


def _last_word_key(text: str) -> str:
    """The alias key of a name's last word ("holland" of "Matt Holland")."""
    words = text.split()
    return make_name_form(words[-1], "PER").alias_key if words else ""


def decide_article_labels(seen: pl.DataFrame, cues: ContextCues | None = None) -> pl.DataFrame:
    """Relabel the observations whose label the article's other mentions outvote.

    Args:
        seen: One row per observation: ``item_id``, ``doc_id``, ``text``, ``label``,
            ``weight`` (mentions it stands for), optionally ``start`` (its
            first offset); in the order that breaks ties.
        cues: The text around the mentions, read for names whose labels disagree.

    Returns:
        ``seen`` with ``label`` replaced by the decided type (PER/ORG/LOC, or
        ``TEAM`` for a team of a results line) where it differs from the
        label's own type; other rows unchanged.
    """
    if not seen.height:
        return seen
    labels = seen["label"].unique().to_list()
    types = pl.DataFrame(
        {"label": labels, "_type": [map_label_to_type(label) for label in labels]},
        schema={"label": pl.String, "_type": pl.String},
    )
    order = pl.col("start") if "start" in seen.columns else pl.int_range(pl.len())
    numbered = seen.with_row_index("_row").with_columns(order.alias("_order"))
    voting = _with_surfaces(numbered, types, VOTING_TYPES)
    mixed = (
        voting.group_by("doc_id", "surface")
        .agg(pl.col("_type").n_unique().alias("types"))
        .filter(pl.col("types") > 1)
        .select("doc_id", "surface")
    )
    reads_text = cues is not None and "item_id" in seen.columns
    # A name in its article's dateline is the place the story was filed from, however spaCy labelled it.
    dated_items = cues.at_datelines() if reads_text else set()
    dated = voting.filter(pl.col("item_id").is_in(list(dated_items))).select("doc_id", "surface").unique()
    # A name in a results or standings line is a team, whatever its label ("Corinthians" NORP, "Seattle" EVENT),
    # unless it names a country (a national side) or a listed person. Few articles have such lines: only their
    # other labels' rows are read.
    team_items = cues.in_team_lines() if reads_text else set()
    team_articles = numbered.filter(pl.col("item_id").is_in(list(team_items)))["doc_id"].unique()
    others = _with_surfaces(numbered.filter(pl.col("doc_id").is_in(team_articles.implode())), types, ("MISC",))
    teams = (
        pl.concat([voting, others])
        .filter(pl.col("item_id").is_in(list(team_items)))
        .filter(pl.col("text").map_elements(_may_be_team, return_dtype=pl.Boolean))
        .select("doc_id", "surface")
        .unique()
    )
    surnamed = _places_named_as_surnames(voting)
    mixed = pl.concat([mixed, dated, teams, surnamed]).unique(maintain_order=True)
    if not mixed.height:
        return seen
    surnamed_names = set(surnamed.iter_rows())
    # Names whose line decides their type, not their votes; a dateline's place first (one surface, one type).
    decided: dict[tuple[str, str], str] = {name: TEAM_LABEL for name in teams.iter_rows()}
    decided.update((name, "LOC") for name in dated.iter_rows())
    rows = pl.concat(
        [voting.join(mixed, on=["doc_id", "surface"]), others.join(teams, on=["doc_id", "surface"])]
    ).sort("doc_id", "surface", "_order", "_row")
    summary = rows.group_by("doc_id", "surface", maintain_order=True).agg(
        pl.col("_type"), pl.col("weight"), pl.col("text").first(), pl.col("item_id")
    )
    undecided = [row for row in summary.iter_rows() if (row[0], row[1]) not in decided]
    cue_votes = cues.votes([item_id for row in undecided for item_id in row[5]]) if reads_text else {}
    for doc_id, surface, types, weights, text, item_ids in undecided:
        votes: dict[str, int] = {}
        for entity_type, weight in zip(types, weights):
            votes[entity_type] = votes.get(entity_type, 0) + int(weight or 1)
        for item_id in item_ids:
            person, place = cue_votes.get(item_id, (0, 0))
            if person:
                votes["PER"] = votes.get("PER", 0) + person
            if place:
                votes["LOC"] = votes.get("LOC", 0) + place
        choice = decide_type(votes, types[0], listed_types(text))
        mention_cues = [cue_votes.get(item_id, (0, 0)) for item_id in item_ids]
        if (doc_id, surface) in surnamed_names and _reads_as_surname(text, mention_cues):
            choice = "PER"  # "Roger Douglas ... Douglas said": the person, not the Isle of Man's Douglas
        if choice is not None:
            decided[(doc_id, surface)] = choice
    relabel = rows.select(
        "_row",
        pl.struct("doc_id", "surface")
        .map_elements(lambda r: decided.get((r["doc_id"], r["surface"])), return_dtype=pl.String)
        .alias("_decided"),
        "_type",
    ).filter(pl.col("_decided").is_not_null() & (pl.col("_decided") != pl.col("_type")))  # a team: "TEAM" != "ORG"
    if not relabel.height:
        return seen
    return (
        seen.with_row_index("_row")
        .join(relabel.select("_row", "_decided"), on="_row", how="left", maintain_order="left")
        .with_columns(pl.coalesce("_decided", "label").alias("label"))
        .drop("_row", "_decided")
    )
