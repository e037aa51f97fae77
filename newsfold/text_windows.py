"""One long text of a Polars column, read a window or a piece at a time, never whole.

A 50 MB article made one Python string costs 50 MB, or 100-200 MB when it holds a
character beyond Latin-1 (Python stores every character of a string at the width of
its widest). Rules that look only near a mention, or count words, need no more than a
window of it. :class:`TextWindows` holds the text's UTF-8 bytes (as many bytes as the
file had), decodes it once to index where each piece of about ``PIECE_CHARS`` bytes
starts in characters (Python offsets count characters), and then decodes only the
pieces a window falls in, one or two at a time. For a whole-text scan it yields the
text in pieces cut where no word can straddle the cut.

Polars' own ``str.slice`` is not used for this: on a 50-million-character text with
characters beyond ASCII it builds an index of every character (about 230 MB for one
slice, measured 2026-12-03), more than the Python string it would save.

Example:
    >>> import polars as pl
    >>> text = TextWindows(pl.Series(["Paris, Texas. Iraqi officials said."]), 0, piece_chars=8)
    >>> len(text), text[0:5], text[7:12]
    (35, 'Paris', 'Texas')
    >>> list(text.pieces())
    ['Paris,', ' Texas.', ' Iraqi officials said.']
"""

from __future__ import annotations

import bisect
import codecs
import re
from collections.abc import Iterator

import polars as pl

__all__ = ["PIECE_CHARS", "TextWindows", "texts_by_id"]

#: Bytes of a long text decoded into one Python string at a time (at most 4 MB as a string).
PIECE_CHARS = 1_000_000

#: The last character of a piece that is neither a word character nor a space: a cut right
#: after it falls between words, so a pattern of words and spaces matches across no cut.
_LAST_PUNCTUATION = re.compile(r"[^\w\s][\w\s]*\Z")
_TAIL_CHARS = 10_000


class TextWindows:
    """The text in row ``row`` of ``column``, sliced on demand.

    ``text[a:b]`` returns characters ``a`` to ``b`` as a Python string. A
    window inside the pieces in hand costs a string slice; any other decodes
    the one or two pieces it falls in, so windows asked for in increasing
    order decode each piece about once.

    Args:
        column: A String column.
        row: The row of the text.
        piece_chars: Bytes per piece (a piece never splits a character).
    """

    def __init__(self, column: pl.Series, row: int, piece_chars: int = PIECE_CHARS) -> None:
        self._bytes: bytes = column.slice(row, 1).cast(pl.Binary)[0] or b""
        # Where each piece starts, in bytes and in characters; the last entry is the text's end.
        self._byte_starts, self._char_starts = [0], [0]
        while self._byte_starts[-1] < len(self._bytes):
            begin = self._byte_starts[-1]
            end = min(len(self._bytes), begin + max(1, piece_chars))
            while end < len(self._bytes) and self._bytes[end] & 0xC0 == 0x80:  # inside a character: back to its start
                end -= 1
            if end == begin:  # a piece shorter than one character: take the whole character
                end = begin + 1
                while end < len(self._bytes) and self._bytes[end] & 0xC0 == 0x80:
                    end += 1
            self._char_starts.append(self._char_starts[-1] + len(self._decode(begin, end)))
            self._byte_starts.append(end)
        self.length = self._char_starts[-1]
        self._held_start, self._held = 0, ""  # the decoded pieces in hand, from character _held_start

    def __len__(self) -> int:
        return self.length

    def __getitem__(self, window: slice) -> str:
        if not isinstance(window, slice):
            raise TypeError("TextWindows takes a slice: text[start:end]")
        start, stop, step = window.indices(self.length)
        if step != 1:
            raise ValueError("TextWindows slices have no step")
        if stop <= start:
            return ""
        if not (self._held_start <= start and stop <= self._held_start + len(self._held)):
            first = bisect.bisect_right(self._char_starts, start) - 1
            last = bisect.bisect_left(self._char_starts, stop)  # the first piece starting at or after stop
            self._held_start = self._char_starts[first]
            self._held = self._decode(self._byte_starts[first], self._byte_starts[last])
        return self._held[start - self._held_start : stop - self._held_start]

    def pieces(self) -> Iterator[str]:
        """The text in consecutive pieces of about ``piece_chars`` bytes that join back into it.

        Each piece but the last ends just after a character that is neither a
        word character nor a space (a full stop, a comma, a quotation mark), so
        a run of words and spaces never straddles a cut, and a word boundary
        (``\\b``) at a piece's edges is one in the text too. A piece with no
        such character runs on into the next one, or to the end.
        """
        carried = ""
        for index in range(len(self._byte_starts) - 1):
            piece = carried + self._decode(self._byte_starts[index], self._byte_starts[index + 1])
            if index == len(self._byte_starts) - 2:
                yield piece
                return
            cut = _cut_after_punctuation(piece)
            if cut is None:
                carried = piece
                continue
            yield piece[:cut]
            carried = piece[cut:]

    def _decode(self, begin: int, end: int) -> str:
        return codecs.utf_8_decode(memoryview(self._bytes)[begin:end], "strict", True)[0]  # no copy of the bytes


def _cut_after_punctuation(piece: str) -> int | None:
    """Where to cut ``piece``: just after its last character that is neither a word character nor a space.

    The tail is searched first (a long piece is seldom without punctuation near its end).

    Example:
        >>> _cut_after_punctuation("Said: Iraqi officials"), _cut_after_punctuation("no punctuation")
        (5, None)
    """
    for offset in (max(0, len(piece) - _TAIL_CHARS), 0):
        found = _LAST_PUNCTUATION.search(piece, offset)
        if found is not None:
            return found.start() + 1
    return None


def texts_by_id(ids: pl.Series, texts: pl.Series) -> dict[str, str | TextWindows]:
    """Each id's text (the last row of an id, as a dict of the rows keeps): a Python string,
    or :class:`TextWindows` of it when longer than ``PIECE_CHARS``. Null texts are left out.

    Read a long text's windows in increasing order: each piece is then loaded about once.

    Example:
        >>> texts_by_id(pl.Series(["d1", "d2"]), pl.Series(["Paris, Texas.", None]))
        {'d1': 'Paris, Texas.'}
    """
    found: dict[str, str | TextWindows] = {}
    for row, (key, length) in enumerate(zip(ids, texts.str.len_chars())):
        if length is not None:
            found[key] = texts[row] if length <= PIECE_CHARS else TextWindows(texts, row)
    return found
