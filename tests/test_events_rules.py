"""Events: general rules on text written for these tests, in Arabic, French and English.

What makes a mention one event (headline and lead, a named exercise told twice), which type a
mention takes (a sale, a gift, a commission's session, a withdrawal), and what is no event at all
(a description, a habit, an aspiration, background).
"""
from datetime import date

import pytest

from dashboard.pipeline.actors import find_actors
from dashboard.pipeline.events import find_events
from dashboard.pipeline.operations import find_operations
from dashboard.resources import load_actor_lexicon, load_event_lexicon, load_operations
from dashboard.settings import data_dir

FRIDAY = date(2020, 10, 2)
SCORED = ("visit", "talks", "agreement", "exercise", "arms_transfer", "military_aid", "counter_terrorism")


@pytest.fixture(scope="module")
def lexicons():
    return load_actor_lexicon(data_dir()), load_event_lexicon(data_dir()), load_operations(data_dir())


def run(text, lang, lexicons, published=FRIDAY):
    actor_lex, event_lex, operation_lex = lexicons
    actors = find_actors(text, lang, actor_lex, [])
    return find_events(text, lang, published, [], actors, event_lex, find_operations(text, operation_lex))


def told(text, lang, lexicons, published=FRIDAY):
    """(type, date, status) of the events of the scored types, in reading order."""
    return [(e.type, e.date, e.status) for e in run(text, lang, lexicons, published) if e.type in SCORED]


# ---- a headline and its lead are one event ------------------------------------------------------

@pytest.mark.parametrize("lang,text", [
    ("en", "Morocco and Spain hold joint naval exercise\n\n"
           "The navies of Morocco and Spain began a joint naval exercise off Tangier on 14 September."),
    ("fr", "Le Maroc et l'Espagne mènent un exercice naval conjoint\n\n"
           "Les marines marocaine et espagnole ont entamé le 14 septembre un exercice naval conjoint au large de Tanger."),
    ("ar", "المغرب وإسبانيا يجريان مناورات بحرية مشتركة\n\n"
           "بدأت البحريتان المغربية والإسبانية يوم 14 سبتمبر مناورات بحرية مشتركة قبالة طنجة."),
])
def test_the_headline_tells_the_leads_event(lang, text, lexicons):
    assert told(text, lang, lexicons) == [("exercise", "2020-09-14", "happened")]


def test_a_headline_dated_otherwise_is_another_event(lexicons):
    text = ("Joint exercise held on 3 August\n\n"
            "A second joint exercise began off Tangier on 14 September.")
    assert told(text, "en", lexicons) == [("exercise", "2020-08-03", "happened"), ("exercise", "2020-09-14", "happened")]


def test_a_text_without_a_headline_merges_nothing_across_its_opening(lexicons):
    text = ("The navies held a joint exercise off Tangier on 3 August. "
            "They began another joint exercise off Agadir on 14 September.")
    assert told(text, "en", lexicons) == [("exercise", "2020-08-03", "happened"), ("exercise", "2020-09-14", "happened")]


# ---- polysemous words need their type's context ------------------------------------------------

@pytest.mark.parametrize("lang,text", [
    ("en", "The opposition accused the cabinet of manoeuvres to delay the vote."),
    ("fr", "L'opposition accuse le gouvernement de manœuvres pour retarder le scrutin."),
    ("ar", "اتهمت المعارضة الحكومة بالقيام بمناورات لتأجيل الانتخابات."),
])
def test_manoeuvres_without_military_words_are_no_exercise(lang, text, lexicons):
    assert told(text, lang, lexicons) == []


@pytest.mark.parametrize("lang,text", [
    ("en", "Naval manoeuvres began off Agadir on Monday."),
    ("fr", "Des manœuvres navales ont débuté lundi au large d'Agadir."),
    ("ar", "بدأت مناورات بحرية قبالة أكادير يوم الاثنين."),
])
def test_military_manoeuvres_are_an_exercise(lang, text, lexicons):
    assert told(text, lang, lexicons) == [("exercise", "2020-09-28", "happened")]


# ---- named exercises ---------------------------------------------------------------------------

@pytest.mark.parametrize("lang,text", [
    ("en", "Flintlock opened in Nouakchott on Monday with troops from ten countries."),
    ("fr", "Flintlock s'est ouvert lundi à Nouakchott avec des troupes de dix pays."),
    ("ar", "انطلقت فعاليات فلينتلوك يوم الاثنين في نواكشوط بمشاركة قوات من عشر دول."),
])
def test_the_name_of_an_exercise_tells_an_exercise(lang, text, lexicons):
    assert told(text, lang, lexicons) == [("exercise", "2020-09-28", "happened")]


@pytest.mark.parametrize("lang,text", [
    ("en", "Phoenix Express began off Bizerte on 14 September. Navies of twelve countries sent ships to Phoenix Express."),
    ("fr", "Phoenix Express a débuté le 14 septembre au large de Bizerte. Douze marines ont envoyé des navires à Phoenix Express."),
    ("ar", "انطلقت فينيكس إكسبريس يوم 14 سبتمبر قبالة بنزرت. وأرسلت بحريات اثنتي عشرة دولة سفنا إلى فينيكس إكسبريس."),
])
def test_one_named_exercise_told_twice_is_one_event(lang, text, lexicons):
    assert told(text, lang, lexicons) == [("exercise", "2020-09-14", "happened")]


def test_two_editions_of_a_named_exercise_are_two_events(lexicons):
    text = "African Lion 2019 ended in Agadir in April 2019. African Lion 2020 was cancelled in March 2020."
    assert told(text, "en", lexicons) == [("exercise", "2019-04", "happened"), ("exercise", "2020-03", "cancelled")]


# ---- types: a sale, purchase, order or contract for weapons; a gift or an aid delivery ----------

@pytest.mark.parametrize("lang,text", [
    ("en", "Morocco ordered 24 attack helicopters from the United States on Monday."),
    ("fr", "L'Algérie a commandé lundi douze hélicoptères de combat à la Russie."),
    ("ar", "اشترت مصر يوم الاثنين 24 طائرة مقاتلة من فرنسا."),
])
def test_an_order_or_purchase_of_weapons_is_an_arms_transfer(lang, text, lexicons):
    assert told(text, lang, lexicons) == [("arms_transfer", "2020-09-28", "happened")]


@pytest.mark.parametrize("lang,text", [
    ("en", "Egypt signed a contract on Monday to buy 30 fighter jets from France."),
    ("fr", "L'Égypte a signé lundi un contrat pour l'achat de 30 avions de combat."),
    ("ar", "وقعت مصر يوم الاثنين عقدا لشراء 30 طائرة مقاتلة من فرنسا."),
])
def test_a_contract_signed_for_weapons_is_an_arms_transfer_not_an_agreement(lang, text, lexicons):
    assert told(text, lang, lexicons) == [("arms_transfer", "2020-09-28", "happened")]


@pytest.mark.parametrize("lang,text", [
    ("en", "On Thursday Washington approved a possible sale of Javelin anti-tank missiles to Tunisia."),
    ("fr", "Washington a approuvé jeudi une vente potentielle de missiles antichars à la Tunisie."),
    ("ar", "وافقت واشنطن يوم الخميس على بيع محتمل لصواريخ مضادة للدروع إلى تونس."),
])
def test_an_approved_possible_sale_is_an_arms_transfer(lang, text, lexicons):
    assert told(text, lang, lexicons) == [("arms_transfer", "2020-10-01", "happened")]


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Funded by Italy, the delivery of four patrol boats to the Tunisian coast guard took place on Monday.", "military_aid"),
    ("en", "Under the arms deal, the delivery of four attack helicopters to Chad took place on Monday.",
     "arms_transfer"),
    ("fr", "Financée par l'Italie, la livraison de quatre patrouilleurs à la garde côtière tunisienne a eu lieu lundi.",
     "military_aid"),
    ("fr", "En vertu du contrat d'armement, la livraison de quatre hélicoptères au Tchad a eu lieu lundi.",
     "arms_transfer"),
    ("ar", "جرى يوم الاثنين تسليم أربعة زوارق دورية لخفر السواحل التونسي بتمويل إيطالي.", "military_aid"),
    ("ar", "جرى يوم الاثنين تسليم أربع مروحيات قتالية لتشاد بموجب صفقة أسلحة.", "arms_transfer"),
])
def test_a_delivery_is_aid_when_the_article_says_so_else_an_arms_transfer(lang, text, expected, lexicons):
    assert [t for t, _, _ in told(text, lang, lexicons)] == [expected]


@pytest.mark.parametrize("lang,text", [
    ("en", "Italy donated four patrol boats to Tunisia in May. This delivery was the first of a programme signed in March."),
    ("fr", "L'Italie a fait don de quatre patrouilleurs à la Tunisie en mai. Cette livraison est la première d'un programme signé en mars."),
])
def test_a_reference_back_takes_no_date_owned_by_another_event_of_its_sentence(lang, text, lexicons):
    assert [(t, d) for t, d, _ in told(text, lang, lexicons) if t == "military_aid"] == [("military_aid", "2020-05")]


# ---- an exercise's scenario ---------------------------------------------------------------------

@pytest.mark.parametrize("lang,text", [
    ("en", "During the joint exercise on Monday, commandos practised a raid on a mock militant camp."),
    ("fr", "Lors de l'exercice conjoint lundi, les commandos ont simulé un raid contre un camp jihadiste fictif."),
    ("ar", "خلال المناورات المشتركة يوم الاثنين، نفذت القوات الخاصة مداهمة لمعسكر افتراضي للمسلحين."),
])
def test_a_raid_of_an_exercises_scenario_is_the_exercise(lang, text, lexicons):
    assert told(text, lang, lexicons) == [("exercise", "2020-09-28", "happened")]


@pytest.mark.parametrize("lang,text", [
    ("en", "The two navies ended their joint exercise on Monday; on Tuesday Morocco signed a contract to buy two frigates."),
    ("fr", "Les deux marines ont achevé lundi leur exercice conjoint ; mardi, le Maroc a signé un contrat pour l'achat de deux frégates."),
    ("ar", "أنهت البحريتان مناوراتهما المشتركة يوم الاثنين؛ ويوم الثلاثاء اشترى المغرب فرقاطتين."),
])
def test_a_sale_told_beside_an_exercise_is_still_a_sale(lang, text, lexicons):
    assert told(text, lang, lexicons) == [("exercise", "2020-09-28", "happened"), ("arms_transfer", "2020-09-29", "happened")]


# ---- talks: a commission's session; "meet" as in "meet a need" is none ---------------------------

@pytest.mark.parametrize("lang,text", [
    ("en", "The joint military commission of Algeria and Tunisia convened in Algiers on Monday."),
    ("fr", "La commission militaire mixte algéro-tunisienne s'est réunie lundi à Alger."),
    ("ar", "عقدت اللجنة العسكرية المشتركة الجزائرية التونسية دورتها يوم الاثنين في الجزائر."),
])
def test_a_session_of_a_joint_military_commission_is_talks(lang, text, lexicons):
    assert told(text, lang, lexicons) == [("talks", "2020-09-28", "happened")]


def test_meeting_a_need_is_no_meeting(lexicons):
    assert told("The new radars will help the navy meet future threats.", "en", lexicons) == []


def test_ministers_who_will_meet_hold_talks(lexicons):
    assert told("The two ministers will meet in Tunis on Monday.", "en", lexicons) == [("talks", "2020-10-05", "planned")]


# ---- other: a withdrawal, a base handed over, the end of a mission --------------------------------

@pytest.mark.parametrize("lang,text", [
    ("en", "France handed over the base of Gao to the Malian army on Monday."),
    ("en", "France announced on Monday the end of the operation in the Sahel."),
    ("fr", "La France a annoncé lundi la fin de l'opération militaire au Sahel."),
    ("fr", "Les derniers soldats français ont quitté le Niger lundi."),
    ("ar", "أعلن الاتحاد الأوروبي يوم الاثنين انتهاء مهمته العسكرية في مالي."),
    ("ar", "سلمت فرنسا القاعدة العسكرية للجيش المالي يوم الاثنين."),
])
def test_a_withdrawal_a_handover_or_an_end_is_other(lang, text, lexicons):
    assert [(e.type, e.date) for e in run(text, lang, lexicons) if e.type != "statement"] == [("other", "2020-09-28")]


# ---- description, habit, aspiration and background are no events ---------------------------------

NO_EVENTS = [
    # a definition
    ("en", "African Lion is an annual exercise led by the United States."),
    ("fr", "Flintlock est un exercice annuel des forces spéciales africaines."),
    ("ar", "الأسد الإفريقي عبارة عن مناورات سنوية تقودها الولايات المتحدة."),
    # a habit
    ("en", "The navy usually holds a drill off Agadir in the spring."),
    ("fr", "La marine organise habituellement un exercice au large d'Agadir au printemps."),
    ("ar", "تجري البحرية عادة مناورات بحرية قبالة أكادير في فصل الربيع."),
    # an aspiration
    ("en", "We look to improve our exercises with our partners in the region."),
    ("fr", "Nous cherchons à améliorer nos exercices avec nos partenaires de la région."),
    ("ar", "نتطلع إلى تطوير التمارين المشتركة مع شركائنا في المنطقة."),
    ("en", "We look forward to a joint exercise with our partners next year."),
    ("fr", "Nous aspirons à un exercice conjoint avec nos partenaires l'an prochain."),
    ("ar", "نطمح إلى إجراء مناورات مشتركة مع شركائنا العام المقبل."),
    # looking back
    ("en", "It was a year that saw joint exercises with Morocco and Tunisia."),
    ("fr", "Ce fut une année qui a vu des exercices conjoints avec le Maroc et la Tunisie."),
    ("ar", "كان عاما شهد مناورات مشتركة مع المغرب وتونس."),
    # what a relation consists of
    ("en", "Their cooperation covers training, staff visits and joint exercises."),
    ("fr", "Leur coopération porte sur la formation, les visites et les exercices conjoints."),
    ("ar", "يشمل التعاون بين البلدين التكوين والزيارات والمناورات المشتركة."),
]


@pytest.mark.parametrize("lang,text", NO_EVENTS)
def test_description_habit_aspiration_and_background_are_no_events(lang, text, lexicons):
    assert told(text, lang, lexicons) == []


@pytest.mark.parametrize("lang,text", [
    ("en", "The navy is holding a joint exercise off Agadir this week."),
    ("fr", "La marine mène cette semaine un exercice conjoint au large d'Agadir."),
    ("ar", "تجري البحرية هذا الأسبوع مناورات مشتركة قبالة أكادير."),
])
def test_an_exercise_under_way_is_an_event(lang, text, lexicons):
    assert [t for t, _, _ in told(text, lang, lexicons)] == ["exercise"]
