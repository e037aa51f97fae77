"""``quotes``: one row per quotation.

Quotations are quoted spans (straight, curly or angle marks) of at least
four words, tweet embeds, and first-person speech whose quote marks were lost
in translation ("Trump tweeted that ... I would blame Iran"); ``kind`` tells
a direct quotation from quoted words inside reported speech; see docs/quotes.md.
"""

from __future__ import annotations

import polars as pl
import pandera.polars as pa

from schemas.base import ID_PATTERN, TableModel

MEDIA = ["tweet", "statement", "interview", "unknown"]
SPEAKER_METHODS = ["name", "pronoun", "title", "description", "embed"]
KINDS = ["direct", "partial", "unmarked", "embed"]


class Quotes(TableModel):
    """Quotations with their kind, speaker, cue and medium."""

    quote_id: str = pa.Field(unique=True, str_matches=ID_PATTERN, description="Deterministic id from doc_id and offsets.")
    doc_id: str = pa.Field(str_matches=ID_PATTERN, description="Article (documents.doc_id).")
    start: pl.Int64 = pa.Field(ge=0, description="Offset of the quoted content (inside the quote marks) in documents.text.")
    end: pl.Int64 = pa.Field(ge=1, description="Offset just past the quoted content.")
    text: str = pa.Field(str_length={"min_value": 1}, description="The quoted content: documents.text[start:end].")
    kind: str = pa.Field(isin=KINDS, description="direct (the whole quotation is the speaker's words in marks), partial (quoted words inside reported speech: said the vote was \"rigged from the start\"), unmarked (first-person reported speech without marks, as in a translation), embed (an embedded tweet or post).")
    speaker_text: str = pa.Field(nullable=True, description="Where the text names the speaker (a name, pronoun or title), as written.")
    speaker_start: pl.Int64 = pa.Field(nullable=True, ge=0, description="Offset of speaker_text.")
    speaker_end: pl.Int64 = pa.Field(nullable=True, ge=1, description="Offset just past speaker_text.")
    speaker_name: str = pa.Field(nullable=True, description="The speaker's name after resolving pronouns and titles, e.g. 'Donald Trump' for 'he'.")
    speaker_label: str = pa.Field(nullable=True, description="Entity label of the named speaker (PERSON, ORG, GPE, NORP); null when unresolved.")
    speaker_mention_id: str = pa.Field(nullable=True, str_matches=ID_PATTERN, description="The mention (mentions.mention_id) the speaker resolves to: the name itself, a pronoun's antecedent, a title's holder.")
    speaker_method: str = pa.Field(nullable=True, isin=SPEAKER_METHODS, description="How the speaker was found: name, pronoun, title, description (a source named by a common noun, e.g. 'officials'), embed (a tweet embed's account).")
    speaker_entity_id: str = pa.Field(nullable=True, description="Speaker's canonical entity (entities.entity_id); null when no speaker was found.")
    cue: str = pa.Field(nullable=True, description="The cue verb or marker, e.g. 'wrote'.")
    medium: str = pa.Field(isin=MEDIA, description="tweet, statement, interview or unknown.")
    url: str = pa.Field(nullable=True, description="URL cited as the quote's source.")
    quote_cluster_id: str = pa.Field(str_matches=ID_PATTERN, description="Same for the same quotation across articles, paraphrases and translations included.")
