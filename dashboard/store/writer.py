"""Writing the store: one writer at a time, and a crash never damages what readers see.

A write session copies the current store to a temporary file beside it, writes there, and
atomically renames it over the store when everything is committed (`os.replace`). Readers (the
app) keep reading the previous file until then, and a process killed half way leaves the
previous store untouched; its temporary file is removed by the next writer. A lock file keeps
two writers from racing.
"""
from __future__ import annotations

import fcntl
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import pyarrow as pa

from dashboard.pipeline.arabic import fold
from dashboard.records import Event, Failure, ProcessedArticle

from .schema import DDL, SCHEMA_VERSION
from .span import date_span

FLUSH_EVERY = 2000  # articles buffered in memory before a bulk insert

_ARTICLE_COLS = ["id", "source", "fmt", "url", "title", "site", "published", "language", "text",
                 "search_text", "content_hash", "added_at"]
_PLACE_COLS = ["id", "name", "name_fr", "name_ar", "kind", "country", "lat", "lon"]
_PLACE_MENTION_COLS = ["article_id", "place_id", "start", "end", "surface", "how"]
_ACTOR_COLS = ["id", "name", "kind", "country"]
_ACTOR_MENTION_COLS = ["article_id", "actor_id", "start", "end", "surface", "role", "how"]
_EVENT_COLS = ["id", "article_id", "type", "status", "date", "date_precision", "date_source",
               "day_from", "day_to", "place_id", "place_name", "place_kind", "country", "lat", "lon",
               "actors", "evidence", "start", "end", "trigger", "confidence", "cluster"]


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    for stmt in DDL:
        con.execute(stmt)
    con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])


@dataclass
class WriteReport:
    added: int = 0
    present: int = 0
    failures: list[Failure] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.failures)


class StoreWriter:
    """Adds processed articles and failures inside one write session (see `write_session`)."""

    def __init__(self, con: duckdb.DuckDBPyConnection):
        self.con = con
        self.report = WriteReport()
        self._ids: set[str] = set()
        self._hashes: set[str] = set()
        for art_id, digest in con.execute("SELECT id, content_hash FROM articles").fetchall():
            self._ids.add(art_id)
            self._hashes.add(digest)
        self._place_ids = {r[0] for r in con.execute("SELECT id FROM places").fetchall()}
        self._actor_ids = {r[0] for r in con.execute("SELECT id FROM actors").fetchall()}
        self._rows: dict[str, list[tuple]] = {}
        self._pending = 0
        self._new_events = 0

    # -- queries a caller may use to skip work -------------------------------------------------
    def has_article(self, article_id: str | None = None, content_hash: str | None = None) -> bool:
        return (article_id is not None and article_id in self._ids) or (
            content_hash is not None and content_hash in self._hashes)

    def feed_state(self) -> dict[str, tuple[str | None, str | None]]:
        rows = self.con.execute("SELECT url, etag, modified FROM feed_state").fetchall()
        return {url: (etag, modified) for url, etag, modified in rows}

    def save_feed_state(self, state: dict[str, tuple[str | None, str | None]]) -> None:
        now = _now()
        for url, (etag, modified) in state.items():
            self.con.execute("INSERT OR REPLACE INTO feed_state VALUES (?, ?, ?, ?)", [url, etag, modified, now])

    # -- writes ----------------------------------------------------------------------------------
    def add_failure(self, failure: Failure) -> None:
        now = _now()
        self.con.execute(
            "INSERT INTO failures VALUES (?, ?, ?, ?) "
            "ON CONFLICT (source, reason) DO UPDATE SET last_seen = excluded.last_seen",
            [failure.source, failure.reason, now, now],
        )
        self.report.failures.append(failure)

    def add_article(self, art: ProcessedArticle) -> bool:
        """Store one article with its mentions and events; False if it is already there."""
        if self.has_article(art.id, art.content_hash):
            self.report.present += 1
            return False
        self._ids.add(art.id)
        self._hashes.add(art.content_hash)
        search = fold(f"{art.title or ''}\n{art.text}")
        self._buffer("articles", (art.id, art.source, art.fmt, art.url, art.title, art.site, art.published,
                                  art.language, art.text, search, art.content_hash, _now()))
        for m in art.places:
            self._remember_place(m.place)
            self._buffer("place_mentions", (art.id, m.place.id, m.start, m.end, m.surface, m.how))
        for a in art.actors:
            if a.actor_id not in self._actor_ids:
                self._actor_ids.add(a.actor_id)
                self._buffer("actors", (a.actor_id, a.name, a.kind, a.country))
            self._buffer("actor_mentions", (art.id, a.actor_id, a.start, a.end, a.surface, a.role, a.how))
        for n, ev in enumerate(art.events):
            self._buffer("events", _event_row(art, n, ev))
            self._new_events += 1
        self.report.added += 1
        self.con.execute("DELETE FROM failures WHERE source = ?", [art.source])
        self._pending += 1
        if self._pending >= FLUSH_EVERY:
            self.flush()
        return True

    def _remember_place(self, place) -> None:
        if place.id not in self._place_ids:
            self._place_ids.add(place.id)
            self._buffer("places", (place.id, place.name, place.name_fr, place.name_ar, place.kind,
                                    place.country, place.lat, place.lon))

    def _buffer(self, table: str, row: tuple) -> None:
        self._rows.setdefault(table, []).append(row)

    def flush(self) -> None:
        """Bulk-insert what is buffered (one Arrow table per target table)."""
        columns = {"articles": _ARTICLE_COLS, "places": _PLACE_COLS, "place_mentions": _PLACE_MENTION_COLS,
                   "actors": _ACTOR_COLS, "actor_mentions": _ACTOR_MENTION_COLS, "events": _EVENT_COLS}
        for table in ("articles", "places", "place_mentions", "actors", "actor_mentions", "events"):
            rows = self._rows.pop(table, None)
            if not rows:
                continue
            cols = columns[table]
            batch = pa.table({c: [r[i] for r in rows] for i, c in enumerate(cols)})  # noqa: F841
            quoted = ", ".join(f'"{c}"' for c in cols)
            self.con.execute(f"INSERT INTO {table} ({quoted}) SELECT {quoted} FROM batch")
        self._pending = 0

    def finish(self) -> None:
        self.flush()
        if self._new_events:
            self._recluster()
        self.con.execute("INSERT OR REPLACE INTO meta VALUES ('updated_at', ?)", [_now().isoformat()])

    def _recluster(self) -> None:
        """Number the real-world events: one number for reports of the same event in many articles."""
        from dashboard.store.clusters import assign_clusters

        assign_clusters(self.con)


def _event_row(art: ProcessedArticle, n: int, ev: Event) -> tuple:
    day_from, day_to = date_span(ev.date)
    place = ev.place.place if ev.place else None
    country = ev.country or (place.country if place else None)
    return (f"{art.id}#{n}", art.id, ev.type, ev.status, ev.date, ev.date_precision, ev.date_source,
            day_from, day_to, place.id if place else None, place.name if place else None,
            place.kind if place else None, country, place.lat if place else None,
            place.lon if place else None, list(ev.actors), ev.evidence, ev.start, ev.end, ev.trigger,
            ev.confidence, None)


# -- sessions ------------------------------------------------------------------------------------

def _tmp_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".writing")


@contextmanager
def _writer_lock(db_path: Path) -> Iterator[None]:
    lock_path = db_path.with_name(db_path.name + ".lock")
    with open(lock_path, "a+") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


@contextmanager
def write_session(db_path: Path, *, fresh: bool = False) -> Iterator[StoreWriter]:
    """Open the store for writing; on success the new file replaces the old one atomically.

    `fresh=True` starts from an empty store (the `build` command) instead of a copy.
    If the body raises, nothing is replaced and the exception propagates.
    """
    db_path = Path(db_path)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    with _writer_lock(db_path):
        tmp = _tmp_path(db_path)
        for leftover in (tmp, tmp.with_name(tmp.name + ".wal")):
            leftover.unlink(missing_ok=True)  # a crashed writer's work: never committed
        if db_path.exists() and not fresh:
            shutil.copyfile(db_path, tmp)
        con = duckdb.connect(str(tmp))
        try:
            ensure_schema(con)
            writer = StoreWriter(con)
            con.execute("BEGIN TRANSACTION")
            yield writer
            writer.finish()
            con.execute("COMMIT")
            con.execute("CHECKPOINT")
        except BaseException:
            con.close()
            tmp.unlink(missing_ok=True)
            raise
        con.close()
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, db_path)
        _fsync_dir(db_path.parent)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
