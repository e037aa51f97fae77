"""Scoring toponym resolution against gold spans."""

from __future__ import annotations

import pytest

from newsfold.geo.evaluate import GoldPlace, PlaceError, distance_km, evaluate_places, read_place_gold, score_places
from newsfold.geo.gazetteer import Place


def _gold(doc_id, start, surface, lat, lon, country, kind="populated_place"):
    return GoldPlace(doc_id, start, start + len(surface), surface, lat, lon, country, None, kind)


def _place(lat, lon, country):
    return Place(0, None, "x", "populated_place", lat, lon, country, None, 0)


@pytest.mark.parametrize(
    ("a", "b", "km"),
    [((0.0, 0.0), (0.0, 0.0), 0), ((48.8534, 2.3488), (51.5085, -0.1257), 344), ((0.0, 179.5), (0.0, -179.5), 111)],
)
def test_evaluate_distance_km(a, b, km):
    assert round(distance_km(a, b)) == km


def test_evaluate_score_places_counts_unplaced_as_misses():
    paris = _gold("d1", 0, "Paris", 48.85, 2.35, "FR")
    errors = [
        PlaceError(paris, _place(48.85, 2.35, "FR"), 0.0),
        PlaceError(paris, _place(33.66, -95.56, "US"), 7800.0),
        PlaceError(paris, None, None),
    ]
    scores = score_places(errors)
    assert (scores.n_gold, scores.n_placed) == (3, 2)
    assert scores.within_161km == pytest.approx(1 / 3)
    assert scores.median_km == pytest.approx(3900.0)
    assert scores.country_accuracy == pytest.approx(0.5)


def test_evaluate_places_runs_both_systems_and_checks_spans():
    text = "Paris, Texas, lies north of Dallas."
    gold = [_gold("d1", 0, "Paris", 33.66, -95.56, "US"), _gold("d1", 28, "Dallas", 32.78, -96.81, "US")]
    ours = score_places(evaluate_places(gold, {"d1": (text, None)}, "newsfold"))
    baseline = score_places(evaluate_places(gold, {"d1": (text, None)}, "population baseline"))
    assert ours.within_161km == 1.0
    assert baseline.within_161km == 0.5
    with pytest.raises(ValueError, match="not 'Lyon'"):
        evaluate_places([_gold("d1", 0, "Lyon", 45.7, 4.8, "FR")], {"d1": (text, None)})


def test_evaluate_read_place_gold_names_a_bad_line(tmp_path):
    path = tmp_path / "gold.csv"
    path.write_text(
        "doc_id,start,end,surface,latitude,longitude,country,geonames_id,feature_kind\n"
        "d1,0,5,Paris,48.85,2.35,FR,2988507,populated_place\n"
        "d1,x,5,Paris,48.85,2.35,FR,,populated_place\n",
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="gold.csv:3"):
        read_place_gold(path)
