"""The analysis stage: rows per article, failures isolated, batching irrelevant."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsfold.analyse.runner as runner
from newsfold.analyse import AnalysisPool, AnalysisRequest

TEXTS = [
    "President Donald Trump spoke in Washington on Sunday.\n\n  Iran fired three rockets at Baghdad.  ",
    "\u201cWe will respond,\u201d said Mike Pompeo. He added that over 100 soldiers were hurt.",
    "Qasem Soleimani was killed on January 3, 2020.",
]


def requests():
    return [AnalysisRequest(f"doc_{i:016x}", text, None) for i, text in enumerate(TEXTS)]


def test_runner_rows_select_their_own_text():
    batch = runner.analyse_in_process(requests())
    texts = {r.doc_id: r.text for r in requests()}
    for name, frame in batch.tables().items():
        for row in frame.iter_rows(named=True):
            assert texts[row["doc_id"]][row["start"] : row["end"]] == row["text"], name
    first = batch.sentences.filter(batch.sentences["doc_id"] == "doc_0000000000000000")
    assert first["text"].to_list()[-1] == "Iran fired three rockets at Baghdad."


def test_runner_puts_each_mention_in_its_sentence():
    batch = runner.analyse_in_process(requests())
    joined = batch.mentions.join(batch.sentences, on=["doc_id", "sentence_index"], suffix="_sentence")
    assert joined.height == batch.mentions.height
    assert all(
        row["start_sentence"] <= row["start"] and row["end"] <= row["end_sentence"] for row in joined.iter_rows(named=True)
    )


@pytest.mark.parametrize("chunk_size", [1, 2, 64])
def test_runner_result_does_not_depend_on_chunking(chunk_size):
    with AnalysisPool(workers=1, chunk_size=chunk_size) as pool:
        chunked = pool.analyse(requests())
    whole = runner.analyse_in_process(requests())
    for name, frame in whole.tables().items():
        assert frame.equals(chunked.tables()[name]), name
    assert whole.documents.equals(chunked.documents)


def test_runner_isolates_an_article_whose_analysis_fails(monkeypatch):
    real = runner.analyse_parsed

    def fail_on_second(doc, request):
        if request.doc_id.endswith("1"):
            raise ValueError("extractor broke")
        return real(doc, request)

    monkeypatch.setattr(runner, "analyse_parsed", fail_on_second)
    batch = runner.analyse_in_process(requests())
    assert batch.failures == (("doc_0000000000000001", "ValueError: extractor broke"),)
    assert sorted(batch.documents["doc_id"]) == ["doc_0000000000000000", "doc_0000000000000002"]


@given(st.text(alphabet=st.sampled_from("ab \n\t\u00e9"), max_size=300), st.integers(2, 40))
def test_runner_split_text_pieces_join_back(text, size):
    pieces = runner.split_text(text, size)
    assert "".join(pieces) == text
    assert all(len(piece) <= size for piece in pieces)
    assert all(pieces[:-1])  # no empty piece but possibly the last (empty text)


@pytest.mark.parametrize(
    ("text", "size", "expected"),
    [
        ("one two\nthree four five", 10, ["one two\n", "three ", "four five"]),
        ("x" * 25, 10, ["x" * 10, "x" * 10, "x" * 5]),  # no break at all: a hard cut
        ("short", 10, ["short"]),
    ],
)
def test_runner_split_text_table(text, size, expected):
    assert runner.split_text(text, size) == expected


def test_runner_parses_long_texts_in_pieces_with_exact_offsets(monkeypatch):
    long_text = "\n\n".join(TEXTS * 12) + " " + " ".join(["Iran fired three rockets at Baghdad."] * 20)
    monkeypatch.setattr(runner, "PIECE_CHARS", 300)
    pieces = []
    real_split = runner.split_text
    monkeypatch.setattr(runner, "split_text", lambda text, size: pieces.append(real_split(text, size)) or pieces[-1])
    batch = runner.analyse_in_process([AnalysisRequest("doc_00000000000000aa", long_text, None)])
    assert len(pieces[0]) > 10  # it was parsed in pieces
    assert batch.failures == ()
    for name, frame in batch.tables().items():
        for row in frame.iter_rows(named=True):
            assert long_text[row["start"] : row["end"]] == row["text"], name
    assert batch.sentences.height >= 12 * 4 and batch.mentions.height > 12 * 3
    assert set(batch.mentions["text"]) >= {"Donald Trump", "Mike Pompeo", "Baghdad"}


@pytest.mark.parametrize(("limit", "failed"), [(10_000, []), (60, ["doc_0000000000000000", "doc_0000000000000001"])])
def test_runner_article_over_the_character_limit_is_a_failure_not_a_crash(limit, failed):
    batch = runner.analyse_in_process(requests(), max_chars=limit)
    assert [doc_id for doc_id, _ in batch.failures] == failed
    assert all("--max-chars" in message and str(limit) in message for _, message in batch.failures)
    assert batch.documents.height == len(TEXTS) - len(failed)


@pytest.mark.parametrize(
    ("lengths", "batches"),
    [
        ([10, 10, 10], [[10, 10, 10]]),
        ([runner.BATCH_CHARS, 1], [[runner.BATCH_CHARS], [1]]),
        ([runner.BATCH_CHARS // 2] * 3, [[runner.BATCH_CHARS // 2] * 2, [runner.BATCH_CHARS // 2]]),
        ([1] * (runner.SPACY_BATCH_SIZE + 1), [[1] * runner.SPACY_BATCH_SIZE, [1]]),
    ],
)
def test_runner_batches_are_bounded_in_texts_and_characters(lengths, batches):
    pieces = [("x" * n, i) for i, n in enumerate(lengths)]
    assert [[len(text) for text, _ in batch] for batch in runner._batch_by_chars(pieces)] == batches


@pytest.fixture
def model_without_ruler():
    """The cached model, with any registry ruler taken out again after the test."""
    from newsfold.analyse.model import load_model
    from newsfold.analyse.ruler import RULER_NAME

    nlp = load_model()
    yield nlp
    if RULER_NAME in nlp.pipe_names:
        nlp.remove_pipe(RULER_NAME)


@pytest.mark.parametrize(
    ("patterns", "expected"),
    [
        (None, {("Velmor", "ORG")}),  # the model alone misses one place and mislabels the other
        (
            [{"label": "GPE", "pattern": "Qardaha", "id": "Q1"}, {"label": "GPE", "pattern": "Velmor", "id": "Q2"}],
            {("Qardaha", "GPE"), ("Velmor", "GPE")},
        ),
    ],
)
def test_analyse_in_process_sets_registry_names_before_ner(model_without_ruler, patterns, expected):
    request = AnalysisRequest("doc_0123456789abcdef", "Aid reached Qardaha and Velmor on Friday, officials said.", None)
    mentions = runner.analyse_in_process([request], patterns=patterns).mentions
    assert set(mentions.select("text", "label").iter_rows()) == expected
