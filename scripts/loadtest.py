"""Load test: concurrent browser sessions against the real app on a large synthetic store.

    python scripts/loadtest.py                      # 20 sessions, ~100k events, 3 Chromium processes
    python scripts/loadtest.py --db /tmp/lt.duckdb  # reuse (or build once into) that store
    python scripts/loadtest.py --sessions 2 --events 3000 --views 3   # a quick smoke run

The store is SYNTHETIC (dashboard.bench.synthetic: generated articles run through the real
pipeline once, then replicated with new identities and shifted dates), clearly not real news.
The app runs with `streamlit run` on 127.0.0.1 only; every browser request to any other host is
aborted (the basemap tiles too), so the figures measure this server and nothing else.

Each session is its own browser context (its own Streamlit session), spread over a few Chromium
processes. It opens the page and applies a sequence of filters, some through the page address
and some by typing in the search box (alternately), and each view counts as done when the headline counts equal
the counts the store gives for that filter, no element is stale and the "running" status is gone.
An error is a timed-out view, a wrong count, an uncaught exception in the page or a Streamlit
error box. Prints sessions, views, errors, median and p95 view times; writes the same as JSON.
Bounded: a fixed number of views per session, a timeout per view and for the whole run.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dashboard.records import Filters  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
HOST = "127.0.0.1"


# -- the store -------------------------------------------------------------------------------------

def event_count(db: Path) -> int:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT count(*) FROM events").fetchone()[0]
    finally:
        con.close()


def ensure_store(db: Path, events: int) -> dict:
    """Reuse `db` if it has at least `events` events, else build it from synthetic articles."""
    if db.exists():
        n = event_count(db)
        if n >= events:
            return {"path": str(db), "events": n, "built": False, "synthetic": True}
    from dashboard.bench.run import build_store, processed_pool

    t0 = time.perf_counter()
    pool = processed_pool(min(2000, max(50, events // 4)))
    per_article = max(sum(len(a.events) for a in pool) / len(pool), 0.1)
    info = build_store(db, math.ceil(events / per_article * 1.01), pool)
    return {"path": str(db), "events": info["events"], "articles": info["articles"], "built": True,
            "build_seconds": round(time.perf_counter() - t0, 1), "synthetic": True}


SEARCH_TERMS = ("frontière", "الرباط")


@dataclass(frozen=True)
class View:
    name: str
    filters: Filters


def plan_views(db: Path) -> list[View]:
    """Filter views built from what the store holds, so each one shows a real, non-empty subset."""
    from dashboard.store import StoreReader
    from dashboard.store import queries as q

    reader = StoreReader(db)
    cur = reader.cursor()
    facets = q.facet_options(cur, Filters())
    lo, hi = q.store_date_bounds(cur)
    reader.close()

    def top(facet: str, n: int) -> tuple[str, ...]:
        df = facets[facet]
        return tuple(df.sort_values(df.columns[1], ascending=False)["value"].head(n))

    countries, types, actors, langs = top("countries", 3), top("event_types", 3), top("actors", 2), top("languages", 2)
    views = [
        View("everything", Filters()),
        View("one country", Filters(countries=countries[:1])),
        View("two countries, one type", Filters(countries=countries[1:3], event_types=types[:1])),
        View("event types", Filters(event_types=types)),
        View("an actor", Filters(actors=actors[:1])),
        View("one language", Filters(languages=langs[:1])),
    ]
    if hi is not None:
        year = date(hi.year - 1, 1, 1)
        views += [View("one year", Filters(date_from=year, date_to=year + timedelta(days=364))),
                  View("a quarter in one country", Filters(countries=countries[:1], date_from=year,
                                                           date_to=year + timedelta(days=90)))]
    return views


def steps_for(session: int, views: list[View], n: int) -> list[tuple[View, str]]:
    """A session's steps: (view, search term). Even steps open a view's address; odd steps type a
    search term into the search box of the view on screen."""
    steps, current = [], views[session % len(views)]
    for k in range(n):
        if k % 2 == 0:
            current = views[(session + k // 2) % len(views)]
            steps.append((current, ""))
        else:
            steps.append((current, SEARCH_TERMS[(session + k // 2) % len(SEARCH_TERMS)]))
    return steps


def expected_counts(db: Path, views: list[View]) -> dict[tuple[str, str], list[str]]:
    """The headline counts each (view, search) must show, straight from the store (distinct events first)."""
    from dashboard.store import StoreReader
    from dashboard.store import queries as q

    reader = StoreReader(db)
    out = {}
    for v in views:
        for term in ("", *SEARCH_TERMS):
            c = q.headline_counts(reader.cursor(), replace(v.filters, search=term))
            out[(v.name, term)] = [f"{c.distinct_events:,}", f"{c.articles:,}", f"{c.places:,}", f"{c.countries:,}"]
    reader.close()
    return out


# -- the server ------------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def start_server(db: Path, log: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = dict(os.environ, DASHBOARD_DB=str(db), STREAMLIT_BROWSER_GATHER_USAGE_STATS="false")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard" / "app.py"), "--server.port", str(port),
         "--server.address", HOST, "--server.headless", "true", "--browser.gatherUsageStats", "false",
         "--server.fileWatcherType", "none", "--server.runOnSave", "false"],
        cwd=ROOT, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT)
    url = f"http://{HOST}:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the app exited with code {proc.returncode}; see {log}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as resp:
                if resp.status == 200:
                    return proc, url
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError("the app did not answer its health check within 90 s")


def peak_rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return None


# -- the sessions ----------------------------------------------------------------------------------

READY_JS = """exp => {
  if (document.querySelector('[data-testid="stStatusWidget"]')) return false;
  if (document.querySelector('[data-stale="true"]')) return false;
  const got = [...document.querySelectorAll('[data-testid="stMetricValue"]')].map(e => e.innerText.trim());
  return JSON.stringify(got) === JSON.stringify(exp);
}"""
ERROR_BOXES = '[data-testid="stException"], [data-testid="stAlertContentError"]'


def local_only(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("data", "blob", "about") or parts.hostname == HOST


async def run_session(i: int, browser, base: str, views: list[View], expected: dict, n_views: int,
                      view_timeout_s: float) -> dict:
    from dashboard.ui.urlstate import ViewState, to_params

    ms = view_timeout_s * 1000
    context = await browser.new_context(viewport={"width": 1400, "height": 1600}, locale="en-GB")
    await context.route(lambda url: not local_only(url), lambda route: route.abort())
    page = await context.new_page()
    page_errors: list[str] = []
    page.on("pageerror", lambda exc: page_errors.append(str(exc)[:300]))
    records = []
    try:
        for view, term in steps_for(i, views, n_views):
            how = "search" if term else "address"
            rec = {"session": i, "view": view.name, "search": term, "how": how, "ok": False}
            want = expected[(view.name, term)]
            t0 = time.perf_counter()
            try:
                if term:
                    box = page.locator('[data-testid="stSidebar"] [data-testid="stTextInput"] input')
                    await box.fill(term, timeout=ms)
                    await box.press("Enter", timeout=ms)
                    await page.wait_for_function("() => location.search.includes('q=')", timeout=ms)
                else:
                    await page.goto(f"{base}/?{urlencode(to_params(ViewState(filters=view.filters)))}", timeout=ms)
                await page.wait_for_function(READY_JS, arg=want, timeout=ms)
                rec["seconds"] = round(time.perf_counter() - t0, 3)
                boxes = await page.locator(ERROR_BOXES).count()
                if boxes:
                    rec["error"] = f"{boxes} Streamlit error box(es) on the page"
                elif page_errors:
                    rec["error"] = "exception in the page: " + page_errors.pop(0)
                else:
                    rec["ok"] = True
            except Exception as exc:  # noqa: BLE001 - a timed-out or broken view is a recorded error
                rec["seconds"] = round(time.perf_counter() - t0, 3)
                got = await page.locator('[data-testid="stMetricValue"]').all_inner_texts()
                rec["error"] = (f"{exc.__class__.__name__}: {str(exc).splitlines()[0][:200]} "
                                f"(counts shown: {got}, expected {want})")
            records.append(rec)
    finally:
        await context.close()
    return {"session": i, "views": records}


async def run_all(base: str, views: list[View], expected: dict, sessions: int, browsers: int,
                  n_views: int, view_timeout_s: float, max_seconds: float) -> list[dict]:
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        procs = [await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS) for _ in range(browsers)]
        try:
            tasks = [run_session(i, procs[i % browsers], base, views, expected, n_views, view_timeout_s)
                     for i in range(sessions)]
            return await asyncio.wait_for(asyncio.gather(*tasks), timeout=max_seconds)
        finally:
            for b in procs:
                await b.close()


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = min(len(ordered) - 1, max(0, math.ceil(p * len(ordered)) - 1))
    return ordered[k]


def summarise(results: list[dict]) -> dict:
    views = [v for r in results for v in r["views"]]
    ok = [v["seconds"] for v in views if v["ok"]]
    by_how = {}
    for how in ("address", "search"):
        times = [v["seconds"] for v in views if v["ok"] and v["how"] == how]
        if times:
            by_how[how] = {"views": len(times), "median_s": round(statistics.median(times), 2),
                           "p95_s": round(percentile(times, 0.95), 2)}
    return {"sessions": len(results), "views": len(views), "errors": sum(not v["ok"] for v in views),
            "median_s": round(statistics.median(ok), 2) if ok else None,
            "p95_s": round(percentile(ok, 0.95), 2) if ok else None,
            "max_s": round(max(ok), 2) if ok else None, "by_how": by_how,
            "error_details": [f"session {v['session']} {v['view']}: {v['error']}" for v in views if not v["ok"]][:20]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, default=None, help="store to reuse, or to build once (default: a temp file)")
    ap.add_argument("--events", type=int, default=100_000, help="at least this many events (synthetic)")
    ap.add_argument("--sessions", type=int, default=20)
    ap.add_argument("--browsers", type=int, default=3, help="Chromium processes the sessions are spread over")
    ap.add_argument("--views", type=int, default=6, help="filter views per session")
    ap.add_argument("--view-timeout", type=float, default=180.0, help="seconds before a view counts as failed")
    ap.add_argument("--max-seconds", type=float, default=1200.0, help="bound on the whole browser phase")
    ap.add_argument("--json", type=Path, default=Path("loadtest-results.json"))
    args = ap.parse_args(argv)
    if not 1 <= args.sessions <= 50 or not 1 <= args.browsers <= 4 or not 1 <= args.views <= 20:
        ap.error("bounds: 1-50 sessions, 1-4 browsers, 1-20 views")
    if not Path(CHROMIUM).exists():
        print(f"No Chromium at {CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH).", file=sys.stderr)
        return 2

    workdir = Path(tempfile.mkdtemp(prefix="dashboard-loadtest-"))
    db = args.db or workdir / "loadtest.duckdb"
    store = ensure_store(db, args.events)
    print(f"store: {store['events']:,} events (synthetic) at {db}" + (" (built)" if store["built"] else ""), flush=True)
    views = plan_views(db)
    expected = expected_counts(db, views)
    server, base = start_server(db, workdir / "server.log")
    try:
        t0 = time.perf_counter()
        results = asyncio.run(run_all(base, views, expected, args.sessions, args.browsers, args.views,
                                      args.view_timeout, args.max_seconds))
        wall = time.perf_counter() - t0
        rss = peak_rss_mb(server.pid)
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    summary = summarise(results)
    summary.update({"store": store, "browsers": args.browsers, "views_per_session": args.views,
                    "wall_seconds": round(wall, 1), "server_peak_rss_mb": rss, "cores": os.cpu_count(),
                    "view_names": [v.name for v in views]})
    args.json.write_text(json.dumps({"summary": summary, "sessions": results}, indent=1, ensure_ascii=False))
    print(f"sessions {summary['sessions']}, views {summary['views']}, errors {summary['errors']}, "
          f"median {summary['median_s']} s, p95 {summary['p95_s']} s, max {summary['max_s']} s, "
          f"wall {summary['wall_seconds']} s, server peak RSS {rss} MB")
    for line in summary["error_details"]:
        print("  error:", line)
    print(f"Figures written to {args.json}")
    return 0 if summary["errors"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
