"""One event reported by several articles, in any language, is one event with all its sources.

`cluster_events` gives each (article id, event) a cluster number; nothing is dropped. Two events
are the same when they have the same type, dates that agree at the coarser precision (two days one
day apart also agree when one of them is only the publication date), compatible places (the same
place, a city and its country, two sites of one city, or a missing place) and overlapping actors.
Two events of the same article are never joined: the events stage already merged those it could.
"""
from __future__ import annotations

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


def cluster_events(items: list[tuple[str, Event]]) -> list[int]:
    """A cluster number per (article id, event), in input order; numbers count from 0 in order of
    first appearance."""
    parent = list(range(len(items)))
    articles: list[set[str]] = [{aid} for aid, _ in items]

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_type: dict[str, list[int]] = {}
    for i, (_, ev) in enumerate(items):
        by_type.setdefault(ev.type, []).append(i)
    for idx in by_type.values():
        for n, i in enumerate(idx):
            for j in idx[n + 1:]:
                ri, rj = find(i), find(j)
                if ri == rj or articles[ri] & articles[rj]:
                    continue
                if same_event(items[i][1], items[j][1]):
                    parent[rj] = ri
                    articles[ri] |= articles[rj]
    numbers: dict[int, int] = {}
    out = []
    for i in range(len(items)):
        root = find(i)
        out.append(numbers.setdefault(root, len(numbers)))
    return out
