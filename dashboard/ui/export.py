"""The events export analysts load into their own tools (pure): the same columns from the page's
download buttons and from `python -m dashboard export`, in the spirit of ACLED's exports.

Column names are fixed English identifiers whatever the interface language (scripts rely on
them); place and country names are in the chosen language. Codes stay codes (`type`, `status`,
`date_precision`, `place_precision`) so that a file reads the same in every language. CSV and
Excel neutralise spreadsheet formulas; Parquet keeps typed columns as they are.
"""
from __future__ import annotations

import io
from typing import Any

import pandas as pd

from .deck import country_name
from .plaintext import is_missing, plain_text
from .tables import neutralise_formulas, safe_url, to_csv_bytes, to_excel_bytes

EXPORT_COLUMNS: tuple[str, ...] = (
    "event_id",         # stable: article id '#' position
    "cluster_id",       # events of several articles that report one real-world event share it
    "sources",          # how many sources (sites) reported that cluster
    "date",             # YYYY-MM-DD, YYYY-MM or YYYY as the article gives it
    "date_precision",   # day | month | year
    "place",
    "latitude",
    "longitude",
    "place_precision",  # city | admin (province) | region | country | other: how precise the point is
    "country",
    "country_code",     # ISO 3166-1 alpha-2
    "type",             # visit | talks | agreement | exercise | arms_transfer | military_aid | ...
    "status",           # happened | planned | cancelled (dated after its article or today: planned)
    "actors",           # "; " between actors
    "confidence",       # 0 to 1
    "evidence",         # the sentence of the article that says so
    "article_title",
    "source",           # the site that published the article
    "link",             # the article's web address (http or https only)
)
FORMATS = ("csv", "xlsx", "parquet")


def _text(value: object) -> str:
    return plain_text(value)


def _place(row, lang: str) -> str:
    localized = getattr(row, f"place_name_{lang}", None) if lang in ("fr", "ar") else None
    return _text(localized if not is_missing(localized) and localized else row.place_name)


def _actors(value: Any) -> str:
    if value is None or isinstance(value, (float, str)):
        return ""
    return "; ".join(plain_text(v) for v in value)


def _number(value: Any, digits: int | None = None) -> float | None:
    if is_missing(value):
        return None
    return round(float(value), digits) if digits is not None else float(value)


def export_frame(events: pd.DataFrame, lang: str = "en", countries: dict[str, dict] | None = None) -> pd.DataFrame:
    """The export's rows from `queries.events_page` / `export_events` results, in EXPORT_COLUMNS order."""
    countries = countries or {}
    rows = []
    r: Any  # (pandas types a row's fields loosely)
    for r in events.itertuples(index=False):
        code = r.country if isinstance(r.country, str) else ""
        rows.append({
            "event_id": _text(r.id),
            "cluster_id": None if is_missing(r.cluster) else int(r.cluster),
            "sources": None if is_missing(r.sources) else int(r.sources),
            "date": _text(r.date),
            "date_precision": _text(r.date_precision),
            "place": _place(r, lang),
            "latitude": _number(r.lat),
            "longitude": _number(r.lon),
            "place_precision": _text(r.place_kind),
            "country": plain_text(country_name(code, lang, countries)) if code else "",
            "country_code": code,
            "type": _text(r.type),
            "status": _text(r.status),
            "actors": _actors(r.actors),
            "confidence": _number(r.confidence, 2),
            "evidence": _text(r.evidence),
            "article_title": _text(r.article_title),
            "source": _text(r.article_site),
            "link": safe_url(r.article_url) or "",
        })
    out = pd.DataFrame(rows, columns=list(EXPORT_COLUMNS))
    for col in ("cluster_id", "sources"):
        out[col] = out[col].astype("Int64")
    for col in ("latitude", "longitude", "confidence"):
        out[col] = out[col].astype("float64")
    return out


def to_parquet_bytes(df: pd.DataFrame) -> bytes:
    buf = io.BytesIO()
    df.to_parquet(buf, index=False)
    return buf.getvalue()


def export_bytes(df: pd.DataFrame, fmt: str) -> bytes:
    """The export as a file's bytes: csv (UTF-8 with a byte-order mark), xlsx or parquet."""
    if fmt == "csv":
        return to_csv_bytes(df)
    if fmt == "xlsx":
        return to_excel_bytes(df)
    if fmt == "parquet":
        return to_parquet_bytes(df)
    raise ValueError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")


__all__ = ["EXPORT_COLUMNS", "FORMATS", "export_bytes", "export_frame", "neutralise_formulas"]
