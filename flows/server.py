"""Starting Prefect's temporary local server early, in the background.

Without ``PREFECT_API_URL``, Prefect starts a temporary server the first time
a flow talks to its API: seconds spent waiting on a subprocess. The CLI
starts it here first and imports the pipeline meanwhile, so the two waits
overlap instead of adding up. Prefect keeps one temporary server per process,
so the flow then finds this one running.

Example:
    >>> starting = start_temporary_server()  # doctest: +SKIP
    >>> from flows.pipeline import newsfold_flow  # heavy imports, while it starts  # doctest: +SKIP
    >>> wait_for_server(starting)  # doctest: +SKIP
"""

from __future__ import annotations

import threading

__all__ = ["start_temporary_server", "wait_for_server"]


def start_temporary_server() -> threading.Thread | None:
    """Begin starting the temporary server, unless a real server is configured."""
    from prefect.settings import PREFECT_API_URL, PREFECT_SERVER_EPHEMERAL_ENABLED

    if PREFECT_API_URL.value() or not PREFECT_SERVER_EPHEMERAL_ENABLED.value():
        return None

    # Imported here, not in the thread: imports hold the GIL, so only the
    # server process's own start-up overlaps usefully with the caller's work.
    from prefect.server.api.server import SubprocessASGIServer

    thread = threading.Thread(target=SubprocessASGIServer().start, name="prefect-temporary-server", daemon=True)
    thread.start()
    return thread


def wait_for_server(starting: threading.Thread | None) -> None:
    """Block until the server started by :func:`start_temporary_server` answers.

    The flow must not talk to the API before then: Prefect marks the server
    as running as soon as its process exists, before it answers.
    """
    if starting is not None:
        starting.join()
