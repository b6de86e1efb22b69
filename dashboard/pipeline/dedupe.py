"""One event reported by several articles, in any language, is one event with all its sources.

`cluster_events` gives each (article id, event) a cluster number; nothing is dropped. Two events
are the same when they have the same type, dates that agree at the coarser precision (two days one
day apart also agree when one of them is only the publication date), compatible places (the same
place, a city and its country, two sites of one city, or a missing place) and overlapping actors.
Two events of the same article are never joined: the events stage already merged those it could.
Undated and year-only events are matched only with their like (an undated report says too little to
tie it to one dated happening, and comparing it with every day would make clustering quadratic).
"""
from __future__ import annotations

import heapq
from datetime import date

from dashboard.records import Event

from .events import compatible_date, compatible_place


def same_event(a: Event, b: Event) -> bool:
    """Whether two events (from different articles) report the same happening."""
    if a.type != b.type:
        return False
    if not _dates_agree(a, b):
        return False
    if not compatible_place(a.place, b.place):
        return False
    if a.place is None and b.place is None and not (a.actors and b.actors):
        return False  # nothing to tie them but a type and a date
    if a.actors and b.actors:
        shared = set(a.actors) & set(b.actors)
        if not shared:
            return False
        # countries alone (Morocco, United States) tie weakly: a place must agree too
        if a.place is None and b.place is None and len(shared) < 2:
            return False
    return True


def _dates_agree(a: Event, b: Event) -> bool:
    if compatible_date(a.date, b.date):
        return True
    if a.date and b.date and len(a.date) == len(b.date) == 10 and "publication" in (a.date_source, b.date_source):
        return abs((date.fromisoformat(a.date) - date.fromisoformat(b.date)).days) <= 1
    return False


def _interval(ev: Event) -> tuple[int, int]:
    """Ordinal days an event's date may stand for; two events whose dates agree have overlapping
    intervals (a day reported as the publication date stretches one day either side)."""
    d = ev.date
    try:
        if not d:
            return 0, 0
        if len(d) >= 10:
            day = date.fromisoformat(d[:10]).toordinal()
            return (day - 1, day + 1) if ev.date_source == "publication" else (day, day)
        if len(d) >= 7:
            y, m = int(d[:4]), int(d[5:7])
            first = date(y, m, 1).toordinal()
            nxt = date(y + (m == 12), m % 12 + 1, 1).toordinal()
            return first - 1, nxt  # a day next to the month may be a publication date one day off
        y = int(d[:4])
        return y, y
    except ValueError:
        return 0, 0


def _lane(ev: Event) -> str:
    """Undated and year-only events match only their like (the same year, or undated): compared with
    every day of a year they would make the work quadratic, and they say too little to tie reports."""
    d = ev.date or ""
    return "day" if len(d) >= 7 else ("year" if d else "none")


def _country_key(ev: Event) -> str:
    """Events in different countries never match; "*" (no place, a region) may match any."""
    p = ev.place
    if p is None or p.place.kind == "region" or not p.place.country:
        return "*"
    return p.place.country


def cluster_events(items: list[tuple[str, Event]]) -> list[int]:
    """A cluster number per (article id, event), in input order; numbers count from 0 in order of
    first appearance.

    Scales to millions of events: events are compared only within their type and country (or with
    placeless ones), and only while their date intervals overlap (a sweep over the intervals sorted
    by start), so the work grows with the number of reports of each day, not the square of all.
    Undated and year-only events are compared only with their like (see `_lane`)."""
    clusters = _Clusters(items)
    by_type: dict[tuple[str, str], list[tuple[int, int, int, str]]] = {}
    for i, (_, ev) in enumerate(items):
        lo, hi = _interval(ev)
        by_type.setdefault((ev.type, _lane(ev)), []).append((lo, i, hi, _country_key(ev)))
    for rows in by_type.values():
        rows.sort()
        clusters.sweep(rows)
    return clusters.numbers()


class _Clusters:
    """Union-find over the events; each root keeps the ids of the articles its events come from, as
    two reports of one article never join."""

    def __init__(self, items: list[tuple[str, Event]]) -> None:
        self.items = items
        self.parent = list(range(len(items)))
        self.articles: list[set[str]] = [{aid} for aid, _ in items]

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def sweep(self, rows: list[tuple[int, int, int, str]]) -> None:
        """Join the events of one type and lane, (start, index, end, country key) sorted by start,
        to the same events among those whose intervals are still open."""
        items, parent, articles, find = self.items, self.parent, self.articles, self.find
        pop, push = heapq.heappop, heapq.heappush
        active: dict[str, list[tuple[int, int]]] = {}  # country key -> heap of (hi, index) still open
        for lo, i, hi, key in rows:
            ev = items[i][1]
            ri = find(i)
            for k in ((key, "*") if key != "*" else tuple(active)):
                heap = active.get(k)
                if not heap:
                    continue
                while heap and heap[0][0] < lo:
                    pop(heap)
                for _, j in heap:
                    rj = parent[j]
                    if parent[rj] != rj:
                        rj = find(j)
                    if rj == ri or not articles[ri].isdisjoint(articles[rj]):
                        continue
                    if same_event(items[j][1], ev):
                        if len(articles[ri]) > len(articles[rj]):  # the smaller set joins the larger
                            ri, rj = rj, ri
                        parent[ri] = rj
                        articles[rj] |= articles[ri]
                        ri = rj
            push(active.setdefault(key, []), (hi, i))

    def numbers(self) -> list[int]:
        """Each event's cluster number, counted from 0 in order of first appearance."""
        numbers: dict[int, int] = {}
        out = []
        for i in range(len(self.items)):
            root = self.find(i)
            out.append(numbers.setdefault(root, len(numbers)))
        return out
