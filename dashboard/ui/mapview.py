"""Where the map looks and which points it groups (pure geometry, no Streamlit, no pydeck).

The map frames North Africa and the Sahel. Places far outside it (Washington, Moscow, Beijing,
whole-country mentions of distant powers) never pull the view out: they are listed beside the map
instead. After a filter the view fits the view's own places, but never zooms in so far that the
country around them leaves the screen. Points closer than a few pixels at the view's zoom are
drawn as one group, which a click opens.
"""
from __future__ import annotations

import math
from collections.abc import Sequence

# The area the map is about: North Africa, the Sahel and their near neighbours (lon, lat).
REGION_WEST, REGION_SOUTH, REGION_EAST, REGION_NORTH = -26.0, -2.0, 46.0, 43.0
# The unfiltered view: North Africa and the Sahel, Dakar to Cairo, Lake Chad to the Mediterranean.
DEFAULT_VIEW = {"latitude": 25.0, "longitude": 8.0, "zoom": 2.7}
# A filtered view zooms in at most this far: a country's outline stays in sight (Tunisia fills a
# phone screen at 5), at least this far out: the whole region on a desktop.
MAX_FIT_ZOOM = 5.0
MIN_FIT_ZOOM = 2.5
# The map's size on a desktop, what the view is fitted to (a phone shows the middle of it).
MAP_WIDTH_PX, MAP_HEIGHT_PX = 620, 460
# Points closer than this on screen become one group: fewer overlapping circles, at the cost of
# one more click to see the places apart.
GROUP_PX = 24.0
TILE_PX = 512.0  # deck.gl's world width in pixels at zoom 0


def in_region(lon: float, lat: float) -> bool:
    return REGION_WEST <= lon <= REGION_EAST and REGION_SOUTH <= lat <= REGION_NORTH


def _mercator_y(lat: float) -> float:
    """0 at the top of the world, 1 at the bottom."""
    lat = max(min(lat, 85.0), -85.0)
    rad = math.radians(lat)
    return (1.0 - math.log(math.tan(rad) + 1.0 / math.cos(rad)) / math.pi) / 2.0


def to_pixels(lon: float, lat: float, zoom: float) -> tuple[float, float]:
    """Where a point is drawn, in pixels of the whole world at `zoom`."""
    world = TILE_PX * 2.0 ** zoom
    return (lon + 180.0) / 360.0 * world, _mercator_y(lat) * world


def fit_view(positions: Sequence[tuple[float, float]]) -> dict:
    """A view that shows every (lon, lat) of the region given, within the zoom limits."""
    inside = [(lon, lat) for lon, lat in positions if in_region(lon, lat)]
    if not inside:
        return dict(DEFAULT_VIEW)
    lons = [p[0] for p in inside]
    lats = [p[1] for p in inside]
    width = max(max(lons) - min(lons), 1e-6) / 360.0
    height = max(_mercator_y(min(lats)) - _mercator_y(max(lats)), 1e-6)
    # zoom at which the span fills 80% of the map's width and height
    zoom = min(math.log2(0.8 * MAP_WIDTH_PX / (TILE_PX * width)), math.log2(0.8 * MAP_HEIGHT_PX / (TILE_PX * height)))
    zoom = max(MIN_FIT_ZOOM, min(MAX_FIT_ZOOM, zoom))
    mid_y = (_mercator_y(min(lats)) + _mercator_y(max(lats))) / 2.0
    mid_lat = math.degrees(math.atan(math.sinh(math.pi * (1.0 - 2.0 * mid_y))))
    return {"latitude": round(mid_lat, 3), "longitude": round((max(lons) + min(lons)) / 2.0, 3),
            "zoom": round(zoom, 2)}


def group_indices(positions: Sequence[tuple[float, float]], weights: Sequence[int], zoom: float,
                  min_px: float = GROUP_PX) -> list[list[int]]:
    """Points within `min_px` of a heavier point at `zoom`, grouped with it: lists of indices, the
    heaviest first in each. Greedy, heaviest first, so a group is named after its largest place."""
    order = sorted(range(len(positions)), key=lambda i: (-weights[i], i))
    anchors: list[tuple[float, float]] = []
    groups: list[list[int]] = []
    for i in order:
        x, y = to_pixels(*positions[i], zoom)
        for k, (ax, ay) in enumerate(anchors):
            if math.hypot(x - ax, y - ay) < min_px:
                groups[k].append(i)
                break
        else:
            anchors.append((x, y))
            groups.append([i])
    return groups


# A label's width in pixels per character and point of font size (a sans-serif average).
CHAR_WIDTH = 0.56


def declutter(labels: Sequence[tuple[float, float, str, float, float, bool]], zoom: float) -> list[int]:
    """Which labels to draw so that none overlaps another label, or the solid point of a larger
    place, at `zoom`: (lon, lat, text, size, radius of its point, whether that point is solid)
    each, the label written above its point, largest place first (the earlier wins). Hollow rings
    (a whole country, a region) never hide a name: they are drawn under the names."""
    pixels = [to_pixels(lon, lat, zoom) for lon, lat, *_ in labels]
    kept: list[int] = []
    boxes: list[tuple[float, float, float, float]] = []
    for i, ((x, y), (_, _, text, size, radius, _solid)) in enumerate(zip(pixels, labels)):
        half = (len(text) * size * CHAR_WIDTH + 4.0) / 2.0
        box = (x - half, y - radius - 3.0 - size, x + half, y - radius - 3.0)
        larger = [(px - r, py - r, px + r, py + r) for (px, py), (*_, r, solid) in zip(pixels[:i], labels[:i]) if solid]
        if all(box[2] <= b[0] or b[2] <= box[0] or box[3] <= b[1] or b[3] <= box[1] for b in boxes + larger):
            kept.append(i)
            boxes.append(box)
    return kept
