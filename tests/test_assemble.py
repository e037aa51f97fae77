"""Documents rows: ids from content, one row per article, analysis applied."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from newsfold.assemble import (
    apply_analysis,
    deduplicate_documents,
    documents_from_articles,
    make_doc_id,
)
from newsfold.errors import ErrorCode
from newsfold.records import Article


def article(path="a.txt", text="Iran fired rockets.", **changes) -> Article:
    return Article(source_path=path, source_sha256="a" * 64, record_index=0, text=text, **changes)


@pytest.mark.parametrize(
    ("left", "right", "same"),
    [
        (article(), article(path="elsewhere/b.txt"), True),
        (article(), article(text="Iraq fired rockets."), False),
        (article(), article(url="https://example.org/story"), False),
        (article(), article(published_date=dt.date(2020, 12, 24)), False),
    ],
)
def test_assemble_doc_id_depends_on_content_not_location(left, right, same):
    assert (make_doc_id(left) == make_doc_id(right)) is same


def test_assemble_keeps_the_first_copy_and_rejects_the_others():
    documents = documents_from_articles([article("b.txt"), article("a.txt"), article("c.txt", text="Other.")], run_id="r")
    kept, rejects = deduplicate_documents(documents)
    assert sorted(kept["source_path"]) == ["a.txt", "c.txt"]
    assert [(r.source_path, r.error_code) for r in rejects] == [("b.txt", ErrorCode.DUPLICATE_DOCUMENT.value)]
    assert "a.txt" in rejects[0].message


def test_assemble_header_date_wins_over_an_inferred_one():
    documents = documents_from_articles(
        [article("a.txt", published_date=dt.date(2020, 12, 24), published_date_source="header"), article("b.txt", text="Other.")],
        run_id="r",
    )
    analysed = pl.DataFrame(
        {
            "doc_id": documents["doc_id"],
            "n_words": [3, 1],
            "n_sentences": [1, 1],
            "published_date": [dt.date(2021, 1, 1), dt.date(2020, 12, 20)],
            "published_date_source": [None, "content_latest_date"],
        }
    )
    result = apply_analysis(documents, analysed).sort("source_path")
    assert result["published_date"].to_list() == [dt.date(2020, 12, 24), dt.date(2020, 12, 20)]
    assert result["published_date_source"].to_list() == ["header", "content_latest_date"]
    assert result["published_year"].to_list() == [2020, 2020]
