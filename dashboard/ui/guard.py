"""Errors on the page are plain messages in the interface language, never a traceback.

Streamlit Community Cloud forces its own `client.showErrorDetails`, so an error that reaches
Streamlit may be shown with its traceback whatever `.streamlit/config.toml` says. Each part of the
page (map, timeline, table, reader, add articles, problems) is drawn inside `part(lang, name)`:
an error there becomes one message saying what could not be shown and what to do, the details go
to the server's log, and the rest of the page is drawn as usual. Streamlit's own control flow
(`st.rerun`, `st.stop`) passes through: it is not an error.
"""
from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st

from dashboard.store import StoreBusy, StoreError

from .i18n import t

log = logging.getLogger("dashboard.ui")

# The interface names of the parts of the page (keys of dashboard/ui/i18n.py).
PARTS = {"map": "map", "timeline": "timeline", "table": "tab_events", "reader": "reader", "add": "tab_add",
         "problems": "tab_problems"}


def message_for(exc: Exception, lang: str, name: str) -> tuple[str, str]:
    """("warning" or "error", the plain message) for an error while drawing part `name` (or
    "page": outside the parts)."""
    if isinstance(exc, StoreBusy):
        return "warning", t(lang, "err_busy")
    if name not in PARTS:
        return "error", t(lang, "err_page")
    where = t(lang, PARTS[name])
    if isinstance(exc, StoreError):
        return "error", t(lang, "err_store", part=where)
    return "error", t(lang, "err_part", part=where)


def show(exc: Exception, lang: str, name: str) -> None:
    """Log the details for whoever runs the server; show the reader one plain sentence."""
    log.error("Error while drawing the %s", name, exc_info=exc)
    kind, text = message_for(exc, lang, name)
    (st.warning if kind == "warning" else st.error)(text)


@contextmanager
def part(lang: str, name: str) -> Iterator[None]:
    """Draw one part of the page; an error in it is shown as a plain message and the page goes on."""
    try:
        yield
    except Exception as exc:  # noqa: BLE001 - whatever it is, the reader gets a sentence, not a traceback
        show(exc, lang, name)
