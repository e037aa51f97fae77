"""Read a name written in Arabic or Hebrew script against its Latin spellings.

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

Hebrew is read the same way: ו and י write most long vowels (and v, y), א and
ע a vowel or nothing, ב, כ and פ are read hard or soft (b or v, k or kh, p or
f), a geresh marks the sounds the alphabet lacks (צ׳ ch), and the article ה
("הליכוד", Likud) may be left out.

Example:
    >>> letters = abjad_letters("حسن نصر الله")
    >>> reads_as("hassan nasrallah", letters), reads_as("hussein nasrallah", letters)
    (True, False)
    >>> abjad_blocks(letters) == (latin_block(("hassan", "nasrallah")),)
    True
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsfold.names.forms import NameForm

__all__ = ["abjad_letters", "reads_as", "abjad_blocks", "latin_block", "consonant_blocks", "is_latin_text"]

_ABJAD_LETTER = re.compile(r"[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff\u05d0-\u05ea]")
#: Vowel signs (Arabic harakat and the Hebrew points), the shadda, the dagger alef and the tatweel:
#: written now and then, never needed to read a name.
_MARKS = re.compile(r"[\u064b-\u065f\u0670\u0640\u0591-\u05c7]")
_JOINERS = re.compile(r"[\u200c\u200d]")  # Persian writes one name's parts apart with a zero-width non-joiner
#: Hebrew's geresh after a letter writes a sound the alphabet lacks (צ׳ ch, ג׳ j, ז׳ zh): kept as "'".
_GERESH = str.maketrans({"\u05f3": "'", "’": "'", "`": "'", "´": "'"})
_NOT_LETTER = re.compile(r"[^\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff\u05d0-\u05ea']+")

#: How Latin spellings write each letter (folded to ASCII, lower case). A letter that is
#: a long vowel or a vowel's seat is written with vowels; a consonant the script doubles
#: with a sign it leaves out may be written twice.
_CONSONANTS = {
    # Arabic and Persian
    "ب": "b", "پ": "p", "ت": "t", "ث": "(?:th|s|t)", "ج": "(?:j|g|dj|dzh)", "چ": "(?:ch|tch|tsch|c)",
    "ح": "h", "خ": "(?:kh|h|ch|x|k)", "د": "d", "ذ": "(?:dh|z|th|d)", "ر": "r", "ز": "z", "ژ": "(?:zh|j|z)",
    "س": "s", "ش": "(?:sh|ch|sch)", "ص": "s", "ض": "(?:d|dh|z)", "ط": "t", "ظ": "(?:z|dh|th)",
    "غ": "(?:gh|g)", "ف": "(?:f|ph|v)", "ق": "(?:q|k|g|gh|c|ck)", "ك": "(?:k|c|ck|q)", "ک": "(?:k|c|ck|q)",
    "گ": "(?:g|gu|gh)", "ل": "l", "م": "m", "ن": "n", "ه": "h",
    # Hebrew: ב, כ and פ are read hard or soft (b/v, k/kh, p/f), ש shin or sin, ת t or (Ashkenazi) s
    "ב": "(?:b|v)", "ג": "g", "ג'": "(?:j|g|dj)", "ד": "d", "ז": "z", "ז'": "(?:zh|j|z)", "ח": "(?:ch|kh|h|x)",
    "ט": "t", "כ": "(?:k|kh|ch|c|h)", "ך": "(?:k|kh|ch|c|h)", "ל": "l", "מ": "m", "ם": "m", "נ": "n", "ן": "n",
    "ס": "s", "פ": "(?:p|f|ph)", "ף": "(?:p|f|ph)", "צ": "(?:tz|ts|z|c|tsch)", "ץ": "(?:tz|ts|z|c|tsch)",
    "צ'": "(?:ch|tch|tsch|c)", "ץ'": "(?:ch|tch|tsch|c)", "ק": "(?:k|q|c|ck)", "ר": "r", "ש": "(?:sh|s|sch)",
    "ת": "(?:t|th|s)", "ה": "h",
}
_LONG_VOWELS = {
    "و": "(?:w|v|u|o|ou|oo|ow|aw|au|wu|wo|woo|uw)",
    "ي": "(?:y|i|e|ee|ei|ey|ai|ay|ie|iy|yi|ya)",
    "ی": "(?:y|i|e|ee|ei|ey|ai|ay|ie|iy|yi|ya)",
    "ו": "(?:v|w|o|u|ou|oo|vo|vu|wo)",
    "י": "(?:y|i|e|ee|ei|ey|ai|ay|ie|iy|yi|ya|j)",
}
#: Letters Latin may leave unwritten: hamza (a vowel or nothing), alef maksura and ta marbuta at a
#: word's end.
_OPTIONAL = {
    "ء": "[aeiouy]?", "ئ": "[iey]?", "ؤ": "[uow]?", "أ": "[aeiou]?", "إ": "[ie]?",
    "ى": "(?:a|e|i|y)?", "ة": "(?:a|ah|at|eh|e)?",
}
#: ʿayn, Hebrew's alef and ayin: the seat of the vowels around them, up to two vowel letters ("Saad",
#: "Be'er") with the short vowel before them; at a word's end one at most.
_SEATS = {"ع": "[aeiou]{0,2}", "א": "[aeiou]{0,2}", "ע": "[aeiou]{0,2}"}
#: Alef: a long a (or o, e in Persian and in French spellings); at a word's start the seat of its first vowel.
_ALEF = "(?:a|aa|e|o)"
_ALEF_FIRST = "[aeiou]"
_ALEFS = frozenset("اآ")
#: At most one vowel letter where the script writes none (a short vowel).
_GAP = "[aeiou]?"
#: The article ال as Latin writes it before a word: al-, el-, ul-, as-, ash-, ad-, ... or not at all.
_ARTICLE = "(?:[aeiou]?l|[aeiou](?:[dnrstz]h?))?"
#: Hebrew's article ה written on a word's front: "ha-" or nothing ("הליכוד" Likud); or the word's own h.
_HEBREW_FIRST_HE = "(?:ha|h)?"
#: ב and כ begin a Hebrew word hard (b, k): "באר שבע" is Be'er Sheva, never Varshava (ורשה).
_HEBREW_FIRST_HARD = {"ב": ("b", "b"), "כ": ("(?:k|c|q)", "k|s")}

#: Letter classes for blocking: the first two a name's skeleton has must agree for it to be compared.
_LATIN_DIGRAPHS = {"kh": "k", "gh": "k", "sh": "s", "ch": "s", "zh": "s", "th": "t", "dh": "t", "ph": "f"}
_LATIN_CLASS = {
    "b": "b", "p": "b", "t": "t", "d": "t", "s": "s", "z": "s", "c": "s", "j": "k", "g": "k", "k": "k",
    "q": "k", "x": "k", "h": "h", "f": "f", "v": "f", "l": "l", "m": "m", "n": "n", "r": "r",
}
#: The classes a letter's Latin spellings may start, "|" between readings ("" a letter Latin may not
#: write as a consonant). A letter missing here is a vowel's letter: it has no class.
_ABJAD_CLASS = {
    "ب": "b", "پ": "b", "ت": "t", "ط": "t", "د": "t", "ض": "t", "ذ": "t", "ث": "t", "ج": "k", "چ": "s",
    "ح": "h", "ه": "h", "خ": "k", "س": "s", "ص": "s", "ز": "s", "ظ": "s", "ش": "s", "ژ": "s", "غ": "k",
    "ق": "k", "ك": "k", "ک": "k", "گ": "k", "ف": "f", "ل": "l", "م": "m", "ن": "n", "ر": "r",
    "ב": "b|f", "ג": "k", "ג'": "k", "ד": "t", "ז": "s", "ז'": "s", "ח": "h|k|s", "ט": "t", "כ": "k|s|h",
    "ך": "k|s|h", "ל": "l", "מ": "m", "ם": "m", "נ": "n", "ן": "n", "ס": "s", "פ": "b|f", "ף": "b|f",
    "צ": "ts|s", "ץ": "ts|s", "צ'": "s", "ץ'": "s", "ק": "k", "ר": "r", "ש": "s", "ת": "t|s", "ה": "h",
}
_NORMALISE = str.maketrans({"ٱ": "ا", "ې": "ی", "ۍ": "ی", "ے": "ی", "ھ": "ه", "ۀ": "ه", "ہ": "ه"})
_LATIN_ARTICLES = frozenset({"al", "el", "ul", "as", "ash", "ad", "an", "ar", "at", "az"})
#: A he ending a word is often left out or read as a vowel ("Abdulla", Persian "Hajizadeh", "Khamenei",
#: Hebrew "Haifa").
_FINAL_HE = "(?:h|e|a|eh|ah)?"


def abjad_letters(text: str) -> str:
    """The words of a name written in Arabic or Hebrew script, as letters only; "" for any other name.

    Vowel signs go, the article stays (it is read as optional), Persian's
    zero-width non-joiner joins the parts of one word, and a Hebrew geresh
    stays with its letter as "'".

    Example:
        >>> abjad_letters("محمود احمدی‌نژاد"), abjad_letters("Ahmadinejad")
        ('محمود احمدینژاد', '')
        >>> abjad_letters("בצלאל סמוטריץ׳")
        "בצלאל סמוטריץ'"
    """
    if text.isascii() or _ABJAD_LETTER.search(text) is None:
        return ""
    text = _JOINERS.sub("", _MARKS.sub("", text)).translate(_NORMALISE).translate(_GERESH)
    words = (word.lstrip("'") for word in _NOT_LETTER.split(text))
    return " ".join(word for word in words if word)


def _letters_of(word: str) -> tuple[bool, list[str]]:
    """Whether a word begins with the Arabic article ال, and its letters after it, a Hebrew letter
    with its geresh as one ("צ'")."""
    article = word.startswith("ال") and len(word) > 3
    letters: list[str] = []
    for char in word[2:] if article else word:
        if char == "'":
            if letters and letters[-1] + "'" in _CONSONANTS:
                letters[-1] += "'"
            continue
        letters.append(char)
    return article, letters


def _is_final_he(letter: str, index: int, letters: list[str]) -> bool:
    """A he ending a word of two letters or more, which Latin may leave out (:data:`_FINAL_HE`)."""
    return letter in "هה" and index == len(letters) - 1 and index > 0


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
        article, spelled = _letters_of(word)
        pieces = [_ARTICLE if article else ""]
        for index, letter in enumerate(spelled):
            if letter in _ALEFS:
                pieces.append(_ALEF_FIRST if index == 0 else _ALEF)
            elif letter in _LONG_VOWELS:
                pieces.append(_LONG_VOWELS[letter])
            elif _is_final_he(letter, index, spelled):
                pieces.append(_FINAL_HE)
            elif letter == "ה" and index == 0 and len(spelled) > 3:
                pieces.append(_HEBREW_FIRST_HE)
                pieces.append(_GAP)
            elif letter in _HEBREW_FIRST_HARD and index == 0:
                pieces.append(_HEBREW_FIRST_HARD[letter][0] + "{1,2}")
                pieces.append(_GAP)
            elif letter in _SEATS:
                pieces.append(_SEATS[letter] if index < len(spelled) - 1 else _GAP)
            elif letter in _OPTIONAL:
                pieces.append(_OPTIONAL[letter])
            elif letter in _CONSONANTS:
                written = _CONSONANTS[letter]
                pieces.append(f"{written}{{1,2}}" if len(written) == 1 else f"{written}(?:{written})?")
                if index + 1 == len(spelled) or spelled[index + 1] not in _SEATS:
                    pieces.append(_GAP)  # a vowel seat next holds the vowels there
            else:
                pieces.append(_GAP)  # a letter of another language written in the script: read as unwritten
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


def abjad_blocks(letters: str) -> tuple[str, ...]:
    """The first two consonant classes a Latin spelling of the name may start with, article and vowels left out.

    Hebrew reads some letters two ways (ב b or v, כ k or kh), so a name may
    have more than one; none when it has fewer than two consonants.

    Example:
        >>> abjad_blocks(abjad_letters("مقتدى الصدر")), abjad_blocks(abjad_letters("علي"))
        (('mk',), ())
        >>> abjad_blocks(abjad_letters("אביגדור ליברמן"))
        ('bk', 'fk')
    """
    alternatives: list[list[str]] = []
    for word in letters.split():
        _, spelled = _letters_of(word)
        for index, letter in enumerate(spelled):
            classes = _ABJAD_CLASS.get(letter)
            if classes is None or _is_final_he(letter, index, spelled):
                continue  # a vowel's letter, or a final he Latin may leave out
            if letter in _HEBREW_FIRST_HARD and index == 0:
                classes = _HEBREW_FIRST_HARD[letter][1]
            options = classes.split("|")
            if letter == "ה" and index == 0 and len(spelled) > 3:
                options.append("")  # Hebrew's article
            alternatives.append(options)
            if len(alternatives) >= 4:
                break
        if len(alternatives) >= 4:
            break
    found: set[str] = set()
    _extend("", alternatives, found)
    return tuple(sorted(found))


def _extend(prefix: str, alternatives: list[list[str]], found: set[str]) -> None:
    """Every two-class start the letters' readings can make (a class repeated is one letter doubled)."""
    if len(prefix) >= 2:
        found.add(prefix[:2])
        return
    if not alternatives:
        return
    for option in alternatives[0]:
        extended = prefix
        for letter_class in option:
            if not extended or extended[-1] != letter_class:
                extended += letter_class
        _extend(extended, alternatives[1:], found)


def latin_block(tokens: tuple[str, ...]) -> str:
    """The first two consonant classes of a folded Latin name, as :func:`abjad_blocks` has them.

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


def consonant_blocks(form: NameForm) -> tuple[str, ...]:
    """The consonant blocks a name meets its spellings in the other script under: :func:`abjad_blocks`
    of a name in Arabic or Hebrew script, else its :func:`latin_block` (none when it has no two classes).

    Example:
        >>> from newsfold.names.forms import make_name_form as f
        >>> consonant_blocks(f("حسن نصر الله", "PER")), consonant_blocks(f("Hassan Nasrallah", "PER")), consonant_blocks(f("Ali", "PER"))
        (('hs',), ('hs',), ())
    """
    if form.abjad:
        return abjad_blocks(form.abjad)
    block = latin_block(form.tokens)
    return (block,) if block else ()
