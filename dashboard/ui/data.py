"""The app's access to the store: one read-only reader per process, query results cached per store version.

`StoreReader` keeps one read-only DuckDB connection and hands out a cursor per query; when a
writer swaps the file in, its `version` changes, so cached results of the old file are not reused.
Results are small (aggregated in SQL), so caching them costs little.
"""
from __future__ import annotations

import os
import threading
from datetime import date
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard.records import Filters
from dashboard.store import StoreMissing, StoreReader, StoreUnreadable, default_db_path
from dashboard.store import queries as q

Version = tuple[int, int, int]


@st.cache_resource(show_spinner=False)
def reader_for(path: str) -> StoreReader:
    return StoreReader(Path(path))


def db_path() -> Path:
    return default_db_path()


_BUILD_LOCK = threading.Lock()


def build_from_samples(path: Path) -> None:
    """First run: the store is missing, so build it from the bundled sample articles (once per process)."""
    from dashboard.__main__ import SAMPLES_DIR
    from dashboard.pipeline.ingest import read_path
    from dashboard.runner import store_items

    with _BUILD_LOCK:
        if not path.exists():  # another session may have built it while this one waited
            store_items(read_path(SAMPLES_DIR), path, fresh=True)


def open_store(path: Path) -> tuple[StoreReader, Version]:
    """The reader and the store's current version. Raises StoreMissing / StoreUnreadable."""
    reader = reader_for(str(path))
    return reader, reader.version


def file_version(path: Path) -> Version | None:
    """The store file's identity now (what `StoreReader.version` reports), None if it is gone."""
    try:
        st_ = os.stat(path)
    except OSError:
        return None
    return st_.st_ino, st_.st_mtime_ns, st_.st_size


def _cur(path: str):
    return reader_for(path).cursor()


@st.cache_data(show_spinner=False, max_entries=64)
def counts(path: str, version: Version, f: Filters) -> q.Counts:
    return q.headline_counts(_cur(path), f)


@st.cache_data(show_spinner=False, max_entries=64)
def map_data(path: str, version: Version, f: Filters) -> tuple[pd.DataFrame, pd.DataFrame]:
    cur = _cur(path)
    return q.map_places(cur, f), q.country_arcs(cur, f)


@st.cache_data(show_spinner=False, max_entries=64)
def timeline_data(path: str, version: Version, f: Filters) -> tuple[pd.DataFrame, str, int]:
    cur = _cur(path)
    lo, hi = q.date_extent(cur, f)
    b = q.choose_bin(lo, hi)
    return q.timeline(cur, f, b), b, q.undated_events(cur, f)


@st.cache_data(show_spinner=False, max_entries=64)
def events_page(path: str, version: Version, f: Filters) -> pd.DataFrame:
    return q.events_page(_cur(path), f)


@st.cache_data(show_spinner=False, max_entries=16)
def export(path: str, version: Version, f: Filters) -> pd.DataFrame:
    return q.export_events(_cur(path), f)


@st.cache_data(show_spinner=False, max_entries=64)
def articles(path: str, version: Version, f: Filters) -> pd.DataFrame:
    return q.articles_page(_cur(path), f)


@st.cache_data(show_spinner=False, max_entries=64)
def facets(path: str, version: Version, f: Filters) -> dict[str, pd.DataFrame]:
    return q.facet_options(_cur(path), f)


@st.cache_data(show_spinner=False, max_entries=8)
def bounds(path: str, version: Version) -> tuple[date | None, date | None]:
    return q.store_date_bounds(_cur(path))


@st.cache_data(show_spinner=False, max_entries=32)
def article(path: str, version: Version, article_id: str) -> q.ArticleView | None:
    return q.article_with_mentions(_cur(path), article_id)


def recent_articles(path: str, n: int) -> pd.DataFrame:
    """The `n` articles added last (after an upload); never cached: the store just changed."""
    return q.recent_articles(_cur(path), n)


def failures(path: str) -> pd.DataFrame:
    return q.failures(_cur(path))


__all__ = ["StoreMissing", "StoreUnreadable", "build_from_samples", "db_path", "open_store"]
