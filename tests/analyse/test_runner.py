"""The analysis stage: rows per article, failures isolated, batching irrelevant."""

from __future__ import annotations

import pytest

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
