"""The store: the only place with SQL. A DuckDB file, written atomically, read read-only."""
from __future__ import annotations

from pathlib import Path

from dashboard.settings import default_db_path

from .reader import StoreError, StoreMissing, StoreReader, StoreUnreadable
from .writer import StoreWriter, WriteReport, write_session


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


__all__ = ["StoreError", "StoreMissing", "StoreReader", "StoreUnreadable", "StoreWriter", "WriteReport",
           "default_db_path", "read_feed_state", "write_session"]
