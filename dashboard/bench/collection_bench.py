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
