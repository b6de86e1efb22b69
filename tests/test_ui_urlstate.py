"""Filters <-> page address."""
from __future__ import annotations

from datetime import date

from dashboard.records import Filters
from dashboard.ui.urlstate import ViewState, from_params, params_from_address, to_params


def test_default_view_has_a_clean_address():
    assert to_params(ViewState()) == {}


def test_every_filter_round_trips_through_the_address():
    state = ViewState(
        filters=Filters(date_from=date(2021, 3, 1), date_to=date(2021, 6, 30), countries=("MA", "TN"),
                        places=("geo:2538475",), event_types=("agreement", "visit"), actors=("Mark Esper",),
                        languages=("ar", "fr"), sources=("El Watan",), search="الأمن"),
        lang="ar", arcs=False, heat=True, article="ar-talks")
    assert from_params(to_params(state)) == state


def test_address_spelling():
    params = to_params(ViewState(filters=Filters(countries=("MA", "TN"), date_from=date(2021, 3, 1)), lang="fr"))
    assert params == {"lang": "fr", "from": "2021-03-01", "countries": "MA,TN"}


def test_streamlit_list_values_use_the_last_one():
    assert from_params({"countries": ["DZ", "MA,NE"]}).filters.countries == ("MA", "NE")


def test_hand_edited_nonsense_is_dropped():
    state = from_params({"from": "yesterday", "types": "agreement,bombing", "lang": "de", "heat": "maybe"})
    assert state == ViewState(filters=Filters(event_types=("agreement",)))


def test_reversed_dates_are_put_in_order():
    f = from_params({"from": "2021-06-30", "to": "2021-03-01"}).filters
    assert (f.date_from, f.date_to) == (date(2021, 3, 1), date(2021, 6, 30))


def test_duplicates_in_lists_are_dropped():
    assert from_params({"actors": "Niger,Niger,Mali"}).filters.actors == ("Niger", "Mali")


def test_search_is_capped():
    assert len(from_params({"q": "x" * 1000}).filters.search) == 200


def test_a_whole_page_address_or_its_query_give_the_same_view():
    whole = from_params(params_from_address("http://localhost:8501/?countries=TN,MA&types=visit&lang=fr"))
    query = from_params(params_from_address("countries=TN,MA&types=visit&lang=fr"))
    assert whole == query
    assert (whole.filters.countries, whole.filters.event_types, whole.lang) == (("TN", "MA"), ("visit",), "fr")


def test_an_address_search_is_decoded():
    assert from_params(params_from_address("?q=Alg%C3%A9rie+Niger")).filters.search == "Algérie Niger"
