"""Find people, organisations and countries acting in the text.

Three sources, in this order of trust:
1. the curated lexicon (`data/lexicons/people.json`, `organizations.json`, `countries.json`):
   names in Arabic, French and English with their variants, surnames that stand alone, country
   names and demonyms ("الأميركي" -> United States);
2. rules for people no list holds (`people_ar`, `people_latin`): a name after a title or rank
   (`titles.json`), or starting with a given name of the name lexicon (`names.generated.json.gz`,
   built from names-dataset), with word frequency to tell names from vocabulary;
3. one person however spelled (`people_identity`): a name found by the rules whose spelling-tolerant
   key (`namekey`) meets a listed person's is that person; mentions of one person get one id.
Country place mentions from the geoparser that the lexicon missed are added as country actors.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import accumulate

from dashboard.records import ActorMention, PlaceMention

from .arabic import fold
from .lexmatch import Match, PhraseTable, Tokens, fold_phrase, is_arabic, tokenize
from .namekey import latin_word_keys
from .people_ar import arabic_people
from .people_identity import PersonIndex, person_index, resolve_people
from .people_latin import latin_people
from .translit import soft_fold


@dataclass(frozen=True)
class ActorEntry:
    actor_id: str
    name: str
    kind: str  # person | organization | country
    country: str | None = None
    role: str | None = None
    how: str = "lexicon"
    case_sensitive: str | None = None  # exact surface required (acronyms, short Latin names)
    capitalised: bool = False  # Latin surface must start with a capital letter
    context: bool = False  # ambiguous word: needs a proclitic or a cue word before it


@dataclass(frozen=True)
class ActorLexicon:
    """Curated actors, title patterns and the name lexicon, loaded once."""

    names: PhraseTable = field(default_factory=PhraseTable)
    titles_ar: PhraseTable = field(default_factory=PhraseTable)
    titles_latin: frozenset[str] = frozenset()
    credits_latin: frozenset[str] = frozenset()  # "by", "par": a title only right before a given name
    particles: frozenset[str] = frozenset()
    not_names: frozenset[str] = frozenset()
    first_names: frozenset[str] = frozenset()  # folded Latin-script given names
    ar_compound: frozenset[str] = frozenset()
    ar_stop: frozenset[str] = frozenset()  # soft-folded (`translit.soft_fold`): على stops a name, علي does not
    ar_stop_folded: frozenset[str] = frozenset()  # folded: الي for إلى stops a name too (no given name)
    country_names: dict[str, str] = field(default_factory=dict)  # iso -> English name
    # soft-folded Arabic given name -> Latin spelling ("" unknown)
    ar_given: dict[str, str] = field(default_factory=dict)
    ar_given_keys: frozenset[str] = frozenset()  # the folded forms of ar_given's one-word names (token keys)
    foreign_given: dict[str, tuple[str, ...]] = field(default_factory=dict)  # name key -> foreign given names
    common: dict[str, frozenset[str]] = field(default_factory=dict)  # lang -> folded common words
    common_any: frozenset[str] = frozenset()  # common in any of the three languages
    people: PersonIndex = field(default_factory=PersonIndex)


_SLUG = re.compile(r"[^a-z0-9]+")
_AR_CONTEXT_CUES = frozenset(fold(w) for w in (
    "في", "الى", "إلى", "من", "دولة", "جمهورية", "شمال", "جنوب", "وسط", "شرق", "غرب", "عاصمة", "حكومة",
    "جيش", "رئيس", "مع", "و", "بين", "لدى"))


def _slug(text: str) -> str:
    return _SLUG.sub("-", fold(text)).strip("-")


def _arabic_nisba_forms(base: str) -> list[str]:
    b = fold(base)
    forms = [b, b + "ه", b + "ين", b + "ون", b + "ان", b[:-1] + "ان" if b.endswith("ي") else b]
    return sorted({f for f in forms} | {"ال" + f for f in forms})


def _latin_demonym_forms(base: str) -> list[str]:
    return sorted({base + s for s in ("", "e", "s", "es", "ne", "nes")})


def _is_acronym(variant: str) -> bool:
    letters = [c for c in variant if c.isalpha()]
    return bool(letters) and len(letters) <= 5 and all(c.isupper() for c in letters)


def _add_latin(table: PhraseTable, variant: str, entry: ActorEntry, short: bool = False) -> None:
    if _is_acronym(variant):
        entry = ActorEntry(**{**entry.__dict__, "case_sensitive": variant})
    elif short:
        entry = ActorEntry(**{**entry.__dict__, "capitalised": True})
    table.add(variant, entry)


def actor_lexicon_from_data(countries: list[dict], orgs: list[dict], people: list[dict], cues: dict,
                            titles: dict, names: dict, first_names_text: str = "") -> ActorLexicon:
    """The matcher, from the parsed lexicon files of data/lexicons/ (`dashboard.resources` reads them):
    countries.json, organizations.json, people.json, person_cues.json, titles.json, the generated
    name lexicon (names.generated.json.gz) and its supplement first_names.txt."""
    table = PhraseTable()
    country_names = _add_countries(table, countries)
    _add_organisations(table, orgs)
    entries = _add_people(table, people)
    ar_given = _arabic_given_names(names, cues)
    return ActorLexicon(
        names=table,
        titles_ar=_arabic_titles(titles),
        titles_latin=_latin_title_words(titles),
        credits_latin=frozenset(fold_phrase(t)[-1] for lang in ("fr", "en")
                                for t in titles.get(lang, {}).get("credits", [])) - _latin_title_words(titles),
        particles=frozenset(fold(w) for w in cues["name_particles"]),
        not_names=frozenset(fold(w) for w in cues["not_names"]),
        first_names=_latin_given_names(names, first_names_text),
        ar_compound=frozenset(fold(w) for w in cues["arabic_compound_first"]),
        ar_stop=frozenset(soft_fold(w) for w in cues["arabic_stop"]),
        ar_stop_folded=frozenset(fold(w) for w in cues["arabic_stop"]),
        country_names=country_names,
        ar_given=ar_given,
        ar_given_keys=frozenset(fold(k) for k in ar_given if " " not in k),
        foreign_given=_foreign_given_names(names),
        common={lang: frozenset(words) for lang, words in names.get("common", {}).items()},
        common_any=frozenset(w for words in names.get("common", {}).values() for w in words),
        people=person_index(entries),
    )


def _add_countries(table: PhraseTable, countries: list[dict]) -> dict[str, str]:
    country_names: dict[str, str] = {}
    for c in countries:
        iso, en = c["iso"], c["en"]
        country_names[iso] = en
        entry = ActorEntry(f"country:{iso}", en, "country", iso)
        dem = ActorEntry(f"country:{iso}", en, "country", iso, how="demonym")
        ambiguous = set(c.get("ambiguous_ar", []))
        for v in c["ar"]:
            table.add(v, ActorEntry(**{**entry.__dict__, "context": v in ambiguous}))
        for v in c["fr"] + c["en_names"]:
            _add_latin(table, v, entry)
        for v in c["dem_ar"]:
            for f in _arabic_nisba_forms(v):
                table.add(f, dem)
        for v in c["dem_fr"]:
            for f in _latin_demonym_forms(fold(v)):
                table.add(f, dem)
        for v in c["dem_en"]:
            table.add(v, dem)
            table.add(v + "s", dem)
    return country_names


def _add_organisations(table: PhraseTable, orgs: list[dict]) -> None:
    for o in orgs:
        entry = ActorEntry(f"org:{_slug(o['name'])}", o["name"], "organization", o.get("country"))
        for v in o["ar"]:
            table.add(v, entry)
        for v in o["fr"] + o["en"]:
            _add_latin(table, v, entry)
        for v in o.get("acronyms", []):
            table.add(v, ActorEntry(**{**entry.__dict__, "case_sensitive": v}))


def _add_people(table: PhraseTable, people: list[dict]) -> list[tuple[ActorEntry, dict]]:
    out = []
    for p in people:
        entry = ActorEntry(f"person:{_slug(p['name'])}", p["name"], "person", p.get("country"), p.get("role"))
        out.append((entry, p))
        for v in p["ar"]:
            table.add(v, entry)
        for v in p["latin"]:
            _add_latin(table, v, entry)
        for v in p.get("short", []):
            if is_arabic(fold(v)):
                table.add(v, entry)
            else:
                _add_latin(table, v, entry, short=True)
    return out


def _title_phrases(titles: dict, lang: str, credits: bool = True) -> list[str]:
    return [t for cls, phrases in titles.get(lang, {}).items() if credits or cls != "credits" for t in phrases]


def _arabic_titles(titles: dict) -> PhraseTable:
    table = PhraseTable()
    for t in _title_phrases(titles, "ar"):
        table.add(t, "title")
    return table


# Words of abbreviated titles that are no title alone.
_TITLE_FILLERS = frozenset(("of", "the", "and", "for", "de", "du", "des", "la", "le", "l", "d", "en", "aux", "au"))


def _latin_title_words(titles: dict) -> frozenset[str]:
    """Words that make a Latin-script run a title: one-word titles, and the words of abbreviated
    titles (Lt. Gen., Sgt. Maj.); not the qualifiers of multi-word titles (state, air, high)."""
    words: set[str] = set()
    for lang in ("fr", "en"):
        for t in _title_phrases(titles, lang, credits=False):
            parts = fold_phrase(t)
            if len(parts) == 1:
                words.add(parts[0])
            elif "." in t:
                words.update(w for w in parts if w.isalpha() and 2 <= len(w) <= 4)
    return frozenset(words - _TITLE_FILLERS)


def _latin_given_names(names: dict, supplement: str) -> frozenset[str]:
    out = {fold(n) for n in names.get("latin", [])}
    for line in supplement.splitlines():
        if not line.startswith("#"):
            out.update(fold(w) for w in line.split())
    return frozenset(out)


def _foreign_given_names(names: dict) -> dict[str, tuple[str, ...]]:
    """Name key -> the foreign given names that have it, the most popular first (the lexicon lists
    them in that order)."""
    out: dict[str, list[str]] = {}
    for name, _ in names.get("foreign", []):
        for key in latin_word_keys(name):
            out.setdefault(key, []).append(name)
    return {k: tuple(v) for k, v in out.items()}


def _arabic_given_names(names: dict, cues: dict) -> dict[str, str]:
    """Soft-folded Arabic given name -> its Latin spelling ("" when the lexicon has none); the name
    particles of person_cues.json (بن: Ben, ولد: Ould) have the last word."""
    out: dict[str, str] = {}
    for name, latin in names.get("arabic", []):
        key = soft_fold(name)
        if not out.get(key):  # spellings that fold together: the first with a Latin form
            out[key] = latin
    for name, latin in cues.get("arabic_particles", {}).items():
        out[soft_fold(name)] = latin
    return out


def find_actors(text: str, lang: str, lexicon: ActorLexicon, places: list[PlaceMention]) -> list[ActorMention]:
    """Every actor mention in `text`, in reading order, with offsets into `text`."""
    toks = tokenize(text)
    taken: list[str | None] = [None] * len(toks.items)
    out: list[ActorMention] = []
    for m in lexicon.names.find(toks):
        entry = _accept(m, toks, lexicon)
        if entry is None:
            continue
        for k in range(m.i, m.j):
            taken[k] = entry.kind
        out.append(_mention(text, m.start, m.end, entry))
    found = arabic_people(toks, taken, lexicon, places) + latin_people(toks, taken, lexicon, places, lang)
    if found:  # a demonym that turned out to be a family name is no country mention
        out = [a for a in out if a.how != "demonym" or not any(p.start <= a.start and a.end <= p.end for p in found)]
    out = resolve_people(toks, taken, out, found, lexicon)
    out.extend(_countries_from_places(out, places))
    out.sort(key=lambda a: (a.start, -a.end))
    return out


def _mention(text: str, start: int, end: int, e: ActorEntry) -> ActorMention:
    return ActorMention(text[start:end], start, end, e.actor_id, e.name, e.kind, e.country, e.role, e.how)  # type: ignore[arg-type]


def _accept(m: Match, toks: Tokens, lexicon: ActorLexicon) -> ActorEntry | None:
    """The first entry whose surface conditions hold (letter case, context for ambiguous words)."""
    surface = toks.text[m.start:m.end]
    for e in m.payloads:
        if e.case_sensitive is not None and surface != e.case_sensitive:
            continue
        if e.capitalised and not surface[:1].isupper():
            continue
        if e.context and not _has_arabic_context(m, toks):
            continue
        return e
    return None


def _has_arabic_context(m: Match, toks: Tokens) -> bool:
    if m.start > toks.items[m.i].start:  # a proclitic was stripped: بمالي، لمالي
        return True
    return m.i > 0 and toks.items[m.i - 1].key in _AR_CONTEXT_CUES


def _countries_from_places(found: list[ActorMention], places: list[PlaceMention]) -> list[ActorMention]:
    spans = sorted((a.start, a.end) for a in found)
    starts = [a for a, _ in spans]
    reach = list(accumulate((b for _, b in spans), max))  # the furthest end among the first k spans
    out = []
    for p in places:
        if p.place.kind != "country" or not p.place.country:
            continue
        k = bisect_left(starts, p.end)  # spans that start before the place ends
        if k and reach[k - 1] > p.start:  # one of them ends after it starts: they overlap
            continue
        out.append(ActorMention(p.surface, p.start, p.end, f"country:{p.place.country}", p.place.name, "country",
                                p.place.country, None, "place"))
    return out
