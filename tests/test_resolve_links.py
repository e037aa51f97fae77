"""Mentions given their links without a copy of their own columns (newsfold.resolve._with_links)."""

from __future__ import annotations

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfold.resolve import _with_links


def _joined(mentions: pl.DataFrame, links: pl.DataFrame) -> pl.DataFrame:
    return mentions.join(links, on="mention_id", how="left", maintain_order="left")


@settings(max_examples=200, deadline=None)
@given(
    ids=st.lists(st.text(min_size=1, max_size=6), unique=True, max_size=40),
    data=st.data(),
)
def test_links_equal_a_join_in_the_mentions_order(ids, data):
    mentions = pl.DataFrame(
        {"mention_id": data.draw(st.permutations(ids)), "text": [f"surface {i}" for i in range(len(ids))]},
        schema={"mention_id": pl.String, "text": pl.String},
    )
    kept = data.draw(st.sampled_from(["all", "some", "extra"]))
    link_ids = sorted(ids)
    if kept == "some":  # a mention without a link: the join's null, not a shifted row
        link_ids = [i for i in link_ids if data.draw(st.booleans())]
    elif kept == "extra":  # a link for no mention
        link_ids = sorted({*link_ids, "zz-not-a-mention"})
    links = pl.DataFrame(
        {"mention_id": link_ids, "entity_id": [f"ent_{i}" for i in link_ids], "score": [float(len(i)) for i in link_ids]},
        schema={"mention_id": pl.String, "entity_id": pl.String, "score": pl.Float64},
    )
    assert _with_links(mentions, links).equals(_joined(mentions, links))


def test_links_follow_the_mentions_order():
    mentions = pl.DataFrame({"mention_id": ["m3", "m1", "m2"], "text": ["Iraq", "Iran", "Baghdad"]})
    links = pl.DataFrame({"mention_id": ["m1", "m2", "m3"], "entity_id": ["ent_iran", "ent_baghdad", "ent_iraq"]})
    linked = _with_links(mentions, links)
    assert linked.rows() == [("m3", "Iraq", "ent_iraq"), ("m1", "Iran", "ent_iran"), ("m2", "Baghdad", "ent_baghdad")]
