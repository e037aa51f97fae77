"""Reading and checking curation files."""

from __future__ import annotations

import pytest

from newsfold.errors import InputError
from newsfold.names.curation import MergeRule, RenameRule, SplitRule, load_curation

VALID = """\
# analyst corrections
merge:
  - into: Q1149393
    names: [Haj Qasem, Sardar Soleimani]
  - into: Qasem Soleimani
    entities: [ent_0123456789abcdef]
split:
  - name: Soleimani
    type: GPE
rename:
  - entity: Q30
    canonical_name: United States of America
never_merge:
  - [Mohammed bin Salman, Mohammed bin Sultan]
"""


def test_load_curation_reads_every_section(tmp_path):
    path = tmp_path / "curation.yml"
    path.write_text(VALID, encoding="utf-8")
    curation = load_curation(path)
    assert curation.merges == (
        MergeRule("Q1149393", ("Haj Qasem", "Sardar Soleimani"), (), 3),
        MergeRule("Qasem Soleimani", (), ("ent_0123456789abcdef",), 5),
    )
    assert curation.splits == (SplitRule("Soleimani", "LOC", 8),)
    assert curation.renames == (RenameRule("Q30", "United States of America", 11),)
    assert curation.never_merge == (("Mohammed bin Salman", "Mohammed bin Sultan"),)
    assert curation.source == str(path)


@pytest.mark.parametrize("text", ["", "# nothing yet\n", "merge: []\n"])
def test_load_curation_accepts_empty_files(tmp_path, text):
    path = tmp_path / "c.yml"
    path.write_text(text, encoding="utf-8")
    assert load_curation(path).merges == ()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("merges:\n  - into: Q1\n", ":1: unknown section 'merges'"),
        ("merge:\n  - into: Q1\n", ":2: a merge needs names or entities"),
        ("merge:\n  - names: [a]\n", ":2: missing field(s) into"),
        ("merge:\n  - into: Q1\n    entities: [Soleimani]\n", ":2: 'Soleimani' is not an entity id"),
        ("split:\n  - name: x\n  - nme: y\n", ":3: unknown field(s) nme"),
        ("split:\n  - name: x\n    type: PLANET\n", ":2: type must be one of"),
        ("rename:\n  - entity: Q1\n", ":2: missing field(s) canonical_name"),
        ("never_merge:\n  - [a, b, c]\n", ":2: never_merge entries are pairs"),
        ("merge: {into: Q1}\n", ":1: expected a list of rules"),
        ("- a\n- b\n", ":1: expected sections"),
        ("merge: [\n", "not valid YAML"),
    ],
)
def test_load_curation_names_file_and_line_of_bad_input(tmp_path, text, message):
    path = tmp_path / "bad.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as error:
        load_curation(path)
    assert str(path) in str(error.value)
    assert message in str(error.value)


def test_load_curation_missing_file_is_input_error(tmp_path):
    with pytest.raises(InputError, match="cannot read"):
        load_curation(tmp_path / "nope.yml")
