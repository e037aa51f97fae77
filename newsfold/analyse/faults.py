"""Test hooks: make an analysis worker die or hang on a marked article.

These exist only so that tests can prove a run survives a worker the kernel
kills (out of memory) or one that never finishes. They do nothing unless a
test sets one of the environment variables below, and only worker processes
consult them (never the run's own process), so article text alone can never
trigger them:

* ``NEWSFOLD_TEST_KILL_MARKER``: a worker handed an article containing this
  text kills itself with SIGKILL, as the kernel's out-of-memory killer would;
* ``NEWSFOLD_TEST_HANG_MARKER``: a worker handed an article containing this
  text sleeps until its time budget ends it.

Example:
    >>> inject_test_faults(["An article."])  # no variable set: nothing happens
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterable

__all__ = ["KILL_MARKER_VARIABLE", "HANG_MARKER_VARIABLE", "inject_test_faults"]

KILL_MARKER_VARIABLE = "NEWSFOLD_TEST_KILL_MARKER"
HANG_MARKER_VARIABLE = "NEWSFOLD_TEST_HANG_MARKER"


def inject_test_faults(texts: Iterable[str]) -> None:
    """Kill or hang this process if a test asked for it and a text holds the marker.

    Args:
        texts: The article texts this worker is about to analyse.
    """
    kill_marker = os.environ.get(KILL_MARKER_VARIABLE)
    hang_marker = os.environ.get(HANG_MARKER_VARIABLE)
    if not kill_marker and not hang_marker:  # an empty marker would match every text
        return
    for text in texts:
        if kill_marker and kill_marker in text:
            os.kill(os.getpid(), signal.SIGKILL)
        if hang_marker and hang_marker in text:
            while True:
                time.sleep(3600)
