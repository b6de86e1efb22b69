"""Writing the store: one writer at a time, committing bounded batches into the file itself.

A write session (`write_session`) buffers what it is given and commits it every `BATCH_ARTICLES`
articles (or `BATCH_CHARS` characters of text) as one DuckDB transaction on the store file, then
frees the batch. So:

- memory holds one batch, however many articles a run adds;
- a write costs what it writes: nothing is copied, and the articles already stored are looked up
  through the table's index, never loaded;
- a process killed half way loses only the batch it was committing (DuckDB's write-ahead log
  makes each commit all or nothing), and re-running the same ingest adds the rest, nothing twice;
- readers (the app) see whole batches only; they step aside for the second a commit takes (see
  `gate.py`) and keep reading the stored articles while the writer reads and processes.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pyarrow as pa

from dashboard.records import Failure, ProcessedArticle
from dashboard.settings import db_memory_limit, store_wait_seconds

from .errors import StoreUnreadable
from .gate import commit_turn, exclusive_connection, wal_path, writer_lock
from .rows import COLUMNS, TABLES, article_rows
from .schema import DDL, MIGRATIONS, SCHEMA_VERSION

BATCH_ARTICLES = 1000  # articles per commit: fewer commits (each a pause for readers) against memory held
BATCH_CHARS = 5_000_000  # characters of article text per commit: bounds memory when articles are long
BATCH_FAILURES = 5000  # failures per commit (an input of nothing but broken lines)
REPORTED_FAILURES = 1000  # failures a report lists (all are stored and counted)
WRITER_MEMORY = "64MB"  # DuckDB's cache while committing: a batch reads little, a bigger cache only raises the peak

_HASH = COLUMNS["articles"].index("content_hash")
_SOURCE = COLUMNS["articles"].index("source")
_TEXT = COLUMNS["articles"].index("text")


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


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
    failures: list[Failure] = field(default_factory=list)  # the first REPORTED_FAILURES
    failed: int = 0

    def count_failure(self, failure: Failure) -> None:
        self.failed += 1
        if len(self.failures) < REPORTED_FAILURES:
            self.failures.append(failure)


@dataclass
class _Batch:
    """What the next commit writes."""

    articles: list[dict[str, list[tuple]]] = field(default_factory=list)  # rows per table, one dict an article
    ids: set[str] = field(default_factory=set)
    hashes: set[str] = field(default_factory=set)
    failures: dict[tuple[str, str], datetime] = field(default_factory=dict)
    chars: int = 0

    def full(self) -> bool:
        return len(self.articles) >= BATCH_ARTICLES or self.chars >= BATCH_CHARS or len(self.failures) >= BATCH_FAILURES


class StoreWriter:
    """Adds processed articles and failures inside one write session (see `write_session`)."""

    def __init__(self, db: Path):
        self.db = Path(db)
        self.report = WriteReport()
        self._batch = _Batch()
        self._lookup: duckdb.DuckDBPyConnection | None = None
        self._schema_ready = False
        self._feed_state: dict[str, tuple[str | None, str | None]] = {}

    # -- questions a caller may ask to skip work -------------------------------------------------
    def known_ids(self, article_ids: Iterable[str | None]) -> set[str]:
        """Which of these article ids are stored or waiting in this batch (one query)."""
        ids = sorted({i for i in article_ids if i})
        known = {i for i in ids if i in self._batch.ids}
        rest = [i for i in ids if i not in known]
        if rest and self._connected_for_lookup() and self._lookup is not None:  # (connected: it is not None)
            found = self._lookup.execute("SELECT id FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                                         [rest]).fetchall()
            known.update(r[0] for r in found)
        return known

    def buffered(self, article_id: str) -> bool:
        """Whether this article id waits in the batch being filled."""
        return article_id in self._batch.ids

    def has_article(self, article_id: str | None = None, content_hash: str | None = None) -> bool:
        if article_id and self.known_ids([article_id]):
            return True
        if not content_hash:
            return False
        if content_hash in self._batch.hashes:
            return True
        return self._connected_for_lookup() and self._lookup is not None and self._lookup.execute(
            "SELECT 1 FROM articles WHERE content_hash = ?", [content_hash]).fetchone() is not None

    def _connected_for_lookup(self) -> bool:
        """A read-only connection for look-ups between commits, shared with the app's readers: DuckDB
        refuses a second connection to a file open in this process with another configuration, so
        it is opened with the readers' own (a feed refresh runs inside the app's process)."""
        if self._lookup is None:
            if not self.db.exists():
                return False
            try:
                self._lookup = duckdb.connect(str(self.db), read_only=True,
                                              config={"memory_limit": db_memory_limit()})
                self._lookup.execute("SELECT id FROM articles LIMIT 0")
            except duckdb.Error as exc:
                self._close_lookup()
                if "articles" in str(exc) and "exist" in str(exc):  # a new file with no table yet
                    return False
                raise StoreUnreadable(f"The store file {self.db} cannot be read ({exc.__class__.__name__}). "
                                      "Re-create it with: python -m dashboard build --fresh") from exc
        return True

    def _close_lookup(self) -> None:
        if self._lookup is not None:
            self._lookup.close()
            self._lookup = None

    # -- writes ----------------------------------------------------------------------------------
    def add_failure(self, failure: Failure) -> None:
        self._batch.failures[(failure.source, failure.reason)] = _now()
        self.report.count_failure(failure)
        if self._batch.full():
            self.commit()

    def add_article(self, art: ProcessedArticle) -> bool:
        """Buffer one article with its mentions and events, and commit if the batch is full; False
        if this batch already has it (one already stored is counted as present when committed)."""
        buffered = self.buffer_article(art)
        self.commit_if_full()
        return buffered

    def buffer_article(self, art: ProcessedArticle) -> bool:
        """`add_article` without the commit: a caller that holds a long article can let go of it
        before the batch is written (`commit_if_full`)."""
        return self.add_rows(article_rows(art, _now()))

    def add_rows(self, rows: dict[str, list[tuple]]) -> bool:
        """Buffer the rows of one article (see `rows.article_rows`: a caller may say when it was
        added); False if this batch already has it. Committed by `commit_if_full` or the session."""
        head = rows["articles"][0]
        if head[0] in self._batch.ids or head[_HASH] in self._batch.hashes:
            self.report.present += 1
            return False
        self._batch.articles.append(rows)
        self._batch.ids.add(head[0])
        self._batch.hashes.add(head[_HASH])
        self._batch.chars += len(head[_TEXT] or "")
        return True

    def commit_if_full(self) -> None:
        if self._batch.full():
            self.commit()

    def save_feed_state(self, state: dict[str, tuple[str | None, str | None]]) -> None:
        """Remembered with the session's last commit."""
        self._feed_state.update(state)

    def commit(self) -> None:
        """Write the batch as one transaction on the store file, then free it."""
        self._close_lookup()
        batch, self._batch = self._batch, _Batch()
        with exclusive_connection(self.db, store_wait_seconds(), WRITER_MEMORY) as con:
            if not self._schema_ready:
                ensure_schema(con)
                self._schema_ready = True
            con.execute("BEGIN TRANSACTION")
            given = len(batch.articles)
            added = _write_batch(con, batch)
            if self._feed_state:
                _save_feed_state(con, self._feed_state)
            con.execute("INSERT OR REPLACE INTO meta VALUES ('updated_at', ?)", [_now().isoformat()])
            con.execute("COMMIT")
        self.report.added += added
        self.report.present += given - added

    def finish(self) -> None:
        """Commit what is left, then number the clusters of the new events, a chunk a commit (in
        date order; see `clusters.number_next_chunk`). Events a crashed session left unnumbered
        are numbered here too."""
        self.commit()
        from .clusters import number_next_chunk

        while True:
            with exclusive_connection(self.db, store_wait_seconds(), WRITER_MEMORY) as con:
                con.execute("BEGIN TRANSACTION")
                numbered = number_next_chunk(con)
                con.execute("COMMIT")
            if not numbered:
                return

    def import_parquet(self, folder: Path) -> None:
        """Import rows written by `dashboard.distributed` workers, in one commit (see `parquet.py`)."""
        from .parquet import import_parquet

        self.commit()
        with exclusive_connection(self.db, store_wait_seconds(), WRITER_MEMORY) as con:
            con.execute("BEGIN TRANSACTION")
            added, present = import_parquet(con, Path(folder))
            con.execute("COMMIT")
        self.report.added += added
        self.report.present += present

    def close(self) -> None:
        self._close_lookup()


def _save_feed_state(con: duckdb.DuckDBPyConnection, state: dict[str, tuple[str | None, str | None]]) -> None:
    now = _now()
    for url, (etag, modified) in state.items():
        con.execute("INSERT OR REPLACE INTO feed_state VALUES (?, ?, ?, ?)", [url, etag, modified, now])


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[tuple], only_new_ids: bool = False) -> None:
    """Bulk-insert rows as one Arrow table (DuckDB reads the local variable `batch` by its name)."""
    if not rows:
        return
    cols = COLUMNS[table]
    batch = pa.table({c: [r[i] for r in rows] for i, c in enumerate(cols)})  # noqa: F841
    quoted = ", ".join(f'"{c}"' for c in cols)
    where = f" WHERE id NOT IN (SELECT id FROM {table})" if only_new_ids else ""
    con.execute(f"INSERT INTO {table} ({quoted}) SELECT {quoted} FROM batch{where}")


def _write_batch(con: duckdb.DuckDBPyConnection, batch: _Batch) -> int:
    """Insert the batch's new articles (not stored yet by id or text), their rows, its failures;
    number the new events' clusters. Returns how many articles were new."""
    if batch.failures:
        _record_failures(con, batch.failures)
    if not batch.articles:
        return 0
    new = _unstored_articles(con, batch.articles)
    added = len(new)
    batch.articles.clear()  # (from here on each table's rows are freed once inserted)
    tables, first_place, first_actor = _gather_rows(new)
    del new
    _insert(con, "places", list(first_place.values()), only_new_ids=True)
    _insert(con, "actors", list(first_actor.values()), only_new_ids=True)
    sources = pa.table({"source": [row[_SOURCE] for row in tables["articles"]]})  # noqa: F841
    for table in ("articles", "place_mentions", "actor_mentions", "events"):
        _insert(con, table, tables.pop(table))
    con.execute("DELETE FROM failures WHERE source IN (SELECT source FROM sources)")  # stored now: no longer a failure
    return added


_ArticleRows = dict[str, list[tuple]]  # rows per table


def _record_failures(con: duckdb.DuckDBPyConnection, failures: dict[tuple[str, str], datetime]) -> None:
    """Insert the failures, or move a known failure's last sighting."""
    failed = pa.table({"source": [s for s, _ in failures],  # noqa: F841
                       "reason": [r for _, r in failures], "seen": list(failures.values())})
    con.execute("INSERT INTO failures SELECT source, reason, seen, seen FROM failed "
                "ON CONFLICT (source, reason) DO UPDATE SET last_seen = excluded.last_seen")


def _unstored_articles(con: duckdb.DuckDBPyConnection, articles: list[_ArticleRows]) -> list[_ArticleRows]:
    """The articles (rows per table) whose id and text are both new to the store, in order."""
    heads = [rows["articles"][0] for rows in articles]
    incoming = pa.table({"id": [h[0] for h in heads], "hash": [h[_HASH] for h in heads]})  # noqa: F841
    stored = {r[0] for r in con.execute(
        "SELECT i.id FROM incoming i WHERE i.id IN (SELECT id FROM articles) "
        "OR i.hash IN (SELECT content_hash FROM articles)").fetchall()}
    return [rows for rows, head in zip(articles, heads) if head[0] not in stored]


def _gather_rows(new: list[_ArticleRows]) -> tuple[_ArticleRows, dict[str, tuple], dict[str, tuple]]:
    """The new articles' rows by table, and the first row of each place and actor they name."""
    tables: _ArticleRows = {t: [] for t in TABLES}
    first_place: dict[str, tuple] = {}
    first_actor: dict[str, tuple] = {}
    for rows in new:
        for table in ("articles", "place_mentions", "actor_mentions", "events"):
            tables[table] += rows[table]
        for row in rows["places"]:
            first_place.setdefault(row[0], row)
        for row in rows["actors"]:
            first_actor.setdefault(row[0], row)
    return tables, first_place, first_actor


# -- sessions ------------------------------------------------------------------------------------

def _discard_leftovers(db: Path) -> None:
    """Files of a writer of the earlier design (a copy of the store): never committed, not needed."""
    tmp = db.with_name(db.name + ".writing")
    for leftover in (tmp, tmp.with_name(tmp.name + ".wal")):
        leftover.unlink(missing_ok=True)


def remove_store(db: Path) -> None:
    """Delete the store file (readers step aside as for a commit)."""
    with commit_turn(db):
        for path in (db, wal_path(db)):
            path.unlink(missing_ok=True)


@contextmanager
def replacement_store(db_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A new, empty store written beside the store (`STORE.importing`), put in its place in one
    rename when the body ends without error; if it raises, the new file is deleted and the store
    stays as it was. One writer at a time, as for `write_session`; readers step aside for the rename
    and then open the new file."""
    db_path = Path(db_path)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    new = db_path.with_name(db_path.name + ".importing")
    with writer_lock(db_path):
        for leftover in (new, wal_path(new)):
            leftover.unlink(missing_ok=True)
        try:
            con = duckdb.connect(str(new), config={"memory_limit": WRITER_MEMORY, "threads": 1})
            try:
                ensure_schema(con)
                yield con
            finally:
                con.close()
            with commit_turn(db_path):
                wal_path(db_path).unlink(missing_ok=True)  # the old store's log must not replay onto the new file
                os.replace(new, db_path)
        finally:
            for leftover in (new, wal_path(new)):
                leftover.unlink(missing_ok=True)


@contextmanager
def write_session(db_path: Path, *, fresh: bool = False) -> Iterator[StoreWriter]:
    """Open the store for writing: batches are committed as they fill, the rest when the body ends.

    `fresh=True` deletes the store first (`python -m dashboard build --fresh`). If the body raises,
    the batches committed so far stay and the one being filled is dropped; the exception propagates.
    """
    db_path = Path(db_path)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    with writer_lock(db_path):
        _discard_leftovers(db_path)
        if fresh:
            remove_store(db_path)
        writer = StoreWriter(db_path)
        try:
            yield writer
            writer.finish()
        finally:
            writer.close()
