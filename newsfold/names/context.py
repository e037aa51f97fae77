"""Link bare surnames ("Soleimani", "General Sulaimani", "Mr. Trump") by context.

A one-part name says too little on its own. Two rules give it a referent:

* ``document_context`` (0.9): in the same article exactly one linked full
  person name ends with that part. The mention's spaCy label does not matter
  (spaCy tags a bare "Soleimani" GPE or NORP), unless the spelling is itself
  an exact registry name ("Jordan" the country stays the country).
* ``corpus_context`` (0.8): for person mentions still unlinked, exactly one
  person in the whole dataset or the registry has that surname.

When several people fit, the one the collection names in full far more often
than any other takes the bare surname (:func:`find_prominent_people`): in 2016
election coverage "Clinton" is Hillary Clinton, named in full in 20 times as
many articles as Bill Clinton.

* ``document_prominence`` (0.8): the article names several of them in full,
  the prominent one first;
* ``corpus_prominence`` (0.7): the article names none of them in full.

A bare name that is no surname of the article may be the first part of one of
its full names:

* ``document_first_name`` (0.85): exactly one full person name of the article
  begins with it and none ends with it ("Hillary" beside "Hillary Clinton";
  "Xi" beside "Xi Jinping", whose family name comes first).

Example:
    >>> from newsfold.names.observe import make_observation as m, Link
    >>> full = m("men_1", "doc_1", 0, 15, "Qasem Soleimani", "PERSON")
    >>> bare = m("men_2", "doc_1", 40, 49, "Soleimani", "GPE")
    >>> link_document_context([full, bare], {"men_1": Link("Q1149393", "registry_alias", 1.0)})
    {'men_2': Link(entity_id='Q1149393', method='document_context', score=0.9)}
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import polars as pl
from rapidfuzz.distance import Levenshtein

from newsfold.names.fold import fold_text, make_part_key
from newsfold.names.forms import NameForm, family_part, is_family_name_first, make_name_form
from newsfold.names.match import EXACT_METHODS
from newsfold.names.observe import Link, Observation, is_single_part
from newsfold.names.registry import Registry
from newsfold.names.symbols import part_symbols

__all__ = [
    "link_document_context",
    "link_corpus_surnames",
    "find_full_names",
    "find_document_surnames",
    "find_corpus_surnames",
    "find_prominent_people",
    "may_take_prominent_person",
    "find_quiet_people",
    "find_undecided_surnames",
    "find_document_first_names",
    "first_part",
    "surname_key",
    "surname_token",
    "are_surnames_spelt_alike",
    "DOCUMENT_CONTEXT_SCORE",
    "CORPUS_CONTEXT_SCORE",
    "DOCUMENT_PROMINENCE_SCORE",
    "DOCUMENT_FIRST_NAME_SCORE",
    "CORPUS_PROMINENCE_SCORE",
    "KEEP_METHODS",
    "royal_title_of",
]

#: Titles before the name a monarch or a pope reigns under: what follows is no family name.
_ROYAL_TITLES = frozenset(
    {"king", "queen", "prince", "princess", "crown", "emir", "sultan", "shah", "pope", "emperor", "empress"}
)
#: A peer is styled by a title and a name of the peerage ("Baroness Kennedy" is Helena Kennedy, not the
#: dataset's prominent Charles Kennedy): such a name takes the prominent person of its surname nowhere.
_PEERAGE_TITLES = frozenset({"lord", "lady", "baron", "baroness", "viscount", "viscountess", "earl", "countess", "dame"})
DOCUMENT_CONTEXT_SCORE = 0.9
CORPUS_CONTEXT_SCORE = 0.8
DOCUMENT_PROMINENCE_SCORE = 0.8
DOCUMENT_FIRST_NAME_SCORE = 0.85
CORPUS_PROMINENCE_SCORE = 0.7
#: A person takes a bare surname others share when named in full in this many times as many
#: articles as each of them (a writer who means the less known one says which: "Bill Clinton") ...
PROMINENCE_RATIO = 5
#: ... and in this many articles at least: two articles against none prove no prominence.
PROMINENCE_MIN_ARTICLES = 3
#: Links that document context never overrides.
KEEP_METHODS = EXACT_METHODS | {"registry_alias_relabelled", "curated_merge"}


@lru_cache(maxsize=200_000)
def surname_key(text: str) -> str | None:
    """The single name part of a bare surname ("General Sulaimani"), else None.

    Example:
        >>> surname_key("General Sulaimani"), surname_key("Qasem Soleimani"), surname_key("King Hussein")
        ('sulaimani', None, None)
    """
    form = make_name_form(text, "PER")
    if not is_single_part(form) or form.initials:
        return None  # "A. Nazarbayev" names a given name we cannot check
    if royal_title_of(form) is not None:
        return None  # "King Hussein", "Prince Charles", "Pope Francis": a regnal or given name, not a family's
    parts = form.core_keys or form.part_keys
    return parts[0] if parts and len(parts[0]) > 1 else None


def royal_title_of(form: NameForm) -> str | None:
    """The royal title a name is written after ("king", "prince", "pope" ...), else None.

    Example:
        >>> [royal_title_of(make_name_form(t, "PER")) for t in ("Crown Prince Abdullah", "Mr. Abdullah")]
        ['crown', None]
    """
    title = form.alias_key.split(" ", 1)[0]
    return title if form.has_title and title in _ROYAL_TITLES else None


def may_take_prominent_person(text: str) -> bool:
    """Whether a bare surname may go to its surname's prominent person (:func:`find_prominent_people`):
    not when written in lower case ("a bush" labelled a person) or after a peer's title.

    Example:
        >>> [may_take_prominent_person(t) for t in ("Clinton", "Mr. Clinton", "bush", "Baroness Kennedy")]
        [True, True, False, False]
    """
    if text.islower():
        return False
    form = make_name_form(text, "PER")
    return not (form.has_title and form.alias_key.split(" ", 1)[0] in _PEERAGE_TITLES)


def surname_token(form: NameForm) -> str | None:
    """The family part of a person's name as written (case-folded, in its own script), or None: its last
    part, or its first in a Chinese or Korean name (``forms.is_family_name_first``).

    Example:
        >>> surname_token(make_name_form("General Sulaimani", "PER")), surname_token(make_name_form("Владимир Путин", "PER"))
        ('sulaimani', 'путин')
        >>> surname_token(make_name_form("Xi Jinping", "PER"))
        'xi'
    """
    parts = form.core_tokens or form.tokens
    if parts and is_family_name_first(form):
        return parts[0]  # "Xi Jinping": the family name comes first
    return parts[-1] if parts else None


def are_surnames_spelt_alike(bare: str, surnames: Iterable[str]) -> bool:
    """Whether a bare surname is one of these surnames, misspelt at most slightly or in another script.

    A surname key folds vowels and some consonants together so that
    transliterations meet ("Sulaimani" and "Soleimani"), and so it also
    joins names that are merely alike ("Drake" and "Draghi" both key
    "draki"). A bare name carries nothing else to tell them apart, so the
    spellings themselves must be close once read in Latin letters: one
    edit for a surname of five letters or fewer, two for a longer one; or
    they share a rigour name symbol ("سليماني" and "Soleimani").

    Args:
        bare: :func:`surname_token` of the bare name.
        surnames: :func:`surname_token` of the candidate's full names.

    Example:
        >>> are_surnames_spelt_alike("sulaimani", ["soleimani"]), are_surnames_spelt_alike("drake", ["draghi"])
        (True, False)
        >>> are_surnames_spelt_alike("سليماني", ["soleimani"]), are_surnames_spelt_alike("путин", ["putin"])
        (True, True)
    """
    surnames = list(surnames)
    latin = fold_text(bare)
    for surname in surnames:
        other = fold_text(surname)
        allowed = 1 if min(len(latin), len(other)) <= 5 else 2
        if Levenshtein.distance(latin, other, score_cutoff=allowed) <= allowed:
            return True
    bare_symbols = part_symbols(bare)
    return bool(bare_symbols) and any(bare_symbols & part_symbols(surname) for surname in surnames)


def find_full_names(seen: pl.DataFrame, spellings: pl.DataFrame) -> pl.DataFrame:
    """The linked full person names of each article, by last name part.

    Args:
        seen: One row per observation: ``doc_id`` and ``sid`` (its spelling).
        spellings: One row per spelling: ``sid``, ``entity_id`` (its link so
            far, or null) and ``full_last`` (last part of a person name of two
            or more parts, else null).

    Returns:
        Distinct rows of doc_id, surname, entity_id.
    """
    full = spellings.filter(pl.col("full_last").is_not_null() & pl.col("entity_id").is_not_null())
    return (
        seen.select("doc_id", "sid")
        .join(full.select("sid", pl.col("full_last").alias("surname"), "entity_id"), on="sid")
        .select("doc_id", "surname", "entity_id")
        .unique()
    )


def find_quiet_people(full_names: pl.DataFrame, registry: Registry) -> frozenset[str]:
    """The persons of the dataset the registry marks ``bare_surname: false`` (Ivanka Trump): no bare
    surname names them, even where the dataset names them in full.

    A Chinese or Korean person so marked (Li Qiang, Wang Yi: a common family name) is not quiet: the
    mark keeps a bare "Li" from the registry's Li when the dataset names none, but a dataset that
    names one Li in full means that one, as it means its one Zhang.

    Example:
        >>> from newsfold.names.registry import load_registry
        >>> registry = load_registry()
        >>> ids = {n: next(e for e, x in registry.entries.items() if x.canonical_name == n) for n in ("Ivanka Trump", "Li Qiang")}
        >>> quiet = find_quiet_people(pl.DataFrame({"entity_id": list(ids.values())}), registry)
        >>> ids["Ivanka Trump"] in quiet, ids["Li Qiang"] in quiet
        (True, False)
    """
    named = set(full_names["entity_id"].to_list())
    return frozenset(
        e for e in named
        if e in registry.entries and not registry.entries[e].bare_surname
        and not is_family_name_first(make_name_form(registry.entries[e].canonical_name, "PER"))
    )


def find_prominent_people(full_names: pl.DataFrame, quiet: frozenset[str] = frozenset()) -> dict[str, str]:
    """The person of each surname whom the collection names in full far more often than anyone else.

    A bare surname several people share ("Clinton", "Obama") is left alone
    unless one of them is named in full in at least ``PROMINENCE_RATIO``
    times as many articles as each other one, and in at least
    ``PROMINENCE_MIN_ARTICLES`` articles.

    Args:
        full_names: Output of :func:`find_full_names` (distinct article, surname, person).
        quiet: Persons never to take a bare surname (:func:`find_quiet_people`).

    Returns:
        entity_id by surname key, for the surnames with a prominent person.

    Example:
        >>> rows = [(f"d{i}", "klintun", "hillary") for i in range(5)] + [("d0", "klintun", "bill")]
        >>> find_prominent_people(pl.DataFrame(rows, schema=["doc_id", "surname", "entity_id"], orient="row"))
        {'klintun': 'hillary'}
    """
    ranked = (
        full_names.group_by("surname", "entity_id")
        .agg(pl.col("doc_id").n_unique().alias("articles"))
        .sort(["surname", "articles", "entity_id"], descending=[False, True, False])
    )
    tops = ranked.group_by("surname", maintain_order=True).agg(
        pl.col("entity_id").first().alias("top"),
        pl.col("articles").first().alias("top_articles"),
        pl.col("articles").slice(1, 1).first().fill_null(0).alias("runner_up"),
    )
    chosen = tops.filter(
        (pl.col("top_articles") >= PROMINENCE_MIN_ARTICLES)
        & (pl.col("top_articles") >= PROMINENCE_RATIO * pl.col("runner_up"))
        & ~pl.col("top").is_in(sorted(quiet))
    )
    return dict(zip(chosen["surname"].to_list(), chosen["top"].to_list()))


def find_document_surnames(
    seen: pl.DataFrame, spellings: pl.DataFrame, full_names: pl.DataFrame, prominent: dict[str, str] | None = None
) -> pl.DataFrame:
    """Bare surnames that name exactly one full name of their article, or the prominent one among several.

    Args:
        seen: ``item_id``, ``doc_id``, ``sid`` per observation (and ``start``,
            its first mention's offset, if known; else rows come in text order).
        spellings: ``sid``, ``method`` (of its link so far, or null),
            ``surname`` (:func:`surname_key`, or null), ``entity_id`` and
            ``full_last`` as :func:`find_full_names` reads them, and, if given,
            ``prominence_fit`` (:func:`may_take_prominent_person`; true if absent).
        full_names: Output of :func:`find_full_names`.
        prominent: Output of :func:`find_prominent_people`. Where an article
            names several people of a surname in full, the prominent one
            takes the bare surname when the article names it in full
            before the others (``document_prominence``).

    Returns:
        item_id, entity_id, resolution, score of the observations document context links.
    """
    candidates = full_names.group_by("doc_id", "surname").agg(pl.col("entity_id"), pl.len().alias("candidates"))
    chosen = [
        candidates.filter(pl.col("candidates") == 1).select(
            "doc_id", "surname", pl.col("entity_id").list.first(),
            pl.lit("document_context").alias("resolution"), pl.lit(DOCUMENT_CONTEXT_SCORE).alias("score"),
        )
    ]
    if prominent:
        chosen.append(_prominent_in_article(seen, spellings, candidates.filter(pl.col("candidates") > 1), prominent))
    fit = pl.col("prominence_fit") if "prominence_fit" in spellings.columns else pl.lit(True).alias("prominence_fit")
    bare = spellings.filter(
        pl.col("surname").is_not_null()
        & (pl.col("method").is_null() | ~pl.col("method").is_in(sorted(KEEP_METHODS)))
    ).select("sid", "surname", fit)
    return (
        seen.select("item_id", "doc_id", "sid")
        .join(bare, on="sid")
        .join(pl.concat(chosen), on=["doc_id", "surname"])
        .filter((pl.col("resolution") != "document_prominence") | pl.col("prominence_fit"))
        .select("item_id", "entity_id", "resolution", "score")
    )


def _prominent_in_article(
    seen: pl.DataFrame, spellings: pl.DataFrame, shared: pl.DataFrame, prominent: dict[str, str]
) -> pl.DataFrame:
    """doc_id, surname, entity_id, resolution, score where an article names several people of one surname
    in full, the prominent one first.

    Who comes first is the article's subject as a rule; a writer who goes on with a bare surname
    names the others in full again to set them apart ("Bill Clinton"), so counting full names
    would favour them.
    """
    wanted = shared.join(
        pl.DataFrame(
            {"surname": list(prominent), "prominent": list(prominent.values())},
            schema={"surname": pl.String, "prominent": pl.String},
        ),
        on="surname",
    ).filter(pl.col("entity_id").list.contains(pl.col("prominent")))
    full = spellings.filter(pl.col("full_last").is_not_null() & pl.col("entity_id").is_not_null())
    # Observations carry the offset of their first mention; without it, their order says the same.
    place = pl.col("start") if "start" in seen.columns else pl.int_range(pl.len(), dtype=pl.Int64).alias("start")
    named = (
        seen.select("doc_id", "sid", place)
        .join(full.select("sid", pl.col("full_last").alias("surname"), "entity_id"), on="sid")
        .join(wanted.select("doc_id", "surname", "prominent"), on=["doc_id", "surname"])
    )
    first = named.sort("start", "entity_id").group_by("doc_id", "surname", maintain_order=True).agg(
        pl.col("entity_id").first().alias("first_named"), pl.col("prominent").first()
    )
    return first.filter(pl.col("first_named") == pl.col("prominent")).select(
        "doc_id", "surname", pl.col("prominent").alias("entity_id"),
        pl.lit("document_prominence").alias("resolution"), pl.lit(DOCUMENT_PROMINENCE_SCORE).alias("score"),
    )


def first_part(form: NameForm) -> str | None:
    """The key of the given name of a person named in full (see :func:`family_part`), else None: its first
    part, or the one after the family name in a Chinese or Korean name.

    Example:
        >>> first_part(make_name_form("Hillary Rodham Clinton", "PER")), first_part(make_name_form("Clinton", "PER"))
        ('hilari', None)
    """
    if family_part(form) is None:
        return None
    return make_part_key(form.core_keys[1]) if is_family_name_first(form) else form.core_keys[0]


def find_document_first_names(seen: pl.DataFrame, spellings: pl.DataFrame, decided: pl.DataFrame) -> pl.DataFrame:
    """Bare person names that begin exactly one full name of their article and end none (``document_first_name``).

    In a feature a person is often called by a given name after the first full
    mention ("Hillary" after "Hillary Clinton"). A part that is a full name's
    family part (its last, a Chinese or Korean name's first: "Xi" of "Xi
    Jinping") is a surname there and :func:`find_document_surnames` decides.

    Args:
        seen: ``item_id``, ``doc_id``, ``sid`` per observation.
        spellings: ``sid``, ``entity_id``, ``method``, ``surname`` (the bare
            name's key: :func:`surname_key`), ``full_last`` (:func:`family_part`),
            ``full_first`` (:func:`first_part`) and ``first_name`` (whether the
            spelling may be a bare first name: labelled a person, and no surname
            known elsewhere, as the caller decides).
        decided: ``item_id`` of the observations another article rule linked.

    Returns:
        item_id, entity_id, resolution, score.
    """
    full = spellings.filter(pl.col("full_first").is_not_null() & pl.col("entity_id").is_not_null())
    in_article = seen.select("doc_id", "sid")
    firsts = (
        in_article.join(full.select("sid", pl.col("full_first").alias("key"), "entity_id"), on="sid")
        .select("doc_id", "key", "entity_id")
        .unique()
        .group_by("doc_id", "key")
        .agg(pl.col("entity_id").first(), pl.len().alias("candidates"))
        .filter(pl.col("candidates") == 1)
    )
    lasts = in_article.join(
        spellings.filter(pl.col("full_last").is_not_null()).select("sid", pl.col("full_last").alias("key")), on="sid"
    ).select("doc_id", "key").unique()
    bare = spellings.filter(
        pl.col("surname").is_not_null()
        & pl.col("first_name")
        & (pl.col("method").is_null() | ~pl.col("method").is_in(sorted(KEEP_METHODS)))
    ).select("sid", pl.col("surname").alias("key"))
    return (
        seen.select("item_id", "doc_id", "sid")
        .join(bare, on="sid")
        .join(firsts.join(lasts, on=["doc_id", "key"], how="anti"), on=["doc_id", "key"])
        .join(decided.select("item_id"), on="item_id", how="anti")
        .select(
            "item_id", "entity_id",
            pl.lit("document_first_name").alias("resolution"), pl.lit(DOCUMENT_FIRST_NAME_SCORE).alias("score"),
        )
    )


def find_undecided_surnames(seen: pl.DataFrame, spellings: pl.DataFrame, full_names: pl.DataFrame) -> pl.DataFrame:
    """item_id of the bare surnames whose article names several people of that surname in full.

    Where :func:`find_document_surnames` chose none of them, the article
    leaves the surname undecided: no corpus-wide rule may choose for it.

    Args:
        seen, spellings, full_names: As for :func:`find_document_surnames`.
    """
    shared = full_names.group_by("doc_id", "surname").len("candidates").filter(pl.col("candidates") > 1)
    bare = spellings.filter(pl.col("surname").is_not_null()).select("sid", "surname")
    return (
        seen.select("item_id", "doc_id", "sid")
        .join(bare, on="sid")
        .join(shared.select("doc_id", "surname"), on=["doc_id", "surname"])
        .select("item_id")
    )


def find_corpus_surnames(
    surnames: Iterable[str], full_names: pl.DataFrame, registry: Registry, prominent: dict[str, str] | None = None
) -> dict[str, Link]:
    """The one person in the dataset or the registry each surname can name, or the prominent one among several.

    Args:
        surnames: Surname keys of unlinked bare person names.
        full_names: Output of :func:`find_full_names`.
        registry: The reference registry (its persons are candidates too).
        prominent: Output of :func:`find_prominent_people`: among several
            candidates the prominent one takes the surname
            (``corpus_prominence``; a registry person the dataset never names
            in full counts no article).

    Returns:
        Link by surname key, for the surnames with one candidate (``corpus_context``) or a prominent one.
    """
    dataset: dict[str, set[str]] = {}
    for surname, entity_id in full_names.select("surname", "entity_id").iter_rows():
        dataset.setdefault(surname, set()).add(entity_id)
    quiet = find_quiet_people(full_names, registry)
    found: dict[str, Link] = {}
    for key in surnames:
        candidates = (dataset.get(key, set()) - quiet) | set(registry.surname_index.get(key, ()))
        if len(candidates) == 1:
            found[key] = Link(next(iter(candidates)), "corpus_context", CORPUS_CONTEXT_SCORE)
        elif prominent and prominent.get(key) in candidates:
            found[key] = Link(prominent[key], "corpus_prominence", CORPUS_PROMINENCE_SCORE)
    return found


def _frames(observations: list[Observation], links: dict[str, Link]) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Observation lists as the frames above, one spelling per observation."""
    seen = pl.DataFrame(
        {
            "item_id": [o.item_id for o in observations],
            "doc_id": [o.doc_id for o in observations],
            "sid": list(range(len(observations))),
        },
        schema={"item_id": pl.String, "doc_id": pl.String, "sid": pl.UInt32},
    )
    chosen = [links.get(o.item_id) for o in observations]
    spellings = pl.DataFrame(
        {
            "sid": list(range(len(observations))),
            "entity_id": [link.entity_id if link else None for link in chosen],
            "method": [link.method if link else None for link in chosen],
            "surname": [surname_key(o.text) for o in observations],
            "full_last": [
                family_part(o.form) for o in observations
            ],
        },
        schema={"sid": pl.UInt32, "entity_id": pl.String, "method": pl.String, "surname": pl.String, "full_last": pl.String},
    )
    return seen, spellings


def link_document_context(observations: list[Observation], links: dict[str, Link]) -> dict[str, Link]:
    """Links for bare surnames that name exactly one full name in their article.

    Args:
        observations: Every observation of the dataset.
        links: Links so far (full names must already be linked).

    Returns:
        New links by item id (only for the observations they change).
    """
    seen, spellings = _frames(observations, links)
    full_names = find_full_names(seen, spellings)
    found = find_document_surnames(seen, spellings, full_names, find_prominent_people(full_names))
    return {item: Link(entity, method, score) for item, entity, method, score in found.iter_rows()}


def link_corpus_surnames(
    observations: list[Observation], links: dict[str, Link], registry: Registry
) -> dict[str, Link]:
    """Links for unlinked bare person surnames with one candidate corpus-wide.

    Args:
        observations: Every observation of the dataset.
        links: Links so far.
        registry: The reference registry (its persons are candidates too).

    Returns:
        New links by item id.
    """
    seen, spellings = _frames(observations, links)
    bare = {
        o.item_id: key
        for o in observations
        if o.item_id not in links and o.entity_type == "PER" and (key := surname_key(o.text)) is not None
    }
    full_names = find_full_names(seen, spellings)
    prominent = find_prominent_people(full_names, find_quiet_people(full_names, registry))
    found = find_corpus_surnames(set(bare.values()), full_names, registry, prominent)
    return {item: found[key] for item, key in bare.items() if key in found}
