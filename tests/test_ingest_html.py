"""Saved web pages through trafilatura, offline."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from dashboard.sources.ingest import read_path, read_upload
from dashboard.records import Failure, RawArticle

HTML = Path(__file__).resolve().parent / "fixtures" / "ingest" / "html"


def test_french_page_gives_body_title_date_and_site():
    path = HTML / "fr-exercice-niger.html"
    assert list(read_path(path)) == [RawArticle(
        source=str(path),
        text=("Exercice militaire conjoint au Niger\n"
              "L'armée nigérienne et ses partenaires ont lancé lundi un exercice conjoint "
              "près de Niamey, selon un communiqué de l'état-major nigérien.\n"
              "L'exercice, prévu pour durer deux semaines, vise à renforcer la coordination face aux "
              "groupes armés actifs dans la zone des trois frontières.\n"
              "Plusieurs centaines de soldats y participent, a précisé le communiqué publié dimanche soir."),
        title="Exercice militaire conjoint au Niger",
        published=date(2021, 3, 15),
        site="Le Courrier du Fleuve",
        fmt="html",
    )]


def test_page_text_leaves_out_navigation_scripts_and_footer():
    text = next(read_path(HTML / "fr-exercice-niger.html")).text
    assert ("Accueil" not in text, "tracker" not in text, "Tous droits" not in text) == (True, True, True)


def test_arabic_page_gives_its_metadata():
    article = next(read_path(HTML / "ar-tunis-talks.html"))
    assert (article.title, article.published, article.site) == (
        "مباحثات أمنية بين تونس والجزائر", date(2022, 5, 9), "جريدة الصحراء")


def test_arabic_page_keeps_every_paragraph():
    article = next(read_path(HTML / "ar-tunis-talks.html"))
    assert article.text.split("\n")[-1] == "وأكد البيان الختامي أن التعاون بين البلدين يشمل أيضا تدريب عناصر الحماية المدنية."


def test_truncated_page_gives_the_text_it_has():
    article = next(read_path(HTML / "en-truncated.html"))
    assert article.text.endswith("crews will be trained in Nouakchott over the next")


def test_page_cut_before_its_body_is_a_failure():
    path = HTML / "fr-cut-in-head.html"
    assert list(read_path(path)) == [Failure(str(path), "The page has no article text that could be extracted.")]


def test_windows_1256_page_declared_in_meta_is_decoded():
    page = (HTML / "ar-tunis-talks.html").read_text(encoding="utf-8").replace(
        '<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">')
    article = next(read_upload("page.htm", page.encode("cp1256")))
    assert article.title == "مباحثات أمنية بين تونس والجزائر"


def test_sidecar_overrides_what_the_page_says(tmp_path):
    page = tmp_path / "page.html"
    page.write_bytes((HTML / "fr-exercice-niger.html").read_bytes())
    (tmp_path / "page.meta.json").write_text('{"published": "2021-03-16", "url": "https://news.example/fr/9"}')
    article = next(read_path(page))
    assert (article.published, article.url, article.site) == (
        date(2021, 3, 16), "https://news.example/fr/9", "Le Courrier du Fleuve")


def test_html_upload_without_extension_is_recognised():
    article = next(read_upload("saved-page", (HTML / "fr-exercice-niger.html").read_bytes()))
    assert (article.fmt, article.title) == ("html", "Exercice militaire conjoint au Niger")


def test_page_with_only_a_script_is_a_failure():
    records = list(read_upload("x.html", b"<html><body><script>var a = 1;</script></body></html>"))
    assert records == [Failure("x.html", "The page has no article text that could be extracted.")]


def test_a_page_reader_error_keeps_its_reason_in_the_failure(monkeypatch):
    import trafilatura

    def broken(*args, **kwargs):
        raise ValueError("unexpected end of tree")

    monkeypatch.setattr(trafilatura, "bare_extraction", broken)
    page = "<html><body><p>Le ministre est arrivé à Nouakchott.</p></body></html>".encode()
    assert list(read_upload("page.html", page)) == [Failure(
        "page.html",
        "The page has no article text that could be extracted "
        "(the page reader said: ValueError: unexpected end of tree).")]
