"""Which week a bare weekday of an event sentence names, beyond what the date parser reads.

The parser reads a weekday as the latest such day on or before publication, unless a word says
otherwise ("next", "الماضي", "tomorrow Tuesday"). Two things of the article change that reading:

- a verb in the future before the weekday: "Talks to resume Tuesday", "reprendra mardi",
  "يستأنف الثلاثاء" (in a headline or lead, an English "to" + verb and an Arabic present tense
  that opens the sentence or stands right before the weekday speak of what comes), "se rendra
  jeudi", "سيزور الخميس" (the future tense, anywhere): the next such day, or the publication day.
  A headline's tense is no future tense, though: when another sentence names the same weekday as a
  past day ("وزير الدفاع يزور الجزائر الخميس" over "زار الوزير الجزائر الخميس"), the headline follows it;
- a report timed early in the morning of day D (the article says the time next to its date) that
  names D's weekday without "today": written the evening before, so it is last week's D, since
  that day has barely begun.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from .. import dates as dates_mod
from ..arabic import fold
from .context import ArticleContext

LEAD_SENTENCES = 3  # the headline (often twice: page title and article title) and the lead sentence
FUTURE_VERB_REACH = 50  # characters before a weekday searched for the verb in the future that governs it
# an Arabic present tense among a headline's first words is its main verb ("اللجنة العسكرية المشتركة تستأنف")
AR_OPENING_WORDS = 4
EARLY_MORNING_END = 8  # hour: a report timed earlier was written the evening before; later, on the day itself

# English headline future: "to" + a verb ("Army chiefs to meet Tuesday"), not "to the", "to Rabat".
_EN_TO_VERB = re.compile(r"\b(?:to|will)\s+"
                         r"(?!(?:the|a|an|his|her|its|their|this|that|these|those|be|and|or)\b)[a-z]{2,}\b")
# French future tense: "reprendra", "se rendront", "ira" (lower case: "Sahara" is no verb).
_FR_FUTURE = re.compile(r"(?<![^\W\d_])[a-zàâäçéèêëîïôöûùüÿœ]*(?:ra|ront)(?![^\W\d_])")
_FR_NOT_VERBS = frozenset({"extra", "ultra", "contra", "camera", "opera", "cobra", "mantra", "tiara", "para"})
_AR_WORD = re.compile(r"[\u0621-\u064a\u0671-\u06d3]+")
_AR_FUTURE_PREFIX = re.compile(r"^[وف]?س[يتن]..")  # سيزور، وستستأنف
# the main clause ends
_AR_OPENING_END = re.compile(r"[,،:؛]|(?<![^\W\d_])و?(?:الذي|التي|الذين|اللذين|اللتين)(?![^\W\d_])")
_AR_PRESENT = re.compile(r"^[وف]?[يت]...")  # يستأنف، تجتمع (four letters at least)


def read_weekday(ctx: ArticleContext, s: int, dm: dates_mod.DateMention,
                 present: bool = False) -> tuple[dates_mod.DateMention, bool]:
    """`dm` as the article reads it, and whether it lies ahead: after a verb in the future (the next
    such day, or the publication day itself), or marked past (last week's) in an early-morning report
    naming the publication's weekday. `present`: the event's own word is an Arabic present tense
    ("تجتمع اللجنة الخميس"), read as the headline's tense is. Other expressions as they are."""
    if dm.kind != "weekday" or dm.direction or dm.today:
        return dm, False
    if told_ahead(ctx, s, dm) or (present and not _told_past_elsewhere(ctx, s, dm)):
        return dm, True
    if ctx.early_report and ctx.published is not None and dm.weekday == ctx.published.weekday():
        return dm._replace(direction=-1), False
    return dm, False


def told_ahead(ctx: ArticleContext, s: int, dm: dates_mod.DateMention, headline: bool = True) -> bool:
    """A verb in the future before the weekday in its sentence text[s:...]: the future tense
    anywhere; in the headline or lead, also an English "to" + verb or an Arabic present tense."""
    before = ctx.text[max(s, dm.start - FUTURE_VERB_REACH):dm.start]
    if ctx.lang == "fr" and any(m.group() not in _FR_NOT_VERBS and len(m.group()) >= 3
                                for m in _FR_FUTURE.finditer(before)):
        return True
    if ctx.lang == "ar" and any(_AR_FUTURE_PREFIX.match(fold(w)) for w in _AR_WORD.findall(before)):
        return True
    if not headline or s >= ctx.lead_end:
        return False
    if ctx.lang == "en":
        headline_future = _EN_TO_VERB.search(before) is not None
    else:
        headline_future = ctx.lang == "ar" and _arabic_present_opens(ctx, s, dm, before)
    return headline_future and not _told_past_elsewhere(ctx, s, dm)


def _told_past_elsewhere(ctx: ArticleContext, s: int, dm: dates_mod.DateMention) -> bool:
    """Another sentence than text[s:...] names the same weekday without a future verb: a past day."""
    for d in ctx.dates:
        if d is not dm and d.kind == "weekday" and d.weekday == dm.weekday and d.direction <= 0 and not d.today:
            k = bisect_right(ctx.sentences, (d.start, len(ctx.text))) - 1
            if k >= 0 and ctx.sentences[k][0] != s and not told_ahead(ctx, ctx.sentences[k][0], d, headline=False):
                return True
    return False


def _arabic_present_opens(ctx: ArticleContext, s: int, dm: dates_mod.DateMention, before: str) -> bool:
    """A present tense among the sentence's first words or right before the weekday ("تجتمع اللجنة
    الخميس", "اللجنة تستأنف اجتماعاتها الخميس"), not in a relative clause ("التمرين الذي تقوده
    الولايات المتحدة، الأحد")."""
    opening = _AR_WORD.findall(_AR_OPENING_END.split(ctx.text[s:dm.start], 1)[0])[:AR_OPENING_WORDS]
    last = [w for w in _AR_WORD.findall(before)[-2:] if fold(w) != "يوم"][-1:]
    return any(_arabic_present(w) and not _named(ctx, w) for w in opening + last)


def _arabic_present(word: str) -> bool:
    """An Arabic present tense (يستأنف، تجتمع). Nouns that look like one are left out: يوم، يونيو
    and the verbal nouns تفعيل (تدريب، توقيع) and تفاعل (تعاون)."""
    w = fold(word)
    if not _AR_PRESENT.match(w):
        return False
    stem = w[1:] if w[0] in "وف" else w
    if stem.startswith("يوم") or stem in dates_mod.MONTHS:
        return False
    return not (stem[0] == "ت" and ((len(stem) == 5 and stem[3] == "ي") or stem[2] == "ا"))


def _named(ctx: ArticleContext, word: str) -> bool:
    """The word is (part of) a name the article's places or actors hold (تونس، تبون)."""
    return any(word in p.surface for p in ctx.places) or any(word in a.surface for a in ctx.actors)
