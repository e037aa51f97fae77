"""Curation: a user's YAML file of corrections that every run obeys.

Format (every section optional; see docs/entities.md)::

    merge:            # link spellings or whole entities to one entity
      - into: Q1149393                  # an entity id, or a name
        names: [Haj Qasem]              # spellings to link to it
        entities: [ent_0123456789abcdef]
    split:            # take a spelling out of whatever entity it joined
      - name: Soleimani
        type: PER                       # optional: PER, ORG, LOC, MISC
    rename:           # change an entity's canonical name
      - entity: Q1149393                # an entity id, or its current name
        canonical_name: Qasem Soleimani
    never_merge:      # these two spellings are never one entity;
      - [Mohammed bin Salman, Mohammed bin Sultan]   # the second moves out

Example:
    >>> curation = parse_curation("split:\\n  - name: Soleimani\\n", "c.yml")
    >>> curation.splits[0].name
    'Soleimani'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from newsfold.errors import InputError
from newsfold.names.labels import ENTITY_TYPES, map_label_to_type

__all__ = ["Curation", "MergeRule", "SplitRule", "RenameRule", "load_curation", "parse_curation", "is_entity_id"]

_ENTITY_ID = re.compile(r"^(Q[0-9]+|ent_[0-9a-f]{16})$")


def is_entity_id(value: str) -> bool:
    """True when ``value`` looks like an entity id rather than a name."""
    return bool(_ENTITY_ID.match(value))


@dataclass(frozen=True)
class MergeRule:
    """Link spellings and entities to one target.

    Attributes:
        into: Target entity id, or a name resolved like any other.
        names: Spellings whose observations move to the target.
        entities: Entity ids whose observations move to the target.
        line: Line of the rule in its file (1-based).
    """

    into: str
    names: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()
    line: int = 0


@dataclass(frozen=True)
class SplitRule:
    """Take a spelling out of its entity into an entity of its own.

    Attributes:
        name: The spelling (matched after folding case and accents).
        entity_type: Only observations of this type, or any when None.
        line: Line of the rule in its file.
    """

    name: str
    entity_type: str | None = None
    line: int = 0


@dataclass(frozen=True)
class RenameRule:
    """Set an entity's canonical name.

    Attributes:
        entity: Entity id, or the entity's current canonical name.
        canonical_name: The new name.
        line: Line of the rule in its file.
    """

    entity: str
    canonical_name: str
    line: int = 0


@dataclass(frozen=True)
class Curation:
    """Every rule of one curation file.

    Attributes:
        merges: Merge rules, applied in file order.
        splits: Split rules.
        renames: Rename rules.
        never_merge: Pairs of spellings that must stay apart.
        source: The file the rules came from.
    """

    merges: tuple[MergeRule, ...] = ()
    splits: tuple[SplitRule, ...] = ()
    renames: tuple[RenameRule, ...] = ()
    never_merge: tuple[tuple[str, str], ...] = ()
    source: str = field(default="<memory>")


def load_curation(path: Path) -> Curation:
    """Read and check a curation file.

    Args:
        path: The YAML file.

    Returns:
        The :class:`Curation`.

    Raises:
        InputError: the file cannot be read, is not YAML, or a rule is
            malformed; the message names the file and line.
    """
    try:
        text = Path(path).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the curation file: {exc}") from exc
    return parse_curation(text, str(path))


def parse_curation(text: str, source: str) -> Curation:
    """Parse curation YAML (see :func:`load_curation`)."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        raise InputError(f"{source}: not valid YAML: {exc}") from exc
    if root is None:
        return Curation(source=source)
    if not isinstance(root, yaml.MappingNode):
        raise InputError(f"{source}:{root.start_mark.line + 1}: expected sections merge, split, rename, never_merge")
    sections: dict[str, yaml.Node] = {}
    for key_node, value_node in root.value:
        if key_node.value not in ("merge", "split", "rename", "never_merge"):
            raise InputError(f"{source}:{key_node.start_mark.line + 1}: unknown section {key_node.value!r}")
        sections[key_node.value] = value_node
    return Curation(
        merges=tuple(_parse_merge(n, source) for n in _items(sections.get("merge"), source)),
        splits=tuple(_parse_split(n, source) for n in _items(sections.get("split"), source)),
        renames=tuple(_parse_rename(n, source) for n in _items(sections.get("rename"), source)),
        never_merge=tuple(_parse_pair(n, source) for n in _items(sections.get("never_merge"), source)),
        source=source,
    )


def _items(node: yaml.Node | None, source: str) -> list[yaml.Node]:
    if node is None or (isinstance(node, yaml.ScalarNode) and node.value in ("", "null", "~")):
        return []
    if not isinstance(node, yaml.SequenceNode):
        raise InputError(f"{source}:{node.start_mark.line + 1}: expected a list of rules")
    return list(node.value)


def _mapping(node: yaml.Node, source: str, allowed: set[str], required: set[str]) -> dict[str, Any]:
    line = node.start_mark.line + 1
    if not isinstance(node, yaml.MappingNode):
        raise InputError(f"{source}:{line}: expected a mapping with {', '.join(sorted(required))}")
    data = yaml.safe_load(yaml.serialize(node))
    unknown = set(data) - allowed
    if unknown:
        raise InputError(f"{source}:{line}: unknown field(s) {', '.join(sorted(map(str, unknown)))}")
    missing = required - set(data)
    if missing:
        raise InputError(f"{source}:{line}: missing field(s) {', '.join(sorted(missing))}")
    for name in required:
        if not isinstance(data[name], str) or not data[name].strip():
            raise InputError(f"{source}:{line}: {name} must be a non-empty string")
    return data


def _strings(value: Any, source: str, line: int, name: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise InputError(f"{source}:{line}: {name} must be a list of non-empty strings")
    return tuple(value)


def _parse_merge(node: yaml.Node, source: str) -> MergeRule:
    data = _mapping(node, source, {"into", "names", "entities"}, {"into"})
    line = node.start_mark.line + 1
    names = _strings(data.get("names"), source, line, "names")
    entities = _strings(data.get("entities"), source, line, "entities")
    if not names and not entities:
        raise InputError(f"{source}:{line}: a merge needs names or entities")
    for entity in entities:
        if not is_entity_id(entity):
            raise InputError(f"{source}:{line}: {entity!r} is not an entity id (Q123 or ent_ + 16 hex digits)")
    return MergeRule(data["into"], names, entities, line)


def _parse_split(node: yaml.Node, source: str) -> SplitRule:
    data = _mapping(node, source, {"name", "type"}, {"name"})
    line = node.start_mark.line + 1
    entity_type = data.get("type")
    if entity_type is not None:
        mapped = map_label_to_type(str(entity_type))
        if mapped == "MISC" and str(entity_type).upper() not in ("MISC", "NORP"):
            raise InputError(f"{source}:{line}: type must be one of {', '.join(ENTITY_TYPES)} or a spaCy label")
        entity_type = mapped
    return SplitRule(data["name"], entity_type, line)


def _parse_rename(node: yaml.Node, source: str) -> RenameRule:
    data = _mapping(node, source, {"entity", "canonical_name"}, {"entity", "canonical_name"})
    return RenameRule(data["entity"], data["canonical_name"], node.start_mark.line + 1)


def _parse_pair(node: yaml.Node, source: str) -> tuple[str, str]:
    line = node.start_mark.line + 1
    value = yaml.safe_load(yaml.serialize(node))
    if not (isinstance(value, list) and len(value) == 2 and all(isinstance(v, str) and v.strip() for v in value)):
        raise InputError(f"{source}:{line}: never_merge entries are pairs of names: [A, B]")
    return (value[0], value[1])
