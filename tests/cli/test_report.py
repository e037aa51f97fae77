"""``newsfold report`` end to end: the page it writes, opened in a real headless Chromium."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from flows.cli import main
from newsfold.report_html import SECTIONS
from tests.browser import CHROMIUM, is_chromium_installed, open_offline_page

needs_chromium = pytest.mark.skipif(
    not is_chromium_installed(),
    reason=f"{CHROMIUM} is absent: install Debian's chromium package (.ci/run does) to run the browser tests",
)


@pytest.fixture(scope="module")
def report_page(report_dataset, tmp_path_factory) -> Path:
    """The report of the seed dataset, written by the command."""
    page = tmp_path_factory.mktemp("report") / "report.html"
    result = CliRunner().invoke(main, ["report", str(report_dataset), "-o", str(page)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"wrote {page} (") and "3 documents, 5 rejects" in result.output
    return page


@pytest.mark.integration
def test_cli_report_writes_one_page_with_every_section(report_page):
    page = report_page.read_text(encoding="utf-8")
    for section in SECTIONS:
        assert f'<section id="{section}">' in page
    assert "caf\\xe9\\nmenu.txt" in page  # the undecodable name, shown escaped
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;Hi" in page  # the hostile title, as text
    assert "<script>window.__pwned" not in page
    assert list(report_page.parent.iterdir()) == [report_page]  # no temporary file left behind


@pytest.mark.integration
@needs_chromium
def test_cli_report_page_renders_in_chromium_without_errors(report_page, tmp_path):
    with open_offline_page(report_page) as (page, visit):
        page.wait_for_selector("html[data-charts=ready]", timeout=60_000)
        headings = {section: page.locator(f"section#{section} > h2").inner_text() for section in SECTIONS}
        chart_slots = page.locator(".chart").count()
        charts_drawn = page.evaluate(
            "[...document.querySelectorAll('.chart')].filter(chart => chart.querySelector('svg.main-svg')).length"
        )
        stories = page.locator("section#stories").inner_text()
        sources = page.locator("section#sources table").inner_text()
        pwned = page.evaluate("typeof window.__pwned")
        shot = tmp_path / "report.png"
        page.screenshot(path=str(shot), full_page=True)
    assert visit.console_errors == []
    assert visit.page_errors == []
    assert visit.failed_requests == []
    assert visit.dialogs == []
    assert headings == SECTIONS
    # every section with data has its chart (one run: no run chart), and Plotly drew each one
    assert chart_slots == charts_drawn == 7
    assert "no stories table in this dataset" not in stories  # the two seeds are one story
    assert "<b>Evil</b> Times" in sources  # the hostile outlet, as text
    assert pwned == "undefined"  # no script from the articles ran
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 50_000


@pytest.mark.integration
@needs_chromium
def test_cli_report_page_makes_no_network_request(report_page):
    with open_offline_page(report_page) as (page, visit):
        page.wait_for_selector("html[data-charts=ready]", timeout=60_000)
        page.mouse.move(300, 300)  # hover effects and Plotly's mode bar load nothing either
        page.locator(".chart").first.hover()
    assert visit.outside_requests == []
    assert visit.requests and all(url.startswith(("file:", "data:")) for url in visit.requests)


@needs_chromium
def test_browser_catches_a_page_that_reaches_for_the_network(tmp_path):
    """The check above can fail: a page that fetches is caught, and the fetch never leaves."""
    page_file = tmp_path / "leaky.html"
    page_file.write_text(
        '<!DOCTYPE html><html><body><img src="http://newsfold.invalid/pixel.png">'
        '<script>fetch("https://newsfold.invalid/beacon").catch(() => document.body.dataset.fetch = "refused");'
        "</script></body></html>",
        encoding="utf-8",
    )
    with open_offline_page(page_file) as (page, visit):
        page.wait_for_selector("body[data-fetch=refused]", timeout=10_000)
    assert sorted(visit.outside_requests) == ["http://newsfold.invalid/pixel.png", "https://newsfold.invalid/beacon"]
