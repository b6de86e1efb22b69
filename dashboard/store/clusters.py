"""Give every stored event a cluster number: reports of one real-world event share it."""
from __future__ import annotations

import importlib.util

import duckdb
import pyarrow as pa

from dashboard.records import Event, Place, PlaceMention


def _events_for_clustering(con: duckdb.DuckDBPyConnection) -> tuple[list[str], list[tuple[str, Event]]]:
    rows = con.execute(
        'SELECT id, article_id, type, status, date, date_precision, place_id, place_name, place_kind, '
        'country, lat, lon, actors, evidence, start, "end" FROM events ORDER BY id'
    ).fetchall()
    ids: list[str] = []
    items: list[tuple[str, Event]] = []
    for (ev_id, art_id, typ, status, dt, prec, pid, pname, pkind, country, lat, lon, actors, evidence,
         start, end) in rows:
        mention = None
        if pid:
            place = Place(id=pid, name=pname or "", kind=pkind or "other", country=country,
                          lat=lat or 0.0, lon=lon or 0.0)
            mention = PlaceMention(surface="", start=0, end=0, place=place, how="stored")
        ev = Event(type=typ, status=status, evidence=evidence, start=start, end=end, date=dt,
                   date_precision=prec, place=mention, country=country, actors=tuple(actors or ()))
        ids.append(ev_id)
        items.append((art_id, ev))
    return ids, items


def assign_clusters(con: duckdb.DuckDBPyConnection) -> None:
    ids, items = _events_for_clustering(con)
    if not ids:
        return
    if importlib.util.find_spec("dashboard.pipeline.dedupe") is not None:
        from dashboard.pipeline.dedupe import cluster_events

        clusters = cluster_events(items)
    else:  # until cross-article matching exists, each report is its own event
        clusters = list(range(len(ids)))
    mapping = pa.table({"id": ids, "cluster": [int(c) for c in clusters]})  # noqa: F841
    con.execute("UPDATE events SET cluster = mapping.cluster FROM mapping WHERE events.id = mapping.id")
