"""Score extracted quotations against gold ones: span F1 and speaker accuracy.

Matching is one-to-one. A predicted quotation *matches* a gold one when
their character overlap covers at least :data:`MIN_OVERLAP` of the longer of
the two (mode "overlap"), or when both spans are equal once surrounding
whitespace and punctuation are trimmed (mode "exact").

A matched quotation's speaker is *correct* when the predicted speaker mention,
or the named mention it resolves to, overlaps the gold Source span, or when
the resolved name ends in the same word as the gold Source ("Donald Trump" for
"Trump"). Speaker accuracy is over matched quotations whose gold has a Source,
and is also given apart for gold Sources that are pronouns (he, they, who...)
and for the others (names, titles, descriptions).

Scores come by *scope*: ``direct`` scores the predicted direct quotations
against the gold direct ones, ``partial`` the predicted partial ones against
the gold partial ones (gold kinds: :mod:`newsfold.quotes.polnear`), and
``all`` every prediction against every gold quotation, whatever the kinds.

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

__all__ = [
    "QuoteScores",
    "QuoteEvaluation",
    "match_spans",
    "is_speaker_correct",
    "is_pronoun_source",
    "score_documents",
    "kind_confusion",
    "SpeakerMiss",
    "speaker_misses",
    "format_miss",
    "evaluate_corpus",
    "MIN_OVERLAP",
    "SCOPES",
]

#: Share of the longer span two spans must share to match in "overlap" mode.
MIN_OVERLAP = 0.5
_TRIM = " \t\n.,;:!?\"“”«»'’"
#: Which quotations a score is about: gold and predicted kinds compared.
SCOPES = ("direct", "partial", "all")
_PRONOUNS = frozenset(
    "i me we us you he him she her it they them who whom which that this these those".split()
)


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
        pronoun_total: Of ``speaker_total``, gold Sources that are pronouns.
        pronoun_correct: Of those, how many got the right speaker.
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
    pronoun_total: int = 0
    pronoun_correct: int = 0

    @property
    def pronoun_accuracy(self) -> float:
        """Speaker accuracy where the gold Source is a pronoun."""
        return _ratio(self.pronoun_correct, self.pronoun_total)

    @property
    def named_total(self) -> int:
        """Matched quotations whose gold Source is not a pronoun (a name, title or description)."""
        return self.speaker_total - self.pronoun_total

    @property
    def named_accuracy(self) -> float:
        """Speaker accuracy where the gold Source is not a pronoun."""
        return _ratio(self.speaker_correct - self.pronoun_correct, self.named_total)


@dataclass(frozen=True)
class QuoteEvaluation:
    """Everything one evaluation run measured.

    Attributes:
        scores: By ``(scope, mode)``: scope in :data:`SCOPES`, mode "overlap" or "exact".
        confusion: ``(gold kind, predicted kind)`` to count, over overlap
            matches of all quotations; a gold kind of ``None`` counts
            predictions matching no gold quotation, a predicted kind of
            ``None`` gold quotations nothing matched.
        misses: The direct quotations (overlap match) whose speaker is wrong,
            when asked for (:func:`speaker_misses`); empty otherwise.
    """

    scores: dict[tuple[str, str], QuoteScores]
    confusion: dict[tuple[str | None, str | None], int]
    misses: tuple["SpeakerMiss", ...] = ()


def is_pronoun_source(source_text: str | None) -> bool:
    """Whether a gold Source is a pronoun ("he", "They", "who").

    Example:
        >>> is_pronoun_source("He"), is_pronoun_source("Donald Trump")
        (True, False)
    """
    return bool(source_text) and source_text.strip().lower() in _PRONOUNS


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
    documents: Iterable[GoldDocument],
    predictions: Iterable[Sequence[Quote]],
    mode: str = "overlap",
    scope: str = "all",
) -> QuoteScores:
    """Score predicted quotations against the gold of each document.

    Args:
        documents: Gold documents.
        predictions: Predicted quotations of each document, same order.
        mode: Span matching mode, "overlap" or "exact".
        scope: "all", or a kind ("direct", "partial") to score only the gold
            and predicted quotations of that kind.

    Returns:
        The :class:`QuoteScores`.
    """
    if scope not in SCOPES:
        raise ValueError(f"unknown scope {scope!r}")
    n_docs = n_gold = n_pred = n_match = sp_total = sp_correct = pr_total = pr_correct = 0
    for document, quotes in zip(documents, predictions, strict=True):
        gold = [g for g in document.quotes if scope in ("all", g.kind)]
        quotes = [q for q in quotes if scope in ("all", q.kind)]
        n_docs += 1
        n_gold += len(gold)
        n_pred += len(quotes)
        pairs = match_spans([(g.start, g.end) for g in gold], [(q.start, q.end) for q in quotes], mode, document.text)
        n_match += len(pairs)
        for g, p in pairs:
            if gold[g].source_start is not None:
                correct = is_speaker_correct(gold[g], quotes[p])
                sp_total += 1
                sp_correct += correct
                if is_pronoun_source(gold[g].source_text):
                    pr_total += 1
                    pr_correct += correct
    precision, recall = _ratio(n_match, n_pred), _ratio(n_match, n_gold)
    f1 = _ratio(2 * n_match, n_pred + n_gold)
    return QuoteScores(
        n_docs, n_gold, n_pred, n_match, precision, recall, f1, sp_total, sp_correct, _ratio(sp_correct, sp_total),
        pr_total, pr_correct,
    )


def kind_confusion(
    documents: Iterable[GoldDocument], predictions: Iterable[Sequence[Quote]]
) -> dict[tuple[str | None, str | None], int]:
    """Count gold kind against predicted kind over overlap matches of all quotations.

    Args:
        documents: Gold documents.
        predictions: Predicted quotations of each document, same order.

    Returns:
        ``{(gold kind or None, predicted kind or None): count}``; ``None`` on
        one side means the other side had no match.
    """
    counts: dict[tuple[str | None, str | None], int] = {}
    for document, quotes in zip(documents, predictions, strict=True):
        pairs = match_spans([(g.start, g.end) for g in document.quotes], [(q.start, q.end) for q in quotes], "overlap")
        keys = [(document.quotes[g].kind, quotes[p].kind) for g, p in pairs]
        matched_g, matched_p = {g for g, _ in pairs}, {p for _, p in pairs}
        keys += [(g.kind, None) for i, g in enumerate(document.quotes) if i not in matched_g]
        keys += [(None, q.kind) for i, q in enumerate(quotes) if i not in matched_p]
        for key in keys:
            counts[key] = counts.get(key, 0) + 1
    return counts


@dataclass(frozen=True)
class SpeakerMiss:
    """A matched quotation whose predicted speaker is not the gold Source.

    Attributes:
        document: The text's name.
        text: The text (to show the context).
        gold: The gold quotation.
        quote: The prediction matched to it.
    """

    document: str
    text: str
    gold: GoldQuote
    quote: Quote


def speaker_misses(
    documents: Iterable[GoldDocument], predictions: Iterable[Sequence[Quote]], scope: str = "direct"
) -> list[SpeakerMiss]:
    """The matched quotations of a scope (overlap match) whose gold has a Source the prediction misses.

    Only the tuning part's misses may be read (see the CLI's ``--misses``).

    Example:
        >>> gold = GoldDocument("a", "t" * 30, (GoldQuote(0, 10, 20, 25, "Trump"),))
        >>> [m.document for m in speaker_misses([gold], [[]])]
        []
    """
    misses = []
    for document, quotes in zip(documents, predictions, strict=True):
        gold = [g for g in document.quotes if scope in ("all", g.kind)]
        quotes = [q for q in quotes if scope in ("all", q.kind)]
        for g, p in match_spans([(q.start, q.end) for q in gold], [(q.start, q.end) for q in quotes], "overlap"):
            if gold[g].source_start is not None and not is_speaker_correct(gold[g], quotes[p]):
                misses.append(SpeakerMiss(document.name, document.text, gold[g], quotes[p]))
    return misses


def _one_line(text: str) -> str:
    """Whitespace folded to single spaces, paragraph breaks shown as ¶."""
    return " ¶ ".join(" ".join(part.split()) for part in text.split("\n") if part.strip())


def format_miss(miss: SpeakerMiss, context: int = 160, inside: int = 60) -> str:
    """Two lines for a speaker miss: what gold and prediction say, and the text around the quotation.

    The quotation shows its first and last ``inside`` characters; paragraph breaks show as ¶.

    Example:
        >>> text = "“We will win the race,” Smith said of Jones."
        >>> gold = GoldQuote(1, 21, 24, 29, "Smith")
        >>> quote = Quote(1, 21, text[1:21], "Jones", 38, 43, "Jones", "PERSON", 38, 43, "name", "said", "unknown", None)
        >>> print(format_miss(SpeakerMiss("doc", text, gold, quote)))
        doc@1 [named] gold 'Smith' | predicted 'Jones' -> Jones (name, cue said)
            “We will win the race,” Smith said of Jones.
    """
    gold, quote, text = miss.gold, miss.quote, miss.text
    part = "pronoun" if is_pronoun_source(gold.source_text) else "named"
    predicted = "none" if quote.speaker_text is None else (
        f"{quote.speaker_text!r} -> {quote.speaker_name} ({quote.speaker_method}, cue {quote.cue})"
    )
    lo = max(min(gold.start, gold.source_start or gold.start) - context, 0)
    hi = max(gold.end, gold.source_end or gold.end) + context
    if gold.end - gold.start > 2 * inside + 5:
        shown = _one_line(text[lo : gold.start + inside]) + " … " + _one_line(text[gold.end - inside : hi])
    else:
        shown = _one_line(text[lo:hi])
    return f"{miss.document}@{gold.start} [{part}] gold {gold.source_text!r} | predicted {predicted}\n    {shown}"


def load_default_model():  # -> spacy.Language
    """The pipeline's own English model (imported late: it is slow to load)."""
    from newsfold.analyse.model import load_model

    return load_model()


def evaluate_corpus(
    corpus_dir, split: str = "dev", limit: int | None = None, nlp=None, with_misses: bool = False
) -> QuoteEvaluation:
    """Parse a PolNeAR split, extract its quotations and score them by scope and mode.

    Args:
        corpus_dir: The PolNeAR folder (or its ``data`` folder).
        split: "train", "dev" or "annotator-training".
        limit: Score only the first ``limit`` texts.
        nlp: A spaCy pipeline; the installed English model by default.
        with_misses: Also list the direct quotations' speaker misses (read
            them on the tuning part only).

    Returns:
        The :class:`QuoteEvaluation`: scores by ``(scope, mode)``, the kind
        confusion and, when asked, the speaker misses.
    """
    from newsfold.quotes.extract import extract_quotes
    from newsfold.quotes.polnear import load_polnear

    documents = load_polnear(corpus_dir, split, limit=limit)
    nlp = nlp or load_default_model()
    predictions = [extract_quotes(doc) for doc in nlp.pipe((d.text for d in documents), batch_size=32)]
    scores = {
        (scope, mode): score_documents(documents, predictions, mode, scope)
        for scope in SCOPES
        for mode in ("overlap", "exact")
    }
    misses = tuple(speaker_misses(documents, predictions)) if with_misses else ()
    return QuoteEvaluation(scores, kind_confusion(documents, predictions), misses)
