"""Tests for newsfold.quotes.embeds: tweet embeds and their accounts."""

from __future__ import annotations

import pytest

from newsfold.quotes.embeds import find_tweet_embeds

SIGNATURE = "— U.S. Embassy Baghdad (@USEmbBaghdad) December 20, 2020"


@pytest.mark.parametrize(
    ("text", "content", "name", "handle"),
    [
        (f"Intro line.\nRockets hit the zone. No injuries.\n{SIGNATURE}\nMore.", "Rockets hit the zone. No injuries.", "U.S. Embassy Baghdad", "USEmbBaghdad"),
        # the thread counter and a pic link are not part of the tweet's words
        (f"Rockets hit the zone. 1/\n{SIGNATURE}", "Rockets hit the zone.", "U.S. Embassy Baghdad", "USEmbBaghdad"),
        ("“We won big tonight!” pic.twitter.com/abc\n— Jane Doe (@janedoe) May 3, 2016", "We won big tonight!", "Jane Doe", "janedoe"),
        # a blank line between tweet and signature, no date on the signature
        ("We won.\n\n-- Jane Doe (@janedoe)", "We won.", "Jane Doe", "janedoe"),
    ],
)
def test_embeds_find_tweet_and_account(text: str, content: str, name: str, handle: str) -> None:
    (embed,) = find_tweet_embeds(text)
    assert text[embed.start : embed.end] == content
    assert (embed.name, embed.handle) == (name, handle)
    assert text[embed.name_start : embed.name_end] == name


@pytest.mark.parametrize(
    "text",
    [
        SIGNATURE,  # nothing above the signature
        "Follow Jane Doe (@janedoe) for news.",  # a handle in running text is no embed
        "— Jane Doe, in a statement",
    ],
)
def test_embeds_ignore_non_embeds(text: str) -> None:
    assert find_tweet_embeds(text) == []
