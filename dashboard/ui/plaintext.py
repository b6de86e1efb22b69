"""Untrusted text made safe to show as text (pure, no imports from the rest of the app)."""
from __future__ import annotations

import re

# Bidi embeddings, overrides and isolates (they can make text read backwards beyond its own cell)
# and control characters other than tab and newline.
_UNSHOWABLE = re.compile("[\u202a-\u202e\u2066-\u2069\x00-\x08\x0b-\x1f\x7f]")


def is_missing(value: object) -> bool:
    """None, NaN, NaT or pandas' NA: a value a table or message must show as nothing, never as
    "None" or "nan" (query results hold NaN where the store holds NULL)."""
    if value is None or (isinstance(value, float) and value != value):
        return True
    return type(value).__name__ in ("NAType", "NaTType")


def plain_text(text: object) -> str:
    """Untrusted text as it may be shown: no bidi overrides or control characters (the store's
    cleaning removes them already; this keeps a store written by anything else safe to show).
    A missing value is the empty string."""
    return _UNSHOWABLE.sub("", text) if isinstance(text, str) else ("" if is_missing(text) else str(text))


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~:$&])")


def markdown_text(text: str) -> str:
    """Untrusted text for a place Streamlit reads as Markdown (messages, progress): every Markdown
    character escaped, so a file name like `[x](javascript:...)` or `<b>` is shown as it is."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)
