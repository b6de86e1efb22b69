"""Whether a Latin spelling fits an Arabic name, and how well: vowels and word edges.

The name key (`namekey`) compares consonants only; among the Latin spellings whose key meets an
Arabic word's, these rules keep the ones whose vowels agree. Arabic writes only long vowels; each
must be rendered by a Latin vowel of its kind in the same place between consonants (محمود is
Mahmoud, not Mohamed; حكيم is Hakim, not Hicham), and the Latin word must start and end as the
Arabic one does (حمد is not Ahmed; صدقي is not Sadiq). Short vowels may be anything. Used by the
name lexicon build (the usual spelling of Arabic given names) and by `translit` (foreign given
names written in Arabic: ويليام is William).
"""
from __future__ import annotations

# Long vowels written in Arabic and the vowel letters that may render them in Latin script.
_ARABIC_VOWELS = {"ا": "a", "آ": "a", "ى": "a", "و": "u", "ي": "i", "ة": "a"}
_LATIN_VOWELS = {"a": "a", "\u00e2": "a", "\u00e0": "a", "e": "ai", "\u00e9": "ai", "\u00e8": "ai", "i": "i",
                 "\u00ee": "i", "\u00ef": "i", "y": "i", "o": "u", "\u00f4": "u", "u": "u", "\u00fb": "u", "w": "u"}
_LATIN_UNITS = ("sch", "tch", "sh", "ch", "kh", "gh", "th", "dh", "ph", "dj", "dz", "ck")
_SILENT_ARABIC = "عءئؤأإ"


def _arabic_slots(arabic: str) -> list[str]:
    """The long vowels of an Arabic name between its consonants: slot k holds those after the k-th
    consonant (slot 0: before the first). The alif of the article (الدين، عبدالله) is no vowel, a
    doubled consonant counts once."""
    slots = [""]
    for word in arabic.split():
        word = word[:3] + word[4:] if word.startswith("عبدال") else word
        word = word[1:] if word.startswith("ال") else word
        prev = ""
        for k, ch in enumerate(word):
            if ch in _ARABIC_VOWELS and not (k == 0 and ch in "وي"):
                if k > 0:
                    slots[-1] += _ARABIC_VOWELS[ch]
            elif ch not in _SILENT_ARABIC and not (ch == prev and slots[-1] == ""):
                slots.append("")
            prev = ch
    return slots


def fits(arabic: str, latin: str) -> bool:
    """Each long vowel written in the Arabic has a Latin vowel of its kind in the same place (محمود
    is not Mohamed, حكيم not Hicham), and the Latin word starts and ends as the Arabic one (a
    consonant, a vowel, ي as i or y: حمد is not Ahmed, صدقي is not Sadiq); short vowels, unwritten in
    Arabic, may be anything. A compound may count its consonants differently (the article written
    or assimilated: نور الدين, Noureddine): then every long vowel must at least be somewhere."""
    low = latin.lower()
    if not (_edge_fits(arabic[0], low[:1], _START) and _edge_fits(arabic[-1], low[-2:], _END)):
        return False
    a, b = _arabic_slots(arabic), _latin_slots_raw(low)
    if len(a) == len(b):
        return all(_covers(x, y) for x, y in zip(a, b))
    if " " not in arabic and not arabic.startswith("ال"):
        return False  # one word: the consonants must pair up (جان is Jean, not Jinan)
    return _covers("".join(a), "".join(b))  # a compound: the article may be written or assimilated


def _covers(need: str, have: str) -> bool:
    """Whether the Latin vowel letters `have` render the Arabic long vowels `need` (a, i, u): each
    by a letter of its kind, or by an e (which renders one a or one i, not both)."""
    short = {v: max(0, need.count(v) - sum(have.count(ch) for ch in _SPECIFIC[v])) for v in "aui"}
    either = sum(have.count(ch) for ch in "e\u00e9\u00e8")
    return short["u"] == 0 and short["a"] + short["i"] <= either


_LONG_DIGRAPHS = ("ai", "ay", "ei", "ey", "ie", "ee", "ii", "ou", "oo", "uu")
_SPECIFIC = {"a": "a\u00e2\u00e0", "i": "iy\u00ee\u00ef", "u": "ouw\u00f4\u00fb"}
_PLAIN = {"a": "a\u00e2\u00e0", "i": "i\u00ee\u00ef", "u": "ou\u00f4\u00fb"}  # i rather than y: Sobhi, not Sobhy


# Vowel letters that may render each Arabic long vowel (e for a and i: Kamel, Sedki).
_MAY_RENDER = {"a": "ae\u00e2\u00e0\u00e9\u00e8h", "u": "ouw\u00f4\u00fb", "i": "iye\u00e9\u00e8\u00ee\u00ef"}


def clashes(arabic: str, latin: str) -> int:
    """How many places hold a Latin vowel that no Arabic long vowel there may render (جون: the a of
    Juan; جان: the u of Juan). Places without a long vowel take any short vowel."""
    a, b = _arabic_slots(arabic), _latin_slots_raw(latin.lower())
    if len(a) != len(b):
        return 0
    return sum(1 for want, have in zip(a, b)
               if want and any(not any(ch in _MAY_RENDER[v] for v in want) for ch in have))


def likeness(arabic: str, latin: str) -> int:
    """Among spellings that fit: +1 for each Arabic long vowel rendered by its own letter (ي by i,
    not e: جميل is Jamil, not Djamel), -1 for each long-vowel pair (ai, ou, ee...) where the Arabic
    has no long vowel (سعد is Saad, not Said)."""
    a, b = _arabic_slots(arabic), _latin_slots_raw(latin.lower())
    if len(a) != len(b):
        return 0
    score = 0
    for want, have in zip(a, b):
        score += sum(1 for v in want if any(ch in have for ch in _PLAIN[v]))
        if not want and any(d in have for d in _LONG_DIGRAPHS):
            score -= 1
    return score


def _latin_slots_raw(latin: str) -> list[str]:
    """`_latin_slots` with the vowel letters as written."""
    w = "".join(ch for ch in latin if ch.isalpha())
    slots = [""]
    i, prev = 0, ""
    while i < len(w):
        unit = next((u for u in _LATIN_UNITS if w.startswith(u, i)), w[i])
        if unit in _LATIN_VOWELS and not (i == 0 and unit in "wy"):
            slots[-1] += unit
        elif unit != prev or slots[-1]:
            slots.append("")
        prev = unit if unit not in _LATIN_VOWELS else prev
        i += len(unit)
    return slots


# How a word's first and last Arabic letter may be written in Latin script: a vowel letter, a
# consonant, or one of the given letters (absent: a consonant).
_VOWEL_LETTERS = "aeiou\u00e2\u00e9\u00e8\u00ee\u00ef\u00f4\u00fb"
_START = {"ا": _VOWEL_LETTERS, "أ": _VOWEL_LETTERS, "إ": _VOWEL_LETTERS, "آ": _VOWEL_LETTERS,
          "ع": _VOWEL_LETTERS, "و": "wovu", "ي": "yij"}
_END = {"ي": ("i", "y", "ie", "ee", "ey", "\u00ef"), "ى": ("a", "e"), "ا": ("a", "ah", "aa"), "و": ("o", "u", "w"),
        "ة": ("a", "e", "h", "t"), "ه": ("a", "e", "h")}


def _edge_fits(arabic_letter: str, latin_edge: str, table: dict) -> bool:
    """Whether a Latin word's first letter (`table` _START) or last two letters (_END) fit the
    Arabic word's first or last letter."""
    allowed = table.get(arabic_letter)
    if allowed is not None:
        return any(latin_edge.endswith(x) for x in allowed) if table is _END else latin_edge[:1] in allowed
    last = latin_edge[-1:]
    return last not in _VOWEL_LETTERS or (table is _END and last == "e")
