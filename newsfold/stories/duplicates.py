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
from collections.abc import Callable, Sequence
from datetime import date
from functools import cache

import numpy as np
import polars as pl

from newsfold.memo import Memo, MemoKind

__all__ = ["DUPLICATE_JACCARD", "SIGNATURES", "VERDICTS", "find_near_duplicates"]

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
#: Each article's MinHash signature (:data:`_PERMUTATIONS` values; none when its text has fewer than two
#: 5-grams), kept between runs (:mod:`newsfold.memo`) by doc_id (a hash of the text).
SIGNATURES = MemoKind("near_duplicate_signatures", pl.List(pl.UInt32))
#: Whether two articles the bands proposed are copies (the exact check), by their two doc_ids
#: (:func:`_pair_key`): a pure function of the two texts, so a run checks only pairs it has not seen.
VERDICTS = MemoKind("near_duplicate_verdicts", pl.Boolean)


def find_near_duplicates(
    doc_ids: Sequence[str], texts: Sequence[str], published: Sequence[date | None], memo: Memo | None = None
) -> dict[str, str]:
    """Map each near-duplicate article to the earliest copy of its group.

    Args:
        doc_ids: Articles.
        texts: Their texts (title excluded: outlets rewrite headlines), read only where needed.
        published: Their publication dates (None when unknown: sorts last).
        memo: Signatures and exact checks an earlier run made (:mod:`newsfold.memo`), if kept:
            an article whose signature is kept is not read for it, a pair already checked not
            checked again, so a run adding a few articles reads the texts of those and of the
            articles proposed as their copies only. Those made here are added to it.

    Returns:
        ``{doc_id: doc_id of the earliest copy}`` for every article that is a copy.
    """
    if len(texts) < 2:  # nothing to be a copy of
        return {}
    shingles: dict[int, np.ndarray] = {}  # read on demand: most articles' are never needed again
    word_hashes: dict[str, int] = {}

    def shingles_of(k: int) -> np.ndarray:
        if k not in shingles:
            shingles[k] = _shingles(texts[k], word_hashes)
        return shingles[k]

    signatures, usable = _signatures(doc_ids, shingles_of, memo)
    if len(usable) < 2:
        return {}
    # The bands propose pairs from a lower similarity than the one required, so that a true
    # copy is rarely missed; the exact check decides.
    firsts, seconds = _banded_pairs(signatures[usable])
    pairs = list(zip(usable[firsts].tolist(), usable[seconds].tolist()))
    parent = {k: k for k in usable.tolist()}
    for (k, other), copies in zip(pairs, _exact_verdicts(pairs, doc_ids, shingles_of, memo)):
        if copies:
            _union(parent, k, other)
    groups: dict[int, list[int]] = {}
    for k in usable.tolist():
        groups.setdefault(_find(parent, k), []).append(k)
    duplicates = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        members.sort(key=lambda k: (published[k] is None, published[k] or date.min, doc_ids[k]))
        for k in members[1:]:
            duplicates[doc_ids[k]] = doc_ids[members[0]]
    return dict(sorted(duplicates.items()))


def _pair_key(doc_id: str, other: str) -> str:
    """The memo key of a pair of articles, the same in either order.

    Example:
        >>> _pair_key("doc_b", "doc_a")
        'doc_a doc_b'
    """
    return f"{doc_id} {other}" if doc_id < other else f"{other} {doc_id}"


def _are_copies(a: np.ndarray, b: np.ndarray) -> bool:
    """Whether two sorted sets of shingles have a Jaccard similarity of at least :data:`DUPLICATE_JACCARD`."""
    common = len(np.intersect1d(a, b, assume_unique=True))
    return common >= DUPLICATE_JACCARD * (len(a) + len(b) - common)


def _exact_verdicts(
    pairs: list[tuple[int, int]], doc_ids: Sequence[str], shingles_of: Callable[[int], np.ndarray], memo: Memo | None
) -> list[bool]:
    """For each proposed pair of rows, whether the two are copies; kept verdicts recalled, the others checked."""
    if memo is None:
        return [_are_copies(shingles_of(a), shingles_of(b)) for a, b in pairs]
    keys = [_pair_key(doc_ids[a], doc_ids[b]) for a, b in pairs]
    hit, kept = memo.recall(VERDICTS, keys)
    verdicts = kept.fill_null(False).to_list()
    missed = np.flatnonzero(~hit).tolist()
    for p in missed:
        verdicts[p] = _are_copies(shingles_of(pairs[p][0]), shingles_of(pairs[p][1]))
    memo.keep(VERDICTS, [keys[p] for p in missed], [verdicts[p] for p in missed])
    return verdicts


def _banded_pairs(signatures: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Row pairs ``(i, j)``, ``i < j``, whose signatures agree on all values of at least one band, sorted.

    The bands are those of datasketch's ``MinHashLSH`` for :data:`_PROPOSE_JACCARD` and
    :data:`_PERMUTATIONS` (14 bands of 4 values), so the pairs are the ones its index proposes.
    Each band's values are grouped with NumPy and the pairs within a group spelt out as arrays,
    never as Python tuples: on the 100,006 signatures of a 100,000-article collection, inserting
    and querying datasketch's index took 5.6 s, grouping with NumPy and collecting the pairs in a
    Python set 3.3 s, these arrays 1.3 s.

    Example:
        >>> rows = np.array([[1] * 64, [3] * 64, [1] * 4 + [2] * 60, [1] * 64], dtype=np.uint64)
        >>> [pairs.tolist() for pairs in _banded_pairs(rows)]
        [[0, 0, 2], [2, 3, 3]]
    """
    bands, rows_per_band = _band_layout()
    count = len(signatures)
    codes = [np.zeros(0, dtype=np.int64)]
    for band in range(bands):
        block = np.ascontiguousarray(signatures[:, band * rows_per_band : (band + 1) * rows_per_band])
        keys = block.view(np.dtype((np.void, block.dtype.itemsize * rows_per_band))).ravel()
        _, bucket, sizes = np.unique(keys, return_inverse=True, return_counts=True)
        bucket = bucket.ravel()
        shared = np.flatnonzero(sizes[bucket] > 1)
        if not len(shared):
            continue
        # rows of each shared bucket side by side, in row order within it
        members = shared[np.argsort(bucket[shared], kind="stable")]
        group = bucket[members]
        starts = np.flatnonzero(np.r_[True, group[1:] != group[:-1]])
        ends = np.r_[starts[1:], len(members)]
        # each member pairs with every later member of its bucket
        later = np.repeat(ends, ends - starts) - np.arange(len(members)) - 1
        firsts = np.repeat(members, later)
        steps = np.arange(len(firsts)) - np.repeat(np.cumsum(later) - later, later)
        seconds = members[np.repeat(np.arange(len(members)) + 1, later) + steps]
        codes.append(firsts.astype(np.int64) * count + seconds)
    unique = np.unique(np.concatenate(codes))
    return unique // count, unique % count


@cache
def _band_layout() -> tuple[int, int]:
    """(bands, values per band) of datasketch's index for this threshold and signature length."""
    from datasketch import MinHashLSH

    index = MinHashLSH(threshold=_PROPOSE_JACCARD, num_perm=_PERMUTATIONS)
    return index.b, index.r


def _signatures(
    doc_ids: Sequence[str], shingles_of: Callable[[int], np.ndarray], memo: Memo | None
) -> tuple[np.ndarray, np.ndarray]:
    """Each article's MinHash signature (a row of :data:`_PERMUTATIONS` values), and the rows that have one.

    A text with fewer than two shingles has none (a row of zeros, not listed). Those ``memo``
    holds are taken from it; the others computed from the shingles and kept.
    """
    from datasketch import MinHash

    signatures = np.zeros((len(doc_ids), _PERMUTATIONS), dtype=np.uint64)
    missed = list(range(len(doc_ids)))
    has_signature = np.zeros(len(doc_ids), dtype=bool)
    if memo is not None:
        hit, kept = memo.recall(SIGNATURES, doc_ids)
        lengths = kept.list.len().fill_null(-1).to_numpy()
        recalled = hit & (lengths == _PERMUTATIONS)
        signatures[recalled] = (
            kept.filter(pl.Series(recalled)).explode().to_numpy().astype(np.uint64).reshape(-1, _PERMUTATIONS)
        )
        has_signature |= recalled
        # kept as none (too short a text) or as a full signature; anything else is made again
        missed = np.flatnonzero(~(recalled | (hit & (lengths == 0)))).tolist()
    made = [k for k in missed if len(shingles_of(k)) >= 2]
    if made:
        # The shingles are already 32-bit hashes: MinHash only permutes them (no SHA-1 per shingle).
        minhashes = MinHash.bulk(
            [shingles_of(k) for k in made], num_perm=_PERMUTATIONS, seed=_SEED, hashfunc=_as_hash, scheme=_SCHEME
        )
        signatures[made] = np.array([m.hashvalues for m in minhashes], dtype=np.uint64).reshape(-1, _PERMUTATIONS)
        has_signature[made] = True
    if memo is not None:
        none = np.zeros(0, dtype=np.uint32)
        memo.keep(
            SIGNATURES,
            [doc_ids[k] for k in missed],
            [signatures[k].astype(np.uint32) if has_signature[k] else none for k in missed],
        )
    return signatures, np.flatnonzero(has_signature)


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
