"""What the app does to its store before the first page (dashboard/startup.py), on real files."""
from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sample_store import articles  # noqa: E402

from dashboard.startup import StartAction, StartPlan, action_due, prepare_store  # noqa: E402
from dashboard.store import write_session  # noqa: E402
from dashboard.store.collection import export_collection  # noqa: E402
from dashboard.store.rows import article_rows  # noqa: E402


def titles(db: Path) -> list[str]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return sorted(t for (t,) in con.execute("SELECT title FROM articles").fetchall())
    finally:
        con.close()


def collection_of(tmp_path: Path, collected: datetime) -> Path:
    db = tmp_path / "source.duckdb"
    with write_session(db, fresh=True) as writer:
        for art in articles()[:2]:
            writer.add_rows(article_rows(art, collected))
    export_collection(db, tmp_path / "collection")
    return tmp_path / "collection"


def plan(tmp_path: Path, collection: Path | None = None, refresh_on: bool = False, has_feeds: bool = False):
    return StartPlan(tmp_path / "store.duckdb", collection, refresh_on, has_feeds)


def test_a_missing_store_is_rebuilt_from_the_collection(tmp_path):
    start = plan(tmp_path, collection_of(tmp_path, datetime(2025, 5, 3, 6)), refresh_on=True, has_feeds=True)
    assert prepare_store(start) == (StartAction.IMPORT, None)
    assert titles(start.db) == ["Exercice conjoint algéro-nigérien près de Tamanrasset",
                                "المغرب والولايات المتحدة يوقعان اتفاقية للتعاون العسكري"]
    assert action_due(start) is StartAction.NONE


def test_a_store_older_than_the_collection_is_rebuilt_from_it(tmp_path):
    start = plan(tmp_path, collection_of(tmp_path, datetime(2025, 5, 3, 6)))
    with write_session(start.db, fresh=True) as writer:
        writer.add_rows(article_rows(articles()[3], datetime(2025, 5, 1, 6)))
    assert action_due(start) is StartAction.IMPORT
    prepare_store(start)
    assert len(titles(start.db)) == 2


def test_a_store_as_new_as_the_collection_is_left_alone(tmp_path):
    start = plan(tmp_path, collection_of(tmp_path, datetime(2025, 5, 3, 6)))
    with write_session(start.db, fresh=True) as writer:
        writer.add_rows(article_rows(articles()[3], datetime(2025, 5, 3, 6)))
    assert prepare_store(start) == (StartAction.NONE, None)
    assert titles(start.db) == ["محادثات موريتانية مالية حول أمن الحدود"]


def test_without_a_collection_an_app_that_refreshes_starts_empty(tmp_path):
    start = plan(tmp_path, refresh_on=True, has_feeds=True)
    assert prepare_store(start) == (StartAction.EMPTY, None)
    assert titles(start.db) == []


def test_without_feeds_to_refresh_the_sample_articles_are_built(tmp_path):
    start = plan(tmp_path, refresh_on=False, has_feeds=True)
    assert prepare_store(start) == (StartAction.SAMPLES, None)
    assert len(titles(start.db)) == 1


def test_a_collection_that_cannot_be_read_is_reported_and_the_app_starts_without_it(tmp_path):
    collection = collection_of(tmp_path, datetime(2025, 5, 3, 6))
    for f in (collection / "articles").rglob("*.parquet"):
        f.write_bytes(b"not parquet")
    start = plan(tmp_path, collection, refresh_on=True, has_feeds=True)
    action, problem = prepare_store(start)
    assert action is StartAction.EMPTY
    assert problem.startswith(f"The collection in {collection} could not be read into the store")
    assert action_due(start) is StartAction.NONE  # not tried again until the collection or the store changes


def test_the_plan_reads_the_settings(tmp_path, monkeypatch):
    feeds = tmp_path / "feeds.txt"
    feeds.write_text("# none yet\n", encoding="utf-8")
    monkeypatch.setenv("DASHBOARD_FEEDS", str(feeds))
    monkeypatch.setenv("DASHBOARD_COLLECTION", str(tmp_path / "collection"))
    monkeypatch.setenv("DASHBOARD_REFRESH_HOURS", "6")
    assert StartPlan.from_settings(tmp_path / "db") == StartPlan(tmp_path / "db", tmp_path / "collection", True, False)
    feeds.write_text("https://news.example/feed.xml\n", encoding="utf-8")
    assert StartPlan.from_settings(tmp_path / "db").has_feeds
