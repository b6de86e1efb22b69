"""Named exercises and operations: their own kind of entity, never places.

Sentences written for these tests, in Arabic, French and English.
"""
from __future__ import annotations

import pytest

from dashboard.pipeline import process
from dashboard.pipeline.operations import find_operations, operation_lexicon_from_data
from dashboard.records import RawArticle
from dashboard.resources import default_resources, load_operations
from dashboard.settings import data_dir


@pytest.fixture(scope="module")
def lex():
    return load_operations(data_dir())


@pytest.fixture(scope="module")
def resources():
    return default_resources()


def ops(text, lex):
    return [(o.surface, o.name, o.kind, o.how) for o in find_operations(text, lex)]


def places(text, resources):
    return [m.surface for m in process(RawArticle("test", text), resources).places]


# --- the curated list ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, surface, name", [
    ("Les forces marocaines et américaines ont lancé l'exercice African Lion à Tan-Tan.", "exercice African Lion",
     "African Lion"),
    ("شاركت وحدات مغربية في مناورات الأسد الإفريقي هذا العام.", "مناورات الأسد الإفريقي", "African Lion"),
    ("Naval units from nine countries joined Phoenix Express off the coast.", "Phoenix Express", "Phoenix Express"),
    ("وانطلقت فعاليات النجم الساطع بمشاركة قوات أمريكية.", "النجم الساطع", "Bright Star"),
])
def test_listed_names_in_three_languages(lex, text, surface, name):
    assert ops(text, lex) == [(surface, name, "exercise", "list")]


def test_the_year_after_a_name_is_part_of_it(lex):
    found = find_operations("Flintlock 2020 opened in Mauritania on 17 February.", lex)
    assert [(o.surface, o.start, o.end, o.operation_id) for o in found] == [("Flintlock 2020", 0, 14, "operation:flintlock")]


def test_an_edition_number_after_an_arabic_name_is_part_of_it(lex):
    assert ops("اختتمت مناورات نسور النيل 2 بنجاح.", lex) == [
        ("مناورات نسور النيل 2", "Nile Eagles", "exercise", "list")]


@pytest.mark.parametrize("text, expected", [
    ("L'exercice naval Medusa réunit les marines grecque et égyptienne.",
     [("Medusa", "Medusa", "exercise", "list, next to a cue word")]),
    ("Une statue de Medusa orne la place du village.", []),
    ("انطلقت مناورات ميدوزا قبالة السواحل المصرية.", [("مناورات ميدوزا", "Medusa", "exercise", "list")]),
    ("زار الأمير فيصل المعرض أمس.", []),
    ("The Sophia operation ended in March.", [("Sophia", "EUNAVFOR MED Operation Sophia", "operation",
                                              "list, next to a cue word")]),
    ("Sophia met the minister in Rome.", []),
])
def test_a_bare_form_that_is_an_ordinary_name_needs_a_cue_word(lex, text, expected):
    assert ops(text, lex) == expected


def test_a_cue_word_in_the_previous_sentence_does_not_count(lex):
    assert ops("The exercise ended. Medusa was the name of the ship.", lex) == []


def test_an_empty_list_finds_only_names_written_as_names():
    empty = operation_lexicon_from_data({"operations": []})
    assert ops("Phoenix Express ended.", empty) == []


# --- names no list holds --------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("أجرت القوات تمرينا باسم «درع الواحة» في الجنوب.", [("درع الواحة", "exercise")]),
    ("Les unités ont mené un exercice baptisé « Sable Doré » près de Tindouf.", [("Sable Doré", "exercise")]),
    ("The drill, dubbed \"Desert Falcon\", lasted a week.", [("Desert Falcon", "exercise")]),
])
def test_a_quoted_name_after_a_naming_word(lex, text, expected):
    assert [(o.surface, o.kind) for o in find_operations(text, lex)] == expected


def test_a_quotation_without_a_naming_word_is_no_name(lex):
    assert ops("Le ministre a déclaré : « Tunis est prête ».", lex) == []


@pytest.mark.parametrize("text, expected", [
    ("Troops took part in Operation Sand Viper near Kidal.", [("Sand Viper", "operation")]),
    ("The exercise Golden Dune 2023 brought together five armies.", [("Golden Dune 2023", "exercise")]),
    ("L'exercice Lion Blanc 21 s'est tenu au Sénégal.", [("Lion Blanc 21", "exercise")]),
])
def test_a_capitalised_name_after_a_naming_word(lex, text, expected):
    assert [(o.surface, o.kind) for o in find_operations(text, lex)] == expected


def test_a_lower_case_naming_word_before_a_country_is_no_name(lex):
    assert ops("During the exercise Tunisia hosted officers from Niger.", lex) == []


def test_an_arabic_naming_word_a_name_and_a_year(lex):
    assert ops("نفذت القوات مناورات الرمال الذهبية 2021 بنجاح.", lex) == [
        ("الرمال الذهبية 2021", "الرمال الذهبية 2021", "exercise", "naming word, a name and a year")]


def test_an_arabic_preposition_ends_the_name(lex):
    assert ops("جرت مناورات مشتركة في الجزائر 2021.", lex) == []


# --- never a place ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, lang_places", [
    ("يستضيف السودان مناورات حماة النيل بمشاركة الجيش المصري.", ["السودان"]),
    ("The Nile Guardians exercise took place in Sudan.", ["Sudan"]),
    ("Egypt and the United States held Bright Star near Cairo.", ["Egypt", "United States", "Cairo"]),
    ("La mission EUTM Mali a formé des soldats à Koulikoro.", ["Koulikoro"]),
    ("أعلنت عملية فجر ليبيا سيطرتها على مطار طرابلس.", ["طرابلس"]),
])
def test_a_place_inside_an_operation_name_is_not_reported(resources, text, lang_places):
    assert places(text, resources) == lang_places


def test_the_processed_article_keeps_the_operation_spans_for_the_events_stage(resources):
    text = "Flintlock 2020 opened in Nouakchott."
    art = process(RawArticle("test", text), resources)
    assert [(o.surface, o.start, o.end, o.name) for o in art.operations] == [("Flintlock 2020", 0, 14, "Flintlock")]
