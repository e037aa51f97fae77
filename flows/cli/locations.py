"""The ``OUT`` of the commands that read or write a dataset: a directory or ``s3://bucket/prefix``."""

from __future__ import annotations

from pathlib import Path

import click

from newsfold.errors import StoreError
from newsfold.object_store import ObjectStorePath, is_object_store, output_location


class OutputLocation(click.ParamType):
    """A dataset's location: a local directory (a Path) or an S3 prefix (an ObjectStorePath).

    Example:
        >>> OutputLocation().convert("s3://news/out", None, None).uri
        's3://news/out'
        >>> OutputLocation().convert("output", None, None)
        PosixPath('output')
    """

    name = "directory"

    def convert(self, value, param, ctx) -> Path | ObjectStorePath:
        if isinstance(value, (Path, ObjectStorePath)):
            return value
        if is_object_store(value):
            try:
                return output_location(value)
            except StoreError as exc:
                self.fail(str(exc), param, ctx)
        return click.Path(file_okay=False, path_type=Path).convert(value, param, ctx)

    def get_metavar(self, param, ctx=None) -> str | None:
        # As click.Path: options show DIRECTORY, arguments their own name (OUT).
        return None if isinstance(param, click.Argument) else "DIRECTORY"
