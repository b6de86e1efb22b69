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
from .collation import sorted_by_name
from .deck import actor_namer, country_name, place_name
from .i18n import ARTICLE_LANGUAGE_LABELS, LANGUAGES, event_type_label, label, number, t
from .plaintext import plain_text
from .quickdates import QUICK_RANGES, quick_range

K_LANG, K_DATES, K_Q = "ui_lang", "f_dates", "f_q"
K_COUNTRIES, K_PLACES, K_TYPES, K_ACTORS, K_LANGS, K_SOURCES = (
    "f_countries", "f_places", "f_types", "f_actors", "f_langs", "f_sources")
K_ARCS, K_HEAT, K_ARTICLE = "v_arcs", "v_heat", "article"
K_QUICK = "f_quick"
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
    ss[K_QUICK] = None


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


def _counts(df: pd.DataFrame | None, column: str) -> dict[str, int]:
    if df is None or df.empty:
        return {}
    return dict(zip(df["value"].astype(str), df[column].astype(int)))


def options(counts: dict[str, int], chosen: list[str], name, lang: str) -> list[str]:
    """The values worth offering: those with something in view (counted without the filter's own
    choice), sorted by their name in the interface language; current choices always stay."""
    shown = [v for v, n in counts.items() if n > 0]
    shown += [c for c in chosen if c not in shown]
    return sorted_by_name(shown, name, lang)


def language_picker() -> str:
    st.sidebar.selectbox(" / ".join(LANGUAGES.values()), list(LANGUAGES), key=K_LANG,
                         format_func=lambda code: LANGUAGES[code])
    return current_language()


# Enter applies a typed date: the date box otherwise keeps typed dates until it loses focus. It
# does what the box's own Escape key does (apply a complete range), for the date boxes only.
ENTER_APPLIES_DATES = """<script>
(() => {
  const doc = document;
  if (doc.__enterAppliesDates) return;
  doc.__enterAppliesDates = true;
  doc.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' || !e.target.closest) return;
    if (!e.target.closest('[data-testid="stDateInputField"]')) return;
    e.preventDefault();
    e.stopPropagation();
    e.target.dispatchEvent(new KeyboardEvent('keydown',
      {key: 'Escape', code: 'Escape', bubbles: true, cancelable: true}));
  }, true);
})();
</script>"""


def _dates_changed() -> None:
    st.session_state["_open_dates"] = (None, None)
    st.session_state[K_QUICK] = None


def _quick_dates_picked() -> None:
    span = quick_range(st.session_state.get(K_QUICK), date.today())
    st.session_state[K_DATES] = span or ()
    st.session_state["_open_dates"] = (None, None)


def _date_widgets(sb, bounds: tuple[date | None, date | None], lang: str) -> None:
    lo, hi = bounds
    picked = st.session_state.get(K_DATES) or ()
    if lo and hi:  # the picker refuses a value outside its limits: a quick range may reach beyond the store
        lo = min([lo, *[d for d in picked if d]])
        hi = max([hi, *[d for d in picked if d]])
    sb.date_input(t(lang, "dates"), key=K_DATES, min_value=lo, max_value=hi, format="YYYY-MM-DD",
                  on_change=_dates_changed, help=t(lang, "dates_help"))
    sb.pills(t(lang, "quick_dates"), list(QUICK_RANGES), key=K_QUICK, selection_mode="single",
             format_func=lambda k: t(lang, k), on_change=_quick_dates_picked, label_visibility="collapsed")


def sidebar(facets: dict[str, pd.DataFrame], bounds: tuple[date | None, date | None],
            countries: dict[str, dict], lang: str) -> None:
    """The filter widgets. `facets` come from queries.facet_options; labels show what is in view.
    Every list is sorted by name in the interface language and offers only values with events
    (or articles) in view, with their number."""
    sb = st.sidebar
    sb.header(t(lang, "filters"))
    _date_widgets(sb, bounds, lang)
    sb.text_input(t(lang, "search"), key=K_Q, help=t(lang, "search_help_names"), max_chars=urlstate.MAX_SEARCH)
    ss = st.session_state

    def count(n: dict[str, int], v: str) -> str:
        return number(lang, n.get(v, 0))

    n = _counts(facets.get("countries"), "events")
    cname = lambda c: country_name(c, lang, countries)  # noqa: E731
    sb.multiselect(t(lang, "countries"), options(n, ss[K_COUNTRIES], cname, lang), key=K_COUNTRIES,
                   placeholder=t(lang, "all"), select_all=False, format_func=lambda c: f"{cname(c)} ({count(n, c)})")

    places = facets.get("places")
    names = {} if places is None or places.empty else {
        str(r["value"]): place_name(r, lang) for _, r in places.iterrows()}
    pn = _counts(places, "events")
    pname = lambda p: names.get(p, p)  # noqa: E731
    sb.multiselect(t(lang, "places"), options(pn, ss[K_PLACES], pname, lang), key=K_PLACES,
                   placeholder=t(lang, "all"), select_all=False, format_func=lambda p: f"{pname(p)} ({count(pn, p)})")

    tn_ = {k: v for k, v in _counts(facets.get("event_types"), "events").items() if k in EVENT_TYPES}
    tname = lambda x: event_type_label(x, lang)  # noqa: E731
    sb.multiselect(t(lang, "event_types"), options(tn_, ss[K_TYPES], tname, lang), key=K_TYPES,
                   placeholder=t(lang, "all"), select_all=False, format_func=lambda x: f"{tname(x)} ({count(tn_, x)})")

    an = _counts(facets.get("actors"), "events")
    from . import data

    aname = actor_namer(countries, lang, data.actor_names(lang))
    sb.multiselect(t(lang, "actors"), options(an, ss[K_ACTORS], aname, lang), key=K_ACTORS,
                   placeholder=t(lang, "all"), select_all=False, format_func=lambda a: f"{aname(a)} ({count(an, a)})")

    ln = _counts(facets.get("languages"), "articles")
    lname = lambda x: label(ARTICLE_LANGUAGE_LABELS, x, lang)  # noqa: E731
    sb.multiselect(t(lang, "article_languages"), options(ln, ss[K_LANGS], lname, lang), key=K_LANGS,
                   placeholder=t(lang, "all"), select_all=False, format_func=lambda x: f"{lname(x)} ({count(ln, x)})")

    sn = _counts(facets.get("sources"), "articles")
    sb.multiselect(t(lang, "sources"), options(sn, ss[K_SOURCES], plain_text, lang), key=K_SOURCES,
                   placeholder=t(lang, "all"), select_all=False,
                   format_func=lambda x: f"{plain_text(x)} ({count(sn, x)})")

    sb.toggle(t(lang, "show_arcs"), key=K_ARCS)
    sb.toggle(t(lang, "show_heat"), key=K_HEAT)
    sb.button(t(lang, "reset"), key="reset", on_click=reset, type="primary", width="stretch")
    sb.caption(t(lang, "share_hint"))
    sb.html(ENTER_APPLIES_DATES, unsafe_allow_javascript=True)
