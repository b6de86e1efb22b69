"""Build data/borders/countries.geojson: the offline country outlines drawn under the map's points.

The map's basemap tiles come from the internet; where they cannot load (offline, locked-down
networks, CI screenshots) these outlines keep the map readable. Polygons come from the
`countryinfo` package (its data ships inside the wheel; Natural Earth-derived outlines), names in
English, French and Arabic from `babel`. Coordinates are rounded to 0.01 degree (about 1 km),
which is plenty at the zoom levels the dashboard uses and keeps the file small.

    pip install countryinfo babel && python scripts/build_borders.py
"""
from __future__ import annotations

import json
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "data" / "borders" / "countries.geojson"
DIGITS = 2


def _round_ring(ring: list) -> list:
    out: list[list[float]] = []
    for lon, lat, *_ in ring:
        pt = [round(lon, DIGITS), round(lat, DIGITS)]
        if not out or out[-1] != pt:
            out.append(pt)
    if len(out) >= 2 and out[0] != out[-1]:
        out.append(out[0])
    return out


def _round_geometry(geom: dict) -> dict | None:
    if geom["type"] == "Polygon":
        rings = [r for r in (_round_ring(r) for r in geom["coordinates"]) if len(r) >= 4]
        return {"type": "Polygon", "coordinates": rings} if rings else None
    if geom["type"] == "MultiPolygon":
        polys = []
        for poly in geom["coordinates"]:
            rings = [r for r in (_round_ring(r) for r in poly) if len(r) >= 4]
            if rings:
                polys.append(rings)
        return {"type": "MultiPolygon", "coordinates": polys} if polys else None
    return None


def build(out: Path = OUT) -> int:
    import countryinfo
    from babel import Locale

    names = {lang: Locale(lang).territories for lang in ("en", "fr", "ar")}
    features = []
    for country in countryinfo.all_countries():
        info = country.info()
        iso2 = (info.get("ISO") or {}).get("alpha2")
        collection = info.get("geoJSON") or {}
        if not iso2 or not collection.get("features"):
            continue
        geom = _round_geometry(collection["features"][0]["geometry"])
        if geom is None:
            continue
        lat, lon = (info.get("latlng") or [None, None])[:2]
        props = {"iso2": iso2, "lat": lat, "lon": lon}
        for lang, table in names.items():
            props[f"name_{lang}"] = table.get(iso2, info.get("name", iso2))
        features.append({"type": "Feature", "properties": props, "geometry": geom})
    features.sort(key=lambda f: f["properties"]["iso2"])
    out.parent.mkdir(parents=True, exist_ok=True)
    data = {"type": "FeatureCollection",
            "attribution": "Country outlines: countryinfo package (Natural Earth, public domain); "
                           "names: Unicode CLDR via babel",
            "features": features}
    out.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    return len(features)


if __name__ == "__main__":
    print(f"{build()} countries written to {OUT}")
