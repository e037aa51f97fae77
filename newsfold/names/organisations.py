"""Link bare organisation names by their context: acronyms and generic names.

Two rules, for ORG spellings no registry rule linked:

* an *acronym* ("OPCW", "N.R.C.") takes the organisation whose name's
  initials it spells: first among the linked organisations of its own
  article (``document_context``, 0.9), else among those of the whole dataset
  (``corpus_context``, 0.8). Two candidates in the scope that decides veto
  the link: the acronym stays an entity of its own.
* a *generic* name ("the U.S. Embassy") takes the registry entry it may mean
  (``generic`` in ``data/registry.yml``) whose place its article names, when
  exactly one such entry fits (``document_context``).

Example:
    >>> initials_of("Organisation for the Prohibition of Chemical Weapons"), acronym_of("O.P.C.W.")
    ('opcw', 'opcw')
"""

from __future__ import annotations

import re
from functools import lru_cache

import polars as pl

from newsfold.names.context import CORPUS_CONTEXT_SCORE, DOCUMENT_CONTEXT_SCORE
from newsfold.names.fold import fold_tokens
from newsfold.names.forms import clean_surface
from newsfold.names.link import link_spelling
from newsfold.names.registry import Registry

__all__ = ["acronym_of", "initials_of", "find_acronym_links", "find_generic_links"]

_STOPWORDS = frozenset({"the", "of", "for", "and", "in", "on", "at", "to", "de", "du", "des", "la", "le", "et", "al", "el"})
_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,6}$")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_LINK_SCHEMA = {"item_id": pl.String, "entity_id": pl.String, "resolution": pl.String, "score": pl.Float64}


@lru_cache(maxsize=200_000)
def acronym_of(text: str) -> str | None:
    """The folded letters of a spelling written as an acronym, else None.

    Example:
        >>> acronym_of("the IAEA"), acronym_of("Iaea"), acronym_of("NATO summit")
        ('iaea', None, None)
    """
    cleaned = _LEADING_THE.sub("", clean_surface(text))
    return cleaned.replace(".", "").casefold() if _ACRONYM.match(cleaned) else None


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


def find_acronym_links(seen: pl.DataFrame, spellings: pl.DataFrame) -> pl.DataFrame:
    """Links of unlinked acronyms to the one organisation whose initials they spell.

    Args:
        seen: ``item_id``, ``doc_id``, ``sid`` per observation.
        spellings: ``sid``, ``entity_id`` (its link so far, or null),
            ``acronym`` (:func:`acronym_of` of an ORG spelling, or null) and
            ``initials`` (:func:`initials_of` of an ORG spelling, or null).

    Returns:
        item_id, entity_id, resolution, score.
    """
    named = (
        seen.select("doc_id", "sid")
        .join(
            spellings.filter(pl.col("initials").is_not_null() & pl.col("entity_id").is_not_null()).select(
                "sid", "initials", "entity_id"
            ),
            on="sid",
        )
        .select("doc_id", "initials", "entity_id")
        .unique()
    )
    acronyms = seen.select("item_id", "doc_id", "sid").join(
        spellings.filter(pl.col("acronym").is_not_null() & pl.col("entity_id").is_null()).select("sid", "acronym"),
        on="sid",
    )
    if not acronyms.height or not named.height:
        return pl.DataFrame(schema=_LINK_SCHEMA)
    in_document = named.group_by("doc_id", "initials").agg(pl.col("entity_id").first(), pl.len().alias("candidates"))
    in_dataset = (
        named.select("initials", "entity_id")
        .unique()
        .group_by("initials")
        .agg(pl.col("entity_id").first().alias("dataset_entity"), pl.len().alias("dataset_candidates"))
    )
    joined = acronyms.join(
        in_document, left_on=["doc_id", "acronym"], right_on=["doc_id", "initials"], how="left"
    ).join(in_dataset, left_on="acronym", right_on="initials", how="left")
    # The article decides when it names any candidate; only an article silent on it asks the dataset.
    by_document = joined.filter(pl.col("candidates") == 1).select(
        "item_id",
        "entity_id",
        pl.lit("document_context").alias("resolution"),
        pl.lit(DOCUMENT_CONTEXT_SCORE).alias("score"),
    )
    by_dataset = joined.filter(pl.col("candidates").is_null() & (pl.col("dataset_candidates") == 1)).select(
        "item_id",
        pl.col("dataset_entity").alias("entity_id"),
        pl.lit("corpus_context").alias("resolution"),
        pl.lit(CORPUS_CONTEXT_SCORE).alias("score"),
    )
    return pl.concat([by_document, by_dataset]).cast(_LINK_SCHEMA)


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
