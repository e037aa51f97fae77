"""Entity resolution: one canonical entity per person, organisation and place.

One man is "Qasem Soleimani", "Qassem Suleimani", "Qasim Suleimani" or
"General Sulaimani" depending on outlet and translator. This package links
every spelling to one entity, keeps namesakes apart, and records why:

* ``fold`` / ``forms``: ASCII folding, titles, transliteration-aware keys;
* ``registry``: the shipped reference entities (GeoNames, ISO, curated);
* ``compare`` / ``match`` / ``link``: type-gated scoring with vetoes;
* ``votes``: a name's type in an article, voted by its labels and the registry;
* ``cluster`` / ``context``: names the registry lacks, bare surnames;
* ``organisations``: acronyms and generic names ("the U.S. Embassy") by context;
* ``curation`` / ``curate``: the user's corrections file;
* ``cascade``: the rules over a dataset, once per distinct spelling;
* ``resolve``: the pipeline's entry point; ``table`` the entities table;
* ``explain`` / ``reconcile`` / ``evaluate``: one name, a CSV, a gold set.

Example:
    >>> from newsfold.names import explain_name
    >>> explain_name("General Sulaimani", "PER").method
    'corpus_context'
"""

import importlib

# The names are imported on first use (PEP 562): importing one light module of
# this package (the registry's entries, for the analysis stage's ruler) must
# not pay for rigour and ICU.
_EXPORTS = {
    "Curation": "curation",
    "load_curation": "curation",
    "PairScores": "evaluate",
    "evaluate_gold": "evaluate",
    "evaluate_pairs": "evaluate",
    "NameExplanation": "explain",
    "explain_name": "explain",
    "fold_text": "fold",
    "make_part_key": "fold",
    "NameForm": "forms",
    "make_name_form": "forms",
    "reconcile_names": "reconcile",
    "load_registry": "registry",
    "load_name_tables": "cascade",
    "EntityResolution": "resolve",
    "resolve_entities": "resolve",
}


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "Curation",
    "EntityResolution",
    "NameExplanation",
    "NameForm",
    "PairScores",
    "evaluate_gold",
    "evaluate_pairs",
    "explain_name",
    "fold_text",
    "load_curation",
    "load_name_tables",
    "load_registry",
    "make_name_form",
    "make_part_key",
    "reconcile_names",
    "resolve_entities",
]
