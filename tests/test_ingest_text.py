"""Plain-text files: encodings, sidecar metadata, and the plain reasons for unreadable files."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from dashboard.sources.ingest import read_path, read_upload
from dashboard.records import Failure, RawArticle

ROOT = Path(__file__).resolve().parent.parent
ARABIC = "أعلنت وزارة الدفاع المغربية يوم الخميس عن تنظيم مناورات عسكرية مشتركة في منطقة طانطان جنوب المملكة."
FRENCH = ("Le ministre algérien des Affaires étrangères a reçu jeudi à Alger son homologue malien. "
          "Près de Gao, l'armée a mené une opération ; les échanges ont porté sur la sécurité au Sahel.")
ENGLISH = "Morocco and the United States signed a military cooperation roadmap in Rabat on Friday."


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def only(records: list) -> RawArticle | Failure:
    assert len(records) == 1, records
    return records[0]


def test_utf8_text_file_becomes_one_article_with_its_path_as_source(tmp_path):
    path = write(tmp_path, "en.txt", ENGLISH.encode("utf-8"))
    assert list(read_path(path)) == [RawArticle(source=str(path), text=ENGLISH, fmt="text")]


def test_utf8_with_bom_loses_the_bom(tmp_path):
    path = write(tmp_path, "fr.txt", b"\xef\xbb\xbf" + FRENCH.encode("utf-8"))
    assert only(list(read_path(path))).text == FRENCH


def test_windows_1256_arabic_is_decoded(tmp_path):
    path = write(tmp_path, "ar.txt", ARABIC.encode("cp1256"))
    assert only(list(read_path(path))).text == ARABIC


def test_windows_1252_french_is_decoded(tmp_path):
    path = write(tmp_path, "fr.txt", FRENCH.encode("cp1252"))
    assert only(list(read_path(path))).text == FRENCH


def test_utf16_with_bom_is_decoded(tmp_path):
    path = write(tmp_path, "ar.txt", ARABIC.encode("utf-16"))
    assert only(list(read_path(path))).text == ARABIC


def test_sidecar_gives_title_url_date_and_site(tmp_path):
    path = write(tmp_path, "visit.ar.txt", ARABIC.encode("utf-8"))
    meta = {"title": "مناورات في طانطان", "url": "https://news.example/ar/1",
            "published": "2021-06-07", "source": "Agence Exemple", "language": "ar"}
    write(tmp_path, "visit.ar.meta.json", json.dumps(meta, ensure_ascii=False).encode("utf-8"))
    assert list(read_path(path)) == [RawArticle(
        source=str(path), text=ARABIC, title="مناورات في طانطان", url="https://news.example/ar/1",
        published=date(2021, 6, 7), site="Agence Exemple", fmt="text")]


def test_sidecar_with_impossible_date_keeps_the_article_without_a_date(tmp_path):
    path = write(tmp_path, "x.txt", ENGLISH.encode("utf-8"))
    write(tmp_path, "x.meta.json", b'{"title": "Roadmap", "published": "2020-13-45"}')
    article = only(list(read_path(path)))
    assert (article.title, article.published) == ("Roadmap", None)


def test_broken_sidecar_keeps_the_article_and_reports_the_sidecar(tmp_path):
    path = write(tmp_path, "x.txt", ENGLISH.encode("utf-8"))
    meta = write(tmp_path, "x.meta.json", b'{"title": "Roadmap",')
    article, failure = list(read_path(path))
    assert article == RawArticle(source=str(path), text=ENGLISH, fmt="text")
    assert failure.source == str(meta)
    assert failure.reason.startswith("The metadata file is not valid JSON")


def test_sidecar_url_that_is_not_a_web_address_is_dropped(tmp_path):
    path = write(tmp_path, "x.txt", ENGLISH.encode("utf-8"))
    write(tmp_path, "x.meta.json", b'{"url": "javascript:alert(1)"}')
    assert only(list(read_path(path))).url is None


def test_project_sample_reads_with_its_sidecar():
    article = only(list(read_path(ROOT / "data" / "samples" / "esper-rabat-2020-10-02.ar.txt")))
    assert article.published == date(2020, 10, 2)
    assert article.title == "لمواجهة التحديات الأمنية.. المغرب وأمريكا يوقعان على اتفاقية للتعاون العسكري"
    assert article.site == "Sample article (project user's document)"


def test_empty_file_is_a_failure(tmp_path):
    path = write(tmp_path, "empty.txt", b"")
    assert list(read_path(path)) == [Failure(str(path), "The file is empty.")]


def test_whitespace_only_file_is_empty(tmp_path):
    path = write(tmp_path, "blank.txt", b" \n\r\n\t ")
    assert list(read_path(path)) == [Failure(str(path), "The file is empty.")]


def test_pdf_named_txt_is_a_binary_failure(tmp_path):
    path = write(tmp_path, "report.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>")
    assert list(read_path(path)) == [Failure(
        str(path), "This looks like a binary file (for example an image or a PDF), not text.")]


def test_png_upload_is_a_binary_failure():
    records = list(read_upload("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
    assert records == [Failure("photo.png",
                               "This looks like a binary file (for example an image or a PDF), not text.")]


def test_bytes_in_no_known_encoding_are_a_failure(tmp_path):
    path = write(tmp_path, "noise.txt", bytes(range(0x80, 0x100)) * 3)
    assert list(read_path(path)) == [Failure(str(path), "The text could not be decoded in any known encoding.")]


def test_file_over_the_size_cap_is_refused(tmp_path):
    path = write(tmp_path, "big.txt", ENGLISH.encode("utf-8") * 20)
    assert list(read_path(path, max_bytes=1000)) == [Failure(
        str(path), "The file is larger than 1 KB, the most this program reads from one file.")]


def test_default_size_cap_is_20_mb(tmp_path):
    path = write(tmp_path, "big.txt", b"a" * 20_000_001)
    assert list(read_path(path)) == [Failure(
        str(path), "The file is larger than 20 MB, the most this program reads from one file.")]


def test_missing_path_is_a_failure(tmp_path):
    path = tmp_path / "nowhere.txt"
    assert list(read_path(path)) == [Failure(str(path), "The file or folder does not exist.")]
