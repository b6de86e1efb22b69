"""Load test at the protocol level: 20 concurrent sessions without 20 browsers.

    python scripts/loadtest_protocol.py --db /tmp/lt100k.duckdb      # 20 sessions, ~100k events

`scripts/loadtest.py` drives real Chromium tabs, which on a small machine mostly measures the
browsers (they share the cores with the server). This script speaks Streamlit's own websocket
protocol, as the browser's front end does: each view opens a session with the view's page
address (a shared link), asks the server to run the page, and waits for "script finished". The
server does all its real work (every query, every chart and map built and sent); only the
drawing in a browser is left out. Response time = from the request to the finished run.

An error is a run that raised (an exception element sent to the page), a page that shows an
error box, a closed connection or a time-out. Only 127.0.0.1; bounded in count and time.
Store, views and server come from `scripts/loadtest.py` (synthetic store, clearly labelled).
"""
from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import loadtest  # noqa: E402  (store, views and server helpers)

VIEW_TIMEOUT = 120.0


async def one_view(ws_url: str, query: str, expected: list[str] | None = None) -> tuple[float, str | None]:
    """Open a session on `query`, run the page once; (seconds, error or None). With `expected`,
    the headline counts the page sends must be those (events, articles, places, countries)."""
    import websockets
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    t0 = time.perf_counter()
    try:
        async with websockets.connect(ws_url, subprotocols=["streamlit"], max_size=64 * 2**20,
                                      open_timeout=VIEW_TIMEOUT) as ws:
            msg = BackMsg()
            msg.rerun_script.query_string = query
            msg.rerun_script.page_script_hash = ""
            await ws.send(msg.SerializeToString())
            error = None
            metrics: list[str] = []
            while True:
                raw = await asyncio.wait_for(ws.recv(), timeout=VIEW_TIMEOUT)
                fwd = ForwardMsg()
                fwd.ParseFromString(raw)
                kind = fwd.WhichOneof("type")
                if kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
                    element = fwd.delta.new_element.WhichOneof("type")
                    if element == "metric":
                        metrics.append(fwd.delta.new_element.metric.body)
                    elif element == "exception":
                        error = "exception: " + fwd.delta.new_element.exception.message[:200]
                    elif element == "alert" and fwd.delta.new_element.alert.format == 1:  # ERROR
                        error = "error box: " + fwd.delta.new_element.alert.body[:200]
                elif kind == "script_finished":
                    if error is None and expected is not None and metrics[:4] != expected:
                        error = f"wrong counts: {metrics[:4]} instead of {expected}"
                    return time.perf_counter() - t0, error
    except (asyncio.TimeoutError, OSError) as exc:
        return time.perf_counter() - t0, f"{exc.__class__.__name__}: {exc}"[:200]
    except Exception as exc:  # noqa: BLE001 - any protocol failure is an error of the run
        return time.perf_counter() - t0, f"{exc.__class__.__name__}: {exc}"[:200]


async def session(i: int, ws_url: str, views: list, n_views: int, expected: dict) -> list[dict]:
    from dashboard.ui.urlstate import ViewState, to_params

    out = []
    for k in range(n_views):
        view = views[(i + k) % len(views)]
        term = loadtest.SEARCH_TERMS[(i + k) % len(loadtest.SEARCH_TERMS)] if k % 2 else ""
        filters = view.filters if not term else type(view.filters)(**{**view.filters.__dict__, "search": term})
        query = urlencode(to_params(ViewState(filters=filters)))
        seconds, error = await one_view(ws_url, query, expected[(view.name, term)])
        out.append({"session": i, "view": view.name, "search": term, "seconds": round(seconds, 3), "error": error})
    return out


async def run(ws_url: str, views: list, sessions: int, n_views: int, expected: dict) -> list[dict]:
    results = await asyncio.gather(*(session(i, ws_url, views, n_views, expected) for i in range(sessions)))
    return [r for rs in results for r in rs]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, default=Path("/tmp/dashboard-loadtest.duckdb"))
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--sessions", type=int, default=20)
    ap.add_argument("--views", type=int, default=6, help="views per session")
    ap.add_argument("--json", type=Path, default=Path("loadtest-protocol.json"))
    args = ap.parse_args(argv)

    store = loadtest.ensure_store(args.db, args.events)
    views = loadtest.plan_views(args.db)
    expected = loadtest.expected_counts(args.db, views)
    log = args.json.with_suffix(".server.log")
    server, url = loadtest.start_server(args.db, log)
    ws_url = url.replace("http://", "ws://") + "/_stcore/stream"
    try:
        asyncio.run(one_view(ws_url, ""))  # first run: caches warm, like a deployed app
        t0 = time.perf_counter()
        results = asyncio.run(run(ws_url, views, args.sessions, args.views, expected))
        wall = time.perf_counter() - t0
        peak = loadtest.peak_rss_mb(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)
    times = [r["seconds"] for r in results]
    errors = [r for r in results if r["error"]]
    summary = {"store": store, "sessions": args.sessions, "views": len(results), "errors": len(errors),
               "median_s": round(statistics.median(times), 3), "p95_s": round(loadtest.percentile(times, 0.95), 3),
               "max_s": round(max(times), 3), "wall_s": round(wall, 1), "server_peak_rss_mb": peak,
               "error_samples": [e["error"] for e in errors[:5]]}
    print(json.dumps(summary, indent=1, ensure_ascii=False))
    args.json.write_text(json.dumps({"summary": summary, "views": results}, indent=1, ensure_ascii=False))
    return 0 if not errors else 1


if __name__ == "__main__":
    sys.exit(main())
