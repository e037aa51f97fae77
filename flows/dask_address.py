"""Where the ``--dask`` option points: a scheduler address, or ``local``.

Kept apart from :mod:`flows.dask_cluster` so that the CLI can check the
option before anything starts, without importing Dask (seconds).

Example:
    >>> parse_dask_address("10.0.0.5:8786")
    'tcp://10.0.0.5:8786'
"""

from __future__ import annotations

import socket
import urllib.parse

from newsfold.errors import NewsfoldError

__all__ = ["LOCAL", "DaskClusterError", "check_reachable", "parse_dask_address"]

#: The ``--dask`` value that starts a cluster on this machine for the run.
LOCAL = "local"
_SCHEMES = ("tcp", "tls")


class DaskClusterError(NewsfoldError):
    """The Dask scheduler cannot be reached or used; the message says which and why."""


def parse_dask_address(value: str) -> str:
    """``"local"``, or the scheduler address ``value`` names, as ``tcp://HOST:PORT``.

    Raises:
        ValueError: ``value`` is neither ``local`` nor ``[tcp|tls]://HOST:PORT``.

    Example:
        >>> parse_dask_address("tcp://127.0.0.1:8786"), parse_dask_address("Local")
        ('tcp://127.0.0.1:8786', 'local')
    """
    text = value.strip()
    if text.lower() == LOCAL:
        return LOCAL
    parts = urllib.parse.urlsplit(text if "://" in text else f"tcp://{text}")
    try:
        port = parts.port
    except ValueError:  # not a number, or out of range
        port = None
    if parts.scheme not in _SCHEMES or not parts.hostname or not port or parts.path not in ("", "/"):
        raise ValueError(f"{value!r} is not a Dask scheduler address: expected tcp://HOST:PORT or 'local'")
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    return f"{parts.scheme}://{host}:{port}"


def check_reachable(address: str, timeout: float = 5.0) -> None:
    """Raise :class:`DaskClusterError` unless something listens at the scheduler ``address``.

    A cheap check before anything starts; the flow's own connection says more
    if the listener is not a Dask scheduler.

    Example:
        >>> check_reachable("local")  # nothing to reach: the run starts its own cluster
    """
    if address == LOCAL:
        return
    parts = urllib.parse.urlsplit(address)
    try:
        socket.create_connection((parts.hostname, parts.port), timeout=timeout).close()
    except OSError as exc:
        raise DaskClusterError(
            f"cannot reach the Dask scheduler at {address} ({exc.strerror or exc}); "
            "start one with `dask scheduler`, or use --dask local"
        ) from exc
