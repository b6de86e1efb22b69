"""Publication dates as sources write them: ISO, RFC 822 (feeds), French, English, Arabic.

Only the calendar date matters, as the publisher wrote it: "Fri, 02 Oct 2020 23:30 -0500" is
2 October (converting to UTC would move it to the 3rd). A date that does not exist (2020-13-45)
gives None: the article is kept, only its date is unknown.
"""
from __future__ import annotations

import re
import time
from datetime import date, datetime

MIN_YEAR, MAX_YEAR = 1900, 2100

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate((
    "january jan janvier janv يناير جانفي",
    "february feb février fevrier févr fevr fév fev فبراير فيفري",
    "march mar mars مارس",
    "april apr avril avr ابريل افريل",
    "may mai مايو ماي",
    "june jun juin يونيو يونيه جوان",
    "july jul juillet juil يوليو يوليه يوليوز جويليه",
    "august aug août aout اغسطس غشت اوت",
    "september sep sept septembre سبتمبر شتنبر",
    "october oct octobre اكتوبر",
    "november nov novembre نوفمبر نونبر",
    "december dec décembre decembre déc دجنبر ديسمبر",
), start=1):
    for _name in _names.split():
        _MONTHS[_name] = _number

_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_ALEF = str.maketrans("أإآ", "ااا")
_ISO = re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_DMY_NUMERIC = re.compile(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)")
_WORD = r"([^\W\d_]+)"
_DAY_MONTH_YEAR = re.compile(r"(?<!\d)(\d{1,2})(?:er|st|nd|rd|th)?\.?\s+" + _WORD + r"\.?[,،]?\s+(\d{4})(?!\d)")
_MONTH_DAY_YEAR = re.compile(_WORD + r"\.?\s+(\d{1,2})(?:st|nd|rd|th)?[,،]?\s+(\d{4})(?!\d)")


def _make(year: int, month: int, day: int) -> date | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month(word: str) -> int | None:
    return _MONTHS.get(word.lower().translate(_ALEF).replace("ة", "ه"))


def has_date_shape(value: str) -> bool:
    """True if the string is written like a date this module reads, even an impossible one."""
    text = value.translate(_ARABIC_DIGITS)
    return bool(_ISO.search(text) or _DMY_NUMERIC.search(text)
                or any(_month(m[2]) for m in _DAY_MONTH_YEAR.finditer(text))
                or any(_month(m[1]) for m in _MONTH_DAY_YEAR.finditer(text)))


def parse_published(value: object) -> date | None:
    """The calendar date in a date, datetime, time tuple or string; None if there is none."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, time.struct_time):
        return _make(value.tm_year, value.tm_mon, value.tm_mday)
    if not isinstance(value, str):
        return None
    text = value.strip().translate(_ARABIC_DIGITS)[:200]
    if not text:
        return None
    if match := _ISO.search(text):
        return _make(int(match[1]), int(match[2]), int(match[3]))
    for match in _DAY_MONTH_YEAR.finditer(text):
        month = _month(match[2])
        if month:
            return _make(int(match[3]), month, int(match[1]))
    for match in _MONTH_DAY_YEAR.finditer(text):
        month = _month(match[1])
        if month:
            return _make(int(match[3]), month, int(match[2]))
    if match := _DMY_NUMERIC.search(text):  # day first, as written in French and Arabic
        return _make(int(match[3]), int(match[2]), int(match[1]))
    return None
