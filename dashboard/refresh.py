"""Refreshing the feeds in the background, one refresh at a time per server process.

The app asks `Refresher.start_if_due()` on every page run; a refresh starts when none has run in
this process yet (the app just started) or the last one started `hours` ago, and never when
`hours` is 0. It runs in a thread of its own: it reads every feed of the feeds file (a few at a
time, so one slow feed does not hold up the others), writes the articles and the failures through
the runner in one write session (pages keep reading the previous store until the new file is in
place), and, when asked to, writes the collection. `status()` tells the pages how far it got.

Feed addresses follow the fetcher's safety rules; the operator's feeds file may name this machine
or a private network only when `allow_private` (DASHBOARD_ALLOW_PRIVATE_FEEDS=1). Lines that are
not http(s) addresses become failures: a refresh never reads local files.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from dashboard import settings
from dashboard.records import Failure, RawArticle
from dashboard.store import StoreError, WriteReport

log = logging.getLogger(__name__)

PARALLEL_FEEDS = 4  # feeds fetched at once: more finishes sooner, and asks more of a small server
NOT_A_FEED_ADDRESS = "Only http:// and https:// feed addresses are read by the automatic refresh."
Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class RefreshStatus:
    running: bool = False
    phase: str = ""  # "feeds" (reading the feeds) or "articles" (analysing and storing them)
    done: int = 0  # feeds read, or articles analysed, so far in this phase
    total: int = 0
    finished_at: datetime | None = None  # UTC, end of the last refresh that completed
    added: int = 0  # new articles of that refresh
    failed: int = 0  # its failures (feeds or entries that could not be read)
    feeds: int = 0  # feeds it read
    error: str | None = None  # why the last refresh stopped, if it did not complete
    runs: int = 0  # refreshes completed or stopped in this process (a page redraws when it changes)


def refresh_due(last_started: datetime | None, now: datetime, hours: float) -> bool:
    """A refresh is due at start (none yet) and `hours` after the last one began; never if hours is 0."""
    if hours <= 0:
        return False
    return last_started is None or now - last_started >= timedelta(hours=hours)


@dataclass(frozen=True)
class RefreshConfig:
    db: Path
    feeds_file: Path
    hours: float
    allow_private: bool = False
    collection: Path | None = None  # written after each refresh when set
    timeout: float = settings.FEED_TIMEOUT_SECONDS

    @classmethod
    def from_settings(cls, db: Path) -> RefreshConfig:
        return cls(db=db, feeds_file=settings.feeds_file(), hours=settings.refresh_hours(),
                   allow_private=settings.allow_private_feeds(),
                   collection=settings.collection_dir() if settings.save_collection() else None)


def feed_addresses(feeds_file: Path) -> tuple[list[str], list[Failure]]:
    """The http(s) addresses of the feeds file; any other line is a failure (never read as a path)."""
    from dashboard.sources.ingest import is_url, load_feed_list
    from dashboard.sources.urls import safe_link

    if not feeds_file.is_file():
        return [], [Failure(str(feeds_file), "The feeds file does not exist, so no feed was read.")]
    try:
        lines = load_feed_list(feeds_file)
    except (OSError, UnicodeDecodeError) as exc:
        return [], [Failure(str(feeds_file), f"The feeds file could not be read ({exc.__class__.__name__}).")]
    urls = [line for line in lines if is_url(line) and safe_link(line)]
    return urls, [Failure(line, NOT_A_FEED_ADDRESS) for line in lines if line not in urls]


class Refresher:
    """One per server process (the app keeps it in `st.cache_resource`); thread-safe."""

    def __init__(self, config: RefreshConfig, clock: Clock = utc_now):
        self.config = config
        self._clock = clock
        self._lock = threading.Lock()
        self._status = RefreshStatus()
        self._last_started: datetime | None = None
        self._thread: threading.Thread | None = None

    def status(self) -> RefreshStatus:
        with self._lock:
            return self._status

    def _update(self, **changes: Any) -> None:
        with self._lock:
            self._status = replace(self._status, **changes)

    def start_if_due(self) -> bool:
        """Start a refresh in the background if one is due and none is running; True if started."""
        with self._lock:
            now = self._clock()
            if self._status.running or not refresh_due(self._last_started, now, self.config.hours):
                return False
            self._last_started = now
            self._status = replace(self._status, running=True, phase="feeds", done=0, total=0)
            self._thread = threading.Thread(target=self._run, name="feed-refresh", daemon=True)
            self._thread.start()
            return True

    def wait(self, timeout: float | None = None) -> RefreshStatus:
        """Wait for the running refresh to end (for tests and the command line)."""
        thread = self._thread
        if thread is not None:
            thread.join(timeout)
        return self.status()

    def _run(self) -> None:
        try:
            report, feeds = self.refresh()
            self._update(running=False, finished_at=self._clock(), added=report.added, failed=report.failed,
                         feeds=feeds, error=None, runs=self.status().runs + 1)
        except Exception as exc:  # shown on the page; the next refresh tries again
            log.exception("The feed refresh stopped")
            # a store error's message is a plain sentence already; others are named by their kind
            reason = str(exc) if isinstance(exc, StoreError) else f"{exc.__class__.__name__}: {exc}"
            self._update(running=False, error=reason[:300], runs=self.status().runs + 1)

    def refresh(self) -> tuple[WriteReport, int]:
        """Read the feeds, store what they give, write the collection if asked: (WriteReport, feeds read)."""
        from dashboard.runner import load_feed_state, store_items

        urls, bad_lines = feed_addresses(self.config.feeds_file)
        items: list[RawArticle | Failure] = list(bad_lines)
        state = load_feed_state(self.config.db)
        self._update(phase="feeds", done=0, total=len(urls))
        items += self._read_feeds(urls, state)
        if not items:  # nothing new anywhere (every feed unchanged): the store is left as it is
            return WriteReport(), len(urls)
        self._update(phase="articles", done=0, total=len(items))
        report = store_items(items, self.config.db, feed_state=state or None,
                             progress=lambda done, total, _source: self._update(done=done, total=total))
        if self.config.collection is not None:
            from dashboard.store.collection import export_collection

            export_collection(self.config.db, self.config.collection)
        return report, len(urls)

    def _read_feeds(self, urls: list[str], state: dict) -> list[RawArticle | Failure]:
        """Every feed's articles and failures, in the order of the feeds file."""
        from dashboard.sources.ingest import read_sources

        done = 0

        def read(url: str) -> tuple[list[RawArticle | Failure], dict]:
            own = {url: state[url]} if url in state else {}
            items = list(read_sources([url], allow_private=self.config.allow_private,
                                      timeout=self.config.timeout, feed_state=own))
            return items, own

        results: dict[str, tuple[list, dict]] = {}
        with ThreadPoolExecutor(max_workers=PARALLEL_FEEDS, thread_name_prefix="feed") as pool:
            futures = {pool.submit(read, url): url for url in urls}
            for future in as_completed(futures):
                results[futures[future]] = future.result()
                done += 1
                self._update(done=done)
        out: list[RawArticle | Failure] = []
        for url in urls:
            items, own = results[url]
            state.update(own)
            out += items
        return out
