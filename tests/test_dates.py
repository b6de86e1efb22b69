"""Date expressions resolved against the publication date (Friday 2 October 2020 unless said)."""
from datetime import date

import pytest

from dashboard.pipeline.dates import find_dates, resolve

FRIDAY = date(2020, 10, 2)


def first(text: str, published: date | None = FRIDAY, future: bool = False, ref_year: int | None = None):
    found = find_dates(text)
    assert found, f"no date found in {text!r}"
    return resolve(found[0], published, future, ref_year)


@pytest.mark.parametrize("text", ["اختتم الوزير جولته الجمعة في الرباط", "Le ministre a achevé vendredi sa tournée",
                                  "The minister ended his tour on Friday"])
def test_weekday_equal_to_publication_day_is_that_day(text):
    assert first(text) == ("2020-10-02", "day")


@pytest.mark.parametrize("text", ["الاتفاقية التي وقعت الأربعاء في تونس", "l'accord signé mercredi à Tunis",
                                  "the road map signed on Wednesday in Tunis"])
def test_past_weekday_is_the_most_recent_one_before_publication(text):
    assert first(text) == ("2020-09-30", "day")


@pytest.mark.parametrize("text", ["سيزور الوزير الجزائر الخميس", "Le ministre doit se rendre à Alger jeudi",
                                  "The minister will travel to Algiers on Thursday"])
def test_weekday_in_a_future_sentence_is_the_next_one(text):
    assert first(text, future=True) == ("2020-10-08", "day")


def test_weekday_marked_next_is_ahead_even_without_a_future_verb():
    assert first("تجتمع اللجنة يومي الخميس والجمعة المقبلين في سرت", published=date(2021, 12, 13)) == ("2021-12-16", "day")


def test_weekday_marked_last_is_before_publication():
    assert first("التقى الطرفان السبت الماضي في سرت", published=date(2021, 12, 13)) == ("2021-12-11", "day")


def test_same_weekday_marked_last_is_a_week_before():
    assert first("lors de la réunion de vendredi dernier") == ("2020-09-25", "day")


@pytest.mark.parametrize("text,expected", [
    ("وصل الوفد أمس إلى الرباط", "2020-10-01"), ("La délégation est arrivée hier à Rabat", "2020-10-01"),
    ("The delegation arrived in Rabat yesterday", "2020-10-01"),
    ("يلتقي الوزيران اليوم في الرباط", "2020-10-02"), ("Les ministres se rencontrent aujourd'hui", "2020-10-02"),
    ("The ministers meet today in Rabat", "2020-10-02"),
    ("يصل الوزير غدا إلى تونس", "2020-10-03"), ("Le ministre arrivera demain à Tunis", "2020-10-03"),
    ("The minister arrives in Tunis tomorrow", "2020-10-03"),
])
def test_today_yesterday_tomorrow(text, expected):
    assert first(text) == (expected, "day")


@pytest.mark.parametrize("text", ["زار الوزير الرباط في نوفمبر", "Le ministre a visité Rabat en novembre",
                                  "The minister visited Rabat in November"])
def test_month_without_year_is_the_most_recent_past_one(text):
    assert first(text) == ("2019-11", "month")


def test_month_marked_next_is_ahead():
    assert first("ستنظم المناورات في نونبر المقبل", published=date(2022, 8, 10)) == ("2022-11", "month")


@pytest.mark.parametrize("text,month", [
    ("في ماي 2021", 5), ("في يوليوز 2021", 7), ("في غشت 2021", 8), ("في شتنبر 2021", 9), ("في نونبر 2021", 11),
    ("في جانفي 2021", 1), ("في فيفري 2021", 2), ("في أفريل 2021", 4), ("في جوان 2021", 6), ("في جويلية 2021", 7),
    ("في أوت 2021", 8), ("في دجنبر 2021", 12), ("في حزيران 2021", 6), ("في تشرين الأول 2021", 10),
])
def test_maghreb_and_levant_month_names(text, month):
    assert first(text) == (f"2021-{month:02d}", "month")


@pytest.mark.parametrize("text,expected", [
    ("وقع الطرفان الاتفاق في ٧ نوفمبر ٢٠٢٣", "2023-11-07"),
    ("وقع الطرفان الاتفاق يوم 25 جويلية 2023", "2023-07-25"),
    ("L'accord a été signé le 1er juin 2021", "2021-06-01"),
    ("The agreement was signed on 23 October 2020", "2020-10-23"),
    ("The agreement was signed on March 26, 2024", "2024-03-26"),
    ("The sale was approved (28th June, 2019)", "2019-06-28"),
    ("Bulletin du 07.08.2023", "2023-08-07"),
    ("نشر في 11-09-2020", "2020-09-11"),
])
def test_explicit_dates_in_three_languages_and_digits(text, expected):
    assert first(text) == (expected, "day")


def test_day_range_gives_its_first_day():
    assert first("ستجري المناورات من 26 وحتى 31 من شهر مايو 2021م") == ("2021-05-26", "day")
    assert first("Le comité se réunira à Oran le 29 et le 30 janvier 2024") == ("2024-01-29", "day")


def test_arabic_ordinal_day():
    assert first("في الخامس من يونيو نفذت القوة عملية", published=date(2021, 6, 11)) == ("2021-06-05", "day")


def test_weekday_next_to_its_date_is_one_expression():
    found = find_dates("La remise a eu lieu mercredi 28 août à Tunis")
    assert len(found) == 1
    assert resolve(found[0], date(2024, 8, 30)) == ("2024-08-28", "day")


@pytest.mark.parametrize("text", ["ألغيت المناورات هذه السنة", "l'exercice a été annulé cette année",
                                  "the exercise was cancelled this year"])
def test_this_year(text):
    assert first(text) == ("2020", "year")


@pytest.mark.parametrize("text", ["زار الوفد موسكو الأسبوع الماضي", "la délégation s'est rendue à Moscou la semaine dernière",
                                  "the delegation visited Moscow last week"])
def test_last_week_is_the_month_of_its_middle(text):
    assert first(text, published=date(2023, 8, 7)) == ("2023-08", "month")


@pytest.mark.parametrize("text", ["زار الرئيس موسكو الشهر الماضي", "le président s'est rendu à Moscou le mois dernier",
                                  "the president visited Moscow last month"])
def test_last_month(text):
    assert first(text, published=date(2023, 8, 7)) == ("2023-07", "month")


@pytest.mark.parametrize("text", ["ورعت الرباط في الأسابيع الأخيرة محادثات", "ces dernières semaines, Rabat a accueilli des pourparlers",
                                  "in recent weeks Rabat hosted talks"])
def test_recent_weeks_is_two_weeks_back_at_month_precision(text):
    assert first(text) == ("2020-09", "month")


def test_plain_year():
    assert first("وفي عام 2017 نفذ التدريب المشترك") == ("2017", "year")


def test_no_publication_date_leaves_relative_dates_unresolved():
    assert first("The minister arrived yesterday", published=None) == (None, None)


def test_no_publication_date_uses_the_reference_year_for_day_and_month():
    assert first("les manœuvres débutent le 20 juin", published=None, ref_year=2022) == ("2022-06-20", "day")


def test_ambiguous_month_words_need_context():
    assert find_dates("The talks may resume") == []
    assert find_dates("مارس الجيش ضغطا على المسلحين") == []


@pytest.mark.parametrize("text", ["le 3 et le 10 mai", "on 3 and 10 May", "on May 3 and 10", "يومي 3 و10 مايو"])
def test_two_separate_days_keep_the_second(text):
    assert [(d.day, d.also_day) for d in find_dates(text)] == [(3, 10)]


@pytest.mark.parametrize("text", ["du 3 au 10 mai", "entre le 3 et le 10 mai", "between 3 and 10 May",
                                  "between May 3 and 10", "ما بين 3 و10 مايو", "من 3 إلى 10 مايو"])
def test_a_range_has_no_second_day(text):
    assert [(d.day, d.also_day) for d in find_dates(text)] == [(3, None)]


@pytest.mark.parametrize("text", ["les 25 et 26 août", "on 25 and 26 August", "يومي 25 و26 أغسطس"])
def test_two_consecutive_days_are_one_span(text):
    assert [(d.day, d.also_day) for d in find_dates(text)] == [(25, None)]


@pytest.mark.parametrize("text", ["The drill ran from 17 to 28 February 2020", "La manœuvre s'est tenue du 17 au 28 février 2020",
                                  "جرت المناورة من 17 إلى 28 فبراير 2020", "The drill ran between February 17 and 28, 2020",
                                  "The drill ran February 17-28, 2020"])
def test_a_range_of_days_dates_its_start(text):
    assert first(text) == ("2020-02-17", "day")


@pytest.mark.parametrize("text", ["La mission a duré du 28 février au 3 mars 2020", "The mission lasted from 28 February to 3 March 2020",
                                  "استمرت المهمة من 28 فبراير إلى 3 مارس 2020", "The mission lasted from February 28 to March 3, 2020"])
def test_a_range_across_months_takes_the_year_at_its_end(text):
    assert first(text) == ("2020-02-28", "day")


def test_a_range_across_new_year_starts_in_the_year_before():
    assert first("Les patrouilles ont eu lieu du 28 décembre au 4 janvier 2021") == ("2020-12-28", "day")


def test_a_pair_of_numbers_after_a_month_is_no_pair_of_days():
    assert [(d.day, d.also_day) for d in find_dates("On March 3 and 5 soldiers were hurt")] == [(3, None)]


@pytest.mark.parametrize("text", ["The ministers met last Friday", "Les ministres se sont réunis vendredi dernier",
                                  "اجتمع الوزيران الجمعة الماضي", "The ministers met this past Friday"])
def test_last_weekday_on_that_weekday_is_a_week_before(text):
    assert first(text) == ("2020-09-25", "day")


@pytest.mark.parametrize("text", ["The exercise began last Monday", "L'exercice a commencé lundi dernier",
                                  "انطلق التمرين الإثنين الماضي"])
def test_last_weekday_is_the_previous_one(text):
    assert first(text) == ("2020-09-28", "day")


def test_next_weekday_in_english_is_ahead():
    assert first("The talks resume next Friday") == ("2020-10-09", "day")


@pytest.mark.parametrize("text", ["The convoy was ambushed the day before yesterday", "Le convoi a été attaqué avant-hier",
                                  "Le convoi a été attaqué avant hier", "تعرضت القافلة لكمين أول أمس",
                                  "تعرضت القافلة لكمين أمس الأول", "تعرضت القافلة لكمين أول من أمس"])
def test_the_day_before_yesterday(text):
    assert first(text) == ("2020-09-30", "day")


@pytest.mark.parametrize("text", ["The base was handed over in July of last year", "La base a été remise en juillet de l'année dernière",
                                  "سلمت القاعدة في يوليو من العام الماضي"])
def test_a_month_of_last_year(text):
    assert first(text) == ("2019-07", "month")


@pytest.mark.parametrize("text", ["أعلن عن القوة في يوليو من عام 2017", "The force was announced in July of 2017",
                                  "La force a été annoncée en juillet de l'année 2017"])
def test_a_month_of_a_named_year(text):
    assert first(text) == ("2017-07", "month")


@pytest.mark.parametrize("text", ["l'accord signé le 20 octobre dernier", "الاتفاق الموقع في 20 أكتوبر الماضي"])
def test_a_past_day_later_in_the_publication_month_is_last_years(text):
    assert first(text) == ("2019-10-20", "day")


def test_an_unmarked_day_later_in_the_publication_month_is_this_years():
    assert first("les manœuvres du 20 octobre") == ("2020-10-20", "day")


def test_the_last_week_of_a_month_is_that_month_not_this_week():
    found = find_dates("تجري المناورات خلال الأسبوع الأخير من شهر ديسمبر")
    assert [resolve(d, FRIDAY) for d in found] == [("2019-12", "month")]
