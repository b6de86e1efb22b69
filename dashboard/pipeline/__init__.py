"""The processing pipeline: pure functions, no Streamlit and no database.

    raw article -> clean -> language -> operations -> places -> actors -> events+dates -> ProcessedArticle

`process(raw, resources)` is the one entry. `Resources` (gazetteer, actor and event lexicons,
boilerplate rules) are loaded once per process by `dashboard.resources` and passed in: nothing in
this package opens a file, a socket or a database.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from dashboard.records import ProcessedArticle, RawArticle

from . import actors as actors_stage
from . import clean as clean_stage
from . import events as events_stage
from . import geoparse as geoparse_stage
from . import language as language_stage
from . import operations as operations_stage
from . import parts as parts_stage
from .identity import article_id, content_hash


@dataclass(frozen=True)
class Resources:
    """What the stages need besides the article: built once per process by `dashboard.resources`
    (which reads the data files) and passed in, so the per-article work does no I/O."""

    gazetteer: geoparse_stage.Gazetteer
    actors: actors_stage.ActorLexicon
    events: events_stage.EventLexicon
    boilerplate: clean_stage.BoilerplateRules = clean_stage.NO_BOILERPLATE
    operations: operations_stage.OperationLexicon = operations_stage.NO_OPERATIONS


NO_TEXT = "The article has no readable text once page clutter (share buttons, menus, notices) is removed."


def process(raw: RawArticle, resources: Resources,
            max_chars: int = parts_stage.MAX_DOCUMENT_CHARS) -> ProcessedArticle:
    """Run every stage on one article. Raises ValueError (with a plain reason) on unusable input.

    A text longer than `max_chars` is processed in parts (see `parts`), stored as one article."""
    if len(raw.text) <= max_chars:
        return analyse(raw, resources)[0]
    joined = parts_stage.join_parts(analyse_parts(raw, resources, max_chars))
    if joined is None:
        raise ValueError(NO_TEXT)
    return _article(raw, resources, joined.text, joined.language, joined.operations, joined.places, joined.actors,
                    joined.events, parts=joined.starts)


def analyse(raw: RawArticle, resources: Resources) -> tuple[ProcessedArticle, clean_stage.CleanText]:
    """`process` of a text of one part, plus the cleaned text's map back to the input (for offsets
    into the input)."""
    cleaned = clean_stage.clean_text(raw.text, resources.boilerplate)
    text = cleaned.text
    if not text.strip():
        raise ValueError(NO_TEXT)
    lang, operations, places, actors, events = _stages(text, raw.published, resources)
    return _article(raw, resources, text, lang, operations, places, actors, events), cleaned


def analyse_parts(raw: RawArticle, resources: Resources, max_chars: int) -> Iterator[parts_stage.Part]:
    """Each part of a long text, cleaned and analysed on its own (parts with no text are skipped)."""
    for start, end in parts_stage.part_bounds(raw.text, max_chars):
        cleaned = clean_stage.clean_text(raw.text[start:end], resources.boilerplate)
        if cleaned.text.strip():
            yield parts_stage.Part(start, cleaned, *_stages(cleaned.text, raw.published, resources))


def _stages(text: str, published: date | None, resources: Resources) -> tuple[str, list, list, list, list]:
    lang = language_stage.detect_language(text)
    operations = operations_stage.find_operations(text, resources.operations)
    places = geoparse_stage.find_places(text, lang, resources.gazetteer, skip=[(o.start, o.end) for o in operations])
    actors = actors_stage.find_actors(text, lang, resources.actors, places)
    events = events_stage.find_events(text, lang, published, places, actors, resources.events, operations)
    return lang, operations, places, actors, events


def _article(raw: RawArticle, resources: Resources, text: str, lang: str, operations, places, actors, events,
             parts: tuple[int, ...] = ()) -> ProcessedArticle:
    digest = content_hash(text)
    return ProcessedArticle(
        id=article_id(raw.url, digest),
        source=raw.source,
        text=text,
        language=lang,
        content_hash=digest,
        title=clean_stage.clean_title(raw.title, resources.boilerplate),
        url=raw.url,
        published=raw.published,
        site=clean_stage.clean_title(raw.site, resources.boilerplate),
        fmt=raw.fmt,
        places=tuple(places),
        actors=tuple(actors),
        events=tuple(events),
        operations=tuple(operations),
        parts=parts,
    )
