"""Spellings across transliterations and scripts: rigour symbols, Latin readings, vetoes.

Every row is an invented or general-knowledge example, a true variant and a
namesake side by side for each failure class.
"""

from __future__ import annotations

import pytest

from newsfold.names.compare import FUZZY_THRESHOLD, compare_names, could_match
from newsfold.names.forms import make_name_form, read_hangul, split_cjk_name
from newsfold.names.match import find_registry_link, match_registry
from newsfold.names.symbols import latin_part_key, latin_reading, part_symbols, share_name_symbol


@pytest.mark.parametrize(
    ("a", "b", "shared"),
    [
        ("yevgeny", "evgenii", True),
        ("евгений", "yevgeny", True),
        ("aleksandr", "alexandre", True),
        ("fyodor", "fedor", True),
        ("michail", "mikhail", True),
        ("suleiman", "suleimani", False),
        ("hassan", "hussein", False),
        ("salama", "salami", False),
        ("un", "il", False),
        ("ivan", "john", False),
        ("پوتین", "putin", True),  # Persian پ and ی read as the Arabic ب and ي rigour lists
    ],
)
def test_share_name_symbol_joins_one_name_not_two(a, b, shared):
    assert share_name_symbol(a, b) is shared


@pytest.mark.parametrize(("token", "empty"), [("евгений", False), ("qwzxkvbn", True), ("", True)])
def test_part_symbols_of_known_and_unknown_parts(token, empty):
    assert (not part_symbols(token)) is empty


@pytest.mark.parametrize(
    ("token", "reading"), [("αλέξης", "alexis"), ("евгений", "evgeny"), ("toyota", "toyota"), ("周", "")]
)
def test_latin_reading_is_latin_or_empty(token, reading):
    assert latin_reading(token) == reading


@pytest.mark.parametrize(("token", "key"), [("周", "zhu"), ("qasem", "kasim")])
def test_latin_part_key_falls_back_to_the_ascii_fold(token, key):
    assert latin_part_key(token) == key


@pytest.mark.parametrize(
    ("text", "split"),
    [
        ("김정은", "kim jong un"),
        ("문재인", "mun jae in"),
        ("周恩来", "周 恩来"),
        ("블라디미르 푸틴", "블라디미르 푸틴"),  # a foreign name in Hangul, written with a space
        ("弗拉基米尔·普京", "弗拉基米尔·普京"),  # a foreign name in Chinese characters
        ("欧阳修文", "欧阳修文"),  # four characters: a compound surname may lead
    ],
)
def test_split_cjk_name_splits_only_a_korean_or_chinese_name(text, split):
    assert split_cjk_name(text) == split


@pytest.mark.parametrize(("syllable", "reading"), [("김", "kim"), ("정", "jong"), ("은", "un"), ("박", "pak")])
def test_read_hangul_spells_as_news_does(syllable, reading):
    assert read_hangul(syllable) == reading


# (a, b, same) per failure class: the variant and a namesake side by side.
_CLASSES = {
    "russian": [
        ("Yevgeny Prigozhin", "Evgenii Prigozhin", True),
        ("Aleksandr Solzhenitsyn", "Alexander Solzhenitsyn", True),
        ("Fyodor Dostoevsky", "Fedor Dostoevsky", True),
        ("Sergey Shoygu", "Sergei Shoigu", True),
        ("Yevgeny Prigozhin", "Yevgeny Primakov", False),
        ("Alexei Navalny", "Alexander Navalny", False),
        ("Ivan Petrov", "John Petrov", False),
    ],
    "ukrainian": [
        ("Volodymyr Zelensky", "Володимир Зеленський", True),
        ("Yulia Tymoshenko", "Юлія Тимошенко", True),
        ("Vitaliy Klychko", "Віталій Кличко", True),
        ("Yulia Tymoshenko", "Олександр Тимошенко", False),
    ],
    "wade_giles_pinyin": [
        ("Chou En-lai", "Zhou Enlai", True),
        ("周恩来", "Zhou Enlai", True),
        ("习近平", "Xi Jinping", True),
        ("习近平", "习近朋", False),
        ("Zhou Enlai", "Zhou Enping", False),
    ],
    "korean": [
        ("김정은", "Kim Jong Un", True),
        ("문재인", "Moon Jae-in", True),
        ("Kim Jong-un", "Kim Jongun", True),
        ("김정은", "Kim Jong Il", False),
        ("Kim Jong Un", "Kim Yo Jong", False),
    ],
    "french_german": [
        ("Mikhaïl Gorbatchev", "Mikhail Gorbachev", True),
        ("Michail Gorbatschow", "Mikhail Gorbachev", True),
        ("Alexej Nawalny", "Alexei Navalny", True),
        ("Boris Jelzin", "Boris Yeltsin", True),
        ("Boris Eltsine", "Boris Yeltsin", True),
        ("Nikita Chruschtschow", "Nikita Khrushchev", True),
        ("Michail Gorbatschow", "Michail Gorbunow", False),
        ("Boris Jelzin", "Boris Jelinek", False),
        ("Wolfgang Schmidt", "Wolfgang Smith", False),
    ],
    "other_scripts": [
        ("Евгений Пригожин", "Yevgeny Prigozhin", True),
        ("Михаил Горбачёв", "Mikhail Gorbachev", True),
        ("Αλέξης Τσίπρας", "Alexis Tsipras", True),
        ("قاسم سليماني", "Qasem Soleimani", True),
        ("Евгений Пригожин", "Yevgeny Primakov", False),
        ("Αλέξης Τσίπρας", "Alexis Papadopoulos", False),
    ],
    "list_order": [
        ("PUTIN Vladimir", "Vladimir Putin", True),
        ("Putin Vladimir Vladimirovich", "Vladimir Vladimirovich Putin", True),
        ("Ali Hassan", "Hassan Ali", False),  # either may be the given name: no reordering
    ],
    "hard_negatives": [
        ("Kim Jong Un", "Kim Jong Il", False),
        ("Omar Suleiman", "Omar Suleimani", False),
        ("Hussein Salameh", "Hossein Salami", False),
        ("Cristiano Ronaldo", "Cristiano Ronaldinho", False),
        ("Hassan Nasrallah", "Hussein Nasrallah", False),
        ("Mohammed bin Salman", "Mohammed bin Sultan", False),
    ],
}


@pytest.mark.parametrize(
    ("a", "b", "same"), [row for rows in _CLASSES.values() for row in rows], ids=lambda v: str(v)[:24]
)
def test_compare_names_across_transliterations(a, b, same):
    form_a, form_b = make_name_form(a, "PER"), make_name_form(b, "PER")
    result = compare_names(form_a, form_b)
    assert (result.veto is None and result.score >= FUZZY_THRESHOLD) is same
    assert could_match(form_a, form_b) or not same


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("Евгений Пригожин", "Yevgeny Prigozhin"),
        ("Evgenii Prigozhin", "Yevgeny Prigozhin"),
        ("Владимир Путин", "Vladimir Putin"),
        ("فلاديمير بوتين", "Vladimir Putin"),
        ("弗拉基米尔·普京", "Vladimir Putin"),
        ("PUTIN, Vladimir Vladimirovich", "Vladimir Putin"),
        ("김정은", "Kim Jong Un"),
        ("김정일", "Kim Jong Il"),
    ],
)
def test_find_registry_link_reaches_the_latin_entity(name, canonical):
    best = find_registry_link(make_name_form(name, "PER"))
    assert best is not None and best.canonical_name == canonical


@pytest.mark.parametrize("name", ["Владимир Путинцев", "Евгений Примаков", "김정남"])
def test_find_registry_link_keeps_namesakes_in_other_scripts_out(name):
    best = find_registry_link(make_name_form(name, "PER"))
    assert best is None or best.canonical_name not in {"Vladimir Putin", "Yevgeny Prigozhin", "Kim Jong Un"}


def test_match_registry_lists_a_symbol_candidate():
    candidates = match_registry(make_name_form("Евгений Пригожин", "PER"))
    assert candidates[0].canonical_name == "Yevgeny Prigozhin"
    assert candidates[0].veto is None
