"""Find the input files under the raw directory.

:func:`discover_sources` walks the tree and returns every candidate file as a
:class:`~newsfold.records.SourceFile` (relative POSIX path, size, SHA-256 of
the bytes), sorted by path, plus a ``Reject`` for every file it will not hand
on, so nothing is lost silently:

* ignored, no reject: hidden files and directories (any component starting
  with ``.``), editor swap and backup files (``*.swp``, ``*.swo``, ``*~``,
  ``#*#``, ``.#*``), and everything under an ``exclude`` path (the flow
  refuses an output directory inside the input, see :func:`check_output_apart`,
  but a library caller may still pass one);
* rejected: a symlink whose target leaves the tree (NF108, never read),
  something that is not a regular file or cannot be read (NF109), a file over
  ``max_bytes`` (NF104) and an extension newsfold does not read (NF110).

Paths are stored in the escaped form of :mod:`newsfold.paths`: any name a
file system allows (bytes that are not UTF-8, newlines, control characters)
is kept, losslessly and printably.

Symlinks that stay inside the tree are followed (a directory link that would
loop back into one of its own ancestors is skipped).

Example:
    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> _ = (root / "a.txt").write_text("Hello")
    >>> _ = (root / "notes.docx").write_text("x")
    >>> sources, rejects = discover_sources(root)
    >>> [s.path for s in sources], [r.error_code for r in rejects]
    (['a.txt'], ['NF110'])
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import os
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path

from newsfold.errors import ErrorCode, InputError
from newsfold.ingest.formats import SUPPORTED_SUFFIXES, source_format
from newsfold.limits import DEFAULT_MAX_BYTES
from newsfold.object_store import is_object_store
from newsfold.paths import escape_path
from newsfold.records import Reject, SourceFile

__all__ = ["DEFAULT_MAX_BYTES", "SUPPORTED_SUFFIXES", "check_output_apart", "discover_sources", "is_ignored_name"]

_STAGE = "discover"
_HASH_CHUNK = 1024 * 1024


def discover_sources(
    raw_root: Path, *, exclude: Sequence[Path] = (), max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[list[SourceFile], list[Reject]]:
    """Walk raw_root recursively; return readable candidate files sorted by path, and rejects.

    Args:
        raw_root: The input directory.
        exclude: Paths (absolute, or relative to the working directory) whose
            whole subtree is skipped, e.g. the output directory.
        max_bytes: Largest file size accepted; larger files get NF104.

    Returns:
        ``(sources, rejects)``: sources sorted by path; rejects (stage
        ``"discover"``) sorted by path too.

    Raises:
        InputError: ``raw_root`` does not exist or is not a directory.
    """
    root = Path(raw_root)
    if not root.is_dir():
        what = "does not exist" if not root.exists() else "is not a directory"
        raise InputError(f"input directory {str(root)!r} {what}")
    real_root = root.resolve()
    excluded = _local_exclusions(exclude)
    sources: list[SourceFile] = []
    rejects: list[Reject] = []
    for relative, entry in _walk(real_root, excluded, rejects):
        outcome = _inspect_file(real_root, relative, entry, max_bytes)
        (sources if isinstance(outcome, SourceFile) else rejects).append(outcome)
    sources.sort(key=lambda source: source.path)
    rejects.sort(key=lambda reject: reject.source_path)
    return sources, rejects


def input_bytes(raw_root: Path, *, exclude: Sequence[Path] = ()) -> int:
    """Bytes of the files :func:`discover_sources` would consider, from a stat of each (nothing read).

    Enough to size a first run before any file is hashed.

    Example:
        >>> input_bytes(Path("raw")) > 0
        True
    """
    real_root = Path(raw_root).resolve()
    excluded = _local_exclusions(exclude)
    total = 0
    for relative, entry in _walk(real_root, excluded, []):
        if source_format(relative) is not None:
            with contextlib.suppress(OSError):
                total += entry.stat(follow_symlinks=True).st_size
    return total


def check_output_apart(raw_root: Path, out: Path) -> None:
    """Refuse an output directory that is the input, lies inside it or holds it.

    A dataset written into its own input would read its own files (or, with
    the output skipped, find nothing and commit an empty dataset); one that
    holds the input would be skipped whole. Symlinks are resolved first.

    Args:
        raw_root: The input directory.
        out: The output directory (it may not exist yet).

    Raises:
        InputError: The two overlap; the message names both.

    Example:
        >>> check_output_apart(Path("raw"), Path("raw/output"))
        Traceback (most recent call last):
        ...
        newsfold.errors.InputError: the output directory 'raw/output' is inside the input directory 'raw'; choose an output directory outside it
    """
    if is_object_store(out):  # a bucket never overlaps a local directory
        return
    raw_real, out_real = Path(raw_root).resolve(), Path(out).resolve()
    if raw_real == out_real:
        relation = "is the input directory"
    elif _is_inside(out_real, raw_real):
        relation = f"is inside the input directory {str(raw_root)!r}"
    elif _is_inside(raw_real, out_real):
        relation = f"holds the input directory {str(raw_root)!r}"
    else:
        return
    raise InputError(f"the output directory {str(out)!r} {relation}; choose an output directory outside it")


def _local_exclusions(exclude: Sequence) -> tuple[Path, ...]:
    # An output on object storage is nowhere in the input tree.
    return tuple(Path(path).resolve() for path in exclude if not is_object_store(path))


def is_ignored_name(name: str) -> bool:
    """Whether a file or directory name is hidden or an editor swap/backup file.

    Args:
        name: One path component.

    Returns:
        True for ``.hidden``, ``.#lock``, ``x.swp``, ``x.swo``, ``x~``, ``#x#``.

    Example:
        >>> [is_ignored_name(n) for n in (".git", "a.txt.swp", "a.txt~", "#a.txt#", "a.txt")]
        [True, True, True, True, False]
    """
    return (
        name.startswith(".")
        or name.endswith((".swp", ".swo", "~"))
        or (len(name) > 1 and name.startswith("#") and name.endswith("#"))
    )


def _walk(
    real_root: Path, excluded: tuple[Path, ...], rejects: list[Reject]
) -> Iterator[tuple[str, os.DirEntry]]:
    """Yield ``(relative POSIX path, DirEntry)`` for every non-ignored file entry.

    Directories are entered in sorted order; symlinked directories are entered
    when their target is inside the tree and not one of their own ancestors.
    Paths walked are real (symlinked directories are entered at their
    target), so only a symlink entry itself ever needs resolving. A directory
    that cannot be listed is appended to ``rejects`` (NF109).
    """
    stack: list[tuple[Path, str, frozenset[Path]]] = [(real_root, "", frozenset({real_root}))]
    while stack:
        directory, prefix, ancestors = stack.pop()
        try:
            entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
        except OSError as exc:
            message = f"is a directory that cannot be listed ({exc.strerror}); its files were not read"
            rejects.append(_reject(prefix.rstrip("/") or ".", ErrorCode.UNREADABLE_FILE, message))
            continue
        subdirs = []
        for entry in entries:
            relative = f"{prefix}{escape_path(entry.name)}"
            if is_ignored_name(entry.name) or _is_excluded(Path(entry.path), excluded, entry.is_symlink()):
                continue
            if _is_directory(entry):
                if not entry.is_symlink():
                    real = Path(entry.path)
                    subdirs.append((real, f"{relative}/", ancestors | {real}))
                    continue
                target = _resolve(Path(entry.path))
                if target is not None and _is_inside(target, real_root):
                    if target not in ancestors:
                        subdirs.append((target, f"{relative}/", ancestors | {target}))
                    continue
            yield relative, entry  # a file, or a directory link leaving the tree (NF108)
        stack.extend(reversed(subdirs))


def _is_directory(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir(follow_symlinks=True)
    except OSError:
        return False


def _inspect_file(real_root: Path, relative: str, entry: os.DirEntry, max_bytes: int) -> SourceFile | Reject:
    """A SourceFile for a readable supported file, else the Reject saying why."""
    path = Path(entry.path)
    if entry.is_symlink():
        target = _resolve(path)
        if target is None:
            return _reject(relative, ErrorCode.UNREADABLE_FILE, "is a symbolic link that loops on itself")
        if not _is_inside(target, real_root):
            message = "is a symbolic link to a place outside the input directory; it was not read"
            return _reject(relative, ErrorCode.SYMLINK_OUTSIDE_TREE, message)
    try:
        info = path.stat()
    except OSError as exc:
        return _reject(relative, ErrorCode.UNREADABLE_FILE, f"cannot be opened ({exc.strerror or 'broken link'})")
    if not stat.S_ISREG(info.st_mode):
        message = "is not a regular file (a pipe, socket or device)"
        return _reject(relative, ErrorCode.UNREADABLE_FILE, message, info.st_size)
    if source_format(relative) is None:
        message = f"has an extension newsfold does not read (supported: {', '.join(SUPPORTED_SUFFIXES)})"
        return _reject(relative, ErrorCode.UNSUPPORTED_FILE_TYPE, message, info.st_size)
    if info.st_size > max_bytes:
        return _reject(
            relative,
            ErrorCode.OVERSIZED_FILE,
            f"is {info.st_size} bytes, over the {max_bytes}-byte limit; split it or raise the limit",
            info.st_size,
        )
    try:
        digest, size = _hash_file(path)
    except OSError as exc:
        message = f"cannot be read ({exc.strerror or type(exc).__name__}); check its permissions"
        return _reject(relative, ErrorCode.UNREADABLE_FILE, message, info.st_size)
    return SourceFile(path=relative, size=size, sha256=digest)


def _hash_file(path: Path) -> tuple[str, int]:
    """SHA-256 and byte count of a file, streamed."""
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as stream:
        while chunk := stream.read(_HASH_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def _resolve(path: Path) -> Path | None:
    """The real path behind a symlink; None for a link loop."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # Python 3.11 raises RuntimeError on loops
        return None


def _is_inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def _is_excluded(path: Path, excluded: tuple[Path, ...], is_link: bool) -> bool:
    """Whether ``path`` (or, for a symlink, its target) lies in an excluded subtree."""
    if not excluded:
        return False
    candidates = (path, _resolve(path) or path) if is_link else (path,)
    return any(_is_inside(candidate, ex) for candidate in candidates for ex in excluded)


def _reject(relative: str, code: ErrorCode, message: str, size: int = 0) -> Reject:
    """A discover-stage reject; the bytes were not read, so there is no hash.

    ``Reject.for_source`` copies the source's hash and the rejects table
    requires a real SHA-256 or null, so the unread file's hash is cleared.
    """
    source = SourceFile(path=relative, size=size, sha256="")
    reject = Reject.for_source(source, stage=_STAGE, error_code=code.value, message=f"{relative}: {message}")
    # Only the oversized file's message quotes its size: a change of size must refuse it again.
    quoted_size = size if code is ErrorCode.OVERSIZED_FILE else None
    return dataclasses.replace(reject, source_sha256=None, source_size=quoted_size)
