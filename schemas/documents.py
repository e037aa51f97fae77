"""``documents``: one row per article."""

from __future__ import annotations

import polars as pl
import pandera.polars as pa

from schemas.base import ID_PATTERN, SHA256_PATTERN, TableModel

PUBLISHED_DATE_SOURCES = [
    "header",
    "metadata",
    "content_latest_date",
    "content_post_id",
    "content_weekday",
]


class Documents(TableModel):
    """One row per article."""

    doc_id: str = pa.Field(unique=True, str_matches=ID_PATTERN, description="Deterministic article id: a hash of the stored text and its metadata, so moving a file keeps it.")
    source_path: str = pa.Field(str_length={"min_value": 1}, description="Input file, POSIX path relative to the raw directory.")
    source_sha256: str = pa.Field(str_matches=SHA256_PATTERN, description="SHA-256 of the input file's bytes as stored.")
    record_index: pl.Int64 = pa.Field(ge=0, description="0 for one-article files; the record (JSON) or line (JSON Lines) number otherwise.")
    external_id: str = pa.Field(nullable=True, description="The record's own id field, when the input had one.")
    title: str = pa.Field(nullable=True, description="Headline from a header, a record field, or a short first line followed by a blank line.")
    text: str = pa.Field(str_length={"min_value": 1}, description="Article body: NFC, LF line ends, mojibake repaired. Every offset in the dataset indexes this string.")
    published_date: pl.Date = pa.Field(nullable=True, description="Publication date.")
    published_date_source: str = pa.Field(nullable=True, isin=PUBLISHED_DATE_SOURCES, description="How published_date was found: header, metadata, or inferred from the content (content_latest_date, content_post_id, content_weekday).")
    published_year: pl.Int32 = pa.Field(nullable=True, description="Year of published_date; each data file of the table is sorted by it, one row group per year.")
    dateline: str = pa.Field(nullable=True, description="Place the article was filed from, e.g. 'Washington'.")
    source_name: str = pa.Field(nullable=True, description="Outlet that published the article.")
    url: str = pa.Field(nullable=True, description="Article URL.")
    language: str = pa.Field(nullable=True, description="Language of the text (ISO 639-1): as declared by the input, else detected from the text (see language_source).")
    language_source: str = pa.Field(nullable=True, isin=["header", "detected"], description="How language was found: declared in the input (header), or detected from the text offline.")
    translated_from: str = pa.Field(nullable=True, description="Language the text was translated from, when declared.")
    encoding: str = pa.Field(description="Encoding the input bytes were decoded from.")
    n_words: pl.Int64 = pa.Field(ge=0, description="Number of word tokens (punctuation and spaces excluded).")
    n_sentences: pl.Int64 = pa.Field(ge=0, description="Number of rows in sentences for this article.")
    skipped_reason: str = pa.Field(nullable=True, description="Why the English analysis was not run on this article (e.g. 'language:de'); its sentences, mentions, quotes, dates and amounts are then empty.")
    story_id: str = pa.Field(str_matches=ID_PATTERN, description="Story the article belongs to (stories.story_id); an article alone in its story has a story of its own.")
    duplicate_of: str = pa.Field(nullable=True, str_matches=ID_PATTERN, description="doc_id of the earliest near-identical copy (wire copy, syndicated text), when this article is one; it shares that article's story.")
    run_id: str = pa.Field(description="Run that analysed this article.")
