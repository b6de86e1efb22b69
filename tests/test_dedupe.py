"""One event reported by several articles is one cluster; nothing is dropped."""
from dashboard.pipeline.dedupe import cluster_events, same_event
from dashboard.records import Event, Place, PlaceMention

RABAT = Place("rabat", "Rabat", "city", "MA", 34.02, -6.83)
TUNIS = Place("tunis", "Tunis", "city", "TN", 36.82, 10.17)
MOROCCO = Place("ma", "Morocco", "country", "MA", 31.8, -7.1)


def at(place: Place) -> PlaceMention:
    return PlaceMention(place.name, 0, len(place.name), place, "test")


def ev(type_="agreement", date="2020-10-02", place=RABAT, actors=("United States", "Morocco", "Mark Esper"),
       source="text", evidence="") -> Event:
    return Event(type=type_, status="happened", evidence=evidence, start=0, end=len(evidence), date=date,
                 date_precision="day" if date and len(date) == 10 else "month", date_source=source,
                 place=at(place) if place else None, country=place.country if place else None, actors=actors)


def test_arabic_and_french_reports_of_one_signing_are_one_cluster():
    ar = ev(evidence="يوقع المسؤول الأميركي اتفاقية للتعاون العسكري مع المغرب")
    fr = ev(evidence="Mark Esper a signé à Rabat une feuille de route avec le Maroc", actors=("Mark Esper", "Morocco"))
    assert cluster_events([("ar-1", ar), ("fr-7", fr)]) == [0, 0]


def test_country_level_report_joins_the_city_level_one():
    assert cluster_events([("a", ev()), ("b", ev(place=MOROCCO))]) == [0, 0]


def test_month_precision_joins_a_day_of_that_month():
    assert cluster_events([("a", ev()), ("b", ev(date="2020-10"))]) == [0, 0]


def test_publication_date_one_day_off_still_joins():
    assert cluster_events([("a", ev(date="2020-09-30")), ("b", ev(date="2020-10-01", source="publication"))]) == [0, 0]


def test_different_places_are_different_events():
    assert cluster_events([("a", ev()), ("b", ev(place=TUNIS, date="2020-10-02"))]) == [0, 1]


def test_different_dates_are_different_events():
    assert cluster_events([("a", ev()), ("b", ev(date="2019-11-20"))]) == [0, 1]


def test_different_types_are_different_events():
    assert cluster_events([("a", ev()), ("b", ev(type_="visit"))]) == [0, 1]


def test_no_shared_actor_means_different_events():
    assert not same_event(ev(actors=("France", "Mali")), ev(actors=("Russia", "Niger")))


def test_two_events_of_one_article_stay_apart():
    assert cluster_events([("a", ev()), ("a", ev())]) == [0, 1]


def test_every_item_gets_a_number_in_input_order():
    items = [("a", ev()), ("b", ev(type_="visit")), ("c", ev()), ("d", ev(type_="visit", date="2020-10"))]
    assert cluster_events(items) == [0, 1, 0, 1]
    assert cluster_events([]) == []


def test_year_only_report_stays_apart_from_dated_ones():
    assert cluster_events([("a", ev(date="2020")), ("b", ev())]) == [0, 1]


def test_undated_reports_of_one_place_and_actors_join():
    assert cluster_events([("a", ev(date=None)), ("b", ev(date=None))]) == [0, 0]


def test_many_events_cluster_fast():
    import time
    items = []
    for n in range(20000):
        day = f"2020-{1 + n % 12:02d}-{1 + n % 28:02d}"
        items.append((f"art-{n}", ev(date=day, place=RABAT if n % 2 else TUNIS)))
    t0 = time.perf_counter()
    out = cluster_events(items)
    assert time.perf_counter() - t0 < 10
    assert len(set(out)) == 84  # one cluster per (day, city) pair that occurs: lcm(12, 28, 2) of them
