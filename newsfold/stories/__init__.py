"""Stories: which articles tell the same story, across outlets and translations.

The dataset-wide stage (:func:`newsfold.resolve.link_dataset`) calls
:func:`build_stories` once entity ids exist: near-duplicates first
(``documents.duplicate_of``), then a sparse, time-windowed average-link
clustering of weighted TF-IDF sub-vectors (words, entity ids, places, dates,
amounts) into ``documents.story_id`` and the ``stories`` table. See
docs/stories.md for the method, its settings and how they were chosen.

Example:
    >>> from newsfold.stories import score_bcubed
    >>> round(score_bcubed({"a": "s", "b": "s"}, {"a": "x", "b": "x"}).f1, 2)
    1.0
"""

from newsfold.stories.build import DEFAULT_PARAMS, StoryParams, build_stories, make_story_id
from newsfold.stories.duplicates import find_near_duplicates
from newsfold.stories.evaluate import BCubed, read_gold_stories, score_bcubed, split_topics

__all__ = [
    "DEFAULT_PARAMS",
    "StoryParams",
    "build_stories",
    "make_story_id",
    "find_near_duplicates",
    "BCubed",
    "read_gold_stories",
    "score_bcubed",
    "split_topics",
]
