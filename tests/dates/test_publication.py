"""Tests for newsfold.dates.publication."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsfold.dates import decode_post_id, infer_published_date
from newsfold.dates.publication import find_post_dates


@pytest.mark.parametrize(
    ("post_id", "expected"),
    [
        (1341862955604975617, dt.date(2020, 12, 23)),
        (20, None),  # a 2006 sequential id: no timestamp inside
        (1 << 64, None),
    ],
)
def test_publication_decode_post_id(post_id, expected):
    assert decode_post_id(post_id) == expected


@given(st.datetimes(dt.datetime(2011, 1, 1), dt.datetime(2060, 1, 1)))
def test_publication_decode_post_id_round_trips(moment):
    moment = moment.replace(tzinfo=dt.timezone.utc)
    millis = int(moment.timestamp() * 1000) - 1288834974657
    assert decode_post_id(millis << 22 | 12345) == moment.date()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("see https://twitter.com/someone/status/1341862955604975617 now", [dt.date(2020, 12, 23)]),
        ("x.com/a_b/status/1341862955604975617", [dt.date(2020, 12, 23)]),
        ("status 1341862955604975617 without a URL", []),
    ],
)
def test_publication_find_post_dates(text, expected):
    assert find_post_dates(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Trump wrote it. https://twitter.com/realDonaldTrump/status/1341862955604975617",
         (dt.date(2020, 12, 23), "content_post_id")),
        ("The deal was signed on March 3, 2019. Talks had begun on January 5, 2019.",
         (dt.date(2019, 3, 3), "content_latest_date")),
        # the latest date was a Sunday; a past Wednesday puts the writing three days later
        ("The embassy was hit on December 20, 2020. Trump tweeted on Wednesday.",
         (dt.date(2020, 12, 23), "content_weekday")),
        # a future date does not date the article
        ("The vote took place on May 2, 2019. The next one will be held on May 7, 2023.",
         (dt.date(2019, 5, 2), "content_latest_date")),
        ("Nothing here says when.", None),
        ("It happened on Sunday.", None),
    ],
)
def test_publication_infer_published_date(nlp, text, expected):
    assert infer_published_date(nlp(text)) == expected
