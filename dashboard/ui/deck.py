"""The map as a pydeck Deck: pure, from query results to layers.

Layers, bottom to top: offline country borders (so the map reads without basemap tiles), the
regions in view drawn as the countries they cover, an optional heat layer, optional arcs between
cooperating countries (off unless asked for: they hide the points), hollow rings for places known
only at country level, region markers, filled circles for named places or groups of nearby places
(size = events, colour = the most frequent event type), and place names in the interface language
(the larger places win where names would overlap; all show when zoomed in). Tooltips are prepared
here as plain text (shown as text, never as HTML), in the interface language, with the place's
latest headlines.
"""
from __future__ import annotations

import html
import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd
import pydeck as pdk

from dashboard.regions import REGION_COUNTRIES
from dashboard.settings import borders_file

from .i18n import event_type_label, t, tn
from .maptext import canvas_text
from .mapview import DEFAULT_VIEW, MAX_FIT_ZOOM, declutter, fit_view, group_indices, in_region
from .plaintext import plain_text

PLACES_LAYER = "places"
COUNTRY_LAYER = "country_places"
REGION_LAYER = "regions"
REGION_AREAS_LAYER = "region_areas"
LABELS_LAYER = "labels"
ARCS_LAYER = "links"
HEAT_LAYER = "heat"
BORDERS_LAYER = "borders"
COUNTRY_KINDS = frozenset({"country", "region"})
PICKABLE_LAYERS = (PLACES_LAYER, COUNTRY_LAYER, REGION_LAYER)

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
REGION_COLOUR = [106, 76, 147]
# Countries whose outline is sent to the browser: Africa, Europe and the Middle East (their
# centre inside this box). The rest of the world is never in view and would only add bytes.
BORDERS_WEST, BORDERS_SOUTH, BORDERS_EAST, BORDERS_NORTH = -40.0, -40.0, 70.0, 72.0
LABEL_BACKGROUND = [255, 255, 255, 190]  # behind map labels, so they read over circles and borders
LABEL_FONT = '"Source Sans Pro", "Noto Sans", "DejaVu Sans", Arial, sans-serif'
MAX_TIP_CHARS = 90


def load_borders(path: Path | None = None) -> dict:
    """The country outlines shipped with the project (see scripts/build_borders.py)."""
    return _borders(path or borders_file())


@lru_cache(maxsize=2)
def _borders(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"type": "FeatureCollection", "features": []}


def regional_borders(borders: dict) -> dict:
    """The outlines of the countries the map can show (see BORDERS_*)."""
    keep = [f for f in borders.get("features", [])
            if BORDERS_WEST <= float(f["properties"].get("lon") or 999) <= BORDERS_EAST
            and BORDERS_SOUTH <= float(f["properties"].get("lat") or 999) <= BORDERS_NORTH]
    return {"type": "FeatureCollection", "features": keep}


def country_index(borders: dict) -> dict[str, dict]:
    """ISO alpha-2 -> {name_en, name_fr, name_ar, lat, lon}."""
    return {f["properties"]["iso2"]: f["properties"] for f in borders.get("features", [])
            if f.get("properties", {}).get("iso2")}


def country_name(iso2: str | None, lang: str, countries: dict[str, dict]) -> str:
    if not isinstance(iso2, str) or not iso2:  # a region's country is NULL (NaN in a query result)
        return ""
    props = countries.get(iso2)
    return (props.get(f"name_{lang}") or props.get("name_en") or iso2) if props else iso2


def actor_namer(countries: dict[str, dict], lang: str, localized: dict[str, str] | None = None):
    """An actor's name in the interface language: a country acting as an actor ("Morocco") as the
    country is named (المغرب, Maroc); a person or organisation by `localized` (its usual Arabic or
    French name, from the lexicons), else as stored."""
    by_english = {str(p.get("name_en")): p for p in countries.values() if p.get("name_en")}
    localized = localized or {}

    def name(actor: str) -> str:
        props = by_english.get(actor)
        if props:
            return plain_text(props.get(f"name_{lang}") or actor)
        return plain_text(localized.get(actor) or actor)

    return name


def place_name(row: dict | pd.Series, lang: str) -> str:
    """A place's name in the interface language, English when that is missing."""
    localized = row.get(f"name_{lang}") if lang in ("fr", "ar") else None
    return plain_text(localized if isinstance(localized, str) and localized else row.get("name"))


def type_colour(event_type: str | None, alpha: int = 210) -> list[int]:
    return [*TYPE_COLOURS.get(event_type or "other", TYPE_COLOURS["other"]), alpha]


def point_radius(events: int) -> float:
    """Pixels: area grows with the number of events (radius with its square root)."""
    return 6.0 + 5.0 * math.sqrt(max(int(events), 1))


def _short(text: str) -> str:
    text = plain_text(text).replace("\n", " ").strip()
    return text if len(text) <= MAX_TIP_CHARS else text[: MAX_TIP_CHARS - 1] + "…"


def _headlines(row: pd.Series) -> list[str]:
    value = row.get("headlines") if hasattr(row, "get") else None
    if value is None or isinstance(value, float):
        return []
    return [_short(h) for h in list(value) if isinstance(h, str) and h.strip()]


def _kind_line(row: pd.Series, lang: str, countries: dict[str, dict]) -> str:
    if row["kind"] == "region":
        members = REGION_COUNTRIES.get(str(row["place_id"]), ())
        if members:
            return t(lang, "tt_region", countries=", ".join(country_name(c, lang, countries) for c in members))
        return t(lang, "tt_region_plain")
    return t(lang, "tt_country_level") if row["kind"] == "country" else t(lang, "tt_city")


def _place_tip(row: pd.Series, lang: str, countries: dict[str, dict]) -> str:
    """Plain text, one line a fact. The map shows tooltips as text (deck.gl's `text` tooltip sets
    innerText), so no name or headline from an article can ever become markup, whatever the
    Streamlit version (recent versions escape fields put in an `html` tooltip, older ones do not)."""
    name = plain_text(place_name(row, lang))
    iso = row.get("country")
    where = plain_text(country_name(iso, lang, countries)) if isinstance(iso, str) else ""  # a region has none
    lines = [name + (f" ({where})" if where and where != name else ""), _kind_line(row, lang, countries),
             f"{tn(lang, 'n_events', int(row['events']))} · {tn(lang, 'n_articles', int(row['articles']))}",
             f"{t(lang, 'tt_main_type')}: {plain_text(event_type_label(row['dominant_type'], lang))}"]
    heads = _headlines(row)
    if heads:
        lines += [t(lang, "tt_latest"), *(f"• {h}" for h in heads)]
    return "\n".join(lines)


def point_records(places: pd.DataFrame, lang: str, countries: dict[str, dict],
                  selected: tuple[str, ...] = ()) -> list[dict]:
    """One plain dict per place, with what the layers draw and the tooltip shows."""
    out = []
    for _, row in places.iterrows():
        kind = str(row["kind"])
        is_country = kind in COUNTRY_KINDS
        chosen = row["place_id"] in selected
        out.append({
            "place_id": str(row["place_id"]),
            "place_ids": [str(row["place_id"])],
            "kind": "region" if kind == "region" else ("country" if is_country else "place"),
            "name": plain_text(place_name(row, lang)),
            "country": row.get("country") if isinstance(row.get("country"), str) else None,
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
        if kind == "region":  # a region is drawn in its own colour: it is no event type's place
            out[-1].update(colour=REGION_COLOUR + [30], line=REGION_COLOUR + [255], line_width=3 if chosen else 2)
    return out


def group_records(points: list[dict], zoom: float, lang: str) -> list[dict]:
    """Named places close together on screen at `zoom`, as one circle each (a lone place stays
    as it is). At the closest zoom a filtered view reaches, every place is drawn apart."""
    if zoom >= MAX_FIT_ZOOM or len(points) < 2:
        return points
    out = []
    for idx in group_indices([tuple(p["position"]) for p in points], [p["events"] for p in points], zoom):
        members = [points[i] for i in idx]
        if len(members) == 1:
            out.append(members[0])
            continue
        head, events = members[0], sum(m["events"] for m in members)
        names = ", ".join(m["name"] for m in members[:8]) + (" …" if len(members) > 8 else "")
        out.append({**head, "place_ids": [m["place_id"] for m in members], "events": events,
                    "name": t(lang, "group_label", name=head["name"], n=len(members) - 1),
                    "radius": point_radius(events), "line": [40, 40, 40, 255], "line_width": 2,
                    "tip": "\n".join([names, t(lang, "tt_group", n=len(members)),
                                      t(lang, "tt_events_total", events=events)])})
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


def outside_places(places: pd.DataFrame, lang: str, countries: dict[str, dict]) -> list[tuple[str, int]]:
    """Places in view beyond the region the map frames, by country (or region), most events first:
    what "with: United States 12, France 7" lists beside the map."""
    totals: dict[str, int] = {}
    for _, row in places.iterrows():
        if in_region(float(row["lon"]), float(row["lat"])):
            continue
        iso = row.get("country") if isinstance(row.get("country"), str) else None
        name = country_name(iso, lang, countries) if iso in countries else place_name(row, lang)
        totals[plain_text(name)] = totals.get(plain_text(name), 0) + int(row["events"])
    return sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))


@dataclass
class MapParts:
    """The records each layer draws, and the view."""

    view: dict
    places: list[dict] = field(default_factory=list)
    countries: list[dict] = field(default_factory=list)
    regions: list[dict] = field(default_factory=list)


def map_parts(places: pd.DataFrame, lang: str, countries: dict[str, dict], selected: tuple[str, ...] = (),
              filtered: bool = False) -> MapParts:
    """Split the places into the map's layers and choose the view: the region when nothing is
    filtered, else the view's own places (regions and places beyond the region do not count)."""
    points = point_records(places, lang, countries, selected)
    located = [p for p in points if p["kind"] != "region"]
    view = fit_view([tuple(p["position"]) for p in located]) if filtered else dict(DEFAULT_VIEW)
    named = [p for p in located if p["kind"] == "place"]
    return MapParts(view=view, places=group_records(named, view["zoom"], lang),
                    countries=[p for p in located if p["kind"] == "country"],
                    regions=[p for p in points if p["kind"] == "region"])


def _label_records(parts: MapParts, lang: str) -> list[dict]:
    """One name per drawn point, in the interface language, Arabic prepared for the canvas; where
    names would overlap at the view's zoom, the place with more events keeps its name (at the
    closest zoom a filtered view reaches, every name is drawn)."""
    out = []
    for p in sorted(parts.places + parts.regions + parts.countries, key=lambda p: -p["events"]):
        name = t(lang, "region_label", name=p["name"]) if p["kind"] == "region" else p["name"]
        out.append({"position": p["position"], "text": canvas_text(name), "events": p["events"],
                    "size": 14.0 if p["kind"] != "place" else round(min(12 + p["events"] ** 0.5, 17), 1),
                    "colour": REGION_COLOUR + [255] if p["kind"] == "region" else [31, 35, 40, 255],
                    "offset": [0, -round(p["radius"] + 3, 1)], "radius": p["radius"],
                    "solid": p["kind"] == "place"})
    if parts.view["zoom"] >= MAX_FIT_ZOOM:
        return out
    keep = declutter([(*o["position"], o["text"], o["size"], o["radius"], o["solid"]) for o in out],
                     parts.view["zoom"])
    return [out[i] for i in keep]


def _region_areas(parts: MapParts, borders: dict) -> dict:
    members = {iso for r in parts.regions for iso in REGION_COUNTRIES.get(r["place_id"], ())}
    return {"type": "FeatureCollection",
            "features": [f for f in borders.get("features", []) if f["properties"].get("iso2") in members]}


def _point_layer(layer_id: str, data: list[dict]) -> pdk.Layer:
    return pdk.Layer(
        "ScatterplotLayer", id=layer_id, data=data, get_position="position", get_radius="radius",
        radius_units="'pixels'", filled=True, stroked=True, get_fill_color="colour", get_line_color="line",
        get_line_width="line_width", line_width_units="'pixels'", pickable=True, auto_highlight=True)


def _labels_layer(labels: list[dict]) -> pdk.Layer:
    return pdk.Layer(
        "TextLayer", id=LABELS_LAYER, data=labels, get_position="position", get_text="text", get_size="size",
        size_units="'pixels'", get_color="colour", get_pixel_offset="offset", get_text_anchor="'middle'",
        get_alignment_baseline="'bottom'", character_set="'auto'", font_family=f"'{LABEL_FONT}'",
        # A plain (not SDF) glyph atlas: at label sizes an SDF atlas erases the dots of Arabic letters
        # (الجزائر drawn as الحرائر), so the labels stand out on a pale box instead of an SDF outline.
        font_weight=600, font_settings={"sdf": False}, background=True, get_background_color=LABEL_BACKGROUND,
        background_padding=[3, 1], pickable=False)


def _context_layers(parts: MapParts, arcs: pd.DataFrame, lang: str, borders: dict, countries: dict[str, dict],
                    show_arcs: bool, show_heat: bool) -> list[pdk.Layer]:
    layers = [pdk.Layer(
        "GeoJsonLayer", id=BORDERS_LAYER, data=regional_borders(borders), stroked=True, filled=True,
        get_fill_color=[238, 234, 224, 150], get_line_color=[140, 140, 140, 255],
        line_width_min_pixels=1, pickable=False)]
    areas = _region_areas(parts, borders)
    if areas["features"]:
        layers.append(pdk.Layer(
            "GeoJsonLayer", id=REGION_AREAS_LAYER, data=areas, stroked=False, filled=True,
            get_fill_color=REGION_COLOUR + [26], pickable=False))
    located = parts.places + parts.countries
    if show_heat and located:
        layers.append(pdk.Layer(
            "HeatmapLayer", id=HEAT_LAYER, data=located, get_position="position", get_weight="events",
            radius_pixels=60, opacity=0.6, pickable=False))
    arc_data = arc_records(arcs, lang, countries) if show_arcs else []
    if arc_data:
        layers.append(pdk.Layer(
            "ArcLayer", id=ARCS_LAYER, data=arc_data, get_source_position="source_position",
            get_target_position="target_position", get_width="width", width_units="'pixels'", get_height=0.35,
            get_source_color=[179, 71, 45, 200], get_target_color=[40, 90, 160, 200], pickable=True,
            auto_highlight=True))
    return layers


def build_deck(places: pd.DataFrame, arcs: pd.DataFrame, lang: str, *, show_arcs: bool = False,
               show_heat: bool = False, selected: tuple[str, ...] = (), borders: dict | None = None,
               filtered: bool = False) -> pdk.Deck:
    borders = load_borders() if borders is None else borders
    countries = country_index(borders)
    parts = map_parts(places, lang, countries, selected, filtered)
    layers = _context_layers(parts, arcs, lang, borders, countries, show_arcs, show_heat)
    # Rings and regions first, so that city points are drawn (and picked) on top of them.
    for layer_id, data in ((COUNTRY_LAYER, parts.countries), (REGION_LAYER, parts.regions),
                           (PLACES_LAYER, parts.places)):
        if data:
            layers.append(_point_layer(layer_id, data))
    labels = _label_records(parts, lang)
    if labels:
        layers.append(_labels_layer(labels))
    tooltip = {"text": "{tip}", "style": {"backgroundColor": "#ffffff", "color": "#1f2328", "fontSize": "13px",
                                          "border": "1px solid #ccc", "maxWidth": "340px",
                                          "whiteSpace": "pre-wrap",
                                          "direction": "rtl" if lang == "ar" else "ltr"}}
    return pdk.Deck(layers=layers, initial_view_state=pdk.ViewState(**parts.view),
                    map_provider="carto", map_style="light", tooltip=tooltip)


def selected_places(selection: dict | None) -> list[str]:
    """The place ids clicked on the map (a group gives all of its places), from Streamlit's
    pydeck selection state."""
    if not selection:
        return []
    objects = (selection.get("selection") or {}).get("objects") or {}
    for layer in (PLACES_LAYER, REGION_LAYER, COUNTRY_LAYER):
        for obj in objects.get(layer) or []:
            if isinstance(obj, dict) and obj.get("place_id"):
                ids = obj.get("place_ids") or [obj["place_id"]]
                return [str(i) for i in ids]
    return []


def selected_place(selection: dict | None) -> str | None:
    """The first place id clicked on the map, or None."""
    ids = selected_places(selection)
    return ids[0] if ids else None


def legend_html(types: list[str], lang: str, with_region: bool = False) -> str:
    """A colour key for the event types on the map (escaped)."""
    items = []
    for typ in types:
        r, g, b, _ = type_colour(typ)
        items.append(f'<span style="display:inline-block;margin:0 .8em .2em 0">'
                     f'<span style="display:inline-block;width:.8em;height:.8em;border-radius:50%;'
                     f'background:rgb({r},{g},{b});margin:0 .3em"></span>{html.escape(event_type_label(typ, lang))}'
                     f"</span>")
    if with_region:
        r, g, b = REGION_COLOUR
        items.append(f'<span style="display:inline-block;margin:0 .8em .2em 0">'
                     f'<span style="display:inline-block;width:.8em;height:.8em;border:2px solid rgb({r},{g},{b});'
                     f'background:rgba({r},{g},{b},.15);margin:0 .3em"></span>{html.escape(t(lang, "lg_region"))}'
                     f"</span>")
    return '<div class="map-legend">' + "".join(items) + "</div>"
