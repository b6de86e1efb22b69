"""Find people, organisations and countries acting in the text.

Three sources, in this order of trust:
1. the curated lexicon (`data/lexicons/people.json`, `organizations.json`, `countries.json`):
   names in Arabic, French and English with their variants, surnames that stand alone, country
   names and demonyms ("الأميركي" -> United States);
2. title patterns for people the list lacks: "وزير الدفاع الأميركي مارك إسبر" (Arabic: the name
   after a title and its modifiers), "le ministre de la Défense X Y", "Defense Secretary X Y";
3. capitalised Latin-script names that start with a known given name (`first_names.txt`).
Country place mentions from the geoparser that the lexicon missed are added as country actors.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from itertools import accumulate
from dataclasses import dataclass, field

from dashboard.records import ActorMention, PlaceMention

from .arabic import fold
from .lexmatch import Match, PhraseTable, Tokens, fold_phrase, is_arabic, tokenize



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
    """Curated actors and title patterns, loaded once."""

    names: PhraseTable = field(default_factory=PhraseTable)
    titles_ar: PhraseTable = field(default_factory=PhraseTable)
    titles_latin: frozenset[str] = frozenset()
    particles: frozenset[str] = frozenset()
    not_names: frozenset[str] = frozenset()
    first_names: frozenset[str] = frozenset()
    ar_compound: frozenset[str] = frozenset()
    ar_stop: frozenset[str] = frozenset()
    country_names: dict[str, str] = field(default_factory=dict)  # iso -> English name
    ar_given: dict[str, str] = field(default_factory=dict)  # folded Arabic given name -> Latin spelling


_SLUG = re.compile(r"[^a-z0-9]+")
_AR_CONTEXT_CUES = frozenset(fold(w) for w in (
    "في", "الى", "إلى", "من", "دولة", "جمهورية", "شمال", "جنوب", "وسط", "شرق", "غرب", "عاصمة", "حكومة",
    "جيش", "رئيس", "مع", "و", "بين"))


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
                            first_names_text: str) -> ActorLexicon:
    """The matcher, from the parsed lexicon files of data/lexicons/ (`dashboard.resources` reads them):
    countries.json, organizations.json, people.json, person_cues.json and first_names.txt."""
    names = PhraseTable()
    country_names: dict[str, str] = {}
    for c in countries:
        iso, en = c["iso"], c["en"]
        country_names[iso] = en
        entry = ActorEntry(f"country:{iso}", en, "country", iso)
        dem = ActorEntry(f"country:{iso}", en, "country", iso, how="demonym")
        ambiguous = set(c.get("ambiguous_ar", []))
        for v in c["ar"]:
            names.add(v, ActorEntry(**{**entry.__dict__, "context": v in ambiguous}))
        for v in c["fr"] + c["en_names"]:
            _add_latin(names, v, entry)
        for v in c["dem_ar"]:
            for f in _arabic_nisba_forms(v):
                names.add(f, dem)
        for v in c["dem_fr"]:
            for f in _latin_demonym_forms(fold(v)):
                names.add(f, dem)
        for v in c["dem_en"]:
            names.add(v, dem)
            names.add(v + "s", dem)
    for o in orgs:
        entry = ActorEntry(f"org:{_slug(o['name'])}", o["name"], "organization", o.get("country"))
        for v in o["ar"]:
            names.add(v, entry)
        for v in o["fr"] + o["en"]:
            _add_latin(names, v, entry)
        for v in o.get("acronyms", []):
            names.add(v, ActorEntry(**{**entry.__dict__, "case_sensitive": v}))
    for p in people:
        entry = ActorEntry(f"person:{_slug(p['name'])}", p["name"], "person", p.get("country"), p.get("role"))
        for v in p["ar"]:
            names.add(v, entry)
        for v in p["latin"]:
            _add_latin(names, v, entry)
        for v in p.get("short", []):
            if is_arabic(fold(v)):
                names.add(v, entry)
            else:
                _add_latin(names, v, entry, short=True)
    titles_ar = PhraseTable()
    for t in cues["titles_ar"]:
        titles_ar.add(t, "title")
    first_names: set[str] = set()
    for line in first_names_text.splitlines():
        if not line.startswith("#"):
            first_names.update(fold(w) for w in line.split())
    return ActorLexicon(
        names=names,
        titles_ar=titles_ar,
        titles_latin=frozenset(k for t in cues["titles_latin"] for k in fold_phrase(t)),
        particles=frozenset(fold(w) for w in cues["name_particles"]),
        not_names=frozenset(fold(w) for w in cues["not_names"]),
        first_names=frozenset(first_names),
        ar_compound=frozenset(fold(w) for w in cues["arabic_compound_first"]),
        ar_stop=frozenset(fold(w) for w in cues["arabic_stop"]),
        country_names=country_names,
        ar_given={fold(k): v for k, v in cues.get("arabic_given_names", {}).items()},
    )


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
    out.extend(_arabic_titled_people(toks, taken, lexicon))
    out.extend(_latin_people(toks, taken, lexicon, places))
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


# ---- Arabic: a person named after a title ------------------------------------------------------

def _arabic_titled_people(toks: Tokens, taken: list[str | None], lexicon: ActorLexicon) -> list[ActorMention]:
    out: list[ActorMention] = []
    items = toks.items
    nxt = 0
    for i in toks.candidates(lexicon.titles_ar.firsts):
        if i < nxt or not items[i].arabic:
            continue
        m = lexicon.titles_ar.match_at(toks, i)
        if m is None:
            continue
        span = _arabic_name_after(toks, m.j, taken, lexicon)
        if span is not None:
            a, b = span
            surface = toks.surface(a, b)
            name = transliterate(surface, lexicon.ar_given)
            out.append(ActorMention(surface, items[a].start, items[b - 1].end, f"person:{_slug(name)}", name,
                                    "person", None, None, "title pattern"))
            for k in range(a, b):
                taken[k] = "person"
            nxt = b
        else:
            nxt = m.j
    return out


_AR_NAMES_LIKE_VERBS = frozenset(fold(w) for w in (
    "يوسف", "يحيى", "ياسين", "يونس", "يزيد", "يعقوب", "ياسر", "يسرى", "تامر", "توفيق", "تيسير", "تميم", "تركي"))


def _arabic_name_after(toks: Tokens, j: int, taken: list[str | None], lexicon: ActorLexicon) -> tuple[int, int] | None:
    """Token span of the name that follows a title, skipping the title's modifiers."""
    items = toks.items
    n = len(items)
    k = j
    skipped = 0
    while True:  # skip modifiers: الدفاع، الأميركي، للقوات، المسلحة، a second title
        if k >= n or not items[k].joined or skipped > 6:
            return None
        tok = items[k].key
        if not is_arabic(tok) or tok in lexicon.ar_stop or taken[k] == "person":
            return None
        title = lexicon.titles_ar.match_at(toks, k)
        if title is not None:
            k, skipped = title.j, skipped + 1
            continue
        if taken[k] is not None or tok.startswith(("ال", "لل", "بال", "وال", "فال")):
            k, skipped = k + 1, skipped + 1
            continue
        break
    start = k
    if items[k].key[0] in "يت" and items[k].key not in _AR_NAMES_LIKE_VERBS:
        return None  # an imperfect verb, not a name
    need = 3 if items[k].key in lexicon.ar_compound else 2
    while k < n and k - start < need:
        tok = items[k].key
        if (k > start and not items[k].joined) or not is_arabic(tok) or tok in lexicon.ar_stop or taken[k] is not None:
            break
        k += 1
    if k - start < 2:
        return None
    # a family name in ال may follow a two-word name (محمد صالح المغربي)
    if (need == 2 and k < n and items[k].joined and items[k].key.startswith("ال") and taken[k] is None
            and items[k].key not in lexicon.ar_stop and lexicon.titles_ar.match_at(toks, k) is None):
        k += 1
    return start, k


_TRANSLIT = {
    "ا": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r",
    "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "", "غ": "gh", "ف": "f",
    "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "و": "w", "ي": "y", "ء": "", "ئ": "", "ؤ": "",
}


def transliterate(arabic: str, given: dict[str, str] | None = None) -> str:
    """A readable Latin spelling for an Arabic name the lexicon lacks (not a standard romanisation):
    known given names from the cue list, else letter by letter with a vowel after a first consonant pair."""
    words = []
    for w in fold(arabic).split():
        if given and w in given:
            words.append(given[w])
            continue
        prefix = ""
        if w.startswith("ال") and len(w) > 3:
            prefix, w = "al-", w[2:]
        out = []
        for n, ch in enumerate(w):
            if ch == "و" and n > 0:
                out.append("ou")
            elif ch == "ي" and n > 0:
                out.append("i")
            elif ch == "ا":
                out.append("a")
            elif ch == "ه" and n == len(w) - 1 and n > 0:
                out.append("a")
            else:
                out.append(_TRANSLIT.get(ch, ch))
        if len(out) > 1 and out[0] not in ("a", "ou", "i", "") and out[1] not in ("a", "ou", "i"):
            out.insert(1, "a")
        word = "".join(out)
        words.append(prefix + word[:1].upper() + word[1:])
    return " ".join(words)


# ---- Latin script: capitalised names ---------------------------------------------------------

def _is_cap(toks: Tokens, k: int) -> bool:
    ch = toks.text[toks.items[k].start]
    return ch.isupper()


def _latin_people(toks: Tokens, taken: list[str | None], lexicon: ActorLexicon,
                  places: list[PlaceMention]) -> list[ActorMention]:
    items = toks.items
    out: list[ActorMention] = []
    place_spans = [(p.start, p.end) for p in places]
    n = len(items)
    text = toks.text
    capitalised = [k for k, it in enumerate(items) if not it.arabic and text[it.start].isupper()]
    k = 0
    for a in capitalised:
        if a < k or taken[a] is not None:
            continue
        # a run of capitalised words (with name particles and initials inside)
        b = a + 1
        while b < n and items[b].joined and taken[b] is None and not items[b].arabic and (
                _is_cap(toks, b) or (items[b].key in lexicon.particles and b + 1 < n and _is_cap(toks, b + 1))):
            b += 1
        k = b
        span = _person_in_run(toks, a, b, lexicon)
        if span is None:
            continue
        s, e = span
        start, end = items[s].start, items[e - 1].end
        if any(ps < end and start < pe for ps, pe in place_spans) and items[s].key not in lexicon.first_names:
            continue
        surface = toks.text[start:end]
        name = " ".join(w if not w.isupper() or len(w) <= 2 else w.capitalize() for w in surface.split())
        out.append(ActorMention(surface, start, end, f"person:{_slug(name)}", name, "person", None, None,
                                "title pattern" if items[s].key not in lexicon.first_names else "given name"))
    return out


def _person_in_run(toks: Tokens, a: int, b: int, lexicon: ActorLexicon) -> tuple[int, int] | None:
    """Trim titles and common words off a capitalised run; keep it if it looks like a person."""
    if b - a < 2:  # one word: trimming cannot make a name of two
        return None
    items = toks.items
    titled = _title_before(toks, a, lexicon)
    last_title = max((k for k in range(a, b) if items[k].key in lexicon.titles_latin), default=None)
    if last_title is not None and b - last_title > 2:  # "Divisional General Atyf Ibrahim Mady"
        a, titled = last_title + 1, True
    while a < b and (items[a].key in lexicon.titles_latin or items[a].key in lexicon.not_names
                     or items[a].key in lexicon.particles or lexicon.names.match_at(toks, a, False) is not None):
        if items[a].key in lexicon.titles_latin:
            titled = True
        a += 1
    while b > a and (items[b - 1].key in lexicon.not_names or items[b - 1].key in lexicon.particles
                     or items[b - 1].key in lexicon.titles_latin):
        b -= 1
    words = b - a
    if words < 2 or words > 5:
        return None
    if len(items[a].key) == 1:  # starts with an initial
        return None
    if any(items[k].key in lexicon.not_names for k in range(a, b)):
        return None
    if items[a].key in lexicon.first_names or titled:
        return a, b
    return None


_SENTENCE_GAP = re.compile(r"[.!?;:\n]")


def _title_before(toks: Tokens, a: int, lexicon: ActorLexicon) -> bool:
    """A title word among the few words before the name, in the same sentence
    ("le ministre mauritanien de la Défense, X Y")."""
    items = toks.items
    for k in range(a - 1, max(a - 7, -1), -1):
        gap = toks.folded[items[k].fend:items[k + 1].fstart]
        if _SENTENCE_GAP.search(gap) and not (gap.startswith(".") and len(items[k].key) <= 4):
            return False
        if items[k].key in lexicon.titles_latin:
            return True
    return False


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
