"""The place of an event: the most specific place its sentence ties to the trigger word.

Near the trigger, in its clause, after a locative word ("in", "à", "في"), a city before a country;
a sentence naming two countries in the trigger's clause ("Morocco and the US sign...") has no single
place. A meeting or signing placed only at country level then takes the city of the article's visit
to that country (`refine_places`).
"""
from __future__ import annotations

import math
import re
from collections.abc import Callable

from dashboard.records import Event, PlaceMention

from .triggers import Trig

OTHER_CLAUSE_COST = 200  # a place in another clause than the trigger counts as this many characters further
COUNTRY_COST = 120  # a country or region counts as this many characters further than a city or site
LOCATIVE_BONUS = 80  # a place after "in", "à", "في" counts as this many characters nearer
LOCATIVE_REACH = 12  # characters before a place searched for a locative word
SAME_SITE_KM = 25  # two places closer than this are sites of one city (an airport and its town), not two places
_EARTH_DIAMETER_KM = 12742.0
_COUNTRY_LEVEL = ("country", "region")
_LOCATIVE_BEFORE = re.compile(r"(?:\b(?:in|at|to|near|à|a|au|aux|en|dans|près de|de)\s+(?:the\s+|la\s+|l')?"
                              r"|(?:^|\s)(?:في|الى|إلى|قرب|ب)\s*)$")


def pick_place(cands: list[PlaceMention], head: Trig, ci: int, clause_of: Callable[[int], int], text: str,
               locative: dict[int, bool] | None = None) -> PlaceMention | None:
    """The most specific place tied to the trigger: near it, after a locative word, a city before a country.
    (`locative` remembers, per place offset, whether a locative word comes before it.)"""
    best, best_score = None, None
    for p in cands:
        score = abs(p.start - head.start) + (0 if clause_of(p.start) == ci else OTHER_CLAUSE_COST)
        if p.place.kind in _COUNTRY_LEVEL:
            score += COUNTRY_COST
        after = locative.get(p.start) if locative is not None else None
        if after is None:
            after = _after_locative(p, text, locative)
        if after:
            score -= LOCATIVE_BONUS
        if best_score is None or score < best_score:
            best, best_score = p, score
    if best is not None and best.place.kind == "country":
        in_clause = {p.place.country for p in cands if p.place.kind == "country" and clause_of(p.start) == ci}
        if len(in_clause) > 1:
            return None  # "Morocco and the US sign...": no single place
    return best


def _after_locative(p: PlaceMention, text: str, locative: dict[int, bool] | None) -> bool:
    """Whether a locative word ("in", "à", "في") comes just before the place (remembered in `locative`)."""
    after = _LOCATIVE_BEFORE.search(text[max(0, p.start - LOCATIVE_REACH):p.start]) is not None
    if locative is not None:
        locative[p.start] = after
    return after


def refine_places(events: list[Event]) -> list[Event]:
    """A meeting or signing placed only at country level (or nowhere) takes the city of the article's
    visit to that country on the same day (or when it has no date of its own)."""
    visits: dict[str, list[Event]] = {}
    for ev in events:
        p = ev.place
        if ev.type == "visit" and p is not None and p.place.kind not in _COUNTRY_LEVEL and p.place.country:
            visits.setdefault(p.place.country, []).append(ev)
    out = []
    for ev in events:
        p = ev.place
        if p is None and ev.type in ("talks", "agreement"):
            ev = _at_visit_of_the_day(ev, visits)
        elif p is not None and p.place.kind == "country" and ev.type in ("visit", "talks", "agreement"):
            ev = _at_visit_in_country(ev, visits)
        out.append(ev)
    return out


def _at_visit_of_the_day(ev: Event, visits: dict[str, list[Event]]) -> Event:
    """An unplaced meeting or signing: at the city of the day's visit, when the visits of that day
    (those dated by the text, if any) went to one place."""
    same_day = [v for vs in visits.values() for v in vs if v.date == ev.date]
    same_day = [v for v in same_day if v.date_source in ("text", "report")] or same_day
    if len({v.place.place.id for v in same_day if v.place}) == 1:
        return ev._replace(place=same_day[0].place, country=same_day[0].country)
    return ev


def _at_visit_in_country(ev: Event, visits: dict[str, list[Event]]) -> Event:
    """An event placed in a country: at the city of a visit to that country on its day (any, when undated)."""
    p = ev.place
    assert p is not None  # refine_places sends only events placed in a country
    for v in visits.get(p.place.country or "", []):
        if ev.date_source not in ("text", "report") or v.date == ev.date:
            return ev._replace(place=v.place, country=p.place.country)
    return ev


def _km(a: PlaceMention, b: PlaceMention) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a.place.lat, a.place.lon, b.place.lat, b.place.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return _EARTH_DIAMETER_KM * math.asin(min(1.0, math.sqrt(h)))


def compatible_place(a: PlaceMention | None, b: PlaceMention | None, loose: bool = False) -> bool:
    """Same place, a city and its country, two sites of one city (< 25 km); `loose`: any country level."""
    if a is None or b is None or a.place.id == b.place.id:
        return True
    ka, kb = a.place.kind, b.place.kind
    if "region" in (ka, kb):
        return True
    if ka == "country" or kb == "country":
        return loose or (a.place.country is not None and a.place.country == b.place.country)
    return _km(a, b) < SAME_SITE_KM
