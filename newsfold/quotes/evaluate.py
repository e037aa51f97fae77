"""Score extracted quotations against gold ones: span F1 and speaker accuracy.

Matching is one-to-one. A predicted quotation *matches* a gold one when
their character overlap covers at least :data:`MIN_OVERLAP` of the longer of
the two (mode "overlap"), or when both spans are equal once surrounding
whitespace and punctuation are trimmed (mode "exact").

A matched quotation's speaker is *correct* when the predicted speaker mention,
or the named mention it resolves to, overlaps the gold Source span, or when
the resolved name ends in the same word as the gold Source ("Donald Trump" for
"Trump"). Speaker accuracy is over matched quotations whose gold has a Source.

Example:
    >>> from newsfold.quotes.polnear import GoldQuote
    >>> match_spans([(0, 10)], [(1, 10)], "overlap")
    [(0, 0)]
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

from newsfold.quotes.polnear import GoldDocument, GoldQuote
from newsfold.quotes.quote import Quote

__all__ = ["QuoteScores", "match_spans", "is_speaker_correct", "score_documents", "evaluate_corpus", "MIN_OVERLAP"]

#: Share of the longer span two spans must share to match in "overlap" mode.
MIN_OVERLAP = 0.5
_TRIM = " \t\n.,;:!?\"“”«»'’"


@dataclass(frozen=True)
class QuoteScores:
    """Counts and rates of one evaluation run.

    Attributes:
        documents: Texts scored.
        gold: Gold quotations.
        predicted: Predicted quotations.
        matched: One-to-one matches.
        precision: matched / predicted.
        recall: matched / gold.
        f1: Harmonic mean of precision and recall.
        speaker_total: Matched quotations whose gold has a Source.
        speaker_correct: Of those, how many got the right speaker.
        speaker_accuracy: speaker_correct / speaker_total.
    """

    documents: int
    gold: int
    predicted: int
    matched: int
    precision: float
    recall: float
    f1: float
    speaker_total: int
    speaker_correct: int
    speaker_accuracy: float


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def _agree(a: tuple[int, int], b: tuple[int, int], mode: str, text: str | None) -> float:
    overlap = min(a[1], b[1]) - max(a[0], b[0])
    if overlap <= 0:
        return 0.0
    if mode == "exact":
        if text is not None:
            a, b = _trim(text, *a), _trim(text, *b)
        return 1.0 if a == b else 0.0
    share = overlap / max(a[1] - a[0], b[1] - b[0])
    return share if share >= MIN_OVERLAP else 0.0


def match_spans(
    gold: Sequence[tuple[int, int]], predicted: Sequence[tuple[int, int]], mode: str = "overlap", text: str | None = None
) -> list[tuple[int, int]]:
    """Pair gold and predicted spans one-to-one, best agreement first.

    Args:
        gold: Gold ``(start, end)`` spans.
        predicted: Predicted ``(start, end)`` spans.
        mode: "overlap" or "exact".
        text: The document text ("exact" trims punctuation with it).

    Returns:
        ``(gold_index, predicted_index)`` pairs.
    """
    if mode not in ("overlap", "exact"):
        raise ValueError(f"unknown match mode {mode!r}")
    candidates = [
        (score, g, p)
        for g, gs in enumerate(gold)
        for p, ps in enumerate(predicted)
        if (score := _agree(gs, ps, mode, text)) > 0
    ]
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, g, p in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if g not in used_g and p not in used_p:
            used_g.add(g)
            used_p.add(p)
            pairs.append((g, p))
    return sorted(pairs)


def _last_word(name: str) -> str:
    words = [w.strip(".,’'") for w in name.lower().replace("’s", "").replace("'s", "").split()]
    words = [w for w in words if w]
    return words[-1] if words else ""


def is_speaker_correct(gold: GoldQuote, quote: Quote) -> bool:
    """Whether a predicted quotation names the gold speaker.

    Args:
        gold: The gold quotation (with a Source).
        quote: The matched prediction.

    Returns:
        ``True`` when the speaker mention or its resolution agrees with the gold Source.
    """
    if gold.source_start is None or quote.speaker_text is None:
        return False
    source = (gold.source_start, gold.source_end)
    for start, end in ((quote.speaker_start, quote.speaker_end), (quote.speaker_name_start, quote.speaker_name_end)):
        if start is not None and end is not None and min(end, source[1]) > max(start, source[0]):
            return True
    if quote.speaker_name and gold.source_text:
        return _last_word(quote.speaker_name) == _last_word(gold.source_text)
    return False


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def score_documents(
    documents: Iterable[GoldDocument], predictions: Iterable[Sequence[Quote]], mode: str = "overlap"
) -> QuoteScores:
    """Score predicted quotations against the gold of each document.

    Args:
        documents: Gold documents.
        predictions: Predicted quotations of each document, same order.
        mode: Span matching mode, "overlap" or "exact".

    Returns:
        The :class:`QuoteScores`.
    """
    n_docs = n_gold = n_pred = n_match = sp_total = sp_correct = 0
    for document, quotes in zip(documents, predictions, strict=True):
        n_docs += 1
        n_gold += len(document.quotes)
        n_pred += len(quotes)
        pairs = match_spans(
            [(g.start, g.end) for g in document.quotes], [(q.start, q.end) for q in quotes], mode, document.text
        )
        n_match += len(pairs)
        for g, p in pairs:
            if document.quotes[g].source_start is not None:
                sp_total += 1
                sp_correct += is_speaker_correct(document.quotes[g], quotes[p])
    precision, recall = _ratio(n_match, n_pred), _ratio(n_match, n_gold)
    f1 = _ratio(2 * n_match, n_pred + n_gold)
    return QuoteScores(
        n_docs, n_gold, n_pred, n_match, precision, recall, f1, sp_total, sp_correct, _ratio(sp_correct, sp_total)
    )


def load_default_model():  # -> spacy.Language
    """The pipeline's own English model (imported late: it is slow to load)."""
    from newsfold.analyse.model import load_model

    return load_model()


def evaluate_corpus(corpus_dir, split: str = "dev", limit: int | None = None, nlp=None) -> dict[str, QuoteScores]:
    """Parse a PolNeAR split, extract its quotations and score them both ways.

    Args:
        corpus_dir: The PolNeAR folder (or its ``data`` folder).
        split: "train", "dev" or "annotator-training".
        limit: Score only the first ``limit`` texts.
        nlp: A spaCy pipeline; the installed English model by default.

    Returns:
        Scores by matching mode: ``{"overlap": ..., "exact": ...}``.
    """
    from newsfold.quotes.extract import extract_quotes
    from newsfold.quotes.polnear import load_polnear

    documents = load_polnear(corpus_dir, split, limit=limit)
    nlp = nlp or load_default_model()
    predictions = [extract_quotes(doc) for doc in nlp.pipe((d.text for d in documents), batch_size=32)]
    return {mode: score_documents(documents, predictions, mode) for mode in ("overlap", "exact")}
