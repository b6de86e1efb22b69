"""The store: idempotent writes, failures kept, committed batches, readers that follow writers."""
from datetime import date

import duckdb
import pytest

from dashboard.records import (ActorMention, Event, Failure, Place, PlaceMention, ProcessedArticle)
from dashboard.pipeline.identity import article_id, content_hash
from dashboard.store import StoreReader, StoreUnreadable, write_session

RABAT = Place(id="gn:2538475", name="Rabat", kind="city", country="MA", lat=34.01, lon=-6.83,
              name_fr="Rabat", name_ar="الرباط")


def article(text: str, url: str | None = None, lang: str = "ar") -> ProcessedArticle:
    digest = content_hash(text)
    start = text.find("الرباط")
    places = (PlaceMention("الرباط", start, start + 6, RABAT, "only candidate"),) if start >= 0 else ()
    events = ()
    if places:
        events = (Event(type="visit", status="happened", evidence=text, start=0, end=len(text),
                        date="2020-10", date_precision="month", place=places[0],
                        actors=("Mark Esper", "Morocco")),)
    return ProcessedArticle(
        id=article_id(url, digest), source="test.txt", text=text, language=lang, content_hash=digest,
        title="عنوان", url=url, published=date(2020, 10, 2), places=places,
        actors=(ActorMention("إسبر", 0, 4, "p:esper", "Mark Esper", "person", "US"),), events=events)


TEXT = "زار وزير الدفاع الأميركي الرباط."


def rows(db, sql):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_an_article_is_stored_with_its_places_actors_and_events(tmp_path):
    db = tmp_path / "s.duckdb"
    with write_session(db) as w:
        assert w.add_article(article(TEXT, "https://example.ma/a"))
    assert rows(db, "SELECT language, published, title FROM articles") == [("ar", date(2020, 10, 2), "عنوان")]
    assert rows(db, "SELECT place_id, surface FROM place_mentions") == [("gn:2538475", "الرباط")]
    assert rows(db, "SELECT name, kind, country FROM places") == [("Rabat", "city", "MA")]
    assert rows(db, "SELECT name FROM actors") == [("Mark Esper",)]
    assert rows(db, "SELECT type, date, day_from, day_to, place_name, country, actors FROM events") == [
        ("visit", "2020-10", date(2020, 10, 1), date(2020, 10, 31), "Rabat", "MA", ["Mark Esper", "Morocco"])]


def test_the_same_url_twice_is_one_article(tmp_path):
    db = tmp_path / "s.duckdb"
    with write_session(db) as w:
        w.add_article(article(TEXT, "https://example.ma/a?utm_source=x"))
    with write_session(db) as w:
        w.add_article(article(TEXT, "https://www.example.ma/a"))
    assert (w.report.added, w.report.present) == (0, 1)
    assert rows(db, "SELECT count(*) FROM articles") == [(1,)]
    assert rows(db, "SELECT count(*) FROM events") == [(1,)]


def test_the_same_text_under_another_url_is_one_article(tmp_path):
    db = tmp_path / "s.duckdb"
    with write_session(db) as w:
        w.add_article(article(TEXT, "https://example.ma/a"))
        assert not w.add_article(article(TEXT + "  ", "https://mirror.example.org/b"))
    assert rows(db, "SELECT count(*) FROM articles") == [(1,)]


def test_a_failure_is_kept_once_with_its_reason(tmp_path):
    db = tmp_path / "s.duckdb"
    for _ in range(2):
        with write_session(db) as w:
            w.add_failure(Failure("inbox/empty.txt", "The file is empty."))
    assert rows(db, "SELECT source, reason FROM failures") == [("inbox/empty.txt", "The file is empty.")]


def test_a_write_that_dies_half_way_keeps_what_it_committed_and_drops_the_rest(tmp_path):
    db = tmp_path / "s.duckdb"
    with write_session(db) as w:
        w.add_article(article(TEXT, "https://example.ma/a"))
    with pytest.raises(RuntimeError):
        with write_session(db) as w:
            w.add_article(article("Le ministre est arrivé à Alger.", "https://example.dz/b", "fr"))
            w.commit()
            w.add_article(article("The minister arrived in Tunis.", "https://example.tn/c", "en"))
            raise RuntimeError("killed")
    assert rows(db, "SELECT url FROM articles ORDER BY url") == [("https://example.dz/b",), ("https://example.ma/a",)]


def test_a_reader_sees_the_new_store_after_a_write(tmp_path):
    db = tmp_path / "s.duckdb"
    with write_session(db) as w:
        w.add_article(article(TEXT, "https://example.ma/a"))
    reader = StoreReader(db)
    assert reader.article_count() == 1
    with write_session(db) as w:  # a reader holds the file open while the writer works
        w.add_article(article("The minister arrived in Tunis.", "https://example.tn/c", "en"))
    assert reader.article_count() == 2
    reader.close()


def test_a_corrupt_store_gives_a_clear_message(tmp_path):
    db = tmp_path / "s.duckdb"
    db.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreUnreadable, match="python -m dashboard build"):
        StoreReader(db).article_count()


def test_a_leftover_from_a_killed_writer_is_discarded(tmp_path):
    db = tmp_path / "s.duckdb"
    (tmp_path / "s.duckdb.writing").write_bytes(b"half-written")
    with write_session(db) as w:
        w.add_article(article(TEXT, "https://example.ma/a"))
    assert rows(db, "SELECT count(*) FROM articles") == [(1,)]


def test_the_same_event_reported_in_two_later_writes_shares_one_cluster(tmp_path):
    db = tmp_path / "s.duckdb"
    with write_session(db) as w:
        w.add_article(article(TEXT, "https://example.ma/a"))
    with write_session(db) as w:  # another outlet, another day's ingest
        w.add_article(article("وصل مارك إسبر إلى الرباط في زيارة رسمية.", "https://example.dz/b"))
        w.add_article(article("Le ministre est arrivé à Alger.", "https://example.fr/c", "fr"))
    assert rows(db, "SELECT count(*), count(DISTINCT cluster) FROM events") == [(2, 1)]
    assert rows(db, "SELECT count(*) FROM events WHERE cluster IS NULL") == [(0,)]


def test_a_region_is_stored_as_a_region_and_never_as_a_whole_country(tmp_path):
    from pathlib import Path

    from dashboard.pipeline.geoparse import find_places
    from dashboard.resources import load_gazetteer

    gz = load_gazetteer(Path(__file__).resolve().parent.parent / "data")
    text = "Five armies held a joint exercise in the Sahel with troops from Mali."
    found = find_places(text, "en", gz)
    sahel = next(m for m in found if m.surface == "Sahel")
    assert (sahel.place.kind, sahel.place.country) == ("region", None)
    digest = content_hash(text)
    ev = Event(type="exercise", status="happened", evidence=text, start=0, end=len(text), date="2024-03-04",
               date_precision="day", place=sahel, country=sahel.place.country, actors=("Mali",))
    art = ProcessedArticle(id=article_id(None, digest), source="t.txt", text=text, language="en",
                           content_hash=digest, places=tuple(found), events=(ev,))
    db = tmp_path / "s.duckdb"
    with write_session(db) as w:
        w.add_article(art)
    assert rows(db, "SELECT name, kind, country FROM places ORDER BY name") == [
        ("Mali", "country", "ML"), ("Sahel", "region", None)]
    assert rows(db, "SELECT place_name, place_kind, country FROM events") == [("Sahel", "region", None)]


def test_an_evidence_sentence_longer_than_any_real_one_is_stored_as_the_window_around_its_trigger():
    from dashboard.store.rows import EVIDENCE_MAX_CHARS, stored_evidence

    words = "word " * 400 + "signed the agreement " + "word " * 400
    kept = stored_evidence(words, "signed")
    assert len(kept) == EVIDENCE_MAX_CHARS + 2 and kept.startswith("…") and kept.endswith("…")
    assert "signed the agreement" in kept
    assert stored_evidence("The ministers signed the agreement.", "signed") == "The ministers signed the agreement."
