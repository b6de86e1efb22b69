"""Interface text in three languages."""
from __future__ import annotations

import pytest

from dashboard.records import EVENT_TYPES
from dashboard.ui import i18n


@pytest.mark.parametrize("key", sorted(i18n.keys()))
def test_every_string_exists_in_english_french_and_arabic(key):
    assert i18n.languages_of(key) == {"en", "fr", "ar"}


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_every_event_type_has_a_label(lang):
    assert all(i18n.event_type_label(typ, lang) != typ for typ in EVENT_TYPES)


def test_placeholders_are_filled():
    assert i18n.t("fr", "review_bad_date", row=3, typed="hier") == (
        "Ligne 3 : « hier » n'est pas une date. Écrivez-la 2024-03-14, ou laissez vide.")


@pytest.mark.parametrize("key", sorted(i18n.plural_keys()))
def test_every_plural_message_exists_in_english_french_and_arabic(key):
    assert i18n.languages_of(key) == {"en", "fr", "ar"}
    assert all("other" in i18n.plural_forms_of(key, lang) for lang in ("en", "fr", "ar"))


def test_unknown_interface_language_falls_back_to_english():
    assert i18n.t("de", "map") == "Map"


def test_only_arabic_is_right_to_left():
    assert [lang for lang in i18n.LANGUAGES if i18n.is_rtl(lang)] == ["ar"]
