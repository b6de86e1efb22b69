"""The Streamlit app, run headless with AppTest on real stores."""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sample_store import build_store  # noqa: E402

from dashboard.records import ProcessedArticle  # noqa: E402

APP = str(Path(__file__).resolve().parent.parent / "dashboard" / "app.py")


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    return build_store(tmp_path_factory.mktemp("app") / "store.duckdb")


def run_app(monkeypatch, db: Path, params: dict[str, str] | None = None, tab: str | None = None) -> AppTest:
    """The app's first run; `tab` opens that tab (only the open tab is computed)."""
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    if tab:
        at.session_state[f"tab_{(params or {}).get('lang', 'en')}"] = tab
    return at.run()


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_loads_without_exception_and_shows_the_whole_store(monkeypatch, store):
    at = run_app(monkeypatch, store)
    assert not at.exception
    assert metrics(at) == {"Events": "8", "Articles": "6", "Places": "6", "Countries": "6"}


def test_map_and_events_are_on_the_page_and_the_timeline_waits_in_its_tab(monkeypatch, store):
    at = run_app(monkeypatch, store)
    assert [h.value for h in at.subheader][:2] == ["Map", "Read an article"]
    assert len(at.get("deck_gl_json_chart")) == 1
    assert len(at.dataframe) == 1  # the events table
    assert len(at.get("plotly_chart")) == 0  # not computed, and its charting code not loaded, until opened


def test_the_timeline_tab_draws_the_timeline(monkeypatch, store):
    at = run_app(monkeypatch, store, tab="Timeline")
    assert [h.value for h in at.subheader][:2] == ["Map", "Timeline"]
    assert len(at.get("plotly_chart")) == 1


def test_country_filter(monkeypatch, store):
    at = run_app(monkeypatch, store)
    at.multiselect(key="f_countries").set_value(["TN"]).run()
    assert metrics(at) == {"Events": "2", "Articles": "2", "Places": "1", "Countries": "1"}
    assert at.query_params["countries"] == "TN"


def test_place_filter(monkeypatch, store):
    at = run_app(monkeypatch, store)
    at.multiselect(key="f_places").set_value(["geo:2377450"]).run()
    assert metrics(at)["Events"] == "1"


def test_event_type_filter(monkeypatch, store):
    at = run_app(monkeypatch, store)
    at.multiselect(key="f_types").set_value(["agreement", "visit"]).run()
    assert metrics(at) == {"Events": "2", "Articles": "1", "Places": "2", "Countries": "2"}


def test_actor_filter(monkeypatch, store):
    at = run_app(monkeypatch, store)
    at.multiselect(key="f_actors").set_value(["Algeria"]).run()
    assert metrics(at)["Events"] == "1"


def test_article_language_filter(monkeypatch, store):
    at = run_app(monkeypatch, store)
    at.multiselect(key="f_langs").set_value(["fr"]).run()
    assert metrics(at) == {"Events": "2", "Articles": "1", "Places": "2", "Countries": "2"}


def test_source_filter(monkeypatch, store):
    at = run_app(monkeypatch, store)
    at.multiselect(key="f_sources").set_value(["Defense Wire"]).run()
    assert metrics(at)["Articles"] == "1"


def test_date_filter(monkeypatch, store):
    at = run_app(monkeypatch, store)
    at.date_input(key="f_dates").set_value((date(2021, 6, 1), date(2021, 6, 30))).run()
    assert metrics(at)["Events"] == "2"
    assert (at.query_params["from"], at.query_params["to"]) == ("2021-06-01", "2021-06-30")


def test_arabic_search_without_hamza(monkeypatch, store):
    at = run_app(monkeypatch, store)
    at.text_input(key="f_q").input("الامنية").run()
    assert metrics(at)["Articles"] == "1"


def test_address_with_filters_opens_that_view(monkeypatch, store):
    at = run_app(monkeypatch, store, {"countries": "NE,DZ", "types": "exercise"})
    assert metrics(at) == {"Events": "1", "Articles": "1", "Places": "1", "Countries": "1"}
    assert at.multiselect(key="f_countries").value == ["NE", "DZ"]


def test_reset_clears_every_filter_and_the_address(monkeypatch, store):
    at = run_app(monkeypatch, store, {"countries": "TN", "q": "Tunis", "lang": "fr"})
    at.button(key="reset").click().run()
    assert metrics(at) == {"Événements": "8", "Articles": "6", "Lieux": "6", "Pays": "6"}
    assert dict(at.query_params) == {"lang": "fr"}


@pytest.mark.parametrize(("lang", "title", "first_metric"), [
    ("en", "Security cooperation in North Africa and the Sahel", "Events"),
    ("fr", "Coopération sécuritaire en Afrique du Nord et au Sahel", "Événements"),
    ("ar", "التعاون الأمني في شمال إفريقيا والساحل", "الأحداث"),
])
def test_each_interface_language_renders(monkeypatch, store, lang, title, first_metric):
    at = run_app(monkeypatch, store, {"lang": lang})
    assert not at.exception
    assert at.title[0].value == title
    assert at.metric[0].label == first_metric


def test_arabic_interface_lays_the_page_out_right_to_left(monkeypatch, store):
    at = run_app(monkeypatch, store, {"lang": "ar"})
    assert any("direction: rtl" in m.value for m in at.markdown)


def test_switching_language_keeps_the_filters(monkeypatch, store):
    at = run_app(monkeypatch, store, {"countries": "TN"})
    at.selectbox(key="ui_lang").set_value("ar").run()
    assert at.metric[0].value == "2"
    assert at.query_params["lang"] == "ar"


def test_article_from_the_address_is_shown_escaped(monkeypatch, store):
    at = run_app(monkeypatch, store, {"article": "en-xss"})
    html = " ".join(h.proto.body for h in at.get("html") if not h.proto.unsafe_allow_javascript)
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt; Briefing" in html
    assert "<script" not in html and "<img" not in html


def test_the_only_script_on_the_page_is_the_projects_own_constant(monkeypatch, store):
    from dashboard.ui.filters_widget import ENTER_APPLIES_DATES

    at = run_app(monkeypatch, store, {"article": "en-xss", "q": "<script>alert(1)</script>"})
    assert [h.proto.body for h in at.get("html") if h.proto.unsafe_allow_javascript] == [ENTER_APPLIES_DATES]


def test_empty_store(monkeypatch, tmp_path):
    at = run_app(monkeypatch, build_store(tmp_path / "empty.duckdb", []))
    assert not at.exception
    assert metrics(at)["Articles"] == "0"
    assert "The store has no articles yet" in at.info[0].value


def test_store_with_articles_but_no_events(monkeypatch, tmp_path):
    art = ProcessedArticle(id="x", source="x.txt", text="Un texte sans événement.", language="fr",
                           content_hash="h", title="Rien")
    at = run_app(monkeypatch, build_store(tmp_path / "noev.duckdb", [art]))
    assert not at.exception
    assert metrics(at) == {"Events": "0", "Articles": "1", "Places": "0", "Countries": "0"}
    assert [i.value for i in at.info][:2] == ["No event with a known place in this view.",
                                              "No event in this view."]
    at = run_app(monkeypatch, build_store(tmp_path / "noev.duckdb", [art]), tab="Timeline")
    assert "No dated event in this view." in [i.value for i in at.info]


def test_corrupt_store_says_how_to_rebuild(monkeypatch, tmp_path):
    bad = tmp_path / "bad.duckdb"
    bad.write_bytes(b"this is not a database" * 100)
    at = run_app(monkeypatch, bad)
    assert not at.exception
    assert at.error[0].value == "The article store cannot be read. Re-create it with: python -m dashboard build --fresh"


def test_missing_store_is_built_from_the_samples(monkeypatch, tmp_path):
    db = tmp_path / "new" / "store.duckdb"
    at = run_app(monkeypatch, db)
    assert not at.exception
    assert db.exists()
    assert metrics(at)["Articles"] == "1"


def test_add_articles_tab_warns_that_cloud_disks_are_temporary(monkeypatch, store):
    at = run_app(monkeypatch, store, tab="Add articles")
    assert [tab.label for tab in at.tabs] == ["Events and articles", "Timeline", "Add articles", "Problems"]
    assert any("On Streamlit Community Cloud the disk is temporary" in i.value for i in at.info)
    assert at.get("file_uploader")


def test_problems_tab_lists_failed_inputs_with_their_reason(monkeypatch, tmp_path):
    from dashboard.records import Failure
    from dashboard.store import write_session

    db = build_store(tmp_path / "fail.duckdb")
    with write_session(db) as w:
        w.add_failure(Failure("feeds/bad.xml", "The feed could not be read: it is not RSS or Atom."))
    at = run_app(monkeypatch, db, tab="Problems")
    tables = [df.value for df in at.dataframe if "Reason" in df.value.columns]
    assert len(tables) == 1
    assert list(tables[0]["Reason"]) == ["The feed could not be read: it is not RSS or Atom."]
