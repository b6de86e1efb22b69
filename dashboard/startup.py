"""What the app does to its store before the first page: nothing, import the collection, start an
empty store for the first refresh, or build the sample store. No Streamlit here.

- `DASHBOARD_COLLECTION` names a collection with articles the store lacks (the store is missing,
  unreadable, or older): the store is rebuilt from it. On Streamlit Community Cloud this is every
  start (the disk is new) and every redeploy after the scheduled workflow committed new articles.
- No store and no collection, and the app refreshes feeds on its own: an empty store, which the
  first refresh fills (a shared dashboard then shows the news, not a sample from 2020).
- No store otherwise: the bundled sample articles, so that a first look shows something.

Checked on every page run, but each check costs a file stat unless the collection or the store
changed since the last one.
"""
from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from dashboard import settings
from dashboard.store import StoreError
from dashboard.store.collection import collection_is_newer, import_collection
from dashboard.store.collection_files import MANIFEST


class StartAction(Enum):
    NONE = "none"
    IMPORT = "import"  # rebuild the store from the collection
    EMPTY = "empty"  # an empty store for the first refresh to fill
    SAMPLES = "samples"  # the bundled sample articles


@dataclass(frozen=True)
class StartPlan:
    db: Path
    collection: Path | None
    refresh_on: bool  # the app refreshes the feeds on its own
    has_feeds: bool  # the feeds file lists at least one address

    @classmethod
    def from_settings(cls, db: Path) -> StartPlan:
        from dashboard.sources.ingest import load_feed_list

        feeds = settings.feeds_file()
        try:
            has_feeds = feeds.is_file() and bool(load_feed_list(feeds))
        except (OSError, UnicodeDecodeError):
            has_feeds = False
        return cls(db, settings.collection_dir(), settings.refresh_hours() > 0, has_feeds)


_LOCK = threading.Lock()
_CHECKED: dict[tuple, StartAction] = {}  # (plan, collection and store identities) -> what was due


def _identity(path: Path | None) -> tuple | None:
    try:
        st = os.stat(path) if path else None
    except OSError:
        return None
    return (st.st_ino, st.st_mtime_ns, st.st_size) if st else None


def _key(plan: StartPlan) -> tuple:
    manifest = plan.collection / MANIFEST if plan.collection else None
    return plan, _identity(manifest), _identity(plan.db)


def _without_collection(plan: StartPlan) -> StartAction:
    if plan.db.exists():
        return StartAction.NONE
    return StartAction.EMPTY if plan.refresh_on and plan.has_feeds else StartAction.SAMPLES


def action_due(plan: StartPlan) -> StartAction:
    """What the store needs now (reads the collection's manifest and the store's newest article
    only when one of them changed since the last check)."""
    key = _key(plan)
    if key not in _CHECKED:
        if len(_CHECKED) > 64:
            _CHECKED.clear()
        newer = plan.collection is not None and collection_is_newer(plan.collection, plan.db)
        _CHECKED[key] = StartAction.IMPORT if newer else _without_collection(plan)
    return _CHECKED[key]


def _build(plan: StartPlan, action: StartAction) -> None:
    if action is StartAction.IMPORT:
        assert plan.collection is not None  # IMPORT is chosen only when there is a collection
        import_collection(plan.collection, plan.db)
    elif action is StartAction.EMPTY:
        from dashboard.store import write_session

        with write_session(plan.db, fresh=True):
            pass
    elif action is StartAction.SAMPLES:
        from dashboard.runner import store_items
        from dashboard.sources.ingest import read_path

        store_items(read_path(settings.samples_dir()), plan.db, fresh=True)


def prepare_store(plan: StartPlan) -> tuple[StartAction, str | None]:
    """Do what `action_due` says, once per process however many pages ask at the same time.
    Returns what was done and, when the collection could not be imported, why (the store is then
    used as it is, or started without the collection, and the import is not tried again until the
    collection or the store changes). Raises StoreError when no store can be made at all."""
    with _LOCK:
        due = action_due(plan)  # again: another page may have done it while this one waited
        problem = None
        if due is StartAction.IMPORT:
            try:
                _build(plan, due)
            except StoreError as exc:
                problem = str(exc)
                due = _without_collection(plan)
        if due is not StartAction.IMPORT:
            _build(plan, due)
        _CHECKED[_key(plan)] = StartAction.NONE
        return due, problem
