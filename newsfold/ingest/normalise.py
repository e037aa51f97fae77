"""Normalise decoded article text into the form every offset indexes.

One function, :func:`normalise_text`: repair mojibake (ftfy), remove stray
control characters and terminal escapes, turn CRLF, CR and the Unicode line
separators into LF, and compose to Unicode NFC. It is idempotent, so text that
went through it once (a stored ``documents.text``) is a fixed point.

Two ftfy defaults are switched off on purpose: ``uncurl_quotes`` (curly quotes
are evidence for quote extraction) and ``unescape_html`` (``&amp;amp;`` would
lose one level per pass, so normalising would not be idempotent).

Example:
    >>> normalise_text("don\u00e2\u20ac\u2122t\\r\\nstop")
    'don\u2019t\\nstop'
"""

from __future__ import annotations

import re
import unicodedata

import ftfy
from ftfy import fixes

__all__ = ["normalise_text"]

_FTFY_CONFIG = ftfy.TextFixerConfig(uncurl_quotes=False, unescape_html=False, explain=False)
# ftfy is not guaranteed to reach a fixed point in one pass (a repair can
# expose another); a few passes always converge on real text.
_MAX_PASSES = 4
# ASCII characters ftfy changes: controls it removes (it keeps TAB, LF, FF),
# CR (line breaks) and ESC (terminal escapes).
_ASCII_NEEDS_FIXING = re.compile(r"[\x00-\x08\x0b\x0d-\x1f\x7f]")


def normalise_text(text: str) -> str:
    """Repair and normalise ``text``: mojibake fixed, LF line ends, NFC.

    Args:
        text: Decoded text, in any state.

    Returns:
        The normalised text; ``normalise_text(result) == result``.

    Example:
        >>> normalise_text("Caf\u00c3\u00a9\\rcr\u00e8me")
        'Caf\u00e9\\ncr\u00e8me'
    """
    for _ in range(_MAX_PASSES):
        fixed = _normalise_once(text)
        if fixed == text:
            return fixed
        text = fixed
    return text


def _normalise_once(text: str) -> str:
    """One pass of the repair; ASCII skips ftfy's costly encoding checks."""
    if text.isascii():
        # Pure ASCII cannot hold mojibake, wide or ligature characters, so
        # only these three of ftfy's fixes can change it (20-50x faster), and
        # only when it holds a control character or CR.
        if _ASCII_NEEDS_FIXING.search(text) is None:
            return text
        # In ftfy's order (line breaks, then escapes, then control characters): "\r\x08\n" is two line ends.
        return fixes.remove_control_chars(fixes.remove_terminal_escapes(fixes.fix_line_breaks(text)))
    fixed = ftfy.fix_text(text, _FTFY_CONFIG)
    return unicodedata.normalize("NFC", fixed)
