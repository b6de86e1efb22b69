"""Typed records that flow between the pipeline stages, the store and the app.

Every stage takes and returns these records; nothing else crosses a module boundary. All are
immutable. Mentions and events are NamedTuples: an article has dozens of them, and a NamedTuple is
built several times faster than a frozen dataclass (change one with `._replace`).
Offsets (`start`, `end`) are Python string indices into `ProcessedArticle.text` (the cleaned text
the reader shows); `dashboard.pipeline.clean.CleanText.to_source` maps them back to the input.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal, NamedTuple

PlaceKind = Literal["city", "country", "region", "admin", "other"]
ActorKind = Literal["person", "organization", "country"]
EventStatus = Literal["happened", "planned", "cancelled"]
DatePrecision = Literal["day", "month", "year"]

EVENT_TYPES: tuple[str, ...] = (
    "visit",
    "talks",
    "agreement",
    "exercise",
    "arms_transfer",
    "military_aid",
    "counter_terrorism",
    "statement",
    "other",
)


@dataclass(frozen=True)
class RawArticle:
    """One article as read from a source, before any processing.

    `source` says where it came from (a file path, `path:line 3` for a row of an export, a feed URL); `site` is the
    publisher's name when known (feed title, HTML site name, a CSV `source` column).
    """

    source: str
    text: str
    title: str | None = None
    url: str | None = None
    published: date | None = None
    site: str | None = None
    fmt: str = "text"  # text | html | feed | jsonl | csv
    external_id: str | None = None  # an id given by the input (JSON Lines `id`), if any


@dataclass(frozen=True)
class Failure:
    """An input that could not be turned into an article, with a plain-language reason."""

    source: str
    reason: str


@dataclass(frozen=True)
class Place:
    """A gazetteer entry."""

    id: str
    name: str  # English name
    kind: PlaceKind
    country: str | None  # ISO 3166-1 alpha-2, None for regions spanning countries
    lat: float
    lon: float
    population: int = 0
    name_fr: str | None = None
    name_ar: str | None = None


class PlaceMention(NamedTuple):
    """A place named in the text, resolved to a gazetteer entry, with the reason it was chosen."""

    surface: str
    start: int
    end: int
    place: Place
    how: str  # e.g. "only candidate", "capital: visit sentence", "country named in article"


OperationKind = Literal["exercise", "operation", "mission", "unknown"]


class OperationMention(NamedTuple):
    """A named exercise, operation or mission ("African Lion", «حماة النيل», "Flintlock 2020").

    Never a place: the places stage skips these spans. A year or edition number that closes the
    name is inside the span (it numbers the edition, it does not date the sentence)."""

    surface: str
    start: int
    end: int
    operation_id: str  # "operation:<slug>" for a listed one, "" for a name found by a rule
    name: str  # the listed English name, else the surface
    kind: OperationKind
    how: str  # "list", "list, next to a cue word", "quoted name after a naming word", ...


class ActorMention(NamedTuple):
    surface: str
    start: int
    end: int
    actor_id: str
    name: str  # English name
    kind: ActorKind
    country: str | None = None  # ISO alpha-2 of the state the actor belongs to, if known
    role: str | None = None  # e.g. "US Secretary of Defense"
    how: str = "lexicon"  # lexicon | title pattern | demonym


class Event(NamedTuple):
    type: str  # one of EVENT_TYPES
    status: EventStatus
    evidence: str  # the sentence (or clause) that says so
    start: int  # offsets of the evidence in the cleaned text
    end: int
    date: str | None = None  # YYYY-MM-DD, YYYY-MM or YYYY
    date_precision: DatePrecision | None = None
    date_source: str = "text"  # text | publication (no date in the sentence) | none
    place: PlaceMention | None = None
    country: str | None = None  # ISO alpha-2 where it happened
    actors: tuple[str, ...] = ()  # English names
    trigger: str = ""  # the word(s) that signalled the event
    confidence: float = 0.5


@dataclass(frozen=True)
class ProcessedArticle:
    id: str
    source: str
    text: str  # cleaned text
    language: str  # ar | fr | en | other
    content_hash: str
    title: str | None = None
    url: str | None = None
    published: date | None = None
    site: str | None = None
    fmt: str = "text"
    places: tuple[PlaceMention, ...] = ()
    actors: tuple[ActorMention, ...] = ()
    events: tuple[Event, ...] = ()
    operations: tuple[OperationMention, ...] = ()  # named exercises and operations (not stored yet)
    parts: tuple[int, ...] = ()  # a long document processed in parts: where each part begins in `text`


@dataclass(frozen=True)
class Filters:
    """What the user picked in the app; the store answers every query from one of these."""

    date_from: date | None = None
    date_to: date | None = None
    countries: tuple[str, ...] = ()  # ISO alpha-2
    places: tuple[str, ...] = ()  # place ids
    event_types: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()  # English names
    languages: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()  # site names
    search: str = ""
