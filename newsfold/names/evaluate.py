"""Pairwise precision, recall and F1 of the resolver against gold data.

Three kinds of gold file (:func:`read_gold`):

* groups (``group_id,name,kind`` and optional columns such as ``source``):
  every name of a group is one entity and names of different groups are
  different entities. All names of a part are resolved together; a pair is
  predicted "same" when both get one entity id.
* labelled pairs (``name1,name2,is_match,schema``, e.g. OpenSanctions'
  name-matching cases): each pair is resolved on its own.
* a ``.txt`` list of one entity's spellings, one per line.

Every gold is split into a **test** part (only measured) and a **dev** part
(the one to tune on) by a fixed hash rule (:func:`assign_part`): the key is
the group id up to its first ``/`` (so ``kim/jong_un`` and ``kim/jong_il``,
two namesakes, stay in one part), the pair of names for labelled pairs, and
the spelling for a one-entity list. Pairs across the two parts are scored only
in the ``all`` part.

Scores are also given for the names the registry does not list
(:func:`is_listed`): a pair counts as ``unlisted`` only when neither spelling
is a registry alias after folding, else as ``listed``. The unlisted figures
measure the rules, not the lookup table.

Example:
    >>> import polars as pl
    >>> gold = pl.DataFrame({"group_id": ["a", "a", "b"], "name": ["Kim Jong Un", "Kim Jong-un", "Kim Jong Il"],
    ...     "kind": ["person"] * 3})
    >>> evaluate_gold(gold).f1
    1.0
    >>> [assign_part(make_split_key(group_id=g)) for g in ("kim/jong_un", "kim/jong_il", "soleimani")]
    ['dev', 'dev', 'test']
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import polars as pl

from newsfold.errors import InputError
from newsfold.names.forms import make_name_form
from newsfold.names.reconcile import reconcile_names
from newsfold.names.registry import load_registry

__all__ = [
    "GoldFile",
    "PairError",
    "PairScores",
    "ScoreRow",
    "assign_part",
    "evaluate_gold",
    "evaluate_pairs",
    "is_listed",
    "kind_to_type",
    "list_dev_errors",
    "make_split_key",
    "read_gold",
    "score_gold_file",
]

#: Parts of a split, in the order they are reported.
PARTS = ("test", "dev")
#: Salt of the split hash; changing it would reshuffle every gold, so never do.
SPLIT_SALT = "newsfold-eval-split-v1:"

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
_GROUP_COLUMNS = ("group_id", "name", "kind")
_PAIR_COLUMNS = ("name1", "name2", "is_match", "schema")


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

    A score with nothing to divide by is undefined (None), never 1.0: a part
    with no gold pair has no recall, one with no predicted pair no precision.

    Attributes:
        true_positives: Pairs predicted same that are the same.
        false_positives: Pairs predicted same that are different (false merges).
        false_negatives: Same pairs predicted different (missed variants).
        n_names: Names (or pairs, for labelled pairs) evaluated.

    Example:
        >>> PairScores(0, 0, 0, 3).precision is None, PairScores(1, 1, 2, 4).f1
        (True, 0.4)
    """

    true_positives: int
    false_positives: int
    false_negatives: int
    n_names: int

    @property
    def precision(self) -> float | None:
        """TP / (TP + FP); None when nothing was predicted same."""
        predicted = self.true_positives + self.false_positives
        return self.true_positives / predicted if predicted else None

    @property
    def recall(self) -> float | None:
        """TP / (TP + FN); None when no pair is the same."""
        actual = self.true_positives + self.false_negatives
        return self.true_positives / actual if actual else None

    @property
    def f1(self) -> float | None:
        """2 TP / (2 TP + FP + FN), the harmonic mean of P and R; None with no pair at all."""
        denominator = 2 * self.true_positives + self.false_positives + self.false_negatives
        return 2 * self.true_positives / denominator if denominator else None


def make_split_key(group_id: str | None = None, pair: tuple[str, str] | None = None) -> str:
    """The text :func:`assign_part` hashes, for a group id or a labelled pair.

    A group id counts up to its first ``/``; a pair counts as its two names,
    stripped and sorted, joined by a tab (so the order of the columns does
    not matter).

    Example:
        >>> make_split_key(group_id="brown/gordon"), make_split_key(pair=("B", "A "))
        ('brown', 'A\\tB')
    """
    if pair is not None:
        return "\t".join(sorted(name.strip() for name in pair))
    return (group_id or "").strip().split("/", 1)[0]


def assign_part(key: str) -> str:
    """``"test"`` or ``"dev"``: the part of a split key, by a fixed hash.

    The first byte of SHA-256 of ``SPLIT_SALT + key`` (UTF-8): even is test,
    odd is dev. Same key, same part, on every machine and in every run.

    Example:
        >>> assign_part("soleimani"), assign_part("kim_jong_un")
        ('test', 'dev')
    """
    return "test" if hashlib.sha256((SPLIT_SALT + key).encode("utf-8")).digest()[0] % 2 == 0 else "dev"


@cache
def _listed_alias_keys() -> frozenset[str]:
    return frozenset(key for _, key in load_registry().alias_index)


def is_listed(name: str) -> bool:
    """True when the folded spelling is a registry alias of any type.

    Folding is the registry's own (``forms.make_name_form(...).alias_key``):
    case, accents, periods, a possessive and a leading "the" do not count.

    Example:
        >>> is_listed("the united states"), is_listed("Zorblat Quenmoor")
        (True, False)
    """
    return make_name_form(name, "MISC").alias_key in _listed_alias_keys()


@dataclass(frozen=True)
class GoldFile:
    """A gold file read for scoring.

    Attributes:
        name: File name, shown in reports.
        layout: ``groups`` (group CSV or spelling list) or ``pairs``.
        frame: groups: group_id, name, kind, part (plus any extra column);
            pairs: name1, name2, is_match (bool), schema, part.
    """

    name: str
    layout: str
    frame: pl.DataFrame


def _read_csv(path: Path) -> pl.DataFrame:
    try:
        return pl.read_csv(path, infer_schema=False)
    except (pl.exceptions.PolarsError, OSError) as exc:
        raise InputError(f"{path}: cannot read CSV: {exc}") from exc


def _check_filled(path: Path, frame: pl.DataFrame, columns: tuple[str, ...]) -> None:
    for column in columns:
        empty = frame.with_row_index("row").filter(pl.col(column).fill_null("").str.strip_chars() == "")
        if empty.height:
            line = empty["row"][0] + 2  # header is line 1
            raise InputError(f"{path}:{line}: empty {column}")


def _with_fixed_parts(path: Path, frame: pl.DataFrame) -> pl.DataFrame:
    """A group gold whose ``part`` column fixes each row's part instead of the hash.

    For a gold whose dev part was written and tuned on before its test part was
    written (benchmarks/gold/README.md): every cell is ``test`` or ``dev``, and a
    family of groups (one split key) lies in one part, as the hash would keep it.
    """
    frame = frame.with_columns(pl.col("part").fill_null("").str.strip_chars().str.to_lowercase())
    bad = frame.with_row_index("row").filter(~pl.col("part").is_in(PARTS))
    if bad.height:
        raise InputError(f"{path}:{bad['row'][0] + 2}: part must be one of {', '.join(PARTS)}, not {bad['part'][0]!r}")
    family = pl.col("group_id").map_elements(lambda group: make_split_key(group_id=group), return_dtype=pl.String)
    families = frame.select(family, "part")
    split = families.unique().group_by("group_id").len().filter(pl.col("len") > 1)
    if split.height:
        raise InputError(f"{path}: groups of the family {split['group_id'][0]!r} lie in both parts")
    return frame


def read_gold(path: Path) -> GoldFile:
    """Read a gold file and mark each row's part (test or dev).

    Args:
        path: A group CSV (``group_id,name,kind``, other columns kept; an
            optional ``part`` column fixes each row's part, else the hash does), a
            labelled-pair CSV (``name1,name2,is_match,schema``) or a ``.txt``
            list of one entity's spellings.

    Returns:
        The :class:`GoldFile`.

    Raises:
        InputError: the file cannot be read, has neither layout, or a
            required cell is empty.
    """
    if path.suffix == ".txt":
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"{path}: cannot read: {exc}") from exc
        names = [line.strip() for line in lines if line.strip()]
        frame = pl.DataFrame(
            {"group_id": [path.stem] * len(names), "name": names, "kind": ["person"] * len(names)},
            schema={"group_id": pl.String, "name": pl.String, "kind": pl.String},
        )
        # One entity: the group rule would put every name in one part, so each spelling is a unit.
        parts = [assign_part(name) for name in names]
        return GoldFile(path.name, "groups", frame.with_columns(pl.Series("part", parts, dtype=pl.String)))
    frame = _read_csv(path)
    if set(_GROUP_COLUMNS) <= set(frame.columns):
        _check_filled(path, frame, ("group_id", "name"))
        frame = frame.with_columns(pl.col("kind").fill_null(""))
        if "part" in frame.columns:
            return GoldFile(path.name, "groups", _with_fixed_parts(path, frame))
        parts = [assign_part(make_split_key(group_id=g)) for g in frame["group_id"].to_list()]
        return GoldFile(path.name, "groups", frame.with_columns(pl.Series("part", parts, dtype=pl.String)))
    if set(_PAIR_COLUMNS) <= set(frame.columns):
        _check_filled(path, frame, ("name1", "name2"))
        parts = [assign_part(make_split_key(pair=p)) for p in frame.select("name1", "name2").iter_rows()]
        matches = [str(v).strip().casefold() == "true" for v in frame["is_match"].to_list()]
        frame = frame.with_columns(
            pl.Series("is_match", matches, dtype=pl.Boolean),
            pl.col("schema").fill_null(""),
            pl.Series("part", parts, dtype=pl.String),
        )
        return GoldFile(path.name, "pairs", frame)
    raise InputError(
        f"{path}: expected gold columns {','.join(_GROUP_COLUMNS)} or pair columns {','.join(_PAIR_COLUMNS)}"
    )


def _pairs(count: int) -> int:
    return count * (count - 1) // 2


def _count_group_pairs(groups: list[str], entities: list[str], n_names: int) -> PairScores:
    both = Counter(zip(groups, entities, strict=True))
    true_positives = sum(_pairs(n) for n in both.values())
    predicted = sum(_pairs(n) for n in Counter(entities).values())
    actual = sum(_pairs(n) for n in Counter(groups).values())
    return PairScores(true_positives, predicted - true_positives, actual - true_positives, n_names)


def _resolve_groups(gold: pl.DataFrame) -> pl.DataFrame:
    frame = gold.with_columns(pl.col("kind").map_elements(kind_to_type, return_dtype=pl.String).alias("type"))
    return reconcile_names(frame)


def evaluate_gold(gold: pl.DataFrame) -> PairScores:
    """Score a resolver run over gold variant groups.

    Args:
        gold: Columns group_id, name, kind (person, organisation, place, ...).

    Returns:
        Pairwise :class:`PairScores` over all names.
    """
    if gold.height == 0:
        return PairScores(0, 0, 0, 0)
    resolved = _resolve_groups(gold)
    groups = resolved["group_id"].cast(pl.String).to_list()
    return _count_group_pairs(groups, resolved["entity_id"].to_list(), resolved.height)


def _predict_pairs(cases: pl.DataFrame) -> list[bool]:
    predicted = []
    for name1, name2, schema in cases.select("name1", "name2", "schema").iter_rows():
        entity_type = kind_to_type(schema)
        pair = pl.DataFrame({"name": [name1, name2], "type": [entity_type, entity_type]})
        ids = reconcile_names(pair)["entity_id"].to_list()
        predicted.append(ids[0] == ids[1])
    return predicted


def _count_labelled(predicted: list[bool], actual: list[bool]) -> PairScores:
    tp = sum(p and a for p, a in zip(predicted, actual, strict=True))
    fp = sum(p and not a for p, a in zip(predicted, actual, strict=True))
    fn = sum(a and not p for p, a in zip(predicted, actual, strict=True))
    return PairScores(tp, fp, fn, len(actual))


def evaluate_pairs(cases: pl.DataFrame) -> PairScores:
    """Score labelled name pairs, each pair resolved on its own.

    Args:
        cases: Columns name1, name2, is_match (bool or "true"/"false") and
            schema (Person, Company, Organization, ...).

    Returns:
        :class:`PairScores` counting pairs.
    """
    actual = [v if isinstance(v, bool) else str(v).strip().lower() == "true" for v in cases["is_match"].to_list()]
    return _count_labelled(_predict_pairs(cases), actual)


@dataclass(frozen=True)
class ScoreRow:
    """One line of an evaluation report.

    Attributes:
        source: Gold file name.
        part: ``test``, ``dev`` or ``all``.
        subset: ``all``, a kind or schema, ``listed`` (pairs with at least
            one spelling that is a registry alias) or ``unlisted`` (pairs of
            which neither spelling is; ``listed`` + ``unlisted`` = ``all``).
        scores: The counts and scores.
    """

    source: str
    part: str
    subset: str
    scores: PairScores


def _score_groups_part(gold: GoldFile, part: str, frame: pl.DataFrame) -> list[ScoreRow]:
    if frame.height == 0:
        nothing = PairScores(0, 0, 0, 0)
        return [ScoreRow(gold.name, part, "all", nothing), *_listed_rows(gold.name, part, nothing, nothing, 0)]
    resolved = _resolve_groups(frame)
    groups = resolved["group_id"].cast(pl.String).to_list()
    entities = resolved["entity_id"].to_list()
    kinds = resolved["kind"].to_list()
    listed = [is_listed(name) for name in resolved["name"].to_list()]

    def subset(keep: list[bool]) -> PairScores:
        chosen = [i for i, k in enumerate(keep) if k]
        return _count_group_pairs([groups[i] for i in chosen], [entities[i] for i in chosen], len(chosen))

    rows = [ScoreRow(gold.name, part, "all", subset([True] * len(groups)))]
    for kind in sorted(set(kinds)) if len(set(kinds)) > 1 else ():
        rows.append(ScoreRow(gold.name, part, kind, subset([k == kind for k in kinds])))
    return rows + _listed_rows(gold.name, part, rows[0].scores, subset([not flag for flag in listed]), sum(listed))


def _listed_rows(source: str, part: str, whole: PairScores, unlisted: PairScores, n_listed: int) -> list[ScoreRow]:
    """The ``listed`` row (pairs with at least one registry alias: the rest) and the ``unlisted`` row."""
    listed = PairScores(
        whole.true_positives - unlisted.true_positives,
        whole.false_positives - unlisted.false_positives,
        whole.false_negatives - unlisted.false_negatives,
        n_listed,
    )
    return [ScoreRow(source, part, "listed", listed), ScoreRow(source, part, "unlisted", unlisted)]


def _score_pairs_part(gold: GoldFile, part: str, frame: pl.DataFrame, predicted: list[bool]) -> list[ScoreRow]:
    actual = frame["is_match"].to_list()
    schemas = frame["schema"].to_list()
    unlisted = [not is_listed(a) and not is_listed(b) for a, b in frame.select("name1", "name2").iter_rows()]

    def subset(keep: list[bool]) -> PairScores:
        return _count_labelled([p for p, k in zip(predicted, keep) if k], [a for a, k in zip(actual, keep) if k])

    rows = [ScoreRow(gold.name, part, "all", subset([True] * len(actual)))]
    for schema in sorted(set(schemas)) if len(set(schemas)) > 1 else ():
        rows.append(ScoreRow(gold.name, part, schema, subset([s == schema for s in schemas])))
    return rows + _listed_rows(gold.name, part, rows[0].scores, subset(unlisted), unlisted.count(False))


def score_gold_file(gold: GoldFile, parts: tuple[str, ...] = PARTS) -> list[ScoreRow]:
    """Score one gold file, part by part (in the order given).

    Each part of a group gold is resolved on its own, as if it were the
    whole gold; ``all`` resolves every name together. Each labelled pair is
    resolved alone, once.

    Args:
        gold: From :func:`read_gold`.
        parts: Any of ``test``, ``dev``, ``all``.

    Returns:
        For each part: the ``all`` row, one row per kind (or schema) when
        there are several, then the ``listed`` and ``unlisted`` rows. For
        groups, ``n`` of ``listed`` counts the names that are aliases.
    """
    rows: list[ScoreRow] = []
    predicted: list[bool] | None = None
    if gold.layout == "pairs":
        predicted = _predict_pairs(gold.frame)
    for part in parts:
        keep = [True] * gold.frame.height if part == "all" else [p == part for p in gold.frame["part"].to_list()]
        frame = gold.frame.filter(pl.Series(keep, dtype=pl.Boolean))
        if predicted is None:
            rows += _score_groups_part(gold, part, frame)
        else:
            rows += _score_pairs_part(gold, part, frame, [p for p, k in zip(predicted, keep) if k])
    return rows


#: The only part whose errors may be listed: the test part is measured, never read.
ERROR_PART = "dev"


@dataclass(frozen=True)
class ResolvedName:
    """One gold name as the resolver linked it.

    Attributes:
        name: The spelling in the gold.
        group: Its gold group id (for labelled pairs, the pair's case group).
        canonical_name: Canonical name of the entity it was linked to.
        method: The resolution rule that linked it.
    """

    name: str
    group: str
    canonical_name: str | None
    method: str | None


@dataclass(frozen=True)
class PairError:
    """A dev pair the resolver got wrong: a missed variant or a false merge.

    Attributes:
        source: Gold file name.
        error: ``missed`` (same entity in the gold, two ids) or ``false merge``
            (different entities in the gold, one id).
        kind: The gold kind (groups) or schema (labelled pairs).
        first: The first name of the pair, as resolved.
        second: The second name of the pair, as resolved.
    """

    source: str
    error: str
    kind: str
    first: ResolvedName
    second: ResolvedName


def _resolved(row: dict, group: str) -> ResolvedName:
    return ResolvedName(row["name"], group, row["canonical_name"], row["method"])


def _group_errors(gold: GoldFile, frame: pl.DataFrame) -> tuple[list[PairError], list[PairError]]:
    resolved = _resolve_groups(frame).with_columns(pl.col("group_id").cast(pl.String)).to_dicts()
    merges, misses = [], []
    for i, one in enumerate(resolved):
        for other in resolved[i + 1 :]:
            same_group, same_entity = one["group_id"] == other["group_id"], one["entity_id"] == other["entity_id"]
            if same_group == same_entity:
                continue
            error = PairError(
                gold.name,
                "missed" if same_group else "false merge",
                one["kind"] or "",
                _resolved(one, one["group_id"]),
                _resolved(other, other["group_id"]),
            )
            (misses if same_group else merges).append(error)
    return merges, misses


def _labelled_errors(gold: GoldFile, frame: pl.DataFrame) -> tuple[list[PairError], list[PairError]]:
    merges, misses = [], []
    group_column = "case_group" if "case_group" in frame.columns else None
    for row in frame.to_dicts():
        entity_type = kind_to_type(row["schema"])
        pair = pl.DataFrame({"name": [row["name1"], row["name2"]], "type": [entity_type] * 2})
        first, second = reconcile_names(pair).to_dicts()
        if (first["entity_id"] == second["entity_id"]) == row["is_match"]:
            continue
        group = (row[group_column] or "") if group_column else ""
        error = PairError(
            gold.name,
            "missed" if row["is_match"] else "false merge",
            row["schema"],
            _resolved(first, group),
            _resolved(second, group),
        )
        (misses if row["is_match"] else merges).append(error)
    return merges, misses


def _spread_over_groups(misses: list[PairError]) -> list[PairError]:
    """Misses ordered so that every group shows its first miss before any group shows a second."""
    rank: Counter[str] = Counter()
    ranked = []
    for miss in misses:
        ranked.append((rank[miss.first.group], miss.first.group, miss.first.name, miss.second.name, miss))
        rank[miss.first.group] += 1
    return [item[-1] for item in sorted(ranked, key=lambda item: item[:4])]


def list_dev_errors(gold: GoldFile, max_misses: int) -> tuple[list[PairError], int]:
    """The dev part's false merges (all) and up to ``max_misses`` missed pairs.

    Only the dev part can be listed; there is deliberately no way to ask for
    the test part, whose errors nobody may read while tuning. Group golds are
    resolved as :func:`score_gold_file` resolves their dev part (all its names
    together); labelled pairs one pair at a time.

    Args:
        gold: From :func:`read_gold`.
        max_misses: How many missed pairs to list at most (0 lists none).
            Misses are spread over groups: every group's first miss comes
            before any group's second, so one long spelling list cannot fill
            the listing.

    Returns:
        The errors (false merges first, then misses) and the total number of
        missed pairs in the dev part.

    Raises:
        ValueError: ``max_misses`` is negative.

    Example:
        >>> gold = GoldFile("g.csv", "groups", pl.DataFrame({"group_id": ["x", "x"], "part": ["dev", "dev"],
        ...     "name": ["Zorblat Quenmoor", "Harriet Vantwee"], "kind": ["person", "person"]}))
        >>> errors, n_missed = list_dev_errors(gold, 5)
        >>> [(e.error, e.first.name, e.second.name) for e in errors], n_missed
        ([('missed', 'Zorblat Quenmoor', 'Harriet Vantwee')], 1)
    """
    if max_misses < 0:
        raise ValueError(f"max_misses must be 0 or more, not {max_misses}")
    frame = gold.frame.filter(pl.col("part") == ERROR_PART)
    if frame.height == 0:
        return [], 0
    merges, misses = (_group_errors if gold.layout == "groups" else _labelled_errors)(gold, frame)
    return merges + _spread_over_groups(misses)[:max_misses], len(misses)
