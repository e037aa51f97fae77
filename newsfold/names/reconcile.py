"""Reconcile a list of names (a CSV) against the registry and among themselves.

Each name is treated as a mention in an article of its own, so the registry,
key, fuzzy and corpus-context rules apply, but no document context.

Example:
    >>> import polars as pl
    >>> out = reconcile_names(pl.DataFrame({"name": ["Qasem Soleimani", "Qassem Suleimani"], "type": ["PER", "PERSON"]}))
    >>> out["canonical_name"].to_list()
    ['Qasem Soleimani', 'Qasem Soleimani']
"""

from __future__ import annotations

import polars as pl

from newsfold.ids import make_id
from newsfold.names.curation import Curation
from newsfold.names.resolve import resolve_entities
from schemas import Mentions, polars_schema

__all__ = ["reconcile_names"]

_TYPE_LABELS = {"PER": "PERSON", "LOC": "GPE", "ORG": "ORG", "MISC": "MISC"}


def reconcile_names(names: pl.DataFrame, curation: Curation | None = None) -> pl.DataFrame:
    """Resolve a table of names.

    Args:
        names: Columns ``name`` and ``type`` (PER/ORG/LOC/MISC or a spaCy
            label; empty means PER); other columns are kept.
        curation: Optional curation rules.

    Returns:
        The input with ``entity_id``, ``canonical_name``, ``method`` and
        ``score`` appended, in input order.
    """
    labels = [
        _TYPE_LABELS.get((t or "PER").strip().upper(), (t or "PER").strip().upper()) for t in names["type"].to_list()
    ]
    texts = [str(n) if n is not None else "" for n in names["name"].to_list()]
    keep = [i for i, text in enumerate(texts) if text.strip()]
    mention_ids = [make_id("men", i) for i in range(names.height)]
    columns = {
        Mentions.doc_id: [make_id("doc", i) for i in keep],
        Mentions.mention_id: [mention_ids[i] for i in keep],
        Mentions.sentence_index: [0] * len(keep),
        Mentions.start: [0] * len(keep),
        Mentions.end: [max(1, len(texts[i])) for i in keep],
        Mentions.text: [texts[i] for i in keep],
        Mentions.label: [labels[i] for i in keep],
    }
    mention_schema = polars_schema(Mentions)
    mentions = pl.DataFrame(columns, schema={name: mention_schema[name] for name in columns})
    documents = pl.DataFrame(
        {"doc_id": mentions["doc_id"], "published_date": [None] * len(keep)},
        schema={"doc_id": pl.String, "published_date": pl.Date},
    )
    result = resolve_entities(mentions, documents, curation=curation)
    canonical = dict(zip(result.entities["entity_id"].to_list(), result.entities["canonical_name"].to_list()))
    links = {row[0]: row[1:] for row in result.mention_links.iter_rows()}
    rows = [links.get(mention_id, (None, None, None)) for mention_id in mention_ids]
    return names.with_columns(
        pl.Series("entity_id", [r[0] for r in rows], dtype=pl.String),
        pl.Series("canonical_name", [canonical.get(r[0]) for r in rows], dtype=pl.String),
        pl.Series("method", [r[1] for r in rows], dtype=pl.String),
        pl.Series("score", [r[2] for r in rows], dtype=pl.Float64),
    )
