"""One reader per input format, from bytes to RawArticles and Failures.

Each reader gets the bytes of one input and the name to report it under (`source`), and yields
records; none raises for bad content. Choosing the reader (`kind_of`) looks at the file
extension first and at the content when the extension says nothing.
"""
from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator, Mapping
from pathlib import PurePath
from typing import Any

import trafilatura

from dashboard.records import Failure, RawArticle

from .decode import BINARY, DecodeError, declared_charset, decode_bytes, looks_binary
from .feeds import parse_feed
from .htmltext import nesting_depth
from .pubdate import parse_published
from .textmeta import read_head
from .urls import safe_link

Record = RawArticle | Failure

NO_PAGE_TEXT = "The page has no article text that could be extracted"
MAX_PAGE_DEPTH = 255  # the HTML parser stops reading a page below this many nested tags
TOO_DEEP = (f"The page's tags are nested {MAX_PAGE_DEPTH} or more levels deep, too deep for its text "
            f"to be read.")

EXTENSIONS = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
    ".csv": "csv", ".tsv": "csv",
}
_HTML_SNIFF = re.compile(rb"^\s*(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html|<head|<body|<meta|<title)", re.I | re.S)
_FEED_SNIFF = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.I)


def kind_of(name: str, data: bytes) -> str:
    """The reader for an input: by extension, else by looking at the first bytes."""
    kind = EXTENSIONS.get(PurePath(name).suffix.lower())
    if kind:
        return kind
    if looks_binary(data):
        return "binary"
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if _HTML_SNIFF.match(head):
        return "html"
    if head.startswith(b"<?xml") or _FEED_SNIFF.search(head):
        return "html" if re.search(rb"<html[\s>]", head, re.I) else "feed"
    if head.startswith(b"{"):
        return "jsonl"
    if head.startswith(b"["):
        return "json"
    return "text"


# --- metadata shared by sidecars, JSON and CSV ------------------------------------------------

def _str(value: object) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def metadata(fields: Mapping[str, object]) -> dict[str, Any]:
    """RawArticle keyword arguments from a record's title, url, published, source and id."""
    site = fields.get("source", fields.get("site"))
    return {
        "title": _str(fields.get("title")),
        "url": safe_link(fields.get("url")),
        "published": parse_published(fields.get("published")),
        "site": _str(site),
        "external_id": _str(fields.get("id")),
    }


def _merge(base: dict[str, Any], override: Mapping[str, object] | None) -> dict[str, Any]:
    if not override:
        return base
    return {**base, **{k: v for k, v in override.items() if v is not None}}


# --- readers ------------------------------------------------------------------------------------

def read_text(source: str, data: bytes, meta: Mapping[str, object] | None = None) -> Iterator[Record]:
    """A plain-text article; its headline and dateline, when it starts with them, give its title
    and publication date (a sidecar's metadata wins over both)."""
    try:
        text = decode_bytes(data)
    except DecodeError as exc:
        yield Failure(source, str(exc))
        return
    del data  # decoded: a long text is processed while this reader waits, without its bytes
    head = read_head(text)
    found = {"title": head.title, "published": head.published}
    held = [text]
    del text  # (the article is the text's only holder while this reader waits at the yield)
    yield RawArticle(source=source, text=held.pop(), fmt="text",
                     **_merge({k: v for k, v in found.items() if v}, meta))


def read_html(source: str, data: bytes, meta: Mapping[str, object] | None = None) -> Iterator[Record]:
    """A saved web page through trafilatura (offline: it is given the page, never a URL)."""
    try:
        html = decode_bytes(data, declared_charset(data))
    except DecodeError as exc:
        yield Failure(source, str(exc))
        return
    library_error = ""
    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                          include_tables=True, deduplicate=False)
    except Exception as exc:  # noqa: BLE001 - a broken page must not stop the batch
        doc = None
        library_error = f" (the page reader said: {exc.__class__.__name__}: {str(exc)[:200]})"
    found = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else (doc or {})
    text = found.get("text") or ""
    if not text.strip():
        too_deep = nesting_depth(html, MAX_PAGE_DEPTH) >= MAX_PAGE_DEPTH
        yield Failure(source, TOO_DEEP if too_deep else NO_PAGE_TEXT + library_error + ".")
        return
    extracted = {
        "title": _str(found.get("title")),
        "url": safe_link(found.get("url")),
        "published": parse_published(found.get("date")),
        "site": _str(found.get("sitename")),
    }
    yield RawArticle(source=source, text=text, fmt="html", **_merge(extracted, meta))


def read_feed(source: str, data: bytes) -> Iterator[Record]:
    if not data.strip():
        yield Failure(source, "The file is empty.")
        return
    if looks_binary(data) and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        yield Failure(source, BINARY)
        return
    articles, failures = parse_feed(data, source)
    yield from articles
    yield from failures


_KINDS = {int: "a number", float: "a number", bool: "true or false", list: "a list", dict: "an object"}


def _article(fields: object, source: str, fmt: str, what: str) -> Record:
    """One JSON object or CSV row as an article; `what` names it in reasons ("Line 7")."""
    if not isinstance(fields, Mapping):
        return Failure(source, f"{what} is not a JSON object with a \"text\" field.")
    text = fields.get("text")
    if text is not None and not isinstance(text, str):
        kind = _KINDS.get(type(text), "something other than text")
        return Failure(source, f"{what} has a \"text\" field that holds {kind}, not the article's text.")
    if not isinstance(text, str) or not text.strip():
        return Failure(source, f"{what} has no text.")
    return RawArticle(source=source, text=text, fmt=fmt, **metadata(fields))


def _json_loads(line: str) -> object:
    try:
        return json.loads(line)
    except RecursionError:  # "[[[[..." nested deeper than Python allows
        raise ValueError("it is nested too deeply") from None


def read_jsonl(source: str, data: bytes) -> Iterator[Record]:
    """One article per line; a bad line is one failure, the other lines are still read."""
    try:
        text = decode_bytes(data)
    except DecodeError as exc:
        yield Failure(source, str(exc))
        return
    # split on "\n" only: U+2028 and friends may legally sit inside JSON strings
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.strip().lstrip("\ufeff")
        if not line:
            continue
        where = f"{source}:line {number}"
        try:
            value = _json_loads(line)
        except json.JSONDecodeError as exc:
            yield Failure(where, f"Line {number} is not valid JSON: {exc.msg} (at character {exc.colno}).")
            continue
        except ValueError as exc:
            yield Failure(where, f"Line {number} is not valid JSON: {exc}.")
            continue
        yield _article(value, where, "jsonl", f"Line {number}")


def read_json(source: str, data: bytes) -> Iterator[Record]:
    """A JSON array of articles, a single article object, or JSON Lines saved as .json."""
    try:
        text = decode_bytes(data)
    except DecodeError as exc:
        yield Failure(source, str(exc))
        return
    try:
        value = _json_loads(text)
    except ValueError:
        yield from read_jsonl(source, data)
        return
    if isinstance(value, list):
        if not value:
            yield Failure(source, "The JSON file holds an empty list: there are no articles in it.")
        for number, item in enumerate(value, start=1):
            yield _article(item, f"{source}:item {number}", "jsonl", f"Item {number}")
    else:
        yield _article(value, source, "jsonl", "The JSON file")


def _delimiter(header: str) -> str:
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=counts.__getitem__)
    return best if counts[best] else ","


BROKEN_QUOTING = ("The row on line {line} has broken quoting (a quotation mark that is never closed, or "
                  "one followed by other characters), so it was skipped; the rows after it were read.")


def _lines_from(lines: list[str], first: int) -> Iterator[str]:
    return (lines[i] for i in range(first, len(lines)))


def read_csv(source: str, data: bytes) -> Iterator[Record]:
    """A table with a header row (text, title, url, published, source, id); `,` `;` or tab.

    A row with broken quoting is one failure, and reading starts again on the next line: an
    unclosed quotation mark must not swallow every row after it.
    """
    try:
        text = decode_bytes(data)
    except DecodeError as exc:
        yield Failure(source, str(exc))
        return
    csv.field_size_limit(max(csv.field_size_limit(), 50_000_000))
    header = text.split("\n", 1)[0]
    delimiter = _delimiter(header)
    lines = io.StringIO(text, newline="").readlines()  # the physical lines csv counts
    reader = csv.reader(iter(lines), delimiter=delimiter, strict=True)
    try:
        columns = [c.strip().lstrip("\ufeff").lower() for c in next(reader)]
    except (StopIteration, csv.Error):
        yield Failure(source, "The table has no header row.")
        return
    if "text" not in columns:
        found = ", ".join(c for c in columns if c) or "none"
        yield Failure(source, f"The table has no \"text\" column (its columns are: {found}).")
        return
    offset = reader.line_num  # physical lines consumed before this reader's first line
    line = offset + 1
    reader = csv.reader(_lines_from(lines, offset), delimiter=delimiter, strict=True)
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error:
            yield Failure(f"{source}:line {line}", BROKEN_QUOTING.format(line=line))
            offset, line = line, line + 1  # resume on the line after the one the row began on
            reader = csv.reader(_lines_from(lines, offset), delimiter=delimiter, strict=True)
            continue
        start, line = line, offset + reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue
        fields = dict(zip(columns, row))
        yield _article(fields, f"{source}:line {start}", "csv", f"The row on line {start}")


READERS = {"jsonl": read_jsonl, "json": read_json, "csv": read_csv, "feed": read_feed}


def read_bytes(source: str, name: str, data: bytes,
               meta: Mapping[str, object] | None = None) -> Iterator[Record]:
    """Dispatch one input to its reader. `meta` (from a sidecar) applies to text and HTML."""
    if not data.strip():
        yield Failure(source, "The file is empty.")
        return
    kind = kind_of(name, data)
    if kind == "feed" and _HTML_SNIFF.match(data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")):
        kind = "html"  # a web page saved as .xml
    if kind == "binary":
        yield Failure(source, BINARY)
    elif kind == "text":
        text_records = read_text(source, data, meta)
        del data  # (held by read_text only until decoded)
        yield from text_records
    elif kind == "html":
        yield from read_html(source, data, meta)
    else:
        yield from READERS[kind](source, data)
