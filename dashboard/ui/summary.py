"""The view in words: its most reported places, regions, countries, actors and sources (pure).

What the map shows by hovering is also written out, so the page reads without a mouse, aloud by
a screen reader, and can be searched with Ctrl+F. Names come from articles: escaped here.
"""
from __future__ import annotations

import html

import pandas as pd

from .deck import actor_namer, country_name, outside_places, place_name
from .i18n import t
from .plaintext import plain_text

# How many names each line gives before "and N more": enough that a view of a few dozen places
# names every one of them, short enough to read at a glance.
MAX_PLACES = 30
MAX_COUNTRIES = 15
MAX_ACTORS = 12
MAX_SOURCES = 10


def counted(items: list[tuple[str, int]], limit: int, lang: str) -> str:
    """"Rabat 5, Tunis 3 and 2 more" (plain text)."""
    shown = t(lang, "list_sep").join(f"{plain_text(name)} {n}" for name, n in items[:limit])
    rest = len(items) - limit
    return shown + (f" {t(lang, 'and_more', n=rest)}" if rest > 0 else "")


def _place_items(places: pd.DataFrame, lang: str, kinds: set[str], exclude: set[str]) -> list[tuple[str, int]]:
    if places.empty:
        return []
    rows = places[places["kind"].isin(kinds)].sort_values(["events", "place_id"], ascending=[False, True])
    return [(place_name(r, lang), int(r["events"])) for _, r in rows.iterrows()
            if place_name(r, lang) not in exclude]


def _facet_items(df: pd.DataFrame | None, name=lambda v: v) -> list[tuple[str, int]]:
    if df is None or df.empty:
        return []
    count = df.columns[1]
    rows = df[df[count] > 0].sort_values([count, "value"], ascending=[False, True])
    return [(name(str(v)), int(n)) for v, n in zip(rows["value"], rows[count])]


def summary_lines(places: pd.DataFrame, facets: dict[str, pd.DataFrame], lang: str,
                  countries: dict[str, dict], actor_names: dict[str, str] | None = None) -> list[tuple[str, str]]:
    """(label, text) for each non-empty line, in reading order."""
    outside = outside_places(places, lang, countries) if not places.empty else []
    lines = [
        ("top_places", counted(_place_items(places, lang, {"city", "admin", "other"}, set()), MAX_PLACES, lang)),
        ("top_regions", counted(_place_items(places, lang, {"region"}, set()), MAX_PLACES, lang)),
        ("top_countries", counted(_facet_items(facets.get("countries"), lambda c: country_name(c, lang, countries)),
                                  MAX_COUNTRIES, lang)),
        ("top_actors", counted(_facet_items(facets.get("actors"), actor_namer(countries, lang, actor_names)),
                               MAX_ACTORS, lang)),
        ("top_sources", counted(_facet_items(facets.get("sources")), MAX_SOURCES, lang)),
    ]
    out = [(t(lang, key), text) for key, text in lines if text]
    if outside:
        out.append(("", t(lang, "outside_map", items=counted(outside, MAX_COUNTRIES, lang))))
    return out


def summary_html(lines: list[tuple[str, str]]) -> str:
    """The lines as escaped HTML paragraphs (a label in bold, then its names)."""
    parts = []
    for label, text in lines:
        head = f"<strong>{html.escape(label)}:</strong> " if label else ""
        parts.append(f'<p class="view-summary-line">{head}{html.escape(text)}</p>')
    return '<div class="view-summary">' + "".join(parts) + "</div>"
