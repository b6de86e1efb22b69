"""One event, however many times an article tells it.

A mention that refers back ("the talks", "this visit", "at the time") adds to the earlier event
instead of making a new one, but an older episode or the date of a plan does not re-date an undated
news event. Events of one type in one article that agree on date and place are merged (a headline
or a report-dated mention joins the dated event), keeping the most precise date and the most
specific place.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from dashboard.records import Event, OperationMention, PlaceMention

from ..arabic import fold
from .dating import DATED, compatible_date, days_before_report, near_publication
from .eventness import MAX_CONFIDENCE, MERGE_BONUS
from .placing import compatible_place

_PRECISION_RANK = {None: 0, "year": 1, "month": 2, "day": 3}
_EDITION = re.compile(r"\s*(\d{1,4})$")  # "Flintlock 2020", "نسور النيل 2": the edition closing a name


def link_to_earlier(events: list[Event], made: list[Event], anaphors: set[int],
                    published: date | None) -> tuple[list[Event], Event | None]:
    """The sentence's events `made` that are new, after those that refer back (indexes `anaphors`)
    were added to the earlier event of `events` they name (which is updated in place); and the last
    such earlier event, whose date and place the new ones may take."""
    kept: list[Event] = []
    referred: Event | None = None
    for n, ev in enumerate(made):
        earlier = _earlier_of_type(events, ev, n in anaphors)
        if n in anaphors and earlier is not None and _refers_to(events[earlier], ev, published):
            events[earlier] = absorb(events[earlier], ev)
            referred = events[earlier]
        else:
            kept.append(ev)
    return kept, referred


def _earlier_of_type(events: list[Event], ev: Event, anaphoric: bool) -> int | None:
    """For a reference, the index of the latest earlier event of ev's type (a dated one first);
    None for a mention that refers to nothing (scanning back only as far as needed: a long
    document has thousands of events)."""
    return _latest_of_type(events, ev.type) if anaphoric else None


def _latest_of_type(events: list[Event], typ: str) -> int | None:
    """The latest event of this type dated by the text, else the latest of this type."""
    latest = None
    for k in range(len(events) - 1, -1, -1):
        if events[k].type == typ:
            if events[k].date_source in DATED:
                return k
            latest = k if latest is None else latest
    return latest


def _refers_to(earlier: Event, ev: Event, published: date | None) -> bool:
    """A reference can be to the earlier event: one of them undated or the dates agree, and the
    reference is no older episode."""
    return (ev.date_source not in DATED or earlier.date_source not in DATED
            or compatible_date(earlier.date, ev.date) or days_before_report(earlier, ev)) \
        and not older_episode(earlier, ev, published)


def older_episode(earlier: Event, ev: Event, published: date | None) -> bool:
    """"The new radars are in service. Their purchase was decided in May 2015.": a mention dated
    well before publication is an earlier episode, not the date of an undated news event."""
    return earlier.date_source == "publication" and ev.date_source in DATED \
        and published is not None and not near_publication(ev, published) and ev.date_precision != "year"


def absorb(earlier: Event, ev: Event) -> Event:
    """An anaphoric mention adds its actors, and its date when the first mention had none of its own."""
    upd: dict = {"actors": tuple(dict.fromkeys(earlier.actors + ev.actors))}
    if (earlier.date_source not in DATED or days_before_report(earlier, ev)) \
            and ev.date_source == "text" and (ev.status == earlier.status or earlier.status == "planned"):
        # ("the meeting, first planned for last spring": the plan's date, not the meeting's)
        upd.update(date=ev.date, date_precision=ev.date_precision,
                   date_source="report" if ev.date_source == "report" and earlier.date_source != "report" else "text")
    if earlier.place is None and ev.place is not None:
        upd.update(place=ev.place, country=ev.country)
    return earlier._replace(**upd)


def inherit(ev: Event, ref: Event) -> Event:
    """"During this visit, the two signed...": an undated event takes the date (and, when it has no
    city, the place) of the event its sentence referred to."""
    if ev.date_source in DATED:
        return ev
    upd: dict = {"date": ref.date, "date_precision": ref.date_precision, "date_source": ref.date_source}
    if ev.place is None or ev.place.place.kind in ("country", "region"):
        upd.update(place=ref.place, country=ref.country)
    return ev._replace(**upd)


def same_in_sentence(a: Event, b: Event) -> bool:
    """Two clauses of one sentence telling one event: at most one dated, or dated alike, same place."""
    undated = a.date_source not in DATED or b.date_source not in DATED
    return (undated or a.date == b.date) and compatible_place(a.place, b.place)


def join_headline(events: list[Event], body: int) -> list[Event]:
    """A headline tells the lead's event: each event of the headline zone (before offset `body`) is
    merged into the first event of its type in the body, when their places agree and the headline
    has no date of its own or one that agrees. The lead's wording decides the status."""
    if body <= 0:
        return events
    out: list[Event | None] = list(events)
    for n, ev in enumerate(events):
        if ev.start >= body:
            break
        k = next((k for k in range(n + 1, len(events)) if events[k].start >= body and events[k].type == ev.type), None)
        lead = out[k] if k is not None else None
        if k is None or lead is None or not compatible_place(ev.place, lead.place, loose=True) \
                or (ev.date_source in DATED and not compatible_date(ev.date, lead.date)):
            continue
        out[k] = combine(lead, ev)._replace(status=lead.status)
        out[n] = None
    return [ev for ev in out if ev is not None]


def _exercise_key(op: OperationMention) -> tuple[str, str | None]:
    """(the exercise's identity, its edition if the text numbers it)."""
    m = _EDITION.search(op.surface)
    base = op.operation_id or fold(op.surface[:m.start()] if m else op.surface)
    return base, m.group(1) if m else None


def _same_exercise(a: set[tuple[str, str | None]], b: set[tuple[str, str | None]]) -> bool:
    return any(na == nb and (ea is None or eb is None or ea == eb) for na, ea in a for nb, eb in b)


def join_named_exercises(events: list[Event], exercises: Sequence[OperationMention]) -> list[Event]:
    """Mentions of one named exercise (same name, same edition when both number it) are one event,
    wherever each mention places it, when their years agree."""
    if not exercises:
        return events
    out: list[Event] = []
    names: list[set[tuple[str, str | None]]] = []
    for ev in events:
        mine = {_exercise_key(op) for op in exercises if ev.start <= op.start and op.end <= ev.end} \
            if ev.type == "exercise" else set()
        k = next((k for k, kept in enumerate(out) if mine and _same_exercise(names[k], mine)
                  and (kept.date_source not in DATED or ev.date_source not in DATED
                       or compatible_date((kept.date or "")[:4], (ev.date or "")[:4]))), None)
        if k is None:
            out.append(ev)
            names.append(mine)
        else:
            out[k] = combine(out[k], ev)
            names[k] |= mine
    return out


def merge(events: list[Event], published: date | None) -> list[Event]:
    """One event per type, date and place in an article; later mentions add their actors.
    Repeated until stable, since a merge can make two kept events agree."""
    while True:
        out: list[Event] = []
        for ev in events:
            for n, kept in enumerate(out):
                if _mergeable(kept, ev, published):
                    out[n] = combine(kept, ev)
                    break
            else:
                out.append(ev)
        if len(out) == len(events):
            return out
        events = out


def _mergeable(kept: Event, ev: Event, published: date | None) -> bool:
    if kept.type != ev.type or kept.start == ev.start:  # clauses of one sentence were told apart on purpose
        return False
    a_pub, b_pub = kept.date_source not in DATED, ev.date_source not in DATED
    if a_pub and b_pub:
        return compatible_place(kept.place, ev.place)
    if a_pub or b_pub:  # an undated mention (a headline, a later reference) joins a dated event of the days
        dated = ev if a_pub else kept  # around publication, or any when the publication date is unknown
        return (published is None or near_publication(dated, published)) \
            and compatible_place(kept.place, ev.place, loose=True)
    if days_before_report(kept, ev) or days_before_report(ev, kept):  # "announced on Friday" / "on Thursday night"
        return compatible_place(kept.place, ev.place, loose=True)
    return compatible_date(kept.date, ev.date) and compatible_place(kept.place, ev.place)


def _specific(p: PlaceMention | None) -> int:
    if p is None:
        return 0
    return 1 if p.place.kind in ("country", "region") else 2


def _rank(ev: Event) -> tuple[bool, int]:
    """A date from the text, then precision. (A report's day, "X said on Thursday", is no better
    than the publication's.)"""
    return (ev.date_source == "text", _PRECISION_RANK[ev.date_precision])


def combine(a: Event, b: Event) -> Event:
    """Keep the mention with a date from the text (the more precise one), the most specific place."""
    first = a if _rank(a) >= _rank(b) else b
    place = a.place if _specific(a.place) >= _specific(b.place) else b.place
    return first._replace(place=place, country=place.place.country if place else first.country,
                          actors=tuple(dict.fromkeys(a.actors + b.actors)),
                          confidence=round(min(MAX_CONFIDENCE, max(a.confidence, b.confidence) + MERGE_BONUS), 2),
                          status=a.status if a.status != "happened" else b.status)
