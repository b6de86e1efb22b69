"""The folder of hostile samples (tests/hostile/), ingested end to end into a real DuckDB store.

Besides the committed samples, the test writes what is too big or too odd to commit: a 50 MB
file, a page of 100,000 nested divs, a JSON line nested 100,000 deep and a file whose name is
not UTF-8. The promise: no exception, every good item stored, every bad item one `failures` row
with a reason in plain words, nothing read from /etc/passwd, and a second run adds nothing.
"""
from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import duckdb
import pytest

from dashboard.sources.ingest import read_path
from dashboard.runner import store_items

HOSTILE = Path(__file__).resolve().parent / "hostile"
UNSAFE = ("The feed contains a document type or entity declaration (DOCTYPE or ENTITY), which is refused "
          "because it can be used to attack the reader.")
QUOTING = ("The row on line {} has broken quoting (a quotation mark that is never closed, or one followed by "
           "other characters), so it was skipped; the rows after it were read.")
NO_TEXT = "The article has no readable text once page clutter (share buttons, menus, notices) is removed."
ODD_NAME = "تقرير \u202etxt.exe\u202c e\u0301 🛰.txt"
NOT_UTF8_NAME = b"\xff\xfe-report.txt"

GOOD = sorted([
    "ar-bidi-zero-width.txt", "ar-broken-sidecar.txt", "ar-nul-bytes.txt", "en-bidi-override.txt",
    "en-impossible-sidecar.txt", "fr-truncated.html", "fr-zero-width.txt", "mixed-scripts.md",
    "impossible-dates.rss", "impossible-dates.rss", "impossible-dates.rss", "truncated.atom",
    "broken.csv:line 2", "broken.csv:line 7", "broken.csv:line 8", "broken.csv:line 10",
    "broken.jsonl:line 1", "broken.jsonl:line 2", "broken.jsonl:line 3", "broken.jsonl:line 4",
    "broken.jsonl:line 13", "deep.jsonl:line 2", ODD_NAME, "\ufffd\ufffd-report.txt",
])
BAD = {
    "ar-broken-sidecar.meta.json": "The metadata file is not valid JSON (Unterminated string starting at); "
                                   "the article was read without its title, date and address.",
    "ar-cut-in-head.html": "The page has no article text that could be extracted.",
    "big.txt": "The file is larger than 20 MB, the most this program reads from one file.",
    "billion-laughs.rss": UNSAFE,
    "broken.csv:line 3": "The row on line 3 has no text.",
    "broken.csv:line 4": "The row on line 4 has no text.",
    "broken.csv:line 6": QUOTING.format(6),
    "broken.csv:line 9": QUOTING.format(9),
    "broken.jsonl:line 5": 'Line 5 has a "text" field that holds a number, not the article\'s text.',
    "broken.jsonl:line 6": "Line 6 has no text.",
    "broken.jsonl:line 7": 'Line 7 has a "text" field that holds a list, not the article\'s text.',
    "broken.jsonl:line 8": 'Line 8 is not a JSON object with a "text" field.',
    "broken.jsonl:line 9": 'Line 9 is not a JSON object with a "text" field.',
    "broken.jsonl:line 10": "Line 10 is not valid JSON: Unterminated string starting at (at character 22).",
    "broken.jsonl:line 11": "Line 11 is not valid JSON: Expecting property name enclosed in double quotes "
                            "(at character 39).",
    "broken.jsonl:line 12": "Line 12 is not valid JSON: Expecting ',' delimiter (at character 13).",
    "broken.jsonl:line 14": NO_TEXT,
    "broken.jsonl:line 15": "Line 15 is not valid JSON: Expecting value (at character 1).",
    "deep.html": "The page's tags are nested 255 or more levels deep, too deep for its text to be read.",
    "deep.jsonl:line 1": "Line 1 is not valid JSON: it is nested too deeply.",
    "empty.txt": "The file is empty.",
    "impossible-dates.rss:entry 4": "Feed entry 4 has neither a title nor any text.",
    "only-invisible.txt": NO_TEXT,
    "photo.txt": "This looks like a binary file (for example an image or a PDF), not text.",
    "truncated.atom:entry 2": "Feed entry 2 has neither a title nor any text.",
    "whitespace-only.md": "The file is empty.",
    "xxe-after-comment.xml": UNSAFE,
    "xxe-parameter.atom": UNSAFE,
    "xxe-passwd.rss": UNSAFE,
}


def write_generated_samples(folder: Path) -> None:
    """The samples generated at test time rather than committed."""
    with open(folder / "big.txt", "wb") as fh:  # 50 MB of text, over the 20 MB cap
        for _ in range(50):
            fh.write(b"La patrouille est rentree a Gao. " * 31_250)
    (folder / "deep.html").write_text(
        "<html><body>" + "<div>" * 100_000 + "<p>Un convoi a ete escorte de Kidal a Gao par l'armee.</p>"
        + "</div>" * 100_000 + "</body></html>", encoding="utf-8")
    (folder / "deep.jsonl").write_text(
        "[" * 100_000 + "]" * 100_000 + "\n"
        + '{"text": "After the deep line, a Senegalese navy patrol boat docked in Dakar."}\n', encoding="utf-8")
    with open(os.path.join(os.fsencode(folder), NOT_UTF8_NAME), "wb") as fh:
        fh.write("Algerian and Nigerien officials discussed the trans-Saharan road in Tamanrasset.\n".encode())


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    """(folder, store path, report) after one ingest of the hostile folder."""
    root = tmp_path_factory.mktemp("hostile")
    folder = root / "in"
    shutil.copytree(HOSTILE, folder)
    write_generated_samples(folder)
    db = root / "store.duckdb"
    report = store_items(read_path(folder), db)
    return folder, db, report


def query(db: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def relative(folder: Path, source: str) -> str:
    return source.removeprefix(str(folder) + "/")


def stored(ingested, column: str) -> dict[str, object]:
    """{source relative to the folder: column} for the articles whose source is unique."""
    folder, db, _ = ingested
    return {relative(folder, s): v for s, v in query(db, f"SELECT source, {column} FROM articles")}


def test_the_whole_folder_is_ingested_without_an_exception(ingested):
    _, _, report = ingested
    assert (report.added, report.present, report.failed) == (24, 0, 29)


def test_every_good_item_is_stored(ingested):
    folder, db, _ = ingested
    assert sorted(relative(folder, s) for (s,) in query(db, "SELECT source FROM articles")) == GOOD


def test_every_bad_item_is_one_failure_row_with_its_reason(ingested):
    folder, db, _ = ingested
    assert {relative(folder, s): r for s, r in query(db, "SELECT source, reason FROM failures")} == BAD


def test_bidi_overrides_and_zero_width_characters_are_removed_from_the_stored_text(ingested):
    texts = stored(ingested, "text")
    assert texts["ar-bidi-zero-width.txt"] == (
        "أعلن وزير الدفاع الموريتاني أن وفدا عسكريا من السنغال سيزور نواكشوط الأسبوع المقبل لبحث تأمين الحدود.\n"
        "وقال الوزير إن المحادثات ستتناول تبادل المعلومات.")
    assert texts["fr-zero-width.txt"] == (
        "Le gouvernement nigérien a annoncé la signature d'un accord de coopération militaire avec le Tchad à Niamey.")
    assert texts["en-bidi-override.txt"] == (
        "The army of Burkina Faso said a patrol near Djibo was attacked on Monday.\nOfficials gave no casualty figures.")


def test_nul_bytes_inside_text_are_dropped_and_the_text_kept(ingested):
    texts = stored(ingested, "text")
    assert texts["ar-nul-bytes.txt"] == "أجرت القوات المسلحة التونسية تمرينا مشتركا مع القوات الجزائرية قرب الحدود."
    assert texts["broken.jsonl:line 3"] == "Le Niger a accueilli une réunion des chefs d'état-major du Sahel."


def test_a_lone_surrogate_becomes_a_replacement_character(ingested):
    assert stored(ingested, "text")["broken.jsonl:line 4"] == (
        "A lone surrogate \ufffd sits in this report on Chad's border posts.")


def test_mixed_scripts_are_kept_as_written_with_accents_composed(ingested):
    assert stored(ingested, "text")["mixed-scripts.md"] == (
        "# Bamako ⵜⴰⵎⴰⵣⵉⵖⵜ\n\nLe ministre malien a reçu à Bamako l'envoyé de l'ONU ; الاجتماع تناول الوضع في منطقة "
        "الساحل. Тhe Russiаn instructors (Cyrillic Т and а) left 🇲🇱 in 2024 — 報道 said. été café.")


def test_a_page_cut_off_mid_sentence_keeps_what_arrived(ingested):
    assert stored(ingested, "text")["fr-truncated.html"].endswith(
        "Selon la même source, six navires et deux avions ont participé à cet exercice, qui vis")


def test_impossible_dates_leave_the_article_with_an_unknown_date(ingested):
    published = stored(ingested, "published")
    for source in ("broken.csv:line 2", "broken.csv:line 7", "broken.csv:line 8", "broken.jsonl:line 2",
                   "broken.jsonl:line 3", "broken.jsonl:line 13", "en-impossible-sidecar.txt"):
        assert published[source] is None, source
    assert published["broken.csv:line 10"] == date(2021, 1, 6)
    folder, db, _ = ingested
    assert query(db, "SELECT published FROM articles WHERE source LIKE '%impossible-dates.rss'") == [(None,)] * 3


def test_links_with_bidi_controls_or_other_schemes_are_dropped(ingested):
    folder, db, _ = ingested
    urls = {relative(folder, s): u for s, u in query(db, "SELECT source, url FROM articles")}
    assert urls["broken.jsonl:line 3"] is None  # ends in a right-to-left override
    assert urls["en-impossible-sidecar.txt"] is None  # javascript:
    assert sorted(u for s, u in query(db, "SELECT source, url FROM articles WHERE source LIKE '%.rss'")
                  if u) == ["https://veille.example/a1", "https://veille.example/a2"]


def test_titles_and_site_names_are_cleaned_too(ingested):
    folder, db, _ = ingested
    rows = {relative(folder, s): (t, site) for s, t, site in query(db, "SELECT source, title, site FROM articles")}
    assert rows["broken.jsonl:line 4"] == ("tluser", "Wire Desk")
    assert rows["en-impossible-sidecar.txt"] == ("Joint patrols planned", "Sahel Desk")


def test_file_names_with_odd_unicode_are_the_source_as_written(ingested):
    folder, db, _ = ingested
    assert query(db, f"SELECT text FROM articles WHERE source = '{folder}/{ODD_NAME}'") == [
        ("Satellite images show new hangars at an air base in southern Algeria, analysts said.",)]
    assert query(db, f"SELECT text FROM articles WHERE source = '{folder}/\ufffd\ufffd-report.txt'") == [
        ("Algerian and Nigerien officials discussed the trans-Saharan road in Tamanrasset.",)]


def test_nothing_from_etc_passwd_reaches_the_store(ingested):
    _, db, _ = ingested
    values = [v for row in query(db, "SELECT text, title, site, url, search_text FROM articles") for v in row if v]
    values += [r for (r,) in query(db, "SELECT reason FROM failures")]
    values += [e for (e,) in query(db, "SELECT evidence FROM events")]
    assert [v for v in values if "root:" in v or "/bin/" in v or "nologin" in v] == []


def test_no_stored_text_holds_bidi_zero_width_nul_or_surrogate_characters(ingested):
    _, db, _ = ingested
    forbidden = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
                    "\u200b\u200c\u200d\u2060\ufeff\x00")
    values = [v for row in query(db, "SELECT text, title, site, search_text FROM articles") for v in row if v]
    assert [v for v in values if set(v) & forbidden] == []


def test_a_second_run_adds_nothing(ingested, tmp_path):
    folder, db, _ = ingested
    copy = tmp_path / "again.duckdb"
    shutil.copyfile(db, copy)
    before = query(copy, "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM failures), "
                         "(SELECT count(*) FROM events), (SELECT count(*) FROM place_mentions)")
    report = store_items(read_path(folder), copy)
    assert (report.added, report.present) == (0, 24)
    assert query(copy, "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM failures), "
                       "(SELECT count(*) FROM events), (SELECT count(*) FROM place_mentions)") == before
