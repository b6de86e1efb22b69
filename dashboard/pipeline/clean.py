"""Clean scraped article text without changing what a reader sees.

Two jobs:
- drop the page clutter that scrapers keep ("Share", "Link copied", "المقال التالي", cookie
  notices...), listed per language in `data/boilerplate.json`;
- normalise Unicode: NFC, no zero-width or bidi control characters, no tatweel, unified line ends.

The result remembers where each of its characters came from (`CleanText.origin`), so offsets
found in the clean text can be reported against the input (`to_source`).
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .arabic import fold

BOILERPLATE_FILE = Path(__file__).resolve().parent.parent.parent / "data" / "boilerplate.json"

# Zero-width and bidi controls: invisible, yet they break matching and can spoof display order.
INVISIBLE = frozenset(
    "\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff\u00ad"
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c\u0640"
)
_CONTROL = frozenset(chr(c) for c in range(0x20) if chr(c) not in "\n\t") | {"\x7f"}
_BULLETS = "•·●▪■◦‣-–—*►▶|»«>"
_EDGE_PUNCT = re.compile(r"^[\s\W_]+|[\s\W_]+$")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
MAX_BOILERPLATE_PREFIX_LINE = 300
# A line needs character-by-character work only if it holds something to remove or recompose.
_NEEDS_SLOW_PATH = re.compile(
    "[" + re.escape("".join(sorted(INVISIBLE))) + "\\x00-\\x08\\x0b-\\x1f\\x7f\\u0300-\\u036f\\u064b-\\u065f\\u0670"
    "\\u00a0\\u2000-\\u200a\\u202f\\u205f\\u3000\\t]|  "
)
_LINE = re.compile(r"([^\r\n]*)(?:\r\n|\r|\n|$)")


@dataclass(frozen=True)
class CleanText:
    text: str
    origin: tuple[int, ...]  # for each character of `text`, its index in the input
    source_length: int

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of the clean text to the input text."""
        if start >= end or not self.origin:
            pos = self.origin[start] if start < len(self.origin) else self.source_length
            return pos, pos
        return self.origin[start], self.origin[end - 1] + 1


@dataclass(frozen=True)
class BoilerplateRules:
    lines: frozenset[str]
    prefixes: tuple[str, ...]


def _line_key(line: str) -> str:
    return _EDGE_PUNCT.sub("", fold(line)).strip()


def _prefix_key(line: str) -> str:
    return fold(line).strip().lstrip(_BULLETS).strip()


@lru_cache(maxsize=4)
def load_boilerplate(path: Path = BOILERPLATE_FILE) -> BoilerplateRules:
    data = json.loads(path.read_text(encoding="utf-8"))
    lines: set[str] = set()
    prefixes: list[str] = []
    for lang, rules in data.items():
        if lang.startswith("_"):
            continue
        lines.update(_line_key(x) for x in rules.get("lines", []))
        prefixes.extend(_prefix_key(x) for x in rules.get("prefixes", []))
    lines.discard("")
    return BoilerplateRules(frozenset(lines), tuple(p for p in prefixes if p))


def is_boilerplate(line: str, rules: BoilerplateRules | None = None) -> bool:
    rules = rules or load_boilerplate()
    key = _line_key(line)
    if not key:
        return False
    if key in rules.lines:
        return True
    if len(line) <= MAX_BOILERPLATE_PREFIX_LINE:
        pkey = _prefix_key(line)
        return any(pkey.startswith(p) for p in rules.prefixes)
    return False


def _normalise_with_origin(text: str, base: int) -> tuple[list[str], list[int]]:
    """NFC per cluster (a base character and its combining marks), dropping invisible characters."""
    out: list[str] = []
    origin: list[int] = []
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        cluster = "".join(c for c in text[i:j] if c not in INVISIBLE and c not in _CONTROL)
        if cluster:
            for ch in unicodedata.normalize("NFC", cluster):
                out.append(ch)
                origin.append(base + i)
        i = j
    return out, origin


def clean_text(text: str, rules: BoilerplateRules | None = None) -> CleanText:
    """Remove boilerplate lines, normalise Unicode and spacing, keep a map back to the input."""
    rules = rules or load_boilerplate()
    out: list[str] = []
    origin: list[int] = []
    pending_blank = False
    for m in _LINE.finditer(text):
        raw_line, line_start = m.group(1), m.start()
        if not raw_line and m.start() == len(text):
            break
        if not raw_line.strip() or is_boilerplate(raw_line, rules):
            pending_blank = pending_blank or bool(out)
            continue
        if _NEEDS_SLOW_PATH.search(raw_line) is None:
            stripped = raw_line.rstrip()
            lead = len(raw_line) - len(raw_line.lstrip())
            line_chars = list(stripped[lead:])
            line_orig = list(range(line_start + lead, line_start + len(stripped)))
            _append_line(out, origin, line_chars, line_orig, line_start, pending_blank)
            pending_blank = False
            continue
        chars, orig = _normalise_with_origin(raw_line, line_start)
        # collapse runs of spaces and trim the line, keeping the map aligned
        line_chars: list[str] = []
        line_orig: list[int] = []
        for ch, o in zip(chars, orig):
            if _SPACES.fullmatch(ch):
                if not line_chars or line_chars[-1] == " ":
                    continue
                ch = " "
            line_chars.append(ch)
            line_orig.append(o)
        while line_chars and line_chars[-1] == " ":
            line_chars.pop()
            line_orig.pop()
        if not line_chars:
            continue
        _append_line(out, origin, line_chars, line_orig, line_start, pending_blank)
        pending_blank = False
    return CleanText("".join(out), tuple(origin), len(text))


def _append_line(out: list[str], origin: list[int], chars: list[str], orig: list[int],
                 line_start: int, paragraph_break: bool) -> None:
    if out:
        for ch in ("\n\n" if paragraph_break else "\n"):
            out.append(ch)
            origin.append(max(line_start - 1, 0))
    out.extend(chars)
    origin.extend(orig)


def clean_title(title: str | None) -> str | None:
    if title is None:
        return None
    cleaned = clean_text(title).text.replace("\n", " ").strip()
    return cleaned or None
