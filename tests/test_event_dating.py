"""Which date an event takes, through the whole pipeline (places, operations, actors, events), on
text written for these tests. Articles published on Tuesday 8 March 2022 unless said."""
from datetime import date

import pytest

from dashboard.pipeline import process
from dashboard.records import RawArticle
from dashboard.resources import default_resources

TUESDAY = date(2022, 3, 8)


@pytest.fixture(scope="module")
def resources():
    return default_resources()


def events(text: str, resources, kind: str, published: date | None = TUESDAY) -> list[tuple[str | None, str]]:
    art = process(RawArticle(source="test", text=text, published=published), resources)
    return [(e.date, e.status) for e in art.events if e.type == kind]


# ---- a relative clause on the event's words is the event's own clause ---------------------------

@pytest.mark.parametrize("text", [
    "The ministry announced on Tuesday the joint exercise African Lion, which began on Sunday near Agadir.",
    "Le ministère a annoncé mardi l'exercice conjoint African Lion, qui a débuté dimanche près d'Agadir.",
    "أعلنت الوزارة الثلاثاء عن المناورات المشتركة الأسد الإفريقي، التي انطلقت الأحد قرب أكادير.",
])
def test_a_day_in_a_relative_clause_on_the_event_beats_the_day_of_the_report(text, resources):
    assert events(text, resources, "exercise") == [("2022-03-06", "happened")]


# ---- the year of an exercise's name is no date when the sentence gives a day --------------------

@pytest.mark.parametrize("text", [
    "The Flintlock 2022 exercise, which American special forces have run with the armies of the Sahel and "
    "of West Africa every year since 2005, began on Sunday in Mauritania.",
    "L'exercice Flintlock 2022, que les forces spéciales américaines organisent avec les armées du Sahel et "
    "d'Afrique de l'Ouest chaque année depuis 2005, a débuté dimanche en Mauritanie.",
    "تمرين فلينتلوك 2022، الذي تنظمه القوات الخاصة الأمريكية مع جيوش منطقة الساحل وغرب إفريقيا منذ عام 2005 "
    "في موعده المعتاد، انطلق الأحد في موريتانيا.",
])
def test_the_year_in_an_exercise_name_gives_way_to_the_day(text, resources):
    assert [d for d, _ in events(text, resources, "exercise")] == ["2022-03-06"]


def test_the_year_in_an_exercise_name_dates_a_sentence_without_a_day(resources):
    assert [d for d, _ in events("Morocco hosted the African Lion 2021 exercise near Agadir.", resources, "exercise")] == ["2021"]


# ---- the year a plan or programme is for is no event date ----------------------------------------

@pytest.mark.parametrize("text", [
    "The Moroccan and Spanish chiefs of staff held talks in Rabat on the programme of joint activities for 2023.",
    "The Moroccan and Spanish chiefs of staff held talks in Rabat on the 2023 cooperation plan.",
    "Les chefs d'état-major marocain et espagnol ont tenu une réunion à Rabat sur le programme des activités "
    "communes de l'année 2023.",
    "اجتمع رئيس الأركان المغربي مع نظيره الإسباني في الرباط وبحثا برنامج الأنشطة المشتركة لسنة 2023.",
    "أجرى رئيس الأركان المغربي محادثات مع نظيره الإسباني في الرباط حول برنامج التعاون العسكري لسنة 2023.",
])
def test_the_year_of_a_programme_is_not_the_date_of_the_talks(text, resources):
    assert events(text, resources, "talks") == [("2022-03-08", "happened")]


@pytest.mark.parametrize("text", [
    "The two armies plan to hold a joint exercise in 2023 near Agadir.",
    "Les deux armées ont un plan pour organiser un exercice conjoint en 2023 près d'Agadir.",
])
def test_a_plan_to_act_in_a_year_still_dates_the_act(text, resources):
    assert events(text, resources, "exercise") == [("2023", "planned")]


# ---- an event told in the past is not dated by a day after publication ----------------------------

@pytest.mark.parametrize("text", [
    "The two delegations agreed on the withdrawal of all foreign fighters from 15 April 2022.",
    "Les deux délégations se sont mis d'accord pour le retrait de tous les combattants étrangers dès le 15 avril 2022.",
    "اتفق الوفدان على انسحاب جميع المقاتلين الأجانب اعتبارا من 15 أبريل 2022.",
    "The two ministers signed an agreement in Rabat on the delivery of patrol boats in May 2022.",
    "Les deux ministres ont signé à Rabat un accord sur la livraison de patrouilleurs en mai 2022.",
    "وقع الوزيران في الرباط اتفاقية لتسليم زوارق دورية في مايو 2022.",
])
def test_a_past_agreement_is_not_dated_by_the_day_it_agreed_on(text, resources):
    assert events(text, resources, "agreement") == [("2022-03-08", "happened")]


@pytest.mark.parametrize("text", [
    "The two ministers will sign an agreement in Rabat on 15 April 2022.",
    "سيوقع الوزيران اتفاقية في الرباط يوم 15 أبريل 2022.",
])
def test_an_agreement_told_in_the_future_keeps_its_day(text, resources):
    assert events(text, resources, "agreement") == [("2022-04-15", "planned")]


# ---- a headline or lead in the future takes the next such day ----------------------------------

@pytest.mark.parametrize("text", [
    "Libya military talks to resume Thursday in Geneva\n\nThe joint military commission meets again after a pause.",
    "Les pourparlers militaires libyens reprendront jeudi à Genève\n\nLa commission militaire conjointe se réunit de nouveau.",
    "تستأنف المحادثات العسكرية الليبية الخميس في جنيف\n\nوتعود اللجنة العسكرية المشتركة إلى الاجتماع بعد توقف.",
    "اللجنة العسكرية المشتركة تستأنف محادثاتها الخميس في جنيف\n\nوتعود اللجنة إلى الاجتماع بعد توقف.",
])
def test_a_headline_in_the_future_takes_the_next_weekday(text, resources):
    assert events(text, resources, "talks")[:1] == [("2022-03-10", "planned")]


def test_the_french_future_tense_looks_ahead_anywhere(resources):
    text = "Le chef d'état-major s'est entretenu avec son homologue. Le ministre se rendra jeudi à Alger pour une visite."
    assert events(text, resources, "visit") == [("2022-03-10", "planned")]


def test_an_arabic_headline_in_the_present_follows_a_body_that_tells_the_day_as_past(resources):
    text = "وزير الدفاع يزور الجزائر الخميس\n\nزار وزير الدفاع الجزائر الخميس والتقى نظيره."
    assert events(text, resources, "visit") == [("2022-03-03", "happened")]


def test_a_past_tense_lead_keeps_the_past_weekday(resources):
    text = "Army chiefs met Thursday in Rabat\n\nThe chiefs of staff held talks in Rabat on Thursday."
    assert {d for d, _ in events(text, resources, "talks")} == {"2022-03-03"}


# ---- an early-morning report that names its own weekday means last week's ----------------------

@pytest.mark.parametrize("text", [
    "Publié le mardi 8 mars 2022 à 05:40\n\nLes forces armées ont mené mardi des frappes aériennes près de Gao.",
    "Published Tuesday, March 8, 2022 at 5:40 am\n\nThe army carried out air strikes near Gao on Tuesday.",
    "الثلاثاء 8 مارس 2022 - 05:40\n\nشن الجيش الثلاثاء غارات على مواقع المسلحين قرب غاو.",
])
def test_an_early_morning_report_naming_its_weekday_means_last_week(text, resources):
    assert [d for d, _ in events(text, resources, "counter_terrorism")] == ["2022-03-01"]


@pytest.mark.parametrize("text", [
    "Publié le mardi 8 mars 2022 à 05:40\n\nLes forces armées ont mené ce matin, mardi, des frappes aériennes près de Gao.",
    "Published Tuesday, March 8, 2022 at 5:40 am\n\nThe army carried out air strikes near Gao today, Tuesday.",
    "الثلاثاء 8 مارس 2022 - 05:40\n\nشن الجيش اليوم الثلاثاء غارات على مواقع المسلحين قرب غاو.",
])
def test_an_early_morning_report_saying_today_means_today(text, resources):
    assert [d for d, _ in events(text, resources, "counter_terrorism")] == ["2022-03-08"]


@pytest.mark.parametrize("text", [
    "Publié le mardi 8 mars 2022 à 14:20\n\nLes forces armées ont mené mardi des frappes aériennes près de Gao.",
    "Les forces armées ont mené mardi des frappes aériennes près de Gao.",
    "The army carried out air strikes near Gao on Tuesday at 05:00, the ministry said.",
])
def test_a_report_later_in_the_day_or_without_its_hour_means_the_day_itself(text, resources):
    assert [d for d, _ in events(text, resources, "counter_terrorism")] == ["2022-03-08"]
