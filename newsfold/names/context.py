"""Link bare surnames ("Soleimani", "General Sulaimani", "Mr. Trump") by context.

A one-part name says too little on its own. Two rules give it a referent:

* ``document_context`` (0.9): in the same article exactly one linked full
  person name ends with that part. The mention's spaCy label does not matter
  (spaCy tags a bare "Soleimani" GPE or NORP), unless the spelling is itself
  an exact registry name ("Jordan" the country stays the country).
* ``corpus_context`` (0.8): for person mentions still unlinked, exactly one
  person in the whole dataset or the registry has that surname.

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

from newsfold.names.fold import fold_text
from newsfold.names.forms import NameForm, family_part, make_name_form
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
    "surname_key",
    "surname_token",
    "are_surnames_spelt_alike",
    "DOCUMENT_CONTEXT_SCORE",
    "CORPUS_CONTEXT_SCORE",
    "KEEP_METHODS",
]

#: Titles before the name a monarch or a pope reigns under: what follows is no family name.
_ROYAL_TITLES = frozenset({"king", "queen", "prince", "princess", "crown", "emir", "sultan", "shah", "pope", "emperor", "empress"})
DOCUMENT_CONTEXT_SCORE = 0.9
CORPUS_CONTEXT_SCORE = 0.8
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
    if form.has_title and form.alias_key.split(" ", 1)[0] in _ROYAL_TITLES:
        return None  # "King Hussein", "Prince Charles", "Pope Francis": a regnal or given name, not a family's
    parts = form.core_keys or form.part_keys
    return parts[0] if parts and len(parts[0]) > 1 else None


def surname_token(form: NameForm) -> str | None:
    """The last part of a person's name as written (case-folded, in its own script), or None.

    Example:
        >>> surname_token(make_name_form("General Sulaimani", "PER")), surname_token(make_name_form("Владимир Путин", "PER"))
        ('sulaimani', 'путин')
    """
    parts = form.core_tokens or form.tokens
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


def find_document_surnames(seen: pl.DataFrame, spellings: pl.DataFrame, full_names: pl.DataFrame) -> pl.DataFrame:
    """Bare surnames that name exactly one full name of their article.

    Args:
        seen: ``item_id``, ``doc_id``, ``sid`` per observation.
        spellings: ``sid``, ``method`` (of its link so far, or null) and
            ``surname`` (:func:`surname_key`, or null).
        full_names: Output of :func:`find_full_names`.

    Returns:
        item_id, entity_id of the observations document context links.
    """
    unique = (
        full_names.group_by("doc_id", "surname")
        .agg(pl.col("entity_id").first(), pl.len().alias("candidates"))
        .filter(pl.col("candidates") == 1)
    )
    bare = spellings.filter(
        pl.col("surname").is_not_null()
        & (pl.col("method").is_null() | ~pl.col("method").is_in(sorted(KEEP_METHODS)))
    ).select("sid", "surname")
    return (
        seen.select("item_id", "doc_id", "sid")
        .join(bare, on="sid")
        .join(unique, on=["doc_id", "surname"])
        .select("item_id", "entity_id")
    )


def find_corpus_surnames(surnames: Iterable[str], full_names: pl.DataFrame, registry: Registry) -> dict[str, str]:
    """The one person in the dataset or the registry each surname can name.

    Args:
        surnames: Surname keys of unlinked bare person names.
        full_names: Output of :func:`find_full_names`.
        registry: The reference registry (its persons are candidates too).

    Returns:
        entity_id by surname key, for the surnames with exactly one candidate.
    """
    dataset: dict[str, set[str]] = {}
    for surname, entity_id in full_names.select("surname", "entity_id").iter_rows():
        dataset.setdefault(surname, set()).add(entity_id)
    # A registry person marked bare_surname: false (Ivanka Trump) is no candidate,
    # even when the dataset names her in full somewhere.
    quiet = {e for ids in dataset.values() for e in ids if e in registry.entries and not registry.entries[e].bare_surname}
    found: dict[str, str] = {}
    for key in surnames:
        candidates = (dataset.get(key, set()) - quiet) | set(registry.surname_index.get(key, ()))
        if len(candidates) == 1:
            found[key] = next(iter(candidates))
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
    found = find_document_surnames(seen, spellings, find_full_names(seen, spellings))
    return {item: Link(entity, "document_context", DOCUMENT_CONTEXT_SCORE) for item, entity in found.iter_rows()}


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
    found = find_corpus_surnames(set(bare.values()), find_full_names(seen, spellings), registry)
    return {
        item: Link(found[key], "corpus_context", CORPUS_CONTEXT_SCORE) for item, key in bare.items() if key in found
    }
