"""Find and date security-cooperation events. (Filled by the events issue.)"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from dashboard.records import ActorMention, Event, PlaceMention


@dataclass(frozen=True)
class EventLexicon:
    """Trigger words per event type and language, loaded once."""


def load_event_lexicon(data_dir: Path) -> EventLexicon:
    return EventLexicon()


def find_events(
    text: str,
    lang: str,
    published: date | None,
    places: list[PlaceMention],
    actors: list[ActorMention],
    lexicon: EventLexicon,
) -> list[Event]:
    return []
