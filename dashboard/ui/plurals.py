"""Plural forms, numbers and dates in the interface language, from the Unicode CLDR through Babel.

English has two plural forms (one, other), French three (one for 0 and 1, many for round millions,
other), Arabic six (zero, one, two, few for 3-10, many for 11-99, other for 100-102...). Messages
give a text per form; `plural_text` picks the form CLDR names for the number, falling back to
"other". Numbers use the locale's grouping (1,234 / 1 234); Arabic keeps Latin digits, as the
region's news sites do.
"""
from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import lru_cache

from babel import Locale
from babel.dates import format_date as _babel_date
from babel.dates import format_skeleton as _babel_skeleton
from babel.numbers import format_decimal

PLURAL_FORMS = ("zero", "one", "two", "few", "many", "other")
DATE_PRECISIONS = ("day", "month", "year")


@lru_cache(maxsize=8)
def _locale(lang: str) -> Locale:
    return Locale.parse(lang if lang in ("en", "fr", "ar") else "en")


def plural_form(n: int, lang: str) -> str:
    """The CLDR plural category of `n` in `lang`: zero, one, two, few, many or other."""
    return _locale(lang).plural_form(abs(int(n)))


def format_number(n: int | float, lang: str) -> str:
    """`n` with the locale's digit grouping: 12,345 (en), 12 345 (fr), 12,345 (ar)."""
    return format_decimal(n, locale=_locale(lang))


def plural_text(forms: Mapping[str, str], n: int, lang: str, **values: object) -> str:
    """The message for `n` from `forms` (one text per plural form), with `{n}` the formatted number."""
    text = forms.get(plural_form(n, lang)) or forms["other"]
    return text.format(n=format_number(n, lang), **values)


def format_day(day: date, lang: str) -> str:
    """A calendar day as people write it: 2 October 2020, 2 octobre 2020, 2 أكتوبر 2020."""
    return _babel_date(day, "long", locale=_locale(lang))


def format_month(day: date, lang: str) -> str:
    """The month of `day`: October 2020, octobre 2020, أكتوبر 2020."""
    return format_skeleton("yMMMM", day, lang)


def format_skeleton(skeleton: str, day: date, locale: str) -> str:
    """`day` in the CLDR pattern closest to `skeleton` ("yMMM": Oct 2020, oct. 2020, أكتوبر 2020)."""
    return _babel_skeleton(skeleton, day, locale=_locale(locale))


def format_partial_date(value: str | None, lang: str) -> str:
    """An event date as stored (YYYY-MM-DD, YYYY-MM or YYYY) in words; "" when there is none."""
    if not value:
        return ""
    parts = value.split("-")
    try:
        if len(parts) == 1:
            return str(int(parts[0]))
        if len(parts) == 2:
            return format_month(date(int(parts[0]), int(parts[1]), 1), lang)
        return format_day(date(int(parts[0]), int(parts[1]), int(parts[2])), lang)
    except ValueError:
        return value
