"""The store made ready before the first page, and the "Updated 14:05 · 37 new articles" line.

The line is a fragment that reruns on its own (every FAST_SECONDS while a refresh runs, to show
its progress, else every SLOW_SECONDS, to start a refresh when one is due and notice one another
page started). When a refresh ends, the fragment reruns the whole page, which then reads the new
store. The refresh itself is `dashboard.refresh`, one per server process.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import streamlit as st

from dashboard.refresh import RefreshConfig, Refresher, RefreshStatus
from dashboard.startup import StartAction, StartPlan, action_due
from dashboard.startup import prepare_store as prepare

from .i18n import t, tn
from .plaintext import markdown_text

FAST_SECONDS = 2  # while a refresh runs: how soon its progress shows (each tick is a small rerun per page)
SLOW_SECONDS = 60  # otherwise: how soon an idle page starts a due refresh or notices another page's
_SEEN = "_refresh_seen"  # (runs, running) of the refresh as the page was last drawn
_SPINNER = {StartAction.IMPORT: "importing", StartAction.EMPTY: "starting_empty", StartAction.SAMPLES: "building"}


@st.cache_resource(show_spinner=False)
def refresher(db: str) -> Refresher:
    """The process's one refresher for this store (settings are read when it is made)."""
    return Refresher(RefreshConfig.from_settings(Path(db)))


def prepare_store(db: Path, lang: str) -> None:
    """Import the collection, start an empty store or build the samples, when the store needs it."""
    plan = StartPlan.from_settings(db)
    action = action_due(plan)
    if action is StartAction.NONE:
        return
    with st.spinner(t(lang, _SPINNER[action])):
        try:
            _done, problem = prepare(plan)
        except Exception as exc:  # noqa: BLE001 - shown to the user, the page must not crash
            st.error(t(lang, "build_failed", error=markdown_text(f"{exc.__class__.__name__}: {exc}"[:300])))
            st.stop()
    if problem:
        st.warning(t(lang, "collection_failed", error=markdown_text(problem[:300])))


def browser_timezone() -> tzinfo:
    try:
        return ZoneInfo(st.context.timezone or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


def clock_text(moment: datetime, tz: tzinfo, now: datetime) -> str:
    """14:05 today (in the reader's time zone), 2025-05-17 14:05 another day; UTC is said."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    local, today = moment.astimezone(tz), now.astimezone(tz).date()
    text = local.strftime("%H:%M") if local.date() == today else local.strftime("%Y-%m-%d %H:%M")
    return f"{text} UTC" if tz is UTC or getattr(tz, "key", None) == "UTC" else text


def status_text(status: RefreshStatus, lang: str, tz: tzinfo, now: datetime,
                newest_added: datetime | None = None) -> str:
    """The line under the title: when the store was last updated and what that brought."""
    parts = []
    if status.finished_at is not None:
        parts.append(t(lang, "updated_at", time=clock_text(status.finished_at, tz, now)))
        parts.append(tn(lang, "n_new_articles", status.added))
        if status.failed:
            parts.append(t(lang, "updated_failed", n=status.failed))
    elif newest_added is not None:
        parts.append(t(lang, "updated_at", time=clock_text(newest_added, tz, now)))
    if status.error and not status.running:
        parts.append(t(lang, "refresh_error", error=status.error))
    return " · ".join(parts)


def progress(status: RefreshStatus, lang: str) -> tuple[float, str]:
    """The progress bar's fill and words: reading the feeds is the first half, analysing the second."""
    share = status.done / status.total if status.total else 0.0
    if not status.total:
        return share, t(lang, "refresh_starting")
    if status.phase == "articles":
        return 0.5 + share / 2, t(lang, "refresh_articles_progress", done=status.done, total=status.total)
    return share / 2, t(lang, "refresh_feeds_progress", done=status.done, total=status.total)


@st.cache_data(show_spinner=False, max_entries=8)
def _newest_added(db: str, version) -> datetime | None:
    from dashboard.store import StoreError
    from dashboard.store.collection import store_newest_added

    try:
        return store_newest_added(Path(db))
    except StoreError:
        return None


def _live_line(worker: Refresher, db: str, version, lang: str) -> None:
    worker.start_if_due()
    status = worker.status()
    if (status.runs, status.running) != st.session_state.get(_SEEN):
        st.rerun()  # a refresh started or ended since the page was drawn: draw it again
    newest = None if status.finished_at else _newest_added(db, version)
    if status.error:  # (an exception's message, shown in a caption that Streamlit reads as Markdown)
        status = replace(status, error=markdown_text(status.error))
    line = status_text(status, lang, browser_timezone(), datetime.now(UTC), newest)
    if line:
        st.caption(line)
    if status.running:
        fill, words = progress(status, lang)
        st.progress(min(max(fill, 0.0), 1.0), text=words)


def status_line(db: Path, version, lang: str) -> None:
    """The "Updated" line and the progress of a running refresh (starting one when it is due)."""
    worker = refresher(str(db))
    worker.start_if_due()
    status = worker.status()
    st.session_state[_SEEN] = (status.runs, status.running)
    every = FAST_SECONDS if status.running else SLOW_SECONDS
    st.fragment(run_every=every)(_live_line)(worker, str(db), version, lang)
