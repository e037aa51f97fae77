"""Candidate pairs: which articles are worth comparing at all.

Never all pairs: two articles are compared only when they share one of
their keys (an entity id, or one of each article's highest-weighted words)
and, when both have a publication date, lie within a time window. Keys held
by too many articles (a country named everywhere) propose nothing: they
would make the pair count quadratic and say little. Each article keeps at most ``max_candidates`` partners, those
sharing the most keys, so the pairs grow linearly with the articles. The
product of the key matrix with itself is taken a block of rows at a time,
so memory stays bounded by the block and the pairs kept.

Example:
    >>> from scipy import sparse
    >>> import numpy as np
    >>> keys = sparse.csr_matrix(np.array([[1, 0], [1, 0], [0, 1]], dtype=np.float32))
    >>> find_candidate_pairs(keys, np.array([0.0, 1.0, 2.0]), window_days=7)
    (array([0], dtype=int32), array([1], dtype=int32))
"""

from __future__ import annotations

import numpy as np
from scipy import sparse

__all__ = ["find_candidate_pairs"]

_BLOCK_ROWS = 1000


def find_candidate_pairs(
    keys: sparse.csr_matrix,
    days: np.ndarray,
    *,
    window_days: float,
    max_key_share: float = 0.05,
    min_key_documents: int = 50,
    max_candidates: int = 50,
) -> tuple[np.ndarray, np.ndarray]:
    """Pairs ``(i, j)``, ``i < j``, sharing a key within the time window.

    Args:
        keys: Binary article-by-key matrix (CSR).
        days: Publication day of each article, NaN when unknown (such an
            article is compared whatever the other's date).
        window_days: Largest distance in days between two dated articles.
        max_key_share: A key held by more than this share of the articles
            (and by more than ``min_key_documents``) proposes no pair.
        min_key_documents: Below this many articles a key is always used.
        max_candidates: Partners kept per article (most shared keys first, ties
            by row); a pair is kept when either article keeps the other.

    Returns:
        Row indices ``i`` and ``j`` (int32), sorted by ``(i, j)``.
    """
    n = keys.shape[0]
    if n < 2 or keys.shape[1] == 0:
        empty = np.zeros(0, dtype=np.int32)
        return empty, empty
    counts = np.asarray(keys.sum(axis=0)).ravel()
    usable = (counts >= 2) & ((counts <= max(min_key_documents, max_key_share * n)))
    keys = keys[:, np.flatnonzero(usable)].tocsr()
    keys_t = keys.T.tocsr()
    lefts, rights = [], []
    for start in range(0, n, _BLOCK_ROWS):
        block = (keys[start : start + _BLOCK_ROWS] @ keys_t).tocoo()
        i = block.row.astype(np.int64) + start
        j = block.col.astype(np.int64)
        shared = block.data
        near = (i != j) & ~(np.abs(days[i] - days[j]) > window_days)  # NaN compares False: kept
        i, j, shared = i[near], j[near], shared[near].astype(np.int64)  # counts of shared keys: whole numbers
        # Sorted by row, most shared keys first, then column: as one int64 each, sorted as numbers (a
        # lexsort of the three took 0.5 s of 2.0 at 100,000 articles).
        most = int(shared.max()) + 1 if len(shared) else 1
        ordered = np.sort((i - start) * (most * n) + (most - 1 - shared) * n + j)
        i, j = ordered // (most * n) + start, ordered % n
        rank = np.arange(len(i)) - np.searchsorted(i, i, side="left")
        kept = rank < max_candidates
        i, j = i[kept], j[kept]
        lefts.append(np.minimum(i, j).astype(np.int32))
        rights.append(np.maximum(i, j).astype(np.int32))
    # One int64 per pair, sorted and deduplicated as numbers: np.unique over rows sorts byte strings (0.9 s of
    # 2.4 at 100,000 articles), and over numbers hashes them first (0.6 s); the order is the same, by (i, j).
    keys = np.sort(np.concatenate(lefts).astype(np.int64) * n + np.concatenate(rights))
    keys = keys[np.concatenate(([True], keys[1:] != keys[:-1]))] if len(keys) else keys
    return (keys // n).astype(np.int32), (keys % n).astype(np.int32)
