"""People no list holds, in Latin script (French and English text).

A run of capitalised words (with name particles and initials inside) is a person when, once the
titles, ranks and words that never start a name are trimmed off its edges, two to five words are
left and either a title came before (`titles.json`: "le ministre de la Défense, X Y", "Maj. Gen. X
Y") or they start with a given name of the name lexicon. A run may also reach its given name past
leading acronyms, titles and common words ("IAI CEO X Y", "House Speaker X Y").

Headlines written in Title Case capitalise every word, so there a run ends at its first common word
that is no title or given name (`names.generated.json.gz` lists them): "General X Y Visits Naval
Base" holds General X Y, and "Egypt Will Receive Helicopters" no person.
"""
from __future__ import annotations

import re
from itertools import compress
from typing import TYPE_CHECKING

from dashboard.records import ActorMention, PlaceMention

from .lexmatch import Tokens

if TYPE_CHECKING:
    from .actors import ActorLexicon

MIN_NAME_WORDS, MAX_NAME_WORDS = 2, 5
TITLE_WINDOW = 6  # words before a run searched for a title: more finds titles with long modifiers
# A line is in Title Case when it has at least TITLE_CASE_MIN_WORDS capitalised words, at most
# TITLE_CASE_MAX_WORDS words, and only articles and prepositions in lower case.
TITLE_CASE_MIN_WORDS = 4
TITLE_CASE_MAX_WORDS = 25
TITLE_CASE_MAX_CHARS = 200  # a longer line is a paragraph, whatever its capitals
_HEADLINE_LOWER = frozenset((
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "with", "from", "by", "as", "vs",
    "de", "la", "le", "les", "des", "du", "et", "à", "en", "au", "aux", "sur", "pour", "avec", "dans", "par", "d", "l"))
MAX_ACRONYM = 6  # an all-capitals word this long or shorter before a name is an acronym (IAI, CEO)
# Hard-wrapped text: at least WRAP_SHARE of its WRAP_MIN_LINES or more lines of WRAP_MIN_LINE
# characters end mid-sentence. Lower treats headline lists as wrapped prose.
WRAP_MIN_LINE = 30
WRAP_MIN_LINES = 5
WRAP_SHARE = 0.6
_SENTENCE_GAP = re.compile(r"[.!?;:\n]")
_LINE_WORD = re.compile(r"[^\W\d_]+")


def latin_people(toks: Tokens, taken: list[str | None], lex: ActorLexicon, places: list[PlaceMention],
                 lang: str) -> list[ActorMention]:
    """Unlisted people in Latin-script runs of capitalised words."""
    items, text, n = toks.items, toks.text, len(toks.items)
    wrapped: list[bool] = []  # hard_wrapped(text), computed when a line break first ends a run
    title_case: dict[int, bool] = {}
    out: list[ActorMention] = []
    k = 0
    # tokens that start with a capital letter (Arabic letters have no case), found without a Python loop
    capitalised = compress(range(n), map(str.isupper, map(text.__getitem__, toks.starts)))
    for a in capitalised:
        if a < k or taken[a] is not None:
            continue
        k = b = _run_end(toks, a, taken, lex, wrapped)
        if (b - a >= MIN_NAME_WORDS and not (wrapped and wrapped[0])
                and _in_title_case_line(toks, items[a].start, title_case)):
            b = _headline_cut(toks, a, b, lex)
        span = _person_in_run(toks, a, b, lex)
        if span is None:
            continue
        s, e, how = span
        start, end = items[s].start, items[e - 1].end
        if _named_place(places, start, end, items[s].key in lex.first_names):
            continue
        out.append(_person_mention(text, start, end, how))
        for x in range(s, e):
            taken[x] = "person"
    return out


def _run_end(toks: Tokens, a: int, taken: list[str | None], lex: ActorLexicon, wrapped: list[bool]) -> int:
    """Where the run of capitalised words (with particles between them: "Ould", "de", "bin")
    that begins at token `a` ends."""
    items, n = toks.items, len(toks.items)
    b = a + 1
    while b < n and _joined(toks, b, wrapped) and taken[b] is None and not items[b].arabic and (
            _is_cap(toks, b) or (items[b].key in lex.particles and b + 1 < n and _is_cap(toks, b + 1))):
        b += 1
    return b


def _person_mention(text: str, start: int, end: int, how: str) -> ActorMention:
    """The person text[start:end], named with words in capitals written as names (SALAH -> Salah)."""
    surface = " ".join(text[start:end].split())
    name = " ".join(w if not w.isupper() or len(w) <= 2 else w.capitalize() for w in surface.split())
    return ActorMention(surface, start, end, "", name, "person", None, None, how)


def _is_cap(toks: Tokens, k: int) -> bool:
    return toks.text[toks.items[k].start].isupper()


def _joined(toks: Tokens, k: int, wrapped: list[bool]) -> bool:
    """Token k continues the name begun before it; in hard-wrapped text a single line break too.
    (`wrapped` holds `hard_wrapped(text)` once a line break has asked for it.)"""
    if toks.items[k].joined:
        return True
    if toks.text[toks.items[k - 1].end:toks.items[k].start] != "\n":
        return False
    if not wrapped:
        wrapped.append(hard_wrapped(toks.text))
    return wrapped[0]


def hard_wrapped(text: str) -> bool:
    """Whether the text is wire copy broken into lines of fixed width (a line break inside a
    sentence, even inside a name): most of its long lines end mid-sentence."""
    lines = [ln for ln in text.split("\n") if len(ln) >= WRAP_MIN_LINE]
    if len(lines) < WRAP_MIN_LINES:
        return False
    open_ended = sum(1 for ln in lines if ln.rstrip()[-1:].isalnum() or ln.rstrip()[-1:] == ",")
    return open_ended >= WRAP_SHARE * len(lines)


def _common_word(lex: ActorLexicon, key: str) -> bool:
    return key in lex.common.get("en", ()) or key in lex.common.get("fr", ())


def _vocabulary(lex: ActorLexicon, key: str) -> bool:
    """A common word that is no given name (Receive, Accords; not John)."""
    return _common_word(lex, key) and key not in lex.first_names


def _headline_cut(toks: Tokens, a: int, b: int, lex: ActorLexicon) -> int:
    """In a Title Case line every word is capitalised: the run ends at its first common word that
    is neither a title nor a given name ("General X Y Visits Naval Base": General X Y)."""
    for k in range(a, b):
        key = toks.items[k].key
        if _vocabulary(lex, key) and key not in lex.titles_latin:
            return k
    return b


def _named_place(places: list[PlaceMention], start: int, end: int, given_start: bool) -> bool:
    """The name is a place: one place mention covers all of it (an airport or a region named like
    a person: Houari Boumediene, Sinai Peninsula), or, when it does not start with a given name,
    it overlaps a place. A place inside a name that starts with a given name is a namesake (Florence
    Parly, Georges Seguin)."""
    for p in places:
        if p.start <= start and end <= p.end:
            return True
        if p.start < end and start < p.end and not given_start:
            return True
    return False


def _person_in_run(toks: Tokens, a: int, b: int, lex: ActorLexicon) -> tuple[int, int, str] | None:
    """Trim titles and common words off a capitalised run; the span left and how it is known to
    be a name ("title pattern" or "given name"), or None."""
    if b - a < MIN_NAME_WORDS:
        return None
    items = toks.items
    a, b, titled = _trimmed(toks, a, b, lex)
    if not titled and a < b and items[a].key not in lex.first_names:
        a = _given_name_inside(toks, a, b, lex)
    if not MIN_NAME_WORDS <= b - a <= MAX_NAME_WORDS or len(items[a].key) == 1:
        return None
    if any(items[k].key in lex.not_names for k in range(a, b)) or _short_capitals(toks, b - 1):
        return None
    if titled:
        return a, b, "title pattern"
    if items[a].key in lex.first_names and not _vocabulary(lex, items[b - 1].key):
        return a, b, "given name"  # (with no title, "Martin Protocol" is no person)
    return None


def _trimmed(toks: Tokens, a: int, b: int, lex: ActorLexicon) -> tuple[int, int, bool]:
    """The run without the titles, particles and words that never start or end a name at its
    edges (a run may hold titles: "Divisional General X Y Z" is X Y Z), and whether a title came
    before the name."""
    items = toks.items
    titled = _title_before(toks, a, lex)
    last_title = max((k for k in range(a, b) if items[k].key in lex.titles_latin), default=None)
    if last_title is not None and b - last_title > MIN_NAME_WORDS:
        a, titled = last_title + 1, True
    while a < b and _not_a_start(toks, a, lex):
        titled = titled or items[a].key in lex.titles_latin
        a += 1
    while b > a and (items[b - 1].key in lex.not_names or items[b - 1].key in lex.particles
                     or items[b - 1].key in lex.titles_latin):
        b -= 1
    return a, b, titled


def _short_capitals(toks: Tokens, k: int) -> bool:
    """An initial or a short acronym (D, MX): no family name."""
    it = toks.items[k]
    surface = toks.text[it.start:it.end]
    return len(surface) <= 3 and surface.isupper()


def _not_a_start(toks: Tokens, k: int, lex: ActorLexicon) -> bool:
    key = toks.items[k].key
    return (key in lex.titles_latin or key in lex.not_names or key in lex.particles
            or lex.names.match_at(toks, k, False) is not None)


def _given_name_inside(toks: Tokens, a: int, b: int, lex: ActorLexicon) -> int:
    """Where a run's name starts when it starts later, at a given name, after words that are no
    name: acronyms, titles, common words ("IAI CEO X Y", "House Speaker X Y"). Else `a`."""
    items, text = toks.items, toks.text
    for k in range(a, b - 1):
        key = items[k].key
        if key in lex.first_names:
            return k
        surface = text[items[k].start:items[k].end]
        if not (key in lex.titles_latin or _common_word(lex, key)
                or (surface.isupper() and len(surface) <= MAX_ACRONYM)):
            return a
    return a


def _title_before(toks: Tokens, a: int, lex: ActorLexicon) -> bool:
    """A title word among the few words before the name, in the same sentence ("le ministre de
    l'Intérieur du Niger, X Y"); a credit word ("by", "par") only right before a given name ("Photo
    by John Young"; not "built by Boeing Co.", "published by the mission said the Action Plan")."""
    items = toks.items
    if a > 0 and items[a - 1].key in lex.credits_latin:
        return items[a].key in lex.first_names
    for k in range(a - 1, max(a - TITLE_WINDOW - 1, -1), -1):
        gap = toks.folded[items[k].fend:items[k + 1].fstart]
        if _SENTENCE_GAP.search(gap) and not (gap.startswith(".") and len(items[k].key) <= 4):
            return False
        if items[k].key in lex.titles_latin:
            return True
    return False


def _in_title_case_line(toks: Tokens, offset: int, cache: dict[int, bool]) -> bool:
    """Whether the line holding `offset` is written in Title Case (a headline): at least
    TITLE_CASE_MIN_WORDS capitalised words, no more than TITLE_CASE_MAX_WORDS words, and no
    lower-case word but articles and prepositions (a sentence has its verbs in lower case)."""
    text = toks.text
    start = text.rfind("\n", 0, offset) + 1
    got = cache.get(start)
    if got is None:
        end = text.find("\n", offset)
        end = end if end >= 0 else len(text)
        if end - start > TITLE_CASE_MAX_CHARS:
            cache[start] = False
            return False
        words = _LINE_WORD.findall(text, start, end)
        caps = sum(1 for w in words if w[0].isupper())
        lower_ok = all(w[0].isupper() or w in _HEADLINE_LOWER or len(w) == 1 for w in words)  # (the s of 's)
        got = cache[start] = caps >= TITLE_CASE_MIN_WORDS and len(words) <= TITLE_CASE_MAX_WORDS and lower_ok
    return got
