"""Links taken from untrusted inputs."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

# Spaces, control characters, invisible and bidi controls (which can make a link look like
# another one), and lone surrogates (which cannot be stored): none belongs in a web address.
_BAD_CHARS = re.compile("[\\x00-\\x20\\x7f-\\x9f\\u00ad\\u061c\\u200b-\\u200f\\u2028-\\u202e"
                        "\\u2060-\\u2069\\ufeff\\ud800-\\udfff]")


def safe_link(value: object) -> str | None:
    """An http(s) link worth keeping, or None.

    The app shows article links; a `javascript:` or `data:` link from a hostile input must never
    reach it, so anything that is not a plain web address is dropped.
    """
    if not isinstance(value, str):
        return None
    link = value.strip()
    if not link or len(link) > 2048 or _BAD_CHARS.search(link):
        return None
    try:
        parts = urlsplit(link)
        host = parts.hostname
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not host:
        return None
    return link
