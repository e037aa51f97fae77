"""Which reader a file name calls for, decided by its suffix alone.

Example:
    >>> source_format("a/b.JSONL.gz"), source_format("notes.docx")
    (('jsonl', True), None)
"""

from __future__ import annotations

__all__ = ["SUPPORTED_SUFFIXES", "source_format"]

SUPPORTED_SUFFIXES = (".txt", ".md", ".json", ".jsonl", ".txt.gz", ".md.gz", ".json.gz", ".jsonl.gz")

_FORMATS = {".txt": "text", ".md": "text", ".json": "json", ".jsonl": "jsonl"}


def source_format(path: str) -> tuple[str, bool] | None:
    """The reader a path needs: ``(format, gzipped)``, or None if unsupported.

    Args:
        path: File name or relative POSIX path; suffixes match in any case.

    Returns:
        ``("text" | "json" | "jsonl", gzipped)``, or None.

    Example:
        >>> source_format("bbc/tech/001.txt")
        ('text', False)
    """
    name = path.rsplit("/", 1)[-1].lower()
    gzipped = name.endswith(".gz")
    if gzipped:
        name = name[: -len(".gz")]
    dot = name.rfind(".")
    fmt = _FORMATS.get(name[dot:]) if dot > 0 else None
    return None if fmt is None else (fmt, gzipped)
