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

from dashboard.records import Failure, ProcessedArticle

from .rows import COLUMNS, TABLES, article_rows
from .schema import DDL, MIGRATIONS, SCHEMA_VERSION

_HASH = COLUMNS["articles"].index("content_hash")
_SOURCE = COLUMNS["articles"].index("source")

FLUSH_EVERY = 2000  # articles buffered in memory before a bulk insert


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    for stmt in DDL:
        con.execute(stmt)
    for table, column, sql_type, fill in MIGRATIONS:
        have = {r[0] for r in con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table]).fetchall()}
        if column not in have:
            con.execute(f'ALTER TABLE {table} ADD COLUMN "{column}" {sql_type}')
            if fill:
                con.execute(fill)
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
        self._stored_sources: list[str] = []
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
        self.add_rows(article_rows(art, _now()))
        return True

    def add_rows(self, rows: dict[str, list[tuple]]) -> None:
        """Buffer the rows of one new article (see `rows.article_rows`)."""
        for art_row in rows["articles"]:
            self._ids.add(art_row[0])
            self._hashes.add(art_row[_HASH])
            self._stored_sources.append(art_row[_SOURCE])
            self.report.added += 1
        for place_row in rows["places"]:
            if place_row[0] not in self._place_ids:
                self._place_ids.add(place_row[0])
                self._buffer("places", place_row)
        for actor_row in rows["actors"]:
            if actor_row[0] not in self._actor_ids:
                self._actor_ids.add(actor_row[0])
                self._buffer("actors", actor_row)
        for table in ("articles", "place_mentions", "actor_mentions", "events"):
            self._rows.setdefault(table, []).extend(rows[table])
        self._new_events += len(rows["events"])
        self._pending += 1
        if self._pending >= FLUSH_EVERY:
            self.flush()

    def _buffer(self, table: str, row: tuple) -> None:
        self._rows.setdefault(table, []).append(row)

    def flush(self) -> None:
        """Bulk-insert what is buffered (one Arrow table per target table).

        The SQL reads the local Arrow tables by their variable names (DuckDB's replacement scans),
        hence the `noqa: F841` on variables that look unused."""
        for table in TABLES:
            rows = self._rows.pop(table, None)
            if not rows:
                continue
            cols = COLUMNS[table]
            batch = pa.table({c: [r[i] for r in rows] for i, c in enumerate(cols)})  # noqa: F841
            quoted = ", ".join(f'"{c}"' for c in cols)
            self.con.execute(f"INSERT INTO {table} ({quoted}) SELECT {quoted} FROM batch")
        if self._stored_sources:  # a source that now gives an article is no longer a failure
            stored = pa.table({"source": self._stored_sources})  # noqa: F841
            self.con.execute("DELETE FROM failures WHERE source IN (SELECT source FROM stored)")
            self._stored_sources = []
        self._pending = 0

    def import_parquet(self, folder: Path) -> None:
        """Import rows written by `dashboard.distributed` workers (one Parquet folder per table,
        each row with its input position `seq`), skipping articles already present, in input order."""
        self.flush()
        files = {t: sorted((Path(folder) / t).rglob("*.parquet")) for t in TABLES}
        if not files["articles"]:
            return

        def source(table: str) -> str:
            listed = ", ".join("'" + str(f).replace("'", "''") + "'" for f in files[table])
            return f"read_parquet([{listed}], union_by_name = true)"

        accepted: list[int] = []
        for art_id, digest, seq, src in self.con.execute(
                f"SELECT id, content_hash, seq, source FROM {source('articles')} ORDER BY seq").fetchall():
            if self.has_article(art_id, digest):
                self.report.present += 1
                continue
            self._ids.add(art_id)
            self._hashes.add(digest)
            self._stored_sources.append(src)
            self.report.added += 1
            accepted.append(seq)
        kept = pa.table({"seq": pa.array(accepted, pa.int64())})  # noqa: F841
        for table in TABLES:
            if not files[table]:
                continue
            quoted = ", ".join(f'"{c}"' for c in COLUMNS[table])
            if table in ("places", "actors"):  # shared entities: first appearance, if new
                self.con.execute(
                    f"INSERT INTO {table} ({quoted}) SELECT {quoted} FROM ("
                    f"  SELECT *, row_number() OVER (PARTITION BY id ORDER BY seq) AS first FROM {source(table)}"
                    f"  WHERE seq IN (SELECT seq FROM kept)) "
                    f"WHERE first = 1 AND id NOT IN (SELECT id FROM {table}) ORDER BY seq")
            else:
                self.con.execute(f"INSERT INTO {table} ({quoted}) SELECT {quoted} FROM {source(table)} "
                                 f"WHERE seq IN (SELECT seq FROM kept) ORDER BY seq")
        self._new_events += self.con.execute("SELECT count(*) FROM events WHERE cluster IS NULL").fetchone()[0]
        self.flush()

    def finish(self) -> None:
        self.flush()
        if self._new_events:
            self._recluster()
        self.con.execute("INSERT OR REPLACE INTO meta VALUES ('updated_at', ?)", [_now().isoformat()])

    def _recluster(self) -> None:
        """Number the real-world events: one number for reports of the same event in many articles."""
        from dashboard.store.clusters import assign_clusters

        assign_clusters(self.con)


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
