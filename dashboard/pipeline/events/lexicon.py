"""The event lexicon: trigger words per event type and language, context words, markers.

Built once from `data/lexicons/event_triggers.json` (read by `dashboard.resources`) and only read
afterwards: what the trigger finder learns about Arabic words while it runs is kept apart, in
`triggers.WordMemo`, not in this record.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..arabic import fold
from ..lexmatch import PhraseTable, fold_phrase

LANGUAGES = ("ar", "fr", "en")
# the place picker has its own pattern; (im)perfect are sets
_UNUSED_MARKERS = frozenset({"locative", "imperfect", "perfect"})


@dataclass(frozen=True, eq=False)
class EventLexicon:
    """Trigger words per event type and language, loaded once. (Compared by identity, like the
    gazetteer: two lexicons are the same when they are the same object.)"""

    triggers: dict[str, PhraseTable] = field(default_factory=dict)  # lang -> phrases -> (type, strength)
    ar_words: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)  # single Arabic words
    context: dict[str, dict[str, frozenset[str]]] = field(default_factory=dict)  # lang -> type -> words
    markers: dict[str, PhraseTable] = field(default_factory=dict)  # lang -> phrases -> marker names
    imperfect_ar: frozenset[str] = frozenset()  # Arabic present-tense verbs (يجتمع): a weekday with one is ahead
    perfect_ar: frozenset[str] = frozenset()  # Arabic past-tense trigger verbs (وقعا): no date after publication


def event_lexicon_from_data(data: dict) -> EventLexicon:
    """The trigger tables, from data/lexicons/event_triggers.json parsed (`dashboard.resources` reads it)."""
    triggers: dict[str, PhraseTable] = {}
    ar_words: dict[str, list[tuple[str, str]]] = {}
    context: dict[str, dict[str, frozenset[str]]] = {}
    for lang in LANGUAGES:
        table = PhraseTable()
        context[lang] = {}
        for typ, spec in data[lang].items():
            for strength in ("strong", "weak"):
                for w in spec.get(strength, []):
                    table.add(w, (typ, strength))
                    if lang == "ar":
                        _add_single_word(ar_words, fold_phrase(w), (typ, strength))
            context[lang][typ] = frozenset(k for w in spec.get("context", ()) for k in fold_phrase(w))
        triggers[lang] = table
    imperfect = frozenset(fold(w) for w in data["markers"].get("imperfect_ar", ()))
    perfect = frozenset(fold(w) for w in data["markers"].get("perfect_ar", ()))
    return EventLexicon(triggers, {k: tuple(v) for k, v in ar_words.items()}, context, _markers(data["markers"]),
                        imperfect, perfect)


def _add_single_word(ar_words: dict[str, list[tuple[str, str]]], key: tuple[str, ...], entry: tuple[str, str]) -> None:
    """A one-word Arabic trigger, also looked up word by word with its clitics (see `triggers`)."""
    if len(key) == 1:
        ar_words.setdefault(key[0], [])
        if entry not in ar_words[key[0]]:
            ar_words[key[0]].append(entry)


def _markers(spec: dict[str, list[str]]) -> dict[str, PhraseTable]:
    """Marker words (future, negation, cancel...) per language: "future_fr" -> the "future" words of French."""
    markers: dict[str, PhraseTable] = {lang: PhraseTable() for lang in LANGUAGES}
    for name, words in spec.items():
        kind, lang = name.rsplit("_", 1)
        if kind in _UNUSED_MARKERS:
            continue
        for w in words:
            markers[lang].add(w, kind)
    return markers
