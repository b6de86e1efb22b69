"""Token-level phrase matching over folded text, shared by the actor and event stages.

Names and trigger words are looked up token by token in a dictionary (no giant regex), so the
cost per article is a few dictionary probes per token. Arabic tokens are also tried without
their proclitics (و ف ب ل ك, and لل -> ال), which is how "وبالرباط" or "للجزائر" find their entry.
Matches point back into the original text through `fold_with_offsets`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterator

from .arabic import fold, fold_with_offsets, is_arabic_letter

_TOKEN = re.compile(r"[^\W_]+")
# What may sit between two tokens of one name: spaces, a hyphen, an apostrophe, a dot.
_JOIN_GAP = re.compile(r"[ \t\-']{0,3}")
_ABBREV_GAP = re.compile(r"\. ?")  # "P. Ekman", "Gen. Townsend", "U.S."


@dataclass(frozen=True)
class Token:
    key: str  # folded form
    start: int  # offsets into the original text
    end: int
    fstart: int  # offsets into the folded text
    fend: int
    joined: bool  # True when it may continue a name started by the previous token
    arabic: bool = False  # starts with an Arabic letter


@dataclass
class Tokens:
    text: str
    folded: str
    origin: list[int]
    items: list[Token]

    def surface(self, i: int, j: int) -> str:
        """Original text of tokens i..j-1."""
        return self.text[self.items[i].start:self.items[j - 1].end]


@lru_cache(maxsize=4)
def tokenize(text: str) -> Tokens:
    """Tokens of `text` (cached: the actor and event stages tokenize the same article; treat as read-only)."""
    folded, origin = fold_with_offsets(text)
    items: list[Token] = []
    prev_end = -1
    for m in _TOKEN.finditer(folded):
        fs, fe = m.span()
        joined = prev_end >= 0 and (
            _JOIN_GAP.fullmatch(folded, prev_end, fs) is not None
            or (_ABBREV_GAP.fullmatch(folded, prev_end, fs) is not None and len(items[-1].key) <= 4))
        key = m.group()
        items.append(Token(key, origin[fs], origin[fe - 1] + 1, fs, fe, joined, is_arabic_letter(key[0])))
        prev_end = fe
    return Tokens(text, folded, origin, items)


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


@dataclass(frozen=True)
class Match:
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

    def add(self, phrase: str | tuple[str, ...], payload: Any) -> None:
        key = phrase if isinstance(phrase, tuple) else fold_phrase(phrase)
        if not key:
            return
        bucket = self.table.setdefault(key, [])
        if payload not in bucket:
            bucket.append(payload)
        self.firsts.add(key[0])
        self.max_len = max(self.max_len, len(key))

    def find(self, toks: Tokens, arabic_clitics: bool = True) -> list[Match]:
        out: list[Match] = []
        items = toks.items
        n = len(items)
        i = 0
        while i < n:
            m = self.match_at(toks, i, arabic_clitics)
            if m is None:
                i += 1
                continue
            out.append(m)
            i = m.j
        return out

    def match_at(self, toks: Tokens, i: int, arabic_clitics: bool = True) -> Match | None:
        items = toks.items
        first = items[i].key
        if not arabic_clitics or not items[i].arabic:
            if first not in self.firsts:
                return None
            variants: Iterator[tuple[str, int]] | tuple[tuple[str, int], ...] = ((first, 0),)
        else:
            variants = arabic_variants(first)
        for var, stripped in variants:
            if var not in self.firsts:
                continue
            best = None
            k = i + 1
            key: tuple[str, ...] = (var,)
            cands = [(key, k)]
            while k < len(items) and k - i < self.max_len and items[k].joined:
                key = key + (items[k].key,)
                k += 1
                cands.append((key, k))
            for key, k in reversed(cands):
                if key in self.table:
                    best = (key, k)
                    break
            if best is not None:
                key, k = best
                start = toks.origin[items[i].fstart + stripped] if stripped else items[i].start
                return Match(i, k, start, items[k - 1].end, tuple(self.table[key]))
        return None
