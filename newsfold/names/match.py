"""Look one name up in the reference registry, strictest rule first.

Rules, in order (the first that fires wins; the rest become runners-up):

1. ``registry_alias`` (1.0): the folded spelling is a listed alias
   ("U.S." -> United States), also after a person's titles are stripped
   ("President Donald Trump").
2. ``registry_key`` (0.97): the transliteration key equals a listed alias's
   key ("Qassem Suleimani" -> Qasem Soleimani).
3. ``registry_fuzzy`` (the score): the best fuzzy candidate of the same type
   that passes every veto and scores at least ``FUZZY_THRESHOLD``, and is
   clearly ahead of the next entity.

Example:
    >>> from newsfold.names.forms import make_name_form
    >>> best = match_registry(make_name_form("Ghasem Soleymani", "PER"))[0]
    >>> best.canonical_name, best.method
    ('Qasem Soleimani', 'registry_key')
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from rapidfuzz.distance import JaroWinkler

from newsfold.names.abjad import consonant_blocks, is_latin_text
from newsfold.names.compare import (
    FUZZY_THRESHOLD, Comparison, compare_names, contradicts_middle, may_be_misprint, places_look_alike, screen_for,
)
from newsfold.names.descriptors import is_city_own_spelling
from newsfold.names.fold import fold_text
from newsfold.names.forms import NameForm, clean_surface, make_name_form
from newsfold.names.registry import (
    MIN_COMPACT_LENGTH, Registry, load_registry, name_blocks, org_compact_readings, slip_blocks,
)
from newsfold.names.sinitic import sinitic_block
from newsfold.names.symbols import part_symbols

__all__ = [
    "Candidate",
    "match_registry",
    "pick_registry_link",
    "find_registry_link",
    "EXACT_METHODS",
    "AMBIGUITY_MARGIN",
]

#: Methods that link by spelling alone; document context never overrides them.
EXACT_METHODS = frozenset({"registry_alias", "registry_key", "registry_demonym"})
#: A fuzzy winner must beat the next entity by this much.
AMBIGUITY_MARGIN = 0.02
_METHOD_SCORE = {"registry_alias": 1.0, "registry_key": 0.97}


@dataclass(frozen=True)
class Candidate:
    """A registry entity a name could resolve to.

    Attributes:
        entity_id: The candidate's entity id.
        canonical_name: Its preferred name.
        method: Rule that proposed it (registry_alias, registry_key, registry_fuzzy).
        score: Confidence in [0, 1]; 0 when vetoed.
        matched: The listed alias that matched.
        veto: Why it cannot be this entity, or None.
    """

    entity_id: str
    canonical_name: str
    method: str
    score: float
    matched: str
    veto: str | None = None


def find_registry_link(form: NameForm, registry: Registry | None = None) -> Candidate | None:
    """The registry entity a name resolves to, or None (the resolver's fast path).

    Same answer as ``pick_registry_link(match_registry(form))``, but stops at
    the first exact rule that fires and never ranks runners-up.
    """
    registry = registry or load_registry()
    for candidate in _exact_candidates(form, registry):
        return candidate
    return pick_registry_link(
        sorted(_fuzzy_candidates(form, registry, viable_only=True), key=lambda c: (c.veto is not None, -c.score, c.entity_id))
    )


def _looks_like_an_alias(form: NameForm, aliases: Iterable[str]) -> bool:
    """A place spelling whose key equals a listed place's also looks like one of its names."""
    return any(places_look_alike(" ".join(form.tokens), fold_text(alias)) for alias in aliases)


def _names_another_city(form: NameForm, aliases: Iterable[str]) -> bool:
    """A place spelling that is a city's own name as written, and none of a listed place's names: "Monterey"
    (California) keys like the listed Monterrey (Mexico), but is a city of its own
    (``descriptors.is_city_own_spelling``); "Pékin" is not Pekin (Illinois) but French for the listed Beijing.

    Example:
        >>> _names_another_city(make_name_form("Monterey", "LOC"), ["Monterrey"])
        True
        >>> _names_another_city(make_name_form("Teheran", "LOC"), ["Tehran"])  # no city's own name
        False
        >>> _names_another_city(make_name_form("Pékin", "LOC"), ["Beijing", "Peking"])
        False
    """
    spelling = " ".join(form.tokens)
    return is_city_own_spelling(clean_surface(form.text)) and all(fold_text(alias) != spelling for alias in aliases)


def _exact_candidates(form: NameForm, registry: Registry) -> list[Candidate]:
    found: dict[str, Candidate] = {}
    lookups = [("registry_alias", registry.alias_index, form.alias_key)]
    if form.entity_type == "PER":
        lookups.append(("registry_alias", registry.alias_index, " ".join(form.tokens)))
    lookups.append(("registry_key", registry.key_index, form.key))
    if len(form.compact_key) >= MIN_COMPACT_LENGTH:
        # Spaced or hyphened another way: "Hongkong", "Coca Cola", "AngelaMerkel".
        lookups.append(("registry_key", registry.compact_index, form.compact_key))
    if form.entity_type == "ORG":
        # Numbers in words, "for" as "of": "BBC Radio Four" is the listed "BBC Radio 4" (the registry indexes
        # its names' readings too: registry.org_compact_readings).
        lookups += (("registry_key", registry.compact_index, reading) for reading in org_compact_readings(form))
    for method, index, key in lookups:
        for rank, entity_id in enumerate(index.get((form.entity_type, key), ())):
            if entity_id not in found:
                entry = registry.entries[entity_id]
                if method == "registry_key" and form.entity_type == "LOC" and (
                    not _looks_like_an_alias(form, entry.aliases) or _names_another_city(form, entry.aliases)
                ):
                    continue  # "Hawaii" keys like "Hue", "Lyon" like "Layoune": a key alone is no place's name
                # A namesake ranked behind the preferred entry is a runner-up only.
                score = _METHOD_SCORE[method] - (0.05 if rank else 0.0)
                found[entity_id] = Candidate(entity_id, entry.canonical_name, method, score, form.text)
    return sorted(found.values(), key=lambda c: -c.score)


def match_registry(form: NameForm, registry: Registry | None = None, *, limit: int = 5) -> list[Candidate]:
    """Ranked registry candidates for a name, vetoed ones last.

    Args:
        form: The analysed name (its type gates the lookup).
        registry: Defaults to the shipped registry.
        limit: Most candidates to return.

    Returns:
        Candidates, best first, one per entity.
    """
    registry = registry or load_registry()
    found = {c.entity_id: c for c in _exact_candidates(form, registry)}
    for candidate in _fuzzy_candidates(form, registry):
        if candidate.entity_id not in found:
            found[candidate.entity_id] = candidate
    # Vetoed candidates are ranked by how alike the spellings look, to show the near misses.
    ranked = sorted(
        found.values(),
        key=lambda c: (c.veto is not None, -c.score, -_looks(form, c.matched), c.entity_id),
    )
    return ranked[:limit]


def _fuzzy_candidates(form: NameForm, registry: Registry, *, viable_only: bool = False) -> list[Candidate]:
    """Fuzzy candidates, one per entity; ``viable_only`` skips what a veto would drop."""
    seen: set[tuple[str, str]] = set()
    best: dict[str, tuple[Candidate, float, NameForm]] = {}
    contradicted: dict[str, str] = {}  # entity -> its listed full name whose middle name differs
    long_name = form.entity_type == "PER" and len(form.core_keys) >= 3
    could_match_form = screen_for(form) if viable_only else None
    for alias_form, entity_id in _candidate_pairs(form, registry):
        pair = (alias_form.key, entity_id)
        if pair in seen:
            continue
        seen.add(pair)
        if long_name and contradicts_middle(form, alias_form):
            contradicted.setdefault(entity_id, alias_form.text)
        if could_match_form is not None and not could_match_form(alias_form):
            continue
        result = compare_names(form, alias_form)
        if result.veto is None and _is_team_plural(form, alias_form, registry.entries[entity_id].aliases):
            result = Comparison(0.0, f"'{alias_form.text}' is a team's name in the plural")
        current = best.get(entity_id)
        if (
            current is not None
            and current[0].veto is None
            and (result.veto is not None or result.score <= current[0].score)
        ):
            continue
        # Among vetoed aliases keep the one that looks most alike (shown as the near miss).
        looks = JaroWinkler.similarity(form.alias_key, alias_form.alias_key) if result.veto is not None else 1.0
        if current is not None and result.veto is not None and looks <= current[1]:
            continue
        candidate = Candidate(
            entity_id,
            registry.entries[entity_id].canonical_name,
            "registry_fuzzy",
            result.score,
            alias_form.text,
            result.veto,
        )
        best[entity_id] = (candidate, looks, alias_form)
    found = []
    for candidate, _, alias_form in best.values():
        listed = contradicted.get(candidate.entity_id)
        if candidate.veto is None and listed is not None and len(alias_form.core_keys) != len(form.core_keys):
            candidate = replace(candidate, score=0.0, veto=f"middle name differs from the listed '{listed}'")
        known_by = _given_name_left_out(form, alias_form, registry.entries[candidate.entity_id].canonical_name)
        if candidate.veto is None and known_by is not None:
            candidate = replace(candidate, score=0.0, veto=f"leaves out '{known_by}', the name the person is known by")
        if candidate.veto is not None or candidate.score >= 0.5:
            found.append(candidate)
    return found


def _is_team_plural(form: NameForm, alias_form: NameForm, aliases: Iterable[str]) -> bool:
    """Whether a one-word listed alias is a team's name in the plural and the spelling its singular: "Yankee Cos
    Inc" and "Yankee Group" are not the New York Yankees, whose "Yankees" ends another of its names, though a
    company's name is written with and without its possessive's "s" ("Sainsbury", "Sainsburys").

    Example:
        >>> f = make_name_form
        >>> _is_team_plural(f("Yankee Group", "ORG"), f("Yankees", "ORG"), ["New York Yankees", "Yankees"])
        True
        >>> _is_team_plural(f("Dixon", "ORG"), f("Dixons", "ORG"), ["Dixons Retail", "Dixons"])
        False
    """
    if form.entity_type != "ORG" or len(form.tokens) != 1 or len(alias_form.tokens) != 1:
        return False  # "Netherland" is the Netherlands
    if alias_form.tokens[0] != form.tokens[0] + "s":
        return False
    return any(len(words := fold_text(alias).split()) > 1 and words[-1] == alias_form.tokens[0] for alias in aliases)


def _given_name_left_out(form: NameForm, alias_form: NameForm, canonical_name: str) -> str | None:
    """The given name a person is known by, when a name matches a fuller listed name only by leaving it out.

    A registry entry may list a formal full name whose first given name is
    not the one the person goes by: Gordon Brown's "James Gordon Brown".
    "James Brown" matches it by leaving out a middle name, which is the name
    he is known by: the singer is not Gordon Brown. Only a name of two parts
    or more is checked (a bare surname has rules of its own).

    Example:
        >>> from newsfold.names.forms import make_name_form as f
        >>> _given_name_left_out(f("James Brown", "PER"), f("James Gordon Brown", "PER"), "Gordon Brown")
        'gordon'
        >>> _given_name_left_out(f("Vladimir Putin", "PER"), f("Vladimir Vladimirovich Putin", "PER"), "Vladimir Putin") is None
        True
    """
    if form.entity_type != "PER" or len(form.core_keys) < 2 or len(alias_form.core_keys) <= len(form.core_keys):
        return None
    known = make_name_form(canonical_name, "PER")
    goes_by = known.core_keys[0] if len(known.core_keys) > 1 else None
    if goes_by is None or goes_by in form.core_keys or goes_by not in alias_form.core_keys[1:]:
        return None
    return known.core_tokens[0] if known.core_tokens else known.core_keys[0]


def _candidate_pairs(form: NameForm, registry: Registry) -> list[tuple[NameForm, str]]:
    """Listed aliases sharing a part key's first letters (a misprint: its word one letter short), then (persons)
    a family name's symbol.

    A list, not a generator: fuzzy lookup walks hundreds of thousands of them per dataset.
    """
    entity_type, blocks = form.entity_type, registry.block_index
    found = [pair for block in name_blocks(form) for pair in blocks.get((entity_type, block), ())]
    if may_be_misprint(form):
        found += (pair for block in slip_blocks(form) for pair in blocks.get((entity_type, block), ()))
    sinitic = sinitic_block(form)
    if sinitic is not None:
        found += blocks.get((entity_type, sinitic), ())  # Hsi Chin-ping meets Xi Jinping
    if form.abjad:
        # A name in Arabic or Hebrew script meets the listed Latin spellings whose consonants begin like its own.
        by_block = _latin_aliases_by_block(registry)
        for block in consonant_blocks(form):
            found += by_block.get((entity_type, block), ())
    if entity_type == "PER" and len(form.core_tokens) > 1:
        # Every part: a list-style spelling puts the family name first.
        for token in form.core_tokens:
            for symbol in sorted(part_symbols(token)):
                found += registry.symbol_index.get((entity_type, symbol), ())
    return found


#: The registry's Latin aliases by type and consonant block (:func:`abjad.consonant_blocks`), made on the first
#: name in Arabic or Hebrew script a process looks up (most datasets have none): (registry, index), one slot,
#: the registry itself held so that another registry (a test's) never meets this one's index.
_LATIN_ALIASES_BY_BLOCK: list[tuple[Registry, dict[tuple[str, str], tuple[tuple[NameForm, str], ...]]]] = []


def _latin_aliases_by_block(registry: Registry) -> dict[tuple[str, str], tuple[tuple[NameForm, str], ...]]:
    if _LATIN_ALIASES_BY_BLOCK and _LATIN_ALIASES_BY_BLOCK[0][0] is registry:
        return _LATIN_ALIASES_BY_BLOCK[0][1]
    blocks: dict[tuple[str, str], set[tuple[NameForm, str]]] = {}
    for entity_id, entry in registry.entries.items():
        for alias in entry.aliases:
            form = make_name_form(alias, entry.entity_type)
            if form.key and is_latin_text(alias):
                for block in consonant_blocks(form):
                    blocks.setdefault((entry.entity_type, block), set()).add((form, entity_id))
    found = {key: tuple(sorted(pairs, key=lambda p: (p[1], p[0].text))) for key, pairs in blocks.items()}
    _LATIN_ALIASES_BY_BLOCK[:] = [(registry, found)]
    return found


def _looks(form: NameForm, spelling: str) -> float:
    """How alike two spellings look (ranks near misses; never decides a link)."""
    return JaroWinkler.similarity(form.alias_key, fold_text(spelling))


def pick_registry_link(candidates: list[Candidate]) -> Candidate | None:
    """The candidate a name resolves to, or None when nothing fits clearly.

    Args:
        candidates: Output of :func:`match_registry`.

    Returns:
        The winner: an exact rule, or a fuzzy score at or above the threshold
        that leads the next entity by ``AMBIGUITY_MARGIN``.
    """
    viable = [c for c in candidates if c.veto is None]
    if not viable:
        return None
    best = viable[0]
    if best.method != "registry_fuzzy":
        return best
    if best.score < FUZZY_THRESHOLD:
        return None
    if len(viable) > 1 and best.score - viable[1].score < AMBIGUITY_MARGIN:
        return None
    return best
