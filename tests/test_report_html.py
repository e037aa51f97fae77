"""The report page as HTML: every section, hostile text escaped, only its own scripts allowed."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import re
from html.parser import HTMLParser

import polars as pl
import pytest

from newsfold.report import ReportTables, gather_report
from newsfold.report_html import SECTIONS, escape_plot_text, make_charts, render_report_html
from schemas import Documents, Entities, Mentions, Quotes, Rejects, Runs, frame_from_rows

DOC = "doc_" + "1" * 16
NOW = dt.datetime(2021, 1, 6, 12, 0, tzinfo=dt.timezone.utc)
#: Markup planted in every kind of text the page shows. None of it may become an element.
HOSTILE = {
    "entity": '<img src=x onerror="window.__pwned=1">Ann',
    "spelling": "</script><script>window.__pwned=2</script>",
    "quote": "<script>window.__pwned=3</script>We will act.",
    "title": "<script>window.__pwned=4</script>Headline",
    "source": "<b>Evil</b> Times",
    "path": "a<iframe src=x>.txt",
    "message": '<a href="javascript:alert(1)">click</a>',
    "story": "<svg onload=alert(1)>",
}


class _Elements(HTMLParser):
    """Every start tag with its attributes, and the text of each script element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[tuple[dict, str]] = []
        self.text: list[str] = []
        self._in_script: dict | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = dict(attrs)
            self.scripts.append((self._in_script, ""))

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = None

    def handle_data(self, data):
        if self._in_script is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)
        else:
            self.text.append(data)


def _hostile_tables(*, stories: pl.DataFrame | None = None) -> ReportTables:
    now = NOW
    frames = {
        "documents": frame_from_rows(Documents, [{"doc_id": DOC, "n_words": 5, "source_name": HOSTILE["source"],
                                                  "title": HOSTILE["title"], "source_path": "a.txt",
                                                  "published_date": dt.date(2021, 1, 5)}]),
        "mentions": frame_from_rows(Mentions, [{"doc_id": DOC, "entity_id": "Q1"}]),
        "entities": frame_from_rows(Entities, [{
            "entity_id": "Q1", "canonical_name": HOSTILE["entity"], "entity_type": "PER", "n_mentions": 1,
            "n_documents": 1, "aliases": [{"name": HOSTILE["spelling"], "count": 1, "method": "exact_key", "score": 1.0}],
        }]),
        "quotes": frame_from_rows(Quotes, [{"doc_id": DOC, "start": 0, "text": HOSTILE["quote"],
                                            "speaker_name": "Ann", "speaker_entity_id": "Q1"}]),
        "rejects": frame_from_rows(Rejects, [{"run_id": "run_x", "source_path": HOSTILE["path"], "stage": "read",
                                              "error_code": "NF101", "message": HOSTILE["message"],
                                              "payload": HOSTILE["quote"]}]),
        "runs": frame_from_rows(Runs, [{
            "run_id": "run_x", "started_at": now, "finished_at": now, "status": "completed",
            "pipeline_version": "0.1.0", "inputs_seen": 2, "inputs_new": 2, "inputs_changed": 0, "inputs_removed": 0,
            "inputs_unchanged": 0, "rows_written": [{"table": "documents", "rows": 1}], "rejects": 1,
        }]),
    }
    counts = {name: frame.height for name, frame in frames.items()}
    if stories is not None:
        frames["stories"] = stories
        counts["stories"] = stories.height
    return ReportTables(version="run_x", frames=frames, row_counts=counts)


def _render(**kwargs) -> str:
    return render_report_html(gather_report(_hostile_tables(**kwargs)), generated_at=NOW, dataset="<output>")


@pytest.fixture(scope="module")
def page() -> str:
    return _render()


@pytest.fixture(scope="module")
def elements(page) -> _Elements:
    parser = _Elements()
    parser.feed(page)
    return parser


@pytest.mark.parametrize("section", list(SECTIONS))
def test_report_html_has_every_section(page, section):
    assert page.count(f'<section id="{section}">') == 1
    assert f"<h2>{SECTIONS[section]}</h2>" in page


@pytest.mark.parametrize("field", [field for field in HOSTILE if field != "story"])  # stories: below
def test_report_html_shows_hostile_text_as_text(elements, field):
    assert HOSTILE[field] in "".join(elements.text)  # shown as typed, once decoded


def test_report_html_makes_no_element_from_the_data(elements):
    tags = {tag for tag, _ in elements.tags}
    assert not tags & {"img", "iframe", "svg", "b"}
    assert all(not key.startswith("on") for _, attrs in elements.tags for key in attrs)
    assert all(attrs["href"].startswith("#") for tag, attrs in elements.tags if tag == "a")  # only the nav links


def test_report_html_runs_only_its_own_two_scripts(elements):
    executable = [text for attrs, text in elements.scripts if "type" not in attrs]
    assert len(executable) == 2  # plotly.js and the boot script
    (policy,) = [attrs["content"] for tag, attrs in elements.tags
                 if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy"]
    assert "default-src 'none'" in policy
    allowed = set(re.findall(r"'sha256-([^']+)'", policy))
    assert allowed == {base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() for text in executable}


def test_report_html_chart_data_is_json_that_plotly_shows_as_typed(elements):
    blocks = {attrs["data-chart"]: text for attrs, text in elements.scripts if attrs.get("type") == "application/json"}
    assert "<" not in "".join(blocks.values())  # nothing can close the script element
    sources = json.loads(blocks["chart-sources"])
    assert sources["data"][0]["y"] == [escape_plot_text(HOSTILE["source"])]


def test_report_html_without_stories_says_so(page):
    assert "no stories table in this dataset" in page
    assert 'id="chart-stories"' not in page


def test_report_html_with_stories_lists_them():
    stories = pl.DataFrame({"story_id": ["sto_1", "sto_2"], "n_documents": [3, 5], "label": [HOSTILE["story"], None]})
    page = _render(stories=stories)
    parser = _Elements()
    parser.feed(page)
    assert "no stories table in this dataset" not in page
    assert 'id="chart-stories"' in page
    text = "".join(parser.text)
    assert HOSTILE["story"] in text and "(no label)" in text
    assert text.index("sto_2") < text.index("sto_1")  # largest first


@pytest.mark.parametrize(
    ("text", "escaped"),
    [("plain", "plain"), ("<b>Evil</b>", "&lt;b&gt;Evil&lt;/b&gt;"), ("AT&T", "AT&amp;T"), ('"q"', '"q"')],
)
def test_report_html_escape_plot_text(text, escaped):
    assert escape_plot_text(text) == escaped


@pytest.mark.parametrize(
    ("stories", "charts"),
    [
        (None, ["entities", "rejects", "sources", "speakers", "tables", "timeline"]),  # one run: no run chart
        (pl.DataFrame({"story_id": ["s"], "n_documents": [1], "label": ["x"]}),
         ["entities", "rejects", "sources", "speakers", "stories", "tables", "timeline"]),
    ],
)
def test_report_html_draws_a_chart_per_section_with_data(stories, charts):
    assert sorted(make_charts(gather_report(_hostile_tables(stories=stories)))) == charts


def test_report_html_of_an_empty_dataset_says_so_in_every_section():
    frames = {name: frame.clear() for name, frame in _hostile_tables().frames.items()}
    report = gather_report(ReportTables(version="run_x", frames=frames, row_counts={name: 0 for name in frames}))
    page = render_report_html(report, generated_at=NOW)
    for sentence in ["No run recorded.", "No rejects: every input was taken into the dataset.",
                     "No entities in this dataset.", "there is no timeline to draw", "No quote has a speaker.",
                     "no stories table in this dataset", "No documents in this dataset."]:
        assert sentence in page
    assert sorted(make_charts(report)) == ["tables"]
