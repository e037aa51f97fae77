from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfold.stories import duplicates
from newsfold.stories.duplicates import find_near_duplicates

WIRE = (
    "Iranian-backed militias fired over a dozen rockets at the U.S. embassy in Baghdad on Sunday, "
    "the embassy said, causing minor damage but no casualties among its staff or the Iraqi guards."
)
OTHER = "The central bank left its main interest rate unchanged on Thursday, citing slowing inflation and weak demand."


@pytest.mark.parametrize(
    "texts, dates, expected",
    [
        # the same wire text in two outlets, the later one ends with a credit: the later is the copy
        ([WIRE, WIRE + " (Reporting by staff.)"], [dt.date(2020, 12, 21), dt.date(2020, 12, 20)], {"d0": "d1"}),
        # undated copies: the first doc_id is the original
        ([WIRE, WIRE], [None, None], {"d1": "d0"}),
        # a dated copy is older than an undated one
        ([WIRE, WIRE], [None, dt.date(2020, 12, 20)], {"d0": "d1"}),
        # different texts are no copies
        ([WIRE, OTHER], [None, None], {}),
        # three copies: both later ones point at the earliest
        ([WIRE, WIRE + " More.", WIRE], [dt.date(2020, 1, 3), dt.date(2020, 1, 1), dt.date(2020, 1, 2)],
         {"d0": "d1", "d2": "d1"}),
    ],
)
def test_duplicates_point_at_the_earliest_copy(texts, dates, expected):
    doc_ids = [f"d{k}" for k in range(len(texts))]
    assert find_near_duplicates(doc_ids, texts, dates) == expected


def test_duplicates_half_rewritten_text_is_not_a_copy():
    rewritten = WIRE.split(", the embassy said")[0] + ". Officials in Washington blamed Iran and promised a response soon."
    assert find_near_duplicates(["a", "b"], [WIRE, rewritten], [None, None]) == {}


@settings(max_examples=50, deadline=None)
@given(st.lists(st.lists(st.integers(0, 3), min_size=64, max_size=64), min_size=2, max_size=30))
def test_banded_pairs_are_the_pairs_datasketch_index_proposes(rows):
    from datasketch import LeanMinHash, MinHashLSH

    signatures = np.array(rows, dtype=np.uint64)
    index = MinHashLSH(threshold=duplicates._PROPOSE_JACCARD, num_perm=duplicates._PERMUTATIONS)
    hashes = [LeanMinHash(seed=1, hashvalues=row, scheme=duplicates._SCHEME) for row in signatures]
    for row, minhash in enumerate(hashes):
        index.insert(row, minhash)
    proposed = {(row, other) for row, minhash in enumerate(hashes) for other in index.query(minhash) if other > row}
    firsts, seconds = duplicates._banded_pairs(signatures)
    pairs = list(zip(firsts.tolist(), seconds.tolist()))
    assert pairs == sorted(proposed)
