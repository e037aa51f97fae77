"""A local HTML page in the system's headless Chromium, watched for errors and network use.

Playwright drives Chromium from the system package manager (``/usr/bin/chromium``);
it is never asked to download a browser of its own. Every request the page
makes is recorded, and any that is not ``file:`` or ``data:`` is aborted before
it leaves the machine, so a page that reaches for the network fails its test
without sending a packet.

Example:
    >>> with open_offline_page(Path("report.html")) as (page, visit):  # doctest: +SKIP
    ...     page.screenshot(path="report.png", full_page=True)
    >>> visit.outside_requests  # doctest: +SKIP
    []

Run ``python -m tests.browser report.html docs/img/report.png`` to screenshot a page.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
#: Headless, no sandbox (CI runs as root), and none of Chromium's own
#: background traffic (updates, sync, QUIC probes), so any request seen is the page's.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
_LOCAL_SCHEMES = ("file:", "data:")


@dataclass
class PageVisit:
    """What a page did while it was open.

    Attributes:
        console_errors: Console messages of type error (CSP violations among them).
        page_errors: Uncaught exceptions.
        requests: Every URL requested, in order.
        outside_requests: Requested URLs that are not ``file:`` or ``data:`` (each was aborted).
        failed_requests: URLs whose request failed, with the reason.
        dialogs: Messages of alert/confirm/prompt dialogs the page opened (dismissed).
    """

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    outside_requests: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


def is_chromium_installed() -> bool:
    """True when the system Chromium the tests drive is there."""
    return CHROMIUM.is_file()


@contextlib.contextmanager
def open_offline_page(path: Path, *, width: int = 1280, height: int = 900) -> Iterator[tuple[object, PageVisit]]:
    """Open ``path`` (a local HTML file) and yield the Playwright page and its :class:`PageVisit`.

    The page has finished loading when this yields. The browser is closed,
    and Playwright's driver stopped, however the block ends.
    """
    from playwright.sync_api import sync_playwright

    visit = PageVisit()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            context = browser.new_context(viewport={"width": width, "height": height}, service_workers="block")
            context.route("**/*", lambda route: _allow_local_only(route, visit))
            page = context.new_page()
            page.on("console", lambda message: message.type == "error" and visit.console_errors.append(message.text))
            page.on("pageerror", lambda error: visit.page_errors.append(str(error)))
            page.on("request", lambda request: visit.requests.append(request.url))
            page.on("requestfailed", lambda request: visit.failed_requests.append(f"{request.url}: {request.failure}"))
            page.on("dialog", lambda dialog: (visit.dialogs.append(dialog.message), dialog.dismiss()))
            page.goto(path.resolve().as_uri(), wait_until="load")
            yield page, visit
        finally:
            browser.close()


def _allow_local_only(route, visit: PageVisit) -> None:
    url = route.request.url
    if url.startswith(_LOCAL_SCHEMES):
        route.continue_()
    else:
        visit.outside_requests.append(url)
        route.abort("blockedbyclient")


def main(argv: list[str]) -> int:
    """``python -m tests.browser PAGE.html SHOT.png``: a full-page screenshot once the charts are drawn."""
    page_path, shot_path = (Path(arg) for arg in argv)
    with open_offline_page(page_path) as (page, visit):
        page.wait_for_selector("html[data-charts=ready]", timeout=60_000)
        page.screenshot(path=str(shot_path), full_page=True)
    problems = visit.console_errors + visit.page_errors + visit.outside_requests + visit.failed_requests
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
