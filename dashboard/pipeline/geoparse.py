"""Find place names in text and resolve them to gazetteer entries. (Filled by the geoparser issue.)"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dashboard.records import PlaceMention


@dataclass(frozen=True)
class Gazetteer:
    """Compiled gazetteer, loaded once."""


def load_gazetteer(data_dir: Path) -> Gazetteer:
    return Gazetteer()


def find_places(text: str, lang: str, gazetteer: Gazetteer) -> list[PlaceMention]:
    return []
