"""The processing pipeline: pure functions, no Streamlit and no database.

    raw article -> clean -> language -> places -> actors -> events+dates -> ProcessedArticle

`process(raw, resources)` is the one entry. `Resources` (gazetteer, actor and event lexicons) are
loaded once per process and passed in, so the per-article work does no I/O.
"""
from __future__ import annotations

import gc
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from dashboard.records import ProcessedArticle, RawArticle

from . import actors as actors_stage
from . import clean as clean_stage
from . import events as events_stage
from . import geoparse as geoparse_stage
from . import language as language_stage
from .identity import article_id, content_hash

DATA_DIR = Path(__file__).resolve().parent.parent.parent / "data"


@dataclass(frozen=True)
class Resources:
    gazetteer: geoparse_stage.Gazetteer
    actors: actors_stage.ActorLexicon
    events: events_stage.EventLexicon

    @classmethod
    def load(cls, data_dir: Path = DATA_DIR) -> "Resources":
        return cls(
            gazetteer=geoparse_stage.load_gazetteer(data_dir),
            actors=actors_stage.load_actor_lexicon(data_dir),
            events=events_stage.load_event_lexicon(data_dir),
        )


def default_resources(data_dir: Path = DATA_DIR) -> Resources:
    """Resources loaded once per process (the CLI, the app and workers share this)."""
    return _loaded(Path(data_dir).resolve())


@lru_cache(maxsize=2)
def _loaded(data_dir: Path) -> Resources:  # (one cache entry per folder, however the call names it)
    return Resources.load(data_dir)


BATCH_YOUNG_GC_THRESHOLD = 10_000  # allocations between young-generation passes (Python's default: 700)


def settle_for_batch(data_dir: Path = DATA_DIR) -> Resources:
    """The resources, for a process about to run the pipeline over many articles (the command
    line, a Dask worker, the benchmark): every object alive once they are loaded is taken out of
    the cyclic garbage collector's reach (`gc.freeze`). The gazetteer and lexicons are a few
    hundred thousand objects that live as long as the process; left to the collector, each of its
    full passes walks all of them, a pause of about 60 ms every few hundred articles. The young
    generation is also collected less often (an article's temporary objects are freed by reference
    counting anyway). Not for the app, whose own objects come and go."""
    resources = default_resources(data_dir)
    gc.collect()
    gc.freeze()
    young, *older = gc.get_threshold()
    gc.set_threshold(max(young, BATCH_YOUNG_GC_THRESHOLD), *older)
    return resources


def process(raw: RawArticle, resources: Resources) -> ProcessedArticle:
    """Run every stage on one article. Raises ValueError (with a plain reason) on unusable input."""
    return analyse(raw, resources)[0]


def analyse(raw: RawArticle, resources: Resources) -> tuple[ProcessedArticle, clean_stage.CleanText]:
    """`process`, plus the cleaned text's map back to the input (for offsets into the input)."""
    cleaned = clean_stage.clean_text(raw.text)
    text = cleaned.text
    if not text.strip():
        raise ValueError("The article has no readable text once page clutter (share buttons, menus, notices) is removed.")
    lang = language_stage.detect_language(text)
    places = geoparse_stage.find_places(text, lang, resources.gazetteer)
    actors = actors_stage.find_actors(text, lang, resources.actors, places)
    events = events_stage.find_events(text, lang, raw.published, places, actors, resources.events)
    digest = content_hash(text)
    article = ProcessedArticle(
        id=article_id(raw.url, digest),
        source=raw.source,
        text=text,
        language=lang,
        content_hash=digest,
        title=clean_stage.clean_title(raw.title),
        url=raw.url,
        published=raw.published,
        site=clean_stage.clean_title(raw.site),
        fmt=raw.fmt,
        places=tuple(places),
        actors=tuple(actors),
        events=tuple(events),
    )
    return article, cleaned
