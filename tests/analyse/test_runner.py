"""The analysis stage: rows per article, failures isolated, batching irrelevant."""

from __future__ import annotations

import datetime as dt

import polars as pl
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
    assert batch.failures == (runner.AnalysisFailure("doc_0000000000000001", "ValueError: extractor broke", "NF201"),)
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
    assert [failure.doc_id for failure in batch.failures] == failed
    assert all("--max-chars" in f.message and str(limit) in f.message for f in batch.failures)
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


QUOTED = (
    "\u201cWe will not accept this attack on our people,\u201d said Mike Pompeo in Baghdad on Sunday. "
    "He added that the talks would resume on January 3, 2020, with 40 delegates.\n\n"
)


@pytest.mark.parametrize("section_chars", [300, 1_000, 100_000])
def test_runner_analyses_long_texts_in_sections_with_exact_offsets(monkeypatch, section_chars):
    long_text = QUOTED * 12 + "\n\n".join(TEXTS * 4) + " " + " ".join(["Iran fired three rockets at Baghdad."] * 20)
    monkeypatch.setattr(runner, "SECTION_CHARS", section_chars)
    analysed_lengths = []
    real_analyse = runner.analyse_parsed
    monkeypatch.setattr(runner, "analyse_parsed", lambda doc, r: analysed_lengths.append(len(doc.text)) or real_analyse(doc, r))
    articles = [AnalysisRequest("doc_00000000000000aa", long_text, None), *requests()]
    batch = runner.analyse_in_process(articles)

    assert batch.failures == ()
    assert max(analysed_lengths) <= section_chars  # the work depends on the section, not on the article
    texts = {r.doc_id: r.text for r in articles}
    for name, frame in batch.tables().items():
        for row in frame.iter_rows(named=True):
            assert texts[row["doc_id"]][row["start"] : row["end"]] == row["text"], name
    long_rows = {name: frame.filter(frame["doc_id"] == "doc_00000000000000aa") for name, frame in batch.tables().items()}
    assert long_rows["sentences"]["sentence_index"].to_list() == list(range(long_rows["sentences"].height))
    assert batch.documents.row(0, named=True)["n_sentences"] == long_rows["sentences"].height
    assert batch.documents["doc_id"].to_list() == [r.doc_id for r in articles]  # article order kept
    joined = batch.mentions.join(batch.sentences, on=["doc_id", "sentence_index"], suffix="_sentence")
    assert joined.height == batch.mentions.height
    assert all(r["start_sentence"] <= r["start"] and r["end"] <= r["end_sentence"] for r in joined.iter_rows(named=True))
    assert batch.mentions["mention_id"].is_unique().all() and batch.quotes["quote_id"].is_unique().all()
    speakers = set(long_rows["quotes"]["speaker_mention_id"].drop_nulls())
    assert speakers and speakers <= set(long_rows["mentions"]["mention_id"])
    assert long_rows["quotes"].height == 12 and long_rows["dates"].height >= 24 and long_rows["amounts"].height >= 12


def test_runner_sections_merge_to_the_whole_when_nothing_crosses_them(monkeypatch):
    # Sections cut between self-contained paragraphs give the rows of analysing each paragraph alone.
    paragraphs = [QUOTED.replace("40", str(n)) for n in range(6)]
    text = "".join(paragraphs)
    monkeypatch.setattr(runner, "SECTION_CHARS", len(paragraphs[0]) + 5)
    batch = runner.analyse_in_process([AnalysisRequest("doc_00000000000000bb", text, dt.date(2020, 1, 5))])
    alone = runner.analyse_in_process(
        [AnalysisRequest(f"doc_00000000000000b{i}", p, dt.date(2020, 1, 5)) for i, p in enumerate(paragraphs)]
    )
    assert batch.quotes.height == alone.quotes.height == 6
    assert batch.mentions["text"].to_list() == alone.mentions["text"].to_list()
    assert batch.dates.select("text", "value").equals(alone.dates.select("text", "value"))
    assert batch.documents["n_words"].item() == alone.documents["n_words"].sum()


def test_runner_a_failing_section_fails_its_article_only(monkeypatch):
    monkeypatch.setattr(runner, "SECTION_CHARS", 300)
    real = runner.analyse_parsed

    def fail_on_marker(doc, request):
        if "Zanzibar" in doc.text:
            raise ValueError("extractor broke")
        return real(doc, request)

    monkeypatch.setattr(runner, "analyse_parsed", fail_on_marker)
    long_text = QUOTED * 3 + "Zanzibar. " + QUOTED * 3
    articles = [AnalysisRequest("doc_00000000000000cc", long_text, None), *requests()]
    batch = runner.analyse_in_process(articles)
    assert [f.doc_id for f in batch.failures] == ["doc_00000000000000cc"]
    assert batch.documents["doc_id"].to_list() == [r.doc_id for r in requests()]
    assert "doc_00000000000000cc" not in set(batch.sentences["doc_id"])


SENT_UNITS_CASES = [
    # (published date of the long article, a section that kills its worker, failed articles, rows spilled to disk)
    (None, None, [], True),
    (dt.date(2020, 1, 5), None, [], False),
    (None, "Zanzibar", ["doc_00000000000000dd"], True),
]


@pytest.mark.parametrize(("published_date", "kill_marker", "failed", "spill"), SENT_UNITS_CASES)
def test_pool_sends_long_texts_section_by_section_with_the_rows_of_one_process(
    monkeypatch, tmp_path, published_date, kill_marker, failed, spill
):
    # Workers get one section per unit of work (memory bounded by the section), yet the rows and
    # ids are those of analysing the article in one process; a section that kills its worker
    # costs its article only.
    monkeypatch.setattr(runner, "SECTION_CHARS", 400)
    if kill_marker:
        monkeypatch.setenv("NEWSFOLD_TEST_KILL_MARKER", kill_marker)
    long_text = QUOTED * 4 + "Talks resumed on Friday in Paris.\n\n" + QUOTED * 3 + (kill_marker or "") + QUOTED * 2
    articles = [requests()[0], AnalysisRequest("doc_00000000000000dd", long_text, published_date), *requests()[1:]]
    sent = []
    spill_directory = str(tmp_path) if spill else None
    with AnalysisPool(workers=1, budget=runner.TimeBudget(base_seconds=120), spill_directory=spill_directory) as pool:
        submit = pool.submit
        monkeypatch.setattr(pool, "submit", lambda units: sent.append([r.text for r in units]) or submit(units))
        batch = pool.start().analyse(articles)
    assert all(isinstance(frame, pl.LazyFrame) == spill for frame in batch.tables().values())
    batch = batch.collected()
    alone = runner.analyse_in_process([a for a in articles if a.doc_id not in failed])

    assert [f.doc_id for f in batch.failures] == failed
    sections = [text for unit in sent for text in unit if text not in TEXTS]
    assert max(map(len, sections)) <= 400 and len(set(sections)) >= len(long_text) // 400  # a unit per section
    assert batch.documents.equals(alone.documents)
    for name, frame in alone.tables().items():
        assert frame.equals(batch.tables()[name]), name
    if not failed:
        assert batch.quotes.filter(batch.quotes["doc_id"] == "doc_00000000000000dd").height == 9
