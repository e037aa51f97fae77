"""Fold names to ASCII tokens and transliteration-aware keys.

Two keys per name, from strict to loose:

* the *alias key*: ASCII-folded, case-folded tokens ("U.S." -> "us",
  "Soleymânî" -> "soleymani"), used for exact lookups of listed spellings;
* the *part key* of each token: the alias token after name-part synonyms
  (Qasem = Qassem = Ghasem = Kassem) and Arabic/Persian transliteration
  equivalences (q/gh/kh -> k, doubled letters, vowel runs reduced to three
  classes, a final "h" after a vowel dropped). "Suleimani", "Sulaimani" and
  "Soleymani" share the part key "sulaimani"; "Suleiman" keys to "sulaiman",
  so Egypt's Omar Suleiman stays apart.

Example:
    >>> fold_tokens("Qasim Suleimani’s")
    ('qasim', 'suleimanis')
    >>> make_part_key("Soleymani") == make_part_key("sulaimani")
    True
"""

from __future__ import annotations

import math
import re
from functools import cache, lru_cache
from importlib import resources

import yaml
from anyascii import anyascii
from rapidfuzz.distance import OSA, JaroWinkler
from wordfreq import get_frequency_dict, zipf_frequency

__all__ = [
    "english_zipf",
    "fold_text",
    "fold_tokens",
    "make_part_key",
    "make_literal_key",
    "make_spelling_key",
    "load_name_part_synonyms",
    "arabic_given_names",
    "east_slavic_given_names",
    "iberian_given_names",
    "is_arabic_given",
    "is_iberian_given",
    "listed_given_names",
    "part_key_similarity",
    "write_out_umlauts",
]

_DROPPED = re.compile(r"[.'’‘`´ʼʻ\u02bf\u02be]")
_SEPARATORS = re.compile(r"[^a-z0-9@]+")
_VOWEL_RUN = re.compile(r"[aeiouy]+")


def fold_text(text: str) -> str:
    """ASCII-fold, case-fold and tidy a name into space-separated tokens.

    Periods and apostrophes vanish without a space so that "U.S." and
    "US", "Kata'ib" and "Kataib" fold alike; other punctuation separates.

    Args:
        text: A name in any script.

    Returns:
        The folded name, e.g. ``"kim jong un"`` for ``"Kim Jong-un"``.
    """
    folded = anyascii(text).casefold()
    folded = _DROPPED.sub("", folded)
    return _SEPARATORS.sub(" ", folded).strip()


def fold_tokens(text: str) -> tuple[str, ...]:
    """The tokens of :func:`fold_text`.

    Example:
        >>> fold_tokens("Abu Mahdi al-Muhandis")
        ('abu', 'mahdi', 'al', 'muhandis')
    """
    return tuple(fold_text(text).split())


@cache
def load_name_part_synonyms() -> dict[str, str]:
    """Map every listed spelling of a name part to its group's first spelling.

    Returns:
        ``{"qassem": "qasem", "ghasem": "qasem", ...}`` from the shipped
        ``data/name_parts.yml`` (folded like names are).
    """
    raw = _name_parts_data()
    synonyms: dict[str, str] = {}
    for section in ("transliterations", *_GIVEN_NAME_SECTIONS):
        for group in raw.get(section, []):
            folded = [fold_text(str(item)) for item in group]
            for spelling in folded:
                synonyms.setdefault(spelling, folded[0])
    return synonyms


#: Sections of ``data/name_parts.yml`` that group given names.
_GIVEN_NAME_SECTIONS = ("arabic_given", "given_names", "east_slavic_given", "nicknames")


@cache
def _name_parts_data() -> dict:
    return yaml.safe_load(resources.files("newsfold.names").joinpath("data/name_parts.yml").read_text("utf-8"))


@cache
def listed_given_names() -> frozenset[str]:
    """Folded spellings of the given names ``data/name_parts.yml`` groups: Arabic and Persian ones, Ukrainian
    and Russian ones, a few others (not the English nicknames).

    Example:
        >>> "mohamed" in listed_given_names(), "oleksiy" in listed_given_names(), "soleimani" in listed_given_names()
        (True, True, False)
    """
    return _section_names("arabic_given") | _section_names("given_names") | _section_names("east_slavic_given")


@cache
def east_slavic_given_names() -> frozenset[str]:
    """Folded spellings of the Ukrainian and Russian given names ``data/name_parts.yml`` lists.

    Example:
        >>> "serhiy" in east_slavic_given_names(), "michael" in east_slavic_given_names()
        (True, False)
    """
    return _section_names("east_slavic_given")


@cache
def arabic_given_names() -> frozenset[str]:
    """Folded spellings of the Arabic and Persian given names ``data/name_parts.yml`` lists, English and French.

    Example:
        >>> "hichem" in arabic_given_names(), "hisham" in arabic_given_names(), "serhiy" in arabic_given_names()
        (True, True, False)
    """
    return _section_names("arabic_given")


@cache
def iberian_given_names() -> frozenset[str]:
    """Spanish and Portuguese given names ``data/name_parts.yml`` lists (those English does not share), folded.

    Example:
        >>> "mariano" in iberian_given_names(), "rajoy" in iberian_given_names(), "martin" in iberian_given_names()
        (True, False, False)
    """
    return frozenset(fold_text(str(item)) for item in _name_parts_data().get("iberian_given", []))


@lru_cache(maxsize=100_000)
def is_arabic_given(token: str) -> bool:
    """A name part, as written or folded, that is one of :func:`arabic_given_names` (one fold per spelling, cached).

    Example:
        >>> is_arabic_given("Hichem"), is_arabic_given("Rousseau")
        (True, False)
    """
    return fold_text(token) in arabic_given_names()


@lru_cache(maxsize=100_000)
def is_iberian_given(token: str) -> bool:
    """A name part, as written or folded, that is one of :func:`iberian_given_names` (one fold per spelling, cached).

    Example:
        >>> is_iberian_given("José"), is_iberian_given("Martin")
        (True, False)
    """
    return fold_text(token) in iberian_given_names()


def _section_names(section: str) -> frozenset[str]:
    return frozenset(fold_text(str(item)) for group in _name_parts_data().get(section, []) for item in group)


def _reduce_vowel_run(match: re.Match[str]) -> str:
    run = match.group(0)
    letters = set(run)
    if letters <= {"a"}:
        return "a"
    if run in ("ei", "ey"):
        return "ai"  # the diphthong of Soleimani = Sulaimani
    if letters <= {"e", "i", "y"}:
        return "i"
    if letters <= {"o", "u"}:
        return "u"
    return "ai"


@cache
def make_part_key(token: str) -> str:
    """Transliteration-aware key of one name token.

    Args:
        token: A name token (folded or not).

    Returns:
        The token's key; spellings a transliterator might produce for the same
        Arabic or Persian name part share it.

    Example:
        >>> make_part_key("Ghasem"), make_part_key("Qassim")
        ('kasim', 'kasim')
    """
    folded = fold_text(token).replace(" ", "")
    if not folded:
        return ""
    folded = load_name_part_synonyms().get(folded, folded)
    if folded.isdigit() or len(folded) <= 2:
        return folded
    head, body = folded[0], folded[1:]
    # "w" after a vowel is a vowel glide (Rowhani = Rouhani).
    body = re.sub(r"(?<=[aeiou])w", "u", body)
    key = head + body
    key = key.replace("gh", "k").replace("kh", "k").replace("q", "k").replace("ck", "k").replace("ph", "f")
    key = re.sub(r"(.)\1+", r"\1", key)
    if len(key) > 5 and key[-2:] in ("eh", "ah"):
        key = key[:-2] + "a"  # a long name's final -eh/-ah is one vowel: Salameh = Salama, not Salami
    elif len(key) > 3 and key[-1] == "h" and key[-2] in "aeiou":
        key = key[:-1]  # Saleh = Salih, Basrah = Basra
    if len(key) > 1 and key[0] in "aeiou":
        key = _VOWEL_RUN.sub(_reduce_vowel_run, key[0]) + _VOWEL_RUN.sub(_reduce_vowel_run, key[1:])
    else:
        key = key[0] + _VOWEL_RUN.sub(_reduce_vowel_run, key[1:])
    return key


_UMLAUT_SPELLINGS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


def write_out_umlauts(text: str) -> str:
    """The text with its umlauts written the German way without them: ü as ue, ö as oe, ä as ae.

    Folding drops the dots (Südzucker -> sudzucker), which a spelling written the German way
    without umlauts (Suedzucker) never meets.

    Example:
        >>> write_out_umlauts("Bayern München"), write_out_umlauts("Munich")
        ('Bayern Muenchen', 'Munich')
    """
    return text.translate(_UMLAUT_SPELLINGS)


@cache
def make_literal_key(token: str) -> str:
    """Key of a token that keeps its letters: folded, listed synonyms applied.

    Organisations and names written in CJK scripts use it: Arabic and Persian
    transliteration classes would fold "Toyota" to "taita" and merge
    romanised syllables such as "peng" and "ping".

    Example:
        >>> make_literal_key("Toyota"), make_literal_key("Hizballah")
        ('toyota', 'hezbollah')
    """
    folded = fold_text(token).replace(" ", "")
    return load_name_part_synonyms().get(folded, folded)


_PLAIN_VOWEL_RUN = re.compile(r"[aeiou]+")
_SYLLABIC_Y = re.compile(r"(?<=[^aeiou])y(?=[^aeiou]|$)")


@cache
def make_spelling_key(token: str) -> str:
    """Key of an organisation's token: consonants kept, vowel runs in three classes.

    Spellings that differ in vowels only (Mujahedin, Mojahedin, Mujahedeen)
    share it, but no consonant is folded and "y" next to a vowel stays a
    consonant, so "Toyota" keys to "tuyuta", not to the Arabic-style "taita".

    Example:
        >>> make_spelling_key("Toyota"), make_spelling_key("Mojahedeen")
        ('tuyuta', 'mujahidin')
    """
    folded = make_literal_key(token)
    if folded.isdigit() or len(folded) <= 2:
        return folded
    key = re.sub(r"(.)\1+", r"\1", folded)
    key = _SYLLABIC_Y.sub("i", key)  # a "y" between consonants is a vowel: Crystal = Cristal
    return key[0] + _PLAIN_VOWEL_RUN.sub(_reduce_vowel_run, key[1:])


_SHORT_KEY = 3
_KEPT_VOWELS = frozenset("aiu")  # the vowel classes part keys keep
_MIN_EDIT_SIMILARITY = 0.8


def part_key_similarity(a: str, b: str) -> float:
    """Similarity of two part keys (:func:`make_part_key`); 0 for short parts and for different endings.

    Jaro-Winkler, except 0 for a key of three letters or fewer, for an added, dropped or changed
    final vowel (Suleiman / Suleimani, Salama / Salami) and for keys more than one edit in five
    apart (Ronaldo / Ronaldinho: a shared prefix is not a shared name; a swap of two letters is
    one edit).

    Example:
        >>> round(part_key_similarity("gurbachiv", "gurbachuv"), 3), part_key_similarity("sulaiman", "sulaimani")
        (0.956, 0.0)
    """
    if a == b:
        return 1.0
    if len(a) <= _SHORT_KEY or len(b) <= _SHORT_KEY:
        return 0.0
    if a[-1] != b[-1] and (a[-1] in _KEPT_VOWELS or b[-1] in _KEPT_VOWELS):
        return 0.0
    if OSA.normalized_similarity(a, b) < _MIN_EDIT_SIMILARITY:
        return 0.0
    return JaroWinkler.similarity(a, b)


@lru_cache(maxsize=200_000)
def english_zipf(word: str) -> float:
    """wordfreq's Zipf frequency of a folded word in English, cached (name rules ask it of every spelling).

    Example:
        >>> english_zipf("bank") > 4 > english_zipf("menatep")
        True
    """
    if word.isascii() and word.isalpha() and word.islower():
        # One lower-case word is its own token: read wordfreq's table directly, as zipf_frequency would after
        # tokenizing it (the same figure, rounded alike), at a hundredth of the cost.
        frequency = _english_frequencies().get(word, 0.0)
        return round(math.log10(frequency) + 9, 2) if frequency > 0 else 0.0
    return zipf_frequency(word, "en")


@cache
def _english_frequencies() -> dict[str, float]:
    return get_frequency_dict("en")
