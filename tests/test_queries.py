"""The app's queries, on a real DuckDB store written through write_session."""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sample_store import build_store  # noqa: E402

from dashboard.records import Filters  # noqa: E402
from dashboard.store import StoreReader  # noqa: E402
from dashboard.store import queries as q  # noqa: E402


@pytest.fixture(scope="module")
def cur(tmp_path_factory):
    reader = StoreReader(build_store(tmp_path_factory.mktemp("q") / "store.duckdb"))
    yield reader.cursor()
    reader.close()


@pytest.fixture
def empty_cur(tmp_path):
    reader = StoreReader(build_store(tmp_path / "empty.duckdb", []))
    yield reader.cursor()
    reader.close()


def test_headline_counts_of_the_whole_store(cur):
    assert q.headline_counts(cur, Filters()) == q.Counts(events=8, articles=6, places=6, countries=6, distinct_events=8)


def test_country_filter_keeps_events_in_that_country_and_their_articles(cur):
    assert q.headline_counts(cur, Filters(countries=("TN",))) == q.Counts(events=2, articles=2, places=1, countries=1, distinct_events=2)


def test_place_filter(cur):
    assert q.headline_counts(cur, Filters(places=("geo:2538475",))) == q.Counts(2, 2, 1, 1, 2)


def test_event_type_filter(cur):
    assert q.headline_counts(cur, Filters(event_types=("exercise", "talks"))) == q.Counts(2, 2, 2, 2, 2)


def test_actor_filter_matches_any_named_actor(cur):
    assert q.headline_counts(cur, Filters(actors=("Mark Esper",))) == q.Counts(2, 1, 2, 2, 2)


def test_language_filter_counts_articles_without_events_too(cur):
    assert q.headline_counts(cur, Filters(languages=("en",))) == q.Counts(3, 3, 3, 3, 3)


def test_source_filter(cur):
    assert q.headline_counts(cur, Filters(sources=("El Watan",))) == q.Counts(2, 1, 2, 2, 2)


def test_date_range_overlaps_partial_dates(cur):
    # "2021-03" (the exercise) covers all of March, so a range ending on 1 March still includes it
    assert q.headline_counts(cur, Filters(date_from=date(2021, 2, 21), date_to=date(2021, 3, 1))) == \
        q.Counts(1, 1, 1, 1, 1)


def test_date_only_filter_keeps_articles_published_in_range_without_events(cur):
    counts = q.headline_counts(cur, Filters(date_from=date(2021, 5, 1), date_to=date(2021, 5, 31)))
    assert (counts.events, counts.articles) == (0, 1)


def test_search_ignores_hamza_and_diacritics(cur):
    plain = q.headline_counts(cur, Filters(search="الامنية"))
    with_marks = q.headline_counts(cur, Filters(search="الأَمْنِيَّة"))
    assert plain == with_marks == q.Counts(2, 1, 2, 2, 2)


def test_search_ignores_french_accents_and_needs_every_word(cur):
    assert q.headline_counts(cur, Filters(search="algerie tamanrasset")).articles == 1
    assert q.headline_counts(cur, Filters(search="algerie tunis")).articles == 0


def test_search_text_is_data_not_sql(cur):
    assert q.headline_counts(cur, Filters(search="'; DROP TABLE articles; --")).articles == 0
    assert q.headline_counts(cur, Filters()).articles == 6


def test_map_places_sizes_and_dominant_type(cur):
    df = q.map_places(cur, Filters())
    rows = {r.name: (r.kind, r.events, r.dominant_type, r.articles) for r in df.itertuples()}
    assert rows == {
        "Tunis": ("city", 2, "arms_transfer", 2),
        "Rabat": ("city", 2, "agreement", 2),
        "Nouakchott": ("city", 1, "talks", 1),
        "Tamanrasset": ("city", 1, "exercise", 1),
        "Mali": ("country", 1, "counter_terrorism", 1),
        "Niger": ("country", 1, "military_aid", 1),
    }


def test_country_arcs_join_place_country_and_actor_states(cur):
    df = q.country_arcs(cur, Filters())
    assert [tuple(r) for r in df[["source", "target", "events"]].itertuples(index=False)] == [
        ("TN", "US", 2), ("DZ", "NE", 1), ("MA", "US", 1), ("ML", "MR", 1), ("NE", "US", 1)]


def test_timeline_bins_by_month_with_hover_details(cur):
    df = q.timeline(cur, Filters(event_types=("agreement",)), "month")
    assert len(df) == 1
    row = df.iloc[0]
    assert (str(row["period"])[:10], row["type"], row["events"]) == ("2020-10-01", "agreement", 1)
    assert list(row["places"]) == ["Rabat"]
    assert list(row["actors"]) == ["Mark Esper"]  # the lead actor of each event in the bin
    assert row["headline"] == "المغرب والولايات المتحدة يوقعان اتفاقية للتعاون العسكري"


def test_timeline_rejects_unknown_bins(cur):
    with pytest.raises(ValueError):
        q.timeline(cur, Filters(), "decade; DROP TABLE events")


@pytest.mark.parametrize(("days", "expected"), [(10, "day"), (90, "week"), (400, "month"), (4000, "year")])
def test_bin_size_follows_the_span(days, expected):
    assert q.choose_bin(date(2020, 1, 1), date.fromordinal(date(2020, 1, 1).toordinal() + days)) == expected


def test_events_page_is_newest_first(cur):
    df = q.events_page(cur, Filters())
    assert list(df["date"]) == ["2021-06-05", "2021-06", "2021-04-01", "2021-03-10", "2021-03", "2021-02-20",
                                "2020-10-02", "2020-09-30"]


def test_events_page_limit_and_offset(cur):
    assert list(q.events_page(cur, Filters(), limit=2, offset=1)["date"]) == ["2021-06", "2021-04-01"]


def test_events_page_carries_localized_place_names(cur):
    row = q.events_page(cur, Filters(places=("geo:2478216",))).iloc[0]
    assert (row["place_name"], row["place_name_ar"]) == ("Tamanrasset", "تمنراست")


def test_articles_page_counts_events_in_view(cur):
    df = q.articles_page(cur, Filters(countries=("NE",)))
    assert dict(zip(df["id"], df["events"])) == {"en-arms": 1}


def test_article_with_mentions_returns_offsets_into_its_text(cur):
    view = q.article_with_mentions(cur, "ar-talks")
    assert view is not None and view.language == "ar"
    places = [view.text[s.start:s.end] for s in view.spans if s.kind == "place"]
    assert places == ["نواكشوط", "مالي"]
    assert [s.label for s in view.spans if s.kind == "event"] == ["talks"]


def test_unknown_article_is_none(cur):
    assert q.article_with_mentions(cur, "no-such-id") is None


def test_facet_options_keep_every_value_with_counts_in_view(cur):
    facets = q.facet_options(cur, Filters(countries=("TN",)))
    assert dict(zip(facets["languages"]["value"], facets["languages"]["articles"])) == {"ar": 1, "en": 1, "fr": 0}
    assert list(facets["actors"]["value"])[:3] == ["AFRICOM", "Algeria", "Mali"]


def test_a_filters_own_choice_does_not_narrow_its_own_counts(cur):
    facets = q.facet_options(cur, Filters(countries=("TN",), event_types=("visit",)))
    countries = dict(zip(facets["countries"]["value"], facets["countries"]["events"]))
    assert countries == {"DZ": 0, "MA": 0, "ML": 0, "MR": 0, "NE": 0, "TN": 1}  # visits, any country
    types = dict(zip(facets["event_types"]["value"], facets["event_types"]["events"]))
    assert types == {"agreement": 0, "arms_transfer": 1, "counter_terrorism": 0, "exercise": 0,
                     "military_aid": 0, "statement": 0, "talks": 0, "visit": 1}  # in Tunisia, any type


def test_without_other_filters_every_country_keeps_its_count(cur):
    facets = q.facet_options(cur, Filters(countries=("TN",)))
    countries = dict(zip(facets["countries"]["value"], facets["countries"]["events"]))
    assert countries == {"DZ": 1, "MA": 2, "ML": 1, "MR": 1, "NE": 1, "TN": 2}


def test_store_date_bounds_cover_events_and_publication(cur):
    assert q.store_date_bounds(cur) == (date(2020, 9, 30), date(2021, 6, 30))


def test_empty_store_answers_every_query(empty_cur):
    f = Filters(countries=("MA",), search="x")
    assert q.headline_counts(empty_cur, f) == q.Counts(0, 0, 0, 0, 0)
    assert q.map_places(empty_cur, f).empty and q.country_arcs(empty_cur, f).empty
    assert q.timeline(empty_cur, f, "month").empty and q.events_page(empty_cur, f).empty
    assert q.store_date_bounds(empty_cur) == (None, None)
    assert all(df.empty for df in q.facet_options(empty_cur, f).values())
