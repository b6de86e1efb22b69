"""The page's sections as Streamlit widgets; all figures and HTML come from the pure builders."""
from __future__ import annotations

import html
from pathlib import Path
from typing import Literal

import pandas as pd
import streamlit as st

from dashboard.records import Filters

from . import data
from . import filters_widget as fw
from .deck import actor_namer, build_deck, country_name, legend_html, selected_places
from .export import export_bytes, export_frame
from .highlight import READER_CSS, article_html, evidence_html
from .highlight import legend_html as reader_legend
from .i18n import ARTICLE_LANGUAGE_LABELS, STATUS_LABELS, event_date, event_type_label, is_rtl, label, number, t, tn
from .plaintext import is_missing, markdown_text, plain_text
from .plurals import format_day
from .reader_parts import choose_part
from .summary import summary_html, summary_lines
from .tables import events_display
from .timeline import build_timeline, span_from_selection

MAP_KEY, TIMELINE_KEY, TABLE_KEY = "map", "timeline", "events_table"


# Right to left without moving Streamlit's own frame: the page keeps its left-to-right layout
# engine (the sidebar collapses by sliding left, which in a right-to-left flex row would slide it
# over the page), while every block of content reads right to left. The sidebar is mirrored to
# the right edge by reversing the row, and slides out to the right when collapsed; its text is
# hidden when collapsed, so no letter can ever be drawn over the page.
RTL_CSS = """<style>
[data-testid="stAppViewContainer"] { flex-direction: row-reverse; }
[data-testid="stMain"], [data-testid="stSidebarContent"], [data-testid="stDialog"] [role="dialog"],
[data-testid="stHeader"] { direction: rtl; }
[data-testid="stMain"] h1, [data-testid="stMain"] h2, [data-testid="stMain"] h3,
[data-testid="stSidebarContent"] h1, [data-testid="stSidebarContent"] h2, [data-testid="stSidebarContent"] h3,
[data-testid="stCaptionContainer"], [data-testid="stMarkdownContainer"], [data-testid="stMetric"],
[data-testid="stWidgetLabel"] { text-align: right; }
[data-testid="stSidebar"][data-collapsed="true"] { transform: translateX(100%) !important; }
[data-testid="stSidebar"][data-collapsed="true"] [data-testid="stSidebarContent"] { visibility: hidden; }
[data-testid="stExpandSidebarButton"] span, [data-testid="stSidebarCollapseButton"] span { transform: scaleX(-1); }
[data-testid="stDateInputField"] { direction: ltr; }
[data-testid="stDeckGlJsonChart"], .js-plotly-plot { direction: ltr; }
</style>"""


# On a phone the title takes two lines, not four, so the counts and the map are in the first screen.
PAGE_CSS = """<style>
@media (max-width: 640px) { [data-testid="stMain"] h1 { font-size: 1.75rem; line-height: 1.25; } }
</style>"""


def page_direction(lang: str) -> None:
    """Arabic lays the whole page out right to left (charts and the table keep their own layout)."""
    st.markdown(PAGE_CSS + (RTL_CSS if is_rtl(lang) else ""), unsafe_allow_html=True)


METRIC_WIDTH = 150  # pixels: two headline counts fit side by side on a 390-pixel phone


def headline(counts) -> None:
    """Distinct events (one real-world event reported by several articles counts once), with how
    many reports they come from beneath; then articles, places and countries."""
    lang = fw.current_language()
    # a wrapping row: four across on a desktop, two by two on a phone (columns would stack all four)
    row = st.container(horizontal=True, horizontal_alignment="distribute", gap="medium")
    row.metric(t(lang, "m_events"), number(lang, counts.distinct_events), help=t(lang, "m_events_help"),
               delta=tn(lang, "n_reports", counts.events), delta_color="off", delta_arrow="off", width=METRIC_WIDTH)
    for key, value in (("m_articles", counts.articles), ("m_places", counts.places),
                       ("m_countries", counts.countries)):
        row.metric(t(lang, key), number(lang, value), width=METRIC_WIDTH)


# -- map ---------------------------------------------------------------------------------------

MAP_HEIGHT = 480
LATEST_EVENTS = 5
OPEN_EVENT = "_open_event"
SUMMARY_CSS = """<style>
.view-summary-line { margin: 0 0 .45em 0; line-height: 1.5; }
.map-legend { font-size: .9rem; }
</style>"""


def _map_clicked() -> None:
    ids = selected_places(st.session_state.get(MAP_KEY))
    if ids:
        current = list(st.session_state.get(fw.K_PLACES) or [])
        st.session_state[fw.K_PLACES] = [] if current == ids else ids


def _open_event(event_id: str) -> None:
    st.session_state[OPEN_EVENT] = event_id


def map_section(path: str, version, state, facets: dict[str, pd.DataFrame], countries: dict[str, dict]) -> None:
    """The map, with the view written out beside it (below it on a phone)."""
    lang, f = state.lang, state.filters
    places, arcs, unplaced = data.map_view(path, version, f)
    st.subheader(t(lang, "map"))
    left, right = st.columns([5, 2], gap="medium")
    with left:
        deck = build_deck(places, arcs, lang, show_arcs=state.arcs, show_heat=state.heat,
                          selected=f.places, filtered=f != Filters())
        st.pydeck_chart(deck, on_select=_map_clicked, selection_mode="single-object", key=MAP_KEY,
                        height=MAP_HEIGHT)
        st.caption(t(lang, "map_help_short"))
        if places.empty:
            st.info(t(lang, "map_empty"))
        else:
            types = list(dict.fromkeys(places.loc[places["kind"] != "region", "dominant_type"]))
            st.html(legend_html(types, lang, with_region=bool((places["kind"] == "region").any())))
        if unplaced:
            st.caption(t(lang, "unplaced", n=unplaced))
    with right:
        st.markdown(f"**{t(lang, 'summary')}**")
        st.html(SUMMARY_CSS + summary_html(summary_lines(places, facets, lang, countries, data.actor_names(lang))))
        latest_events(path, version, f, lang, countries)


def event_label(row, lang: str, countries: dict[str, dict]) -> str:
    """"2021-06-05 · Arms transfer · Tunis" for a button (Markdown-escaped: names come from articles)."""
    place = event_place(row, lang) or country_name(row.country if isinstance(row.country, str) else None,
                                                     lang, countries)
    day = row.date if isinstance(row.date, str) and row.date else t(lang, "no_date")
    return markdown_text(" · ".join([day, event_type_label(row.type, lang), place or t(lang, "no_place")]))


def latest_events(path: str, version, f: Filters, lang: str, countries: dict[str, dict]) -> None:
    events = data.events_page(path, version, f)
    if events.empty:
        return
    st.markdown(f"**{t(lang, 'latest_events')}**")
    for row in events.head(LATEST_EVENTS).itertuples(index=False):
        st.button(event_label(row, lang, countries), key=f"latest_{row.id}", on_click=_open_event, args=(row.id,),
                  help=plain_text(row.article_title or "")[:200] or None, width="stretch")


# -- timeline ----------------------------------------------------------------------------------

def _timeline_selected() -> None:
    span = span_from_selection(st.session_state.get(TIMELINE_KEY), st.session_state.get("_timeline_bin", "month"))
    if span:
        st.session_state[fw.K_DATES] = span
        st.session_state["_open_dates"] = (None, None)
        st.session_state[fw.K_QUICK] = None


# Only what the timeline needs from plotly's toolbar: a lighter bar, no logo, no lasso.
PLOTLY_CONFIG = {"displaylogo": False, "modeBarButtonsToRemove": ["lasso2d", "autoScale2d", "toImage"],
                 "responsive": True}


def timeline_section(tl: data.TimelineData, lang: str) -> None:
    """The same three page elements whatever the view (a heading, the chart or a message, the notes):
    an element more or less above the tabs would make the browser redraw them on their first tab."""
    st.subheader(t(lang, "timeline"))
    body, notes = st.container(), st.container()
    if tl.bins.empty:
        body.info(t(lang, "timeline_empty"))
    else:
        body.caption(t(lang, "timeline_help"))
        st.session_state["_timeline_bin"] = tl.bin
        body.plotly_chart(build_timeline(tl.bins, lang, tl.bin), on_select=_timeline_selected,
                          selection_mode=("box", "points"), key=TIMELINE_KEY,
                          config=PLOTLY_CONFIG)
        keys = [k for k, shown in (("timeline_planned", tl.bins["planned"].any()),
                                   ("timeline_spans", tl.bins["period_end"].notna().any())) if shown]
        if keys:
            notes.caption(" ".join(t(lang, k) for k in keys))
    if tl.undated:
        notes.caption(tn(lang, "n_undated", tl.undated))
    if tl.later:
        notes.caption(tn(lang, "n_later", tl.later, day=format_day(tl.cutoff, lang)))


# -- events table, the evidence dialog, downloads, reader ---------------------------------------

def _row_clicked() -> None:
    rows = ((st.session_state.get(TABLE_KEY) or {}).get("selection") or {}).get("rows") or []
    ids = st.session_state.get("_table_event_ids") or []
    if rows and rows[0] < len(ids):
        event_id, article_id = ids[rows[0]]
        st.session_state[fw.K_ARTICLE] = article_id
        st.session_state[OPEN_EVENT] = event_id


# Rows tall enough for three lines: the sentence wraps instead of running off the right edge.
TABLE_ROW_HEIGHT = 72


def table_columns(display: pd.DataFrame, lang: str) -> tuple[pd.DataFrame, dict]:
    """The events table with date, type, place, the sentence and its number of sources first, and how
    each column shows."""
    first = [t(lang, k) for k in ("h_date", "h_type", "h_place", "h_evidence", "h_reported")]
    ordered = display[[c for c in first if c in display.columns] + [c for c in display.columns if c not in first]]
    align: Literal["right"] | None = "right" if is_rtl(lang) else None
    config = {t(lang, "h_date"): st.column_config.TextColumn(width=92),
              t(lang, "h_type"): st.column_config.TextColumn(width=110, alignment=align),
              t(lang, "h_place"): st.column_config.TextColumn(width=100, alignment=align),
              t(lang, "h_evidence"): st.column_config.TextColumn(width=460, alignment=align),
              t(lang, "h_link"): st.column_config.LinkColumn(t(lang, "h_link"), display_text="↗")}
    return ordered, config


def events_section(path: str, version, f: Filters, lang: str, countries: dict[str, dict]) -> None:
    events = data.events_page(path, version, f)
    if events.empty:
        st.info(t(lang, "table_empty"))
    else:
        st.caption(t(lang, "table_help_dialog"))
        display, config = table_columns(events_display(events, lang, countries, data.actor_names(lang)), lang)
        st.session_state["_table_event_ids"] = list(zip(events["id"], events["article_id"]))
        st.dataframe(display, hide_index=True, on_select=_row_clicked, selection_mode="single-row",
                     key=TABLE_KEY, width="stretch", row_height=TABLE_ROW_HEIGHT, column_config=config,
                     alt=t(lang, "tab_events"))
        if len(events) >= data.q.PAGE_SIZE:
            st.caption(tn(lang, "table_more", data.q.PAGE_SIZE))
        c1, c2 = st.columns(2)
        c1.download_button(t(lang, "download_csv"),
                           data=lambda: export_bytes(export_frame(data.export(path, version, f), lang, countries),
                                                     "csv"),
                           file_name="events.csv", mime="text/csv", on_click="ignore")
        c2.download_button(t(lang, "download_xlsx"),
                           data=lambda: export_bytes(export_frame(data.export(path, version, f), lang, countries),
                                                     "xlsx"),
                           file_name="events.xlsx", on_click="ignore",
                           mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def show_evidence_if_asked(path: str, version, lang: str, countries: dict[str, dict]) -> None:
    """Open the evidence of the event just chosen (a table row or a latest-event button) in a side
    panel over the page, where the person is looking; it closes with Esc, ✕ or a click outside."""
    event_id = st.session_state.pop(OPEN_EVENT, None)
    if not event_id:
        return
    side: Literal["left", "right"] = "left" if is_rtl(lang) else "right"
    st.dialog(t(lang, "evidence_title"), width="large", position=side)(_evidence_body)(
        path, version, event_id, lang, countries)


def _evidence_body(path: str, version, event_id: str, lang: str, countries: dict[str, dict]) -> None:
    detail = data.event_detail(path, version, event_id)
    view = data.article(path, version, detail.article_id, at=detail.start) if detail else None
    if detail is None or view is None:
        st.warning(t(lang, "evidence_missing"))
        return
    place = event_place(detail, lang)
    where = country_name(detail.country, lang, countries)
    meta = [detail.date or t(lang, "no_date"), event_type_label(detail.type, lang),
            label(STATUS_LABELS, detail.status, lang),
            place + (f" ({where})" if where and where != place else "") if place else where,
            ", ".join(map(actor_namer(countries, lang, data.actor_names(lang)), detail.actors))]
    extra = f"<p class=\"evidence-meta\">{html.escape(t(lang, 'sources_n', n=detail.cluster_sources))}</p>" \
        if detail.cluster_sources > 1 else ""
    st.html(READER_CSS + evidence_html(detail.evidence, meta, view.language) + extra
            + f"<p><strong>{html.escape(t(lang, 'evidence_in_article'))}</strong></p>"
            + article_html(view, lang, chosen=(detail.start - view.begins, detail.end - view.begins)))


def event_place(row, lang: str) -> str:
    """The event's place in the interface language ('' when it names none)."""
    localized = getattr(row, f"place_name_{lang}", None) if lang in ("fr", "ar") else None
    name = localized if isinstance(localized, str) and localized else getattr(row, "place_name", None)
    return plain_text(name) if isinstance(name, str) else ""


def _article_label(row: pd.Series | None, article_id: str, lang: str) -> str:
    if row is None:
        return article_id
    title = plain_text(row["title"]) or t(lang, "untitled")
    title = title if len(title) <= 90 else title[:89] + "…"
    day = str(row["published"])[:10] if not is_missing(row["published"]) else ""
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

PENDING, REPORT, REVIEW_KEY = "_add_pending", "_add_report", "add_review"


def add_articles_section(db: Path, lang: str) -> None:
    """Files and a feed address are read first and shown for review (title, date and source can be
    corrected), then added; the project's feeds are added at once. After adding, the page is drawn
    again, so the counts at the top include the new articles straight away."""
    from .uploads import ALLOWED_SUFFIXES, MAX_FILES, UploadStream, collect_feed_url

    st.write(t(lang, "add_intro"))
    st.info(t(lang, "ephemeral"))
    _last_report(lang)
    pending = st.session_state.get(PENDING)
    if pending is not None:
        _review(db, lang, pending)
        return
    with st.form("add_articles", clear_on_submit=True):
        files = st.file_uploader(t(lang, "upload"), accept_multiple_files=True,
                                 type=list(ALLOWED_SUFFIXES))
        url = st.text_input(t(lang, "feed_url"), placeholder="https://")
        submitted = st.form_submit_button(t(lang, "read_button"), type="primary")
    refresh = st.button(t(lang, "refresh_feeds"))
    if submitted:
        notes: list[str] = []
        uploads = UploadStream(files or [])  # read one file at a time
        if len(uploads.files) > MAX_FILES:
            notes.append(tn(lang, "too_many_files", MAX_FILES))
        items = list(uploads)
        if url.strip():
            feed_items, problem = collect_feed_url(url, _feed_state(db))
            if problem:
                notes.append(t(lang, problem))
            items += feed_items
        if not items and not notes:
            st.warning(t(lang, "nothing_to_add"))
            return
        st.session_state.pop(REPORT, None)
        st.session_state[PENDING] = {"items": items, "notes": notes}
        st.rerun()
    if refresh:
        from .uploads import collect_feed_list

        feed_state = _feed_state(db)
        items, problem = collect_feed_list(feed_state)
        if problem:
            st.warning(t(lang, problem))
        if items:
            _add(db, lang, items, feed_state)


def _feed_state(db: Path) -> dict:
    from dashboard.runner import load_feed_state

    st.session_state["_feed_state"] = load_feed_state(db)
    return st.session_state["_feed_state"]


def _review(db: Path, lang: str, pending: dict) -> None:
    """The files read, in an editable table; "Add" stores them as corrected, "Cancel" drops them."""
    from dashboard.records import RawArticle

    from .uploads import apply_review, review_table

    items = pending["items"]
    for note in pending["notes"]:
        st.warning(note)
    articles = sum(isinstance(i, RawArticle) for i in items)
    failures = [i for i in items if not isinstance(i, RawArticle)]
    edited = None
    if articles:
        st.write(t(lang, "review_intro"))
        edited = st.data_editor(
            review_table(items), key=REVIEW_KEY, hide_index=True, width="stretch", num_rows="fixed",
            disabled=["file", "beginning"],
            column_config={
                "file": st.column_config.TextColumn(t(lang, "h_file")),
                "title": st.column_config.TextColumn(t(lang, "h_headline"), max_chars=300),
                "published": st.column_config.TextColumn(t(lang, "h_published"), help=t(lang, "review_date_help")),
                "site": st.column_config.TextColumn(t(lang, "h_source"), max_chars=200),
                "beginning": st.column_config.TextColumn(t(lang, "h_beginning"))})
    else:
        st.warning(t(lang, "review_nothing"))
    if failures:
        st.write(t(lang, "not_read"))
        st.dataframe(pd.DataFrame({t(lang, "h_source"): [plain_text(f.source) for f in failures],
                                   t(lang, "h_reason"): [plain_text(f.reason) for f in failures]}),
                     hide_index=True, width="stretch")
    row = st.container(horizontal=True)
    add = row.button(tn(lang, "n_add", articles) if articles else t(lang, "record_problems"), type="primary")
    if row.button(t(lang, "cancel")):
        st.session_state.pop(PENDING, None)
        st.rerun()
    if add:
        reviewed, problems = apply_review(items, edited if edited is not None else review_table(items))
        if problems:
            for line, typed in problems:
                st.error(t(lang, "review_bad_date", row=line, typed=markdown_text(typed)))
            return
        _add(db, lang, reviewed, st.session_state.get("_feed_state") or {})


def _add(db: Path, lang: str, items: list, feed_state: dict) -> None:
    """Store the items, keep what happened for the next drawing of the page, and draw it again."""
    from .uploads import run_ingest

    bar = st.progress(0.0, text=tn(lang, "n_working", len(items)))

    def progress(done: int, total: int | None, source: str) -> None:
        bar.progress(min(done / max(len(items), 1), 1.0),
                     text=f"{done}/{len(items)} · {markdown_text(Path(source).name[:60])}")

    report = run_ingest(items, db, progress, feed_state)
    bar.empty()
    st.session_state[REPORT] = {"added": report.added, "present": report.present,
                                "failures": [(f.source, f.reason) for f in report.failures],
                                "new": data.recent_articles(str(db), report.added)}
    st.session_state.pop(PENDING, None)
    st.rerun()


def _last_report(lang: str) -> None:
    report = st.session_state.get(REPORT)
    if not report:
        return
    from .uploads import added_message

    st.success(added_message(lang, report["added"], report["present"], len(report["failures"])))
    new = report["new"]
    if not new.empty:
        st.write(t(lang, "new_articles"))
        shown = pd.DataFrame({
            t(lang, "h_title"): [plain_text(v) or t(lang, "untitled") for v in new["title"]],
            t(lang, "h_source"): [plain_text(v) for v in new["site"]],
            t(lang, "h_published"): [event_date(lang, str(v)[:10]) if not is_missing(v) else ""
                                     for v in new["published"]],
            t(lang, "h_language"): [label(ARTICLE_LANGUAGE_LABELS, v, lang) for v in new["language"]]})
        st.dataframe(shown, hide_index=True, width="stretch")
    if report["failures"]:
        st.write(t(lang, "failed_items"))
        st.dataframe(pd.DataFrame({t(lang, "h_source"): [plain_text(s) for s, _ in report["failures"]],
                                   t(lang, "h_reason"): [plain_text(r) for _, r in report["failures"]]}),
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
           "page_direction", "problems_section", "reader_section", "show_evidence_if_asked", "timeline_section"]
