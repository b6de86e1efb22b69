"""The dashboard's Streamlit entry: page setup and wiring only (logic lives in dashboard.ui and the store).

    streamlit run dashboard/app.py        (or: python -m dashboard app)

Reads the store named by $DASHBOARD_DB (default data/dashboard.duckdb); builds it from the sample
articles on first run.
"""
from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):  # `streamlit run dashboard/app.py` runs this file as a script
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import streamlit as st  # noqa: E402

from dashboard.store import StoreBusy, StoreError, StoreMissing, StoreUnreadable  # noqa: E402
from dashboard.ui import data, guard, views  # noqa: E402
from dashboard.ui import filters_widget as fw  # noqa: E402
from dashboard.ui.deck import country_index, load_borders  # noqa: E402
from dashboard.ui.i18n import t  # noqa: E402

st.set_page_config(page_title="Sahel & North Africa security cooperation", page_icon="🗺️", layout="wide")
fw.load_from_address()
lang = fw.language_picker()
views.page_direction(lang)
st.title(t(lang, "title"))
st.caption(t(lang, "subtitle"))

db = data.db_path()
if not db.exists():
    with st.spinner(t(lang, "building")):
        try:
            data.build_from_samples(db)
        except Exception as exc:  # noqa: BLE001 - shown to the user, the page must not crash
            st.error(t(lang, "build_failed", error=f"{exc.__class__.__name__}: {exc}"[:300]))
            st.stop()
try:
    reader, version = data.open_store(db)
except StoreUnreadable:
    st.error(t(lang, "store_unreadable"))
    st.stop()
except StoreMissing:
    st.error(t(lang, "build_failed", error=str(db)))
    st.stop()
except StoreBusy as exc:  # a writer held the store longer than a page waits
    guard.show(exc, lang, "page")
    st.stop()

try:  # damage in a part of the file that only a query reads shows up here, not on opening
    path = str(db)
    countries = country_index(load_borders())
    state = fw.current_state()
    fw.sidebar(data.facets(path, version, state.filters), data.bounds(path, version), countries, lang)
    state = fw.current_state()
    fw.write_address(state)
    f = state.filters

    counts = data.counts(path, version, f)
    views.headline(counts)
    if reader.article_count() == 0:
        st.info(t(lang, "store_empty"))
    with guard.part(lang, "map"):  # each part of the page: an error there is a plain message, the rest goes on
        places, arcs = data.map_data(path, version, f)
        views.map_section(places, arcs, state)
    with guard.part(lang, "timeline"):
        bins, bin_size, undated = data.timeline_data(path, version, f)
        views.timeline_section(bins, bin_size, undated, lang)

    tab_events, tab_add, tab_problems = st.tabs([t(lang, "tab_events"), t(lang, "tab_add"), t(lang, "tab_problems")])
    with tab_events:
        with guard.part(lang, "table"):
            views.events_section(path, version, f, lang, countries)
        with guard.part(lang, "reader"):
            views.reader_section(path, version, f, lang)
    with tab_add, guard.part(lang, "add"):
        views.add_articles_section(db, lang)
    with tab_problems, guard.part(lang, "problems"):
        views.problems_section(path, lang)
except StoreBusy as exc:
    guard.show(exc, lang, "page")
except StoreError:
    if data.file_version(db) != version:  # a writer committed mid-run: draw the new articles
        st.rerun()
    st.error(t(lang, "store_unreadable"))
    st.stop()
except Exception as exc:  # noqa: BLE001 - outside the parts (filters, counts): still a sentence, not a traceback
    guard.show(exc, lang, "page")
