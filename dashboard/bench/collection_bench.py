"""Figures for the collection (`python -m dashboard bench --skip pipeline,cores,store,queries,app`).

- its size per 1,000 articles, with their text and without, and what a year of 200 articles a day
  adds to a git repository that commits the collection once a day;
- the time to import 10,000 articles, against building the same store from processed articles
  through the writer (the baseline, measured in the same run);
- the app's start on an empty disk with a collection of 10,000 articles (until the first page has
  run, as a browser would get it), against a start on the same store already built.

The articles are the SYNTHETIC load-test corpus (dashboard/bench/synthetic.py), about 2,000
characters and 3.3 events each, collected at a steady rate: `per_day` a day, published on the
day they are collected or up to two days before.
"""
from __future__ import annotations

import hashlib
import shutil
import statistics
import time
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

from dashboard.bench.synthetic import generate
from dashboard.records import ProcessedArticle, RawArticle

START = date(2025, 1, 1)
COLLECT_HOUR = 6  # the scheduled workflow's time of day


def steady_pool(n: int = 2000) -> list[ProcessedArticle]:
    """Processed synthetic articles published over a year (their events dated accordingly)."""
    from dashboard.pipeline import process
    from dashboard.resources import default_resources
    from dashboard.sources.formats import metadata

    resources = default_resources()
    raws = [RawArticle(source=f"synthetic:{i}", text=r["text"], fmt="jsonl", **metadata(r))
            for i, r in enumerate(generate(n, seed=11, start=START, days=365))]
    return [process(r, resources) for r in raws]


def collected(pool: list[ProcessedArticle], i: int, per_day: int) -> tuple[ProcessedArticle, datetime]:
    """Article number `i` of a steady collection, and when it was added."""
    base = pool[i % len(pool)]
    day = START + timedelta(days=i // per_day)
    digest = base.content_hash if i < len(pool) else hashlib.sha256(f"bench-{i}".encode()).hexdigest()
    art = replace(base, id=f"{i:016x}", content_hash=digest, url=f"https://synthetic.invalid/steady/{i}",
                  source=f"synthetic:{i}", published=day - timedelta(days=i % 3))
    return art, datetime(day.year, day.month, day.day, COLLECT_HOUR)


def steady_store(db: Path, n_articles: int, per_day: int, pool: list[ProcessedArticle]) -> Path:
    from dashboard.store import write_session
    from dashboard.store.rows import article_rows

    db.unlink(missing_ok=True)
    with write_session(db, fresh=True) as writer:
        for i in range(n_articles):
            art, added = collected(pool, i, per_day)
            writer.add_rows(article_rows(art, added))
    return db


def _bytes(folder: Path, tables: tuple[str, ...]) -> int:
    return sum(p.stat().st_size for t in tables for p in (folder / t).rglob("*.parquet"))


def sizes(db: Path, workdir: Path, n_articles: int, per_day: int) -> dict:
    """Collection sizes per 1,000 articles, and a year's growth of a repository that commits the
    collection once a day.

    Every day file is written once (later days never change it), so a year of commits adds every
    article's files once, with the text (the text files are deleted later, which adds nothing);
    the places, actors and failures files are counted as rewritten once a month, and the manifest
    every day."""
    from dashboard.store.collection import export_collection
    from dashboard.store.collection_files import DAILY, MANIFEST, WHOLE

    everything, default = workdir / "all-text", workdir / "default"
    for folder in (everything, default):
        shutil.rmtree(folder, ignore_errors=True)
    export_collection(db, everything, text_months=10_000)
    export_collection(db, default)
    per_article = _bytes(everything, DAILY) / n_articles
    without_text = _bytes(everything, ("articles", "events")) / n_articles
    whole = sum((everything / f"{t}.parquet").stat().st_size for t in WHOLE)
    year = per_article * per_day * 365 + whole * 12 + (everything / MANIFEST).stat().st_size * 365
    on_disk = [p for p in default.rglob("*") if p.is_file()]
    return {
        "articles": n_articles, "articles_per_day": per_day,
        "kb_per_1000_articles_with_text": round(per_article * 1000 / 1024, 1),
        "kb_per_1000_articles_without_text": round(without_text * 1000 / 1024, 1),
        "default_settings_files": len(on_disk),
        "default_settings_mb": round(sum(p.stat().st_size for p in on_disk) / 1e6, 2),
        "year_of_daily_commits_mb": round(year / 1e6, 1),
    }


def import_times(db: Path, workdir: Path, pool: list[ProcessedArticle], n_articles: int, per_day: int,
                 runs: int = 3) -> dict:
    """Median time to import a collection of `n_articles`, and to build the same store from the
    processed articles through the writer (baseline, same run)."""
    from dashboard.store.collection import export_collection, import_collection

    folder = workdir / f"collection-{n_articles}"
    shutil.rmtree(folder, ignore_errors=True)
    export_collection(db, folder)
    imported, built = [], []
    target = workdir / "imported.duckdb"
    for _ in range(runs):
        target.unlink(missing_ok=True)
        t0 = time.perf_counter()
        import_collection(folder, target)
        imported.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        steady_store(workdir / "rebuilt.duckdb", n_articles, per_day, pool)
        built.append(time.perf_counter() - t0)
    return {"articles": n_articles, "import_s": round(statistics.median(imported), 2),
            "runs_import_s": [round(s, 2) for s in imported],
            "baseline_build_from_processed_s": round(statistics.median(built), 2),
            "collection_mb": round(sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6, 2),
            "folder": str(folder)}


def git_growth(workdir: Path, pool: list[ProcessedArticle], days: int, per_day: int) -> dict:
    """A real repository: each day adds `per_day` articles to a store, exports the collection and
    commits it (as the scheduled workflow does); then `git gc` packs it as GitHub would store it.
    Returns the packed size and that size per 1,000 articles, to check `sizes`' estimate against."""
    import subprocess

    from dashboard.store import write_session
    from dashboard.store.collection import export_collection
    from dashboard.store.rows import article_rows

    repo, db = workdir / "git-repo", workdir / "git-store.duckdb"
    shutil.rmtree(repo, ignore_errors=True)
    db.unlink(missing_ok=True)
    (repo / "collection").mkdir(parents=True)

    def git(*args: str) -> str:
        return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True).stdout

    git("init", "-q")
    git("config", "user.email", "bench@synthetic.invalid")
    git("config", "user.name", "bench")
    for day in range(days):
        with write_session(db) as writer:
            for i in range(day * per_day, (day + 1) * per_day):
                art, added = collected(pool, i, per_day)
                writer.add_rows(article_rows(art, added))
        export_collection(db, repo / "collection")
        git("add", "-A")
        git("commit", "-q", "-m", f"day {day + 1}")
    git("gc", "-q", "--aggressive")
    packed = sum(p.stat().st_size for p in (repo / ".git" / "objects").rglob("*") if p.is_file())
    articles = days * per_day
    return {"days": days, "articles": articles, "packed_mb": round(packed / 1e6, 2),
            "kb_per_1000_articles": round(packed / articles * 1000 / 1024, 1)}


def _headline(db: Path) -> list[str]:
    from dashboard.records import Filters
    from dashboard.store import StoreReader
    from dashboard.store.queries import headline_counts

    reader = StoreReader(db)
    try:
        counts = reader.query(headline_counts, Filters())
    finally:
        reader.close()
    # (the page's first figure is distinct events: one real-world event reported by several articles counts once)
    return [f"{n:,}" for n in (counts.distinct_events, counts.articles, counts.places, counts.countries)]


def _time_to_first_page(browser, settings: dict[str, str], expected: list[str]) -> tuple[float, float]:
    """Seconds from launching the app until it answers, and until its first page shows `expected`."""
    import os
    import subprocess
    import sys
    import urllib.request

    from dashboard.bench.app_bench import ROOT, _free_port

    port = _free_port()
    t0 = time.perf_counter()
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard" / "app.py"), "--server.port", str(port),
         "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=dict(os.environ, DASHBOARD_REFRESH_HOURS="0", **settings),
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}"
        while True:
            try:
                urllib.request.urlopen(url + "/_stcore/health", timeout=2)
                break
            except OSError:
                if time.perf_counter() - t0 > 120:
                    raise RuntimeError("the app did not start in 2 minutes") from None
                time.sleep(0.1)
        up = time.perf_counter() - t0
        page = browser.new_page()
        page.goto(url)
        page.wait_for_function(
            "exp => JSON.stringify([...document.querySelectorAll('[data-testid=\"stMetricValue\"]')]"
            ".map(e => e.innerText.trim())) === JSON.stringify(exp)", arg=expected, timeout=180_000)
        shown = time.perf_counter() - t0
        page.close()
        return up, shown
    finally:
        server.terminate()
        server.wait(timeout=30)


def app_start(collection: Path, built: Path, workdir: Path, runs: int = 3,
              chromium: str = "/usr/bin/chromium") -> dict:
    """The app on an empty disk with the collection (it imports it before the first page), against
    the app on the same store already built (baseline, same run): medians of `runs` starts."""
    if not Path(chromium).exists():
        return {"skipped": f"no Chromium at {chromium}"}
    from playwright.sync_api import sync_playwright

    expected = _headline(built)
    empty, ready = [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--headless=new", "--no-sandbox", "--disable-gpu"])
        for run in range(runs):
            disk = workdir / f"empty-disk-{run}"
            shutil.rmtree(disk, ignore_errors=True)
            disk.mkdir()
            empty.append(_time_to_first_page(browser, {"DASHBOARD_DB": str(disk / "store.duckdb"),
                                                       "DASHBOARD_COLLECTION": str(collection)}, expected))
            ready.append(_time_to_first_page(browser, {"DASHBOARD_DB": str(built)}, expected))
        browser.close()
    return {
        "articles": expected[1], "distinct_events": expected[0],
        "empty_disk_first_page_s": round(statistics.median(s for _, s in empty), 2),
        "empty_disk_server_up_s": round(statistics.median(u for u, _ in empty), 2),
        "runs_empty_disk_first_page_s": [round(s, 2) for _, s in empty],
        "baseline_store_ready_first_page_s": round(statistics.median(s for _, s in ready), 2),
        "runs_baseline_first_page_s": [round(s, 2) for _, s in ready],
    }


def collection_figures(workdir: Path, n_articles: int = 10_000, per_day: int = 200, git_days: int = 30) -> dict:
    """Every figure of this module on one steady collection of `n_articles` distinct articles."""
    pool = steady_pool(n_articles)
    db = steady_store(workdir / f"steady-{n_articles}.duckdb", n_articles, per_day, pool)
    figures = {"sizes": sizes(db, workdir, n_articles, per_day)}
    figures["import"] = import_times(db, workdir, pool, n_articles, per_day)
    figures["app_start"] = app_start(Path(figures["import"]["folder"]), db, workdir)
    figures["git"] = git_growth(workdir, pool, git_days, per_day)
    return figures
