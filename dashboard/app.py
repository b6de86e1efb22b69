"""The dashboard's Streamlit entry: page setup and wiring only (logic lives in dashboard.ui and the store).

    streamlit run dashboard/app.py        (or: python -m dashboard app)

Reads the store named by $DASHBOARD_DB (default data/dashboard.duckdb), made ready first by
dashboard.startup (from the collection, empty for the first feed refresh, or the sample articles),
and refreshes the feeds in the background (dashboard.refresh). Settings may come as Streamlit
secrets (dashboard/ui/cloud_secrets.py).
"""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

if __package__ in (None, ""):  # `streamlit run dashboard/app.py` runs this file as a script
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import streamlit as st

from dashboard.store import StoreBusy, StoreError, StoreMissing, StoreUnreadable
from dashboard.ui import cloud_secrets, data, guard, refresh_status, views
from dashboard.ui import filters_widget as fw
from dashboard.ui.deck import country_index, load_borders
from dashboard.ui.i18n import t

st.set_page_config(page_title="Sahel & North Africa security cooperation", page_icon="🗺️", layout="wide")
cloud_secrets.copy_to_environment()  # before any setting is read
fw.load_from_address()
lang = fw.language_picker()
views.page_direction(lang)
st.title(t(lang, "title"))
st.caption(t(lang, "subtitle"))

db = data.db_path()
refresh_status.prepare_store(db, lang)
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
refresh_status.status_line(db, version, lang)

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
    notice = st.empty()  # always there: the elements above the tabs stay the same after an upload
    if reader.article_count() == 0:
        notice.info(t(lang, "store_empty"))
    with guard.part(lang, "map"):  # each part of the page: an error there is a plain message, the rest goes on
        views.map_section(path, version, state, data.facets(path, version, f), countries)

    # Only the open tab is computed and sent: the timeline's charting code loads when it is opened.
    tabs = st.tabs([t(lang, "tab_events"), t(lang, "tab_timeline"), t(lang, "tab_add"), t(lang, "tab_problems")],
                   key=f"tab_{lang}", on_change="rerun")
    sections = ((("table", lambda: views.events_section(path, version, f, lang, countries)),
                 ("reader", lambda: views.reader_section(path, version, f, lang))),
                (("timeline", lambda: views.timeline_section(data.timeline_data(path, version, f, date.today()),
                                                              lang)),),
                (("add", lambda: views.add_articles_section(db, lang)),),
                (("problems", lambda: views.problems_section(path, lang)),))
    for tab, parts in zip(tabs, sections):
        with tab:
            if tab.open is not False:
                for name, draw in parts:
                    with guard.part(lang, name):
                        draw()
    with guard.part(lang, "reader"):
        views.show_evidence_if_asked(path, version, lang, countries)
except StoreBusy as exc:
    guard.show(exc, lang, "page")
except StoreError:
    if data.file_version(db) != version:  # a writer committed mid-run: draw the new articles
        st.rerun()
    st.error(t(lang, "store_unreadable"))
    st.stop()
except Exception as exc:  # noqa: BLE001 - outside the parts (filters, counts): still a sentence, not a traceback
    guard.show(exc, lang, "page")
