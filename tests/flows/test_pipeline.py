"""End to end: the seed articles through the real flow, checked against every contract."""

from __future__ import annotations

import datetime as dt
import re
import shutil

import duckdb
import polars as pl
import pytest

from flows.pipeline import newsfold_flow
from newsfold.load import read_table, read_tables
from newsfold.validate import find_violations
from schemas import TABLES

pytestmark = pytest.mark.integration

SOLEIMANI = re.compile(r"Sol?e?imani|Suleimani|Sulaimani")


@pytest.fixture(scope="module")
def seed_run(prefect_api, tmp_path_factory):
    from tests.conftest import SEEDS

    root = tmp_path_factory.mktemp("seed-run")
    raw = root / "raw"
    shutil.copytree(SEEDS, raw)
    summary = newsfold_flow(raw=str(raw), out=str(root / "output"), workers=1)
    return root, summary


def test_pipeline_writes_every_table_and_they_validate(seed_run):
    root, summary = seed_run
    tables = read_tables(root / "output")
    assert set(tables) == set(TABLES)
    assert summary["committed"] and summary["rows"]["documents"] == 2
    assert tables["documents"].height == 2 and tables["mentions"].height > 20
    assert find_violations(tables) == []
    assert summary["rejects"] == 0


def test_pipeline_reads_the_seed_header(seed_run):
    documents = read_table("documents", seed_run[0] / "output")
    translated = documents.filter(pl.col("source_path").str.starts_with("002_")).row(0, named=True)
    assert translated["published_date"] == dt.date(2020, 12, 24)
    assert translated["published_date_source"] == "header"
    assert translated["dateline"] == "Washington"
    assert translated["text"].startswith("US President Donald Trump")


def test_pipeline_gives_soleimani_one_id_across_spellings(seed_run):
    mentions = read_table("mentions", seed_run[0] / "output")
    entities = read_table("entities", seed_run[0] / "output")
    soleimani = mentions.filter(pl.col("text").str.contains(SOLEIMANI.pattern))
    assert set(soleimani["text"]) >= {"Qasem Soleimani", "Qasim Suleimani", "Sulaimani"}
    assert soleimani["entity_id"].n_unique() == 1
    assert soleimani["doc_id"].n_unique() == 2
    name = entities.filter(pl.col("entity_id") == soleimani["entity_id"][0])["canonical_name"].item()
    assert name == "Qasem Soleimani"


def test_pipeline_gives_trump_one_id(seed_run):
    mentions = read_table("mentions", seed_run[0] / "output")
    trump = mentions.filter(pl.col("text").str.contains("Trump"))
    assert trump["doc_id"].n_unique() == 2
    assert trump["entity_id"].n_unique() == 1


def test_pipeline_output_reads_in_duckdb_through_the_table_links(seed_run):
    out = seed_run[0] / "output"
    rows = duckdb.sql(
        f"SELECT entity_id, list(DISTINCT text ORDER BY text) AS spellings "
        f"FROM read_parquet('{out}/mentions/*.parquet') "
        f"WHERE regexp_matches(text, '{SOLEIMANI.pattern}') GROUP BY entity_id"
    ).fetchall()
    assert len(rows) == 1
    assert {"Qasem Soleimani", "Qasim Suleimani"} <= set(rows[0][1])


def test_pipeline_rerun_with_nothing_new_writes_nothing(seed_run):
    root, _ = seed_run
    def files() -> list[tuple[str, int]]:  # every file of every table, the Delta logs and the pointer included
        return sorted((str(p), p.stat().st_mtime_ns) for p in (root / "output").rglob("*") if p.is_file())

    before = files()
    summary = newsfold_flow(raw=str(root / "raw"), out=str(root / "output"), workers=1)
    assert summary["committed"] is False
    assert summary["inputs"]["unchanged"] == 2 and summary["inputs"]["new"] == 0
    assert files() == before


@pytest.mark.parametrize("change", [None, "add", "edit", "remove"])
def test_find_unchanged_agrees_with_the_flow_without_prefect(seed_run, tmp_path, change):
    """The CLI's pre-check says "nothing new" exactly when the flow's plan would."""
    import datetime as dt

    from newsfold.noop import check_inputs

    root, first = seed_run
    raw = tmp_path / "raw"
    shutil.copytree(root / "raw", raw)
    names = sorted(p.name for p in raw.iterdir())
    if change == "add":
        (raw / "003_new.txt").write_text("A new article about Iraq.\n", "utf-8")
    elif change == "edit":
        (raw / names[0]).write_text((raw / names[0]).read_text("utf-8") + "\nOne more line.\n", "utf-8")
    elif change == "remove":
        (raw / names[0]).unlink()
    now = dt.datetime.now(dt.timezone.utc)
    summary = check_inputs(raw, root / "output", run_id="run_check", started_at=now).unchanged
    if change is None:
        assert summary is not None and summary.committed is False
        assert summary.inputs["unchanged"] == 2 and summary.inputs["new"] == 0
        assert summary.rows["documents"] == first["rows"]["documents"] == 2
    else:
        assert summary is None


@pytest.mark.parametrize(
    ("change", "expected"),
    [(None, "nothing"), ("add", "the new file"), ("edit", "the edited file"), ("no dataset", "every file")],
)
def test_check_inputs_counts_the_bytes_a_run_would_read(seed_run, tmp_path, change, expected):
    from newsfold.noop import check_inputs

    root, _ = seed_run
    raw = tmp_path / "raw"
    shutil.copytree(root / "raw", raw)
    first = sorted(raw.iterdir())[0]
    out = tmp_path / "no-dataset" if change == "no dataset" else root / "output"
    if change == "add":
        (raw / "003_new.txt").write_text("A new article about Iraq.\n", "utf-8")
    elif change == "edit":
        first.write_text(first.read_text("utf-8") + "\nOne more line.\n", "utf-8")
    check = check_inputs(raw, out, run_id="run_check", started_at=dt.datetime.now(dt.timezone.utc))
    sizes = {
        "nothing": 0,
        "the new file": (raw / "003_new.txt").stat().st_size if change == "add" else None,
        "the edited file": first.stat().st_size,
        "every file": sum(p.stat().st_size for p in raw.iterdir()),
    }
    assert check.bytes_to_read == sizes[expected]
    assert (check.unchanged is not None) is (change is None)


def test_pipeline_takes_the_workers_started_early_and_stops_the_rest(seed_run, tmp_path, monkeypatch):
    """Workers started while Prefect's server starts are the ones the flow analyses with; unused ones stop."""
    import flows.pipeline as pipeline
    from newsfold.analyse import AnalysisPool

    started: list[AnalysisPool] = []
    real_start = AnalysisPool.start

    def recording_start(pool):
        started.append(pool)
        return real_start(pool)

    monkeypatch.setattr(AnalysisPool, "start", recording_start)
    root, first = seed_run
    with pipeline.analysis_started_early(2, 1_000_000, bytes_to_read=10**9):
        (pool,) = started
        assert pool._executor is not None  # workers spawned before any article was read
        summary = newsfold_flow(raw=str(root / "raw"), out=str(tmp_path / "early"), workers=2)
        assert pipeline._EARLY_POOLS == {}  # taken by the flow
    assert pool._executor is None  # and shut down with the analysis
    assert summary["rows"] == first["rows"]
    with pipeline.analysis_started_early(2, 1_000_000, bytes_to_read=10**9):
        (_, unused) = started
    assert unused._executor is None and pipeline._EARLY_POOLS == {}
    with pipeline.analysis_started_early(2, 1_000_000, bytes_to_read=10):
        pass
    assert len(started) == 2  # too little to read: no workers


def test_pipeline_with_much_to_read_builds_the_gazetteer_from_its_start(seed_run, tmp_path, monkeypatch):
    """A large run's gazetteer is built from the flow's start, not after the parse at the run's peak."""
    import flows.pipeline as pipeline
    import newsfold.geo.gazetteer as gazetteer

    started, started_before_the_analysis = [], []
    real_start, real_analyse_all = gazetteer._ChildBuild.start, pipeline._analyse_all

    def recording_start(directory):
        started.append(real_start(directory))
        return started[-1]

    def recording_analyse_all(*args, **kwargs):
        started_before_the_analysis.append(len(started))
        return real_analyse_all(*args, **kwargs)

    monkeypatch.setattr(gazetteer._ChildBuild, "start", recording_start)
    monkeypatch.setattr(pipeline, "_analyse_all", recording_analyse_all)
    monkeypatch.setattr(pipeline, "OVERLAP_RESOLVER_MAX_BYTES", 0)  # the seed articles count as much to read
    root, first = seed_run
    gazetteer.load_gazetteer.cache_clear()
    try:
        summary = newsfold_flow(raw=str(root / "raw"), out=str(tmp_path / "large"), workers=1)
    finally:
        gazetteer.load_gazetteer.cache_clear()
    assert started_before_the_analysis == [1]
    assert len(started) == 1 and not gazetteer._EARLY_BUILDS  # one child, taken by the resolver
    assert started[0].process.returncode == 0
    assert summary["rows"] == first["rows"]


def test_pipeline_is_deterministic_across_fresh_runs(seed_run, tmp_path):
    root, _ = seed_run
    newsfold_flow(raw=str(root / "raw"), out=str(tmp_path / "again"), workers=1)
    first, second = read_tables(root / "output"), read_tables(tmp_path / "again")
    for name in TABLES:
        if name == "runs":
            continue
        drop = [c for c in ("run_id",) if c in first[name].columns]
        assert first[name].drop(drop).equals(second[name].drop(drop)), name


def test_pipeline_attributes_the_seed_quotes(seed_run):
    out = seed_run[0] / "output"
    quotes = read_table("quotes", out).join(
        read_table("documents", out).select("doc_id", "source_path"), on="doc_id"
    )
    trump = quotes.filter(pl.col("speaker_name") == "Donald Trump")
    assert trump["doc_id"].n_unique() == 2, "Trump is quoted in both seeds"
    assert set(trump["medium"]) == {"tweet"}
    assert trump["speaker_entity_id"].n_unique() == 1
    assert trump["quote_cluster_id"].n_unique() == 1, "the tweet and its translated paraphrase share a cluster"
    by_pronoun = trump.filter(pl.col("speaker_method") == "pronoun")
    assert by_pronoun["text"].str.contains("If one American is killed").any()
    embassy = quotes.filter(pl.col("speaker_method") == "embed").row(0, named=True)
    assert embassy["speaker_name"] == "U.S. Embassy Baghdad" and embassy["speaker_entity_id"] is not None
    unattributed = quotes.filter(pl.col("text").str.contains("militias supported by Iran")).row(0, named=True)
    assert unattributed["speaker_name"] is None and unattributed["speaker_entity_id"] is None


@pytest.mark.parametrize(
    ("seed", "text", "value"),
    [
        ("000_", "Sunday", "2020-12-20"),
        ("000_", "Wednesday", "2020-12-23"),
        ("000_", "January 3, 2020", "2020-01-03"),
        ("002_", "Sunday", "2020-12-20"),
        ("002_", "Wednesday", "2020-12-23"),
    ],
)
def test_pipeline_resolves_the_seed_dates(seed_run, seed, text, value):
    out = seed_run[0] / "output"
    dates = read_table("dates", out).join(read_table("documents", out).select("doc_id", "source_path"), on="doc_id")
    values = dates.filter(pl.col("source_path").str.starts_with(seed) & (pl.col("text") == text))["value"]
    assert values.len() >= 1 and set(values) == {value}


@pytest.mark.parametrize(
    ("text", "value", "approximate"),
    [("eight rockets", 8.0, False), ("over 100 soldiers", 100.0, True), ("Three rockets", 3.0, False),
     ("over a dozen missiles", 12.0, True)],
)
def test_pipeline_reads_the_seed_amounts(seed_run, text, value, approximate):
    amounts = read_table("amounts", seed_run[0] / "output").filter(pl.col("text") == text)
    assert amounts.height >= 1
    assert set(amounts["value"]) == {value} and set(amounts["approximate"]) == {approximate}


def test_pipeline_turns_bad_input_into_rejects_and_goes_on(prefect_api, seed_raw, tmp_path):
    import gzip
    import json
    import os

    (seed_raw / "empty.txt").write_bytes(b"")
    (seed_raw / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (seed_raw / "big.txt").write_text("Iran. " * 5000, encoding="utf-8")
    good = json.dumps({"text": "Mike Pompeo met Iraqi leaders in Baghdad.", "title": "Pompeo"})
    (seed_raw / "feed.jsonl").write_text(good + "\n{broken\n", encoding="utf-8")
    (seed_raw / "cut.txt.gz").write_bytes(gzip.compress(b"Iran fired rockets at the embassy." * 50)[:40])
    (tmp_path / "secret.txt").write_text("outside the tree", encoding="utf-8")
    os.symlink(tmp_path / "secret.txt", seed_raw / "escape.txt")
    (seed_raw / "latin1.txt").write_bytes("Sterling fell to \xa31 in Z\xfcrich.".encode("latin-1"))

    summary = newsfold_flow(raw=str(seed_raw), out=str(tmp_path / "output"), workers=1, max_bytes=20_000)
    tables = read_tables(tmp_path / "output")
    rejects = {(r["source_path"], r["error_code"]) for r in tables["rejects"].iter_rows(named=True)}
    assert rejects == {
        ("empty.txt", "NF101"),
        ("binary.txt", "NF102"),
        ("big.txt", "NF104"),
        ("cut.txt.gz", "NF105"),
        ("feed.jsonl", "NF106"),
        ("escape.txt", "NF108"),
    }
    assert all(tables["rejects"]["message"].str.len_chars() > 10)
    assert summary["rejects"] == 6
    paths = set(tables["documents"]["source_path"])
    assert paths == {"000_0cd97af376677bf2.txt", "002_4b3768ad33080d60.txt", "feed.jsonl", "latin1.txt"}
    latin = tables["documents"].filter(pl.col("source_path") == "latin1.txt").row(0, named=True)
    assert latin["text"] == "Sterling fell to £1 in Zürich." and latin["encoding"] == "cp1252"
    assert find_violations(tables) == []


def test_pipeline_obeys_a_curation_file_on_the_next_run(prefect_api, seed_raw, tmp_path):
    out = tmp_path / "output"
    newsfold_flow(raw=str(seed_raw), out=str(out), workers=1)
    curation = tmp_path / "curation.yml"
    curation.write_text(
        "rename:\n  - entity: Q1149393\n    canonical_name: Qassem Soleimani\n"
        "split:\n  - name: Sulaimani\n",
        encoding="utf-8",
    )
    summary = newsfold_flow(raw=str(seed_raw), out=str(out), workers=1, curation=str(curation))
    assert summary["committed"] and summary["inputs"]["unchanged"] == 2
    entities = read_table("entities", out)
    assert entities.filter(pl.col("entity_id") == "Q1149393")["canonical_name"].item() == "Qassem Soleimani"
    mentions = read_table("mentions", out)
    split = mentions.filter(pl.col("text") == "Sulaimani")
    assert split.height >= 1 and "Q1149393" not in set(split["entity_id"])
    assert set(split["resolution"]) == {"curated_split"}
    assert find_violations(read_tables(out)) == []
    again = newsfold_flow(raw=str(seed_raw), out=str(out), workers=1, curation=str(curation))
    assert again["committed"] is False
