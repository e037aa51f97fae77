"""Average-link clustering over a sparse similarity graph.

Two groups merge while the mean similarity over all their cross pairs
(a pair that was never a candidate counts as 0) is at least the threshold,
best pair of groups first. The result depends only on the graph and on each
article's rank, never on the order pairs were given or found in: ties are
broken by the groups' founders (their earliest article).

A group keeps its founder's identity when it grows. When two groups of two
or more articles merge, the older founder survives and the younger one is
recorded, so an id issued for the younger story can still be looked up.

Example:
    >>> import numpy as np
    >>> groups = cluster_average_link(
    ...     np.array([0, 1, 2, 3]), np.array([0, 0, 2]), np.array([1, 2, 3]), np.array([0.9, 0.8, 0.7]), 0.5
    ... )
    >>> groups.founders.tolist(), groups.merged
    ([0, 0, 2, 2], {})
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field

import numpy as np

__all__ = ["Groups", "cluster_average_link"]


@dataclass(frozen=True)
class Groups:
    """The clustering of ``n`` items.

    Attributes:
        founders: For each item, the item founding its group (the lowest rank).
        merged: For a founder, the founders of groups of two or more items
            absorbed into its group, oldest first.
    """

    founders: np.ndarray
    merged: dict[int, list[int]] = field(default_factory=dict)


def cluster_average_link(
    ranks: np.ndarray, left: np.ndarray, right: np.ndarray, similarity: np.ndarray, threshold: float
) -> Groups:
    """Group items by average link over the given pairs.

    Args:
        ranks: Rank of each item (distinct; lower is older). Its length is the number of items.
        left, right: The pairs' items.
        similarity: The pairs' similarities (pairs not given count as 0).
        threshold: Smallest mean similarity at which two groups merge.
    """
    n = len(ranks)
    ranks = np.asarray(ranks)
    # Work in rank order, so a group's slot never depends on input order.
    by_rank = np.argsort(ranks, kind="stable")
    slot_of = np.empty(n, dtype=np.int64)
    slot_of[by_rank] = np.arange(n)
    links: list[dict[int, float]] = [{} for _ in range(n)]
    a_slots, b_slots = slot_of[np.asarray(left)], slot_of[np.asarray(right)]
    for a, b, s in sorted(zip(a_slots.tolist(), b_slots.tolist(), np.asarray(similarity, dtype=float).tolist())):
        if a == b or s <= 0.0:
            continue
        links[a][b] = links[a].get(b, 0.0) + s
        links[b][a] = links[b].get(a, 0.0) + s
    size = [1] * n
    alive = [True] * n
    version = [0] * n
    merged: dict[int, list[int]] = {}
    heap = []
    for a in range(n):
        for b, total in links[a].items():
            if a < b and total >= threshold:
                heap.append((-total, a, b, 0, 0))
    heapq.heapify(heap)
    parent = list(range(n))
    while heap:
        negative, a, b, version_a, version_b = heapq.heappop(heap)
        if not (alive[a] and alive[b]) or version[a] != version_a or version[b] != version_b:
            continue
        # a < b always: the slot with the older founder survives.
        if size[a] >= 2 and size[b] >= 2:
            merged.setdefault(a, []).extend([b, *merged.pop(b, [])])
        elif b in merged:
            merged.setdefault(a, []).extend(merged.pop(b))
        alive[b] = False
        parent[b] = a
        for c, total in links[b].items():
            if c == a:
                continue
            links[a][c] = links[a].get(c, 0.0) + total
            del links[c][b]
            links[c][a] = links[c].get(a, 0.0) + total
        links[a].pop(b, None)
        links[b] = {}
        size[a] += size[b]
        version[a] += 1
        for c, total in links[a].items():
            mean = total / (size[a] * size[c])
            if mean >= threshold:
                x, y = (a, c) if a < c else (c, a)
                heapq.heappush(heap, (-mean, x, y, version[x], version[y]))
    root = [_find(parent, s) for s in range(n)]
    founders = by_rank[np.asarray(root, dtype=np.int64)][slot_of]
    merged_items = {int(by_rank[a]): [int(by_rank[s]) for s in sorted(ss)] for a, ss in merged.items()}
    return Groups(founders=founders, merged=merged_items)


def _find(parent: list[int], s: int) -> int:
    while parent[s] != s:
        parent[s] = parent[parent[s]]
        s = parent[s]
    return s
