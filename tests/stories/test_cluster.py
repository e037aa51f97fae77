from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfold.stories.cluster import cluster_average_link


@pytest.mark.parametrize(
    "ranks, pairs, threshold, founders",
    [
        # a chain: 0-1 strong, {0,1}-2 averages 0.4 (below 0.5), 2-3 on their own
        ([0, 1, 2, 3], [(0, 1, 0.9), (0, 2, 0.8), (2, 3, 0.7)], 0.5, [0, 0, 2, 2]),
        # the same pairs, a lower threshold: {0,1} and {2,3} average 0.8 / 4 = 0.2, so one group
        ([0, 1, 2, 3], [(0, 1, 0.9), (0, 2, 0.8), (2, 3, 0.7)], 0.15, [0, 0, 0, 0]),
        # the founder is the lowest rank, not the lowest index
        ([3, 2, 1, 0], [(0, 1, 0.9)], 0.5, [1, 1, 2, 3]),
        # no pair: every item alone
        ([0, 1, 2], [], 0.1, [0, 1, 2]),
        # a pair below the threshold does not merge
        ([0, 1], [(0, 1, 0.2)], 0.5, [0, 1]),
    ],
)
def test_cluster_average_link_groups(ranks, pairs, threshold, founders):
    left, right, sims = (np.array(x) for x in zip(*pairs)) if pairs else (np.array([], int),) * 2 + (np.array([]),)
    groups = cluster_average_link(np.array(ranks), left, right, sims, threshold)
    assert groups.founders.tolist() == founders


def test_cluster_average_link_records_merges_of_two_stories():
    # {0,1} and {2,3} form first; 1-2 then joins them: the younger founder, 2, is recorded.
    pairs = [(0, 1, 0.9), (2, 3, 0.9), (0, 2, 0.8), (0, 3, 0.8), (1, 2, 0.8), (1, 3, 0.8)]
    left, right, sims = (np.array(x) for x in zip(*pairs))
    groups = cluster_average_link(np.arange(4), left, right, sims, 0.5)
    assert groups.founders.tolist() == [0, 0, 0, 0]
    assert groups.merged == {0: [2]}


@settings(max_examples=50, deadline=None)
@given(
    n=st.integers(2, 9),
    edges=st.lists(st.tuples(st.integers(0, 8), st.integers(0, 8), st.sampled_from([0.2, 0.4, 0.6, 0.9])), max_size=25),
    seed=st.integers(0, 1000),
    threshold=st.sampled_from([0.1, 0.3, 0.5]),
)
def test_cluster_average_link_ignores_the_order_of_pairs_and_items(n, edges, seed, threshold):
    """Shuffling the pairs, and renumbering the items, never changes who is grouped with whom."""
    unique = {(min(a, b), max(a, b)): s for a, b, s in edges if a < n and b < n and a != b}
    pairs = sorted((a, b, s) for (a, b), s in unique.items())
    ranks = np.arange(n)
    rng = np.random.default_rng(seed)
    base = cluster_average_link(ranks, *(np.array(x, dtype=float if k == 2 else int) for k, x in enumerate(zip(*pairs) if pairs else ([], [], []))), threshold)
    perm = rng.permutation(n)  # item k becomes perm[k]
    shuffled = [(perm[a], perm[b], s) for a, b, s in pairs]
    rng.shuffle(shuffled)
    new_ranks = np.empty(n, dtype=int)
    new_ranks[perm] = ranks
    cols = list(zip(*shuffled)) if shuffled else ([], [], [])
    moved = cluster_average_link(new_ranks, np.array(cols[0], dtype=int), np.array(cols[1], dtype=int), np.array(cols[2], dtype=float), threshold)
    assert [perm[f] for f in base.founders] == moved.founders[perm].tolist()
