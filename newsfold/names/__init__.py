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
    >>> explain_name("General Sulaimani", "PER").method
    'corpus_context'
"""

from newsfold.names.curation import Curation, load_curation
from newsfold.names.evaluate import PairScores, evaluate_gold, evaluate_pairs
from newsfold.names.explain import NameExplanation, explain_name
from newsfold.names.fold import fold_text, make_part_key
from newsfold.names.forms import NameForm, make_name_form
from newsfold.names.reconcile import reconcile_names
from newsfold.names.registry import load_registry
from newsfold.names.resolve import EntityResolution, resolve_entities

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
    "load_registry",
    "make_name_form",
    "make_part_key",
    "reconcile_names",
    "resolve_entities",
]
