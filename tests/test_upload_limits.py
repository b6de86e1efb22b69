"""The "Add articles" page refuses uploads by count, type and size, with one plain message per refused file.

The browser's file picker already filters by type and Streamlit refuses files over its own 20 MiB
cap; these checks are what the server does with whatever arrives anyway.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from dashboard.records import Failure, RawArticle  # noqa: E402
from dashboard.ui.uploads import ALLOWED_SUFFIXES, MAX_FILE_BYTES, MAX_FILES, collect_uploads  # noqa: E402

TEXT = "Moroccan and Mauritanian officers met in Nouakchott to discuss border patrols.".encode()
ACCEPTED = "Accepted: .txt .text .md .html .htm .xml .rss .atom .json .jsonl .ndjson .csv."


def sources_and_reasons(items) -> list[tuple[str, str]]:
    return [(i.source, i.reason) for i in items if isinstance(i, Failure)]


def test_the_limits_are_20_files_of_20_MB():
    from dashboard.sources.ingest import MAX_FILE_BYTES as CLI_LIMIT

    assert (MAX_FILES, MAX_FILE_BYTES, CLI_LIMIT) == (20, 20_000_000, 20_000_000)


def test_the_accepted_types_are_text_web_pages_feeds_and_exports():
    assert ALLOWED_SUFFIXES == (".txt", ".text", ".md", ".html", ".htm", ".xml", ".rss", ".atom", ".json",
                                ".jsonl", ".ndjson", ".csv")


def test_a_file_over_20_MB_is_refused_unread():
    items = collect_uploads([("huge.txt", b"a" * (MAX_FILE_BYTES + 1))])
    assert sources_and_reasons(items) == [
        ("huge.txt", "Not added: the file is larger than 20 MB, the most one upload may be.")]


def test_the_21st_file_is_refused_and_the_first_20_are_read():
    files = [(f"note{i:02}.txt", TEXT + str(i).encode()) for i in range(21)]
    items = collect_uploads(files)
    assert [i.source for i in items if isinstance(i, RawArticle)] == [f"note{i:02}.txt" for i in range(20)]
    assert sources_and_reasons(items) == [
        ("note20.txt", "Not added: at most 20 files can be added at a time. Add this one in another batch.")]


@pytest.mark.parametrize(("name", "reason"), [
    ("report.pdf", f"Not added: “.pdf” files are not accepted. {ACCEPTED}"),
    ("setup.exe", f"Not added: “.exe” files are not accepted. {ACCEPTED}"),
    ("notes.txt.exe", f"Not added: “.exe” files are not accepted. {ACCEPTED}"),
    ("drawing.svg", f"Not added: “.svg” files are not accepted. {ACCEPTED}"),
    ("page.js", f"Not added: “.js” files are not accepted. {ACCEPTED}"),
    ("archive.zip", f"Not added: “.zip” files are not accepted. {ACCEPTED}"),
    ("README", f"Not added: Files without an extension are not accepted. {ACCEPTED}"),
])
def test_a_file_of_another_type_is_refused_unread(name, reason):
    assert sources_and_reasons(collect_uploads([(name, TEXT)])) == [(name, reason)]


@pytest.mark.parametrize("name", ["a.txt", "a.text", "a.md", "A.TXT", "brief.fr.md"])
def test_text_files_of_an_accepted_type_become_articles(name):
    items = collect_uploads([(name, TEXT)])
    assert [(type(i).__name__, i.source) for i in items] == [("RawArticle", name)]


def test_each_refused_file_gets_its_own_message_and_the_rest_is_read():
    items = collect_uploads([("ok.md", TEXT), ("x.pdf", TEXT), ("big.csv", b"t" * 500), ("ok2.txt", TEXT + b"!")],
                            max_bytes=200)
    assert [i.source for i in items if isinstance(i, RawArticle)] == ["ok.md", "ok2.txt"]
    assert [s for s, _ in sources_and_reasons(items)] == ["x.pdf", "big.csv"]
    assert sources_and_reasons(items)[1][1] == "Not added: the file is larger than 200 bytes, the most one upload may be."


def test_an_uploaded_name_keeps_only_the_file_name():
    items = collect_uploads([("../../etc/passwd.txt", TEXT), ("C:\\Users\\x\\brief.md", TEXT)])
    assert [i.source for i in items] == ["passwd.txt", "brief.md"]


def test_refused_uploads_are_kept_as_failures_in_the_store(tmp_path):
    from dashboard.store import StoreReader
    from dashboard.ui.uploads import run_ingest

    db = tmp_path / "store.duckdb"
    report = run_ingest(collect_uploads([("ok.txt", TEXT), ("tool.exe", b"MZ\x90\x00")]), db)
    reader = StoreReader(db)
    stored = list(reader.failures()["source"])
    reader.close()
    assert (report.added, report.failed, stored) == (1, 1, ["tool.exe"])


def test_the_upload_widget_offers_only_the_accepted_types(monkeypatch, tmp_path):
    from sample_store import build_store
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("DASHBOARD_DB", str(build_store(tmp_path / "store.duckdb")))
    at = AppTest.from_file(str(Path(__file__).resolve().parent.parent / "dashboard" / "app.py"), default_timeout=60)
    at.session_state["tab_en"] = "Add articles"  # only the open tab is drawn
    at.run()
    uploader = at.get("file_uploader")[0].proto
    assert list(uploader.type) == list(ALLOWED_SUFFIXES)
    assert uploader.multiple_files
