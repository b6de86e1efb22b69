"""Quick date ranges, counted back from today (today included)."""
from __future__ import annotations

from datetime import date

import pytest

from dashboard.ui.quickdates import QUICK_RANGES, quick_range

TODAY = date(2024, 3, 5)


@pytest.mark.parametrize(("name", "span"), [
    ("last_7_days", (date(2024, 2, 28), date(2024, 3, 5))),
    ("last_30_days", (date(2024, 2, 5), date(2024, 3, 5))),
    ("this_year", (date(2024, 1, 1), date(2024, 3, 5))),
    ("all_dates", None),
    ("no such range", None),
])
def test_quick_ranges(name, span):
    assert quick_range(name, TODAY) == span


def test_the_ranges_are_offered_shortest_first_and_everything_last():
    assert QUICK_RANGES == ("last_7_days", "last_30_days", "this_year", "all_dates")
