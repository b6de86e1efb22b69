"""The view in words beside the map: names and counts as text, escaped, in the interface language."""
from __future__ import annotations

import pandas as pd

from dashboard.ui import summary as s

COUNTRIES = {"MA": {"name_en": "Morocco", "name_fr": "Maroc", "name_ar": "المغرب"},
             "US": {"name_en": "United States", "name_fr": "États-Unis", "name_ar": "الولايات المتحدة"}}


def _places() -> pd.DataFrame:
    rows = [("geo:1", "Rabat", "الرباط", "city", "MA", 34.0, -6.8, 5), ("geo:2", "Bouznika", "بوزنيقة", "city", "MA",
                                                                        33.8, -7.2, 2),
            ("region:sahel", "Sahel", "الساحل", "region", None, 15.0, 2.0, 3),
            ("country:US", "United States", "الولايات المتحدة", "country", "US", 37.1, -95.7, 12)]
    return pd.DataFrame([{"place_id": p, "name": n, "name_fr": n, "name_ar": a, "kind": k, "country": c, "lat": la,
                          "lon": lo, "events": e} for p, n, a, k, c, la, lo, e in rows])


FACETS = {"countries": pd.DataFrame({"value": ["MA", "US"], "events": [7, 0]}),
          "actors": pd.DataFrame({"value": ["Mark Esper", "<b>AFRICOM</b>"], "events": [2, 4]}),
          "sources": pd.DataFrame({"value": ["Hespress"], "articles": [1]})}


def test_the_view_is_written_out_line_by_line():
    assert s.summary_lines(_places(), FACETS, "en", COUNTRIES) == [
        ("Most reported places", "Rabat 5, Bouznika 2"),
        ("Regions", "Sahel 3"),
        ("Countries where events took place", "Morocco 7"),
        ("Most named actors", "<b>AFRICOM</b> 4, Mark Esper 2"),
        ("Sources", "Hespress 1"),
        ("", "Also in this view, beyond this map: United States 12."),
    ]


def test_arabic_names_and_an_arabic_comma():
    lines = dict(s.summary_lines(_places(), FACETS, "ar", COUNTRIES))
    assert lines["الأماكن الأكثر ذكرا"] == "الرباط 5، بوزنيقة 2"


def test_long_lists_end_with_how_many_more():
    items = [(f"P{i}", 10 - i) for i in range(5)]
    assert s.counted(items, 3, "fr") == "P0 10, P1 9, P2 8 et 2 autres"


def test_names_from_articles_are_escaped_in_html():
    out = s.summary_html(s.summary_lines(_places(), FACETS, "en", COUNTRIES))
    assert "&lt;b&gt;AFRICOM&lt;/b&gt; 4" in out and "<b>AFRICOM" not in out


def test_a_country_acting_as_an_actor_is_named_in_the_interface_language():
    facets = {**FACETS, "actors": pd.DataFrame({"value": ["Morocco", "Mark Esper"], "events": [6, 2]})}
    assert dict(s.summary_lines(_places(), facets, "ar", COUNTRIES))["الفاعلون الأكثر ذكرا"] == "المغرب 6، Mark Esper 2"
    assert dict(s.summary_lines(_places(), facets, "fr", COUNTRIES))["Acteurs les plus cités"] == "Maroc 6, Mark Esper 2"


def test_people_and_organisations_are_named_in_the_interface_language_when_the_lexicon_knows_them():
    from dashboard.resources import actor_display_names

    names = actor_display_names()
    assert names["ar"]["Mohammed VI"] == "محمد السادس" and names["ar"]["AFRICOM"] == "أفريكوم"
    facets = {**FACETS, "actors": pd.DataFrame({"value": ["Mohammed VI", "Morocco", "Someone Unlisted"],
                                                "events": [3, 2, 1]})}
    line = dict(s.summary_lines(_places(), facets, "ar", COUNTRIES, names["ar"]))["الفاعلون الأكثر ذكرا"]
    assert line == "محمد السادس 3، المغرب 2، Someone Unlisted 1"
