"""The shipped vocabulary of the temporal tagger (``data/lexicon.yaml``).

Month, weekday, season and unit names live in YAML so they can be edited
without touching code; this module loads the file once and hands out typed,
read-only views of it.

Example:
    >>> load_lexicon().months["sept"]
    9
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType
from typing import Mapping

import yaml

from newsfold.errors import ModelError

__all__ = ["Lexicon", "Unit", "load_lexicon"]


@dataclass(frozen=True)
class Unit:
    """A calendar unit.

    Attributes:
        code: TIMEX3 duration designator, e.g. ``"Y"``, ``"DE"``.
        time: True for hours, minutes, seconds (written after ``T``: ``PT3H``).
        factor: How many of ``code`` one unit is (a fortnight is 2 weeks).
    """

    code: str
    time: bool
    factor: int = 1


@dataclass(frozen=True)
class Lexicon:
    """Typed view of ``lexicon.yaml``; every mapping is read-only."""

    months: Mapping[str, int]
    weekdays: Mapping[str, int]
    seasons: Mapping[str, str]
    day_parts: Mapping[str, str]
    ordinals: Mapping[str, int]
    units: Mapping[str, Unit]
    vague_counts: tuple[str, ...]
    holidays: Mapping[str, tuple[int, int]]
    references: Mapping[str, str]


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Load and check the shipped lexicon, once per process.

    Returns:
        The :class:`Lexicon`.

    Raises:
        ModelError: The packaged file is missing or malformed (names the file).
    """
    resource = resources.files("newsfold.dates").joinpath("data/lexicon.yaml")
    try:
        raw = yaml.safe_load(resource.read_text(encoding="utf-8"))
        references = {
            phrase: kind for kind, phrases in raw["references"].items() for phrase in phrases
        }
        holidays = {}
        for name, month_day in raw["holidays"].items():
            month, day = month_day.split("-")
            holidays[name] = (int(month), int(day))
        return Lexicon(
            months=MappingProxyType(dict(raw["months"])),
            weekdays=MappingProxyType(dict(raw["weekdays"])),
            seasons=MappingProxyType(dict(raw["seasons"])),
            day_parts=MappingProxyType(dict(raw["day_parts"])),
            ordinals=MappingProxyType(dict(raw["ordinals"])),
            units=MappingProxyType({name: Unit(**spec) for name, spec in raw["units"].items()}),
            vague_counts=tuple(raw["vague_counts"]),
            holidays=MappingProxyType(holidays),
            references=MappingProxyType(references),
        )
    except (OSError, KeyError, TypeError, ValueError, yaml.YAMLError) as exc:
        raise ModelError(f"cannot load the date lexicon {resource}: {exc}") from exc
