"""The status of an event: happened, planned or cancelled, negation respected.

Cancelled: a cancel word in the sentence, or a negated future ("will not take place"). Planned: a
future marker in the clause ("will", "المرتقب"), the Arabic future prefix س on the trigger, or a
date after publication. Otherwise happened. A negated past event ("did not sign") is no event,
and a sentence that only says "it was cancelled" cancels the previous sentence's events.
"""
from __future__ import annotations

from dashboard.records import Event

from .. import dates as dates_mod
from .context import ArticleContext
from .spans import any_in, inside
from .triggers import Trig

NEGATION_REACH = 25  # characters before a trigger searched for "not", "لم", "pas" (a clause's length, no more)


def is_negated(ctx: ArticleContext, s: int, head: Trig) -> bool:
    """A negation just before the trigger ("did not sign", "لم يوقع"); statements are never negated."""
    return head.type != "statement" and any_in(ctx.marks.get("negation", ()), max(s, head.start - NEGATION_REACH),
                                               head.start)


def speaks_of_future(ctx: ArticleContext, ts: list[Trig], cs: int, ce: int) -> bool:
    """A future verb (سيزور) among the triggers, or a future marker in their clause text[cs:ce]."""
    return any(t.future_verb for t in ts) or any_in(ctx.marks.get("future", ()), cs, ce)


def is_cancelled(ctx: ArticleContext, s: int, e: int) -> bool:
    """A cancel word in the sentence ("annulé", "ألغيت", "called off")."""
    return any_in(ctx.marks.get("cancel", ()), s, e)


def status_of(cancelled: bool, negated: bool, future: bool) -> str:
    return "cancelled" if (cancelled or negated) else ("planned" if future else "happened")


def cancel_previous(events: list[Event], idx: list[int], ctx: ArticleContext, s: int, e: int) -> None:
    """A sentence that only says "it was cancelled (this year)" applies to the previous sentence's events."""
    ds = inside(ctx.dates, ctx.date_starts, s, e)
    for k in idx:
        ev = events[k]
        if ev.type == "statement":
            continue
        upd: dict = {"status": "cancelled", "evidence": ctx.text[ev.start:e], "end": e}
        if ds:
            d, prec = dates_mod.resolve(ds[0], ctx.published, False, ctx.ref_year)
            if d:
                upd.update(date=d, date_precision=prec, date_source="text")
        events[k] = ev._replace(**upd)
