"""The map builder: layers, sizes, colours, tooltips, offline borders, click selection."""
from __future__ import annotations

import json

import pandas as pd

from dashboard.ui import deck as d

BORDERS = {"type": "FeatureCollection", "features": [
    {"type": "Feature", "properties": {"iso2": iso, "name_en": en, "name_fr": fr, "name_ar": ar, "lat": lat,
                                       "lon": lon},
     "geometry": {"type": "Polygon", "coordinates": [[[lon, lat], [lon + 1, lat], [lon, lat + 1], [lon, lat]]]}}
    for iso, en, fr, ar, lat, lon in [("MA", "Morocco", "Maroc", "المغرب", 32, -5),
                                      ("US", "United States", "États-Unis", "الولايات المتحدة", 38, -97),
                                      ("ML", "Mali", "Mali", "مالي", 17, -4)]]}


def _places() -> pd.DataFrame:
    return pd.DataFrame([
        {"place_id": "geo:1", "name": "Rabat", "name_fr": "Rabat", "name_ar": "الرباط", "kind": "city",
         "country": "MA", "lat": 34.0, "lon": -6.8, "events": 4, "dominant_type": "agreement", "articles": 3},
        {"place_id": "geo:2", "name": "Mali", "name_fr": "Mali", "name_ar": "مالي", "kind": "country",
         "country": "ML", "lat": 17.0, "lon": -4.0, "events": 1, "dominant_type": "counter_terrorism",
         "articles": 1},
    ])


def _arcs() -> pd.DataFrame:
    return pd.DataFrame([{"source": "MA", "target": "US", "events": 4}, {"source": "MA", "target": "XX", "events": 1}])


def _layers(deck) -> dict[str, dict]:
    return {layer["id"]: layer for layer in json.loads(deck.to_json())["layers"]}


def test_borders_are_drawn_first_from_the_offline_file():
    deck = d.build_deck(_places(), _arcs(), "en", borders=BORDERS)
    layers = json.loads(deck.to_json())["layers"]
    assert layers[0]["id"] == d.BORDERS_LAYER and layers[0]["@@type"] == "GeoJsonLayer"
    assert len(layers[0]["data"]["features"]) == 3


def test_shipped_borders_cover_the_region():
    countries = d.country_index(d.load_borders())
    assert {"MA", "DZ", "TN", "LY", "EG", "MR", "ML", "NE", "TD", "BF", "US", "FR"} <= set(countries)
    assert countries["DZ"]["name_ar"] == "الجزائر" and countries["DZ"]["name_fr"] == "Algérie"


def test_layers_with_default_toggles():
    assert list(_layers(d.build_deck(_places(), _arcs(), "en", borders=BORDERS))) == [
        d.BORDERS_LAYER, d.ARCS_LAYER, d.COUNTRY_LAYER, d.PLACES_LAYER]


def test_arcs_off_and_heat_on():
    layers = _layers(d.build_deck(_places(), _arcs(), "en", show_arcs=False, show_heat=True, borders=BORDERS))
    assert list(layers) == [d.BORDERS_LAYER, d.HEAT_LAYER, d.COUNTRY_LAYER, d.PLACES_LAYER]


def test_sizes_are_in_pixels_not_metres():
    layers = _layers(d.build_deck(_places(), _arcs(), "en", borders=BORDERS))
    assert layers[d.PLACES_LAYER]["radiusUnits"] == "pixels"
    assert layers[d.ARCS_LAYER]["widthUnits"] == "pixels"


def test_point_area_grows_with_events():
    assert d.point_radius(1) == 11.0 and d.point_radius(4) == 16.0


def test_country_level_places_are_hollow_rings_apart_from_cities():
    layers = _layers(d.build_deck(_places(), _arcs(), "en", borders=BORDERS))
    city, = layers[d.PLACES_LAYER]["data"]
    ring, = layers[d.COUNTRY_LAYER]["data"]
    assert (city["place_id"], city["colour"]) == ("geo:1", [0, 158, 115, 215])
    assert (ring["place_id"], ring["colour"][3], ring["line"], ring["line_width"]) == (
        "geo:2", 40, [153, 27, 30, 255], 4)


def test_tooltips_speak_the_interface_language_and_say_country_level():
    recs = d.point_records(_places(), "fr", d.country_index(BORDERS))
    assert recs[0]["tip"] == "Rabat (Maroc)\nLieu cité dans la presse\n4 événements · 3 articles\nLe plus fréquent: Accord"
    assert "Pays entier : le lieu exact n'est pas connu" in recs[1]["tip"]


def test_arabic_tooltips_are_right_to_left_with_arabic_names():
    tip = d.point_records(_places(), "ar", d.country_index(BORDERS))[0]["tip"]
    assert tip.startswith("الرباط (المغرب)\n")
    assert d.build_deck(_places(), _arcs(), "ar", borders=BORDERS)._tooltip["style"]["direction"] == "rtl"


def test_tooltips_are_shown_as_text_never_as_html():
    places = _places().assign(name=["<img src=x onerror=alert(1)>\u202e{tip}", "Mali"])
    deck = d.build_deck(places, _arcs(), "en", borders=BORDERS)
    assert set(deck._tooltip)  # what st.pydeck_chart sends as the tooltip == {"text", "style"}
    assert d.point_records(places, "en", {})[0]["tip"].splitlines()[0] == "<img src=x onerror=alert(1)>{tip} (MA)"


def test_arcs_join_country_centroids_and_skip_unknown_countries():
    arcs = d.arc_records(_arcs(), "en", d.country_index(BORDERS))
    assert len(arcs) == 1
    assert (arcs[0]["source_position"], arcs[0]["target_position"], arcs[0]["events"]) == ([-5.0, 32.0],
                                                                                         [-97.0, 38.0], 4)
    assert arcs[0]["tip"] == "Morocco — United States\n4 events involving both"


def test_empty_view_still_draws_borders_over_north_africa():
    empty = _places().iloc[0:0]
    deck = json.loads(d.build_deck(empty, _arcs().iloc[0:0], "en", borders=BORDERS).to_json())
    assert [layer["id"] for layer in deck["layers"]] == [d.BORDERS_LAYER]
    assert deck["initialViewState"]["zoom"] == 3.0


def test_basemap_needs_no_token():
    deck = json.loads(d.build_deck(_places(), _arcs(), "en", borders=BORDERS).to_json())
    assert deck["mapProvider"] == "carto"


def test_clicked_place_from_either_layer():
    assert d.selected_place({"selection": {"objects": {d.COUNTRY_LAYER: [{"place_id": "geo:2"}]}}}) == "geo:2"
    assert d.selected_place({"selection": {"objects": {d.PLACES_LAYER: [{"place_id": "geo:1"}]}}}) == "geo:1"
    assert d.selected_place({"selection": {"objects": {d.ARCS_LAYER: [{"events": 2}]}}}) is None
    assert d.selected_place(None) is None


def test_view_fits_the_points():
    view = d.fit_view(d.point_records(_places(), "en", {}))
    assert (view["latitude"], view["longitude"]) == (25.5, -5.4)


def test_a_region_without_a_country_and_a_missing_name_never_say_nan():
    region = pd.DataFrame([{"place_id": "region:africa", "name": "Africa", "name_fr": float("nan"),
                            "name_ar": "أفريقيا", "kind": "region", "country": float("nan"), "lat": 5.0,
                            "lon": 20.0, "events": 1, "dominant_type": "statement", "articles": 1}])
    tips = [d.point_records(region, lang, d.country_index(BORDERS))[0]["tip"].splitlines()[0:3:2]
            for lang in ("en", "fr", "ar")]
    assert tips == [["Africa", "1 event · 1 article"], ["Africa", "1 événement · 1 article"],
                    ["أفريقيا", "حدث واحد · مقال واحد"]]


def test_arc_tooltips_count_in_the_interface_language():
    arcs = pd.DataFrame([{"source": "MA", "target": "US", "events": 1}])
    assert d.arc_records(arcs, "ar", d.country_index(BORDERS))[0]["tip"] == \
        "المغرب — الولايات المتحدة\nحدث واحد يشمل الطرفين"
