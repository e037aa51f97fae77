"""Frames made from some columns of another, without Polars copying a long article's text.

Polars copies a very long string value (a 50 MB article's text) each time a
frame that holds it goes through an expression, even one that never reads
that column: ``documents.select("doc_id")`` costs two copies of every long
text in the frame, ``documents.drop("text")`` as many (measured with Polars
2.1, docs/benchmarks.md). Taking the columns one by one does not.

Example:
    >>> columns_of(pl.DataFrame({"doc_id": ["doc_a"], "text": ["..."]}), "doc_id").columns
    ['doc_id']
"""

from __future__ import annotations

import polars as pl

__all__ = ["columns_of", "row_order"]


def columns_of(frame: pl.DataFrame, *names: str) -> pl.DataFrame:
    """The columns ``names`` of ``frame``, in that order, as a new frame that shares their data.

    Example:
        >>> columns_of(pl.DataFrame({"a": [1], "b": [2], "c": [3]}), "c", "a").rows()
        [(3, 1)]
    """
    return pl.DataFrame([frame.get_column(name) for name in names])


def row_order(frame: pl.DataFrame, by: list[str]) -> pl.Series | None:
    """The row indices that sort ``frame`` by ``by`` (nulls last), or None when it is in that order already.

    A frame already in order is then used as it is: a sorted copy would copy
    its long texts for nothing.

    Example:
        >>> row_order(pl.DataFrame({"k": [2, 1]}), ["k"]).to_list(), row_order(pl.DataFrame({"k": [1, 2]}), ["k"])
        ([1, 0], None)
    """
    order = frame.select(pl.arg_sort_by(by, nulls_last=True)).to_series()
    return None if (order == pl.int_range(frame.height, eager=True)).all() else order
