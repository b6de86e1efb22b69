"""The page's sections as Streamlit widgets; all figures and HTML come from the pure builders."""
from __future__ import annotations

import itertools
import re
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard.records import Filters

from . import data
from . import filters_widget as fw
from .deck import build_deck, legend_html, selected_place
from .highlight import READER_CSS, article_html
from .highlight import legend_html as reader_legend
from .i18n import event_type_label, is_rtl, t
from .reader_parts import choose_part
from .tables import events_display, to_csv_bytes, to_excel_bytes
from .timeline import build_timeline, span_from_selection

MAP_KEY, TIMELINE_KEY, TABLE_KEY = "map", "timeline", "events_table"
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~:$&])")


def markdown_text(text: str) -> str:
    """Untrusted text for a place Streamlit reads as Markdown (messages, progress): every Markdown
    character escaped, so a file name like `[x](javascript:...)` or `<b>` is shown as it is."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


RTL_CSS = """<style>
.stApp, [data-testid="stSidebar"] { direction: rtl; text-align: right; }
[data-testid="stDeckGlJsonChart"], .js-plotly-plot, [data-testid="stDataFrame"] { direction: ltr; }
</style>"""


def page_direction(lang: str) -> None:
    """Arabic lays the whole page out right to left (charts and the table keep their own layout)."""
    if is_rtl(lang):
        st.markdown(RTL_CSS, unsafe_allow_html=True)


def headline(counts) -> None:
    lang = fw.current_language()
    cols = st.columns(4)
    for col, key, value in zip(cols, ("m_events", "m_articles", "m_places", "m_countries"),
                               (counts.events, counts.articles, counts.places, counts.countries)):
        col.metric(t(lang, key), f"{value:,}")


# -- map ---------------------------------------------------------------------------------------

def _map_clicked() -> None:
    place = selected_place(st.session_state.get(MAP_KEY))
    if place:
        current = list(st.session_state.get(fw.K_PLACES) or [])
        st.session_state[fw.K_PLACES] = [] if current == [place] else [place]


def map_section(places: pd.DataFrame, arcs: pd.DataFrame, state) -> None:
    lang = state.lang
    st.subheader(t(lang, "map"))
    st.caption(t(lang, "map_help"))
    deck = build_deck(places, arcs, lang, show_arcs=state.arcs, show_heat=state.heat,
                      selected=state.filters.places)
    st.pydeck_chart(deck, on_select=_map_clicked, selection_mode="single-object", key=MAP_KEY, height=520)
    if places.empty:
        st.info(t(lang, "map_empty"))
    else:
        types = [typ for typ in dict.fromkeys(places["dominant_type"])]
        st.html(legend_html(types, lang))


# -- timeline ----------------------------------------------------------------------------------

def _timeline_selected() -> None:
    span = span_from_selection(st.session_state.get(TIMELINE_KEY), st.session_state.get("_timeline_bin", "month"))
    if span:
        st.session_state[fw.K_DATES] = span
        st.session_state["_open_dates"] = (None, None)


def timeline_section(bins: pd.DataFrame, bin: str, undated: int, lang: str) -> None:
    st.subheader(t(lang, "timeline"))
    if bins.empty:
        st.info(t(lang, "timeline_empty"))
    else:
        st.caption(t(lang, "timeline_help"))
        st.session_state["_timeline_bin"] = bin
        st.plotly_chart(build_timeline(bins, lang, bin), on_select=_timeline_selected,
                        selection_mode=("box", "points"), key=TIMELINE_KEY,
                        config={"displaylogo": False, "modeBarButtonsToRemove": ["lasso2d"]})
    if undated:
        st.caption(t(lang, "undated", n=undated))


# -- events table, downloads, reader -----------------------------------------------------------

def _row_clicked() -> None:
    rows = ((st.session_state.get(TABLE_KEY) or {}).get("selection") or {}).get("rows") or []
    ids = st.session_state.get("_table_article_ids") or []
    if rows and rows[0] < len(ids):
        st.session_state[fw.K_ARTICLE] = ids[rows[0]]


def events_section(path: str, version, f: Filters, lang: str, countries: dict[str, dict]) -> None:
    events = data.events_page(path, version, f)
    if events.empty:
        st.info(t(lang, "table_empty"))
    else:
        st.caption(t(lang, "table_help"))
        display = events_display(events, lang, countries)
        st.session_state["_table_article_ids"] = list(events["article_id"])
        link_col = t(lang, "h_link")
        st.dataframe(display, hide_index=True, on_select=_row_clicked, selection_mode="single-row",
                     key=TABLE_KEY, width="stretch",
                     column_config={link_col: st.column_config.LinkColumn(link_col, display_text="↗")})
        if len(events) >= data.q.PAGE_SIZE:
            st.caption(t(lang, "table_more", n=data.q.PAGE_SIZE))
        c1, c2 = st.columns(2)
        c1.download_button(t(lang, "download_csv"),
                           data=lambda: to_csv_bytes(events_display(data.export(path, version, f), lang, countries)),
                           file_name="events.csv", mime="text/csv", on_click="ignore")
        c2.download_button(t(lang, "download_xlsx"),
                           data=lambda: to_excel_bytes(events_display(data.export(path, version, f), lang,
                                                                      countries)),
                           file_name="events.xlsx", on_click="ignore",
                           mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def _article_label(row: pd.Series | None, article_id: str, lang: str) -> str:
    if row is None:
        return article_id
    title = str(row["title"] or article_id)
    title = title if len(title) <= 90 else title[:89] + "…"
    day = str(row["published"])[:10] if pd.notna(row["published"]) else ""
    return f"{day} · {title}" if day else title


def reader_section(path: str, version, f: Filters, lang: str) -> None:
    st.subheader(t(lang, "reader"))
    arts = data.articles(path, version, f)
    rows = {str(r["id"]): r for _, r in arts.iterrows()}
    chosen = st.session_state.get(fw.K_ARTICLE) or ""
    options = ["", *rows]
    if chosen and chosen not in rows:
        options.append(chosen)  # opened from an address or a click outside the current view
    st.selectbox(t(lang, "pick_article"), options, key=fw.K_ARTICLE,
                 format_func=lambda i: t(lang, "no_article") if not i else _article_label(rows.get(i), i, lang))
    chosen = st.session_state.get(fw.K_ARTICLE) or ""
    if not chosen:
        return
    view = data.article(path, version, chosen)
    if view is not None:  # a long document is read a part at a time
        view = choose_part(view, lang, lambda part: data.article(path, version, chosen, part))
    if view is None:
        st.warning(t(lang, "article_missing"))
        return
    st.html(READER_CSS + reader_legend(lang) + article_html(view, lang))


# -- add articles ------------------------------------------------------------------------------

def add_articles_section(db: Path, lang: str) -> None:
    from dashboard.runner import load_feed_state

    from .uploads import ALLOWED_SUFFIXES, MAX_FILES, UploadStream, collect_feed_list, collect_feed_url, run_ingest

    st.write(t(lang, "add_intro"))
    st.info(t(lang, "ephemeral"))
    with st.form("add_articles", clear_on_submit=True):
        files = st.file_uploader(t(lang, "upload"), accept_multiple_files=True,
                                 type=list(ALLOWED_SUFFIXES))
        url = st.text_input(t(lang, "feed_url"), placeholder="https://")
        submitted = st.form_submit_button(t(lang, "add_button"), type="primary")
    refresh = st.button(t(lang, "refresh_feeds"))
    if not (submitted or refresh):
        return
    notes: list[str] = []
    items: list = []
    uploads = UploadStream((files or []) if submitted else [])  # read one file at a time, while storing
    feed_state = load_feed_state(db)
    if submitted:
        if len(uploads.files) > MAX_FILES:
            notes.append(t(lang, "too_many_files", n=MAX_FILES))
        if url.strip():
            feed_items, problem = collect_feed_url(url, feed_state)
            if problem:
                notes.append(t(lang, problem))
            items += feed_items
    if refresh:
        feed_items, problem = collect_feed_list(feed_state)
        if problem:
            notes.append(t(lang, problem))
        items += feed_items
    for note in notes:
        st.warning(note)
    if not items and not uploads.files:
        if not notes:
            st.warning(t(lang, "nothing_to_add"))
        return
    bar = st.progress(0.0, text=t(lang, "working", n=len(items) + len(uploads.files)))
    parts = len(uploads.files) + (1 if items else 0)

    def progress(done: int, total: int | None, source: str) -> None:
        share = (uploads.files_read + (done >= len(items) if items else 0)) / max(parts, 1)
        bar.progress(min(share, 1.0), text=f"{done} · {markdown_text(Path(source).name[:60])}")

    report = run_ingest(itertools.chain(items, uploads), db, progress, feed_state)
    bar.empty()
    new = data.recent_articles(str(db), report.added)
    st.success(t(lang, "added", added=report.added, present=report.present, failed=report.failed))
    if not new.empty:
        st.write(t(lang, "new_articles"))
        st.dataframe(new.rename(columns={"title": t(lang, "h_title"), "site": t(lang, "h_source"),
                                         "published": t(lang, "h_published"), "language": t(lang, "h_language")}),
                     hide_index=True, width="stretch")
    if report.failures:
        st.write(t(lang, "failed_items"))
        st.dataframe(pd.DataFrame({t(lang, "h_source"): [f.source for f in report.failures],
                                   t(lang, "h_reason"): [f.reason for f in report.failures]}),
                     hide_index=True, width="stretch")


def problems_section(path: str, lang: str) -> None:
    st.write(t(lang, "problems_intro"))
    df = data.failures(path)
    if df.empty:
        st.success(t(lang, "no_problems"))
        return
    st.dataframe(df.rename(columns={"source": t(lang, "h_source"), "reason": t(lang, "h_reason"),
                                    "last_seen": t(lang, "h_when")}), hide_index=True, width="stretch")


__all__ = ["add_articles_section", "event_type_label", "events_section", "headline", "map_section",
           "page_direction", "problems_section", "reader_section", "timeline_section"]
