"""Sorting names the way readers of each interface language expect (pure).

Babel has no collation and ICU is not a dependency, so this is a small locale-aware sort key:
- accents and case do not separate letters (Égypte sorts with Egypt, between Djibouti and
  Éthiopie, never after Zambia); œ and æ sort as oe and ae; the accent only breaks ties;
- Arabic hamza forms and madda sort with their alef (الأردن with الاردن), alef maqsura with ya,
  taa marbuta with ha, and vowel marks and tatweel are ignored;
- the interface's own script comes first: Arabic names before Latin ones in Arabic, Latin
  before Arabic in English and French, digits and punctuation last.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")

_LATIN_EXTRA = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "đ": "d", "ł": "l", "ı": "i",
                              "’": "'", "ʼ": "'"})
_ARABIC_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ئ": "ي", "ؤ": "و",
                              "ة": "ه", "ـ": None})


def _script(ch: str) -> str:
    if "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f":
        return "arabic"
    if ch.isalpha():
        return "latin"
    return "other"


def _primary(text: str) -> str:
    """Letters without accents, case, vowel marks or hamza forms."""
    folded = text.casefold().translate(_LATIN_EXTRA).translate(_ARABIC_FOLD)
    return "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))


def sort_key(text: str, lang: str) -> tuple:
    """A key that orders `text` for a reader of `lang` (en, fr or ar)."""
    text = str(text or "").strip()
    primary = _primary(text)
    first = next((_script(c) for c in primary if _script(c) != "other"), "other")
    order = ("arabic", "latin", "other") if lang == "ar" else ("latin", "arabic", "other")
    return order.index(first), primary, text.casefold(), text


def sorted_by_name(values: Iterable[T], name: Callable[[T], str], lang: str) -> list[T]:
    """`values` ordered by their name in the interface language."""
    return sorted(values, key=lambda v: sort_key(name(v), lang))
