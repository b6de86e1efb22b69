"""Numbers in words: CLDR plural forms (through Babel), digit grouping and dates in three languages."""
from __future__ import annotations

from datetime import date

import pytest

from dashboard.ui.i18n import event_date, number, tn
from dashboard.ui.plurals import format_day, format_month, plural_form


@pytest.mark.parametrize(("n", "text"), [(0, "0 events"), (1, "1 event"), (2, "2 events"), (21, "21 events"),
                                         (1234, "1,234 events")])
def test_english_events(n, text):
    assert tn("en", "n_events", n) == text


@pytest.mark.parametrize(("n", "text"), [(0, "0 événement"), (1, "1 événement"), (2, "2 événements"),
                                         (1234, "1\u202f234 événements"), (1_000_000, "1\u202f000\u202f000 d'événements")])
def test_french_events_singular_for_zero_and_one_and_de_for_round_millions(n, text):
    assert tn("fr", "n_events", n) == text


@pytest.mark.parametrize(("n", "text"), [
    (0, "لا أحداث"),        # zero
    (1, "حدث واحد"),        # one
    (2, "حدثان"),           # two
    (3, "3 أحداث"),          # few: 3-10
    (10, "10 أحداث"),
    (11, "11 حدثا"),         # many: 11-99
    (99, "99 حدثا"),
    (100, "100 حدث"),        # other
    (102, "102 حدث"),
    (103, "103 أحداث"),      # few again: 103-110
    (111, "111 حدثا"),       # many again
])
def test_arabic_events_in_all_six_plural_forms(n, text):
    assert tn("ar", "n_events", n) == text


@pytest.mark.parametrize(("lang", "n", "text"), [
    ("en", 1, "reported by 1 source"), ("en", 3, "reported by 3 sources"),
    ("fr", 1, "rapporté par 1 source"), ("fr", 3, "rapporté par 3 sources"),
    ("ar", 1, "ورد في مصدر واحد"), ("ar", 2, "ورد في مصدرين"), ("ar", 5, "ورد في 5 مصادر"),
    ("ar", 12, "ورد في 12 مصدرا"),
])
def test_reported_by_n_sources(lang, n, text):
    assert tn(lang, "reported_by", n) == text


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "1 new article"), ("fr", "1 nouvel article"), ("ar", "مقال جديد واحد")])
def test_one_new_article(lang, text):
    assert tn(lang, "n_new_articles", 1) == text


def test_unknown_interface_language_counts_in_english():
    assert tn("de", "n_articles", 1) == "1 article"


def test_plural_forms_come_from_cldr():
    assert [plural_form(n, "ar") for n in (0, 1, 2, 3, 11, 100)] == ["zero", "one", "two", "few", "many", "other"]
    assert [plural_form(n, "fr") for n in (0, 1, 2)] == ["one", "one", "other"]
    assert [plural_form(n, "en") for n in (0, 1, 2)] == ["other", "one", "other"]


def test_numbers_use_the_languages_grouping():
    assert (number("en", 12345), number("fr", 12345), number("ar", 12345)) == ("12,345", "12\u202f345", "12,345")


def test_days_and_months_in_words():
    day = date(2020, 10, 2)
    assert [format_day(day, lang) for lang in ("en", "fr", "ar")] == ["October 2, 2020", "2 octobre 2020",
                                                                       "2 أكتوبر 2020"]
    assert [format_month(day, lang) for lang in ("en", "fr", "ar")] == ["October 2020", "octobre 2020",
                                                                         "أكتوبر 2020"]


@pytest.mark.parametrize(("value", "text"), [("2021-03", "mars 2021"), ("2021", "2021"), ("2021-03-10", "10 mars 2021"),
                                             (None, ""), ("", "")])
def test_stored_event_dates_in_words_keep_their_precision(value, text):
    assert event_date("fr", value) == text
