"""What lies inside a stretch of the text: marker spans and mentions, found by bisecting."""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from itertools import pairwise

NEAR_BEFORE_REACH = 40  # characters: a marker further before the word is not "just before" it
_PUNCTUATION = ",.;:،؛()"


def any_in(matches: Sequence[tuple[int, int]], s: int, e: int) -> bool:
    """Whether a marker span lies inside [s, e). `matches` is in text order (as `context.marks_in`
    lists them), so the search starts at the first span from s and stops at the first from e: an
    article of English has a hundred "the", and this runs for every trigger."""
    if not matches:
        return False
    k = bisect_left(matches, (s,))
    n = len(matches)
    while k < n:
        a, b = matches[k]
        if a >= e:
            return False
        if b <= e:
            return True
        k += 1
    return False


def inside(items: list, starts: list[int], s: int, e: int) -> list:
    """The items (mentions in text order, `starts` their offsets) lying inside [s, e)."""
    lo = bisect_left(starts, s)
    return [x for x in items[lo:bisect_left(starts, e, lo)] if x.end <= e]


def in_text_order(items: list) -> list:
    return items if all(a.start <= b.start for a, b in pairwise(items)) else sorted(items, key=lambda x: x.start)


def near_before(spans: Sequence[tuple[int, int]], pos: int, words: int, text: str) -> bool:
    """A marker ending at most `words` words before `pos`, with no punctuation between."""
    for _a, b in spans:
        if b <= pos and pos - b <= NEAR_BEFORE_REACH:
            gap = text[b:pos]
            if gap.count(" ") <= words and not any(c in gap for c in _PUNCTUATION):
                return True
    return False
