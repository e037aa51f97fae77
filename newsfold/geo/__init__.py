"""Places on the map: an offline gazetteer and toponym resolution.

A place mention ("Paris", "Springfield, Ill.", "Iraqi") gets a GeoNames
place with a point, a country and a first-level subdivision. Candidates come
from :mod:`newsfold.geo.gazetteer` (built once per process from installed
GeoNames-derived packages); :mod:`newsfold.geo.geocode` ranks them by name,
population and kind, then by what the article says around them;
:mod:`newsfold.geo.entities` fills the place columns of the ``entities``
table after resolution, and :mod:`newsfold.geo.evaluate` scores it all on
gold spans (``newsfold evaluate places``, docs/places.md).

Example:
    >>> from newsfold.geo import load_gazetteer
    >>> load_gazetteer().place(load_gazetteer().lookup("Baghdad")[0]).country
    'IQ'
"""

from newsfold.geo.gazetteer import PLACE_KINDS, Gazetteer, Place, load_gazetteer
from newsfold.geo.geocode import Candidate, Geocode, PlaceMention, geocode_by_population, geocode_mentions, parse_dateline
from newsfold.geo.keys import make_place_key

__all__ = [
    "PLACE_KINDS",
    "Candidate",
    "Gazetteer",
    "Geocode",
    "Place",
    "PlaceMention",
    "geocode_by_population",
    "geocode_mentions",
    "load_gazetteer",
    "make_place_key",
    "parse_dateline",
]
