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
from collections.abc import Sequence, Set
from dataclasses import dataclass, field
from typing import Any, NamedTuple

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
CITY_BEFORE = frozenset("مدينه بلده قريه ville city town village localite commune "
                        "ميناء مرفا مطار port harbour harbor airport aeroport".split())  # a port, an airport: of a city
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
_DOT = re.compile(r"\.")


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
    title: bool = False  # starts with a capitalised article ("La Réunion"): the next word must be capitalised too
    doubt: str = ""  # the text languages where the name is also a common word (`_doubt_level`)


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
    automaton: Any = field(default=None, repr=False)  # an ahocorasick.Automaton (the library has no types)
    # per key id: the variants a name written without a clitic can be (those without the article)
    bare_variants: tuple[tuple[_Variant, ...], ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "bare_variants", tuple(tuple(v for v in vs if not v.article) for vs in self.variants))

    def __len__(self) -> int:
        return len(self.places)


def gazetteer_from_data(data: dict) -> Gazetteer:
    """The matcher, from the compiled gazetteer's parsed JSON (`dashboard.build.gazetteer` writes it,
    `dashboard.resources` reads it)."""
    places, seats, capital = _places_from_data(data["places"])
    by_key, blocked = _variants_by_key(data["names"])
    stop = frozenset(name_key(s)[0] for s in data["stop"])
    for key in stop - by_key.keys():  # a stop phrase that is no name: matched only to be dropped
        by_key[key] = []
    auto = ahocorasick.Automaton()
    key_len: list[int] = []
    variants, blocked_by_id = _add_name_keys(auto, by_key, blocked, key_len)
    demonyms = _add_demonym_keys(auto, data["demonyms"], by_key, key_len)
    auto.make_automaton()
    return Gazetteer(tuple(places), tuple(seats), frozenset(capital), tuple(variants), tuple(key_len),
                     tuple(demonyms), stop, tuple(blocked_by_id),
                     frozenset(match_form(f).strip() for f in data["demonyms"]), auto)


def _places_from_data(rows: list[list]) -> tuple[list[Place], list[int], set[int]]:
    """The places; each one's seat (the index of the city an admin area is named after, else -1);
    the indexes of the capitals (seat -1 in the data)."""
    places, seats, capital = [], [], set()
    for i, (pid, name, kind, cc, lat, lon, pop, fr, ar, seat) in enumerate(rows):
        places.append(Place(pid, name, kind, cc, lat, lon, pop, fr, ar))
        seats.append(seat if isinstance(seat, int) and seat >= 0 else -1)
        if seat == -1:
            capital.add(i)
    return places, seats, capital


def _variants_by_key(names: list[list]) -> tuple[dict[str, list[_Variant]], dict[str, set[str]]]:
    """The variants of each matching key, with their flags decoded; the clitics each key blocks."""
    by_key: dict[str, list[_Variant]] = {}
    blocked: dict[str, set[str]] = {}
    bits = {f: ("a" in f, "u" in f, "l" in f, "t" in f, "".join(c for c in f if c in "efrqpEFRij"))
            for f in {row[2] for row in names}}
    make = tuple.__new__  # 80,000 variants: skip the NamedTuple constructor's Python frame
    for key, idx, flags, *rest in names:
        by_key.setdefault(key, []).append(make(_Variant, (idx, *bits[flags])))
        if rest:
            blocked.setdefault(key, set()).update(rest[0].split(","))
    return by_key, blocked


def _add_name_keys(auto: ahocorasick.Automaton, by_key: dict[str, list[_Variant]], blocked: dict[str, set[str]],
                   key_len: list[int]) -> tuple[list[tuple[_Variant, ...]], list[frozenset[str]]]:
    """Add each name key to the automaton (payload (0, its index)) and its length to `key_len`;
    return the variants and blocked clitics by index."""
    variants: list[tuple[_Variant, ...]] = []
    blocked_by_id: list[frozenset[str]] = []
    _NONE: frozenset[str] = frozenset()
    for key, vs in by_key.items():
        # A name in Latin script takes no clitic: it must begin a word, so its key begins with the
        # space before the word and the automaton never reports it inside a longer word.
        auto.add_word(("" if _is_arabic(key[0]) else " ") + key + " ", (0, len(variants)))
        variants.append(tuple(vs))
        key_len.append(len(key))
        blocked_by_id.append(frozenset(blocked[key]) if key in blocked else _NONE)
    return variants, blocked_by_id


def _add_demonym_keys(auto: ahocorasick.Automaton, forms: dict[str, str], by_key: dict[str, list[_Variant]],
                      key_len: list[int]) -> list[tuple[str, bool]]:
    """Add each demonym that is not also a name to the automaton (payload (1, its index)), with a
    length of 0 in `key_len`; return (country, took the article) by index."""
    demonyms: list[tuple[str, bool]] = []
    for form, cc in forms.items():
        key, article = name_key(form)
        if key and key not in by_key:
            auto.add_word(key + " ", (1, len(demonyms)))
            demonyms.append((cc, article))
            key_len.append(0)
    return demonyms


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
            cc, _article = gz.demonyms[kid]
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


# The countries whose towns matter most (every GeoNames place of 500 people is in the gazetteer,
# and a town of theirs wins a tie against a namesake elsewhere): North Africa and the Sahel.
CORE_COUNTRIES = frozenset("MA DZ TN LY MR EG ML NE TD EH SD BF".split())


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
    cc: str | None
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


_ALL_WAYS = frozenset(("trigger", "locative", "dateline", "neighbour"))


class _Found(NamedTuple):
    match: _Match
    cands: tuple[int, ...]  # places the name may stand for
    doubtful: frozenset[int] = frozenset()  # those whose name is also a common word: need evidence
    ways: frozenset[str] = _ALL_WAYS  # the kinds of evidence that count for them (`_evidence`)


# The compiled gazetteer's doubt letters (see dashboard.build.gazetteer.doubt_flags), per text
# language: e/f/r also a common word in English/French/Arabic text; E/F/R so common that only a
# trigger word counts; i/j a capital at the start of a sentence proves nothing; q an Arabic
# indefinite common noun (a preposition before it proves nothing); p a seat of power, which also
# names its institution (a locative word or a trigger word, nothing else).
_DOUBT_LETTERS = {"en": "e", "fr": "f", "ar": "r"}
_START_LETTERS = {"e": "i", "f": "j"}
_WAYS_BY_LETTER = {"q": frozenset(("trigger", "dateline", "neighbour")), "p": frozenset(("trigger", "locative"))}


def _doubt_ways(doubt: str, lang: str, arabic: bool, sentence_start: bool) -> frozenset[str] | None:
    """The kinds of evidence a name needs in this text, or None when it is a place name as it stands.
    In text of another language, a Latin name is judged by the stricter of English and French."""
    letters = "r" if arabic else (_DOUBT_LETTERS.get(lang, "ef") if lang != "ar" else "ef")
    if any(c.upper() in doubt for c in letters):
        return frozenset(("trigger",))
    ways = [w for c, w in _WAYS_BY_LETTER.items() if c in doubt]
    if ways:
        return frozenset.intersection(*ways)
    if any(c in doubt for c in letters):
        return _ALL_WAYS
    if sentence_start and any(_START_LETTERS.get(c, "") in doubt for c in letters):
        return _ALL_WAYS
    return None


_OPENERS = frozenset(".!?:;|\n\"«“(-–—•*#")


def _sentence_start(text: str, start: int) -> bool:
    """The word begins the text, a line, a sentence or a heading (after a menu bar's "|")."""
    k = start - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    return k < 0 or text[k] in _OPENERS


_NO_DOUBT: frozenset[int] = frozenset()


def _candidates(gz: Gazetteer, m: _Match, text: str, origin: list[int] | None, form: str, lang: str) -> _Found:
    """Places the name may stand for, after the case rules."""
    out, doubtful, ways = [], None, _ALL_WAYS
    s, e = _to_text(m.word_start, m.end, origin)
    surface = text[s:e]
    latin = not _is_arabic(m.key[0])
    only_prominent = _in_name_or_shouted(gz, m, text, s, e, form, latin)
    for v in m.variants:
        if not _case_fits(gz, v, surface, latin, only_prominent):
            continue
        out.append(v.place)
        if v.doubt:
            need = _doubt_ways(v.doubt, lang, not latin, latin and _sentence_start(text, s))
            if need is not None:
                doubtful = (doubtful or set()) | {v.place}
                ways &= need
    cands = tuple(out) if len(out) < 2 else tuple(dict.fromkeys(out))
    return _Found(m, cands, frozenset(doubtful) if doubtful else _NO_DOUBT, ways)


def _in_name_or_shouted(gz: Gazetteer, m: _Match, text: str, s: int, e: int, form: str, latin: bool) -> bool:
    """The name is part of a person's or a body's name, or written in capitals in a shouted line
    (not a dateline): only a prominent place is kept."""
    surface = text[s:e]
    in_name = latin and _inside_proper_name(text, s, e)
    shouting = latin and surface.isupper() and len(surface) > 3 and not _is_dateline(text, s)
    in_name = in_name or (not latin and _after_title(gz, form, m))
    return in_name or shouting


def _case_fits(gz: Gazetteer, v: _Variant, surface: str, latin: bool, only_prominent: bool) -> bool:
    """The variant's case rules hold for the text's spelling of the name."""
    if v.upper and not surface.isupper():
        return False
    if latin and not (v.lower_ok or v.title) and surface[:1].islower():
        return False  # (a name that starts with an article may lower-case it: "le Caire", "la Réunion")
    if v.title and not _article_then_capital(surface):
        return False
    return not (only_prominent and not _prominent(gz, v.place))


_WORD_SPLIT = re.compile(r"[\s'’\-]+")


def _article_then_capital(surface: str) -> bool:
    words = [w for w in _WORD_SPLIT.split(surface) if w]
    return len(words) > 1 and words[1][:1].isupper()


# Words right before a name that show it is a place, where the name is also a common word: locative
# prepositions, directions, and heads such as "countries of", "region of", "port of" (folded).
LOCATIVE_BEFORE = frozenset(match_form(w).strip() for w in (
    "في إلى من قرب بالقرب نحو داخل خارج حتى عند لدى شمال جنوب شرق غرب شمالي جنوبي شرقي غربي وسط "
    "ضواحي أطراف محيط دول بلدان منطقة مناطق سكان ميناء مطار "
    "in at near from to into inside outside around towards toward across via port airport "
    "à au aux en dans près vers depuis hors aéroport").split())
LOCATIVE_CLITICS = frozenset(("ب", "وب", "فب", "بال", "وبال", "فبال"))  # بالخمس "in Al Khums"
_ARTICLE_WORDS = frozenset("the le la les l".split())
REGION_NEIGHBOUR_KM = 1500  # a place this close to a region's centre shows the region is meant
_DATELINE_AFTER = re.compile(r"\s{0,3}(?:[(\-–—:]|[,،]\s{0,3}\d)")


def _after_locative(form: str, m: _Match) -> bool:
    """A locative clitic (بالخمس) or word (في, à, in, at the) right before the name."""
    if m.prefix in LOCATIVE_CLITICS:
        return True
    prev = [w for w in _words_before(form, m.word_start, 2) if w not in _ARTICLE_WORDS][-1:]  # at the Kremlin
    return bool(prev) and (prev[0] in LOCATIVE_BEFORE or (prev[0][:1] in "وف" and prev[0][1:] in LOCATIVE_BEFORE))


def _evidence(gz: Gazetteer, f: _Found, form: str, text: str, origin: list[int] | None,
              neighbours: list[Place]) -> bool:
    """Positive evidence that a name which is also a common word is a place here: a trigger word, a
    locative word or clitic before it, a dateline, or another place of the same country (or near
    the region) in the same sentence (`neighbours`)."""
    m = f.match
    if _trigger(form, m) is not None:
        return True
    if "locative" in f.ways and _after_locative(form, m):
        return True
    s, e = _to_text(m.word_start, m.end, origin)
    if "dateline" in f.ways and _is_dateline(text, s) and _DATELINE_AFTER.match(text, e):
        return True
    if "neighbour" not in f.ways:
        return False
    for i in f.doubtful:
        p = gz.places[i]
        for n in neighbours:
            if n is not p and (n.country == p.country if p.country else _km(n, p) < REGION_NEIGHBOUR_KM):
                return True
    return False


_CAP_WORD = re.compile(r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+")
_NAME_GLUE = frozenset("Le La Les De Du Des El Al Ben Bin Abu Sidi Saint Sainte San Santa Port Fort New Mount".split())


def _inside_proper_name(text: str, start: int, end: int) -> bool:
    """A town name next to another capitalised word is likely part of a person's or a body's name
    ("Florence Martin", "Lina Tripoli Haddad", "General Mark Austin"); a capitalised word after a
    sentence opener proves nothing, one after an opening parenthesis does ("(photo: Anna Nice)")."""
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
        if _CAP_WORD.fullmatch(word) and word not in _NAME_GLUE and before not in ".!?:\n\"«“" and before:
            return True
    return False


# Titles that come before a person's name ("السفيرة الفرنسية فلورنس مارتان": Florence is her name).
_TITLES = frozenset("وزير وزيره الرئيس رئيس السيد السيده الجنرال الفريق اللواء العقيد المشير الامير "
                    "الملك الشيخ السفير السفيره المبعوث نائب الناطق المتحدث المستشار الاميرال".split())


def _after_title(gz: Gazetteer, form: str, m: _Match) -> bool:
    """An Arabic town name right after a title or a nationality adjective is a person's name."""
    prev = _words_before(form, m.word_start, 1)
    return bool(prev) and (prev[0] in _TITLES or prev[0] in gz.demonym_forms)


# Words for a ship right before a name make it the ship's name ("la frégate Alger", "الغواصة Kilo"):
# vessel nouns (folded, Arabic also without the article) and navies' hull prefixes (written in capitals).
VESSEL_WORDS = frozenset(match_form(w).strip() for w in (
    "سفينة سفينتي فرقاطة غواصة مدمرة بارجة طراد كورفيت زورق حاملة ناقلة كاسحة "
    "ship vessel frigate submarine corvette destroyer cruiser carrier tanker tug minesweeper "
    "navire frégate sous-marin corvette bâtiment destroyer croiseur porte-avions patrouilleur pétrolier "
    "remorqueur chalutier").split())
HULL_PREFIXES = frozenset("MV MS MT HS USS USNS HMS ITS FS TCG ESPS SNS ENS RFS HNLMS KRI INS".split())


# ... with the clitics and the article an Arabic vessel noun may carry (والفرقاطة، بالسفينة).
_VESSEL_FORMS = frozenset(c + a + w for w in VESSEL_WORDS for c in ("", "و", "ف", "ب", "ل", "ك", "وب", "ول")
                          for a in ("", ARTICLE) if a == "" or _is_arabic(w[0]))


def _after_vessel_word(text: str, form: str, m: _Match, start: int) -> bool:
    """The name follows a ship word and takes no preposition ("الفرقاطة بالخمس" is "the frigate at Al Khums")."""
    if m.prefix or m.word_start < 2:
        return False
    if form[form.rfind(" ", 0, m.word_start - 1) + 1:m.word_start - 1] in _VESSEL_FORMS:
        return True
    if start < 3 or not text[start - 2].isupper():  # a hull prefix is in capitals: MV Tripoli
        return False
    k = text.rfind(" ", 0, start - 1)
    return text[k + 1:start].strip(" \"«“'(") in HULL_PREFIXES


def _is_dateline(text: str, start: int) -> bool:
    """A capitalised town at the head of a paragraph ("WASHINGTON (Reuters) -")."""
    return start == 0 or text[start - 1] == "\n"


def _prominent(gz: Gazetteer, idx: int) -> bool:
    """Countries, capitals, curated places and cities of a million: kept even inside a longer name."""
    p = gz.places[idx]
    return p.kind != "city" or idx in gz.capital or p.population >= 1_000_000 or not p.id.startswith("gn:")


def _inside_span(spans: Sequence[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    k = bisect_left(starts, end)
    return k > 0 and spans[k - 1][1] > start


def _to_text(start: int, end: int, origin: list[int] | None) -> tuple[int, int]:
    """Offsets in the padded match form -> offsets in the text."""
    start, end = start - 1, end - 1
    if origin is None:
        return start, end
    return origin[start], origin[end - 1] + 1


def _sentence_bounds(sentences: str, pos: int) -> tuple[int, int]:
    hi = sentences.find(".", pos)
    return sentences.rfind(".", 0, pos) + 1, (hi if hi >= 0 else len(sentences))


def _resolve(gz: Gazetteer, cands: tuple[int, ...], m: _Match, form: str, text: str,
             ctx: _Context) -> tuple[int, str] | None:
    if len(cands) == 1:
        return _resolve_single(gz, cands[0], m, form)
    trig = _trigger(form, m)
    if m.key in gz.stop and trig is None:
        return None
    kinds = {gz.places[i].kind for i in cands}
    by_trigger = _pick_by_trigger(gz, cands, trig, kinds, ctx)
    if by_trigger is not None:
        return by_trigger
    if "country" in kinds:
        return _country_or_capital(gz, cands, m, form, text, ctx)
    non_admin = [i for i in cands if gz.places[i].kind != "admin"]
    why = "the town, not the area named after it" if non_admin and len(non_admin) < len(cands) else ""
    return _best(gz, non_admin or list(cands), ctx, why)


def _resolve_single(gz: Gazetteer, cand: int, m: _Match, form: str) -> tuple[int, str] | None:
    """A name of one place: kept, unless it is a stop word and no trigger word goes with it."""
    if m.key in gz.stop:
        trig = _trigger(form, m)
        return None if trig is None else (cand, f"common word, but after a {trig} word")
    return cand, "only candidate"


# The kind of place a trigger word picks among a name's candidates, and the reason given
# ({trig}: the trigger word's kind).
_TRIGGER_PICKS = (
    (("admin",), "admin", "trigger word: admin area"),
    (("city", "capital"), "city", "trigger word: {trig}"),
    (("country",), "country", "trigger word: country"),
)


def _pick_by_trigger(gz: Gazetteer, cands: tuple[int, ...], trig: str | None, kinds: Set[str],
                     ctx: _Context) -> tuple[int, str] | None:
    """The best candidate of the kind the trigger word names, if there is one of that kind."""
    for triggers, kind, why in _TRIGGER_PICKS:
        if trig in triggers and kind in kinds:
            return _best(gz, [i for i in cands if gz.places[i].kind == kind], ctx, why.format(trig=trig))
    return None


def _country_or_capital(gz: Gazetteer, cands: tuple[int, ...], m: _Match, form: str, text: str,
                        ctx: _Context) -> tuple[int, str]:
    """A name of a country and of a city of that country (Algiers, Tunis, Djibouti): the country,
    unless the sentence has an event that happens in a city and the name does not follow a word of
    direction (TOWARDS)."""
    places = gz.places
    country = [i for i in cands if places[i].kind == "country"]
    cities = [i for i in cands if places[i].kind == "city" and places[i].country == places[country[0]].country]
    prev = _words_before(form, m.word_start, 1)
    if cities and not (prev and prev[0] in TOWARDS):
        word = _city_event_nearby(_sentence_words(form, _sentence_bounds(ctx.sentence_form(text), m.word_start), m))
        if word:
            return cities[0], f"capital: city event in sentence ({word})"
    return country[0], "country: name of a state"


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
        if p.country in CORE_COUNTRIES:
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


def find_places(text: str, lang: str, gazetteer: Gazetteer,
                skip: Sequence[tuple[int, int]] = ()) -> list[PlaceMention]:
    """Every place mention in `text` (the cleaned article), in text order, resolved with a reason.

    `skip`: sorted, non-overlapping (start, end) spans that hold no place, whatever names they
    contain: the names of exercises and operations (`operations.find_operations`)."""
    if not text or gazetteer.automaton is None:
        return []
    folded, origin = _fold_text(text)
    form = " " + folded + " "
    matches, demonyms = _scan(form, gazetteer)
    found = []
    skip_starts = [s for s, _ in skip]
    for m in _longest(matches):
        if not m.variants:  # a stop phrase ("Berlin process") hides the names inside it
            continue
        span = _to_text(m.word_start, m.end, origin)
        if skip and _inside_span(skip, skip_starts, *span):
            continue
        if _after_vessel_word(text, form, m, span[0]):
            continue
        f = _candidates(gazetteer, m, text, origin, form, lang)
        if f.cands:
            found.append(f)
    sentences = None
    if any(f.doubtful for f in found):
        sentences = _sentence_form(text)
        found = _weigh_doubtful(gazetteer, found, form, text, origin, sentences)
    pairs = [(f.match, f.cands) for f in found]
    ctx = _context(gazetteer, pairs, demonyms)
    ctx._sentences = sentences
    out: list[PlaceMention] = []
    for m, cands in pairs:
        r = _resolve(gazetteer, cands, m, form, text, ctx)
        if r is None:
            continue
        idx, how = r
        s, e = _to_text(m.word_start, m.end, origin)
        out.append(PlaceMention(text[s:e], s, e, gazetteer.places[idx], how))
    return out


def _weigh_doubtful(gz: Gazetteer, found: list[_Found], form: str, text: str,
                    origin: list[int] | None, sentences: str) -> list[_Found]:
    """Drop the candidates that are common words where the text gives no evidence of a place.
    (`sentences`: `_sentence_form(text)`.)"""
    ends = [d.start() for d in _DOT.finditer(sentences)]
    sentence_of = [bisect_left(ends, f.match.word_start) for f in found]
    sure: dict[int, list[Place]] = {}  # sentence -> places named there without doubt
    for f, k in zip(found, sentence_of):
        if not f.doubtful and len({gz.places[i].country for i in f.cands}) == 1:
            sure.setdefault(k, []).append(gz.places[f.cands[0]])
    out = []
    for f, k in zip(found, sentence_of):
        if f.doubtful and not _evidence(gz, f, form, text, origin, sure.get(k, [])):
            f = f._replace(cands=tuple(i for i in f.cands if i not in f.doubtful), doubtful=frozenset())
        if f.cands:
            out.append(f)
    return out


def _sentence_form(text: str) -> str:
    """The match form with sentence ends kept as "." (same length), to find sentence bounds."""
    table = _SENTENCE_MAP if _PAST_FOLD_LIST.search(text) else _SENTENCE_LIST
    return " " + text.translate(table).replace("\x00", "") + " "
