"""What the browser loads and draws: the page's first open and a filter change, in real Chromium.

    python benchmarks/bench_page.py                 # sample + 60 synthetic articles, 5 runs
    python benchmarks/bench_page.py --runs 7 --db /tmp/page.duckdb --json page.json
    python benchmarks/bench_page.py --baseline /tmp/base   # against another checkout, same runs

With --baseline DIR (a checkout of an earlier version, e.g. `git archive COMMIT | tar -x -C DIR`),
both apps run on the same store and are measured in alternate runs, so that a busy machine slows
both alike; the ratios are printed.

Starts the app (`streamlit run`) on 127.0.0.1 on a store of the sample articles plus SYNTHETIC
ones (dashboard.bench.page_store), then, for each run, opens the page in a fresh browser context
(empty cache) at 1400x1000 and measures:

- first open: from the navigation to the page being drawn: the headline counts shown, the map's
  canvas in place, the script run over (no "running" widget) and no element left stale;
- bytes: what the browser received for that open (HTTP bodies and headers, as Chromium counts
  them, plus the websocket messages carrying the page), and the largest files;
- filter change: from pressing Enter in the search box to the new view drawn the same way.

Requests to any other host (the basemap tiles) are aborted, so the figures measure this app and
nothing else. The first run warms the server's caches and is not counted; medians of the others
are printed. Times depend on the machine (2 shared cores here): compare figures from one run of
this script against figures from another run on the same machine, at the same time of day.
"""
from __future__ import annotations

import argparse
import base64
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHROMIUM = os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
HOST = "127.0.0.1"
VIEWPORT = {"width": 1400, "height": 1000}
SEARCH = "Tunis"
TIMEOUT_MS = 120_000

# The page is drawn when the headline counts show the new view, the map's canvas is in place,
# the script run is over (no "running" widget) and no element is stale, and this has held for
# QUIET_MS (Streamlit shows its "running" widget only after a short delay, so an earlier moment
# can be mid-run). The time reported is when it began to hold. deck.gl keeps touching its own
# element while it draws, so DOM changes are not what is watched.
QUIET_MS = 800
DRAWN_JS = """([before, quiet]) => {
  const now = performance.now();
  const got = [...document.querySelectorAll('[data-testid="stMetricValue"]')].map(e => e.innerText.trim());
  const ok = !document.querySelector('[data-testid="stStatusWidget"]')
    && !document.querySelector('[data-stale="true"]')
    && !!document.querySelector('[data-testid="stDeckGlJsonChart"] canvas')
    && got.length > 0 && JSON.stringify(got) !== before;
  if (!ok) { window.__drawnSince = undefined; return false; }
  if (window.__drawnSince === undefined) window.__drawnSince = now;
  return now - window.__drawnSince > quiet;
}"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def start_server(db: Path, log: Path, root: Path = ROOT) -> tuple[subprocess.Popen, str]:
    """`streamlit run` of the app in the checkout `root` (its own code and .streamlit settings)."""
    port = free_port()
    env = dict(os.environ, DASHBOARD_DB=str(db), STREAMLIT_BROWSER_GATHER_USAGE_STATS="false",
               PYTHONPATH=str(root))
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(root / "dashboard" / "app.py"), "--server.port", str(port),
         "--server.address", HOST, "--server.headless", "true", "--browser.gatherUsageStats", "false",
         "--server.fileWatcherType", "none", "--server.runOnSave", "false"],
        cwd=root, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT)
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


class Traffic:
    """Bytes Chromium received, per request (CDP Network events) and over the websocket."""

    def __init__(self, context, page):
        self.urls: dict[str, str] = {}
        self.http: dict[str, int] = {}
        self.ws = 0
        cdp = context.new_cdp_session(page)
        cdp.on("Network.requestWillBeSent", lambda e: self.urls.__setitem__(e["requestId"], e["request"]["url"]))
        cdp.on("Network.loadingFinished", self._finished)
        cdp.on("Network.webSocketFrameReceived", self._frame)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": False})

    def _finished(self, e: dict) -> None:
        self.http[e["requestId"]] = int(e.get("encodedDataLength") or 0)

    def _frame(self, e: dict) -> None:
        resp = e.get("response") or {}
        data = resp.get("payloadData") or ""
        self.ws += len(base64.b64decode(data)) if resp.get("opcode") == 2 else len(data.encode())

    def total(self) -> int:
        return sum(self.http.values()) + self.ws

    def largest(self, n: int = 4) -> list[tuple[str, int]]:
        top = sorted(self.http.items(), key=lambda kv: -kv[1])[:n]
        return [(urlsplit(self.urls.get(k, "?")).path.rsplit("/", 1)[-1], v) for k, v in top]

    def reset(self) -> None:
        self.http.clear()
        self.ws = 0


def one_run(browser, url: str) -> dict:
    context = browser.new_context(viewport=VIEWPORT, locale="en-GB")
    context.route(lambda u: urlsplit(u).hostname not in (HOST, None), lambda route: route.abort())
    page = context.new_page()
    traffic = Traffic(context, page)
    try:
        page.goto(url)
        page.wait_for_function(DRAWN_JS, arg=["[]", QUIET_MS], timeout=TIMEOUT_MS, polling=50)
        first = page.evaluate("() => window.__drawnSince") / 1000  # ms since the navigation began
        first_bytes, largest, ws_first = traffic.total(), traffic.largest(), traffic.ws
        before = json.dumps([v.strip() for v in page.locator('[data-testid="stMetricValue"]').all_inner_texts()],
                            ensure_ascii=False, separators=(",", ":"))
        traffic.reset()
        box = page.get_by_label("Search the articles", exact=True).and_(page.locator("input"))
        box.fill(SEARCH)
        t0 = page.evaluate("() => { window.__drawnSince = undefined; return performance.now(); }")
        box.press("Enter")
        page.wait_for_function(DRAWN_JS, arg=[before, QUIET_MS], timeout=TIMEOUT_MS, polling=50)
        change = (page.evaluate("() => window.__drawnSince") - t0) / 1000
        return {"first_open_s": first, "first_open_bytes": first_bytes, "first_open_ws_bytes": ws_first,
                "largest": largest, "filter_change_s": change, "filter_change_bytes": traffic.total()}
    finally:
        context.close()


def build_store(db: Path, articles: int) -> None:
    from dashboard.bench.page_store import build_page_store

    build_page_store(db, synthetic=articles)


def _series(runs: list[dict], key: str) -> str:
    return ", ".join(f"{r[key]:.2f}" for r in runs)


KEYS = ("first_open_s", "first_open_bytes", "first_open_ws_bytes", "filter_change_s", "filter_change_bytes")


def report(name: str, warm: dict, runs: list[dict]) -> dict:
    med = {k: statistics.median(r[k] for r in runs) for k in KEYS}
    print(f"{name}:")
    print(f"  warm-up run (cold server caches): first open {warm['first_open_s']:.2f} s, "
          f"filter change {warm['filter_change_s']:.2f} s")
    print(f"  first open, median:    {med['first_open_s']:.2f} s  (runs: {_series(runs, 'first_open_s')})")
    print(f"  first open, bytes:     {med['first_open_bytes'] / 1e6:.2f} MB "
          f"(websocket {med['first_open_ws_bytes'] / 1e3:.0f} KB)")
    print("  largest files:        " + ", ".join(f"{n} {b / 1e6:.2f} MB" for n, b in runs[0]["largest"]))
    print(f"  filter change, median: {med['filter_change_s']:.2f} s  (runs: {_series(runs, 'filter_change_s')})")
    print(f"  filter change, bytes:  {med['filter_change_bytes'] / 1e3:.0f} KB")
    return med


def measure(apps: dict[str, Path], db: Path, runs: int, tmp: Path) -> dict[str, tuple[dict, list[dict]]]:
    """One server per app; a warm-up run each, then `runs` rounds, one run of each app a round."""
    from playwright.sync_api import sync_playwright

    servers = {name: start_server(db, tmp / f"{name}.log", root) for name, root in apps.items()}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            warm = {name: one_run(browser, url) for name, (_, url) in servers.items()}
            results: dict[str, list[dict]] = {name: [] for name in apps}
            for _ in range(runs):
                for name, (_, url) in servers.items():
                    results[name].append(one_run(browser, url))
            browser.close()
    finally:
        for proc, _ in servers.values():
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
    return {name: (warm[name], results[name]) for name in apps}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", type=Path, help="store to use (built there if missing)")
    ap.add_argument("--articles", type=int, default=60, help="synthetic articles added to the sample")
    ap.add_argument("--runs", type=int, default=5, help="measured runs (after one warm-up run)")
    ap.add_argument("--baseline", type=Path, help="a checkout of another version, measured in the same runs")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "page.duckdb"
        if not db.exists():
            build_store(db, args.articles)
        apps = {"this version": ROOT} | ({"baseline": args.baseline.resolve()} if args.baseline else {})
        results = measure(apps, db, args.runs, Path(tmp))
    print(f"page benchmark: {args.runs} runs after a warm-up, {VIEWPORT['width']}x{VIEWPORT['height']}, "
          f"Chromium headless, store {db.name}")
    medians = {name: report(name, warm, runs) for name, (warm, runs) in results.items()}
    if args.baseline:
        now, base = medians["this version"], medians["baseline"]
        print(f"this version / baseline: first open {now['first_open_s'] / base['first_open_s']:.2f}x time, "
              f"{now['first_open_bytes'] / base['first_open_bytes']:.2f}x bytes; filter change "
              f"{now['filter_change_s'] / base['filter_change_s']:.2f}x time, "
              f"{now['filter_change_bytes'] / max(base['filter_change_bytes'], 1):.2f}x bytes")
    if args.json:
        args.json.write_text(json.dumps({name: {"median": medians[name], "warm_up": w, "runs": r}
                                         for name, (w, r) in results.items()}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
