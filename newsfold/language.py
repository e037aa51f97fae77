"""Language of an article whose input does not declare one, detected offline.

py3langid (a maintained fork of langid.py, its model shipped in the wheel)
classifies the first :data:`_SAMPLE_CHARS` characters. Only a confident
answer is kept: a short or odd text (a table of figures, a headline in
capitals) gets no language rather than a wrong one. An article confidently
not in English is still stored, but not run through the English analysis
(``documents.skipped_reason``); see docs/stories.md for the measurement.

Example:
    >>> detect_language("Der Präsident hat heute in Berlin vor dem Bundestag gesprochen.")
    'de'
    >>> detect_language("SHR 12 CTS VS 10 CTS") is None
    True
    >>> skip_reason("de"), skip_reason("en"), skip_reason(None)
    ('language:de', None, None)
"""

from __future__ import annotations

import functools

__all__ = ["ANALYSED_LANGUAGE", "MIN_CONFIDENCE", "detect_language", "skip_reason"]

#: The language the analysis (spaCy's English model, the English lexicons) is built for.
ANALYSED_LANGUAGE = "en"
#: Smallest normalised probability at which a detected language is kept.
MIN_CONFIDENCE = 0.9
_SAMPLE_CHARS = 600


@functools.cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text``'s language, or None when not confident."""
    language, probability = _identifier().classify(text[:_SAMPLE_CHARS])
    return language if probability >= MIN_CONFIDENCE else None


def skip_reason(language: str | None) -> str | None:
    """Why an article in ``language`` is not analysed (None: it is analysed)."""
    if language is None or language.lower().split("-")[0] == ANALYSED_LANGUAGE:
        return None
    return f"language:{language.lower()}"
