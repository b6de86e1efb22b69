"""Links taken from untrusted inputs."""
from __future__ import annotations

from urllib.parse import urlsplit


def safe_link(value: object) -> str | None:
    """An http(s) link worth keeping, or None.

    The app shows article links; a `javascript:` or `data:` link from a hostile input must never
    reach it, so anything that is not a plain web address is dropped.
    """
    if not isinstance(value, str):
        return None
    link = value.strip()
    if not link or len(link) > 2048 or any(ch in link for ch in "\r\n\t "):
        return None
    try:
        parts = urlsplit(link)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return link
