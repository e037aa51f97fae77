"""Reconciling a table of names."""

from __future__ import annotations

import polars as pl

from newsfold.names.reconcile import reconcile_names


def test_reconcile_names_resolves_against_registry_and_each_other():
    names = pl.DataFrame(
        {
            "name": [
                "Qasem Soleimani",
                "Qassem Suleimani",
                "Soleimani",
                "Ahmad Vahidi",
                "Ahmed Vahidi",
                "Iranian",
                "",
                "Baghdad",
            ],
            "type": ["PER", "PERSON", "PER", "PER", "PER", "NORP", "PER", "GPE"],
            "row": list(range(8)),
        }
    )
    out = reconcile_names(names)
    assert out.columns == ["name", "type", "row", "entity_id", "canonical_name", "method", "score"]
    assert out["row"].to_list() == list(range(8))
    ids = out["entity_id"].to_list()
    assert ids[0] == ids[1] == ids[2] == "Q1149393"
    assert out["method"][2] == "corpus_context"
    assert ids[3] == ids[4] and ids[3].startswith("ent_")
    assert ids[5] == "Q794"
    assert ids[6] is None  # an empty name resolves to nothing
    assert out["canonical_name"][7] == "Baghdad"
