"""Table rows for one processed article: the single definition shared by every write path
(the local writer and the Dask workers that write Parquet)."""
from __future__ import annotations

from datetime import datetime

from dashboard.pipeline.arabic import fold
from dashboard.records import Event, ProcessedArticle

from .span import date_span

COLUMNS: dict[str, list[str]] = {
    "articles": ["id", "source", "fmt", "url", "title", "site", "published", "language", "text",
                 "search_text", "content_hash", "added_at", "parts"],
    "places": ["id", "name", "name_fr", "name_ar", "kind", "country", "lat", "lon"],
    "place_mentions": ["article_id", "place_id", "start", "end", "surface", "how"],
    "actors": ["id", "name", "kind", "country"],
    "actor_mentions": ["article_id", "actor_id", "start", "end", "surface", "role", "how"],
    "events": ["id", "article_id", "type", "status", "date", "date_precision", "date_source",
               "day_from", "day_to", "place_id", "place_name", "place_kind", "country", "lat", "lon",
               "actors", "evidence", "start", "end", "trigger", "confidence", "cluster", "countries",
               "article_language", "article_site", "article_published", "article_title", "article_url"],
}
TABLES = tuple(COLUMNS)
EVIDENCE_MAX_CHARS = 1000  # longer than any sentence of a real article; a text without full stops is one "sentence"


def stored_evidence(evidence: str, trigger: str) -> str:
    """The evidence sentence as stored and shown: a sentence longer than EVIDENCE_MAX_CHARS (a text
    with no sentence breaks) becomes the window of that length around its trigger word, marked "…"."""
    if len(evidence) <= EVIDENCE_MAX_CHARS:
        return evidence
    at = evidence.find(trigger) if trigger else -1
    lo = max(0, min(at - EVIDENCE_MAX_CHARS // 2, len(evidence) - EVIDENCE_MAX_CHARS))
    hi = lo + EVIDENCE_MAX_CHARS
    return ("…" if lo else "") + evidence[lo:hi] + ("…" if hi < len(evidence) else "")


def article_rows(art: ProcessedArticle, added_at: datetime) -> dict[str, list[tuple]]:
    """Every row one article contributes, per table (places and actors may repeat across articles)."""
    rows: dict[str, list[tuple]] = {t: [] for t in TABLES}
    search = fold(f"{art.title or ''}\n{art.text}")
    rows["articles"].append((art.id, art.source, art.fmt, art.url, art.title, art.site, art.published,
                             art.language, art.text, search, art.content_hash, added_at, list(art.parts) or None))
    for m in art.places:
        p = m.place
        rows["places"].append((p.id, p.name, p.name_fr, p.name_ar, p.kind, p.country, p.lat, p.lon))
        rows["place_mentions"].append((art.id, p.id, m.start, m.end, m.surface, m.how))
    for a in art.actors:
        rows["actors"].append((a.actor_id, a.name, a.kind, a.country))
        rows["actor_mentions"].append((art.id, a.actor_id, a.start, a.end, a.surface, a.role, a.how))
    actor_states = {a.name: a.country for a in art.actors if a.country}
    for n, ev in enumerate(art.events):
        rows["events"].append(event_row(art, n, ev, actor_states))
    return rows


def event_row(art: ProcessedArticle, n: int, ev: Event, actor_states: dict[str, str]) -> tuple:
    day_from, day_to = date_span(ev.date)
    place = ev.place.place if ev.place else None
    country = ev.country or (place.country if place else None)
    states = {actor_states[name] for name in ev.actors if name in actor_states}
    if country:
        states.add(country)
    return (f"{art.id}#{n}", art.id, ev.type, ev.status, ev.date, ev.date_precision, ev.date_source,
            day_from, day_to, place.id if place else None, place.name if place else None,
            place.kind if place else None, country, place.lat if place else None,
            place.lon if place else None, list(ev.actors), stored_evidence(ev.evidence, ev.trigger), ev.start, ev.end,
            ev.trigger,
            ev.confidence, None, sorted(states), art.language, art.site, art.published, art.title, art.url)
