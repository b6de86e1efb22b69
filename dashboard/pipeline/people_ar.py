"""People no list holds, in Arabic script.

Two patterns, each with evidence that the words are a name and not vocabulary:
- a title or rank, its modifiers (الدفاع الوطني، الأميركي، وشؤون المتقاعدين، لدى تشاد) and then a name
  (وزير الدفاع الوطني وشؤون المتقاعدين X Y); the name's first word is a given name of the name
  lexicon, or a word too rare to be vocabulary (foreign names: برادفرد);
- a given name followed by a word that is another given name or too rare to be vocabulary
  (كتب: X Y, in a byline), with no title at all.
A name never starts with the conjunction و on a common word (وشؤون), and stops at a verb in the
imperfect (يستلم), a function word (على, decided on the text as written: علي is a name) or a word
another rule has taken. Names get an English spelling from `translit`.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from dashboard.records import ActorMention, PlaceMention

from .lexmatch import Tokens, arabic_variants
from .translit import soft_fold, transliterate

if TYPE_CHECKING:
    from .actors import ActorLexicon

MAX_MODIFIERS = 6  # words between a title and the name: more finds names after long titles, and strays
MAX_NAME_WORDS = 5  # a given name, a father's name, a particle (بن، ولد) and a family name
# Prepositions that may join a modifier to a title ("سفير الإمارات لدى تشاد").
_MODIFIER_PREPOSITIONS = frozenset(("لدي", "في", "من", "عن", "الي", "ب"))
_APPOSITIVE_GAPS = frozenset(("، ", ", ", "،", ",", ": ", ":"))  # (a colon after a credit: كتب: X Y)
_IMPERFECT_PREFIXES = ("ي", "ت", "ن")


class Candidate(NamedTuple):
    """A name found by a rule, before identity: token span and how it was found."""

    i: int
    j: int
    how: str  # "title pattern" | "given name"


def arabic_people(toks: Tokens, taken: list[str | None], lex: ActorLexicon,
                  places: list[PlaceMention]) -> list[ActorMention]:
    """Unlisted people in the Arabic text, after a title or starting with a given name."""
    found = _titled(toks, taken, lex) + _untitled(toks, taken, lex)
    place_spans = [(p.start, p.end) for p in places]
    out = []
    for c in sorted(found):
        start, end = toks.items[c.i].start, toks.items[c.j - 1].end
        if c.how == "given name" and any(ps < end and start < pe for ps, pe in place_spans):
            continue  # a street, an airport or a town named after a person
        surface = toks.text[start:end]
        name = transliterate(surface, lex.ar_given, lex.foreign_given)
        out.append(ActorMention(surface, start, end, "", name, "person", None, None, c.how))
    return out


def _word(toks: Tokens, k: int) -> str:
    """The token as written, soft-folded (ى and ة kept)."""
    it = toks.items[k]
    return soft_fold(toks.text[it.start:it.end])


def is_given(lex: ActorLexicon, word: str) -> bool:
    return word in lex.ar_given


def _common(lex: ActorLexicon, key: str) -> bool:
    """A common word, also once a proclitic is taken off (بالزيارة: الزيارة)."""
    common = lex.common.get("ar", ())
    return key in common or any(form in common for form, _ in arabic_variants(key))


def _ends_name(toks: Tokens, k: int, taken: list[str | None], lex: ActorLexicon) -> bool:
    """A word that cannot be part of a name: not joined to the one before, not Arabic, taken by
    another rule, a function word, or a verb in the imperfect."""
    it = toks.items[k]
    if not it.arabic or taken[k] is not None:
        return True
    word = _word(toks, k)
    if word in lex.ar_stop or (it.key in lex.ar_stop_folded and not is_given(lex, word)):
        return True  # (على as written, or الي for إلى; but علي is a name)
    if lex.titles_ar.match_at(toks, k) is not None:
        return True
    return _is_verb(lex, word, it.key)


def _is_verb(lex: ActorLexicon, word: str, key: str) -> bool:
    """A common word in the imperfect (يستلم، تعتزم): its prefix and frequency say so, unless it is
    a given name (يوسف، تامر، نبيل)."""
    return key.startswith(_IMPERFECT_PREFIXES) and len(key) >= 4 and _common(lex, key) and not is_given(lex, word)


def _conjoined_word(lex: ActorLexicon, word: str, key: str) -> bool:
    """و + a common word or an article word (وشؤون، والتعاون): the title's modifiers go on."""
    if not key.startswith("و") or len(key) < 4 or is_given(lex, word):
        return False
    rest = key[1:]
    return _common(lex, rest) or rest.startswith("ال") or _common(lex, key)


def _name_start_ok(toks: Tokens, k: int, lex: ActorLexicon) -> bool:
    """The first word of a name: a given name, or a word too rare to be vocabulary."""
    word, key = _word(toks, k), toks.items[k].key
    if is_given(lex, word):
        return True
    return not _common(lex, key) and not key.startswith("ال") and not _conjoined_word(lex, word, key)


def _later_word_ok(toks: Tokens, k: int, lex: ActorLexicon) -> bool:
    """A later word of a name: a given name, a family name with the article (المغربي), a particle
    (بن، ولد) or a word too rare to be vocabulary."""
    word, key = _word(toks, k), toks.items[k].key
    return (is_given(lex, word) or key in lex.ar_compound or key.startswith("ال")
            or not _common(lex, key))


def _family_name_ok(toks: Tokens, k: int, lex: ActorLexicon) -> bool:
    """A word after a full name: a given name (داوود يحيى إبراهيم), or an article word that is a
    family name rather than vocabulary: a nisba (الشامسي، المغربي), a given name with the article
    (الأمين) or a rare word (الدبيبة); not الوفد, "the delegation"."""
    word, key = _word(toks, k), toks.items[k].key
    if is_given(lex, word):
        return True
    if not key.startswith("ال") or len(key) < 4:
        return False
    return key.endswith("ي") or is_given(lex, word[2:]) or not _common(lex, key)


# ---- a name after a title ---------------------------------------------------------------------

def _titled(toks: Tokens, taken: list[str | None], lex: ActorLexicon) -> list[Candidate]:
    out: list[Candidate] = []
    items = toks.items
    nxt = 0
    for i in toks.candidates(lex.titles_ar.firsts):
        if i < nxt or not items[i].arabic:
            continue
        m = lex.titles_ar.match_at(toks, i)
        if m is None:
            continue
        start = _skip_modifiers(toks, m.j, taken, lex)
        span = _name_span(toks, start, taken, lex) if start is not None else None
        if span is None:
            nxt = m.j
            continue
        out.append(Candidate(span[0], span[1], "title pattern"))
        for k in range(*span):
            taken[k] = "person"
        nxt = span[1]
    return out


def _skip_modifiers(toks: Tokens, k: int, taken: list[str | None], lex: ActorLexicon) -> int | None:
    """The index where the name starts after a title, skipping what qualifies the title: article
    words (الدفاع، الأميركي), another title, taken actors (الإمارات), a preposition and its object
    (لدى تشاد), a coordinated noun (وشؤون المتقاعدين), and a comma before a given name."""
    items, n = toks.items, len(toks.items)
    for _ in range(MAX_MODIFIERS + 1):
        if k >= n:
            return None
        it = items[k]
        if not it.joined:
            return k if _appositive(toks, k, lex) else None
        if not it.arabic or taken[k] == "person":
            return None
        title = lex.titles_ar.match_at(toks, k)
        if title is not None:
            k = title.j
        elif (taken[k] is not None or it.key.startswith(("ال", "لل", "بال", "وال", "فال"))
              or _conjoined_word(lex, _word(toks, k), it.key)):
            k += 1
        elif it.key in _MODIFIER_PREPOSITIONS and k + 1 < n and items[k + 1].joined and (
                taken[k + 1] not in (None, "person") or items[k + 1].key.startswith("ال")):
            k += 2
        else:
            return k
    return None


def _appositive(toks: Tokens, k: int, lex: ActorLexicon) -> bool:
    """"وزير الدفاع التونسي، X Y", "كتب: X Y": a comma or a colon between title and name, when a
    given name follows."""
    gap = toks.text[toks.items[k - 1].end:toks.items[k].start]
    return gap in _APPOSITIVE_GAPS and toks.items[k].arabic and is_given(lex, _word(toks, k))


def _name_span(toks: Tokens, start: int, taken: list[str | None], lex: ActorLexicon) -> tuple[int, int] | None:
    """The token span of a name of two words or more starting at `start`, or None."""
    if _ends_name(toks, start, taken, lex) or not _name_start_ok(toks, start, lex):
        return None
    items, n = toks.items, len(toks.items)
    need = 3 if items[start].key in lex.ar_compound else 2
    extra = False  # one more word may follow a full name: a family name (محمد صالح المغربي، محمد الأمين بلحاج)
    k = start + 1
    while k < n and k - start < MAX_NAME_WORDS and items[k].joined:
        if _demonym_family_name(toks, k, taken):
            k += 1  # (the demonym's country mention is dropped by `actors.find_actors`)
            break
        if _ends_name(toks, k, taken, lex) or not _later_word_ok(toks, k, lex):
            break
        if k - start >= need:
            if extra or not _family_name_ok(toks, k, lex):
                break
            extra = True
        if items[k].key in lex.ar_compound:
            need = max(need, k - start + 2)  # بن، ولد: the name goes on to the noun after it
        k += 1
    if k - start < 2 or items[k - 1].key in lex.ar_compound:
        return None
    return start, k


def _demonym_family_name(toks: Tokens, k: int, taken: list[str | None]) -> bool:
    """A nisba that is also a demonym, right after a name word: a family name (صالح المغربي is
    Salah al-Maghrebi; "the Moroccan" would come before the name, after the title)."""
    key = toks.items[k].key
    return taken[k] == "country" and key.startswith("ال") and key.endswith("ي") and taken[k - 1] is None


# ---- a name that starts with a given name -----------------------------------------------------

def _untitled(toks: Tokens, taken: list[str | None], lex: ActorLexicon) -> list[Candidate]:
    out: list[Candidate] = []
    nxt = 0
    for i in toks.candidates(lex.ar_given_keys):
        it = toks.items[i]
        if i < nxt or taken[i] is not None or not it.arabic or not is_given(lex, _word(toks, i)):
            continue  # (a clitic-stripped form, or على for علي)
        if it.key in lex.ar_compound or i + 1 >= len(toks.items) or not toks.items[i + 1].joined:
            continue
        if _ends_name(toks, i + 1, taken, lex) or not _second_ok(toks, i + 1, lex):
            continue
        span = _name_span(toks, i, taken, lex)
        if span is None:
            continue
        out.append(Candidate(span[0], span[1], "given name"))
        for k in range(*span):
            taken[k] = "person"
        nxt = span[1]
    return out


def _second_ok(toks: Tokens, k: int, lex: ActorLexicon) -> bool:
    """Without a title, the word after a given name must itself be a given name or too rare to be
    vocabulary: سعيد بالزيارة is "happy with the visit"."""
    return is_given(lex, _word(toks, k)) or not _common(lex, toks.items[k].key)

