"""Quick date ranges for the date filter (pure): last 7 days, last 30 days, this year, everything."""
from __future__ import annotations

from datetime import date, timedelta

QUICK_RANGES = ("last_7_days", "last_30_days", "this_year", "all_dates")  # i18n keys, in display order


def quick_range(name: str | None, today: date) -> tuple[date, date] | None:
    """The first and last day a quick range covers, today included; None for "everything" (no
    date filter) and for an unknown name."""
    if name == "last_7_days":
        return today - timedelta(days=6), today
    if name == "last_30_days":
        return today - timedelta(days=29), today
    if name == "this_year":
        return date(today.year, 1, 1), today
    return None
