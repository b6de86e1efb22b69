"""The app's access to the store: one read-only reader per process, query results cached per store version.

`StoreReader` keeps one read-only DuckDB connection and hands out a cursor per query; when a
writer swaps the file in, its `version` changes, so cached results of the old file are not reused.
Results are small (aggregated in SQL), so caching them costs little.
"""
from __future__ import annotations

import threading
from datetime import date
from pathlib import Path
from typing import NamedTuple

import pandas as pd
import streamlit as st

from dashboard.records import Filters
from dashboard.settings import default_db_path
from dashboard.store import StoreError, StoreMissing, StoreReader, StoreUnreadable
from dashboard.store import queries as q
from dashboard.store.gate import store_identity

Version = tuple[int, ...]


@st.cache_resource(show_spinner=False)
def reader_for(path: str) -> StoreReader:
    return StoreReader(Path(path))


@st.cache_resource(show_spinner=False)
def actor_names(lang: str) -> dict[str, str]:
    """People's and organisations' names in the interface language (English ones stay as stored)."""
    from dashboard.resources import actor_display_names

    return actor_display_names().get(lang, {})


def db_path() -> Path:
    return default_db_path()


_BUILD_LOCK = threading.Lock()


def build_from_samples(path: Path) -> None:
    """First run: the store is missing, so build it from the bundled sample articles (once per
    process). Never deletes: if the store appeared meanwhile, the samples are added to it (and are
    already there, most likely)."""
    from dashboard.runner import store_items
    from dashboard.settings import samples_dir
    from dashboard.sources.ingest import read_path

    with _BUILD_LOCK:
        if not path.exists():  # another session may have built it while this one waited
            store_items(read_path(samples_dir()), path)


def open_store(path: Path) -> tuple[StoreReader, Version]:
    """The reader and the store's current version. Raises StoreMissing / StoreUnreadable."""
    reader = reader_for(str(path))
    return reader, reader.version


def file_version(path: Path) -> Version | None:
    """The store file's identity now (what `StoreReader.version` reports), None if it is gone."""
    try:
        return store_identity(path)
    except OSError:
        return None


def _query(path: str, fn, *args):
    """Run a query function of `dashboard.store.queries` (store errors come out as StoreError)."""
    return reader_for(path).query(fn, *args)


@st.cache_data(show_spinner=False, max_entries=64)
def counts(path: str, version: Version, f: Filters) -> q.Counts:
    return _query(path, q.headline_counts, f)


@st.cache_data(show_spinner=False, max_entries=64)
def map_data(path: str, version: Version, f: Filters) -> tuple[pd.DataFrame, pd.DataFrame]:
    return _query(path, q.map_places, f), _query(path, q.country_arcs, f)


@st.cache_data(show_spinner=False, max_entries=64)
def map_view(path: str, version: Version, f: Filters) -> tuple[pd.DataFrame, pd.DataFrame, int]:
    """The map's places (each with its latest headlines), the country pairs, and how many events
    in view have no place on the map."""
    places = _query(path, q.map_places, f)
    heads = _query(path, q.place_headlines, f)
    if not places.empty:
        places = places.merge(heads, on="place_id", how="left")
    return places, _query(path, q.country_arcs, f), _query(path, q.unplaced_events, f)


@st.cache_data(show_spinner=False, max_entries=64)
def event_detail(path: str, version: Version, event_id: str) -> q.EventDetail | None:
    return _query(path, q.event_detail, event_id)


class TimelineData(NamedTuple):
    bins: pd.DataFrame  # queries.timeline
    bin: str  # day | week | month | year
    undated: int  # events in view without a date
    later: int  # events dated after `cutoff`, not drawn
    cutoff: date


@st.cache_data(show_spinner=False, max_entries=64)
def timeline_data(path: str, version: Version, f: Filters, today: date) -> TimelineData:
    """The timeline of a view (`today` is a key: what counts as planned changes with the day)."""
    extent = _query(path, q.date_extent, f, today)
    b = q.choose_bin(extent.lo, extent.hi)
    return TimelineData(_query(path, q.timeline, f, b, extent.cutoff, today), b, _query(path, q.undated_events, f),
                        extent.later, extent.cutoff)


@st.cache_data(show_spinner=False, max_entries=64)
def events_page(path: str, version: Version, f: Filters, today: date | None = None) -> pd.DataFrame:
    return _query(path, q.events_page, f, q.PAGE_SIZE, 0, today)


@st.cache_data(show_spinner=False, max_entries=16)
def export(path: str, version: Version, f: Filters, today: date | None = None) -> pd.DataFrame:
    return _query(path, q.export_events, f, q.EXPORT_LIMIT, today)


@st.cache_data(show_spinner=False, max_entries=64)
def articles(path: str, version: Version, f: Filters) -> pd.DataFrame:
    return _query(path, q.articles_page, f)


@st.cache_data(show_spinner=False, max_entries=64)
def facets(path: str, version: Version, f: Filters) -> dict[str, pd.DataFrame]:
    return _query(path, q.facet_options, f)


@st.cache_data(show_spinner=False, max_entries=8)
def bounds(path: str, version: Version) -> tuple[date | None, date | None]:
    return _query(path, q.store_date_bounds)


@st.cache_data(show_spinner=False, max_entries=32)
def article(path: str, version: Version, article_id: str, part: int = 1, at: int | None = None) -> q.ArticleView | None:
    """The article (of a long document, part `part`, or the part holding offset `at`) with its highlights."""
    return _query(path, q.article_with_mentions, article_id, part, at)


def recent_articles(path: str, n: int) -> pd.DataFrame:
    """The `n` articles added last (after an upload); never cached: the store just changed."""
    return _query(path, q.recent_articles, n)


def failures(path: str) -> pd.DataFrame:
    return _query(path, q.failures)


__all__ = ["StoreError", "StoreMissing", "StoreUnreadable", "build_from_samples", "db_path", "open_store"]
