"""The run summary: a valid runs row and a readable report."""

from __future__ import annotations

import datetime as dt

import pytest

from newsfold.summary import RunSummary, make_run_id, render_markdown, runs_row
from schemas import Runs

NOW = dt.datetime(2020, 12, 24, 10, 15, tzinfo=dt.timezone.utc)


def summary(**changes) -> RunSummary:
    values = dict(
        run_id="run_x", flow_run_id=None, started_at=NOW, finished_at=NOW, committed=True,
        inputs={"seen": 3, "new": 2, "changed": 0, "removed": 1, "unchanged": 1},
        rows={"documents": 2, "runs": 1}, rejects_by_code={"NF101": 1},
        new_entities=("Qasem Soleimani",), links_by_method={"registry_alias": 5, "document_context": 2},
    )
    return RunSummary(**{**values, **changes})


def test_summary_runs_row_satisfies_its_contract():
    row = runs_row(summary())
    assert Runs.validate(row).height == 1
    assert row[Runs.rows_written].to_list() == [[{"table": "documents", "rows": 2}, {"table": "runs", "rows": 1}]]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, ["committed a new snapshot", "| new | 2 |", "| NF101 | the file holds no article text | 1 |",
              "Qasem Soleimani", "| document_context | 2 |"]),
        ({"committed": False, "rejects_by_code": {}}, ["found nothing new", "**Rejects: 0**"]),
    ],
)
def test_summary_markdown_reports_counts_rejects_and_entities(changes, expected):
    text = render_markdown(summary(**changes))
    for fragment in expected:
        assert fragment in text


def test_summary_reports_stage_times_in_markdown_and_dict():
    timed = summary().with_times(12.34567, {"prefect server start": 9.04, "analyse": 3.3})
    assert timed.seconds == 12.34567
    assert timed.to_dict()["stage_seconds"] == {"prefect server start": 9.04, "analyse": 3.3}
    text = render_markdown(timed)
    assert "in 12.3 s" in text
    assert "| prefect server start | 9.0 |" in text and "| analyse | 3.3 |" in text
    assert "| stage |" not in render_markdown(summary())  # no times known, no table


def test_summary_run_ids_sort_by_time():
    later = NOW + dt.timedelta(microseconds=1)
    assert make_run_id(NOW) < make_run_id(later)
