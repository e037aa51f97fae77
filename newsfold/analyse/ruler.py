"""An entity ruler fed from the name registry's spellings.

The statistical ``ner`` of a small English model misses or mislabels names it
has rarely seen ("Arbil" as ORG, "Belarus" not at all). The registry already
lists the spellings of the people, organisations and places news mentions
most, so they can be matched verbatim and set as entities before ``ner``
runs; the model keeps them and labels the rest of the text around them.

Which aliases become patterns (:func:`is_pattern_alias`): those that start
with an upper-case letter and have at least two characters ("the UN" and the
romanised city names "ji er ku ke" are left out: a spelling in lower case is
a common word as often as a name, and "the" is outside a name's span). An
alias listed for entries of different types is left out (the model decides);
one listed for several entries of the same type names the entry the
registry's alias index ranks first. Matching is case-sensitive: "US" matches,
"us" does not.

A match is kept only when it stands alone as a name (:func:`is_bounded`): a
capitalised word right before or after it means it is part of a longer name
("U.S." in "U.S. Open", "New York" in "New York Stock Exchange"), which the
model labels better. This is what makes the ruler pay off: measured on
CoNLL-2003 dev, spaCy's plain ``entity_ruler`` with the same patterns lowers
F1 before ``ner`` and leaves it flat after; this one, before ``ner``, raises
it (docs/ner.md).

Example:
    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> patterns = [{"label": "GPE", "pattern": "Arbil", "id": "Q2"}]
    >>> _ = add_registry_ruler(nlp, patterns)
    >>> [(e.text, e.label_, e.ent_id_) for e in nlp("Troops left Arbil on Friday.").ents]
    [('Arbil', 'GPE', 'Q2')]
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # analysis workers import this module without the registry's dependencies
    from newsfold.names.entries import RegistryEntry

__all__ = [
    "RULER_FACTORY",
    "RULER_NAME",
    "SPACY_LABELS",
    "RegistryRuler",
    "add_registry_ruler",
    "is_bounded",
    "is_pattern_alias",
    "make_registry_patterns",
]

#: spaCy factory name of the ruler (bump the version if matching changes).
RULER_FACTORY = "newsfold_registry_ruler_v1"
#: Pipe name of the ruler in the spaCy pipeline.
RULER_NAME = "newsfold_registry_ruler"
#: spaCy label given to a registry entry of each type.
SPACY_LABELS = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE"}


def is_pattern_alias(alias: str) -> bool:
    """Whether a registry spelling is safe to match verbatim in text.

    Example:
        >>> is_pattern_alias("Kirkuk"), is_pattern_alias("the UN"), is_pattern_alias("ji er ku ke")
        (True, False, False)
    """
    alias = alias.strip()
    return len(alias) >= 2 and alias[0].isupper()


def make_registry_patterns(entries: Iterable["RegistryEntry"]) -> list[dict[str, Any]]:
    """Phrase patterns, one per usable alias of a person, organisation or place.

    Args:
        entries: The registry's entries (``read_registry_document()[0]``, or
            hand-built ones); an alias several entries of one type share goes to
            the entry the registry ranks first (:func:`newsfold.names.entries.rank_entry`).

    Returns:
        ``{"label": "PERSON"|"ORG"|"GPE", "pattern": alias, "id": entity_id}``
        dicts sorted by alias (spaCy's ``entity_ruler`` takes them as they
        are): the same list whatever the order of the entries.
    """
    from newsfold.names.entries import rank_entry

    candidates: dict[str, dict[str, list["RegistryEntry"]]] = {}
    for entry in entries:
        if entry.entity_type not in SPACY_LABELS:
            continue
        for alias in entry.aliases:
            alias = alias.strip()
            if is_pattern_alias(alias):
                candidates.setdefault(alias, {}).setdefault(entry.entity_type, []).append(entry)
    patterns = []
    for alias in sorted(candidates):
        by_type = candidates[alias]
        if len(by_type) != 1:
            continue  # one spelling, several kinds of thing: the model decides
        ((entity_type, sharing),) = by_type.items()
        chosen = min(sharing, key=rank_entry)
        patterns.append({"label": SPACY_LABELS[entity_type], "pattern": alias, "id": chosen.entity_id})
    return patterns


def _is_name_word(token) -> bool:
    return token.is_alpha and (token.is_title or token.is_upper)


def is_bounded(doc, start: int, end: int) -> bool:
    """Whether tokens ``start:end`` are not part of a longer capitalised name.

    The word before may be capitalised only when it starts a sentence
    ("Troops" in "Troops left Arbil" is fine, "Leicestershire" before
    "County" is not); the word after must never be.

    Example:
        >>> import spacy
        >>> doc = spacy.blank("en")("He won the U.S. Open in New York .")
        >>> is_bounded(doc, 3, 4), is_bounded(doc, 6, 8)
        (False, True)
    """
    if start > 0:
        before = doc[start - 1]
        if _is_name_word(before) and not before.is_sent_start:
            return False
    return not (end < len(doc) and _is_name_word(doc[end]))


class RegistryRuler:
    """spaCy component: registry aliases standing alone become entities.

    Matches overlapping an entity already set are skipped; of overlapping
    matches the longest (then first) wins. Each entity carries the registry
    id as ``ent_id_``.

    Args:
        vocab: The pipeline's vocabulary.
        tokenize: The pipeline's tokenizer (``nlp.tokenizer``).
        patterns: :func:`make_registry_patterns` output.
    """

    def __init__(self, vocab, tokenize, patterns: Iterable[dict[str, Any]]) -> None:
        from spacy.matcher import PhraseMatcher

        self.matcher = PhraseMatcher(vocab, attr="ORTH")
        self.entity_ids: dict[int, str] = {}
        patterns = list(patterns)
        for pattern, doc in zip(patterns, tokenize.pipe(p["pattern"] for p in patterns)):
            key = f"{pattern['label']}|{pattern['id']}"
            self.matcher.add(key, [doc])

    def __call__(self, doc):
        from spacy.tokens import Span
        from spacy.util import filter_spans

        taken = {i for ent in doc.ents for i in range(ent.start, ent.end)}
        found = []
        for match_id, start, end in self.matcher(doc):
            label, _, entity_id = doc.vocab.strings[match_id].partition("|")
            found.append(Span(doc, start, end, label=label, span_id=entity_id))
        kept = [
            span
            for span in filter_spans(found)
            if is_bounded(doc, span.start, span.end) and not taken.intersection(range(span.start, span.end))
        ]
        if kept:
            doc.ents = sorted([*doc.ents, *kept], key=lambda span: span.start)
        return doc


def _register_factory() -> None:
    from spacy.language import Language

    if not Language.has_factory(RULER_FACTORY):
        Language.factory(RULER_FACTORY, default_config={"patterns": []})(
            lambda nlp, name, patterns: RegistryRuler(nlp.vocab, nlp.tokenizer, patterns)
        )


def add_registry_ruler(nlp, patterns: Iterable[dict[str, Any]], *, before: str | None = None, after: str | None = None):
    """Add the registry ruler to ``nlp`` (changed in place).

    Args:
        nlp: A spaCy ``Language``.
        patterns: :func:`make_registry_patterns` output (build it once, in the
            process that loads the registry, and hand the list to workers).
        before: Pipe to insert the ruler before; ``"ner"`` is the measured
            best place.
        after: Pipe to insert it after; neither means last.

    Returns:
        The :class:`RegistryRuler` added.
    """
    _register_factory()
    return nlp.add_pipe(RULER_FACTORY, name=RULER_NAME, before=before, after=after, config={"patterns": list(patterns)})
