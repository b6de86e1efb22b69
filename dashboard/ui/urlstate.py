"""Filters <-> the page address, so that copying the address shares the exact view (pure: the
app and `python -m dashboard export --filters` both read addresses here).

Lists are comma-separated (`countries=MA,TN`); dates are ISO (`from=2021-03-01`). Anything that
does not parse is dropped rather than failing: an address may be edited by hand.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from urllib.parse import parse_qs, urlsplit

from dashboard.records import EVENT_TYPES, Filters

from .i18n import LANGUAGES

LIST_PARAMS: dict[str, str] = {  # Filters field -> address parameter
    "countries": "countries",
    "places": "places",
    "event_types": "types",
    "actors": "actors",
    "languages": "langs",
    "sources": "sources",
}
SEP = ","
MAX_SEARCH = 200


@dataclass(frozen=True)
class ViewState:
    """Everything the address carries: the filters plus interface choices."""

    filters: Filters = Filters()
    lang: str = "en"
    arcs: bool = False  # lines between countries hide the points: off unless asked for
    heat: bool = False
    article: str | None = None


def _one(params: Mapping[str, object], key: str) -> str | None:
    value = params.get(key)
    if isinstance(value, (list, tuple)):
        value = value[-1] if value else None
    return str(value) if value not in (None, "") else None


def _date(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _split(text: str | None) -> tuple[str, ...]:
    if not text:
        return ()
    seen: list[str] = []
    for part in text.split(SEP):
        part = part.strip()
        if part and part not in seen:
            seen.append(part)
    return tuple(seen)


def _flag(text: str | None, default: bool) -> bool:
    if text is None:
        return default
    return text.strip().lower() in ("1", "true", "yes", "on")


ADDRESS_PARAMS = ("from", "to", "q", *LIST_PARAMS.values(), "lang")  # what a view address may name


def params_from_address(address: str) -> dict[str, list[str]]:
    """The parameters of a page address, whole (http://host/?countries=TN) or only its query
    (`countries=TN&types=visit`, with or without the leading `?`)."""
    text = address.strip()
    if "://" in text[:12]:
        text = urlsplit(text).query
    return parse_qs(text.lstrip("?"), keep_blank_values=False)


def from_params(params: Mapping[str, object]) -> ViewState:
    lists = {field: _split(_one(params, key)) for field, key in LIST_PARAMS.items()}
    lists["event_types"] = tuple(t for t in lists["event_types"] if t in EVENT_TYPES)
    lo, hi = _date(_one(params, "from")), _date(_one(params, "to"))
    if lo and hi and lo > hi:
        lo, hi = hi, lo
    filters = Filters(date_from=lo, date_to=hi, search=(_one(params, "q") or "")[:MAX_SEARCH], **lists)
    lang = _one(params, "lang")
    return ViewState(filters=filters, lang=lang if lang in LANGUAGES else "en",
                     arcs=_flag(_one(params, "arcs"), False), heat=_flag(_one(params, "heat"), False),
                     article=_one(params, "article"))


def to_params(state: ViewState) -> dict[str, str]:
    """Only what differs from the default view, so a plain address is a clean address."""
    f = state.filters
    out: dict[str, str] = {}
    if state.lang != "en":
        out["lang"] = state.lang
    if f.date_from:
        out["from"] = f.date_from.isoformat()
    if f.date_to:
        out["to"] = f.date_to.isoformat()
    for field, key in LIST_PARAMS.items():
        values = getattr(f, field)
        if values:
            out[key] = SEP.join(v for v in values if SEP not in v)
    if f.search.strip():
        out["q"] = f.search.strip()[:MAX_SEARCH]
    if state.arcs:
        out["arcs"] = "1"
    if state.heat:
        out["heat"] = "1"
    if state.article:
        out["article"] = state.article
    return out
