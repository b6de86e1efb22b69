"""The date of an event: which date expression of its sentence is the event's, or another's.

An event takes the nearest date expression (same clause first, as precise as possible), not
"until 29 October" nor "since 15 September", and rather not the day of the report ("said on
Friday", "قالت ... يوم الجمعة إن"), though a date inside the quoted words is the event's. A
relative clause on the event's words is the event's own clause ("the exercise, which began on
Monday, ..."). The year of an exercise's name ("Flintlock 2020") is no event date when the
sentence gives a day, and the year a plan, programme or review is for ("the 2026 programme") is
none. A weekday is read as `weekdays` says (ahead after a verb in the future, last
week's in an early-morning report). A sentence without a date takes the day named by the next
(else the previous) sentence of the passage, when that sentence tells no event of the same type
and the day is not a report's and lies in the month before publication; else the publication
date, marked so (`date_source`).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from datetime import date

from dashboard.records import Event, OperationMention

from .. import dates as dates_mod
from .context import ArticleContext
from .spans import inside
from .triggers import Trig
from .weekdays import read_weekday

DATED = ("text", "report")  # date sources that come from the article's words
DATED_KINDS = frozenset({"ymd", "md", "weekday", "rel_day"})  # expressions that name one day
BOUND_GAP = 4  # characters between "until" / "since" and a date it bounds ("until 29 October")
REPORT_REACH = 30  # characters between a reporting verb and a date that dates the report ("said on Friday")
REPORT_AFTER_DATE = 5  # ...when the date comes first: at most this close before the verb ("Friday said")
NEIGHBOUR_DAY_MAX_AGE = 31  # days before publication a neighbour sentence's day may lie to date an event
REPORT_LAG_DAYS = 7  # an event told on day X and "announced on Friday" up to a week later: the same event
NEAR_PUBLICATION_DAYS = 7  # a dated event this close to publication is the news an undated mention tells
DATELINE_REACH = 60  # characters from the start of a line to the "(" of a dateline "WASHINGTON (Agency - ..."
DATELINE_CLOSE = 4  # characters after the date where the dateline's ")" must stand
# characters after a trigger (a name, an apposition between) where "which", "qui", "الذي" attach to it
RELATIVE_REACH = 60
# characters between a year and the name it numbers when it comes first ("the 2021 Exercise Phoenix Express")
EDITION_GAP = 12
# characters between "programme" and the year it is for ("programme de coopération militaire pour 2026")
PLAN_REACH = 45
PLAN_AFTER_YEAR = 25  # characters between a year and the plan word it qualifies ("the 2026 cooperation plan")
OTHER_CLAUSE_COST = 150  # a date in another clause than the trigger counts as this many characters further
REPORT_DATE_COST = 100  # a date that looks like the report's counts as this many characters further
# By kind: a precise date is preferred to a vague one this many characters further away.
PRECISION_COST = {"ymd": -20, "md": 0, "weekday": 0, "rel_day": 10, "ym": 30, "m": 40, "rel_month": 40, "week": 40,
                  "recent_weeks": 60, "recent_days": 60, "rel_year": 150, "y": 250}
_COMMA = re.compile(r"[,،]")
_RELATIVE = re.compile(r"(?<![^\W\d_])(?:which|that|who|qui|que|qu'|qu’|lequel|laquelle|lesquels|lesquelles|dont"
                       r"|و?(?:الذي|التي|الذين|اللذين|اللتين|اللذان|اللتان))(?![^\W\d_])", re.IGNORECASE)
_EDITION_GAP = re.compile(r"\s+(?:[^\W\d_]+\s+)?")  # "2021 Phoenix Express", "2021 Exercise Phoenix Express"
# what stands between a plan word and its year: "for (the year)", "de l'année", "لسنة", or nothing
_PLAN_TO_YEAR = re.compile(
    r"(?:[^,.;:،؛\n]*?(?<![^\W\d_])(?:for|of|pour|de|du|لسنة|للسنة|لعام|للعام)(?:\s+(?:the\s+)?(?:year|l['’]année))?"
    r"|\s*(?:(?:de\s+)?l['’]année|the\s+year|year|سنة|عام|السنة|العام)?)\s*", re.IGNORECASE)
# "2026 cooperation plan"
_YEAR_TO_PLAN = re.compile(r"\s+(?:(?!(?:the|a|an|le|la|les|un|une)\s)[^\W\d_]+\s+){0,2}", re.IGNORECASE)
_THAT_AFTER = re.compile(r"\s*[,،]?\s*(?:إن|أن|ان|that|que|qu['’])(?![^\W\d_])")


def is_dateline(text: str, d: dates_mod.DateMention) -> bool:
    """"WASHINGTON (Agency - 28th June, 2019)": the publication line, not an event date."""
    line_start = text.rfind("\n", 0, d.start) + 1
    opened = text.rfind("(", line_start, d.start)
    return 0 <= opened - line_start <= DATELINE_REACH and ")" not in text[opened:d.start] \
        and ")" in text[d.end:d.end + DATELINE_CLOSE]


def event_dates(ctx: ArticleContext, s: int, e: int) -> list[dates_mod.DateMention]:
    """Date expressions of a sentence that can date an event: not "until 29 October" (an end) nor
    "since 15 September" (the start of a state), nor the year of an exercise's name when the
    sentence gives a day ("Flintlock 2020 began on 17 February")."""
    until = ctx.marks.get("until", ())
    since = ctx.marks.get("since", ())
    out = [d for d in inside(ctx.dates, ctx.date_starts, s, e)
           if not any(b <= d.start and d.start - b <= BOUND_GAP for _, b in until)
           and not any(b <= d.start and d.start - b <= BOUND_GAP for _, b in since)]
    if ctx.editions and any(d.start in ctx.editions for d in out) and any(d.kind in DATED_KINDS for d in out):
        out = [d for d in out if d.start not in ctx.editions]
    if ctx.plan_years:
        out = [d for d in out if d.start not in ctx.plan_years]
    return out


def plan_years(text: str, dates: Sequence[dates_mod.DateMention], plans: Sequence[tuple[int, int]]) -> frozenset[int]:
    """Offsets of the years that a plan, programme, budget or review is for: "the programme of
    activities for 2026", "le bilan de l'année 2025", "خطة التعاون العسكري لسنة 2026", "the 2026
    cooperation plan". Such a year is what the event speaks of, never its date."""
    if not plans:
        return frozenset()
    out = set()
    for d in dates:
        if d.kind != "y":
            continue
        for a, b in plans:
            if (b <= d.start <= b + PLAN_REACH and _PLAN_TO_YEAR.fullmatch(text, b, d.start)) \
                    or (d.end <= a <= d.end + PLAN_AFTER_YEAR and _YEAR_TO_PLAN.fullmatch(text, d.end, a)):
                out.add(d.start)
                break
    return frozenset(out)


def edition_years(text: str, dates: Sequence[dates_mod.DateMention],
                  operations: Sequence[OperationMention]) -> frozenset[int]:
    """Offsets of the years that number an exercise's or operation's edition: inside its name
    ("Flintlock 2020", "الأسد الإفريقي 2022") or just before it ("the 2021 Exercise Phoenix Express")."""
    if not operations:
        return frozenset()
    return frozenset(d.start for d in dates if d.kind == "y" and any(
        o.start <= d.start < o.end
        or (0 <= o.start - d.end <= EDITION_GAP and _EDITION_GAP.fullmatch(text, d.end, o.start))
        for o in operations))


def reported(d: dates_mod.DateMention, reports: Sequence[Trig], ctx: ArticleContext) -> bool:
    """A date next to a reporting verb ("said on Friday", "a annoncé samedi"), or between it and the
    "that" of the words ("قالت الوزيرة ... يوم الجمعة إن"), dates the report; a date inside the quoted
    words does not."""
    if not reports:
        return False
    if any(a <= d.start and d.end <= b for a, b in ctx.all_quotes) \
            and not any(a <= r.start < b for r in reports for a, b in ctx.all_quotes):
        return False
    if any(-REPORT_REACH <= d.start - r.end <= REPORT_REACH or -REPORT_REACH <= r.start - d.end <= REPORT_AFTER_DATE
           for r in reports):
        # "took place on Thursday night, it said": a trailing attribution does not claim the date
        return any(_claims(d, r, ctx.text) for r in reports if r.start >= d.end or r.end <= d.start)
    return any(r.end <= d.start for r in reports) and _THAT_AFTER.match(ctx.text, d.end) is not None


def _claims(d: dates_mod.DateMention, r: Trig, text: str) -> bool:
    """The reporting verb `r` claims the date: it comes just before, or just after with no comma between."""
    return 0 <= d.start - r.end <= REPORT_REACH \
        or (-REPORT_REACH <= r.start - d.end <= REPORT_AFTER_DATE and not _COMMA.search(text, d.end, r.start))


def pick_date(cands: list[dates_mod.DateMention], head: Trig, ci: int, typ: str, clause_of: Callable[[int], int],
              groups: dict[tuple[int, str], list[Trig]], reports: Sequence[Trig],
              ctx: ArticleContext) -> dates_mod.DateMention | None:
    """The date expression of the event: near the trigger, in its clause (or a relative clause on
    it), as precise as possible, rather not the date of the report."""
    best, best_score = None, None
    rel = relative_clause(ctx, head, clause_of) if len(cands) > 1 else None
    for d in cands:
        dc = clause_of(d.start)
        own = dc == ci or (rel is not None and dc == rel[1] and d.start > rel[0])
        if not own and (dc, typ) in groups:
            continue  # that clause has its own event of this type
        score = abs(d.start - head.start) + (0 if own else OTHER_CLAUSE_COST) + PRECISION_COST.get(d.kind, 0) \
            + (REPORT_DATE_COST if reported(d, reports, ctx) else 0)
        if best_score is None or score < best_score:
            best, best_score = d, score
    return best


def relative_clause(ctx: ArticleContext, head: Trig, clause_of: Callable[[int], int]) -> tuple[int, int] | None:
    """(offset, clause index) of a relative pronoun that opens a clause on the trigger's words:
    "the exercise African Lion, which began on Monday", "l'accord, qui a été signé lundi",
    "المناورات التي انطلقت الأحد". None when there is none within reach."""
    m = _RELATIVE.search(ctx.text, head.end, head.end + RELATIVE_REACH)
    if m is None or ctx.text.find("\n", head.end, m.start()) >= 0:
        return None
    return m.start(), clause_of(m.start())


def date_event(ctx: ArticleContext, s: int, e: int, dm: dates_mod.DateMention | None, ts: list[Trig],
               future: bool, reports: Sequence[Trig]) -> tuple[str | None, str | None, str]:
    """(date, precision, source) of the event of triggers `ts` in the sentence text[s:e], from its
    date expression `dm`, else a neighbour sentence's day, else the publication date."""
    published = ctx.published
    if dm is not None:
        ahead = future
        if not ahead:
            dm, ahead = read_weekday(ctx, s, dm, present=any(t.imperfect for t in ts))
        d, prec = dates_mod.resolve(dm, published, ahead, ctx.ref_year)
        return d, prec, ("report" if reported(dm, reports, ctx) else "text") if d else "none"
    nd = None if future or ts[0].type == "statement" else neighbour_date(ctx, s, e, ts[0].type)
    if nd is not None:
        return nd[0], nd[1], "text"
    if published:
        return published.isoformat(), "day", "publication"
    return None, None, "none"


def after_publication(published: date | None, d: str | None, source: str) -> bool:
    """A date from the text later than the publication: the event is planned."""
    return bool(published and d and source == "text" and d > published.isoformat()[:len(d)])


def neighbour_date(ctx: ArticleContext, s: int, e: int, typ: str) -> tuple[str, str] | None:
    """The day named by the next (else the previous) sentence of the same passage, for an event
    sentence that has no date: "X handed over three patrol boats. The handover took place on
    Wednesday 28 August." Only a day in the month before publication, not a report's date, and not
    from a sentence with its own event of the same type."""
    published = ctx.published
    if published is None:
        return None
    sents = ctx.sentences
    k = bisect_left(sents, (s, e))
    for j in (k + 1, k - 1):
        if not 0 <= j < len(sents):
            continue
        a, b = sents[j]
        lo, hi = (e, a) if j > k else (b, s)
        if ctx.text.count("\n", lo, hi) > 1:
            continue  # another passage
        if any(t.type == typ and t.strength == "strong" and a <= t.start < b for t in ctx.trigs):
            continue  # that sentence tells its own event of this type: the date is that event's
        day = _recent_day_told(ctx, a, b, published)
        if day is not None:
            return day
    return None


def _recent_day_told(ctx: ArticleContext, a: int, b: int, published: date) -> tuple[str, str] | None:
    """The first day named in text[a:b] that is no report's and lies in the month before publication."""
    reports = [t for t in ctx.trigs if t.type == "statement" and a <= t.start < b]
    for dm in event_dates(ctx, a, b):
        if dm.kind not in DATED_KINDS or reported(dm, reports, ctx):
            continue  # "Macron said on Thursday that...": the day of the words
        d, prec = dates_mod.resolve(dm, published, False, ctx.ref_year)
        if d and prec == "day" and 0 <= (published - date.fromisoformat(d)).days <= NEIGHBOUR_DAY_MAX_AGE:
            return d, prec
    return None


def second_day(ctx: ArticleContext, dm: dates_mod.DateMention | None, d: str | None, prec: str | None,
               cs: int, ce: int) -> str | None:
    """The other day of "two raids, on 3 and 10 March": two separate days name two occurrences (the
    date parser keeps a second day only for such a pair: not of a range "from 3 to 10 March" or
    "between 3 and 10 March", nor of consecutive days "on 9 and 10 March", one event over two days)."""
    if dm is None or dm.also_day is None or prec != "day" or not d or len(d) != 10:
        return None
    try:
        return date(int(d[:4]), int(d[5:7]), dm.also_day).isoformat()
    except ValueError:
        return None


def compatible_date(a: str | None, b: str | None) -> bool:
    """Equal at the coarser of the two precisions ("2022" fits "2022-11"; a missing date fits all)."""
    if a is None or b is None:
        return True
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def near_publication(ev: Event, published: date | None) -> bool:
    """The event's date lies within a week of publication (or, less precise, holds the publication day)."""
    if published is None or ev.date is None:
        return False
    if len(ev.date) == 10:
        return abs((date.fromisoformat(ev.date) - published).days) <= NEAR_PUBLICATION_DAYS
    return published.isoformat().startswith(ev.date)


def days_before_report(reported_ev: Event, ev: Event) -> bool:
    """"X was announced on Friday. The operation took place on Thursday night.": the same operation."""
    if reported_ev.date_source != "report" or not reported_ev.date or not ev.date \
            or len(reported_ev.date) != 10 or len(ev.date) != 10:
        return False
    return 0 <= (date.fromisoformat(reported_ev.date) - date.fromisoformat(ev.date)).days <= REPORT_LAG_DAYS
