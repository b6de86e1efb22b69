"""Text folding for matching Arabic, French and English names.

Matching needs one spelling per name: Arabic hamza forms, alef maqsura and taa marbuta vary
between writers, diacritics and tatweel are decoration, French accents come and go. `fold` gives
that spelling; `lexmatch.fold_with_offsets` also tells, for each folded character, where it came
from, so matches found in folded text point back into the original. Folding never stems.
"""
from __future__ import annotations

import unicodedata

TATWEEL = "\u0640"
# Arabic harakat, tanwin, shadda, sukun, superscript alef, Quranic marks.
_ARABIC_MARKS = {chr(c) for c in range(0x064B, 0x0660)} | {"\u0670"} | {chr(c) for c in range(0x06D6, 0x06EE)}
_LETTER_MAP = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "ى": "ي", "ة": "ه",
    "ی": "ي", "ک": "ك",  # Persian/Urdu forms that turn up in scraped Arabic
}
_ARABIC_INDIC = {chr(0x0660 + i): str(i) for i in range(10)} | {chr(0x06F0 + i): str(i) for i in range(10)}
# Typographic apostrophes and dashes folded to ASCII so "l’Algérie" matches "l'algerie".
_PUNCT_MAP = {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u2010": "-", "\u2011": "-",
              "\u2013": "-", "\u2014": "-", "\u00a0": " "}


def _fold_char(ch: str) -> str:
    """Folded form of one character: '' to drop it, else exactly one character."""
    if ch == TATWEEL or ch in _ARABIC_MARKS:
        return ""
    if ch in _LETTER_MAP:
        return _LETTER_MAP[ch]
    if ch in _ARABIC_INDIC:
        return _ARABIC_INDIC[ch]
    if ch in _PUNCT_MAP:
        return _PUNCT_MAP[ch]
    if ord(ch) < 128:
        return ch.lower()
    decomposed = unicodedata.normalize("NFD", ch)
    base = decomposed[0]
    if len(decomposed) > 1 and all(unicodedata.combining(c) for c in decomposed[1:]):
        ch = base
    elif unicodedata.combining(ch):
        return ""
    low = ch.lower()
    return low if len(low) == 1 else ch


def _build_table() -> dict[int, str]:
    """str.translate table: code point -> folded string ('' drops it), only where folding changes
    the character. Covers Latin, Greek, Cyrillic, Arabic, punctuation (below U+3000); characters
    above fold to themselves."""
    table: dict[int, str] = {}
    for code in range(0x3000):
        ch = chr(code)
        folded = _fold_char(ch)
        if folded != ch:
            table[code] = folded
    return table


_TABLE = _build_table()
# The same table as a list indexed by code point, for str.translate: a dict makes it raise and catch
# a KeyError for every character left as it is, a list does not (code points past the end raise an
# IndexError, which str.translate also takes as "unchanged", as the dict does).
_LIST = [_TABLE.get(code, chr(code)) for code in range(0x3000)]


def fold_char(ch: str) -> str:
    return _TABLE.get(ord(ch), ch)


def fold(text: str) -> str:
    """The matching form of a text (lower case, no accents or Arabic diacritics, unified letters)."""
    return text.translate(_LIST)


def is_arabic_letter(ch: str) -> bool:
    return "\u0621" <= ch <= "\u064a" or "\u0671" <= ch <= "\u06d3"
