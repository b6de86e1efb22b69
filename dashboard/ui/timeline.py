"""The timeline as a plotly figure (pure), and the date span a selection on it means."""
from __future__ import annotations

import calendar
import html
from datetime import date, datetime, timedelta

import pandas as pd
import plotly.graph_objects as go

from dashboard.records import EVENT_TYPES

from .deck import TYPE_COLOURS
from .i18n import event_type_label, t

MAX_TEXT = 90


def _short(text: object) -> str:
    s = "" if text is None or (isinstance(text, float) and pd.isna(text)) else str(text)
    s = s if len(s) <= MAX_TEXT else s[: MAX_TEXT - 1] + "…"
    return html.escape(s)


def _join(values: object) -> str:
    if values is None or isinstance(values, float):
        return ""
    return _short(", ".join(str(v) for v in values if v))


def build_timeline(bins: pd.DataFrame, lang: str, bin: str = "month") -> go.Figure:
    """Stacked bars: events per period, one colour per event type; hover names places, actors, a headline."""
    fig = go.Figure()
    present = [typ for typ in EVENT_TYPES if typ in set(bins["type"])] if not bins.empty else []
    for typ in present:
        part = bins[bins["type"] == typ]
        label = event_type_label(typ, lang)
        custom = [[html.escape(label), _join(r.places), _join(r.actors), _short(r.headline)]
                  for r in part.itertuples(index=False)]
        r, g, b = TYPE_COLOURS.get(typ, TYPE_COLOURS["other"])
        fig.add_trace(go.Bar(
            x=pd.to_datetime(part["period"]), y=part["events"], name=label, customdata=custom,
            marker_color=f"rgb({r},{g},{b})",
            hovertemplate=(f"<b>%{{customdata[0]}}</b>: %{{y}} {html.escape(t(lang, 'tt_events'))}<br>"
                           f"{html.escape(t(lang, 'h_place'))}: %{{customdata[1]}}<br>"
                           f"{html.escape(t(lang, 'h_actors'))}: %{{customdata[2]}}<br>"
                           f"{html.escape(t(lang, 'h_headline'))}: %{{customdata[3]}}<extra></extra>"),
        ))
    period = {"day": 86400000, "week": 7 * 86400000, "month": "M1", "year": "M12"}.get(bin, "M1")
    fig.update_traces(xperiod=period, xperiodalignment="middle")
    fig.update_layout(
        barmode="stack", dragmode="select", selectdirection="h", height=320,
        margin={"l": 10, "r": 10, "t": 10, "b": 10}, legend={"orientation": "h", "y": -0.2},
        xaxis={"type": "date", "title": None, "autorange": "reversed" if lang == "ar" else True},
        yaxis={"title": t(lang, "h_count"), "rangemode": "tozero", "fixedrange": True,
               "side": "right" if lang == "ar" else "left"},
        hoverlabel={"align": "right" if lang == "ar" else "left"},
    )
    return fig


def _to_date(value: object) -> date | None:
    if isinstance(value, (int, float)):
        return datetime.utcfromtimestamp(float(value) / 1000.0).date()
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value.strip().replace(" ", "T")[:26]).date()
        except ValueError:
            try:
                return date.fromisoformat(value.strip()[:10])
            except ValueError:
                return None
    return None


def bin_end(start: date, bin: str) -> date:
    """The last day of the bin that begins on `start`."""
    if bin == "day":
        return start
    if bin == "week":
        return start + timedelta(days=6)
    if bin == "year":
        return date(start.year, 12, 31)
    return date(start.year, start.month, calendar.monthrange(start.year, start.month)[1])


def span_from_selection(selection: dict | None, bin: str = "month") -> tuple[date, date] | None:
    """The dates a box (or lasso, or points) selection on the timeline covers, or None."""
    if not selection:
        return None
    sel = selection.get("selection", selection) or {}
    for box in sel.get("box") or []:
        xs = [d for d in (_to_date(x) for x in (box.get("x") or [])) if d]
        if len(xs) >= 2:
            return min(xs), max(xs)
    for lasso in sel.get("lasso") or []:
        xs = [d for d in (_to_date(x) for x in (lasso.get("x") or [])) if d]
        if len(xs) >= 2:
            return min(xs), max(xs)
    xs = [d for d in (_to_date(p.get("x")) for p in sel.get("points") or []) if d]
    if xs:
        return min(xs), bin_end(max(xs), bin)
    return None
