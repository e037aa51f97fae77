"""Names written in Arabic script read against their Latin spellings."""

from __future__ import annotations

import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsfold.names.abjad import abjad_blocks, abjad_letters, is_latin_text, latin_block, reads_as
from newsfold.names.cluster import Sighting, cluster_sightings
from newsfold.names.forms import make_name_form
from newsfold.names.reconcile import reconcile_names
from tests.names.test_compare import links


@pytest.mark.parametrize(
    ("latin", "arabic", "reads"),
    [
        # short vowels put in, a consonant doubled, the article written, assimilated or left out
        ("Hassan Nasrallah", "حسن نصر الله", True),
        ("Hasan Nasr Allah", "حسن نصر الله", True),
        ("Muqtada al-Sadr", "مقتدى الصدر", True),
        ("Moqtada as-Sadr", "مقتدى الصدر", True),
        ("Moqtada Sadr", "مقتدى الصدر", True),
        ("Bashar al-Assad", "بشار الأسد", True),
        ("Abdul-Malik al-Houthi", "عبد الملك الحوثي", True),  # the article between two words of one name
        ("Abdullah", "عبد الله", True),
        ("Abdulla", "عبد الله", True),  # a final he left out
        ("Rached Ghannouchi", "راشد الغنوشي", True),  # French ch for ش, ou for و
        ("Mohammad Bagher Qalibaf", "محمد باقر قالیباف", True),  # Persian letters
        ("Mohammad Bagher Ghalibaf", "محمد باقر قالیباف", True),  # gh for ق
        ("Mahmoud Ahmadinejad", "محمود احمدی‌نژاد", True),  # a zero-width non-joiner inside one word
        ("Hodeidah", "الحديدة", True),  # ta marbuta written ah
        ("Tehran", "تهران", True),
        ("Kirkuk", "كركوك", True),
        ("Hamas", "حماس", True),
        # names the script keeps apart stay apart: a long vowel the other lacks, a letter more
        ("Hussein Dakhil", "حسن دخيل", False),  # Hussein is حسين
        ("Hassan Dakhil", "حسين دخيل", False),
        ("Mahmoud", "محمد", False),
        ("Mohammed", "محمود", False),
        ("Omar Moussa", "عمرو موسى", False),  # Amr
        ("Homs", "حماس", False),  # Homs is حمص: a long a is written
        ("Ahmed", "محمد", False),
        ("", "حسن", False),
        # Hebrew: ו and י write long vowels, ב כ פ read hard or soft, a geresh marks ch, the article ה optional
        ("Avigdor Lieberman", "אביגדור ליברמן", True),
        ("Bezalel Smotrich", "בצלאל סמוטריץ'", True),
        ("Bezalel Smotrich", "בצלאל סמוטריץ׳", True),  # the Hebrew geresh
        ("Itamar Ben-Gvir", "איתמר בן גביר", True),
        ("Yoav Gallant", "יואב גלנט", True),
        ("Likud", "הליכוד", True),
        ("Herzi Halevi", "הרצי הלוי", True),
        ("Beersheba", "באר שבע", True),
        ("Haifa", "חיפה", True),
        ("Yariv Levi", "יריב לוין", False),  # Levin
        ("Varshava", "באר שבע", False),  # a word's first ב is b
        ("Barsobia", "באר שבע", False),  # one vowel at most after a word's last ע
    ],
)
def test_latin_spelling_reads_as_the_letters_of_arabic_or_hebrew_script(latin, arabic, reads):
    folded = " ".join(make_name_form(latin, "PER").tokens) if latin else ""
    assert reads_as(folded, abjad_letters(arabic)) is reads


@pytest.mark.parametrize(
    ("text", "letters"),
    [
        ("محمود احمدی‌نژاد", "محمود احمدینژاد"),  # the non-joiner joins one word
        ("مُحَمَّد", "محمد"),  # vowel signs and the shadda go
        ("حسن (نصر الله)", "حسن نصر الله"),
        ("בְּצַלְאֵל סְמוֹטְרִיץ׳", "בצלאל סמוטריץ'"),  # the points go, the geresh stays with its letter
        ("Hassan Nasrallah", ""),
        ("Алексей Навальный", ""),
        ("", ""),
    ],
)
def test_abjad_letters_keep_the_letters_of_arabic_script_only(text, letters):
    assert abjad_letters(text) == letters


@pytest.mark.parametrize(
    ("latin_tokens", "arabic"),
    [
        (("muqtada", "al", "sadr"), "مقتدى الصدر"),
        (("hezbollah",), "حزب الله"),
        (("abdul", "malik", "al", "houthi"), "عبد الملك الحوثي"),
        (("rached", "ghannouchi"), "راشد الغنوشي"),
        (("ali", "larijani"), "علی لاریجانی"),  # ʿayn and long vowels are no consonant class
        (("avigdor", "lieberman"), "אביגדור ליברמן"),  # ב read soft: v
        (("bezalel", "smotrich"), "בצלאל סמוטריץ'"),
        (("likud",), "הליכוד"),  # the article left out
        (("herzi", "halevi"), "הרצי הלוי"),
    ],
)
def test_latin_and_abjad_spellings_share_a_block(latin_tokens, arabic):
    assert latin_block(latin_tokens) in abjad_blocks(abjad_letters(arabic))


@pytest.mark.parametrize(
    ("text", "latin"),
    [("Muqtada al-Ṣadr", True), ("Zoë Šimić", True), ("Муктада", False), ("مقتدى", False), ("Kim 金", False)],
)
def test_is_latin_text(text, latin):
    assert is_latin_text(text) is latin


@pytest.mark.parametrize(
    ("a", "b", "entity_type", "linked"),
    [
        ("Muqtada al-Sadr", "مقتدى الصدر", "PER", True),
        ("مقتدى الصدر", "Moqtada Sadr", "PER", True),
        ("Tehran", "تهران", "LOC", True),
        ("Hamas", "حماس", "ORG", True),
        ("Hussein Dakhil", "حسن دخيل", "PER", False),
        ("Tehran", "تهران", "ORG", True),  # the type gate is the comparison's own: same type, read alike
        ("Муктада Садр", "مقتدى الصدر", "PER", False),  # only a Latin spelling is read against the letters
    ],
)
def test_names_compare_across_scripts(a, b, entity_type, linked):
    assert links(a, b, entity_type) is linked


def test_an_arabic_spelling_joins_the_latin_entity_seen_before_or_after_it():
    forms = [("Rached Ghannouchi", "PER"), ("راشد الغنوشي", "PER"), ("كركوك", "LOC"), ("Kirkuk", "LOC"),
             ("Hussein Dakhil", "PER"), ("حسن دخيل", "PER")]
    sightings = [Sighting(make_name_form(text, kind), text, text, 1, first_seen=i) for i, (text, kind) in enumerate(forms)]
    links_, _ = cluster_sightings(sightings)
    ids = [link.entity_id for link in links_]
    assert ids[0] == ids[1] and links_[1].method == "fuzzy_key"
    assert ids[2] == ids[3]  # the Latin spelling came second: it looks among the names in Arabic script
    assert ids[4] != ids[5]


def test_a_one_word_spelling_joins_the_entity_it_reads_as_in_two_words():
    names = ["באר שבע", "Beersheba", "Ashdod", "حسن دخيل", "Hassandakhil", "Husseindakhil"]
    resolved = reconcile_names(pl.DataFrame({"name": names, "type": ["LOC", "LOC", "LOC", "PER", "PER", "PER"]}))
    ids = resolved["entity_id"].to_list()
    assert ids[0] == ids[1] != ids[2]
    assert ids[5] != ids[3]


def test_an_arabic_spelling_finds_its_listed_latin_entity():
    resolved = reconcile_names(pl.DataFrame({"name": ["مقتدى الصدر", "Muqtada al-Sadr"], "type": ["PER", "PER"]}))
    ids = resolved["entity_id"].to_list()
    assert ids[0] == ids[1]


_LATIN_WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=12)


@given(st.lists(_LATIN_WORDS, min_size=1, max_size=4))
def test_a_latin_name_never_reads_as_an_empty_or_latin_one(words):
    latin = " ".join(words)
    assert not reads_as(latin, abjad_letters(latin))
    assert len(latin_block(tuple(words))) in (0, 2)
