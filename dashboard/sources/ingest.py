"""Ingest: every kind of input becomes RawArticles, every broken input a Failure.

Inputs are files (plain text, saved web pages, RSS/Atom, JSON Lines, JSON, CSV), folders of
them, uploads (name + bytes) and feed URLs. Nothing here raises for bad input and nothing stops
a batch: one unreadable file is one Failure with a reason a non-programmer understands.

A text or HTML file `NAME.txt` may have a sidecar `NAME.meta.json` with title, url, published
(YYYY-MM-DD) and source; the sidecar is metadata, never an article.
"""
from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from dashboard import settings
from dashboard.records import Failure, RawArticle

from .fetch import FeedResult, fetch_feed, human_size
from .formats import metadata, read_bytes

__all__ = [
    "MAX_FILE_BYTES", "FeedResult", "fetch_feed", "load_feed_list", "read_path", "read_sources",
    "read_upload",
]

Record = RawArticle | Failure
MAX_FILE_BYTES = settings.MAX_FILE_BYTES
SIDECAR_SUFFIX = ".meta.json"


def display_name(path: Path | str) -> str:
    """A file name as it can be stored and shown.

    Names on disk are bytes: one that is not UTF-8 arrives with lone surrogates (Python's
    `surrogateescape`), which no database or page can hold; those bytes become U+FFFD.
    """
    name = os.fspath(path)
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:  # a lone surrogate that is not an escaped byte
        return re.sub("[\\ud800-\\udfff]", "\ufffd", name)


def _too_big(limit: int) -> str:
    return f"The file is larger than {human_size(limit)}, the most this program reads from one file."


def _guarded(source: str, records: Iterator[Record]) -> Iterator[Record]:
    """Yield from a reader; turn an unexpected crash into a Failure so the batch goes on."""
    try:
        yield from records
    except Exception as exc:  # noqa: BLE001
        yield Failure(source, f"This input could not be read because of an internal error "
                              f"({exc.__class__.__name__}). Please report it with this file.")


def sidecar_for(path: Path) -> Path:
    """`NAME.txt` -> `NAME.meta.json` (the sample is `x.ar.txt` with `x.ar.meta.json`)."""
    return path.with_name(path.stem + SIDECAR_SUFFIX)


def is_sidecar(path: Path) -> bool:
    return path.name.lower().endswith(SIDECAR_SUFFIX)


def _read_sidecar(path: Path) -> tuple[dict | None, Failure | None]:
    meta_path = sidecar_for(path)
    if not meta_path.is_file():
        return None, None
    try:
        raw = meta_path.read_bytes()[:1_000_000]
        value = json.loads(raw.decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
        detail = exc.msg if isinstance(exc, json.JSONDecodeError) else exc.__class__.__name__
        return None, Failure(display_name(meta_path), f"The metadata file is not valid JSON ({detail}); "
                                             f"the article was read without its title, date and address.")
    if not isinstance(value, dict):
        return None, Failure(display_name(meta_path), "The metadata file does not hold a JSON object; "
                                             "the article was read without its title, date and address.")
    return {k: v for k, v in metadata(value).items() if k != "external_id"}, None


def _read_file(path: Path, max_bytes: int) -> Iterator[Record]:
    source = display_name(path)
    if not path.is_file():  # a pipe or a device would block or never end
        yield Failure(source, "This is neither a file nor a folder.")
        return
    try:
        if path.stat().st_size > max_bytes:
            yield Failure(source, _too_big(max_bytes))
            return
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except PermissionError:
        yield Failure(source, "The file could not be opened: permission denied.")
        return
    except OSError as exc:
        yield Failure(source, f"The file could not be opened ({exc.strerror or exc.__class__.__name__}).")
        return
    if len(data) > max_bytes:
        yield Failure(source, _too_big(max_bytes))
        return
    meta, meta_failure = _read_sidecar(path)
    records = read_bytes(source, path.name, data, meta)
    del data  # the reader holds the bytes only until it has decoded them (a long file is processed meanwhile)
    yield from records
    if meta_failure:
        yield meta_failure


def _walk(folder: Path) -> Iterator[Path]:
    """Files under a folder, in a stable order, without hidden files, hidden folders or sidecars."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(root) / name
            if not name.startswith(".") and not is_sidecar(path):
                yield path


def read_path(path: Path, *, max_bytes: int = MAX_FILE_BYTES) -> Iterator[Record]:
    """Read a file, or every file in a folder recursively."""
    path = Path(path)
    if path.is_dir():
        for file in _walk(path):
            yield from _guarded(display_name(file), _read_file(file, max_bytes))
    elif path.is_file():
        yield from _guarded(display_name(path), _read_file(path, max_bytes))
    elif path.exists():
        yield Failure(display_name(path), "This is neither a file nor a folder.")
    else:
        yield Failure(display_name(path), "The file or folder does not exist.")


def read_upload(name: str, data: bytes, *, max_bytes: int = MAX_FILE_BYTES) -> Iterator[Record]:
    """An uploaded file (the app's "Add articles" page): dispatched like a file on disk."""
    source = display_name(name)
    if len(data) > max_bytes:
        yield Failure(source, _too_big(max_bytes))
        return
    yield from _guarded(source, read_bytes(source, name, data))


def is_url(item: str) -> bool:
    return "://" in item.strip()[:12]


def read_sources(items: Iterable[str], *, allow_private: bool = False, timeout: float = 10,
                 feed_state: dict | None = None, max_bytes: int = MAX_FILE_BYTES) -> Iterator[Record]:
    """Read paths (files or folders) and feed URLs in order.

    `feed_state` maps a feed URL to its last (etag, modified); it is read for conditional GETs
    and updated in place after each successful fetch, so the caller can persist it.
    """
    for item in items:
        item = item.strip()
        if not item:
            continue
        if is_url(item):
            etag, modified = (feed_state or {}).get(item) or (None, None)
            result = fetch_feed(item, etag=etag, modified=modified, timeout=timeout,
                                allow_private=allow_private)
            fetched = result.not_modified or result.articles or not result.failures
            if feed_state is not None and fetched and (result.etag or result.modified):
                feed_state[item] = (result.etag, result.modified)
            yield from result.articles
            yield from result.failures
        else:
            yield from read_path(Path(item), max_bytes=max_bytes)


def load_feed_list(path: Path) -> list[str]:
    """Feed addresses from a list file: one per line, `#` starts a comment, duplicates dropped."""
    feeds: list[str] = []
    for line in Path(path).read_text(encoding="utf-8-sig").splitlines():
        line = line.split(" #", 1)[0].split("\t#", 1)[0].strip()
        if line and not line.startswith("#") and line not in feeds:
            feeds.append(line)
    return feeds
