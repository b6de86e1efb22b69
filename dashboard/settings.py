"""Where things are and how big they may be: the one place that reads paths and environment settings.

The command line, the app and the workers all read these functions, so a setting means the same
everywhere. Settings come from the environment (on Streamlit Community Cloud, its "Secrets" are
copied into the environment by the app, see `dashboard/ui/cloud_secrets.py`):

| variable | meaning | default |
| --- | --- | --- |
| `DASHBOARD_DB` | the store file | `data/dashboard.duckdb` in a checkout, else `~/.local/share/sahel-dashboard/` |
| `DASHBOARD_DATA_DIR` | the gazetteer, lexicons, samples and borders | the package's own data |
| `DASHBOARD_FEEDS` | the feeds file (one address a line) | `data/feeds.txt` |
| `DASHBOARD_COLLECTION` | a collection folder (Parquet) to rebuild the store from | none |
| `DASHBOARD_COLLECTION_SAVE` | `1`: the app also writes the collection after each refresh | off |
| `DASHBOARD_COLLECTION_TEXT_MONTHS` | the collection keeps the text of articles collected in this many months | 0 |
| `DASHBOARD_REFRESH_HOURS` | refresh the feeds when the newest fetch is older than this; 0: never | 6 |
| `DASHBOARD_ALLOW_PRIVATE_FEEDS` | `1`: the feeds file may name private and loopback addresses | off |
| `DASHBOARD_DB_MEMORY` | DuckDB's cache for the app process | `256MB` |
| `DASHBOARD_MAX_DOCUMENT_CHARS` | a longer document is split into parts of this size | 200,000 |
| `DASHBOARD_STORE_WAIT_SECONDS` | how long a page (or a writer) waits for another writer's commit | 30 |

Data ships inside the package (a wheel holds `dashboard/data/`, see pyproject.toml); in a source
checkout it is the top-level `data/` folder.
"""
from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
CHECKOUT_DIR = PACKAGE_DIR.parent

# Limits on what one input may cost (files, uploads, feeds).
MAX_FILE_BYTES = 20_000_000  # a file, an upload or a page: larger ones are refused unread
MAX_UPLOAD_FILES = 20  # files in one upload batch
MAX_FEED_BYTES = 5_000_000  # a feed's body
FEED_TIMEOUT_SECONDS = 10.0


# Every setting above, by name: on Streamlit Community Cloud the app copies these from its
# "Secrets" into the environment (dashboard/ui/cloud_secrets.py), so this module stays the one reader.
ENVIRONMENT_SETTINGS = (
    "DASHBOARD_DB", "DASHBOARD_DATA_DIR", "DASHBOARD_FEEDS", "DASHBOARD_COLLECTION", "DASHBOARD_COLLECTION_SAVE",
    "DASHBOARD_COLLECTION_TEXT_MONTHS", "DASHBOARD_REFRESH_HOURS", "DASHBOARD_ALLOW_PRIVATE_FEEDS",
    "DASHBOARD_DB_MEMORY", "DASHBOARD_MAX_DOCUMENT_CHARS",
)


def _env(name: str) -> str | None:
    value = os.environ.get(name, "").strip()
    return value or None


def data_dir() -> Path:
    """The folder with the gazetteer, lexicons, samples and borders."""
    override = _env("DASHBOARD_DATA_DIR")
    if override:
        return Path(override)
    packaged = PACKAGE_DIR / "data"  # an installed wheel
    if (packaged / "lexicons").is_dir():
        return packaged
    return CHECKOUT_DIR / "data"


def samples_dir() -> Path:
    return data_dir() / "samples"


def borders_file() -> Path:
    return data_dir() / "borders" / "countries.geojson"


def feeds_file() -> Path:
    override = _env("DASHBOARD_FEEDS")
    return Path(override) if override else data_dir() / "feeds.txt"


def _in_checkout() -> bool:
    return (CHECKOUT_DIR / "pyproject.toml").is_file() and (CHECKOUT_DIR / "data").is_dir()


def default_db_path() -> Path:
    """`DASHBOARD_DB` if set; in a source checkout `data/dashboard.duckdb`; otherwise a file in the
    user's data folder (an installed package's own folder may not be writable)."""
    override = _env("DASHBOARD_DB")
    if override:
        return Path(override)
    if _in_checkout():
        return CHECKOUT_DIR / "data" / "dashboard.duckdb"
    base = Path(_env("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "sahel-dashboard" / "dashboard.duckdb"


def collection_dir() -> Path | None:
    override = _env("DASHBOARD_COLLECTION")
    return Path(override) if override else None


def refresh_hours() -> float:
    """Hours after which the app fetches the feeds again; 0 turns automatic refreshes off."""
    try:
        return max(0.0, float(_env("DASHBOARD_REFRESH_HOURS") or 6))
    except ValueError:
        return 6.0


def _switch(name: str) -> bool:
    return (_env(name) or "").lower() in ("1", "true", "yes", "on")


def allow_private_feeds() -> bool:
    return _switch("DASHBOARD_ALLOW_PRIVATE_FEEDS")


def save_collection() -> bool:
    """Whether the app writes the collection folder after each refresh. Off by default: on Streamlit
    Community Cloud the folder is part of the repository, which the scheduled workflow writes."""
    return _switch("DASHBOARD_COLLECTION_SAVE") and collection_dir() is not None


def collection_text_months() -> int:
    """The collection keeps the text of the articles collected in this many months (the newest: this
    month and the ones before); 0 (the default): no text. A git repository keeps every file it was
    given, so text written once stays in its history even after its month is dropped: on event-rich
    news, text is about 60% of what a collection adds to a repository (README, "The collection")."""
    try:
        return max(0, int(_env("DASHBOARD_COLLECTION_TEXT_MONTHS") or 0))
    except ValueError:
        return 0


def db_memory_limit() -> str:
    """DuckDB's cache of the store for the app process. DuckDB would otherwise keep up to 80% of
    the machine's memory of table data; Streamlit Community Cloud gives an app under a gigabyte."""
    return _env("DASHBOARD_DB_MEMORY") or "256MB"


def max_document_chars() -> int:
    """A document longer than this is processed and stored as parts of this size."""
    try:
        return max(10_000, int(_env("DASHBOARD_MAX_DOCUMENT_CHARS") or 200_000))
    except ValueError:
        return 200_000


def store_wait_seconds() -> float:
    """How long a reader waits for a writer's commit (a batch: about a second), and a writer for
    readers to step aside, before saying the store is busy."""
    try:
        return max(0.5, float(_env("DASHBOARD_STORE_WAIT_SECONDS") or 30))
    except ValueError:
        return 30.0
