"""A search box's words, with the names of places, countries and actors widened to their other
spellings (pure: no SQL; `queries.search_groups` gives it the names the store and lexicons know).

Searching "Algeria" should find the Arabic articles that say الجزائر and the French ones that say
Algérie. The search text is folded (case, accents, hamza and vowel marks ignored) and read left
to right; the longest run of words that is a known name (up to MAX_NAME_WORDS) becomes a group of
alternatives, every spelling of every entity that bears that name; any other word stays a group of
one. An article matches when it contains every group, and any alternative within a group.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping

from dashboard.pipeline.arabic import fold

SearchGroups = tuple[tuple[str, ...], ...]
MAX_NAME_WORDS = 5  # "الولايات المتحدة الأمريكية", "Islamic State in the Greater Sahara"
# Shorter spellings ("US", "UN") would match inside many unrelated words: never used as alternatives.
MIN_ALTERNATIVE_CHARS = 3
_ELISIONS = ("l'", "d'", "l’", "d’")


def name_key(name: str) -> str:
    """How a name is looked up: folded, hyphens as spaces, single spaces, no French elision."""
    key = " ".join(fold(name).replace("-", " ").split())
    for elision in _ELISIONS:
        if key.startswith(elision):
            return key[len(elision):]
    return key


def _spelling(name: str) -> str:
    """How a name is searched in the folded article text."""
    return " ".join(fold(name).split())


def synonym_index(groups: Iterable[Iterable[str | None]], never: Iterable[str] = ()) -> dict[str, frozenset[str]]:
    """Name key -> every spelling of every entity with that name.

    `groups` holds the spellings of one entity each (a place's English, French and Arabic names;
    a person's or an organisation's lexicon spellings). Names in `never` (common words that are
    also names, such as مالي, "financial") are left out of every group.
    """
    banned = {name_key(n) for n in never}
    index: dict[str, set[str]] = {}
    for group in groups:
        spellings = {_spelling(n) for n in group if isinstance(n, str) and n.strip() and name_key(n) not in banned}
        spellings = {s for s in spellings if len(s) >= MIN_ALTERNATIVE_CHARS}
        for key in {name_key(s) for s in spellings}:
            index.setdefault(key, set()).update(spellings)
    return {k: frozenset(v) for k, v in index.items()}


def expand_search(search: str, index: Mapping[str, frozenset[str]]) -> SearchGroups:
    """The groups of alternatives a search means (every group must match an article)."""
    words = fold(search).split()
    groups: list[tuple[str, ...]] = []
    i = 0
    while i < len(words):
        for n in range(min(MAX_NAME_WORDS, len(words) - i), 0, -1):
            phrase = " ".join(words[i:i + n])
            alternatives = index.get(name_key(phrase))
            if alternatives:
                groups.append(tuple(sorted(alternatives | {phrase})))
                i += n
                break
        else:
            groups.append((words[i],))
            i += 1
    return tuple(dict.fromkeys(groups))
