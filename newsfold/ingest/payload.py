"""Read a source file's bytes from disk, gunzipping ``.gz`` files.

The only module of the reader that touches the file system. It also checks
that the bytes still hash to what discovery saw, so an article is never
stored under the hash of a different version of its file.

Example:
    >>> import gzip
    >>> gunzip_bytes(gzip.compress(b"hello"), max_bytes=10)
    b'hello'
"""

from __future__ import annotations

import gzip
import hashlib
import io
import zlib
from pathlib import Path

from newsfold.errors import ErrorCode
from newsfold.ingest.problems import ReadProblem
from newsfold.limits import DEFAULT_MAX_BYTES

__all__ = ["load_payload", "gunzip_bytes", "DEFAULT_MAX_BYTES", "MAX_GUNZIPPED_BYTES"]

#: Ceiling on a gunzipped payload whatever the limit, so a gzip bomb becomes a reject, not an OOM.
MAX_GUNZIPPED_BYTES = 1024 * 1024 * 1024


def load_payload(path: Path, *, sha256: str, gzipped: bool, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The file's bytes, gunzipped when ``gzipped``.

    Args:
        path: Absolute or working-directory-relative file path.
        sha256: Hash discovery recorded; the bytes read must still match it.
        gzipped: Whether the file is a gzip stream.
        max_bytes: The input size limit; it applies to the gunzipped bytes
            (discovery already checked the size on disk).

    Returns:
        The (decompressed) bytes.

    Raises:
        ReadProblem: NF109 unreadable or changed since discovery, NF105
            corrupt gzip, NF104 gunzipped payload over ``max_bytes``.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        message = f"cannot be read ({reason}); check it exists and its permissions"
        raise ReadProblem(ErrorCode.UNREADABLE_FILE.value, message) from exc
    if hashlib.sha256(data).hexdigest() != sha256:
        raise ReadProblem(
            ErrorCode.UNREADABLE_FILE.value,
            "changed on disk since it was discovered; it will be read on the next run",
        )
    return gunzip_bytes(data, max_bytes=min(max_bytes, MAX_GUNZIPPED_BYTES)) if gzipped else data


def gunzip_bytes(data: bytes, *, max_bytes: int) -> bytes:
    """Decompress a (possibly multi-member) gzip stream, refusing damage.

    Args:
        data: The compressed bytes.
        max_bytes: Largest decompressed size accepted.

    Returns:
        The decompressed bytes.

    Raises:
        ReadProblem: NF105 when the stream is not gzip, truncated or fails its
            CRC; NF104 when it inflates past ``max_bytes``.

    Example:
        >>> gunzip_bytes(b"not gzip", max_bytes=10)
        Traceback (most recent call last):
        ...
        newsfold.ingest.problems.ReadProblem: NF105: is not a valid gzip stream (Not a gzipped file (b'no')); re-compress or unzip it
    """
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            out = stream.read(max_bytes + 1)
    except EOFError as exc:
        message = "is a truncated gzip stream (it ends early); re-copy or re-compress it"
        raise ReadProblem(ErrorCode.CORRUPT_GZIP.value, message) from exc
    except (OSError, zlib.error) as exc:
        message = f"is not a valid gzip stream ({exc}); re-compress or unzip it"
        raise ReadProblem(ErrorCode.CORRUPT_GZIP.value, message) from exc
    if len(out) > max_bytes:
        raise ReadProblem(
            ErrorCode.OVERSIZED_FILE.value,
            f"inflates to more than {max_bytes} bytes when gunzipped, over the size limit; "
            "split it or raise the limit (--max-bytes)",
        )
    return out
