"""The data contract: one pandera model per output table.

Import a model to validate a frame you built or loaded yourself::

    >>> import polars as pl
    >>> from schemas import Sentences
    >>> Sentences.validate(pl.DataFrame(schema=polars_schema(Sentences))).height
    0

Attribute access on a model gives the column name (``Documents.doc_id ==
"doc_id"``), so code refers to columns through the contract, not through
string literals scattered around.
"""

from __future__ import annotations

from schemas.amounts import Amounts
from schemas.base import (
    SCHEMA_VERSION,
    TableModel,
    column_descriptions,
    empty_frame,
    frame_from_rows,
    polars_schema,
)
from schemas.dates import Dates
from schemas.documents import Documents
from schemas.entities import Entities
from schemas.mentions import Mentions
from schemas.quotes import Quotes
from schemas.rejects import Rejects
from schemas.relations import (
    CHANGE_KEYS,
    FOREIGN_KEYS,
    LINK_COLUMNS,
    SORT_KEYS,
    SPAN_TABLES,
    WHOLE_TEXT_COLUMNS,
    ForeignKey,
)
from schemas.runs import Runs
from schemas.sentences import Sentences
from schemas.stories import Stories

#: Every output table, by its directory name, in dependency order.
TABLES: dict[str, type[TableModel]] = {
    "documents": Documents,
    "sentences": Sentences,
    "mentions": Mentions,
    "entities": Entities,
    "stories": Stories,
    "quotes": Quotes,
    "dates": Dates,
    "amounts": Amounts,
    "rejects": Rejects,
    "runs": Runs,
}

__all__ = [
    "SCHEMA_VERSION",
    "TABLES",
    "FOREIGN_KEYS",
    "LINK_COLUMNS",
    "SORT_KEYS",
    "CHANGE_KEYS",
    "SPAN_TABLES",
    "WHOLE_TEXT_COLUMNS",
    "ForeignKey",
    "TableModel",
    "Documents",
    "Sentences",
    "Mentions",
    "Entities",
    "Stories",
    "Quotes",
    "Dates",
    "Amounts",
    "Rejects",
    "Runs",
    "polars_schema",
    "empty_frame",
    "frame_from_rows",
    "column_descriptions",
]
