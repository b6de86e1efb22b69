"""What one article's sentences share, found once per article: markers, dates, quotes, mentions.

The markers (future, negation, cancel, habitual... words of `event_triggers.json`) and the date
expressions are looked for only in the passages around trigger words (`sentences.passages_around`).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from dashboard.records import ActorMention, PlaceMention

from .. import dates as dates_mod
from ..lexmatch import PhraseTable, Tokens
from .triggers import Trig, WordMemo


@dataclass
class ArticleContext:
    """Everything one article's sentences need (computed once per article)."""

    text: str
    lang: str
    published: date | None
    ref_year: int | None  # without a publication date: the latest year the article names
    places: list[PlaceMention]
    actors: list[ActorMention]
    dates: list[dates_mod.DateMention]
    marks: dict[str, list[tuple[int, int]]]
    memo: WordMemo
    context_words: dict[str, frozenset[str]] = field(default_factory=dict)  # event type -> its context words
    sentences: list[tuple[int, int]] = field(default_factory=list)
    quotes: list[tuple[int, int]] = field(default_factory=list)  # quoted speech without a date of its own
    all_quotes: list[tuple[int, int]] = field(default_factory=list)
    trigs: list[Trig] = field(default_factory=list)
    credits: list[int] | None = None  # where photo credits stand (found on first use)
    contrast: bool = True  # the text may hold a contrast word ("while", "بينما")
    locative: dict[int, bool] = field(default_factory=dict)  # place offset -> after "in", "à", "في"...
    place_starts: list[int] = field(default_factory=list)  # offsets of places, actors, dates (for bisecting)
    actor_starts: list[int] = field(default_factory=list)
    date_starts: list[int] = field(default_factory=list)
    editions: frozenset[int] = frozenset()  # offsets of years that number an exercise's edition ("Flintlock 2020")
    plan_years: frozenset[int] = frozenset()  # offsets of years a plan or programme is for ("the 2026 programme")
    lead_end: int = 0  # where the headline and lead end (their tense speaks of what comes)
    early_report: bool = False  # the article says it was published early in the morning


def dates_in(toks: Tokens, blocks: list[tuple[int, int]]) -> list[dates_mod.DateMention]:
    """Date expressions inside the blocks, found in one scan of the article's folded text (folded
    once, by `tokenize`). Blocks begin and end at sentence bounds, so an expression inside one is
    the same whether the scan sees the neighbouring sentences or not."""
    found = dates_mod.find_dates_folded(toks.folded, toks.origin)
    out: list[dates_mod.DateMention] = []
    k = 0
    for d in found:
        while k < len(blocks) and blocks[k][1] < d.end:
            k += 1
        if k == len(blocks):
            break
        if blocks[k][0] <= d.start:
            out.append(d)
    return out


def marks_in(table: PhraseTable, toks: Tokens, blocks: list[tuple[int, int]]) -> dict[str, list[tuple[int, int]]]:
    """Marker words (future, negation, cancellation...) of the blocks, by kind, in text order."""
    ranges = [toks.between(s, e) for s, e in blocks]
    marks: dict[str, list[tuple[int, int]]] = {}
    items, multi, singles = toks.items, table.multi_firsts, table.singles
    r = 0
    for i in toks.candidates(table.firsts):
        while r < len(ranges) and ranges[r][1] <= i:
            r += 1
        if r == len(ranges):
            break
        if i < ranges[r][0]:
            continue
        it = items[i]
        if not it.arabic and it.key not in multi:  # a one-word marker ("the", "not"): no phrase to try
            span = (it.start, it.end)
            for kind in singles.get(it.key, ()):
                marks.setdefault(kind, []).append(span)
            continue
        m = table.match_at(toks, i)
        if m is not None:
            for kind in m.payloads:
                marks.setdefault(kind, []).append((m.start, m.end))
    return marks
