"""Place extraction speed: articles per second on one core, median of several runs.

    python benchmarks/bench_places.py [--articles 1000] [--runs 7]

The articles are the project's sample article and synthetic ones (dashboard.bench.synthetic), all
cut to about 2,000 characters and cleaned beforehand, so only `find_places` is timed. The baseline,
timed in the same run on the same texts, is a plain gazetteer scan: fold each text and run the
name automaton over it, with no clitic, boundary or disambiguation work. Their ratio means
something on any machine; the absolute figure depends on the machine.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dashboard.bench.synthetic import generate  # noqa: E402
from dashboard.pipeline.clean import clean_text  # noqa: E402
from dashboard.pipeline.geoparse import Gazetteer, find_places, match_form  # noqa: E402
from dashboard.resources import load_gazetteer  # noqa: E402

DATA = ROOT / "data"
SAMPLE = DATA / "samples" / "esper-rabat-2020-10-02.ar.txt"
TARGET_CHARS = 2000


def corpus(n: int) -> list[tuple[str, str]]:
    """(text, lang) pairs of about 2,000 characters: the sample article and synthetic ones."""
    sample = clean_text(SAMPLE.read_text(encoding="utf-8")).text[:TARGET_CHARS]
    out = [(sample, "ar")]
    for rec in generate(n - 1, target_chars=TARGET_CHARS):
        text = clean_text(rec["text"]).text[:TARGET_CHARS]
        out.append((text, "ar" if any("\u0600" <= c <= "\u06ff" for c in text[:200]) else "fr/en"))
    return out


def plain_scan(texts: list[tuple[str, str]], gz: Gazetteer) -> int:
    hits = 0
    auto = gz.automaton
    for text, _ in texts:
        for _ in auto.iter(" " + match_form(text) + " "):
            hits += 1
    return hits


def extract(texts: list[tuple[str, str]], gz: Gazetteer) -> int:
    return sum(len(find_places(text, lang, gz)) for text, lang in texts)


def median_rate(fn, n: int, runs: int) -> tuple[float, list[float]]:
    rates = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        rates.append(n / (time.perf_counter() - t0))
    return statistics.median(rates), rates


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    t0 = time.perf_counter()
    gz = load_gazetteer(DATA)
    load_s = time.perf_counter() - t0
    texts = corpus(args.articles)
    mean_chars = statistics.mean(len(t) for t, _ in texts)
    extract(texts[:50], gz)  # warm the folding table
    mentions = extract(texts, gz)
    base, _ = median_rate(lambda: plain_scan(texts, gz), len(texts), args.runs)
    rate, rates = median_rate(lambda: extract(texts, gz), len(texts), args.runs)
    print(f"gazetteer: {len(gz.places)} places, loaded in {load_s:.2f} s")
    print(f"articles: {len(texts)}, mean {mean_chars:.0f} characters, {mentions} place mentions")
    print(f"plain gazetteer scan (baseline): {base:,.0f} articles/s")
    print(f"find_places: {rate:,.0f} articles/s median of {args.runs} runs "
          f"(min {min(rates):,.0f}, max {max(rates):,.0f}); ratio to baseline {rate / base:.2f}")


if __name__ == "__main__":
    main()
