"""Story features: the words of an article are those scikit-learn's own analysis finds, read one at a time."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.feature_extraction.text import TfidfVectorizer

from newsfold.stories.features import _WORD_PATTERN, titled_words

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
