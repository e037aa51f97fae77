"""One Slavic name part as English, German, French, Spanish and Ukrainian writers render it.

Russian, Ukrainian or Belarusian names reach English news through several
spelling conventions: the English one (Khrushchev, Zhirinovsky, Yeltsin),
the German one of German-language agencies and their translators
(Chruschtschow, Schirinowski, Jelzin), the French one (Khrouchtchev,
Jirinovski, Eltsine) and the Spanish one (Jodorkovski). Each convention writes the same sounds with its own
letters: German ``tsch`` and French ``tch`` are English ``ch``; German ``sch``
and French ``ch`` are English ``sh``; German ``ch`` is ``kh``; German ``w``
and ``j`` are ``v`` and ``y``; German ``z`` is ``ts``; French ``j`` and ``ou``
are ``zh`` and ``u``; Spanish ``j`` is ``kh``; a Ukrainian ``h`` is a Russian ``g``. German writes a з "s" at the start
and before a consonant, as it writes a с (Sacharowa, Koslow; Sergej, Chasbulatow),
so a second German reading takes such an s for z.

:func:`convention_readings` reads a Latin part back into the sounds under
each convention that could have written it, and keys each reading with the
part key (:func:`newsfold.names.fold.make_part_key`), so that two renderings
of one name meet. German writes ж and ш both ``sch``, so every reading writes
``zh`` as ``sh``; ``dzh``, ``dsch`` and ``dj`` are one ``j``.

Only readings under *different* conventions are compared
(:func:`read_alike`): two English spellings that differ by ``zh`` and ``sh``
(Zhukov / Shukov) stay two names, while a German and an English spelling
that read alike are one. A convention is offered only when the token could
be written in it (German has no ``kh``, ``zh`` or a bare ``sh``; French no
``w``, ``zh``, ``sh`` or ``tsch``; Spanish and Ukrainian no ``w``, ``tsch`` or
``ou``, Spanish no ``kh``) and reads one of its letters otherwise. And a pair is read at all only when one of
its parts looks Slavic (:func:`looks_slavic`: a Slavic ending, or letters no
English name has), so an English name is never read as a German one ("Chain"
is no "Khain", "Jones" no "Yones").

:func:`place_readings` reads a one-word place name the same way (Tschernobyl, Chernobyl), for
the clustering's joins of place spellings (``cluster._join_compact``).

Example:
    >>> convention_readings("Khrouchtchev")["fr"] == convention_readings("Khrushchev")["en"]
    True
    >>> convention_readings("Jelzin")["de"] == convention_readings("Yeltsin")["en"]
    True
    >>> read_alike("Schirinowski", "Zhirinovsky"), read_alike("Jirinovski", "Zhirinovsky")
    (True, True)
    >>> read_alike("Zhukov", "Shukov")  # two English spellings: no convention reads one as the other
    False
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsfold.names.fold import fold_text, make_part_key, part_key_similarity

__all__ = ["convention_readings", "french_arabic_reading", "looks_slavic", "place_readings", "read_alike", "reading_similarity"]

_LATIN = re.compile(r"^[a-z]+$")
_LATIN_SCRIPT = re.compile(r"^[A-Za-z\u00c0-\u00ff\u0100-\u024f'’-]+$")  # Latin letters, with or without diacritics
_NOT_GERMAN = re.compile(r"kh|zh|(?<!c)sh")
_NOT_FRENCH = re.compile(r"w|zh|sh|tsch")
_NOT_SPANISH = re.compile(r"w|kh|tsch|ou")
_NOT_UKRAINIAN = re.compile(r"w|tsch|ou")
#: Ukrainian (and Belarusian, Azerbaijani) h where Russian has g: a bare h, no part of kh, sh, ch, zh, th.
_UKRAINIAN_H = re.compile(r"(?<![kszcdtg])h")
#: A final soft ц Ukrainian writes "tsia" or "tsya" where Russian has "tsa" (Кислиця, Кислица).
_UKRAINIAN_TSYA = re.compile(r"ts[iy]a$")
#: Endings of Slavic (and Caucasian) names (:func:`looks_slavic`): -ov, -ev, -in, -sky, -ko, -uk, -vich,
#: -dze, -shvili, -yan, -ny and their German and French spellings.
_SLAVIC_ENDING = re.compile(
    r"(?:[ojey]v|[oe]va|[oe]w|[oe]wa|[ij]ev|[ij]eva|[^aeiouy]ine?|[^aeiouy]yne?|[^aeiouy]ina|sk[iy]|skii|skij|ska|"
    r"skaya|skaja|skaia|[^aeiouy]ko|[yij]?uk|iouk|[ct]?chuk|tschuk|tchouk|[vw]?[ie]t?s?ch|dze|dse|[sc]h?w?vili|schwili|"
    r"[iy]an|jan|off|[aeiou]j|[aeiou]i|guine|[^aeiouy]n[yi]j?|[^aeiouy]n[yi][iy])$"
)
#: Letters no English name is written with: German tsch, dsch, schtsch; French chtch.
_SLAVIC_LETTERS = re.compile(r"tsch|dsch|chtch")
# Placeholders for sounds already read, so a later rule does not read their letters again.
_CH, _SH = "\x01", "\x02"
_VOWEL = "aeiouy"
#: German: a single s between a vowel (or l, m, n, r) and a vowel is voiced, as English writes z
#: (Nasarbajew = Nazarbayev, Ramsan = Ramzan); German doubles it for the unvoiced sound (Bassajew).
_GERMAN_VOICED_S = re.compile(rf"(?<=[{_VOWEL}lmnr])s(?=[{_VOWEL}])")
#: German: an s between a vowel and a voiced consonant may be a з (Koslow = Kozlov, Resnikow = Reznikov).
_GERMAN_S_BEFORE_VOICED = re.compile(rf"(?<=[{_VOWEL}])s(?=[lmnbdgw])")
#: French: a single s between vowels is voiced too (French writes "ss" for Basayev: Bassaïev).
_FRENCH_VOICED_S = re.compile(rf"(?<=[{_VOWEL}])s(?=[{_VOWEL}])")
_GERMAN_KH = re.compile(r"ch(?!$)")
_FRENCH_FINAL_E = re.compile(r"(?<=[nrl])e$")  # Eltsine, Tchernomyrdine, Gagarine: a French ending
_FRENCH_GU = re.compile(r"gu(?=[eiy])")  # Sergueï, Evgueni, Guennadi: French "gu" keeps the g hard


def _english(token: str) -> str:
    return token


def _german(token: str) -> str:
    # A final "ch" is German's own (Friedrich, Dietrich), not a Slavic kh (Chodorkowski, Michail).
    reading = _GERMAN_KH.sub("kh", token.replace("tsch", _CH).replace("sch", _SH))
    reading = reading.replace("ss", "S")  # kept from the voicing rule below
    reading = _GERMAN_VOICED_S.sub("z", reading.replace("z", "ts")).replace("S", "s")
    reading = reading.replace("ds", "dz")  # Schewardnadse = Shevardnadze
    return reading.replace("w", "v").replace("j", "y").replace(_CH, "ch").replace(_SH, "sh")


def _german_voiced(token: str) -> str:
    """German writes a Russian з "s" where it writes с too: at the start (Sacharowa = Zakharova, but Sergej)
    and before a consonant (Koslow = Kozlov, but Chasbulatow): a second German reading takes such an s for z."""
    reading = _GERMAN_S_BEFORE_VOICED.sub("z", _german(token))
    return "z" + reading[1:] if token[:1] == "s" and token[1:2] in _VOWEL else reading


def _spanish(token: str) -> str:
    """Spanish writes a Russian х "j" (Jodorkovski, Mijaíl) and й "i" or "y"."""
    return token.replace("j", "kh")


def _ukrainian(token: str) -> str:
    """Ukrainian writes "h" where Russian writes "g" (Hennadiy = Gennady, Heydar = Geidar), and a final
    soft "tsia" / "tsya" where Russian has "tsa" (Kyslytsya = Kislitsa)."""
    return _UKRAINIAN_TSYA.sub("tsa", _UKRAINIAN_H.sub("g", token))


def _french(token: str) -> str:
    reading = _FRENCH_GU.sub("g", token.replace("tch", _CH).replace("ch", _SH))
    reading = reading.replace("ou", "u").replace("ss", "S")
    reading = _FRENCH_VOICED_S.sub("z", reading).replace("S", "s")
    reading = _FRENCH_FINAL_E.sub("", reading.replace("j", "zh"))
    return reading.replace(_CH, "ch").replace(_SH, "sh")


def _sounds(reading: str) -> str:
    """Letters of one sound made one across conventions: zh = sh (German sch), dzh = dsh = j, final ff = v."""
    reading = reading.replace("zh", "sh").replace("dsh", "j")
    return reading[:-2] + "v" if reading.endswith("ff") else reading


#: Convention, reading, letters it never writes. Readings of one convention ("de", "de-z") are never
#: compared with each other.
_CONVENTIONS = (
    ("en", _english, None),
    ("de", _german, _NOT_GERMAN),
    ("de-z", _german_voiced, _NOT_GERMAN),
    ("fr", _french, _NOT_FRENCH),
    ("es", _spanish, _NOT_SPANISH),
    ("uk", _ukrainian, _NOT_UKRAINIAN),
)


@lru_cache(maxsize=200_000)
def convention_readings(token: str) -> dict[str, str]:
    """Part keys of one Latin name part read under each convention that could have written it.

    Args:
        token: One name part, in any case, with or without diacritics
            ("Sergueï" is read as "serguei").

    Returns:
        Convention ("en", "de", "de-z", "fr", "es", "uk") to the key of the part read the English
        way under it; empty for a part that is not Latin letters only.

    Example:
        >>> convention_readings("Jelzin")["de"] == convention_readings("Yeltsin")["en"]
        True
        >>> sorted(convention_readings("Zhirinovsky"))  # no German or French writer wrote zh
        ['en']
    """
    if not _LATIN_SCRIPT.match(token):
        return {}  # another script: rigour's symbols and ICU's Latin reading decide it
    folded = fold_text(token)
    if not _LATIN.match(folded):
        return {}
    read_as = {
        name: read(folded) for name, read, excluded in _CONVENTIONS if excluded is None or not excluded.search(folded)
    }
    # A convention that changes no letter reads the part as English does, and two English spellings
    # are never read as each other; nor is the second German reading kept where it is the first.
    return {
        name: make_part_key(_sounds(reading))
        for name, reading in read_as.items()
        if name == "en" or (reading != folded and not (name == "de-z" and reading == read_as.get("de")))
    }


#: French "ou" before a vowel is an English w (Ouardi = Wardi, Aouad = Awad); before a consonant a u.
_FRENCH_OU_BEFORE_VOWEL = re.compile(r"ou(?=[aei])")
#: Letters of a part before it is read as French writes Arabic: fewer is too short to tell (Chin / Shin).
_MIN_FRENCH_ARABIC_LETTERS = 5


@lru_cache(maxsize=200_000)
def french_arabic_reading(token: str) -> str:
    """Part key of a Latin name part read as French writes Arabic names, "" where that reads it no otherwise.

    Maghreb and Lebanese names reach English news in French spellings: "ch" for the
    sound English writes sh (Ghannouchi, Chahed), "dj" for j (Djaballah), "tch" for
    ch, "ou" for u or, before a vowel, w (Joumblatt, Ouardi). An English and a French
    spelling of one name meet when the French one read so keys like the English one.
    Only a name whose given name is an Arabic one reads its family name so
    (``compare.py``): "Rousseau" and "Russo" are two French and Italian names.

    Example:
        >>> french_arabic_reading("Ghannouchi") == make_part_key("ghannushi")
        True
        >>> french_arabic_reading("Shahed"), french_arabic_reading("Chin")  # nothing French to read; too short
        ('', '')
    """
    folded = fold_text(token)
    if len(folded) < _MIN_FRENCH_ARABIC_LETTERS or not _LATIN.match(folded):
        return ""
    reading = folded.replace("tch", _CH).replace("dj", "j").replace("ch", "sh").replace(_CH, "ch")
    reading = _FRENCH_OU_BEFORE_VOWEL.sub("w", reading).replace("ou", "u")
    key = make_part_key(reading)
    return "" if reading == folded or key == make_part_key(folded) else key


#: Endings of East Slavic place names as English writes them and as German writes them: -sk, -grad,
#: -gorod, -pol, -yl, -iv / -iw, -ets / -ez, -ino, -ovo / -owo, -evo / -ewo, -ye / -je.
_SLAVIC_PLACE_ENDING = re.compile(r"(?:sk|grad|gorod|gorad|pol|yl|[iy][vw]|ets|ez|ino|[oe][vw]o|[yj]e)$")
#: Letters of a one-word place name before it is read by convention: fewer is too short to tell.
_MIN_PLACE_LETTERS = 6


@lru_cache(maxsize=50_000)
def place_readings(word: str) -> tuple[tuple[str, bool], ...]:
    """Keys of a one-word Slavic place name read under each spelling convention, each with whether it is the English one.

    Two spellings meet when a key one reads under another convention than
    English is the English key of the other ("Tschernobyl" read the German way
    is "Chernobyl", "Luhansk" the Ukrainian way "Lugansk"); two English
    spellings never do (Zhukov / Shukov). Only a word of six letters or more
    with a Slavic look, as a name or as a place (:func:`looks_slavic`, or an
    ending such as -sk, -grad, -pol, -iv), is read; any other gives nothing.

    Example:
        >>> ("chirnubil", True) in place_readings("Chernobyl"), ("chirnubil", False) in place_readings("Tschernobyl")
        (True, True)
        >>> ("lugansk", False) in place_readings("Luhansk"), ("lugansk", True) in place_readings("Lugansk")
        (True, True)
        >>> place_readings("Chester")  # no Slavic look: never read
        ()
    """
    folded = fold_text(word)
    if len(folded) < _MIN_PLACE_LETTERS or not (looks_slavic(folded) or _SLAVIC_PLACE_ENDING.search(folded)):
        return ()
    return tuple((key, name == "en") for name, key in convention_readings(word).items())


@lru_cache(maxsize=200_000)
def looks_slavic(token: str) -> bool:
    """A Latin name part with a Slavic (or Caucasian) name's ending, or letters only a German or French
    rendering of one has: spelling conventions are read only for a pair with such a part, so an English
    name is never read as a German one ("Chain" is no "Khain").

    Example:
        >>> looks_slavic("Chruschtschow"), looks_slavic("Tschubais"), looks_slavic("Chain")
        (True, True, False)
    """
    folded = fold_text(token)
    return bool(_SLAVIC_ENDING.search(folded) or _SLAVIC_LETTERS.search(folded))


def reading_similarity(a: str, b: str, require_slavic: bool = True) -> float:
    """Best similarity of two parts' readings under different conventions (0 when none is offered).

    Args:
        a: One Latin name part.
        b: The other.
        require_slavic: Read them only when one looks Slavic (:func:`looks_slavic`); a caller
            that knows the name is Slavic by another part (its family name) passes False.

    The similarity is :func:`newsfold.names.fold.part_key_similarity` of the
    readings' keys, the one the key comparison of person-name parts uses.

    Example:
        >>> reading_similarity("Tschaikowski", "Tchaikovsky")
        1.0
        >>> reading_similarity("Ivanov", "Ivanova")
        0.0
    """
    best = 0.0
    if require_slavic and not (looks_slavic(a) or looks_slavic(b)):
        return best
    ra, rb = convention_readings(a), convention_readings(b)
    for name_a, key_a in ra.items():
        for name_b, key_b in rb.items():
            if name_a[:2] != name_b[:2]:
                best = max(best, part_key_similarity(key_a, key_b))
                if best == 1.0:
                    return best
    return best


def read_alike(a: str, b: str) -> bool:
    """Two Latin name parts that read as one name under two conventions (equal keys).

    Example:
        >>> read_alike("Dostojewski", "Dostoevsky"), read_alike("Schirinowski", "Zhirinovsky")
        (True, True)
    """
    return reading_similarity(a, b) == 1.0
