"""Dates in Arabic, French and English news text, resolved against the publication date.

Pure functions. `find_dates` lists the date expressions of a text (run on the folded text, so
Arabic-Indic digits, hamza forms and accents are already unified); `resolve` turns one into a
date string and a precision. The rules (the design's "known traps"):
- a weekday is the most recent such day on or before publication, or the next one on or after it
  when the sentence speaks of the future (يرتقب، المرتقب، سيزور، will, doit) or the expression
  says so (المقبل، prochain, next); "last Monday"/"الإثنين الماضي"/"lundi dernier" excludes the
  publication day itself;
- a month (or day and month) without a year is the most recent past one, unless marked future; a
  day marked past ("le 25 mai dernier") later in the publication month than its day is last year's;
  "July of last year" / "يوليو من العام الماضي" / "juillet de l'année dernière" takes that year;
- a range of days ("from 17 to 28 February 2020", "du 28 février au 3 mars", "من 17 إلى 28
  فبراير", "between May 17 and 28") is its first day, the year read at its end; two days joined by
  "and" that are not a range ("between ... and") and not consecutive ("on 3 and 10 March") name
  two separate days, kept as `also_day`;
- today / yesterday / the day before yesterday / tomorrow, this year, last year, last week (its
  middle, month precision), last month, in recent weeks (two weeks back, month precision);
- explicit dates in the three languages, with Maghreb month names (ماي، يوليوز، غشت، شتنبر،
  نونبر، جانفي، فيفري، أفريل، جوان، جويلية، أوت) and Levantine ones (كانون الثاني، شباط...).
"""
from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from datetime import date, timedelta
from typing import NamedTuple

from .anchored import DIGIT_RUN, AnchoredScan, ScanPattern, shortest_starts, with_proclitics
from .arabic import fold
from .lexmatch import fold_with_offsets

MONTHS: dict[str, int] = {}


def _months(names: str, start: int = 1) -> None:
    for n, group in enumerate(names.split(), start):
        for name in group.split("/"):
            MONTHS[fold(name.replace("_", " "))] = n


_months("يناير/جانفي/كانون_الثاني فبراير/فيفري/شباط مارس/اذار ابريل/أبريل/إبريل/افريل/أفريل/نيسان "
        "مايو/ماي/أيار/ايار يونيو/يونيه/جوان/حزيران يوليو/يوليه/يوليوز/جويلية/تموز "
        "أغسطس/اغسطس/غشت/أوت/اوت/آب سبتمبر/شتنبر/أيلول/ايلول أكتوبر/اكتوبر/تشرين_الأول "
        "نوفمبر/نونبر/تشرين_الثاني ديسمبر/دجنبر/كانون_الأول")
_months("janvier février mars avril mai juin juillet août septembre octobre novembre décembre")
_months("january february march april may june july august september october november december")
_months("jan feb mar apr may jun jul aug sept oct nov dec")
MONTHS["sep"] = 9

WEEKDAYS: dict[str, int] = {}
for _n, _group in enumerate(("الاثنين/الإثنين/lundi/monday", "الثلاثاء/mardi/tuesday",
                             "الأربعاء/الاربعاء/mercredi/wednesday", "الخميس/jeudi/thursday", "الجمعة/vendredi/friday",
                             "السبت/samedi/saturday", "الأحد/الاحد/dimanche/sunday")):
    for _w in _group.split("/"):
        WEEKDAYS[fold(_w)] = _n

# Arabic ordinal day words: "الخامس من يونيو"
_AR_ORDINALS = {fold(w): n for n, w in enumerate(
    "الأول الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع العاشر الحادي_عشر الثاني_عشر "
    "الثالث_عشر الرابع_عشر الخامس_عشر السادس_عشر السابع_عشر الثامن_عشر التاسع_عشر العشرين".split(), 1)}
_AR_ORDINALS = {k.replace("_", " "): v for k, v in _AR_ORDINALS.items()}

FUTURE_WORDS = ("المقبل", "المقبله", "المقبلين", "المقبلتين", "القادم", "القادمه", "القادمين", "المرتقب",
                "prochain", "prochaine", "prochains", "prochaines", "next", "coming", "upcoming")
PAST_WORDS = ("الماضي", "الماضيه", "الماضيين", "المنصرم", "المنصرمه", "الفائت", "الفائته", "المنقضي",
              "dernier", "derniere", "derniers", "dernieres", "passe", "passee", "last", "past")


class DateMention(NamedTuple):
    """One date expression, not yet resolved. Offsets index the original text.
    (A NamedTuple: an article has dozens, and one is built several times faster than a frozen dataclass.)"""

    start: int
    end: int
    # ymd | md | ym | m | y | weekday | rel_day | rel_year | rel_month | week | recent_weeks | recent_days | vague
    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    offset: int = 0  # days for rel_day, years for rel_year, months for rel_month
    direction: int = 0  # -1 marked past, +1 marked future, 0 unmarked
    also_day: int | None = None  # "le 3 et le 10 mars": a second, separate day (not of a range, nor the next day)
    year_offset: int | None = None  # "July of last year": the year, from the publication's (md and m)
    today: bool = False  # a weekday said to be the day of writing ("today, Tuesday", "اليوم الثلاثاء")


def _alt(words) -> str:
    """The words as one regex alternation, factored into a trie ("ma(?:rs|i)"): the engine then checks
    a letter or two at each position instead of every word. Each word still wins over its prefixes,
    as in a longest-first alternation ("mars" before "mar"), so the matches are the same."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def branch(node: dict) -> str:
        alts = [re.escape(ch) + branch(child) for ch, child in node.items() if ch]
        if "" in node:
            alts.append("")  # ending here is tried after every longer word
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return branch(trie)


_MONTH = _alt(MONTHS)
_WEEKDAY = _alt(WEEKDAYS)
_FUT = _alt(fold(w) for w in FUTURE_WORDS)
_PAST = _alt(fold(w) for w in PAST_WORDS)
_ORD = _alt(_AR_ORDINALS)
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
# The first three digits of every year `_YEAR` reads (1950-2049): the start words of a pattern
# that opens with a year.
_YEAR_STARTS = frozenset(f"{y // 10}" for y in range(1950, 2050, 10))
_B = r"(?<![^\W\d_])"  # not preceded by a letter (Arabic proclitics are handled in the patterns)
_E = r"(?![^\W\d_])"
_PROCLITICS = "وفبل"  # و ف ب ل written on a date word: وفي، بالجمعة، والخامس
_AR_PRE = rf"(?:(?<![^\W_])[{_PROCLITICS}]?)"
_DIR = rf"(?:\s+(?P<fut>{_FUT})|\s+(?P<past>{_PAST})|\s+(?:courant|الجاري))?"
# Words that may lead a month name in "my" ("en décembre", "مطلع مارس", "mi-avril").
_MONTH_LEADS = ("en", "in", "since", "depuis", "debut", "fin", "mi", "early", "late", "mid", "في", "خلال", "منذ",
                "مطلع", "اواخر", "اوائل", "نهايه", "بدايه", "منتصف", "شهر")
_LEAD_GAP = 4  # spaces or hyphens between the lead word and the month ("[\s-]{0,4}" below)
_SUFFIX = r"(?:er|st|nd|rd|th)?"  # 1er, 1st, 28th
_TO = r"(?:au|a|to|-|until|till|through|jusqu'au|وحتي|حتي|الي|ولغايه|لغايه)"  # between the two ends of a range
_DAY_MONTH = r"\s+(?:(?:of|من)\s+)?(?:شهر\s+)?"  # "17 of February", "17 من شهر فبراير"
# "... 2017", "..., 2017", "... من عام 2017", "... of 2017", "... de l'année 2017"
_OF_YEAR = rf"(?:\s*[,،]?\s*(?:(?:من\s+)?(?:عام|سنه|العام|السنه)\s+|of\s+|de\s+l'annee\s+)?(?P<y>{_YEAR})(?!\d)م?)?"
# "... of last year", "... من العام الماضي", "... de l'année dernière" (a year named from the publication's)
_REL_YEAR = (r"(?:\s+(?:(?P<ry_m1>(?:من\s+)?(?:العام|السنه)\s+(?:الماضي|الماضيه|المنصرم|المنصرمه|الفائت)"
             r"|of\s+last\s+year"
             r"|de\s+l'(?:annee\s+(?:derniere|passee)|an\s+(?:dernier|passe)))"
             r"|(?P<ry_z>(?:من\s+)?(?:(?:العام|السنه)\s+(?:الجاري|الجاريه|الحالي|الحاليه)|(?:هذا\s+العام|هذه\s+السنه))"
             r"|of\s+this\s+year|de\s+(?:cette\s+annee|l'annee\s+en\s+cours))"
             r"|(?P<ry_p1>(?:من\s+)?(?:العام|السنه)\s+(?:المقبل|المقبله|القادم|القادمه)|of\s+next\s+year"
             r"|de\s+l'(?:annee\s+prochaine|an\s+prochain))))?")
_REL_YEAR_OFFSETS = {"ry_m1": -1, "ry_z": 0, "ry_p1": 1}
# What may follow the second day of an English range or pair ("May 17 and 28, 2021", "May 3 and 10
# respectively"), so that "March 3 and 5 soldiers" is no pair.
_AFTER_DAY = r"(?=\s*(?:$|[^\w\s]|\d|(?:respectively|in|at|on|near|when|while|with|as)\b))"

_WEEKDAY_PAST_LEADS = ("last", "this past", "past")  # English marks the direction before the weekday
_WEEKDAY_NEXT_LEADS = ("next", "this coming", "coming")

_MONTH_STARTS = shortest_starts(MONTHS)
_ON_MONTH = with_proclitics(_MONTH_STARTS, _PROCLITICS)

# Each pattern: its name, the regex, and its start words (one of them begins every match; see
# `anchored`), taken from the word lists the regex is built from where there are such lists, and
# listed beside the regex where it spells its words out. A pattern whose matches hold a month name
# (or a year) also names it as required: it is skipped in a text that has none.
_PATTERNS: list[ScanPattern] = [
    ScanPattern("ymd_iso", re.compile(rf"(?<!\d)(?P<y>{_YEAR})-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)(?!\d)"),
                _YEAR_STARTS, required=_YEAR_STARTS),
    # (no digit before: a match begins a run of digits)
    ScanPattern("dmy_num", re.compile(rf"(?<![\d.])(?P<d>[0-3]?\d)[./-](?P<m>[01]?\d)[./-](?P<y>{_YEAR})(?!\d)"),
                frozenset({DIGIT_RUN}), required=_YEAR_STARTS),
    # 26 mai 2021 / 7 نوفمبر 2023 / le 26 et le 31 mars / من 26 وحتى 31 مايو / 28th june, 2019 /
    # du 28 février au 3 mars 2020 / 5 يوليو من العام الماضي
    ScanPattern("dmy", re.compile(
        rf"(?<![\d.,])(?P<d>[0-3]?\d){_SUFFIX}(?:\s*(?:(?P<also>et|and|و)|{_TO})\s*(?:le\s+|the\s+)?(?P<d2>[0-3]?\d){_SUFFIX})?"
        rf"{_DAY_MONTH}(?P<mon>{_MONTH})(?:\s+(?:{_MONTH}))?{_E}"
        rf"(?:\s*{_TO}\s*(?:le\s+|the\s+)?(?P<d3>[0-3]?\d){_SUFFIX}{_DAY_MONTH}(?P<mon2>{_MONTH}){_E})?"
        rf"{_OF_YEAR}{_REL_YEAR}{_DIR}"),
        frozenset({DIGIT_RUN}), required=_MONTH_STARTS),
    # March 26, 2024 / june 20th / May 17-28, 2021 / between May 17 and 28 / February 17 to March 2, 2020
    ScanPattern("mdy", re.compile(
        rf"{_B}(?P<mon>{_MONTH})\.?\s+(?P<d>[0-3]?\d){_SUFFIX}(?![\d.,]\d)"
        rf"(?:\s*(?:(?P<also>and)|{_TO})\s*(?:(?P<mon2>{_MONTH})\.?\s+)?(?P<d2>[0-3]?\d){_SUFFIX}(?![\d.,]?\d){_AFTER_DAY})?"
        rf"(?:\s*,?\s*(?P<y>{_YEAR})(?!\d))?"),
                _MONTH_STARTS, required=_MONTH_STARTS),
    # الخامس من يونيو
    ScanPattern("ord", re.compile(rf"{_AR_PRE}(?P<ord>{_ORD})\s+من\s+(?:شهر\s+)?(?P<mon>{_MONTH}){_E}"
                                  rf"(?:\s+(?P<y>{_YEAR}))?{_DIR}"),
                with_proclitics(shortest_starts(_AR_ORDINALS), _PROCLITICS), required=_MONTH_STARTS),
    # en décembre 2023 / في أغسطس 2023 / March 2022 / نونبر المقبل / in November / يوليو من عام 2017
    ScanPattern("my", re.compile(rf"{_B}(?:(?P<pre>{'|'.join(_MONTH_LEADS)})"
                                 rf"[\s-]{{0,{_LEAD_GAP}}})?{_AR_PRE}(?P<mon>{_MONTH}){_E}(?:\s+(?:{_MONTH}))?{_OF_YEAR}{_REL_YEAR}{_DIR}"),
                shortest_starts(_ON_MONTH | set(_MONTH_LEADS)), required=_MONTH_STARTS,
                # the month begins after at most a lead word, the gap and a proclitic
                within=max(map(len, _MONTH_LEADS)) + _LEAD_GAP + 1),
    # weekdays: الجمعة، يوم الخميس، السبت الماضي، jeudi, on Thursday, Thursday night, last Monday
    ScanPattern("weekday", re.compile(rf"(?:{_B}(?:(?P<pre_past>{'|'.join(_WEEKDAY_PAST_LEADS)})"
                                      rf"|(?P<pre_fut>{'|'.join(_WEEKDAY_NEXT_LEADS)}))\s+)?"
                                      rf"{_AR_PRE}(?P<wd>{_WEEKDAY}){_E}(?:\s+(?:و|et|and|ou|or)\s*(?:{_WEEKDAY}))?"
                                      rf"(?:\s+(?P<fut>{_FUT})|\s+(?P<past>{_PAST}))?"),
                with_proclitics(shortest_starts(WEEKDAYS), _PROCLITICS)
                | {w + " " for w in _WEEKDAY_PAST_LEADS + _WEEKDAY_NEXT_LEADS}),
    ScanPattern("rel_day", re.compile(
        r"(?P<m2>(?<![^\W_])(?:(?:اول|قبل)\s+(?:من\s+)?(?:امس|البارحه)|و?امس\s+الاول(?![^\W_])|قبل\s+يومين)"
        r"|avant[- ]hier|\bil y a deux jours\b|day before yesterday|\btwo days ago\b)"
        r"|(?P<m1>(?<![^\W_])و?(?:امس|البارحه)(?![^\W_])|\bhier\b|\byesterday\b)"
        r"|(?P<p2>(?<![^\W_])بعد\s+غد|apres-demain|day after tomorrow)"
        r"|(?P<p1>(?<![^\W_])(?:غدا|الغد)(?![^\W_])|\bdemain\b|\btomorrow\b)"
        r"|(?P<z>(?<![^\W_])و?اليوم(?![^\W_])|aujourd'hui|\bce jour\b|\btoday\b|\btonight\b"
        r"|\bthis morning\b|\bce matin\b|\bce soir\b|الليله|صباح اليوم|مساء اليوم)"),
        shortest_starts(("اول", "قبل", "avant-hier", "avant hier", "il y a deux jours", "day before yesterday",
                         "two days ago",
                         "امس", "وامس", "البارحه", "والبارحه",
                         "hier", "yesterday", "بعد", "apres-demain", "day after tomorrow", "غدا", "الغد", "demain",
                         "tomorrow", "اليوم", "واليوم", "aujourd'hui", "ce jour", "today", "tonight", "this morning",
                         "ce matin", "ce soir", "الليله", "صباح اليوم", "مساء اليوم"))),
    ScanPattern("rel_year", re.compile(
        r"(?P<z>(?:هذه|هذا)\s+(?:السنه|العام)|(?:العام|السنه)\s+(?:الجاري|الجاريه|الحالي|الحاليه)"
        r"|cette annee|\bthis year|(?:l'|l')?annee en cours|earlier this year)"
        r"|(?P<m1>(?:العام|السنه)\s+(?:الماضي|الماضيه|المنصرم|المنصرمه|الفائت)"
        r"|l'an (?:dernier|passe)|l'annee (?:derniere|passee)|\blast year)"
        r"|(?P<p1>(?:العام|السنه)\s+(?:المقبل|المقبله|القادم|القادمه)|l'an prochain|l'annee prochaine|\bnext year)"),
        shortest_starts(("هذه", "هذا", "العام", "السنه", "cette annee", "this year", "l'annee en cours",
                         "annee en cours", "earlier this year", "l'an dernier", "l'an passe", "l'annee derniere",
                         "l'annee passee", "last year", "l'an prochain", "l'annee prochaine", "next year"))),
    ScanPattern("rel_month", re.compile(
        r"(?P<z>(?:هذا|خلال)\s+الشهر|الشهر\s+(?:الجاري|الحالي)|ce mois|\bthis month|earlier this month)"
        r"|(?P<m1>الشهر\s+(?:الماضي|المنصرم|الفائت)|le mois (?:dernier|passe)|\blast month)"
        r"|(?P<p1>الشهر\s+(?:المقبل|القادم)|le mois prochain|\bnext month)"),
        shortest_starts(("هذا", "خلال", "الشهر", "ce mois", "this month", "earlier this month", "le mois dernier",
                         "le mois passe", "last month", "le mois prochain", "next month"))),
    ScanPattern("week", re.compile(
        r"(?P<m1>الاسبوع\s+(?:الماضي|المنصرم|الفائت)|la semaine (?:derniere|passee)|\blast week)"
        r"|(?P<p1>الاسبوع\s+(?:المقبل|القادم)|la semaine prochaine|\bnext week)"
        r"|(?P<z>(?:هذا|خلال)\s+الاسبوع(?!\s+(?:الاخير|الاول|الثاني|الثالث|الرابع)\s+من)|cette semaine|\bthis week)"),
        shortest_starts(("الاسبوع", "la semaine derniere", "la semaine passee", "last week", "la semaine prochaine",
                         "next week", "هذا", "خلال", "cette semaine", "this week"))),
    ScanPattern("recent", re.compile(
        r"(?P<w>الاسابيع\s+(?:الاخيره|الماضيه|القليله\s+الماضيه)"
        r"|(?:ces|des)\s+dernieres\s+semaines|recent weeks|(?:past|last)\s+(?:few\s+)?weeks)"
        r"|(?P<d>الايام\s+(?:الاخيره|الماضيه|القليله\s+الماضيه)"
        r"|(?:ces|des)\s+derniers\s+jours|recent days|(?:past|last)\s+(?:few\s+)?days)"),
        shortest_starts(("الاسابيع", "الايام", "ces", "des", "recent weeks", "recent days", "past", "last"))),
    ScanPattern("vague", re.compile(
        r"(?<![^\W_])(?:منذ|قبل)\s+(?:بضعه|عده|بضع)\s+(?:اشهر|اسابيع|سنوات|اعوام|ايام)|(?<![^\W_])(?:منذ|قبل)\s+(?:اشهر|سنوات|سنين)(?![^\W_])"
        r"|il y a (?:quelques|plusieurs) (?:mois|semaines|annees|jours)"
        r"|(?:a few|several) (?:months|weeks|years|days) ago"
        r"|\brecently\b|\brecemment\b|مؤخرا"),
        shortest_starts(("منذ", "قبل", "il y a ", "a few ", "several ", "recently", "recemment", "مؤخرا"))),
    # 2017; not a year of a span of years ("the 2024-2025 programme", "موسم 2024/2025"): a period, no date
    ScanPattern("year", re.compile(rf"(?<![\d.,])(?<!\d\d\d\d[-/])(?<!\d\d\d\d [-/] )(?P<y>{_YEAR})(?![\d.,]\d|\d)"
                                   rf"(?!\s?[-/]\s?(?:19|20)\d\d)"), _YEAR_STARTS),
]

_SCAN = AnchoredScan(_PATTERNS)

# Month names that are also other words (مارس is also a verb, "may" a modal) or are short.
_AMBIGUOUS_MONTHS = {fold(w) for w in ("مارس", "ماي", "اوت", "آب", "may", "march", "mar", "jan", "dec", "aug", "sept",
                                       "oct", "nov", "feb", "apr", "jun", "jul", "mai", "mars")}


def find_dates(text: str) -> list[DateMention]:
    """Date expressions in `text` (any of ar/fr/en), in reading order, without overlaps."""
    return find_dates_folded(*fold_with_offsets(text))


def find_dates_folded(folded: str, origin: Sequence[int]) -> list[DateMention]:
    """`find_dates` of a text already folded by `fold_with_offsets`; offsets are read in `origin`
    (so a slice of a longer text's fold and origin gives offsets into that longer text)."""
    found: list[tuple[int, int, DateMention]] = []
    for kind, m in _SCAN.scan(folded):
        dm = _build(kind, m)
        if dm is None:
            continue
        s, e = m.span()
        while s < e and folded[s].isspace():
            s += 1
        found.append((s, e, dm))
    found.sort(key=lambda t: (t[0], -(t[1] - t[0])))
    kept: list[tuple[int, int, DateMention]] = []
    for s, e, dm in found:
        if kept and s < kept[-1][1]:
            continue
        if kept and _same_day_pair(kept[-1], (s, e, dm), folded):
            ps, _pe, pdm = kept[-1]
            kept[-1] = (ps, e, _one_of_pair(pdm, dm))
            continue
        kept.append((s, e, dm))
    return [dm._replace(start=origin[s], end=origin[e - 1] + 1) for s, e, dm in kept]


def _one_of_pair(a: DateMention, b: DateMention) -> DateMention:
    """The expression kept for a weekday next to the date it names: the explicit date; of "today
    (Tuesday)" / "أمس الثلاثاء" the weekday, which quotes cannot shift, marked as the day of writing,
    or as past or future from "yesterday" / "tomorrow"."""
    if a.kind in ("md", "ymd"):
        return a
    if b.kind in ("md", "ymd"):
        return b
    wd, rel = (a, b) if a.kind == "weekday" else (b, a)
    if rel.offset == 0:
        return wd._replace(today=True)
    return wd._replace(direction=-1 if rel.offset < 0 else 1)


_PAIR_GAP = re.compile(r"[\s,،(]*(?:le\s+|يوم\s+|the\s+)?")


def _same_day_pair(a: tuple[int, int, DateMention], b: tuple[int, int, DateMention], folded: str) -> bool:
    """A weekday next to the date it names ("mercredi 28 août", "أمس الثلاثاء"): one expression."""
    kinds = {a[2].kind, b[2].kind}
    if "weekday" not in kinds or not kinds & {"md", "ymd", "rel_day"}:
        return False
    return _PAIR_GAP.fullmatch(folded, a[1], b[0]) is not None


def _direction(g: dict[str, str | None]) -> int:
    """+1 for a future word around the expression ("prochain", "next Monday"), -1 for a past one
    ("الماضي", "last Monday"), else 0."""
    if g.get("fut") or g.get("pre_fut"):
        return 1
    if g.get("past") or g.get("pre_past"):
        return -1
    return 0


def _year_offset(g: dict[str, str | None]) -> int | None:
    """-1 for "... of last year", 0 for "... of this year", +1 for "... of next year", else None."""
    return next((off for name, off in _REL_YEAR_OFFSETS.items() if g.get(name)), None)


def _numeric_date(kind: str, g: dict, m: re.Match[str]) -> DateMention | None:
    """2020-03-14, 12/05/2020: a day that exists."""
    y, mo, d = int(g["y"]), int(g["m"]), int(g["d"])
    if not (1 <= mo <= 12 and 1 <= d <= calendar.monthrange(y, mo)[1]):
        return None
    return DateMention(0, 0, "ymd", y, mo, d)


_MODAL_MONTHS = ("may", "march", "mar")  # English month names that are also common words ("may", "to march")


def _day_month(kind: str, g: dict, m: re.Match[str]) -> DateMention | None:
    """26 mai 2021, March 26, الخامس من يونيو; a range is its first day ("du 28 février au 3 mars
    2020": the year read at the end, the one before when the range crosses a new year); "le 3 et
    le 10 mars" keeps its second day."""
    mo = MONTHS[g["mon"]]
    d = _AR_ORDINALS[g["ord"]] if kind == "ord" else int(g["d"])
    if not 1 <= d <= 31:
        return None
    if kind == "mdy" and g["mon"] in _AMBIGUOUS_MONTHS and g["mon"] in _MODAL_MONTHS and not m.group(0)[:1].isalpha():
        return None
    y = int(g["y"]) if g.get("y") else None
    end_month = MONTHS[g["mon2"]] if g.get("mon2") else mo
    if y and end_month < mo:  # "du 28 décembre au 3 janvier 2021"
        y -= 1
    return DateMention(0, 0, "ymd" if y else "md", y, mo, d, direction=_direction(g),
                       also_day=_second_of_pair(g, d, m), year_offset=None if y else _year_offset(g))


_BETWEEN = re.compile(r"(?<![^\W\d_])(?:entre|between|بين)\s+(?:le\s+|the\s+)?$")
_BETWEEN_REACH = 12  # characters before a day searched for "entre le", "between the", "ما بين"


def _second_of_pair(g: dict, d: int, m: re.Match[str]) -> int | None:
    """The second day of "on 3 and 10 March" / "les 3 et 10 mars" / "يومي 3 و10 مارس": two separate
    days. Not of a range ("between 10 and 12", "du 10 au 12"), and not the next day ("les 25 et 26
    août": one event over two days)."""
    if not g.get("also") or not g.get("d2") or g.get("mon2"):
        return None
    d2 = int(g["d2"])
    if not d + 1 < d2 <= 31:
        return None
    if _BETWEEN.search(m.string, max(0, m.start() - _BETWEEN_REACH), m.start()):
        return None
    return d2


def _month_year(kind: str, g: dict, m: re.Match[str]) -> DateMention | None:
    """en décembre 2023, نونبر المقبل: a short or ambiguous month name needs a year, a lead word or a
    direction word ("may" alone is a verb)."""
    mon = g["mon"]
    y = int(g["y"]) if g.get("y") else None
    d = _direction(g)
    if (mon in _AMBIGUOUS_MONTHS or len(mon) <= 4) and not (y or g.get("pre") or d):
        return None
    if mon in _MODAL_MONTHS and not (y or (g.get("pre") in ("in", "since", "early", "late", "mid"))):
        return None
    return DateMention(0, 0, "ym" if y else "m", y, MONTHS[mon], direction=d,
                       year_offset=None if y else _year_offset(g))


def _group_offset(g: dict, offsets: dict[str, int]) -> int:
    """The offset named by the alternative that matched (the first group with a value)."""
    return offsets[next(k for k, v in g.items() if v)]


_DAY_OFFSETS = {"m2": -2, "m1": -1, "p2": 2, "p1": 1, "z": 0}  # before yesterday ... after tomorrow
_OFFSETS = {"m1": -1, "p1": 1, "z": 0}  # last, next, this (year, month or week)

_BUILDERS = {
    "ymd_iso": _numeric_date,
    "dmy_num": _numeric_date,
    "dmy": _day_month,
    "mdy": _day_month,
    "ord": _day_month,
    "my": _month_year,
    "weekday": lambda kind, g, m: DateMention(0, 0, "weekday", weekday=WEEKDAYS[g["wd"]], direction=_direction(g)),
    "rel_day": lambda kind, g, m: DateMention(0, 0, "rel_day", offset=_group_offset(g, _DAY_OFFSETS)),
    "rel_year": lambda kind, g, m: DateMention(0, 0, kind, offset=_group_offset(g, _OFFSETS)),
    "rel_month": lambda kind, g, m: DateMention(0, 0, kind, offset=_group_offset(g, _OFFSETS)),
    "week": lambda kind, g, m: DateMention(0, 0, "week", offset=_group_offset(g, _OFFSETS)),
    "recent": lambda kind, g, m: DateMention(0, 0, "recent_weeks" if g.get("w") else "recent_days"),
    "year": lambda kind, g, m: DateMention(0, 0, "y", int(g["y"])),
    "vague": lambda kind, g, m: DateMention(0, 0, "vague"),
}


def _build(kind: str, m: re.Match[str]) -> DateMention | None:
    """The date expression of one match of the pattern `kind`, or None when it is not one after all."""
    return _BUILDERS[kind](kind, m.groupdict(), m)


def resolve(dm: DateMention, published: date | None, future: bool = False,
            ref_year: int | None = None) -> tuple[str | None, str | None]:
    """(date string, precision) for one expression; (None, None) when it needs an unknown publication date.

    Without a publication date, a day or month without a year takes `ref_year` (for instance the
    latest year the article names), and relative expressions stay unresolved."""
    written = _WRITTEN.get(dm.kind)
    if written is not None:
        return written(dm)
    if published is None:
        return _without_publication(dm, ref_year)
    relative = _RELATIVE.get(dm.kind)
    if relative is None:
        return None, None
    return relative(dm, published, dm.direction > 0 or (future and dm.direction == 0))


_WRITTEN = {  # a year is written out: no publication date needed
    "ymd": lambda dm: (f"{dm.year:04d}-{dm.month:02d}-{dm.day:02d}", "day"),
    "ym": lambda dm: (f"{dm.year:04d}-{dm.month:02d}", "month"),
    "y": lambda dm: (f"{dm.year:04d}", "year"),
}


def _without_publication(dm: DateMention, ref_year: int | None) -> tuple[str | None, str | None]:
    if ref_year is not None and dm.kind == "md":
        return f"{ref_year:04d}-{dm.month:02d}-{dm.day:02d}", "day"
    if ref_year is not None and dm.kind == "m":
        return f"{ref_year:04d}-{dm.month:02d}", "month"
    return None, None


def _day_of_month(dm: DateMention, p: date, fut: bool) -> tuple[str | None, str | None]:
    assert dm.month is not None and dm.day is not None  # kind "md" sets both
    y = p.year + dm.year_offset if dm.year_offset is not None else _year_for(dm.month, dm.day, p, fut, dm.direction < 0)
    try:
        return date(y, dm.month, dm.day).isoformat(), "day"
    except ValueError:
        return None, None


def _month(dm: DateMention, p: date, fut: bool) -> tuple[str, str]:
    assert dm.month is not None  # kind "m" sets it
    if dm.year_offset is not None:
        return f"{p.year + dm.year_offset:04d}-{dm.month:02d}", "month"
    y = _year_for(dm.month, 1 if not fut else 31, p, fut, dm.direction < 0)
    if fut and dm.month == p.month and dm.direction > 0:
        y = p.year + 1
    return f"{y:04d}-{dm.month:02d}", "month"


def _weekday(dm: DateMention, p: date, fut: bool) -> tuple[str, str]:
    """The latest such day on or before publication ("last": before it), or the next on or after it
    when the sentence speaks of the future ("next": after it)."""
    assert dm.weekday is not None  # kind "weekday" sets it
    if fut:
        ahead = (dm.weekday - p.weekday()) % 7
        if ahead == 0 and dm.direction > 0:
            ahead = 7
        return (p + timedelta(days=ahead)).isoformat(), "day"
    delta = (p.weekday() - dm.weekday) % 7
    if delta == 0 and dm.direction < 0:
        delta = 7
    return (p - timedelta(days=delta)).isoformat(), "day"


def _week(dm: DateMention, p: date, fut: bool) -> tuple[str, str]:
    """The middle (Thursday) of that week, at month precision."""
    monday = p - timedelta(days=p.weekday()) + timedelta(weeks=dm.offset)
    mid = monday + timedelta(days=3)
    return f"{mid.year:04d}-{mid.month:02d}", "month"


def _month_of(d: date) -> tuple[str, str]:
    return f"{d.year:04d}-{d.month:02d}", "month"


def _months_away(p: date, offset: int) -> tuple[str, str]:
    y, mo = divmod(p.year * 12 + p.month - 1 + offset, 12)
    return f"{y:04d}-{mo + 1:02d}", "month"


RECENT_WEEKS_BACK = 14  # "in recent weeks": two weeks before publication, read at month precision
RECENT_DAYS_BACK = 3  # "in recent days": three days before publication, read at month precision

_RELATIVE = {  # read from the publication date `p`; `fut`: the sentence speaks of the future
    "md": _day_of_month,
    "m": _month,
    "weekday": _weekday,
    "rel_day": lambda dm, p, fut: ((p + timedelta(days=dm.offset)).isoformat(), "day"),
    "rel_year": lambda dm, p, fut: (f"{p.year + dm.offset:04d}", "year"),
    "rel_month": lambda dm, p, fut: _months_away(p, dm.offset),
    "week": _week,
    "recent_weeks": lambda dm, p, fut: _month_of(p - timedelta(days=RECENT_WEEKS_BACK)),
    "recent_days": lambda dm, p, fut: _month_of(p - timedelta(days=RECENT_DAYS_BACK)),
}


def _year_for(month: int, day: int, p: date, future: bool, past: bool) -> int:
    """Year of a day/month without one: the most recent past occurrence, or the next when future.
    A day of the publication month later than (or on) the publication day is this year's (news of
    the days ahead), unless marked past ("le 25 mai dernier" in a 20 May article: last year's)."""
    if future:
        return p.year if (month, day) >= (p.month, p.day) or month == p.month else p.year + 1
    if past and month == p.month and day >= p.day:
        return p.year - 1
    return p.year if (month, day) <= (p.month, max(p.day, 1)) or month == p.month else p.year - 1


# A time of day: "06:56", "13h30", "1:04 pm", "10:10 م" (م: evening, ص: morning).
_TIME = re.compile(r"(?<![\d:])(?P<h>[01]?\d|2[0-3])\s?[:h]\s?(?P<mi>[0-5]\d)(?![\d:])"
                   r"(?:\s?(?:(?P<pm>pm|p\.m\.|م(?![^\W\d_]))|am|a\.m\.|ص(?![^\W\d_])))?", re.IGNORECASE)
TIME_AFTER_DATE = 30  # characters between a date and the time that goes with it ("27 janvier 2013 à 06:56")
DATE_MAX_CHARS = 40  # characters a written date takes ("Dimanche 27 Janvier 2013")
BYLINE_MAX_CHARS = 100  # a line this long at most holds a publication date and time, not a sentence
# a quick look for a time before the full pattern (most texts have none)
_TIME_HINT = re.compile(r"\d\s?[:hH]\s?[0-5]\d")


def publication_hour(text: str, published: date | None) -> int | None:
    """The hour at which the article says it was published: a time right after the publication
    date written in full, on a line of its own or a byline ("Rédigé le Dimanche 27 Janvier 2013 à
    06:56", "10 أغسطس 2022 - 13:30"); a time inside a sentence ("on Tuesday at 05:00") is an
    event's. None when the article says none."""
    if published is None or _TIME_HINT.search(text) is None:
        return None
    for m in _TIME.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        if (len(text) if line_end < 0 else line_end) - line_start > BYLINE_MAX_CHARS:
            continue
        before = text[max(line_start, m.start() - TIME_AFTER_DATE - DATE_MAX_CHARS):m.start()]
        for dm in reversed(find_dates(before)):
            if len(before) - dm.end > TIME_AFTER_DATE:
                break
            if dm.kind == "ymd" and resolve(dm, published) == (published.isoformat(), "day"):
                hour = int(m.group("h"))
                return hour + 12 if m.group("pm") and hour < 12 else hour
    return None
