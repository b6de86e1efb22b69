"""The calendar span a partial date covers, so that range filters treat "2020-10" fairly."""
from __future__ import annotations

import calendar
from datetime import date


def date_span(value: str | None) -> tuple[date | None, date | None]:
    """("2020-10-02") -> that day; ("2020-10") -> 1..31 October; ("2020") -> the year; else Nones."""
    if not value:
        return None, None
    parts = value.split("-")
    try:
        year = int(parts[0])
        if len(parts) == 1:
            return date(year, 1, 1), date(year, 12, 31)
        month = int(parts[1])
        if len(parts) == 2:
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        day = date(year, month, int(parts[2]))
        return day, day
    except (ValueError, IndexError):
        return None, None
