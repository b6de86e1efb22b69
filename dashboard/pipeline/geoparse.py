"""Find place names in text and resolve them to gazetteer entries.

Matching: the text is folded (`arabic.fold_char`: case, accents, Arabic letter variants) and every
character that is not a letter or digit becomes a space, so French elision ("l'Algérie") and hyphens
need nothing special. One Aho-Corasick automaton holds every name followed by a space, so a match
always ends on a word boundary; what stands between the previous space and the match must be
nothing (Latin script: those names are held with the space before them too, so they only match whole
words) or an Arabic clitic (و ف ب ل ك, with ال for names that take the article, or the fused لل of
"للرباط"). Overlapping matches keep the longest.

Resolution (`how` says which rule decided): trigger words ("ولاية"/"région de" -> the admin area,
"العاصمة"/"ville de" -> the city), country or capital by the kind of sentence (a visit or a signing
happens in a city), then, among towns sharing a name, the countries the article names (places and
demonyms alike), closeness to the other places it names, and population.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import NamedTuple

import ahocorasick

from dashboard.records import Place, PlaceMention

from .arabic import fold_char


# Arabic clitics before a name: conjunctions and prepositions, and the article for names that take it.
_CLITICS = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك", "فك")
BARE_PREFIXES = frozenset(_CLITICS)
ARTICLE_PREFIXES = frozenset([c + "ال" for c in _CLITICS if not c.endswith("ل")] + ["لل", "ولل", "فلل"])
ARTICLE = "ال"

# Words before a name that say which kind of place it is (folded forms).
ADMIN_BEFORE = frozenset("ولايه محافظه اقليم جهه اقليمي شعبيه عماله region province wilaya gouvernorat governorate "
                         "prefecture prefectur district cercle departement".split())
ADMIN_AFTER = frozenset("region province governorate wilaya prefecture district".split())
CITY_BEFORE = frozenset("مدينه بلده قريه ville city town village localite commune".split())
CAPITAL_WORDS = frozenset("العاصمه عاصمه capitale capital".split())
COUNTRY_BEFORE = frozenset("دوله بلاد جمهوريه مملكه pays country republic republique royaume kingdom".split())
_TRIGGER_WORDS = ADMIN_BEFORE | CITY_BEFORE | CAPITAL_WORDS | COUNTRY_BEFORE
# Function words between a trigger and the name: "région de Gao", "city of Gao", "ville d'Agadez".
_LINK_WORDS = frozenset("de d du des of la le l".split())
# Things that happen in a city rather than a country: a visit, an arrival, a signing, a meeting.
CITY_EVENT_WORDS = frozenset(
    "زار زاره زارها يزور سيزور زياره بزياره الزياره زيارته زيارتها وصل وصوله حل حلوله يحل استقبل "
    "استقبال وقع وقعت توقيع يوقع التوقيع اجتماع اجتماعات التقى لقاء اختتم يختتم جوله مؤتمر قمه "
    "visit visits visited visiting arrived arrives arrival landed signed signing summit met meeting "
    "talks held hosted visite visité arrive arrivé arrivée signé signée signature sommet rencontre reçu "
    "accueilli escale انعقد انعقدت عقد عقدت تعقد ينعقد احتضن احتضنت تحتضن يحتضن استضاف استضافت "
    "held hosts convened réuni réunis tenu tenue".split()
)
_EVENT_WINDOW = 6  # words either side of the name
# "a visit to X" is a visit to the country; "signed in X", "X, which he visited" happen in the city.
TOWARDS = frozenset("الي نحو".split())

_SENTENCE_END = re.compile(r"[.!?؟\n]")


class _FoldMap(dict):
    """str.translate table: fold each character, non-word characters to a space, dropped ones to NUL.

    With `sentences`, sentence ends become "." instead of a space (same length, to find sentences).
    """

    def __init__(self, sentences: bool = False) -> None:
        super().__init__()
        self.sentences = sentences

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        f = fold_char(ch)
        out = "\x00" if not f else (f if f.isalnum() else " ")
        if self.sentences and _SENTENCE_END.match(ch):
            out = "."
        self[code] = out
        return out


_FOLD_MAP = _FoldMap()
_SENTENCE_MAP = _FoldMap(sentences=True)
# The same table as a list over the first code points: str.translate reads a list about twice as
# fast as a dict. Text with a character past its end is folded with the dict.
_FOLD_LIST = [_FOLD_MAP[c] for c in range(0x3000)]
_SENTENCE_LIST = [_SENTENCE_MAP[c] for c in range(0x3000)]
_PAST_FOLD_LIST = re.compile(f"[{chr(len(_FOLD_LIST))}-\U0010ffff]")
_DROPPED_RUN = re.compile("\x00+")


def match_form(text: str) -> str:
    """Folded text with every non-word character as a space: the form names are matched in."""
    return text.translate(_FOLD_MAP).replace("\x00", "")


def name_key(name: str) -> tuple[str, bool]:
    """Automaton key of a gazetteer name, and whether it took the Arabic article (then stripped)."""
    form = " ".join(match_form(name).split())
    if form.startswith(ARTICLE) and len(form) > 4 and _is_arabic(form[2]):
        return form[2:], True
    return form, False


def _is_arabic(ch: str) -> bool:
    return "\u0600" <= ch <= "\u06ff"


class _Variant(NamedTuple):
    place: int  # index into Gazetteer.places
    article: bool  # the name took the Arabic article
    upper: bool  # must be written in capitals (abbreviations: UK, USA)
    lower_ok: bool = False  # the name starts with a lower-case word ("golfe de Guinée"): no capital needed


@dataclass(frozen=True, eq=False)
class Gazetteer:
    """Compiled gazetteer, loaded once: places, a name automaton, demonyms and the stoplist."""

    places: tuple[Place, ...] = ()
    seats: tuple[int, ...] = ()  # for each place: index of the city an admin area is named after, or -1
    capital: frozenset[int] = frozenset()  # indices of capital cities
    variants: tuple[tuple[_Variant, ...], ...] = ()  # per automaton key id
    key_len: tuple[int, ...] = ()
    demonyms: tuple[tuple[str, bool], ...] = ()  # per demonym key id: (country, took the article)
    stop: frozenset[str] = frozenset()  # keys never matched without a trigger word
    blocked: tuple[frozenset[str], ...] = ()  # per key id: clitics that make it another word (ورقة)
    demonym_forms: frozenset[str] = frozenset()  # folded demonyms as written (الليبية, tunisien)
    automaton: object = field(default=None, repr=False)
    # per key id: the variants a name written without a clitic can be (those without the article)
    bare_variants: tuple[tuple[_Variant, ...], ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "bare_variants", tuple(tuple(v for v in vs if not v.article) for vs in self.variants))

    def __len__(self) -> int:
        return len(self.places)


def gazetteer_from_data(data: dict) -> Gazetteer:
    """The matcher, from the compiled gazetteer's parsed JSON (`dashboard.build.gazetteer` writes it,
    `dashboard.resources` reads it)."""
    places, seats, capital = [], [], set()
    for i, (pid, name, kind, cc, lat, lon, pop, fr, ar, seat) in enumerate(data["places"]):
        places.append(Place(pid, name, kind, cc, lat, lon, pop, fr, ar))
        seats.append(seat if isinstance(seat, int) and seat >= 0 else -1)
        if seat == -1:
            capital.add(i)
    by_key: dict[str, list[_Variant]] = {}
    blocked: dict[str, set[str]] = {}
    bits = {f: ("a" in f, "u" in f, "l" in f) for f in {row[2] for row in data["names"]}}
    make = tuple.__new__  # 80,000 variants: skip the NamedTuple constructor's Python frame
    for key, idx, flags, *rest in data["names"]:
        by_key.setdefault(key, []).append(make(_Variant, (idx, *bits[flags])))
        if rest:
            blocked.setdefault(key, set()).update(rest[0].split(","))
    stop = frozenset(name_key(s)[0] for s in data["stop"])
    for key in stop - by_key.keys():  # a stop phrase that is no name: matched only to be dropped
        by_key[key] = []
    auto = ahocorasick.Automaton()
    variants, key_len, demonyms, blocked_by_id = [], [], [], []
    _NONE: frozenset[str] = frozenset()
    for key, vs in by_key.items():
        # A name in Latin script takes no clitic: it must begin a word, so its key begins with the
        # space before the word and the automaton never reports it inside a longer word.
        auto.add_word(("" if _is_arabic(key[0]) else " ") + key + " ", (0, len(variants)))
        variants.append(tuple(vs))
        key_len.append(len(key))
        blocked_by_id.append(frozenset(blocked[key]) if key in blocked else _NONE)
    for form, cc in data["demonyms"].items():
        key, article = name_key(form)
        if key and key not in by_key:
            auto.add_word(key + " ", (1, len(demonyms)))
            demonyms.append((cc, article))
            key_len.append(0)
    auto.make_automaton()
    return Gazetteer(tuple(places), tuple(seats), frozenset(capital), tuple(variants), tuple(key_len),
                     tuple(demonyms), stop, tuple(blocked_by_id),
                     frozenset(match_form(f).strip() for f in data["demonyms"]), auto)


class _Match(NamedTuple):  # (a NamedTuple: built several times faster than a dataclass)
    start: int  # in the matched form (with the leading pad space)
    end: int
    word_start: int
    key: str
    variants: tuple[_Variant, ...]
    prefix: str


def _fold_text(text: str) -> tuple[str, list[int] | None]:
    """Matching form of the text and, when characters were dropped, the origin of each kept one."""
    t0 = text.translate(_FOLD_MAP if _PAST_FOLD_LIST.search(text) else _FOLD_LIST)
    if "\x00" not in t0:
        return t0, None
    origin: list[int] = []  # built from the few dropped runs (diacritics), not character by character
    prev = 0
    for m in _DROPPED_RUN.finditer(t0):
        origin.extend(range(prev, m.start()))
        prev = m.end()
    origin.extend(range(prev, len(t0)))
    return t0.replace("\x00", ""), origin


def _scan(form: str, gz: Gazetteer) -> tuple[list[_Match], list[tuple[str, int]]]:
    """Every name and demonym occurrence whose left edge is a word start or an Arabic clitic."""
    matches: list[_Match] = []
    demonyms: list[tuple[str, int]] = []
    key_len, variants, bare, blocked = gz.key_len, gz.variants, gz.bare_variants, gz.blocked
    for last, (kind, kid) in gz.automaton.iter(form):
        if kind == 1:
            cc, article = gz.demonyms[kid]
            demonyms.append((cc, last))
            continue
        s = last - key_len[kid]
        vs = variants[kid]
        if form[s - 1] == " ":  # a whole word (most matches): no clitic to check
            ok = bare[kid]
            if vs and not ok:
                continue
            matches.append(_Match(s, last, s, form[s:last], ok, ""))
            continue
        ws = form.rfind(" ", 0, s) + 1
        prefix = form[ws:s]
        if not _is_arabic(prefix[0]):
            continue
        key = form[s:last]
        if not _is_arabic(key[0]) or prefix in blocked[kid]:
            continue
        ok = tuple(v for v in vs if (prefix in ARTICLE_PREFIXES if v.article else prefix in BARE_PREFIXES))
        if vs and not ok:
            continue
        matches.append(_Match(s, last, ws, key, ok, prefix))
    return matches, demonyms


def _longest(matches: list[_Match]) -> list[_Match]:
    chosen: list[_Match] = []
    # the taken spans never overlap, so sorted by start their ends are sorted too: a match overlaps
    # one of them exactly when it overlaps the last span that starts before its end
    starts: list[int] = []
    ends: list[int] = []
    for m in sorted(matches, key=lambda m: (-(m.end - m.word_start), m.word_start)):
        k = bisect_left(starts, m.end)
        if k == 0 or ends[k - 1] <= m.word_start:
            chosen.append(m)
            starts.insert(k, m.word_start)
            ends.insert(k, m.end)
    chosen.sort(key=lambda m: m.word_start)
    return chosen


def _words_before(form: str, pos: int, n: int) -> list[str]:
    return form[max(0, pos - 12 * n):pos].split()[-n:]


def _words_after(form: str, pos: int, n: int) -> list[str]:
    return form[pos:pos + 12 * n].split()[:n]


def _trigger(form: str, m: _Match) -> str | None:
    """'admin', 'city', 'capital' or 'country' when the words around the name say so."""
    before = [w for w in _words_before(form, m.word_start, 3) if w not in _LINK_WORDS][-1:]
    after = _words_after(form, m.end, 1)
    b = before[0] if before else ""
    a = after[0] if after else ""
    for n in (1, 2):  # وولاية، بمدينة، وبمدينة
        if b not in _TRIGGER_WORDS and b[:n] in BARE_PREFIXES and b[n:] in _TRIGGER_WORDS:
            b = b[n:]
    if b in ADMIN_BEFORE or a in ADMIN_AFTER:
        return "admin"
    if b in CAPITAL_WORDS or a in CAPITAL_WORDS:
        return "capital"
    if b in CITY_BEFORE:
        return "city"
    if b in COUNTRY_BEFORE:
        return "country"
    return None


def _sentence_words(form: str, text_sentence_bounds: tuple[int, int], m: _Match) -> list[str]:
    lo, hi = text_sentence_bounds
    # (split only as far as the window reaches: a text without full stops is one long sentence)
    left = form[lo:m.word_start].rsplit(None, _EVENT_WINDOW)[-_EVENT_WINDOW:]
    right = form[m.end:hi].split(None, _EVENT_WINDOW)[:_EVENT_WINDOW]
    return left + right


def _city_event_nearby(words: list[str]) -> str | None:
    for w in words:
        if w in CITY_EVENT_WORDS:
            return w
        for c in ("و", "ف", "ب", "ل"):
            if w.startswith(c) and w[1:] in CITY_EVENT_WORDS:
                return w[1:]
    return None


def _km(a: Place, b: Place) -> float:
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dl = math.radians(b.lon - a.lon)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


CORE = frozenset("MA DZ TN LY MR EG ML NE TD EH".split())


@dataclass
class _Context:
    countries: dict[str, int]  # ISO -> how often the article names it (places, demonyms)
    anchors: list[Place]  # places resolved without doubt
    _sentences: str | None = None

    def sentence_form(self, text: str) -> str:
        if self._sentences is None:
            self._sentences = _sentence_form(text)
        return self._sentences


def _context(gz: Gazetteer, found: list[tuple[_Match, tuple[int, ...]]], demonyms: list[tuple[str, int]]) -> _Context:
    countries: dict[str, int] = {}
    anchors: list[Place] = []
    for cc, _ in demonyms:
        countries[cc] = countries.get(cc, 0) + 1
    for _, cands in found:
        ccs = {gz.places[i].country for i in cands}
        if len(ccs) == 1:
            cc = next(iter(ccs))
            if cc:
                countries[cc] = countries.get(cc, 0) + 1
        capitals = [i for i in cands if i in gz.capital]
        anchor = cands[0] if len(cands) == 1 else (capitals[0] if len(capitals) == 1 else None)
        if anchor is not None and gz.places[anchor].kind in ("city", "other"):
            anchors.append(gz.places[anchor])
    # each place once, in first-seen order: `_best` compares a candidate with every anchor
    return _Context(countries, list({id(p): p for p in anchors}.values()))


def _candidates(gz: Gazetteer, m: _Match, text: str, origin: list[int] | None, form: str) -> tuple[int, ...]:
    """Places the name may stand for, after the case rules."""
    out = []
    s, e = _to_text(m.word_start, m.end, origin)
    surface = text[s:e]
    latin = not _is_arabic(m.key[0])
    in_name = latin and _inside_proper_name(text, s, e)
    shouting = latin and surface.isupper() and len(surface) > 3 and not _is_dateline(text, s)
    in_name = in_name or (not latin and _after_title(gz, form, m))
    for v in m.variants:
        if v.upper and not surface.isupper():
            continue
        if latin and not v.lower_ok and surface[:1].islower():
            continue
        if (in_name or shouting) and not _prominent(gz, v.place):
            continue
        out.append(v.place)
    return tuple(dict.fromkeys(out))


_CAP_WORD = re.compile(r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+")
_NAME_GLUE = frozenset("Le La Les De Du Des El Al Ben Bin Abu Sidi Saint Sainte San Santa Port Fort New Mount".split())


def _inside_proper_name(text: str, start: int, end: int) -> bool:
    """A town name next to another capitalised word is likely part of a person's or a body's name
    ("Kais Saied", "Florence Parly", "Fernando Alejandre Martinez")."""
    after = _CAP_WORD.match(text, end + 1) if text[end:end + 1] == " " else None
    if after and after.group() not in _NAME_GLUE:
        return True
    i = start - 1
    if i > 0 and text[i] == " ":
        j = i
        while j > 0 and text[j - 1].isalpha():
            j -= 1
        word = text[j:i]
        k = j  # the character before that word, spaces skipped
        while k > 0 and text[k - 1].isspace():
            k -= 1
        before = text[k - 1:k]
        if _CAP_WORD.fullmatch(word) and word not in _NAME_GLUE and before not in ".!?:\n\"«“(" and before:
            return True
    return False


# Titles that come before a person's name ("وزيرة القوات المسلحة الفرنسية فلورنس بارلي").
_TITLES = frozenset("وزير وزيره الرئيس رئيس السيد السيده الجنرال الفريق اللواء العقيد المشير الامير "
                    "الملك الشيخ السفير السفيره المبعوث نائب الناطق المتحدث المستشار الاميرال".split())


def _after_title(gz: Gazetteer, form: str, m: _Match) -> bool:
    """An Arabic town name right after a title or a nationality adjective is a person's name."""
    prev = _words_before(form, m.word_start, 1)
    return bool(prev) and (prev[0] in _TITLES or prev[0] in gz.demonym_forms)


def _is_dateline(text: str, start: int) -> bool:
    """A capitalised town at the head of a paragraph ("WASHINGTON (Reuters) -")."""
    return start == 0 or text[start - 1] == "\n"


def _prominent(gz: Gazetteer, idx: int) -> bool:
    """Countries, capitals, curated places and cities of a million: kept even inside a longer name."""
    p = gz.places[idx]
    return p.kind != "city" or idx in gz.capital or p.population >= 1_000_000 or not p.id.startswith("gn:")


# Stems of the words that introduce the name of an exercise or an operation.
_NAMING_WORDS = ("باسم", "اسم", "مسمى", "شعار", "named", "dubbed", "code-named", "codenamed", "baptis",
                 "intitul", "exercise", "exercice", "opération", "operation", "عملي", "مناور", "تمرين",
                 "تدريب", "drill", "manoeuvre", "maneuver")
_QUOTES = {"«": "»", "\"": "\"", "“": "”", "„": "“", "(": ")"}


def _in_quoted_name(text: str, start: int, end: int, quotes: list[tuple[str, str]] | None = None) -> bool:
    """Inside the quoted name of an exercise or operation («حماة النيل», "Operation Desert Storm").
    `quotes`: the pairs of quote marks whose opening mark the text holds (found once per text)."""
    lo = max(0, start - 40)
    for op, cl in (_QUOTES.items() if quotes is None else quotes):
        q = text.rfind(op, lo, start)
        if q < 0 or text.find(cl, end, end + 40) < 0 or text.find(cl, q + 1, start) >= 0:
            continue
        head = text[max(0, q - 60):q].lower().split()[-5:]
        if any(stem in word for word in head for stem in _NAMING_WORDS):
            return True
    return False


def _to_text(start: int, end: int, origin: list[int] | None) -> tuple[int, int]:
    """Offsets in the padded match form -> offsets in the text."""
    start, end = start - 1, end - 1
    if origin is None:
        return start, end
    return origin[start], origin[end - 1] + 1


def _sentence_bounds(sentences: str, pos: int) -> tuple[int, int]:
    hi = sentences.find(".", pos)
    return sentences.rfind(".", 0, pos) + 1, (hi if hi >= 0 else len(sentences))


def _resolve(gz: Gazetteer, cands: tuple[int, ...], m: _Match, form: str, text: str, ctx: _Context) -> tuple[int, str] | None:
    places = gz.places
    if len(cands) == 1:
        if m.key in gz.stop:
            trig = _trigger(form, m)
            return None if trig is None else (cands[0], f"common word, but after a {trig} word")
        return cands[0], "only candidate"
    trig = _trigger(form, m)
    if m.key in gz.stop and trig is None:
        return None
    kinds = {places[i].kind for i in cands}
    if trig == "admin" and "admin" in kinds:
        return _best(gz, [i for i in cands if places[i].kind == "admin"], ctx, "trigger word: admin area")
    if trig in ("city", "capital") and "city" in kinds:
        return _best(gz, [i for i in cands if places[i].kind == "city"], ctx, f"trigger word: {trig}")
    if trig == "country" and "country" in kinds:
        return _best(gz, [i for i in cands if places[i].kind == "country"], ctx, "trigger word: country")
    if "country" in kinds:
        country = [i for i in cands if places[i].kind == "country"]
        cities = [i for i in cands if places[i].kind == "city" and places[i].country == places[country[0]].country]
        prev = _words_before(form, m.word_start, 1)
        if cities and not (prev and prev[0] in TOWARDS):
            word = _city_event_nearby(_sentence_words(form, _sentence_bounds(ctx.sentence_form(text), m.word_start), m))
            if word:
                return cities[0], f"capital: city event in sentence ({word})"
        return country[0], "country: name of a state"
    non_admin = [i for i in cands if places[i].kind != "admin"]
    why = "the town, not the area named after it" if non_admin and len(non_admin) < len(cands) else ""
    return _best(gz, non_admin or list(cands), ctx, why)


def _best(gz: Gazetteer, cands: list[int], ctx: _Context, why: str) -> tuple[int, str]:
    if len(cands) == 1:
        return cands[0], why or "only candidate"
    scored = []
    for i in cands:
        p = gz.places[i]
        s = 0.4 * math.log10(p.population + 10)
        reasons = []
        if p.country and ctx.countries.get(p.country):
            s += 2.0
            reasons.append(f"country named in article ({p.country})")
        if p.country in CORE:
            s += 0.5
        near = [a for a in ctx.anchors if a is not p and _km(a, p) < 300]
        if near:
            s += 1.0
            reasons.append(f"near {near[0].name}")
        if i in gz.capital:
            s += 0.5
        scored.append((s, i, reasons))
    scored.sort(key=lambda x: -x[0])
    s, i, reasons = scored[0]
    how = "; ".join(([why] if why else []) + (reasons or ["largest population"]))
    return i, how


def find_places(text: str, lang: str, gazetteer: Gazetteer) -> list[PlaceMention]:
    """Every place mention in `text` (the cleaned article), in text order, resolved with a reason."""
    if not text or gazetteer.automaton is None:
        return []
    folded, origin = _fold_text(text)
    form = " " + folded + " "
    matches, demonyms = _scan(form, gazetteer)
    found = []
    quotes = [(op, cl) for op, cl in _QUOTES.items() if op in text]
    for m in _longest(matches):
        if not m.variants:  # a stop phrase ("Berlin process") hides the names inside it
            continue
        if quotes and _in_quoted_name(text, *_to_text(m.word_start, m.end, origin), quotes):
            continue
        cands = _candidates(gazetteer, m, text, origin, form)
        if cands:
            found.append((m, cands))
    ctx = _context(gazetteer, found, demonyms)
    out: list[PlaceMention] = []
    for m, cands in found:
        r = _resolve(gazetteer, cands, m, form, text, ctx)
        if r is None:
            continue
        idx, how = r
        s, e = _to_text(m.word_start, m.end, origin)
        out.append(PlaceMention(text[s:e], s, e, gazetteer.places[idx], how))
    return out


def _sentence_form(text: str) -> str:
    """The match form with sentence ends kept as "." (same length), to find sentence bounds."""
    table = _SENTENCE_MAP if _PAST_FOLD_LIST.search(text) else _SENTENCE_LIST
    return " " + text.translate(table).replace("\x00", "") + " "
