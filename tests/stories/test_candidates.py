from __future__ import annotations

import numpy as np
import pytest
from scipy import sparse

from newsfold.stories.candidates import find_candidate_pairs

NAN = float("nan")


@pytest.mark.parametrize(
    "keys, days, window, kwargs, pairs",
    [
        # a shared key makes a pair; no shared key, no pair
        ([[1, 0], [1, 0], [0, 1]], [0, 1, 2], 7, {}, [(0, 1)]),
        # too far apart in time
        ([[1], [1]], [0, 40], 30, {}, []),
        # an undated article is compared whatever the other's date
        ([[1], [1]], [NAN, 40], 30, {}, [(0, 1)]),
        # a key held by every article (above the share and the floor) proposes nothing
        ([[1]] * 4, [0] * 4, 7, {"max_key_share": 0.5, "min_key_documents": 2}, []),
        # each article keeps one partner: the one sharing most keys, ties by row
        ([[1, 1], [1, 1], [1, 0]], [0, 0, 0], 7, {"max_candidates": 1}, [(0, 1), (0, 2)]),
    ],
)
def test_candidates_pairs(keys, days, window, kwargs, pairs):
    matrix = sparse.csr_matrix(np.array(keys, dtype=np.float32))
    left, right = find_candidate_pairs(matrix, np.array(days, dtype=float), window_days=window, **kwargs)
    assert list(zip(left.tolist(), right.tolist())) == pairs
