"""The timeline builder and what a selection on it means."""
from __future__ import annotations

from datetime import date

import pandas as pd

from dashboard.ui.timeline import bin_end, build_timeline, span_from_selection


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
                                               "&lt;b&gt;Exercice&lt;/b&gt; conjoint"]
    assert "Lieu: %{customdata[1]}" in fig.data[1].hovertemplate


def test_arabic_timeline_runs_right_to_left():
    assert build_timeline(_bins(), "ar").layout.xaxis.autorange == "reversed"


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
