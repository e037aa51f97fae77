"""What an article looks like to the story clustering: weighted sparse sub-vectors.

Each article becomes one row of a sparse matrix made of L2-normalised
TF-IDF sub-vectors (Miranda et al., EMNLP 2018), each scaled by the square
root of its weight, so the dot product of two rows is the weighted sum of the
sub-vectors' cosines:

- ``words``: title and body (title words counted twice), English stop words out;
- ``entities``: canonical entity ids of the mentions, the signal that
  survives translation and spelling (``Soleimani`` / ``Suleimani``);
- ``places``: the LOC entity ids again, on their own (where tells stories of one kind apart);
- ``dates``: calendar days named in the text;
- ``amounts``: numbers with what they count ("3 rocket");
- ``years``: the years written in the text (two elections of one country, five years apart);
- ``numbers``: every other number written in the text (a toll, a magnitude, a turnout),
  which tells two events of one kind apart even when nothing says what it counts.

Example:
    >>> features = make_story_features(documents, mentions, dates, amounts)  # doctest: +SKIP
    >>> features.vectors.shape[0] == documents.height  # doctest: +SKIP
    True
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import polars as pl
from scipy import sparse

# Imported with the module, not on first use: a small run imports the stories while spaCy parses
# (flows.pipeline._load_resolver), so scikit-learn's second of imports overlaps the parse.
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

from schemas import Amounts, Dates, Documents, Mentions

__all__ = ["TextsInOrder", "SUBVECTORS", "STORY_TEXT_CHARS", "StoryFeatures", "make_story_features"]

#: Characters of an article's text that stories read (its words, years and numbers, its shingles for
#: near-duplicates): the first 100,000, about 16,000 words. What a story is told in its title and opening;
#: a longer text (a book-length transcript, a 50 MB file) would otherwise cost memory and time in
#: proportion to its length (docs/benchmarks.md) for no better story.
STORY_TEXT_CHARS = 100_000
#: The sub-vectors, in column order.
SUBVECTORS = ("words", "entities", "places", "dates", "amounts", "years", "numbers")

_PLACE_LABELS = ("GPE", "LOC", "FAC", "NORP")
_WORD_PATTERN = r"(?u)\b[^\W\d_][\w'-]*[^\W_]\b"
# A year in the text (1800 to 2099), not part of a longer number or a decimal.
_YEAR_PATTERN = re.compile(r"(?<![\d.,])(?:18|19|20)\d\d(?![\d]|[.,]\d)")
# Any other number in the text, thousands separators dropped ("2,000" is "2000"), decimals kept.
_NUMBER_PATTERN = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\w.,])\d+(?:\.\d+)?")


@dataclass(frozen=True)
class StoryFeatures:
    """The articles' vectors, in ``doc_ids`` order.

    Attributes:
        doc_ids: Articles, sorted by doc_id.
        blocks: One L2-normalised sparse matrix (CSR, float32) per sub-vector name.
        days: Publication day as days since 1970-01-01, NaN when unknown.
        declared: True where that day was declared by the input (header or
            metadata), False where it was inferred from the content or is unknown.
        keys: Binary CSR matrix of each article's rarest strong features,
            used to propose candidate pairs (see :mod:`newsfold.stories.candidates`).
    """

    doc_ids: tuple[str, ...]
    blocks: Mapping[str, sparse.csr_matrix]
    days: np.ndarray
    declared: np.ndarray
    keys: sparse.csr_matrix

    def vectors(self, weights: Mapping[str, float]) -> sparse.csr_matrix:
        """Rows whose dot product is ``sum(weights[k] * cosine_k)``."""
        parts = [self.blocks[name] * np.float32(np.sqrt(weights.get(name, 0.0))) for name in SUBVECTORS]
        return sparse.hstack(parts, format="csr", dtype=np.float32)


def make_story_features(
    documents: pl.DataFrame,
    mentions: pl.DataFrame,
    dates: pl.DataFrame,
    amounts: pl.DataFrame,
    *,
    key_terms: int = 12,
) -> StoryFeatures:
    """Vectors of every article from the rows newsfold already holds.

    Args:
        documents: doc_id, title, text, published_date (other columns ignored).
        mentions: doc_id, label, entity_id (resolved).
        dates: doc_id, resolved_date.
        amounts: doc_id, value, object.
        key_terms: Highest-weighted words per article kept as candidate keys.
    """
    # Sorted without the texts: Polars copies a text column it sorts (50 MB for a long article).
    order = documents[Documents.doc_id].arg_sort()
    ordered = documents.drop(Documents.text)[order]
    doc_ids = tuple(ordered[Documents.doc_id].to_list())
    titles = ordered[Documents.title].fill_null("").to_list()
    texts = _Titled(titles, TextsInOrder(documents[Documents.text], order, max_chars=STORY_TEXT_CHARS))
    words = _tfidf(
        TfidfVectorizer(analyzer=titled_words, sublinear_tf=True, dtype=np.float32, max_df=0.5 if len(texts) >= 20 else 1.0),
        texts,
    )
    linked = mentions.filter(pl.col(Mentions.entity_id).is_not_null())
    entity_docs = _tokens_by_doc(doc_ids, linked, pl.col(Mentions.entity_id))
    place_docs = _tokens_by_doc(
        doc_ids, linked.filter(pl.col(Mentions.label).is_in(_PLACE_LABELS)), pl.col(Mentions.entity_id)
    )
    date_docs = _tokens_by_doc(
        doc_ids, dates.filter(pl.col(Dates.resolved_date).is_not_null()), pl.col(Dates.resolved_date).cast(pl.String)
    )
    amount_docs = _tokens_by_doc(
        doc_ids,
        amounts.filter(pl.col(Amounts.object).is_not_null()),
        pl.format("{}|{}", pl.col(Amounts.value).round(3), pl.col(Amounts.object)),
    )
    blocks = {
        "words": words,
        "entities": _tfidf_tokens(entity_docs),
        "places": _tfidf_tokens(place_docs),
        "dates": _tfidf_tokens(date_docs),
        "amounts": _tfidf_tokens(amount_docs),
        # Part by part, never joined: a joined copy of a long article is its size again. Neither pattern
        # matches across the line break that would join them, so the tokens are the same.
        "years": _tfidf_tokens([_counted([y for part in _titled_parts(titled) for y in _years(part)]) for titled in texts]),
        "numbers": _tfidf_tokens([_counted([n for part in _titled_parts(titled) for n in _numbers(part)]) for titled in texts]),
    }
    published = ordered[Documents.published_date].cast(pl.Int32).to_numpy().astype(np.float64)
    keys = sparse.hstack([_top_terms(words, key_terms), _binary(blocks["entities"])], format="csr")
    declared = ordered[Documents.published_date_source].is_in(["header", "metadata"]).fill_null(False).to_numpy()
    return StoryFeatures(doc_ids=doc_ids, blocks=blocks, days=published, declared=declared, keys=keys)


class TextsInOrder(Sequence[str]):
    """The strings of a text column in a given row order, each made a Python string only when reached.

    With ``max_chars``, a longer text is cut to its first ``max_chars``
    characters before it becomes a Python string (never whole).

    Example:
        >>> list(TextsInOrder(pl.Series(["b text", "a text"]), pl.Series([1, 0])))
        ['a text', 'b text']
        >>> list(TextsInOrder(pl.Series(["b text", "a text"]), pl.Series([1, 0]), max_chars=3))
        ['a t', 'b t']
    """

    def __init__(self, texts: pl.Series, order: pl.Series, max_chars: int | None = None) -> None:
        self.texts, self.order, self.max_chars = texts, order.to_list(), max_chars
        self.cut = set() if max_chars is None else set((texts.str.len_chars() > max_chars).arg_true().to_list())

    def __len__(self) -> int:
        return len(self.order)

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return [self._text(row) for row in self.order[index]]
        return self._text(self.order[index])

    def __iter__(self) -> Iterator[str]:
        return (self._text(row) for row in self.order)

    def _text(self, row: int) -> str:
        if row in self.cut:  # sliced by Polars: the whole text never becomes a Python string
            return self.texts.slice(row, 1).str.slice(0, self.max_chars)[0]
        return self.texts[row]


class _Titled(Sequence[tuple[str, str]]):
    """(title, text) pairs, the texts made Python strings one at a time (each pass reads them again)."""

    def __init__(self, titles: list[str], texts: TextsInOrder) -> None:
        self.titles, self.texts = titles, texts

    def __len__(self) -> int:
        return len(self.titles)

    def __getitem__(self, index):  # type: ignore[override]
        return list(zip(self.titles[index], self.texts[index])) if isinstance(index, slice) else (self.titles[index], self.texts[index])

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return zip(self.titles, self.texts)


def _titled_parts(titled_text: tuple[str, str]) -> tuple[str, ...]:
    """The parts of a (title, text) pair as they are read: the title twice (it says what the story is), then the text.

    Example:
        >>> _titled_parts(("Vote", "In 2008."))
        ('Vote', 'Vote', 'In 2008.')
        >>> _titled_parts(("", "In 2008."))
        ('In 2008.',)
    """
    title, text = titled_text
    return (title, title, text) if title else (text,)


def _years(text: str) -> list[str]:
    """The years written in a text (1800 to 2099), sorted.

    Example:
        >>> _years("Elected in 2008, again on December 15, 2013; 2,013 votes.")
        ['2008', '2013']
    """
    return sorted(_YEAR_PATTERN.findall(text))


def _numbers(text: str) -> list[str]:
    """The numbers of a text other than years, normalised ("2,000" and "2000" are one token).

    Example:
        >>> _numbers("Some 2,440 voters, 88.41 percent, in 2008.")
        ['2440', '88.41']
    """
    found = (match.replace(",", "") for match in _NUMBER_PATTERN.findall(text))
    return sorted(number for number in found if not _YEAR_PATTERN.fullmatch(number))


def _tokens_by_doc(doc_ids: tuple[str, ...], rows: pl.DataFrame, token: pl.Expr) -> list[list[tuple[str, int]]]:
    """Each article's distinct tokens with their counts (in doc_ids order), sorted by token.

    Counted in Polars: a long article's million entity mentions become a few
    thousand (token, count) pairs, not a million Python strings.
    """
    counted = (
        rows.select(pl.col("doc_id"), token.alias("token"))
        .drop_nulls()
        .group_by("doc_id", "token")
        .len()
        .sort("doc_id", "token")
    )
    grouped: dict[str, list[tuple[str, int]]] = {}
    for doc_id, found, count in counted.iter_rows():
        grouped.setdefault(doc_id, []).append((found, count))
    return [grouped.get(doc_id, []) for doc_id in doc_ids]


def _counted(tokens: list[str]) -> list[tuple[str, int]]:
    """``tokens`` as sorted (token, count) pairs, the form :func:`_tfidf_tokens` takes."""
    return sorted(Counter(tokens).items())


def titled_words(titled_text: tuple[str, str]) -> Iterator[str]:
    """The words of a (title, text) pair, the title's twice (it says what the story is), one at a time.

    The words scikit-learn's ``TfidfVectorizer(lowercase=True, stop_words="english",
    token_pattern=_WORD_PATTERN)`` finds in ``f"{title}\\n{title}\\n{text}"`` (or in the text
    alone without a title), in the same order; yielded one by one instead of listed: the list of a long
    article's words as Python strings takes about 20 times its text (docs/benchmarks.md).

    Example:
        >>> list(titled_words(("Iran fires", "The rockets hit Baghdad.")))
        ['iran', 'fires', 'iran', 'fires', 'rockets', 'hit', 'baghdad']
    """
    for part in _titled_parts(titled_text):
        for match in _WORD.finditer(part.lower()):
            word = match.group()
            if word not in ENGLISH_STOP_WORDS:
                yield word


_WORD = re.compile(_WORD_PATTERN)


def _tfidf(vectorizer, texts: list) -> sparse.csr_matrix:
    try:
        return vectorizer.fit_transform(texts).tocsr().astype(np.float32)
    except ValueError:  # no usable term at all (e.g. every article is one stop word)
        return sparse.csr_matrix((len(texts), 0), dtype=np.float32)


def _tfidf_tokens(counted: list[list[tuple[str, int]]]) -> sparse.csr_matrix:
    """TF-IDF of articles given as (token, count) pairs: each token is handed to scikit-learn ``count`` times, one at a time."""
    return _tfidf(TfidfVectorizer(analyzer=_each_time, sublinear_tf=True, dtype=np.float32), counted)


def _each_time(pairs: list[tuple[str, int]]) -> Iterator[str]:
    return (token for token, count in pairs for _ in range(count))


def _binary(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    out = matrix.copy()
    out.data = np.ones_like(out.data)
    return out


def _top_terms(matrix: sparse.csr_matrix, k: int) -> sparse.csr_matrix:
    """Binary matrix keeping each row's ``k`` highest weights (ties by column)."""
    rows, cols = [], []
    for row in range(matrix.shape[0]):
        start, end = matrix.indptr[row], matrix.indptr[row + 1]
        if start == end:
            continue
        columns = matrix.indices[start:end]
        weights = matrix.data[start:end]
        order = np.lexsort((columns, -weights))[:k]
        rows.extend([row] * len(order))
        cols.extend(columns[order].tolist())
    data = np.ones(len(rows), dtype=np.float32)
    return sparse.csr_matrix((data, (rows, cols)), shape=matrix.shape, dtype=np.float32)
