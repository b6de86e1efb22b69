"""Read-only access to the store, safe while a writer prepares the next version.

DuckDB lets many processes read a file, or one write it. Writers here never touch the file
readers have open: they build a new file and rename it into place (see `writer.py`). A reader
notices the rename (the file's identity changes) and reopens on its next query.
"""
from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import duckdb
import pandas as pd

from dashboard.settings import db_memory_limit

T = TypeVar("T")


class StoreError(RuntimeError):
    """Anything that goes wrong reading the store: the one error type callers outside the store catch."""


class StoreMissing(StoreError, FileNotFoundError):
    """There is no store file yet."""


class StoreUnreadable(StoreError):
    """The file exists but is not a readable store (corrupt, or not a DuckDB file), or a query on it failed."""


def _identity(path: Path) -> tuple[int, int, int]:
    st = os.stat(path)
    return st.st_ino, st.st_mtime_ns, st.st_size


class StoreReader:
    """One read-only connection per process, shared; a cursor per query (thread-safe)."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self._lock = threading.Lock()
        self._con: duckdb.DuckDBPyConnection | None = None
        self._ident: tuple[int, int, int] | None = None

    def _connection(self) -> duckdb.DuckDBPyConnection:
        if not self.path.exists():
            raise StoreMissing(f"No store at {self.path}. Build it with: python -m dashboard build")
        ident = _identity(self.path)
        with self._lock:
            if self._con is None or ident != self._ident:
                # DuckDB caches one database instance per path and process: the old connection
                # must be closed before the replaced file can be opened afresh.
                if self._con is not None:
                    self._con.close()
                try:
                    self._con = duckdb.connect(str(self.path), read_only=True,
                                               config={"memory_limit": db_memory_limit()})
                    self._con.execute("SELECT count(*) FROM articles").fetchone()
                except duckdb.Error as exc:
                    self._con = None
                    raise StoreUnreadable(
                        f"The store file {self.path} cannot be read ({exc.__class__.__name__}). "
                        "Rebuild it with: python -m dashboard build"
                    ) from exc
                self._ident = ident
            return self._con

    def cursor(self) -> duckdb.DuckDBPyConnection:
        cur = self._connection().cursor()
        cur.execute("SET enable_progress_bar = false")  # no terminal bars from a server process
        return cur

    @property
    def version(self) -> tuple[int, int, int]:
        """Changes whenever a writer replaces the file; use it as a cache key."""
        self._connection()
        assert self._ident is not None
        return self._ident

    def close(self) -> None:
        with self._lock:
            if self._con is not None:
                self._con.close()
                self._con = None

    def _run(self, fetch, sql: str, params: list | None):
        """Run one query (retried once if a writer swapped the file mid-query)."""
        return self.query(lambda cur: fetch(cur.execute(sql, params or [])))

    def query(self, fn: Callable[..., T], *args: object) -> T:
        """`fn(cursor, *args)` (a function of `dashboard.store.queries`), with the database's own
        errors turned into `StoreUnreadable` (the reason kept), so callers need not know DuckDB."""
        try:
            try:
                return fn(self.cursor(), *args)
            except duckdb.ConnectionException:  # a writer swapped the file mid-query: once more
                return fn(self.cursor(), *args)
        except duckdb.Error as exc:
            raise StoreUnreadable(f"The store {self.path} could not answer a query "
                                  f"({exc.__class__.__name__}: {str(exc)[:200]})") from exc

    def df(self, sql: str, params: list | None = None) -> pd.DataFrame:
        return self._run(lambda cur: cur.df(), sql, params)

    def fetchall(self, sql: str, params: list | None = None) -> list[tuple]:
        return self._run(lambda cur: cur.fetchall(), sql, params)

    def fetchone(self, sql: str, params: list | None = None) -> tuple | None:
        return self._run(lambda cur: cur.fetchone(), sql, params)

    # -- simple listings used by the command line and the app ---------------------------------

    def article_count(self) -> int:
        return self.fetchone("SELECT count(*) FROM articles")[0]

    def event_count(self) -> int:
        return self.fetchone("SELECT count(*) FROM events")[0]

    def feed_state(self) -> dict[str, tuple[str | None, str | None]]:
        """The ETag/Last-Modified remembered per feed URL, for conditional GETs."""
        rows = self.fetchall("SELECT url, etag, modified FROM feed_state")
        return {url: (etag, modified) for url, etag, modified in rows}

    def articles(self, limit: int = 500) -> pd.DataFrame:
        return self.df(
            "SELECT id, title, site, published, language, url, source, added_at FROM articles "
            "ORDER BY published DESC NULLS LAST, added_at DESC LIMIT ?", [limit])

    def article(self, article_id: str) -> dict | None:
        cur = self.cursor().execute(
            "SELECT id, title, site, published, language, url, source, text FROM articles WHERE id = ?",
            [article_id])
        row = cur.fetchone()
        if row is None:
            return None
        return dict(zip([d[0] for d in cur.description], row))

    def failures(self, limit: int = 1000) -> pd.DataFrame:
        return self.df("SELECT source, reason, last_seen FROM failures ORDER BY last_seen DESC, source LIMIT ?",
                       [limit])
