"""The store: the only place with SQL. A DuckDB file, written in committed batches by one writer at a
time, read read-only by processes that step aside while a batch is committed (see `gate.py`)."""
from __future__ import annotations

from pathlib import Path

from dashboard.settings import default_db_path

from .errors import StoreBusy, StoreError, StoreMissing, StoreUnreadable
from .reader import StoreReader
from .writer import StoreWriter, WriteReport, remove_store, write_session


def read_feed_state(db_path: Path) -> dict[str, tuple[str | None, str | None]]:
    """The ETag/Last-Modified remembered per feed URL ({} when there is no readable store yet)."""
    try:
        reader = StoreReader(db_path)
        try:
            return reader.feed_state()
        finally:
            reader.close()
    except StoreError:
        return {}


__all__ = ["StoreBusy", "StoreError", "StoreMissing", "StoreReader", "StoreUnreadable", "StoreWriter", "WriteReport",
           "default_db_path", "read_feed_state", "remove_store", "write_session"]
