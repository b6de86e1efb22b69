"""The store's errors: the one family callers outside the store catch."""
from __future__ import annotations


class StoreError(RuntimeError):
    """Anything that goes wrong reading or writing the store."""


class StoreMissing(StoreError, FileNotFoundError):
    """There is no store file yet."""


class StoreUnreadable(StoreError):
    """The file exists but is not a readable store (corrupt, or not a DuckDB file), or a query on it failed."""


class StoreBusy(StoreError):
    """A writer kept the store for longer than a reader (or another writer) waits."""
