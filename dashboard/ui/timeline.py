"""The timeline as a plotly figure (pure), and the date span a selection on it means.

Each bar covers exactly its period (a day, week, month or year: a month bar is one month wide
whatever the gaps between bars), the count axis has whole numbers only, planned events are
hatched, and an event whose date is known only to the month (or year) on a daily or weekly (or
monthly) timeline is a pale band across that whole month (or year), not a bar on its first day.
"""
from __future__ import annotations

import calendar
import html
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Any, cast

import pandas as pd
import plotly.graph_objects as go

from dashboard.records import EVENT_TYPES

from .deck import TYPE_COLOURS
from .i18n import event_type_label, t, tn
from .plurals import format_day, format_month, format_skeleton

MAX_TEXT = 90
BAR_FILL = 0.85  # share of its period a bar covers: the gap keeps neighbouring periods apart
SPAN_ALPHA = 0.28  # a band's fill: pale enough for the bars drawn over it to stay readable
MAX_COUNT_TICKS = 6  # ticks on the count axis at most; steps are 1, 2, 5, 10, 20, 50...
DAY_MS = 86_400_000


def _short(text: object) -> str:
    s = "" if text is None or (isinstance(text, float) and pd.isna(text)) else str(text)
    s = s if len(s) <= MAX_TEXT else s[: MAX_TEXT - 1] + "…"
    return html.escape(s)


def _join(values: Any) -> str:
    if values is None or isinstance(values, float):
        return ""
    return _short(", ".join(str(v) for v in values if v))


def count_step(highest: int) -> int:
    """The count axis's step: a whole number (1, 2, 5, 10, 20, 50...) giving at most MAX_COUNT_TICKS ticks."""
    step, factors = 1, (2, 2.5, 2)
    i = 0
    while highest / step > MAX_COUNT_TICKS:
        step = int(step * factors[i % 3])
        i += 1
    return step


def _as_date(value: Any) -> date | None:
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NaT:
        return None
    return pd.Timestamp(value).date()


def period_of(row, bin: str) -> tuple[date, date, bool]:
    """(first day, last day, is a band) of one timeline row."""
    start = cast(date, _as_date(row.period))  # (a timeline row is a period of dated events)
    end = _as_date(getattr(row, "period_end", None))
    return (start, end, True) if end else (start, bin_end(start, bin), False)


def bar_geometry(start: date, end: date) -> tuple[datetime, float]:
    """The middle of the days start..end and the bar width (milliseconds) that covers BAR_FILL of them."""
    days = (end - start).days + 1
    middle = datetime(start.year, start.month, start.day) + timedelta(days=days / 2)
    return middle, days * DAY_MS * BAR_FILL


def period_label(start: date, end: date, bin: str, lang: str, band: bool = False) -> str:
    """How a hover names a bar's period, in the interface language."""
    if band:
        whole_year = (start.month, start.day, end.month, end.day) == (1, 1, 12, 31)
        if whole_year:
            return t(lang, "year_only", when=str(start.year))
        return t(lang, "month_only", when=format_month(start, lang))
    if bin == "day":
        return format_day(start, lang)
    if bin == "week":
        return t(lang, "week_of", start=format_day(start, lang), end=format_day(end, lang))
    if bin == "year":
        return str(start.year)
    return format_month(start, lang)


def _hover(lang: str) -> str:
    return (f"<b>%{{customdata[0]}}</b>: %{{customdata[4]}}<br>"
            f"{html.escape(t(lang, 'tt_when'))}: %{{customdata[5]}}<br>"
            f"{html.escape(t(lang, 'h_place'))}: %{{customdata[1]}}<br>"
            f"{html.escape(t(lang, 'h_actors'))}: %{{customdata[2]}}<br>"
            f"{html.escape(t(lang, 'h_headline'))}: %{{customdata[3]}}<extra></extra>")


def _custom(row, label: str, lang: str, when: str) -> list[str]:
    n = tn(lang, "n_events", int(row.events))
    if bool(row.planned):
        n += f" ({t(lang, 'planned_mark')})"
    return [html.escape(label), _join(row.places), _join(row.actors), _short(row.headline), html.escape(n),
            html.escape(when)]


def _bars(rows: list, typ: str, planned: bool, lang: str, bin: str, first: bool) -> go.Bar:
    label = event_type_label(typ, lang)
    r, g, b = TYPE_COLOURS.get(typ, TYPE_COLOURS["other"])
    xs, widths, ys, custom = [], [], [], []
    for row in rows:
        start, end, _ = period_of(row, bin)
        middle, width = bar_geometry(start, end)
        xs.append(middle)
        widths.append(width)
        ys.append(int(row.events))
        custom.append(_custom(row, label, lang, period_label(start, end, bin, lang)))
    pattern = {"shape": "/", "fgcolor": "white", "solidity": 0.35} if planned else None
    return go.Bar(x=xs, y=ys, width=widths, name=label, legendgroup=typ, showlegend=first, customdata=custom,
                  marker={"color": f"rgb({r},{g},{b})", "pattern": pattern}, hovertemplate=_hover(lang))


def _band(row, base: int, lang: str, bin: str, first: bool) -> go.Scatter:
    """A month (or year) known only to the month (or year): a pale rectangle across all of it."""
    start, end, _ = period_of(row, bin)
    label = event_type_label(row.type, lang)
    r, g, b = TYPE_COLOURS.get(row.type, TYPE_COLOURS["other"])
    x0 = datetime(start.year, start.month, start.day)
    x1 = datetime(end.year, end.month, end.day) + timedelta(days=1)
    top = base + int(row.events)
    c = _custom(row, label, lang, period_label(start, end, bin, lang, band=True))
    text = (f"<b>{c[0]}</b>: {c[4]}<br>{html.escape(t(lang, 'tt_when'))}: {c[5]}<br>"
            f"{html.escape(t(lang, 'h_place'))}: {c[1]}<br>{html.escape(t(lang, 'h_actors'))}: {c[2]}<br>"
            f"{html.escape(t(lang, 'h_headline'))}: {c[3]}")
    return go.Scatter(x=[x0, x0, x1, x1, x0], y=[base, top, top, base, base], fill="toself", mode="lines",
                      fillcolor=f"rgba({r},{g},{b},{SPAN_ALPHA})", line={"color": f"rgb({r},{g},{b})", "width": 1},
                      name=label, legendgroup=row.type, showlegend=first, hoveron="fills", hoverinfo="text",
                      text=text)


MAX_DATE_TICKS = 5  # labels on the date axis at most: more are turned sideways on a phone
MIN_VISIBLE_BINS = 7  # the axis shows at least this many periods: one lone bar stays a bar, with its date
BIN_DAYS = {"day": 1, "week": 7, "month": 30.5, "year": 365.25}


def x_range(first: date, last: date, bin: str) -> tuple[date, date]:
    """The days the date axis shows: the periods drawn, half a period either side, and at least
    MIN_VISIBLE_BINS periods around them (a single day fills a week, not the whole chart)."""
    step = BIN_DAYS.get(bin, 30.5)
    days = (last - first).days + 1
    spare = max(step, (MIN_VISIBLE_BINS * step - days) / 2, 0)
    pad = timedelta(days=round(spare))
    return first - pad, last + timedelta(days=1) + pad


def _add_months(day: date, months: int) -> date:
    y, m = divmod(day.year * 12 + day.month - 1 + months, 12)
    return date(y, m + 1, 1)


def date_ticks(lo: date, hi: date, bin: str, lang: str, anchor: date | None = None) -> tuple[list[datetime], list[str]]:
    """Positions and labels of the date axis from `lo` to `hi` in the interface language (plotly
    would name months in English): years, months ("oct. 2020") or days ("3 mars"), at most
    MAX_DATE_TICKS of them. Day ticks fall on `anchor` (the first period drawn) and every step from it;
    several-month steps start on a quarter or a January."""
    if bin == "year" or (hi - lo).days > 6 * 366:
        return _year_ticks(lo, hi)
    if bin == "month" or (hi - lo).days > 120:
        return _month_ticks(lo, hi, lang)
    return _day_ticks(lo, hi, bin, lang, anchor)


def _year_ticks(lo: date, hi: date) -> tuple[list[datetime], list[str]]:
    years = list(range(lo.year, hi.year + 1))
    step = -(-len(years) // MAX_DATE_TICKS)
    days = [date(y, 1, 1) for y in years if y % step == 0 and date(y, 1, 1) >= lo] or [date(lo.year + 1, 1, 1)]
    return [datetime(d.year, d.month, d.day) for d in days], [str(d.year) for d in days]


def _month_ticks(lo: date, hi: date, lang: str) -> tuple[list[datetime], list[str]]:
    count = (hi.year - lo.year) * 12 + hi.month - lo.month + 1
    step = next(s for s in (1, 2, 3, 6, 12, 24, 36) if -(-count // s) <= MAX_DATE_TICKS)
    first = _add_months(date(lo.year, lo.month, 1), 0 if lo.day == 1 else 1)
    while (first.month - 1) % min(step, 12):
        first = _add_months(first, 1)
    days = [d for d in (_add_months(first, k) for k in range(0, count + 1, step)) if d <= hi]
    labels = [format_skeleton("yMMM", d, locale=lang) for d in days]
    return [datetime(d.year, d.month, d.day) for d in days], labels


def _day_ticks(lo: date, hi: date, bin: str, lang: str, anchor: date | None) -> tuple[list[datetime], list[str]]:
    span = (hi - lo).days + 1
    step = next(s for s in (1, 2, 7, 14, 28) if -(-span // s) <= MAX_DATE_TICKS)
    anchor = anchor or lo
    start = anchor - timedelta(days=((anchor - lo).days // step) * step)
    days = [start + timedelta(days=k) for k in range(0, (hi - start).days + 1, step)]
    labels = [format_skeleton("MMMd", d, locale=lang) for d in days]
    if days:
        labels[0] = format_skeleton("yMMMd", days[0], locale=lang)
    noon = timedelta(hours=12) if bin == "day" else timedelta(0)  # under the middle of a day's bar
    return [datetime(d.year, d.month, d.day) + noon for d in days], labels


def build_timeline(bins: pd.DataFrame, lang: str, bin: str = "month") -> go.Figure:
    """Events per period, stacked by event type; hover names the period, places, actors, a headline."""
    fig = go.Figure()
    defaults = {"period_end": None, "planned": False}
    bins = bins.assign(**{k: v for k, v in defaults.items() if k not in bins.columns})
    rows: list[Any] = [] if bins.empty else list(bins.itertuples(index=False))  # (pandas types a row's fields loosely)
    present = [typ for typ in EVENT_TYPES if any(r.type == typ for r in rows)]
    barred = {r.type for r in rows if not period_of(r, bin)[2]}
    shown: set[str] = set()  # one legend entry a type: its first bars, or its first band if it has no bars
    heights = _add_bands(fig, rows, lang, bin, barred, shown)
    stacks = _add_bars(fig, rows, present, lang, bin, shown)
    highest = max([*stacks.values(), *heights.values(), 1])
    fig.update_layout(
        barmode="stack", dragmode="select", selectdirection="h", height=320,
        margin={"l": 10, "r": 10, "t": 10, "b": 10}, legend={"orientation": "h", "y": -0.2},
        xaxis=_date_axis(rows, lang, bin),
        yaxis={"title": t(lang, "h_count"), "rangemode": "tozero", "fixedrange": True, "tick0": 0,
               "dtick": count_step(highest), "tickformat": "d", "range": [0, highest * 1.08],
               "side": "right" if lang == "ar" else "left"},
        hoverlabel={"align": "right" if lang == "ar" else "left"},
    )
    return fig


def _add_bands(fig: go.Figure, rows: list[Any], lang: str, bin: str, barred: set[str],
               shown: set[str]) -> dict[tuple, int]:
    """Draw the rows that span several periods as bands (first, so beneath the bars); return the
    events stacked on each span. A type's first band enters the legend unless the type has bars."""
    heights: dict[tuple, int] = {}
    for row in (r for r in rows if period_of(r, bin)[2]):
        key = period_of(row, bin)[:2]
        first = row.type not in shown and row.type not in barred
        fig.add_trace(_band(row, heights.get(key, 0), lang, bin, first))
        shown.add(row.type)
        heights[key] = heights.get(key, 0) + int(row.events)
    return heights


def _add_bars(fig: go.Figure, rows: list[Any], present: list[str], lang: str, bin: str,
              shown: set[str]) -> dict[date | None, int]:
    """Draw the one-period rows as bars, a trace per type and planned or not; return the events
    stacked on each period."""
    stacks: dict[date | None, int] = {}
    for typ in present:
        for planned in (False, True):
            part = [r for r in rows if r.type == typ and bool(r.planned) == planned and not period_of(r, bin)[2]]
            if not part:
                continue
            fig.add_trace(_bars(part, typ, planned, lang, bin, typ not in shown))
            shown.add(typ)
            for r in part:
                stacks[_as_date(r.period)] = stacks.get(_as_date(r.period), 0) + int(r.events)
    return stacks


def _date_axis(rows: list[Any], lang: str, bin: str) -> dict[str, Any]:
    """The x axis: the window around the periods drawn (reversed in Arabic), with our own ticks."""
    spans = [period_of(r, bin)[:2] for r in rows]
    window = x_range(min(a for a, _ in spans), max(b for _, b in spans), bin) if spans else None
    anchor = min(a for a, _ in spans) if spans else None
    tickvals, ticktext = date_ticks(window[0], window[1] - timedelta(days=1), bin, lang, anchor) if window else ([], [])
    edges = [datetime(d.year, d.month, d.day) for d in window] if window else None
    return {"type": "date", "title": None,
            **({"range": edges[::-1] if lang == "ar" else edges} if edges else
               {"autorange": "reversed" if lang == "ar" else True}),
            **({"tickvals": tickvals, "ticktext": ticktext} if tickvals else {})}


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
    for shape in (s for kind in ("box", "lasso") for s in sel.get(kind) or []):  # boxes first
        xs = _dates(shape.get("x") or [])
        if len(xs) >= 2:
            return min(xs), max(xs)
    xs = _dates(p.get("x") for p in sel.get("points") or [])
    if xs:
        return min(xs), bin_end(max(xs), bin)
    return None


def _dates(values: Iterable[object]) -> list[date]:
    """The values that read as dates, as dates."""
    return [d for d in (_to_date(x) for x in values) if d]
