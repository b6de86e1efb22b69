"""Several regex scans of one text, trying only the positions where a match can start.

`pattern.finditer` tries a match at every position of the text; patterns built from word lists
(dates: "اليوم", "la semaine dernière", month names) then spend most of their time failing at
positions where none of their words begins. Each `ScanPattern` therefore comes with its *start
words*: literal strings one of which begins every match, declared where the pattern is built and
from the same word lists (see `dates`). `AnchoredScan` finds where they occur with one
Aho-Corasick pass and tries `pattern.match` there only. The matches are the same as `finditer`'s,
in the same order: the leftmost match at or after the previous match's end, at each step, because
no match can start anywhere else. A pattern whose matches may begin with any character (no start
words) is scanned with `finditer` as before.

Nothing here reads a pattern's parse tree: the start words are data, and `tests/test_anchored.py`
checks, for every date pattern, that each match begins with one of them.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple

import ahocorasick

DIGIT = "\uffff\\d"  # a start word meaning "any Unicode digit" (as \d matches)
DIGIT_RUN = "\uffff\\d+"  # "the first digit of a run": for a pattern that refuses a digit before it
_DIGIT = re.compile(r"\d")
_DIGIT_RUN = re.compile(r"\d+")  # (its matches begin where runs of digits begin)
_DIGIT_FINDERS = {DIGIT: _DIGIT, DIGIT_RUN: _DIGIT_RUN}


class ScanPattern(NamedTuple):
    """One pattern of a scan and what is known of where its matches lie."""

    name: str
    pattern: re.Pattern[str]
    starts: frozenset[str] | None  # one of these begins every match (or DIGIT, DIGIT_RUN); None: anything may
    required: frozenset[str] = frozenset()  # one of these occurs in every match (a month name); empty: no gate
    within: int | None = None  # ...and begins at most this many characters after the match's start


def shortest_starts(words: Iterable[str]) -> frozenset[str]:
    """The words, less those that begin with another of them ("mar" already finds "mars"): the
    same positions to try, with fewer keys."""
    words = set(words)
    return frozenset(w for w in words if not any(w[:n] in words for n in range(1, len(w))))


def with_proclitics(words: Iterable[str], letters: str) -> frozenset[str]:
    """The words, bare and after each of the one-letter proclitics `letters` ("و" + "اليوم")."""
    words = frozenset(words)
    return words | {ch + w for ch in letters for w in words}


class AnchoredScan:
    """`finditer` of several patterns over one text, in the patterns' order.

    A pattern with `required` words is skipped in a text that has none of them; with `within`, a
    start that has none of them that close after it is not tried ("en" far from any month)."""

    def __init__(self, patterns: Sequence[ScanPattern]) -> None:
        self.patterns = list(patterns)
        self.digit_started: dict[str, list[int]] = {DIGIT: [], DIGIT_RUN: []}  # digit kind -> patterns
        starting: dict[str, list[int]] = {}
        needed: dict[str, list[int]] = {}
        for n, p in enumerate(self.patterns):
            _check(p)
            for word in p.starts or ():
                if word in self.digit_started:
                    self.digit_started[word].append(n)
                else:
                    starting.setdefault(word, []).append(n)
            for word in p.required:
                needed.setdefault(word, []).append(n)
        self.automaton = ahocorasick.Automaton()
        for key in starting.keys() | needed.keys():
            self.automaton.add_word(key, (len(key) - 1, tuple(starting.get(key, ())), tuple(needed.get(key, ()))))
        if len(self.automaton):
            self.automaton.make_automaton()

    def scan(self, text: str) -> Iterator[tuple[str, re.Match[str]]]:
        """(name, match) of every pattern, as `for name, p in patterns: for m in p.finditer(text)`."""
        starts, needed_at = self._positions(text)
        for n, p in enumerate(self.patterns):
            if p.required and not needed_at[n]:
                continue
            if p.starts is None:
                for m in p.pattern.finditer(text):
                    yield p.name, m
            elif starts[n]:
                near = sorted(needed_at[n]) if p.within is not None else None
                for m in _matches_from(p.pattern, text, sorted(set(starts[n])), near, p.within):
                    yield p.name, m

    def _positions(self, text: str) -> tuple[list[list[int]], list[list[int]]]:
        """Where each pattern's start words begin, and where its required words begin."""
        starts: list[list[int]] = [[] for _ in self.patterns]
        needed_at: list[list[int]] = [[] for _ in self.patterns]
        if len(self.automaton):
            for last, (back, kinds, needs) in self.automaton.iter(text):
                for n in kinds:
                    starts[n].append(last - back)
                for n in needs:
                    needed_at[n].append(last - back)
        for kind, started in self.digit_started.items():
            started = [n for n in started if not self.patterns[n].required or needed_at[n]]  # (not gated out)
            if started:
                digits = [m.start() for m in _DIGIT_FINDERS[kind].finditer(text)]
                for n in started:
                    starts[n].extend(digits)
        return starts, needed_at


def _check(p: ScanPattern) -> None:
    if p.starts is not None and (not p.starts or "" in p.starts):
        raise ValueError(f"pattern {p.name!r}: an empty start word would anchor nothing (use starts=None)")
    if p.within is not None and not p.required:
        raise ValueError(f"pattern {p.name!r}: `within` bounds the distance to a required word, and it has none")


def _matches_from(pattern: re.Pattern[str], text: str, cands: list[int], near: list[int] | None,
                  reach: int | None) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`, trying only the candidate starts `cands` (sorted); with `near`
    (sorted), only those with a required word at most `reach` characters after them."""
    k = 0
    pos = 0
    match = pattern.match
    for s in cands:
        if s < pos:
            continue
        if near is not None and reach is not None:  # (given together: both come from `within`)
            while k < len(near) and near[k] < s:
                k += 1
            if k == len(near):
                return
            if near[k] > s + reach:
                continue
        m = match(text, s)
        if m is not None:  # (never empty: it begins with a start word)
            yield m
            pos = m.end()
