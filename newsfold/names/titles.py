"""Strip titles and roles from the head of a person name.

"President Donald Trump", "General Sulaimani" and "Secretary of State Mike
Pompeo" name the same people as "Donald Trump", "Sulaimani" and "Mike
Pompeo". The titles come from rigour's person-name prefixes plus newsfold's
``data/titles.yml`` (political and military roles).

Example:
    >>> strip_title_tokens(("secretary", "of", "state", "mike", "pompeo"))
    (('mike', 'pompeo'), True)
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml
from rigour._core import person_name_prefixes_list

from newsfold.names.fold import fold_tokens

__all__ = ["load_title_tokens", "strip_title_tokens"]

#: Words that may qualify a role noun before a name ("deputy finance minister").
_MAX_ROLE_QUALIFIERS = 3


@cache
def load_title_tokens() -> tuple[tuple[str, ...], ...]:
    """Every known title as folded tokens, longest first.

    Returns:
        e.g. ``(("secretary", "of", "state"), ..., ("general",), ...)``.
    """
    raw = yaml.safe_load(resources.files("newsfold.names").joinpath("data/titles.yml").read_text("utf-8"))
    titles = {fold_tokens(str(t)) for t in raw.get("person_titles", [])}
    titles |= {fold_tokens(t) for t in person_name_prefixes_list()}
    titles.discard(())
    return tuple(sorted(titles, key=lambda t: (-len(t), t)))


def strip_title_tokens(tokens: tuple[str, ...]) -> tuple[tuple[str, ...], bool]:
    """Remove leading titles from folded person-name tokens.

    At least one token is always kept, so a bare "General" stays a name.

    Args:
        tokens: Folded tokens of a person name.

    Returns:
        The remaining tokens and whether any title was removed.
    """
    tokens, stripped = _strip_listed_titles(tokens)
    role_end = _find_role_end(tokens)
    if role_end:
        tokens = _strip_listed_titles(tokens[role_end:])[0]
        stripped = True
    return tokens, stripped


def _strip_listed_titles(tokens: tuple[str, ...]) -> tuple[tuple[str, ...], bool]:
    stripped = False
    by_head = _titles_by_first_token()
    changed = True
    while changed and len(tokens) > 1:
        changed = False
        for title in by_head.get(tokens[0], ()):
            if len(title) < len(tokens) and tokens[: len(title)] == title:
                tokens = tokens[len(title) :]
                stripped = changed = True
                break
    return tokens, stripped


def _find_role_end(tokens: tuple[str, ...]) -> int:
    """Where a qualified role ("finance minister", "un chief") ends at the head of a name, else 0.

    The role noun stands second to fourth, and a name follows it.
    """
    heads = _role_heads()
    for index in range(1, min(_MAX_ROLE_QUALIFIERS + 1, len(tokens) - 1)):
        if tokens[index] in heads:
            return index + 1
    return 0


@cache
def _role_heads() -> frozenset[str]:
    raw = yaml.safe_load(resources.files("newsfold.names").joinpath("data/titles.yml").read_text("utf-8"))
    return frozenset(token for head in raw.get("role_heads", []) for token in fold_tokens(str(head)))


@cache
def _titles_by_first_token() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Titles grouped by their first token, longest first within a group."""
    grouped: dict[str, list[tuple[str, ...]]] = {}
    for title in load_title_tokens():
        grouped.setdefault(title[0], []).append(title)
    return {head: tuple(titles) for head, titles in grouped.items()}
