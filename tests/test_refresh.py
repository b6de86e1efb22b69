"""The background feed refresh, against feeds served on 127.0.0.1 (tests/feed_server.py), into a
real store; and the "Updated" line it feeds."""
from __future__ import annotations

import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import duckdb
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from feed_server import ARTICLES, BROKEN_REASON, FeedServer  # noqa: E402

from dashboard.refresh import NOT_A_FEED_ADDRESS, Refresher, RefreshConfig, RefreshStatus, refresh_due  # noqa: E402
from dashboard.ui.refresh_status import clock_text, progress, status_text  # noqa: E402

NOON = datetime(2025, 5, 7, 12, 0, tzinfo=timezone.utc)


def rows(db: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


@pytest.fixture(scope="module")
def feeds():
    with FeedServer(slow_seconds=2.0) as server:
        yield server


def refresher(tmp_path: Path, feeds: FeedServer, **config) -> Refresher:
    config = {"hours": 6, "allow_private": True, **config}
    return Refresher(RefreshConfig(db=tmp_path / "store.duckdb", feeds_file=feeds.feeds_file(tmp_path / "feeds.txt"),
                                   **config))


# -- when ----------------------------------------------------------------------------------------

def test_a_refresh_is_due_when_the_app_starts():
    assert refresh_due(None, NOON, 6)


def test_a_refresh_is_not_due_before_the_set_hours():
    assert not refresh_due(NOON - timedelta(hours=5, minutes=59), NOON, 6)


def test_a_refresh_is_due_once_the_set_hours_have_passed():
    assert refresh_due(NOON - timedelta(hours=6), NOON, 6)


def test_zero_hours_turns_refreshes_off():
    assert not refresh_due(None, NOON, 0)


# -- what a refresh does -------------------------------------------------------------------------

def test_a_refresh_stores_the_articles_of_every_feed_and_the_broken_feed_as_a_problem(tmp_path, feeds):
    worker = refresher(tmp_path, feeds)
    assert worker.start_if_due()
    status = worker.wait(60)
    db = tmp_path / "store.duckdb"
    assert sorted(rows(db, "SELECT title FROM articles")) == sorted((a[0],) for a in ARTICLES.values())
    assert sorted(rows(db, "SELECT type, place_name FROM events")) == sorted((a[2], a[1]) for a in ARTICLES.values())
    [(source, reason)] = rows(db, "SELECT source, reason FROM failures")
    assert source == feeds.url("/broken.xml") and reason.startswith(BROKEN_REASON)
    assert (status.running, status.added, status.failed, status.feeds, status.runs, status.error) == \
        (False, 4, 1, 5, 1, None)


def test_a_second_refresh_adds_nothing_new(tmp_path, feeds):
    worker = refresher(tmp_path, feeds, hours=0.0001)
    worker.start_if_due()
    worker.wait(60)
    time.sleep(0.5)
    assert worker.start_if_due()
    status = worker.wait(60)
    assert (status.added, status.runs) == (0, 2)
    assert rows(tmp_path / "store.duckdb", "SELECT count(*) FROM articles") == [(4,)]


def test_one_refresh_at_a_time_however_often_it_is_asked(tmp_path, feeds):
    worker = refresher(tmp_path, feeds)
    before = len(feeds.requests)
    assert [worker.start_if_due() for _ in range(5)] == [True, False, False, False, False]
    worker.wait(60)
    assert not worker.start_if_due()  # and none again before the set hours
    assert len(feeds.requests) - before == 5  # each feed once


def test_while_the_slow_feed_is_read_the_others_are_done(tmp_path, feeds):
    worker = refresher(tmp_path, feeds)
    worker.start_if_due()
    deadline = time.monotonic() + 30
    while worker.status().done < 4 and time.monotonic() < deadline:
        time.sleep(0.05)
    status = worker.status()
    assert (status.running, status.phase, status.done, status.total) == (True, "feeds", 4, 5)
    worker.wait(60)


def test_this_machine_is_refused_unless_private_feeds_are_allowed(tmp_path, feeds):
    before = len(feeds.requests)
    worker = refresher(tmp_path, feeds, allow_private=False)
    worker.start_if_due()
    worker.wait(60)
    reasons = [r for (r,) in rows(tmp_path / "store.duckdb", "SELECT reason FROM failures")]
    assert len(reasons) == 5 and all(r.endswith("this is refused for safety.") for r in reasons)
    assert rows(tmp_path / "store.duckdb", "SELECT count(*) FROM articles") == [(0,)]
    assert len(feeds.requests) == before


def test_lines_that_are_not_web_addresses_are_problems_and_never_read_as_files(tmp_path, feeds):
    secret = tmp_path / "secret.txt"
    secret.write_text("Les forces maliennes ont mené une opération à Gao.", encoding="utf-8")
    listing = tmp_path / "feeds.txt"
    listing.write_text(f"{secret}\nfile:///etc/passwd\n", encoding="utf-8")
    worker = Refresher(RefreshConfig(db=tmp_path / "store.duckdb", feeds_file=listing, hours=6, allow_private=True))
    worker.start_if_due()
    worker.wait(60)
    assert sorted(rows(tmp_path / "store.duckdb", "SELECT source, reason FROM failures")) == \
        sorted([("file:///etc/passwd", NOT_A_FEED_ADDRESS), (str(secret), NOT_A_FEED_ADDRESS)])
    assert rows(tmp_path / "store.duckdb", "SELECT count(*) FROM articles") == [(0,)]


def test_a_refresh_that_finds_nothing_leaves_the_store_file_as_it_was(tmp_path):
    from dashboard.store import write_session

    with write_session(tmp_path / "store.duckdb", fresh=True):
        pass
    before = (tmp_path / "store.duckdb").stat()
    listing = tmp_path / "feeds.txt"
    listing.write_text("# no feed yet\n", encoding="utf-8")
    worker = Refresher(RefreshConfig(db=tmp_path / "store.duckdb", feeds_file=listing, hours=6))
    worker.start_if_due()
    status = worker.wait(60)
    after = (tmp_path / "store.duckdb").stat()
    assert (status.added, status.failed, status.error, status.runs) == (0, 0, None, 1)
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_a_missing_feeds_file_is_a_problem_not_a_crash(tmp_path):
    worker = Refresher(RefreshConfig(db=tmp_path / "store.duckdb", feeds_file=tmp_path / "none.txt", hours=6))
    worker.start_if_due()
    status = worker.wait(60)
    assert status.error is None and status.failed == 1
    assert rows(tmp_path / "store.duckdb", "SELECT reason FROM failures") == \
        [("The feeds file does not exist, so no feed was read.",)]


def test_the_collection_is_written_after_a_refresh_when_asked(tmp_path, feeds):
    from dashboard.store.collection import import_collection

    worker = refresher(tmp_path, feeds, collection=tmp_path / "collection")
    worker.start_if_due()
    worker.wait(60)
    import_collection(tmp_path / "collection", tmp_path / "rebuilt.duckdb")
    assert sorted(rows(tmp_path / "rebuilt.duckdb", "SELECT title FROM articles")) == \
        sorted((a[0],) for a in ARTICLES.values())
    assert len(rows(tmp_path / "rebuilt.duckdb", "SELECT * FROM failures")) == 1


def test_a_refresh_that_cannot_write_says_why_and_the_next_one_may_run(tmp_path, feeds):
    blocked = tmp_path / "store.duckdb"
    blocked.mkdir()  # a folder where the store file should be
    worker = refresher(tmp_path, feeds, hours=0.0001)
    worker.start_if_due()
    status = worker.wait(60)
    assert not status.running and status.runs == 1 and status.error.startswith("The store file") \
        and "cannot be read" in status.error
    time.sleep(0.5)
    assert worker.start_if_due()
    worker.wait(60)


# -- the line under the title -------------------------------------------------------------------

def test_the_line_says_when_and_how_many_new_articles_in_each_language():
    done = RefreshStatus(finished_at=datetime(2025, 5, 7, 14, 5, tzinfo=timezone.utc), added=37, runs=1)
    utc = ZoneInfo("UTC")
    assert status_text(done, "en", utc, NOON) == "Updated 14:05 UTC · 37 new articles"
    assert status_text(done, "fr", utc, NOON) == "Mis à jour : 14:05 UTC · 37 nouveaux articles"
    assert status_text(done, "ar", utc, NOON) == "آخر تحديث 14:05 UTC · 37 مقالا جديدا"


def test_one_new_article_is_counted_in_the_singular():
    done = RefreshStatus(finished_at=datetime(2025, 5, 7, 14, 5, tzinfo=timezone.utc), added=1, runs=1)
    utc = ZoneInfo("UTC")
    assert status_text(done, "en", utc, NOON) == "Updated 14:05 UTC · 1 new article"
    assert status_text(done, "fr", utc, NOON) == "Mis à jour : 14:05 UTC · 1 nouvel article"
    assert status_text(done, "ar", utc, NOON) == "آخر تحديث 14:05 UTC · مقال جديد واحد"


def test_the_time_is_the_readers_own_and_another_day_shows_its_date():
    done = RefreshStatus(finished_at=datetime(2025, 5, 7, 14, 5, tzinfo=timezone.utc), added=2, runs=1)
    assert status_text(done, "en", ZoneInfo("Africa/Lagos"), NOON) == "Updated 15:05 · 2 new articles"
    # 23:30 UTC on the 6th is already the 7th (today) in Casablanca, still the 6th in Bamako
    assert clock_text(datetime(2025, 5, 6, 23, 30), ZoneInfo("Africa/Casablanca"), NOON) == "00:30"
    assert clock_text(datetime(2025, 5, 6, 23, 30), ZoneInfo("Africa/Bamako"), NOON) == "2025-05-06 23:30"


def test_the_line_counts_what_could_not_be_read():
    done = RefreshStatus(finished_at=datetime(2025, 5, 7, 9, 0, tzinfo=timezone.utc), added=3, failed=2, runs=1)
    assert status_text(done, "en", ZoneInfo("Africa/Bamako"), NOON) == \
        "Updated 09:00 · 3 new articles · 2 could not be read (see Problems)"


def test_before_any_refresh_the_line_gives_the_newest_articles_time():
    assert status_text(RefreshStatus(), "en", ZoneInfo("Africa/Bamako"), NOON, datetime(2025, 5, 7, 6, 0)) == \
        "Updated 06:00"
    assert status_text(RefreshStatus(), "en", ZoneInfo("Africa/Bamako"), NOON) == ""


def test_progress_before_the_feeds_are_counted_says_only_that_the_news_is_updated():
    assert progress(RefreshStatus(running=True, phase="feeds"), "ar") == (0.0, "تحديث الأخبار…")


def test_progress_is_feeds_then_articles():
    assert progress(RefreshStatus(running=True, phase="feeds", done=3, total=6), "en") == \
        (0.25, "Updating the news: 3 of 6 feeds read…")
    assert progress(RefreshStatus(running=True, phase="articles", done=10, total=40), "fr") == \
        (0.625, "Mise à jour des nouvelles : 10 articles analysés sur 40…")
