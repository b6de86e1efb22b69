"""Is a mention a specific news event? And how sure is the stage of it (the confidence).

Mentions that are no specific event lose `DOUBT` and are dropped below `MIN_CONFIDENCE` (unless a
later sentence tells them cancelled): a generic plural or a kind ("many exercises", "عدة مناورات",
"improve our exercises"), a habit ("every year", "usually"), an intention or aspiration ("ready to
provide", "we look to"), a definition ("X is an annual exercise"), what a relation covers ("our
cooperation covers training and exercises"), a look back ("over the years", "a year that saw"),
background ("since the signing"), a photo caption, weak words inside undated quoted speech, a weak
undated plan, a counter-terrorism tally over a period. Some are no event at all and are never
made: an aim ("aims to discuss"), an undated earlier episode told as background ("had said, while
in Tunis").
"""
from __future__ import annotations

import re
from bisect import bisect_left

from dashboard.records import Event, PlaceMention

from .context import ArticleContext
from .spans import any_in, near_before
from .triggers import Trig

BASE_CONFIDENCE = 0.45  # a trigger alone: below MIN_CONFIDENCE once doubted, above it otherwise
STRONG_TRIGGER_BONUS = 0.15  # an unambiguous word ("visited") over one that needs context ("meeting")
DATED_BONUS = 0.15  # a date from the text over the publication date taken by default
PLACED_BONUS = 0.1  # a place named in the sentence
ACTORS_BONUS = 0.1  # two actors or more named in the sentence (who met whom)
MAX_CONFIDENCE = 0.95  # never certain: the reader checks the evidence sentence
MERGE_BONUS = 0.05  # each further mention of one event adds this much (up to MAX_CONFIDENCE)
DOUBT = 0.5  # what a generic, habitual, hypothetical... mention loses: enough to fall below MIN_CONFIDENCE
CAPTION_DOUBT = 1.0  # a photo caption loses everything: it shows, it does not report
MIN_CONFIDENCE = 0.4  # events below are dropped: lower keeps more doubtful mentions, higher loses weakly worded news
GENERIC_WORDS = 2  # words at most between "many", "عدة", "since" and the trigger they qualify
# words at most between "is a", "est un", "عبارة عن" and the trigger it defines ("is a large joint naval exercise")
DEFINITION_WORDS = 3
INTENT_REACH = 40  # characters before a trigger searched for "ready to", "مستعدة ل"
PURPOSE_REACH = 20  # characters before a trigger searched for "aims to", "في إطار"
_CAPTION = re.compile(r"(?:\(?(?:in this|on this|sur cette|file|archive)?\s*(?:file\s+)?"
                      r"(?:photo|photograph|picture|image|illustration)\b|(?:ال)?صور[ةه](?![^\W\d_])|photo\s*:)",
                      re.IGNORECASE)
# (the lookahead on the first characters skips the other positions of the text at once)
_CAPTION_MARK = re.compile(r"(?=[©(pc])(?:©|\((?:photo|credit|crédit)s?\b|\b(?:photo|crédit)\s*:|\bphoto by\b)",
                           re.IGNORECASE)


def confidence(head: Trig, source: str, place: PlaceMention | None, names: tuple[str, ...], doubt: float) -> float:
    """How sure the stage is of an event, from what its sentence says of it, less its doubt."""
    conf = BASE_CONFIDENCE + (STRONG_TRIGGER_BONUS if head.strength == "strong" else 0.0) \
        + (DATED_BONUS if source == "text" else 0.0) + (PLACED_BONUS if place is not None else 0.0) \
        + (ACTORS_BONUS if len(names) >= 2 else 0.0) - doubt
    return round(min(conf, MAX_CONFIDENCE), 2)


def is_news_event(ev: Event) -> bool:
    """Kept in the output: confident enough, or told cancelled, or a statement or other (never doubted away)."""
    return ev.confidence >= MIN_CONFIDENCE or ev.status == "cancelled" or ev.type in ("statement", "other")


def is_intention(ctx: ArticleContext, cs: int, head: Trig) -> bool:
    """"aims to discuss", "في إطار التحضير لزيارة": an intention, not an event (statements excepted)."""
    return head.type != "statement" and any_in(ctx.marks.get("purpose", ()), max(cs, head.start - PURPOSE_REACH),
                                               head.start)


def is_background(ctx: ArticleContext, s: int, e: int, source: str, future: bool) -> bool:
    """"Esper had said, while in Tunis, ...": an earlier, undated episode already told elsewhere."""
    return source in ("publication", "none") and not future and any_in(ctx.marks.get("background", ()), s, e)


def doubt(ctx: ArticleContext, s: int, e: int, cs: int, ts: list[Trig], source: str, future: bool) -> float:
    """How much a mention looks like no specific event: a generic plural ("many exercises"), a habit
    ("every year"), an intention ("ready to provide assistance"), background ("since the signing"),
    a photo caption, words inside an undated quotation, a weak undated plan."""
    if _not_one_event(ctx, s, e, cs, ts):
        return DOUBT
    if is_caption(ctx, s, e):
        return CAPTION_DOUBT
    if all(t.strength == "weak" and any(a <= t.start and t.end <= b for a, b in ctx.quotes) for t in ts):
        return DOUBT
    if future and source != "text" and all(t.strength == "weak" for t in ts):
        return DOUBT
    if any_in(ctx.marks.get("retrospective", ()), cs, ts[0].start):
        return DOUBT  # "over the years, the navies held drills", "a year that saw three exercises": looking back
    return 0.0


def _not_one_event(ctx: ArticleContext, s: int, e: int, cs: int, ts: list[Trig]) -> bool:
    """Words around the triggers `ts` that make them a kind of event rather than one: generic,
    habitual, intended, since, a definition, what a relation covers, a tally over a period."""
    marks, text, head = ctx.marks, ctx.text, ts[0]
    if near_before(marks.get("generic", ()), head.start, GENERIC_WORDS, text) \
            or any_in(marks.get("habitual", ()), cs, e):
        return True
    if any_in(marks.get("intent", ()), max(cs, head.start - INTENT_REACH), head.start):
        return True
    if near_before(marks.get("since", ()), head.start, GENERIC_WORDS, text):
        return True
    if any(near_before(marks.get("definition", ()), t.start, DEFINITION_WORDS, text) for t in ts):
        return True  # "X is an annual exercise", "c'est un exercice", "عبارة عن مناورات"
    if _scope_of_a_relation(marks, s, head.start):
        return True
    # "neutralised 40 fighters over the past week": a tally of several operations, not one
    return head.type == "counter_terrorism" and any_in(marks.get("period", ()), s, e)


def _scope_of_a_relation(marks: dict[str, list[tuple[int, int]]], s: int, pos: int) -> bool:
    """"Their cooperation covers training, visits and exercises": what a relation consists of is a
    description, not an event (a relation word and a scope verb, in either order, before `pos`)."""
    return any_in(marks.get("scope", ()), s, pos) and any_in(marks.get("relation", ()), s, pos)


def is_caption(ctx: ArticleContext, s: int, e: int) -> bool:
    """A photo caption: starts like one, or its line carries a photo credit."""
    text = ctx.text
    if _CAPTION.match(text, s):
        return True
    if ctx.credits is None:  # (most texts have none of the words a credit needs: no scan then)
        low = text.lower()
        maybe = "©" in text or "photo" in low or "cred" in low or "créd" in low
        ctx.credits = [m.start() for m in _CAPTION_MARK.finditer(text)] if maybe else []
    if not ctx.credits:
        return False
    line_end = text.find("\n", e)
    line_end = len(text) if line_end < 0 else line_end
    k = bisect_left(ctx.credits, s)
    return k < len(ctx.credits) and ctx.credits[k] < line_end
