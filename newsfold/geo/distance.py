"""Great-circle distance, and the distance the field counts as right.

Example:
    >>> round(distance_km((48.8534, 2.3488), (51.5085, -0.1257)))
    344
"""

from __future__ import annotations

import math

__all__ = ["WITHIN_KM", "distance_km"]

#: Toponym resolution counts a place within 161 km (100 miles) of the truth as right.
WITHIN_KM = 161.0


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle (haversine) distance between two (lat, lon) points in km."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))
