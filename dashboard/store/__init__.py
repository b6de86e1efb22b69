"""The store: the only place with SQL. A DuckDB file, written atomically, read read-only."""
from __future__ import annotations

import os
from pathlib import Path

from .reader import StoreMissing, StoreReader, StoreUnreadable
from .writer import StoreWriter, WriteReport, write_session

DEFAULT_DB = Path(__file__).resolve().parent.parent.parent / "data" / "dashboard.duckdb"


def default_db_path() -> Path:
    """`DASHBOARD_DB` if set, else data/dashboard.duckdb."""
    return Path(os.environ.get("DASHBOARD_DB") or DEFAULT_DB)


__all__ = ["DEFAULT_DB", "StoreMissing", "StoreReader", "StoreUnreadable", "StoreWriter", "WriteReport",
           "default_db_path", "write_session"]
