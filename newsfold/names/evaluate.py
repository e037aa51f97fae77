"""Pairwise precision, recall and F1 of the resolver against gold data.

Two kinds of gold:

* groups (``group_id,name,kind``): every name of a group is one entity and
  names of different groups are different entities. All names are resolved
  together; a pair is predicted "same" when both get one entity id.
* labelled pairs (``name1,name2,is_match,schema``, e.g. OpenSanctions'
  name-matching cases): each pair is resolved on its own.

Example:
    >>> import polars as pl
    >>> gold = pl.DataFrame({"group_id": ["a", "a", "b"], "name": ["Kim Jong Un", "Kim Jong-un", "Kim Jong Il"],
    ...     "kind": ["person"] * 3})
    >>> evaluate_gold(gold).f1
    1.0
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import polars as pl

from newsfold.names.reconcile import reconcile_names

__all__ = ["PairScores", "evaluate_gold", "evaluate_pairs", "kind_to_type"]

_KINDS = {
    "person": "PER",
    "per": "PER",
    "people": "PER",
    "organisation": "ORG",
    "organization": "ORG",
    "org": "ORG",
    "company": "ORG",
    "legalentity": "ORG",
    "place": "LOC",
    "location": "LOC",
    "loc": "LOC",
    "gpe": "LOC",
    "country": "LOC",
    "city": "LOC",
}


def kind_to_type(kind: str | None) -> str:
    """Entity type of a gold ``kind`` or OpenSanctions ``schema`` value.

    Example:
        >>> kind_to_type("Company"), kind_to_type("person"), kind_to_type("Vessel")
        ('ORG', 'PER', 'MISC')
    """
    return _KINDS.get((kind or "").strip().casefold(), "MISC")


@dataclass(frozen=True)
class PairScores:
    """Pair counts and the scores derived from them.

    Attributes:
        true_positives: Pairs predicted same that are the same.
        false_positives: Pairs predicted same that are different (false merges).
        false_negatives: Same pairs predicted different (missed variants).
        n_names: Names (or pairs, for labelled pairs) evaluated.
    """

    true_positives: int
    false_positives: int
    false_negatives: int
    n_names: int

    @property
    def precision(self) -> float:
        """TP / (TP + FP); 1.0 when nothing was predicted same."""
        predicted = self.true_positives + self.false_positives
        return self.true_positives / predicted if predicted else 1.0

    @property
    def recall(self) -> float:
        """TP / (TP + FN); 1.0 when no pair is the same."""
        actual = self.true_positives + self.false_negatives
        return self.true_positives / actual if actual else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _pairs(count: int) -> int:
    return count * (count - 1) // 2


def evaluate_gold(gold: pl.DataFrame) -> PairScores:
    """Score a resolver run over gold variant groups.

    Args:
        gold: Columns group_id, name, kind (person, organisation, place, ...).

    Returns:
        Pairwise :class:`PairScores` over all names.
    """
    frame = gold.with_columns(pl.col("kind").map_elements(kind_to_type, return_dtype=pl.String).alias("type"))
    resolved = reconcile_names(frame)
    groups = resolved["group_id"].cast(pl.String).to_list()
    entities = resolved["entity_id"].to_list()
    both = Counter(zip(groups, entities))
    true_positives = sum(_pairs(n) for n in both.values())
    predicted = sum(_pairs(n) for n in Counter(entities).values())
    actual = sum(_pairs(n) for n in Counter(groups).values())
    return PairScores(true_positives, predicted - true_positives, actual - true_positives, resolved.height)


def evaluate_pairs(cases: pl.DataFrame) -> PairScores:
    """Score labelled name pairs, each pair resolved on its own.

    Args:
        cases: Columns name1, name2, is_match (bool or "true"/"false") and
            schema (Person, Company, Organization, ...).

    Returns:
        :class:`PairScores` counting pairs.
    """
    tp = fp = fn = 0
    for name1, name2, is_match, schema in cases.select("name1", "name2", "is_match", "schema").iter_rows():
        entity_type = kind_to_type(schema)
        pair = pl.DataFrame({"name": [name1, name2], "type": [entity_type, entity_type]})
        ids = reconcile_names(pair)["entity_id"].to_list()
        predicted = ids[0] == ids[1]
        actual = is_match if isinstance(is_match, bool) else str(is_match).strip().lower() == "true"
        tp += predicted and actual
        fp += predicted and not actual
        fn += actual and not predicted
    return PairScores(tp, fp, fn, cases.height)
