"""Token-level phrase matching over folded text, shared by the actor and event stages.

Names and trigger words are looked up token by token in a dictionary (no giant regex), so the
cost per article is a few dictionary probes per token. Arabic tokens are also tried without
their proclitics (و ف ب ل ك, and لل -> ال), which is how "وبالرباط" or "للجزائر" find their entry.
Matches point back into the original text through `fold_with_offsets`.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache, partial
from itertools import accumulate
from typing import Any, NamedTuple

from .arabic import fold, fold_char, is_arabic_letter

_TOKEN = re.compile(r"[^\W_]+")

# `arabic.fold`, except that dropped characters (diacritics, tatweel) become a marker first, so the
# offsets map is built from the few dropped runs rather than character by character.
_GONE = "\uffff"  # a noncharacter: never in real text
# A list indexed by code point translates twice as fast as a dict; code points past its end raise
# IndexError, which str.translate takes as "unchanged" (as `arabic.fold` leaves them).
_GONE_TABLE = [(fold_char(chr(c)) or _GONE) for c in range(0x3000)]
_GONE_RUN = re.compile(_GONE + "+")


def fold_with_offsets(text: str) -> tuple[str, Sequence[int]]:
    """`arabic.fold(text)` and, for each of its characters, the index of its source character
    (a `range` when nothing was dropped: no list of a thousand ints to build and free)."""
    marked = text.translate(_GONE_TABLE)
    if _GONE not in marked:
        return marked, range(len(marked))
    origin: list[int] = []
    prev = 0
    for m in _GONE_RUN.finditer(marked):
        origin.extend(range(prev, m.start()))
        prev = m.end()
    origin.extend(range(prev, len(marked)))
    return marked.replace(_GONE, ""), origin
_SPLIT = re.compile(r"([^\W_]+)")
# What may sit between two tokens of one name: spaces, a hyphen, an apostrophe (up to three), or a
# dot after a short token ("P. Ekman", "Gen. Townsend", "U.S.").
_JOIN_GAPS = frozenset(
    [""] + [a for a in " \t-'"] + [a + b for a in " \t-'" for b in " \t-'"]
    + [a + b + c for a in " \t-'" for b in " \t-'" for c in " \t-'"])
_ABBREV_GAPS = frozenset((".", ". "))


class Token(NamedTuple):
    key: str  # folded form
    start: int  # offsets into the original text
    end: int
    fstart: int  # offsets into the folded text
    fend: int
    joined: bool  # True when it may continue a name started by the previous token
    arabic: bool = False  # starts with an Arabic letter


_make_token = partial(tuple.__new__, Token)  # Token from a 7-tuple, without the Python-level __new__
_ARABIC_FIRST = frozenset(chr(c) for c in range(0x0600, 0x0700) if is_arabic_letter(chr(c)))
_PROCLITIC_FIRST = frozenset("وفبلك")
_VARIANTS: dict[str, tuple[tuple[str, int], ...]] = {}


def _forms_of(key: str) -> tuple[tuple[str, int], ...]:
    """`arabic_variants` of a token, memoised (the vocabulary of news text repeats)."""
    got = _VARIANTS.get(key)
    if got is None:
        if len(_VARIANTS) > 200_000:
            _VARIANTS.clear()
        got = _VARIANTS[key] = tuple(arabic_variants(key))
    return got


@dataclass
class Tokens:
    text: str
    folded: str
    origin: Sequence[int]  # see fold_with_offsets
    items: list[Token]
    starts: list[int] = field(default_factory=list)  # items[k].start, for bisecting
    # every form (Arabic: without proclitics) -> token indexes
    index: dict[str, list[int]] = field(default_factory=dict)

    def surface(self, i: int, j: int) -> str:
        """Original text of tokens i..j-1."""
        return self.text[self.items[i].start:self.items[j - 1].end]

    def between(self, s: int, e: int) -> tuple[int, int]:
        """Token index range of the tokens inside text[s:e]."""
        return bisect_left(self.starts, s), bisect_left(self.starts, e)

    def candidates(self, firsts: set[str] | frozenset[str]) -> list[int]:
        """Indexes of the tokens one of whose forms starts a phrase of `firsts`, in order."""
        index = self.index
        # set.intersection with a dict walks the smaller of the two (an article's few hundred forms,
        # not a lexicon's thousands of first words); `index.keys() & firsts` walks `firsts`.
        hits = firsts.intersection(index)
        if not hits:
            return []
        out: set[int] = set()
        for f in hits:
            out.update(index[f])
        return sorted(out)


@lru_cache(maxsize=4)
def tokenize(text: str) -> Tokens:
    """Tokens of `text` (cached: the actor and event stages tokenize the same article; treat as read-only).

    Offsets come from running sums of the piece lengths and the tokens are built by `map`, so the
    only loop in Python is the one that indexes each token's forms."""
    folded, origin = fold_with_offsets(text)
    pieces = _SPLIT.split(folded)
    keys = pieces[1::2]
    gaps = pieces[0::2]  # gaps[n] comes before keys[n]
    n = len(keys)
    ends_of_pieces = list(accumulate(map(len, pieces)))
    fstarts = ends_of_pieces[0:2 * n:2]
    fends = ends_of_pieces[1::2]
    if len(origin) == len(text):  # nothing dropped: folded offsets are the text's
        starts, ends = fstarts, fends
    else:
        starts = [origin[f] for f in fstarts]
        ends = [origin[f - 1] + 1 for f in fends]
    join_gaps, abbrev_gaps = _JOIN_GAPS, _ABBREV_GAPS  # (a dot joins after a short token: "P. Ekman", "U.S.")
    joined = [False] + [g in join_gaps or (g in abbrev_gaps and len(before) <= 4)
                        for g, before in zip(gaps[1:n], keys)]
    arabic_first = _ARABIC_FIRST
    arabic = [key[0] in arabic_first for key in keys]
    items = list(map(_make_token, zip(keys, starts, ends, fstarts, fends, joined, arabic)))
    index: dict[str, list[int]] = {}
    get, clitics = index.get, _PROCLITIC_FIRST
    for k, key in enumerate(keys):
        if arabic[k] and len(key) > 3 and key[0] in clitics:
            for var, _ in _forms_of(key):
                lst = get(var)
                if lst is None:
                    index[var] = [k]
                elif lst[-1] != k:
                    lst.append(k)
        else:
            lst = get(key)
            if lst is None:
                index[key] = [k]
            else:
                lst.append(k)
    return Tokens(text, folded, origin, items, starts, index)


def is_arabic(token: str) -> bool:
    return bool(token) and is_arabic_letter(token[0])


def arabic_variants(tok: str) -> Iterator[tuple[str, int]]:
    """The token and its forms without proclitics, with the number of letters removed."""
    yield tok, 0
    bases = [(tok, 0)]
    if len(tok) > 3 and tok[0] in "وف":
        bases.append((tok[1:], 1))
        yield tok[1:], 1
    for base, n in bases:
        if len(base) > 3 and base[0] in "بلك":
            rest = base[1:]
            if base[0] == "ل" and rest.startswith("ل"):
                yield "ا" + rest, n  # للجزائر -> الجزائر (the alef of ال is dropped after ل)
            else:
                yield rest, n + 1


def fold_phrase(phrase: str) -> tuple[str, ...]:
    return tuple(_TOKEN.findall(fold(phrase)))


class Match(NamedTuple):  # (a NamedTuple: built several times faster than a frozen dataclass)
    i: int  # first token index
    j: int  # one past the last token
    start: int  # offsets in the original text (without stripped proclitics)
    end: int
    payloads: tuple[Any, ...]


@dataclass
class PhraseTable:
    """Folded phrases (token tuples) to payloads; longest match wins, left to right."""

    table: dict[tuple[str, ...], list[Any]] = field(default_factory=dict)
    firsts: set[str] = field(default_factory=set)
    max_len: int = 1
    prefixes: set[tuple[str, ...]] = field(default_factory=set)  # every leading part of a phrase
    multi_firsts: set[str] = field(default_factory=set)  # first words of phrases of two words or more
    singles: dict[str, list[Any]] = field(default_factory=dict)  # one-word phrases: table[(word,)]

    def add(self, phrase: str | tuple[str, ...], payload: Any) -> None:
        key = phrase if isinstance(phrase, tuple) else fold_phrase(phrase)
        if not key:
            return
        bucket = self.table.setdefault(key, [])
        if payload not in bucket:
            bucket.append(payload)
        self.firsts.add(key[0])
        if len(key) == 1:
            self.singles[key[0]] = bucket
        else:
            self.multi_firsts.add(key[0])
        self.max_len = max(self.max_len, len(key))
        self.prefixes.update(key[:n] for n in range(1, len(key) + 1))

    def find(self, toks: Tokens, arabic_clitics: bool = True) -> list[Match]:
        """Non-overlapping matches, longest first at each position, left to right."""
        out: list[Match] = []
        j = 0
        items, multi, singles = toks.items, self.multi_firsts, self.singles
        for i in toks.candidates(self.firsts):
            if i < j:
                continue
            it = items[i]
            if (not it.arabic or not arabic_clitics) and it.key not in multi:  # one word or nothing
                bucket = singles.get(it.key)
                if bucket is not None:
                    out.append(Match(i, i + 1, it.start, it.end, tuple(bucket)))
                    j = i + 1
                continue
            m = self.match_at(toks, i, arabic_clitics)
            if m is not None:
                out.append(m)
                j = m.j
        return out

    def match_at(self, toks: Tokens, i: int, arabic_clitics: bool = True) -> Match | None:
        items = toks.items
        it = items[i]
        first = it.key
        firsts = self.firsts
        if arabic_clitics and it.arabic:
            variants = _forms_of(first)
        elif first not in firsts:
            return None
        else:
            variants = ((first, 0),)
        for var, stripped in variants:
            if var not in firsts:
                continue
            if var not in self.multi_firsts:  # only a one-word phrase starts with it
                payloads = self.singles[var]
                k = i + 1
            else:
                table, prefixes = self.table, self.prefixes
                n = len(items)
                best = None
                k = i + 1
                key: tuple[str, ...] = (var,)
                if key in table:
                    best = (key, k)
                # extend while the tokens still lead into some phrase; keep the longest phrase seen
                while k < n and items[k].joined:
                    key = key + (items[k].key,)
                    if key not in prefixes:
                        break
                    k += 1
                    if key in table:
                        best = (key, k)
                if best is None:
                    continue
                key, k = best
                payloads = table[key]
            start = toks.origin[it.fstart + stripped] if stripped else it.start
            return Match(i, k, start, items[k - 1].end, tuple(payloads))
        return None
