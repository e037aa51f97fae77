"""``stories``: one row per group of articles that tell the same story."""

from __future__ import annotations

import polars as pl
import pandera.polars as pa

from schemas.base import ID_PATTERN, TableModel


class Stories(TableModel):
    """Groups of articles on one story, across outlets and translations (docs/stories.md)."""

    story_id: str = pa.Field(
        unique=True,
        str_matches=ID_PATTERN,
        description=(
            "Permanent id: sty_ + a hash of the story's earliest article (published_date, then doc_id),"
            " so a story that grows with later articles keeps its id."
        ),
    )
    n_documents: pl.Int64 = pa.Field(ge=1, description="Articles in the story, near-duplicates included.")
    n_sources: pl.Int64 = pa.Field(ge=0, description="Distinct outlets (source_name, else the URL's host) among them.")
    first_published: pl.Date = pa.Field(nullable=True, description="Earliest published_date of its articles.")
    last_published: pl.Date = pa.Field(nullable=True, description="Latest published_date of its articles.")
    label: str = pa.Field(
        str_length={"min_value": 1},
        description="Readable label: the title of its most central article, else the first line of its text with four words or more.",
    )
    top_entity_ids: pl.List(pl.String) = pa.Field(
        description="Entities mentioned in the most of its articles, most first (at most 5)."
    )
    merged_ids: pl.List(pl.String) = pa.Field(
        description=(
            "Ids of stories of two or more articles that were merged into this one (the older id survives;"
            " these stay valid to look up)."
        ),
    )
