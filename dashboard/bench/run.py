"""`python -m dashboard bench`: speed and size figures, printed and written as JSON.

Machines are noisy: every figure is the median of several runs, and the pipeline is compared
with a baseline measured in the same run (a plain scan of the same texts), so the ratio means
something on any machine. Nothing here asserts; it measures.
"""
from __future__ import annotations

import json
import os
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from multiprocessing import get_context
from pathlib import Path

from dashboard.bench.synthetic import generate
from dashboard.pipeline import process
from dashboard.pipeline.arabic import fold
from dashboard.records import ProcessedArticle, RawArticle
from dashboard.resources import default_resources, settle_for_batch
from dashboard.sources.formats import metadata

_WORD = re.compile(r"\w+")


def _median_rate(fn: Callable[[], int], runs: int) -> tuple[float, list[float]]:
    rates = []
    for _ in range(runs):
        t0 = time.perf_counter()
        n = fn()
        rates.append(n / (time.perf_counter() - t0))
    return statistics.median(rates), rates


def synthetic_raw(n: int, seed: int = 7) -> list[RawArticle]:
    return [RawArticle(source=f"synthetic:{i}", text=r["text"], fmt="jsonl", **metadata(r))
            for i, r in enumerate(generate(n, seed))]


def plain_scan(articles: list[RawArticle]) -> int:
    """Baseline: fold every text and split it into words (what any scan must at least do)."""
    for a in articles:
        _WORD.findall(fold(a.text))
    return len(articles)


def corpus_raw(path: Path) -> list[RawArticle]:
    """Articles of a folder of *.json records or a .jsonl file ({"text", "published", ...})."""
    files = sorted(path.glob("*.json")) if path.is_dir() else [path]
    records = []
    for f in files:
        lines = f.read_text(encoding="utf-8").splitlines() if f.suffix == ".jsonl" else [f.read_text(encoding="utf-8")]
        records += [json.loads(line) for line in lines if line.strip()]
    return [RawArticle(source=f"corpus:{i}", text=r["text"], fmt="jsonl",
                       **metadata({k: r.get(k) for k in ("title", "url", "published")}))
            for i, r in enumerate(records) if r.get("text")]


def bench_pipeline(n: int = 1000, runs: int = 5, articles: list[RawArticle] | None = None) -> dict:
    if articles:  # a given corpus, repeated up to about n articles
        articles = articles * max(1, round(n / len(articles)))
        n = len(articles)
    else:
        articles = synthetic_raw(n)
    resources = settle_for_batch()  # as the command line does before a batch
    process(articles[0], resources)  # warm caches

    def run() -> int:
        for a in articles:
            process(a, resources)
        return len(articles)

    base, _ = _median_rate(lambda: plain_scan(articles), runs)
    rate, rates = _median_rate(run, runs)
    chars = statistics.mean(len(a.text) for a in articles)
    return {"articles": n, "mean_chars": round(chars), "runs": runs,
            "one_core_articles_per_s": round(rate, 1), "runs_articles_per_s": [round(r, 1) for r in rates],
            "baseline_plain_scan_per_s": round(base, 1), "ratio_to_baseline": round(rate / base, 3)}


def _worker_init() -> None:
    settle_for_batch()


def _process_chunk(chunk: list[RawArticle]) -> int:
    resources = default_resources()
    for a in chunk:
        process(a, resources)
    return len(chunk)


def bench_pipeline_all_cores(n: int = 4000, runs: int = 3) -> dict:
    articles = synthetic_raw(n, seed=8)
    cores = os.cpu_count() or 1
    chunks = [articles[i:i + 200] for i in range(0, len(articles), 200)]
    with get_context("fork").Pool(cores, initializer=_worker_init) as pool:
        pool.map(_process_chunk, chunks[:cores])  # warm every worker
        rate, rates = _median_rate(lambda: sum(pool.map(_process_chunk, chunks)), runs)
    return {"articles": n, "cores": cores, "all_cores_articles_per_s": round(rate, 1),
            "runs_articles_per_s": [round(r, 1) for r in rates]}


def processed_pool(n: int = 2000) -> list[ProcessedArticle]:
    resources = default_resources()
    return [process(a, resources) for a in synthetic_raw(n, seed=9)]


def replicate(pool: list[ProcessedArticle], i: int) -> ProcessedArticle:
    """A distinct article built from a processed one: new identity, dates shifted by whole weeks."""
    base = pool[i % len(pool)]
    shift = timedelta(weeks=(i // len(pool)) % 52)
    published = base.published - shift if base.published else None
    return replace(base, id=f"{i:016x}", content_hash=f"bench-{i}", url=f"https://synthetic.invalid/bench/{i}",
                   source=f"synthetic:{i}", published=published)


def build_store(db: Path, n_articles: int, pool: list[ProcessedArticle]) -> dict:
    from dashboard.store import write_session

    db.unlink(missing_ok=True)
    t0 = time.perf_counter()
    with write_session(db, fresh=True) as w:
        for i in range(n_articles):
            w.add_article(replicate(pool, i))
    seconds = time.perf_counter() - t0
    from dashboard.store import StoreReader

    reader = StoreReader(db)
    events = reader.event_count()
    reader.close()
    return {"articles": n_articles, "events": events, "seconds": round(seconds, 2),
            "articles_per_s": round(n_articles / seconds, 1), "file_mb": round(db.stat().st_size / 1e6, 1)}


def main(argv: list[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(prog="python -m dashboard bench", description=__doc__)
    ap.add_argument("--json", type=Path, default=Path("bench-results.json"))
    ap.add_argument("--articles", type=int, default=1000, help="articles for the pipeline figures")
    ap.add_argument("--store-sizes", default="100000,1000000", help="store build sizes, comma separated")
    ap.add_argument("--workdir", type=Path, default=None, help="where to build the benchmark stores")
    ap.add_argument("--corpus", type=Path, default=None,
                    help="also measure the pipeline on these articles (a folder of *.json or a .jsonl file)")
    ap.add_argument("--skip", default="",
                    help="comma separated parts to skip: pipeline,cores,store,queries,app,collection")
    ap.add_argument("--collection-articles", type=int, default=10_000,
                    help="articles of the collection figures (size, import time, app start)")
    args = ap.parse_args(argv)
    skip = set(filter(None, args.skip.split(",")))
    results: dict = {"machine": {"cores": os.cpu_count(), "python": sys.version.split()[0]}}

    def report(name: str, value: dict) -> None:
        results[name] = value
        print(f"{name}: {json.dumps(value, ensure_ascii=False)}", flush=True)
        args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False))

    if "pipeline" not in skip:
        report("pipeline_one_core", bench_pipeline(args.articles))
        if args.corpus:
            report("pipeline_one_core_given_corpus", bench_pipeline(args.articles, articles=corpus_raw(args.corpus)))
    if "cores" not in skip:
        report("pipeline_all_cores", bench_pipeline_all_cores(args.articles * 4))
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="dashboard-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    stores = {}
    if "store" not in skip:
        pool = processed_pool()
        for size in (int(s) for s in args.store_sizes.split(",") if s):
            db = workdir / f"bench-{size}.duckdb"
            report(f"store_build_{size}", build_store(db, size, pool))
            stores[size] = db
    if "queries" not in skip or "app" not in skip:
        from dashboard.bench import app_bench

        target = app_bench.million_event_store(workdir, stores)
        if "queries" not in skip:
            report("queries_1M_events", app_bench.bench_queries(target))
            report("payload_bytes", app_bench.payload_sizes(target))
        if "app" not in skip:
            report("app_memory", app_bench.app_peak_memory(target))
    if "collection" not in skip:
        from dashboard.bench.collection_bench import collection_figures

        for name, value in collection_figures(workdir, args.collection_articles).items():
            report(f"collection_{name}", value)
    print(f"Figures written to {args.json}")
    return 0
