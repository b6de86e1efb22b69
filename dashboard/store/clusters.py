"""Give every stored event a cluster number: reports of one real-world event share it.

Incremental: only events without a number yet (the ones a commit adds) are matched, against
themselves and against the stored events that could be the same happening: same type, same lane
(day or month, year, undated), a compatible country, and a date interval that overlaps theirs (found
through weekly buckets, so the join never pairs every event of a type). Matching itself is the
pipeline's `cluster_events`; numbers of existing clusters never change, so a write costs time in
proportion to what it adds and to the reports of its days, not to the size of the store.
"""
from __future__ import annotations

from datetime import date
from typing import cast

import duckdb
import pyarrow as pa

from dashboard.pipeline.dedupe import cluster_events
from dashboard.records import Event, Place, PlaceMention

# An event's columns as `_to_event` reads them, those matching never reads left empty.
_MATCHED = ("e.id, e.article_id, e.type, NULL, e.date, NULL, e.date_source, e.place_id, e.place_name, e.place_kind, "
            "e.country, e.lat, e.lon, e.actors, '', 0, 0, e.cluster")


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


CHUNK_EVENTS = 10000  # new events numbered in one commit (in date order): bounds its memory and time
MAX_SPAN_DAYS = 34  # the longest day interval an event of the day lane covers (a month, one day either side)

# What `dashboard.pipeline.dedupe` compares, in SQL: the lane ("day" for a day or a month, "year",
# "none"), the country key ("*" matches any) and the interval of days the date may stand for
# (days counted from 0001-01-01, as `_days` does in Python).
_LANE = "CASE WHEN length(e.date) >= 7 THEN 'day' WHEN coalesce(e.date, '') <> '' THEN 'year' ELSE 'none' END"
_KEY = ("CASE WHEN e.place_id IS NULL OR e.place_kind = 'region' OR coalesce(e.country, '') = '' THEN '*' "
        "ELSE e.country END")
_PUB = "CASE WHEN length(e.date) >= 10 AND e.date_source = 'publication' THEN 1 ELSE 0 END"
_LO = f"((e.day_from - DATE '0001-01-01') - CASE WHEN length(e.date) >= 10 THEN {_PUB} ELSE 1 END)"
_HI = f"((e.day_to - DATE '0001-01-01') + CASE WHEN length(e.date) >= 10 THEN {_PUB} ELSE 1 END)"
_COMPATIBLE = f"({_KEY} = q.k OR {_KEY} = '*' OR q.k = '*')"
# Candidates with the same fields for matching and the same cluster are one candidate (a big store
# holds many reports of one event): the first by id stands for them.
_FIELDS = ("e.id, e.article_id, e.type, e.date, e.date_source, e.place_id, e.place_name, e.place_kind, e.country, "
           "e.lat, e.lon, e.actors, e.cluster")
_CANDIDATES = f"""
WITH m AS (
    SELECT {_FIELDS} FROM events e JOIN day_keys q ON e.type = q.type AND {_LO} // 7 = q.b
    WHERE e.cluster IS NOT NULL AND length(e.date) >= 7 AND {_LO} <= q.hi AND {_HI} >= q.lo AND {_COMPATIBLE}
    UNION
    SELECT {_FIELDS} FROM events e JOIN other_keys q ON e.type = q.type AND {_LANE} = q.lane
        AND coalesce(year(e.day_from), 0) = q.y
    WHERE e.cluster IS NOT NULL AND {_COMPATIBLE})
SELECT min(id), arg_min(article_id, id), type, NULL, date, NULL, date_source, place_id, any_value(place_name),
       place_kind, country, lat, lon, actors, '', 0, 0, cluster
FROM m GROUP BY type, date, date_source, place_id, place_kind, country, lat, lon, actors, cluster ORDER BY 1"""


def _days(day: date) -> int:
    return day.toordinal() - 1


def _match_keys(rows: list[tuple]) -> tuple[pa.Table, pa.Table]:
    """What the candidates of these new events must share with them (see `_CANDIDATES`): for the
    day lane, each weekly bucket a candidate's interval may start in; for the others, the year."""
    day: dict[str, list] = {"type": [], "k": [], "lo": [], "hi": [], "b": []}
    other: dict[str, list] = {"type": [], "lane": [], "k": [], "y": []}
    seen: set[tuple] = set()
    for row in rows:
        typ, dt, dsource, pid, pkind, country = row[2], row[4], row[6], row[7], row[9], row[10]
        day_from, day_to = row[-2], row[-1]
        k = "*" if pid is None or pkind == "region" or not country else country
        if dt and len(dt) >= 7:
            if day_from is not None:
                _add_day_keys(day, seen, typ, k, _padded_days(dt, dsource, day_from, day_to))
        elif (typ, dt, k) not in seen:
            seen.add((typ, dt, k))
            _append_row(other, (typ, "year" if dt else "none", k, day_from.year if day_from else 0))
    schema_day = pa.schema([("type", pa.string()), ("k", pa.string()), ("lo", pa.int64()), ("hi", pa.int64()),
                            ("b", pa.int64())])
    schema_other = pa.schema([("type", pa.string()), ("lane", pa.string()), ("k", pa.string()), ("y", pa.int64())])
    return pa.table(day, schema=schema_day), pa.table(other, schema=schema_other)


def _padded_days(dt: str, dsource: str | None, day_from: date, day_to: date) -> tuple[int, int]:
    """An event's interval in day numbers, a day wider either side unless it is a day the text
    gave (a publication day may be the day before or after the event's)."""
    pad = (1 if dsource == "publication" else 0) if len(dt) >= 10 else 1
    return _days(day_from) - pad, _days(day_to) + pad


def _add_day_keys(day: dict[str, list], seen: set[tuple], typ: str, k: str, interval: tuple[int, int]) -> None:
    """The day-lane keys of one interval: each weekly bucket a matching interval may start in."""
    lo, hi = interval
    for b in range((lo - MAX_SPAN_DAYS) // 7, hi // 7 + 1):
        if (typ, k, lo, hi, b) not in seen:
            seen.add((typ, k, lo, hi, b))
            _append_row(day, (typ, k, lo, hi, b))


def _append_row(columns: dict[str, list], values: tuple) -> None:
    for col, v in zip(columns, values):
        columns[col].append(v)


def number_next_chunk(con: duckdb.DuckDBPyConnection) -> int:
    """Number the first CHUNK_EVENTS events without a cluster number, in date order (undated first);
    returns how many were numbered (0: none was left). Called until it returns 0, each call in a
    commit of its own, so readers never wait long: in date order, the stored events a chunk is
    compared with are those of its own few days, so each call costs about the same."""
    new_rows = con.execute(  # (only what matching reads: the evidence sentences would fill the sort's memory)
        f"""SELECT {_MATCHED}, e.day_from, e.day_to FROM events e WHERE e.cluster IS NULL
            ORDER BY e.day_from NULLS FIRST, e.id LIMIT ?""", [CHUNK_EVENTS]).fetchall()
    if new_rows:
        next_number = (cast(tuple, con.execute("SELECT max(cluster) FROM events").fetchone())[0] or -1) + 1
        _assign_chunk(con, new_rows, next_number)
    return len(new_rows)


def assign_clusters(con: duckdb.DuckDBPyConnection) -> None:
    """Number every event that has no number yet, in one transaction (tests, small writes)."""
    while number_next_chunk(con):
        pass


def _assign_chunk(con: duckdb.DuckDBPyConnection, new_rows: list[tuple], next_number: int) -> int:
    day_keys, other_keys = _match_keys(new_rows)  # noqa: RUF059 - read by the SQL by their names
    old = [_to_event(r) for r in con.execute(_CANDIDATES).fetchall()]
    new = [_to_event(r[:-2]) for r in sorted(new_rows)]
    numbers = cluster_events([(art, ev) for _, art, ev, _ in old + new])

    existing_of_group: dict[int, int] = {}
    for (_, _, _, stored), group in zip(old, numbers):
        assert stored is not None  # the candidates are numbered events
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
