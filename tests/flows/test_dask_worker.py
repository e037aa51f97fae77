"""The pieces of a Dask run that need no cluster: batch sizes, the per-worker model cache, batches as one value."""

from __future__ import annotations

import pickle

import pytest

import flows.dask_cluster as dask_cluster
from flows.dask_address import DaskClusterError
from flows.dask_cluster import MIN_BATCH, Batch, RegistryRuler, load_worker_model, pick_batch_size

IRAQ = [{"label": "GPE", "pattern": "Iraq", "id": "Q796"}]
GENEVA = [{"label": "GPE", "pattern": "Geneva", "id": "Q71"}]


@pytest.mark.parametrize(
    ("items", "threads", "most", "expected"),
    [
        (200, 2, 2000, 50),  # two batches per worker thread
        (201, 2, 2000, 51),
        (10, 2, 2000, MIN_BATCH),  # never fewer articles than MIN_BATCH per task
        (1, 2, 2000, MIN_BATCH),
        (1_000_000, 2, 2000, 2000),  # never more than the local batch
        (100, 0, 2000, 100),  # a cluster without threads yet counts as one thread
    ],
)
def test_pick_batch_size_spreads_work_over_the_cluster_within_bounds(items, threads, most, expected):
    assert pick_batch_size(items, threads, most) == expected


@pytest.mark.parametrize("items", [0, 1, 7, 200, 4001])
@pytest.mark.parametrize("threads", [1, 2, 16])
def test_pick_batch_size_gives_at_most_two_tasks_per_thread_until_batches_are_full(items, threads):
    size = pick_batch_size(items, threads, most=2000)
    tasks = -(-items // size)
    assert tasks <= max(2 * threads, -(-items // 2000))


def test_batch_is_one_value_that_round_trips():
    batch = Batch([("a", 1), ("b", 2)])
    again = pickle.loads(pickle.dumps(batch))
    assert list(again) == [("a", 1), ("b", 2)] and len(again) == 2


def test_batch_is_not_walked_by_prefect():
    from prefect.utilities.collections import visit_collection

    seen = []
    batch = Batch([("a", 1)])
    result = visit_collection({"requests": batch}, lambda expr: seen.append(expr) or expr, return_data=True)
    assert result["requests"] is batch
    assert ("a", 1) not in seen


@pytest.fixture
def fake_model(monkeypatch):
    """A blank English pipeline with an (untrained) ner, counting how often the model is asked for and ruled."""
    import spacy

    import newsfold.analyse.model
    import newsfold.analyse.ruler

    nlp = spacy.blank("en")
    nlp.add_pipe("ner")
    calls = {"load": 0, "ruler": 0}

    def load_model():
        calls["load"] += 1
        return nlp

    real_add = newsfold.analyse.ruler.add_registry_ruler

    def add_registry_ruler(*args, **kwargs):
        calls["ruler"] += 1
        return real_add(*args, **kwargs)

    monkeypatch.setattr(newsfold.analyse.model, "load_model", load_model)
    monkeypatch.setattr(newsfold.analyse.ruler, "add_registry_ruler", add_registry_ruler)
    monkeypatch.setattr(dask_cluster, "_PATTERNS", {})
    monkeypatch.setattr(dask_cluster, "_LOADED", {})
    return nlp, calls


def ruled_names(nlp, text: str = "Talks in Geneva, not Iraq.") -> list[str]:
    """The names the worker's ruler alone sets in ``text`` (the blank ner is left out)."""
    from newsfold.analyse.ruler import RULER_NAME

    return [ent.text for ent in nlp.get_pipe(RULER_NAME)(nlp.make_doc(text)).ents]


def test_worker_model_gets_its_ruler_once_per_process(fake_model):
    from newsfold.analyse.ruler import RULER_NAME

    nlp, calls = fake_model
    plugin = RegistryRuler(IRAQ)
    plugin.setup(worker=None)
    for _ in range(3):  # three batches on one worker
        assert load_worker_model(plugin.digest) is nlp
    assert calls["ruler"] == 1
    assert nlp.pipe_names == [RULER_NAME, "ner"]
    assert ruled_names(nlp) == ["Iraq"]


def test_worker_model_swaps_the_ruler_for_another_pattern_set(fake_model):
    """A long-lived worker serving a run of another version: its patterns, not the last run's."""
    from newsfold.analyse.ruler import RULER_NAME

    nlp, calls = fake_model
    first, second = RegistryRuler(IRAQ), RegistryRuler(GENEVA)
    first.setup(worker=None)
    second.setup(worker=None)
    load_worker_model(first.digest)
    load_worker_model(second.digest)
    assert calls["ruler"] == 2 and nlp.pipe_names.count(RULER_NAME) == 1
    assert ruled_names(nlp) == ["Geneva"]


def test_worker_model_without_its_patterns_is_an_error(fake_model):
    with pytest.raises(DaskClusterError, match="never received the registry patterns"):
        load_worker_model(RegistryRuler(IRAQ).digest)


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [(IRAQ, IRAQ, True), (IRAQ, [dict(reversed(IRAQ[0].items()))], True), (IRAQ, GENEVA, False), (IRAQ, IRAQ + GENEVA, False)],
)
def test_registry_ruler_names_a_pattern_set_by_its_content(first, second, same):
    assert (RegistryRuler(first).name == RegistryRuler(second).name) is same
