"""Read the metadata fields a header, front matter or JSON record declares.

All three input forms end up as a mapping of field name to value; this module
maps the names users write (``Published``, ``translated-from``, ``body``...)
onto the canonical fields and turns their values into the typed
:class:`Metadata`. A value that cannot be used (an unparseable date, a list
where text belongs) is dropped and reported as a :class:`FieldProblem`, which
the reader turns into an NF111 reject: the article itself is kept.

Example:
    >>> meta, problems = read_metadata({"Date": "24 Dec 2020", "Language": "English"}, date_source="header")
    >>> meta.published_date, meta.language, problems
    (datetime.date(2020, 12, 24), 'en', [])
"""

from __future__ import annotations

import datetime as dt
import functools
import reprlib
from collections.abc import Mapping
from dataclasses import dataclass

from newsfold.ingest.dates import parse_date_value

__all__ = ["Metadata", "FieldProblem", "canonical_key", "read_metadata", "TEXT_FIELDS", "PLAUSIBLE_YEARS"]

#: Years a declared publication date may fall in; 0001-01-01 or 9999-12-31 are placeholders, not dates.
PLAUSIBLE_YEARS = (1700, 2199)
#: Record fields that hold the article body, in order of preference.
TEXT_FIELDS = ("text", "body", "content")

_ALIASES: dict[str, str] = {
    "title": "title",
    "headline": "title",
    "date": "date",
    "published": "date",
    "published_date": "date",
    "dateline": "dateline",
    "source": "source",
    "source_name": "source",
    "url": "url",
    "language": "language",
    "lang": "language",
    "translated_from": "translated_from",
    "id": "id",
    **{name: "text" for name in TEXT_FIELDS},
}


@dataclass(frozen=True)
class Metadata:
    """Typed metadata of one article; every field may be missing.

    Attributes mirror :class:`newsfold.records.Article` (title, published_date,
    published_date_source, dateline, source_name, url, language,
    translated_from, external_id).
    """

    title: str | None = None
    published_date: dt.date | None = None
    published_date_source: str | None = None
    dateline: str | None = None
    source_name: str | None = None
    url: str | None = None
    language: str | None = None
    translated_from: str | None = None
    external_id: str | None = None


@dataclass(frozen=True)
class FieldProblem:
    """A declared value that was dropped, and why.

    Attributes:
        field: The field name as the input wrote it, e.g. ``"Date"``.
        value: The offending value as text (truncated by the Reject).
        message: What is wrong, e.g. ``"date 'soon' is not a date"``.
    """

    field: str
    value: str
    message: str


def canonical_key(key: str) -> str | None:
    """Canonical field name for a key as written, or None if unknown.

    Args:
        key: e.g. ``"Translated-From"``, ``"published"``, ``"BODY"``.

    Returns:
        One of title, date, dateline, source, url, language, translated_from,
        id, text; None for keys newsfold does not read.

    Example:
        >>> canonical_key("Translated-From"), canonical_key("Author")
        ('translated_from', None)
    """
    return _ALIASES.get(key.strip().lower().replace("-", "_").replace(" ", "_"))


def read_metadata(fields: Mapping[str, object], *, date_source: str) -> tuple[Metadata, list[FieldProblem]]:
    """Turn declared fields into :class:`Metadata`; unknown keys are ignored.

    Args:
        fields: Field name (as written) to value (str, number, date or None).
        date_source: ``published_date_source`` to record when a date is found:
            ``"header"`` for text headers, ``"metadata"`` for JSON and front matter.

    Returns:
        The metadata and the problems with values that had to be dropped.

    Example:
        >>> read_metadata({"date": "soon"}, date_source="metadata")[1][0].message
        "date 'soon' is not a date newsfold can read (use YYYY-MM-DD)"
    """
    values: dict[str, object] = {}
    problems: list[FieldProblem] = []
    for key, value in fields.items():
        name = canonical_key(str(key))
        if name is None or name == "text" or name in values:
            continue  # of two spellings (date, published) the first written wins
        if name == "date":
            values[name] = _read_date(str(key), value, problems)
        else:
            values[name] = _read_scalar(str(key), value, problems)
    published = values.get("date")
    return (
        Metadata(
            title=_as_str(values.get("title")),
            published_date=published if isinstance(published, dt.date) else None,
            published_date_source=date_source if isinstance(published, dt.date) else None,
            dateline=_as_str(values.get("dateline")),
            source_name=_as_str(values.get("source")),
            url=_as_str(values.get("url")),
            language=_normalise_language(_as_str(values.get("language"))),
            translated_from=_normalise_language(_as_str(values.get("translated_from"))),
            external_id=_as_str(values.get("id")),
        ),
        problems,
    )


def _read_date(key: str, value: object, problems: list[FieldProblem]) -> dt.date | None:
    """A date value, or None plus a problem when one was declared but unreadable."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    parsed = parse_date_value(value)
    if parsed is None:
        shown = _describe(value)
        problems.append(
            FieldProblem(key, shown, f"{key.lower()} {shown!r} is not a date newsfold can read (use YYYY-MM-DD)")
        )
    elif not PLAUSIBLE_YEARS[0] <= parsed.year <= PLAUSIBLE_YEARS[1]:
        shown = _describe(value)
        first, last = PLAUSIBLE_YEARS
        message = f"{key.lower()} {shown!r} is outside the years {first}-{last} a publication date can have (a placeholder?)"
        problems.append(FieldProblem(key, shown, message))
        return None
    return parsed


def _read_scalar(key: str, value: object, problems: list[FieldProblem]) -> str | None:
    """Text of a scalar value; lists, mappings and booleans are refused."""
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, (int, float, dt.date)) and not isinstance(value, bool):
        return str(value)
    kind = type(value).__name__
    problems.append(FieldProblem(key, _describe(value), f"{key.lower()} has a {kind} value where text belongs"))
    return None


def _describe(value: object) -> str:
    """A value as short text; reprlib bounds nested YAML/JSON structures."""
    return value if isinstance(value, str) else reprlib.repr(value)


def _as_str(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _normalise_language(value: str | None) -> str | None:
    """ISO 639-1 code for a declared language when one exists, else as written."""
    if value is None:
        return None
    return _language_code(value.strip().lower())


@functools.lru_cache(maxsize=256)
def _language_code(value: str) -> str:
    """``English``, ``eng``, ``en-GB`` -> ``en``; unknown names stay as written."""
    import pycountry  # loaded on first use: most corpora declare no language

    base = value.replace("_", "-").split("-")[0]
    if len(base) == 2:
        found = pycountry.languages.get(alpha_2=base)
    elif len(base) == 3:
        found = pycountry.languages.get(alpha_3=base) or pycountry.languages.get(bibliographic=base)
    else:
        try:
            found = pycountry.languages.lookup(value)
        except LookupError:
            found = None
    code = getattr(found, "alpha_2", None)
    return code or value
