"""The collection: the store as Parquet files in a folder (for git), and the store rebuilt from them.

Stores are written through the real writer from the test articles of sample_store (Arabic, French
and English, texts written for the tests), with the day each article was collected set by the test.
"""
from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import duckdb
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sample_store import articles  # noqa: E402

from dashboard.records import ProcessedArticle  # noqa: E402
from dashboard.store import write_session  # noqa: E402
from dashboard.store.collection import (CollectionError, collection_is_newer, export_collection,  # noqa: E402
                                        import_collection, read_manifest)
from dashboard.store.rows import article_rows  # noqa: E402

MAY_3 = datetime(2025, 5, 3, 6, 0)
MAY_4 = datetime(2025, 5, 4, 6, 0)


def write_store(db: Path, collected: list[tuple[ProcessedArticle, datetime]], fresh: bool = True) -> Path:
    with write_session(db, fresh=fresh) as writer:
        for art, added in collected:
            writer.add_rows(article_rows(art, added))
    return db


def rows(db: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def counts(db: Path) -> dict[str, int]:
    return {t: rows(db, f"SELECT count(*) FROM {t}")[0][0] for t in ("articles", "places", "actors", "events")}


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def store(tmp_path) -> Path:
    """The six test articles, all collected on 3 May 2025."""
    return write_store(tmp_path / "store.duckdb", [(a, MAY_3) for a in articles()])


def test_export_then_import_gives_the_same_counts_and_the_same_events_table(store, tmp_path):
    export_collection(store, tmp_path / "collection")
    report = import_collection(tmp_path / "collection", tmp_path / "rebuilt.duckdb")
    rebuilt = tmp_path / "rebuilt.duckdb"
    assert counts(store) == counts(rebuilt) == {"articles": 6, "places": 7, "actors": 9, "events": 8}
    assert (report.articles, report.events, report.places, report.actors) == (6, 8, 7, 9)
    assert rows(rebuilt, "SELECT * FROM events ORDER BY id") == rows(store, "SELECT * FROM events ORDER BY id")


def test_recent_articles_come_back_whole_with_their_text_mentions_and_search_text(store, tmp_path):
    export_collection(store, tmp_path / "collection", text_months=2)
    import_collection(tmp_path / "collection", tmp_path / "rebuilt.duckdb")
    for table in ("articles", "place_mentions", "actor_mentions", "places", "actors"):
        assert rows(tmp_path / "rebuilt.duckdb", f"SELECT * FROM {table} ORDER BY ALL") == \
            rows(store, f"SELECT * FROM {table} ORDER BY ALL"), table


def test_failures_are_kept_with_their_reason(store, tmp_path):
    from dashboard.records import Failure

    with write_session(store) as writer:
        writer.add_failure(Failure("http://feeds.example/broken.xml", "The feed is empty."))
    export_collection(store, tmp_path / "collection")
    import_collection(tmp_path / "collection", tmp_path / "rebuilt.duckdb")
    assert rows(tmp_path / "rebuilt.duckdb", "SELECT source, reason FROM failures") == \
        [("http://feeds.example/broken.xml", "The feed is empty.")]


def test_exporting_twice_without_changes_leaves_every_file_byte_identical(store, tmp_path):
    folder = tmp_path / "collection"
    export_collection(store, folder)
    before = files(folder)
    report = export_collection(store, folder)
    assert report.written == [] and report.removed == []
    assert files(folder) == before


def test_a_store_rebuilt_from_the_collection_exports_the_same_files(store, tmp_path):
    """What the scheduled workflow does every day: import, (nothing new), export."""
    export_collection(store, tmp_path / "first")
    import_collection(tmp_path / "first", tmp_path / "rebuilt.duckdb")
    export_collection(tmp_path / "rebuilt.duckdb", tmp_path / "second")
    assert files(tmp_path / "second") == files(tmp_path / "first")


def test_files_are_partitioned_by_publication_month_and_day_of_collection(store, tmp_path):
    export_collection(store, tmp_path / "collection")
    articles_files = sorted(p for p in files(tmp_path / "collection") if p.startswith("articles/"))
    assert articles_files == ["articles/2020-10/added-2025-05-03.parquet", "articles/2021-02/added-2025-05-03.parquet",
                              "articles/2021-03/added-2025-05-03.parquet", "articles/2021-04/added-2025-05-03.parquet",
                              "articles/2021-05/added-2025-05-03.parquet", "articles/2021-06/added-2025-05-03.parquet"]


def test_one_new_article_changes_only_its_month_and_the_newest_time(store, tmp_path):
    folder = tmp_path / "collection"
    export_collection(store, folder, text_months=2)
    before = files(folder)
    talks = next(a for a in articles() if a.id == "ar-talks")  # Nouakchott, Mauritania and Mali: all known
    again = replace(talks, id="ar-talks-2", url="https://example.org/ar/talks-2", content_hash="another",
                    published=date(2021, 2, 22))
    write_store(store, [(again, MAY_4)], fresh=False)
    report = export_collection(store, folder, text_months=2)
    assert sorted(report.written) == ["actor_mentions/2021-02/added-2025-05-04.parquet",
                                      "articles/2021-02/added-2025-05-04.parquet", "collection.json",
                                      "events/2021-02/added-2025-05-04.parquet",
                                      "place_mentions/2021-02/added-2025-05-04.parquet",
                                      "texts/2021-02/added-2025-05-04.parquet"]
    after = files(folder)
    unchanged = {p for p in before if p != "collection.json"}
    assert {p: after[p] for p in unchanged} == {p: before[p] for p in unchanged}


def test_articles_collected_before_the_text_months_keep_their_events_but_not_their_text(tmp_path):
    arts = {a.id: a for a in articles()}
    db = write_store(tmp_path / "store.duckdb", [(arts["ar-agreement"], datetime(2025, 2, 10, 6)),
                                                 (arts["fr-exercise"], datetime(2025, 4, 1, 6)),
                                                 (arts["en-arms"], datetime(2025, 5, 3, 6))])
    export_collection(db, tmp_path / "collection", text_months=2)  # April and May keep their text
    rebuilt = tmp_path / "rebuilt.duckdb"
    import_collection(tmp_path / "collection", rebuilt)
    assert rows(rebuilt, "SELECT id, text = '' FROM articles ORDER BY id") == \
        [("ar-agreement", True), ("en-arms", False), ("fr-exercise", False)]
    assert rows(rebuilt, "SELECT title, url, published FROM articles WHERE id = 'ar-agreement'") == \
        [("المغرب والولايات المتحدة يوقعان اتفاقية للتعاون العسكري", "https://example.org/ar/agreement",
          date(2020, 10, 2))]
    assert rows(rebuilt, "SELECT * FROM events ORDER BY id") == rows(db, "SELECT * FROM events ORDER BY id")
    assert rows(rebuilt, "SELECT count(*) FROM place_mentions WHERE article_id = 'ar-agreement'") == [(0,)]


def test_an_article_without_its_text_is_still_found_by_the_words_of_its_events(tmp_path):
    from dashboard.pipeline.arabic import fold

    agreement = next(a for a in articles() if a.id == "ar-agreement")
    db = write_store(tmp_path / "store.duckdb", [(agreement, MAY_3)])
    export_collection(db, tmp_path / "collection", text_months=0)
    import_collection(tmp_path / "collection", tmp_path / "rebuilt.duckdb")
    search = rows(tmp_path / "rebuilt.duckdb", "SELECT search_text FROM articles")[0][0]
    assert fold("اتفاقية للتعاون العسكري") in search  # in its evidence sentence
    assert fold("التحديات الأمنية") not in search  # only in the text, which is not kept


def test_texts_of_older_months_are_deleted_from_the_folder(tmp_path):
    arts = {a.id: a for a in articles()}
    db = write_store(tmp_path / "store.duckdb", [(arts["ar-agreement"], datetime(2025, 2, 10, 6))])
    folder = tmp_path / "collection"
    export_collection(db, folder, text_months=2)
    assert "texts/2020-10/added-2025-02-10.parquet" in files(folder)
    write_store(db, [(arts["en-arms"], datetime(2025, 5, 3, 6))], fresh=False)
    report = export_collection(db, folder, text_months=2)
    assert report.removed == ["actor_mentions/2020-10/added-2025-02-10.parquet",
                              "place_mentions/2020-10/added-2025-02-10.parquet",
                              "texts/2020-10/added-2025-02-10.parquet"]
    assert not (folder / "texts" / "2020-10").exists()
    assert "articles/2020-10/added-2025-02-10.parquet" in files(folder)


def test_a_folder_holding_other_files_is_refused_and_left_untouched(store, tmp_path):
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "letter.txt").write_text("Not a collection.", encoding="utf-8")
    with pytest.raises(CollectionError, match="is not empty and holds no collection"):
        export_collection(store, folder)
    assert files(folder) == {"letter.txt": b"Not a collection."}


def test_a_damaged_file_stops_the_import_and_the_previous_store_stays(store, tmp_path):
    folder = tmp_path / "collection"
    export_collection(store, folder)
    (folder / "events" / "2021-03" / "added-2025-05-03.parquet").write_bytes(b"PAR1 damaged")
    previous = write_store(tmp_path / "previous.duckdb", [(articles()[0], MAY_3)])
    with pytest.raises(CollectionError, match="could not be read into the store"):
        import_collection(folder, previous)
    assert counts(previous)["articles"] == 1


def test_a_collection_from_a_later_version_is_refused_with_the_reason(store, tmp_path):
    folder = tmp_path / "collection"
    export_collection(store, folder)
    manifest = (folder / "collection.json").read_text(encoding="utf-8").replace('"format": 1', '"format": 99')
    (folder / "collection.json").write_text(manifest, encoding="utf-8")
    with pytest.raises(CollectionError, match="newer version of the dashboard"):
        read_manifest(folder)


def test_the_collection_is_newer_than_a_missing_an_older_or_an_empty_store(store, tmp_path):
    folder = tmp_path / "collection"
    export_collection(store, folder)
    assert collection_is_newer(folder, tmp_path / "missing.duckdb")
    older = write_store(tmp_path / "older.duckdb", [(articles()[0], datetime(2025, 5, 2, 6))])
    assert collection_is_newer(folder, older)
    assert collection_is_newer(folder, write_store(tmp_path / "empty.duckdb", []))
    assert not collection_is_newer(folder, store)
    assert not collection_is_newer(tmp_path / "no-collection-here", tmp_path / "missing.duckdb")


def test_the_command_line_exports_and_imports(store, tmp_path):
    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "dashboard", "collection", *args], capture_output=True,
                              text=True, cwd=Path(__file__).resolve().parents[1])

    folder, rebuilt = tmp_path / "collection", tmp_path / "rebuilt.duckdb"
    first = run("export", str(folder), "--db", str(store))
    assert first.returncode == 0 and "files written, 0 removed, 0 unchanged." in first.stdout
    assert run("export", str(folder), "--db", str(store)).stdout.strip().endswith(
        f"0 files written, 0 removed, {len(files(folder))} unchanged.")
    done = run("import", str(folder), "--db", str(rebuilt))
    assert done.returncode == 0
    assert done.stdout.strip().endswith("6 articles, 8 events, 7 places, 9 actors, 0 failures.")
    nothing = run("import", str(tmp_path / "nothing"), "--db", str(tmp_path / "other.duckdb"))
    assert nothing.returncode == 0 and "There is no collection in" in nothing.stdout
    assert not (tmp_path / "other.duckdb").exists()


def test_by_default_the_collection_keeps_no_text(store, tmp_path):
    export_collection(store, tmp_path / "collection")
    assert read_manifest(tmp_path / "collection").text_months == 0
    assert not (tmp_path / "collection" / "texts").exists()
