"""A pairwise name score built on rigour's name analysis, in the manner of OpenSanctions' matcher.

The cascade's keys and vetoes decide most pairs. Where a veto rests only on
two spellings looking different (a given name spelt another way: Katharine /
Katherine, Gianni / Giovanni, Jansen / Jensen), this score is the second
opinion: both names are analysed by ``rigour.names.analyze_names``, their
parts paired through the name symbols they share (Wikidata names, nicknames,
initials, legal forms), and what is left is aligned by rigour's residue
distance (``compare_parts``: typo-tolerant edits within a budget that grows
with the word's length). The pieces are averaged with weights: a family
name counts more than a given name, a part found on one side only counts as
a miss. It is the symmetric form of the name comparison of OpenSanctions'
logic-v2 matcher (nomenklatura), which cannot be installed beside the pinned
stack (it needs SQLAlchemy 2.1); the scalars below are its defaults, except
that an unmatched part weighs the same on either side (neither spelling is
the query).

The score never links a pair on its own: the caller keeps every other veto
(generation, initials, patronymic, two known given or family names, a final
letter that changes a name's gender) and applies it only where those pass.

Example:
    >>> score_names("Katharine Hepburn", "Katherine Hepburn", "PER") > 0.86
    True
    >>> score_names("Olaf Scholz", "Octavian Scholz", "PER") < 0.6
    True
"""

from __future__ import annotations

from functools import lru_cache

from rigour.names import (
    Name,
    NamePart,
    NamePartTag,
    NameTypeTag,
    Symbol,
    align_person_name_order,
    analyze_names,
    compare_parts,
    pair_symbols,
)

__all__ = ["score_names", "clear_scorer_cache"]

#: Score of two parts paired by a shared symbol of each category (a literal match scores 1.0).
_SYMBOL_SCORES = {
    Symbol.Category.ORG_CLASS: 0.8,
    Symbol.Category.INITIAL: 0.9,
    Symbol.Category.NAME: 0.9,
    Symbol.Category.NICK: 0.6,
    Symbol.Category.SYMBOL: 0.9,
    Symbol.Category.NUMERIC: 0.9,
    Symbol.Category.LOCATION: 0.9,
}
#: Weight of such a pair in the average: a shared legal form or initial is weaker evidence than a name.
_SYMBOL_WEIGHTS = {
    Symbol.Category.ORG_CLASS: 0.7,
    Symbol.Category.INITIAL: 0.5,
    Symbol.Category.NICK: 0.8,
    Symbol.Category.SYMBOL: 0.3,
    Symbol.Category.NUMERIC: 1.3,
    Symbol.Category.LOCATION: 0.8,
}
#: Weight of a part found on one side only (the matcher's query-side default, used for both sides).
_EXTRA_WEIGHT = 0.8
#: A stopword ("de", "al") counts less, paired or not.
_STOP_WEIGHT = 0.7
#: A person's family name counts more: John Smith and John Gruber are clearly two people.
_FAMILY_WEIGHT = 1.3
_TYPE_TAGS = {"PER": NameTypeTag.PER, "ORG": NameTypeTag.ORG, "LOC": NameTypeTag.ORG}


@lru_cache(maxsize=100_000)
def _analyse(text: str, entity_type: str) -> Name | None:
    names = analyze_names(
        _TYPE_TAGS.get(entity_type, NameTypeTag.UNK), [text], consolidate=False, phonetics=False
    )
    # One input gives at most one name; sort only to be deterministic if rigour ever gives more.
    return min(names, key=lambda name: name.comparable) if names else None


def clear_scorer_cache() -> None:
    """Forget analysed names (benchmarks time the analysis cold)."""
    _analyse.cache_clear()


def score_names(a: str, b: str, entity_type: str) -> float:
    """How alike two names of one type are, in [0, 1], by rigour's symbols and residue distance.

    Args:
        a: One spelling (folded or as written).
        b: The other.
        entity_type: PER, ORG or LOC (places are analysed as organisations: no person rules).

    Returns:
        The best weighted average over the ways rigour pairs the two names'
        symbols; 1.0 for equal comparable forms, 0.0 when either is empty.

    Example:
        >>> round(score_names("Gianni Agnelli", "Giovanni Agnelli", "PER"), 2)
        0.89
        >>> round(score_names("Ted Kennedy", "John Kennedy", "PER"), 2)
        0.45
    """
    name_a, name_b = _analyse(a, entity_type), _analyse(b, entity_type)
    if name_a is None or name_b is None:
        return 0.0
    if name_a.comparable == name_b.comparable:
        return 1.0
    person = entity_type == "PER"
    best = 0.0
    for edges in pair_symbols(name_a, name_b):
        matches = []
        for edge in edges:
            category = edge.symbol.category
            edge.score = _SYMBOL_SCORES.get(category, 1.0)
            edge.weight = _SYMBOL_WEIGHTS.get(category, 1.0)
            matches.append(edge)
        used_a = {part for edge in edges for part in edge.qps}
        used_b = {part for edge in edges for part in edge.rps}
        rest_a = [part for part in name_a.parts if part not in used_a]
        rest_b = [part for part in name_b.parts if part not in used_b]
        if rest_a or rest_b:
            if person:
                rest_a, rest_b = align_person_name_order(rest_a, rest_b)
            else:
                rest_a, rest_b = NamePart.tag_sort(rest_a), NamePart.tag_sort(rest_b)
            matches.extend(compare_parts(rest_a, rest_b))
        family = (name_a.parts[-1], name_b.parts[-1])
        for match in matches:
            if not match.qps or not match.rps:
                match.weight = _EXTRA_WEIGHT
            if any(len(side) == 1 and side[0].tag == NamePartTag.STOP for side in (match.qps, match.rps)):
                match.weight *= _STOP_WEIGHT
            if match.score < 1.0 and match.qps and match.rps and match.qstr == match.rstr:
                match.score = 1.0  # a symbol pair spelt alike is a literal match
            if person and (family[0] in match.qps or family[1] in match.rps):
                match.weight *= _FAMILY_WEIGHT
        total = sum(match.weight for match in matches)
        if total > 0:
            best = max(best, sum(match.score * match.weight for match in matches) / total)
        if best >= 1.0:
            break
    return best
