"""Read the PolNeAR attribution corpus into gold direct quotations.

PolNeAR marks every attribution (direct and indirect) as brat standoff
Source / Cue / Content spans. A *gold direct quotation* here is a quoted
segment (text between an opening and the next closing quote mark, paired by a
plain regular expression independent of :mod:`newsfold.quotes.marks`) of at least
:data:`newsfold.quotes.extract.MIN_QUOTE_WORDS` words that lies in a gold
Content span; its gold speaker is that relation's Source span (the innermost
relation when Contents nest). Quoted segments outside every Content (scare
quotes, titles nobody is credited with) are not gold quotations.

PolNeAR does not tell direct from indirect attribution, so a gold quotation's
*kind* is derived: ``direct`` when its relation's Content holds nothing but
quoted text (every letter or digit of the Content, leaving out the relation's
own Source and Cue and the words between its first and last quoted segments,
lies inside quote marks: “We will win,” Smith said);
``partial`` when the Content also holds reported words outside the marks
(Smith said the race was “rigged from the start”).

Each text is scored against one annotation file: the alphabetically first
annotator's.

Example:
    >>> parse_brat("T1\\tSource 0 3\\tBob\\nT2\\tContent 9 12\\thi!\\nE1\\tAttribution:T3 Source:T1 Content:T2")[1]
    [{'Attribution': 'T3', 'Source': 'T1', 'Content': 'T2'}]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from newsfold.errors import InputError
from newsfold.quotes.extract import MIN_QUOTE_WORDS

__all__ = ["GoldQuote", "GoldDocument", "parse_brat", "find_gold_quotes", "load_polnear"]

_T_LINE = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")
# deliberately simpler than newsfold.quotes.marks, so the gold does not share its pairing rules
_QUOTED = re.compile(r"(?:“|«|``|''|\"(?=\S))(.+?)(?:”|»|''|(?<=\S)\")", re.DOTALL)


@dataclass(frozen=True)
class GoldQuote:
    """A gold direct quotation and its gold speaker span.

    Attributes:
        start: Offset of the quoted content.
        end: Offset just past it.
        source_start: Offset of the gold Source span, or ``None``.
        source_end: Offset just past it, or ``None``.
        source_text: The Source span's text, or ``None``.
        kind: "direct" (the Content is all quoted) or "partial" (quoted words
            inside reported speech).
    """

    start: int
    end: int
    source_start: int | None
    source_end: int | None
    source_text: str | None
    kind: str = "direct"


@dataclass(frozen=True)
class GoldDocument:
    """One corpus text with its gold quotations.

    Attributes:
        name: File stem.
        text: Article text.
        quotes: Gold quotations, in text order.
    """

    name: str
    text: str
    quotes: tuple[GoldQuote, ...]


def parse_brat(ann: str) -> tuple[dict[str, tuple[str, list[tuple[int, int]]]], list[dict[str, str]]]:
    """Parse brat standoff into text-bound spans and relations.

    Lines that are not T, E or # records (runaway surface text) are ignored:
    offsets, not surfaces, are used.

    Args:
        ann: Contents of a ``.ann`` file.

    Returns:
        ``(spans, relations)``: spans maps ``T`` ids to ``(type, [(start, end), ...])``;
        each relation maps role names to ``T`` ids.
    """
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    relations: list[dict[str, str]] = []
    for line in ann.splitlines():
        t_match = _T_LINE.match(line)
        if t_match:
            pieces = [tuple(int(x) for x in piece.split()) for piece in t_match.group(3).split(";")]
            spans[t_match.group(1)] = (t_match.group(2), [(p[0], p[1]) for p in pieces if len(p) == 2])
            continue
        e_match = _E_LINE.match(line)
        if e_match:
            roles = dict(arg.split(":", 1) for arg in e_match.group(2).split() if ":" in arg)
            relations.append(roles)
    return spans, relations


def _word_count(text: str) -> int:
    return sum(1 for w in text.split() if any(c.isalnum() for c in w))


def _content_kind(text: str, pieces, quoted: list[tuple[int, int]], others) -> str:
    """ "direct" when every letter or digit of the Content is quoted, or is its own Source or Cue.

    The words between the first and the last quoted segment count as covered:
    they are the attribution interrupting a quotation (“A,” Welch said,
    according to Vermont Edition. “B.”), not reported speech.
    """
    covered = set()
    if quoted:
        covered.update(range(min(lo for lo, _ in quoted), max(hi for _, hi in quoted)))
    for other in others:
        for lo, hi in (other[1] if other else []):
            covered.update(range(lo, hi))
    for lo, hi in pieces:
        if any(text[i].isalnum() and i not in covered for i in range(lo, min(hi, len(text)))):
            return "partial"
    return "direct"


def find_gold_quotes(text: str, ann: str) -> list[GoldQuote]:
    """Gold direct quotations of one text from its brat annotation.

    Args:
        text: Article text.
        ann: Its ``.ann`` contents.

    Returns:
        Gold quotations in text order, one per quoted segment.
    """
    spans, relations = parse_brat(ann)
    best: dict[tuple[int, int], tuple[int, GoldQuote]] = {}
    for relation in relations:
        content = spans.get(relation.get("Content", ""))
        if content is None or not content[1]:
            continue
        lo = min(s for s, _ in content[1])
        hi = max(e for _, e in content[1])
        size = hi - lo
        source = spans.get(relation.get("Source", ""))
        s_start = s_end = s_text = None
        if source and source[1]:
            s_start, s_end = source[1][0]
            s_text = text[s_start:s_end]
        # marks may sit just outside the Content span
        window_lo, window_hi = max(lo - 1, 0), min(hi + 1, len(text))
        matches = list(_QUOTED.finditer(text, window_lo, window_hi))
        kind = _content_kind(text, content[1], [m.span(0) for m in matches], [source, spans.get(relation.get("Cue", ""))])
        for match in matches:
            start, end = match.span(1)
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if _word_count(text[start:end]) < MIN_QUOTE_WORDS:
                continue
            key = (start, end)
            if key not in best or size < best[key][0]:
                best[key] = (size, GoldQuote(start, end, s_start, s_end, s_text, kind))
    return [quote for _, (_, quote) in sorted(best.items())]


def _data_dir(corpus_dir: Path) -> Path:
    for candidate in (corpus_dir / "data", corpus_dir):
        if (candidate / "dev").is_dir() or (candidate / "train").is_dir():
            return candidate
    raise InputError(f"{corpus_dir}: not a PolNeAR corpus (no data/train or data/dev folder)")


def load_polnear(corpus_dir: Path, split: str = "dev", limit: int | None = None) -> list[GoldDocument]:
    """Load one split of PolNeAR as gold documents.

    Args:
        corpus_dir: The corpus folder (holding ``data/``) or its ``data`` folder.
        split: "train", "dev" or "annotator-training".
        limit: Read at most this many texts (sorted by name).

    Returns:
        The gold documents, sorted by name; texts without annotation are skipped.

    Raises:
        InputError: The folder is not a PolNeAR corpus or has no such split.
    """
    root = _data_dir(Path(corpus_dir)) / split
    if not (root / "text").is_dir():
        raise InputError(f"{root}: no such PolNeAR split")
    documents = []
    for text_path in sorted((root / "text").glob("*.txt"))[:limit]:
        anns = sorted((root / "attributions").glob(f"{text_path.stem}_*.ann"))
        anns = [a for a in anns if a.stem.rsplit("_", 1)[0] == text_path.stem]
        if not anns:
            continue
        text = text_path.read_text(encoding="utf-8")
        quotes = find_gold_quotes(text, anns[0].read_text(encoding="utf-8"))
        documents.append(GoldDocument(text_path.stem, text, tuple(quotes)))
    return documents
