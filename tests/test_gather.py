"""Which articles of a run come from the committed dataset, and so were validated there."""

from __future__ import annotations

import polars as pl
import pytest

from newsfold.gather import Gathered
from newsfold.incremental import CarriedRows
from schemas import Documents


def _gathered(carried: list[str] | None, reused: list[str], fresh: list[str]) -> Gathered:
    tables = {} if carried is None else {"documents": pl.DataFrame({Documents.doc_id: carried}, schema={Documents.doc_id: pl.String})}
    return Gathered(
        carried=CarriedRows(tables=tables, rejects=pl.DataFrame()),
        fresh=pl.DataFrame({Documents.doc_id: fresh}, schema={Documents.doc_id: pl.String}),
        reused_facts=pl.DataFrame({Documents.doc_id: reused}, schema={Documents.doc_id: pl.String}),
        reused_tables={},
        duplicate_rejects=[],
    )


@pytest.mark.parametrize(
    ("carried", "reused", "fresh", "committed"),
    [
        (["doc_a"], [], ["doc_n"], ["doc_a"]),  # an unchanged file's article; the new one is not
        (["doc_a"], ["doc_b"], ["doc_b", "doc_n"], ["doc_a", "doc_b"]),  # a file read again whose article was committed
        (None, [], ["doc_n"], []),  # a first run: nothing committed
        ([], [], [], []),
    ],
)
def test_committed_articles_are_the_carried_and_reused_ones(carried, reused, fresh, committed):
    assert sorted(_gathered(carried, reused, fresh).committed_doc_ids.to_list()) == committed

