"""Numbers that add up, in a real store: distinct events, sources per event, planned events, and
the timeline's extent and bands."""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sample_store import RABAT, TUNIS, _am, _article, _ev, _pm, build_store  # noqa: E402

from dashboard.records import Filters  # noqa: E402
from dashboard.store import StoreReader  # noqa: E402
from dashboard.store import queries as q  # noqa: E402

TODAY = date(2024, 6, 1)
EN = "Morocco and the United States signed a defence roadmap in Rabat on Friday, officials said."
FR = "Le Maroc et les États-Unis ont signé vendredi à Rabat une feuille de route de défense."
AR = "وقع المغرب والولايات المتحدة يوم الجمعة في الرباط خارطة طريق دفاعية."
PLAN = "Tunisia will host the exercise in Tunis next year, the ministry said."
TALKS = "Officials held talks in Tunis in March about border security."


def _agreement(aid: str, text: str, lang: str, site: str, surface: str, actor: str):
    rabat = _pm(text, surface, RABAT)
    return _article(aid, text, lang, f"Roadmap {aid}", site, f"https://example.org/{aid}", date(2024, 3, 16),
                    places=[rabat], actors=[_am(text, actor, "Morocco")],
                    events=[_ev(text, text[:4], text[-6:], "agreement", "2024-03-15", rabat, ("Morocco", "United States"))])


@pytest.fixture(scope="module")
def cur(tmp_path_factory):
    arts = [
        _agreement("en-1", EN, "en", "Wire A", "Rabat", "Morocco"),
        _agreement("fr-1", FR, "fr", "Journal B", "Rabat", "Maroc"),
        _agreement("ar-1", AR, "ar", "Wire A", "الرباط", "المغرب"),  # a second report from Wire A
    ]
    tunis = _pm(PLAN, "Tunis", TUNIS)
    arts.append(_article("en-plan", PLAN, "en", "Exercise next year", "Wire C", "https://example.org/plan",
                         date(2024, 3, 20), places=[tunis],
                         events=[_ev(PLAN, "Tunisia", "said.", "exercise", "2025", tunis, ())]))
    talks_place = _pm(TALKS, "Tunis", TUNIS)
    arts.append(_article("en-talks", TALKS, "en", "Talks in March", "Wire C", "https://example.org/talks",
                         date(2024, 4, 2), places=[talks_place],
                         events=[_ev(TALKS, "Officials", "security.", "talks", "2024-03", talks_place, ())]))
    reader = StoreReader(build_store(tmp_path_factory.mktemp("numbers") / "store.duckdb", arts))
    yield reader.cursor()
    reader.close()


def test_three_reports_of_one_signing_are_one_distinct_event(cur):
    counts = q.headline_counts(cur, Filters())
    assert (counts.events, counts.distinct_events, counts.articles) == (5, 3, 5)


def test_each_report_says_how_many_sources_reported_its_event(cur):
    df = q.events_page(cur, Filters(event_types=("agreement",)), today=TODAY)
    assert sorted(df["sources"]) == [2, 2, 2]  # Wire A twice and Journal B: two sources
    assert df["cluster"].nunique() == 1


def test_an_event_dated_after_its_article_is_shown_as_planned(cur):
    df = q.events_page(cur, Filters(event_types=("exercise",)), today=TODAY)
    assert list(df["status"]) == ["planned"]


def test_the_timeline_stops_two_months_after_the_newest_article_and_counts_the_rest(cur):
    extent = q.date_extent(cur, Filters(), TODAY)
    assert extent == q.Extent(lo=date(2024, 3, 1), hi=date(2024, 3, 31), cutoff=date(2024, 6, 3), later=1)
    assert q.choose_bin(extent.lo, extent.hi) == "day"


def test_a_date_filter_that_reaches_the_plan_draws_it(cur):
    extent = q.date_extent(cur, Filters(date_to=date(2025, 12, 31)), TODAY)
    assert (extent.hi, extent.later) == (date(2025, 12, 31), 0)


def test_a_month_only_event_on_a_daily_timeline_spans_its_month(cur):
    df = q.timeline(cur, Filters(event_types=("talks", "agreement")), "day", date(2024, 6, 3), TODAY)
    rows = [(str(r.period)[:10], None if r.period_end is None or r.period_end != r.period_end else str(r.period_end)[:10],
             r.type, bool(r.planned), r.events) for r in df.itertuples()]
    assert rows == [("2024-03-01", "2024-03-31", "talks", False, 1), ("2024-03-15", None, "agreement", False, 3)]


def test_planned_events_are_flagged_on_the_timeline(cur):
    df = q.timeline(cur, Filters(event_types=("exercise",)), "year", date(2025, 12, 31), TODAY)
    assert [(str(r.period)[:4], bool(r.planned)) for r in df.itertuples()] == [("2025", True)]


def test_export_has_every_event_without_a_limit(cur):
    assert len(q.export_events(cur, Filters(), limit=None, today=TODAY)) == 5
    assert len(q.export_events(cur, Filters(), limit=2, today=TODAY)) == 2
