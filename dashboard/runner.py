"""Run the pipeline over inputs and write the results to the store.

Shared by the command line and the app's "Add articles" page. One bad item never stops a batch:
an input that cannot be read, or an article the pipeline cannot process, becomes a failure row
with its reason, and every other article is stored.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path

from dashboard.pipeline import Resources, process
from dashboard.resources import default_resources
from dashboard.pipeline.identity import url_article_id
from dashboard.records import Failure, RawArticle
from dashboard.store import WriteReport, read_feed_state, write_session

_SURROGATE = re.compile("[\\ud800-\\udfff]")
Progress = Callable[[int, int, str], None]  # (done, total, current source)


def failure_for(raw: RawArticle, exc: Exception) -> Failure:
    """A plain-language failure for an article the pipeline could not process."""
    if isinstance(exc, ValueError) and not isinstance(exc, UnicodeError):
        return Failure(raw.source, str(exc)[:500] or "The article could not be processed.")
    return Failure(raw.source, f"The article could not be processed because of an internal error "
                               f"({exc.__class__.__name__}). Please report it with this file.")


def store_items(
    items: Iterable[RawArticle | Failure],
    db_path: Path,
    *,
    resources: Resources | None = None,
    progress: Progress | None = None,
    fresh: bool = False,
    feed_state: dict | None = None,
) -> WriteReport:
    """Process every RawArticle, keep every Failure, write all of it in one atomic session."""
    resources = resources or default_resources()
    batch = list(items)
    total = len(batch)
    with write_session(db_path, fresh=fresh) as writer:
        for done, item in enumerate(batch, start=1):
            if isinstance(item, Failure):
                writer.add_failure(_storable(item))
            elif writer.has_article(article_id=url_article_id(item.url)):
                writer.report.present += 1
            else:
                try:
                    writer.add_article(process(item, resources))
                except Exception as exc:  # noqa: BLE001 - one article must not stop the batch
                    writer.add_failure(failure_for(item, exc))
            if progress:
                progress(done, total, item.source)
        if feed_state:
            writer.save_feed_state(feed_state)
        return writer.report


def _storable(failure: Failure) -> Failure:
    """A failure whose text the store can hold: lone surrogates (from a file name that is not
    UTF-8, say) would make the whole write fail, so they become U+FFFD."""
    source, reason = _SURROGATE.sub("\ufffd", failure.source), _SURROGATE.sub("\ufffd", failure.reason)
    return failure if (source, reason) == (failure.source, failure.reason) else Failure(source, reason)


def load_feed_state(db_path: Path) -> dict:
    """The ETag/Last-Modified remembered per feed URL, for conditional GETs."""
    return read_feed_state(db_path)
