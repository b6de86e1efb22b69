"""Run the pipeline over inputs and write the results to the store.

Shared by the command line and the app's "Add articles" page. One bad item never stops a batch:
an input that cannot be read, or an article the pipeline cannot process, becomes a failure row
with its reason, and every other article is stored.
"""
from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sized
from pathlib import Path

from dashboard import settings
from dashboard.pipeline import Resources, process
from dashboard.pipeline.identity import url_article_id
from dashboard.records import Failure, RawArticle
from dashboard.resources import default_resources
from dashboard.store import StoreWriter, WriteReport, read_feed_state, write_session

_SURROGATE = re.compile("[\\ud800-\\udfff]")
Progress = Callable[[int, int | None, str], None]  # (done, total if known, current source)


def failure_for(raw: RawArticle, exc: Exception) -> Failure:
    """A plain-language failure for an article the pipeline could not process."""
    if isinstance(exc, ValueError) and not isinstance(exc, UnicodeError):
        return Failure(raw.source, str(exc)[:500] or "The article could not be processed.")
    return Failure(raw.source, f"The article could not be processed because of an internal error "
                               f"({exc.__class__.__name__}). Please report it with this file.")


READ_AHEAD_ITEMS = 200  # inputs read ahead to look their addresses up in the store in one query
READ_AHEAD_CHARS = 2_000_000  # ... or this many characters of text, whichever comes first


def store_items(
    items: Iterable[RawArticle | Failure],
    db_path: Path,
    *,
    resources: Resources | None = None,
    progress: Progress | None = None,
    fresh: bool = False,
    feed_state: dict | None = None,
    max_chars: int | None = None,
) -> WriteReport:
    """Process every RawArticle, keep every Failure, and write them in committed batches.

    Items are read as they come (a generator is never listed), so memory holds a few hundred inputs
    and one batch. An article whose address is already stored is not processed again. `progress`
    gets (done, total or None when the items are not a list, source)."""
    resources = resources or default_resources()
    max_chars = max_chars or settings.max_document_chars()
    total = len(items) if isinstance(items, Sized) else None
    done = 0
    with write_session(db_path, fresh=fresh) as writer:
        for chunk in _read_ahead(items):
            known = writer.known_ids(url_article_id(i.url) for i in chunk if isinstance(i, RawArticle))
            while chunk:  # (each input is let go of once stored: a long one is not kept through the next)
                source = _store_one(writer, chunk.popleft(), known, resources, max_chars)
                done += 1
                if progress:
                    progress(done, total, source)
        if feed_state:
            writer.save_feed_state(feed_state)
    return writer.report


def _read_ahead(items: Iterable[RawArticle | Failure]) -> Iterator[deque[RawArticle | Failure]]:
    chunk: deque[RawArticle | Failure] = deque()
    chars = 0
    for item in items:
        chunk.append(item)
        chars += len(item.text) if isinstance(item, RawArticle) else 0
        del item  # the chunk is its only holder, so a long input is let go of once stored
        if len(chunk) >= READ_AHEAD_ITEMS or chars >= READ_AHEAD_CHARS:
            yield chunk
            chunk, chars = deque(), 0
    if chunk:
        yield chunk


def _store_one(writer: StoreWriter, item: RawArticle | Failure, known: set[str], resources: Resources,
               max_chars: int) -> str:
    """Store one input (or its failure); returns its source. The input and its processed article
    are let go of before a full batch is written."""
    source = item.source
    if isinstance(item, Failure):
        writer.add_failure(_storable(item))
        return source
    url_id = url_article_id(item.url)
    if url_id and (url_id in known or writer.buffered(url_id)):
        writer.report.present += 1
        return source
    try:
        art = process(item, resources, max_chars)
    except Exception as exc:  # noqa: BLE001 - one article must not stop the batch
        writer.add_failure(failure_for(item, exc))
        return source
    del item
    writer.buffer_article(art)
    del art
    writer.commit_if_full()
    return source


def _storable(failure: Failure) -> Failure:
    """A failure whose text the store can hold: lone surrogates (from a file name that is not
    UTF-8, say) would make the whole write fail, so they become U+FFFD."""
    source, reason = _SURROGATE.sub("\ufffd", failure.source), _SURROGATE.sub("\ufffd", failure.reason)
    return failure if (source, reason) == (failure.source, failure.reason) else Failure(source, reason)


def load_feed_state(db_path: Path) -> dict:
    """The ETag/Last-Modified remembered per feed URL, for conditional GETs."""
    return read_feed_state(db_path)
