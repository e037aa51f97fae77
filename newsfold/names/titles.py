"""Strip titles and roles from the head (and, in some languages, the tail) of a person name.

"President Donald Trump", "General Sulaimani" and "Secretary of State Mike
Pompeo" name the same people as "Donald Trump", "Sulaimani" and "Mike
Pompeo"; so do "Predsjednik Putin", "Putyin elnök" and "普京总统" for
Vladimir Putin. The titles come from rigour's person-name prefixes plus
newsfold's ``data/titles.yml`` (political and military roles, in the
languages translations leave them in).

Example:
    >>> strip_title_tokens(("secretary", "of", "state", "mike", "pompeo"))
    (('mike', 'pompeo'), True)
    >>> strip_title_tokens(("putyin", "elnok"))
    (('putyin',), True)
    >>> strip_joined_title("普京总统")
    '普京'
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml
from rigour._core import person_name_prefixes_list

from newsfold.names.fold import english_zipf, fold_tokens, listed_given_names
from newsfold.names.hypocorisms import is_given_name
from newsfold.names.symbols import part_symbols
from newsfold.names.sinitic import is_east_asian_order

__all__ = [
    "PATRONYMIC_PARTICLES", "load_title_tokens", "strip_joined_title", "strip_title_tokens", "strip_words_before_name",
]

#: Words that may qualify a role noun before a name ("deputy finance minister", "Immigration and Naturalization
#: Service Commissioner").
_MAX_ROLE_QUALIFIERS = 5


@cache
def load_title_tokens() -> tuple[tuple[str, ...], ...]:
    """Every known title as folded tokens, longest first.

    Returns:
        e.g. ``(("secretary", "of", "state"), ..., ("general",), ...)``.
    """
    titles = {fold_tokens(str(t)) for t in _titles_data().get("person_titles", [])}
    titles |= {fold_tokens(t) for t in person_name_prefixes_list()}
    titles.discard(())
    return tuple(sorted(titles, key=lambda t: (-len(t), t)))


def strip_title_tokens(tokens: tuple[str, ...]) -> tuple[tuple[str, ...], bool]:
    """Remove leading titles from folded person-name tokens.

    Also a party before a given name or a title ("Democrat Ben Cardin"), a
    role's office ("Clinton Chief of Staff Cheryl Mills"), titles written
    after the name, and a seat after a full name ("Ben Cardin of Maryland").
    At least one token is always kept, so a bare "General" stays a name.

    Args:
        tokens: Folded tokens of a person name.

    Returns:
        The remaining tokens and whether any title was removed.
    """
    without_party = _strip_party(tokens)
    party = len(without_party) < len(tokens)
    tokens, stripped = _strip_listed_titles(without_party)
    stripped = stripped or party
    if stripped and (office := _strip_office(tokens)) != tokens:
        tokens = _strip_listed_titles(office)[0]
    role_end = _find_role_end(tokens)
    if role_end:
        # "Clinton Chief of Staff Cheryl Mills": the role's office follows it.
        tokens = _strip_listed_titles(_strip_office(tokens[role_end:]))[0]
        stripped = True
    trailing = _trailing_titles()
    while len(tokens) > 1 and tokens[-1] in trailing:
        tokens = tokens[:-1]
        stripped = True
    if (seat := _strip_seat(tokens, stripped)) != tokens:
        tokens, stripped = seat, True
    return tokens, stripped


#: Zipf frequency (wordfreq, English) from which a word that names nobody is a word of a role or a description.
_PLAIN_WORD_ZIPF = 3.0
#: Zipf frequency from which a word is a function word ("of", "for", "with"), not a role's or a description's.
_FUNCTION_WORD_ZIPF = 6.0


def strip_words_before_name(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """A given name and a family name without the role or description written before them, when one of the
    words before is an English word that names nobody (no name symbol, no given name): "Fox News Sean Hannity",
    "San Francisco Supervisor Jane Kim", "Controversial DJ Howard Stern". Words that are names stay ("Sarah
    Jessica Parker"), and so does a name whose second last word is no name (a given name, or a word rigour
    knows a name by).

    Example:
        >>> strip_words_before_name(("fox", "news", "sean", "hannity"))
        ('sean', 'hannity')
        >>> strip_words_before_name(("sarah", "jessica", "parker"))
        ('sarah', 'jessica', 'parker')
        >>> strip_words_before_name(("medical", "center", "of", "long", "beach"))  # a place's name after "of"
        ('medical', 'center', 'of', 'long', 'beach')
    """
    if len(tokens) < 3 or len(tokens[-1]) < 2 or _names_nobody(tokens[-1]):
        return tokens
    if not (_is_given(tokens[-2]) or part_symbols(tokens[-2])) or _names_nobody(tokens[-2]):
        return tokens
    if english_zipf(tokens[-3]) >= _FUNCTION_WORD_ZIPF:
        return tokens  # "Bank of New England", "Memorial Medical Center of Long Beach": a place's name
    return tokens[-2:] if any(_names_nobody(token) for token in tokens[:-2]) else tokens


def _names_nobody(token: str) -> bool:
    """An English word of four letters or more, no function word, that rigour knows no name by and no list gives
    as a given name ("supervisor", "news")."""
    return (
        len(token) > 3  # "GTA San Andreas", "DJ": an acronym may be a name's
        and token.isalpha()
        and _PLAIN_WORD_ZIPF <= english_zipf(token) < _FUNCTION_WORD_ZIPF
        and not part_symbols(token)
        and not _is_given(token)
    )


def _strip_party(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """A name without the party written before a given name or a title: "Democrat Ben Cardin", "Republican Sen.
    John McCain"; "Republican Party" and "Democratic National Committee" are no such names.

    Example:
        >>> _strip_party(("democrat", "ben", "cardin")), _strip_party(("republican", "national", "committee"))
        (('ben', 'cardin'), ('republican', 'national', 'committee'))
    """
    if len(tokens) < 3 or tokens[0] not in _party_words():
        return tokens
    return tokens[1:] if _is_given(tokens[1]) or _strip_listed_titles(tokens[1:])[1] else tokens


def _is_given(token: str) -> bool:
    """A given name rigour or the name lists know."""
    return is_given_name(token) or token in listed_given_names()


def _strip_seat(tokens: tuple[str, ...], titled: bool = False) -> tuple[str, ...]:
    """A full name without the state, seat or body written after it: "Ben Cardin of Maryland", "Steve King of Iowa";
    after a title, a name without its realm ("King Hussein of Jordan" is King Hussein).

    Untitled, only after a given name and one part more: "Catherine of Aragon" and
    "Francis of Assisi" are names whole.

    Example:
        >>> _strip_seat(("ben", "cardin", "of", "maryland")), _strip_seat(("catherine", "of", "aragon"))
        (('ben', 'cardin'), ('catherine', 'of', 'aragon'))
        >>> _strip_seat(("hussein", "of", "jordan"), titled=True)
        ('hussein',)
    """
    start = 1 if titled else 2
    if "of" not in tokens[start:-1] or not _is_given(tokens[0]):
        return tokens
    return tokens[: tokens.index("of", start)]


def strip_joined_title(text: str) -> str:
    """Remove a title written joined to the end of a name in Chinese characters or kana.

    The name keeps at least two characters, so a bare "主席" stays a name.

    Example:
        >>> strip_joined_title("プーチン大統領"), strip_joined_title("主席")
        ('プーチン', '主席')
    """
    name = text.strip()
    for title in _joined_trailing_titles():
        if name.endswith(title) and len(name) - len(title) >= 2:
            return name[: -len(title)].rstrip(" ・·")
    return text


@cache
def _titles_data() -> dict:
    return yaml.safe_load(resources.files("newsfold.names").joinpath("data/titles.yml").read_text("utf-8"))


@cache
def _trailing_titles() -> frozenset[str]:
    """Folded one-word titles written after a name ("elnok", "daetonglyeong")."""
    return frozenset(token for title in _titles_data().get("trailing_titles", []) for token in fold_tokens(str(title)))


@cache
def _joined_trailing_titles() -> tuple[str, ...]:
    """Chinese and Japanese titles written joined after a name, longest first."""
    return tuple(sorted((str(t) for t in _titles_data().get("joined_trailing_titles", [])), key=lambda t: (-len(t), t)))


#: Particles a patronymic begins with: a title word right before one is the given name ("Prince Sultan bin
#: Abdulaziz", "Sultan bin Zayed").
PATRONYMIC_PARTICLES = frozenset({"bin", "ibn", "bint"})


def _strip_listed_titles(tokens: tuple[str, ...]) -> tuple[tuple[str, ...], bool]:
    """Folded name tokens without the listed titles they begin with, and whether any was.

    Example:
        >>> _strip_listed_titles(("prince", "sultan", "bin", "abdulaziz")), _strip_listed_titles(("sultan", "qaboos"))
        ((('sultan', 'bin', 'abdulaziz'), True), (('qaboos',), True))
    """
    stripped = False
    by_head = _titles_by_first_token()
    changed = True
    while changed and len(tokens) > 1:
        changed = False
        for title in by_head.get(tokens[0], ()):
            if (
                len(title) < len(tokens)
                and tokens[: len(title)] == title
                and tokens[len(title)] not in PATRONYMIC_PARTICLES
            ):
                tokens = tokens[len(title) :]
                stripped = changed = True
                break
    return tokens, stripped


def _strip_office(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """A name without the office its title was of: "of Commerce Malcolm Baldrige" after "Secretary".

    Titles are listed as one word or as a whole phrase ("Secretary of State"),
    and an office can be any body ("Secretary of Health and Human Services",
    "Chancellor of the Exchequer", "Governor of the Bank of England"). The name
    starts at the first given name known after the office's first word; without
    one, it is the last two words (three for a Chinese or Korean name).

    Example:
        >>> _strip_office(("of", "commerce", "malcolm", "baldrige")), _strip_office(("of", "finance", "nirmala", "sitharaman"))
        (('malcolm', 'baldrige'), ('nirmala', 'sitharaman'))
        >>> _strip_office(("of", "the", "exchequer", "nigel", "lawson")), _strip_office(("mike", "pompeo"))
        (('nigel', 'lawson'), ('mike', 'pompeo'))
    """
    if len(tokens) < 3 or tokens[0] not in ("of", "for"):
        return tokens
    rest = tokens[1:]
    for index in range(1, len(rest) - 1):
        if _is_given(rest[index]):
            return rest[index:]
    return rest[-3:] if len(rest) >= 3 and is_east_asian_order(rest[-3:]) else rest[-2:]


def _find_role_end(tokens: tuple[str, ...]) -> int:
    """Where a role ("finance minister", "un chief", "striker") ends at the head of a name, else 0.

    A qualified role noun stands second to sixth, and a name follows it. A role noun alone opens the name only
    before two words or more: "Striker Thierry Henry", "Officer Brad Baehr"; "Coach Carter" and "Inspector
    Gadget" are names whole.

    Example:
        >>> _find_role_end(("striker", "thierry", "henry")), _find_role_end(("coach", "carter"))
        (1, 0)
        >>> _find_role_end(("deputy", "sgt", "hoyt", "teasley"))
        2
        >>> _find_role_end(("california", "highway", "patrol", "officer", "brad", "baehr"))
        4
    """
    heads = _role_heads()
    for index in range(1, min(_MAX_ROLE_QUALIFIERS + 1, len(tokens) - 1)):
        if tokens[index] in heads:  # "Deputy Finance Minister Jose Silva", "Deputy Sgt. Hoyt Teasley"
            return index + 1
    return 1 if len(tokens) > 2 and tokens[0] in heads else 0


@cache
def _party_words() -> frozenset[str]:
    return frozenset(token for word in _titles_data().get("party_words", []) for token in fold_tokens(str(word)))


@cache
def _role_heads() -> frozenset[str]:
    return frozenset(token for head in _titles_data().get("role_heads", []) for token in fold_tokens(str(head)))


@cache
def _titles_by_first_token() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Titles grouped by their first token, longest first within a group."""
    grouped: dict[str, list[tuple[str, ...]]] = {}
    for title in load_title_tokens():
        grouped.setdefault(title[0], []).append(title)
    return {head: tuple(titles) for head, titles in grouped.items()}
