"""Search finds a place, country or person under its names in the other two languages."""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sample_store import _article, build_store  # noqa: E402

from dashboard.records import Filters  # noqa: E402
from dashboard.store import StoreReader  # noqa: E402
from dashboard.store import queries as q  # noqa: E402
from dashboard.store.search import expand_search, synonym_index  # noqa: E402

INDEX = synonym_index([("Algeria", "Algérie", "الجزائر"), ("Algiers", "Alger", "الجزائر"),
                       ("United States", "États-Unis", "الولايات المتحدة"), ("Mali", "Mali", "مالي"),
                       ("Mark Esper", "مارك إسبر", "Esper"), ("UN", "ONU", "الأمم المتحدة")],
                      never=["مالي"])


def test_a_country_in_english_is_searched_in_french_and_arabic():
    assert expand_search("Algeria", INDEX) == (("algeria", "algerie", "الجزاير"),)


def test_an_arabic_name_shared_by_a_country_and_its_capital_finds_both():
    assert expand_search("الجزائر", INDEX) == (("alger", "algeria", "algerie", "algiers", "الجزاير"),)


def test_french_elision_and_accents_are_ignored():
    assert expand_search("l'Algérie", INDEX) == (("algeria", "algerie", "l'algerie", "الجزاير"),)


def test_several_word_names_are_one_group_and_other_words_stay_as_typed():
    assert expand_search("Etats Unis exercise", INDEX) == (
        ("etats unis", "etats-unis", "united states", "الولايات المتحده"), ("exercise",))


def test_a_person_is_searched_under_every_spelling():
    assert expand_search("Esper", INDEX) == (("esper", "mark esper", "مارك اسبر"),)


def test_names_that_are_also_common_words_are_never_searched_for():
    assert expand_search("Mali", INDEX) == (("mali",),)


def test_short_spellings_are_not_alternatives():
    assert expand_search("ONU", INDEX) == (("onu", "الامم المتحده"),)


def test_unknown_words_are_searched_as_typed():
    assert expand_search("frontière  commune", INDEX) == (("frontiere",), ("commune",))


# -- in a real store -------------------------------------------------------------------------------

TEXTS = [
    ("en-1", "en", "Algeria and Niger held a joint exercise near the border on Tuesday."),
    ("fr-1", "fr", "L'Algérie a reçu une délégation nigérienne pour parler de sécurité."),
    ("ar-1", "ar", "استقبلت الجزائر وفدا عسكريا من النيجر لبحث أمن الحدود."),
    ("ar-2", "ar", "وصل وزير الدفاع الأمريكي مارك إسبر إلى الرباط يوم الجمعة."),
    ("fr-2", "fr", "Le Maroc et la Mauritanie renforcent leur coopération maritime."),
]


@pytest.fixture(scope="module")
def cur(tmp_path_factory):
    arts = [_article(aid, text, lang, f"Title {aid}", "Test Wire", f"https://example.org/{aid}", date(2021, 1, 5))
            for aid, lang, text in TEXTS]
    reader = StoreReader(build_store(tmp_path_factory.mktemp("search") / "store.duckdb", arts))
    yield reader.cursor()
    reader.close()


def articles(cur, search: str) -> list[str]:
    return sorted(q.articles_page(cur, Filters(search=search))["id"])


@pytest.mark.parametrize("search", ["Algeria", "Algérie", "الجزائر", "algerie"])
def test_algeria_in_any_language_finds_the_articles_of_all_three(cur, search):
    assert articles(cur, search) == ["ar-1", "en-1", "fr-1"]


def test_a_person_typed_in_latin_letters_finds_the_arabic_article(cur):
    assert articles(cur, "Mark Esper") == ["ar-2"]


def test_every_group_must_match(cur):
    assert articles(cur, "Algeria Niger") == ["ar-1", "en-1", "fr-1"]  # النيجر, nigérienne
    assert articles(cur, "Maroc Mauritania") == ["fr-2"]
    assert articles(cur, "Algérie Mauritanie") == []
