"""What plain Parquet readers see: one directory per table version, switched atomically.

A table's Delta Lake directory holds, while a run commits, both the files the
run replaces and the files replacing them, so a plain
``read_parquet('output/documents/**/*.parquet')`` pointed at it would count
rows twice. newsfold therefore keeps the Delta tables under
``.newsfold/tables/`` and gives plain readers a *view*: a directory holding
hard links to exactly the data files of one committed version, plus a Delta
log of one version listing them (so ``read_delta('output/documents')`` works
too). ``output/<table>`` is a symbolic link to the current view, replaced in
one ``rename`` once the run's pointer commit is made.

A reader therefore lists one version's files. A reader that listed the old
view and opens a file after the switch opens it through the new one: file
names are never reused with other content (each holds its run id and a random
part), so it reads the same bytes, or fails with "No such file" when the new
version dropped that file (or "No files found" when its view was dropped
while it listed it); it never mixes rows silently. Delta readers resolve
the link once when they open the table and so always read one view.

Example:
    >>> publish_view(Path("out/documents"), ".newsfold/tables/documents", 4,
    ...              Path("out/.newsfold/views/documents"))  # doctest: +SKIP
    >>> os.readlink("out/documents")  # doctest: +SKIP
    '.newsfold/views/documents/4'
"""

from __future__ import annotations

import errno
import os
import shutil
import uuid
from collections.abc import Iterable
from pathlib import Path

__all__ = ["drop_views_except", "publish_view", "view_version"]


def publish_view(link: Path, table_uri: str, version: int, views: Path) -> bool:
    """Point ``link`` at a view of the table at ``table_uri`` as of ``version``, building it when missing.

    Idempotent and safe to kill at any moment: a view directory appears whole
    (built under a temporary name, then renamed), and the link is replaced in
    one ``rename``.

    Args:
        link: Where plain readers find the table (``output/documents``).
        table_uri: The table's Delta Lake directory.
        version: The committed Delta version to show.
        views: Directory holding this table's views, one subdirectory per version.

    Returns:
        True when the link changed.
    """
    target = views / str(version)
    if not target.is_dir():
        _build_view(table_uri, version, target)
    relative = os.path.relpath(target, link.parent)
    if link.is_symlink() and os.readlink(link) == relative:
        return False
    temporary = link.parent / f".{link.name}.{uuid.uuid4().hex[:8]}.link"
    os.symlink(relative, temporary)
    os.replace(temporary, link)
    return True


def view_version(link: Path, views: Path) -> int | None:
    """The version the view behind ``link`` shows, or None when ``link`` is not a view of ``views``.

    Example:
        >>> view_version(Path("no-such-link"), Path("views")) is None
        True
    """
    if not link.is_symlink():
        return None
    target = Path(os.path.normpath(link.parent / os.readlink(link)))
    if target.parent != Path(os.path.normpath(views)) or not target.name.isdigit():
        return None
    return int(target.name)


def drop_views_except(views: Path, keep: Iterable[int]) -> None:
    """Delete the views of ``views`` whose version is not in ``keep`` (and half-built ones).

    Keep the view a reader may still be listing (the one just replaced) as well
    as the current one: a view is deleted only a run later. A view goes in one
    ``rename`` before its files are removed, so a reader slow enough to list it
    still sees it whole or finds nothing ("No files found"), never part of it.
    """
    if not views.is_dir():
        return
    kept = {str(version) for version in keep}
    for entry in views.iterdir():
        if entry.name in kept:
            continue
        doomed = entry
        if not entry.name.startswith("."):
            doomed = views / f".{entry.name}.{uuid.uuid4().hex[:8]}.dropped"
            try:
                os.rename(entry, doomed)
            except OSError:  # dropped meanwhile by another run
                continue
        shutil.rmtree(doomed, ignore_errors=True)


def _build_view(table_uri: str, version: int, target: Path) -> None:
    from deltalake import DeltaTable
    from deltalake.transaction import AddAction, create_table_with_add_actions

    from newsfold.delta_tables import NO_CHECKPOINTS

    table = DeltaTable(table_uri, version=version)
    actions = table.get_add_actions(flatten=True)
    columns = {name: actions.column(name).to_pylist()
               for name in ("path", "size_bytes", "modification_time", "num_records")}
    building = target.parent / f".{target.name}.{uuid.uuid4().hex[:8]}.building"
    building.mkdir(parents=True)
    adds = []
    for path, size, modified, records in zip(*columns.values(), strict=True):
        _link_or_copy(Path(table_uri) / str(path), building / str(path))
        stats = "{}" if records is None else f'{{"numRecords": {int(records)}}}'
        adds.append(AddAction(str(path), int(size), {}, int(modified), True, stats))
    create_table_with_add_actions(str(building), table.schema(), adds, mode="error",
                                  post_commithook_properties=NO_CHECKPOINTS)
    try:
        os.rename(building, target)
    except OSError as exc:  # built meanwhile by a run killed after its rename: the same files
        if exc.errno not in (errno.ENOTEMPTY, errno.EEXIST):
            raise
        shutil.rmtree(building)


def _link_or_copy(source: Path, destination: Path) -> None:
    destination.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, destination)
    except OSError as exc:  # a file system without hard links: a copy costs space, not correctness
        if exc.errno not in (errno.EPERM, errno.EXDEV, errno.EMLINK, errno.ENOTSUP):
            raise
        shutil.copy2(source, destination)
