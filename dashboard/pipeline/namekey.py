"""A spelling-tolerant key for personal names, from Latin or Arabic script.

One person is spelled many ways: Dbeibah / Dabaiba / Dbeiba / الدبيبة, Chengriha / Chanegriha /
شنقريحة, Gaddafi / Qaddafi / القذافي. What survives every spelling is the consonant skeleton: vowels
come and go (Arabic writes only the long ones), doubled letters are written once in Arabic, and
each Arabic consonant has a few usual Latin renderings. The key is that skeleton over classes of
sounds, one letter per Arabic consonant (B, T, J... with C for ش and X for خ); a Latin letter whose sound is ambiguous
gives every class it may stand for ("g" is غ in Ghali, ق in Gaid, ج in Gamal), so a Latin word has a
small set of keys and an Arabic word one or two. Two spellings may be the same name when their key
sets meet.

The key is coarse on purpose: it is only ever compared with the keys of names already known (the
curated people, the first-name lexicon, the other people of the same article), never used to
invent an identity on its own.
"""
from __future__ import annotations

from functools import lru_cache
from itertools import product

from .arabic import fold

MAX_KEYS = 64  # keys kept per word or name: past this, ambiguous letters take their first reading

# Latin letters and digraphs, longest first at each position: the classes each may stand for.
_LATIN_DIGRAPHS = (
    ("sch", ("C",)), ("tch", ("C",)), ("sh", ("C",)), ("ch", ("C", "K")), ("kh", ("X",)),
    ("gh", ("G",)), ("th", ("T",)), ("dh", ("D", "Z")), ("ph", ("F",)), ("dj", ("J",)),
    ("dz", ("J",)), ("ck", ("K",)), ("x", ("KS",)),
)
_LATIN_LETTERS = {
    "b": ("B",), "p": ("B",), "d": ("D",), "f": ("F",), "v": ("F",), "g": ("G", "J", "Q"),
    "h": ("H",), "j": ("J",), "k": ("K", "Q"), "l": ("L",), "m": ("M",), "n": ("N",), "q": ("Q",),
    "r": ("R",), "s": ("S",), "t": ("T",), "z": ("Z",),
}
_LATIN_VOWELS = frozenset("aeiouyw")
# The Arabic article written apart in Latin script ("al-Sisi", "El Othmani", "ad-Din"): dropped, as
# the Arabic side also gives the key without its article. Assimilated forms only before their letter.
_LATIN_ARTICLES = frozenset(("al", "el", "ul"))
_ASSIMILATED = frozenset(("ad", "ed", "as", "es", "ash", "ech", "ar", "er", "at", "et", "az", "ez",
                          "an", "en", "ath", "adh", "ag"))

_ARABIC_LETTERS = {
    "ب": ("B",), "پ": ("B",), "ت": ("T",), "ث": ("T",), "ج": ("J",), "ح": ("H",), "خ": ("X",),
    "د": ("D",), "ذ": ("D", "Z"), "ر": ("R",), "ز": ("Z",), "س": ("S",), "ش": ("C",), "چ": ("C",),
    "ص": ("S",), "ض": ("D",), "ط": ("T",), "ظ": ("Z", "D"), "غ": ("G",), "گ": ("G",), "ف": ("F",),
    "ڤ": ("F",), "ق": ("Q",), "ك": ("K",), "ل": ("L",), "م": ("M",), "ن": ("N",), "ه": ("H",),
}
_ARABIC_SILENT = frozenset("اعءئؤآأإىي" + "و")  # long vowels, ain and hamza (و ي count at a word's start)


def _collapse(classes: tuple[str, ...] | str) -> str:
    """Joined classes, a class repeated next to itself written once (Arabic writes a doubled
    consonant once)."""
    out: list[str] = []
    for c in "".join(classes):
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


def _expand(options: list[tuple[str, ...]]) -> frozenset[str]:
    """Every reading of a sequence of alternatives, collapsed; ambiguous letters past MAX_KEYS
    readings keep their first class."""
    fixed: list[tuple[str, ...]] = []
    count = 1
    for opt in options:
        if count * len(opt) > MAX_KEYS:
            opt = opt[:1]
        count *= len(opt)
        fixed.append(opt)
    return frozenset(_collapse(p) for p in product(*fixed))


@lru_cache(maxsize=50_000)
def latin_word_keys(word: str) -> frozenset[str]:
    """Keys of one Latin-script word (any case, accents allowed)."""
    w = "".join(ch for ch in fold(word) if ch.isalpha())
    options, i = _latin_start(w)
    while i < len(w):
        classes, i = _latin_unit(w, i)
        if classes is not None:
            options.append(classes)
    return _expand(options)


def _latin_start(w: str) -> tuple[list[tuple[str, ...]], int]:
    """The classes of a word-initial ou, w or y, and where the rest of the word starts."""
    n = len(w)
    if w.startswith("ou") and n > 2:  # Ouattara, Ould (و) or Oumar (ع + u)
        return [("W", "")], 2
    if n > 1 and w[0] in "wy" and w[1] not in "wy":
        return [("W",) if w[0] == "w" else ("Y",)], 1
    return [], 0


def _latin_unit(w: str, i: int) -> tuple[tuple[str, ...] | None, int]:
    """The classes of the digraph or letter at `i` (None for a vowel), and where the next one starts."""
    for graph, classes in _LATIN_DIGRAPHS:
        if w.startswith(graph, i):
            return classes, i + len(graph)
    return _latin_letter(w, i), i + 1


def _latin_letter(w: str, i: int) -> tuple[str, ...] | None:
    ch, n = w[i], len(w)
    if ch == "c":
        return ("S",) if i + 1 < n and w[i + 1] in "eiy" else ("K", "Q")
    if ch == "h" and i == n - 1 and i > 0 and w[i - 1] in "aeo":  # Dbeibah: a final -ah is often ة
        return ("H", "")
    if ch not in _LATIN_VOWELS:
        return _LATIN_LETTERS.get(ch, (ch.upper(),))
    return None


@lru_cache(maxsize=50_000)
def arabic_word_keys(word: str) -> frozenset[str]:
    """Keys of one Arabic-script word: with and without its article (الدبيبة gives the keys of
    دبيبة too), a final ه/ة read or not."""
    w = fold(word)
    bases = [w]
    if w.startswith("ال") and len(w) > 3:
        bases = [w, w[2:]]
    keys: set[str] = set()
    for b in bases:
        options: list[tuple[str, ...]] = []
        for k, ch in enumerate(b):
            if k == 0 and ch in "وي" and len(b) > 1:
                options.append(("W",) if ch == "و" else ("Y",))
            elif ch == "ه" and k == len(b) - 1 and k > 0:
                options.append(("H", ""))
            elif ch in _ARABIC_SILENT:
                continue
            else:
                options.append(_ARABIC_LETTERS.get(ch, ("",)))
        keys |= _expand(options)
    return frozenset(keys)


def _latin_parts(name: str) -> list[str]:
    """The words of a Latin-script name without the Arabic article written apart."""
    words = [p for p in fold(name).replace("'", " ").replace("-", " - ").split() if p]
    out: list[str] = []
    for k, p in enumerate(words):
        if p == "-":
            continue
        nxt = words[k + 2] if k + 2 < len(words) and words[k + 1] == "-" else None
        if p in _LATIN_ARTICLES and k + 1 < len(words):
            continue
        if p in _ASSIMILATED and nxt and nxt[:1] == p[-1]:  # ad-Din, as-Sisi, ash-Shami
            continue
        out.append(p)
    return out


_ABD = ("abdel", "abdul", "abdal", "abdoul", "abdol")


def _latin_name_options(word: str) -> frozenset[str]:
    """`latin_word_keys`, and for Abdel-/Abdul- compounds also the reading without the article's L
    (Abdelrahman is also Abderrahmane)."""
    keys = latin_word_keys(word)
    for pre in _ABD:
        if word.startswith(pre):
            keys = keys | frozenset(_collapse("BD" + k) for k in latin_word_keys(word[len(pre):]) | {""})
            break
    return keys


@lru_cache(maxsize=50_000)
def word_keys(word: str) -> frozenset[str]:
    """Keys of one word in either script."""
    w = fold(word)
    if w and "\u0600" <= w[0] <= "\u06ff":
        return arabic_word_keys(w)
    return _latin_name_options(w)


@lru_cache(maxsize=20_000)
def name_words(name: str) -> tuple[str, ...]:
    """The words of a name as the key sees them (Latin articles written apart dropped)."""
    w = fold(name).strip()
    if w and "\u0600" <= w[0] <= "\u06ff":
        return tuple(w.split())
    return tuple(_latin_parts(name))


@lru_cache(maxsize=20_000)
def name_keys(name: str) -> frozenset[str]:
    """Keys of a whole name: the words' keys joined, every combination up to MAX_KEYS."""
    words = name_words(name)
    if not words:
        return frozenset()
    keys: set[str] = {""}
    for w in words:
        wk = word_keys(w)
        keys = {_collapse(a + b) for a in keys for b in wk}
        if len(keys) > MAX_KEYS:
            keys = set(sorted(keys)[:MAX_KEYS])
    return frozenset(keys)


def same_name(a: str, b: str) -> bool:
    """Whether two spellings may name the same person (their keys meet)."""
    return bool(name_keys(a) & name_keys(b))
