"""Turning what the "Add articles" page receives into pipeline inputs, within limits.

Uploads are capped in number and size; feed addresses must be http(s) and are fetched with
`allow_private=False`, so the app cannot be used to reach this machine or its private network.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from dashboard.records import Failure, RawArticle
from dashboard.store import WriteReport

from .tables import safe_url

MAX_FILES = 20
MAX_FILE_BYTES = 20 * 1024 * 1024  # .streamlit/config.toml maxUploadSize
FEED_TIMEOUT = 10.0
Item = RawArticle | Failure


def collect_uploads(files: list[tuple[str, bytes]], lang: str = "en",
                    max_files: int = MAX_FILES, max_bytes: int = MAX_FILE_BYTES) -> list[Item]:
    """Articles (and failures) from uploaded files; files beyond `max_files` are ignored."""
    from dashboard.pipeline.ingest import read_upload

    items: list[Item] = []
    for name, payload in files[:max_files]:
        items.extend(read_upload(Path(name).name, payload, max_bytes=max_bytes))
    return items


def collect_feed_url(url: str, feed_state: dict) -> tuple[list[Item], str | None]:
    """Articles from one feed address; (items, i18n key of a problem or None).

    `feed_state` (from `dashboard.runner.load_feed_state`) is updated in place for `run_ingest`.
    """
    url = url.strip()
    if safe_url(url) is None:
        return [], "bad_url"
    return _read_feeds([url], feed_state), None


def collect_feed_list(feed_state: dict, feeds_file: Path | None = None) -> tuple[list[Item], str | None]:
    """Articles from every feed in the project's feed file."""
    from dashboard.__main__ import FEEDS_FILE
    from dashboard.pipeline.ingest import load_feed_list

    feeds_file = feeds_file or FEEDS_FILE
    if not feeds_file.exists():
        return [], "no_feed_list"
    feeds = [u for u in load_feed_list(feeds_file) if safe_url(u)]
    return _read_feeds(feeds, feed_state), None


def _read_feeds(urls: list[str], feed_state: dict) -> list[Item]:
    from dashboard.pipeline.ingest import read_sources

    return list(read_sources(urls, allow_private=False, timeout=FEED_TIMEOUT, feed_state=feed_state))


def run_ingest(items: list[Item], db: Path, progress: Callable[[int, int, str], None] | None = None,
               feed_state: dict | None = None) -> WriteReport:
    """Process and store the items in one atomic write (readers switch to the new file)."""
    from dashboard.runner import store_items

    return store_items(items, db, progress=progress, feed_state=feed_state or None)
