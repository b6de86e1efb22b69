"""Figures for the app at a million events: query times, bytes sent, the server's peak memory."""
from __future__ import annotations

import math
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from datetime import date
from pathlib import Path

from dashboard.records import Filters

ONE_MILLION = 1_000_000
ROOT = Path(__file__).resolve().parent.parent.parent

# Typical filter changes a user makes, as the app would send them to the store.
TYPICAL_FILTERS: list[tuple[str, Filters]] = [
    ("everything", Filters()),
    ("one year", Filters(date_from=date(2022, 1, 1), date_to=date(2022, 12, 31))),
    ("one country", Filters(countries=("MA",))),
    ("two countries, one type", Filters(countries=("DZ", "TN"), event_types=("visit",))),
    ("event types", Filters(event_types=("agreement", "exercise", "arms_transfer"))),
    ("an actor", Filters(actors=("Nasser Bourita",))),
    ("French articles", Filters(languages=("fr",))),
    ("a quarter in one country", Filters(date_from=date(2021, 4, 1), date_to=date(2021, 6, 30), countries=("ML",))),
    ("a place", Filters(places=("gn:2538475",))),
    ("text search", Filters(search="الرباط")),
]


def _event_count(db: Path) -> int:
    from dashboard.store import StoreReader

    reader = StoreReader(db)
    try:
        return reader.event_count()
    finally:
        reader.close()


def million_event_store(workdir: Path, stores: dict[int, Path]) -> Path:
    """A store with a million events, give or take a few percent (reusing one the store
    benchmark built if it is that size: a bigger one would measure something else)."""
    from dashboard.bench.run import build_store, processed_pool

    def right_size(db: Path) -> bool:
        return db.exists() and ONE_MILLION <= _event_count(db) <= 1.2 * ONE_MILLION

    for db in stores.values():
        if right_size(db):
            return db
    target = workdir / "bench-1M-events.duckdb"
    if right_size(target):
        return target
    pool = processed_pool()
    per_article = sum(len(a.events) for a in pool) / len(pool)
    build_store(target, math.ceil(ONE_MILLION / per_article * 1.01), pool)
    return target


def _percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = min(len(ordered) - 1, max(0, math.ceil(p * len(ordered)) - 1))
    return ordered[k]


def one_view(reader, f: Filters, timings: dict[str, list[float]] | None = None) -> dict:
    """Every store query one rerun of the page makes for a view (a cursor each, as the app does)."""
    from dashboard.store import queries as q

    def run(name: str, fn, *args):
        t0 = time.perf_counter()
        result = fn(reader.cursor(), f, *args)
        if timings is not None:
            timings.setdefault(name, []).append((time.perf_counter() - t0) * 1000)
        return result

    out = {"counts": run("headline_counts", q.headline_counts), "places": run("map_places", q.map_places),
           "arcs": run("country_arcs", q.country_arcs)}
    extent = run("date_extent", q.date_extent)
    out["bin"] = q.choose_bin(extent.lo, extent.hi)
    out["timeline"] = run("timeline", q.timeline, out["bin"], extent.cutoff)
    out["events"] = run("events_page", q.events_page)
    out["facets"] = run("facet_options", q.facet_options)
    return out


def bench_queries(db: Path, runs: int = 5) -> dict:
    """Each store query the app runs, for each typical filter change: median and p95 in ms.

    A text search is timed apart: its first query reads every article's text once (later
    queries of the view reuse the matches), so it is reported as its own figure."""
    from dashboard.store import StoreReader
    from dashboard.store import queries as q

    reader = StoreReader(db)
    one_view(reader, Filters())  # warm
    per_query: dict[str, list[float]] = {}
    per_view: dict[str, list[float]] = {name: [] for name, _ in TYPICAL_FILTERS}
    search_first: list[float] = []
    for _ in range(runs):
        for name, f in TYPICAL_FILTERS:
            if f.search:
                q._SEARCH_CACHE.clear()  # measure the cold search each run
                cur = reader.cursor()
                groups = q.search_groups(cur, f.search)  # names widened to their other spellings
                t0 = time.perf_counter()
                q.matching_articles(cur, groups)
                search_first.append((time.perf_counter() - t0) * 1000)
            t0 = time.perf_counter()
            one_view(reader, f, per_query)
            per_view[name].append((time.perf_counter() - t0) * 1000)
    every = [v for values in per_query.values() for v in values]
    views = [v for values in per_view.values() for v in values]
    reader.close()

    def summary(values: list[float]) -> dict:
        return {"median": round(statistics.median(values), 1), "p95": round(_percentile(values, 0.95), 1)}

    return {
        "events": _event_count(db), "views": len(TYPICAL_FILTERS), "runs": runs,
        "each_query_ms": summary(every),
        "per_query_ms": {name: summary(v) for name, v in per_query.items()},
        "all_queries_of_a_view_ms": summary(views),
        "per_view_ms": {name: summary(v) for name, v in per_view.items()},
        "text_search_scan_ms": summary(search_first),
    }


def payload_sizes(db: Path) -> dict:
    """Bytes the map and the timeline send to the browser for each typical view."""
    from dashboard.store import StoreReader
    from dashboard.ui.deck import build_deck
    from dashboard.ui.timeline import build_timeline

    reader = StoreReader(db)
    maps, timelines = {}, {}
    for name, f in TYPICAL_FILTERS:
        view = one_view(reader, f)
        maps[name] = len(build_deck(view["places"], view["arcs"], "en", show_heat=True).to_json().encode())
        timelines[name] = len(build_timeline(view["timeline"], "en", view["bin"]).to_json().encode())
    reader.close()
    return {"map_bytes_max": max(maps.values()), "timeline_bytes_max": max(timelines.values()),
            "map_bytes": maps, "timeline_bytes": timelines}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def app_peak_memory(db: Path, chromium: str = "/usr/bin/chromium") -> dict:
    """Start the real app on the store, drive it through the typical views in Chromium, and read
    the server process's peak resident memory (VmHWM)."""
    if not Path(chromium).exists():
        return {"skipped": f"no Chromium at {chromium}"}
    from urllib.parse import urlencode

    from playwright.sync_api import sync_playwright

    from dashboard.ui.urlstate import ViewState, to_params

    port = _free_port()
    env = dict(os.environ, DASHBOARD_DB=str(db))
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard" / "app.py"), "--server.port", str(port),
         "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(base + "/_stcore/health", timeout=2)
                break
            except OSError:
                time.sleep(0.3)
        times = []
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=[
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"])
            page = browser.new_page()
            for _name, f in TYPICAL_FILTERS:
                t0 = time.perf_counter()
                page.goto(base + "/?" + urlencode(to_params(ViewState(filters=f))))
                page.wait_for_selector("[data-testid='stMetric']", timeout=120_000)
                page.wait_for_function(
                    "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=120_000)
                times.append(time.perf_counter() - t0)
            browser.close()
        return {"events": _event_count(db), "server_peak_rss_mb": round(_peak_rss_mb(server.pid), 1),
                "page_ready_s_median": round(statistics.median(times), 2)}
    finally:
        server.terminate()
        server.wait(timeout=30)
