"""Explain where a place name is put, and why.

Alone, a name is ranked by its prior (population, kind, main name, capital).
With a dataset, each article naming it is geocoded in its own context and the
explanation shows what each settled on, and the evidence of the most common
choice.

Example:
    >>> explanation = explain_place("Springfield")
    >>> explanation.chosen.place.admin1, len(explanation.chosen.runners_up) > 0
    ('US-MO', True)
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import polars as pl

from newsfold.geo.gazetteer import Place, load_gazetteer
from newsfold.geo.geocode import Geocode, PlaceMention, geocode_mentions
from newsfold.geo.keys import make_place_key

__all__ = ["PlaceExplanation", "explain_place", "describe_place"]

#: Articles shown at most.
MAX_ARTICLES = 10


@dataclass(frozen=True)
class PlaceExplanation:
    """Where a name goes.

    Attributes:
        name: The name asked about.
        chosen: The decision (alone, or in the article of the most common choice).
        doc_id: That article, when a dataset was consulted.
        articles: (doc_id, place) for each article naming it (at most MAX_ARTICLES).
        tally: Place description -> number of articles that chose it.
    """

    name: str
    chosen: Geocode
    doc_id: str | None
    articles: tuple[tuple[str, Place | None], ...]
    tally: tuple[tuple[str, int], ...]


def describe_place(place: Place | None) -> str:
    """One line for a place: name, kind, country, subdivision.

    Example:
        >>> describe_place(None)
        'no place'
    """
    if place is None:
        return "no place"
    where = ", ".join(p for p in (place.country, place.admin1) if p)
    return f"{place.name} ({place.kind}{', ' + where if where else ''})"


def explain_place(
    name: str, mentions: pl.DataFrame | None = None, documents: pl.DataFrame | None = None
) -> PlaceExplanation:
    """Geocode ``name`` alone, or in every article of a dataset that names it.

    Args:
        name: The place name.
        mentions: A dataset's mentions (doc_id, start, end, text, label), or None.
        documents: Its documents (doc_id, text, dateline), or None.

    Returns:
        A :class:`PlaceExplanation`.
    """
    alone = geocode_mentions(name, [PlaceMention(0, len(name), name)], None)[0]
    if mentions is None or documents is None or not mentions.height:
        return PlaceExplanation(name, alone, None, (), ())
    key = make_place_key(name)
    places = mentions.filter(pl.col("label").is_in(["GPE", "LOC", "FAC", "NORP"]))
    named = places.filter(pl.col("text").map_elements(make_place_key, return_dtype=pl.String) == key)
    doc_ids = sorted(set(named["doc_id"].to_list()))
    if not doc_ids:
        return PlaceExplanation(name, alone, None, (), ())
    gaz = load_gazetteer()
    texts = {r[0]: (r[1], r[2]) for r in documents.filter(pl.col("doc_id").is_in(doc_ids)).select("doc_id", "text", "dateline").iter_rows()}
    decisions: list[tuple[str, Geocode]] = []
    for doc_id in doc_ids:
        doc_mentions = places.filter(pl.col("doc_id") == doc_id).sort("start", "end")
        items = [PlaceMention(r[0], r[1], r[2]) for r in doc_mentions.select("start", "end", "text").iter_rows()]
        text, dateline = texts.get(doc_id, (None, None))
        if text is None:
            continue
        geocodes = geocode_mentions(text, items, dateline, gaz)
        decisions.append((doc_id, next(g for g in geocodes if make_place_key(g.mention.text) == key)))
    tally = Counter(describe_place(g.place) for _, g in decisions)
    top = max(tally.items(), key=lambda item: (item[1], item[0]))[0] if tally else None
    doc_id, chosen = next(((d, g) for d, g in decisions if describe_place(g.place) == top), (None, alone))
    return PlaceExplanation(
        name,
        chosen,
        doc_id,
        tuple((d, g.place) for d, g in decisions[:MAX_ARTICLES]),
        tuple(sorted(tally.items(), key=lambda item: (-item[1], item[0]))),
    )
