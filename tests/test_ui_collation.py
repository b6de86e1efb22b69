"""Lists sorted by name as readers of each interface language expect."""
from __future__ import annotations

from dashboard.ui.collation import sorted_by_name
from dashboard.ui.filters_widget import actor_namer, options

COUNTRIES = {"BE": {"name_en": "Belgium", "name_fr": "Belgique", "name_ar": "بلجيكا"},
             "BF": {"name_en": "Burkina Faso", "name_fr": "Burkina Faso", "name_ar": "بوركينا فاسو"},
             "CH": {"name_en": "Switzerland", "name_fr": "Suisse", "name_ar": "سويسرا"},
             "DZ": {"name_en": "Algeria", "name_fr": "Algérie", "name_ar": "الجزائر"},
             "EG": {"name_en": "Egypt", "name_fr": "Égypte", "name_ar": "مصر"},
             "US": {"name_en": "United States", "name_fr": "États-Unis", "name_ar": "الولايات المتحدة"},
             "JO": {"name_en": "Jordan", "name_fr": "Jordanie", "name_ar": "الأردن"},
             "AE": {"name_en": "United Arab Emirates", "name_fr": "Émirats arabes unis", "name_ar": "الإمارات"},
             "ES": {"name_en": "Spain", "name_fr": "Espagne", "name_ar": "إسبانيا"}}


def names(lang: str) -> list[str]:
    codes = sorted_by_name(COUNTRIES, lambda c: COUNTRIES[c][f"name_{lang}"], lang)
    return [COUNTRIES[c][f"name_{lang}"] for c in codes]


def test_english_names_in_alphabetical_order_not_by_code():
    assert names("en") == ["Algeria", "Belgium", "Burkina Faso", "Egypt", "Jordan", "Spain", "Switzerland",
                           "United Arab Emirates", "United States"]


def test_french_accented_capitals_sort_with_their_letter():
    assert names("fr") == ["Algérie", "Belgique", "Burkina Faso", "Égypte", "Émirats arabes unis", "Espagne",
                           "États-Unis", "Jordanie", "Suisse"]


def test_arabic_hamza_forms_sort_with_alef():
    assert names("ar") == ["إسبانيا", "الأردن", "الإمارات", "الجزائر", "الولايات المتحدة", "بلجيكا",
                           "بوركينا فاسو", "سويسرا", "مصر"]


def test_the_interface_script_comes_first():
    mixed = ["AFRICOM", "مالي", "Barkhane", "الجزائر"]
    assert sorted_by_name(mixed, str, "ar") == ["الجزائر", "مالي", "AFRICOM", "Barkhane"]
    assert sorted_by_name(mixed, str, "fr") == ["AFRICOM", "Barkhane", "الجزائر", "مالي"]


def test_case_and_ligatures_do_not_separate_letters():
    assert sorted_by_name(["zèbre", "Œuvre", "oasis", "Ouargla", "Abidjan"], str, "fr") == [
        "Abidjan", "oasis", "Œuvre", "Ouargla", "zèbre"]


def test_filter_options_hide_empty_values_but_keep_choices():
    counts = {"DZ": 3, "BE": 0, "EG": 1, "CH": 0}
    name = lambda c: COUNTRIES[c]["name_fr"]  # noqa: E731
    assert options(counts, ["CH"], name, "fr") == ["DZ", "EG", "CH"]  # Algérie, Égypte, Suisse


def test_countries_acting_as_actors_are_named_in_the_interface_language():
    name = actor_namer(COUNTRIES, "ar")
    assert [name("Algeria"), name("Mark Esper"), name("AFRICOM")] == ["الجزائر", "Mark Esper", "AFRICOM"]
