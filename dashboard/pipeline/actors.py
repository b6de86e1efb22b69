"""Find people, organisations and countries acting in the text. (Filled by the events issue.)"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dashboard.records import ActorMention, PlaceMention


@dataclass(frozen=True)
class ActorLexicon:
    """Curated actors and title patterns, loaded once."""


def load_actor_lexicon(data_dir: Path) -> ActorLexicon:
    return ActorLexicon()


def find_actors(text: str, lang: str, lexicon: ActorLexicon, places: list[PlaceMention]) -> list[ActorMention]:
    return []
