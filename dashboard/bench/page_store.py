"""A store for measuring and testing the page: the sample articles plus SYNTHETIC ones.

The synthetic articles (dashboard.bench.synthetic) are generated from templates written for the
project, labelled "[SYNTHETIC]"; no third-party news goes in. Extra raw articles (texts written
for a test) can be added to the same store.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

from dashboard.records import RawArticle


def synthetic_raw(count: int, seed: int = 7) -> list[RawArticle]:
    """`count` synthetic articles as raw articles, ready for the pipeline."""
    from .synthetic import generate

    return [RawArticle(source=f"synthetic:{rec['id']}", text=rec["text"], title=rec["title"], url=rec["url"],
                       published=date.fromisoformat(rec["published"]), site=rec["source"], fmt="jsonl",
                       external_id=rec["id"])
            for rec in generate(count, seed)]


def build_page_store(path: Path, synthetic: int = 60, extra: Iterable[RawArticle] = ()) -> Path:
    """A fresh store at `path`: the bundled sample articles, `synthetic` generated ones and `extra`."""
    from dashboard.runner import store_items
    from dashboard.settings import samples_dir
    from dashboard.sources.ingest import read_path

    items = [*read_path(samples_dir()), *synthetic_raw(synthetic), *extra]
    store_items(items, path, fresh=True)
    return path
