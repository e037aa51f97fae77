"""Output on object storage: ``--out s3://bucket/prefix`` beside local directories.

A local output directory is a :class:`pathlib.Path`; an S3 one is an
:class:`ObjectStorePath`, which offers the few path operations the store
uses (``/``, ``exists``, ``glob``, ``read_bytes`` ...) over an fsspec
filesystem (``s3fs``). What only a local file system has (``fcntl`` locks,
``fsync``, renames) stays in :mod:`newsfold.store`; its object-store
counterparts are here: :func:`object_store_lock` and :func:`remove_tree`.

Endpoint and credentials come from the standard environment variables, read
when a location is used: ``AWS_ENDPOINT_URL_S3`` (or ``AWS_ENDPOINT_URL``),
``AWS_ACCESS_KEY_ID``, ``AWS_SECRET_ACCESS_KEY``, ``AWS_SESSION_TOKEN``
(optional) and ``AWS_REGION`` (or ``AWS_DEFAULT_REGION``). Without them, the
AWS defaults apply (profiles, instance roles).

Example:
    >>> out = output_location("s3://news/collection")
    >>> str(out / ".newsfold" / "commits"), (out / "documents").name
    ('s3://news/collection/.newsfold/commits', 'documents')
    >>> output_location("output")
    PosixPath('output')
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
import socket
import threading
import time
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from newsfold.errors import StoreError

__all__ = [
    "LOCK_HEARTBEAT_SECONDS",
    "LOCK_STALE_SECONDS",
    "ObjectStorePath",
    "delta_storage_options",
    "is_object_store",
    "object_store_lock",
    "output_location",
    "remove_tree",
    "s3_filesystem",
]

_SCHEME = "s3://"
#: A lock whose holder has not refreshed it for this long is taken over (its run is presumed dead).
LOCK_STALE_SECONDS = 300.0
#: How often a run holding the lock refreshes it.
LOCK_HEARTBEAT_SECONDS = 60.0


def is_object_store(location: str | os.PathLike | ObjectStorePath) -> bool:
    """True for an ``s3://`` location, False for a local path.

    Example:
        >>> is_object_store("s3://bucket/out"), is_object_store(Path("s3:/bucket/out")), is_object_store("output")
        (True, False, False)
    """
    return isinstance(location, ObjectStorePath) or (isinstance(location, str) and location.startswith(_SCHEME))


def output_location(out: str | Path | ObjectStorePath) -> Path | ObjectStorePath:
    """``out`` as the store handles it: an :class:`ObjectStorePath` for ``s3://...``, else a Path.

    Raises:
        StoreError: for an ``s3://`` location without a bucket.

    Example:
        >>> output_location("s3://bucket/").uri, output_location(Path("out"))
        ('s3://bucket', PosixPath('out'))
    """
    if isinstance(out, ObjectStorePath):
        return out
    if is_object_store(out):
        key = str(out)[len(_SCHEME):].rstrip("/")
        if not key or key.startswith("/"):
            raise StoreError(f"{out!r} names no bucket; write s3://BUCKET/PREFIX")
        return ObjectStorePath(f"{_SCHEME}{key}")
    return Path(out)


@dataclass(frozen=True, order=True)
class ObjectStorePath:
    """An object or prefix in an S3 bucket, with the path operations the store needs.

    S3 has no directories: a "directory" exists when an object's key starts
    with its prefix, ``mkdir`` does nothing, and nothing is a symlink.

    Attributes:
        uri: ``s3://bucket/key`` without a trailing slash.

    Example:
        >>> path = ObjectStorePath("s3://bucket/out/documents/part-1.parquet")
        >>> path.name, path.parent.uri, path.suffix
        ('part-1.parquet', 's3://bucket/out/documents', '.parquet')
    """

    uri: str

    def __str__(self) -> str:
        return self.uri

    def __truediv__(self, part: str) -> ObjectStorePath:
        return ObjectStorePath(f"{self.uri}/{str(part).strip('/')}")

    @property
    def key(self) -> str:
        """``bucket/key``, as fsspec names it."""
        return self.uri[len(_SCHEME):]

    @property
    def bucket(self) -> str:
        return self.key.split("/", 1)[0]

    @property
    def name(self) -> str:
        return PurePosixPath(self.key).name

    @property
    def suffix(self) -> str:
        return PurePosixPath(self.key).suffix

    @property
    def parent(self) -> ObjectStorePath:
        return ObjectStorePath(f"{_SCHEME}{PurePosixPath(self.key).parent}")

    def with_suffix(self, suffix: str) -> ObjectStorePath:
        return ObjectStorePath(f"{_SCHEME}{PurePosixPath(self.key).with_suffix(suffix)}")

    def exists(self) -> bool:
        """An object with this key, or objects under this prefix."""
        return bool(_objects_under(self.key))

    def is_dir(self) -> bool:
        return bool(_objects_under(f"{self.key}/"))

    def is_file(self) -> bool:
        return s3_filesystem().isfile(self.key)

    def is_symlink(self) -> bool:
        return False

    def mkdir(self, parents: bool = False, exist_ok: bool = False) -> None:
        """Nothing to do: a prefix exists once an object is written under it."""

    def glob(self, pattern: str) -> list[ObjectStorePath]:
        """Objects under this prefix whose key below it matches ``pattern`` (``*`` stays within one level), sorted.

        Example:
            >>> ObjectStorePath("s3://bucket/out/documents").glob("*.parquet")  # doctest: +SKIP
            [ObjectStorePath(uri='s3://bucket/out/documents/part-run_x-1.zstd.parquet')]
        """
        matches = re.compile("[^/]*".join(re.escape(part) for part in pattern.split("*")) + r"\Z")
        start = len(self.key) + 1
        return sorted(ObjectStorePath(f"{_SCHEME}{key}") for key in _objects_under(f"{self.key}/")
                      if matches.match(key[start:]))

    def iterdir(self) -> list[ObjectStorePath]:
        """The objects and prefixes one level under this one that hold an object, sorted."""
        start = len(self.key) + 1
        children = {key[start:].split("/", 1)[0] for key in _objects_under(f"{self.key}/")}
        return sorted(self / child for child in children)

    def read_bytes(self) -> bytes:
        return s3_filesystem().cat_file(self.key)

    def read_text(self, encoding: str = "utf-8") -> str:
        return self.read_bytes().decode(encoding)

    def write_bytes(self, data: bytes) -> None:
        """Write the object in one PUT: readers see all of it or the previous one."""
        s3_filesystem().pipe_file(self.key, data)

    def write_text(self, text: str, encoding: str = "utf-8") -> None:
        self.write_bytes(text.encode(encoding))

    def create_exclusively(self, data: bytes) -> bool:
        """Write the object only if none exists (a conditional PUT); False when one did."""
        try:
            s3_filesystem().pipe_file(self.key, data, mode="create")
        except OSError as exc:
            if _is_precondition_failure(exc):
                return False
            raise
        return True

    def open(self, mode: str = "rb"):
        """A file object; one opened for writing becomes visible whole when it is closed."""
        return s3_filesystem().open(self.key, mode)

    def size(self) -> int:
        return int(s3_filesystem().info(self.key)["size"])

    def unlink(self, missing_ok: bool = False) -> None:
        try:
            s3_filesystem().rm_file(self.key)
        except FileNotFoundError:
            if not missing_ok:
                raise

    def move_to(self, target: ObjectStorePath) -> None:
        """Copy the object to ``target``, then delete it (S3 has no rename)."""
        filesystem = s3_filesystem()
        filesystem.copy(self.key, target.key)
        filesystem.rm_file(self.key)


def _objects_under(key: str) -> list[str]:
    """Keys of the objects at ``key`` or below it (a prefix ending in "/" lists only below).

    Only objects count: some servers (SeaweedFS) keep an empty "directory"
    after its last object is deleted and list it; newsfold ignores those.
    """
    found = s3_filesystem().find(key.rstrip("/"), detail=True)
    return sorted(name for name, info in found.items()
                  if info.get("type") == "file" and (not key.endswith("/") or name.startswith(key)))


def _is_precondition_failure(exc: OSError) -> bool:
    text = f"{exc} {exc.__cause__ or ''}".lower()
    return "precondition" in text or "412" in text


def remove_tree(location: ObjectStorePath) -> None:
    """Delete every object under ``location`` (nothing when there is none).

    Example:
        >>> remove_tree(ObjectStorePath("s3://bucket/out/.newsfold/history/run_x"))  # doctest: +SKIP
    """
    keys = _objects_under(f"{location.key}/")
    if keys:
        s3_filesystem().rm(keys)


def _settings() -> dict[str, str]:
    """The S3 settings of the standard environment variables that are set."""
    environ = os.environ
    found = {
        "endpoint": environ.get("AWS_ENDPOINT_URL_S3") or environ.get("AWS_ENDPOINT_URL"),
        "key": environ.get("AWS_ACCESS_KEY_ID"),
        "secret": environ.get("AWS_SECRET_ACCESS_KEY"),
        "token": environ.get("AWS_SESSION_TOKEN"),
        "region": environ.get("AWS_REGION") or environ.get("AWS_DEFAULT_REGION"),
    }
    return {name: value for name, value in found.items() if value}


def s3_filesystem():
    """The fsspec filesystem for ``s3://`` locations, configured from the environment.

    Listings are never cached: Delta Lake writes objects behind this
    filesystem's back, and a cached listing would miss them.
    """
    settings = _settings()
    return _filesystem_for(tuple(sorted(settings.items())))


_FILESYSTEMS: dict[tuple, object] = {}
_FILESYSTEMS_LOCK = threading.Lock()


def _filesystem_for(settings: tuple[tuple[str, str], ...]):
    with _FILESYSTEMS_LOCK:
        if settings not in _FILESYSTEMS:
            import s3fs

            values = dict(settings)
            client = {name: values[source] for name, source in (("endpoint_url", "endpoint"), ("region_name", "region"))
                      if source in values}
            _FILESYSTEMS[settings] = s3fs.S3FileSystem(
                key=values.get("key"), secret=values.get("secret"), token=values.get("token"),
                client_kwargs=client, use_listings_cache=False, skip_instance_cache=True,
            )
        return _FILESYSTEMS[settings]


def delta_storage_options(uri: str) -> dict[str, str] | None:
    """``storage_options`` for deltalake (and Polars) for the table at ``uri``; None for a local one.

    Commits use S3's conditional PUT (``If-None-Match: *``): a Delta commit
    file is created only if no writer created that version first, so even a
    second writer that wrongly took over the newsfold lock cannot overwrite
    a commit; ``AWS_S3_ALLOW_UNSAFE_RENAME`` (a plain PUT that would) is not
    used. The server must support conditional writes (AWS S3 since 2024,
    SeaweedFS, MinIO, R2 do).

    Example:
        >>> delta_storage_options("output/documents") is None
        True
    """
    if not is_object_store(uri):
        return None
    settings = _settings()
    options = {"AWS_CONDITIONAL_PUT": "etag"}
    if "endpoint" in settings:
        options["AWS_ENDPOINT_URL"] = settings["endpoint"]
        if settings["endpoint"].startswith("http://"):
            options["AWS_ALLOW_HTTP"] = "true"
    for option, name in (("AWS_ACCESS_KEY_ID", "key"), ("AWS_SECRET_ACCESS_KEY", "secret"),
                         ("AWS_SESSION_TOKEN", "token"), ("AWS_REGION", "region")):
        if name in settings:
            options[option] = settings[name]
    return options


@contextlib.contextmanager
def object_store_lock(
    lock: ObjectStorePath, *, wait_seconds: float = 0.0, stale_seconds: float = LOCK_STALE_SECONDS,
    heartbeat_seconds: float = LOCK_HEARTBEAT_SECONDS,
) -> Iterator[None]:
    """Hold the lock object ``lock`` for the block: created by a conditional PUT, deleted at the end.

    The object names its holder (host, boot, process) and when it last
    refreshed it; a thread refreshes it every ``heartbeat_seconds``. A lock
    left by a run that died is taken over: at once when its process is gone
    from this machine, otherwise once it is ``stale_seconds`` old.

    Raises:
        StoreError: when the bucket does not exist, the server ignores
            conditional writes, or another run still holds the lock after
            ``wait_seconds``.
    """
    filesystem = s3_filesystem()
    if not filesystem.exists(lock.bucket):
        raise StoreError(f"bucket {lock.bucket!r} does not exist (or these credentials cannot see it); create it first")
    owner = _LockOwner.of_this_process()
    deadline = time.monotonic() + wait_seconds
    while not lock.create_exclusively(owner.body()):
        holder = _read_holder(lock)
        if holder is None:  # released between our attempt and the read
            continue
        if holder.is_dead(stale_seconds):
            lock.unlink(missing_ok=True)  # a dead run's lock: take it over
            continue
        if time.monotonic() >= deadline:
            raise StoreError(f"another newsfold run ({holder.describe()}) is writing {lock.parent.parent}; "
                             f"try again when it ends (a lock not refreshed for {stale_seconds:.0f} s is taken over)")
        time.sleep(0.5)
    if lock.create_exclusively(owner.body()):  # a second create must be refused, or nothing is exclusive
        lock.unlink(missing_ok=True)
        raise StoreError(f"the S3 server of {lock.bucket!r} ignores conditional writes (If-None-Match), so it cannot "
                         "hold newsfold's lock or Delta commits safely; use a server that supports them")
    stop = threading.Event()
    heartbeat = threading.Thread(target=_refresh_until, args=(lock, owner, stop, heartbeat_seconds),
                                 name="newsfold-lock-heartbeat", daemon=True)
    heartbeat.start()
    try:
        yield
    finally:
        stop.set()
        heartbeat.join()
        holder = _read_holder(lock)
        if holder is not None and holder.token == owner.token:
            lock.unlink(missing_ok=True)


@dataclass(frozen=True)
class _LockOwner:
    token: str
    host: str
    boot_id: str
    pid: int
    process_start: str
    heartbeat_at: str = ""

    @classmethod
    def of_this_process(cls) -> _LockOwner:
        return cls(uuid.uuid4().hex, socket.gethostname(), _boot_id(), os.getpid(), _process_start(os.getpid()))

    def body(self) -> bytes:
        record = {**self.__dict__, "heartbeat_at": dt.datetime.now(dt.timezone.utc).isoformat()}
        return json.dumps(record).encode()

    def describe(self) -> str:
        return f"host {self.host}, pid {self.pid}, last seen {self.heartbeat_at}"

    def is_dead(self, stale_seconds: float) -> bool:
        """Its process is gone from this machine, or it has not refreshed the lock for ``stale_seconds``."""
        if self.host == socket.gethostname() and self.boot_id == _boot_id():
            if _process_start(self.pid) != self.process_start:  # gone, or the pid now names another process
                return True
        try:
            seen = dt.datetime.fromisoformat(self.heartbeat_at)
        except ValueError:
            return True
        if seen.tzinfo is None:
            seen = seen.replace(tzinfo=dt.timezone.utc)
        return (dt.datetime.now(dt.timezone.utc) - seen).total_seconds() > stale_seconds


def _read_holder(lock: ObjectStorePath) -> _LockOwner | None:
    try:
        record: Mapping = json.loads(lock.read_bytes())
    except FileNotFoundError:
        return None
    except ValueError:  # not our JSON: treat as a holder never seen
        return _LockOwner("", "", "", -1, "", "")
    fields = _LockOwner.__dataclass_fields__
    return _LockOwner(**{name: record.get(name, "") for name in fields if name != "pid"}, pid=int(record.get("pid", -1)))


def _refresh_until(lock: ObjectStorePath, owner: _LockOwner, stop: threading.Event, every: float) -> None:
    while not stop.wait(every):
        with contextlib.suppress(Exception):  # a missed refresh is retried at the next beat
            holder = _read_holder(lock)
            if holder is not None and holder.token == owner.token:
                lock.write_bytes(owner.body())


def _boot_id() -> str:
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text().strip()
    except OSError:
        return ""


def _process_start(pid: int) -> str:
    """When process ``pid`` started (clock ticks since boot), "" when there is no such process."""
    if pid <= 0:
        return ""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return ""
        except PermissionError:
            pass
        return "alive"  # no /proc: the pid is alive, its start time unknown
    return stat.rsplit(")", 1)[1].split()[19]
