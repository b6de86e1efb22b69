"""Build the name lexicon: given names in Latin and Arabic script, the usual Latin spelling of the
Arabic ones, and the common words that tell a name from vocabulary.

Run once by `python -m dashboard names build`; the result (`data/lexicons/names.generated.json.gz`)
is committed, so the pipeline never imports the build-time packages (names-dataset, wordfreq, babel:
the pyproject extra `data`). Every import of those stays inside this module's functions; building
loads names-dataset's table of 730,000 given names (about 1 GB of memory).

Sources:
- names-dataset (MIT; Facebook's 2019 leak of 533 million profiles, aggregated per country): given
  names with their rank in each of 105 countries;
- wordfreq (Apache 2.0; data CC BY-SA 4.0): how common a word is in Arabic, French and English;
- babel (CLDR, Unicode licence): country names, which are never taken as given names;
- data/lexicons/titles.json: titles and ranks, never given names either.

What is kept:
- a given name among the NAME_MAX_RANK most frequent of one of the selected countries (the region,
  the powers active there, and the other Arab states, whose Arabic-script names are the region's),
  in Latin script (one word, or two joined by a hyphen) or Arabic script (one word, or a compound
  of two: عبد الله، نور الدين);
- unless it is more common as a word than its popularity as a name explains: its word frequency
  (Zipf scale) must stay under NAME_ZIPF_AT_RANK_ONE - NAME_ZIPF_PER_DECADE * log10(rank), the rank
  being its best where the articles' languages are read (READER_COUNTRIES). محمد (rank 1, Zipf 6.1)
  stays; على (the preposition, rank 55 as a misspelt name, Zipf 7.2), Will, Les and Song go.

An Arabic given name gets the Latin spelling most used for it in the Arab countries: among the Latin
given names whose spelling-tolerant key (`dashboard.pipeline.namekey`) meets its own and whose
vowels fit its long vowels (`dashboard.pipeline.spelling`), the one with the highest popularity
(the sum over those countries of 1/rank): محمد -> Mohamed, يوسف -> Youssef.

Foreign given names written in Arabic (ويليام، جان، دميتري) are spelled from the Latin given names
most frequent in the powers' countries ("foreign", most popular first), by the same key and vowels.

Compiled format (gzip JSON): {"version", "latin": [given names], "arabic": [[name, Latin spelling or
""]], "foreign": [[given name, popularity]], "common": {"ar"|"fr"|"en": [folded words at or above
COMMON_ZIPF[lang]]}}, every list sorted (foreign: by popularity).
"""
from __future__ import annotations

import gzip
import json
import math
import re
from collections.abc import Callable, Iterable
from pathlib import Path

COMPILED_NAME = "names.generated.json.gz"
FORMAT_VERSION = 1

# names-dataset has no data for Mali, Niger, Chad, Mauritania or Senegal: their given names come
# through Burkina Faso and the neighbours that share them (Cameroon: Fulani, Kanuri and Chadian
# Arabic names; Nigeria: Hausa names) and through France.
REGION_COUNTRIES = ("MA", "DZ", "TN", "LY", "EG", "SD", "BF", "CM", "NG")
POWER_COUNTRIES = ("US", "FR", "RU", "TR", "CN", "IT", "ES", "DE", "GB", "IL", "AE", "SA", "QA")
OTHER_ARAB_COUNTRIES = ("JO", "IQ", "SY", "LB", "PS", "YE", "OM", "KW", "BH")
SELECTED_COUNTRIES = REGION_COUNTRIES + POWER_COUNTRIES + OTHER_ARAB_COUNTRIES
ARAB_COUNTRIES = ("MA", "DZ", "TN", "LY", "EG", "SD", "AE", "SA", "QA") + OTHER_ARAB_COUNTRIES
# Where the articles' three languages are read: a name may be a common word only if it is among the
# most popular names there (Said in Morocco); a name popular only elsewhere (Song in China, Peace in
# Nigeria) must be rare as a word. The Gulf states are left out for Latin-script names, most of
# which are their expatriates' (Deep, Lucky, Joy).
READER_COUNTRIES = {"arabic": ARAB_COUNTRIES,
                    "latin": ("MA", "DZ", "TN", "LY", "EG", "SD", "LB", "JO", "FR", "BE", "US", "GB")}

# Foreign given names (spelling Arabic transcriptions of them): the first FOREIGN_MAX_RANK names of
# each of the powers' countries that do not write Arabic.
FOREIGN_COUNTRIES = ("US", "GB", "FR", "DE", "IT", "ES", "RU", "TR", "IL", "CN")
FOREIGN_MAX_RANK = 1000
NAME_MAX_RANK = 5000  # more names find more people, and let more capitalised words pass for names
SPELLING_MAX_RANK = 5000  # Latin spellings considered for an Arabic name: popular in an Arab country
# The spelling chosen is the most popular in the region's Arab countries (Maghreb, Egypt, Libya,
# Sudan: Hussein, Youssef), not in the Gulf (Hussain, Yousef).
SPELLING_COUNTRIES = ("MA", "DZ", "TN", "LY", "EG", "SD")
# A name's word frequency may be this high at rank 1, and this much lower for each tenfold rank:
# higher lets common words in as names, lower drops names that are also words (Said, Mark).
NAME_ZIPF_AT_RANK_ONE = 6.3
NAME_ZIPF_PER_DECADE = 0.5
# A name that is also a common word (at least this Zipf) must be a widespread name: among the
# WORDLIKE_MAX_RANK most frequent in at least WORDLIKE_MIN_COUNTRIES of the package's countries. Said,
# Guy and Donald stay; words some profiles give as a name in a country or two (None, Lawyer, Golden)
# go.
WORDLIKE_ZIPF = {"latin": 4.0, "arabic": 4.5}
WORDLIKE_MAX_RANK = 1000
WORDLIKE_MIN_COUNTRIES = 3
MIN_LATIN_LENGTH = 3  # two-letter names (Li, Al, Le) are particles or syllables more often than names
# Words at least this common (Zipf) are listed as vocabulary: lower lists rare surnames as words.
COMMON_ZIPF = {"en": 4.0, "fr": 4.0, "ar": 3.5}

_LATIN = re.compile(r"^[A-Z\u00c0-\u00de][a-z\u00df-\u024f]+(?:-[A-Z\u00c0-\u00de][a-z\u00df-\u024f]+)?$")
# One Arabic word without the article, or a theophoric compound (عبد + a divine name: عبد الكريم؛
# a word + الدين، الله or الإسلام: نور الدين، دفع الله). Other pairs in the first-name field are a
# name and a father's or family name (محمد صالح، أحمد العراقي) or a nickname (أمير الظلام); a single
# word with the article is more often a word (الفتاة، العراقي) than the article form of a name whose
# bare form is listed anyway (السعيد: سعيد).
_AR_WORD = "[\u0621-\u063a\u0641-\u064a]{2,}"
_ARABIC = re.compile(rf"^(?:(?!ال){_AR_WORD}|عبد ال{_AR_WORD}|(?!ال){_AR_WORD} (?:الدين|الله|الإسلام|الاسلام))$")


def build_names(data_dir: Path) -> Path:
    """Compile data/lexicons/names.generated.json.gz from the packages and data/lexicons/titles.json."""
    lex = Path(data_dir) / "lexicons"
    table = _given_names_table()
    excluded = _titles(lex / "titles.json") | _country_names()
    zipf = _zipf()
    latin = _kept(table, _LATIN, lambda n: max(zipf(n, "en"), zipf(n, "fr")), excluded, "latin")
    latin = [n for n in latin if len(n) >= MIN_LATIN_LENGTH]
    arabic = _kept(table, _ARABIC, lambda n: zipf(n, "ar"), excluded, "arabic")
    spell = _spelling_chooser(table)
    out = {
        "version": FORMAT_VERSION,
        "latin": sorted(latin),
        "arabic": sorted([n, spell(n)] for n in arabic),
        "foreign": _foreign_names(table, latin),
        "common": {lang: _common_words(lang, threshold) for lang, threshold in sorted(COMMON_ZIPF.items())},
    }
    path = lex / COMPILED_NAME
    data = json.dumps(out, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    with gzip.GzipFile(path, "wb", compresslevel=9, mtime=0) as fh:
        fh.write(data)
    return path


def _given_names_table() -> dict[str, dict]:
    try:
        from names_dataset import NameDataset
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("building the name lexicon needs names-dataset: pip install -e '.[data]'") from exc
    return NameDataset(load_first_names=True, load_last_names=False).first_names


def _zipf() -> Callable[[str, str], float]:
    try:
        from wordfreq import zipf_frequency
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("building the name lexicon needs wordfreq: pip install -e '.[data]'") from exc
    return lambda word, lang: zipf_frequency(word.lower(), lang)


def _folded(text: str) -> str:
    from dashboard.pipeline.arabic import fold

    return " ".join(fold(text).replace("-", " ").split())


def _titles(path: Path) -> set[str]:
    """Every title, rank and honorific, and each of their words, folded."""
    data = json.loads(path.read_text(encoding="utf-8"))
    out: set[str] = set()
    for lang, classes in data.items():
        if lang.startswith("_"):
            continue
        for phrases in classes.values():
            for phrase in phrases:
                f = _folded(phrase.replace(".", ""))
                out.add(f)
                out.update(f.split())
    return out


def _country_names() -> set[str]:
    from babel import Locale

    return {_folded(name) for lang in ("en", "fr", "ar") for name in Locale(lang).territories.values()}


def _best_rank(ranks: dict[str, int], countries: Iterable[str]) -> int | None:
    got = [r for c, r in ranks.items() if c in countries and r]
    return min(got) if got else None


def _name_limit(rank: int) -> float:
    return NAME_ZIPF_AT_RANK_ONE - NAME_ZIPF_PER_DECADE * math.log10(rank)


def _kept(table: dict[str, dict], pattern: re.Pattern, zipf: Callable[[str], float], excluded: set[str],
          script: str) -> list[str]:
    """Names of one script ranked in a selected country and not more common as words than as names."""
    readers = READER_COUNTRIES[script]
    out = []
    for name, info in table.items():
        if not pattern.match(name):
            continue
        ranks = info.get("rank") or {}
        rank = _best_rank(ranks, SELECTED_COUNTRIES)
        if rank is None or rank > NAME_MAX_RANK or _folded(name) in excluded:
            continue
        if "-" in name:  # two names joined (Jean-Claude) are no common word
            out.append(name)
            continue
        reader_rank = _best_rank(ranks, readers)
        frequency = zipf(name)  # (of a phrase, for an Arabic compound: على الله is a phrase, not a name)
        if frequency > _name_limit(min(reader_rank or NAME_MAX_RANK, NAME_MAX_RANK)):
            continue
        if " " in name:
            out.append(name)
            continue
        widespread = sum(1 for r in ranks.values() if r and r <= WORDLIKE_MAX_RANK) >= WORDLIKE_MIN_COUNTRIES
        if frequency >= WORDLIKE_ZIPF[script] and not widespread:
            continue
        out.append(name)
    return out


def _popularity(ranks: dict[str, int]) -> float:
    return sum(1.0 / r for c, r in ranks.items() if c in SPELLING_COUNTRIES and r and r <= SPELLING_MAX_RANK)


def _spelling_chooser(table: dict[str, dict]) -> Callable[[str], str]:
    """A function from an Arabic given name to its usual Latin spelling ("" when none fits)."""
    from dashboard.pipeline.namekey import name_keys
    from dashboard.pipeline.spelling import fits, likeness

    by_key: dict[str, list[tuple[float, str]]] = {}
    for name, info in table.items():
        if not _LATIN.match(name.replace(" ", "-")):
            continue
        pop = _popularity(info.get("rank") or {})
        if pop <= 0:
            continue
        for key in name_keys(name):
            by_key.setdefault(key, []).append((pop, name))

    def choose(arabic: str) -> str:
        found = {c for key in name_keys(arabic) for c in by_key.get(key, ())}
        fitting = [c for c in found if fits(arabic, c[1])]
        return max(fitting, key=lambda c: (likeness(arabic, c[1]), c[0], c[1]))[1] if fitting else ""

    return choose


def _foreign_names(table: dict[str, dict], latin: list[str]) -> list[list]:
    """[name, popularity] for the given names most frequent in the powers' countries, the most
    popular first: the spellings of foreign given names written in Arabic (ويليام: William)."""
    out = []
    for name in latin:
        ranks = table[name].get("rank") or {}
        pop = sum(1.0 / r for c, r in ranks.items() if c in FOREIGN_COUNTRIES and r and r <= FOREIGN_MAX_RANK)
        if pop > 0:
            out.append([name, round(pop, 6)])
    return sorted(out, key=lambda x: (-x[1], x[0]))


def _common_words(lang: str, threshold: float) -> list[str]:
    from wordfreq import iter_wordlist, zipf_frequency

    out = set()
    for word in iter_wordlist(lang):
        if zipf_frequency(word, lang) < threshold:
            break
        f = _folded(word)
        if f and " " not in f:
            out.add(f)
    return sorted(out)
