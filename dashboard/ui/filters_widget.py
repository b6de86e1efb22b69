"""The sidebar: interface language, filters and map toggles, all kept in the page address.

Widget values live in `st.session_state` under the keys below. On a session's first run they are
loaded from the address; after the widgets are drawn the address is rewritten from them, so it
always names the view on screen. Map clicks, timeline selections and table clicks change the same
keys through callbacks (which run before the widgets are drawn).
"""
from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from dashboard.records import EVENT_TYPES, Filters

from . import urlstate
from .deck import country_name, place_name
from .i18n import ARTICLE_LANGUAGE_LABELS, LANGUAGES, event_type_label, label, t

K_LANG, K_DATES, K_Q = "ui_lang", "f_dates", "f_q"
K_COUNTRIES, K_PLACES, K_TYPES, K_ACTORS, K_LANGS, K_SOURCES = (
    "f_countries", "f_places", "f_types", "f_actors", "f_langs", "f_sources")
K_ARCS, K_HEAT, K_ARTICLE = "v_arcs", "v_heat", "article"
_LOADED = "_address_loaded"
_FIELDS = {K_COUNTRIES: "countries", K_PLACES: "places", K_TYPES: "event_types", K_ACTORS: "actors",
           K_LANGS: "languages", K_SOURCES: "sources"}


def _apply(state: urlstate.ViewState) -> None:
    ss = st.session_state
    f = state.filters
    ss[K_LANG] = state.lang
    ss[K_DATES] = (f.date_from, f.date_to) if (f.date_from and f.date_to) else (
        (f.date_from,) if f.date_from else ())
    ss["_open_dates"] = (f.date_from, f.date_to)  # one-sided ranges from an edited address
    ss[K_Q] = f.search
    for key, field in _FIELDS.items():
        ss[key] = list(getattr(f, field))
    ss[K_ARCS] = state.arcs
    ss[K_HEAT] = state.heat
    ss[K_ARTICLE] = state.article or ""


def load_from_address() -> None:
    """On the first run of a session, take the view from the page address."""
    if not st.session_state.get(_LOADED):
        _apply(urlstate.from_params(st.query_params.to_dict()))
        st.session_state[_LOADED] = True


def reset() -> None:
    """Callback of the reset button: every filter back to 'all', interface language kept."""
    _apply(urlstate.ViewState(lang=st.session_state.get(K_LANG, "en")))


def current_language() -> str:
    return st.session_state.get(K_LANG) or "en"


def current_state() -> urlstate.ViewState:
    ss = st.session_state
    dates = tuple(ss.get(K_DATES) or ())
    lo, hi = (dates + (None, None))[:2] if dates else ss.get("_open_dates", (None, None))
    if len(dates) == 1:  # the user picked the first day and not yet the last
        lo, hi = dates[0], None
    filters = Filters(date_from=lo, date_to=hi, search=(ss.get(K_Q) or "")[:urlstate.MAX_SEARCH],
                      **{field: tuple(ss.get(key) or ()) for key, field in _FIELDS.items()})
    return urlstate.ViewState(filters=filters, lang=current_language(), arcs=bool(ss.get(K_ARCS, True)),
                              heat=bool(ss.get(K_HEAT, False)), article=ss.get(K_ARTICLE) or None)


def write_address(state: urlstate.ViewState) -> None:
    params = urlstate.to_params(state)
    if params != st.query_params.to_dict():
        st.query_params.from_dict(params)


def _options(df: pd.DataFrame | None, chosen: list[str]) -> list[str]:
    values = [] if df is None or df.empty else [str(v) for v in df["value"]]
    return values + [c for c in chosen if c not in values]  # keep picks from an address


def _counts(df: pd.DataFrame | None, column: str) -> dict[str, int]:
    if df is None or df.empty:
        return {}
    return dict(zip(df["value"].astype(str), df[column].astype(int)))


def language_picker() -> str:
    st.sidebar.selectbox(" / ".join(LANGUAGES.values()), list(LANGUAGES), key=K_LANG,
                         format_func=lambda code: LANGUAGES[code])
    return current_language()


def _dates_changed() -> None:
    st.session_state["_open_dates"] = (None, None)


def sidebar(facets: dict[str, pd.DataFrame], bounds: tuple[date | None, date | None],
            countries: dict[str, dict], lang: str) -> None:
    """The filter widgets. `facets` come from queries.facet_options; labels show events in view."""
    sb = st.sidebar
    sb.header(t(lang, "filters"))
    lo, hi = bounds
    picked = st.session_state.get(K_DATES) or ()
    if lo and hi:
        lo = min([lo, *[d for d in picked if d]])
        hi = max([hi, *[d for d in picked if d]])
    sb.date_input(t(lang, "dates"), key=K_DATES, min_value=lo, max_value=hi, format="YYYY-MM-DD",
                  on_change=_dates_changed)
    sb.text_input(t(lang, "search"), key=K_Q, help=t(lang, "search_help"), max_chars=urlstate.MAX_SEARCH)

    n = _counts(facets.get("countries"), "events")
    sb.multiselect(t(lang, "countries"), _options(facets.get("countries"), st.session_state[K_COUNTRIES]),
                   key=K_COUNTRIES, placeholder=t(lang, "all"),
                   format_func=lambda c: f"{country_name(c, lang, countries)} ({n.get(c, 0)})")

    places = facets.get("places")
    names = {} if places is None or places.empty else {
        str(r["value"]): place_name(r, lang) for _, r in places.iterrows()}
    pn = _counts(places, "events")
    sb.multiselect(t(lang, "places"), _options(places, st.session_state[K_PLACES]), key=K_PLACES,
                   placeholder=t(lang, "all"), format_func=lambda p: f"{names.get(p, p)} ({pn.get(p, 0)})")

    tn = _counts(facets.get("event_types"), "events")
    types = [typ for typ in EVENT_TYPES if typ in tn] or list(EVENT_TYPES)
    types += [x for x in st.session_state[K_TYPES] if x not in types]
    sb.multiselect(t(lang, "event_types"), types, key=K_TYPES, placeholder=t(lang, "all"),
                   format_func=lambda x: f"{event_type_label(x, lang)} ({tn.get(x, 0)})")

    an = _counts(facets.get("actors"), "events")
    sb.multiselect(t(lang, "actors"), _options(facets.get("actors"), st.session_state[K_ACTORS]), key=K_ACTORS,
                   placeholder=t(lang, "all"), format_func=lambda a: f"{a} ({an.get(a, 0)})")

    ln = _counts(facets.get("languages"), "articles")
    sb.multiselect(t(lang, "article_languages"), _options(facets.get("languages"), st.session_state[K_LANGS]),
                   key=K_LANGS, placeholder=t(lang, "all"),
                   format_func=lambda x: f"{label(ARTICLE_LANGUAGE_LABELS, x, lang)} ({ln.get(x, 0)})")

    sn = _counts(facets.get("sources"), "articles")
    sb.multiselect(t(lang, "sources"), _options(facets.get("sources"), st.session_state[K_SOURCES]),
                   key=K_SOURCES, placeholder=t(lang, "all"), format_func=lambda s: f"{s} ({sn.get(s, 0)})")

    sb.toggle(t(lang, "show_arcs"), key=K_ARCS)
    sb.toggle(t(lang, "show_heat"), key=K_HEAT)
    sb.button(t(lang, "reset"), key="reset", on_click=reset, type="primary", width="stretch")
    sb.caption(t(lang, "share_hint"))
