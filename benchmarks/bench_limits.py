"""Limits: what one huge document, a big ingest and a write into a big store cost (time, peak memory,
bytes written), measured on real processes.

    python benchmarks/bench_limits.py                       # everything, on this checkout
    python benchmarks/bench_limits.py --code ../old-checkout --parts docs,ingest   # the same, another version
    python benchmarks/bench_limits.py --parts addone --stores /tmp/stores   # reuse stores built before

Every figure is a child process run as a user runs it (`python -m dashboard ingest FILE --db X`,
`python -m dashboard extract`), timed from outside, its peak resident memory read from the
kernel (`wait4`); repeated runs (`--runs`) give the median. `--code` measures another checkout
of the project with the same inputs, so two versions compare in one run on one machine.

Inputs are generated (never third-party text): documents of 0.1 to 15 MB made of the synthetic
corpus (`dashboard/bench/synthetic.py`) joined, in Arabic, French and English, and one with no
sentence breaks at all; ingests of 5,000 to 100,000 synthetic articles in files of 5,000; stores of
10,000 to 1,000,000 articles built by `python -m dashboard bench`'s store builder (`--stores`
reuses them: the largest takes tens of minutes to build). Nothing here asserts; it measures.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(HERE))

from dashboard.bench.synthetic import generate, write_jsonl  # noqa: E402

KINDS = ("ar", "fr", "en", "nobreak")
ARTICLES_PER_FILE = 5000


# -- inputs ----------------------------------------------------------------------------------------

def _language(text: str) -> str:
    if re.search("[\u0600-\u06ff]", text):
        return "ar"
    return "fr" if re.search(r"\b(la|les|des|une)\b", text) else "en"


def make_document(path: Path, kind: str, megabytes: float) -> Path:
    """A plain-text document of about `megabytes` MB: synthetic articles of one language joined
    by blank lines, or (`nobreak`) all three languages with every full stop, comma and line break
    removed: one sentence the length of the file."""
    if path.exists():
        return path
    target = int(megabytes * 1_000_000)
    texts, size = [], 0
    for record in generate(10_000_000, seed=3):
        if kind != "nobreak" and _language(record["text"]) != kind:
            continue
        texts.append(record["text"].strip())
        size += len(texts[-1].encode()) + 2
        if size >= target:
            break
    text = "\n\n".join(texts)
    if kind == "nobreak":
        text = re.sub(r"[.!?؟،,;:\n]+", " ", text)
    path.write_text(text.encode()[:target].decode("utf-8", "ignore"), encoding="utf-8")
    return path


def ingest_files(folder: Path, articles: int) -> list[Path]:
    """`articles` synthetic articles in JSON Lines files of 5,000 (distinct seeds: no duplicates)."""
    files = []
    for n in range(max(1, articles // ARTICLES_PER_FILE)):
        path = folder / f"synthetic-{n:03d}.jsonl"
        if not path.exists():
            write_jsonl(path, min(ARTICLES_PER_FILE, articles), seed=1000 + n)
        files.append(path)
    return files


# -- measuring a child process ---------------------------------------------------------------------

def run_child(args: list[str], cwd: Path, stdin: Path | None = None, timeout: float = 900) -> dict:
    """Wall time, peak resident memory (wait4 on exactly this child) and exit code of one process run
    in the checkout `cwd`; stopped after `timeout` seconds."""
    env = dict(os.environ, PYTHONPATH=str(cwd), TQDM_DISABLE="1")
    start = time.perf_counter()
    with open(stdin or os.devnull, "rb") as inp, tempfile.TemporaryFile() as out:
        proc = subprocess.Popen(args, cwd=cwd, stdin=inp, stdout=out, stderr=subprocess.DEVNULL, env=env)
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                _, status, usage = os.wait4(proc.pid, 0)
                proc.returncode = -9
                return {"seconds": None, "timed_out_after_s": timeout, "peak_mb": round(usage.ru_maxrss / 1024)}
            time.sleep(0.05)
        proc.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - start
        out.seek(0)
        text = out.read().decode("utf-8", "replace").strip()
    return {"seconds": round(seconds, 2), "peak_mb": round(usage.ru_maxrss / 1024), "rc": proc.returncode,
            "said": text.splitlines()[0][:120] if text else ""}


def median_of(runs: list[dict]) -> dict:
    done = [r for r in runs if r.get("seconds") is not None]
    if not done:
        return runs[0]
    return {"seconds": statistics.median(r["seconds"] for r in done),
            "peak_mb": statistics.median(r["peak_mb"] for r in done), "runs": len(runs), "said": done[0].get("said", "")}


# -- the parts -------------------------------------------------------------------------------------

def bench_documents(code: Path, work: Path, sizes: list[float], kinds: list[str], runs: int, timeout: float) -> dict:
    out: dict = {}
    for mb in sizes:
        for kind in kinds:
            doc = make_document(work / f"doc-{kind}-{mb}.txt", kind, mb)
            line = work / f"doc-{kind}-{mb}.jsonl"
            if not line.exists():
                line.write_text(json.dumps({"id": "doc", "text": doc.read_text(encoding="utf-8")},
                                           ensure_ascii=False) + "\n", encoding="utf-8")
            ingests, extracts = [], []
            for _ in range(runs):
                db = work / "doc-store.duckdb"
                for leftover in work.glob("doc-store.duckdb*"):
                    leftover.unlink()
                ingests.append(run_child([sys.executable, "-m", "dashboard", "ingest", str(doc), "--db", str(db)],
                                         code, timeout=timeout))
                extracts.append(run_child([sys.executable, "-m", "dashboard", "extract"], code, stdin=line,
                                          timeout=timeout))
            out[f"{mb}MB {kind}"] = {"chars": len(doc.read_text(encoding="utf-8")),
                                     "ingest": median_of(ingests), "extract": median_of(extracts)}
            print(f"document {mb} MB {kind}: {json.dumps(out[f'{mb}MB {kind}'], ensure_ascii=False)}", flush=True)
    return out


def bench_ingests(code: Path, work: Path, counts: list[int], timeout: float) -> dict:
    out = {}
    inputs = work / "ingest-inputs"
    inputs.mkdir(exist_ok=True)
    for n in counts:
        files = ingest_files(inputs, n)
        db = work / "ingest-store.duckdb"
        for leftover in work.glob("ingest-store.duckdb*"):
            leftover.unlink()
        out[str(n)] = {"files": len(files), **run_child(
            [sys.executable, "-m", "dashboard", "ingest", *map(str, files), "--db", str(db)], code, timeout=timeout)}
        print(f"ingest {n}: {json.dumps(out[str(n)])}", flush=True)
    return out


ADD_ONE = r"""
import json, sys, time
from pathlib import Path
from dashboard.bench.run import processed_pool, replicate
from dashboard.store import write_session

def written():
    for line in open("/proc/self/io"):
        if line.startswith("write_bytes"):
            return int(line.split()[1])

db, n = Path(sys.argv[1]), int(sys.argv[2])
article = replicate(processed_pool(40), 10**9 + n)  # an article no store has
before, start = written(), time.perf_counter()
with write_session(db) as w:
    w.add_article(article)
print(json.dumps({"seconds": round(time.perf_counter() - start, 3), "written_mb": round((written() - before) / 1e6, 1)}))
"""


def ensure_store(stores: Path, size: int, builder: Path) -> Path:
    db = stores / f"bench-{size}.duckdb"
    if not db.exists():
        print(f"building a store of {size:,} articles in {stores} (once; reused with --stores)...", flush=True)
        subprocess.run([sys.executable, "-m", "dashboard", "bench", "--skip", "pipeline,cores,queries,app",
                        "--store-sizes", str(size), "--workdir", str(stores), "--json", str(stores / "build.json")],
                       cwd=builder, check=True)
    return db


def bench_add_one(code: Path, stores: Path, sizes: list[int], runs: int) -> dict:
    out = {}
    for size in sizes:
        db = ensure_store(stores, size, HERE)
        results = []
        for k in range(runs):
            done = subprocess.run([sys.executable, "-c", ADD_ONE, str(db), str(int(time.time() * 1000) + k)], cwd=code,
                                  capture_output=True, text=True, env=dict(os.environ, PYTHONPATH=str(code)))
            said = done.stdout[done.stdout.rfind("{"):]  # (DuckDB may draw a progress bar before it)
            results.append(json.loads(said) if done.returncode == 0 else {"error": done.stderr.strip().splitlines()[-1:]})
        ok = [r for r in results if "seconds" in r]
        out[str(size)] = {"store_mb": round(db.stat().st_size / 1e6), "runs": len(results),
                          "seconds": statistics.median(r["seconds"] for r in ok) if ok else None,
                          "written_mb": statistics.median(r["written_mb"] for r in ok) if ok else None,
                          "each": results}
        print(f"add one article to {size:,}: {json.dumps(out[str(size)])}", flush=True)
    return out


def bench_app_upload(code: Path, work: Path, document: Path, chromium: str = "/usr/bin/chromium") -> dict:
    """The real app on a sample store: upload `document` through the "Add articles" form in Chromium;
    the server's peak memory (VmHWM), the time until the result shows, and how long a second visitor
    waits for the page's counts while the upload is processed."""
    from dashboard.bench.app_bench import _free_port, _peak_rss_mb

    if not Path(chromium).exists():
        return {"skipped": f"no Chromium at {chromium}"}
    from playwright.sync_api import sync_playwright

    db = work / "app-store.duckdb"
    for leftover in work.glob("app-store.duckdb*"):
        leftover.unlink()
    subprocess.run([sys.executable, "-m", "dashboard", "build", "--db", str(db)], cwd=code, check=True,
                   capture_output=True, env=dict(os.environ, PYTHONPATH=str(code)))
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(code / "dashboard" / "app.py"), "--server.port", str(port),
         "--server.headless", "true", "--browser.gatherUsageStats", "false", "--server.address", "127.0.0.1"],
        cwd=code, env=dict(os.environ, DASHBOARD_DB=str(db), PYTHONPATH=str(code)),
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=["--headless=new", "--no-sandbox",
                                                                        "--disable-gpu", "--no-first-run"])
            page = browser.new_page()
            _open(page, base)
            before = _peak_rss_mb(server.pid)
            page.get_by_role("tab", name="Add articles").click()
            page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(document))
            page.get_by_text(document.name).first.wait_for(timeout=120_000)
            start = time.perf_counter()
            page.get_by_role("button", name="Read the files").click()  # read, then shown for review
            page.get_by_text("Check what was read from each file.", exact=False).wait_for(timeout=1_800_000)
            page.get_by_role("button", name=re.compile(r"^Add \d+ articles? to the dashboard$")).click()
            time.sleep(2)  # the upload is being processed: a second visitor opens the page now
            other = browser.new_page()
            t0 = time.perf_counter()
            _open(other, base, timeout_ms=600_000)
            second_visitor_s = time.perf_counter() - t0
            page.get_by_text(re.compile(r"new articles?, ")).wait_for(timeout=1_800_000)
            seconds = time.perf_counter() - start
            result = page.get_by_text(re.compile(r"new articles?, ")).first.inner_text()
            browser.close()
        return {"document_mb": round(document.stat().st_size / 1e6, 1), "server_peak_mb_before": round(before),
                "server_peak_mb": round(_peak_rss_mb(server.pid)), "upload_to_result_s": round(seconds, 1),
                "second_visitor_page_s": round(second_visitor_s, 1), "said": result}
    finally:
        server.terminate()
        server.wait(timeout=30)


def _wait_served(base: str, timeout_s: float = 120) -> None:
    """Until the Streamlit server answers its health check (it takes seconds to start on a busy machine)."""
    import urllib.request

    deadline = time.monotonic() + timeout_s
    while True:
        try:
            with urllib.request.urlopen(f"{base}/_stcore/health", timeout=5):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def _open(page, base: str, timeout_ms: int = 120_000) -> None:
    _wait_served(base)
    page.goto(base)
    page.wait_for_selector("[data-testid='stMetricValue']", timeout=timeout_ms)


# -- main ----------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--code", type=Path, default=HERE, help="the checkout to measure (default: this one)")
    ap.add_argument("--parts", default="docs,ingest,addone,app", help="docs,ingest,addone,app")
    ap.add_argument("--sizes", default="0.1,1,5,15", help="document sizes in MB")
    ap.add_argument("--kinds", default=",".join(KINDS), help="document kinds: ar,fr,en,nobreak")
    ap.add_argument("--ingests", default="5000,20000,40000,100000", help="articles per ingest run")
    ap.add_argument("--store-sizes", default="10000,100000,1000000", help="stores to add one article to")
    ap.add_argument("--stores", type=Path, default=None, help="folder of stores built before (bench-N.duckdb)")
    ap.add_argument("--work", type=Path, default=None, help="folder for generated inputs (kept, reused)")
    ap.add_argument("--app-kinds", default="en,nobreak", help="documents of the largest size uploaded in the app")
    ap.add_argument("--runs", type=int, default=1, help="runs of each document measurement (median)")
    ap.add_argument("--add-runs", type=int, default=3, help="runs of each add-one-article measurement (median)")
    ap.add_argument("--timeout", type=float, default=900, help="seconds after which a run is stopped")
    ap.add_argument("--json", type=Path, default=Path("bench-limits.json"))
    args = ap.parse_args(argv)
    parts = set(args.parts.split(","))
    work = args.work or Path(tempfile.mkdtemp(prefix="dashboard-limits-"))
    work.mkdir(parents=True, exist_ok=True)
    code = args.code.resolve()
    results: dict = {"code": str(code), "machine": {"cores": os.cpu_count(), "python": sys.version.split()[0]}}

    def save() -> None:
        args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False))

    if "docs" in parts:
        results["documents"] = bench_documents(code, work, [float(s) for s in args.sizes.split(",")],
                                               args.kinds.split(","), args.runs, args.timeout)
        save()
    if "ingest" in parts:
        results["ingests"] = bench_ingests(code, work, [int(n) for n in args.ingests.split(",")], args.timeout * 4)
        save()
    if "addone" in parts:
        stores = args.stores or work / "stores"
        stores.mkdir(parents=True, exist_ok=True)
        results["add_one_article"] = bench_add_one(code, stores, [int(n) for n in args.store_sizes.split(",")],
                                                   args.add_runs)
        save()
    if "app" in parts:
        biggest = max(float(s) for s in args.sizes.split(","))
        results["app_upload"] = {}
        for kind in args.app_kinds.split(","):
            doc = make_document(work / f"doc-{kind}-{biggest}.txt", kind, biggest)
            results["app_upload"][kind] = bench_app_upload(code, work, doc)
            print(f"app upload {kind}: {json.dumps(results['app_upload'][kind], ensure_ascii=False)}", flush=True)
            save()
    print(f"Figures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
