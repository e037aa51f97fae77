"""Near-duplicates: wire copies and syndicated texts, found with MinHash/LSH.

Two articles are near-duplicates when the Jaccard similarity of their sets
of word 5-grams is at least :data:`DUPLICATE_JACCARD` (0.8): the same agency
text with a different headline, a trimmed last paragraph or a
correction. MinHash signatures (datasketch), cut in the bands of datasketch's
LSH index, propose the pairs, so no article is compared with every other; each proposed pair is
then checked with the exact Jaccard of the two sets. Copies form groups
(by union); every member but the earliest (published_date, then doc_id)
is a ``duplicate_of`` that earliest copy.

Byte-identical files never get here: they are one document (and a reject).

Example:
    >>> text = "Iran fired over a dozen missiles at a base where U.S. soldiers were stationed on Tuesday night."
    >>> find_near_duplicates(["doc_b", "doc_a"], [text, text + " More soon."], [None, None])
    {'doc_b': 'doc_a'}
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from datetime import date
from functools import cache

import numpy as np
import polars as pl

from newsfold.memo import Memo, MemoKind

__all__ = ["DUPLICATE_JACCARD", "SHINGLES", "SIGNATURES", "find_near_duplicates"]

#: Smallest Jaccard similarity of word 5-gram sets for two articles to be copies.
DUPLICATE_JACCARD = 0.8
_PROPOSE_JACCARD = 0.5
_SHINGLE_WORDS = 5
_PERMUTATIONS = 64
#: datasketch's permutation scheme (its default since 2.0), named: signatures kept between runs must say it.
_SCHEME = "affine32"
_SEED = 1
_WORD = re.compile(r"\w+")
_MIX = np.uint64(0x9E3779B97F4A7C15)
#: Each article's shingles kept between runs (:mod:`newsfold.memo`), by doc_id.
SHINGLES = MemoKind("near_duplicate_shingles", pl.List(pl.UInt32))
#: Their MinHash signatures (:data:`_PERMUTATIONS` values each), by doc_id.
SIGNATURES = MemoKind("near_duplicate_signatures", pl.List(pl.UInt32))


def find_near_duplicates(
    doc_ids: Sequence[str], texts: Sequence[str], published: Sequence[date | None], memo: Memo | None = None
) -> dict[str, str]:
    """Map each near-duplicate article to the earliest copy of its group.

    Args:
        doc_ids: Articles.
        texts: Their texts (title excluded: outlets rewrite headlines).
        published: Their publication dates (None when unknown: sorts last).
        memo: Shingles and MinHash signatures an earlier run made (:mod:`newsfold.memo`),
            if kept, by doc_id (a hash of the text): a text whose shingles are kept is
            not read, a kept signature not computed again. Those made here are added to it.

    Returns:
        ``{doc_id: doc_id of the earliest copy}`` for every article that is a copy.
    """
    if len(texts) < 2:  # nothing to be a copy of
        return {}
    shingles = _all_shingles(doc_ids, texts, memo)
    usable = [k for k, s in enumerate(shingles) if len(s) >= 2]
    if len(usable) < 2:
        return {}
    signatures = _signatures([shingles[k] for k in usable], [doc_ids[k] for k in usable], memo)
    # The bands propose pairs from a lower similarity than the one required, so that a true
    # copy is rarely missed; the exact check below decides.
    parent = {k: k for k in usable}
    for first, second in _banded_pairs(signatures):
        k, other = usable[first], usable[second]
        a, b = shingles[k], shingles[other]
        common = len(np.intersect1d(a, b, assume_unique=True))
        if common >= DUPLICATE_JACCARD * (len(a) + len(b) - common):
            _union(parent, k, other)
    groups: dict[int, list[int]] = {}
    for k in usable:
        groups.setdefault(_find(parent, k), []).append(k)
    duplicates = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        members.sort(key=lambda k: (published[k] is None, published[k] or date.min, doc_ids[k]))
        for k in members[1:]:
            duplicates[doc_ids[k]] = doc_ids[members[0]]
    return dict(sorted(duplicates.items()))


def _banded_pairs(signatures: np.ndarray) -> list[tuple[int, int]]:
    """Row pairs ``(i, j)``, ``i < j``, whose signatures agree on all values of at least one band.

    The bands are those of datasketch's ``MinHashLSH`` for :data:`_PROPOSE_JACCARD` and
    :data:`_PERMUTATIONS` (14 bands of 4 values), so the pairs are the ones its index proposes;
    grouping each band's values with NumPy instead of inserting and querying every signature
    took 2.1 s instead of 5.6 s on the 100,006 signatures of a 100,000-article collection (the
    same 218,426 pairs).

    Example:
        >>> rows = np.array([[1] * 64, [1] * 4 + [2] * 60, [3] * 64], dtype=np.uint64)
        >>> _banded_pairs(rows)
        [(0, 1)]
    """
    bands, rows_per_band = _band_layout()
    pairs: set[tuple[int, int]] = set()
    for band in range(bands):
        block = np.ascontiguousarray(signatures[:, band * rows_per_band : (band + 1) * rows_per_band])
        keys = block.view(np.dtype((np.void, block.dtype.itemsize * rows_per_band))).ravel()
        _, bucket, sizes = np.unique(keys, return_inverse=True, return_counts=True)
        shared = np.flatnonzero(sizes[bucket] > 1)
        if not len(shared):
            continue
        order = shared[np.argsort(bucket[shared], kind="stable")]
        starts = np.flatnonzero(np.r_[True, np.diff(bucket[order]) != 0])
        for members in np.split(order, starts[1:]):
            listed = members.tolist()
            pairs.update((a, b) for i, a in enumerate(listed) for b in listed[i + 1 :])
    return sorted(pairs)


@cache
def _band_layout() -> tuple[int, int]:
    """(bands, values per band) of datasketch's index for this threshold and signature length."""
    from datasketch import MinHashLSH

    index = MinHashLSH(threshold=_PROPOSE_JACCARD, num_perm=_PERMUTATIONS)
    return index.b, index.r


def _all_shingles(doc_ids: Sequence[str], texts: Sequence[str], memo: Memo | None) -> list[np.ndarray]:
    """Each text's shingles (:func:`_shingles`), those ``memo`` holds taken from it."""
    word_hashes: dict[str, int] = {}
    if memo is None:
        return [_shingles(text, word_hashes) for text in texts]
    hit, kept = memo.recall(SHINGLES, doc_ids)
    lengths = kept.list.len().fill_null(0).to_numpy()
    flat = kept.explode(empty_as_null=False, keep_nulls=False).to_numpy().astype(np.uint64)
    shingles = np.split(flat, np.cumsum(lengths)[:-1]) if len(lengths) else []
    missed = np.flatnonzero(~hit).tolist()
    for k in missed:
        shingles[k] = _shingles(texts[k], word_hashes)
    memo.keep(SHINGLES, [doc_ids[k] for k in missed], [shingles[k].astype(np.uint32) for k in missed])
    return shingles


def _signatures(shingles: list[np.ndarray], doc_ids: Sequence[str], memo: Memo | None) -> np.ndarray:
    """Each article's MinHash signature as a row of :data:`_PERMUTATIONS` values, those ``memo`` holds taken from it."""
    from datasketch import MinHash

    def made(sets: list[np.ndarray]) -> np.ndarray:
        # The shingles are already 32-bit hashes: MinHash only permutes them (no SHA-1 per shingle).
        minhashes = MinHash.bulk(sets, num_perm=_PERMUTATIONS, seed=_SEED, hashfunc=_as_hash, scheme=_SCHEME)
        return np.array([m.hashvalues for m in minhashes], dtype=np.uint64).reshape(-1, _PERMUTATIONS)

    if memo is None:
        return made(shingles)
    hit, kept = memo.recall(SIGNATURES, doc_ids)
    signatures = np.empty((len(shingles), _PERMUTATIONS), dtype=np.uint64)
    signatures[hit] = kept.filter(pl.Series(hit)).explode().to_numpy().astype(np.uint64).reshape(-1, _PERMUTATIONS)
    missed = np.flatnonzero(~hit).tolist()
    signatures[missed] = made([shingles[k] for k in missed])
    memo.keep(SIGNATURES, [doc_ids[k] for k in missed], [signatures[k].astype(np.uint32) for k in missed])
    return signatures


def _shingles(text: str, word_hashes: dict[str, int]) -> np.ndarray:
    """Sorted distinct 32-bit hashes of the text's word 5-grams (lower case).

    Each word is hashed once (CRC-32, deterministic across processes, unlike
    ``hash``); a 5-gram's hash mixes its words' hashes with fixed odd
    multipliers, in wrapping 64-bit arithmetic, then keeps 32 bits.
    """
    # The words one at a time, never as a list: a long article's words as Python strings take about
    # 20 times its text (docs/benchmarks.md); the arithmetic in place, for the same reason.
    words = (match.group() for match in _WORD.finditer(text.lower()))
    hashes = np.fromiter((word_hashes.setdefault(w, zlib.crc32(w.encode())) for w in words), dtype=np.uint64)
    if not len(hashes):
        return np.zeros(0, dtype=np.uint64)
    width = min(_SHINGLE_WORDS, len(hashes))
    mixed = np.zeros(len(hashes) - width + 1, dtype=np.uint64)
    for offset in range(width):
        mixed *= _MIX
        mixed += hashes[offset : len(hashes) - width + 1 + offset]
    del hashes
    mixed ^= mixed >> np.uint64(32)
    mixed &= np.uint64(0xFFFFFFFF)
    return np.unique(mixed)


def _as_hash(value) -> int:
    return int(value)


def _find(parent: dict[int, int], k: int) -> int:
    while parent[k] != k:
        parent[k] = parent[parent[k]]
        k = parent[k]
    return k


def _union(parent: dict[int, int], a: int, b: int) -> None:
    ra, rb = _find(parent, a), _find(parent, b)
    if ra != rb:
        parent[max(ra, rb)] = min(ra, rb)
