"""The headline and the dateline at the top of a plain-text article (pure).

A text saved from a news page usually starts with its headline on the first line and a dateline
("14 March 2024", "الجمعة 2 أكتوبر 2020", "02/10/2020", "RABAT, 14 March 2024 -") on one of the
next lines, sometimes after a few scraps of page clutter ("Share", "Link copied"). Dates are read
with the pipeline's own date patterns (three languages, Maghreb month names, Arabic-Indic digits,
day-first numeric dates), keeping only a full day, month and year.
"""
from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

from dashboard.pipeline.dates import find_dates

HEAD_LINES = 6  # non-empty lines looked at: a headline and a dateline sit at the very top
HEAD_CHARS = 4000  # how much of the text is split into lines to find them (a file may be 20 MB)
MAX_HEADLINE_CHARS = 200  # a longer first line is the article's first paragraph, not its headline
MIN_HEADLINE_WORDS = 3  # "Share", "Link copied": page clutter, not a headline
MAX_DATELINE_CHARS = 80  # a dateline is a short line, or a short opening before a dash
MAX_DATELINE_WORDS = 2  # words beside the date: "Published", a city, an agency; more is a sentence
_DASHES = re.compile(r"\s[-–—]+\s|\s?[-–—]{2,}\s?")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


class TextHead(NamedTuple):
    title: str | None
    published: date | None


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def dateline_date(line: str) -> date | None:
    """The day a dateline gives: a short line that is a full date, with at most MAX_DATELINE_WORDS
    other words ("Published", "Vendredi", "RABAT"), or such an opening before a dash."""
    candidates = [line] if len(line) <= MAX_DATELINE_CHARS else []
    dash = _DASHES.search(line[: MAX_DATELINE_CHARS + 3])
    if dash:
        candidates.append(line[: dash.start()])
    for text in candidates:
        full = [m for m in find_dates(text) if m.kind == "ymd"]
        if not full:
            continue
        m = full[0]
        rest = text[: m.start] + " " + text[m.end:]
        weekdays = sum(1 for mention in find_dates(rest) if mention.kind == "weekday")
        if len(_words(rest)) - weekdays > MAX_DATELINE_WORDS:
            continue
        if m.year is None or m.month is None or m.day is None:  # (never for "ymd": date() would say TypeError)
            return None
        try:
            return date(m.year, m.month, m.day)
        except (TypeError, ValueError):
            return None
    return None


def _is_headline(line: str) -> bool:
    return len(line) <= MAX_HEADLINE_CHARS and len(_words(line)) >= MIN_HEADLINE_WORDS


def read_head(text: str) -> TextHead:
    """The headline (the first line that reads like one, before the body) and the dateline's day.

    A text of a single paragraph has no headline: its one line is the article."""
    lines = [line.strip() for line in text[:HEAD_CHARS].splitlines() if line.strip()][: HEAD_LINES + 1]
    title: str | None = None
    published: date | None = None
    for i, line in enumerate(lines[:HEAD_LINES]):
        day = dateline_date(line) if published is None else None
        if day is not None:
            published = day
            continue
        if len(line) > MAX_HEADLINE_CHARS:
            break  # the body has begun
        if title is None and _is_headline(line) and i + 1 < len(lines):
            title = line
    return TextHead(title, published)
