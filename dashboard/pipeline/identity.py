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


HASH_PIECE_CHARS = 1_000_000  # a longer text is hashed a piece at a time: its list of words would take ~10x its size


def content_hash(text: str) -> str:
    """sha256 of `normalised_text(text)`; a long text is normalised piece by piece, cut after a
    space or line break (nothing composes across one), which gives the same digest."""
    if len(text) <= HASH_PIECE_CHARS:
        return hashlib.sha256(normalised_text(text).encode("utf-8")).hexdigest()
    digest = hashlib.sha256()
    started = False
    for piece in _pieces_after_spaces(text, HASH_PIECE_CHARS):
        words = unicodedata.normalize("NFKC", piece).split()
        if words:
            digest.update((" " if started else "").encode() + " ".join(words).casefold().encode("utf-8"))
            started = True
    return digest.hexdigest()


def _pieces_after_spaces(text: str, size: int):
    start, n = 0, len(text)
    while start < n:
        end = min(n, start + size)
        if end < n:
            cut = max(text.rfind(" ", start, end), text.rfind("\n", start, end))
            if cut < 0:  # no space in this window: up to the next one, or the end
                ahead = [k for k in (text.find(" ", end), text.find("\n", end)) if k >= 0]
                cut = min(ahead) if ahead else n - 1
            end = cut + 1
        yield text[start:end]
        start = end


def url_article_id(url: str | None) -> str | None:
    """The id an article at this address has (None without a usable address): lets a caller skip
    an article already stored before processing it."""
    return article_id(url, "") if normalise_url(url) else None


def article_id(url: str | None, text_hash: str) -> str:
    """From the normalised URL when there is one, else from the content hash (16 hex chars)."""
    key = normalise_url(url)
    basis = ("url:" + key) if key else ("text:" + text_hash)
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]
