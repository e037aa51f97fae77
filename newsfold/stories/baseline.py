"""The plain baseline the story clustering is measured against.

TF-IDF (scikit-learn defaults) of title and text, cosine similarity,
average-link over *all* pairs, cut at a distance. It is what the literature
calls a plain TF-IDF average-link baseline; its dense all-pairs matrix is
fine for a dev set of hundreds of articles and is never used in a run.

Example:
    >>> cluster_tfidf_baseline(["rockets hit the embassy", "rockets hit an embassy", "a new phone"], 0.5)
    [0, 0, 2]
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

__all__ = ["BASELINE_THRESHOLD", "cluster_tfidf_baseline"]

#: Cosine similarity at which the baseline's average link stops merging (chosen on the tuning topics).
BASELINE_THRESHOLD = 0.26


def cluster_tfidf_baseline(texts: Sequence[str], threshold: float = BASELINE_THRESHOLD) -> list[int]:
    """Group ``texts``; each gets the index of the first text of its group."""
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform
    from sklearn.feature_extraction.text import TfidfVectorizer

    if len(texts) < 2:
        return list(range(len(texts)))
    vectors = TfidfVectorizer().fit_transform(texts)
    distance = 1.0 - (vectors @ vectors.T).toarray()
    np.fill_diagonal(distance, 0.0)
    tree = linkage(squareform(np.clip(distance, 0.0, None), checks=False), method="average")
    labels = fcluster(tree, t=1.0 - threshold, criterion="distance")
    first: dict[int, int] = {}
    return [first.setdefault(label, k) for k, label in enumerate(labels)]
