"""Tests for newsfold.quotes.evaluate: span matching, speaker accuracy, corpus scoring."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from newsfold.quotes import Quote
from newsfold.quotes.evaluate import evaluate_corpus, is_speaker_correct, match_spans, score_documents
from newsfold.quotes.polnear import GoldDocument, GoldQuote
from tests.quotes.test_polnear import write_mini_corpus


def _quote(start: int, end: int, speaker=None, name=None, name_span=None) -> Quote:
    return Quote(
        start=start, end=end, text="x" * (end - start),
        speaker_text=None if speaker is None else "s", speaker_start=None if speaker is None else speaker[0],
        speaker_end=None if speaker is None else speaker[1], speaker_name=name, speaker_label=None,
        speaker_name_start=None if name_span is None else name_span[0],
        speaker_name_end=None if name_span is None else name_span[1],
        speaker_method=None, cue=None, medium="unknown", url=None,
    )


@pytest.mark.parametrize(
    ("gold", "predicted", "mode", "expected"),
    [
        ([(0, 10)], [(0, 10)], "exact", [(0, 0)]),
        ([(0, 10)], [(0, 9)], "exact", []),
        ([(0, 10)], [(0, 9)], "overlap", [(0, 0)]),
        ([(0, 10)], [(0, 4)], "overlap", []),  # less than half of the longer
        ([(0, 10)], [(20, 30)], "overlap", []),
        # one-to-one: the better of two candidates wins, the other stays unmatched
        ([(0, 10)], [(0, 6), (0, 10)], "overlap", [(0, 1)]),
        ([(0, 10), (12, 20)], [(0, 20)], "overlap", [(0, 0)]),
    ],
)
def test_evaluate_match_spans(gold, predicted, mode, expected) -> None:
    assert match_spans(gold, predicted, mode) == expected


def test_evaluate_exact_trims_punctuation() -> None:
    text = "“Win big,” he said."
    assert match_spans([(1, 9)], [(1, 8)], "exact", text) == [(0, 0)]


def test_evaluate_unknown_mode_raises() -> None:
    with pytest.raises(ValueError):
        match_spans([], [], "fuzzy")


GOLD = GoldQuote(0, 10, 20, 25, "Trump")


@pytest.mark.parametrize(
    ("quote", "correct"),
    [
        (_quote(0, 10, speaker=(20, 25), name="Donald Trump"), True),  # same span
        (_quote(0, 10, speaker=(50, 52), name="Donald Trump", name_span=(20, 25)), True),  # pronoun resolved to it
        (_quote(0, 10, speaker=(50, 52), name="Donald Trump"), True),  # same name elsewhere
        (_quote(0, 10, speaker=(50, 55), name="Hillary Clinton"), False),
        (_quote(0, 10), False),  # no speaker
    ],
)
def test_evaluate_is_speaker_correct(quote: Quote, correct: bool) -> None:
    assert is_speaker_correct(GOLD, quote) is correct


def test_evaluate_score_documents_counts() -> None:
    documents = [
        GoldDocument("a", "t" * 100, (GoldQuote(0, 10, 20, 25, "Trump"), GoldQuote(40, 60, None, None, None))),
        GoldDocument("b", "t" * 100, (GoldQuote(0, 10, 20, 25, "Smith"),)),
    ]
    predictions = [[_quote(0, 10, speaker=(20, 25)), _quote(70, 80)], [_quote(0, 10)]]
    scores = score_documents(documents, predictions)
    assert (scores.gold, scores.predicted, scores.matched) == (3, 3, 2)
    assert (scores.speaker_total, scores.speaker_correct) == (2, 1)
    assert scores.precision == pytest.approx(2 / 3) and scores.recall == pytest.approx(2 / 3)
    assert scores.f1 == pytest.approx(2 / 3) and scores.speaker_accuracy == pytest.approx(0.5)


def test_evaluate_corpus_on_mini_corpus(tmp_path: Path, nlp) -> None:
    results = evaluate_corpus(write_mini_corpus(tmp_path), "dev", nlp=nlp)
    overlap = results["overlap"]
    assert (overlap.documents, overlap.gold) == (2, 3)
    assert overlap.matched == 3 and overlap.predicted == 3
    assert overlap.speaker_accuracy == 1.0


def test_evaluate_cli_prints_both_modes(tmp_path: Path, nlp, monkeypatch) -> None:
    import newsfold.quotes.evaluate as evaluate_module
    from flows.cli.evaluate_quotes import command

    monkeypatch.setattr(evaluate_module, "load_default_model", lambda: nlp)
    result = CliRunner().invoke(command, [str(write_mini_corpus(tmp_path)), "--split", "dev"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[1].split()[:2] == ["overlap", "2"]
    assert result.output.splitlines()[2].split()[0] == "exact"
    bad = CliRunner().invoke(command, [str(tmp_path), "--split", "nope"])
    assert bad.exit_code != 0 and "no such PolNeAR split" in bad.output
