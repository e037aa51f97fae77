"""Link organisation and region names by their context: acronyms, generic names, descriptors.

Four rules, for ORG (and, for descriptors, LOC) spellings no registry rule linked:

* an *acronym* ("OPCW", "N.R.C.") takes the organisation whose name's
  initials it spells: first among the linked organisations of its own
  article (``document_context``, 0.9), else among those of the whole dataset
  (``corpus_context``, 0.8). Two candidates in the scope that decides veto
  the link: the acronym stays an entity of its own.
* a *generic* name ("the U.S. Embassy") takes the registry entry it may mean
  (``generic`` in ``data/sources/``) whose place its article names, when
  exactly one such entry fits (``document_context``).
* an acronym *defined* in its article ("Federal Security Service (FSB)",
  "KPRF (Communist Party of the Russian Federation)") takes, everywhere
  that article uses it, the entity of the name it stands for, whether or
  not its letters spell that name's English initials: the parenthesis is
  the evidence (``document_context``).
* spellings of one institution or region by different translators share a
  *descriptor* (``descriptors.py``): "Foreign Ministry of Russia" =
  "Russia's Ministry of Foreign Affairs", "Primorsky Krai" = "Primorye
  Territory". A descriptor naming its place (or a region's) is one entity
  dataset-wide (``descriptor_key``, 0.9); a bare one ("the Foreign
  Ministry") only within its article: it takes the one placed spelling of
  the article, else the one of the one country the article names, else the
  article's other bare spellings join it (``document_context``).

Example:
    >>> initials_of("Organisation for the Prohibition of Chemical Weapons"), acronym_of("O.P.C.W.")
    ('opcw', 'opcw')
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import NamedTuple

import numpy as np
import polars as pl

from newsfold.frames import columns_of
from newsfold.names.context import CORPUS_CONTEXT_SCORE, DOCUMENT_CONTEXT_SCORE
from newsfold.names.descriptors import (
    Descriptor, city_facts, city_of, is_city_name, is_place_name, make_descriptor, may_have_descriptor,
    registry_descriptors, subdivision_of,
)
from newsfold.names.fold import english_zipf, fold_tokens
from newsfold.names.forms import NameForm, clean_surface, make_name_form, org_words
from newsfold.names.link import link_spelling
from newsfold.names.observe import Link
from newsfold.names.registry import Registry, load_registry
from newsfold.names.symbols import part_symbols

__all__ = [
    "acronym_of",
    "initials_of",
    "acronym_keys",
    "acronym_keys_of_name",
    "loose_acronym_keys_of_name",
    "split_acronym_definition",
    "find_acronym_links",
    "find_generic_links",
    "find_defined_acronym_links",
    "find_adjacent_definitions",
    "find_descriptor_links",
    "bare_company_name",
    "bare_name_before_tail",
    "name_before_last_tail",
    "facility_stem",
    "DESCRIPTOR_SCORE",
]

#: Score of a ``descriptor_key`` link (equal descriptors naming their place, dataset-wide).
DESCRIPTOR_SCORE = 0.9

_STOPWORDS = frozenset({"the", "of", "for", "and", "in", "on", "at", "to", "de", "du", "des", "la", "le", "et", "al", "el"})
#: 2 to 6 capitals, periods allowed, and an ampersand between two of them ("M&S", "AT&T").
_ACRONYM = re.compile(r"^(?=(?:[^A-Z]*[A-Z]){2,6}[^A-Z]*$)[A-Z]\.?(?:&?[A-Z]\.?)+$")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_DEFINITION = re.compile(r"^(?P<outer>[^()]+?)\s*\(\s*(?P<inner>[^()]+?)\s*\)$")
_DEFINED_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,8}$")
_ORG_LABELS = frozenset({"ORG", "FAC"})
#: A cheap vectorised test that lets through every surface ``_DEFINED_ACRONYM`` may match once stripped
#: (and a few it will not): only those are looked at one by one.
_ACRONYM_LIKE = r"^\s*(?:[Tt][Hh][Ee]\s+)?(?:[A-Z]\.?){2,8}\s*$"
_OPEN_AFTER = re.compile(r"\s*\(\s*")
_LEADING_ARTICLE = re.compile(r"^(?:the\s+)?$", re.IGNORECASE)
_CLOSE = re.compile(r"\s*\)")
_JOINER = re.compile(r"^(?:\s*|\s+(?:(?:of|the|for|on|in|de)\s+)+)$", re.IGNORECASE)
#: Words of a state body: only such a bare name may mean the one placed spelling the dataset has
#: ("Agriculture Department"); a party or a movement with a place is another body ("Kurdistan
#: Democratic Party" is not the "Kurdistan Democratic Party of Iran").
_INSTITUTION_WORDS = frozenset(
    {
        "ministry", "department", "commission", "agency", "office", "bureau", "administration",
        "service", "inspectorate", "directorate", "secretariat",
    }
)  # fmt: skip
@cache
def _trade_words(listed: bool) -> frozenset[str]:
    words = org_words()
    return frozenset(words["company_trades"] + (words["listed_company_trades"] if listed else []))


def bare_company_name(form: NameForm, listed: bool = False) -> tuple[str, ...] | None:
    """An organisation's name without the trade it ends in ("barclays" of "Barclays Bank"), else None.

    The legal form is already gone from the tokens. A name with no trade
    word, or with nothing but trade words ("Airways"), has none. A country
    word is not dropped: "Deutsche Texaco" and "Texaco Canada" are
    subsidiaries, not "Texaco".

    Example:
        >>> from newsfold.names.forms import make_name_form as f
        >>> bare_company_name(f("Barclays Bank PLC", "ORG")), bare_company_name(f("Toyota Motor Corp", "ORG"))
        (('barclays',), ('toyota',))
        >>> bare_company_name(f("Chase Manhattan Bank", "ORG")), bare_company_name(f("Deutsche Texaco AG", "ORG"))
        (('chase', 'manhattan'), None)
        >>> bare_company_name(f("Aeroflot Russian Airlines", "ORG")), bare_company_name(f("NK Rosneft", "ORG"), listed=True)
        (('aeroflot',), ('rosneft',))
    """
    if form.entity_type != "ORG" or len(form.tokens) < 2:
        return None
    trades = _trade_words(listed)
    tokens = form.tokens
    nationalities = load_registry().demonym_index
    kept = [token not in trades for token in tokens]
    left = tuple(token for token, keep in zip(tokens, kept) if keep)
    # A nationality right before a trade says where the trade is ("Aeroflot Russian Airlines"), unless
    # what is left is a region's or a city's name ("Texas American Bank" is no "Texas").
    national = tuple(
        token for index, token in enumerate(tokens)
        if kept[index] and not (token in nationalities and index + 1 < len(tokens) and not kept[index + 1])
    )
    if national != left and national and not _is_region_or_city(" ".join(national)):
        left = national
    return left if left and len(left) < len(tokens) else None


def bare_name_before_tail(form: NameForm) -> tuple[str, ...] | None:
    """An organisation's name without the words it ends in that news leaves out ("name_tails"), else None.

    Only words at the end go, one or more ("Valeant Pharmaceuticals International" is "Valeant"); the legal
    form is already gone from the tokens, and one word always stays.

    Example:
        >>> from newsfold.names.forms import make_name_form as f
        >>> bare_name_before_tail(f("Magna International Inc", "ORG")), bare_name_before_tail(f("Bain Capital", "ORG"))
        (('magna',), ('bain',))
        >>> bare_name_before_tail(f("Valeant Pharmaceuticals International", "ORG"))
        ('valeant',)
        >>> bare_name_before_tail(f("International Finance Corp", "ORG")), bare_name_before_tail(f("Capital", "ORG"))
        (None, None)
    """
    if form.entity_type != "ORG":
        return None
    tails, tokens = _name_tails(), form.tokens
    end = len(tokens)
    while end > 1 and tokens[end - 1] in tails:
        end -= 1
    return tokens[:end] if end < len(tokens) else None


def name_before_last_tail(form: NameForm) -> tuple[str, ...] | None:
    """An organisation's name ending in two tail words or more, without the last one, else None: the step
    between a name and its bare name ("McCaw Cellular" in "McCaw Cellular Communications Inc").

    Example:
        >>> from newsfold.names.forms import make_name_form as f
        >>> name_before_last_tail(f("McCaw Cellular Communications Inc", "ORG"))
        ('mccaw', 'cellular')
        >>> name_before_last_tail(f("McCaw Cellular", "ORG")) is None
        True
    """
    tails, tokens = _name_tails(), form.tokens
    if form.entity_type != "ORG" or len(tokens) < 3 or tokens[-1] not in tails or tokens[-2] not in tails:
        return None
    return tokens[:-1]


@cache
def _name_tails() -> frozenset[str]:
    return frozenset(org_words()["name_tails"])


#: Words that may end the core of a name before a city's name: "Bank of Tokyo" names no "Bank of".
_BEFORE_CITY = frozenset({"of", "de", "di", "da", "du", "del", "della", "des", "der", "la", "le", "los", "las", "and", "in"})


@lru_cache(maxsize=200_000)
def club_city(form: NameForm) -> tuple[tuple[str, ...], int] | None:
    """An organisation's name split into its core and the city it ends in (a GeoNames id), else None.

    Sports clubs, and some companies, are written with and without their
    city ("Vitesse Arnhem" and "Vitesse", "Widzew Lodz" and "Widzew"), with
    the city in its own language or in English ("Polonia Warszawa", "Polonia
    Warsaw"), and with a designator before the city only ("SC Freiburg",
    "Freiburg"): the city says where the club is, the core which one. The
    city is the last word or two when ``descriptors.city_of`` reads them as
    one city and that city is named the way clubs are (:func:`_club_city_of`:
    no English-speaking country's town, no small town, no common word); the
    designators (``data/org_words.yml``, ``club_designators``)
    leave the core, which is empty for a club named by its city alone; a core
    ending in a joining word ("Bank of Tokyo") is none.

    Example:
        >>> from newsfold.names.forms import make_name_form as f
        >>> club_city(f("Polonia Warszawa", "ORG")) == club_city(f("Polonia Warsaw", "ORG"))
        True
        >>> club_city(f("SC Freiburg", "ORG")) == club_city(f("Freiburg", "ORG")), club_city(f("SC Freiburg", "ORG"))[0]
        (True, ())
        >>> club_city(f("Vitesse Arnhem", "ORG"))[0], club_city(f("Bank of Tokyo", "ORG")), club_city(f("Vitesse", "ORG"))
        (('vitesse',), None, None)
    """
    tokens = form.tokens
    if form.entity_type != "ORG" or "," in form.text:
        return None  # "Nis, Leskovac": a list of towns, or a place and its country
    designators = _designators_before_city()
    for size in (2, 1):
        core = tokens[:-size]
        if len(tokens) < size or (core and core[-1] in _BEFORE_CITY):
            continue
        while core and core[0] in designators:
            core = core[1:]
        if (city := _club_city_of(" ".join(tokens[-size:]))) is not None:
            return core, city
    return None


#: People from which a city may end a club's name: smaller towns' names are words, surnames and other countries'
#: own names ("Bell", "Hudson"; "Mendez Nederland" is the Dutch company, not one of Nederland, Texas).
_CLUB_CITY_PEOPLE = 50_000
#: Countries whose clubs put the city first (Manchester United, Boston Celtics): a town of theirs at the end of a
#: name is a company's word ("Wells Fargo", "Dayton Hudson", "Stanford University").
_CITY_FIRST_COUNTRIES = frozenset({"US", "GB", "CA", "AU", "NZ", "IE"})
#: Zipf frequency (wordfreq, English) from which a city's name is a common word ("Martin", "Federal", "Union").
_CLUB_CITY_WORD_ZIPF = 4.5


@lru_cache(maxsize=100_000)
def _club_city_of(words: str) -> int | None:
    """The city a club's name may end in (``descriptors.city_of``), when a city is read the way clubs write it.

    A club's name ends in a city, not a province: a province named like its capital (the city-states Berlin,
    Hamburg, Bremen; the governorates and provinces of Baghdad, Istanbul, Tehran) is read as that city here.
    """
    city = city_of(words, in_subdivision_names=True)
    if city is None:
        return None
    population, country = city_facts().get(city, (0, ""))
    if population < _CLUB_CITY_PEOPLE or country in _CITY_FIRST_COUNTRIES:
        return None
    if any(english_zipf(word) >= _CLUB_CITY_WORD_ZIPF for word in words.split()):
        return None
    return city


@cache
def _designators_before_city() -> frozenset[str]:
    return frozenset(org_words()["club_designators"]["before_city"])


def bare_club_name(form: NameForm) -> tuple[str, ...] | None:
    """The core of an organisation's name that ends in its city ("vitesse" of "Vitesse Arnhem"), else None.

    Example:
        >>> from newsfold.names.forms import make_name_form as f
        >>> bare_club_name(f("NAC Breda", "ORG")), bare_club_name(f("Widzew Lodz", "ORG")), bare_club_name(f("Wells Fargo", "ORG"))
        (('nac',), ('widzew',), None)
    """
    split = club_city(form)
    return split[0] if split is not None and split[0] else None


def _is_region_or_city(name: str) -> bool:
    return subdivision_of(name) is not None or is_city_name(name)


@cache
def _facility_words() -> tuple[tuple[tuple[str, ...], str], ...]:
    """The trailing words of each facility kind, as folded tokens, the longest first."""
    kinds = org_words()["facility_kinds"]
    words = [(fold_tokens(phrase), kind) for kind, phrases in kinds.items() for phrase in phrases]
    return tuple(sorted(words, key=lambda item: -len(item[0])))


@lru_cache(maxsize=200_000)
def facility_stem(form: NameForm) -> tuple[tuple[str, ...], str] | None:
    """An establishment's name without the words of its kind at the end, and that kind; else None.

    "Betty Ford Center", "Betty Ford Clinic" and "Betty Ford Treatment Center"
    all give ``(("betty", "ford"), "clinic")``: news writes one clinic each way
    (``data/org_words.yml``, ``facility_kinds``). Only trailing words count, and
    something must be left: "Treatment Center" alone names no clinic.

    Example:
        >>> from newsfold.names.forms import make_name_form as f
        >>> facility_stem(f("Betty Ford Treatment Center", "ORG")), facility_stem(f("Matanuska Maid Creamery", "ORG"))
        ((('betty', 'ford'), 'clinic'), (('matanuska', 'maid'), 'dairy'))
        >>> facility_stem(f("Ford Foundation", "ORG")), facility_stem(f("Treatment Center", "ORG"))
        (None, None)
    """
    if form.entity_type != "ORG" or len(form.tokens) < 2:
        return None
    for words, kind in _facility_words():
        if len(form.tokens) > len(words) and form.tokens[-len(words) :] == words:
            stem = form.tokens[: -len(words)]
            # "Treatment Center" is "Treatment" + "Center" only by accident: the stem is a kind word.
            return None if stem[-1] in _facility_kind_words() else (stem, kind)
    return None


@cache
def _facility_kind_words() -> frozenset[str]:
    return frozenset(word for words, _ in _facility_words() for word in words)


_LINK_SCHEMA = {"item_id": pl.String, "entity_id": pl.String, "resolution": pl.String, "score": pl.Float64}


@lru_cache(maxsize=200_000)
def acronym_of(text: str) -> str | None:
    """The folded letters of a spelling written as an acronym, else None.

    Example:
        >>> acronym_of("the IAEA"), acronym_of("Iaea"), acronym_of("NATO summit"), acronym_of("M&S")
        ('iaea', None, None, 'ms')
    """
    cleaned = _LEADING_THE.sub("", clean_surface(text))
    return cleaned.replace(".", "").replace("&", "").casefold() if _ACRONYM.match(cleaned) else None


#: A name written as a word of four to six letters, capitalised: how British news writes acronyms ("Icann", "Nato").
#: Three letters are too often a word's abbreviation ("Cie", "Bhs").
_TITLE_CASE_WORD = re.compile(r"^[A-Z][a-z]{3,5}$")
#: Zipf frequency (wordfreq, English) under which a capitalised word may be an acronym written as a word: word
#: lists hold acronyms too ("icann" 2.7, "apec" 2.7), but not as often as words ("paris" 5.1, "labour" 4.9).
_TITLE_ACRONYM_ZIPF = 3.5
#: The same for a word that is also a name rigour knows: "Haas" (3.2) is a company named after its founder,
#: "Gatt" (2.3) and "Libor" (2.6) are acronyms.
_TITLE_ACRONYM_NAME_ZIPF = 3.0


@lru_cache(maxsize=200_000)
def title_case_acronym(text: str) -> str | None:
    """The folded letters of an organisation's acronym written as a capitalised word ("Icann", "Pipa"), when the
    word is no common English word, no common name and no place's name; else None.

    Only an acronym's other letters may say so: :func:`find_acronym_links` links it to the one organisation whose
    initials it spells, as it does "ICANN".

    Example:
        >>> title_case_acronym("Icann"), title_case_acronym("Pipa")
        ('icann', 'pipa')
        >>> title_case_acronym("Paris"), title_case_acronym("Haas"), title_case_acronym("ICANN")
        (None, None, None)
    """
    cleaned = _LEADING_THE.sub("", clean_surface(text))
    if not _TITLE_CASE_WORD.match(cleaned):
        return None
    word = cleaned.casefold()
    zipf = english_zipf(word)
    if zipf >= _TITLE_ACRONYM_ZIPF or (zipf >= _TITLE_ACRONYM_NAME_ZIPF and part_symbols(word)) or is_place_name(word):
        return None
    return word


@lru_cache(maxsize=200_000)
def initials_of(text: str) -> str | None:
    """The initials of an organisation's name (small words skipped), else None.

    Names of fewer than two significant words have none.

    Example:
        >>> initials_of("the Norwegian Refugee Council"), initials_of("Hezbollah")
        ('nrc', None)
    """
    words = [t for t in fold_tokens(clean_surface(text)) if t not in _STOPWORDS]
    return "".join(w[0] for w in words) if len(words) >= 2 else None


#: A word written as an abbreviation inside a long name: "U.S.", "U.K.", "UK" give all their letters to its acronym.
_ABBREVIATED_WORD = re.compile(r"^(?:(?:[A-Z]\.){2,}|[A-Z]{2,3})$")
_WORD = re.compile(r"[^\s\-‐–/]+")
_WHOLE_WORD = re.compile(r"[^\s/]+")
#: Letters of a loose key: fewer spell too many things.
_LOOSE_MIN_LETTERS = 3
#: Letters of an acronym that a loose key of another article's name may link: shorter ones are too often a
#: term ("FOB", free on board) or another body's ("WAM") that the dataset happens to spell out.
_LOOSE_DATASET_MIN_LETTERS = 5
#: Small words some acronyms keep a letter of.
_KEPT_SMALL_WORDS = frozenset({"of", "and", "for"})


@lru_cache(maxsize=200_000)
def acronym_keys_of_name(text: str) -> tuple[str, ...]:
    """The acronyms an organisation's name may go by, as keys :func:`acronym_keys` meets.

    Its initials (:func:`initials_of`); with an abbreviated word, that word's
    letters ("U.S. Department of Agriculture": USDA); and for an institution
    named with its place (it has a placed descriptor), its letters after the
    first in any order, marked "~": news writes "U.S. Agriculture Department"
    for the "U.S. Department of Agriculture" (USDA). A company, a name without
    a place or one of fewer than three letters has no reordered key.

    Example:
        >>> acronym_keys_of_name("U.S. Agriculture Department")
        ('uad', 'usad', '~uads')
        >>> acronym_keys_of_name("Norwegian Refugee Council")
        ('nrc',)
    """
    initials = initials_of(text)
    if initials is None:
        return ()
    letters = _word_letters(text)
    keys = [initials] + ([letters] if letters and letters != initials else [])
    descriptor = make_descriptor(text, "ORG") if len(letters) >= 3 else None
    if descriptor is not None and descriptor.place is not None:
        keys.append(_reordered(letters))
    return tuple(keys)


@lru_cache(maxsize=200_000)
def loose_acronym_keys_of_name(text: str) -> tuple[str, ...]:
    """The rarer ways an acronym spells a name, which :func:`acronym_keys_of_name` does not give.

    Some acronyms keep a small word's letter ("Congress of South African Trade Unions": COSATU), or give a
    hyphenated word one letter ("Australian Meat and Live-Stock Corp": AMLC). Such letters also spell what
    the name never went by ("FOB" for a "Federation of Banks"), so :func:`find_acronym_links` reads them only
    when no name spells the acronym the usual way.

    Example:
        >>> loose_acronym_keys_of_name("Water and Power Development Authority")
        ('wapda',)
        >>> loose_acronym_keys_of_name("Australian Meat and Live-Stock Corp"), loose_acronym_keys_of_name("Hezbollah")
        (('amalsc', 'amlc'), ())
    """
    strict = acronym_keys_of_name(text)
    if not strict:
        return ()
    variants = (_word_letters(text, small_words=True), _word_letters(text, hyphenated_as_one=True))
    return tuple(dict.fromkeys(v for v in variants if len(v) >= _LOOSE_MIN_LETTERS and v not in strict))


def acronym_keys(letters: str) -> tuple[str, ...]:
    """The keys an acronym's folded letters meet in :func:`acronym_keys_of_name`.

    Example:
        >>> acronym_keys("usda"), acronym_keys("un")
        (('usda', '~uads'), ('un',))
    """
    return (letters, _reordered(letters)) if len(letters) >= 3 else (letters,)


def _reordered(letters: str) -> str:
    """The first letter, then the others sorted: the key of letters whose order after the first may vary."""
    return "~" + letters[0] + "".join(sorted(letters[1:]))


def _word_letters(text: str, small_words: bool = False, hyphenated_as_one: bool = False) -> str:
    """Initials of a name's significant words, an abbreviated word ("U.S.") giving all its letters.

    ``small_words``: "of", "and" and "for" give their letters too; ``hyphenated_as_one``: a hyphenated word gives
    one letter.

    Example:
        >>> _word_letters("Water and Power Development Authority", small_words=True)
        'wapda'
        >>> _word_letters("Australian Meat and Live-Stock Corp"), _word_letters("Anti-Defamation League", True, True)
        ('amlsc', 'al')
    """
    letters = []
    kept = _KEPT_SMALL_WORDS if small_words else frozenset()
    for word in (_WHOLE_WORD if hyphenated_as_one else _WORD).findall(_LEADING_THE.sub("", clean_surface(text))):
        folded = fold_tokens(word)
        if not folded or (folded[0] in _STOPWORDS and folded[0] not in kept):
            continue
        letters.append("".join(folded) if _ABBREVIATED_WORD.match(word) else folded[0][0])
    return "".join(letters)


@lru_cache(maxsize=200_000)
def split_acronym_definition(text: str) -> tuple[str, str] | None:
    """The long name and the folded acronym of "Long Name (ACRONYM)" or "ACRONYM (Long Name)", else None.

    The acronym is 2 to 8 capitals (periods allowed) and need not spell the
    long name's initials: "KPRF" is Russian for the Communist Party of the
    Russian Federation. The long name has two words or more.

    Example:
        >>> split_acronym_definition("the Federal Security Service (FSB)")
        ('Federal Security Service', 'fsb')
        >>> split_acronym_definition("Hamas (Gaza)") is None
        True
    """
    match = _DEFINITION.match(text.strip())
    if match is None:
        return None
    outer, inner = (_LEADING_THE.sub("", part.strip()) for part in match.group("outer", "inner"))
    for long_name, short in ((outer, inner), (inner, outer)):
        if _DEFINED_ACRONYM.match(short) and len(fold_tokens(long_name)) >= 2:
            return long_name, short.replace(".", "").casefold()
    return None


def find_defined_acronym_links(
    seen: pl.DataFrame,
    texts: list[str],
    forms: list[NameForm],
    first: list[Link | None],
    definitions: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """Links of acronyms an article defines ("Federal Security Service (FSB)") to the name they stand for.

    The defining spelling and every unlisted spelling of the same acronym in
    that article take the long name's entity: its registry entity, else the
    entity of the same name written alone in the article, else the defining
    spelling's own. Two definitions of one acronym with different entities in
    one article veto each other.

    Args:
        seen: ``item_id``, ``doc_id``, ``sid`` per observation.
        texts: Spelling of each sid.
        forms: :class:`NameForm` of each sid.
        first: Link of each sid so far (registry or key group), or None.
        definitions: ``doc_id``, ``long_name``, ``acronym`` (folded letters)
            of definitions found around the mentions
            (:func:`find_adjacent_definitions`), if any.

    Returns:
        item_id, entity_id, resolution, score.
    """
    defining = {
        sid: definition
        for sid, (text, form) in enumerate(zip(texts, forms))
        if form.entity_type == "ORG" and "(" in text and (definition := split_acronym_definition(text)) is not None
    }
    around: dict[str, list[tuple[str, str]]] = {}
    if definitions is not None:
        columns = ("doc_id", "long_name", "acronym")
        for doc_id, long_name, letters in definitions.select(columns).unique().sort(columns).iter_rows():
            around.setdefault(doc_id, []).append((long_name, letters))
    if not defining and not around:
        return pl.DataFrame(schema=_LINK_SCHEMA)
    wanted = {make_name_form(long_name, "ORG").alias_key for long_name, _ in defining.values()}
    wanted |= {make_name_form(long_name, "ORG").alias_key for pairs in around.values() for long_name, _ in pairs}
    named_alone: dict[str, set[str]] = {}
    for sid, form in enumerate(forms):
        if form.entity_type == "ORG" and form.alias_key in wanted and sid not in defining and first[sid] is not None:
            named_alone.setdefault(form.alias_key, set()).add(first[sid].entity_id)  # type: ignore[union-attr]
    rows = seen.select("item_id", "doc_id", "sid")
    docs = set(rows.filter(pl.col("sid").is_in(list(defining)))["doc_id"].to_list()) | set(around)
    in_docs = rows.filter(pl.col("doc_id").is_in(sorted(docs)))
    by_doc: dict[str, list[tuple[str, int]]] = {}
    for item_id, doc_id, sid in in_docs.iter_rows():
        by_doc.setdefault(doc_id, []).append((item_id, sid))
    found = []
    for doc_id in sorted(by_doc):
        members = by_doc[doc_id]
        targets: dict[str, set[str]] = {}
        for _, sid in members:
            if sid in defining:
                long_name, letters = defining[sid]
                target = _entity_of_long_name(long_name, sid, members, forms, first, named_alone)
                if target is not None:
                    targets.setdefault(letters, set()).add(target)
        for long_name, letters in around.get(doc_id, ()):
            target = _entity_of_long_name(long_name, None, members, forms, first, named_alone)
            if target is not None:
                targets.setdefault(letters, set()).add(target)
        for item_id, sid in members:
            link = first[sid]
            if sid in defining:
                letters = defining[sid][1]
            elif forms[sid].entity_type == "ORG" and not _is_listed(link):
                letters = acronym_of(texts[sid])
            else:
                continue
            chosen = targets.get(letters or "", set())
            if len(chosen) == 1:
                target = next(iter(chosen))
                if link is None or link.entity_id != target:
                    found.append((item_id, target, "document_context", DOCUMENT_CONTEXT_SCORE))
    return pl.DataFrame(found, schema=_LINK_SCHEMA, orient="row")


def _entity_of_long_name(
    long_name: str,
    sid: int | None,
    members: list[tuple[str, int]],
    forms: list[NameForm],
    first: list[Link | None],
    named_alone: dict[str, set[str]],
) -> str | None:
    """The entity of a defined acronym's long name.

    Its registry entity; else that of the same name written alone in the
    article, else in the dataset (one spelling is one entity dataset-wide);
    else the defining spelling's own (``sid``; None for a definition found
    around the mentions). Two candidates at a step give None.
    """
    listed = link_spelling(long_name, "ORG")
    if listed is not None:
        return listed.entity_id
    key = make_name_form(long_name, "ORG").alias_key
    in_article = {
        link.entity_id
        for _, other in members
        if other != sid and forms[other].alias_key == key and (link := first[other]) is not None
    }
    candidates = in_article or named_alone.get(key, set())
    if candidates:
        return next(iter(candidates)) if len(candidates) == 1 else None
    own = first[sid] if sid is not None else None
    return own.entity_id if own is not None else None


def find_adjacent_definitions(mentions: pl.DataFrame, documents: pl.DataFrame) -> pl.DataFrame:
    """Acronym definitions spaCy split into mentions: "Long Name (ACR)" and "ACR (Long Name)".

    The long name is the run of mentions (the first an organisation) that
    only small words ("of", "the", "for"; not "and", which lists) join, up to the
    parenthesis: "the Communist Party of the Russian Federation (KPRF)" is
    ORG + GPE + ORG to spaCy. The document text must show the parentheses:
    offsets alone cannot tell "Hamas, IRGC" from "Hamas (IRGC)".

    Args:
        mentions: ``doc_id``, ``start``, ``end``, ``text``, ``label``.
        documents: ``doc_id``, ``text`` (the text the offsets index).

    Returns:
        doc_id, long_name, acronym (folded letters), one row per definition.

    Example:
        >>> import polars as pl
        >>> text = "The Islamic Revolutionary Guard Corps (IRGC) said"
        >>> mentions = pl.DataFrame({"doc_id": ["d", "d"], "start": [0, 39], "end": [37, 43],
        ...     "text": ["The Islamic Revolutionary Guard Corps", "IRGC"], "label": ["ORG", "ORG"]})
        >>> find_adjacent_definitions(mentions, pl.DataFrame({"doc_id": ["d"], "text": [text]})).row(0)
        ('d', 'Islamic Revolutionary Guard Corps', 'irgc')
    """
    # Only the few acronym-like organisation mentions are scanned; their neighbours are read from
    # arrays of offsets, never from one Python tuple per mention (a 50 MB article has 1.5 million).
    acronym_like = pl.col("label").is_in(list(_ORG_LABELS)) & pl.col("text").str.contains(_ACRONYM_LIKE)
    ordered = mentions.select(
        "doc_id", "start", "end", pl.col("label").is_in(list(_ORG_LABELS)).fill_null(False).alias("is_org"),
        acronym_like.fill_null(False).alias("acronym_like"),
        pl.when(acronym_like).then(pl.col("text")).alias("text"),  # null elsewhere: no copy of every surface
    )
    # Only articles with an acronym-like mention: most have none, and a group costs Polars 0.1 ms.
    ordered = ordered.filter(pl.col("acronym_like").any().over("doc_id")).sort("doc_id", "start", "end")
    texts = columns_of(documents, "doc_id", "text")
    row_of = {doc_id: row for row, doc_id in enumerate(texts["doc_id"].to_list())}
    # Each article's mentions are a slice of whole-column arrays: no frame per article.
    starts, ends = ordered["start"].to_numpy(), ordered["end"].to_numpy()
    is_org, acronyms = ordered["is_org"].to_numpy(), ordered["acronym_like"].to_numpy()
    # The surfaces as one list (null but for the few acronym-like rows): a gather per article cost
    # Polars a query each, 2.7 s for the 24,531 articles with one in a 100,000-article collection.
    surfaces_of = ordered["text"].to_list()
    bounds = ordered.with_row_index("row").group_by("doc_id", maintain_order=True).agg(
        pl.col("row").first().alias("first"), pl.len().alias("count")
    )
    rows = []
    for doc_id, first, count in bounds.iter_rows():
        last = first + count
        candidates = np.flatnonzero(acronyms[first:last])
        body = texts["text"][row_of[doc_id]] if doc_id in row_of and len(candidates) else None
        if body is None:
            continue
        spans = _Spans(starts[first:last], ends[first:last], is_org[first:last])
        for index in candidates.tolist():
            text = surfaces_of[first + index]
            if not _DEFINED_ACRONYM.match(_LEADING_THE.sub("", text.strip())):
                continue
            start, end = spans.starts[index], spans.ends[index]
            letters = _LEADING_THE.sub("", text.strip()).replace(".", "").casefold()
            # Offsets into the body, never slices of it: a slice per mention would make a long article quadratic.
            if (opening := _open_paren_before(body, start)) is not None and _CLOSE.match(body, end):
                long_name = _run_before(body, spans, index, opening)
            elif (after := _OPEN_AFTER.match(body, end)) is not None:
                long_name = _run_after(body, spans, index, after.end())
            else:
                long_name = None
            if long_name is not None and len(fold_tokens(long_name)) >= 2:
                rows.append((doc_id, long_name, letters))
    return pl.DataFrame(rows, schema={"doc_id": pl.String, "long_name": pl.String, "acronym": pl.String}, orient="row")


class _Spans(NamedTuple):
    """One article's mentions in text order, as arrays: ``spans[i]`` is (start, end, is_organisation)."""

    starts: np.ndarray
    ends: np.ndarray
    is_org: np.ndarray

    def __getitem__(self, index: int) -> tuple[int, int, bool]:  # type: ignore[override]
        return int(self.starts[index]), int(self.ends[index]), bool(self.is_org[index])

    def __len__(self) -> int:
        return len(self.starts)


def _open_paren_before(body: str, position: int) -> int | None:
    r"""Where the "(" (with the white space around it) that ends at ``position`` begins; None without one.

    The same as ``re.search(r"\s*\(\s*$", body[:position]).start()``, without copying the body.
    """
    index = position
    while index > 0 and body[index - 1].isspace():
        index -= 1
    if index == 0 or body[index - 1] != "(":
        return None
    index -= 1
    while index > 0 and body[index - 1].isspace():
        index -= 1
    return index


def _run_before(body: str, spans: _Spans, index: int, stop: int) -> str | None:
    """The long name of the mentions before ``spans[index]`` joined by small words, ending at ``stop`` (before " (")."""
    run_start, cursor, has_org = None, stop, False
    for start, end, is_org in (spans[i] for i in range(index - 1, -1, -1)):
        if not _JOINER.match(body[end:cursor]) or (run_start is None and end != stop):
            break
        run_start, cursor, has_org = start, start, has_org or is_org
    return _LEADING_THE.sub("", body[run_start:stop]) if run_start is not None and has_org else None


def _run_after(body: str, spans: _Spans, index: int, begin: int) -> str | None:
    """The long name of the mentions after ``spans[index]`` joined by small words, from ``begin`` (after "(") to ")"."""
    run_end, cursor, has_org = None, begin, False
    for start, end, is_org in (spans[i] for i in range(index + 1, len(spans))):
        if not _JOINER.match(body[cursor:start]) or (run_end is None and not _LEADING_ARTICLE.match(body[begin:start])):
            break
        run_end, cursor, has_org = end, end, has_org or is_org
    if run_end is None or not has_org or not _CLOSE.match(body, run_end):
        return None
    return _LEADING_THE.sub("", body[begin:run_end])


def find_acronym_links(seen: pl.DataFrame, spellings: pl.DataFrame) -> pl.DataFrame:
    """Links of unlinked acronyms to the one organisation (or place) whose initials they spell.

    Args:
        seen: ``item_id``, ``doc_id``, ``sid`` per observation.
        spellings: ``sid``, ``entity_id`` (its link so far, or null),
            ``acronym`` (:func:`acronym_of` of an ORG or LOC spelling, or null),
            ``initials`` (:func:`acronym_keys_of_name` of an ORG or LOC
            spelling, a list, or null) and optionally ``loose_initials``
            (:func:`loose_acronym_keys_of_name`, read only for an acronym no
            initials spell: in its article, or in the dataset when it has
            five letters or more), ``entity_type``: an
            acronym reads only names of its own type ("NSW" no company's),
            and ``relinkable``: an acronym linked already (by the registry)
            that its article may take from it. "ICC" is the International
            Criminal Court to the registry, and the Interstate Commerce
            Commission in an article naming that commission and not the court.

    Returns:
        item_id, entity_id, resolution, score.
    """
    if "entity_type" not in spellings.columns:
        spellings = spellings.with_columns(pl.lit("ORG").alias("entity_type"))
    if "relinkable" not in spellings.columns:
        spellings = spellings.with_columns(pl.lit(False).alias("relinkable"))
    letters = spellings.filter(
        pl.col("acronym").is_not_null() & (pl.col("entity_id").is_null() | pl.col("relinkable"))
    ).select("sid", "acronym", "entity_type", pl.col("entity_id").alias("linked_to"))
    acronyms = seen.select("item_id", "doc_id", "sid").join(
        letters.with_columns(
            pl.Series("key", [list(acronym_keys(a)) for a in letters["acronym"].to_list()], dtype=pl.List(pl.String))
        )
        .explode("key")
        .with_columns(_TYPED_KEY.alias("key"), pl.col("acronym").str.len_chars().alias("n_letters"))
        .select("sid", "key", "linked_to", "n_letters"),
        on="sid",
    )
    if not acronyms.height:
        return pl.DataFrame(schema=_LINK_SCHEMA)
    # The article decides when it names any candidate; only an article silent on it asks the dataset. In each,
    # the usual initials come first; only an acronym they do not spell reads the loose keys, and in the dataset
    # only from five letters on.
    named = {column: _named_keys(seen, spellings, column) for column in _ACRONYM_KEYS if column in spellings.columns}
    found, tried = [], pl.DataFrame(schema={"item_id": pl.String})
    for scope, column in _ACRONYM_STEPS:
        if column not in named:
            continue
        asking = acronyms.join(tried, on="item_id", how="anti")
        if scope == "dataset" or column == "loose_initials":
            asking = asking.filter(pl.col("linked_to").is_null())  # a listed acronym reads its article's initials only
        if scope == "dataset" and column == "loose_initials":
            asking = asking.filter(pl.col("n_letters") >= _LOOSE_DATASET_MIN_LETTERS)
        if scope == "document":
            matched = asking.join(named[column], on=["doc_id", "key"])
        else:
            matched = asking.join(named[column].select("key", "entity_id").unique(), on="key")
        candidates = matched.group_by("item_id").agg(
            pl.col("entity_id").unique().alias("candidates"), pl.col("linked_to").first()
        )
        tried = pl.concat([tried, candidates.select("item_id")])
        resolution, score = _ACRONYM_SCOPES[scope]
        found.append(
            # A linked acronym changes entity only for another its article names alone.
            candidates.filter(
                (pl.col("candidates").list.len() == 1)
                & (pl.col("linked_to").is_null() | (pl.col("candidates").list.first() != pl.col("linked_to")))
            ).select(
                "item_id",
                pl.col("candidates").list.first().alias("entity_id"),
                pl.lit(resolution).alias("resolution"),
                pl.lit(score).alias("score"),
            )
        )
    return pl.concat(found).cast(_LINK_SCHEMA)


#: The type goes into the key: an acronym and a name of another type never meet.
_TYPED_KEY = pl.concat_str(pl.col("entity_type"), pl.lit(":"), pl.col("key"))
_ACRONYM_SCOPES = {
    "document": ("document_context", DOCUMENT_CONTEXT_SCORE), "dataset": ("corpus_context", CORPUS_CONTEXT_SCORE)
}
_ACRONYM_KEYS = ("initials", "loose_initials")
#: Where an acronym looks for the name it spells, and with which keys, in order: the first that finds any decides.
_ACRONYM_STEPS = (
    ("document", "initials"), ("document", "loose_initials"), ("dataset", "initials"), ("dataset", "loose_initials")
)


def _named_keys(seen: pl.DataFrame, spellings: pl.DataFrame, column: str) -> pl.DataFrame:
    """``doc_id``, ``key``, ``entity_id``: the keys (``column``) of the linked names of each article."""
    return (
        seen.select("doc_id", "sid")
        .join(
            spellings.filter(pl.col(column).is_not_null() & pl.col("entity_id").is_not_null())
            .select("sid", pl.col(column).alias("key"), "entity_id", "entity_type")
            .explode("key")
            .with_columns(_TYPED_KEY.alias("key")),
            on="sid",
        )
        .select("doc_id", "key", "entity_id")
        .unique()
    )


def find_generic_links(seen: pl.DataFrame, spellings: pl.DataFrame, registry: Registry) -> pl.DataFrame:
    """Links of generic names ("the U.S. Embassy") to the one entry whose place the article names.

    Args:
        seen: ``item_id``, ``doc_id``, ``sid`` per observation.
        spellings: ``sid``, ``entity_id`` (its link so far, or null) and
            ``generic`` (the alias key of an ORG spelling the registry does
            not list but lists as generic, or null).
        registry: The reference registry.

    Returns:
        item_id, entity_id, resolution, score.
    """
    keys = spellings.filter(pl.col("generic").is_not_null())
    if not keys.height:
        return pl.DataFrame(schema=_LINK_SCHEMA)
    rows = []
    for key in keys["generic"].unique().to_list():
        for entity_id, place in registry.generic_index.get(("ORG", key), ()):
            place_link = link_spelling(place, "GPE")
            if place_link is not None:
                rows.append((key, entity_id, place_link.entity_id))
    options = pl.DataFrame(rows, schema={"generic": pl.String, "entity_id": pl.String, "place": pl.String}, orient="row")
    places = (
        seen.select("doc_id", "sid")
        .join(spellings.filter(pl.col("entity_id").is_not_null()).select("sid", pl.col("entity_id").alias("place")), on="sid")
        .select("doc_id", "place")
        .unique()
    )
    fits = (
        seen.select("item_id", "doc_id", "sid")
        .join(keys.select("sid", "generic"), on="sid")
        .join(options, on="generic")
        .join(places, on=["doc_id", "place"])
        .group_by("item_id")
        .agg(pl.col("entity_id").first(), pl.col("entity_id").n_unique().alias("candidates"))
        .filter(pl.col("candidates") == 1)
    )
    return fits.select(
        "item_id",
        "entity_id",
        pl.lit("document_context").alias("resolution"),
        pl.lit(DOCUMENT_CONTEXT_SCORE).alias("score"),
    ).cast(_LINK_SCHEMA)


def find_descriptor_links(
    seen: pl.DataFrame, texts: list[str], forms: list[NameForm], first: list[Link | None]
) -> pl.DataFrame:
    """Links of translated spellings of one institution or region (equal descriptors).

    * A *placed* descriptor ("Foreign Ministry of Russia") or a region's
      ("Primorye Territory") is one entity dataset-wide: the one registry
      entry with that descriptor, else the entity of the group's most
      observed spelling (``descriptor_key``). Two registry entries with the
      descriptor veto the group.
    * A bare institution descriptor ("the Foreign Ministry") links within its
      article only (``document_context``): to the one placed or listed
      spelling of the article with the same words; when there is none, to
      the placed entity (registry or dataset) of the one country the article
      names (its places, cities counting for their country); else the
      article's bare spellings with those words join its most observed one.

    Registry-listed spellings and generic names (``find_generic_links``)
    are never relinked.

    Args:
        seen: ``item_id``, ``doc_id``, ``sid``, ``weight`` per observation,
            in the order that breaks ties.
        texts: Spelling of each sid.
        forms: :class:`NameForm` of each sid.
        first: Link of each sid so far (registry or key group), or None.

    Returns:
        item_id, entity_id, resolution, score.
    """
    registry = load_registry()
    described: dict[int, Descriptor] = {}
    for sid, (text, form) in enumerate(zip(texts, forms)):
        if (
            not may_have_descriptor(form.alias_key, form.entity_type)
            or "(" in text
            or (form.entity_type, form.alias_key) in registry.generic_index
        ):
            continue
        descriptor = make_descriptor(text, form.entity_type)
        if descriptor is not None:
            described[sid] = descriptor
    if not described:
        return pl.DataFrame(schema=_LINK_SCHEMA)
    countries = {sid: country for sid, link in enumerate(first) if (country := _country_named(link, registry)) is not None}
    relevant = seen.with_row_index("order").filter(pl.col("sid").is_in(sorted(set(described) | set(countries))))
    # Per spelling, its observations' weight and first position; the rows walked in Python are only those
    # a rule can link (most are places, read for the countries an article names).
    per_spelling = relevant.group_by("sid").agg(pl.col("weight").sum(), pl.col("order").min())
    weight: dict[int, int] = dict(zip(per_spelling["sid"].to_list(), per_spelling["weight"].to_list()))
    order: dict[int, int] = dict(zip(per_spelling["sid"].to_list(), per_spelling["order"].to_list()))
    targets = _find_descriptor_targets(described, weight, order, first)
    qualified = sorted(sid for sid, descriptor in described.items() if descriptor.is_qualified)
    found: list[tuple[str, str, str, float]] = []
    for item_id, sid in relevant.filter(pl.col("sid").is_in(qualified)).select("item_id", "sid").iter_rows():
        target = targets.get(described[sid].key)
        link = first[sid]
        if target is not None and not _is_listed(link) and (link is None or link.entity_id != target):
            found.append((item_id, target, "descriptor_key", DESCRIPTOR_SCORE))
    # Only an article with a bare descriptor can link one: the others are not read.
    unplaced = sorted(sid for sid, descriptor in described.items() if descriptor.entity_type == "ORG" and descriptor.place is None)
    with_bare = relevant.filter(pl.col("sid").is_in(unplaced))["doc_id"].unique()
    rows = list(relevant.filter(pl.col("doc_id").is_in(with_bare.implode())).select("item_id", "doc_id", "sid").iter_rows())
    found += _find_bare_descriptor_links(rows, described, countries, targets, weight, order, first)
    return pl.DataFrame(found, schema=_LINK_SCHEMA, orient="row")


def _is_listed(link: Link | None) -> bool:
    return link is not None and link.method.startswith("registry")


def _country_named(link: Link | None, registry: Registry) -> str | None:
    """The country entity a place link names (a city names its country), else None."""
    if link is None or link.entity_id not in registry.entries:
        return None
    entry = registry.entries[link.entity_id]
    if entry.entity_type != "LOC" or entry.country is None:
        return None
    return entry.entity_id if entry.source == "country" else _country_ids().get(entry.country)


@lru_cache(maxsize=1)
def _country_ids() -> dict[str, str]:
    """ISO alpha-2 code -> the registry's country entity."""
    return {e.country: e.entity_id for e in load_registry().entries.values() if e.source == "country" and e.country}


def _best_spelling(sids: list[int], weight: dict[int, int], order: dict[int, int]) -> int:
    """The most observed spelling; the earliest observed breaks ties."""
    return min(sids, key=lambda sid: (-weight.get(sid, 0), order.get(sid, 0), sid))


def _find_descriptor_targets(
    described: dict[int, Descriptor], weight: dict[int, int], order: dict[int, int], first: list[Link | None]
) -> dict[str, str]:
    """The entity of every placed or regional descriptor key seen (vetoed keys left out)."""
    listed_keys = registry_descriptors()
    groups: dict[str, list[int]] = {}
    for sid, descriptor in described.items():
        if descriptor.is_qualified and sid in weight:
            groups.setdefault(descriptor.key, []).append(sid)
    targets: dict[str, str] = {}
    for key, sids in groups.items():
        listed = set(listed_keys.get(key, ())) | {link.entity_id for sid in sids if _is_listed(link := first[sid])}
        if len(listed) == 1:
            targets[key] = next(iter(listed))
        elif not listed:
            linked = [sid for sid in sids if first[sid] is not None]
            if linked:
                targets[key] = first[_best_spelling(linked, weight, order)].entity_id  # type: ignore[union-attr]
    return targets


def _find_bare_descriptor_links(
    rows: list[tuple[str, str, int]],
    described: dict[int, Descriptor],
    countries: dict[int, str],
    targets: dict[str, str],
    weight: dict[int, int],
    order: dict[int, int],
    first: list[Link | None],
) -> list[tuple[str, str, str, float]]:
    """Per-article links of bare institution descriptors ("the Foreign Ministry"); ``rows``: item_id, doc_id, sid."""
    listed_keys = registry_descriptors()
    by_doc: dict[str, list[tuple[str, int]]] = {}
    for item_id, doc_id, sid in rows:
        by_doc.setdefault(doc_id, []).append((item_id, sid))
    only_placed = _only_placed_entity(targets, listed_keys)
    found = []
    decided: dict[tuple[str, ...], list[str]] = defaultdict(list)  # words -> the entity each article took
    # words -> article -> its bare spellings, where the article could not tell
    undecided: dict[tuple[str, ...], dict[str, list[tuple[str, int]]]] = defaultdict(dict)
    for doc_id in sorted(by_doc):
        members = by_doc[doc_id]
        named = {countries[sid] for _, sid in members if sid in countries}
        anchored: dict[tuple[str, ...], set[str]] = {}
        bare: dict[tuple[str, ...], list[tuple[str, int]]] = {}
        for item_id, sid in members:
            descriptor = described.get(sid)
            if descriptor is None or descriptor.entity_type != "ORG":
                continue
            link = first[sid]
            if descriptor.place is not None:
                entity = targets.get(descriptor.key) or (link.entity_id if link is not None else None)
                if entity is not None:
                    anchored.setdefault(descriptor.words, set()).add(entity)
            elif _is_listed(link):
                anchored.setdefault(descriptor.words, set()).add(link.entity_id)  # type: ignore[union-attr]
            else:
                bare.setdefault(descriptor.words, []).append((item_id, sid))
        for words, spellings in sorted(bare.items()):
            anchors = anchored.get(words, set())
            if len(anchors) > 1:
                continue  # "Russian" and "Iranian Foreign Ministry" in one article: a bare one may be either
            target = _pick_bare_target(words, anchors, named, targets, listed_keys)
            if target is None:
                target = _pick_among_bare(spellings, weight, order, first)
            method, score = "document_context", DOCUMENT_CONTEXT_SCORE
            if (
                target is None
                and words in only_placed
                and (not named or only_placed[words][1] in named)
                and _INSTITUTION_WORDS.intersection(words)
            ):
                # The article names that entity's country (or none), and the dataset no other placed entity with
                # these words: a Reuters article naming the U.S., Japan and Britain writes the Commodity Futures
                # Trading Commission as 28 others write the U.S. one.
                target, method, score = only_placed[words][0], "corpus_context", CORPUS_CONTEXT_SCORE
            if target is None:
                undecided[words][doc_id] = spellings
                continue
            decided[words].append(target)
            for item_id, sid in spellings:
                link = first[sid]
                if link is None or link.entity_id != target:
                    found.append((item_id, target, method, score))
    for words, articles in sorted(undecided.items()):
        # Where the article cannot tell, the entity nearly every article with these words tells (a Reuters
        # article naming Japan and the U.S. writes the U.S. Securities and Exchange Commission as 470 others
        # do); every country has a foreign ministry, so articles that cannot tell must be few among them.
        target = majority_target(decided[words], len(articles))
        for item_id, sid in (spelling for doc_id in sorted(articles) for spelling in articles[doc_id]):
            link = first[sid]
            if target is not None and (link is None or link.entity_id != target):
                found.append((item_id, target, "corpus_context", CORPUS_CONTEXT_SCORE))
    return found


#: Share of the articles that link a name by their context that must link it to one entity for the dataset's
#: other articles, which cannot tell, to link it there too; and how many such articles at least.
MAJORITY_SHARE = 0.8
MAJORITY_ARTICLES = 2


def majority_target(per_article: Sequence[str], undecided: int = 0) -> str | None:
    """The entity that at least :data:`MAJORITY_SHARE` of the articles linking a name took, if they are
    :data:`MAJORITY_ARTICLES` or more; else None. With ``undecided`` (articles that could not tell), the share
    is of all the articles.

    Example:
        >>> majority_target(["ent_us"] * 9 + ["ent_ph"]), majority_target(["ent_us", "ent_ph"])
        ('ent_us', None)
        >>> majority_target(["ent_us"])  # one article is too few
        >>> majority_target(["ent_us"] * 9, undecided=1), majority_target(["ent_br"] * 2, undecided=40)
        ('ent_us', None)
    """
    if not per_article:
        return None
    counts = Counter(per_article)
    entity, top = min(counts.items(), key=lambda item: (-item[1], item[0]))
    return entity if top >= MAJORITY_ARTICLES and top >= MAJORITY_SHARE * (len(per_article) + undecided) else None


def _only_placed_entity(targets: dict[str, str], listed_keys: dict[str, tuple[str, ...]]) -> dict[tuple[str, ...], tuple[str, str]]:
    """Words of placed institutions the dataset names with one place only -> (its entity, its country).

    "U.S. Securities and Exchange Commission" alone in the dataset, and no
    registry entry with those words in another place, decides what a bare
    "Securities and Exchange Commission" means in an article naming the U.S.
    (among others) or no country. Words the registry lists for another place, or that the dataset
    places twice ("Russian" and "Chinese Foreign Ministry"), decide nothing.
    """
    entities: dict[tuple[str, ...], set[str]] = {}
    places: dict[tuple[str, ...], set[str]] = {}
    for keys, listed in ((targets, False), (listed_keys, True)):
        for key, value in keys.items():
            entity_type, place, words = key.split("|", 2)
            if entity_type != "ORG" or not place:
                continue
            split = tuple(words.split(" "))
            if listed and split not in entities:
                continue  # only words the dataset places count; a registry entry can still veto them
            entities.setdefault(split, set()).update((value,) if isinstance(value, str) else value)
            places.setdefault(split, set()).add(place)
    found = {}
    for words, ids in entities.items():
        if len(ids) == 1 and len(places[words]) == 1:
            place = next(iter(places[words]))
            found[words] = (next(iter(ids)), _country_ids().get(_place_country(place), place))
    return found


def _place_country(place: str) -> str:
    """The ISO code of a registry place's country (a city counts for its country), else the place itself."""
    entry = load_registry().entries.get(place)
    return entry.country if entry is not None and entry.country else place


def _pick_bare_target(
    words: tuple[str, ...],
    anchors: set[str],
    named: set[str],
    targets: dict[str, str],
    listed_keys: dict[str, tuple[str, ...]],
) -> str | None:
    """The placed entity a bare descriptor means in its article: its one anchor, else its one country's."""
    if anchors:
        return next(iter(anchors))
    if len(named) != 1:
        return None
    key = Descriptor("ORG", words, next(iter(named))).key
    listed = listed_keys.get(key, ())
    if len(listed) == 1:
        return listed[0]
    return targets.get(key) if not listed else None


def _pick_among_bare(
    spellings: list[tuple[str, int]], weight: dict[int, int], order: dict[int, int], first: list[Link | None]
) -> str | None:
    """The entity the article's bare spellings of one descriptor share: that of the most observed."""
    linked = sorted({sid for _, sid in spellings if first[sid] is not None})
    if len({first[sid].entity_id for sid in linked}) < 2:  # type: ignore[union-attr]
        return None
    return first[_best_spelling(linked, weight, order)].entity_id  # type: ignore[union-attr]
