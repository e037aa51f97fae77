"""Read a name written in Arabic script against its Latin spellings.

Arabic and Persian write consonants and long vowels only: "حسن نصر الله" is
h-s-n n-s-r a-l-l-h. A Latin spelling of it ("Hassan Nasrallah", "Hasan Nasr
Allah") puts in the short vowels, doubles a consonant the script marks with a
sign it usually leaves out, and writes each letter one of a few ways (ق as q,
k or g; ش as sh or ch; و as w, u, o or ou). So a Latin spelling *reads as*
the Arabic one when it is the Arabic letters in order, each written one of
its ways, with at most one vowel letter between two letters where the script
writes none, and the article ال written "al-", "el-", "as-" or left out.

That keeps apart the names the script keeps apart: "Hussein" (حسين, with the
long vowel ي) is no reading of "حسن" (Hassan), "Mahmoud" (محمود) no reading
of "محمد" (Mohammed), "Amr" (عمرو) no reading of "عمر" (Omar).

rigour's symbols already join the given and family names Wikidata lists in
both scripts (Mohammed / محمد); this reads the rest: family names ("الصدر"
Sadr, "حفتر" Haftar), places ("تهران" Tehran) and organisations ("حماس" Hamas).

Example:
    >>> letters = abjad_letters("حسن نصر الله")
    >>> reads_as("hassan nasrallah", letters), reads_as("hussein nasrallah", letters)
    (True, False)
    >>> abjad_block(letters) == latin_block(("hassan", "nasrallah"))
    True
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["abjad_letters", "reads_as", "abjad_block", "latin_block", "is_latin_text"]

_ARABIC_LETTER = re.compile(r"[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff]")
#: Vowel signs, the shadda, the dagger alef and the tatweel: written now and then, never needed to read a name.
_MARKS = re.compile(r"[\u064b-\u065f\u0670\u0640]")
_JOINERS = re.compile(r"[\u200c\u200d]")  # Persian writes one name's parts apart with a zero-width non-joiner
_NOT_LETTER = re.compile(r"[^\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff]+")

#: How Latin spellings write each letter (folded to ASCII, lower case). A letter that is
#: a long vowel or a vowel's seat is written with vowels; a consonant the script doubles
#: with a sign it leaves out may be written twice.
_CONSONANTS = {
    "ب": "b", "پ": "p", "ت": "t", "ث": "(?:th|s|t)", "ج": "(?:j|g|dj|dzh)", "چ": "(?:ch|tch|tsch|c)",
    "ح": "h", "خ": "(?:kh|h|ch|x|k)", "د": "d", "ذ": "(?:dh|z|th|d)", "ر": "r", "ز": "z", "ژ": "(?:zh|j|z)",
    "س": "s", "ش": "(?:sh|ch|sch)", "ص": "s", "ض": "(?:d|dh|z)", "ط": "t", "ظ": "(?:z|dh|th)",
    "غ": "(?:gh|g)", "ف": "(?:f|ph|v)", "ق": "(?:q|k|g|gh|c|ck)", "ك": "(?:k|c|ck|q)", "ک": "(?:k|c|ck|q)",
    "گ": "(?:g|gu|gh)", "ل": "l", "م": "m", "ن": "n", "ه": "h",
}
_LONG_VOWELS = {
    "و": "(?:w|v|u|o|ou|oo|ow|aw|au|wu|wo|woo|uw)",
    "ي": "(?:y|i|e|ee|ei|ey|ai|ay|ie|iy|yi|ya)",
    "ی": "(?:y|i|e|ee|ei|ey|ai|ay|ie|iy|yi|ya)",
}
#: Letters Latin may leave unwritten: ʿayn and hamza (a vowel or nothing), alef maksura
#: and ta marbuta at a word's end, a final silent he of Persian ("Hajizadeh", "Khamenei").
_OPTIONAL = {
    "ع": "[aeiou]{0,2}", "ء": "[aeiouy]?", "ئ": "[iey]?", "ؤ": "[uow]?", "أ": "[aeiou]?", "إ": "[ie]?",
    "ى": "(?:a|e|i|y)?", "ة": "(?:a|ah|at|eh|e)?",
}
#: Alef: a long a (or o, e in Persian and in French spellings); at a word's start the seat of its first vowel.
_ALEF = "(?:a|aa|e|o)"
_ALEF_FIRST = "[aeiou]"
_ALEFS = frozenset("اآ")
#: At most one vowel letter where the script writes none (a short vowel).
_GAP = "[aeiou]?"
#: The article ال as Latin writes it before a word: al-, el-, ul-, as-, ash-, ad-, ... or not at all.
_ARTICLE = "(?:[aeiou]?l|[aeiou](?:[dnrstz]h?))?"

#: Letter classes for blocking: the first two a name's skeleton has must agree for it to be compared.
_LATIN_DIGRAPHS = {"kh": "k", "gh": "k", "sh": "s", "ch": "s", "zh": "s", "th": "t", "dh": "t", "ph": "f"}
_LATIN_CLASS = {
    "b": "b", "p": "b", "t": "t", "d": "t", "s": "s", "z": "s", "c": "s", "j": "k", "g": "k", "k": "k",
    "q": "k", "x": "k", "h": "h", "f": "f", "v": "f", "l": "l", "m": "m", "n": "n", "r": "r",
}
_ABJAD_CLASS = {
    "ب": "b", "پ": "b", "ت": "t", "ط": "t", "د": "t", "ض": "t", "ذ": "t", "ث": "t", "ج": "k", "چ": "s",
    "ح": "h", "ه": "h", "خ": "k", "س": "s", "ص": "s", "ز": "s", "ظ": "s", "ش": "s", "ژ": "s", "غ": "k",
    "ق": "k", "ك": "k", "ک": "k", "گ": "k", "ف": "f", "ل": "l", "م": "m", "ن": "n", "ر": "r",
}
_NORMALISE = str.maketrans({"ٱ": "ا", "ې": "ی", "ۍ": "ی", "ے": "ی", "ھ": "ه", "ۀ": "ه", "ہ": "ه"})
_LATIN_ARTICLES = frozenset({"al", "el", "ul", "as", "ash", "ad", "an", "ar", "at", "az"})
#: A he ending a word is often left out or read as a vowel ("Abdulla", Persian "Hajizadeh", "Khamenei").
_FINAL_HE = "(?:h|e|a|eh|ah)?"


def abjad_letters(text: str) -> str:
    """The words of a name written in Arabic script, as letters only; "" for any other name.

    Vowel signs go, the article stays (it is read as optional), and Persian's
    zero-width non-joiner joins the parts of one word.

    Example:
        >>> abjad_letters("محمود احمدی‌نژاد"), abjad_letters("Ahmadinejad")
        ('محمود احمدینژاد', '')
    """
    if text.isascii() or _ARABIC_LETTER.search(text) is None:
        return ""
    text = _JOINERS.sub("", _MARKS.sub("", text)).translate(_NORMALISE)
    return " ".join(word for word in _NOT_LETTER.split(text) if word)


def is_latin_text(text: str) -> bool:
    """Whether every letter of a name is a Latin letter (accents allowed).

    Example:
        >>> is_latin_text("Muqtada al-Ṣadr"), is_latin_text("Муктада")
        (True, False)
    """
    return all(not char.isalpha() or char < "\u0250" or "\u1e00" <= char <= "\u1eff" for char in text)


@lru_cache(maxsize=20_000)
def _pattern(letters: str) -> re.Pattern[str]:
    words = []
    for word in letters.split():
        if word.startswith("ال") and len(word) > 3:
            head, word = _ARTICLE, word[2:]
        else:
            head = ""
        pieces = [head]
        for index, letter in enumerate(word):
            if letter in _ALEFS:
                pieces.append(_ALEF_FIRST if index == 0 else _ALEF)
            elif letter in _LONG_VOWELS:
                pieces.append(_LONG_VOWELS[letter])
            elif letter == "ه" and index == len(word) - 1:
                pieces.append(_FINAL_HE)
            elif letter in _OPTIONAL:
                pieces.append(_OPTIONAL[letter])
            elif letter in _CONSONANTS:
                written = _CONSONANTS[letter]
                pieces.append(f"{written}{{1,2}}" if len(written) == 1 else f"{written}(?:{written})?")
                pieces.append(_GAP)
            else:
                pieces.append(_GAP)  # a letter of another language written in Arabic script: read as unwritten
        words.append("".join(pieces))
    # Between words Latin may put a vowel the script does not write ("Abd" + "ul" + "Malik").
    return re.compile(_GAP.join(words))


def reads_as(latin: str, letters: str) -> bool:
    """Whether a folded Latin spelling (spaces and hyphens ignored) reads as a name's Arabic letters.

    Example:
        >>> reads_as("muqtada al sadr", abjad_letters("مقتدى الصدر")), reads_as("tehran", abjad_letters("تهران"))
        (True, True)
        >>> reads_as("mahmoud", abjad_letters("محمد")), reads_as("omar", abjad_letters("عمرو"))
        (False, False)
    """
    compact = latin.replace(" ", "").replace("-", "")
    return bool(compact) and bool(letters) and _pattern(letters).fullmatch(compact) is not None


def abjad_block(letters: str) -> str:
    """The first two consonant classes of a name in Arabic script, the article and vowels left out ("" if fewer).

    Example:
        >>> abjad_block(abjad_letters("مقتدى الصدر")), abjad_block(abjad_letters("علي"))
        ('mk', '')
    """
    classes = []
    for word in letters.split():
        if word.startswith("ال") and len(word) > 3:
            word = word[2:]
        classes.extend(_ABJAD_CLASS[letter] for letter in word if letter in _ABJAD_CLASS)
    return _first_two(classes)


def latin_block(tokens: tuple[str, ...]) -> str:
    """The first two consonant classes of a folded Latin name, as :func:`abjad_block` has them.

    Example:
        >>> latin_block(("muqtada", "al", "sadr")), latin_block(("hezbollah",))
        ('mk', 'hs')
    """
    classes = []
    for token in tokens:
        if token in _LATIN_ARTICLES:
            continue
        index = 0
        while index < len(token):
            pair = token[index : index + 2]
            if pair in _LATIN_DIGRAPHS:
                classes.append(_LATIN_DIGRAPHS[pair])
                index += 2
                continue
            letter_class = _LATIN_CLASS.get(token[index])
            if letter_class is not None:
                classes.append(letter_class)
            index += 1
            if len(classes) >= 4:
                break
        if len(classes) >= 4:
            break
    return _first_two(classes)


def _first_two(classes: list[str]) -> str:
    collapsed: list[str] = []
    for letter_class in classes:
        if not collapsed or collapsed[-1] != letter_class:  # a doubled consonant is one letter of the script
            collapsed.append(letter_class)
        if len(collapsed) == 2:
            return "".join(collapsed)
    return ""
