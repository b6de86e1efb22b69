"""Trigger words: where an article names an event type ("visit", "زيارة", "manœuvres").

Phrases come from the lexicon's tables; Arabic single words are also tried without their clitics
(و ف ب ل, ال, the future prefix س, attached pronouns: "وسيزورها" is a visit). Each trigger is
then flagged: does it refer back to an event already told ("this visit", "the talks"), is it an
Arabic present-tense verb (a weekday with one lies ahead)? A weak trigger ("meeting") counts
only with one of its type's context words close by.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple
from weakref import WeakKeyDictionary

from ..arabic import fold
from ..lexmatch import Tokens, arabic_variants
from .lexicon import EventLexicon
from .spans import any_in

if TYPE_CHECKING:
    from .context import ArticleContext

_AR_VERBS_WITH_AL = frozenset(fold(w) for w in ("التقى", "التقت", "التقيا"))  # ال here is the verb's, not the article
_AR_SUFFIXES = ("هما", "هم", "ها", "هن", "كم", "نا", "ه", "ك")  # attached pronouns, longest first
MIN_STEM = 3  # letters left after taking a pronoun off: fewer, and the "pronoun" was part of the word
MIN_FUTURE_VERB = 4  # letters of a word read as س + verb: shorter words starting with س are words
MIN_DEFINITE_NOUN = 6  # letters of a word read as ال + noun: a 4-letter stem at least (السلم is not سلم)
CONTEXT_WINDOW = 8  # words either side of a weak trigger searched for its type's context words
ARTICLE_REACH = 4  # characters before a trigger where a definite-article marker makes it "the ..."
DEFINITE_REACH = 30  # characters before a trigger searched for "the" + up to two words ("the joint exercise")
ANAPHORA_REACH = 20  # characters before a trigger searched for "this", "هذه", "ladite"
COMPARE_REACH = 40  # characters before a trigger searched for "like the one" (a comparison, not a reference)
_DEFINITE_BEFORE = re.compile(r"(?:\b(?:the|le|la|les)\s+|\bl')(?:[^\W\d_][\w-]*\s+){0,2}$", re.IGNORECASE)


class Trig(NamedTuple):  # (a NamedTuple: built several times faster than a frozen dataclass)
    type: str
    strength: str
    start: int
    end: int
    future_verb: bool = False  # Arabic future prefix س on the trigger
    definite: bool = False  # Arabic noun with ال ("الزيارة": possibly the visit already told)
    anaphoric: bool = False  # refers back ("this visit", "the talks", "هذه الزيارة")
    imperfect: bool = False  # Arabic present-tense verb (يجتمع): a weekday with it is ahead
    # an agreement told in the past ("signed", "ont signé", "se sont mis d'accord", "وقعا"); read for agreements only
    past: bool = False


class WordMemo:
    """What the trigger finder has worked out about Arabic words, for one lexicon: the same words
    come back article after article. Kept beside the lexicon (see `memo_for`), never in it."""

    MAX_WORDS = 100_000  # words remembered per table before it starts afresh (bounds memory)
    MAX_VERBS = 50_000  # the same for the present-tense check of trigger verbs

    def __init__(self) -> None:
        self.plain: dict[str, tuple[list[tuple[str, str]], bool, bool]] = {}  # word not ending in ة -> its triggers
        self.with_taa: dict[str, tuple[list[tuple[str, str]], bool, bool]] = {}  # word ending in ة -> its triggers
        self.imperfect: dict[str, bool] = {}  # first word of a trigger -> a present-tense verb?


_MEMOS: WeakKeyDictionary[EventLexicon, WordMemo] = WeakKeyDictionary()


def memo_for(lex: EventLexicon) -> WordMemo:
    """The memo of `lex` (made on first use; gone with the lexicon)."""
    memo = _MEMOS.get(lex)
    if memo is None:
        memo = _MEMOS[lex] = WordMemo()
    return memo


def find_triggers(toks: Tokens, lang: str, lex: EventLexicon, memo: WordMemo) -> list[Trig]:
    """Trigger words of the article: phrases of the lexicon, and Arabic single words with clitics."""
    table = lex.triggers.get(lang)
    if table is None:
        return []
    out: list[Trig] = []
    items = toks.items
    text = toks.text
    covered = -1
    for m in table.find(toks):
        if lang == "ar":
            covered = _arabic_words_between(toks, covered + 1, m.i, lex, memo, out)
            covered = m.j - 1
        definite = lang == "ar" and text.startswith(("ال", "ٱل"), m.start) \
            and fold(text[m.start:m.end]) not in _AR_VERBS_WITH_AL
        for typ, strength in m.payloads:
            out.append(Trig(typ, strength, m.start, m.end, False, definite))
    if lang == "ar":
        _arabic_words_between(toks, covered + 1, len(items), lex, memo, out)
    return out


def _arabic_words_between(toks: Tokens, a: int, b: int, lex: EventLexicon, memo: WordMemo, out: list[Trig]) -> int:
    """Single-word Arabic triggers (with clitics and pronouns) among tokens a..b-1."""
    items = toks.items
    text = toks.text
    plain, with_taa = memo.plain, memo.with_taa  # by the written word's last letter: ة or another
    for i in range(a, b):
        it = items[i]
        if not it.arabic:
            continue
        taa = text[it.end - 1] == "ة"
        cache = with_taa if taa else plain
        got = cache.get(it.key)
        if got is None:
            if len(cache) > WordMemo.MAX_WORDS:
                cache.clear()
            got = cache[it.key] = _arabic_word_triggers(it.key, lex, taa)
        entries, future, definite = got
        for typ, strength in entries:
            out.append(Trig(typ, strength, it.start, it.end, future, definite))
    return b - 1


def _arabic_word_triggers(key: str, lex: EventLexicon,
                          taa_marbuta: bool = False) -> tuple[list[tuple[str, str]], bool, bool]:
    """Trigger entries for one Arabic word, trying proclitics, ال, the future س and attached pronouns.
    Also says whether the word was a future verb and whether it was definite. `taa_marbuta`: the word
    ends in ة, so its final ه (after folding) is not the pronoun (وزارة is not و+زار+ه)."""
    for var, _ in arabic_variants(key):
        for c in _without_prefix(var):
            for f in _without_pronoun(c, taa_marbuta):
                if f in lex.ar_words:
                    future = c is not var and var[0] == "س"
                    definite = c is not var and var.startswith("ال")
                    return list(lex.ar_words[f]), future, definite
    return [], False, False


def _without_prefix(var: str) -> list[str]:
    """The word, and the word without the future prefix س or the article ال when it has one."""
    cands = [var]
    if len(var) >= MIN_FUTURE_VERB and var[0] == "س" and var[1] in "يتنا":
        cands.append(var[1:])
    if len(var) >= MIN_DEFINITE_NOUN and var.startswith("ال"):
        cands.append(var[2:])  # nouns only
    return cands


def _without_pronoun(c: str, taa_marbuta: bool) -> list[str]:
    """The word, and its stems without an attached pronoun (a final ت back to ة: زيارته -> زياره)."""
    forms = [c]
    for suf in _AR_SUFFIXES:
        if suf == "ه" and taa_marbuta:
            continue
        if c.endswith(suf) and len(c) - len(suf) >= MIN_STEM:
            stem = c[: -len(suf)]
            forms.append(stem)
            if stem.endswith("ت"):
                forms.append(stem[:-1] + "ه")
    return forms


def context_near(t: Trig, toks: Tokens, a: int, b: int, ctx_words: dict[str, frozenset[str]]) -> bool:
    """A weak trigger needs one of its type's context words close by (eight words either side, same
    sentence); an Arabic word counts under its proclitics too ("والطائرات" is "الطائرات")."""
    words = ctx_words.get(t.type)
    if not words:
        return False
    i = bisect_left(toks.starts, t.start, a, b)
    items = toks.items
    for k in range(max(a, i - CONTEXT_WINDOW), min(b, i + CONTEXT_WINDOW + 1)):
        it = items[k]
        if it.key in words or (it.arabic and not words.isdisjoint(_bare_forms(it.key))):
            return True
    return False


@lru_cache(maxsize=65536)
def _bare_forms(key: str) -> tuple[str, ...]:
    """An Arabic word's forms without its proclitics (و ف ب ل ك), remembered: words recur."""
    return tuple(v for v, n in arabic_variants(key) if n)


def mark(t: Trig, ctx: ArticleContext, s: int, lex: EventLexicon, then: bool = False) -> Trig:
    """Flag a trigger as anaphoric (demonstrative or definite before it, or "at the time" in its
    sentence) and Arabic imperfect."""
    before = max(s, t.start - ANAPHORA_REACH)
    # "the talks", "l'exercice"
    article = any_in(ctx.marks.get("definite", ()), max(s, t.start - ARTICLE_REACH), t.start)
    if not article and ctx.lang != "ar":  # "the joint exercise", "la première réunion"
        article = _DEFINITE_BEFORE.search(ctx.text, max(s, t.start - DEFINITE_REACH), t.start) is not None
    anaphoric = (then or t.definite or article or any_in(ctx.marks.get("anaphora", ()), before, t.start)) \
        and not any_in(ctx.marks.get("compare", ()), max(s, t.start - COMPARE_REACH),
                       t.start)  # "like the one signed in Tunis"
    first = fold(ctx.text[t.start:t.end]).split(" ")[0] if ctx.lang == "ar" else ""
    imperfect = ctx.lang == "ar" and _is_imperfect(first, lex, ctx.memo)
    # (only an agreement's tense is read: "agreed on ... from 23 January" dates what was agreed)
    past = t.type == "agreement" and not imperfect and not t.future_verb and _told_in_past(ctx, t, first, lex)
    return Trig(t.type, t.strength, t.start, t.end, t.future_verb, t.definite, anaphoric, imperfect, past)


def _told_in_past(ctx: ArticleContext, t: Trig, first: str, lex: EventLexicon) -> bool:
    """The trigger is a verb in the past: an English "-ed" form or one after "has", "was"; a French
    participle after its auxiliary ("ont signé", "se sont mis d'accord"); an Arabic perfect (وقعا)."""
    if ctx.lang == "ar":
        return first in lex.perfect_ar or not lex.perfect_ar.isdisjoint(_bare_forms(first))
    words = ctx.text[t.start:t.end]
    before = ctx.text[max(0, t.start - PAST_AUX_REACH):t.start]
    if ctx.lang == "en":
        return words.split(" ")[0].lower().endswith("ed") or _EN_AUX_BEFORE.search(before) is not None
    return _FR_AUX.match(words) is not None or _FR_AUX_BEFORE.search(before) is not None


PAST_AUX_REACH = 30  # characters before a trigger where its auxiliary stands ("ont finalement signé")
_EN_AUX_BEFORE = re.compile(r"(?<![^\W\d_])(?:has|have|had|was|were)\s+(?:[^\W\d_]+ly\s+)?$", re.IGNORECASE)
_FR_AUX = re.compile(r"(?:se\s+sont|s['’]est|s['’]étaient|s['’]était)\s", re.IGNORECASE)
_FR_AUX_BEFORE = re.compile(r"(?<![^\W\d_])(?:a|ont|avait|avaient|avons|est|sont|était|étaient)\s+"
                            r"(?:(?:déjà|bien|enfin|finalement|également|aussi|notamment|été)\s+)?$", re.IGNORECASE)


def demonstrative(ctx: ArticleContext, s: int, t: Trig) -> bool:
    """"this visit", "cette livraison", "هذه الزيارة": a demonstrative just before the trigger."""
    return any_in(ctx.marks.get("anaphora", ()), max(s, t.start - ANAPHORA_REACH), t.start)


def _is_imperfect(first: str, lex: EventLexicon, memo: WordMemo) -> bool:
    """Whether an Arabic trigger's first word is a present-tense verb (يجتمع، وتجري)."""
    got = memo.imperfect.get(first)
    if got is None:
        if len(memo.imperfect) > WordMemo.MAX_VERBS:
            memo.imperfect.clear()
        got = memo.imperfect[first] = any(v in lex.imperfect_ar for v, _ in arabic_variants(first))
    return got


TRANSFER_TYPES = ("arms_transfer", "military_aid")  # they share words: "delivery", "livraison", "تسليم"


def one_transfer_type(trigs: list[Trig], toks: Tokens, ctx_words: dict[str, frozenset[str]],
                      aid_said: bool) -> list[Trig]:
    """A word both types share ("delivery", "livraison", "تسليم") takes one type per article: aid
    when the article says so (an unambiguous aid word, "donated", "هبة", or aid wording such as
    "funded by", `aid_said`) and names no sale, purchase or contract (a strong arms word, or a
    weak one with a weapon near); else an arms transfer."""
    by_span: dict[tuple[int, int], set[str]] = {}
    for t in trigs:
        if t.type in TRANSFER_TYPES:
            by_span.setdefault((t.start, t.end), set()).add(t.type)
    shared = {span for span, types in by_span.items() if len(types) > 1}
    if not shared:
        return trigs
    own = [t for t in trigs if t.type in TRANSFER_TYPES and (t.start, t.end) not in shared]
    keep = _transfer_type_told(own, toks, ctx_words, aid_said)
    return [t for t in trigs if t.type not in TRANSFER_TYPES or (t.start, t.end) not in shared or t.type == keep]


def _transfer_type_told(own: list[Trig], toks: Tokens, ctx_words: dict[str, frozenset[str]], aid_said: bool) -> str:
    """The transfer type the article's own words tell (see `one_transfer_type`)."""
    n = len(toks.items)
    sale = any(t.type == "arms_transfer" and (t.strength == "strong" or context_near(t, toks, 0, n, ctx_words))
               for t in own)
    aid = aid_said or any(t.type == "military_aid" and t.strength == "strong" for t in own)
    return "military_aid" if aid and not sale else "arms_transfer"
