"""Score the entity type newsfold gives each mention against gold entity labels.

The type of a mention is a vote (docs/entities.md, *Entity types*): spaCy's label, the
registry, the other mentions of the name and cues around them. This scores what that
vote decides, against a gold that labels every mention on its own, such as CoNLL-2003
(``benchmarks/conll_to_raw.py`` writes its documents as article files and a gold CSV).

For each gold span (``file,start,end,surface,label,part``; label ``PER``, ``ORG`` or
``LOC``) the mention of its article that shares the most characters with it, at least
half of the longer of the two, is its match. Two figures, over matched spans:

* ``label``: the type spaCy's label alone gives the mention (:func:`map_label_to_type`),
  the type a hard gate would keep;
* ``resolved``: the type of the entity the mention is linked to (``entities.entity_type``),
  what the dataset tells its users.

Example:
    >>> import polars as pl
    >>> gold = pl.DataFrame({"file": ["a.txt"] * 2, "start": [0, 10], "end": [5, 16], "surface": ["Yukos", "Moscow"],
    ...     "label": ["ORG", "LOC"], "part": ["dev", "dev"]})
    >>> predicted = pl.DataFrame({"file": ["a.txt"] * 2, "start": [0, 10], "end": [5, 16],
    ...     "label": ["PERSON", "GPE"], "entity_type": ["ORG", "LOC"]})
    >>> scores = score_types(match_types(gold, predicted))
    >>> [(s.part, s.gold_label, s.matched, s.label_right, s.resolved_right) for s in scores if s.gold_label == "all"]
    [('dev', 'all', 2, 1, 2)]
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from newsfold.errors import InputError
from newsfold.names.labels import map_label_to_type

__all__ = ["TypeScore", "read_type_gold", "match_types", "score_types", "GOLD_COLUMNS", "TYPES"]

#: Columns a type gold must have.
GOLD_COLUMNS = ("file", "start", "end", "surface", "label", "part")
#: Gold labels scored.
TYPES = ("PER", "ORG", "LOC")
#: Least share of the longer span two spans must share to match.
MIN_OVERLAP = 0.5


@dataclass(frozen=True)
class TypeScore:
    """Type accuracy of one part and gold label (``all``: every label)."""

    part: str
    gold_label: str
    gold: int
    matched: int
    label_right: int
    resolved_right: int

    @property
    def label_accuracy(self) -> float | None:
        return self.label_right / self.matched if self.matched else None

    @property
    def resolved_accuracy(self) -> float | None:
        return self.resolved_right / self.matched if self.matched else None

    @property
    def found_right(self) -> float | None:
        """Gold spans matched and typed right, over all gold spans (a span no mention matched counts as wrong)."""
        return self.resolved_right / self.gold if self.gold else None


def read_type_gold(path: Path) -> pl.DataFrame:
    """The gold spans of ``path``.

    Raises:
        InputError: when a column is missing or a label is not one of :data:`TYPES`.
    """
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        missing = [column for column in GOLD_COLUMNS if column not in (reader.fieldnames or [])]
        if missing:
            raise InputError(f"{path}: a type gold needs the columns {','.join(GOLD_COLUMNS)} (missing {','.join(missing)})")
        rows = [{column: row[column] for column in GOLD_COLUMNS} for row in reader]
    gold = pl.DataFrame(rows, schema={column: pl.String for column in GOLD_COLUMNS})
    try:
        gold = gold.with_columns(pl.col("start").cast(pl.Int64), pl.col("end").cast(pl.Int64))
    except pl.exceptions.InvalidOperationError as exc:
        raise InputError(f"{path}: start and end must be whole numbers ({exc})") from exc
    wrong = gold.filter(~pl.col("label").is_in(TYPES))["label"].unique().to_list()
    if wrong:
        raise InputError(f"{path}: labels must be {', '.join(TYPES)} (found {', '.join(sorted(wrong))})")
    return gold


def match_types(gold: pl.DataFrame, predicted: pl.DataFrame) -> pl.DataFrame:
    """Each gold span with the label and resolved type of the mention matching it (nulls: no match).

    ``predicted`` holds the dataset's mentions: ``file, start, end, label, entity_type``.
    """
    pairs = gold.with_row_index("gold_row").join(predicted.rename({"label": "spacy_label"}), on="file", suffix="_p")
    shared = pl.min_horizontal("end", "end_p") - pl.max_horizontal("start", "start_p")
    longer = pl.max_horizontal(pl.col("end") - pl.col("start"), pl.col("end_p") - pl.col("start_p"))
    best = (
        pairs.with_columns(shared.alias("shared"), longer.alias("longer"))
        .filter(pl.col("shared") >= MIN_OVERLAP * pl.col("longer"))
        .sort("gold_row", "shared", "start_p")
        .group_by("gold_row", maintain_order=True)
        .last()
        .select("gold_row", "spacy_label", "entity_type", pl.col("start_p").alias("mention_start"), pl.col("end_p").alias("mention_end"))
    )
    return (
        gold.with_row_index("gold_row")
        .join(best, on="gold_row", how="left")
        .with_columns(
            pl.col("spacy_label").map_elements(map_label_to_type, return_dtype=pl.String).alias("label_type")
        )
        .drop("gold_row")
    )


def score_types(matched: pl.DataFrame) -> list[TypeScore]:
    """Accuracy per part (``dev``, ``test``) and gold label, and over all labels, from :func:`match_types`."""
    scores = []
    for part in sorted(matched["part"].unique().to_list(), key=lambda p: (p != "test", p)):
        rows = matched.filter(pl.col("part") == part)
        for label in (*TYPES, "all"):
            subset = rows if label == "all" else rows.filter(pl.col("label") == label)
            found = subset.filter(pl.col("entity_type").is_not_null())
            scores.append(
                TypeScore(
                    part=part,
                    gold_label=label,
                    gold=subset.height,
                    matched=found.height,
                    label_right=found.filter(pl.col("label_type") == pl.col("label")).height,
                    resolved_right=found.filter(pl.col("entity_type") == pl.col("label")).height,
                )
            )
    return scores
