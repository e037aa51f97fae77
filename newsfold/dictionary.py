"""The data dictionary, generated from the pandera models so it cannot drift.

``docs/data-dictionary.md`` is this function's output; a test fails when the
committed file and the models disagree. Regenerate it with
``newsfold dictionary > docs/data-dictionary.md``.

Example:
    >>> render_data_dictionary().splitlines()[0]
    '# newsfold data dictionary'
"""

from __future__ import annotations

from newsfold.errors import ErrorCode
from newsfold.store import ROW_GROUP_COLUMNS
from schemas import SCHEMA_VERSION, TABLES, column_descriptions

__all__ = ["render_data_dictionary"]


def render_data_dictionary() -> str:
    """Markdown describing every table, column, dtype, nullability and error code."""
    lines = [
        "# newsfold data dictionary",
        "",
        f"Schema version {SCHEMA_VERSION}. Generated from the pandera models in `schemas/`;"
        " do not edit by hand (`newsfold dictionary > docs/data-dictionary.md`).",
        "",
        "Each table is a Parquet dataset directory under the output root holding one file, `part-0.parquet`"
        " (zstd; `newsfold.schema_version` and `newsfold.pipeline_version` in its metadata), so a reader"
        " globbing `output/<table>/**/*.parquet` while a run commits sees one snapshot, never a mix.",
        "",
    ]
    for name, model in TABLES.items():
        summary = (model.__doc__ or "").strip().splitlines()[0]
        row_groups = ROW_GROUP_COLUMNS.get(name)
        lines += [f"## `{name}`", "", summary]
        if row_groups:
            lines += ["", f"Sorted by `{row_groups}` on disk, one row group per value (readers filtering on it skip the rest)."]
        lines += ["", "| column | type | nullable | meaning |", "|---|---|---|---|"]
        for column, dtype, nullable, description in column_descriptions(model):
            lines.append(f"| `{column}` | `{dtype}` | {'yes' if nullable else 'no'} | {description} |")
        lines.append("")
    lines += ["## Error codes (`rejects.error_code`)", "", "| code | meaning |", "|---|---|"]
    lines += [f"| `{code.value}` | {code.describe()} |" for code in ErrorCode]
    return "\n".join(lines) + "\n"
