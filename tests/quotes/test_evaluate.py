"""Tests for newsfold.quotes.evaluate: span matching, speaker accuracy, corpus scoring."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from newsfold.quotes import Quote
from newsfold.quotes.evaluate import (
    evaluate_corpus,
    is_pronoun_source,
    is_speaker_correct,
    kind_confusion,
    match_spans,
    score_documents,
    speaker_misses,
)
from newsfold.quotes.polnear import GoldDocument, GoldQuote
from tests.quotes.test_polnear import write_mini_corpus


def _quote(start: int, end: int, speaker=None, name=None, name_span=None, kind="direct") -> Quote:
    return Quote(
        start=start, end=end, text="x" * (end - start),
        speaker_text=None if speaker is None else "s", speaker_start=None if speaker is None else speaker[0],
        speaker_end=None if speaker is None else speaker[1], speaker_name=name, speaker_label=None,
        speaker_name_start=None if name_span is None else name_span[0],
        speaker_name_end=None if name_span is None else name_span[1],
        speaker_method=None, cue=None, medium="unknown", url=None, kind=kind,
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
    evaluation = evaluate_corpus(write_mini_corpus(tmp_path), "dev", nlp=nlp)
    overlap = evaluation.scores[("all", "overlap")]
    assert (overlap.documents, overlap.gold) == (2, 3)
    assert overlap.matched == 3 and overlap.predicted == 3
    assert overlap.speaker_accuracy == 1.0


def test_evaluate_cli_prints_both_modes(tmp_path: Path, nlp, monkeypatch) -> None:
    import newsfold.quotes.evaluate as evaluate_module
    from flows.cli import main

    # Through the top-level group, as a user runs it: invoked alone, click would cache the
    # command's help option without the group's "-h" and docs/cli.md's check would then fail.
    monkeypatch.setattr(evaluate_module, "load_default_model", lambda: nlp)
    result = CliRunner().invoke(main, ["evaluate", "quotes", str(write_mini_corpus(tmp_path)), "--split", "dev"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "part: test (untouched) = PolNeAR dev"
    assert [line.split()[:3] for line in lines[2:8]] == [
        [scope, mode, "2"] for scope in ("direct", "partial", "all") for mode in ("overlap", "exact")
    ]
    assert lines[10].split() == ["gold", "direct", "partial", "unmarked", "embed", "-"]
    bad = CliRunner().invoke(main, ["evaluate", "quotes", str(tmp_path), "--split", "nope"])
    assert bad.exit_code != 0 and "no such PolNeAR split" in bad.output


def test_evaluate_score_documents_by_scope_and_source() -> None:
    documents = [
        GoldDocument(
            "a",
            "t" * 100,
            (GoldQuote(0, 10, 20, 22, "He", "direct"), GoldQuote(40, 60, 70, 75, "Smith", "partial")),
        )
    ]
    predictions = [
        [
            _quote(0, 10, speaker=(20, 22), kind="direct"),
            _quote(40, 60, speaker=(90, 95), kind="direct"),  # right span, wrong kind, wrong speaker
        ]
    ]
    direct = score_documents(documents, predictions, scope="direct")
    assert (direct.gold, direct.predicted, direct.matched) == (1, 2, 1)
    assert (direct.pronoun_total, direct.pronoun_correct, direct.named_total) == (1, 1, 0)
    partial = score_documents(documents, predictions, scope="partial")
    assert (partial.gold, partial.predicted, partial.matched) == (1, 0, 0)
    everything = score_documents(documents, predictions, scope="all")
    assert (everything.matched, everything.speaker_correct, everything.named_total) == (2, 1, 1)
    assert everything.named_accuracy == 0.0 and everything.pronoun_accuracy == 1.0
    assert kind_confusion(documents, predictions) == {("direct", "direct"): 1, ("partial", "direct"): 1}
    with pytest.raises(ValueError):
        score_documents(documents, predictions, scope="unmarked")


@pytest.mark.parametrize(
    ("source", "pronoun"),
    [("he", True), ("They", True), (" who ", True), ("Trump", False), ("the campaign", False), ("", False), (None, False)],
)
def test_evaluate_is_pronoun_source(source, pronoun) -> None:
    assert is_pronoun_source(source) is pronoun


def test_evaluate_kind_confusion_counts_misses_both_ways() -> None:
    documents = [GoldDocument("a", "t" * 100, (GoldQuote(0, 10, None, None, None, "partial"),))]
    predictions = [[_quote(50, 60, kind="embed")]]
    assert kind_confusion(documents, predictions) == {("partial", None): 1, (None, "embed"): 1}


def _train_corpus_with_one_miss(root: Path) -> Path:
    """The mini corpus as a train split, with b's gold Source moved from "Jones" to "reporters"."""
    import shutil

    write_mini_corpus(root)
    shutil.copytree(root / "data" / "dev", root / "data" / "train")
    (root / "data" / "train" / "attributions" / "b_0001.ann").write_text(
        "T1\tSource 11 20\treporters\nT2\tContent 22 59\tx\nE1\tContent:T2 Source:T1\n", encoding="utf-8"
    )
    return root


@pytest.mark.parametrize(
    ("arguments", "exit_code", "shown"),
    [
        (["--split", "train", "--misses", "5"], 0, "b@23 [named] gold 'reporters' | predicted 'Jones' -> Jones"),
        (["--split", "train", "--misses", "0"], 0, "speaker misses, direct quotations: 1 (showing 0)"),
        (["--split", "train"], 0, None),  # no --misses: no list
        (["--split", "dev", "--misses", "5"], 2, "tuning part only"),  # the test part is never read
        (["--misses", "5"], 2, "tuning part only"),  # dev is the default split
    ],
)
def test_evaluate_cli_misses_only_on_train(tmp_path: Path, nlp, monkeypatch, arguments, exit_code, shown) -> None:
    import newsfold.quotes.evaluate as evaluate_module
    from flows.cli import main

    monkeypatch.setattr(evaluate_module, "load_default_model", lambda: nlp)
    corpus = _train_corpus_with_one_miss(tmp_path)
    result = CliRunner().invoke(main, ["evaluate", "quotes", str(corpus), *arguments])
    assert result.exit_code == exit_code, result.output
    if shown is None:
        assert "speaker misses" not in result.output
    else:
        assert shown in result.output


def test_evaluate_speaker_misses_lists_wrong_speakers_of_the_scope() -> None:
    documents = [
        GoldDocument(
            "a",
            "t" * 100,
            (
                GoldQuote(0, 10, 20, 25, "Smith", "direct"),  # right speaker: not a miss
                GoldQuote(30, 40, 50, 55, "Jones", "direct"),  # wrong speaker: a miss
                GoldQuote(60, 70, None, None, None, "direct"),  # no gold Source: not scored
                GoldQuote(80, 90, 91, 95, "Brown", "partial"),  # another scope
            ),
        )
    ]
    predictions = [
        [
            _quote(0, 10, speaker=(20, 25)),
            _quote(30, 40, speaker=(90, 95), name="Hillary Clinton"),
            _quote(60, 70),
            _quote(80, 90, kind="partial"),
        ]
    ]
    assert [m.gold.source_text for m in speaker_misses(documents, predictions)] == ["Jones"]
    assert [m.gold.source_text for m in speaker_misses(documents, predictions, "partial")] == ["Brown"]
