"""Shared building blocks of the table contracts.

Every table model derives from :class:`TableModel`: strict columns (no extra,
none missing), no coercion (a wrong dtype is a bug upstream, not something to
paper over), and lazy validation so one run reports every failing check.

Example:
    >>> from schemas import Sentences
    >>> polars_schema(Sentences)["start"]
    Int64
"""

from __future__ import annotations

import functools
from typing import Any

import pandera.polars as pa
import polars as pl

__all__ = [
    "SCHEMA_VERSION",
    "TableModel",
    "polars_schema",
    "empty_frame",
    "frame_from_rows",
    "column_descriptions",
]

#: Version of the table contracts as a whole. Bump on any change of a column's
#: name, dtype or meaning; it is written into every Parquet file's metadata.
SCHEMA_VERSION = "1.1.0"

ID_PATTERN = r"^[a-z]+_[0-9a-f]{16}$"
SHA256_PATTERN = r"^[0-9a-f]{64}$"


class TableModel(pa.DataFrameModel):
    """Base of every table model."""

    class Config:
        strict = True
        coerce = False


@functools.cache
def polars_schema(model: type[pa.DataFrameModel]) -> pl.Schema:
    """The Polars schema (column name to dtype, in declared order) of a model."""
    columns = model.to_schema().columns
    return pl.Schema({name: column.dtype.type for name, column in columns.items()})


def empty_frame(model: type[pa.DataFrameModel]) -> pl.DataFrame:
    """A frame with the model's columns and dtypes and no rows."""
    return pl.DataFrame(schema=polars_schema(model))


def frame_from_rows(model: type[pa.DataFrameModel], rows: list[dict[str, Any]]) -> pl.DataFrame:
    """Build a frame with exactly the model's columns and dtypes from dict rows.

    Example:
        >>> from schemas import Sentences
        >>> frame_from_rows(Sentences, []).height
        0
    """
    return pl.DataFrame(rows, schema=polars_schema(model))


def column_descriptions(model: type[pa.DataFrameModel]) -> list[tuple[str, str, bool, str]]:
    """``(column, dtype, nullable, description)`` for each column of a model."""
    columns = model.to_schema().columns
    return [
        (name, str(column.dtype), bool(column.nullable), column.description or "")
        for name, column in columns.items()
    ]
