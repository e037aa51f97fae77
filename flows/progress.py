"""Progress of long stages, for whoever is watching (the CLI's progress bars).

The flow reports; listeners (set by the CLI) display. With no listener,
reporting costs nothing.

Example:
    >>> seen = []
    >>> with listening(lambda stage, advance, total: seen.append((stage, advance, total))):
    ...     report("read", 1, 2)
    >>> seen
    [('read', 1, 2)]
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

Listener = Callable[[str, int, int], None]
_listeners: list[Listener] = []


def report(stage: str, advance: int, total: int) -> None:
    """Say that ``advance`` more of ``total`` items of ``stage`` are done."""
    for listener in _listeners:
        listener(stage, advance, total)


@contextlib.contextmanager
def listening(listener: Listener) -> Iterator[None]:
    """Send progress reports to ``listener`` while the block runs."""
    _listeners.append(listener)
    try:
        yield
    finally:
        _listeners.remove(listener)
