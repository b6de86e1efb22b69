"""Several regex scans of one text, trying only the positions where a match can start.

`pattern.finditer` tries a match at every position of the text; patterns built from word lists
(dates: "اليوم", "la semaine dernière", month names) then spend most of their time failing at
positions where none of their words begins. `AnchoredScan` reads, from each pattern's own parse
tree, the literal strings every match must begin with (up to a few characters), finds where they
occur with one Aho-Corasick pass, and tries `pattern.match` there only. The matches are the same
as `finditer`'s, in the same order: the leftmost match at or after the previous match's end, at
each step, because no match can start anywhere else. A pattern whose matches may begin with any
character (no literal prefix) is scanned with `finditer` as before.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

try:  # the regex parse tree and its opcodes (private modules, the same since Python 3.11)
    import re._constants as _c
    import re._parser as _parser
except ImportError:  # pragma: no cover - a Python that moved them: every pattern is scanned in full
    _c = _parser = None

import ahocorasick

_MAX_PREFIX = 6  # longer literal prefixes add keys without removing many false starts
_MAX_PREFIXES = 5000
_MAX_CLASS = 64  # a character class with more members than this is "any character"
DIGIT = "\uffff\\d"  # "a match starts with a digit" (any Unicode digit, as \d matches)
_DIGIT = re.compile(r"\d")
_DIGIT_RUN = re.compile(r"\d+")  # (its matches begin where runs of digits begin)


class _Unbounded(Exception):
    """A match may start with characters we do not enumerate."""


def _class_chars(items: list) -> set[str] | str | None:
    """Members of a character class, DIGIT for exactly `\\d`, None when too many to list."""
    if items == [(_c.CATEGORY, _c.CATEGORY_DIGIT)]:
        return DIGIT
    chars: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            chars.add(chr(av))
        elif op is _c.RANGE and av[1] - av[0] < _MAX_CLASS:
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        else:
            return None
    return chars if len(chars) <= _MAX_CLASS else None


def _walk(items: Sequence, open_: set[str]) -> tuple[set[str], set[str]]:
    """Prefixes after the parse items: (still extensible by what follows, complete)."""
    done: set[str] = set()
    for op, av in items:
        if not open_:
            break
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue  # zero width
        if op is _c.LITERAL:
            open_ = {p + chr(av) for p in open_}
        elif op is _c.IN:
            chars = _class_chars(av)
            if chars == DIGIT and "" in open_:
                done.add(DIGIT)
                done.update(p for p in open_ if p)
                open_ = set()
            elif isinstance(chars, set):
                open_ = {p + ch for p in open_ for ch in chars}
            else:
                done |= open_
                open_ = set()
        elif op is _c.BRANCH:
            after: set[str] = set()
            for alt in av[1]:
                o, d = _walk(alt.data, open_)
                after |= o
                done |= d
            open_ = after
        elif op is _c.SUBPATTERN:
            open_, d = _walk(av[-1].data, open_)
            done |= d
        elif op is _c.ATOMIC_GROUP:
            open_, d = _walk(av.data, open_)
            done |= d
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            lo, hi, sub = av
            if lo == 0 and "" not in open_:  # an optional part after some letters: enough letters
                done |= open_
                open_ = set()
                continue
            skipped = set(open_) if lo == 0 else set()
            once, d = _walk(sub.data, open_)
            done |= d
            if hi == 1:
                open_ = once | skipped
            else:  # after one round more may follow: stop extending there
                done |= once
                open_ = skipped
        else:  # anything else (any character, a backreference...): the prefix ends here
            done |= open_
            open_ = set()
        long = {p for p in open_ if len(p) >= _MAX_PREFIX}
        done |= long
        open_ -= long
        if len(open_) + len(done) > _MAX_PREFIXES:
            raise _Unbounded
    return open_, done


def literal_prefixes(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Strings one of which begins every match of `pattern` (DIGIT: a digit), or None if unknown."""
    if _parser is None or pattern.flags & re.IGNORECASE or not isinstance(pattern.pattern, str):
        return None
    try:
        open_, done = _walk(_parser.parse(pattern.pattern, pattern.flags).data, {""})
    except Exception:  # noqa: BLE001 - _Unbounded, or a parse tree this code does not know
        return None
    prefixes = open_ | done
    if "" in prefixes:
        return None
    # "apr" already covers "april", and DIGIT covers "19": keep the shortest (fewer places to try)
    return frozenset(p for p in prefixes if not any(p[:n] in prefixes for n in range(1, len(p)))
                     and not (DIGIT in prefixes and p != DIGIT and _DIGIT.match(p)))


def starts_after_no_digit(pattern: re.Pattern[str]) -> bool:
    """Whether the pattern opens with a lookbehind that refuses a digit before it ("(?<![0-9.])"):
    a match that begins with a digit then begins a run of digits."""
    if _parser is None:
        return False
    items = _parser.parse(pattern.pattern, pattern.flags).data
    if not items or items[0][0] is not _c.ASSERT_NOT:
        return False
    direction, sub = items[0][1]
    return direction == -1 and len(sub.data) == 1 and sub.data[0][0] is _c.IN \
        and (_c.CATEGORY, _c.CATEGORY_DIGIT) in sub.data[0][1]


class AnchoredScan:
    """`finditer` of several patterns over one text, in the patterns' order.

    `required` may name, for a pattern, strings one of which every match contains (not only at its
    start: "mars" in "début mars"); the pattern is then skipped in a text that has none of them.
    `within` may bound, for such a pattern, how far after a match's start that string begins; a
    start with none of them that close is not tried ("en" far from any month)."""

    def __init__(self, patterns: Sequence[tuple[str, re.Pattern[str]]],
                 required: dict[str, frozenset[str]] | None = None,
                 within: dict[str, int] | None = None) -> None:
        self.patterns = list(patterns)
        self.unanchored: set[int] = set()
        self.digit_started: set[int] = set()  # its matches may begin with any digit...
        self.run_started: set[int] = set()  # ...or only with the first digit of a run
        self.gated: set[int] = set()
        self.within = {n: within[name] for n, (name, _) in enumerate(self.patterns)
                       if within and name in within and required and name in required}
        starting: dict[str, list[int]] = {}
        needed: dict[str, list[int]] = {}
        for n, (name, pat) in enumerate(self.patterns):
            prefixes = literal_prefixes(pat)
            if prefixes is None:
                self.unanchored.add(n)
            else:
                for p in prefixes:
                    if p == DIGIT:
                        (self.run_started if starts_after_no_digit(pat) else self.digit_started).add(n)
                    else:
                        starting.setdefault(p, []).append(n)
            if required and name in required:
                self.gated.add(n)
                for word in required[name]:
                    needed.setdefault(word, []).append(n)
        self.automaton = ahocorasick.Automaton()
        for key in starting.keys() | needed.keys():
            self.automaton.add_word(key, (len(key) - 1, tuple(starting.get(key, ())), tuple(needed.get(key, ()))))
        if len(self.automaton):
            self.automaton.make_automaton()

    def scan(self, text: str) -> Iterator[tuple[str, re.Match[str]]]:
        """(name, match) of every pattern, as `for name, p in patterns: for m in p.finditer(text)`."""
        starts: list[list[int]] = [[] for _ in self.patterns]
        needed_at: list[list[int]] = [[] for _ in self.patterns]  # where each pattern's required words begin
        if len(self.automaton):
            for last, (back, kinds, needs) in self.automaton.iter(text):
                for n in kinds:
                    starts[n].append(last - back)
                for n in needs:
                    needed_at[n].append(last - back)
        for started, finder in ((self.digit_started, _DIGIT), (self.run_started, _DIGIT_RUN)):
            if started:
                digits = [m.start() for m in finder.finditer(text)]
                for n in started:
                    starts[n].extend(digits)
        for n, (name, pat) in enumerate(self.patterns):
            if n in self.gated and not needed_at[n]:
                continue
            if n in self.unanchored:
                for m in pat.finditer(text):
                    yield name, m
                continue
            cands = starts[n]
            if not cands:
                continue
            cands = sorted(set(cands))
            reach = self.within.get(n)
            near = sorted(needed_at[n]) if reach is not None else ()
            k = 0
            pos = 0
            match = pat.match
            for s in cands:
                if s < pos:
                    continue
                if reach is not None:
                    while k < len(near) and near[k] < s:
                        k += 1
                    if k == len(near):
                        break
                    if near[k] > s + reach:
                        continue
                m = match(text, s)
                if m is not None:  # (never empty: it begins with a prefix)
                    yield name, m
                    pos = m.end()
