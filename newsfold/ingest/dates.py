"""Parse the publication date a header or record declares, leniently.

Accepted: ISO dates and datetimes (``2020-12-24``, ``1987-02-26T15:01:01``,
``2020-12-24T10:00:00Z``), ``date``/``datetime`` objects (YAML front matter
yields them), month-name forms (``December 24, 2020``, ``Dec. 24 2020``,
``24 Dec 2020``, ``24th December, 2020``, with an optional weekday) and
RFC 2822 (``Thu, 24 Dec 2020 10:00:00 +0000``). Numeric day/month orders such
as ``12/11/2020`` are ambiguous and refused rather than guessed. The table of
formats is explicit so the result never depends on locale or today's date.

Example:
    >>> parse_date_value("December 24, 2020")
    datetime.date(2020, 12, 24)
    >>> parse_date_value("soon") is None
    True
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re

__all__ = ["parse_date_value"]

_FORMATS = (
    "%B %d %Y",
    "%b %d %Y",
    "%d %B %Y",
    "%d %b %Y",
    "%Y %B %d",
    "%Y %b %d",
    "%Y/%m/%d",
    "%Y %m %d",  # 2020.12.24 once dots become spaces
)
_ISO_DATE_PREFIX = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ]\S.*)?$")
_WEEKDAY = re.compile(r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+", re.IGNORECASE)
_ORDINAL = re.compile(r"(?<=\d)(?:st|nd|rd|th)\b", re.IGNORECASE)
_SEPT = re.compile(r"\bsept\b", re.IGNORECASE)


def parse_date_value(value: object) -> dt.date | None:
    """Read a declared date; None when it cannot be read unambiguously.

    Args:
        value: A string, ``datetime.date`` or ``datetime.datetime``.

    Returns:
        The calendar date (a datetime's own date, no time-zone shift), or None.

    Example:
        >>> parse_date_value("1987-02-26T15:01:01")
        datetime.date(1987, 2, 26)
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    return _parse_iso(text) or _parse_rfc2822(text) or _parse_with_formats(text)


def _parse_iso(text: str) -> dt.date | None:
    """ISO date or datetime; odd time parts after a valid date are ignored."""
    match = _ISO_DATE_PREFIX.match(text)
    if match is None:
        return None
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def _parse_rfc2822(text: str) -> dt.date | None:
    """E-mail style dates such as ``Thu, 24 Dec 2020 10:00:00 +0000``."""
    if ":" not in text:
        return None
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None


def _parse_with_formats(text: str) -> dt.date | None:
    """Month-name and year-first numeric forms from the explicit table."""
    cleaned = _WEEKDAY.sub("", text)
    cleaned = _ORDINAL.sub("", cleaned)
    cleaned = _SEPT.sub("Sep", cleaned)
    cleaned = re.sub(r"[.,]\s*|\s+", " ", cleaned).strip()
    for fmt in _FORMATS:
        try:
            return dt.datetime.strptime(cleaned, fmt).date()
        except ValueError:
            continue
    return None
