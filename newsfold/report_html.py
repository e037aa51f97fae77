"""The ``newsfold report`` page: one self-contained HTML file that works offline.

The page is a Jinja2 template (``newsfold/data/report.html.j2``) with
autoescaping on, so every string from the dataset (titles, names, quotes, file
names: all untrusted) is escaped. The charts are Plotly figures; plotly.js is
inlined once, and each figure's JSON sits in a ``<script
type="application/json">`` block (data, never run) that one small inline
script hands to ``Plotly.newPlot``. A Content-Security-Policy allows exactly
those two scripts (by their SHA-256) and no network at all, so even text that
slipped past escaping could neither run nor fetch anything.

Text that Plotly draws (tick labels, hover text) is escaped a second time,
because Plotly reads a small subset of HTML (``<b>``, ``<br>``, ``<a>``) in
labels: ``<b>Evil</b>`` must show as typed, not bold.

Example:
    >>> from newsfold.report import gather_report, read_report_tables
    >>> page = render_report_html(gather_report(read_report_tables("output")),
    ...                           generated_at=dt.datetime.now(dt.timezone.utc))  # doctest: +SKIP
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import hashlib
import html
import json
from pathlib import Path

import jinja2
import polars as pl
from markupsafe import Markup

from newsfold import __version__
from newsfold.report import Report

__all__ = ["SECTIONS", "render_report_html", "make_charts", "escape_plot_text"]

#: Every section of the page: its HTML id and heading, in page order.
SECTIONS: dict[str, str] = {
    "runs": "Run history",
    "tables": "Rows per table",
    "rejects": "Rejects by code",
    "entities": "Top entities",
    "timeline": "Mentions per day",
    "speakers": "Most quoted speakers",
    "stories": "Largest stories",
    "sources": "Documents per source",
}
_TEMPLATE_DIR = Path(__file__).parent / "data"
_TEMPLATE = "report.html.j2"
_PLOT_CONFIG = {"displaylogo": False, "responsive": True}
#: Runs listed in the run-history table (the chart shows all of them).
_RUNS_LISTED = 20
#: Hands each figure to Plotly and marks the page ready once all are drawn.
_BOOT_SCRIPT = """
(function () {
  var config = %s;
  var drawn = [];
  document.querySelectorAll("script[type='application/json'][data-chart]").forEach(function (node) {
    var figure = JSON.parse(node.textContent);
    drawn.push(Plotly.newPlot(node.getAttribute("data-chart"), figure.data, figure.layout, config));
  });
  Promise.all(drawn).then(function () { document.documentElement.setAttribute("data-charts", "ready"); });
})();
""" % json.dumps(_PLOT_CONFIG)


def escape_plot_text(text: str) -> str:
    """Text for a Plotly label, shown as typed: ``&``, ``<`` and ``>`` as entities.

    Example:
        >>> escape_plot_text("<b>Evil</b> & Co")
        '&lt;b&gt;Evil&lt;/b&gt; &amp; Co'
    """
    return html.escape(text, quote=False)


def make_charts(report: Report) -> dict[str, dict]:
    """One Plotly figure (as a plain dict) per chart id, for the charts that have data.

    Example:
        >>> sorted(make_charts(report))  # doctest: +SKIP
        ['entities', 'rejects', 'runs', 'sources', 'speakers', 'tables', 'timeline']
    """
    import plotly.graph_objects as go  # imported here: only the report needs it

    charts: dict[str, go.Figure] = {}
    runs = report.runs.sort("started_at")
    if runs.height > 1:  # one run is a point, and the table says it all
        started = runs["started_at"].dt.strftime("%Y-%m-%d %H:%M:%S").to_list()
        charts["runs"] = go.Figure(
            [go.Scatter(x=started, y=runs["documents"].to_list(), mode="lines+markers", name="documents"),
             go.Scatter(x=started, y=runs["rejects"].to_list(), mode="lines+markers", name="rejects")],
            layout=_layout("Documents and rejects after each run (UTC)", height=300,
                           xaxis={"type": "date"}, yaxis={"rangemode": "tozero"}),
        )
    charts["tables"] = _bar(report.table_rows["table"].to_list(), report.table_rows["rows"].to_list(),
                            "Rows per table")
    if report.reject_groups:
        charts["rejects"] = _bar([group.error_code for group in report.reject_groups],
                                 [group.count for group in report.reject_groups], "Rejects per error code")
    if report.entities.height:
        charts["entities"] = _bar(
            [f"{name} ({kind})" for name, kind in report.entities.select("canonical_name", "entity_type").iter_rows()],
            report.entities["n_mentions"].to_list(), "Mentions per entity",
        )
    dated = report.mentions_per_day.filter(pl.col("published_date").is_not_null())
    if dated.height:
        days = (dated["published_date"].max() - dated["published_date"].min()).days
        # A tick per day over a short span; Plotly's own ticks would show hours between two days.
        ticks = {"dtick": 86_400_000} if days <= 31 else {}
        names = dict(report.entities.select("entity_id", "canonical_name").iter_rows())
        charts["timeline"] = go.Figure(
            [go.Scatter(x=rows["published_date"].cast(pl.String).to_list(), y=rows["mentions"].to_list(),
                        mode="lines+markers", name=escape_plot_text(names.get(entity_id, entity_id)))
             for (entity_id,), rows in dated.group_by("entity_id", maintain_order=True)],
            layout=_layout("Mentions per day, by the articles' published date", height=380,
                           xaxis={"type": "date", "tickformat": "%Y-%m-%d", **ticks},
                           yaxis={"rangemode": "tozero"}),
        )
    if report.speakers:
        charts["speakers"] = _bar([speaker.name for speaker in report.speakers],
                                  [speaker.n_quotes for speaker in report.speakers], "Quotes per speaker")
    if report.stories is not None and report.stories.height:
        charts["stories"] = _bar([str(label) for label in report.stories["label"]],
                                 report.stories["n_documents"].to_list(), "Documents per story")
    if report.sources.height:
        top_sources = report.sources.head(20)
        charts["sources"] = _bar(top_sources["source"].to_list(), top_sources["documents"].to_list(),
                                 "Documents per source")
    return {name: figure.to_plotly_json() for name, figure in charts.items()}


def _bar(labels: list[str], values: list[int], title: str):
    import plotly.graph_objects as go

    # Horizontal bars, largest on top, so long names stay readable.
    return go.Figure(
        go.Bar(y=[escape_plot_text(label) for label in labels][::-1], x=values[::-1], orientation="h",
               text=values[::-1], textposition="outside", textangle=0, cliponaxis=False,
               hovertemplate="%{y}: %{x}<extra></extra>"),
        layout=_layout(title, height=max(220, 60 + 26 * len(labels)), yaxis={"type": "category", "automargin": True},
                       # whole-number ticks for small counts (Plotly would mark 0.5)
                       xaxis={"rangemode": "tozero", **({"dtick": 1} if max(values, default=0) <= 10 else {})}),
    )


def _layout(title: str, *, height: int, **axes) -> dict:
    return {"title": {"text": title, "font": {"size": 14}}, "height": height,
            "margin": {"l": 10, "r": 20, "t": 40, "b": 40}, "font": {"family": "system-ui, sans-serif"},
            "legend": {"orientation": "h"}, **axes}


def render_report_html(report: Report, *, generated_at: dt.datetime, dataset: str = "output") -> str:
    """The whole report page as one HTML string.

    Args:
        report: What :func:`newsfold.report.gather_report` returned.
        generated_at: When the page was made (shown on it; passed in so the
            page depends on nothing but its arguments).
        dataset: How to name the dataset on the page (the directory as given).
    """
    from plotly.offline import get_plotlyjs

    plotly_js = get_plotlyjs()
    charts = {name: _json_for_script(figure) for name, figure in make_charts(report).items()}
    policy = "; ".join([
        "default-src 'none'",
        f"script-src {_script_hash(plotly_js)} {_script_hash(_BOOT_SCRIPT)}",
        "style-src 'unsafe-inline'",  # Plotly adds its own style rules at run time
        "img-src data:",
        "font-src data:",
        "base-uri 'none'",
        "form-action 'none'",
    ])
    return _template().render(
        report=report,
        runs_listed=report.runs.head(_RUNS_LISTED).to_dicts(),
        runs_hidden=max(0, report.runs.height - _RUNS_LISTED),
        sections=SECTIONS,
        charts=charts,
        undated_mentions=report.mentions_per_day.filter(pl.col("published_date").is_null())["mentions"].sum(),
        entity_names=dict(report.entities.select("entity_id", "canonical_name").iter_rows()),
        dataset=dataset,
        generated_at=generated_at.astimezone(dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC"),
        newsfold_version=__version__,
        content_security_policy=policy,
        plotly_js=Markup(plotly_js),
        boot_script=Markup(_BOOT_SCRIPT),
    )


def _json_for_script(figure: dict) -> Markup:
    """JSON that is safe inside ``<script type="application/json">``.

    ``<`` only ever appears inside JSON strings, where ``\\u003c`` means the
    same, so no data can close the script element (``</script>``) or open a
    comment; ``>`` and ``&`` follow for good measure.
    """
    import plotly.io as pio

    text = pio.to_json(figure, validate=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


def _script_hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def _counted(count: int, noun: str) -> str:
    """``1 quote``, ``2 quotes``, ``1,000 quotes``."""
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


@functools.cache
def _template() -> jinja2.Template:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(_TEMPLATE_DIR),
        autoescape=True,  # every value is escaped unless marked safe above
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["thousands"] = lambda value: "" if value is None else f"{value:,}"
    environment.filters["counted"] = _counted
    return environment.get_template(_TEMPLATE)
