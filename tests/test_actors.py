"""Actors: curated people and organisations in three languages, title patterns, countries and demonyms."""
from pathlib import Path

import pytest

from dashboard.pipeline.actors import find_actors
from dashboard.pipeline.translit import transliterate
from dashboard.resources import load_actor_lexicon
from dashboard.pipeline.clean import clean_text
from dashboard.records import Place, PlaceMention

from dashboard.resources import load_boilerplate  # noqa: E402
from dashboard.settings import data_dir  # noqa: E402

RULES = load_boilerplate(data_dir())

DATA = Path(__file__).resolve().parent.parent / "data"
SAMPLE = DATA / "samples" / "esper-rabat-2020-10-02.ar.txt"


@pytest.fixture(scope="module")
def lex():
    return load_actor_lexicon(DATA)


def names(text, lex, lang="ar", kind=None, places=()):
    return [a.name for a in find_actors(text, lang, lex, list(places)) if kind is None or a.kind == kind]


@pytest.mark.parametrize("text,lang", [
    ("وصل وزير الدفاع الأميركي مارك إسبر إلى تونس", "ar"),
    ("Mark Esper, le chef du Pentagone, est arrivé à Tunis", "fr"),
    ("Defense Secretary Mark T. Esper arrived in Tunis", "en"),
])
def test_curated_person_in_three_languages(text, lang, lex):
    assert "Mark Esper" in names(text, lex, lang, "person")


@pytest.mark.parametrize("text,lang", [
    ("استقبل رئيس أركان القوات المسلحة القطرية اللواء حمد بن علي العطية وفدا عسكريا", "ar"),
    ("Le général Hamad ben Ali al-Attiyah, chef d'état-major qatari, a reçu une délégation", "fr"),
    ("Qatar's chief of staff Hamad bin Ali Al Attiyah received a military delegation", "en"),
])
def test_gulf_chiefs_of_staff_are_listed(text, lang, lex):
    assert "Hamad bin Ali al-Attiyah" in names(text, lex, lang, "person")


def test_spelling_variants_give_one_name(lex):
    for text in ("Said Chenegriha a reçu", "Saïd Chanegriha a reçu", "التقى الفريق أول السعيد شنقريحة"):
        assert names(text, lex, "fr", "person") == ["Saïd Chanegriha"]


def test_surname_alone_after_first_mention(lex):
    found = find_actors("وقال إسبر إن البلدين يعملان معا", "ar", lex, [])
    assert [(a.surface, a.name) for a in found if a.kind == "person"] == [("إسبر", "Mark Esper")]


def test_mentions_point_into_the_text(lex):
    text = "والتقى الوزير ناصر بوريطة نظيره"
    person = next(a for a in find_actors(text, "ar", lex, []) if a.kind == "person")
    assert text[person.start:person.end] == "ناصر بوريطة"


@pytest.mark.parametrize("text,lang,expected", [
    ("أعلنت القيادة العسكرية الأمريكية لأفريقيا (أفريكوم) عن مناورات", "ar", "AFRICOM"),
    ("Le Groupe de soutien à l'islam et aux musulmans (JNIM) a revendiqué", "fr", "JNIM"),
    ("NATO allies met in Brussels", "en", "NATO"),
    ("حكومة الوفاق ومقرها طرابلس", "ar", "Government of National Accord"),
    ("la force Barkhane a mené une frappe", "fr", "Operation Barkhane"),
    ("Wagner fighters arrived in Bamako", "en", "Wagner Group"),
])
def test_organisations(text, lang, expected, lex):
    assert expected in names(text, lex, lang, "organization")


def test_acronyms_need_their_letter_case(lex):
    assert "United Nations" in names("The UN envoy arrived", lex, "en")
    assert "United Nations" not in names("Il a signé un accord", lex, "fr")


@pytest.mark.parametrize("text,lang,expected", [
    ("وزير الدفاع الأميركي", "ar", "United States"),
    ("الجيش الجزائري", "ar", "Algeria"),
    ("le ministre marocain des Affaires étrangères", "fr", "Morocco"),
    ("les diplomates français", "fr", "France"),
    ("Russian Defense Minister", "en", "Russia"),
])
def test_demonyms_give_the_country(text, lang, expected, lex):
    found = [a for a in find_actors(text, lang, lex, []) if a.kind == "country"]
    assert [(a.name, a.how) for a in found] == [(expected, "demonym")]


def test_countries_with_arabic_proclitics(lex):
    assert names("وقعت الولايات المتحدة اتفاقا مع المغرب وللجزائر وبموريتانيا", lex, "ar", "country") == [
        "United States", "Morocco", "Algeria", "Mauritania"]


def test_mali_needs_context_in_arabic(lex):
    assert names("قدمت فرنسا دعما مالي للجيش", lex, "ar", "country") == ["France"]
    assert "Mali" in names("انتشرت القوات في مالي", lex, "ar", "country")


def test_arabic_title_pattern_finds_an_unlisted_person(lex):
    found = find_actors("وقال وزير الدفاع الموريتاني محمد ولد أحمد إن", "ar", lex, [])
    person = next(a for a in found if a.kind == "person")
    assert (person.surface, person.name, person.how) == ("محمد ولد أحمد", "Mohamed Ould Ahmed", "title pattern")


def test_french_title_pattern_finds_an_unlisted_person(lex):
    found = find_actors("Il a été reçu par le ministre de la Défense, Pierre Lemaire, à Paris.", "fr", lex, [])
    assert [(a.name, a.kind) for a in found if a.kind == "person"] == [("Pierre Lemaire", "person")]


def test_english_title_pattern_finds_an_unlisted_person(lex):
    found = find_actors("Defense Secretary Jonah Whitcombe met Gen. Tomas Okafor in Dakar.", "en", lex, [])
    assert [a.name for a in found if a.kind == "person"] == ["Jonah Whitcombe", "Tomas Okafor"]


def test_given_name_finds_an_unlisted_person_and_initials(lex):
    found = find_actors("Maj. Gen. Kenneth P. Ekman said the base was handed over.", "en", lex, [])
    assert [a.name for a in found if a.kind == "person"] == ["Kenneth P. Ekman"]


def test_capitalised_place_is_not_a_person(lex):
    place = Place("x", "Gammarth", "city", "TN", 36.9, 10.3)
    text = "La Marina de Gammarth accueille la cérémonie."
    start = text.index("Gammarth")
    pm = PlaceMention("Gammarth", start, start + 8, place, "test")
    assert names(text, lex, "fr", "person", [pm]) == []


def test_country_place_from_the_geoparser_becomes_an_actor_when_the_lexicon_lacks_it(lex):
    text = "Le Botswana a signé"
    pm = PlaceMention("Botswana", 3, 11, Place("bw", "Botswana", "country", "BW", -22.0, 24.0), "test")
    found = [a for a in find_actors(text, "fr", lex, [pm]) if a.kind == "country"]
    assert [(a.name, a.country, a.how) for a in found] == [("Botswana", "BW", "place")]


def test_transliteration_of_an_unlisted_arabic_name(lex):
    assert transliterate("صالح المغربي", lex.ar_given) == "Salah al-Maghrabi"


def test_sample_article_people(lex):
    text = clean_text(SAMPLE.read_text(encoding="utf-8"), RULES).text
    people = {a.name for a in find_actors(text, "ar", lex, []) if a.kind == "person"}
    assert people == {"Mark Esper", "Nasser Bourita", "Abdelfattah Louarak", "Abdellatif Loudiyi", "Mike Pompeo"}


def test_sample_article_organisations_and_countries(lex):
    text = clean_text(SAMPLE.read_text(encoding="utf-8"), RULES).text
    found = find_actors(text, "ar", lex, [])
    assert {"AFRICOM", "Government of National Accord", "United Nations"} <= {a.name for a in found if a.kind == "organization"}
    assert {"Morocco", "United States", "Algeria", "Tunisia", "Libya", "Russia", "China", "Israel"} <= {
        a.name for a in found if a.kind == "country"}
