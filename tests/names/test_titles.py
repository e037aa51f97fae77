"""Title stripping."""

from __future__ import annotations

import pytest

from newsfold.names.fold import fold_tokens
from newsfold.names.titles import load_title_tokens, strip_title_tokens


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        (("general", "sulaimani"), (("sulaimani",), True)),
        (("iranian", "general", "qasem", "soleimani"), (("qasem", "soleimani"), True)),
        (("secretary", "of", "state", "mike", "pompeo"), (("mike", "pompeo"), True)),
        (("ayatollah", "ali", "khamenei"), (("ali", "khamenei"), True)),
        (("general",), (("general",), False)),
        (("donald", "trump"), (("donald", "trump"), False)),
        # a title word right before a patronymic is the given name
        (("prince", "sultan", "bin", "abdulaziz"), (("sultan", "bin", "abdulaziz"), True)),
        (("sultan", "bin", "zayed"), (("sultan", "bin", "zayed"), False)),
        (("sultan", "qaboos"), (("qaboos",), True)),
        (("crown", "prince", "sultan"), (("sultan",), True)),
        (("archbishop", "tutu"), (("tutu",), True)),
    ],
)
def test_strip_title_tokens_removes_leading_titles_keeps_one_token(tokens, expected):
    assert strip_title_tokens(tokens) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the office a title is of goes with the title, up to the first given name known
        ("Secretary of Commerce Malcolm Baldrige", ("malcolm", "baldrige")),
        ("Chancellor of the Exchequer Nigel Lawson", ("nigel", "lawson")),
        ("Secretary of Health and Human Services Alex Azar", ("alex", "azar")),
        ("Governor of the Bank of England Mark Carney", ("mark", "carney")),
        # no given name known: the last two words, three for a Chinese or Korean name
        ("Minister of Finance Nirmala Sitharaman", ("nirmala", "sitharaman")),
        ("President of North Korea Kim Jong Un", ("kim", "jong", "un")),
        # a title after the office goes too; a title alone stays
        ("Minister of State for Trade Lord Young", ("young",)),
        ("Secretary of State", ("of", "state")),
        # no title: "of" is part of the name
        ("Earl of Sandwich", ("earl", "of", "sandwich")),
    ],
)
def test_strip_title_tokens_drops_the_office_of_a_title(text, expected):
    assert strip_title_tokens(fold_tokens(text))[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an aide's role, and a qualified role followed by its office
        ("Chief of Staff Cheryl Mills", ("cheryl", "mills")),
        ("Deputy Chief of Staff Jake Sullivan", ("jake", "sullivan")),
        ("Clinton Chief of Staff Cheryl Mills", ("cheryl", "mills")),
        ("White House Chief of Staff Denis McDonough", ("denis", "mcdonough")),
        # the party a politician is named with, before a given name or a title only
        ("Democrat Ben Cardin", ("ben", "cardin")),
        ("Republican Sen. John McCain", ("john", "mccain")),
        ("Republican Party", ("republican", "party")),
        ("Republican National Committee", ("republican", "national", "committee")),
        # the seat or body after a full name; "of" after a given name alone is part of the name
        ("Senator Ben Cardin of Maryland", ("ben", "cardin")),
        ("Allan Leslie of Discount Corporation", ("allan", "leslie")),
        ("Catherine of Aragon", ("catherine", "of", "aragon")),
    ],
)
def test_strip_title_tokens_drops_roles_parties_and_seats(text, expected):
    assert strip_title_tokens(fold_tokens(text))[0] == expected


def test_load_title_tokens_is_longest_first():
    titles = load_title_tokens()
    assert [len(t) for t in titles] == sorted((len(t) for t in titles), reverse=True)


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        # "president" in other languages (rigour already lists the German "Präsident")
        (("presiden", "widodo"), (("widodo",), True)),
        (("presedintele", "klaus", "iohannis"), (("klaus", "iohannis"), True)),
        (("prezident", "milos", "zeman"), (("milos", "zeman"), True)),
        (("presidente", "lula"), (("lula",), True)),
        # a role noun qualified by up to three words before a name
        (("finance", "minister", "edouard", "balladur"), (("edouard", "balladur"), True)),
        (("un", "chief", "antonio", "guterres"), (("antonio", "guterres"), True)),
        (("attorney", "general", "eric", "holder"), (("eric", "holder"), True)),
        (("deputy", "finance", "minister", "jose", "silva"), (("jose", "silva"), True)),
        (("labour", "leader", "general", "smith"), (("smith",), True)),  # a listed title after the role goes too
        # look-alikes that are names, not titles
        (("finance", "minister"), (("finance", "minister"), False)),  # nothing after the role noun
        # too far in
        (
            ("a", "b", "c", "d", "e", "f", "minister", "smith"),
            (("a", "b", "c", "d", "e", "f", "minister", "smith"), False),
        ),
        # a long body's name before the role: five words
        (("a", "b", "c", "d", "e", "minister", "smith"), (("smith",), True)),
        (("kim", "dae", "jung"), (("kim", "dae", "jung"), False)),
        (("jose", "sarney"), (("jose", "sarney"), False)),
    ],
)
def test_strip_title_tokens_reads_foreign_and_qualified_titles(tokens, expected):
    assert strip_title_tokens(tokens) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # titles translations leave in the original language, before the name
        ("Predsjednik Putin", ("putin",)),
        ("Bundeskanzler Olaf Scholz", ("olaf", "scholz")),
        ("Premier ministre Gabriel Attal", ("gabriel", "attal")),
        ("Primer ministro Pedro Sánchez", ("pedro", "sanchez")),
        ("Cumhurbaşkanı Erdoğan", ("erdogan",)),
        ("Президент Путин", ("putin",)),
        ("Премьер-министр Мишустин", ("mishustin",)),
        ("Канцлер Шольц", ("sholts",)),
        ("Πρόεδρος Πούτιν", ("poytin",)),
        ("الرئيس فلاديمير بوتين", ("fldymyr", "bwtyn")),
        ("رئيس جمهور مسعود پزشکیان", ("mswd", "pzshkyn")),
        ("הנשיא פוטין", ("fvtyn",)),
        # titles some languages write after the name
        ("Putyin elnök", ("putyin",)),
        ("Orbán Viktor miniszterelnök", ("orban", "viktor")),
        ("푸틴 대통령", ("putin",)),
        # a name is never stripped to nothing, and names that look like titles stay
        ("Predsjednik", ("predsjednik",)),
        ("Elnök", ("elnok",)),
        ("Kanzler", ("kanzler",)),
        ("Viktor Orbán", ("viktor", "orban")),
    ],
)
def test_strip_title_tokens_reads_titles_of_other_languages(name, expected):
    from newsfold.names.fold import fold_tokens

    assert strip_title_tokens(fold_tokens(name))[0] == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("普京总统", "普京"),
        ("习近平国家主席", "习近平"),
        ("习近平主席", "习近平"),
        ("プーチン大統領", "プーチン"),
        ("岸田首相", "岸田"),
        ("主席", "主席"),  # a bare title stays a name
        ("毛主", "毛主"),
        ("周恩来", "周恩来"),
    ],
)
def test_strip_joined_title_removes_chinese_and_japanese_titles_after_a_name(name, expected):
    from newsfold.names.titles import strip_joined_title

    assert strip_joined_title(name) == expected
