"""A document longer than the limit is cut into parts, each processed on its own, and stored as one
article whose offsets point into the whole text; the reader shows it a part at a time, search finds
any part, and ingesting it again adds nothing (real pipeline, real store, real command line)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from dashboard.extract import extract_lines
from dashboard.pipeline import process
from dashboard.pipeline.parts import PART_SEPARATOR, part_bounds
from dashboard.records import Filters, RawArticle
from dashboard.resources import default_resources
from dashboard.store import StoreReader, write_session
from dashboard.store import queries as q

ROOT = Path(__file__).resolve().parent.parent

AR = ("وصل وزير الدفاع الجزائري إلى تونس يوم الثلاثاء في زيارة رسمية لبحث التعاون الأمني على الحدود المشتركة. "
      "وأجرى الوزير محادثات مع نظيره التونسي حول مكافحة الإرهاب وتهريب الأسلحة. ") * 3
FR = ("Le ministre nigérien de la Défense a signé jeudi à Niamey un accord de coopération militaire avec le Tchad. "
      "Les deux pays organiseront des patrouilles conjointes le long de leur frontière. ") * 3
EN = ("Moroccan and Mauritanian officers held talks in Nouakchott on Monday about border security and "
      "smuggling networks in the Sahel. The delegations agreed to share patrol reports. ") * 3


@pytest.fixture(scope="module")
def resources():
    return default_resources()


def three_articles() -> str:
    return "\n\n".join([AR, FR, EN])


def test_parts_are_cut_at_paragraph_breaks_and_cover_the_whole_text():
    text = three_articles()
    bounds = part_bounds(text, max(map(len, (AR, FR, EN))) + 2)
    assert [text[a:b].strip() for a, b in bounds] == [AR.strip(), FR.strip(), EN.strip()]
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(b == c for (_, b), (c, _) in zip(bounds, bounds[1:]))


def test_without_paragraphs_a_text_is_cut_at_line_breaks_then_sentence_ends_then_spaces():
    lines = "one line of words here\n" * 10
    assert all(lines[b - 1] == "\n" for _, b in part_bounds(lines, 60)[:-1])
    sentences = "A short sentence ends here. " * 10
    assert all(sentences[a:b].endswith(". ") or sentences[a:b].endswith(".") for a, b in part_bounds(sentences, 60)[:-1])
    words = "word " * 40
    assert all(words[a:b].endswith(" ") for a, b in part_bounds(words, 30)[:-1])
    solid = "x" * 100
    assert part_bounds(solid, 30) == [(0, 30), (30, 60), (60, 90), (90, 100)]


def test_a_text_within_the_limit_is_one_part():
    assert part_bounds(EN, len(EN)) == [(0, len(EN))]


def test_each_part_finds_what_the_same_text_alone_finds(resources):
    limit = max(map(len, (AR, FR, EN))) + 2
    whole = process(RawArticle(source="long.txt", text=three_articles()), resources, max_chars=limit)
    alone = [process(RawArticle(source=f"{i}.txt", text=t), resources) for i, t in enumerate((AR, FR, EN))]
    assert whole.text == PART_SEPARATOR.join(a.text for a in alone)
    assert whole.parts == (0, len(alone[0].text) + 2, len(alone[0].text) + len(alone[1].text) + 4)
    for start, art in zip(whole.parts, alone):
        assert [(m.surface, m.start + start, m.place.id) for m in art.places] == [
            (m.surface, m.start, m.place.id) for m in whole.places if start <= m.start < start + len(art.text)]
        assert [(e.type, e.evidence, e.start + start) for e in art.events] == [
            (e.type, e.evidence, e.start) for e in whole.events if start <= e.start < start + len(art.text)]


def test_offsets_of_a_long_document_point_into_its_whole_text(resources):
    art = process(RawArticle(source="long.txt", text=three_articles()), resources, max_chars=300)
    assert len(art.parts) > 3  # cut inside the articles too, at sentence ends
    assert all(art.text[m.start:m.end] == m.surface for m in art.places + art.actors)
    assert all(art.text[e.start:e.end] == e.evidence for e in art.events)


def test_the_language_of_a_long_document_is_that_of_most_of_its_text(resources):
    text = "\n\n".join([EN, FR, FR])
    assert process(RawArticle(source="mixed.txt", text=text), resources, max_chars=len(FR) + 2).language == "fr"


def test_extract_of_a_long_line_gives_offsets_into_the_input(resources):
    text = "  " + three_articles().replace("\n\n", "\n\n\u200b")  # a character the cleaning drops
    [out] = list(extract_lines([json.dumps({"id": 7, "text": text})], resources, max_chars=300))
    assert out["id"] == 7 and out["lang"] == "fr" and "error" not in out  # the French article is the longest
    assert out["places"] and all(text[p["start"]:p["end"]] == p["surface"] for p in out["places"])
    assert all(text[a["start"]:a["end"]] == a["surface"] for a in out["actors"])
    assert {e["type"] for e in out["events"]} >= {"visit", "agreement", "talks"}


def test_a_long_line_of_nothing_but_page_clutter_is_an_error(resources):
    [out] = list(extract_lines([json.dumps({"id": 1, "text": "Share\n\n" * 400})], resources, max_chars=600))
    assert out["error"].startswith("The article has no readable text")


@pytest.fixture(scope="module")
def stored_long(tmp_path_factory, resources):
    db = tmp_path_factory.mktemp("long") / "store.duckdb"
    art = process(RawArticle(source="long.txt", text=three_articles(), url="https://example.org/long"), resources,
                  max_chars=max(map(len, (AR, FR, EN))) + 2)
    with write_session(db) as w:
        w.add_article(art)
    return db, art


def test_a_long_document_is_one_article_with_its_parts(stored_long):
    db, art = stored_long
    reader = StoreReader(db)
    assert reader.fetchall("SELECT count(*), any_value(parts) FROM articles") == [(1, [0, art.parts[1], art.parts[2]])]
    assert reader.fetchone("SELECT count(*) FROM events")[0] == len(art.events)
    reader.close()


def test_search_finds_words_of_its_last_part(stored_long):
    db, _ = stored_long
    reader = StoreReader(db)
    assert reader.query(q.headline_counts, Filters(search="Nouakchott")).articles == 1
    reader.close()


def test_the_reader_gets_one_part_with_its_highlights_moved_to_it(stored_long):
    db, art = stored_long
    reader = StoreReader(db)
    third = reader.query(q.article_with_mentions, art.id, 3)
    reader.close()
    assert (third.part, third.parts) == (3, 3)
    assert third.text == art.text[art.parts[2]:]
    assert "Nouakchott" in {third.text[s.start:s.end] for s in third.spans if s.kind == "place"}
    assert all(0 <= s.start < s.end <= len(third.text) for s in third.spans)


def test_the_same_long_document_again_is_already_present(stored_long, resources):
    db, art = stored_long
    with write_session(db) as w:
        w.add_article(art)
    assert (w.report.added, w.report.present) == (0, 1)


def test_the_command_line_stores_a_long_file_as_one_searchable_article(tmp_path):
    doc = tmp_path / "report.txt"
    doc.write_text("\n\n".join([AR, FR, EN] * 20), encoding="utf-8")  # 32,578 characters: 4 parts of 10,000
    db = tmp_path / "store.duckdb"
    done = subprocess.run([sys.executable, "-m", "dashboard", "ingest", str(doc), "--db", str(db)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300,
                          env=dict(os.environ, DASHBOARD_MAX_DOCUMENT_CHARS="10000"))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == "1 added, 0 already present, 0 failed"
    con = duckdb.connect(str(db), read_only=True)
    try:
        parts, found = con.execute("SELECT len(parts), contains(search_text, 'nouakchott') FROM articles").fetchone()
    finally:
        con.close()
    assert parts == 4 and found


def test_the_app_reader_shows_a_long_article_a_part_at_a_time(stored_long, monkeypatch):
    from streamlit.testing.v1 import AppTest

    db, art = stored_long
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    at = AppTest.from_file(str(ROOT / "dashboard" / "app.py"), default_timeout=60)
    at.query_params["article"] = art.id
    at.run()
    assert not at.exception and not at.error
    assert "This article is long: it is shown one part at a time (3 parts)." in [c.value for c in at.caption]
    picker = at.selectbox(key=f"reader_part_{art.id}")
    assert picker.options == ["Part 1 of 3", "Part 2 of 3", "Part 3 of 3"]
    reader_html = lambda: "".join(h.proto.body for h in at.get("html") if "view-summary" not in h.proto.body)  # noqa: E731
    assert "Niamey" not in reader_html() and "الجزائري" in reader_html()
    picker.set_value(3).run()
    assert "Nouakchott" in reader_html() and "الجزائري" not in reader_html()
