"""RSS and Atom feed documents (bytes) to RawArticles, refusing unsafe XML first.

Feeds come from anywhere, so before feedparser sees the bytes we refuse any document type or
entity declaration: they are how XML bombs ("billion laughs") and external-entity attacks work,
and no real news feed needs them.
"""
from __future__ import annotations

import io
import re
from datetime import date
from typing import Any
from xml.etree.ElementTree import ParseError

import feedparser
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as safe_fromstring

from dashboard.records import Failure, RawArticle

from .htmltext import html_to_text
from .pubdate import has_date_shape, parse_published
from .urls import safe_link

UNSAFE_XML = ("The feed contains a document type or entity declaration (DOCTYPE or ENTITY), "
              "which is refused because it can be used to attack the reader.")
WEB_PAGE = ("This is a web page, not a news feed (RSS or Atom). Save the page and add it as a file, "
            "or use the site's feed address.")
NOT_A_FEED = "This is not an RSS or Atom news feed."
BAD_CHARACTER = ("The feed could not be read: it refers to a character that does not exist "
                 "(a numeric character reference outside Unicode).")

_ROOT_START = re.compile(r"<[A-Za-z_]")
_DECLARATION = re.compile(r"<!\s*(?:DOCTYPE|ENTITY)", re.I)
_CHARREF = re.compile(rb"&#(?:[xX]0*([0-9a-fA-F]+)|0*([0-9]+));")
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]{1,40})["']""")
_HTML_START = re.compile(r"^\s*(?:<!--.*?-->\s*)*(?:<!DOCTYPE\s+html|<html)", re.I | re.S)


def _head(data: bytes) -> str:
    """The start of the document, decoded well enough to look for declarations."""
    head = data[:65536]
    for bom, codec in ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
                       (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(bom):
            text = head[len(bom):].decode(codec, errors="ignore")
            break
    else:
        if head[:1] == b"\x00" or head[1:2] == b"\x00":
            text = head.decode("utf-16-be" if head[:1] == b"\x00" else "utf-16-le", errors="ignore")
        else:
            text = head.decode("latin-1")
    return text


def _declared_head(data: bytes) -> str | None:
    """The start of the document in the encoding it declares (UTF-7, EBCDIC...), if Python knows it."""
    match = _XML_ENCODING.match(data[:1024])
    if not match:
        return None
    try:
        return data[:65536].decode(match.group(1).decode("ascii"), errors="ignore")
    except (LookupError, ValueError):
        return None


def refusal_reason(data: bytes) -> str | None:
    """Why these feed bytes must not be parsed, or None if they may be."""
    head = _head(data).lstrip("\ufeff\u00ef\u00bb\u00bf")
    if _HTML_START.match(head):
        return WEB_PAGE
    raw = data[:65536]
    # a declaration may hide in another encoding: UTF-16/32 without a byte order mark (NULs
    # between ASCII letters), the one the document declares (UTF-7...), or EBCDIC
    for text in (head, raw.replace(b"\x00", b"").decode("latin-1"), _declared_head(data),
                 raw.decode("cp500"), raw.decode("cp037")):
        if text is None:
            continue
        root = _ROOT_START.search(text)
        prolog = text[: root.start()] if root else text
        if _DECLARATION.search(prolog):
            return UNSAFE_XML
    try:
        safe_fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        return UNSAFE_XML
    except (ParseError, ValueError, LookupError):
        pass  # not well-formed, or in an encoding the XML parser lacks: feedparser may still read it
    return None


def _plain(value: str | None, detail: dict | None = None) -> str:
    """Feed text fields may hold HTML; give what a reader would see."""
    if not value:
        return ""
    kind = (detail or {}).get("type", "text/html")
    if "html" in kind:
        return html_to_text(value)
    return value.strip()


def _entry_text(entry: dict) -> str:
    candidates = [_plain(c.get("value"), c) for c in entry.get("content") or []]
    candidates.append(_plain(entry.get("summary"), entry.get("summary_detail")))
    return max(candidates, key=len, default="")


def _entry_date(entry: dict) -> date | None:
    """The date as the feed wrote it; feedparser's own parse only for forms we do not read.

    feedparser converts to UTC and rolls impossible dates over (2020-13-45 becomes 2021-01-01);
    an impossible date must stay unknown.
    """
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if not isinstance(raw, str) or not raw.strip():
            continue
        if has_date_shape(raw):
            return parse_published(raw)
        return parse_published(entry.get(f"{key}_parsed"))
    return None


def _charref(match: re.Match) -> bytes:
    digits = match.group(1) or match.group(2)
    if len(digits) > 8:
        return b"&#xFFFD;"
    code = int(digits, 16) if match.group(1) else int(digits)
    return b"&#xFFFD;" if 0xD800 <= code <= 0xDFFF or code > 0x10FFFF else match.group(0)


def _safe_charrefs(data: bytes) -> bytes:
    """`&#xD800;` (a lone surrogate) or `&#x110000;` (beyond Unicode) crash feedparser and would
    lose the whole feed; they become U+FFFD, as a browser shows them."""
    return _CHARREF.sub(_charref, data) if b"&#" in data else data


def parse_feed(data: bytes, source: str, *, base_url: str | None = None,
               content_type: str | None = None) -> tuple[list[RawArticle], list[Failure]]:
    """Articles from one feed document; failures for the document or entries that cannot be read."""
    reason = refusal_reason(data)
    if reason:
        return [], [Failure(source, reason)]
    try:
        parsed = feedparser.parse(io.BytesIO(_safe_charrefs(data)),
                                  response_headers=_response_headers(base_url, content_type),
                                  sanitize_html=True, resolve_relative_uris=bool(base_url))
    except (ValueError, OverflowError, LookupError):  # UnicodeError is a ValueError
        return [], [Failure(source, BAD_CHARACTER)]
    entries = parsed.get("entries") or []
    if not parsed.get("version") and not parsed.get("bozo"):
        return [], [Failure(source, NOT_A_FEED)]
    if not entries:
        return [], _entryless_failures(parsed, source)
    site = _plain(parsed.feed.get("title"), parsed.feed.get("title_detail")) or None
    articles: list[RawArticle] = []
    failures: list[Failure] = []
    for number, entry in enumerate(entries, start=1):
        read = _entry_article(entry, number, source, site)
        if isinstance(read, Failure):
            failures.append(read)
        else:
            articles.append(read)
    return articles, failures


def _response_headers(base_url: str | None, content_type: str | None) -> dict[str, str]:
    """The HTTP headers feedparser would have seen: where the feed came from, what it said it was."""
    headers = {}
    if base_url:
        headers["content-location"] = base_url
    if content_type:
        headers["content-type"] = content_type
    return headers


def _entryless_failures(parsed: Any, source: str) -> list[Failure]:
    """A parsed document with no entries: unreadable, not a feed, or an empty feed (no failure)."""
    if parsed.get("bozo") and not parsed.get("version"):
        problem = str(parsed.get("bozo_exception") or "").strip()
        detail = f" ({problem})" if problem else ""
        return [Failure(source, f"The feed could not be read as RSS or Atom{detail}.")]
    if not parsed.get("version"):
        return [Failure(source, NOT_A_FEED)]
    return []


def _entry_article(entry: dict, number: int, source: str, site: str | None) -> RawArticle | Failure:
    """The article of feed entry `number`, or a failure when it has neither a title nor any text."""
    title = _plain(entry.get("title"), entry.get("title_detail")) or None
    text = _entry_text(entry) or title  # a headline alone still says what happened
    if not text:
        # its own source: the store drops failures of a source that gave an article
        return Failure(f"{source}:entry {number}", f"Feed entry {number} has neither a title nor any text.")
    return RawArticle(
        source=source,
        text=text,
        title=title,
        url=safe_link(entry.get("link")),
        published=_entry_date(entry),
        site=site,
        fmt="feed",
        external_id=str(entry["id"]) if entry.get("id") else None,
    )
