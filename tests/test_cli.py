"""The command line, end to end, on real files and a real store (subprocesses, as a user runs it)."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import duckdb
import pytest

from dashboard.bench.synthetic import write_jsonl

ROOT = Path(__file__).resolve().parent.parent


def run_cli(*args: str, stdin: str | None = None, timeout: int = 240) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dashboard", *args], cwd=ROOT, input=stdin,
                          capture_output=True, text=True, timeout=timeout)


def query(db: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("build") / "sample.duckdb"
    result = run_cli("build", "--db", str(db))
    assert result.returncode == 0, result.stderr
    return db


def test_build_stores_the_sample_article_as_arabic_published_2_october_2020(sample_store):
    assert query(sample_store, "SELECT language, published FROM articles") == [("ar", date(2020, 10, 2))]


def test_build_removes_the_sample_boilerplate_lines(sample_store):
    text = query(sample_store, "SELECT text FROM articles")[0][0]
    assert text.startswith("لمواجهة التحديات الأمنية")
    assert "Share" not in text and "Link copied" not in text and "المقال التالي" not in text


def test_build_twice_gives_the_same_single_article(sample_store):
    result = run_cli("build", "--db", str(sample_store))
    assert result.returncode == 0, result.stderr
    assert query(sample_store, "SELECT count(*) FROM articles") == [(1,)]


# -- a folder mixing every kind of input with broken ones -----------------------------------------

GOOD = {
    "ar-utf8.txt": ("وصل وزير الدفاع التونسي إلى الجزائر يوم الأحد لبحث التعاون الأمني على الحدود.", "utf-8"),
    "fr-bom.txt": ("Le ministre nigérien de la Défense a reçu mardi à Niamey son homologue tchadien.", "utf-8-sig"),
    "ar-1256.txt": ("أعلنت موريتانيا عن مناورات عسكرية مشتركة مع السنغال في شهر مارس المقبل على الحدود الجنوبية.", "cp1256"),
    "fr-1252.txt": ("L'armée malienne a annoncé mercredi une opération antiterroriste près de Gao, au nord du pays.", "cp1252"),
}
HTML = """<!DOCTYPE html><html><head><title>Egypt and Libya hold border security talks</title>
<meta property="og:site_name" content="Desert Wire"><meta name="date" content="2023-05-14"></head>
<body><nav>Home | World | Share</nav><article><h1>Egypt and Libya hold border security talks</h1>
<p>Egyptian and Libyan military delegations met in Cairo on Sunday to discuss security along their long
desert border, officials said, as both sides seek to curb smuggling and the movement of armed groups.</p>
<p>The talks follow a series of meetings between the two countries' defence officials earlier this year,
with a further round expected in Benghazi before the end of the summer.</p></article>
<footer>Link copied</footer></body></html>"""
RSS = """<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Sahel Hebdo</title>
<link>https://sahel-hebdo.example/</link><description>Actualités</description>
<item><title>Le Tchad accueille un exercice conjoint</title><link>https://sahel-hebdo.example/exercice</link>
<pubDate>Tue, 07 Mar 2023 10:00:00 GMT</pubDate><description>Des unités tchadiennes et nigériennes ont entamé lundi un exercice conjoint près de N'Djamena.</description></item>
<item><title>Nouakchott et Bamako discutent de sécurité</title><link>https://sahel-hebdo.example/talks</link>
<pubDate>Wed, 08 Mar 2023 09:00:00 GMT</pubDate><description>Les ministres mauritanien et malien des Affaires étrangères se sont entretenus à Nouakchott.</description></item>
</channel></rss>"""


def write_mixed_folder(folder: Path) -> None:
    for name, (text, enc) in GOOD.items():
        (folder / name).write_bytes(text.encode(enc))
    (folder / "ar-utf8.meta.json").write_text(json.dumps({"title": "زيارة", "published": "2024-02-11"}), encoding="utf-8")
    sub = folder / "pages" / "2023"
    sub.mkdir(parents=True)
    (sub / "egypt-libya.html").write_text(HTML, encoding="utf-8")
    (folder / "feed.xml").write_text(RSS, encoding="utf-8")
    (folder / "export.jsonl").write_text(
        json.dumps({"id": "a1", "text": "The United States delivered patrol boats to the Tunisian navy in Bizerte on Monday.",
                    "published": "2022-06-20", "source": "Monitor export"}) + "\n"
        + '{"id": "a2", "text": "broken line\n'
        + json.dumps({"id": "a3", "text": "Morocco and Israel signed a defence memorandum of understanding in Rabat.",
                      "published": "2021-11-24"}) + "\n", encoding="utf-8")
    (folder / "export.csv").write_text(
        "text,title,url,published,source\n"
        "\"La Russie a livré des hélicoptères de combat au Mali, a annoncé Bamako jeudi.\",Livraison,https://example.ml/helicos,2022-03-31,Journal\n",
        encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (folder / "truncated.html").write_text("<html><head><title>Cut</title></head><body><div><p", encoding="utf-8")


EXPECTED_GOOD = 4 + 1 + 2 + 2 + 1  # texts, html, feed items, jsonl lines, csv row
EXPECTED_FAILED_SOURCES = {"empty.txt", "photo.txt", "truncated.html", "export.jsonl"}


@pytest.fixture(scope="module")
def mixed_ingest(tmp_path_factory):
    folder = tmp_path_factory.mktemp("inbox")
    write_mixed_folder(folder)
    db = folder.parent / "mixed.duckdb"
    first = run_cli("ingest", str(folder), "--db", str(db))
    return folder, db, first


def test_ingest_of_a_mixed_folder_stores_every_good_article(mixed_ingest):
    folder, db, first = mixed_ingest
    assert first.returncode == 0, first.stderr
    assert query(db, "SELECT count(*) FROM articles") == [(EXPECTED_GOOD,)]
    langs = dict(query(db, "SELECT language, count(*) FROM articles GROUP BY 1"))
    assert langs == {"ar": 2, "fr": 5, "en": 3}


def test_ingest_decodes_legacy_arabic_and_french_encodings(mixed_ingest):
    _, db, _ = mixed_ingest
    texts = {row[0] for row in query(db, "SELECT text FROM articles")}
    assert GOOD["ar-1256.txt"][0] in texts
    assert GOOD["fr-1252.txt"][0] in texts


def test_ingest_reads_sidecar_metadata(mixed_ingest):
    _, db, _ = mixed_ingest
    assert query(db, "SELECT title, published FROM articles WHERE source LIKE '%ar-utf8.txt'") == [
        ("زيارة", date(2024, 2, 11))]


def test_ingest_lists_every_broken_input_with_a_reason(mixed_ingest):
    _, db, first = mixed_ingest
    failures = query(db, "SELECT source, reason FROM failures")
    failed_names = {Path(source.split(":")[0]).name for source, _ in failures}
    assert failed_names == EXPECTED_FAILED_SOURCES
    assert all(reason.strip() for _, reason in failures)
    assert f"{EXPECTED_GOOD} added, 0 already present, {len(failures)} failed" in first.stdout
    assert "python -m dashboard failures" in first.stdout


def test_a_second_identical_ingest_adds_nothing(mixed_ingest):
    folder, db, first = mixed_ingest
    before = query(db, "SELECT count(*) FROM articles"), query(db, "SELECT count(*) FROM events")
    second = run_cli("ingest", str(folder), "--db", str(db))
    assert second.returncode == 0, second.stderr
    failed = len(query(db, "SELECT * FROM failures"))
    assert f"0 added, {EXPECTED_GOOD} already present, {failed} failed" in second.stdout
    assert (query(db, "SELECT count(*) FROM articles"), query(db, "SELECT count(*) FROM events")) == before


def test_failures_command_shows_the_reasons(mixed_ingest):
    _, db, _ = mixed_ingest
    result = run_cli("failures", "--db", str(db))
    assert result.returncode == 0
    assert "empty.txt" in result.stdout and "photo.txt" in result.stdout


# -- extract -----------------------------------------------------------------------------------

def test_extract_answers_each_line_in_order_with_errors_kept_in_place():
    lines = "\n".join([
        json.dumps({"id": "x1", "text": "Le ministre est arrivé à Alger.", "published": "2021-03-02"}),
        "{not json",
        json.dumps({"id": "x3", "title": "no text"}),
        json.dumps({"id": "x4", "text": "وصل الوزير إلى تونس"}),
    ]) + "\n"
    result = run_cli("extract", stdin=lines)
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o.get("id") for o in out] == ["x1", None, "x3", "x4"]
    assert [o.get("lang") for o in out] == ["fr", None, None, "ar"]
    assert "error" in out[1] and "error" in out[2]
    assert all(isinstance(out[i][k], list) for i in (0, 3) for k in ("places", "actors", "events"))


def test_extract_offsets_point_into_the_input_text():
    text = "Share\n\nوصل الوزير\u200f إلى الرباط يوم الجمعة."
    result = run_cli("extract", stdin=json.dumps({"id": 1, "text": text, "published": "2020-10-02"}) + "\n")
    out = json.loads(result.stdout)
    for item in out["places"] + out["actors"]:
        assert text[item["start"]:item["end"]] == item["surface"]


# -- crash safety ------------------------------------------------------------------------------

def stored_count(db: Path) -> int:
    """Articles committed so far, read the way any reader reads (retried while a commit holds the file)."""
    try:
        return query(db, "SELECT count(*) FROM articles")[0][0]
    except duckdb.Error:
        return -1


@pytest.mark.slow
def test_an_ingest_killed_half_way_keeps_its_committed_batches_and_a_rerun_completes(tmp_path):
    db = tmp_path / "store.duckdb"
    assert run_cli("build", "--db", str(db)).returncode == 0
    corpus = write_jsonl(tmp_path / "big.jsonl", 3000, seed=11)
    proc = subprocess.Popen([sys.executable, "-m", "dashboard", "ingest", str(corpus), "--db", str(db)],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while stored_count(db) <= 1 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)  # until the first batch is committed
    assert proc.poll() is None, "the ingest finished before it could be killed; use a larger corpus"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()

    committed = query(db, "SELECT count(*), count(DISTINCT content_hash) FROM articles")[0]
    assert committed[0] == committed[1] and (committed[0] - 1) % 1000 == 0 and 1001 <= committed[0] < 3001
    # every committed article came with its events: no batch is half there
    assert query(db, "SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM events)") == [(0,)]
    rerun = run_cli("ingest", str(corpus), "--db", str(db), timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert rerun.stdout.splitlines()[0] == f"{3001 - committed[0]} added, {committed[0] - 1} already present, 0 failed"
    assert query(db, "SELECT count(*), count(DISTINCT content_hash) FROM articles") == [(3001, 3001)]
