"""The one exception the ingest helpers raise for bad input.

Helpers deep in the reader raise :class:`ReadProblem` with a stable error code
and a message; :func:`newsfold.ingest.read_source` catches it at the file or
record boundary and turns it into a ``Reject`` row, so bad input never escapes
as an exception.

Example:
    >>> ReadProblem("NF101", "the file is empty").code
    'NF101'
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["ReadProblem"]


class ReadProblem(Exception):
    """Bad input found while reading: carries the reject code and message.

    Attributes:
        code: A :class:`newsfold.errors.ErrorCode` value, e.g. ``"NF105"``.
        message: What is wrong, without the file name (the caller adds it).
        payload: An excerpt of the offending input, when one helps; may be
            given as a zero-argument function, called only when it is read
            (a file with a million bad records only shows a few).
    """

    def __init__(self, code: str, message: str, payload: str | Callable[[], str] | None = None) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        self._payload = payload

    @property
    def payload(self) -> str | None:
        if callable(self._payload):
            self._payload = self._payload()
        return self._payload
