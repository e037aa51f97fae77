"""The flow on a real Dask cluster: a ``dask scheduler`` and two ``dask worker`` processes on loopback.

The cluster lives for the module; every process it started is stopped when
the module ends, also when a test fails (each in its own session, ended by
process group). Its workers have the test hook armed that makes a worker
handed the marked article die by SIGKILL, as the kernel's out-of-memory
killer would, and the scheduler runs a batch again once after a worker died
on it (``allowed-failures`` 1, to keep the test short; the default is 3).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import polars as pl
import pytest

from newsfold.analyse.faults import KILL_MARKER_VARIABLE
from newsfold.load import read_tables
from schemas import TABLES
from tests.conftest import SEEDS
from tests.hostile import KILL_MARKER

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
WORDS = "the minister said on Tuesday that talks in Geneva would resume after the ceasefire".split()
#: Each worker's memory limit: room for spaCy, the registry ruler, Prefect and a batch.
WORKER_MEMORY = "1GB"


@dataclass(frozen=True)
class Cluster:
    address: str
    processes: tuple[subprocess.Popen, ...]

    def sessions(self) -> list[int]:
        return [process.pid for process in self.processes]  # each started its own session


def free_port() -> int:
    with contextlib.closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def processes_in_sessions(sessions: list[int]) -> dict[int, str]:
    """Live processes of the given sessions: pid to command line."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if int(fields[3]) in sessions and fields[0] != "Z":
            found[int(entry.name)] = command
    return found


def stop_session(process: subprocess.Popen) -> None:
    """End a process and everything in its process group: SIGTERM, then SIGKILL after 15 s."""
    for sig, wait in ((signal.SIGTERM, 15), (signal.SIGKILL, 15)):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
        try:
            process.wait(timeout=wait)
            break
        except subprocess.TimeoutExpired:
            continue


@pytest.fixture(scope="module")
def dask_cluster(tmp_path_factory):
    """A scheduler and two single-threaded workers on loopback, stopped when the module ends."""
    from distributed import Client

    logs = tmp_path_factory.mktemp("dask-logs")
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = {**os.environ, "PYTHONPATH": str(ROOT), KILL_MARKER_VARIABLE: KILL_MARKER,
           "DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES": "1",
           "PREFECT_HOME": str(tmp_path_factory.mktemp("worker-prefect-home"))}
    env.pop("PREFECT_API_URL", None)  # what the workers report to must come from the flow
    commands = [[sys.executable, "-m", "dask", "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"]]
    commands += [
        [sys.executable, "-m", "dask", "worker", address, "--name", name, "--nworkers", "1", "--nthreads", "1",
         "--memory-limit", WORKER_MEMORY, "--no-dashboard", "--host", "127.0.0.1"]
        for name in ("worker-a", "worker-b")
    ]
    processes: list[subprocess.Popen] = []
    try:
        for number, command in enumerate(commands):
            with open(logs / f"{number}.log", "wb") as log:
                processes.append(subprocess.Popen(command, env=env, cwd=logs, start_new_session=True,
                                                  stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT))
        with Client(address, timeout=120) as client:
            client.wait_for_workers(2, timeout=300)
        yield Cluster(address, tuple(processes))
    finally:
        for process in reversed(processes):
            stop_session(process)
        assert not processes_in_sessions([p.pid for p in processes]), "a Dask process outlived its test"


def write_raw(raw: Path) -> None:
    """The seed articles, eight generated ones (one of them kills its worker) and two bad files."""
    shutil.copytree(SEEDS, raw)
    for index in range(8):
        sentences = [" ".join(WORDS[(index + k) % len(WORDS):] + WORDS[: (index + k) % len(WORDS)]).capitalize() + "."
                     for k in range(12)]
        marker = f" {KILL_MARKER}" if index == 5 else ""
        (raw / f"talks_{index:02d}.txt").write_text(f"Talks {index}\n\n" + " ".join(sentences) + marker, "utf-8")
    (raw / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (raw / "empty.txt").write_bytes(b"")


@pytest.fixture(scope="module")
def raw_folder(tmp_path_factory) -> Path:
    raw = tmp_path_factory.mktemp("dask-input") / "raw"
    write_raw(raw)
    return raw


@pytest.fixture(scope="module")
def local_run(prefect_api, raw_folder, tmp_path_factory):
    """The same input on the local process pool (workers forced on, so the marked article kills one)."""
    import flows.pipeline as pipeline

    out = tmp_path_factory.mktemp("local-run") / "output"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(KILL_MARKER_VARIABLE, KILL_MARKER)
        with pipeline.analysis_started_early(1, 1_000_000, bytes_to_read=10**9):
            summary = pipeline.newsfold_flow(raw=str(raw_folder), out=str(out), workers=1)
    return out, summary


def comparable(tables: dict[str, pl.DataFrame]) -> dict[str, pl.DataFrame]:
    """Every table but ``runs``, without the run's own id."""
    return {name: frame.drop([c for c in ("run_id",) if c in frame.columns])
            for name, frame in tables.items() if name != "runs"}


def assert_same_tables(first: Path, second: Path) -> None:
    left, right = comparable(read_tables(first)), comparable(read_tables(second))
    assert set(left) == set(right) == set(TABLES) - {"runs"}
    for name in left:
        assert left[name].height == right[name].height, name
        assert left[name].equals(right[name]), name


def servers_started_by(cluster: Cluster) -> dict[int, str]:
    return {pid: command for pid, command in processes_in_sessions(cluster.sessions()).items() if "uvicorn" in command}


def test_dask_run_equals_the_local_run(prefect_api, dask_cluster, raw_folder, local_run, tmp_path, monkeypatch):
    from prefect import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    from flows.pipeline import newsfold_flow

    monkeypatch.setenv(KILL_MARKER_VARIABLE, KILL_MARKER)  # for this process's pool, which takes a batch that kills its workers
    local_out, local_summary = local_run
    out = tmp_path / "output"
    summary = newsfold_flow(raw=str(raw_folder), out=str(out), workers=1, dask_address=dask_cluster.address)

    assert summary["committed"] and summary["rows"] == local_summary["rows"]
    assert_same_tables(local_out, out)
    rejects = read_tables(out)["rejects"]
    assert {(r["source_path"], r["error_code"]) for r in rejects.iter_rows(named=True)} == {
        ("binary.txt", "NF102"), ("empty.txt", "NF101"), ("talks_05.txt", "NF202"),
    }
    assert summary["stage_seconds"]["dask cluster start"] > 0
    assert not servers_started_by(dask_cluster)  # the workers used the test's Prefect API, not a server of their own

    # The batches ran as task runs of this flow run, in the one API.
    deadline = time.monotonic() + 60
    while True:
        with get_client(sync_client=True) as client:
            runs = client.read_task_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[summary["flow_run_id"]])))
        completed = {run.name.rsplit("-", 1)[0] for run in runs if run.state is not None and run.state.is_completed()}
        if {"read", "analyse"} <= completed or time.monotonic() > deadline:
            break
        time.sleep(1)
    assert {"read", "analyse"} <= completed


def test_cli_run_on_dask_uses_its_one_prefect_server(dask_cluster, raw_folder, local_run, tmp_path):
    """`newsfold run --dask` as a user runs it: the CLI's temporary server is the only one."""
    out = tmp_path / "output"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PREFECT_HOME": str(tmp_path / "home"), KILL_MARKER_VARIABLE: KILL_MARKER}
    env.pop("PREFECT_API_URL", None)  # the CLI starts its temporary server: that is what is tested
    run = subprocess.run(
        [sys.executable, "-m", "flows.cli", "run", str(raw_folder), "--out", str(out), "--workers", "1",
         "--dask", dask_cluster.address, "--quiet"],
        env=env, cwd=tmp_path, capture_output=True, text=True, timeout=900,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    assert "Traceback" not in run.stderr
    assert not servers_started_by(dask_cluster)
    assert_same_tables(local_run[0], out)
