"""Link one spelling to the reference registry, with the label's quirks.

On top of :func:`newsfold.names.match.match_registry`:

* NORP spans are demonyms or groups: "Iranian" links to Iran
  (``registry_demonym``); a NORP span that is a country name or a listed
  organisation name ("Houthi", "Taliban") links to it; anything else stays
  MISC.
* spaCy often labels a country ORG ("the U.S. said") or an organisation GPE.
  When nothing of the label's own type matches, an exact listed spelling of
  the other type (ORG <-> LOC) links with ``registry_alias_relabelled``
  (0.9). Persons never cross types.

Example:
    >>> link_spelling("Americans", "NORP").entity_id
    'Q30'
    >>> link_spelling("U.S.", "ORG").method
    'registry_alias_relabelled'
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache

import polars as pl

from newsfold.memo import Memo, MemoKind
from newsfold.names.fold import fold_tokens
from newsfold.names.forms import clean_surface, make_name_form
from newsfold.names.labels import TEAM_LABEL, map_label_to_type
from newsfold.names.match import find_registry_link
from newsfold.names.observe import Link
from newsfold.names.registry import load_registry

__all__ = ["link_spelling", "link_spellings", "SPELLING_LINKS", "republic_of", "RELABELLED_SCORE", "REPUBLIC_SCORE"]

RELABELLED_SCORE = 0.9
#: Score of a "Republic of X" the registry does not list, linked to the country X.
REPUBLIC_SCORE = 0.9
_OTHER_TYPE = {"ORG": "LOC", "LOC": "ORG"}
#: Registry links kept between runs (:mod:`newsfold.memo`): a null entity_id is "no link".
SPELLING_LINKS = MemoKind(
    "spelling_links", pl.Struct({"entity_id": pl.String, "method": pl.String, "score": pl.Float64})
)
_NO_LINK = {"entity_id": None, "method": None, "score": None}


@lru_cache(maxsize=200_000)
def republic_of(text: str) -> str | None:
    """The listed country an unlisted "Republic of X" or "X-ian Republic" names, else None.

    "Republic of Ireland" and "Irish Republic" are Ireland; "Republic of
    Georgia" is the country, not the US state. X must be a country's name or
    demonym exactly: "Serb Republic" (Republika Srpska), "Chechen Republic"
    and "Weimar Republic" name no country, and a word more ("Turkish Republic
    of Northern Cyprus", "Democratic Republic of X") is another name, which the
    registry lists when it is a country's.

    Example:
        >>> republic_of("Irish Republic") == republic_of("Republic of Ireland") == link_spelling("Ireland", "GPE").entity_id
        True
        >>> republic_of("Serb Republic") is None
        True
    """
    registry = load_registry()
    words = [w for w in fold_tokens(clean_surface(text)) if w != "the"]
    if len(words) >= 3 and words[:2] == ["republic", "of"]:
        ids = registry.alias_index.get(("LOC", " ".join(words[2:])), ())
        country = ids[0] if len(ids) == 1 else None
    elif len(words) == 2 and words[1] == "republic":
        country = registry.demonym_index.get(words[0])
    else:
        return None
    entry = registry.entries.get(country) if country is not None else None
    return country if entry is not None and entry.source == "country" else None


@lru_cache(maxsize=200_000)
def link_spelling(text: str, label: str | None) -> Link | None:
    """The registry link of a spelling under a spaCy label, or None.

    Args:
        text: The spelling as written.
        label: spaCy label, newsfold type, or None.

    Returns:
        A :class:`Link`, or None when no registry rule fires.
    """
    registry = load_registry()
    entity_type = map_label_to_type(label)
    if label is not None and label.upper() == "NORP":
        form = make_name_form(text, "MISC")
        country = registry.demonym_index.get(form.alias_key)
        if country is not None:
            return Link(country, "registry_demonym", 1.0)
        # "Houthi" and "Taliban" are tagged NORP as often as ORG: members name their group.
        ids = registry.alias_index.get(("LOC", form.alias_key), ()) or registry.alias_index.get(
            ("ORG", make_name_form(text, "ORG").alias_key), ()
        )
        return Link(ids[0], "registry_alias_relabelled", RELABELLED_SCORE) if ids else None
    if entity_type == "MISC":
        return None
    form = make_name_form(text, entity_type)
    best = find_registry_link(form, registry)
    if best is not None:
        return Link(best.entity_id, best.method, best.score)
    if entity_type == "LOC" and (country := republic_of(text)) is not None:
        return Link(country, "registry_fuzzy", REPUBLIC_SCORE)
    other = _OTHER_TYPE.get(entity_type)
    if other is not None and label != TEAM_LABEL:  # a city's club is no city
        ids = registry.alias_index.get((other, make_name_form(text, other).alias_key), ())
        if ids:
            return Link(ids[0], "registry_alias_relabelled", RELABELLED_SCORE)
    if entity_type == "LOC" and label != TEAM_LABEL:
        # A demonym spaCy labelled a place ("Kuwaiti" GPE in 47 Reuters articles) is its country, as under NORP;
        # labelled an organisation it may be a company's name ("American", the airline).
        country = registry.demonym_index.get(make_name_form(text, "MISC").alias_key)
        if country is not None:
            return Link(country, "registry_demonym", RELABELLED_SCORE)
    return None


def link_spellings(texts: Sequence[str], labels: Sequence[str | None], memo: Memo | None = None) -> list[Link | None]:
    """:func:`link_spelling` of each (text, label) pair, the links an earlier run made taken from ``memo``.

    Example:
        >>> memo = Memo(salt="test")
        >>> first = link_spellings(["Iran", "Zorblax"], ["GPE", "PERSON"], memo)
        >>> again = link_spellings(["Iran", "Zorblax"], ["GPE", "PERSON"], Memo("test", memo.frames()))
        >>> first == again, first[0].entity_id, first[1]
        (True, 'Q794', None)
    """
    if memo is None:
        return [link_spelling(text, label) for text, label in zip(texts, labels)]
    keys = [json.dumps([label, text], ensure_ascii=False) for text, label in zip(texts, labels)]
    hit, kept = memo.recall(SPELLING_LINKS, keys)
    links: list[Link | None] = [
        Link(row["entity_id"], row["method"], row["score"]) if found and row and row["entity_id"] else None
        for found, row in zip(hit.tolist(), kept.to_list())
    ]
    missed = [k for k, found in enumerate(hit.tolist()) if not found]
    for k in missed:
        links[k] = link_spelling(texts[k], labels[k])
    memo.keep(
        SPELLING_LINKS,
        [keys[k] for k in missed],
        [_NO_LINK if links[k] is None else {"entity_id": links[k].entity_id, "method": links[k].method,
                                            "score": links[k].score} for k in missed],
    )
    return links
