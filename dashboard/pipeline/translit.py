"""A conventional English spelling for an Arabic name no list holds.

Given names, and family names that are given names (صالح، إبراهيم), take their usual Latin spelling
from the name lexicon (`dashboard.build.names`: Mohamed, Youssef, Noureddine). Other words follow the
common news style, not a scholarly romanisation:

- consonants: ج j, خ kh, ش sh, ث th, ذ dh, ظ dh, غ gh, ق q, ص s, ض d, ط t, ح and ه h; hamza is not
  written, nor is ع, except as "aa" between consonants (سعد: Saad);
- long vowels: ا a, و ou, ي i (w and y where they are consonants), final ى a, ة a;
- short vowels, which Arabic does not write, as "a" where two consonants would start a word or
  three follow each other, and "e" before a final pair of consonants (أوناجم: Ounajem);
- the article: al- before the rest of the word, capitalised (الشامسي: al-Shamsi), for every letter
  (news style does not write the sun letters' assimilation, as-Sisi); compound given names keep
  their usual form from the lexicon (نور الدين: Noureddine), else عبد joins its noun (Abdel-) and a
  second part الدين/الله is written al-Din / Allah;
- name particles: بن Ben, ولد Ould, أبو Abu, آل Al.

Decisions that depend on the written form use the text as written, not its folded form: folding
merges ى with ي and ة with ه, but final ى is "a" (مصطفى: Mostafa) and ي "i" (صبحي: Sobhi).
"""
from __future__ import annotations

from collections.abc import Mapping

from .arabic import fold_char
from .namekey import arabic_word_keys
from .spelling import clashes, fits

# Letters kept apart by `soft_fold`: folding merges them with ي and ه, the spelling needs them.
_KEPT = frozenset("ىة")
_CONSONANTS = {
    "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r", "ز": "z",
    "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "dh", "غ": "gh", "ف": "f", "ق": "q", "ك": "k",
    "ل": "l", "م": "m", "ن": "n", "ه": "h", "پ": "p", "ڤ": "v", "گ": "g", "چ": "ch",
}
_SILENT = frozenset("عءئؤ")
PARTICLES = {"بن": "Ben", "ابن": "Ibn", "ولد": "Ould", "ابو": "Abu", "بو": "Bou", "ال": "Al", "ال ": "Al"}
_THEOPHORIC = {"الدين": "al-Din", "الله": "Allah", "الاسلام": "al-Islam"}


# `arabic.fold`'s table (a list indexed by code point, see arabic._LIST) with ى and ة kept.
_SOFT = [ch if ch in _KEPT else fold_char(ch) for ch in map(chr, range(0x3000))]


def soft_fold(text: str) -> str:
    """`arabic.fold`, except that ى and ة stay as written (على is not علي, the preposition is no name)."""
    return text.translate(_SOFT)


_HAMZA_ALEF = frozenset("أإآ")


def _plain(word: str) -> str:
    """The word without vowel marks and tatweel, its letters as written (إ is i, أ and آ are a)."""
    return "".join(ch if ch in _KEPT or ch in _HAMZA_ALEF else fold_char(ch) for ch in word)


_LONG = frozenset("اوي")
_VOWEL_LETTERS = {"ا": "a", "أ": "a", "آ": "a", "إ": "i", "ى": "a", "ة": "a"}


def _units(word: str) -> list[tuple[str, bool]]:
    """The word as (Latin letters, is a vowel) units."""
    out: list[tuple[str, bool]] = []
    n = len(word)
    for k, ch in enumerate(word):
        nxt = word[k + 1] if k + 1 < n else ""
        unit = _unit(ch, k, n, bool(out) and out[-1][1], nxt)
        if unit is not None:
            out.append(unit)
    return [u for u in out if u[0] or u[1]]


def _unit(ch: str, k: int, n: int, prev_vowel: bool, nxt: str) -> tuple[str, bool] | None:
    """The unit of letter `ch` at `k` in a word of `n` letters, or None when it is not sounded."""
    if ch in "اأإآ" and k == 0 and nxt in ("و", "ي"):
        return None  # أو، إي: the long vowel that follows is the sound (أوناجم: Ounajem)
    if ch in _VOWEL_LETTERS:
        return _VOWEL_LETTERS[ch], True
    if ch in ("و", "ي"):
        return _semivowel(ch, k, n, prev_vowel, nxt)
    if ch in _SILENT:
        return _silent(k, prev_vowel, nxt)
    if ch == "ه" and k == n - 1 and k > 0:
        return "a", True  # final ه for ة (Egyptian spelling)
    return _CONSONANTS.get(ch, ""), False


def _semivowel(ch: str, k: int, n: int, prev_vowel: bool, nxt: str) -> tuple[str, bool]:
    """و and ي: consonants (w, y) at the start of a word or between vowels, else long vowels (ou,
    i); ي before ا is y (الخياط: Khayat); a final one after a vowel is a vowel (أكتاو: Aktaou)."""
    between = prev_vowel and nxt in _LONG and nxt != ""
    if ch == "و":
        return ("w", False) if k == 0 or between else ("ou", True)
    consonant = (k == 0 or between or nxt == "ا") and k + 1 < n
    return ("y", False) if consonant else ("i", True)


def _silent(k: int, prev_vowel: bool, nxt: str) -> tuple[str, bool] | None:
    """ع and hamza: no letter of their own; a vowel where the spelling needs one."""
    if nxt in _LONG and nxt != "":
        # after a consonant, before a long vowel other than a: سعيد Said, سعود Saoud (رفاعي: Rifai)
        return ("a", True) if k > 0 and nxt != "ا" and not prev_vowel else None
    if k == 0:
        return ("", True)  # a vowel the spelling does not show (عمر: Omar, here Amar)
    if not prev_vowel:
        return ("aa" if nxt else "", True)  # ع between consonants: سعد Saad, جعفر Jaafar
    return None


def _spell(word: str) -> str:
    """A Latin spelling of one Arabic word, short vowels guessed (see the module docstring)."""
    units = _units(word)
    out: list[str] = []
    run = 0  # consonants in a row so far
    for idx, (letters, vowel) in enumerate(units):
        if vowel:
            if letters == "" and (idx == 0 or run):
                letters = "a"
            out.append(letters)
            run = 0
            continue
        if run and (len(out) == 1 or run >= 2):
            out.append("a")
            run = 0
        out.append(letters)
        run += 1
    if len(units) >= 3 and run >= 2 and len(out) >= 2 and out[-2] not in ("a", "i", "ou", "e"):
        out.insert(len(out) - 1, "e")
    spelled = "".join(out)
    return spelled[:1].upper() + spelled[1:]


def transliterate(arabic: str, given: Mapping[str, str] | None = None,
                  foreign: Mapping[str, tuple[str, ...]] | None = None) -> str:
    """An English spelling of an Arabic name: the lexicon's spelling of each given name (`given`:
    soft-folded Arabic -> Latin); for a first word no Arabic given name, a foreign given name
    whose key and vowels fit (`foreign`: key -> Latin given names, most popular first: ويليام is
    William); the news-style scheme for the other words."""
    given = given or {}
    raw = arabic.split()
    words = [soft_fold(w) for w in raw]
    out: list[str] = []
    k = 0
    while k < len(words):
        w = words[k]
        pair = f"{w} {words[k + 1]}" if k + 1 < len(words) else None
        if pair and given.get(pair):
            out.append(given[pair])
            k += 2
            continue
        if pair and w == "عبد" and words[k + 1].startswith("ال"):
            out.append("Abdel" + _spell(_plain(raw[k + 1])[2:]).lower())
            k += 2
            continue
        spelled = _foreign(raw[k], foreign) if k == 0 and foreign and not given.get(w) else ""
        out.append(spelled or _word(raw[k], given))
        k += 1
    return " ".join(out)


def _foreign(raw: str, foreign: Mapping[str, tuple[str, ...]]) -> str:
    """The most popular foreign given name whose key and vowels fit the Arabic word, among those
    whose vowels clash least with it ("" if none)."""
    word = _plain(raw)
    best, best_score = "", (1 << 30, 1 << 30)
    for key in sorted(arabic_word_keys(raw)):
        for rank, latin in enumerate(foreign.get(key, ())):
            score = (clashes(word, latin), rank)
            if score < best_score and fits(word, latin):
                best, best_score = latin, score
    return best


def _word(raw: str, given: Mapping[str, str]) -> str:
    w = soft_fold(raw)
    if given.get(w):
        return given[w]
    if w in PARTICLES:
        return PARTICLES[w]
    if w in _THEOPHORIC:
        return _THEOPHORIC[w]
    if w.startswith("ال") and len(w) > 3:
        return "al-" + (given.get(w[2:]) or _spell(_plain(raw)[2:]))
    return _spell(_plain(raw))
