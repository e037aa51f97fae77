"""One long text of a Polars column, read a window or a piece at a time, never whole.

A 50 MB article made one Python string costs 50 MB, or 100-200 MB when it holds a
character beyond Latin-1 (Python stores every character of a string at the width of
its widest). Rules that look only near a mention, or count words, need no more than a
window of it: :class:`TextWindows` slices the column's value by characters (Polars'
``str.slice`` counts characters, as Python offsets do), keeps one piece in hand, and
cuts the text into pieces for a whole-text scan where no word can straddle a cut.

Example:
    >>> import polars as pl
    >>> text = TextWindows(pl.Series(["Paris, Texas. Iraqi officials said."]), 0, piece_chars=8)
    >>> len(text), text[0:5], text[7:12]
    (35, 'Paris', 'Texas')
    >>> list(text.pieces())
    ['Paris,', ' Texas.', ' Iraqi officials said.']
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import polars as pl

__all__ = ["PIECE_CHARS", "TextWindows", "texts_by_id"]

#: Characters of a long text made one Python string at a time: at most 16 MB, whatever the text's characters.
PIECE_CHARS = 4_000_000

#: The last character of a piece that is neither a word character nor a space: a cut right
#: after it falls between words, so a pattern of words and spaces matches across no cut.
_LAST_PUNCTUATION = re.compile(r"[^\w\s][\w\s]*\Z")
_TAIL_CHARS = 10_000


class TextWindows:
    """The text in row ``row`` of ``column``, sliced on demand.

    ``text[a:b]`` returns characters ``a`` to ``b`` as a Python string. A
    window inside the piece in hand costs a string slice; any other loads a new
    piece of ``piece_chars`` characters (or the window, if longer) starting at
    ``a``, so windows asked for in increasing order load each part of the text
    about once.

    Args:
        column: A String column.
        row: The row of the text.
        piece_chars: Characters per piece.
    """

    def __init__(self, column: pl.Series, row: int, piece_chars: int = PIECE_CHARS) -> None:
        self.value = column.slice(row, 1)
        self.length = int(self.value.str.len_chars()[0] or 0)
        self.piece_chars = piece_chars
        self._piece_start, self._piece = 0, ""

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
        if not (self._piece_start <= start and stop <= self._piece_start + len(self._piece)):
            self._piece_start = start
            self._piece = self.value.str.slice(start, max(self.piece_chars, stop - start))[0]
        return self._piece[start - self._piece_start : stop - self._piece_start]

    def pieces(self) -> Iterator[str]:
        """The text in consecutive pieces of about ``piece_chars`` characters that join back into it.

        Each piece but the last ends just after a character that is neither a
        word character nor a space (a full stop, a comma, a quotation mark), so
        a run of words and spaces never straddles a cut, and a word boundary
        (``\\b``) at a piece's edges is one in the text too. A piece with no
        such character runs on to the next one that has it, or to the end.
        """
        start = 0
        while start < self.length:
            piece = self.value.str.slice(start, self.piece_chars)[0]
            while start + len(piece) < self.length:
                cut = _cut_after_punctuation(piece)
                if cut is not None:
                    piece = piece[:cut]
                    break
                piece += self.value.str.slice(start + len(piece), self.piece_chars)[0]
            yield piece
            start += len(piece)


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
