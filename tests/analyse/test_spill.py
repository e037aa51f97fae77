"""Rows spilled to Parquet come back as written (newsfold.analyse.spill, AnalysisBatch.spilled)."""

from __future__ import annotations

import datetime as dt
import tempfile

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfold.analyse.document import DocAnalysis
from newsfold.analyse.runner import AnalysisBatch, merge_sections
from newsfold.analyse.spill import spill_frame
from schemas import Dates, Sentences, frame_from_rows, polars_schema

DOC = "doc_0123456789abcdef"

sentence_rows = st.lists(
    st.fixed_dictionaries(
        {
            "doc_id": st.just(DOC),
            "sentence_index": st.integers(0, 10**6),
            "start": st.integers(-(2**62), 2**62),
            "end": st.integers(0, 2**40),
            "text": st.text(),  # any code point UTF-8 can hold, NUL included
        }
    ),
    max_size=30,
)
date_rows = st.lists(
    st.fixed_dictionaries(
        {
            "doc_id": st.just(DOC),
            "start": st.integers(0, 10**9),
            "end": st.integers(0, 10**9),
            "text": st.text(max_size=20),
            "value": st.none() | st.text(max_size=10),
            "resolved_date": st.none() | st.dates(),
            "granularity": st.sampled_from(["day", "month", None]),
            "anchor_date": st.none() | st.dates(),
        }
    ),
    max_size=30,
)


@settings(max_examples=40, deadline=None)
@given(sentences=sentence_rows, dates=date_rows)
def test_spill_rows_read_back_equal_rows_written(sentences, dates):
    with tempfile.TemporaryDirectory() as directory:
        for table, rows in ((Sentences, sentences), (Dates, dates)):
            frame = frame_from_rows(table, rows)
            back = spill_frame(frame, directory).collect()
            assert back.schema == polars_schema(table)
            assert back.equals(frame)


@pytest.mark.parametrize("spilled", [[False, False], [True, True], [True, False], [False, True]])
def test_spill_sections_merge_the_same_spilled_or_not(tmp_path, spilled):
    # A long article's sections merge to the same rows whether each came back spilled to disk or in memory.
    sections = [
        AnalysisBatch.from_analyses(
            [
                DocAnalysis(
                    DOC, 3, dt.date(2020, 1, 1) if i == 0 else None, "content" if i == 0 else None,
                    sentences=[{"doc_id": DOC, "sentence_index": j, "start": 10 * i + j, "end": 10 * i + j + 1,
                                "text": "x"} for j in range(2)],
                )
            ]
        )
        for i in range(2)
    ]
    expected = merge_sections(sections)
    kept = [section.spilled(str(tmp_path)) if spill else section for section, spill in zip(sections, spilled)]

    merged = merge_sections(kept)

    assert isinstance(merged.sentences, pl.LazyFrame) == any(spilled)
    collected = AnalysisBatch.concat([merged]).collected()
    assert collected.documents.equals(expected.documents)
    for name, frame in expected.tables().items():
        assert collected.tables()[name].equals(frame), name
    assert collected.sentences["sentence_index"].to_list() == [0, 1, 2, 3]
