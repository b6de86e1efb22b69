"""The events one sentence tells: its triggers grouped per clause and type, each group one event.

A group's first trigger is its head: the event takes the date, place and status nearest to it; an
agreement told in the past ("signed", "ont signé", "وقعا") takes no date after publication (that
date is what was agreed: "agreed on the withdrawal from 23 January").
Two clauses of one sentence that tell one event (same type and status, dates and places that
agree) are one event.
"""
from __future__ import annotations

from collections.abc import Callable

from dashboard.records import Event

from .. import dates as dates_mod
from .context import ArticleContext
from .dating import after_publication, date_event, event_dates, pick_date, second_day
from .eventness import confidence, doubt, is_background, is_intention
from .merging import combine, same_in_sentence
from .placing import pick_place
from .sentences import clauses
from .spans import any_in, inside
from .status import is_negated, speaks_of_future, status_of
from .triggers import Trig, demonstrative

_SCENARIO_TYPES = ("counter_terrorism", "arms_transfer")  # inside an exercise: raids and supplies of its scenario
# A type whose words, in a clause telling another type, are that event's wording: a contract signed
# or approved for weapons is the arms transfer, not an agreement; a base handed over, a delivery
# stopped by a withdrawal are the withdrawal or handover, not a transfer.
_TOLD_BY = {"agreement": ("arms_transfer",), "military_aid": ("other",), "arms_transfer": ("other",)}


class _Sentence:
    """One sentence text[s:e] and what its events are picked from."""

    __slots__ = ("cancel", "clauses", "ctx", "dates", "e", "groups", "names", "places", "reports", "s", "trigs")

    def __init__(self, ctx: ArticleContext, s: int, e: int, trigs: list[Trig], cancel: bool) -> None:
        self.ctx, self.s, self.e, self.trigs, self.cancel = ctx, s, e, trigs, cancel
        self.clauses = clauses(ctx.text, s, e, ctx.contrast)
        scenario = any_in(ctx.marks.get("scenario", ()), s, e)
        self.groups = _groups(trigs, self.clause_of, scenario)  # (clause, type) -> triggers
        self.dates = event_dates(ctx, s, e)
        self.places = inside(ctx.places, ctx.place_starts, s, e)
        self.names = tuple(dict.fromkeys(a.name for a in inside(ctx.actors, ctx.actor_starts, s, e)))  # each once
        self.reports = [t for t in trigs if t.type == "statement"]  # reporting verbs: their dates are no event's

    def clause_of(self, pos: int) -> int:
        for n, (a, b) in enumerate(self.clauses):
            if a <= pos < b:
                return n
        return len(self.clauses) - 1


def sentence_events(ctx: ArticleContext, s: int, e: int, trigs: list[Trig],
                    cancel: bool) -> tuple[list[Event], set[int]]:
    """Events of one sentence, and the indexes of those that only refer back to an earlier event."""
    sent = _Sentence(ctx, s, e, trigs, cancel)
    out: list[Event] = []
    anaphors: set[int] = set()
    for (ci, typ), ts in sorted(sent.groups.items(), key=lambda kv: kv[1][0].start):
        made = _group_event(sent, ci, typ, ts)
        if made is not None:
            _add(sent, out, anaphors, made[0], made[1], ci, ts)
    return out, anaphors


def _groups(trigs: list[Trig], clause_of: Callable[[int], int], scenario: bool) -> dict[tuple[int, str], list[Trig]]:
    """The triggers that make events, by clause and type. A statement beside another event is that
    event's attribution; a weak word beside another type's strong trigger is that event's detail;
    a signing beside a sale is the sale's ("signed a contract for twelve helicopters"); a raid or
    a supply in an exercise's clause, or in a sentence that tells a scenario ("mock", "simulé",
    "افتراضي") beside an exercise, is the exercise's."""
    non_statement = any(t.type != "statement" for t in trigs)
    in_clause = {(clause_of(t.start), t.type) for t in trigs}
    drill = scenario and any(t.type == "exercise" for t in trigs)
    groups: dict[tuple[int, str], list[Trig]] = {}
    for t in trigs:
        if t.type == "statement" and non_statement:
            continue
        ci = clause_of(t.start)
        if t.type in _SCENARIO_TYPES and (drill or (ci, "exercise") in in_clause):
            continue
        if any((ci, wider) in in_clause for wider in _TOLD_BY.get(t.type, ())):
            continue
        if t.strength == "weak" and not t.anaphoric and any(
                u.strength == "strong" and u.type not in (t.type, "statement")
                and t.type not in _TOLD_BY.get(u.type, ())
                and clause_of(u.start) == ci for u in trigs):
            continue
        groups.setdefault((ci, t.type), []).append(t)
    return groups


def _group_event(sent: _Sentence, ci: int, typ: str,
                 ts: list[Trig]) -> tuple[Event, dates_mod.DateMention | None] | None:
    """The event of one group of triggers (and the date expression it took), or None when the
    group tells none: an intention, a negated past event, undated background."""
    ctx, s, e = sent.ctx, sent.s, sent.e
    cs, ce = sent.clauses[ci]
    head = ts[0]
    negated = is_negated(ctx, s, head)
    future = speaks_of_future(ctx, ts, cs, ce)
    if is_intention(ctx, cs, head):
        return None
    reports = sent.reports if typ != "statement" else []
    dm = pick_date(sent.dates, head, ci, typ, sent.clause_of, sent.groups, reports, ctx)
    if dm is not None and demonstrative(ctx, s, head) and _nearer_another_event(sent, dm.start, typ, head):
        dm = None  # "this delivery is part of the accord signed in May": May is the signing's
    d, prec, source = date_event(ctx, s, e, dm, ts, future, reports)
    if typ == "agreement" and dm is not None and not future and head.past \
            and after_publication(ctx.published, d, source):
        dm, (d, prec, source) = _agreement_date(sent, ci, ts, dm, reports)
    future = future or after_publication(ctx.published, d, source)
    if negated and not future:
        return None  # "did not sign": no event
    if is_background(ctx, s, e, source, future):
        return None
    place = pick_place(sent.places, head, ci, sent.clause_of, ctx.text, ctx.locative)
    text = ctx.text
    return Event(
        type=typ, status=status_of(sent.cancel, negated, future), evidence=text[s:e], start=s, end=e,  # type: ignore[arg-type]
        date=d, date_precision=prec, date_source=source, place=place,  # type: ignore[arg-type]
        country=place.place.country if place else None, actors=sent.names,
        trigger=" ".join(dict.fromkeys(text[t.start:t.end] for t in ts)),
        confidence=confidence(head, source, place, sent.names, doubt(ctx, s, e, cs, ts, source, future))), dm


def _agreement_date(sent: _Sentence, ci: int, ts: list[Trig], dm: dates_mod.DateMention,
                    reports: list) -> tuple[dates_mod.DateMention | None, tuple]:
    """An agreement told in the past whose date fell after publication: "they agreed on the departure
    of the troops from 23 January 2021" (that day is what was agreed). Another date of the sentence,
    else none: (the date expression taken, date_event's answer)."""
    ctx, s, e, head = sent.ctx, sent.s, sent.e, ts[0]
    rest = [c for c in sent.dates if c.start != dm.start]
    other = pick_date(rest, head, ci, "agreement", sent.clause_of, sent.groups, reports, ctx) if rest else None
    dated = date_event(ctx, s, e, other, ts, False, reports)
    if after_publication(ctx.published, dated[0], dated[2]):
        dated = date_event(ctx, s, e, None, ts, False, reports)
    return other, dated


def _nearer_another_event(sent: _Sentence, pos: int, typ: str, head: Trig) -> bool:
    """Whether offset `pos` (a date) lies nearer the head of another type's event of the sentence
    than the trigger `head`: a reference back takes no date that another event of its sentence owns."""
    mine = abs(pos - head.start)
    return any(t != typ and t != "statement" and abs(pos - ts[0].start) < mine for (_, t), ts in sent.groups.items())


def _add(sent: _Sentence, out: list[Event], anaphors: set[int], ev: Event, dm: dates_mod.DateMention | None,
         ci: int, ts: list[Trig]) -> None:
    """Add a group's event to the sentence's: into an earlier clause's event of its type when they
    tell one event (not after "like the one..."), else as a new one; with its second day, if any."""
    cs, _ = sent.clauses[ci]
    prev = next((k for k, o in enumerate(out) if o.type == ev.type), None) if out else None
    if prev is not None and not any_in(sent.ctx.marks.get("compare", ()), cs, ts[0].start) \
            and out[prev].status == ev.status and same_in_sentence(out[prev], ev):
        out[prev] = combine(out[prev], ev)
        if dm is not None and dm.also_day is not None and out[prev].date == ev.date:
            _add_second_day(sent, out, out[prev], ev, dm)
        return
    if all(t.anaphoric for t in ts):
        anaphors.add(len(out))
    out.append(ev)
    if dm is not None and dm.also_day is not None:  # (a second day is rare: no call without one)
        _add_second_day(sent, out, ev, ev, dm)


def _add_second_day(sent: _Sentence, out: list[Event], base: Event, ev: Event, dm: dates_mod.DateMention) -> None:
    """"two raids, on 22 and 28 September": a copy of `base` on the second day of ev's date
    expression (the date parser keeps one only for two separate days joined by "and"), unless the
    sentence already has an event of that type on that day."""
    second = second_day(sent.ctx, dm, ev.date, ev.date_precision, sent.s, sent.e)
    if second is not None and not any(o.type == ev.type and o.date == second for o in out):
        out.append(base._replace(date=second))
