"""Long documents in parts: each part is processed on its own, so one document's cost grows with its
length, never faster, and what is in memory at once is one part (pure; no I/O).

A document longer than the limit (`dashboard.settings.max_document_chars`) is cut at a paragraph
break, else a line break, else the end of a sentence, else a space, in the second half of each
part. The parts are one article: their cleaned texts are joined with a blank line, and every offset
of a part's places, actors and events is moved to where the part starts in the joined text.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import NamedTuple

from dashboard.records import ActorMention, Event, OperationMention, PlaceMention

from .clean import CleanText

# a part: long enough for any news article, short enough to process in a fraction of a second
MAX_DOCUMENT_CHARS = 200_000
PART_SEPARATOR = "\n\n"

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")
_SENTENCE_END = re.compile(r"[.!?؟…](?=\s)")


class Part(NamedTuple):
    """One part, analysed: offsets are into `cleaned.text`; `raw_start` is where the part begins in
    the input (for offsets into the input, as `extract` gives them)."""

    raw_start: int
    cleaned: CleanText
    language: str
    operations: list[OperationMention]
    places: list[PlaceMention]
    actors: list[ActorMention]
    events: list[Event]


def part_bounds(text: str, max_chars: int) -> list[tuple[int, int]]:
    """[start, end) of each part of `text`, none longer than `max_chars` (one part if it is not longer)."""
    bounds: list[tuple[int, int]] = []
    start, n = 0, len(text)
    while n - start > max_chars:
        cut = _cut(text, start + max_chars // 2, start + max_chars)
        bounds.append((start, cut))
        start = cut
    bounds.append((start, n))
    return bounds


def _cut(text: str, lo: int, hi: int) -> int:
    """Where a part ending within text[lo:hi] ends: after the last paragraph break, line break,
    sentence end or space there, in that order of preference; at `hi` if there is none."""
    last = None
    for last in _PARAGRAPH_BREAK.finditer(text, lo, hi):  # noqa: B007 - the loop only keeps the last match
        pass
    if last is not None:
        return last.end()
    k = text.rfind("\n", lo, hi)
    if k >= 0:
        return k + 1
    for last in _SENTENCE_END.finditer(text, lo, hi):  # noqa: B007 - the loop only keeps the last match
        pass
    if last is not None:
        return last.end()
    k = max(text.rfind(" ", lo, hi), text.rfind("\t", lo, hi))
    return k + 1 if k >= 0 else hi


def _moved(m, by: int):
    return m._replace(start=m.start + by, end=m.end + by)


def _moved_event(ev: Event, by: int) -> Event:
    return ev._replace(start=ev.start + by, end=ev.end + by, place=_moved(ev.place, by) if ev.place else None)


class Joined(NamedTuple):
    text: str
    language: str
    operations: tuple[OperationMention, ...]
    places: tuple[PlaceMention, ...]
    actors: tuple[ActorMention, ...]
    events: tuple[Event, ...]
    starts: tuple[int, ...]  # where each part begins in `text` (empty for a document of one part)


def join_parts(parts: Iterable[Part]) -> Joined | None:
    """The parts as one article (None if no part had text). Consumes the parts one by one, keeping
    only their text and mentions: a part's map back to the input is dropped as soon as it is read."""
    texts: list[str] = []
    operations: list[OperationMention] = []
    places: list[PlaceMention] = []
    actors: list[ActorMention] = []
    events: list[Event] = []
    starts: list[int] = []
    chars: Counter[str] = Counter()
    pos = 0
    for part in parts:
        if texts:
            pos += len(PART_SEPARATOR)
        starts.append(pos)
        texts.append(part.cleaned.text)
        operations += [_moved(m, pos) for m in part.operations]
        places += [_moved(m, pos) for m in part.places]
        actors += [_moved(m, pos) for m in part.actors]
        events += [_moved_event(ev, pos) for ev in part.events]
        chars[part.language] += len(part.cleaned.text)
        pos += len(part.cleaned.text)
    if not texts:
        return None
    language = chars.most_common(1)[0][0]  # the language of most of the text
    return Joined(PART_SEPARATOR.join(texts), language, tuple(operations), tuple(places), tuple(actors), tuple(events),
                  tuple(starts) if len(starts) > 1 else ())
