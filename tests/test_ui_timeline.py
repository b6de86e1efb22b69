"""The timeline builder and what a selection on it means."""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from dashboard.ui.timeline import BAR_FILL, DAY_MS, bin_end, build_timeline, count_step, span_from_selection


def _bins() -> pd.DataFrame:
    return pd.DataFrame([
        {"period": date(2021, 3, 1), "type": "exercise", "events": 2, "places": ["Tamanrasset"],
         "actors": ["Algeria", "Niger"], "headline": "<b>Exercice</b> conjoint"},
        {"period": date(2021, 3, 1), "type": "agreement", "events": 1, "places": [], "actors": [],
         "headline": None},
        {"period": date(2021, 4, 1), "type": "exercise", "events": 1, "places": ["Tindouf"], "actors": [],
         "headline": "x"},
    ])


def test_one_trace_per_event_type_in_canonical_order():
    fig = build_timeline(_bins(), "en")
    assert [tr.name for tr in fig.data] == ["Agreement", "Military exercise"]
    assert list(fig.data[1].y) == [2, 1]
    assert fig.layout.barmode == "stack" and fig.layout.dragmode == "select"


def test_hover_details_are_escaped_and_localized():
    fig = build_timeline(_bins(), "fr")
    assert fig.data[1].name == "Exercice militaire"
    assert list(fig.data[1].customdata[0]) == ["Exercice militaire", "Tamanrasset", "Algeria, Niger",
                                               "&lt;b&gt;Exercice&lt;/b&gt; conjoint", "2 événements", "mars 2021"]
    assert list(fig.data[1].customdata[1])[4:] == ["1 événement", "avril 2021"]
    assert "Lieu: %{customdata[1]}" in fig.data[1].hovertemplate


def test_arabic_timeline_runs_right_to_left():
    first, last = build_timeline(_bins(), "ar").layout.xaxis.range
    assert str(first)[:10] > str(last)[:10]


def test_a_lone_day_is_shown_among_a_week_of_days_with_its_date_under_it():
    bins = pd.DataFrame([{"period": date(2024, 3, 15), "type": "agreement", "events": 2, "places": [], "actors": [],
                          "headline": "x"}])
    axis = build_timeline(bins, "en", "day").layout.xaxis
    assert [str(x)[:10] for x in axis.range] == ["2024-03-12", "2024-03-19"]
    assert "Mar 15" in axis.ticktext
    assert str(axis.tickvals[list(axis.ticktext).index("Mar 15")]) == "2024-03-15 12:00:00"


def test_empty_timeline_is_an_empty_figure():
    assert build_timeline(_bins().iloc[0:0], "en").data == ()


def test_box_selection_gives_its_dates():
    sel = {"selection": {"box": [{"x": ["2021-03-04 10:00:00", "2021-02-01"]}], "points": []}}
    assert span_from_selection(sel) == (date(2021, 2, 1), date(2021, 3, 4))


def test_box_selection_in_epoch_milliseconds():
    sel = {"selection": {"box": [{"x": [1614556800000, 1617235200000]}]}}
    assert span_from_selection(sel) == (date(2021, 3, 1), date(2021, 4, 1))


def test_clicked_bars_cover_their_whole_bins():
    sel = {"selection": {"points": [{"x": "2021-03-01"}, {"x": "2021-02-01"}], "box": []}}
    assert span_from_selection(sel, "month") == (date(2021, 2, 1), date(2021, 3, 31))


def test_no_selection_changes_nothing():
    assert span_from_selection({"selection": {"points": [], "box": [], "lasso": []}}) is None
    assert span_from_selection(None) is None


def test_bin_ends():
    assert bin_end(date(2024, 2, 1), "month") == date(2024, 2, 29)
    assert bin_end(date(2021, 3, 1), "week") == date(2021, 3, 7)
    assert bin_end(date(2021, 3, 1), "year") == date(2021, 12, 31)


def test_a_month_bar_is_one_month_wide_however_far_apart_the_bars_are():
    bins = pd.DataFrame([
        {"period": date(2021, 1, 1), "type": "talks", "events": 1, "places": [], "actors": [], "headline": "a"},
        {"period": date(2021, 8, 1), "type": "talks", "events": 1, "places": [], "actors": [], "headline": "b"},
    ])
    bar = build_timeline(bins, "en", "month").data[0]
    assert list(bar.width) == [31 * DAY_MS * BAR_FILL, 31 * DAY_MS * BAR_FILL]
    assert [str(x) for x in bar.x] == ["2021-01-16 12:00:00", "2021-08-16 12:00:00"]


def test_the_count_axis_has_whole_numbers_only():
    fig = build_timeline(_bins(), "en")
    assert (fig.layout.yaxis.dtick, fig.layout.yaxis.tick0, fig.layout.yaxis.tickformat) == (1, 0, "d")


@pytest.mark.parametrize(("highest", "step"), [(1, 1), (6, 1), (7, 2), (12, 2), (13, 5), (30, 5), (31, 10),
                                                (60, 10), (61, 20), (250, 50), (5000, 1000)])
def test_count_steps_are_one_two_five_and_their_tens(highest, step):
    assert count_step(highest) == step


def test_a_month_only_event_on_a_daily_timeline_is_a_band_across_that_month():
    bins = pd.DataFrame([
        {"period": date(2021, 3, 1), "period_end": date(2021, 3, 31), "type": "exercise", "planned": False,
         "events": 1, "places": ["Tamanrasset"], "actors": [], "headline": "Exercice"},
        {"period": date(2021, 3, 10), "period_end": None, "type": "talks", "planned": False, "events": 2,
         "places": [], "actors": [], "headline": "x"},
    ])
    fig = build_timeline(bins, "en", "day")
    band, bar = fig.data
    assert (band.type, band.fill, bar.type) == ("scatter", "toself", "bar")
    assert [str(x)[:10] for x in band.x] == ["2021-03-01", "2021-03-01", "2021-04-01", "2021-04-01", "2021-03-01"]
    assert list(band.y) == [0, 1, 1, 0, 0]
    assert "March 2021 (the day is not known)" in band.text
    assert list(bar.width) == [DAY_MS * BAR_FILL] and list(bar.customdata[0])[4:] == ["2 events", "March 10, 2021"]


def test_planned_events_are_hatched_and_say_so():
    bins = pd.DataFrame([{"period": date(2030, 1, 1), "period_end": None, "type": "exercise", "planned": True,
                          "events": 1, "places": [], "actors": [], "headline": "x"}])
    bar = build_timeline(bins, "ar", "month").data[0]
    assert bar.marker.pattern.shape == "/"
    assert list(bar.customdata[0])[4:] == ["حدث واحد (مرتقب)", "يناير 2030"]


def test_the_date_axis_is_labelled_in_the_interface_language():
    from dashboard.ui.timeline import date_ticks

    vals, labels = date_ticks(date(2024, 2, 5), date(2024, 4, 7), "week", "fr", anchor=date(2024, 2, 12))
    assert labels == ["12 févr. 2024", "26 févr.", "11 mars", "25 mars"]
    assert [str(v)[:10] for v in vals][:2] == ["2024-02-12", "2024-02-26"]
    assert date_ticks(date(2020, 8, 2), date(2021, 7, 30), "month", "ar")[1] == [
        "أكتوبر 2020", "يناير 2021", "أبريل 2021", "يوليو 2021"]  # quarters
    assert date_ticks(date(2011, 1, 1), date(2025, 4, 30), "year", "en")[1] == ["2013", "2016", "2019", "2022",
                                                                                "2025"]
