"""Property tests for every ingest path: uploads of each format, files on disk, and the store.

Whatever the bytes, reading gives RawArticles and Failures, never an exception and never an
"internal error"; every failure says why in words; every article has text, a date that exists
(or none) and a link that is a plain web address (or none).
"""
from __future__ import annotations

import json
import os
import tempfile
from datetime import date
from pathlib import Path

import duckdb
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.sources.decode import decode_bytes
from dashboard.sources.ingest import read_path, read_upload
from dashboard.sources.urls import safe_link
from dashboard.records import Failure, RawArticle
from dashboard.runner import store_items
from hostile_strategies import WORDS, any_text, hostile_bytes, hostile_text

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
EXTENSIONS = [".txt", ".md", ".html", ".htm", ".xml", ".rss", ".atom", ".jsonl", ".json", ".csv",
              ".tsv", ".log", ""]


def check_records(records: list) -> None:
    """What every reader promises, whatever it was given."""
    for r in records:
        assert isinstance(r, (RawArticle, Failure))
        if isinstance(r, Failure):
            assert r.reason.strip() and "internal error" not in r.reason
            r.source.encode("utf-8")
        else:
            assert r.text.strip()
            assert r.published is None or date(1900, 1, 1) <= r.published <= date(2100, 12, 31)
            assert r.url is None or safe_link(r.url) == r.url
            r.source.encode("utf-8")


# --- structured hostile documents, one strategy per format --------------------------------------

cell = st.one_of(any_text, st.sampled_from(['"', '""', '"a', 'a"b', "x,y", "\n", "\r\n", ";", "\t"]))
csv_docs = st.tuples(
    st.lists(st.sampled_from(["text", "title", "url", "published", "source", "id", "TEXT", "", '"']),
             min_size=1, max_size=6),
    st.lists(st.lists(cell, max_size=7), max_size=6),
).map(lambda t: "\n".join([",".join(t[0])] + [",".join(row) for row in t[1]]))

json_scalars = st.none() | st.booleans() | st.integers() | st.floats() | any_text
json_values = st.recursive(json_scalars, lambda inner: st.lists(inner, max_size=3)
                           | st.dictionaries(st.sampled_from(["text", "title", "url", "published", "id", "source"]),
                                             inner, max_size=4), max_leaves=8)
jsonl_line = st.one_of(
    json_values.map(json.dumps),
    st.fixed_dictionaries({"text": any_text}, optional={"published": json_values, "url": json_values,
                                                        "title": json_values}).map(json.dumps),
    hostile_text.map(lambda t: t.replace("\n", " ")),
)
jsonl_docs = st.lists(jsonl_line, max_size=6).map("\n".join)


CHARREFS = ["&lol;", "&#0;", "&#xD800;", "&#55296;", "&#x110000;", "&#99999999999999999999;", "&#x202E;", "&amp"]


def _xml_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


feed_field = st.one_of(any_text.map(_xml_escape), any_text,
                       st.sampled_from(["<![CDATA[<p>x</p>", "<div>" * 300, *CHARREFS]))
feed_docs = st.builds(
    lambda prolog, title, items, cut: (prolog + '<rss version="2.0"><channel><title>' + title + "</title>"
                                       + "".join(items) + "</channel></rss>")[:cut],
    st.sampled_from(['<?xml version="1.0" encoding="utf-8"?>', "", '<!DOCTYPE rss [<!ENTITY lol "lol">]>',
                     '<!DOCTYPE rss SYSTEM "file:///etc/passwd">', "<!-- c -->", '<?xml version="1.0" encoding="x-bogus"?>']),
    feed_field,
    st.lists(st.builds("<item><title>{}</title><description>{}</description><pubDate>{}</pubDate><link>{}</link></item>".format,
                       feed_field, feed_field,
                       st.sampled_from(["2020-13-45", "0000-00-00", "Fri, 31 Dec 99999 10:00:00 GMT", "Mon, 30 Feb 2020", "", "x"]),
                       st.sampled_from(["https://a.example/1", "javascript:alert(1)", "http://[::1", "", "https://a.example/\u202e"])),
             max_size=4),
    st.integers(0, 4000),
)

html_docs = st.builds(
    lambda depth, tag, body, cut: ("<html><head><title>" + body[:20] + "</title></head><body>" + f"<{tag}>" * depth
                                   + "<p>" + body + "</p>" + f"</{tag}>" * depth + "</body></html>")[:cut],
    st.integers(0, 2000), st.sampled_from(["div", "span", "table", "b", "p", "li"]),
    st.lists(st.one_of(any_text, st.sampled_from(WORDS + CHARREFS)), max_size=30).map(" ".join),
    st.integers(0, 100_000),
)


def encoded(text_strategy):
    return text_strategy.map(lambda t: t.encode("utf-8", errors="surrogatepass"))


# --- uploads ------------------------------------------------------------------------------------

@FUZZ
@given(st.sampled_from(EXTENSIONS), hostile_bytes)
def test_any_bytes_uploaded_under_any_extension_give_records(ext, data):
    check_records(list(read_upload("upload" + ext, data)))


@FUZZ
@given(st.sampled_from([".csv", ".tsv", ".txt"]), encoded(csv_docs))
def test_hostile_csv_gives_records(ext, data):
    check_records(list(read_upload("table" + ext, data)))


@FUZZ
@given(st.sampled_from([".jsonl", ".json", ".ndjson"]), encoded(jsonl_docs))
def test_hostile_json_lines_give_records(ext, data):
    check_records(list(read_upload("export" + ext, data)))


@FUZZ
@given(st.sampled_from([".rss", ".xml", ".atom", ""]), encoded(feed_docs))
def test_hostile_feeds_give_records(ext, data):
    check_records(list(read_upload("feed" + ext, data)))


@settings(max_examples=60, deadline=None)
@given(st.sampled_from([".html", ".htm", ".xhtml", ""]), encoded(html_docs))
def test_hostile_html_gives_records(ext, data):
    check_records(list(read_upload("page" + ext, data)))


@FUZZ
@given(encoded(jsonl_docs))
def test_every_json_line_is_one_record_in_order(data):
    records = list(read_upload("x.jsonl", data))
    if records and records[0].source == "x.jsonl":  # the whole file was refused (binary, undecodable)
        assert len(records) == 1
    else:
        lines = [n for n, line in enumerate(decode_bytes(data).split("\n"), 1) if line.strip().lstrip("\ufeff")]
        assert [r.source for r in records] == [f"x.jsonl:line {n}" for n in lines]


@FUZZ
@given(st.lists(st.sampled_from([
    'Un texte,Titre', '"Texte entre guillemets, avec virgule",T', '"ouvert,jamais fermé', 'a "b" c,T',
    '"fermé" puis,T', ',', '"",""', '"multi\nligne",T', "texte\x00nul,T"]), max_size=8))
def test_a_csv_row_with_broken_quoting_never_hides_the_well_formed_rows_after_it(rows):
    """Every row after the last broken one is read as it would be on its own."""
    data = ("text,title\n" + "\n".join(rows) + "\nDernière ligne lisible,Fin\n").encode("utf-8")
    records = list(read_upload("t.csv", data))
    assert isinstance(records[-1], RawArticle) and records[-1].text == "Dernière ligne lisible"


def test_utf8_json_lines_with_one_corrupt_byte_keep_every_good_line():
    data = ('{"text": "زار وزير الدفاع الرباط يوم الجمعة."}\n'.encode()
            + b'{"text": "Le ministre a visit\xc3\xa9 Alger\xff."}\n' + '{"text": "مناورات في بنزرت"}'.encode())
    assert [r.text for r in read_upload("x.jsonl", data)] == [
        "زار وزير الدفاع الرباط يوم الجمعة.", "Le ministre a visité Alger\ufffd.", "مناورات في بنزرت"]


def test_a_csv_with_a_stray_nul_byte_keeps_its_rows():
    data = b"text,title\nLe convoi est arriv\xc3\xa9 \xc3\xa0 Gao.,A\nLa patrouille\x00 est rentr\xc3\xa9e.,B\n"
    assert [r.text for r in read_upload("t.csv", data)] == ["Le convoi est arrivé à Gao.", "La patrouille\x00 est rentrée."]


# --- files on disk, and the store ---------------------------------------------------------------

names = st.text(st.characters(codec="utf-8", exclude_characters="/\x00"), min_size=1, max_size=20).filter(
    lambda n: n not in (".", "..") and len(n.encode()) < 200)


@settings(max_examples=100, deadline=None)
@given(names, st.sampled_from(EXTENSIONS), hostile_bytes)
def test_any_file_with_any_name_gives_records_named_after_it(name, ext, data):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / (name + ext)
        path.write_bytes(data)
        records = list(read_path(Path(tmp)))
        check_records(records)
        if not path.name.startswith(".") and not path.name.lower().endswith(".meta.json"):
            assert records and all(r.source.startswith(str(path)) for r in records)


@settings(max_examples=30, deadline=None)
@given(st.binary(min_size=1, max_size=30).filter(lambda b: b"/" not in b and b"\x00" not in b
                                                  and b not in (b".", b"..") and not b.startswith(b".")),
       hostile_bytes)
def test_file_names_that_are_not_utf8_are_reported_with_a_replacement_character(name, data):
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.fsencode(tmp) + b"/" + name, "wb") as fh:
            fh.write(data)
        records = list(read_path(Path(tmp)))
        check_records(records)
        expected = tmp + "/" + name.decode("utf-8", "replace")
        assert records and all(r.source.startswith(expected) for r in records)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(EXTENSIONS), st.one_of(hostile_bytes, encoded(jsonl_docs),
                                                                 encoded(csv_docs), encoded(feed_docs))),
                min_size=1, max_size=4))
def test_any_files_end_in_the_store_as_articles_or_failures_and_a_second_run_adds_nothing(files):
    with tempfile.TemporaryDirectory() as tmp:
        folder, db = Path(tmp) / "in", Path(tmp) / "store.duckdb"
        folder.mkdir()
        for n, (ext, data) in enumerate(files):
            (folder / f"f{n}{ext}").write_bytes(data)
        records = list(read_path(folder))
        report = store_items(records, db)
        articles = [r for r in records if isinstance(r, RawArticle)]
        failures = [r for r in records if isinstance(r, Failure)]
        assert report.added + report.present + report.failed == len(records)
        assert report.failed >= len(failures)
        assert all("internal error" not in f.reason for f in report.failures)
        con = duckdb.connect(str(db), read_only=True)
        stored = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        con.close()
        assert stored == report.added <= len(articles)
        again = store_items(read_path(folder), db)
        assert again.added == 0
