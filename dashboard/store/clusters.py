"""Give every stored event a cluster number: reports of one real-world event share it.

Incremental: only events without a number yet (the ones a commit adds) are matched, in runs of
nearby dates, against themselves and against the stored events that could be the same happening
(same type, a date span within a day of theirs, or the same country when undated). Matching itself is the
pipeline's `cluster_events`; numbers of existing clusters never change, so a write costs time
in proportion to what it adds, not to the size of the store.
"""
from __future__ import annotations

import duckdb
import pyarrow as pa

from dashboard.pipeline.dedupe import cluster_events
from dashboard.records import Event, Place, PlaceMention

_COLUMNS = ('e.id, e.article_id, e.type, e.status, e.date, e.date_precision, e.date_source, e.place_id, '
            'e.place_name, e.place_kind, e.country, e.lat, e.lon, e.actors, e.evidence, e.start, e."end", e.cluster')


def _to_event(row: tuple) -> tuple[str, str, Event, int | None]:
    (ev_id, art_id, typ, status, dt, prec, dsource, pid, pname, pkind, country, lat, lon, actors, evidence,
     start, end, cluster) = row
    mention = None
    if pid:
        place = Place(id=pid, name=pname or "", kind=pkind or "other", country=country,
                      lat=lat if lat is not None else 0.0, lon=lon if lon is not None else 0.0)
        mention = PlaceMention(surface="", start=0, end=0, place=place, how="stored")
    ev = Event(type=typ, status=status, evidence=evidence, start=start, end=end, date=dt, date_precision=prec,
               date_source=dsource or "text", place=mention, country=country, actors=tuple(actors or ()))
    return ev_id, art_id, ev, cluster


CHUNK_EVENTS = 2000  # new events matched at once: bounds the memory one match takes
CHUNK_DAYS = 14  # days a chunk's dates may span: bounds the stored events fetched as candidates


def _chunks(rows: list[tuple]) -> list[list[tuple]]:
    """New events in date order, cut into runs of at most CHUNK_EVENTS spanning at most CHUNK_DAYS
    (undated ones together). A later run's candidates include the earlier runs' events, numbered
    by then, so cutting never keeps two reports of one event apart."""
    out: list[list[tuple]] = []
    first = None
    for row in rows:
        day = row[-1]
        if not out or len(out[-1]) >= CHUNK_EVENTS or (day is None) != (first is None) or (
                day is not None and (day - first).days > CHUNK_DAYS):
            out.append([])
            first = day
        out[-1].append(row)
    return out


def assign_clusters(con: duckdb.DuckDBPyConnection) -> None:
    """Number every event that has no number yet (those of the write being committed)."""
    new_rows = con.execute(f"SELECT {_COLUMNS}, e.day_from FROM events e WHERE e.cluster IS NULL "
                           "ORDER BY e.day_from NULLS FIRST, e.id").fetchall()
    if not new_rows:
        return
    next_number = (con.execute("SELECT max(cluster) FROM events").fetchone()[0] or -1) + 1
    for chunk in _chunks(new_rows):
        next_number = _assign_chunk(con, [row[:-1] for row in chunk], next_number)


def _assign_chunk(con: duckdb.DuckDBPyConnection, new_rows: list[tuple], next_number: int) -> int:
    keys = pa.table({"id": [r[0] for r in new_rows]})  # noqa: F841
    # Stored events that could be the same happening as a new one.
    candidates = con.execute(f"""
        WITH n AS (SELECT DISTINCT type, day_from, day_to, country FROM events WHERE id IN (SELECT id FROM keys))
        SELECT DISTINCT {_COLUMNS} FROM events e JOIN n ON e.type = n.type
        WHERE e.cluster IS NOT NULL AND (
            (n.day_from IS NOT NULL AND e.day_from IS NOT NULL
             AND e.day_from <= n.day_to + 1 AND e.day_to >= n.day_from - 1)
            OR ((n.day_from IS NULL OR e.day_from IS NULL) AND e.country IS NOT DISTINCT FROM n.country))
        ORDER BY e.id""").fetchall()
    old = [_to_event(r) for r in candidates]
    new = [_to_event(r) for r in sorted(new_rows)]
    numbers = cluster_events([(art, ev) for _, art, ev, _ in old + new])

    existing_of_group: dict[int, int] = {}
    for (_, _, _, stored), group in zip(old, numbers):
        existing_of_group[group] = min(stored, existing_of_group.get(group, stored))
    ids, clusters = [], []
    fresh: dict[int, int] = {}
    for (ev_id, _, _, _), group in zip(new, numbers[len(old):]):
        if group in existing_of_group:
            number = existing_of_group[group]
        else:
            if group not in fresh:
                fresh[group] = next_number
                next_number += 1
            number = fresh[group]
        ids.append(ev_id)
        clusters.append(number)
    mapping = pa.table({"id": ids, "cluster": pa.array(clusters, pa.int32())})  # noqa: F841
    con.execute("UPDATE events SET cluster = mapping.cluster FROM mapping WHERE events.id = mapping.id")
    return next_number
