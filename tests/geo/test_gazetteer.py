"""The offline gazetteer built from installed GeoNames-derived packages."""

from __future__ import annotations

import contextlib
import math
import re

import pytest


def _distance_km(a, b):
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


@pytest.mark.parametrize(
    ("name", "kind", "country", "admin1", "near"),
    [
        ("Baghdad", "populated_place", "IQ", "IQ-BG", (33.34, 44.40)),
        ("Iraq", "country", "IQ", None, (33.0, 44.0)),
        ("Iran", "country", "IR", None, (32.0, 53.0)),
        ("United States", "country", "US", None, (39.8, -98.5)),
        ("U.S.", "country", "US", None, (39.8, -98.5)),
        ("Britain", "country", "GB", None, (54.0, -2.0)),
        ("Texas", "admin1", "US", "US-TX", (31.25, -99.25)),
        ("Illinois", "admin1", "US", "US-IL", (40.0, -89.25)),
        ("Scotland", "admin1", "GB", "GB-SCT", (56.5, -4.0)),
        ("Bavaria", "admin1", "DE", "DE-BY", (49.0, 11.5)),
        ("Cook County", "admin2", "US", "US-IL", (41.8, -87.8)),
        ("Bombay", "populated_place", "IN", "IN-MH", (19.07, 72.88)),
        ("Green Zone", "site", "IQ", None, (33.30, 44.39)),
        ("Europe", "continent", None, None, (48.7, 9.1)),
    ],
)
def test_gazetteer_lookup_finds_place_with_point(gazetteer, name, kind, country, admin1, near):
    places = [gazetteer.place(r) for r in gazetteer.lookup(name)]
    place = next(p for p in places if p.kind == kind and p.country == country)
    assert place.admin1 == admin1
    assert _distance_km((place.latitude, place.longitude), near) < 161


@pytest.mark.parametrize(("demonym", "country"), [("Iraqi", "IQ"), ("Iranians", "IR"), ("American", "US"), ("British", "GB")])
def test_gazetteer_demonyms_name_their_country(gazetteer, demonym, country):
    from newsfold.geo import make_place_key

    assert gazetteer.demonyms[make_place_key(demonym)] == country


@pytest.mark.parametrize(("abbreviation", "code"), [("Ill.", "US-IL"), ("TX", "US-TX"), ("N.Y.", "US-NY"), ("Calif.", "US-CA")])
def test_gazetteer_us_state_abbreviations(gazetteer, abbreviation, code):
    from newsfold.geo import make_place_key

    assert gazetteer.us_state_abbreviations[make_place_key(abbreviation)] == code
    assert code in gazetteer.admin1_rows


def test_gazetteer_index_lists_most_populous_first(gazetteer):
    for key in ("springfield", "paris", "london", "georgia"):
        pops = [gazetteer.populations[r] for r in gazetteer.index[key]]
        assert pops == sorted(pops, reverse=True)


def test_gazetteer_built_in_a_child_is_the_one_built_here(gazetteer):
    from newsfold.geo.gazetteer import build_gazetteer

    here = build_gazetteer()
    assert here.index == gazetteer.index and here.names == gazetteer.names
    assert here.latitudes == gazetteer.latitudes and here.capitals == gazetteer.capitals


def test_gazetteer_is_built_here_when_no_child_can_run(monkeypatch, caplog):
    import sys

    import newsfold.geo.gazetteer as module

    monkeypatch.setattr(sys, "executable", "/nonexistent/python")
    module.load_gazetteer.cache_clear()
    try:
        with caplog.at_level("WARNING", logger=module.__name__):
            built = module.load_gazetteer()
    finally:
        module.load_gazetteer.cache_clear()
    assert len(built) > 270_000 and built.lookup("Baghdad")
    assert "building it here" in caplog.text


@pytest.mark.parametrize("nested", [False, True])
def test_gazetteer_built_early_is_the_one_loaded_in_the_block(gazetteer, monkeypatch, nested):
    # Nested: the flow starts a build for a long run, and the resolver's loader its own for any run; one child.
    import newsfold.geo.gazetteer as module

    started = []
    start = module._ChildBuild.start
    monkeypatch.setattr(module._ChildBuild, "start", lambda directory: started.append(directory) or start(directory))
    module.load_gazetteer.cache_clear()
    try:
        with module.gazetteer_built_early(), module.gazetteer_built_early() if nested else contextlib.nullcontext():
            assert len(started) == 1 and started[0].is_dir()  # started on entering, before anything asks for it
            built = module.load_gazetteer()
            assert not module._EARLY_BUILDS  # taken, not built a second time
    finally:
        module.load_gazetteer.cache_clear()
    assert len(started) == 1 and not started[0].exists()
    assert built.index == gazetteer.index and built.latitudes == gazetteer.latitudes


def test_gazetteer_built_early_and_never_asked_for_is_stopped_and_removed():
    import newsfold.geo.gazetteer as module

    module.load_gazetteer.cache_clear()
    try:
        with module.gazetteer_built_early():
            (build,) = module._EARLY_BUILDS
    finally:
        module.load_gazetteer.cache_clear()
    assert build.process.returncode is not None  # killed, and reaped
    assert not build.path.parent.exists() and not module._EARLY_BUILDS


def test_gazetteer_early_build_that_fails_is_built_here(monkeypatch, caplog):
    import sys

    import newsfold.geo.gazetteer as module

    built_here = object()
    monkeypatch.setattr(sys, "executable", "/bin/sh")  # reads the Python script as a shell script: fails, saying why
    monkeypatch.setattr(module, "build_gazetteer", lambda: built_here)
    module.load_gazetteer.cache_clear()
    try:
        with caplog.at_level("WARNING", logger=module.__name__), module.gazetteer_built_early():
            assert module.load_gazetteer() is built_here
    finally:
        module.load_gazetteer.cache_clear()
    assert re.search(r"the child exited with status [1-9][0-9]*: \S", caplog.text)  # with its last line on stderr
    assert "building it here" in caplog.text


@pytest.mark.parametrize(
    ("rows_by_key", "key", "expected"),
    [
        ({"paris": [7, 3, 9]}, "paris", (7, 3, 9)),  # the rows keep their order, not sorted
        ({"paris": [7], "parish": [2]}, "parish", (2,)),  # a key that extends another is its own
        ({"paris": [7], "parish": [2]}, "pari", None),  # a prefix is not a key
        ({"sankt pölten": [4]}, "sankt pölten", (4,)),  # keys beyond ASCII
        ({"": [1], "x": [0]}, "", (1,)),
    ],
)
def test_gazetteer_place_index_is_the_mapping_it_was_given(rows_by_key, key, expected):
    from newsfold.geo.gazetteer import PlaceIndex

    index = PlaceIndex(rows_by_key)
    assert index.get(key) == expected and (key in index) == (expected is not None)
    assert dict(index) == {k: tuple(v) for k, v in rows_by_key.items()} and len(index) == len(rows_by_key)
