"""Folders, uploads, the feed list, publication dates, and batches that never stop."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.sources.ingest import load_feed_list, read_path, read_sources, read_upload
from dashboard.sources.pubdate import parse_published
from dashboard.records import Failure, RawArticle

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "tests" / "fixtures" / "ingest" / "folder"


def test_folder_is_read_recursively_skipping_hidden_files_and_sidecars():
    assert [(Path(r.source).relative_to(FOLDER).as_posix(), type(r).__name__) for r in read_path(FOLDER)] == [
        ("ar-visit.txt", "RawArticle"),
        ("empty.txt", "Failure"),
        ("nested/en-brief.md", "RawArticle"),
        ("nested/field-note.log", "RawArticle"),
    ]


def test_folder_files_keep_their_sidecar_metadata():
    article = next(read_path(FOLDER))
    assert (article.title, article.published, article.site) == ("زيارة وفد عسكري", date(2023, 1, 17), "Agence Exemple")


def test_file_with_unknown_extension_is_sniffed_as_text():
    article = list(read_path(FOLDER))[-1]
    assert (article.fmt, article.text) == (
        "text", "Note de terrain : la route entre Gao et Ansongo a rouvert après deux semaines de fermeture.\n")


def test_a_bad_file_in_a_folder_does_not_stop_the_others(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "b.txt").write_text("Le Niger a reçu deux hélicoptères.", encoding="utf-8")
    assert [type(r).__name__ for r in read_path(tmp_path)] == ["Failure", "RawArticle"]


def test_upload_is_dispatched_by_extension():
    data = b'{"text": "Algeria and Tunisia held talks."}\n'
    assert list(read_upload("batch.jsonl", data)) == [
        RawArticle(source="batch.jsonl:line 1", text="Algeria and Tunisia held talks.", fmt="jsonl")]


def test_upload_without_extension_is_sniffed_as_a_feed():
    records = list(read_upload("download", (ROOT / "tests/fixtures/ingest/feeds/en.rss").read_bytes()))
    assert [(r.fmt, r.title) for r in records] == [("feed", "Algeria hosts border security talks")]


def test_upload_over_the_cap_is_refused():
    assert list(read_upload("big.txt", b"x" * 2001, max_bytes=2000)) == [
        Failure("big.txt", "The file is larger than 2 KB, the most this program reads from one file.")]


def test_read_sources_refuses_other_schemes():
    assert list(read_sources(["ftp://files.example/feed.xml"])) == [
        Failure("ftp://files.example/feed.xml", "Only web addresses starting with http:// or https:// can be read.")]


def test_read_sources_reads_paths_and_skips_blank_items():
    records = list(read_sources(["", str(FOLDER / "ar-visit.txt")]))
    assert [r.source for r in records] == [str(FOLDER / "ar-visit.txt")]


def test_feed_list_skips_comments_blank_lines_and_duplicates(tmp_path):
    path = tmp_path / "feeds.txt"
    path.write_text("# my feeds\n\nhttps://a.example/rss   # Agence A\nhttps://b.example/feed\n"
                    "  # indented comment\nhttps://a.example/rss\n", encoding="utf-8")
    assert load_feed_list(path) == ["https://a.example/rss", "https://b.example/feed"]


def test_project_feed_list_holds_only_web_addresses():
    feeds = load_feed_list(ROOT / "data" / "feeds.txt")
    assert (len(feeds) >= 10, all(f.startswith("https://") for f in feeds)) == (True, True)


@pytest.mark.parametrize(("text", "expected"), [
    ("2020-10-02", date(2020, 10, 2)),
    ("2020-10-02T23:30:00-05:00", date(2020, 10, 2)),
    ("Fri, 02 Oct 2020 23:30:00 -0500", date(2020, 10, 2)),
    ("Fri, 2 Oct 2020 10:00:00 GMT", date(2020, 10, 2)),
    ("le vendredi 1er octobre 2021 à 10h", date(2021, 10, 1)),
    ("2 févr. 2022", date(2022, 2, 2)),
    ("Publié le 14 août 2019", date(2019, 8, 14)),
    ("October 2, 2020", date(2020, 10, 2)),
    ("Updated: Oct. 2, 2020 10:00 AM", date(2020, 10, 2)),
    ("2nd October 2020", date(2020, 10, 2)),
    ("02/10/2020", date(2020, 10, 2)),
    ("2 أكتوبر 2020", date(2020, 10, 2)),
    ("٢ أكتوبر ٢٠٢٠", date(2020, 10, 2)),
    ("15 جويلية 2021", date(2021, 7, 15)),
    ("3 شتنبر 2019", date(2019, 9, 3)),
    ("2020-13-45", None),
    ("31/02/2020", None),
    ("yesterday", None),
    ("", None),
])
def test_publication_dates(text, expected):
    assert parse_published(text) == expected


@settings(max_examples=150, deadline=None)
@given(name=st.sampled_from(["a.txt", "a.html", "a.rss", "a.jsonl", "a.json", "a.csv", "a.bin", "a"]),
       data=st.binary(max_size=400) | st.text(max_size=200).map(lambda t: t.encode("utf-8")))
def test_any_upload_gives_records_without_internal_errors(name, data):
    records = list(read_upload(name, data))
    assert [r for r in records if not isinstance(r, (RawArticle, Failure)) or
            (isinstance(r, Failure) and "internal error" in r.reason)] == []


def test_named_pipe_in_a_folder_is_reported_not_read(tmp_path):
    import os

    os.mkfifo(tmp_path / "pipe.txt")
    assert list(read_path(tmp_path)) == [Failure(str(tmp_path / "pipe.txt"), "This is neither a file nor a folder.")]


def test_web_page_saved_as_xml_is_read_as_a_page():
    page = (ROOT / "tests/fixtures/ingest/html/fr-exercice-niger.html").read_bytes()
    assert [r.fmt for r in read_upload("page.xml", page)] == ["html"]
