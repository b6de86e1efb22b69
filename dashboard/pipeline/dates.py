"""Dates in Arabic, French and English news text, resolved against the publication date.

Pure functions. `find_dates` lists the date expressions of a text (run on the folded text, so
Arabic-Indic digits, hamza forms and accents are already unified); `resolve` turns one into a
date string and a precision. The rules (the design's "known traps"):
- a weekday is the most recent such day on or before publication, or the next one on or after it
  when the sentence speaks of the future (يرتقب، المرتقب، سيزور، will, doit) or the expression
  says so (المقبل، prochain, next); "last"/"الماضي" excludes the publication day itself;
- a month (or day and month) without a year is the most recent past one, unless marked future;
- today / yesterday / tomorrow, this year, last year, last week (its middle, month precision),
  last month, in recent weeks (two weeks back, month precision);
- explicit dates in the three languages, with Maghreb month names (ماي، يوليوز، غشت، شتنبر،
  نونبر، جانفي، فيفري، أفريل، جوان، جويلية، أوت) and Levantine ones (كانون الثاني، شباط...).
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import NamedTuple, Sequence

from .anchored import AnchoredScan, literal_prefixes
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
for _n, _group in enumerate(("الاثنين/الإثنين/lundi/monday", "الثلاثاء/mardi/tuesday", "الأربعاء/الاربعاء/mercredi/wednesday",
                             "الخميس/jeudi/thursday", "الجمعة/vendredi/friday", "السبت/samedi/saturday",
                             "الأحد/الاحد/dimanche/sunday")):
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
    kind: str  # ymd | md | ym | m | y | weekday | rel_day | rel_year | rel_month | week | recent_weeks | recent_days | vague
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    offset: int = 0  # days for rel_day, years for rel_year, months for rel_month
    direction: int = 0  # -1 marked past, +1 marked future, 0 unmarked
    also_day: int | None = None  # "le 26 et le 31 mars": the second day (not for a range "du 26 au 31")


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
_B = r"(?<![^\W\d_])"  # not preceded by a letter (Arabic proclitics are handled in the patterns)
_E = r"(?![^\W\d_])"
_AR_PRE = r"(?:(?<![^\W_])[وفبل]?)"
_DIR = rf"(?:\s+(?P<fut>{_FUT})|\s+(?P<past>{_PAST})|\s+(?:courant|الجاري))?"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("ymd_iso", re.compile(rf"(?<!\d)(?P<y>{_YEAR})-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)(?!\d)")),
    ("dmy_num", re.compile(rf"(?<![\d.])(?P<d>[0-3]?\d)[./-](?P<m>[01]?\d)[./-](?P<y>{_YEAR})(?!\d)")),
    # 26 mai 2021 / 7 نوفمبر 2023 / le 26 et le 31 mars / من 26 وحتى 31 مايو / 28th june, 2019
    ("dmy", re.compile(
        rf"(?<![\d.,])(?P<d>[0-3]?\d)(?:er|st|nd|rd|th)?(?:\s*(?:(?P<also>et|and|و)|au|a|to|-|وحتي|حتي|الي|الى)\s*(?:le\s+|the\s+)?(?P<d2>[0-3]?\d)(?:er|st|nd|rd|th)?)?"
        rf"\s+(?:(?:of|من)\s+)?(?:شهر\s+)?(?P<mon>{_MONTH})(?:\s+(?:{_MONTH}))?{_E}(?:\s*[,،]?\s*(?P<y>{_YEAR})(?!\d)م?)?{_DIR}")),
    # March 26, 2024 / june 20th
    ("mdy", re.compile(rf"{_B}(?P<mon>{_MONTH})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?![\d.,]\d)(?:\s*,?\s*(?P<y>{_YEAR})(?!\d))?")),
    # الخامس من يونيو
    ("ord", re.compile(rf"{_AR_PRE}(?P<ord>{_ORD})\s+من\s+(?:شهر\s+)?(?P<mon>{_MONTH}){_E}(?:\s+(?P<y>{_YEAR}))?{_DIR}")),
    # en décembre 2023 / في أغسطس 2023 / March 2022 / نونبر المقبل / in November
    ("my", re.compile(rf"{_B}(?:(?P<pre>en|in|since|depuis|debut|fin|mi|early|late|mid|في|خلال|منذ|مطلع|اواخر|اوائل|نهايه|بدايه|منتصف|شهر)"
                      rf"[\s-]{{0,4}})?{_AR_PRE}(?P<mon>{_MONTH}){_E}(?:\s+(?:{_MONTH}))?(?:\s*,?\s*(?P<y>{_YEAR})(?!\d)م?)?{_DIR}")),
    # weekdays: الجمعة، يوم الخميس، السبت الماضي، jeudi, on Thursday, Thursday night
    ("weekday", re.compile(rf"{_AR_PRE}(?P<wd>{_WEEKDAY}){_E}(?:\s+(?:و|et|and|ou|or)\s*(?:{_WEEKDAY}))?"
                           rf"(?:\s+(?P<fut>{_FUT})|\s+(?P<past>{_PAST}))?")),
    ("rel_day", re.compile(
        r"(?P<m2>(?<![^\W_])(?:اول|قبل)\s+(?:امس|البارحه)|avant-hier|day before yesterday)"
        r"|(?P<m1>(?<![^\W_])و?(?:امس|البارحه)(?![^\W_])|\bhier\b|\byesterday\b)"
        r"|(?P<p2>(?<![^\W_])بعد\s+غد|apres-demain|day after tomorrow)"
        r"|(?P<p1>(?<![^\W_])(?:غدا|الغد)(?![^\W_])|\bdemain\b|\btomorrow\b)"
        r"|(?P<z>(?<![^\W_])و?اليوم(?![^\W_])|aujourd'hui|\bce jour\b|\btoday\b|\btonight\b|\bthis morning\b|\bce matin\b|\bce soir\b|الليله|صباح اليوم|مساء اليوم)")),
    ("rel_year", re.compile(
        r"(?P<z>(?:هذه|هذا)\s+(?:السنه|العام)|(?:العام|السنه)\s+(?:الجاري|الجاريه|الحالي|الحاليه)|cette annee|\bthis year|(?:l'|l')?annee en cours|earlier this year)"
        r"|(?P<m1>(?:العام|السنه)\s+(?:الماضي|الماضيه|المنصرم|المنصرمه|الفائت)|l'an (?:dernier|passe)|l'annee (?:derniere|passee)|\blast year)"
        r"|(?P<p1>(?:العام|السنه)\s+(?:المقبل|المقبله|القادم|القادمه)|l'an prochain|l'annee prochaine|\bnext year)")),
    ("rel_month", re.compile(
        r"(?P<z>(?:هذا|خلال)\s+الشهر|الشهر\s+(?:الجاري|الحالي)|ce mois|\bthis month|earlier this month)"
        r"|(?P<m1>الشهر\s+(?:الماضي|المنصرم|الفائت)|le mois (?:dernier|passe)|\blast month)"
        r"|(?P<p1>الشهر\s+(?:المقبل|القادم)|le mois prochain|\bnext month)")),
    ("week", re.compile(
        r"(?P<m1>الاسبوع\s+(?:الماضي|المنصرم|الفائت)|la semaine (?:derniere|passee)|\blast week)"
        r"|(?P<p1>الاسبوع\s+(?:المقبل|القادم)|la semaine prochaine|\bnext week)"
        r"|(?P<z>(?:هذا|خلال)\s+الاسبوع|cette semaine|\bthis week)")),
    ("recent", re.compile(
        r"(?P<w>الاسابيع\s+(?:الاخيره|الماضيه|القليله\s+الماضيه)|(?:ces|des)\s+dernieres\s+semaines|recent weeks|(?:past|last)\s+(?:few\s+)?weeks)"
        r"|(?P<d>الايام\s+(?:الاخيره|الماضيه|القليله\s+الماضيه)|(?:ces|des)\s+derniers\s+jours|recent days|(?:past|last)\s+(?:few\s+)?days)")),
    ("vague", re.compile(
        r"(?<![^\W_])(?:منذ|قبل)\s+(?:بضعه|عده|بضع)\s+(?:اشهر|اسابيع|سنوات|اعوام|ايام)|(?<![^\W_])(?:منذ|قبل)\s+(?:اشهر|سنوات|سنين)(?![^\W_])"
        r"|il y a (?:quelques|plusieurs) (?:mois|semaines|annees|jours)|(?:a few|several) (?:months|weeks|years|days) ago"
        r"|\brecently\b|\brecemment\b|مؤخرا")),
    ("year", re.compile(rf"(?<![\d.,])(?P<y>{_YEAR})(?![\d.,]\d|\d)")),
]

# Each pattern is tried only where one of its words (or a digit) begins, and only in a text that has
# a month name (or a year) when its matches hold one: see `anchored`.
_MONTH_WORDS = literal_prefixes(re.compile(_MONTH))
_YEAR_WORDS = literal_prefixes(re.compile(_YEAR))
# A "my" match opens with at most a lead-in word of six letters, four spaces or hyphens and a
# proclitic before its month: its month begins within 11 characters of its start.
_SCAN = AnchoredScan(_PATTERNS, required={"dmy": _MONTH_WORDS, "mdy": _MONTH_WORDS, "ord": _MONTH_WORDS,
                                          "my": _MONTH_WORDS, "dmy_num": _YEAR_WORDS, "ymd_iso": _YEAR_WORDS},
                     within={"my": 11})

# Month names that are also other words (مارس is also a verb, "may" a modal) or are short.
_AMBIGUOUS_MONTHS = {fold(w) for w in ("مارس", "ماي", "اوت", "آب", "may", "march", "mar", "jan", "dec", "aug", "sept", "oct", "nov", "feb", "apr", "jun", "jul", "mai", "mars")}


def find_dates(text: str) -> list[DateMention]:
    """Date expressions in `text` (any of ar/fr/en), in reading order, without overlaps."""
    return find_dates_folded(*fold_with_offsets(text))


def find_dates_folded(folded: str, origin: Sequence[int]) -> list[DateMention]:
    """`find_dates` of a text already folded by `fold_with_offsets`; offsets are read in `origin`
    (so a slice of a longer text's fold and origin gives offsets into that longer text)."""
    found: list[tuple[int, int, DateMention]] = []
    for kind, m in _SCAN.scan(folded):
        dm = _build(kind, m, folded)
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
            ps, pe, pdm = kept[-1]
            # keep the explicit date; of "today (Tuesday)" keep the weekday, which quotes cannot shift
            keep = pdm if pdm.kind in ("md", "ymd") else dm if dm.kind in ("md", "ymd") else (
                pdm if pdm.kind == "weekday" else dm)
            kept[-1] = (ps, e, keep)
            continue
        kept.append((s, e, dm))
    return [dm._replace(start=origin[s], end=origin[e - 1] + 1) for s, e, dm in kept]


_PAIR_GAP = re.compile(r"[\s,،(]*(?:le\s+|يوم\s+|the\s+)?")


def _same_day_pair(a: tuple[int, int, DateMention], b: tuple[int, int, DateMention], folded: str) -> bool:
    """A weekday next to the date it names ("mercredi 28 août", "أمس الثلاثاء"): one expression."""
    kinds = {a[2].kind, b[2].kind}
    if "weekday" not in kinds or not kinds & {"md", "ymd", "rel_day"}:
        return False
    return _PAIR_GAP.fullmatch(folded, a[1], b[0]) is not None


def _direction(m: re.Match[str]) -> int:
    gd = m.groupdict()
    if gd.get("fut"):
        return 1
    if gd.get("past"):
        return -1
    return 0


def _build(kind: str, m: re.Match[str], folded: str) -> DateMention | None:
    g = m.groupdict()
    if kind in ("ymd_iso", "dmy_num"):
        y, mo, d = int(g["y"]), int(g["m"]), int(g["d"])
        if not (1 <= mo <= 12 and 1 <= d <= calendar.monthrange(y, mo)[1]):
            return None
        return DateMention(0, 0, "ymd", y, mo, d)
    if kind in ("dmy", "mdy", "ord"):
        mo = MONTHS[g["mon"]]
        d = _AR_ORDINALS[g["ord"]] if kind == "ord" else int(g["d"])
        if not 1 <= d <= 31:
            return None
        if kind == "mdy" and g["mon"] in _AMBIGUOUS_MONTHS and g["mon"] in ("may", "march", "mar"):
            if not m.group(0)[:1].isalpha():
                return None
        y = int(g["y"]) if g.get("y") else None
        also = int(g["d2"]) if g.get("also") and g.get("d2") and 1 <= int(g["d2"]) <= 31 else None
        return DateMention(0, 0, "ymd" if y else "md", y, mo, d, direction=_direction(m), also_day=also)
    if kind == "my":
        mon = g["mon"]
        y = int(g["y"]) if g.get("y") else None
        d = _direction(m)
        if mon in _AMBIGUOUS_MONTHS or len(mon) <= 4:
            # a short or ambiguous month name needs a year, a cue before it or a direction word after
            if not (y or g.get("pre") or d):
                return None
        if mon in ("may", "march", "mar") and not (y or (g.get("pre") in ("in", "since", "early", "late", "mid"))):
            return None
        return DateMention(0, 0, "ym" if y else "m", y, MONTHS[mon], direction=d)
    if kind == "weekday":
        return DateMention(0, 0, "weekday", weekday=WEEKDAYS[g["wd"]], direction=_direction(m))
    if kind == "rel_day":
        off = {"m2": -2, "m1": -1, "p2": 2, "p1": 1, "z": 0}[next(k for k, v in g.items() if v)]
        return DateMention(0, 0, "rel_day", offset=off)
    if kind in ("rel_year", "rel_month"):
        off = {"m1": -1, "p1": 1, "z": 0}[next(k for k, v in g.items() if v)]
        return DateMention(0, 0, kind, offset=off)
    if kind == "week":
        off = {"m1": -1, "p1": 1, "z": 0}[next(k for k, v in g.items() if v)]
        return DateMention(0, 0, "week", offset=off)
    if kind == "recent":
        return DateMention(0, 0, "recent_weeks" if g.get("w") else "recent_days")
    if kind == "year":
        return DateMention(0, 0, "y", int(g["y"]))
    if kind == "vague":
        return DateMention(0, 0, "vague")
    return None


def resolve(dm: DateMention, published: date | None, future: bool = False,
            ref_year: int | None = None) -> tuple[str | None, str | None]:
    """(date string, precision) for one expression; (None, None) when it needs an unknown publication date.

    Without a publication date, a day or month without a year takes `ref_year` (for instance the
    latest year the article names), and relative expressions stay unresolved."""
    fut = dm.direction > 0 or (future and dm.direction == 0)
    kind = dm.kind
    if kind == "ymd":
        return f"{dm.year:04d}-{dm.month:02d}-{dm.day:02d}", "day"
    if kind == "ym":
        return f"{dm.year:04d}-{dm.month:02d}", "month"
    if kind == "y":
        return f"{dm.year:04d}", "year"
    if published is None:
        if ref_year is not None and kind == "md":
            return f"{ref_year:04d}-{dm.month:02d}-{dm.day:02d}", "day"
        if ref_year is not None and kind == "m":
            return f"{ref_year:04d}-{dm.month:02d}", "month"
        return None, None
    p = published
    if kind == "md":
        y = _year_for(dm.month, dm.day, p, fut, dm.direction < 0)
        try:
            return date(y, dm.month, dm.day).isoformat(), "day"
        except ValueError:
            return None, None
    if kind == "m":
        y = _year_for(dm.month, 1 if not fut else 31, p, fut, dm.direction < 0)
        if fut and dm.month == p.month and dm.direction > 0:
            y = p.year + 1
        return f"{y:04d}-{dm.month:02d}", "month"
    if kind == "weekday":
        delta = (p.weekday() - dm.weekday) % 7
        if fut:
            ahead = (dm.weekday - p.weekday()) % 7
            if ahead == 0 and dm.direction > 0:
                ahead = 7
            return (p + timedelta(days=ahead)).isoformat(), "day"
        if delta == 0 and dm.direction < 0:
            delta = 7
        return (p - timedelta(days=delta)).isoformat(), "day"
    if kind == "rel_day":
        return (p + timedelta(days=dm.offset)).isoformat(), "day"
    if kind == "rel_year":
        return f"{p.year + dm.offset:04d}", "year"
    if kind == "rel_month":
        y, mo = divmod(p.year * 12 + p.month - 1 + dm.offset, 12)
        return f"{y:04d}-{mo + 1:02d}", "month"
    if kind == "week":
        # the middle (Thursday) of that week, at month precision
        monday = p - timedelta(days=p.weekday()) + timedelta(weeks=dm.offset)
        mid = monday + timedelta(days=3)
        return f"{mid.year:04d}-{mid.month:02d}", "month"
    if kind == "recent_weeks":
        d = p - timedelta(days=14)
        return f"{d.year:04d}-{d.month:02d}", "month"
    if kind == "recent_days":
        d = p - timedelta(days=3)
        return f"{d.year:04d}-{d.month:02d}", "month"
    return None, None


def _year_for(month: int, day: int, p: date, future: bool, past: bool) -> int:
    """Year of a day/month without one: the most recent past occurrence, or the next when future."""
    if future:
        return p.year if (month, day) >= (p.month, p.day) or month == p.month else p.year + 1
    if past and month == p.month and day >= p.day and day == 31:
        return p.year - 1
    return p.year if (month, day) <= (p.month, max(p.day, 1)) or month == p.month else p.year - 1
