"""Stable identities: the same URL or the same normalised text is the same article."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_TRACKING = re.compile(r"^(utm_|fbclid$|gclid$|mc_|ref$|ref_src$|cmp$|xtor$)")


def normalise_url(url: str | None) -> str | None:
    """Lower-case scheme and host, drop fragments, tracking parameters and trailing slashes."""
    if not url or not url.strip():
        return None
    parts = urlsplit(url.strip())
    if not parts.scheme or not parts.netloc:
        return url.strip()
    host = parts.netloc.lower()
    if host.startswith("www."):
        host = host[4:]
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query) if not _TRACKING.match(k.lower())))
    path = parts.path.rstrip("/") or "/"
    scheme = "https" if parts.scheme.lower() in ("http", "https") else parts.scheme.lower()
    return urlunsplit((scheme, host, path, query, ""))


def normalised_text(text: str) -> str:
    """Text reduced to what identifies it: NFKC, case-folded, whitespace collapsed."""
    # str.split() splits on the same whitespace as the regex \s, and is faster than a substitution
    return " ".join(unicodedata.normalize("NFKC", text).split()).casefold()


def content_hash(text: str) -> str:
    return hashlib.sha256(normalised_text(text).encode("utf-8")).hexdigest()


def url_article_id(url: str | None) -> str | None:
    """The id an article at this address has (None without a usable address): lets a caller skip
    an article already stored before processing it."""
    return article_id(url, "") if normalise_url(url) else None


def article_id(url: str | None, text_hash: str) -> str:
    """From the normalised URL when there is one, else from the content hash (16 hex chars)."""
    key = normalise_url(url)
    basis = ("url:" + key) if key else ("text:" + text_hash)
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]
