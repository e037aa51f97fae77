"""Spellings of one organisation or place name that its keys do not join.

Part keys fold vowels and doubled letters, which joins transliterations
(Mujahedin = Mojahedeen) but not a slip of the keyboard or a short form. Two
rules, on the folded words of two names of equal length:

* a **one-letter typo**: exactly one word differs, by one letter added,
  dropped, changed or two letters swapped ("Merrill Lynch Captial Markets",
  "Agence France Press", "Amerian Motors"), and that word has five letters or
  more. A one-word company name needs more: seven letters or more, and the
  slip inside the word, never at its first or last letter ("Chrylser",
  "Genetech", "Texton"): names that differ at an end are usually other names
  (Allianz / Alliant, Gambia / Zambia).
* a **derived word**: exactly one word differs by its English ending only,
  after a common stem of six letters or more ("Brookings Institute" /
  "Institution", "Agriculture Bank" / "Agricultural Bank", "Europe Union" /
  "European Union"); it counts as the one typo. Endings that make another
  party or creed ("National" / "Nationalist", "Social" / "Socialism") are no
  such ending.
* a **shortened word**: a word of three letters or more that begins a longer
  word of the other name ("Man City", "Sheff Utd" once "Utd" is written out),
  with at least one word of the two names equal.

Digits never count as a typo ("Zorblat Fund 1" / "Zorblat Fund 2", "Fund III" /
"Fund IV").

Example:
    >>> is_one_letter_typo("captial", "capital"), is_one_letter_typo("north", "south")
    (True, False)
    >>> is_interior_typo("chrylser", "chrysler"), is_interior_typo("allianz", "alliant")
    (True, False)
    >>> is_shortened_word("sheff", "sheffield"), is_shortened_word("man", "manila")
    (True, False)
"""

from __future__ import annotations

import re

from rapidfuzz.distance import OSA

from newsfold.names.fold import english_zipf

__all__ = [
    "TYPO_MIN_LENGTH",
    "SINGLE_WORD_TYPO_MIN_LENGTH",
    "VARIANT_SCORE",
    "is_one_letter_typo",
    "are_two_words",
    "is_interior_typo",
    "is_swapped_pair",
    "is_possessive_variant",
    "is_shortened_word",
    "is_derived_word",
    "match_variant_words",
    "clipped_pieces",
    "is_clipped_compound",
    "one_letter_less",
    "one_word_slip_blocks",
]

#: Letters of the longer word below which one letter apart is another word (Bank / Back, Iran / Iraq).
TYPO_MIN_LENGTH = 5
#: The same for a name of one word, where nothing else in the name confirms it (Intel / Itel).
SINGLE_WORD_TYPO_MIN_LENGTH = 7
#: Letters a shortened word keeps at least ("Man" of Manchester) ...
_SHORT_MIN_LENGTH = 3
#: ... and letters it leaves out at least ("Sheff" of Sheffield; "Man" is no short form of "Manila").
_SHORT_MIN_DROPPED = 4
#: Score of a pair of words joined by these rules: at the fuzzy threshold, so a tie with another candidate decides nothing.
VARIANT_SCORE = 0.9


def is_one_letter_typo(a: str, b: str, min_length: int = TYPO_MIN_LENGTH) -> bool:
    """True when two words differ by one letter added, dropped, changed, or two swapped.

    Example:
        >>> is_one_letter_typo("machines", "machine"), is_one_letter_typo("fund1", "fund2")
        (True, False)
    """
    if a == b or abs(len(a) - len(b)) > 1 or max(len(a), len(b)) < min_length or not (a.isalpha() and b.isalpha()):
        return False
    return OSA.distance(a, b, score_cutoff=1) == 1


#: Zipf frequency from which a word is an English word of its own, not a slip of another ("genetics", "generics").
_OWN_WORD_ZIPF = 2.5
#: Letters British and American spelling write for one another in one place ("organisation", "defence").
_SPELLING_CONVENTIONS = (frozenset("sz"), frozenset("cs"))
#: ... and "-er" and "-or" of one agent noun ("adviser", "advisor").
_AGENT_VOWELS = frozenset("eo")


def are_two_words(a: str, b: str) -> bool:
    """Whether two words of one length with one letter changed are two English words, not a word and its slip.

    "Integrated Genetics" is no slip of "Integrated Generics": each word is English. A slip makes a rare
    spelling ("Captial"), and British and American spelling change a letter of one word ("Organisation").

    Example:
        >>> are_two_words("genetics", "generics"), are_two_words("capital", "captial")
        (True, False)
        >>> are_two_words("organisation", "organization"), are_two_words("defence", "defense")
        (False, False)
        >>> are_two_words("advisers", "advisors"), are_two_words("capital", "capitol")
        (False, True)
    """
    if len(a) != len(b):
        return False
    changed = [(index, frozenset((x, y))) for index, (x, y) in enumerate(zip(a, b)) if x != y]
    if len(changed) != 1:
        return False
    index, letters = changed[0]
    if letters in _SPELLING_CONVENTIONS or (letters == _AGENT_VOWELS and a[index + 1 : index + 2] == "r"):
        return False  # "organisation", "defence"; "advisers", "advisors"
    return english_zipf(a) >= _OWN_WORD_ZIPF and english_zipf(b) >= _OWN_WORD_ZIPF


def is_interior_typo(a: str, b: str) -> bool:
    """A one-letter typo of a word of seven letters or more that keeps its first and last letters.

    Example:
        >>> is_interior_typo("texton", "textron"), is_interior_typo("gambia", "zambia")
        (True, False)
    """
    return a[:1] == b[:1] and a[-1:] == b[-1:] and is_one_letter_typo(a, b, SINGLE_WORD_TYPO_MIN_LENGTH)


def one_letter_less(word: str, min_length: int) -> frozenset[str]:
    """The word and each spelling of it with one letter left out, for a word of ``min_length`` letters or more.

    Two words one letter added, dropped, changed or two letters swapped apart
    share one of these ("stewart" and "stwart" share "stwart", "ingham" and
    "ingahm" share "inghm"), wherever the slip is: blocks made of them meet
    slips that change a word's first letters. Shorter words give none.

    Example:
        >>> sorted(one_letter_less("ebbers", 5)) == sorted({"ebbers", "bbers", "ebers", "ebbrs", "ebbes", "ebber"})
        True
        >>> one_letter_less("bush", 5)
        frozenset()
    """
    if len(word) < min_length:
        return frozenset()
    return frozenset({word, *(word[:index] + word[index + 1 :] for index in range(len(word)))})


def one_word_slip_blocks(words: tuple[str, ...]) -> frozenset[str]:
    """Blocks that make a one-word company or place name meet its one-letter slips (:func:`one_letter_less`).

    A slip in a word's first letters ("AztraZeneca", "Narobi", "Gasprom")
    changes the first letters of its key, under which names are blocked; the
    two spellings still share the word with one letter left out. Only for a
    word one letter shorter than :data:`SINGLE_WORD_TYPO_MIN_LENGTH` or longer: the typo rule asks that
    length of the longer word of a one-word name (:func:`is_interior_typo`), and decides.

    Example:
        >>> ["atrazeneca" in one_word_slip_blocks((word,)) for word in ("astrazeneca", "aztrazeneca")]
        [True, True]
        >>> "narbi" in one_word_slip_blocks(("narobi",))
        True
        >>> one_word_slip_blocks(("tokyo",)), one_word_slip_blocks(("royal", "dutch"))
        (frozenset(), frozenset())
    """
    if len(words) != 1 or not words[0].isalpha():
        return frozenset()
    return one_letter_less(words[0], SINGLE_WORD_TYPO_MIN_LENGTH - 1)


def is_swapped_pair(a: str, b: str) -> bool:
    """True when two words differ only by two neighbouring letters swapped ("jyvasklya", "jyvaskyla").

    Example:
        >>> is_swapped_pair("jyvasklya", "jyvaskyla"), is_swapped_pair("colombia", "columbia")
        (True, False)
    """
    if len(a) != len(b) or a == b:
        return False
    diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def is_possessive_variant(a: str, b: str) -> bool:
    """One company name with and without the "s" of a possessive written without its apostrophe.

    "Dixons" / "Dixon", "Sainsburys" / "Sainsbury", "Lloyds" / "Lloyd": the
    shorter name has five letters or more.

    Example:
        >>> is_possessive_variant("dixons", "dixon"), is_possessive_variant("ford", "fords")
        (True, False)
    """
    short, long_ = sorted((a, b), key=len)
    return len(short) >= TYPO_MIN_LENGTH and long_ == short + "s" and short.isalpha()


def is_shortened_word(short: str, long: str) -> bool:
    """True when ``short`` begins ``long`` and leaves at least four of its letters out.

    Example:
        >>> is_shortened_word("man", "manchester"), is_shortened_word("united", "united")
        (True, False)
    """
    return (
        len(long) - len(short) >= _SHORT_MIN_DROPPED
        and len(short) >= _SHORT_MIN_LENGTH
        and long.startswith(short)
        and short.isalpha()
    )


#: Letters a derived word shares with the other from its start at least.
_DERIVED_MIN_STEM = 6
#: English endings one word of a name may have in place of another's: a noun and its adjective or agent.
_DERIVED_ENDINGS = frozenset({"", "e", "s", "es", "al", "an", "n", "ion", "ions", "ian", "ic", "ical"})


def is_derived_word(a: str, b: str) -> bool:
    """True when two words share a stem of six letters or more and differ only by an English ending.

    Example:
        >>> is_derived_word("institute", "institution"), is_derived_word("europe", "european")
        (True, True)
        >>> is_derived_word("national", "nationalist"), is_derived_word("austria", "australia")
        (False, False)
    """
    if a == b or not (a.isalpha() and b.isalpha()):
        return False
    stem = 0
    for x, y in zip(a, b):
        if x != y:
            break
        stem += 1
    # "institut|e" and "institut|ion" share a stem one letter longer than their endings say: try one back too.
    for cut in (stem, stem - 1):
        if cut >= _DERIVED_MIN_STEM and a[cut:] in _DERIVED_ENDINGS and b[cut:] in _DERIVED_ENDINGS:
            return True
    return False


def match_variant_words(words_a: tuple[str, ...], words_b: tuple[str, ...], keys_equal: list[bool]) -> bool:
    """True when two names of equal length are one name by the typo or short-form rule.

    Args:
        words_a: Folded words of one name.
        words_b: Folded words of the other, as many.
        keys_equal: For each pair of words, whether their keys are equal (or
            fuzzily alike): such pairs need no rule.

    Returns:
        Whether every other pair is joined: at most one by a typo, or any
        number by shortening when no typo is needed, with one pair equal.

    Example:
        >>> match_variant_words(("sheff", "united"), ("sheffield", "united"), [False, True])
        True
        >>> match_variant_words(("man", "city"), ("manchester", "united"), [False, False])
        False
    """
    if len(words_a) != len(words_b):
        return False
    if len(words_a) == 1:
        return is_interior_typo(words_a[0], words_b[0]) or is_possessive_variant(words_a[0], words_b[0])
    if not any(keys_equal):
        return False
    typos = shortened = 0
    for x, y, equal in zip(words_a, words_b, keys_equal):
        if equal:
            continue
        if is_shortened_word(x, y) or is_shortened_word(y, x):
            shortened += 1
        elif is_one_letter_typo(x, y) or is_derived_word(x, y):
            typos += 1
        else:
            return False
    return typos + shortened > 0 and (typos == 0 or (typos == 1 and shortened == 0))


#: A one-word name of capitalised clippings: "HuffPost", "WaPo", "FedEx" (each piece a capital and lower case).
_CLIPPED = re.compile(r"^[A-Z][a-z]+(?:[A-Z][a-z]+)+$")
#: Letters the clippings keep at least, all together ("WaPo" keeps four).
_CLIPPED_MIN_LETTERS = 4


def clipped_pieces(text: str) -> tuple[str, ...]:
    """The case-folded pieces of a name written as clipped words run together, else ().

    Example:
        >>> clipped_pieces("HuffPost"), clipped_pieces("WaPo"), clipped_pieces("Reuters"), clipped_pieces("JPMorgan")
        (('huff', 'post'), ('wa', 'po'), (), ())
    """
    if not _CLIPPED.match(text):
        return ()
    pieces = tuple(piece.casefold() for piece in re.findall(r"[A-Z][a-z]+", text))
    return pieces if sum(map(len, pieces)) >= _CLIPPED_MIN_LETTERS else ()


def is_clipped_compound(pieces: tuple[str, ...], words: tuple[str, ...]) -> bool:
    """True when each piece begins the word of the other name at its place, one word at least clipped.

    "HuffPost" is the "Huffington Post" and "WaPo" the "Washington Post", one
    piece for each word; a piece that begins no word, a word too many or too
    few, or no word clipped ("PayPal" against "Pay Pal", which the names'
    compact key already joins) is no match.

    Example:
        >>> is_clipped_compound(("huff", "post"), ("huffington", "post")), is_clipped_compound(("wa", "po"), ("washington", "times"))
        (True, False)
    """
    return (
        len(pieces) == len(words)
        and all(word.startswith(piece) for piece, word in zip(pieces, words))
        and any(len(word) > len(piece) for piece, word in zip(pieces, words))
    )
