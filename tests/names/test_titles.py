"""Title stripping."""

from __future__ import annotations

import pytest

from newsfold.names.titles import load_title_tokens, strip_title_tokens


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        (("general", "sulaimani"), (("sulaimani",), True)),
        (("iranian", "general", "qasem", "soleimani"), (("qasem", "soleimani"), True)),
        (("secretary", "of", "state", "mike", "pompeo"), (("mike", "pompeo"), True)),
        (("ayatollah", "ali", "khamenei"), (("ali", "khamenei"), True)),
        (("general",), (("general",), False)),
        (("donald", "trump"), (("donald", "trump"), False)),
    ],
)
def test_strip_title_tokens_removes_leading_titles_keeps_one_token(tokens, expected):
    assert strip_title_tokens(tokens) == expected


def test_load_title_tokens_is_longest_first():
    titles = load_title_tokens()
    assert [len(t) for t in titles] == sorted((len(t) for t in titles), reverse=True)
