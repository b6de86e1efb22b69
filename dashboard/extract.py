"""The `extract` interface: JSON Lines in, one JSON line out per input, in order.

Input lines: {"id", "text", "published": "YYYY-MM-DD" or null, "url", "title"} (only text is
required). Output: {"id", "lang", "places", "actors", "events"} with offsets into the input
text, or {"id", "error"} when a line cannot be processed. One bad line never stops the stream.
"""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from datetime import date
from typing import IO

from dashboard.pipeline import NO_TEXT, Resources, analyse, analyse_parts
from dashboard.pipeline.clean import CleanText
from dashboard.pipeline.parts import MAX_DOCUMENT_CHARS
from dashboard.records import ProcessedArticle, RawArticle
from dashboard.resources import default_resources
from dashboard.sources.urls import safe_link


def _parse_published(value) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _span(cleaned: CleanText, start: int, end: int) -> tuple[int, int]:
    return cleaned.to_source(start, end)


def to_output(art: ProcessedArticle, cleaned: CleanText, doc_id) -> dict:
    places, actors, events = _mentions_out(art.places, art.actors, art.events, cleaned)
    return {"id": doc_id, "lang": art.language, "places": places, "actors": actors, "events": events}


def _mentions_out(places_in, actors_in, events_in, cleaned: CleanText, shift: int = 0) -> tuple[list, list, list]:
    """Mentions as output records, with offsets into the input (`shift`: where the text that
    `cleaned` was made from begins in the input)."""
    def span(start: int, end: int) -> tuple[int, int]:
        s, e = _span(cleaned, start, end)
        return s + shift, e + shift

    places = []
    for m in places_in:
        s, e = span(m.start, m.end)
        p = m.place
        places.append({"surface": m.surface, "start": s, "end": e, "name": p.name, "kind": p.kind,
                       "country": p.country, "lat": p.lat, "lon": p.lon, "id": p.id, "how": m.how})
    actors = []
    for a in actors_in:
        s, e = span(a.start, a.end)
        actors.append({"surface": a.surface, "start": s, "end": e, "name": a.name, "kind": a.kind,
                       "country": a.country, "role": a.role})
    events = []
    for ev in events_in:
        s, e = span(ev.start, ev.end)
        place = ev.place.place if ev.place else None
        events.append({"type": ev.type, "date": ev.date, "date_precision": ev.date_precision,
                       "date_source": ev.date_source, "status": ev.status,
                       "place": place.name if place else None,
                       "country": ev.country or (place.country if place else None),
                       "lat": place.lat if place else None, "lon": place.lon if place else None,
                       "actors": list(ev.actors), "evidence": ev.evidence, "start": s, "end": e,
                       "trigger": ev.trigger, "confidence": ev.confidence})
    return places, actors, events


def extract_parts(raw: RawArticle, resources: Resources, max_chars: int, doc_id) -> dict:
    """A text longer than `max_chars`, processed part by part (see `dashboard.pipeline.parts`): one
    output whose offsets point into the whole input, in the language of most of its text."""
    out: dict = {"id": doc_id, "lang": None, "places": [], "actors": [], "events": []}
    chars: Counter[str] = Counter()
    for part in analyse_parts(raw, resources, max_chars):
        places, actors, events = _mentions_out(part.places, part.actors, part.events, part.cleaned, part.raw_start)
        out["places"] += places
        out["actors"] += actors
        out["events"] += events
        chars[part.language] += len(part.cleaned.text)
    if not chars:
        return {**out, "error": NO_TEXT}
    out["lang"] = chars.most_common(1)[0][0]
    return out


def extract_one(doc: dict, resources: Resources, line_no: int, max_chars: int = MAX_DOCUMENT_CHARS) -> dict:
    doc_id = doc.get("id")
    text = doc.get("text")
    if not isinstance(text, str) or not text.strip():
        return {"id": doc_id, "error": "the line has no \"text\""}
    title = doc.get("title") if isinstance(doc.get("title"), str) else None
    raw = RawArticle(source=f"stdin:line {line_no}", text=text, title=title, url=safe_link(doc.get("url")),
                     published=_parse_published(doc.get("published")), fmt="jsonl",
                     external_id=None if doc_id is None else str(doc_id))
    if len(text) > max_chars:
        return extract_parts(raw, resources, max_chars, doc_id)
    try:
        art, cleaned = analyse(raw, resources)
    except ValueError as exc:
        return {"id": doc_id, "lang": None, "places": [], "actors": [], "events": [], "error": str(exc)}
    return to_output(art, cleaned, doc_id)


def extract_lines(lines: Iterable[str], resources: Resources | None = None,
                  max_chars: int = MAX_DOCUMENT_CHARS) -> Iterable[dict]:
    resources = resources or default_resources()
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            doc = json.loads(line)
            if not isinstance(doc, dict):
                raise ValueError("not a JSON object")
        except ValueError as exc:
            yield {"id": None, "error": f"line {n} is not valid JSON ({exc})"}
            continue
        try:
            yield extract_one(doc, resources, n, max_chars)
        except Exception as exc:  # noqa: BLE001 - one article must not stop the stream
            yield {"id": doc.get("id"), "lang": None, "places": [], "actors": [], "events": [],
                   "error": f"internal error ({exc.__class__.__name__}: {exc})"}


def extract_stream(inp: IO[str], out: IO[str], resources: Resources | None = None,
                   max_chars: int = MAX_DOCUMENT_CHARS) -> None:
    if getattr(inp, "errors", None) == "strict" and hasattr(inp, "reconfigure"):
        inp.reconfigure(errors="replace")  # a byte that is not UTF-8 must not end the stream
    for result in extract_lines(inp, resources, max_chars):
        line = json.dumps(result, ensure_ascii=False)
        try:
            line.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate echoed from the input (an "id"): escape it
            line = json.dumps(result)
        out.write(line + "\n")
        out.flush()
