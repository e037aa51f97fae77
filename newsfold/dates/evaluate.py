"""Score the temporal tagger against TimeML gold (TempEval-3).

Pure functions: :func:`read_timeml` turns one ``.tml`` file into text, DCT
and gold timexes with character offsets; :func:`score_timexes` compares
predicted spans and values with gold ones the way TempEval-3 does (strict
and relaxed extent F1, value accuracy over relaxed matches, value F1).

Example:
    >>> gold = [Timex3Span(0, 6, "Sunday", "2020-12-20")]
    >>> score_timexes(gold, gold).value_accuracy
    1.0
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

__all__ = [
    "Timex3Span",
    "TimemlDocument",
    "TimexScores",
    "read_timeml",
    "find_timeml_files",
    "score_timexes",
    "canonical_value",
    "sum_scores",
    "timeml_part",
    "value_accuracy_by_type",
    "PARTS",
]

#: The two parts of the evaluation: rules are tuned on "dev" and only measured on "test".
PARTS = ("test", "dev")


@dataclass(frozen=True)
class Timex3Span:
    """A timex with offsets into the document text and its TIMEX3 value."""

    start: int
    end: int
    text: str
    value: str | None
    type: str | None = None


@dataclass(frozen=True)
class TimemlDocument:
    """One TimeML file: plain text of ``<TEXT>``, creation date, gold timexes."""

    name: str
    text: str
    creation_date: dt.date
    timexes: tuple[Timex3Span, ...]


@dataclass(frozen=True)
class TimexScores:
    """Counts behind the TempEval-3 timex measures; add them across documents."""

    n_gold: int = 0
    n_predicted: int = 0
    strict_matches: int = 0
    relaxed_matches: int = 0
    value_matches: int = 0

    @property
    def strict_f1(self) -> float:
        """F1 of exact extent matches."""
        return _f1(self.strict_matches, self.n_predicted, self.n_gold)

    @property
    def relaxed_f1(self) -> float:
        """F1 of overlapping extent matches."""
        return _f1(self.relaxed_matches, self.n_predicted, self.n_gold)

    @property
    def value_accuracy(self) -> float:
        """Share of relaxed matches whose value equals the gold value."""
        return self.value_matches / self.relaxed_matches if self.relaxed_matches else 0.0

    @property
    def value_f1(self) -> float:
        """F1 counting a prediction right only if it overlaps gold and has its value."""
        return _f1(self.value_matches, self.n_predicted, self.n_gold)


def _f1(hits: int, n_predicted: int, n_gold: int) -> float:
    if not hits:
        return 0.0
    precision, recall = hits / n_predicted, hits / n_gold
    return 2 * precision * recall / (precision + recall)


def read_timeml(path: Path) -> TimemlDocument:
    """Parse one TimeML file.

    Args:
        path: A ``.tml`` file with ``<DCT><TIMEX3 value=...>`` and ``<TEXT>``.

    Returns:
        The document; timex offsets index ``text`` (the concatenated text of
        ``<TEXT>`` with all inner markup removed).

    Raises:
        ValueError: The file has no DCT or no TEXT (names the file).
    """
    root = ET.parse(path).getroot()
    dct = root.find("DCT/TIMEX3")
    body = root.find("TEXT")
    if dct is None or body is None or not dct.get("value"):
        raise ValueError(f"{path}: no DCT or no TEXT element")
    pieces: list[str] = []
    timexes: list[Timex3Span] = []

    def walk(element: ET.Element) -> None:
        start = sum(len(p) for p in pieces)
        pieces.append(element.text or "")
        for child in element:
            walk(child)
            pieces.append(child.tail or "")
        if element.tag == "TIMEX3":
            end = sum(len(p) for p in pieces)
            surface = "".join(pieces)[start:end]
            timexes.append(Timex3Span(start, end, surface, element.get("value"), element.get("type")))

    walk(body)
    creation = dt.date.fromisoformat(dct.get("value")[:10])
    return TimemlDocument(path.stem, "".join(pieces), creation, tuple(sorted(timexes, key=lambda t: t.start)))


def find_timeml_files(corpus_dir: Path) -> list[Path]:
    """Every ``.tml`` file under ``corpus_dir``, sorted."""
    return sorted(corpus_dir.rglob("*.tml"))


def timeml_part(path: Path) -> str:
    """The evaluation part of a TimeML file: "dev" (tune on it) or "test" (only measure).

    TBAQ-cleaned has two sources: AQUAINT files are the dev part, TimeBank
    files the test part (TimeBank is the larger, 183 of 256 documents, so the
    untouched figure rests on most of the gold). A file under neither folder
    goes by a fixed hash of its name, so the split never depends on which
    files are present.

    Example:
        >>> timeml_part(Path("TBAQ-cleaned/AQUAINT/APW19980807.0261.tml"))
        'dev'
        >>> timeml_part(Path("TBAQ-cleaned/TimeBank/wsj_0006.tml"))
        'test'
    """
    if "AQUAINT" in path.parts:
        return "dev"
    if "TimeBank" in path.parts:
        return "test"
    return "dev" if hashlib.sha1(path.stem.encode("utf-8")).digest()[0] % 2 == 0 else "test"


def canonical_value(value: str | None) -> str | None:
    """One spelling per TIMEX3 value: ISO week numbers zero-padded.

    Part of the gold data writes weeks unpadded ("2000-W7") where TIMEX3 and the
    rest of the corpus write "2000-W07"; both name the same week, so the
    scorer compares them as equal. Nothing else is relaxed.

    Example:
        >>> canonical_value("2000-W7-WE")
        '2000-W07-WE'
    """
    if value is None:
        return None
    return re.sub(r"-W(\d)(?!\d)", r"-W0\1", value)


def score_timexes(gold: Iterable[Timex3Span], predicted: Iterable[Timex3Span]) -> TimexScores:
    """Compare one document's predicted timexes with its gold ones.

    Each gold timex matches at most one prediction: the first overlapping one
    not yet used (spans within a document are non-overlapping on both sides).

    Args:
        gold: Gold timexes.
        predicted: System timexes (value may be None).

    Returns:
        The counts; combine documents with :func:`sum_scores`.
    """
    gold, predicted = list(gold), list(predicted)
    strict = relaxed = values = 0
    for g, p in _pair(gold, predicted):
        relaxed += 1
        strict += (p.start, p.end) == (g.start, g.end)
        values += _same_value(g, p)
    return TimexScores(len(gold), len(predicted), strict, relaxed, values)


def _pair(gold: list[Timex3Span], predicted: list[Timex3Span]) -> list[tuple[Timex3Span, Timex3Span]]:
    """Each gold timex with the first unused prediction overlapping it."""
    used: set[int] = set()
    pairs = []
    for g in gold:
        for index, p in enumerate(predicted):
            if index in used or p.end <= g.start or p.start >= g.end:
                continue
            used.add(index)
            pairs.append((g, p))
            break
    return pairs


def _same_value(g: Timex3Span, p: Timex3Span) -> bool:
    return p.value is not None and canonical_value(p.value) == canonical_value(g.value)


def value_accuracy_by_type(gold: Iterable[Timex3Span], predicted: Iterable[Timex3Span]) -> dict[str, tuple[int, int]]:
    """Relaxed matches and right values by gold TIMEX3 type, for one document.

    Args:
        gold: Gold timexes (with ``type``: DATE, TIME, DURATION, SET).
        predicted: System timexes.

    Returns:
        ``{type: (relaxed matches, of which right value)}``; add across documents.

    Example:
        >>> g = [Timex3Span(0, 6, "Sunday", "2020-12-20", "DATE")]
        >>> value_accuracy_by_type(g, [Timex3Span(0, 6, "Sunday", "2020-12-27")])
        {'DATE': (1, 0)}
    """
    counts: dict[str, tuple[int, int]] = {}
    for g, p in _pair(list(gold), list(predicted)):
        matched, right = counts.get(g.type or "?", (0, 0))
        counts[g.type or "?"] = (matched + 1, right + _same_value(g, p))
    return counts


def sum_scores(scores: Iterable[TimexScores]) -> TimexScores:
    """Add per-document counts into corpus totals."""
    total = TimexScores()
    for s in scores:
        total = TimexScores(
            total.n_gold + s.n_gold,
            total.n_predicted + s.n_predicted,
            total.strict_matches + s.strict_matches,
            total.relaxed_matches + s.relaxed_matches,
            total.value_matches + s.value_matches,
        )
    return total
