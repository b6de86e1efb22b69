"""Turning what the "Add articles" page receives into pipeline inputs, within limits.

Uploads are limited in number (MAX_FILES), size (MAX_FILE_BYTES) and type (ALLOWED_SUFFIXES): each
refused file becomes one failure with a plain reason, listed like any other. Feed addresses must be
http(s) and are fetched with `allow_private=False`, so the app cannot be used to reach this machine
or its private network.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Protocol

import pandas as pd

from dashboard.records import Failure, RawArticle
from dashboard.settings import MAX_FILE_BYTES, MAX_UPLOAD_FILES
from dashboard.store import WriteReport

from .plaintext import is_missing, plain_text
from .tables import safe_url

MAX_FILES = MAX_UPLOAD_FILES
# (the same as a file on the command line; Streamlit's maxUploadSize in .streamlit/config.toml is 20 MiB)
ALLOWED_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm", ".xml", ".rss", ".atom", ".json", ".jsonl", ".ndjson",
                    ".csv")
FEED_TIMEOUT = 10.0
Item = RawArticle | Failure


def upload_name(name: str) -> str:
    """The file's own name (no folders), as it can be stored and shown."""
    from dashboard.sources.ingest import display_name

    return display_name(Path(name.replace("\\", "/").replace("\0", "")).name) or "(no name)"


def refusal(name: str, size: int, position: int, max_files: int = MAX_FILES,
            max_bytes: int = MAX_FILE_BYTES) -> str | None:
    """Why an upload is refused unread (plain words), or None when it may be read.

    `position` counts from 0 in the order the files were given; beyond `max_files` they are refused.
    """
    from dashboard.sources.fetch import human_size

    if position >= max_files:
        return f"Not added: at most {max_files} files can be added at a time. Add this one in another batch."
    suffix = Path(name).suffix.lower()
    if suffix not in ALLOWED_SUFFIXES:
        kind = f"“{suffix}” files" if suffix else "Files without an extension"
        return f"Not added: {kind} are not accepted. Accepted: {' '.join(ALLOWED_SUFFIXES)}."
    if size > max_bytes:
        return f"Not added: the file is larger than {human_size(max_bytes)}, the most one upload may be."
    return None


class Upload(Protocol):
    """What the file picker gives (Streamlit's UploadedFile): a name, a size, and the bytes on request."""

    @property
    def name(self) -> str: ...
    @property
    def size(self) -> int: ...

    def getvalue(self) -> bytes: ...


@dataclass(frozen=True)
class BytesUpload:
    name: str
    data: bytes

    @property
    def size(self) -> int:
        return len(self.data)

    def getvalue(self) -> bytes:
        return self.data


class UploadStream:
    """The articles (and failures) of uploaded files, read one file at a time: a file's bytes are
    asked for only when its turn comes and dropped once its articles are read, so processing holds
    one file (the picker itself keeps what was uploaded). A file beyond `max_files`, of a type not
    in ALLOWED_SUFFIXES or over `max_bytes` is not read: it becomes one failure saying why."""

    def __init__(self, files: Sequence[Upload], max_files: int = MAX_FILES, max_bytes: int = MAX_FILE_BYTES):
        self.files = list(files)
        self.max_files, self.max_bytes = max_files, max_bytes
        self.files_read = 0

    def __iter__(self) -> Iterator[Item]:
        from dashboard.sources.ingest import read_upload

        for position, upload in enumerate(self.files):
            name = upload_name(upload.name)
            reason = refusal(name, upload.size, position, self.max_files, self.max_bytes)
            if reason:
                yield Failure(name, reason)
            else:
                yield from read_upload(name, upload.getvalue(), max_bytes=self.max_bytes)
            self.files_read += 1


def collect_uploads(files: list[tuple[str, bytes]], lang: str = "en",
                    max_files: int = MAX_FILES, max_bytes: int = MAX_FILE_BYTES) -> list[Item]:
    """Every article (and failure) of files given as (name, bytes), as a list (see `UploadStream`)."""
    return list(UploadStream([BytesUpload(n, d) for n, d in files], max_files, max_bytes))


def collect_feed_url(url: str, feed_state: dict) -> tuple[list[Item], str | None]:
    """Articles from one feed address; (items, i18n key of a problem or None).

    `feed_state` (from `dashboard.runner.load_feed_state`) is updated in place for `run_ingest`.
    """
    url = url.strip()
    if safe_url(url) is None:
        return [], "bad_url"
    return _read_feeds([url], feed_state), None


def collect_feed_list(feed_state: dict, feeds_file: Path | None = None) -> tuple[list[Item], str | None]:
    """Articles from every feed in the project's feed file (the operator's own: it may reach a
    private network when DASHBOARD_ALLOW_PRIVATE_FEEDS is set, as the automatic refresh does)."""
    from dashboard.settings import allow_private_feeds
    from dashboard.settings import feeds_file as default_feeds_file
    from dashboard.sources.ingest import load_feed_list

    feeds_file = feeds_file or default_feeds_file()
    if not feeds_file.exists():
        return [], "no_feed_list"
    feeds = [u for u in load_feed_list(feeds_file) if safe_url(u)]
    return _read_feeds(feeds, feed_state, allow_private=allow_private_feeds()), None


def _read_feeds(urls: list[str], feed_state: dict, allow_private: bool = False) -> list[Item]:
    from dashboard.sources.ingest import read_sources

    return list(read_sources(urls, allow_private=allow_private, timeout=FEED_TIMEOUT, feed_state=feed_state))


def run_ingest(items: Iterable[Item], db: Path, progress: Callable[[int, int | None, str], None] | None = None,
               feed_state: dict | None = None) -> WriteReport:
    """Process and store the items as they come, committed in batches (readers see each batch whole)."""
    from dashboard.runner import store_items

    return store_items(items, db, progress=progress, feed_state=feed_state or None)


def added_message(lang: str, added: int, present: int, failed: int) -> str:
    """What an addition did, in the interface language: "1 new article, 0 already there, 1 could not be read." """
    from .i18n import listing, tn

    return listing(lang, [tn(lang, "n_new_articles", added), tn(lang, "n_present", present),
                          tn(lang, "n_unreadable", failed)]) + "."


# -- the review step: what was read, corrected by the user before it is added ------------------

REVIEW_COLUMNS = ("file", "title", "published", "site", "beginning")
PREVIEW_CHARS = 120  # of the text shown beside each file, so the user recognises it
MAX_TITLE_CHARS = 300
MAX_SITE_CHARS = 200


def review_table(items: list[Item]) -> pd.DataFrame:
    """One row per article read: file, title, date (YYYY-MM-DD text), source and the text's
    beginning. Missing values are empty strings, never None (a table would print "None")."""
    rows = []
    for item in items:
        if isinstance(item, RawArticle):
            beginning = " ".join(item.text[: PREVIEW_CHARS * 2].split())[:PREVIEW_CHARS]
            rows.append({"file": plain_text(item.source), "title": plain_text(item.title),
                         "published": item.published.isoformat() if item.published else "",
                         "site": plain_text(item.site), "beginning": plain_text(beginning)})
    return pd.DataFrame(rows, columns=list(REVIEW_COLUMNS))


def _cell(value: object, limit: int) -> str | None:
    text = " ".join(plain_text(value).split())[:limit]
    return text or None


def _review_date(value: object) -> tuple[date | None, bool]:
    """(the date a cell gives, True if it is empty or a date)."""
    from dashboard.sources.pubdate import parse_published

    if is_missing(value) or not str(value).strip():
        return None, True
    day = parse_published(value if isinstance(value, date) else str(value))
    return day, day is not None


def apply_review(items: list[Item], edited: pd.DataFrame) -> tuple[list[Item], list[tuple[int, str]]]:
    """The items with the titles, dates and sources of the edited review table (rows in the order
    of `review_table`), and the rows whose date is not a date: [(row number from 1, what was typed)].
    Dates may be typed 2024-03-14, 14/03/2024, 14 March 2024, 14 mars 2024 or ١٤ مارس ٢٠٢٤."""
    out: list[Item] = []
    problems: list[tuple[int, str]] = []
    rows = edited.to_dict("records")
    n = 0
    for item in items:
        if not isinstance(item, RawArticle):
            out.append(item)
            continue
        row = rows[n] if n < len(rows) else {}
        n += 1
        day, ok = _review_date(row.get("published"))
        if not ok:
            problems.append((n, plain_text(row.get("published"))[:40]))
        out.append(replace(item, title=_cell(row.get("title"), MAX_TITLE_CHARS), published=day,
                           site=_cell(row.get("site"), MAX_SITE_CHARS)))
    return out, problems
