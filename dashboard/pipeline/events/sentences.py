"""Sentences, clauses, quoted words, and the passages around trigger words.

An event is told in a sentence, and a sentence may tell several: it is cut into clauses at commas
and semicolons and before contrast words ("while", "بينما"), so "X visited Rabat on Monday, while
Y was in Tunis on Tuesday" gives each visit its own date and place.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

_SENT_END = re.compile(r"(?=[.!?؟\n])(?:[.!?؟]+[\"'»”)]*(?=\s)|\n+|\.\.+|[.!?؟]+$)")  # (lookahead: fast skip)
_VISIBLE = re.compile(r"\S")  # (a search between offsets: no slice to copy and strip)
_ABBREV = re.compile(r"(?:\b[A-Za-z]|\b(?:Gen|Col|Maj|Lt|Mr|Mrs|Ms|Dr|St"
                     r"|Mme|No|Adm|Capt|Sgt|Jr|Sr|Inc|Co|Corp|vs|etc|M))$")
ABBREV_REACH = 5  # characters before a full stop searched for an abbreviation ("Capt." is the longest)
CONTRAST_WORDS = ("بينما", "في حين", "alors que", "tandis que", "while", "whereas")
_CLAUSE_SPLIT = re.compile(r"[,،;:؛]|\s(?:" + "|".join(CONTRAST_WORDS) + r")\s")
_CLAUSE_PUNCT = re.compile(r"[,،;:؛]")  # _CLAUSE_SPLIT for a sentence without contrast words, faster
_QUOTE = re.compile(r"“[^”\n]{1,600}”|«[^»]{1,600}»|„[^“”\n]{1,600}[“”]|\"[^\"\n]{1,600}\"")
PASSAGE_JOIN_GAP = 3  # kept sentences this close (and no blank line between) scan as one passage
HEADLINE_REACH = 600  # characters: lines before the body further than this are page clutter, not a headline
_CLOSED = re.compile(r"[.!?؟…][\"'»”)\]]*$")  # a sentence closed by punctuation (a headline has none)


@lru_cache(maxsize=4)
def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) in `text`; abbreviations and initials do not end a sentence
    (cached per text; treat the list as read-only)."""
    spans: list[tuple[int, int]] = []
    start = 0
    visible = _VISIBLE.search
    for m in _SENT_END.finditer(text):
        if text[m.start()] == "." and "\n" not in m.group() \
                and _ABBREV.search(text, max(0, m.start() - ABBREV_REACH), m.start()):
            continue
        end = m.end()
        if visible(text, start, end):
            spans.append(_trim(text, start, end))
        start = end
    if visible(text, start):
        spans.append(_trim(text, start, len(text)))
    return spans


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def has_contrast_words(text: str) -> bool:
    """Whether `text` may hold a contrast word at all (checked once per article)."""
    return any(w in text for w in CONTRAST_WORDS)


def clauses(text: str, s: int, e: int, contrast: bool = True) -> list[tuple[int, int]]:
    """Clause spans of the sentence text[s:e], split at commas and semicolons and before contrast
    words. `contrast=False` says the text holds no contrast word at all (checked once per article)."""
    out = []
    start = s
    if not contrast or not any(text.find(w, s, e) >= 0 for w in CONTRAST_WORDS):
        for m in _CLAUSE_PUNCT.finditer(text, s, e):
            cut = m.start()
            if cut > start:
                out.append((start, cut))
            start = cut + 1
        out.append((start, e))
        return out
    for m in _CLAUSE_SPLIT.finditer(text, s, e):
        if m.start() > start:
            out.append((start, m.start()))
        start = m.end() if m.group().strip() in ",،;:؛" else m.start()
    out.append((start, e))
    return out


def quotes(text: str) -> list[tuple[int, int]]:
    """Spans of quoted words (“...”, «...», "...")."""
    if not any(q in text for q in "“«„\""):
        return []
    return [m.span() for m in _QUOTE.finditer(text)]


def passages_around(text: str, starts: Iterable[int]) -> list[tuple[int, int]]:
    """Runs of consecutive sentences around the sentences holding the offsets `starts` (trigger
    words): the one before, for a date; the one after, for a date or a cancellation. The date
    patterns and markers then only scan text that can use them."""
    spans = split_sentences(text)
    keep = [False] * len(spans)
    k = 0
    for pos in sorted(starts):
        while k < len(spans) and spans[k][1] <= pos:
            k += 1
        if k < len(spans):
            keep[max(0, k - 1):k + 2] = [True] * (min(k + 2, len(spans)) - max(0, k - 1))
    out: list[tuple[int, int]] = []
    for (s, e), wanted in zip(spans, keep):
        if wanted:
            if out and keep and out[-1][1] >= s - PASSAGE_JOIN_GAP and not text.count("\n\n", out[-1][1], s):
                out[-1] = (out[-1][0], e)
            else:
                out.append((s, e))
    return out


def body_start(text: str) -> int:
    """Where the article's body begins: its first sentence closed by punctuation. The lines before
    (headline, section, byline) are the headline zone; 0 when the text opens with its body or the
    first such sentence lies too far down to call what precedes it a headline."""
    for s, e in split_sentences(text):
        if s > HEADLINE_REACH:
            return 0
        if _CLOSED.search(text, s, e):
            return s
    return 0
