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
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfTransformer

from newsfold.memo import Memo, MemoKind
from schemas import Amounts, Dates, Documents, Mentions

__all__ = [
    "TextsInOrder",
    "SUBVECTORS",
    "STORY_TEXT_CHARS",
    "TEXT_TERMS",
    "StoryFeatures",
    "make_story_features",
    "read_text_terms",
    "tfidf_of_counts",
]

#: Characters of an article's text that stories read (its words, years and numbers, its shingles for
#: near-duplicates): the first 100,000, about 16,000 words. What a story is told in its title and opening;
#: a longer text (a book-length transcript, a 50 MB file) would otherwise cost memory and time in
#: proportion to its length (docs/benchmarks.md) for no better story.
STORY_TEXT_CHARS = 100_000
#: The sub-vectors, in column order.
SUBVECTORS = ("words", "entities", "places", "dates", "amounts", "years", "numbers")

_PLACE_LABELS = ("GPE", "LOC", "FAC", "NORP")
#: The sub-vectors read from an article's text, in the order :func:`read_text_terms` gives them.
_TEXT_BLOCKS = ("words", "years", "numbers")
_TERMS = "terms"
_TERM_SCHEMA = {"row": pl.UInt32, "block": pl.UInt8, "term": pl.String, "count": pl.UInt32}
#: Each article's text terms kept between runs (:mod:`newsfold.memo`), by doc_id (a hash of its title and text
#: among the rest): reading the words, years and numbers of every text is most of what the features cost.
TEXT_TERMS = MemoKind(
    "story_text_terms", pl.List(pl.Struct({"block": pl.UInt8, "term": pl.String, "count": pl.UInt32}))
)
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
    memo: Memo | None = None,
) -> StoryFeatures:
    """Vectors of every article from the rows newsfold already holds.

    Args:
        documents: doc_id, title, text, published_date (other columns ignored).
        mentions: doc_id, label, entity_id (resolved).
        dates: doc_id, resolved_date.
        amounts: doc_id, value, object.
        key_terms: Highest-weighted words per article kept as candidate keys.
        memo: The terms an earlier run read from each article's text (:data:`TEXT_TERMS`), if
            kept: a text whose terms are kept is not read again. Those read here are added to it.
    """
    # Sorted without the texts: Polars copies a text column it sorts (50 MB for a long article).
    order = documents[Documents.doc_id].arg_sort()
    ordered = documents.drop(Documents.text)[order]
    doc_ids = tuple(ordered[Documents.doc_id].to_list())
    titles = ordered[Documents.title].fill_null("").to_list()
    texts = _Titled(titles, TextsInOrder(documents[Documents.text], order, max_chars=STORY_TEXT_CHARS))
    n_docs = len(doc_ids)
    read = _text_terms(doc_ids, texts, memo)
    in_block = {name: read.filter(pl.col("block") == k).drop("block") for k, name in enumerate(_TEXT_BLOCKS)}
    rows = pl.DataFrame({"doc_id": doc_ids, "row": range(n_docs)}, schema={"doc_id": pl.String, "row": pl.UInt32})
    linked = mentions.filter(pl.col(Mentions.entity_id).is_not_null())
    places = linked.filter(pl.col(Mentions.label).is_in(_PLACE_LABELS))
    days = dates.filter(pl.col(Dates.resolved_date).is_not_null())
    counted_amounts = amounts.filter(pl.col(Amounts.object).is_not_null())
    amount = pl.format("{}|{}", pl.col(Amounts.value).round(3), pl.col(Amounts.object))
    words = tfidf_of_counts(in_block["words"], n_docs, max_df=0.5 if n_docs >= 20 else 1.0)
    blocks = {
        "words": words,
        "entities": tfidf_of_counts(_terms_by_row(rows, linked, pl.col(Mentions.entity_id)), n_docs),
        "places": tfidf_of_counts(_terms_by_row(rows, places, pl.col(Mentions.entity_id)), n_docs),
        "dates": tfidf_of_counts(_terms_by_row(rows, days, pl.col(Dates.resolved_date).cast(pl.String)), n_docs),
        "amounts": tfidf_of_counts(_terms_by_row(rows, counted_amounts, amount), n_docs),
        "years": tfidf_of_counts(in_block["years"], n_docs),
        "numbers": tfidf_of_counts(in_block["numbers"], n_docs),
    }
    published = ordered[Documents.published_date].cast(pl.Int32).to_numpy().astype(np.float64)
    keys = sparse.hstack([_top_terms(words, key_terms), _binary(blocks["entities"])], format="csr")
    declared = ordered[Documents.published_date_source].is_in(["header", "metadata"]).fill_null(False).to_numpy()
    return StoryFeatures(doc_ids=doc_ids, blocks=blocks, days=published, declared=declared, keys=keys)


def tfidf_of_counts(counted: pl.DataFrame, n_docs: int, *, max_df: float = 1.0) -> sparse.csr_matrix:
    """TF-IDF rows of ``n_docs`` articles from their terms' counts, as scikit-learn's ``TfidfVectorizer`` makes them.

    The same numbers as ``TfidfVectorizer(sublinear_tf=True, max_df=max_df, dtype=np.float32)``
    given each article's terms (columns: the terms sorted; a term in more than
    ``max_df * n_docs`` articles left out), built from counts instead of token
    lists, so that counts kept between runs are not read again as text.

    Args:
        counted: ``row`` (the article's row, 0 to n_docs - 1), ``term`` and ``count``: one row per
            distinct term of an article.
        n_docs: Articles, including those without any term.
        max_df: Largest share of articles a term may appear in.

    Example:
        >>> counted = pl.DataFrame({"row": [0, 0, 1], "term": ["iran", "rockets", "iran"], "count": [2, 1, 1]})
        >>> matrix = tfidf_of_counts(counted, 3)
        >>> matrix.shape, matrix[2].nnz
        ((3, 2), 0)
    """
    in_documents = counted.group_by("term").len("documents")
    vocabulary = in_documents.filter(pl.col("documents") <= max_df * n_docs).sort("term").with_row_index("column")
    if vocabulary.height == 0:  # no usable term at all (e.g. every article is one stop word)
        return sparse.csr_matrix((n_docs, 0), dtype=np.float32)
    # Sorted by row and column: the matrix is the same whatever order the counts came in.
    cells = counted.join(vocabulary.select("term", "column"), on="term").sort("row", "column")
    counts = sparse.csr_matrix(
        (cells["count"].to_numpy().astype(np.float32), (cells["row"].to_numpy(), cells["column"].to_numpy())),
        shape=(n_docs, vocabulary.height),
        dtype=np.float32,
    )
    return sparse.csr_matrix(TfidfTransformer(sublinear_tf=True).fit_transform(counts), dtype=np.float32)


def _text_terms(doc_ids: Sequence[str], texts: Sequence[tuple[str, str]], memo: Memo | None) -> pl.DataFrame:
    """The terms of each article's text (:func:`read_text_terms`) as ``row``, ``block``, ``term``, ``count``; those ``memo`` holds taken from it."""
    hit, kept = memo.recall(TEXT_TERMS, doc_ids) if memo is not None else (np.zeros(len(doc_ids), dtype=bool), None)
    missed = np.flatnonzero(~hit).tolist()
    made = _read_all(missed, texts)
    if memo is not None:
        per_article = made.group_by("row").agg(pl.struct("block", "term", "count").alias(_TERMS))
        values = pl.DataFrame({"row": missed}, schema={"row": pl.UInt32}).join(per_article, on="row", how="left")
        memo.keep(TEXT_TERMS, [doc_ids[k] for k in missed], values[_TERMS].fill_null([]))
    if kept is None or not hit.any():
        return made
    recalled = (
        pl.DataFrame({"row": pl.Series(np.flatnonzero(hit), dtype=pl.UInt32), _TERMS: kept.filter(pl.Series(hit))})
        .explode(_TERMS, empty_as_null=False)
        .unnest(_TERMS)
    )
    return pl.concat([recalled, made], how="vertical")


def _read_all(rows: list[int], texts: Sequence[tuple[str, str]]) -> pl.DataFrame:
    """:func:`read_text_terms` of the articles at ``rows``, one frame."""
    found: dict[str, list] = {"row": [], "block": [], "term": [], "count": []}
    for row in rows:
        for block, terms in enumerate(read_text_terms(texts[row])):
            found["row"] += [row] * len(terms)
            found["block"] += [block] * len(terms)
            found["term"] += list(terms)
            found["count"] += list(terms.values())
    return pl.DataFrame(found, schema=_TERM_SCHEMA)


def read_text_terms(titled_text: tuple[str, str]) -> tuple[Counter, Counter, Counter]:
    """The words, years and other numbers of a (title, text) pair, each counted.

    Example:
        >>> words, years, numbers = read_text_terms(("Vote", "In 2008, 2,440 voted."))
        >>> dict(words), dict(years), dict(numbers)
        ({'vote': 2, 'voted': 1}, {'2008': 1}, {'2440': 1})
    """
    parts = _titled_parts(titled_text)
    # Part by part, never joined: a joined copy of a long article is its size again. Neither pattern
    # matches across the line break that would join them, so the tokens are the same.
    return (
        Counter(titled_words(titled_text)),
        Counter(year for part in parts for year in _years(part)),
        Counter(number for part in parts for number in _numbers(part)),
    )


def _terms_by_row(rows: pl.DataFrame, found: pl.DataFrame, term: pl.Expr) -> pl.DataFrame:
    """Each article's distinct terms with their counts (``row``, ``term``, ``count``).

    Counted in Polars: a long article's million entity mentions become a few
    thousand (term, count) pairs, not a million Python strings.
    """
    counted = (
        found.select(pl.col("doc_id"), term.alias("term"))
        .drop_nulls()
        .group_by("doc_id", "term")
        .len("count")
        .with_columns(pl.col("count").cast(pl.UInt32))
    )
    return counted.join(rows, on="doc_id").select("row", "term", "count")


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
