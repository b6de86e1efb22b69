"""Find and date security-cooperation events, one per type and clause.

For each sentence (split further into clauses at commas and contrast words), trigger words from
`data/lexicons/event_triggers.json` give the event types (a weak trigger needs one of its type's
context words within eight words); the event then takes
- its date from the nearest date expression (same clause first; a clause that has its own event
  of the same type keeps its date to itself; not "until 29 October" nor "since 15 September", and
  rather not the day of the report: "said on Friday", "قالت ... يوم الجمعة إن", but a date inside the
  quoted words is the event's). A sentence without a date takes the day named by the next (else the
  previous) sentence of the passage, when that sentence tells no event of the same type and the day
  is not a report's and lies in the month before publication; else the publication date, marked so;
- its place from the place mentions of the sentence (the nearest, preferring a city after a
  locative preposition; a country is refined to the city where the article's visit happened);
- its actors from the actor mentions of the sentence;
- its status: cancelled (cancel word, or a negated future), planned (future marker, future verb
  prefix س, or a date after publication), else happened. A negated past event is not an event.
- a confidence; mentions that are no specific news event lose 0.5 and are dropped below
  `MIN_CONFIDENCE` (unless a later sentence tells them cancelled): a generic plural ("many
  exercises", "عدة مناورات"), a habit ("every year"), an intention ("ready to provide"), background
  ("since the signing"), a photo caption, weak words inside undated quoted speech, a weak undated
  plan, "logistical manoeuvres", a counter-terrorism tally over a period.
"On 26 and 31 March respectively" gives two events. A mention that refers back ("the talks", "this
visit", "at the time") adds to the earlier event instead of making a new one, but an older episode
or the date of a plan does not re-date an undated news event. Events of one type in one article that
agree on date and place are merged (a headline or a report-dated mention joins the dated event).
Output is in reading order, so the lead's events come first.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from bisect import bisect_left
from functools import lru_cache
from datetime import date
from typing import NamedTuple

from dashboard.records import ActorMention, Event, PlaceMention

from . import dates as dates_mod
from .arabic import fold
from .lexmatch import PhraseTable, Tokens, arabic_variants, fold_phrase, tokenize

SCORED_ORDER = ("visit", "talks", "agreement", "exercise", "arms_transfer", "military_aid", "counter_terrorism",
                "other", "statement")
_AR_VERBS_WITH_AL = frozenset(fold(w) for w in ("التقى", "التقت", "التقيا"))
_AR_SUFFIXES = ("هما", "هم", "ها", "هن", "كم", "نا", "ه", "ك")


@dataclass(frozen=True)
class EventLexicon:
    """Trigger words per event type and language, loaded once."""

    triggers: dict[str, PhraseTable] = field(default_factory=dict)  # lang -> phrases -> (type, strength)
    ar_words: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)  # single Arabic words
    context: dict[str, dict[str, frozenset[str]]] = field(default_factory=dict)  # lang -> type -> words
    markers: dict[str, PhraseTable] = field(default_factory=dict)  # lang -> phrases -> marker names
    imperfect_ar: frozenset[str] = frozenset()
    # Arabic word -> its triggers, for words not ending and ending in ة
    word_cache: tuple[dict, dict] = field(default_factory=lambda: ({}, {}), compare=False, repr=False)
    imperfect_cache: dict = field(default_factory=dict, compare=False, repr=False)  # trigger word -> present tense?


_UNUSED_MARKERS = frozenset({"locative", "imperfect"})  # the place picker has its own pattern; imperfect is a set


def event_lexicon_from_data(data: dict) -> EventLexicon:
    """The trigger tables, from data/lexicons/event_triggers.json parsed (`dashboard.resources` reads it)."""
    triggers: dict[str, PhraseTable] = {}
    ar_words: dict[str, list[tuple[str, str]]] = {}
    context: dict[str, dict[str, frozenset[str]]] = {}
    for lang in ("ar", "fr", "en"):
        table = PhraseTable()
        context[lang] = {}
        for typ, spec in data[lang].items():
            for strength in ("strong", "weak"):
                for w in spec.get(strength, []):
                    table.add(w, (typ, strength))
                    key = fold_phrase(w)
                    if lang == "ar" and len(key) == 1:
                        ar_words.setdefault(key[0], [])
                        if (typ, strength) not in ar_words[key[0]]:
                            ar_words[key[0]].append((typ, strength))
            context[lang][typ] = frozenset(k for w in spec.get("context", []) for k in fold_phrase(w))
        triggers[lang] = table
    markers: dict[str, PhraseTable] = {lang: PhraseTable() for lang in ("ar", "fr", "en")}
    for name, words in data["markers"].items():
        kind, lang = name.rsplit("_", 1)
        if kind in _UNUSED_MARKERS:
            continue
        for w in words:
            markers[lang].add(w, kind)
    imperfect = frozenset(fold(w) for w in data["markers"].get("imperfect_ar", []))
    return EventLexicon(triggers, {k: tuple(v) for k, v in ar_words.items()}, context, markers, imperfect)


# ---- sentences and clauses --------------------------------------------------------------------

_SENT_END = re.compile(r"(?=[.!?؟\n])(?:[.!?؟]+[\"'»”)]*(?=\s)|\n+|\.\.+|[.!?؟]+$)")  # (lookahead: fast skip)
_VISIBLE = re.compile(r"\S")  # (a search between offsets: no slice to copy and strip)
_ABBREV = re.compile(r"(?:\b[A-Za-z]|\b(?:Gen|Col|Maj|Lt|Mr|Mrs|Ms|Dr|St|Mme|No|Adm|Capt|Sgt|Jr|Sr|Inc|Co|Corp|vs|etc|M))$")
_CONTRAST_WORDS = ("بينما", "في حين", "على غرار", "alors que", "tandis que", "while", "whereas")
_CLAUSE_SPLIT = re.compile(r"[,،;:؛]|\s(?:" + "|".join(_CONTRAST_WORDS) + r")\s")
_CLAUSE_PUNCT = re.compile(r"[,،;:؛]")  # _CLAUSE_SPLIT for a sentence without contrast words, faster


@lru_cache(maxsize=4)
def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) in `text`; abbreviations and initials do not end a sentence
    (cached per text; treat the list as read-only)."""
    spans: list[tuple[int, int]] = []
    start = 0
    visible = _VISIBLE.search
    for m in _SENT_END.finditer(text):
        if text[m.start()] == "." and "\n" not in m.group() and _ABBREV.search(text, max(0, m.start() - 5), m.start()):
            continue
        end = m.end()
        if visible(text, start, end):
            spans.append(_trim(text, start, end))
        start = end
    if visible(text, start):
        spans.append(_trim(text, start, len(text)))
    return spans


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _clauses(text: str, s: int, e: int, contrast: bool = True) -> list[tuple[int, int]]:
    """Clause spans of the sentence text[s:e], split at commas and semicolons and before contrast
    words. `contrast=False` says the text holds no contrast word at all (checked once per article)."""
    out = []
    start = s
    if not contrast or not any(text.find(w, s, e) >= 0 for w in _CONTRAST_WORDS):
        for m in _CLAUSE_PUNCT.finditer(text, s, e):
            cut = m.start()
            if cut > start:
                out.append((start, cut))
            start = cut + 1
        out.append((start, e))
        return out
    for m in _CLAUSE_SPLIT.finditer(text, s, e):
        if m.start() > start:
            out.append((start, m.start()))
        start = m.end() if m.group().strip() in ",،;:؛" else m.start()
    out.append((start, e))
    return out


# ---- triggers -------------------------------------------------------------------------------

class Trig(NamedTuple):  # (a NamedTuple: built several times faster than a frozen dataclass)
    type: str
    strength: str
    start: int
    end: int
    future_verb: bool = False  # Arabic future prefix س on the trigger
    definite: bool = False  # Arabic noun with ال ("الزيارة": possibly the visit already told)
    anaphoric: bool = False  # refers back ("this visit", "the talks", "هذه الزيارة")
    imperfect: bool = False  # Arabic present-tense verb (يجتمع): a weekday with it is ahead


def _arabic_word_triggers(key: str, lex: EventLexicon, taa_marbuta: bool = False) -> tuple[list[tuple[str, str]], bool, bool]:
    """Trigger entries for one Arabic word, trying proclitics, ال, the future س and attached pronouns.
    Also says whether the word was a future verb and whether it was definite. `taa_marbuta`: the word
    ends in ة, so its final ه (after folding) is not the pronoun (وزارة is not و+زار+ه)."""
    for var, _ in arabic_variants(key):
        future = False
        cands = [var]
        if len(var) > 3 and var[0] == "س" and var[1] in "يتنا":
            cands.append(var[1:])
        if len(var) > 5 and var.startswith("ال"):
            cands.append(var[2:])  # nouns only: a 4-letter stem at least (السلم is not سلم)
        for c in cands:
            forms = [c]
            for suf in _AR_SUFFIXES:
                if suf == "ه" and taa_marbuta:
                    continue
                if c.endswith(suf) and len(c) - len(suf) >= 3:
                    stem = c[: -len(suf)]
                    forms.append(stem)
                    if stem.endswith("ت"):
                        forms.append(stem[:-1] + "ه")
            for f in forms:
                if f in lex.ar_words:
                    future = c is not var and var[0] == "س"
                    definite = c is not var and var.startswith("ال")
                    return list(lex.ar_words[f]), future, definite
    return [], False, False


def _find_triggers(toks: Tokens, lang: str, lex: EventLexicon) -> list[Trig]:
    table = lex.triggers.get(lang)
    if table is None:
        return []
    out: list[Trig] = []
    items = toks.items
    text = toks.text
    covered = -1
    for m in table.find(toks):
        if lang == "ar":
            covered = _arabic_words_between(toks, covered + 1, m.i, lex, out)
            covered = m.j - 1
        definite = lang == "ar" and text.startswith(("ال", "ٱل"), m.start) \
            and fold(text[m.start:m.end]) not in _AR_VERBS_WITH_AL
        for typ, strength in m.payloads:
            out.append(Trig(typ, strength, m.start, m.end, False, definite))
    if lang == "ar":
        _arabic_words_between(toks, covered + 1, len(items), lex, out)
    return out


def _arabic_words_between(toks: Tokens, a: int, b: int, lex: EventLexicon, out: list[Trig]) -> int:
    """Single-word Arabic triggers (with clitics and pronouns) among tokens a..b-1."""
    items = toks.items
    text = toks.text
    plain, with_taa = lex.word_cache  # by the written word's last letter: ة or another
    for i in range(a, b):
        it = items[i]
        if not it.arabic:
            continue
        taa = text[it.end - 1] == "ة"
        cache = with_taa if taa else plain
        got = cache.get(it.key)
        if got is None:
            if len(cache) > 100_000:
                cache.clear()
            got = cache[it.key] = _arabic_word_triggers(it.key, lex, taa)
        entries, future, definite = got
        for typ, strength in entries:
            out.append(Trig(typ, strength, it.start, it.end, future, definite))
    return b - 1


def _blocks(text: str, trigs: list[Trig]) -> list[tuple[int, int]]:
    """Runs of consecutive sentences around the trigger sentences (the one before, for a date; the
    one after, for a date or a cancellation), so the date patterns and markers only scan text that
    can use them."""
    spans = split_sentences(text)
    keep = [False] * len(spans)
    k = 0
    for t in sorted(trigs, key=lambda t: t.start):
        while k < len(spans) and spans[k][1] <= t.start:
            k += 1
        if k < len(spans):
            keep[max(0, k - 1):k + 2] = [True] * (min(k + 2, len(spans)) - max(0, k - 1))
    out: list[tuple[int, int]] = []
    for (s, e), wanted in zip(spans, keep):
        if wanted:
            if out and keep and out[-1][1] >= s - 3 and not text.count("\n\n", out[-1][1], s):
                out[-1] = (out[-1][0], e)
            else:
                out.append((s, e))
    return out


def _dates_in(toks: Tokens, blocks: list[tuple[int, int]]) -> list[dates_mod.DateMention]:
    """Date expressions inside the blocks, found in one scan of the article's folded text (folded
    once, by `tokenize`). Blocks begin and end at sentence bounds, so an expression inside one is
    the same whether the scan sees the neighbouring sentences or not."""
    found = dates_mod.find_dates_folded(toks.folded, toks.origin)
    out: list[dates_mod.DateMention] = []
    k = 0
    for d in found:
        while k < len(blocks) and blocks[k][1] < d.end:
            k += 1
        if k == len(blocks):
            break
        if blocks[k][0] <= d.start:
            out.append(d)
    return out


def _marks_in(table: PhraseTable, toks: Tokens, blocks: list[tuple[int, int]]) -> dict[str, list[tuple[int, int]]]:
    """Marker words (future, negation, cancellation...) of the blocks, by kind."""
    ranges = [toks.between(s, e) for s, e in blocks]
    marks: dict[str, list[tuple[int, int]]] = {}
    items, multi, singles = toks.items, table.multi_firsts, table.singles
    r = 0
    for i in toks.candidates(table.firsts):
        while r < len(ranges) and ranges[r][1] <= i:
            r += 1
        if r == len(ranges):
            break
        if i < ranges[r][0]:
            continue
        it = items[i]
        if not it.arabic and it.key not in multi:  # a one-word marker ("the", "not"): no phrase to try
            span = (it.start, it.end)
            for kind in singles.get(it.key, ()):
                marks.setdefault(kind, []).append(span)
            continue
        m = table.match_at(toks, i)
        if m is not None:
            for kind in m.payloads:
                marks.setdefault(kind, []).append((m.start, m.end))
    return marks


def _any_in(matches: list[tuple[int, int]], s: int, e: int) -> bool:
    """Whether a marker span lies inside [s, e). `matches` is in text order (as `_marks_in` lists
    them), so the search starts at the first span from s and stops at the first from e: an article
    of English has a hundred "the", and this runs for every trigger."""
    k = bisect_left(matches, (s,))
    n = len(matches)
    while k < n:
        a, b = matches[k]
        if a >= e:
            return False
        if b <= e:
            return True
        k += 1
    return False


def _inside(items: list, starts: list[int], s: int, e: int) -> list:
    """The items (mentions in text order, `starts` their offsets) lying inside [s, e)."""
    lo = bisect_left(starts, s)
    return [x for x in items[lo:bisect_left(starts, e, lo)] if x.end <= e]


def _in_text_order(items: list) -> list:
    return items if all(a.start <= b.start for a, b in zip(items, items[1:])) else sorted(items, key=lambda x: x.start)


_SIBLING = {"arms_transfer": "military_aid", "military_aid": "arms_transfer"}


@dataclass
class _Ctx:
    """Everything one article's sentences need (computed once per article)."""

    text: str
    lang: str
    published: date | None
    ref_year: int | None
    places: list[PlaceMention]
    actors: list[ActorMention]
    dates: list[dates_mod.DateMention]
    marks: dict[str, list[tuple[int, int]]]
    sentences: list[tuple[int, int]] = field(default_factory=list)
    quotes: list[tuple[int, int]] = field(default_factory=list)  # quoted speech without a date of its own
    all_quotes: list[tuple[int, int]] = field(default_factory=list)
    trigs: list[Trig] = field(default_factory=list)
    credits: list[int] | None = None  # where photo credits stand (found on first use)
    contrast: bool = True  # the text may hold a contrast word ("while", "بينما")
    locative: dict[int, bool] = field(default_factory=dict)  # place offset -> after "in", "à", "في"...
    place_starts: list[int] = field(default_factory=list)  # offsets of places, actors, dates (for bisecting)
    actor_starts: list[int] = field(default_factory=list)
    date_starts: list[int] = field(default_factory=list)


# ---- the stage ------------------------------------------------------------------------------

def find_events(
    text: str,
    lang: str,
    published: date | None,
    places: list[PlaceMention],
    actors: list[ActorMention],
    lexicon: EventLexicon,
) -> list[Event]:
    """Events of the article, in reading order, merged per type when they agree on date and place."""
    if lang not in lexicon.triggers:
        return []
    toks = tokenize(text)
    trigs = _find_triggers(toks, lang, lexicon)
    if not trigs:
        return []
    blocks = _blocks(text, trigs)
    marks = _marks_in(lexicon.markers[lang], toks, blocks)
    date_mentions = [d for d in _dates_in(toks, blocks) if not _is_dateline(text, d)]
    years = [d.year for d in date_mentions if d.year]
    ctx = _Ctx(text, lang, published, None if published else (max(years) if years else None),
               _in_text_order(places), _in_text_order(actors), date_mentions, marks,
               sentences=split_sentences(text), trigs=trigs)
    ctx.place_starts = [p.start for p in ctx.places]
    ctx.actor_starts = [a.start for a in ctx.actors]
    ctx.date_starts = [d.start for d in ctx.dates]
    ctx.all_quotes = _quotes(text)
    ctx.contrast = any(w in text for w in _CONTRAST_WORDS)
    ctx.quotes = [(a, b) for a, b in ctx.all_quotes if text.count(" ", a, b) >= 3
                  and not any(a <= d.start and d.end <= b for d in date_mentions)]
    ctx_words = lexicon.context[lang]
    events: list[Event] = []
    prev_sentence_events: list[int] = []
    trigs = sorted(trigs, key=lambda t: t.start)
    trig_starts = [t.start for t in trigs]
    for s, e in split_sentences(text):
        sent_trigs = [t for t in trigs[bisect_left(trig_starts, s):bisect_left(trig_starts, e)] if t.end <= e]
        if not sent_trigs and not prev_sentence_events:
            continue
        a, b = toks.between(s, e)
        then = _any_in(marks.get("then", []), s, e) and not _event_dates(ctx, s, e)  # "..., authorities said at the time"
        sent_trigs = [_mark(t, ctx, s, lexicon, then) for t in sent_trigs]
        sent_trigs = [t for t in sent_trigs if t.strength == "strong" or _context_near(t, toks, a, b, ctx_words)
                      or (t.anaphoric and any(ev.type == t.type for ev in events))]
        cancel = _any_in(marks.get("cancel", []), s, e)
        if not sent_trigs or all(t.type == "statement" for t in sent_trigs):
            if cancel and prev_sentence_events:
                _cancel_previous(events, prev_sentence_events, ctx, s, e)
                prev_sentence_events = []
                continue
            if not sent_trigs:  # nothing to tell here
                prev_sentence_events = []
                continue
        made, anaphors = _sentence_events(ctx, s, e, sent_trigs, cancel)
        kept: list[Event] = []
        referred: Event | None = None
        for n, ev in enumerate(made):
            earlier = _earlier_of_type(events, ev.type) if n in anaphors else None  # (only anaphors use it)
            if earlier is None and n in anaphors and ev.type in _SIBLING:
                earlier = next((k for k in range(len(events) - 1, -1, -1) if events[k].type == _SIBLING[ev.type]), None)
                if earlier is not None:
                    ev = ev._replace(date_source="none")  # "this delivery" of a donation told before: same event
            if n in anaphors and earlier is not None and (
                    ev.date_source not in ("text", "report") or events[earlier].date_source not in ("text", "report")
                    or compatible_date(events[earlier].date, ev.date) or _days_before_report(events[earlier], ev)) \
                    and not _older_episode(events[earlier], ev, published):
                events[earlier] = _absorb(events[earlier], ev)
                referred = events[earlier]
            else:
                kept.append(ev)
        if referred is not None:  # "the visit resulted in the signing of...": the signing has the visit's date
            kept = [_inherit(ev, referred) for ev in kept]
        prev_sentence_events = list(range(len(events), len(events) + len(kept))) if kept else []
        events.extend(kept)
    # generic, habitual, hypothetical or caption mentions are no events (unless later told cancelled)
    events = [ev for ev in events if ev.confidence >= MIN_CONFIDENCE or ev.status == "cancelled"
              or ev.type in ("statement", "other")]
    events = _merge(_refine_places(events), published)
    return [ev._replace(date_source="text") if ev.date_source == "report" else ev for ev in events]


def _context_near(t: Trig, toks: Tokens, a: int, b: int, ctx_words: dict[str, frozenset[str]]) -> bool:
    """A weak trigger needs one of its type's context words close by (eight words either side, same sentence)."""
    words = ctx_words.get(t.type)
    if not words:
        return False
    i = bisect_left(toks.starts, t.start, a, b)
    items = toks.items
    return any(items[k].key in words for k in range(max(a, i - 8), min(b, i + 9)))


_DEFINITE_BEFORE = re.compile(r"(?:\b(?:the|le|la|les)\s+|\bl')(?:[^\W\d_][\w-]*\s+){0,2}$", re.IGNORECASE)


def _mark(t: Trig, ctx: _Ctx, s: int, lex: EventLexicon, then: bool = False) -> Trig:
    """Flag a trigger as anaphoric (demonstrative or definite before it, or "at the time" in its
    sentence) and Arabic imperfect."""
    before = max(s, t.start - 20)
    article = _any_in(ctx.marks.get("definite", []), max(s, t.start - 4), t.start)  # "the talks", "l'exercice"
    if not article and ctx.lang != "ar":  # "the joint exercise", "la première réunion"
        article = _DEFINITE_BEFORE.search(ctx.text, max(s, t.start - 30), t.start) is not None
    anaphoric = (then or t.definite or article or _any_in(ctx.marks.get("anaphora", []), before, t.start)) \
        and not _any_in(ctx.marks.get("compare", []), max(s, t.start - 40), t.start)  # "like the one signed in Tunis"
    imperfect = False
    if ctx.lang == "ar":
        first = fold(ctx.text[t.start:t.end]).split(" ")[0]
        imperfect = lex.imperfect_cache.get(first)
        if imperfect is None:
            if len(lex.imperfect_cache) > 50_000:
                lex.imperfect_cache.clear()
            imperfect = lex.imperfect_cache[first] = any(v in lex.imperfect_ar for v, _ in arabic_variants(first))
    return Trig(t.type, t.strength, t.start, t.end, t.future_verb, t.definite, anaphoric, imperfect)


def _days_before_report(reported: Event, ev: Event) -> bool:
    """"X was announced on Friday. The operation took place on Thursday night.": the same operation."""
    if reported.date_source != "report" or not reported.date or not ev.date or len(reported.date) != 10 or len(ev.date) != 10:
        return False
    return 0 <= (date.fromisoformat(reported.date) - date.fromisoformat(ev.date)).days <= 7


def _older_episode(earlier: Event, ev: Event, published: date | None) -> bool:
    """"The first drones arrived [today]. The deal was announced in August 2023.": a mention dated
    well before publication is an earlier episode, not the date of an undated news event."""
    return earlier.date_source == "publication" and ev.date_source in ("text", "report") \
        and published is not None and not _near_publication(ev, published) and not ev.date_precision == "year"


def _earlier_of_type(events: list[Event], typ: str) -> int | None:
    """The latest event of this type dated by the text (else the latest of this type), scanning
    back only as far as needed: a long document has thousands of events."""
    latest = None
    for k in range(len(events) - 1, -1, -1):
        if events[k].type == typ:
            if events[k].date_source in ("text", "report"):
                return k
            latest = k if latest is None else latest
    return latest


def _absorb(earlier: Event, ev: Event) -> Event:
    """An anaphoric mention adds its actors, and its date when the first mention had none of its own."""
    upd: dict = {"actors": tuple(dict.fromkeys(earlier.actors + ev.actors))}
    if (earlier.date_source not in ("text", "report") or _days_before_report(earlier, ev)) \
            and ev.date_source == "text" and (ev.status == earlier.status or earlier.status == "planned"):
        # ("it had been scheduled to arrive last month": the plan's date, not the arrival's)
        upd.update(date=ev.date, date_precision=ev.date_precision,
                   date_source="report" if ev.date_source == "report" and earlier.date_source != "report" else "text")
    if earlier.place is None and ev.place is not None:
        upd.update(place=ev.place, country=ev.country)
    return earlier._replace(**upd)


def _inherit(ev: Event, ref: Event) -> Event:
    if ev.date_source in ("text", "report"):
        return ev
    upd: dict = {"date": ref.date, "date_precision": ref.date_precision, "date_source": ref.date_source}
    if ev.place is None or ev.place.place.kind in ("country", "region"):
        upd.update(place=ref.place, country=ref.country)
    return ev._replace(**upd)


def _is_dateline(text: str, d: dates_mod.DateMention) -> bool:
    """"WASHINGTON (Agency - 28th June, 2019)": the publication line, not an event date."""
    line_start = text.rfind("\n", 0, d.start) + 1
    opened = text.rfind("(", line_start, d.start)
    return 0 <= opened - line_start <= 60 and ")" not in text[opened:d.start] and ")" in text[d.end:d.end + 4]


def _sentence_events(ctx: _Ctx, s: int, e: int, trigs: list[Trig], cancel: bool) -> tuple[list[Event], set[int]]:
    """Events of one sentence, and the indexes of those that only refer back to an earlier event."""
    text, published = ctx.text, ctx.published
    clauses = _clauses(text, s, e, ctx.contrast)

    def clause_of(pos: int) -> int:
        for n, (a, b) in enumerate(clauses):
            if a <= pos < b:
                return n
        return len(clauses) - 1

    non_statement = any(t.type != "statement" for t in trigs)
    drill = any(t.type == "exercise" for t in trigs)
    groups: dict[tuple[int, str], list[Trig]] = {}
    for t in trigs:
        if t.type == "statement" and non_statement:
            continue
        if drill and t.type in ("counter_terrorism", "arms_transfer"):
            continue  # raids and supplies inside an exercise's scenario
        ci = clause_of(t.start)
        if t.strength == "weak" and not t.anaphoric and any(
                u.strength == "strong" and u.type not in (t.type, "statement") and clause_of(u.start) == ci for u in trigs):
            continue  # a weak word beside another type's strong trigger is that event's detail
        groups.setdefault((ci, t.type), []).append(t)
    sent_dates = _event_dates(ctx, s, e)
    sent_places = _inside(ctx.places, ctx.place_starts, s, e)
    sent_actors = _inside(ctx.actors, ctx.actor_starts, s, e)
    names = tuple(dict.fromkeys(a.name for a in sent_actors))
    out: list[Event] = []
    anaphors: set[int] = set()
    for (ci, typ), ts in sorted(groups.items(), key=lambda kv: kv[1][0].start):
        cs, ce = clauses[ci]
        head = ts[0]
        negated = typ != "statement" and _any_in(ctx.marks.get("negation", []), max(s, head.start - 25), head.start)
        future = any(t.future_verb for t in ts) or _any_in(ctx.marks.get("future", []), cs, ce)
        if typ != "statement" and _any_in(ctx.marks.get("purpose", []), max(cs, head.start - 20), head.start):
            continue  # "aims to discuss": an intention, not an event
        reports = [t for t in trigs if t.type == "statement"] if typ != "statement" else []
        dm = _pick_date(sent_dates, head, ci, typ, clause_of, groups, reports, ctx)
        if dm is not None:
            ahead = future or (dm.kind == "weekday" and any(t.imperfect for t in ts))
            d, prec = dates_mod.resolve(dm, published, ahead, ctx.ref_year)
            source = ("report" if _reported(dm, reports, ctx) else "text") if d else "none"
        else:
            nd = None if future or typ == "statement" else _neighbour_date(ctx, s, e, typ)
            if nd is not None:
                d, prec = nd
                source = "text"
            else:
                d, prec = (published.isoformat(), "day") if published else (None, None)
                source = "publication" if published else "none"
        if published and d and source == "text" and d > published.isoformat()[:len(d)]:
            future = True
        if negated and not future:
            continue  # "did not sign": no event
        if source in ("publication", "none") and not future and _any_in(ctx.marks.get("background", []), s, e):
            continue  # "Esper had said, while in Tunis, ...": an earlier, undated episode already told elsewhere
        status = "cancelled" if (cancel or negated) else ("planned" if future else "happened")
        place = _pick_place(sent_places, head, ci, clause_of, text, ctx.locative)
        conf = 0.45 + (0.15 if head.strength == "strong" else 0.0) + (0.15 if source == "text" else 0.0) \
            + (0.1 if place is not None else 0.0) + (0.1 if len(names) >= 2 else 0.0) \
            - _doubt(ctx, s, e, cs, ts, source, future)
        prev = next((k for k, o in enumerate(out) if o.type == typ), None)
        if prev is not None and not _any_in(ctx.marks.get("compare", []), cs, head.start) and out[prev].status == status:
            cand = Event(type=typ, status=status, evidence=text[s:e], start=s, end=e, date=d, date_precision=prec,  # type: ignore[arg-type]
                         date_source=source, place=place, country=place.place.country if place else None,
                         actors=names, trigger=" ".join(dict.fromkeys(text[t.start:t.end] for t in ts)),
                         confidence=round(min(conf, 0.95), 2))
            if _same_in_sentence(out[prev], cand):
                out[prev] = _combine(out[prev], cand)
                second = _second_day(ctx, dm, d, prec, s, e)
                if second is not None and out[prev].date == d and not any(o.type == typ and o.date == second for o in out):
                    out.append(out[prev]._replace(date=second))
                continue
        if all(t.anaphoric for t in ts):
            anaphors.add(len(out))
        out.append(Event(
            type=typ, status=status, evidence=text[s:e], start=s, end=e, date=d, date_precision=prec,  # type: ignore[arg-type]
            date_source=source, place=place, country=place.place.country if place else None, actors=names,
            trigger=" ".join(dict.fromkeys(text[t.start:t.end] for t in ts)), confidence=round(min(conf, 0.95), 2)))
        second = _second_day(ctx, dm, d, prec, s, e)
        if second is not None and not any(o.type == typ and o.date == second for o in out):  # "two other
            # operations, on 26 and 31 March respectively": two events
            out.append(out[-1]._replace(date=second))
    return out, anaphors


MIN_CONFIDENCE = 0.4
_QUOTE = re.compile(r"“[^”\n]{1,600}”|«[^»]{1,600}»|„[^“”\n]{1,600}[“”]|\"[^\"\n]{1,600}\"")
_CAPTION = re.compile(r"(?:\(?(?:in this|on this|sur cette|file|archive)?\s*(?:pool\s+|file\s+)?(?:photo|photograph|picture|image|illustration)\b|(?:ال)?صور[ةه](?![^\W\d_])|photo\s*:)",
                      re.IGNORECASE)
# (the lookahead on the first characters skips the other positions of the text at once)
_CAPTION_MARK = re.compile(r"(?=[©(pc])(?:©|\((?:photo|credit|crédit)s?\b|\b(?:photo|crédit)\s*:|\bphoto by\b)", re.IGNORECASE)
_COMMA = re.compile(r"[,،]")
_DATED_KINDS = frozenset({"ymd", "md", "weekday", "rel_day"})
_NOT_MILITARY_BEFORE = re.compile(r"(?<![^\W\d_])(?:logistical|political|diplomatic|electoral)\s+$", re.IGNORECASE)
_NOT_MILITARY = re.compile(r"\s+(?:logistiques?|logistical|politiques?|political|diplomatiques?|diplomatic|électorales?|"
                           r"electoral|السياسيه|السياسية|سياسية|سياسيه|الدبلوماسية|دبلوماسية)(?![^\W\d_])", re.IGNORECASE)
_THAT_AFTER = re.compile(r"\s*[,،]?\s*(?:إن|أن|ان|that|que|qu['’])(?![^\W\d_])")


def _quotes(text: str) -> list[tuple[int, int]]:
    """Spans of quoted words (“...”, «...», "...")."""
    if not any(q in text for q in "“«„\""):
        return []
    return [m.span() for m in _QUOTE.finditer(text)]


def _doubt(ctx: _Ctx, s: int, e: int, cs: int, ts: list[Trig], source: str, future: bool) -> float:
    """How much a mention looks like no specific event: a generic plural ("many exercises"), a habit
    ("every year"), an intention ("ready to provide assistance"), background ("since the signing"),
    a photo caption, words inside an undated quotation, a weak undated plan."""
    head = ts[0]
    marks, text = ctx.marks, ctx.text
    if _near_before(marks.get("generic", []), head.start, 2, text) or _any_in(marks.get("habitual", []), cs, e):
        return 0.5
    if _any_in(marks.get("intent", []), max(cs, head.start - 40), head.start):
        return 0.5
    if _near_before(marks.get("since", []), head.start, 2, text):
        return 0.5
    if head.type == "exercise" and (_NOT_MILITARY.match(text, head.end) or _NOT_MILITARY_BEFORE.search(text, max(s, head.start - 20), head.start)):
        return 0.5  # "logistical manoeuvres", "political manoeuvring"
    if head.type == "counter_terrorism" and _any_in(marks.get("period", []), s, e):
        return 0.5  # "neutralised 76 terrorists during the period from 10 to 20 August": a tally, not one event
    if _is_caption(ctx, s, e):
        return 1.0
    if all(t.strength == "weak" and any(a <= t.start and t.end <= b for a, b in ctx.quotes) for t in ts):
        return 0.5
    if future and source != "text" and all(t.strength == "weak" for t in ts):
        return 0.5
    return 0.0


def _near_before(spans: list[tuple[int, int]], pos: int, words: int, text: str) -> bool:
    """A marker ending at most `words` words before `pos`, with no punctuation between."""
    for a, b in spans:
        if b <= pos and pos - b <= 40:
            gap = text[b:pos]
            if gap.count(" ") <= words and not any(c in gap for c in ",.;:،؛()"):
                return True
    return False


def _is_caption(ctx: _Ctx, s: int, e: int) -> bool:
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


def _event_dates(ctx: _Ctx, s: int, e: int) -> list[dates_mod.DateMention]:
    """Date expressions of a sentence that can date an event: not "until 29 October" (an end) nor
    "since 15 September" (the start of a state)."""
    until = ctx.marks.get("until", [])
    since = ctx.marks.get("since", [])
    return [d for d in _inside(ctx.dates, ctx.date_starts, s, e)
            if not any(b <= d.start and d.start - b <= 4 for _, b in until)
            and not any(b <= d.start and d.start - b <= 4 for _, b in since)]


def _neighbour_date(ctx: _Ctx, s: int, e: int, typ: str) -> tuple[str, str] | None:
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
        reports = [t for t in ctx.trigs if t.type == "statement" and a <= t.start < b]
        for dm in _event_dates(ctx, a, b):
            if dm.kind not in _DATED_KINDS or _reported(dm, reports, ctx):
                continue  # "Macron said on Thursday that...": the day of the words
            d, prec = dates_mod.resolve(dm, published, False, ctx.ref_year)
            if d and prec == "day" and 0 <= (published - date.fromisoformat(d)).days <= 31:
                return d, prec
    return None


def _second_day(ctx: _Ctx, dm: dates_mod.DateMention | None, d: str | None, prec: str | None,
                cs: int, ce: int) -> str | None:
    """The other day of "on 26 and 31 March respectively" (not of a range "from 26 to 31 March")."""
    if dm is None or dm.also_day is None or prec != "day" or not d or len(d) != 10:
        return None
    if not _any_in(ctx.marks.get("respectively", []), cs, ce):
        return None
    try:
        return date(int(d[:4]), int(d[5:7]), dm.also_day).isoformat()
    except ValueError:
        return None


_PRECISION_COST = {"ymd": -20, "md": 0, "weekday": 0, "rel_day": 10, "ym": 30, "m": 40, "rel_month": 40, "week": 40,
                   "recent_weeks": 60, "recent_days": 60, "rel_year": 150, "y": 250}


def _same_in_sentence(a: Event, b: Event) -> bool:
    """Two clauses of one sentence telling one event: at most one dated, or dated alike, same place."""
    undated = a.date_source not in ("text", "report") or b.date_source not in ("text", "report")
    return (undated or a.date == b.date) and compatible_place(a.place, b.place)


def _reported(d: dates_mod.DateMention, reports: list[Trig], ctx: _Ctx | None = None) -> bool:
    """A date next to a reporting verb ("said on Friday", "a annoncé samedi"), or between it and the
    "that" of the words ("قالت الوزيرة ... يوم الجمعة إن"), dates the report; a date inside the quoted
    words does not."""
    if not reports:
        return False
    if ctx is not None and any(a <= d.start and d.end <= b for a, b in ctx.all_quotes) \
            and not any(a <= r.start < b for r in reports for a, b in ctx.all_quotes):
        return False
    if any(-30 <= d.start - r.end <= 30 or -30 <= r.start - d.end <= 5 for r in reports):
        if ctx is None:
            return True
        # "took place on Thursday night, it said": a trailing attribution does not claim the date
        return any(0 <= d.start - r.end <= 30 or (-30 <= r.start - d.end <= 5 and not _COMMA.search(ctx.text, d.end, r.start))
                   for r in reports if r.start >= d.end or r.end <= d.start)
    return ctx is not None and any(r.end <= d.start for r in reports) and _THAT_AFTER.match(ctx.text, d.end) is not None


def _pick_date(cands: list[dates_mod.DateMention], head: Trig, ci: int, typ: str, clause_of,
               groups: dict[tuple[int, str], list[Trig]], reports: list[Trig] = (),
               ctx: _Ctx | None = None) -> dates_mod.DateMention | None:
    """The date expression of the event: near the trigger, in its clause, as precise as possible,
    rather not the date of the report."""
    best, best_score = None, None
    for d in cands:
        dc = clause_of(d.start)
        if dc != ci and (dc, typ) in groups:
            continue  # that clause has its own event of this type
        score = abs(d.start - head.start) + (0 if dc == ci else 150) + _PRECISION_COST.get(d.kind, 0) \
            + (100 if _reported(d, list(reports), ctx) else 0)
        if best_score is None or score < best_score:
            best, best_score = d, score
    return best


_LOCATIVE_BEFORE = re.compile(r"(?:\b(?:in|at|to|near|à|a|au|aux|en|dans|près de|de)\s+(?:the\s+|la\s+|l')?|(?:^|\s)(?:في|الى|إلى|قرب|ب)\s*)$")


def _pick_place(cands: list[PlaceMention], head: Trig, ci: int, clause_of, text: str,
                locative: dict[int, bool] | None = None) -> PlaceMention | None:
    """The most specific place tied to the trigger: near it, after a locative word, a city before a country.
    (`locative` remembers, per place offset, whether a locative word comes before it.)"""
    best, best_score = None, None
    for p in cands:
        score = abs(p.start - head.start) + (0 if clause_of(p.start) == ci else 200)
        if p.place.kind in ("country", "region"):
            score += 120
        after_locative = locative.get(p.start) if locative is not None else None
        if after_locative is None:
            after_locative = _LOCATIVE_BEFORE.search(text[max(0, p.start - 12):p.start]) is not None
            if locative is not None:
                locative[p.start] = after_locative
        if after_locative:
            score -= 80
        if best_score is None or score < best_score:
            best, best_score = p, score
    if best is not None and best.place.kind == "country":
        in_clause = {p.place.country for p in cands if p.place.kind == "country" and clause_of(p.start) == ci}
        if len(in_clause) > 1:
            return None  # "Morocco and the US sign...": no single place
    return best


def _cancel_previous(events: list[Event], idx: list[int], ctx: _Ctx, s: int, e: int) -> None:
    """A sentence that only says "it was cancelled (this year)" applies to the previous sentence's events."""
    ds = _inside(ctx.dates, ctx.date_starts, s, e)
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


def _refine_places(events: list[Event]) -> list[Event]:
    """A meeting or signing placed only at country level (or nowhere) takes the city of the article's
    visit to that country on the same day (or when it has no date of its own)."""
    visits: dict[str, list[Event]] = {}
    for ev in events:
        p = ev.place
        if ev.type == "visit" and p is not None and p.place.kind not in ("country", "region") and p.place.country:
            visits.setdefault(p.place.country, []).append(ev)
    out = []
    for ev in events:
        p = ev.place
        if p is None and ev.type in ("talks", "agreement"):
            same_day = [v for vs in visits.values() for v in vs if v.date == ev.date]
            same_day = [v for v in same_day if v.date_source in ("text", "report")] or same_day
            if len({v.place.place.id for v in same_day if v.place}) == 1:
                ev = ev._replace(place=same_day[0].place, country=same_day[0].country)
        elif p is not None and p.place.kind == "country" and ev.type in ("visit", "talks", "agreement"):
            for v in visits.get(p.place.country or "", []):
                if ev.date_source not in ("text", "report") or v.date == ev.date:
                    ev = ev._replace(place=v.place, country=p.place.country)
                    break
        out.append(ev)
    return out


def _km(a: PlaceMention, b: PlaceMention) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a.place.lat, a.place.lon, b.place.lat, b.place.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


def compatible_place(a: PlaceMention | None, b: PlaceMention | None, loose: bool = False) -> bool:
    """Same place, a city and its country, two sites of one city (< 25 km); `loose`: any country level."""
    if a is None or b is None or a.place.id == b.place.id:
        return True
    ka, kb = a.place.kind, b.place.kind
    if "region" in (ka, kb):
        return True
    if ka == "country" or kb == "country":
        return loose or (a.place.country is not None and a.place.country == b.place.country)
    return _km(a, b) < 25


def compatible_date(a: str | None, b: str | None) -> bool:
    """Equal at the coarser of the two precisions ("2022" fits "2022-11"; a missing date fits all)."""
    if a is None or b is None:
        return True
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def _near_publication(ev: Event, published: date | None) -> bool:
    if published is None or ev.date is None:
        return False
    if len(ev.date) == 10:
        return abs((date.fromisoformat(ev.date) - published).days) <= 7
    return published.isoformat().startswith(ev.date)


def _mergeable(kept: Event, ev: Event, published: date | None) -> bool:
    if kept.type != ev.type or kept.start == ev.start:  # clauses of one sentence were told apart on purpose
        return False
    a_pub, b_pub = kept.date_source not in ("text", "report"), ev.date_source not in ("text", "report")
    if a_pub and b_pub:
        return compatible_place(kept.place, ev.place)
    if a_pub or b_pub:  # an undated mention (a headline, a later reference) joins a dated event of the days
        dated = ev if a_pub else kept  # around publication, or any when the publication date is unknown
        return (published is None or _near_publication(dated, published)) \
            and compatible_place(kept.place, ev.place, loose=True)
    if _days_before_report(kept, ev) or _days_before_report(ev, kept):  # "announced on Friday" / "on Thursday night"
        return compatible_place(kept.place, ev.place, loose=True)
    if "year" in (kept.date_precision, ev.date_precision):  # "the Defenders of Friendship 2021 exercise"
        return compatible_date(kept.date, ev.date) and compatible_place(kept.place, ev.place, loose=True)
    return compatible_date(kept.date, ev.date) and compatible_place(kept.place, ev.place)


def _merge(events: list[Event], published: date | None) -> list[Event]:
    """One event per type, date and place in an article; later mentions add their actors.
    Repeated until stable, since a merge can make two kept events agree."""
    while True:
        out: list[Event] = []
        for ev in events:
            for n, kept in enumerate(out):
                if _mergeable(kept, ev, published):
                    out[n] = _combine(kept, ev)
                    break
            else:
                out.append(ev)
        if len(out) == len(events):
            return out
        events = out


def _specific(p: PlaceMention | None) -> int:
    if p is None:
        return 0
    return 1 if p.place.kind in ("country", "region") else 2


_PRECISION_RANK = {None: 0, "year": 1, "month": 2, "day": 3}


def _combine(a: Event, b: Event) -> Event:
    """Keep the mention with a date from the text (the more precise one), the most specific place."""
    def rank(ev: Event) -> tuple[int, int]:  # a report's day ("X said on Thursday") is no better than the publication's
        return (ev.date_source == "text", _PRECISION_RANK[ev.date_precision])
    first = a if rank(a) >= rank(b) else b
    place = a.place if _specific(a.place) >= _specific(b.place) else b.place
    return first._replace(place=place, country=place.place.country if place else first.country,
                   actors=tuple(dict.fromkeys(a.actors + b.actors)),
                   confidence=round(min(0.95, max(a.confidence, b.confidence) + 0.05), 2),
                   status=a.status if a.status != "happened" else b.status)
