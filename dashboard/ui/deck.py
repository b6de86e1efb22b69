"""The map as a pydeck Deck: pure, from query results to layers.

Layers, bottom to top: offline country borders (so the map reads without basemap tiles), an
optional heat layer, optional arcs between cooperating countries, hollow rings for places known
only at country level, and filled circles for named places (size = events, colour = the most
frequent event type). Tooltips are prepared here as plain text (shown as text, never as HTML),
in the interface language.
"""
from __future__ import annotations

import html
import json
import math
from functools import lru_cache
from pathlib import Path

import pandas as pd
import pydeck as pdk

from dashboard.settings import borders_file

from .i18n import event_type_label, t, tn
from .plaintext import plain_text


PLACES_LAYER = "places"
COUNTRY_LAYER = "country_places"
ARCS_LAYER = "links"
HEAT_LAYER = "heat"
BORDERS_LAYER = "borders"
COUNTRY_KINDS = frozenset({"country", "region"})

# Okabe-Ito based, distinguishable with common colour-vision deficiencies.
TYPE_COLOURS: dict[str, list[int]] = {
    "visit": [0, 114, 178],
    "talks": [86, 180, 233],
    "agreement": [0, 158, 115],
    "exercise": [230, 159, 0],
    "arms_transfer": [213, 94, 0],
    "military_aid": [204, 121, 167],
    "counter_terrorism": [153, 27, 30],
    "statement": [110, 110, 110],
    "other": [170, 170, 170],
}
DEFAULT_VIEW = {"latitude": 22.0, "longitude": 2.0, "zoom": 3.0}


def load_borders(path: Path | None = None) -> dict:
    """The country outlines shipped with the project (see scripts/build_borders.py)."""
    return _borders(path or borders_file())


@lru_cache(maxsize=2)
def _borders(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"type": "FeatureCollection", "features": []}


def country_index(borders: dict) -> dict[str, dict]:
    """ISO alpha-2 -> {name_en, name_fr, name_ar, lat, lon}."""
    return {f["properties"]["iso2"]: f["properties"] for f in borders.get("features", [])
            if f.get("properties", {}).get("iso2")}


def country_name(iso2: str | None, lang: str, countries: dict[str, dict]) -> str:
    if not isinstance(iso2, str) or not iso2:  # a region's country is NULL (NaN in a query result)
        return ""
    props = countries.get(iso2)
    return (props.get(f"name_{lang}") or props.get("name_en") or iso2) if props else iso2


def place_name(row: dict | pd.Series, lang: str) -> str:
    """A place's name in the interface language, English when that is missing."""
    localized = row.get(f"name_{lang}") if lang in ("fr", "ar") else None
    return plain_text(localized if isinstance(localized, str) and localized else row.get("name"))


def type_colour(event_type: str | None, alpha: int = 210) -> list[int]:
    return [*TYPE_COLOURS.get(event_type or "other", TYPE_COLOURS["other"]), alpha]


def point_radius(events: int) -> float:
    """Pixels: area grows with the number of events (radius with its square root)."""
    return 6.0 + 5.0 * math.sqrt(max(int(events), 1))


def _place_tip(row: pd.Series, lang: str, countries: dict[str, dict]) -> str:
    """Plain text, one line a fact. The map shows tooltips as text (deck.gl's `text` tooltip sets
    innerText), so no name from an article can ever become markup, whatever the Streamlit version
    (recent versions escape fields put in an `html` tooltip, older ones do not)."""
    name = plain_text(place_name(row, lang))
    where = plain_text(country_name(row.get("country"), lang, countries))
    precise = t(lang, "tt_country_level") if row["kind"] in COUNTRY_KINDS else t(lang, "tt_city")
    return "\n".join([name + (f" ({where})" if where and where != name else ""), precise,
                      f"{tn(lang, 'n_events', int(row['events']))} · {tn(lang, 'n_articles', int(row['articles']))}",
                      f"{t(lang, 'tt_main_type')}: {plain_text(event_type_label(row['dominant_type'], lang))}"])


def point_records(places: pd.DataFrame, lang: str, countries: dict[str, dict],
                  selected: tuple[str, ...] = ()) -> list[dict]:
    """One plain dict per place, with what the layers draw and the tooltip shows."""
    out = []
    for _, row in places.iterrows():
        is_country = row["kind"] in COUNTRY_KINDS
        chosen = row["place_id"] in selected
        out.append({
            "place_id": str(row["place_id"]),
            "position": [float(row["lon"]), float(row["lat"])],
            "events": int(row["events"]),
            "dominant_type": str(row["dominant_type"]),
            "country_level": bool(is_country),
            "radius": point_radius(int(row["events"])) * (2.2 if is_country else 1.0),
            "colour": type_colour(row["dominant_type"], 40 if is_country else 215),
            "line": type_colour(row["dominant_type"], 255) if is_country else (
                [20, 20, 20, 255] if chosen else [255, 255, 255, 230]),
            "line_width": 4 if is_country else (3 if chosen else 1),
            "tip": _place_tip(row, lang, countries),
        })
    return out


def arc_records(arcs: pd.DataFrame, lang: str, countries: dict[str, dict]) -> list[dict]:
    """Arcs between country centroids; pairs whose centroid is unknown are left out."""
    out = []
    for _, row in arcs.iterrows():
        a, b = countries.get(row["source"]), countries.get(row["target"])
        if not a or not b or a.get("lat") is None or b.get("lat") is None:
            continue
        label = f"{country_name(row['source'], lang, countries)} — {country_name(row['target'], lang, countries)}"
        out.append({
            "source_position": [float(a["lon"]), float(a["lat"])],
            "target_position": [float(b["lon"]), float(b["lat"])],
            "events": int(row["events"]),
            "width": min(1.0 + math.sqrt(int(row["events"])), 6.0),
            "tip": f"{plain_text(label)}\n{tn(lang, 'n_events_both', int(row['events']))}",
        })
    return out


def fit_view(points: list[dict]) -> dict:
    """A view that shows every point (North Africa and the Sahel when there is none)."""
    if not points:
        return dict(DEFAULT_VIEW)
    lons = [p["position"][0] for p in points]
    lats = [p["position"][1] for p in points]
    span = max(max(lons) - min(lons), max(lats) - min(lats), 4.0)
    zoom = max(1.0, min(6.0, math.log2(360.0 / span) - 0.4))
    return {"latitude": (max(lats) + min(lats)) / 2, "longitude": (max(lons) + min(lons)) / 2,
            "zoom": round(zoom, 2)}


def build_deck(places: pd.DataFrame, arcs: pd.DataFrame, lang: str, *, show_arcs: bool = True,
               show_heat: bool = False, selected: tuple[str, ...] = (), borders: dict | None = None) -> pdk.Deck:
    borders = load_borders() if borders is None else borders
    countries = country_index(borders)
    points = point_records(places, lang, countries, selected)
    layers = [pdk.Layer(
        "GeoJsonLayer", id=BORDERS_LAYER, data=borders, stroked=True, filled=True,
        get_fill_color=[238, 234, 224, 150], get_line_color=[140, 140, 140, 255],
        line_width_min_pixels=1, pickable=False)]
    if show_heat and points:
        layers.append(pdk.Layer(
            "HeatmapLayer", id=HEAT_LAYER, data=points, get_position="position", get_weight="events",
            radius_pixels=60, opacity=0.6, pickable=False))
    if show_arcs:
        arc_data = arc_records(arcs, lang, countries)
        if arc_data:
            layers.append(pdk.Layer(
                "ArcLayer", id=ARCS_LAYER, data=arc_data, get_source_position="source_position",
                get_target_position="target_position", get_width="width", width_units="'pixels'", get_height=0.35,
                get_source_color=[179, 71, 45, 200], get_target_color=[40, 90, 160, 200], pickable=True,
                auto_highlight=True))
    # Country-level rings first, so that city points are drawn (and picked) on top of them.
    for layer_id, country_level in ((COUNTRY_LAYER, True), (PLACES_LAYER, False)):
        subset = [p for p in points if p["country_level"] == country_level]
        if subset:
            layers.append(pdk.Layer(
                "ScatterplotLayer", id=layer_id, data=subset, get_position="position",
                get_radius="radius", radius_units="'pixels'", filled=True, stroked=True,
                get_fill_color="colour", get_line_color="line", get_line_width="line_width",
                line_width_units="'pixels'", pickable=True, auto_highlight=True))
    tooltip = {"text": "{tip}", "style": {"backgroundColor": "#ffffff", "color": "#1f2328", "fontSize": "13px",
                                          "border": "1px solid #ccc", "maxWidth": "320px",
                                          "direction": "rtl" if lang == "ar" else "ltr"}}
    return pdk.Deck(layers=layers, initial_view_state=pdk.ViewState(**fit_view(points)),
                    map_provider="carto", map_style="light", tooltip=tooltip)


def selected_place(selection: dict | None) -> str | None:
    """The place id clicked on the map, from Streamlit's pydeck selection state."""
    if not selection:
        return None
    objects = (selection.get("selection") or {}).get("objects") or {}
    for layer in (PLACES_LAYER, COUNTRY_LAYER):
        for obj in objects.get(layer) or []:
            if isinstance(obj, dict) and obj.get("place_id"):
                return str(obj["place_id"])
    return None


def legend_html(types: list[str], lang: str) -> str:
    """A colour key for the event types on the map (escaped)."""
    items = []
    for typ in types:
        r, g, b, _ = type_colour(typ)
        items.append(f'<span style="display:inline-block;margin:0 .8em .2em 0">'
                     f'<span style="display:inline-block;width:.8em;height:.8em;border-radius:50%;'
                     f'background:rgb({r},{g},{b});margin:0 .3em"></span>{html.escape(event_type_label(typ, lang))}'
                     f"</span>")
    return '<div class="map-legend">' + "".join(items) + "</div>"
