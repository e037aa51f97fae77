"""Score two spellings of the same type, with vetoes that keep namesakes apart.

Fuzzy similarity alone merges "Kim Jong Un" with "Kim Jong Il" and
"Hezbollah" with "Kataib Hezbollah". Before any score counts, vetoes check:

* a different given name (Ali vs Mojtaba Khamenei);
* a different patronymic (bin Salman vs bin Sultan);
* a different generational suffix, or one side only (Jr., Sr., II);
* different middle initials (H. W. vs W.), or an initial that starts no
  middle name of the other side (Hans O. vs Hans Joachim);
* more than one extra name part on one side;
* part keys with a different final vowel (Suleiman vs Suleimani) or too
  many edits apart (Ronaldo vs Ronaldinho);
* any differing short name part (Un vs Il);
* for organisations and places, a name inside a longer name, and any
  single-part name (only exact spellings and keys link those).

Example:
    >>> from newsfold.names.forms import make_name_form as f
    >>> compare_names(f("Kim Jong Un", "PER"), f("Kim Jong Il", "PER")).veto
    'name part differs: un vs il'
    >>> compare_names(f("Mikhail Gorbachev", "PER"), f("Mikhail Gorbachov", "PER")).score > 0.9
    True
"""

from __future__ import annotations

from dataclasses import dataclass
from rapidfuzz.distance import JaroWinkler, Levenshtein

from newsfold.names.forms import NameForm

__all__ = ["Comparison", "compare_names", "could_match", "contradicts_middle", "FUZZY_THRESHOLD"]

#: Minimum score for a fuzzy link; precision comes first.
FUZZY_THRESHOLD = 0.9
_PART_THRESHOLD = {"PER": 0.92, "ORG": 0.9, "LOC": 0.92, "MISC": 1.0}
_GIVEN_THRESHOLD = 0.92
_SHORT = 3
_VOWELS = frozenset("aiu")  # the vowel classes part keys keep
_MIN_EDIT_SIMILARITY = 0.8
_MAX_EXTRA_PARTS = 1
_LENGTH_PENALTY = 0.95
_MIDDLE_CONTRADICTION = 0.8


@dataclass(frozen=True)
class Comparison:
    """Outcome of comparing two name forms.

    Attributes:
        score: Similarity in [0, 1]; 0 when vetoed.
        veto: Why the names cannot be the same entity, or None.
    """

    score: float
    veto: str | None = None


def _part_similarity(a: str, b: str) -> float:
    """Similarity of two part keys; 0 for short parts and for different endings."""
    if a == b:
        return 1.0
    if len(a) <= _SHORT or len(b) <= _SHORT:
        return 0.0
    if a[-1] != b[-1] and (a[-1] in _VOWELS or b[-1] in _VOWELS):
        return 0.0  # an added, dropped or changed final vowel: Suleiman(i), Salam(a/i)
    if Levenshtein.normalized_similarity(a, b) < _MIN_EDIT_SIMILARITY:
        return 0.0  # Ronaldo vs Ronaldinho: a shared prefix is not a shared name
    return JaroWinkler.similarity(a, b)


def could_match(a: NameForm, b: NameForm) -> bool:
    """A cheap test that :func:`compare_names` may give the pair an unvetoed score.

    Fuzzy search calls it before the full comparison: False means the names
    would be vetoed (the comparison always pairs the last parts, and the first
    parts of names of equal length), so the comparison can be skipped.

    Example:
        >>> from newsfold.names.forms import make_name_form as f
        >>> could_match(f("Mikhail Gorbachev", "PER"), f("Mikhail Gorbachov", "PER"))
        True
        >>> could_match(f("Mikhail Gorbachev", "PER"), f("Mikhail Kalashnikov", "PER"))
        False
    """
    if a.entity_type != b.entity_type:
        return False
    if a.key == b.key:
        return True
    if a.entity_type == "PER":
        ka, kb = a.core_keys, b.core_keys
        if len(ka) < 2 or len(kb) < 2:
            return False
    elif a.entity_type == "MISC":
        return False
    else:
        ka, kb = a.part_keys, b.part_keys
        if len(ka) != len(kb) or len(ka) < 2:
            return False
    threshold = _PART_THRESHOLD[a.entity_type]
    if _part_similarity(ka[-1], kb[-1]) < threshold:
        return False
    return len(ka) != len(kb) or _part_similarity(ka[0], kb[0]) >= min(threshold, _GIVEN_THRESHOLD)


def contradicts_middle(a: NameForm, b: NameForm) -> bool:
    """True for person names of equal length that differ only in a middle name.

    "Sergey Ivanovich Lavrov" is a namesake of the listed "Sergei Viktorovich
    Lavrov", even though it is one extra part away from "Sergei Lavrov".

    Example:
        >>> from newsfold.names.forms import make_name_form as f
        >>> contradicts_middle(f("Sergey Ivanovich Lavrov", "PER"), f("Sergei Viktorovich Lavrov", "PER"))
        True
        >>> contradicts_middle(f("Sergey Lavrov", "PER"), f("Sergei Viktorovich Lavrov", "PER"))
        False
    """
    if a.entity_type != "PER" or b.entity_type != "PER":
        return False
    ca, cb = a.core_keys, b.core_keys
    if len(ca) != len(cb) or len(ca) < 3:
        return False
    threshold = _PART_THRESHOLD["PER"]
    if _part_similarity(ca[0], cb[0]) < _GIVEN_THRESHOLD or _part_similarity(ca[-1], cb[-1]) < threshold:
        return False
    # Only a clearly different middle name counts: transliterated patronymics
    # (Vladimirovich, Wladimirowitsch) stay alike.
    return any(x != y and JaroWinkler.similarity(x, y) < _MIDDLE_CONTRADICTION for x, y in zip(ca[1:-1], cb[1:-1]))


def compare_names(a: NameForm, b: NameForm) -> Comparison:
    """Compare two name forms of the same entity type.

    Args:
        a: One spelling.
        b: The other; a different ``entity_type`` is itself a veto.

    Returns:
        A :class:`Comparison`; 1.0 for equal keys.
    """
    if a.entity_type != b.entity_type:
        return Comparison(0.0, "different entity types")
    if a.key == b.key:
        return Comparison(1.0)
    if a.entity_type == "PER":
        return _compare_people(a, b)
    if a.entity_type == "MISC":
        return Comparison(0.0, "other names match exactly or not at all")
    return _compare_by_parts(a, b)


def _compare_people(a: NameForm, b: NameForm) -> Comparison:
    if a.suffix != b.suffix:
        return Comparison(0.0, f"generation differs: {a.suffix or '-'} vs {b.suffix or '-'}")
    if a.initials and b.initials and a.initials != b.initials:
        return Comparison(0.0, f"initials differ: {' '.join(a.initials)} vs {' '.join(b.initials)}")
    if a.patronyms and b.patronyms and a.patronyms != b.patronyms:
        return Comparison(0.0, f"patronymic differs: bin {' '.join(a.patronyms)} vs bin {' '.join(b.patronyms)}")
    veto = _initial_veto(a, b) or _initial_veto(b, a)
    if veto:
        return Comparison(0.0, veto)
    ca, cb = a.core_keys, b.core_keys
    if len(ca) < 2 or len(cb) < 2:
        return Comparison(0.0, "a single name part is linked by context, not by spelling")
    if len(ca) == len(cb):
        pairs = list(zip(ca, cb))
        penalty = 1.0
    else:
        short, long_ = (ca, cb) if len(ca) < len(cb) else (cb, ca)
        if len(long_) - len(short) > _MAX_EXTRA_PARTS:
            return Comparison(0.0, "more than one name part on one side only")
        if _part_similarity(short[0], long_[0]) >= _GIVEN_THRESHOLD:
            pairs = [(short[0], long_[0])] + list(zip(short[1:], long_[len(long_) - len(short) + 1 :]))
        else:
            pairs = list(zip(short, long_[len(long_) - len(short) :]))
        penalty = _LENGTH_PENALTY
    given_a, given_b = pairs[0]
    if _part_similarity(given_a, given_b) < _GIVEN_THRESHOLD:
        return Comparison(0.0, f"given names differ: {given_a} vs {given_b}")
    sims = [_part_similarity(x, y) for x, y in pairs]
    for (x, y), sim in zip(pairs, sims):
        if sim < _PART_THRESHOLD["PER"]:
            return Comparison(0.0, f"name part differs: {x} vs {y}")
    return Comparison(round(penalty * sum(sims) / len(sims), 4))


def _initial_veto(a: NameForm, b: NameForm) -> str | None:
    """An initial on one side must start a middle name on the other (Hans O. vs Hans Joachim)."""
    if not a.initials or b.initials:
        return None
    middles = {token[0] for token in b.tokens[1:-1] if len(token) > 1}
    if middles and not set(a.initials) & middles:
        return f"initial {' '.join(a.initials)} does not start a middle name of the other"
    return None


def _compare_by_parts(a: NameForm, b: NameForm) -> Comparison:
    ka, kb = a.part_keys, b.part_keys
    if len(ka) != len(kb):
        short, long_ = (ka, kb) if len(ka) < len(kb) else (kb, ka)
        if set(short) <= set(long_):
            return Comparison(0.0, f"'{' '.join(short)}' is part of the longer name '{' '.join(long_)}'")
        return Comparison(0.0, "different number of name parts")
    if len(ka) == 1:
        # "Soleimani" is one edit-ish from "Sulaimaniya": one part is too little evidence.
        return Comparison(0.0, "single-part names link by exact spelling or key only")
    threshold = _PART_THRESHOLD[a.entity_type]
    sims = [_part_similarity(x, y) for x, y in zip(ka, kb)]
    for (x, y), sim in zip(zip(ka, kb), sims):
        if sim < threshold:
            return Comparison(0.0, f"name part differs: {x} vs {y}")
    return Comparison(round(sum(sims) / len(sims), 4))
