"""Word lists shipped with the quote extractor, loaded once from YAML.

The lists live in ``newsfold/quotes/data/lexicon.yaml`` so that linguists can
edit them without touching code.

Example:
    >>> "say" in load_lexicon().cue_verbs
    True
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from newsfold.errors import ModelError

__all__ = ["Lexicon", "load_lexicon"]

_LEXICON_FILE = "lexicon.yaml"


@dataclass(frozen=True)
class Lexicon:
    """Word lists for cues, titles, media, pronouns and synonyms.

    Attributes:
        cue_verbs: Lemmas of speech verbs ("say", "tweet").
        titles: Job titles and honorifics ("minister").
        org_words: Words marking an organisation's name ("embassy").
        medium_cues: Medium name to the words that signal it.
        tweet_domains: Link domains that make a quote a tweet.
        pronouns: Pronoun to the entity label it may refer to.
        first_person: First-person pronouns.
        female_names: First names read as female.
        male_names: First names read as male.
        synonyms: Word or phrase to its canonical form, for clustering.
    """

    cue_verbs: frozenset[str]
    titles: frozenset[str]
    org_words: frozenset[str]
    medium_cues: dict[str, tuple[str, ...]]
    tweet_domains: tuple[str, ...]
    pronouns: dict[str, str]
    first_person: frozenset[str]
    female_names: frozenset[str]
    male_names: frozenset[str]
    synonyms: dict[str, str]


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Load and cache the shipped lexicon.

    Returns:
        The :class:`Lexicon`.

    Raises:
        ModelError: The shipped file is missing a key (names the file).
    """
    source = resources.files("newsfold.quotes").joinpath("data").joinpath(_LEXICON_FILE)
    raw = yaml.safe_load(source.read_text(encoding="utf-8"))
    try:
        return Lexicon(
            cue_verbs=frozenset(raw["cue_verbs"]),
            titles=frozenset(raw["titles"]),
            org_words=frozenset(raw["org_words"]),
            medium_cues={k: tuple(v) for k, v in raw["medium_cues"].items()},
            tweet_domains=tuple(raw["tweet_domains"]),
            pronouns=dict(raw["pronouns"]),
            first_person=frozenset(raw["first_person"]),
            female_names=frozenset(raw["female_names"]),
            male_names=frozenset(raw["male_names"]),
            synonyms=dict(raw["synonyms"]),
        )
    except (KeyError, TypeError, AttributeError) as exc:
        raise ModelError(f"newsfold/quotes/data/{_LEXICON_FILE}: bad or missing key {exc}") from exc
