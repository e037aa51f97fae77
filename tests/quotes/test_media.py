"""Tests for newsfold.quotes.media: medium and cited link of a quotation."""

from __future__ import annotations

import pytest

from newsfold.quotes.media import detect_medium, find_cited_url


def _detect(text: str, cue: str | None = None) -> tuple[str, str | None]:
    start = text.index("“") + 1
    end = text.index("”")
    return detect_medium(text, start, end, cue)


@pytest.mark.parametrize(
    ("text", "cue", "expected"),
    [
        ("“We will win,” she tweeted.", "tweet", ("tweet", None)),
        ("“We will win,” she wrote.\nhttps://twitter.com/jane/status/1", "write", ("tweet", "https://twitter.com/jane/status/1")),
        ("“We will win,” she said in a statement.", "say", ("statement", None)),
        ("“We will win,” she said in an interview with the Times.", "say", ("interview", None)),
        ("She took to Twitter on Friday.\n“We will win,” she wrote.", "write", ("tweet", None)),
        ("“We will win,” she said.", "say", ("unknown", None)),
        # a link to a news site is cited but does not make a tweet
        ("“We will win,” she said (https://example.org/story).", "say", ("unknown", "https://example.org/story")),
        # medium words inside the quotation itself do not count
        ("“Read my statement on Twitter tomorrow,” she said.", "say", ("unknown", None)),
    ],
)
def test_media_detects_medium(text: str, cue: str | None, expected: tuple[str, str | None]) -> None:
    assert _detect(text, cue) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“A b c d.”\nline\nhttps://x.com/a/status/2\n", "https://x.com/a/status/2"),
        ("“A b c d.”\nline\nline\nhttps://x.com/a/status/2\n", None),  # too far away
        ("“A b c d.”\nsee https://x.com/a/status/2 for more", None),  # not a line of its own
    ],
)
def test_media_find_cited_url(text: str, expected: str | None) -> None:
    assert find_cited_url(text, 1, text.index("”")) == expected
