"""An error inside one part of the page is one plain sentence in the interface language, the rest of
the page is drawn, and nothing of the error (its type, message or traceback) reaches the page
(AppTest on a real store; the part's function is replaced by one that raises)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sample_store import build_store  # noqa: E402

from dashboard.store import StoreBusy  # noqa: E402
from dashboard.ui import views  # noqa: E402
from dashboard.ui.guard import message_for  # noqa: E402

APP = str(Path(__file__).resolve().parent.parent / "dashboard" / "app.py")
SECRET = "internal detail /srv/secret.key"


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    return build_store(tmp_path_factory.mktemp("guard") / "store.duckdb")


# The tab each part is drawn in (only the open tab is drawn), by the part's function.
TAB_OF = {"timeline_section": "tab_timeline", "add_articles_section": "tab_add", "problems_section": "tab_problems"}


def run_with_failing(monkeypatch, store: Path, function: str, lang: str = "en",
                     error: Exception = RuntimeError(SECRET)) -> AppTest:
    from dashboard.ui.i18n import t

    def fails(*args, **kwargs):
        raise error

    monkeypatch.setattr(views, function, fails)
    monkeypatch.setenv("DASHBOARD_DB", str(store))
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = lang
    if function in TAB_OF:
        at.session_state[f"tab_{lang}"] = t(lang, TAB_OF[function])
    return at.run()


def page_text(at: AppTest) -> str:
    parts = [str(getattr(e, "value", "")) for e in at.main] + [str(getattr(e, "value", "")) for e in at.sidebar]
    return "\n".join(parts + [e.value for e in at.error] + [e.value for e in at.warning])


@pytest.mark.parametrize("function, part", [
    ("map_section", "Map"), ("timeline_section", "Timeline"), ("events_section", "Events and articles"),
    ("reader_section", "Read an article"), ("add_articles_section", "Add articles"),
    ("problems_section", "Problems")])
def test_an_error_in_one_part_is_one_plain_sentence_and_the_rest_is_drawn(monkeypatch, store, function, part):
    at = run_with_failing(monkeypatch, store, function)
    assert not at.exception
    assert [e.value for e in at.error] == [
        f"Something went wrong while showing this part of the page ({part}). The rest of the page works. "
        "Reload the page to try again; if it happens again, tell the people who run this dashboard."]
    assert {m.label: m.value for m in at.metric} == {"Events": "8", "Articles": "6", "Places": "6", "Countries": "6"}
    assert len(at.tabs) == 4
    text = page_text(at)
    assert SECRET not in text and "RuntimeError" not in text and "Traceback" not in text


def test_the_other_parts_are_still_there_when_the_map_fails(monkeypatch, store):
    at = run_with_failing(monkeypatch, store, "map_section")
    assert "Read an article" in [h.value for h in at.subheader]
    assert len(at.dataframe) >= 1  # the events table


def test_the_message_is_in_the_interface_language(monkeypatch, store):
    at = run_with_failing(monkeypatch, store, "timeline_section", lang="fr")
    assert [e.value for e in at.error] == [
        "Un problème est survenu en affichant cette partie de la page (Chronologie). Le reste de la page "
        "fonctionne. Rechargez la page pour réessayer ; si cela se reproduit, prévenez les personnes qui "
        "gèrent ce tableau de bord."]


def test_arabic_interface_gets_the_arabic_sentence(monkeypatch, store):
    at = run_with_failing(monkeypatch, store, "problems_section", lang="ar")
    assert [e.value for e in at.error] == [
        "حدث خطأ أثناء عرض هذا الجزء من الصفحة (المشكلات). بقية الصفحة تعمل. أعد تحميل الصفحة للمحاولة مجددا، "
        "وإن تكرر الأمر فأبلغ القائمين على هذه اللوحة."]


def test_a_store_busy_with_a_long_commit_is_a_warning_to_reload(monkeypatch, store):
    at = run_with_failing(monkeypatch, store, "map_section", error=StoreBusy("held by an ingest"))
    assert not at.exception and not at.error
    assert [w.value for w in at.warning] == ["Articles are being added right now. Reload the page in a moment."]


def test_an_error_outside_the_parts_is_still_a_sentence(monkeypatch, store):
    at = run_with_failing(monkeypatch, store, "headline")
    assert not at.exception
    assert [e.value for e in at.error] == [
        "Something went wrong while showing the page. Reload the page to try again; if it happens again, tell "
        "the people who run this dashboard."]


def test_streamlits_own_rerun_is_not_taken_for_an_error():
    from streamlit.runtime.scriptrunner_utils.exceptions import RerunException

    from dashboard.ui.guard import part

    with pytest.raises(RerunException):
        with part("en", "map"):
            raise RerunException(None)


def test_message_for_names_the_part_in_the_language_asked():
    assert message_for(ValueError("x"), "fr", "reader") == (
        "error", "Un problème est survenu en affichant cette partie de la page (Lire un article). Le reste de la "
                 "page fonctionne. Rechargez la page pour réessayer ; si cela se reproduit, prévenez les personnes "
                 "qui gèrent ce tableau de bord.")
