"""SIGTERM as Ctrl-C, so a terminated command cleans up like an interrupted one.

Python ends on SIGTERM without running ``finally`` blocks or ``atexit``
hooks, which would leave Prefect's temporary server and the analysis workers
running. Inside :func:`stop_on_sigterm` a SIGTERM raises ``KeyboardInterrupt``
in the main thread instead, and every context manager on the way out stops
what it started.

Example:
    >>> with stop_on_sigterm():
    ...     pass
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["stop_on_sigterm"]


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


@contextmanager
def stop_on_sigterm() -> Iterator[None]:
    """Within the block, SIGTERM raises ``KeyboardInterrupt`` (main thread only; elsewhere a no-op)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
