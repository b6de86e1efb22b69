"""How a writer and the readers share one DuckDB file.

DuckDB lets one process open a file read-write, or any number open it read-only, never both. So a
writer commits in short turns and the readers step aside for each turn:

- `STORE.lock` is held by a write session from start to end: one writer at a time (an ingest that
  reads and processes for minutes holds only this, and readers keep reading meanwhile);
- `STORE.commit` is held by a writer for one commit (a bounded batch of articles: about a second).
  A reader that sees it held closes its connection as soon as its running queries end, waits for
  the commit to finish, and opens the store again, now with the new articles.

Both are `flock` locks, so they vanish with a killed process. A commit is a DuckDB transaction:
a reader sees all of it or none of it, and a crash loses only the batch being committed.
"""
from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

import duckdb

from .errors import StoreBusy, StoreUnreadable

POLL_SECONDS = 0.05  # how often a waiting reader or writer looks again: latency against wake-ups


def writer_lock_path(db: Path) -> Path:
    return db.with_name(db.name + ".lock")


def commit_lock_path(db: Path) -> Path:
    return db.with_name(db.name + ".commit")


def wal_path(db: Path) -> Path:
    return db.with_name(db.name + ".wal")


def store_identity(db: Path) -> tuple[int, int, int, int]:
    """Changes whenever a commit reaches the file (or its write-ahead log): a cache key."""
    st = os.stat(db)
    try:
        wal = os.stat(wal_path(db))
        wal_mark = wal.st_size ^ wal.st_mtime_ns
    except OSError:
        wal_mark = 0
    return st.st_ino, st.st_mtime_ns, st.st_size, wal_mark


@contextmanager
def _flock(path: Path, mode: int) -> Iterator[None]:
    with open(path, "a+") as fh:
        fcntl.flock(fh, mode)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def writer_lock(db: Path):
    """One write session at a time (the next writer waits)."""
    return _flock(writer_lock_path(db), fcntl.LOCK_EX)


def commit_turn(db: Path):
    """A writer's turn to change the file: readers close their connections until it ends."""
    return _flock(commit_lock_path(db), fcntl.LOCK_EX)


class CommitSignal:
    """A reader's view of `STORE.commit`: is a writer committing, or waiting to?"""

    def __init__(self, db: Path):
        self.path = commit_lock_path(db)
        self._fh: TextIO | None = None

    def pending(self) -> bool:
        if self._fh is None:
            try:
                self._fh = open(self.path, "a+")  # noqa: SIM115 - kept open between calls, closed by close()
            except OSError:  # a read-only folder: no writer can commit there either
                return False
        try:
            fcntl.flock(self._fh, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(self._fh, fcntl.LOCK_UN)
        return False

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None


def _in_use(exc: duckdb.Error) -> bool:
    """The file is open in another process (or read-only in this one): wait for it to close."""
    text = str(exc)
    return "Could not set lock" in text or "Conflicting lock" in text or "different configuration" in text


@contextmanager
def exclusive_connection(db: Path, wait_seconds: float, memory_limit: str) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-write connection for one commit: announced on `STORE.commit`, opened once the
    readers have stepped aside, closed (which checkpoints the file) at the end."""
    with commit_turn(db):
        deadline = time.monotonic() + wait_seconds
        while True:
            try:
                con = duckdb.connect(str(db), config={"memory_limit": memory_limit, "threads": 1})
                break
            except duckdb.Error as exc:
                if not _in_use(exc):
                    raise StoreUnreadable(f"The store file {db} cannot be read ({exc.__class__.__name__}). "
                                          "Re-create it with: python -m dashboard build --fresh") from exc
                if time.monotonic() > deadline:
                    raise StoreBusy(f"The store {db} is kept open by another program; close it and try again.") from exc
                time.sleep(POLL_SECONDS)
        try:
            yield con
        finally:
            con.close()
