"""Read-only access to the store, which steps aside while a writer commits.

DuckDB lets one process write a file or many read it, never both at once. Writers commit in short
turns announced on a lock file (see `gate.py`); a reader closes its connection when its running
queries end, holds new queries until the commit is done (at most `settings.store_wait_seconds`),
then opens the file again and sees the new articles. A watcher thread does this for a reader that
is idle, so an idle app never keeps a writer waiting.
"""
from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar, cast

import duckdb
import pandas as pd

from dashboard.settings import db_memory_limit, store_wait_seconds

from .errors import StoreBusy, StoreError, StoreMissing, StoreUnreadable
from .gate import POLL_SECONDS, CommitSignal, _in_use, store_identity

T = TypeVar("T")
WATCH_SECONDS = 0.1  # how often an open reader checks for a writer waiting to commit

__all__ = ["StoreBusy", "StoreError", "StoreMissing", "StoreReader", "StoreUnreadable"]


class _InUse(Exception):
    """The file is open for writing by another process (or in another mode by this one)."""


def _busy(path: Path) -> StoreBusy:
    return StoreBusy(f"The store {path} is being updated; try again in a moment.")


class StoreReader:
    """One read-only connection per process, shared; a cursor per query (thread-safe)."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self._cond = threading.Condition()
        self._con: duckdb.DuckDBPyConnection | None = None
        self._ident: tuple | None = None
        self._active = 0  # queries running on the connection
        self._signal = CommitSignal(self.path)
        self._watcher: threading.Thread | None = None

    # -- the connection ------------------------------------------------------------------------

    def _open(self) -> None:
        """(Re)open the file; called with the condition held and no query running."""
        if self._con is not None:
            self._con.close()
            self._con = None
        ident = store_identity(self.path)
        con = None
        try:
            con = duckdb.connect(str(self.path), read_only=True, config={"memory_limit": db_memory_limit()})
            con.execute("SELECT count(*) FROM articles").fetchone()
        except duckdb.Error as exc:
            if con is not None:
                con.close()
            if _in_use(exc):
                raise _InUse from exc  # a writer has it: the caller waits
            raise StoreUnreadable(
                f"The store file {self.path} cannot be read ({exc.__class__.__name__}). "
                "Re-create it with: python -m dashboard build --fresh") from exc
        self._con, self._ident = con, ident
        if self._watcher is None or not self._watcher.is_alive():
            self._watcher = threading.Thread(target=self._watch, name="store-reader-watch", daemon=True)
            self._watcher.start()

    def _close_connection(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None

    def _acquire(self) -> duckdb.DuckDBPyConnection:
        """The open connection, counted as in use: waits while a writer commits."""
        if not self.path.exists():
            raise StoreMissing(f"No store at {self.path}. Build it with: python -m dashboard build")
        deadline = time.monotonic() + store_wait_seconds()
        with self._cond:
            while True:
                if self._signal.pending():
                    if self._active == 0:
                        self._close_connection()
                elif self._active == 0 and (self._con is None or store_identity(self.path) != self._ident):
                    with contextlib.suppress(_InUse):  # the writer has the file: wait below
                        self._open()
                if self._con is not None and not self._signal.pending():
                    self._active += 1
                    return self._con
                if time.monotonic() > deadline:
                    raise _busy(self.path)
                self._cond.wait(POLL_SECONDS)

    def _release(self) -> None:
        with self._cond:
            self._active -= 1
            if self._active == 0 and self._signal.pending():
                self._close_connection()  # the writer is waiting for exactly this
            self._cond.notify_all()

    def _watch(self) -> None:
        """Close an idle connection when a writer wants to commit; end when the connection is closed."""
        while True:
            time.sleep(WATCH_SECONDS)
            with self._cond:
                if self._con is None:
                    self._watcher = None
                    return
                if self._active == 0 and self._signal.pending():
                    self._close_connection()

    @property
    def version(self) -> tuple:
        """Changes whenever a writer commits; use it as a cache key."""
        self._acquire()
        ident = self._ident
        self._release()
        assert ident is not None
        return ident

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A cursor of its own, for scripts and tests that run queries one after another while no
        writer commits; the app goes through `query`, which steps aside for writers."""
        con = self._acquire()
        try:
            cur = con.cursor()
            cur.execute("SET enable_progress_bar = false")
            return cur
        finally:
            self._release()

    def close(self) -> None:
        with self._cond:
            self._close_connection()
            self._signal.close()

    # -- queries ---------------------------------------------------------------------------------

    def query(self, fn: Callable[..., T], *args: object) -> T:
        """`fn(cursor, *args)` (a function of `dashboard.store.queries`), with the database's own
        errors turned into `StoreUnreadable` (the reason kept), so callers need not know DuckDB."""
        con = self._acquire()
        try:
            cur = con.cursor()
            try:
                cur.execute("SET enable_progress_bar = false")  # no terminal bars from a server process
                return fn(cur, *args)
            finally:
                cur.close()
        except duckdb.Error as exc:
            raise StoreUnreadable(f"The store {self.path} could not answer a query "
                                  f"({exc.__class__.__name__}: {str(exc)[:200]})") from exc
        finally:
            self._release()

    def _run(self, fetch, sql: str, params: list | None):
        return self.query(lambda cur: fetch(cur.execute(sql, params or [])))

    def df(self, sql: str, params: list | None = None) -> pd.DataFrame:
        return self._run(lambda cur: cur.df(), sql, params)

    def fetchall(self, sql: str, params: list | None = None) -> list[tuple]:
        return self._run(lambda cur: cur.fetchall(), sql, params)

    def fetchone(self, sql: str, params: list | None = None) -> tuple | None:
        return self._run(lambda cur: cur.fetchone(), sql, params)

    # -- simple listings used by the command line and the app ---------------------------------

    def article_count(self) -> int:
        return cast(tuple, self.fetchone("SELECT count(*) FROM articles"))[0]  # (a count: always one row)

    def event_count(self) -> int:
        return cast(tuple, self.fetchone("SELECT count(*) FROM events"))[0]

    def failure_count(self) -> int:
        return cast(tuple, self.fetchone("SELECT count(*) FROM failures"))[0]

    def feed_state(self) -> dict[str, tuple[str | None, str | None]]:
        """The ETag/Last-Modified remembered per feed URL, for conditional GETs."""
        rows = self.fetchall("SELECT url, etag, modified FROM feed_state")
        return {url: (etag, modified) for url, etag, modified in rows}

    def articles(self, limit: int = 500) -> pd.DataFrame:
        return self.df(
            "SELECT id, title, site, published, language, url, source, added_at FROM articles "
            "ORDER BY published DESC NULLS LAST, added_at DESC LIMIT ?", [limit])

    def article(self, article_id: str) -> dict | None:
        def fetch(cur) -> dict | None:
            cur.execute("SELECT id, title, site, published, language, url, source, text FROM articles WHERE id = ?",
                        [article_id])
            row = cur.fetchone()
            return None if row is None else dict(zip([d[0] for d in cur.description], row))

        return self.query(fetch)

    def failures(self, limit: int = 1000) -> pd.DataFrame:
        return self.df("SELECT source, reason, last_seen FROM failures ORDER BY last_seen DESC, source LIMIT ?",
                       [limit])
