"""Split a text article into its header block, headline and body.

Users put metadata before the body in three forms; at most one block is read,
from the top of the (already normalised) text:

1. seed form: a first line ``date 2020-12-24 Washington`` (leading spaces
   allowed): the date, then the dateline (the rest of the line, may be empty).
   ``Key: value`` lines may follow it directly;
2. ``Key: value`` lines (``Title``, ``Date``, ``Source``, ``URL``,
   ``Language``, ``Translated-From``, ``Dateline``, keys case-insensitive),
   ended by a blank line. Every line of the block must be ``Key: value`` and
   at least one key must be one newsfold reads, so a first paragraph such as
   ``Update: the minister resigned.`` stays body text;
3. YAML front matter between ``---`` lines (closing ``---`` or ``...``). A
   fenced block that is not valid YAML is left in the body and reported.

Then the headline rule: a short first line (at most 200 characters) followed
by a blank line and more text is the title (a Markdown ``# `` marker is
dropped from it). A declared title wins: when the
header has one, the rule does not run and that line stays in the body.

Nothing here copies text: :class:`HeaderSplit` gives ``body_start``, an offset
into the text it was given, so the body is always a tail of that text.

Example:
    >>> split = split_header(" date 2020-12-24 Washington\\n\\nUS President spoke.\\n")
    >>> split.fields, split.body_start
    ({'date': '2020-12-24', 'dateline': 'Washington'}, 28)
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import yaml

from newsfold.ingest.metadata import canonical_key

__all__ = ["HeaderSplit", "split_header", "locate_body", "MAX_HEADLINE_CHARS"]

MAX_HEADLINE_CHARS = 200

_SEED_LINE = re.compile(r"[ \t]*date[ \t]+(\d\S*)(?:[ \t]+(.*?))?[ \t]*", re.IGNORECASE)
_KEY_VALUE_LINE = re.compile(r"[ \t]*([A-Za-z][A-Za-z0-9_-]*(?: [A-Za-z0-9_-]+){0,2})[ \t]*:(?:[ \t]+(.*?))?[ \t]*")
_FENCE_OPEN = "---"
_FENCE_CLOSE = ("---", "...")
_LEADING_BLANK_LINES = re.compile(r"(?:[^\S\n]*\n)*")
_MARKDOWN_HEADING = re.compile(r"#{1,6}[ \t]+")


class _FrontMatterLoader(yaml.SafeLoader):
    """SafeLoader that leaves timestamps as text and refuses anchors and aliases.

    ``date: 2020-02-30`` must become an NF111 naming the value, not a
    ValueError for the whole block. Anchors (``&a``) and aliases (``*a``) have
    no use in front matter and nested aliases expand exponentially (a ten-line
    "billion laughs" block takes gigabytes), so the first one ends the parse.
    """

    def compose_node(self, parent, index):  # noqa: ANN001, ANN201 (PyYAML's signature)
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise yaml.composer.ComposerError(
                None, None, "YAML anchors and aliases (&name, *name) are not allowed in front matter", event.start_mark
            )
        return super().compose_node(parent, index)


_FrontMatterLoader.add_constructor(
    "tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node)
)


@dataclass(frozen=True)
class HeaderSplit:
    """Where the header ends and what it declared.

    Attributes:
        fields: Declared fields, keys as written (seed form gives ``date`` and
            ``dateline``); values are strings, or YAML scalars for front matter.
        date_source: ``published_date_source`` for a declared date:
            ``"metadata"`` after front matter, else ``"header"``.
        headline: Title found by the headline rule, else None.
        body_start: Offset in the text where the body (after header and
            headline) begins; leading blank lines are not yet skipped.
        problem: Why a fenced block was not read as front matter, else None.
    """

    fields: dict[str, object] = field(default_factory=dict)
    date_source: str = "header"
    headline: str | None = None
    body_start: int = 0
    problem: str | None = None


def split_header(text: str) -> HeaderSplit:
    """Find the header block and headline at the top of ``text``.

    Args:
        text: Normalised article text (LF line ends).

    Returns:
        The declared fields, headline and body offset; never raises.

    Example:
        >>> split_header("Title: Rockets hit embassy\\nDate: 24 Dec 2020\\n\\nBody.").fields["Title"]
        'Rockets hit embassy'
    """
    front = _read_front_matter(text)
    if front is not None:
        fields, pos, problem = front
        date_source = "metadata"
    else:
        fields, problem = {}, None
        pos = _read_declared_lines(text, 0, fields)
        date_source = "header"
    headline = None
    if not _declares_title(fields):
        found = _read_headline(text, pos)
        if found is not None:
            headline, pos = found
            if not fields:
                # A headline above the header ("Rockets hit embassy", blank, "date 2020-12-24 ..."):
                # the date under it is still the article's date, not a line of its body.
                pos = _read_declared_lines(text, pos, fields)
    return HeaderSplit(fields=fields, date_source=date_source, headline=headline, body_start=pos, problem=problem)


def locate_body(text: str, start: int) -> tuple[int, int]:
    """Offsets of the body: from ``start``, blank lines skipped, trailing space cut.

    Args:
        text: The normalised text.
        start: ``HeaderSplit.body_start`` (0 for text with no header).

    Returns:
        ``(begin, end)`` with ``text[begin:end]`` the stored body; empty when
        ``begin == end``.

    Example:
        >>> locate_body("T\\n\\n\\n  Body  \\n", 2)
        (4, 10)
    """
    begin = _LEADING_BLANK_LINES.match(text, start).end()
    end = len(text.rstrip())
    return (begin, end) if end > begin else (begin, begin)


def _lines_from(text: str, pos: int) -> Iterator[tuple[str, int]]:
    """Yield ``(line, next_pos)`` for each line from ``pos``, newline excluded."""
    while pos < len(text):
        newline = text.find("\n", pos)
        end = len(text) if newline < 0 else newline
        yield text[pos:end], end + 1 if newline >= 0 else end
        pos = end + 1 if newline >= 0 else end


def _read_front_matter(text: str) -> tuple[dict[str, object], int, str | None] | None:
    """YAML between ``---`` fences at the very top; None when there is no fence pair."""
    lines = _lines_from(text, 0)
    first = next(lines, None)
    if first is None or first[0].rstrip() != _FENCE_OPEN:
        return None
    block_start = first[1]
    for line, next_pos in lines:
        if line.rstrip() in _FENCE_CLOSE:
            block = text[block_start : next_pos - len(line) - 1]
            try:
                loaded = yaml.load(block, Loader=_FrontMatterLoader)  # noqa: S506 (a SafeLoader)
            except (yaml.YAMLError, ValueError, TypeError, RecursionError) as exc:
                # ValueError/TypeError: explicit tags such as "!!float abc"
                reason = (str(exc).splitlines() or [type(exc).__name__])[0]
                problem = f"the front matter between '---' lines is not valid YAML ({reason}); it was kept in the text"
                return {}, 0, problem
            if loaded is None:
                return {}, next_pos, None
            if not isinstance(loaded, dict):
                return None  # a fenced section of prose, e.g. a Markdown rule
            return {str(key): value for key, value in loaded.items()}, next_pos, None
    return None


def _read_declared_lines(text: str, pos: int, fields: dict[str, object]) -> int:
    """A seed line and/or ``Key: value`` block from ``pos``, blank lines before it skipped.

    Returns the offset after what was read, or ``pos`` unchanged when there is
    no header there (so a text without one keeps ``body_start`` 0). Blank
    lines at the top of a file hide nothing: without the skip, a seed line
    under them became the headline and the article lost its date.
    """
    top = _LEADING_BLANK_LINES.match(text, pos).end()
    end = _read_key_value_block(text, _read_seed_line(text, top, fields), fields)
    return end if end != top else pos


def _read_seed_line(text: str, pos: int, fields: dict[str, object]) -> int:
    """The seed-format ``date YYYY-MM-DD PLACE`` first line, if present."""
    for line, next_pos in _lines_from(text, pos):
        match = _SEED_LINE.fullmatch(line)
        if match is None:
            return pos
        fields["date"] = match[1]
        if match[2]:
            fields["dateline"] = match[2]
        return next_pos
    return pos


def _read_key_value_block(text: str, pos: int, fields: dict[str, object]) -> int:
    """``Key: value`` lines ended by a blank line (or the end of the text)."""
    found: dict[str, object] = {}
    knows_a_key = False
    end = pos
    for line, next_pos in _lines_from(text, pos):
        if not line.strip():
            break
        match = _KEY_VALUE_LINE.fullmatch(line)
        if match is None:
            return pos
        key = match[1]
        found.setdefault(key, match[2] or "")
        knows_a_key = knows_a_key or canonical_key(key) not in (None, "text")
        end = next_pos
    if not found or not knows_a_key:
        return pos
    for key, value in found.items():
        fields.setdefault(key, value)
    return end


def _declares_title(fields: dict[str, object]) -> bool:
    """Whether the header gave a non-empty title (which beats the headline rule)."""
    return any(
        canonical_key(key) == "title" and value is not None and str(value).strip()
        for key, value in fields.items()
    )


def _read_headline(text: str, pos: int) -> tuple[str, int] | None:
    """A short line, then a blank line, then more text: ``(title, offset after it)``."""
    start = _LEADING_BLANK_LINES.match(text, pos).end()
    lines = _lines_from(text, start)
    first = next(lines, None)
    second = next(lines, None)
    if first is None or second is None:
        return None
    line = first[0].strip()
    if not line or len(line) > MAX_HEADLINE_CHARS or second[0].strip():
        return None
    if not text[second[1] :].strip():
        return None  # a lone short paragraph is the body, not a headline
    # "# Headline" in Markdown: the markup is not part of the title.
    title = _MARKDOWN_HEADING.sub("", line, count=1).strip() or line
    return title, first[1]
