"""The events stage: an article's text and mentions in, its events out, in reading order.

Triggers are found once for the article (`triggers`), then the sentences are read in order: each
sentence's triggers become events (`mentions`), a mention that refers back adds to the earlier
event (`merging.link_to_earlier`), a sentence that only says "it was cancelled" cancels the
previous sentence's events (`status`). Mentions that are no news event are then dropped
(`eventness`), places refined to the city of a visit (`placing`) and events merged (`merging`):
the headline's into the lead's, the mentions of one named exercise, then per type, date and place.
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from datetime import date

from dashboard.records import ActorMention, Event, OperationMention, PlaceMention

from .. import dates as dates_mod
from ..lexmatch import Tokens, tokenize
from .context import ArticleContext, dates_in, marks_in
from .dating import edition_years, event_dates, is_dateline, plan_years
from .eventness import is_news_event
from .lexicon import EventLexicon
from .mentions import sentence_events
from .merging import inherit, join_headline, join_named_exercises, link_to_earlier, merge
from .placing import refine_places
from .sentences import body_start, has_contrast_words, passages_around, quotes, split_sentences
from .spans import any_in, in_text_order
from .status import cancel_previous, is_cancelled
from .triggers import Trig, WordMemo, context_near, find_triggers, mark, memo_for, one_transfer_type
from .weekdays import EARLY_MORNING_END, LEAD_SENTENCES

QUOTE_MIN_SPACES = 3  # quoted words with fewer spaces (a name, a title) are not quoted speech


def find_events(
    text: str,
    lang: str,
    published: date | None,
    places: list[PlaceMention],
    actors: list[ActorMention],
    lexicon: EventLexicon,
    operations: Sequence[OperationMention] = (),
) -> list[Event]:
    """Events of the article, in reading order, merged per type when they agree on date and place.
    `operations`: the named exercises and operations of the text (`pipeline.operations`); the name
    of an exercise tells an exercise, one named exercise told twice is one event, and the year of
    "Flintlock 2020" numbers an edition."""
    if lang not in lexicon.triggers:
        return []
    toks = tokenize(text)
    memo = memo_for(lexicon)
    exercises = [op for op in operations if op.kind == "exercise"]
    trigs = find_triggers(toks, lang, lexicon, memo) + [Trig("exercise", "strong", op.start, op.end)
                                                        for op in exercises]
    if not trigs:
        return []
    ctx = article_context(text, lang, published, places, actors, toks, trigs, lexicon, memo)
    ctx.trigs = trigs = one_transfer_type(trigs, toks, ctx.context_words, bool(ctx.marks.get("aid")))
    _add_timing(ctx, operations)
    events = _read_sentences(ctx, toks, lexicon, sorted(trigs, key=lambda t: t.start))
    # generic, habitual, hypothetical or caption mentions are no events (unless later told cancelled)
    events = refine_places([ev for ev in events if is_news_event(ev)])
    events = merge(join_named_exercises(join_headline(events, body_start(text)), exercises), published)
    return [ev._replace(date_source="text") if ev.date_source == "report" else ev for ev in events]


def article_context(text: str, lang: str, published: date | None, places: list[PlaceMention],
                    actors: list[ActorMention], toks: Tokens, trigs: list[Trig], lexicon: EventLexicon,
                    memo: WordMemo) -> ArticleContext:
    """What the article's sentences share: markers and dates of the passages around the triggers,
    quotes, mentions in text order."""
    blocks = passages_around(text, [t.start for t in trigs])
    marks = marks_in(lexicon.markers[lang], toks, blocks)
    date_mentions = [d for d in dates_in(toks, blocks) if not is_dateline(text, d)]
    years = [d.year for d in date_mentions if d.year]
    ctx = ArticleContext(text, lang, published, None if published else (max(years) if years else None),
                         in_text_order(places), in_text_order(actors), date_mentions, marks, memo,
                         context_words=lexicon.context[lang], sentences=split_sentences(text), trigs=trigs)
    ctx.place_starts = [p.start for p in ctx.places]
    ctx.actor_starts = [a.start for a in ctx.actors]
    ctx.date_starts = [d.start for d in ctx.dates]
    ctx.all_quotes = quotes(text)
    ctx.contrast = has_contrast_words(text)
    ctx.quotes = [(a, b) for a, b in ctx.all_quotes if text.count(" ", a, b) >= QUOTE_MIN_SPACES
                  and not any(a <= d.start and d.end <= b for d in date_mentions)]
    return ctx


def _add_timing(ctx: ArticleContext, operations: Sequence[OperationMention]) -> None:
    """What dates the article's events besides their sentences: editions in names, years of plans,
    the lead, the hour."""
    ctx.editions = edition_years(ctx.text, ctx.dates, operations)
    ctx.plan_years = plan_years(ctx.text, ctx.dates, ctx.marks.get("plan", ()))
    ctx.lead_end = ctx.sentences[min(LEAD_SENTENCES, len(ctx.sentences)) - 1][1] if ctx.sentences else 0
    hour = dates_mod.publication_hour(ctx.text, ctx.published)
    ctx.early_report = hour is not None and hour < EARLY_MORNING_END


def _read_sentences(ctx: ArticleContext, toks: Tokens, lexicon: EventLexicon, trigs: list[Trig]) -> list[Event]:
    """The events of the sentences, in reading order (`trigs` sorted by offset)."""
    events: list[Event] = []
    prev_sentence_events: list[int] = []
    trig_starts = [t.start for t in trigs]
    for s, e in ctx.sentences:
        sent_trigs = [t for t in trigs[bisect_left(trig_starts, s):bisect_left(trig_starts, e)] if t.end <= e]
        if not sent_trigs and not prev_sentence_events:
            continue
        prev_sentence_events = _read_sentence(ctx, toks, lexicon, s, e, sent_trigs, events, prev_sentence_events)
    return events


def _read_sentence(ctx: ArticleContext, toks: Tokens, lexicon: EventLexicon, s: int, e: int, sent_trigs: list[Trig],
                   events: list[Event], prev_sentence_events: list[int]) -> list[int]:
    """Add the events of the sentence text[s:e] to `events`; returns the indexes of those it added."""
    sent_trigs = _telling_triggers(ctx, toks, lexicon, s, e, sent_trigs, events)
    cancel = is_cancelled(ctx, s, e)
    if not sent_trigs or all(t.type == "statement" for t in sent_trigs):
        if cancel and prev_sentence_events:
            cancel_previous(events, prev_sentence_events, ctx, s, e)
            return []
        if not sent_trigs:  # nothing to tell here
            return []
    made, anaphors = sentence_events(ctx, s, e, sent_trigs, cancel)
    kept, referred = link_to_earlier(events, made, anaphors, ctx.published)
    if referred is not None:  # "during this visit, the two signed...": the signing has the visit's date
        kept = [inherit(ev, referred) for ev in kept]
    added = list(range(len(events), len(events) + len(kept))) if kept else []
    events.extend(kept)
    return added


def _telling_triggers(ctx: ArticleContext, toks: Tokens, lexicon: EventLexicon, s: int, e: int,
                      sent_trigs: list[Trig], events: list[Event]) -> list[Trig]:
    """The sentence's triggers, flagged (anaphoric, imperfect), that tell something: strong ones,
    weak ones with a context word near, and references to an event of their type already told."""
    a, b = toks.between(s, e)
    then = any_in(ctx.marks.get("then", ()), s, e) and not event_dates(ctx, s, e)  # "..., as reported back then"
    sent_trigs = [mark(t, ctx, s, lexicon, then) for t in sent_trigs]
    return [t for t in sent_trigs if t.strength == "strong" or context_near(t, toks, a, b, ctx.context_words)
            or (t.anaphoric and any(ev.type == t.type for ev in events))]
