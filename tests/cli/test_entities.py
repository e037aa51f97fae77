"""``newsfold entities``, in-process (``evaluate names``: test_evaluate_names.py)."""

from __future__ import annotations

import json

import polars as pl
import pytest
from click.testing import CliRunner

from flows.cli import main
from newsfold.names.resolve import resolve_entities


def _invoke(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ["entities", "Qasim Suleimani"],
            ["Qasim Suleimani  ->  Qasem Soleimani  (Q1149393, PER)", "rule: registry_alias"],
        ),
        (["entities", "explain", "Ghasem Soleymani", "--type", "PERSON"], ["Qasem Soleimani", "rule: registry_key"]),
        (["entities", "Kim Jong Un", "--type", "PER"], ["Kim Jong Il", "vetoed: name part differs"]),
        (["entities", "Americans"], ["United States", "registry_demonym"]),
        (["entities", "explain", "resolve"], ["resolve  ->  resolve", "exact_key"]),  # a name that is also a subcommand
        (
            ["entities", "explain", "Springfield", "--type", "GPE"],
            ["place (the name alone): Springfield (populated_place, US, US-MO)", "runner-up: Springfield (populated_place, US, US-IL)"],
        ),
        (["entities", "Baghdad"], ["place (the name alone): Baghdad (populated_place, IQ, IQ-BG)", "national capital"]),
    ],
)
def test_entities_explains_a_name(args, expected):
    result = _invoke(*args)
    assert result.exit_code == 0, result.output
    for text in expected:
        assert text in result.output


def test_entities_explain_json():
    result = _invoke("entities", "Mr. Trump", "--type", "PER", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert (data["entity_id"], data["method"]) == ("Q22686", "corpus_context")


def test_entities_explain_with_out_reads_observed_aliases(tmp_path):
    mentions = pl.DataFrame(
        {
            "doc_id": ["doc_1", "doc_2"],
            "mention_id": ["men_1", "men_2"],
            "sentence_index": [0, 0],
            "start": [0, 0],
            "end": [12, 12],
            "text": ["Ahmad Vahidi", "Ahmed Vahidi"],
            "label": ["PERSON", "PERSON"],
        }
    )
    documents = pl.DataFrame(
        {"doc_id": ["doc_1", "doc_2"], "published_date": [None, None]},
        schema={"doc_id": pl.String, "published_date": pl.Date},
    )
    entities = resolve_entities(mentions, documents).entities
    (tmp_path / "entities").mkdir()
    entities.write_parquet(tmp_path / "entities" / "part-0.parquet")
    result = _invoke("entities", "Ahmed Vahidi", "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert "observed in the dataset" in result.output


def test_entities_resolve_writes_csv(tmp_path):
    source = tmp_path / "names.csv"
    source.write_text(
        "name,type\nQasem Soleimani,PER\nQassem Suleimani,PERSON\nIRGC,ORG\nBaghdad,GPE\n", encoding="utf-8"
    )
    out = tmp_path / "out.csv"
    result = _invoke("entities", "resolve", str(source), "-o", str(out))
    assert result.exit_code == 0, result.output
    frame = pl.read_csv(out)
    assert frame.columns == ["name", "type", "entity_id", "canonical_name", "method", "score"]
    assert frame["entity_id"].to_list()[:2] == ["Q1149393", "Q1149393"]
    assert frame["canonical_name"].to_list()[2:] == ["Islamic Revolutionary Guard Corps", "Baghdad"]


def test_entities_resolve_to_stdout_with_curation(tmp_path):
    source = tmp_path / "names.csv"
    source.write_text("name,type\nQasem Soleimani,PER\n", encoding="utf-8")
    curation = tmp_path / "curation.yml"
    curation.write_text("rename:\n  - entity: Q1149393\n    canonical_name: Haj Qasem\n", encoding="utf-8")
    result = _invoke("entities", "resolve", str(source), "--curation", str(curation))
    assert result.exit_code == 0, result.output
    assert "Haj Qasem" in result.output


@pytest.mark.parametrize(
    ("content", "message"),
    [("who,type\nx,PER\n", "needs a 'name' column"), (None, "does not exist")],
)
def test_entities_resolve_bad_input_is_a_clean_error(tmp_path, content, message):
    source = tmp_path / "names.csv"
    if content is not None:
        source.write_text(content, encoding="utf-8")
    result = _invoke("entities", "resolve", str(source))
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output


def test_entities_bad_curation_is_a_clean_error(tmp_path):
    curation = tmp_path / "bad.yml"
    curation.write_text("merge:\n  - into: Q1\n", encoding="utf-8")
    result = _invoke("entities", "Iran", "--curation", str(curation))
    assert result.exit_code == 1
    assert "bad.yml:2: a merge needs names or entities" in result.output


@pytest.mark.parametrize(
    "args",
    [
        ["entities", "--help"],
        ["entities", "explain", "--help"],
        ["entities", "resolve", "--help"],
        ["evaluate", "names", "--help"],
    ],
)
def test_entities_commands_have_help_with_example(args):
    result = _invoke(*args)
    assert result.exit_code == 0
    assert "Example" in result.output
