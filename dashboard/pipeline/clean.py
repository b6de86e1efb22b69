"""Clean scraped article text without changing what a reader sees.

Two jobs:
- drop the page clutter that scrapers keep ("Share", "Link copied", "المقال التالي", cookie
  notices...), listed per language in `data/boilerplate.json`;
- normalise Unicode: NFC, no zero-width or bidi control characters, no tatweel, unified line ends.

The result remembers where each of its characters came from (`CleanText.origin`), so offsets
found in the clean text can be reported against the input (`to_source`).
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from .arabic import fold

# Zero-width and bidi controls: invisible, yet they break matching and can spoof display order.
INVISIBLE = frozenset(
    "\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff\u00ad"
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c\u0640"
)
# C0 controls (but tab), DEL and the C1 block (U+0080-U+009F: mis-decoded bytes, never text).
_CONTROL = frozenset(chr(c) for c in [*range(0x20), *range(0x7f, 0xa0)] if chr(c) not in "\n\t")
_BULLETS = "•·●▪■◦‣-–—*►▶|»«>"
_EDGE_PUNCT = re.compile(r"^[\s\W_]+|[\s\W_]+$")
MAX_BOILERPLATE_PREFIX_LINE = 300
# A line needs character-by-character work only if it holds something to remove or recompose.
_NEEDS_CHAR_WORK = re.compile(
    "[" + re.escape("".join(sorted(INVISIBLE))) + "\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f\\u0300-\\u036f\\u0653-\\u0655]"
)
_ODD_SPACE = re.compile("[ \\t\\u00a0\\u2000-\\u200a\\u202f\\u205f\\u3000]{2,}"
                        "|[\\t\\u00a0\\u2000-\\u200a\\u202f\\u205f\\u3000]")
# A line has something for _ODD_SPACE exactly when it has two spaces in a row or one odd space
# (a character-class scan is much faster than trying the alternation at every position).
_ODD_SPACE_CHAR = re.compile("[\\t\\u00a0\\u2000-\\u200a\\u202f\\u205f\\u3000]")
# Line ends: CR LF, CR, LF, and the Unicode ones (NEL, line and paragraph separators, VT, FF).
_LINE = re.compile("([^\r\n\x0b\x0c\x85\u2028\u2029]*)(?:\r\n|[\r\n\x0b\x0c\x85\u2028\u2029]|$)")
_SURROGATE = re.compile("[\\ud800-\\udfff]")


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
    longest_line: int = 80  # longer lines cannot equal a listed line (spacing aside)
    longest_prefix: int = 80


def _line_key(line: str) -> str:
    return _EDGE_PUNCT.sub("", fold(line)).strip()


def _prefix_key(line: str) -> str:
    return fold(line).strip().lstrip(_BULLETS).strip()


NO_BOILERPLATE = BoilerplateRules(frozenset(), ())


def boilerplate_from_data(data: dict) -> BoilerplateRules:
    """The rules, from data/boilerplate.json parsed (`dashboard.resources` reads it)."""
    lines: set[str] = set()
    prefixes: list[str] = []
    for lang, rules in data.items():
        if lang.startswith("_"):
            continue
        lines.update(_line_key(x) for x in rules.get("lines", []))
        prefixes.extend(_prefix_key(x) for x in rules.get("prefixes", []))
    lines.discard("")
    prefixes = [p for p in prefixes if p]
    return BoilerplateRules(frozenset(lines), tuple(prefixes), max(map(len, lines), default=0),
                            max(map(len, prefixes), default=0))


def is_boilerplate(line: str, rules: BoilerplateRules) -> bool:
    if len(line) > MAX_BOILERPLATE_PREFIX_LINE or not (rules.lines or rules.prefixes):
        return False
    if len(line) <= 2 * rules.longest_line + 20 and _line_key(line) in rules.lines:
        return True
    head = line.lstrip()[: 2 * rules.longest_prefix + 10]
    return _prefix_key(head).startswith(rules.prefixes)


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


def clean_text(text: str, rules: BoilerplateRules = NO_BOILERPLATE) -> CleanText:
    """Remove boilerplate lines (`rules`, from data/boilerplate.json: `Resources.boilerplate`),
    normalise Unicode and spacing, keep a map back to the input."""
    if _SURROGATE.search(text):  # lone surrogates (from JSON "\\ud800") cannot be stored or shown
        text = _SURROGATE.sub("\ufffd", text)
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
        line_chars, line_orig = _clean_line(raw_line, line_start)
        if not line_chars:
            continue
        _append_line(out, origin, line_chars, line_orig, line_start, pending_blank)
        pending_blank = False
    return CleanText("".join(out), tuple(origin), len(text))


def _clean_line(line: str, base: int) -> tuple[str, Sequence[int]]:
    """One line normalised, with the input index of each of its characters."""
    orig: Sequence[int]
    if _NEEDS_CHAR_WORK.search(line):
        chars, orig = _normalise_with_origin(line, base)
        line = "".join(chars)
    else:
        orig = range(base, base + len(line))
    if "  " in line or _ODD_SPACE_CHAR.search(line):  # collapse runs of spaces and odd spaces into one space
        text_parts: list[str] = []
        orig_parts: list[int] = []
        last = 0
        for m in _ODD_SPACE.finditer(line):
            text_parts.append(line[last:m.start()] + " ")
            orig_parts.extend(orig[last:m.start() + 1])
            last = m.end()
        text_parts.append(line[last:])
        orig_parts.extend(orig[last:])
        line, orig = "".join(text_parts), orig_parts
    lead = len(line) - len(line.lstrip(" "))
    trimmed = line.strip(" ")
    return trimmed, orig[lead:lead + len(trimmed)]  # (a range or a list: the caller extends with it)


def _append_line(out: list[str], origin: list[int], chars: str, orig: Sequence[int],
                 line_start: int, paragraph_break: bool) -> None:
    if out:
        sep = "\n\n" if paragraph_break else "\n"
        out.append(sep)
        origin.extend([max(line_start - 1, 0)] * len(sep))
    out.append(chars)
    origin.extend(orig)


def clean_title(title: str | None, rules: BoilerplateRules = NO_BOILERPLATE) -> str | None:
    if title is None:
        return None
    cleaned = clean_text(title, rules).text.replace("\n", " ").strip()
    return cleaned or None
