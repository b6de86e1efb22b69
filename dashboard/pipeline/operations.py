"""Named military exercises, operations and missions: their own kind of entity, never places.

Two sources of names:
- the curated list (`data/lexicons/operations.json`, loaded by `dashboard.resources`): its safe
  spellings match on their own; a bare form that is also an ordinary word or a common name
  ("Medusa", "فيصل") matches only next to one of the entry's cue words ("exercise Medusa",
  "مناورات ميدوزا");
- names no list holds, from how news writes them: a quoted name after a naming word (تمرين باسم
  «...», an exercise dubbed "..."), a capitalised name after "Operation"/"Exercise" or after any
  naming word when a year or an edition number closes it ("exercise Sand Viper 2021"), and in Arabic
  a naming word, up to three words and a year ("مناورات الرمال الذهبية 2021").

A year or edition number right after a name is part of it ("Flintlock 2020", "نسور النيل 2"): it
numbers the edition and is not a date of the sentence. The places stage skips every span found
here; `ProcessedArticle.operations` keeps them for the events stage.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from dashboard.records import OperationKind, OperationMention

from .arabic import fold
from .lexmatch import PhraseTable, Tokens, arabic_variants, tokenize


@dataclass(frozen=True)
class _Entry:
    id: str
    name: str
    kind: str  # exercise | operation | mission


@dataclass(frozen=True, eq=False)
class OperationLexicon:
    """The curated operations as one phrase table; payload (entry index, needs a cue word)."""

    entries: tuple[_Entry, ...] = ()
    table: PhraseTable = field(default_factory=PhraseTable)
    cues: tuple[frozenset[str], ...] = ()  # per entry: folded cue words (empty when none is needed)


NO_OPERATIONS = OperationLexicon()

# Words that introduce the name of an exercise or an operation (folded, Arabic without clitics).
_EXERCISE_WORDS = frozenset(
    "exercise exercises exercice exercices drill drills manoeuvre manoeuvres manœuvre manœuvres maneuver "
    "maneuvers wargame مناورات مناوره المناورات المناوره تمرين تمرينات التمرين التمرينات تمرينا تدريب تدريبات "
    "التدريب التدريبات".split())
_OPERATION_WORDS = frozenset("operation operations عمليه العمليه".split())
_NAMING_ONLY = frozenset("named dubbed codenamed code-named baptise baptisee baptises intitule intitulee "
                         "denomme denommee باسم اسم مسمى شعار".split())
_NAMING_WORDS = _EXERCISE_WORDS | _OPERATION_WORDS | _NAMING_ONLY
CUE_WINDOW = 3  # tokens either side of a bare name where its cue word may stand (adjectives, a year)
_QUOTE_WINDOW = 5  # words before an opening quote where a naming word may stand
_MAX_QUOTED = 60  # characters: a longer quotation is speech, not a name
_MAX_ARABIC_NAME = 3  # words between an Arabic naming word and the year that closes the name
_QUOTES = {"«": "»", "\"": "\"", "“": "”", "„": "“"}
_SENTENCE_BREAK = re.compile(r"[.!?؟\n]")
_YEAR = re.compile(r"(?:19|20)\d\d")
_EDITION = re.compile(r"\d{1,2}")
# Arabic words that end a name: prepositions, conjunctions, time words, numbers words.
_ARABIC_STOP = frozenset("في من الى على مع عن بين حتى خلال منذ عام سنه شهر يوم التي الذي الذين التى او ثم "
                         "قبل بعد عند لدى نحو حول ضمن".split())


def operation_lexicon_from_data(data: dict) -> OperationLexicon:
    """The matcher, from `operations.json`'s parsed content."""
    table = PhraseTable()
    entries, cues = [], []
    for i, op in enumerate(data.get("operations", [])):
        entries.append(_Entry("operation:" + re.sub(r"[^a-z0-9]+", "-", fold(op["name"])).strip("-"),
                              op["name"], op.get("kind", "operation")))
        for form in op.get("en", []) + op.get("fr", []) + op.get("ar", []):
            table.add(form, (i, False))
        needs_cue = bool(op.get("needs_cue"))
        for form in op.get("bare", []) if needs_cue else ():
            table.add(form, (i, True))
        cues.append(frozenset(fold(c) for c in op.get("cues", [])) if needs_cue else frozenset())
    return OperationLexicon(tuple(entries), table, tuple(cues))


def find_operations(text: str, lexicon: OperationLexicon) -> list[OperationMention]:
    """Named exercises and operations in `text`, in text order, without overlaps."""
    if not text:
        return []
    toks = tokenize(text)
    found = _listed(toks, lexicon) if lexicon.entries else []
    found += _quoted(text)
    naming = toks.candidates(_NAMING_WORDS)  # (the tokenizer's index: few tokens, no scan in Python)
    if naming:
        found += _capitalised(toks, naming) + _arabic_with_year(toks, naming)
    return _without_overlaps(found)


def _listed(toks: Tokens, lexicon: OperationLexicon) -> list[OperationMention]:
    out = []
    for m in lexicon.table.find(toks):
        for idx, needs_cue in m.payloads:
            if needs_cue and not _cue_nearby(toks, m.i, m.j, lexicon.cues[idx]):
                continue
            e = lexicon.entries[idx]
            end = _with_edition(toks, m.j)
            how = "list, next to a cue word" if needs_cue else "list"
            out.append(OperationMention(toks.text[m.start:end], m.start, end, e.id, e.name, e.kind, how))
            break
    return out


def _with_edition(toks: Tokens, j: int) -> int:
    """End offset of a name whose tokens end before `j`, with a following year or edition number."""
    items = toks.items
    end = items[j - 1].end
    if j < len(items) and items[j].start - end <= 2 and not _SENTENCE_BREAK.search(toks.text, end, items[j].start):
        key = items[j].key
        if _YEAR.fullmatch(key) or _EDITION.fullmatch(key):
            return items[j].end
    return end


def _forms(key: str) -> set[str]:
    """A token's folded forms without Arabic clitics or the article (ومناورات, المناورات)."""
    out = {v for v, _ in arabic_variants(key)}
    return out | {v[2:] for v in out if v.startswith("ال") and len(v) > 4}


def _cue_nearby(toks: Tokens, i: int, j: int, cues: frozenset[str]) -> bool:
    """One of `cues` within CUE_WINDOW tokens of tokens i..j-1, in the same sentence."""
    items, text = toks.items, toks.text
    for k in range(max(0, i - CUE_WINDOW), min(len(items), j + CUE_WINDOW)):
        if i <= k < j:
            continue
        lo, hi = (items[k].end, items[i].start) if k < i else (items[j - 1].end, items[k].start)
        if _SENTENCE_BREAK.search(text, lo, hi):
            continue
        if _forms(items[k].key) & cues:
            return True
    return False


@lru_cache(maxsize=8192)
def _naming_kind(key: str) -> OperationKind | None:
    forms = _forms(key)
    if forms & _EXERCISE_WORDS:
        return "exercise"
    if forms & _OPERATION_WORDS:
        return "operation"
    return "unknown" if forms & _NAMING_ONLY else None


def _quoted(text: str) -> list[OperationMention]:
    """«name» or "name" after a naming word (تمرين باسم «...», an exercise named "...")."""
    out = []
    for op, cl in _QUOTES.items():
        start = text.find(op)
        while start >= 0:
            close = text.find(cl, start + 1, start + 1 + _MAX_QUOTED)
            if close < 0:
                break
            inner = text[start + 1:close]
            if inner.strip() and not _SENTENCE_BREAK.search(inner):
                head = fold(text[max(0, start - 60):start]).split()[-_QUOTE_WINDOW:]
                kinds = {k for k in map(_naming_kind, (w.strip("(),:;'-") for w in head)) if k}
                if kinds:
                    kind: OperationKind = ("exercise" if "exercise" in kinds
                                           else "operation" if "operation" in kinds else "unknown")
                    s = start + 1 + len(inner) - len(inner.lstrip())
                    e = close - (len(inner) - len(inner.rstrip()))
                    out.append(OperationMention(text[s:e], s, e, "", text[s:e], kind,
                                                "quoted name after a naming word"))
            start = text.find(op, close + 1)
    return out


def _capitalised(toks: Tokens, naming: list[int]) -> list[OperationMention]:
    """Latin script: "Operation Sand Viper", or a naming word, a capitalised name and a year."""
    out = []
    items, text = toks.items, toks.text
    for i in naming:
        it = items[i]
        if it.arabic or i + 1 >= len(items):
            continue
        kind = _naming_kind(it.key)
        if kind is None:
            continue
        j = i + 1
        while j < len(items) and not items[j].arabic and text[items[j].start].isupper() \
                and items[j].start - items[j - 1].end <= 2 \
                and not _SENTENCE_BREAK.search(text, items[j - 1].end, items[j].start):
            j += 1
        if j == i + 1:
            continue
        end = _with_edition(toks, j)
        if end == items[j - 1].end and not text[it.start].isupper():
            continue  # "the exercise Tunisia hosted": a lower-case naming word needs a year or a number
        start = items[i + 1].start
        out.append(OperationMention(text[start:end], start, end, "", text[start:end], kind,
                                    "naming word and a capitalised name"))
    return out


def _arabic_with_year(toks: Tokens, naming: list[int]) -> list[OperationMention]:
    """مناورات + up to three words + a year: the words and the year name the exercise."""
    out = []
    items, text = toks.items, toks.text
    for i in naming:
        it = items[i]
        if not it.arabic or _naming_kind(it.key) in (None, "unknown"):
            continue
        for j in range(i + 2, min(len(items), i + 2 + _MAX_ARABIC_NAME)):
            key = items[j].key
            if _YEAR.fullmatch(key):
                words = items[i + 1:j]
                gap = text[it.end:items[j].start]
                if all(w.arabic and not _forms(w.key) & _ARABIC_STOP and not w.key.startswith(("بال", "لل"))
                       for w in words) and not _SENTENCE_BREAK.search(gap):
                    start = words[0].start
                    out.append(OperationMention(text[start:items[j].end], start, items[j].end, "",
                                                text[start:items[j].end], _naming_kind(it.key) or "exercise",
                                                "naming word, a name and a year"))
                break
            if not items[j].arabic:
                break
    return out


def _without_overlaps(found: list[OperationMention]) -> list[OperationMention]:
    """Listed names first, then the longest; in text order."""
    chosen: list[OperationMention] = []
    for m in sorted(found, key=lambda m: (not m.operation_id, -(m.end - m.start), m.start)):
        if not any(m.start < c.end and c.start < m.end for c in chosen):
            chosen.append(m)
    return sorted(chosen, key=lambda m: m.start)
