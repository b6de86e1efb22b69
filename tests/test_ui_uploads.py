"""The "Add articles" page's inputs: uploads in three languages through the real pipeline and store."""
from __future__ import annotations

import json
from datetime import date
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from dashboard.records import Failure, Filters  # noqa: E402
from dashboard.store import StoreReader  # noqa: E402
from dashboard.store import queries as q  # noqa: E402
from dashboard.ui.uploads import collect_feed_url, collect_uploads, run_ingest  # noqa: E402

AR = ("استقبل وزير الدفاع التونسي في تونس يوم الاثنين وفدا عسكريا جزائريا لبحث تعزيز التعاون الأمني "
      "على الحدود المشتركة ومكافحة الجماعات المسلحة.")
FR_HTML = ("<html><head><title>Manœuvres conjointes au Sénégal</title></head><body><article><h1>Manœuvres "
           "conjointes au Sénégal</h1><p>Les armées du Sénégal et de la Mauritanie ont mené mardi à Dakar un "
           "exercice conjoint consacré à la surveillance maritime, a indiqué l'état-major.</p><p>Des officiers "
           "français ont assisté aux manœuvres en tant qu'observateurs.</p></article></body></html>")
EN_JSONL = "\n".join(json.dumps(r) for r in [
    {"id": "n1", "title": "Niger receives drones", "published": "2023-05-04", "url": "https://example.org/n1",
     "text": "Niger received surveillance drones from Turkey on Thursday, the defence ministry in Niamey said."},
    {"id": "n2", "title": "Chad talks", "published": "2023-05-06", "url": "https://example.org/n2",
     "text": "Officials from Chad and Libya held talks in N'Djamena on border security this week."},
])
CSV = ("title,text,published,url,source\n"
       "Rabat meeting,\"Moroccan and Spanish officials met in Rabat to discuss migration and security.\","
       "2023-06-01,https://example.org/c1,Test Wire\n")


@pytest.fixture(scope="module")
def filled(tmp_path_factory) -> tuple[Path, object]:
    db = tmp_path_factory.mktemp("up") / "store.duckdb"
    items = collect_uploads([("tunis.txt", AR.encode("utf-8")), ("dakar.html", FR_HTML.encode("utf-8")),
                             ("wire.jsonl", EN_JSONL.encode("utf-8")), ("more.csv", CSV.encode("utf-8")),
                             ("broken.json", b"{not json")])
    seen: list[tuple[int, int]] = []
    report = run_ingest(items, db, lambda done, total, source: seen.append((done, total)))
    return db, report, seen


def test_uploads_in_three_languages_are_stored(filled):
    db, report, _ = filled
    reader = StoreReader(db)
    langs = reader.df("SELECT language, count(*) AS n FROM articles GROUP BY language ORDER BY language")
    reader.close()
    assert report.added == 5
    assert dict(zip(langs["language"], langs["n"])) == {"ar": 1, "en": 3, "fr": 1}


def test_broken_upload_is_listed_with_a_reason(filled):
    _, report, _ = filled
    assert [f.source for f in report.failures] == ["broken.json:line 1"]
    assert report.failures[0].reason


def test_progress_is_reported_for_every_item(filled):
    _, report, seen = filled
    assert seen[-1] == (6, 6) and len(seen) == 6


def test_the_app_queries_answer_on_the_filled_store(filled):
    db, _, _ = filled
    reader = StoreReader(db)
    cur = reader.cursor()
    counts = q.headline_counts(cur, Filters())
    assert counts.articles == 5
    assert q.headline_counts(cur, Filters(languages=("fr",))).articles == 1
    assert q.headline_counts(cur, Filters(search="الامني")).articles == 1
    q.map_places(cur, Filters()), q.country_arcs(cur, Filters()), q.facet_options(cur, Filters())
    reader.close()


def test_file_count_is_capped():
    files = [(f"a{i}.txt", f"Article number {i} about security talks in Rabat.".encode()) for i in range(5)]
    items = collect_uploads(files, max_files=3)
    assert [type(i).__name__ for i in items] == ["RawArticle"] * 3 + ["Failure"] * 2


def test_oversized_upload_becomes_a_failure():
    items = collect_uploads([("big.txt", b"x" * 2000)], max_bytes=1000)
    assert len(items) == 1 and isinstance(items[0], Failure)


@pytest.mark.parametrize("url", ["javascript:alert(1)", "file:///etc/passwd", "ftp://example.org/feed", "feed"])
def test_feed_address_must_be_http(url):
    assert collect_feed_url(url, {}) == ([], "bad_url")


def test_feed_on_this_machine_is_refused():
    items, problem = collect_feed_url("http://127.0.0.1:9/feed.xml", {})
    assert problem is None
    assert len(items) == 1 and isinstance(items[0], Failure)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_app_renders_the_filled_store(filled, monkeypatch, lang):
    from streamlit.testing.v1 import AppTest

    db, _, _ = filled
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    at = AppTest.from_file(str(Path(__file__).resolve().parent.parent / "dashboard" / "app.py"),
                           default_timeout=60)
    at.query_params["lang"] = lang
    at.run()
    assert not at.exception and not at.error
    assert at.metric[1].value == "5"


# -- the review step ----------------------------------------------------------------------------

HEADLINED = ("محادثات تونسية جزائرية حول أمن الحدود\nالجمعة 2 أكتوبر 2020\n" + AR).encode("utf-8")


def _read_for_review():
    from dashboard.ui.uploads import review_table

    items = collect_uploads([("tunis.txt", HEADLINED), ("plain.txt", AR.encode("utf-8")),
                             ("broken.json", b"{not json")])
    return items, review_table(items)


def test_the_review_table_shows_what_was_read_with_no_none():
    _, table = _read_for_review()
    assert table.to_dict("records") == [
        {"file": "tunis.txt", "title": "محادثات تونسية جزائرية حول أمن الحدود", "published": "2020-10-02", "site": "",
         "beginning": ("محادثات تونسية جزائرية حول أمن الحدود الجمعة 2 أكتوبر 2020 " + AR)[:120]},
        {"file": "plain.txt", "title": "", "published": "", "site": "", "beginning": AR[:120]}]


def test_corrections_are_applied_in_order_and_failures_kept():
    from dashboard.ui.uploads import apply_review

    items, table = _read_for_review()
    table.loc[1, ["title", "published", "site"]] = ["  Talks on the border ", "14/03/2024", "Agence Test"]
    table.loc[0, "published"] = ""
    reviewed, problems = apply_review(items, table)
    assert problems == []
    assert [(i.title, i.published, i.site) for i in reviewed[:2]] == [
        ("محادثات تونسية جزائرية حول أمن الحدود", None, None), ("Talks on the border", date(2024, 3, 14), "Agence Test")]
    assert isinstance(reviewed[2], Failure) and reviewed[0].text == items[0].text


@pytest.mark.parametrize(("typed", "day"), [("2024-03-14", date(2024, 3, 14)), ("14 mars 2024", date(2024, 3, 14)),
                                            ("١٤ مارس ٢٠٢٤", date(2024, 3, 14)), ("March 14, 2024", date(2024, 3, 14))])
def test_typed_dates_in_three_languages(typed, day):
    from dashboard.ui.uploads import apply_review

    items, table = _read_for_review()
    table.loc[1, "published"] = typed
    assert apply_review(items, table)[0][1].published == day


def test_a_date_that_is_not_a_date_is_reported_with_its_row():
    from dashboard.ui.uploads import apply_review

    items, table = _read_for_review()
    table.loc[1, "published"] = "yesterday"
    assert apply_review(items, table)[1] == [(2, "yesterday")]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "1 new article, 0 already there, 1 could not be read."),
    ("fr", "1 nouvel article, 0 déjà présent, 1 illisible."),
    ("ar", "مقال جديد واحد، لا مقال موجود مسبقا، عنصر واحد تعذرت قراءته."),
])
def test_what_an_addition_did_in_three_languages(lang, text):
    from dashboard.ui.uploads import added_message

    assert added_message(lang, 1, 0, 1) == text


class CountingUpload:
    """An uploaded file that notes when its bytes are asked for."""

    def __init__(self, name: str, data: bytes, asked: list[str]):
        self.name, self.size, self._data, self._asked = name, len(data), data, asked

    def getvalue(self) -> bytes:
        self._asked.append(self.name)
        return self._data


def test_uploaded_files_are_read_one_at_a_time_as_they_are_stored(tmp_path):
    from dashboard.ui.uploads import UploadStream

    asked: list[str] = []
    texts = [AR, "Les armées du Mali et du Niger ont mené mardi une patrouille conjointe près de Gao.",
             "Chad and Sudan held border security talks in N'Djamena on Friday."]
    stream = UploadStream([CountingUpload(f"{i}.txt", t.encode(), asked) for i, t in enumerate(texts)])
    items = iter(stream)
    next(items)
    assert asked == ["0.txt"] and stream.files_read == 0
    next(items)
    assert asked == ["0.txt", "1.txt"] and stream.files_read == 1
    report = run_ingest(items, tmp_path / "store.duckdb")
    assert asked == ["0.txt", "1.txt", "2.txt"] and stream.files_read == 3
    assert report.added == 1  # the one not taken out by hand above


def test_a_refused_upload_is_never_read():
    from dashboard.ui.uploads import UploadStream

    asked: list[str] = []
    items = list(UploadStream([CountingUpload("tool.exe", b"MZ" * 10, asked),
                               CountingUpload("big.txt", b"x" * 2000, asked)], max_bytes=1000))
    assert asked == [] and [i.source for i in items] == ["tool.exe", "big.txt"]
