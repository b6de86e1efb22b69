"""The events table in the interface language, and its CSV / Excel downloads (pure)."""
from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any, cast
from urllib.parse import urlsplit

import pandas as pd

from .deck import actor_namer, country_name
from .i18n import ARTICLE_LANGUAGE_LABELS, STATUS_LABELS, event_type_label, label, t, tn
from .plaintext import is_missing, plain_text

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_url(url: object) -> str | None:
    """The URL if it is a plain web link (http or https with a host); None otherwise (javascript:, data:, ...)."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    if any(ord(c) < 32 for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def _actors(value: Any, name: Callable[[str], str] = str) -> str:
    if value is None or isinstance(value, float):
        return ""
    return ", ".join(name(str(v)) for v in value)


def _place(row, lang: str) -> str:
    localized = getattr(row, f"place_name_{lang}", None) if lang in ("fr", "ar") else None
    name = localized if isinstance(localized, str) and localized else row.place_name
    return name if isinstance(name, str) else ""


def events_display(events: pd.DataFrame, lang: str, countries: dict[str, dict] | None = None,
                   actor_names: dict[str, str] | None = None) -> pd.DataFrame:
    """The columns a reader wants, with headers and values in the interface language (actors too:
    `actor_names` gives people's and organisations' names in it)."""
    countries = countries or {}
    actor = actor_namer(countries, lang, actor_names)
    out = pd.DataFrame({
        t(lang, "h_date"): events["date"].fillna("").astype(str),
        t(lang, "h_type"): [event_type_label(v, lang) for v in events["type"]],
        t(lang, "h_status"): [label(STATUS_LABELS, v, lang) for v in events["status"]],
        t(lang, "h_place"): [plain_text(_place(r, lang)) for r in events.itertuples(index=False)],
        t(lang, "h_country"): [country_name(c, lang, countries) if isinstance(c, str) else ""
                               for c in events["country"]],
        t(lang, "h_actors"): [plain_text(_actors(v, actor)) for v in events["actors"]],
        t(lang, "h_reported"): [tn(lang, "n_sources", int(n)) if not is_missing(n) else "" for n in
                                (events["sources"] if "sources" in events else cast(list, [None] * len(events)))],
        t(lang, "h_evidence"): [plain_text(v) for v in events["evidence"]],
        t(lang, "h_title"): [plain_text(v) for v in events["article_title"].fillna("")],
        t(lang, "h_source"): [plain_text(v) for v in events["article_site"].fillna("")],
        t(lang, "h_language"): [plain_text(label(ARTICLE_LANGUAGE_LABELS, v, lang))
                                for v in events["article_language"]],
        t(lang, "h_link"): [safe_url(u) for u in events["article_url"]],
    })
    return out


def neutralise_formulas(df: pd.DataFrame) -> pd.DataFrame:
    """Text that a spreadsheet would run as a formula (=, +, -, @) gets a leading apostrophe."""
    out = df.copy()
    for col in out.columns:
        values = list(out[col])
        if any(isinstance(v, str) and v.startswith(FORMULA_START) for v in values):
            out[col] = pd.Series([("'" + v) if isinstance(v, str) and v.startswith(FORMULA_START) else v
                                  for v in values], index=out.index, dtype=object)
    return out


def to_csv_bytes(df: pd.DataFrame) -> bytes:
    """UTF-8 with a byte-order mark, so that spreadsheet programs show Arabic correctly."""
    return neutralise_formulas(df).to_csv(index=False).encode("utf-8-sig")


def to_excel_bytes(df: pd.DataFrame, sheet: str = "events") -> bytes:
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as xl:
        neutralise_formulas(df).to_excel(xl, index=False, sheet_name=sheet[:31])
    return buf.getvalue()
