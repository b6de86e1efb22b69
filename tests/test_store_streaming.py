"""Writes stream: inputs are read as they come, committed in batches into the store file itself, and
a reader steps aside while a batch is committed (real DuckDB files, real threads)."""
from __future__ import annotations

import threading
import time
from pathlib import Path

import duckdb
import pytest

from dashboard.bench.synthetic import generate
from dashboard.records import Failure, RawArticle
from dashboard.resources import default_resources
from dashboard.runner import store_items
from dashboard.sources.formats import metadata
from dashboard.store import StoreBusy, StoreReader, write_session


def rows(db: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def synthetic(n: int, seed: int = 21) -> list[RawArticle]:
    return [RawArticle(source=f"wire:{i}", text=r["text"], fmt="jsonl", **metadata(r))
            for i, r in enumerate(generate(n, seed))]


class BrokenFeed(Exception):
    pass


def then_breaks(items: list[RawArticle], pulled: list[int]):
    for item in items:
        pulled.append(1)
        yield item
    raise BrokenFeed("the input broke off")


def test_an_ingest_that_breaks_off_keeps_every_batch_it_committed(tmp_path, monkeypatch):
    import dashboard.runner as runner
    import dashboard.store.writer as writer

    monkeypatch.setattr(writer, "BATCH_ARTICLES", 10)
    monkeypatch.setattr(runner, "READ_AHEAD_ITEMS", 5)
    db = tmp_path / "s.duckdb"
    pulled: list[int] = []
    with pytest.raises(BrokenFeed):
        store_items(then_breaks(synthetic(25), pulled), db, resources=default_resources())
    assert len(pulled) == 25
    assert rows(db, "SELECT count(*), count(DISTINCT id) FROM articles") == [(20, 20)]
    assert rows(db, "SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM events)") == [(0,)]


def test_the_next_write_numbers_the_clusters_a_broken_one_left(tmp_path, monkeypatch):
    import dashboard.runner as runner
    import dashboard.store.writer as writer

    monkeypatch.setattr(writer, "BATCH_ARTICLES", 10)
    monkeypatch.setattr(runner, "READ_AHEAD_ITEMS", 5)
    db = tmp_path / "s.duckdb"
    with pytest.raises(BrokenFeed):
        store_items(then_breaks(synthetic(12), []), db, resources=default_resources())
    assert rows(db, "SELECT count(*) > 0 FROM events WHERE cluster IS NULL") == [(True,)]
    with write_session(db) as w:
        w.add_failure(Failure("inbox/empty.txt", "The file is empty."))
    assert rows(db, "SELECT count(*) FROM events WHERE cluster IS NULL") == [(0,)]


def test_a_write_goes_into_the_store_file_itself(tmp_path):
    db = tmp_path / "s.duckdb"
    store_items(synthetic(3), db, resources=default_resources())
    inode = db.stat().st_ino
    store_items(synthetic(3, seed=22), db, resources=default_resources())
    assert db.stat().st_ino == inode
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.duckdb", "s.duckdb.commit", "s.duckdb.lock"]
    assert rows(db, "SELECT count(*) FROM articles") == [(6,)]


def hold_a_commit(db: Path, seconds: float, started: threading.Event) -> threading.Thread:
    from dashboard.store.gate import exclusive_connection

    def hold() -> None:
        with exclusive_connection(db, 30, "64MB") as con:
            con.execute("INSERT INTO failures VALUES ('held.txt', 'held', now()::TIMESTAMP, now()::TIMESTAMP)")
            started.set()
            time.sleep(seconds)

    thread = threading.Thread(target=hold)
    thread.start()
    return thread


def test_a_reader_waits_for_a_commit_and_then_sees_it(tmp_path):
    db = tmp_path / "s.duckdb"
    store_items(synthetic(2), db, resources=default_resources())
    reader = StoreReader(db)
    assert reader.fetchone("SELECT count(*) FROM failures")[0] == 0  # the reader holds the file open
    started = threading.Event()
    writer = hold_a_commit(db, 1.0, started)
    assert started.wait(30)  # the reader stepped aside: the writer got the file
    assert reader.fetchone("SELECT count(*) FROM failures")[0] == 1  # waited for the commit, then saw it
    writer.join()
    reader.close()


def test_an_ingest_of_known_addresses_runs_beside_a_reader_in_the_same_process(tmp_path):
    """The app's feed refresh: its writer looks addresses up while the page's reader has the file open."""
    db = tmp_path / "s.duckdb"
    items = synthetic(2)
    store_items(items, db, resources=default_resources())
    reader = StoreReader(db)
    assert reader.article_count() == 2  # the reader holds the file open in this process
    report = store_items(items, db, resources=default_resources())  # the same addresses again
    assert (report.added, report.present) == (0, 2)
    assert reader.article_count() == 2
    reader.close()


def test_a_commit_held_longer_than_a_reader_waits_is_a_plain_busy_error(tmp_path, monkeypatch):
    db = tmp_path / "s.duckdb"
    store_items(synthetic(2), db, resources=default_resources())
    monkeypatch.setenv("DASHBOARD_STORE_WAIT_SECONDS", "0.5")
    started = threading.Event()
    writer = hold_a_commit(db, 3.0, started)
    assert started.wait(30)
    reader = StoreReader(db)
    with pytest.raises(StoreBusy, match="is being updated; try again in a moment"):
        reader.article_count()
    writer.join()
    assert reader.article_count() == 2
    reader.close()
