"""Story features: the words of an article are those scikit-learn's own analysis finds, read one at a time."""

from __future__ import annotations

from collections import Counter

import numpy as np
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.feature_extraction.text import TfidfVectorizer

from newsfold.stories.features import _WORD_PATTERN, _numbers, _years, titled_words

#: What the features used before reading words one at a time: the title twice, then the text, in one string.
SKLEARN_WORDS = TfidfVectorizer(lowercase=True, stop_words="english", token_pattern=_WORD_PATTERN).build_analyzer()


def joined(title: str, text: str) -> str:
    return f"{title}\n{title}\n{text}" if title else text


TITLED_CASES = [
    ("", "The rockets hit Baghdad on Tuesday."),
    ("Iran fires", "The rockets hit Baghdad."),
    ("ΟΔΟΣ naïve rock-", "O'Neil's e-mail: 2020 reports_ (hit)"),
    ("\u201cWe will not\u201d", ""),
    ("", ""),
]


@pytest.mark.parametrize(("title", "text"), TITLED_CASES)
def test_features_titled_words_are_sklearns_words_of_the_joined_text(title, text):
    assert list(titled_words((title, text))) == SKLEARN_WORDS(joined(title, text))


@settings(max_examples=200, deadline=None)
@given(
    title=st.text(alphabet=st.sampled_from("aAΣσ é'-_1 \n\t.(")| st.characters(), max_size=30),
    text=st.text(alphabet=st.sampled_from("aAΣσ é'-_1 \n\t.(") | st.characters(), max_size=80),
)
def test_features_titled_words_match_sklearn_on_any_text(title, text):
    assert list(titled_words((title, text))) == SKLEARN_WORDS(joined(title, text))


@pytest.mark.parametrize(
    "text, years",
    [
        ("elected in 2008 and again in 2013", ["2008", "2013"]),
        ("the 1987 crash", ["1987"]),
        # not a year: a count with a thousands separator, a decimal, a longer number, out of range
        ("2,013 votes", []),
        ("a 2013.5 reading", []),
        ("code 20131", []),
        ("1700 troops and 2150 more", []),
    ],
)
def test_years_in_text(text, years):
    assert _years(text) == years


@pytest.mark.parametrize(
    "text, numbers",
    [
        # thousands separators dropped, so two spellings of one count are one token
        ("2,440 voters", ["2440"]),
        ("2440 voters", ["2440"]),
        ("88.41 percent", ["88.41"]),
        ("a 6.1 quake killed 12", ["12", "6.1"]),
        # a year is a year, not a number; digits inside a word are no number
        ("in 2008", []),
        ("the G20 summit", []),
    ],
)
def test_numbers_in_text(text, numbers):
    assert _numbers(text) == numbers


@settings(max_examples=300, deadline=None)
@given(
    title=st.text(alphabet=st.sampled_from("1920,.5 \nab"), max_size=20),
    text=st.text(alphabet=st.sampled_from("1920,.5 \nab"), max_size=60),
)
def test_features_years_and_numbers_read_part_by_part_are_those_of_the_joined_text(title, text):
    # The features read the title and the text apart (a joined copy of a long article costs its size again).
    from newsfold.stories.features import _titled_parts

    parts = _titled_parts((title, text))
    assert sorted(y for part in parts for y in _years(part)) == _years(joined(title, text))
    assert sorted(n for part in parts for n in _numbers(part)) == _numbers(joined(title, text))


def _features_of(texts: dict[str, str]):
    import polars as pl

    from newsfold.stories.features import make_story_features
    from schemas import Amounts, Dates, Mentions, empty_frame

    documents = pl.DataFrame(
        {
            "doc_id": list(texts),
            "title": ["Rockets hit Baghdad"] * len(texts),
            "text": list(texts.values()),
            "published_date": [None] * len(texts),
            "published_date_source": [None] * len(texts),
        },
        schema={"doc_id": pl.String, "title": pl.String, "text": pl.String, "published_date": pl.Date,
                "published_date_source": pl.String},
    )
    return make_story_features(documents, empty_frame(Mentions), empty_frame(Dates), empty_frame(Amounts))


def test_features_read_a_text_only_up_to_the_story_limit():
    """Words, years and numbers past STORY_TEXT_CHARS are not read: the vectors are those of the text cut there."""
    from newsfold.stories.features import STORY_TEXT_CHARS

    opening = "Several rockets struck the embassy in 2020, killing 3. ".ljust(STORY_TEXT_CHARS)
    tail = " ".join(f"ledger{n} {1900 + n % 100} {n}" for n in range(2_000))
    other = "The central bank held rates in Frankfurt in 2019."
    cut, whole = _features_of({"a": opening, "b": other}), _features_of({"a": opening + tail, "b": other})
    for name in ("words", "years", "numbers"):
        assert cut.blocks[name].shape == whole.blocks[name].shape, name
        assert (cut.blocks[name] != whole.blocks[name]).nnz == 0, name
    assert _features_of({"a": opening[:-20] + tail, "b": other}).blocks["words"].shape[1] > cut.blocks["words"].shape[1]


def _sklearn_tfidf(token_lists: list[list[str]], max_df: float) -> np.ndarray:
    vectorizer = TfidfVectorizer(analyzer=lambda tokens: tokens, sublinear_tf=True, dtype=np.float32, max_df=max_df)
    return vectorizer.fit_transform(token_lists).toarray()


def _counts_frame(token_lists: list[list[str]]) -> pl.DataFrame:
    counted = [(row, term, count) for row, tokens in enumerate(token_lists) for term, count in Counter(tokens).items()]
    return pl.DataFrame(counted, schema={"row": pl.UInt32, "term": pl.String, "count": pl.UInt32}, orient="row")


@settings(max_examples=150, deadline=None)
@given(
    token_lists=st.lists(st.lists(st.sampled_from(["iran", "iraq", "rocket", "2020", "b|3", "é"]), max_size=6), min_size=1, max_size=8),
    max_df=st.sampled_from([1.0, 0.5]),
    shuffled=st.randoms(use_true_random=False),
)
def test_tfidf_of_counts_is_sklearns_tfidf_of_the_tokens(token_lists, max_df, shuffled):
    """The features are built from counts (kept between runs) and must be what TfidfVectorizer makes of the tokens."""
    from newsfold.stories.features import tfidf_of_counts

    counted = _counts_frame(token_lists)
    order = list(range(counted.height))
    shuffled.shuffle(order)  # the counts' order must not matter
    made = tfidf_of_counts(counted[order], len(token_lists), max_df=max_df)
    try:
        expected = _sklearn_tfidf(token_lists, max_df)
    except ValueError:  # scikit-learn refuses an empty vocabulary; the features make an empty block
        expected = np.zeros((len(token_lists), 0), dtype=np.float32)
    assert made.dtype == np.float32 and made.shape == expected.shape
    np.testing.assert_allclose(made.toarray(), expected, rtol=1e-6, atol=1e-7)
    assert made.has_sorted_indices


@pytest.mark.parametrize(
    "title, text, words, years, numbers",
    [
        ("Vote", "In 2008, 2,440 voted.", {"vote": 2, "voted": 1}, {"2008": 1}, {"2440": 1}),
        (None, "The 2440 and 2,440 voters of 1999", {"voters": 1}, {"1999": 1}, {"2440": 2}),
        ("", "", {}, {}, {}),
    ],
)
def test_read_text_terms_counts_words_years_and_numbers(title, text, words, years, numbers):
    from newsfold.stories.features import read_text_terms

    assert tuple(map(dict, read_text_terms((title or "", text)))) == (words, years, numbers)
