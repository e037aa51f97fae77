"""Find tweet embeds: a paragraph followed by "— Name (@handle) Month D, YYYY".

Pasted tweets keep the embed's signature line under the tweet's text. The
paragraph above the signature is the quotation and the account is its speaker.

Example:
    >>> text = "Rockets hit the zone.\\n— U.S. Embassy Baghdad (@USEmbBaghdad) December 20, 2020"
    >>> embed = find_tweet_embeds(text)[0]
    >>> text[embed.start:embed.end], embed.name, embed.handle
    ('Rockets hit the zone.', 'U.S. Embassy Baghdad', 'USEmbBaghdad')
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsfold.quotes.marks import CLOSING_MARKS, OPENING_MARKS

__all__ = ["TweetEmbed", "find_tweet_embeds"]

_SIGNATURE = re.compile(
    r"^[ \t]*[—–-]{1,2}[ \t]*(?P<name>[^\n()@]{1,80}?)[ \t]*\(@(?P<handle>\w{1,15})\)"
    r"[ \t]*(?P<date>[A-Z][a-z]+\.? \d{1,2}, \d{4})?[ \t]*$",
    re.MULTILINE,
)
# "1/", "2/3" thread counters and trailing pic links are not part of what was said
_TRAILER = re.compile(r"(?:\s+(?:\d{1,2}/\d{0,2}|pic\.twitter\.com/\S+|https?://\S+))+\s*$")


@dataclass(frozen=True)
class TweetEmbed:
    """One embedded tweet.

    Attributes:
        start: Offset of the tweet's text (the quotation).
        end: Offset just past the tweet's text.
        name: The account's display name, as written.
        name_start: Offset of ``name``.
        name_end: Offset just past ``name``.
        handle: The account handle without "@".
        date_text: The date on the signature line, or ``None``.
    """

    start: int
    end: int
    name: str
    name_start: int
    name_end: int
    handle: str
    date_text: str | None


def _previous_paragraph(text: str, before: int) -> tuple[int, int] | None:
    """``(start, end)`` of the last non-blank line ending before offset ``before``."""
    end = before
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end == 0:
        return None
    start = text.rfind("\n", 0, end) + 1
    return start, end


def _strip_content(text: str, start: int, end: int) -> tuple[int, int]:
    trailer = _TRAILER.search(text, start, end)
    if trailer and trailer.start() > start:
        end = trailer.start()
    if end - start >= 2 and text[start] in OPENING_MARKS | {'"'} and text[end - 1] in CLOSING_MARKS | {'"'}:
        start, end = start + 1, end - 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def find_tweet_embeds(text: str) -> list[TweetEmbed]:
    """Find embedded tweets and the paragraph each one signs.

    Args:
        text: Article text.

    Returns:
        One :class:`TweetEmbed` per signature line that follows a paragraph.
    """
    embeds = []
    for match in _SIGNATURE.finditer(text):
        paragraph = _previous_paragraph(text, match.start())
        if paragraph is None or _SIGNATURE.match(text, paragraph[0]):
            continue
        start, end = _strip_content(text, *paragraph)
        if start >= end:
            continue
        embeds.append(
            TweetEmbed(
                start=start,
                end=end,
                name=match.group("name"),
                name_start=match.start("name"),
                name_end=match.end("name"),
                handle=match.group("handle"),
                date_text=match.group("date"),
            )
        )
    return embeds
