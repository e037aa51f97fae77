"""Keys between tables, which a single-table model cannot express.

Example:
    >>> [fk.child for fk in FOREIGN_KEYS][:2]
    ['documents', 'stories']
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ForeignKey", "FOREIGN_KEYS", "SPAN_TABLES", "WHOLE_TEXT_COLUMNS", "LINK_COLUMNS", "SORT_KEYS", "CHANGE_KEYS"]


@dataclass(frozen=True)
class ForeignKey:
    """``child.column`` must name an existing ``parent.parent_column``.

    Attributes:
        child: Table holding the reference.
        column: Referencing column; null values are allowed and not checked.
        parent: Referenced table.
        parent_column: Referenced key column.
    """

    child: str
    column: str
    parent: str
    parent_column: str


FOREIGN_KEYS: tuple[ForeignKey, ...] = (
    ForeignKey("documents", "story_id", "stories", "story_id"),
    # Both ways: a story without an article is as wrong as an article without its story.
    ForeignKey("stories", "story_id", "documents", "story_id"),
    ForeignKey("documents", "duplicate_of", "documents", "doc_id"),
    ForeignKey("sentences", "doc_id", "documents", "doc_id"),
    ForeignKey("mentions", "doc_id", "documents", "doc_id"),
    ForeignKey("mentions", "entity_id", "entities", "entity_id"),
    ForeignKey("quotes", "doc_id", "documents", "doc_id"),
    ForeignKey("quotes", "speaker_entity_id", "entities", "entity_id"),
    ForeignKey("quotes", "speaker_mention_id", "mentions", "mention_id"),
    ForeignKey("dates", "doc_id", "documents", "doc_id"),
    ForeignKey("amounts", "doc_id", "documents", "doc_id"),
)

#: Tables whose ``text`` must equal ``documents.text[start:end]``.
SPAN_TABLES: tuple[str, ...] = ("sentences", "mentions", "quotes", "dates", "amounts")

#: Columns that hold a whole article, megabytes in one value for a long one. Their only
#: check is that a value is not empty (validation checks it on the first character, as
#: pandera copies a column several times), and their files carry no min/max statistics
#: (the Parquet writer copies a value to keep it as one; a filter on an article's text
#: has no use for them).
WHOLE_TEXT_COLUMNS: dict[str, tuple[str, ...]] = {"documents": ("text",)}

#: Columns filled by the dataset-wide resolve stage (entity links, clusters),
#: per table. They depend on every article, so rows carried over from an
#: earlier snapshot have them cleared and recomputed.
LINK_COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": ("story_id", "duplicate_of"),
    "mentions": ("entity_id", "resolution", "score"),
    "quotes": ("speaker_entity_id", "quote_cluster_id"),
}


#: Each table's canonical row order, so equal datasets are equal byte for byte.
SORT_KEYS: dict[str, list[str]] = {
    "documents": ["doc_id"],
    "sentences": ["doc_id", "sentence_index"],
    "mentions": ["doc_id", "start", "end", "mention_id"],
    "entities": ["entity_id"],
    "stories": ["story_id"],
    "quotes": ["doc_id", "start", "end"],
    "dates": ["doc_id", "start", "end"],
    "amounts": ["doc_id", "start", "end"],
    "rejects": ["source_path", "record_index", "stage", "error_code", "table", "message", "payload"],
    "runs": ["started_at", "run_id"],
}

#: The column grouping each table's rows when a run writes only what changed:
#: per-article tables by doc_id, dataset-wide ones by their own key. Every row
#: of a key with a changed row is rewritten, in the files that held it.
CHANGE_KEYS: dict[str, str] = {
    "documents": "doc_id",
    "sentences": "doc_id",
    "mentions": "doc_id",
    "entities": "entity_id",
    "stories": "story_id",
    "quotes": "doc_id",
    "dates": "doc_id",
    "amounts": "doc_id",
    "rejects": "source_path",
    "runs": "run_id",
}
