"""The ``--dask`` option: addresses read, malformed or unreachable ones refused in one line (exit 2)."""

from __future__ import annotations

import contextlib
import socket

import pytest
from click.testing import CliRunner

from flows.cli import main
from flows.dask_address import LOCAL, DaskClusterError, check_reachable, parse_dask_address


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("tcp://127.0.0.1:8786", "tcp://127.0.0.1:8786"),
        ("127.0.0.1:8786", "tcp://127.0.0.1:8786"),
        ("  tcp://scheduler.lan:9000/ ", "tcp://scheduler.lan:9000"),
        ("tls://10.0.0.5:8786", "tls://10.0.0.5:8786"),
        ("tcp://[::1]:8786", "tcp://[::1]:8786"),
        ("local", LOCAL),
        ("LOCAL", LOCAL),
        ("http://127.0.0.1:8786", None),
        ("tcp://127.0.0.1", None),
        ("tcp://:8786", None),
        ("tcp://127.0.0.1:port", None),
        ("tcp://127.0.0.1:99999", None),
        ("tcp://127.0.0.1:0", None),
        ("tcp://127.0.0.1:8786/path", None),
        ("", None),
    ],
)
def test_parse_dask_address_reads_addresses_and_refuses_the_rest(value, expected):
    if expected is None:
        with pytest.raises(ValueError, match="not a Dask scheduler address"):
            parse_dask_address(value)
    else:
        assert parse_dask_address(value) == expected


def closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with contextlib.closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_check_reachable_names_the_scheduler_it_cannot_reach():
    address = f"tcp://127.0.0.1:{closed_port()}"
    with pytest.raises(DaskClusterError, match=f"cannot reach the Dask scheduler at {address}"):
        check_reachable(address)


def test_check_reachable_accepts_a_listener():
    with contextlib.closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        check_reachable(f"tcp://127.0.0.1:{sock.getsockname()[1]}")


@pytest.mark.parametrize(
    ("address", "words"),
    [("unreachable", "cannot reach the Dask scheduler at tcp://127.0.0.1:"), ("http://x:1", "is not a Dask scheduler address")],
)
def test_cli_refuses_a_bad_dask_address_in_one_line(tmp_path, monkeypatch, address, words):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "a.txt").write_text("An article about Iraq.", encoding="utf-8")
    value = f"tcp://127.0.0.1:{closed_port()}" if address == "unreachable" else address
    result = CliRunner().invoke(main, ["run", "raw", "--out", "output", "--dask", value])
    assert result.exit_code == 2
    (line,) = result.output.strip().splitlines()  # one clear line: no usage text, no traceback
    assert line.startswith("Error: --dask: ") and words in line
    assert not (tmp_path / "output").exists()  # refused before anything started or was written
