"""B-cubed scoring of a story clustering against a gold grouping.

B-cubed (Bagga & Baldwin 1998) scores each article: precision is the share
of its predicted story that is in its gold story, recall the share of its
gold story that is in its predicted story; both are averaged over articles.
An article without a predicted story is a story of its own.

Example:
    >>> score = score_bcubed({"a": "s1", "b": "s1", "c": "s2"}, {"a": "x", "b": "x", "c": "x"})
    >>> round(score.precision, 3), round(score.recall, 3), round(score.f1, 3)
    (1.0, 0.556, 0.714)
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

__all__ = ["BCubed", "score_bcubed", "read_gold_stories", "split_topics"]


@dataclass(frozen=True)
class BCubed:
    """B-cubed precision, recall and F1 over ``n`` articles."""

    precision: float
    recall: float
    n: int

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 0.0 if total == 0 else 2 * self.precision * self.recall / total


def score_bcubed(predicted: Mapping[str, str | None], gold: Mapping[str, str]) -> BCubed:
    """Score ``predicted`` (item to story, None for alone) on the items of ``gold``.

    Items of ``gold`` missing from ``predicted`` count as stories of their own.
    """
    items = sorted(gold)
    if not items:
        return BCubed(0.0, 0.0, 0)
    labels = {item: predicted.get(item) or f"\x00alone:{item}" for item in items}
    predicted_sizes = Counter(labels.values())
    gold_sizes = Counter(gold[item] for item in items)
    both = Counter((labels[item], gold[item]) for item in items)
    precision = sum(both[(labels[i], gold[i])] / predicted_sizes[labels[i]] for i in items) / len(items)
    recall = sum(both[(labels[i], gold[i])] / gold_sizes[gold[i]] for i in items) / len(items)
    return BCubed(precision, recall, len(items))


def read_gold_stories(path: Path) -> tuple[dict[str, str], dict[str, str]]:
    """``file -> story`` and ``file -> topic`` from a gold CSV with columns ``file,story`` (``topic`` optional).

    Raises:
        ValueError: when the file lacks a ``file`` or ``story`` column.
    """
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        if not reader.fieldnames or not {"file", "story"} <= set(reader.fieldnames):
            raise ValueError(f"{path}: a gold file needs the columns file,story (it has {reader.fieldnames})")
        rows = list(reader)
    stories = {row["file"]: row["story"] for row in rows}
    topics = {row["file"]: row.get("topic") or row["story"] for row in rows}
    return stories, topics


def split_topics(topics: Iterable[str]) -> dict[str, str]:
    """Each topic to ``"tune"`` or ``"held-out"`` by a fixed hash: the third with the lowest hashes is held out.

    The split depends only on the topics' names, never on scores, so tuning
    can never move an article into the part it is measured on.

    Example:
        >>> sorted(split_topics(["1", "2", "3"]).values())
        ['held-out', 'tune', 'tune']
    """
    import hashlib

    distinct = sorted(set(topics), key=lambda t: hashlib.sha256(f"topic:{t}".encode()).hexdigest())
    held = len(distinct) // 3
    return {topic: "held-out" if rank < held else "tune" for rank, topic in enumerate(distinct)}
