"""One person however spelled: the people found by rules are matched with the curated people and
with each other through the spelling-tolerant key of `namekey`.

- A name found by a rule whose key meets a curated person's (the whole name, or its first and last
  words: Abdelhamid Dabaiba, عبد الحميد دبيبة) is that person: the curated id and English name.
- Names found by rules that share a key are one person: the first mention's id and spelling.
- A single capitalised word (or an Arabic word too rare to be vocabulary) whose key is the family
  name of a person already named in the article (Dbeiba after Abdul Hamid Dbeibah, شنقريحة after
  Saïd Chanegriha) is a mention of that person; with no such mention in the article, only a family
  name whose key is long enough to be distinctive (MIN_ALONE_KEY) is matched with the curated list,
  and so are two such words in a row that spell a listed two-word family name (Gaïd Saleh).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING

from dashboard.records import ActorMention

from .arabic import fold
from .lexmatch import Tokens, is_arabic
from .namekey import name_keys, name_words, word_keys

if TYPE_CHECKING:
    from .actors import ActorEntry, ActorLexicon

MIN_SURNAME_KEY = 3  # consonants of a family name matched alone: fewer (Sisi: S) meet too many words
MIN_ALONE_KEY = 5  # ... and of one matched with no other mention of the person in the article
DISTINCTIVE_FAMILY_KEY = 4  # a family name this long (Haftar: HFTR) may carry a middle name the list lacks
_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class PersonIndex:
    """The curated people by key: whole name, first|last word, family name."""

    full: dict[str, tuple[ActorEntry, ...]] = field(default_factory=dict)
    first_last: dict[str, tuple[ActorEntry, ...]] = field(default_factory=dict)
    surname: dict[str, tuple[ActorEntry, ...]] = field(default_factory=dict)
    surnames_of: dict[str, frozenset[str]] = field(default_factory=dict)  # actor id -> family-name keys
    two_word: dict[str, tuple[ActorEntry, ...]] = field(default_factory=dict)  # two-word family names (Gaïd Salah)
    known: dict[str, ActorEntry | None] = field(default_factory=dict, compare=False, repr=False)  # `listed_person` memo


def _add(index: dict[str, list], keys: Iterable[str], entry: ActorEntry) -> None:
    for k in keys:
        bucket = index.setdefault(k, [])
        if entry not in bucket:
            bucket.append(entry)


def _spellings(person: dict) -> list[str]:
    """The spellings whose keys stand for a person: the Arabic ones when there are (one reading of
    each consonant), else the Latin ones."""
    return list(person.get("ar") or []) or [person["name"], *person.get("latin", [])]


def person_index(people: list[tuple[ActorEntry, dict]]) -> PersonIndex:
    """The index of the curated people (entries with their people.json records)."""
    full: dict[str, list] = {}
    first_last: dict[str, list] = {}
    surname: dict[str, list] = {}
    surnames_of: dict[str, set[str]] = {}
    two_word: dict[str, list] = {}
    for entry, p in people:
        for spelling in _spellings(p):
            words = name_words(spelling)
            _add(full, name_keys(spelling), entry)
            if len(words) >= 2:
                _add(first_last, _pair_keys(words), entry)
                _add(surname, _long(word_keys(words[-1])), entry)
                surnames_of.setdefault(entry.actor_id, set()).update(_long(word_keys(words[-1])))
        for short in p.get("short", []):
            n = len(name_words(short))
            keys = _long(word_keys(short)) if n == 1 else frozenset()
            _add(surname, keys, entry)
            surnames_of.setdefault(entry.actor_id, set()).update(keys)
            if n == 2 and not is_arabic(fold(short[:1])):
                _add(two_word, _long(name_keys(short), MIN_ALONE_KEY), entry)
    return PersonIndex({k: tuple(v) for k, v in full.items()}, {k: tuple(v) for k, v in first_last.items()},
                       {k: tuple(v) for k, v in surname.items()},
                       {k: frozenset(v) for k, v in surnames_of.items()},
                       {k: tuple(v) for k, v in two_word.items()})


def _long(keys: frozenset[str], minimum: int = MIN_SURNAME_KEY) -> frozenset[str]:
    return frozenset(k for k in keys if len(k) >= minimum)


def _pair_keys(words: tuple[str, ...]) -> set[str]:
    return {f"{a}|{b}" for a in word_keys(words[0]) for b in word_keys(words[-1])}


def _unique(index: dict[str, tuple[ActorEntry, ...]], keys: Iterable[str]) -> ActorEntry | None:
    found = {e for k in keys for e in index.get(k, ())}
    return next(iter(found)) if len(found) == 1 else None


def _slug(text: str) -> str:
    return _SLUG.sub("-", fold(text)).strip("-")


def _as(m: ActorMention, e: ActorEntry, how: str) -> ActorMention:
    return m._replace(actor_id=e.actor_id, name=e.name, kind="person", country=e.country, role=e.role, how=how)


def _key_source(m: ActorMention) -> str:
    """What the key is computed from: the Arabic text as written (its consonants), else the name."""
    return m.surface if is_arabic(fold(m.surface[:1])) else m.name


def resolve_people(toks: Tokens, taken: list[str | None], listed: list[ActorMention],
                   found: list[ActorMention], lex: ActorLexicon) -> list[ActorMention]:
    """The lexicon's mentions, the rule-found people with their identity settled, and the family
    names alone that refer to a person of the article."""
    index = lex.people
    out = list(listed)
    seen: list[tuple[frozenset[str], frozenset[str], ActorMention]] = []  # rule-found: keys and the mention
    for m in sorted(found, key=lambda a: a.start):
        source = _key_source(m)
        keys = name_keys(source)
        pair = _name_pair(source)
        entry = listed_person(index, source)
        if entry is not None and _compatible(m, source, entry):
            out.append(_as(m, entry, "spelling variant"))
            continue
        earlier = next((s for k, p, s in seen if k & keys or p & pair), None)
        if earlier is not None:
            out.append(m._replace(actor_id=earlier.actor_id, name=earlier.name))
            continue
        m = m._replace(actor_id=f"person:{_slug(m.name)}")
        seen.append((keys, pair, m))
        out.append(m)
    out.extend(_family_names_alone(toks, taken, out, lex))
    return out


MEMO_SIZE = 20_000  # names remembered by `listed_person` (news vocabulary repeats)


def listed_person(index: PersonIndex, name: str) -> ActorEntry | None:
    """The curated person a spelling stands for: the one whose whole-name keys, or first and last
    word keys, meet the spelling's (None when no one or several do)."""
    memo = index.known
    if name in memo:
        return memo[name]
    if len(memo) > MEMO_SIZE:
        memo.clear()
    entry = memo[name] = _unique(index.full, name_keys(name)) or _unique(index.first_last, _name_pair(name))
    return entry


def _compatible(m: ActorMention, source: str, entry: ActorEntry) -> bool:
    """Whether a rule-found name may be the curated person its key points to: not when the text
    gives the person another state (a Mauritanian minister is not a Tunisian general), nor when a
    middle word of the name (ولد, Salah, ben) is none of the curated name's middle words: a pair of
    common first and last names (Mohamed ... Ahmed) meets many people's keys."""
    if m.country and entry.country and m.country != entry.country:
        return False
    words = name_words(source)
    inner = words[1:-1]
    if not inner:
        return True
    their_words = name_words(entry.name)
    if len(their_words) <= 2:  # a curated name without middle words: a distinctive family name suffices
        return max((len(k) for k in word_keys(words[-1])), default=0) >= DISTINCTIVE_FAMILY_KEY
    theirs = frozenset(k for w in their_words[1:-1] for k in word_keys(w))
    return all(word_keys(w) & theirs for w in inner)


def _name_pair(name: str) -> frozenset[str]:
    words = name_words(name)
    return frozenset(_pair_keys(words)) if len(words) >= 2 else frozenset()


def _article_surnames(people: list[ActorMention], lex: ActorLexicon) -> dict[str, ActorMention]:
    """Family-name key -> the first mention of the article's person who has it."""
    out: dict[str, ActorMention] = {}
    for m in people:
        if m.kind != "person":
            continue
        keys = lex.people.surnames_of.get(m.actor_id)
        if keys is None:
            words = name_words(_key_source(m))
            keys = _long(word_keys(words[-1])) if len(words) >= 2 else frozenset()
        for k in keys:
            out.setdefault(k, m)
    return out


def _family_names_alone(toks: Tokens, taken: list[str | None], people: list[ActorMention],
                        lex: ActorLexicon) -> list[ActorMention]:
    surnames = _article_surnames(people, lex)
    text = toks.text
    cands = _surname_candidates(toks, taken, lex, bool(surnames))
    out, used = _two_word_family_names(toks, cands, lex)
    for k in cands:
        if k in used:
            continue
        it = toks.items[k]
        surface = text[it.start:it.end]
        keys = word_keys(surface)
        ref = next((surnames[x] for x in keys if x in surnames), None)
        if ref is not None:
            out.append(ActorMention(surface, it.start, it.end, ref.actor_id, ref.name, "person", ref.country, ref.role,
                                    "family name"))
            continue
        entry = _unique(lex.people.surname, _long(keys, MIN_ALONE_KEY)) if not it.arabic else None
        if entry is not None:
            out.append(_as(ActorMention(surface, it.start, it.end, "", "", "person"), entry, "family name"))
    return out


def _two_word_family_names(toks: Tokens, cands: list[int], lex: ActorLexicon) -> tuple[list[ActorMention], set[int]]:
    """Two capitalised words in a row, no vocabulary, that spell a listed two-word family name in
    another way ("Gaïd Saleh" for the listed "Gaïd Salah", "Ould Ghazwani"): that person. (Their
    keys must be long enough to be distinctive, MIN_ALONE_KEY.)"""
    index = lex.people.two_word
    out: list[ActorMention] = []
    used: set[int] = set()
    if not index:
        return out, used
    items, text = toks.items, toks.text
    for a, b in pairwise(cands):
        if b != a + 1 or a in used or items[a].arabic or items[b].arabic:
            continue
        start, end = items[a].start, items[b].end
        if not text[items[a].end:items[b].start].isspace():
            continue
        entry = _unique(index, name_keys(text[start:end]))
        if entry is not None:
            out.append(_as(ActorMention(text[start:end], start, end, "", "", "person"), entry, "family name"))
            used.update((a, b))
    return out, used


def _surname_candidates(toks: Tokens, taken: list[str | None], lex: ActorLexicon, arabic: bool) -> list[int]:
    """Tokens that may be a family name alone: untaken, four letters or more, no common word of the
    text's languages, capitalised in Latin script; Arabic ones only when the article names people
    (they are matched with those people only). (The rare forms are found by a set difference, so
    the loop runs over a few tokens, not all.)"""
    text, items, index = toks.text, toks.items, toks.index
    out = []
    for key in set(index).difference(lex.common_any):
        if len(key) < 4:
            continue
        for k in index[key]:
            it = items[k]
            if it.key != key or taken[k] is not None:
                continue  # (an Arabic form without its proclitic)
            if arabic if it.arabic else text[it.start].isupper():
                out.append(k)
    return sorted(out)
