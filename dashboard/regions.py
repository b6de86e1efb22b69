"""Which countries a region of the gazetteer covers (ISO 3166-1 alpha-2), for the map and filters.

A region named in the news ("the Sahel", "le Maghreb", "القارة الأفريقية") is a place of kind
`region` with no country. The map draws it as the countries it covers, and choosing it shows the
events placed in the region as a whole and in each of those countries.

Sources: UN M49 geographic regions (Africa and its sub-regions, Northern Africa, Western Asia),
the members of the G5 Sahel (Sahel), the Arab Maghreb Union (Maghreb), the Liptako-Gourma
Authority, the Lake Chad Basin Commission and the Gulf Cooperation Council. Regions inside one
country (Kabylie, Fezzan...) carry that country in the gazetteer and are not listed here.
"""
from __future__ import annotations

_NORTH_AFRICA = ("DZ", "EG", "LY", "MA", "SD", "TN", "EH")
_WEST_AFRICA = ("BJ", "BF", "CV", "CI", "GM", "GH", "GN", "GW", "LR", "ML", "MR", "NE", "NG", "SN", "SL", "TG")
_CENTRAL_AFRICA = ("AO", "CM", "CF", "TD", "CG", "CD", "GQ", "GA", "ST")
_EAST_AFRICA = ("BI", "KM", "DJ", "ER", "ET", "KE", "MG", "MW", "MU", "MZ", "RW", "SC", "SO", "SS", "TZ", "UG",
                "ZM", "ZW")
_SOUTHERN_AFRICA = ("BW", "SZ", "LS", "NA", "ZA")
_AFRICA = _NORTH_AFRICA + _WEST_AFRICA + _CENTRAL_AFRICA + _EAST_AFRICA + _SOUTHERN_AFRICA
_MIDDLE_EAST = ("BH", "IQ", "IR", "IL", "JO", "KW", "LB", "OM", "PS", "QA", "SA", "SY", "TR", "AE", "YE", "EG")

REGION_COUNTRIES: dict[str, tuple[str, ...]] = {
    "region:africa": _AFRICA,
    "region:north-africa": _NORTH_AFRICA,
    "region:west-africa": _WEST_AFRICA,
    "region:central-africa": _CENTRAL_AFRICA,
    "region:east-africa": _EAST_AFRICA,
    "region:southern-africa": _SOUTHERN_AFRICA,
    "region:sub-saharan-africa": tuple(c for c in _AFRICA if c not in _NORTH_AFRICA),
    "region:horn-of-africa": ("DJ", "ER", "ET", "SO"),
    "region:sahel": ("MR", "ML", "BF", "NE", "TD"),
    "region:sahara": ("DZ", "EG", "LY", "MA", "ML", "MR", "NE", "SD", "TD", "TN", "EH"),
    "region:maghreb": ("MA", "DZ", "TN", "LY", "MR"),
    "region:liptako-gourma": ("ML", "BF", "NE"),
    "region:lake-chad-basin": ("TD", "NE", "NG", "CM"),
    "region:middle-east": _MIDDLE_EAST,
    "region:mena": tuple(dict.fromkeys(_NORTH_AFRICA + _MIDDLE_EAST)),
    "region:gulf": ("BH", "KW", "OM", "QA", "SA", "AE"),
    "region:levant": ("IL", "JO", "LB", "PS", "SY"),
}


def region_countries(place_ids: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Every country the regions among `place_ids` cover, in order, without repeats."""
    out: dict[str, None] = {}
    for pid in place_ids:
        for iso in REGION_COUNTRIES.get(pid, ()):
            out[iso] = None
    return tuple(out)
