"""The map builder: layers, sizes, colours, tooltips, offline borders, click selection."""
from __future__ import annotations

import json

import pandas as pd

from dashboard.ui import deck as d
from dashboard.ui import mapview
from dashboard.ui.maptext import canvas_text

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


def test_borders_are_drawn_first_from_the_offline_file_for_the_region_only():
    deck = d.build_deck(_places(), _arcs(), "en", borders=BORDERS)
    layers = json.loads(deck.to_json())["layers"]
    assert layers[0]["id"] == d.BORDERS_LAYER and layers[0]["@@type"] == "GeoJsonLayer"
    # the United States' outline is never in view: it is not sent
    assert [f["properties"]["iso2"] for f in layers[0]["data"]["features"]] == ["MA", "ML"]


def test_shipped_borders_cover_the_region():
    countries = d.country_index(d.load_borders())
    assert {"MA", "DZ", "TN", "LY", "EG", "MR", "ML", "NE", "TD", "BF", "US", "FR"} <= set(countries)
    assert countries["DZ"]["name_ar"] == "الجزائر" and countries["DZ"]["name_fr"] == "Algérie"


def test_layers_with_default_toggles_have_no_arcs_hiding_the_points():
    assert list(_layers(d.build_deck(_places(), _arcs(), "en", borders=BORDERS))) == [
        d.BORDERS_LAYER, d.COUNTRY_LAYER, d.PLACES_LAYER, d.LABELS_LAYER]


def test_arcs_and_heat_on_request():
    layers = _layers(d.build_deck(_places(), _arcs(), "en", show_arcs=True, show_heat=True, borders=BORDERS))
    assert list(layers) == [d.BORDERS_LAYER, d.HEAT_LAYER, d.ARCS_LAYER, d.COUNTRY_LAYER, d.PLACES_LAYER,
                            d.LABELS_LAYER]


def test_sizes_are_in_pixels_not_metres():
    layers = _layers(d.build_deck(_places(), _arcs(), "en", show_arcs=True, borders=BORDERS))
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
    assert recs[0]["tip"] == ("Rabat (Maroc)\nLieu cité dans la presse\n4 événements · 3 articles\n"
                              "Le plus fréquent: Accord")
    assert "Pays entier : le lieu exact n'est pas connu" in recs[1]["tip"]


def test_a_region_is_a_hollow_ring_whose_tooltip_says_region_not_country():
    sahel = pd.DataFrame([{"place_id": "region:sahel", "name": "Sahel", "name_fr": "Sahel", "name_ar": "الساحل",
                           "kind": "region", "country": None, "lat": 15.0, "lon": 2.0, "events": 2,
                           "dominant_type": "exercise", "articles": 2}])
    rec, = d.point_records(sahel, "en", d.country_index(d.load_borders()))
    assert rec["country_level"] is True
    assert rec["tip"] == ("Sahel\nRegion, made of: Mauritania, Mali, Burkina Faso, Niger, Chad\n"
                          "2 events · 2 articles\nMost frequent: Military exercise")
    assert "Pays entier" not in d.point_records(sahel, "fr", {})[0]["tip"]


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
    assert deck["initialViewState"] == {"latitude": 25.0, "longitude": 8.0, "zoom": 2.7}


def test_basemap_needs_no_token():
    deck = json.loads(d.build_deck(_places(), _arcs(), "en", borders=BORDERS).to_json())
    assert deck["mapProvider"] == "carto"


def test_clicked_place_from_either_layer():
    assert d.selected_place({"selection": {"objects": {d.COUNTRY_LAYER: [{"place_id": "geo:2"}]}}}) == "geo:2"
    assert d.selected_place({"selection": {"objects": {d.PLACES_LAYER: [{"place_id": "geo:1"}]}}}) == "geo:1"
    assert d.selected_place({"selection": {"objects": {d.ARCS_LAYER: [{"events": 2}]}}}) is None
    assert d.selected_place(None) is None


def test_a_filtered_view_fits_its_places():
    view = d.map_parts(_places(), "en", {}, filtered=True).view
    assert view["longitude"] == -5.4 and 17.0 < view["latitude"] < 34.0 and 2.5 <= view["zoom"] < 5.0


# -- the region in view, outside powers, regions, groups and names ------------------------------------

def _place(pid, name, kind, country, lat, lon, events, typ="visit", name_ar=None, headlines=None):
    return {"place_id": pid, "name": name, "name_fr": name, "name_ar": name_ar or name, "kind": kind,
            "country": country, "lat": lat, "lon": lon, "events": events, "dominant_type": typ, "articles": events,
            "headlines": headlines}


def _world() -> pd.DataFrame:
    """Places of a typical view: the region, and whole-country mentions of distant powers."""
    return pd.DataFrame([
        _place("geo:rabat", "Rabat", "city", "MA", 34.01, -6.83, 5, name_ar="الرباط"),
        _place("geo:bouznika", "Bouznika", "city", "MA", 33.79, -7.16, 2),
        _place("geo:tunis", "Tunis", "city", "TN", 36.82, 10.17, 3),
        _place("geo:nouakchott", "Nouakchott", "city", "MR", 18.09, -15.98, 1),
        _place("country:US", "United States", "country", "US", 37.09, -95.71, 12),
        _place("country:CN", "China", "country", "CN", 35.86, 104.2, 4),
        _place("country:FR", "France", "country", "FR", 46.23, 2.21, 7),
        _place("region:sahel", "Sahel", "region", None, 15.0, 2.0, 3, name_ar="الساحل"),
    ])


def test_the_unfiltered_view_frames_north_africa_and_the_sahel_whatever_the_powers():
    deck = json.loads(d.build_deck(_world(), _arcs(), "en", borders=BORDERS).to_json())
    view = deck["initialViewState"]
    assert 10 <= view["latitude"] <= 40 and -20 <= view["longitude"] <= 35 and view["zoom"] >= 2.5


def test_a_filtered_view_ignores_the_distant_powers_and_keeps_a_country_in_sight():
    view = d.map_parts(_world(), "en", {}, filtered=True).view
    assert 17 < view["latitude"] < 37 and -16 < view["longitude"] < 11 and view["zoom"] >= 2.5
    one = d.map_parts(_world().iloc[[2]], "en", {}, filtered=True).view
    assert one == {"latitude": 36.82, "longitude": 10.17, "zoom": mapview.MAX_FIT_ZOOM}


def test_the_distant_powers_are_listed_beside_the_map_most_events_first():
    assert d.outside_places(_world(), "fr", d.country_index(BORDERS)) == [
        ("États-Unis", 12), ("France", 7), ("China", 4)]


def test_a_region_is_drawn_and_named_as_a_region_never_as_a_whole_country():
    layers = _layers(d.build_deck(_world(), _arcs(), "en", borders=BORDERS))
    region, = layers[d.REGION_LAYER]["data"]
    assert region["place_id"] == "region:sahel"
    assert region["tip"].splitlines()[:2] == ["Sahel", "Region, made of: MR, Mali, BF, NE, TD"]
    assert "Whole country" not in region["tip"]
    assert [f["properties"]["iso2"] for f in layers[d.REGION_AREAS_LAYER]["data"]["features"]] == ["ML"]
    assert "Sahel (region)" in [label["text"] for label in layers[d.LABELS_LAYER]["data"]]


def test_clicking_a_region_marker_selects_the_region():
    assert d.selected_places({"selection": {"objects": {d.REGION_LAYER: [{"place_id": "region:sahel"}]}}}) == [
        "region:sahel"]


def test_nearby_places_are_one_group_at_low_zoom_and_apart_when_zoomed_in():
    layers = _layers(d.build_deck(_world(), _arcs(), "en", borders=BORDERS))
    groups = {p["place_id"]: p for p in layers[d.PLACES_LAYER]["data"]}
    assert groups["geo:rabat"]["place_ids"] == ["geo:rabat", "geo:bouznika"]
    assert groups["geo:rabat"]["events"] == 7 and "geo:bouznika" not in groups
    assert groups["geo:rabat"]["tip"].splitlines()[:2] == ["Rabat, Bouznika",
                                                          "Places close together: 2. Click to see them apart."]
    morocco = _world().iloc[[0, 1]]
    apart = _layers(d.build_deck(morocco, _arcs(), "en", borders=BORDERS, filtered=True))[d.PLACES_LAYER]["data"]
    assert sorted(p["place_id"] for p in apart) == ["geo:bouznika", "geo:rabat"]


def test_clicking_a_group_selects_all_of_its_places():
    obj = {"place_id": "geo:rabat", "place_ids": ["geo:rabat", "geo:bouznika"]}
    assert d.selected_places({"selection": {"objects": {d.PLACES_LAYER: [obj]}}}) == ["geo:rabat", "geo:bouznika"]


def test_place_names_are_drawn_in_the_interface_language_arabic_joined_for_the_canvas():
    labels = _layers(d.build_deck(_world(), _arcs(), "ar", borders=BORDERS))[d.LABELS_LAYER]["data"]
    texts = [label["text"] for label in labels]
    assert canvas_text("الرباط +1") in texts and canvas_text("منطقة الساحل") in texts
    assert "الرباط +1" not in texts  # unjoined letters in logical order would read backwards


def test_when_names_would_overlap_the_place_with_more_events_keeps_its_name():
    crowded = pd.DataFrame([_place("geo:a", "Alpha", "city", "MA", 30.0, 0.0, 9),
                            _place("geo:b", "Bravo", "city", "MA", 30.0, 3.0, 1)])
    labels = _layers(d.build_deck(crowded, _arcs(), "en", borders=BORDERS))[d.LABELS_LAYER]["data"]
    assert [label["text"] for label in labels] == ["Alpha"]
    zoomed = _layers(d.build_deck(crowded, _arcs(), "en", borders=BORDERS, filtered=True))[d.LABELS_LAYER]["data"]
    assert sorted(label["text"] for label in zoomed) == ["Alpha", "Bravo"]


def test_the_tooltip_lists_the_latest_headlines_as_plain_text():
    places = _world().iloc[[2]].assign(headlines=[["<b>Talks in Tunis</b>", "Patrols\u202e resume"]])
    tip = d.point_records(places, "en", {})[0]["tip"]
    assert tip.splitlines()[-3:] == ["Latest headlines:", "• <b>Talks in Tunis</b>", "• Patrols resume"]


def test_arabic_labels_are_shaped_and_reversed_latin_ones_unchanged():
    assert canvas_text("Rabat") == "Rabat"
    assert canvas_text("الرباط") == "\ufec1\ufe8e\ufe91\ufeae\ufedf\ufe8d"


def test_fit_view_of_nothing_in_the_region_is_the_default_view():
    assert mapview.fit_view([(-95.7, 37.1)]) == mapview.DEFAULT_VIEW


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
