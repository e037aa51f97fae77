"""After a large run's resolution, what the resolver loaded is forgotten (newsfold.resolve.release_resolver_data)."""

from __future__ import annotations

import gc

import polars as pl
import pytest

from newsfold.names.fold import make_part_key
from newsfold.resolve import release_resolver_data


@pytest.mark.parametrize("token", ["Soleimani", "Sulaimani", "Пушкин"])
def test_release_forgets_the_name_caches_and_keeps_their_answers(token):
    # A cleared memo answers the same when asked again: releasing changes memory, never a result.
    before = make_part_key(token)
    assert make_part_key.cache_info().currsize >= 1
    assert release_resolver_data() >= 1
    assert make_part_key.cache_info().currsize == 0
    assert make_part_key(token) == before


def test_release_makes_frozen_objects_collectable_again():
    # load_registry freezes its objects out of the collector's sight; after the release none is left frozen.
    gc.freeze()
    assert gc.get_freeze_count() > 0
    release_resolver_data()
    assert gc.get_freeze_count() == 0


def test_linking_with_the_loaded_data_released_between_steps_gives_the_same_tables(report_dataset):
    # A large run frees the name data once names are resolved and the gazetteer once places are;
    # whatever a later step needs it loads again, so the rows are the same.
    from newsfold.incremental import PER_DOCUMENT_TABLES
    from newsfold.resolve import link_dataset
    from newsfold.store import current_snapshot

    snapshot = current_snapshot(report_dataset)
    tables = {name: snapshot.read_table(name) for name in PER_DOCUMENT_TABLES}
    kept = link_dataset(tables)
    released = link_dataset(tables, release=True)
    assert kept["entities"].height > 0 and kept["mentions"]["entity_id"].drop_nulls().len() > 0
    for name in ("documents", "mentions", "quotes", "entities", "stories"):
        assert released[name].equals(kept[name]), name


def test_linking_builds_the_registry_once_even_when_released_between_steps(report_dataset, monkeypatch):
    # Placing entities needs only the registry's entries and the datelines' links (taken before the
    # release): it never builds the name indexes again (about 265 MB and 12 s at 50 MB of text).
    import newsfold.names.registry as registry
    from newsfold.incremental import PER_DOCUMENT_TABLES
    from newsfold.resolve import link_dataset
    from newsfold.store import current_snapshot

    snapshot = current_snapshot(report_dataset)
    tables = {name: snapshot.read_table(name) for name in PER_DOCUMENT_TABLES}
    assert tables["documents"]["dateline"].drop_nulls().len() > 0  # datelines to link
    builds = []
    index_entries = registry._index_entries
    monkeypatch.setattr(registry, "_index_entries", lambda *args: builds.append(1) or index_entries(*args))
    release_resolver_data()  # nothing loaded before
    link_dataset(tables, release=True)
    assert len(builds) == 1


def test_the_resolver_imports_scikit_learn_only_when_it_builds_stories():
    # A large run's peak is in resolve_entities: scikit-learn's 60 MB arrive after it, with the stories.
    import subprocess
    import sys

    script = "import sys, newsfold.resolve; print('sklearn' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_release_keeps_what_it_is_asked_to_keep():
    from newsfold.geo.gazetteer import load_gazetteer

    make_part_key("Soleimani")
    gazetteer = load_gazetteer()
    release_resolver_data(keep=(load_gazetteer,))
    assert make_part_key.cache_info().currsize == 0
    assert load_gazetteer.cache_info().currsize == 1 and load_gazetteer() is gazetteer


def test_a_gazetteer_loaded_before_resolution_is_not_built_again_for_geocoding(report_dataset, monkeypatch):
    # A run with little new text loads the gazetteer while its workers parse; releasing the name data
    # after resolution must not send geocoding to build it again (about 8 s), whatever the dataset's size.
    import newsfold.geo.gazetteer as gazetteer_module
    from newsfold.incremental import PER_DOCUMENT_TABLES
    from newsfold.resolve import link_dataset
    from newsfold.store import current_snapshot

    snapshot = current_snapshot(report_dataset)
    tables = {name: snapshot.read_table(name) for name in PER_DOCUMENT_TABLES}
    gazetteer_module.load_gazetteer()
    builds = []
    start, build = gazetteer_module._ChildBuild.start, gazetteer_module.build_gazetteer
    monkeypatch.setattr(gazetteer_module._ChildBuild, "start", lambda directory: builds.append("child") or start(directory))
    monkeypatch.setattr(gazetteer_module, "build_gazetteer", lambda: builds.append("here") or build())
    linked = link_dataset(tables, release=True)
    assert builds == []
    assert linked["entities"].filter(pl.col("latitude").is_not_null()).height > 0
