"""Worker processes that end when the process that started them is gone.

A ``kill -9`` of ``newsfold run`` gives its analysis workers no chance to be
told to stop: they would sit on hundreds of megabytes each, waiting for work
that never comes. Each worker therefore watches its parent from a daemon
thread and exits as soon as it has been re-parented.

Example:
    >>> watch_parent(expected_parent=os.getppid(), interval=60.0).daemon
    True
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from collections.abc import Iterator

__all__ = ["hold_signals", "release_held_signals", "watch_parent"]


def _watch(expected_parent: int, interval: float) -> None:
    while True:
        if os.getppid() != expected_parent:
            os._exit(1)  # no cleanup to do: the parent that wanted the results is gone
        time.sleep(interval)


def watch_parent(expected_parent: int | None = None, interval: float = 1.0) -> threading.Thread:
    """Start a daemon thread that ends this process once its parent is not ``expected_parent``.

    Args:
        expected_parent: The parent's pid; by default the parent now.
        interval: Seconds between checks.

    Returns:
        The started watcher thread.
    """
    parent = os.getppid() if expected_parent is None else expected_parent
    thread = threading.Thread(target=_watch, args=(parent, interval), name="newsfold-parent-watch", daemon=True)
    thread.start()
    return thread


_HELD_SIGNALS = {signal.SIGINT, signal.SIGTERM}


@contextlib.contextmanager
def hold_signals() -> Iterator[None]:
    """Delay SIGINT and SIGTERM for the main thread until the block ends (elsewhere a no-op).

    Processes spawned inside the block inherit the held mask and should call
    :func:`release_held_signals` once started.

    Example:
        >>> with hold_signals():
        ...     pass
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def release_held_signals() -> None:
    """In a process spawned inside :func:`hold_signals`: take SIGINT and SIGTERM again."""
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _HELD_SIGNALS)
