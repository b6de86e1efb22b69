"""Events: types from trigger words in three languages, dates, places, status, and the sample article."""
from datetime import date
from pathlib import Path

import pytest

from dashboard.pipeline.actors import find_actors
from dashboard.pipeline.clean import clean_text
from dashboard.pipeline.events import find_events, split_sentences
from dashboard.pipeline.operations import find_operations
from dashboard.records import Place, PlaceMention
from dashboard.resources import (
    load_actor_lexicon,
    load_boilerplate,
    load_event_lexicon,
    load_operations,
)
from dashboard.settings import data_dir

RULES = load_boilerplate(data_dir())

DATA = Path(__file__).resolve().parent.parent / "data"
SAMPLE = DATA / "samples" / "esper-rabat-2020-10-02.ar.txt"
FRIDAY = date(2020, 10, 2)

P = {
    "Rabat": Place("rabat", "Rabat", "city", "MA", 34.02, -6.83),
    "Tunis": Place("tunis", "Tunis", "city", "TN", 36.82, 10.17),
    "Algiers": Place("algiers", "Algiers", "city", "DZ", 36.75, 3.06),
    "Bouznika": Place("bouznika", "Bouznika", "city", "MA", 33.79, -7.16),
    "Tripoli": Place("tripoli", "Tripoli", "city", "LY", 32.89, 13.19),
    "Morocco": Place("ma", "Morocco", "country", "MA", 31.8, -7.1),
    "Mali": Place("ml", "Mali", "country", "ML", 17.6, -4.0),
    "Gao": Place("gao", "Gao", "city", "ML", 16.27, -0.04),
    "Agadir": Place("agadir", "Agadir", "city", "MA", 30.42, -9.6),
    "Dakar": Place("dakar", "Dakar", "city", "SN", 14.69, -17.44),
    "United States": Place("us", "United States", "country", "US", 39.8, -98.6),
    "Libya": Place("ly", "Libya", "country", "LY", 26.3, 17.2),
}


@pytest.fixture(scope="module")
def lexicons():
    return load_actor_lexicon(DATA), load_event_lexicon(DATA), load_operations(DATA)


def places_in(text: str, surfaces: dict[str, str]) -> list[PlaceMention]:
    """Hand-built place mentions: each surface found in the text (every occurrence), resolved to P[name]."""
    out = []
    for surface, name in surfaces.items():
        start = text.find(surface)
        while start >= 0:
            out.append(PlaceMention(surface, start, start + len(surface), P[name], "test"))
            start = text.find(surface, start + 1)
    return sorted(out, key=lambda p: p.start)


def run(text, lang, lexicons, published=FRIDAY, surfaces=None):
    actor_lex, event_lex, operation_lex = lexicons
    places = places_in(text, surfaces or {})
    actors = find_actors(text, lang, actor_lex, places)
    return find_events(text, lang, published, places, actors, event_lex, find_operations(text, operation_lex))


def summary(events):
    return [(e.type, e.date, e.place.place.name if e.place else None, e.status) for e in events]


CASES = {
    "visit": [
        ("ar", "زار وزير الخارجية الأميركي الرباط الخميس.", {"الرباط": "Rabat"}, ("visit", "2020-10-01", "Rabat")),
        ("fr", "Le ministre américain a effectué jeudi une visite officielle à Rabat.", {"Rabat": "Rabat"},
         ("visit", "2020-10-01", "Rabat")),
        ("en", "The US Secretary of State visited Rabat on Thursday.", {"Rabat": "Rabat"}, ("visit", "2020-10-01", "Rabat")),
    ],
    "talks": [
        ("ar", "التقى وزير الدفاع التونسي نظيره الجزائري أمس في تونس.", {"تونس": "Tunis"}, ("talks", "2020-10-01", "Tunis")),
        ("fr", "Les deux ministres ont tenu des entretiens mercredi à Tunis.", {"Tunis": "Tunis"},
         ("talks", "2020-09-30", "Tunis")),
        ("en", "The two ministers held talks in Tunis on Wednesday.", {"Tunis": "Tunis"}, ("talks", "2020-09-30", "Tunis")),
    ],
    "agreement": [
        ("ar", "وقع البلدان مذكرة تفاهم للتعاون الأمني في الجزائر يوم 12 سبتمبر 2020.", {"الجزائر": "Algiers"},
         ("agreement", "2020-09-12", "Algiers")),
        ("fr", "Les deux pays ont signé une feuille de route de défense le 12 septembre 2020 à Alger.", {"Alger": "Algiers"},
         ("agreement", "2020-09-12", "Algiers")),
        ("en", "The two countries signed a defence road map in Algiers on 12 September 2020.", {"Algiers": "Algiers"},
         ("agreement", "2020-09-12", "Algiers")),
    ],
    "exercise": [
        ("ar", "انطلقت في أكادير مناورات عسكرية مشتركة يوم 20 يونيو.", {"أكادير": "Agadir"},
         ("exercise", "2020-06-20", "Agadir")),
        ("fr", "Un exercice militaire conjoint des deux armées a débuté à Agadir le 20 juin.", {"Agadir": "Agadir"},
         ("exercise", "2020-06-20", "Agadir")),
        ("en", "The two armies launched a joint military exercise in Agadir on 20 June.", {"Agadir": "Agadir"},
         ("exercise", "2020-06-20", "Agadir")),
    ],
    "arms_transfer": [
        ("ar", "تسلم المغرب في فبراير 2021 صفقة أسلحة تضم طائرات مسيرة.", {"المغرب": "Morocco"},
         ("arms_transfer", "2021-02", "Morocco")),
        ("fr", "La vente d'armes au Maroc, dont des drones, a été approuvée en février 2021.", {"Maroc": "Morocco"},
         ("arms_transfer", "2021-02", "Morocco")),
        ("en", "Washington approved an arms sale of drones to Morocco in February 2021.", {"Morocco": "Morocco"},
         ("arms_transfer", "2021-02", "Morocco")),
    ],
    "military_aid": [
        ("ar", "قدمت الولايات المتحدة مساعدات عسكرية للجيش المالي في غاو يوم الاثنين.", {"غاو": "Gao"},
         ("military_aid", "2020-09-28", "Gao")),
        ("fr", "Les États-Unis ont remis lundi à Gao un don d'équipements à l'armée malienne.", {"Gao": "Gao"},
         ("military_aid", "2020-09-28", "Gao")),
        ("en", "The United States handed over military equipment to the Malian army in Gao on Monday.", {"Gao": "Gao"},
         ("military_aid", "2020-09-28", "Gao")),
    ],
    "counter_terrorism": [
        ("ar", "نفذت القوات غارة جوية على مواقع الإرهابيين قرب غاو ليلة الثلاثاء.", {"غاو": "Gao"},
         ("counter_terrorism", "2020-09-29", "Gao")),
        ("fr", "Une frappe de drone a neutralisé mardi un chef jihadiste près de Gao.", {"Gao": "Gao"},
         ("counter_terrorism", "2020-09-29", "Gao")),
        ("en", "A drone strike killed a jihadist commander near Gao on Tuesday.", {"Gao": "Gao"},
         ("counter_terrorism", "2020-09-29", "Gao")),
    ],
    "statement": [
        ("ar", "وقال المتحدث باسم الجيش في بيان الخميس إن الوضع مستقر.", {}, ("statement", "2020-10-01", None)),
        ("fr", "Le porte-parole de l'armée a déclaré jeudi que la situation était stable.", {}, ("statement", "2020-10-01", None)),
        ("en", "The army spokesman said on Thursday that the situation was stable.", {}, ("statement", "2020-10-01", None)),
    ],
    "other": [
        ("ar", "أعلنت فرنسا انسحاب قواتها من مالي في فبراير.", {"مالي": "Mali"}, ("other", "2020-02", "Mali")),
        ("fr", "La France a annoncé en février le retrait de ses forces du Mali.", {"Mali": "Mali"}, ("other", "2020-02", "Mali")),
        ("en", "France announced the withdrawal of its forces from Mali in February.", {"Mali": "Mali"},
         ("other", "2020-02", "Mali")),
    ],
}


@pytest.mark.parametrize("lang,text,surfaces,expected",
                         [case for cases in CASES.values() for case in cases],
                         ids=[f"{t}-{c[0]}" for t, cases in CASES.items() for c in cases])
def test_event_type_date_and_place(lang, text, surfaces, expected, lexicons):
    events = run(text, lang, lexicons, surfaces=surfaces)
    assert [(e.type, e.date, e.place.place.name if e.place else None) for e in events] == [expected]


@pytest.mark.parametrize("lang,text", [
    ("ar", "لم يوقع الطرفان أي اتفاقية أمس."),
    ("fr", "Les deux parties n'ont pas signé d'accord hier."),
    ("en", "The two sides did not sign any agreement yesterday."),
])
def test_negated_past_event_is_not_an_event(lang, text, lexicons):
    assert run(text, lang, lexicons) == []


@pytest.mark.parametrize("lang,text", [
    ("ar", "لن يزور الوزير الرباط الأسبوع المقبل."),
    ("fr", "Le ministre ne se rendra pas à Rabat la semaine prochaine."),
    ("en", "The minister will not visit Rabat next week."),
])
def test_negated_future_event_is_cancelled(lang, text, lexicons):
    assert [(e.type, e.status) for e in run(text, lang, lexicons)] == [("visit", "cancelled")]


@pytest.mark.parametrize("lang,text,expected", [
    ("ar", "سيزور وزير الدفاع الجزائر الخميس.", "2020-10-08"),
    ("ar", "ومن المقرر أن يزور الوزير الجزائر الخميس.", "2020-10-08"),
    ("fr", "Le ministre doit visiter Alger jeudi.", "2020-10-08"),
    ("en", "The minister will visit Algiers on Thursday.", "2020-10-08"),
])
def test_future_marks_the_event_planned_and_the_weekday_ahead(lang, text, expected, lexicons):
    assert [(e.type, e.date, e.status) for e in run(text, lang, lexicons)] == [("visit", expected, "planned")]


@pytest.mark.parametrize("lang,text", [
    ("ar", "ألغيت المناورات المشتركة هذه السنة بسبب الوباء."),
    ("fr", "L'exercice conjoint a été annulé cette année à cause de la pandémie."),
    ("en", "The joint exercise was cancelled this year because of the pandemic."),
])
def test_cancelled_event(lang, text, lexicons):
    assert [(e.type, e.date, e.status) for e in run(text, lang, lexicons)] == [("exercise", "2020", "cancelled")]


def test_no_date_in_the_sentence_gives_the_publication_date_marked_as_such(lexicons):
    (e,) = run("The two armies held a joint exercise near Agadir.", "en", lexicons, surfaces={"Agadir": "Agadir"})
    assert (e.date, e.date_precision, e.date_source) == ("2020-10-02", "day", "publication")


def test_no_date_and_no_publication_date(lexicons):
    (e,) = run("The two armies held a joint exercise near Agadir.", "en", lexicons, published=None)
    assert (e.date, e.date_source) == (None, "none")


def test_evidence_is_the_sentence_with_its_offsets(lexicons):
    text = "Le ministre était à Dakar. Il a signé un accord de défense samedi à Dakar."
    (e,) = run(text, "fr", lexicons, surfaces={"Dakar": "Dakar"})
    assert e.evidence == "Il a signé un accord de défense samedi à Dakar."
    assert text[e.start:e.end] == e.evidence
    assert (e.type, e.date, e.trigger) == ("agreement", "2020-09-26", "signé accord")


def test_each_clause_keeps_its_own_date(lexicons):
    text = "سيوقع الوزير اتفاقية مع المغرب، على غرار تلك التي وقعت الأربعاء في تونس."
    events = run(text, "ar", lexicons, surfaces={"المغرب": "Morocco", "تونس": "Tunis"})
    assert summary(events) == [("agreement", "2020-10-02", "Morocco", "planned"),
                               ("agreement", "2020-09-30", "Tunis", "happened")]


def test_city_after_a_locative_wins_over_a_subject_city(lexicons):
    text = "ورعت الرباط في الأسابيع الأخيرة محادثات بين الأطراف الليبية في بوزنيقة."
    (e,) = run(text, "ar", lexicons, surfaces={"الرباط": "Rabat", "بوزنيقة": "Bouznika"})
    assert (e.type, e.date, e.place.place.name) == ("talks", "2020-09", "Bouznika")


def test_two_countries_and_no_city_leave_the_place_open(lexicons):
    (e,) = run("Morocco and the United States signed a defence agreement.", "en", lexicons,
               surfaces={"Morocco": "Morocco", "United States": "United States"})
    assert e.place is None


def test_this_visit_refers_back_to_the_visit_already_told(lexicons):
    text = "The minister visited Algiers on Thursday. This visit was his first to the region."
    events = run(text, "en", lexicons, surfaces={"Algiers": "Algiers"})
    assert summary(events) == [("visit", "2020-10-01", "Algiers", "happened")]


def test_a_later_sentence_dates_the_operation(lexicons):
    text = "French forces killed thirty jihadists in Mali, the ministry said. The operation took place on Thursday night."
    events = run(text, "en", lexicons, surfaces={"Mali": "Mali"})
    assert summary(events) == [("counter_terrorism", "2020-10-01", "Mali", "happened")]


def test_raids_inside_an_exercise_scenario_are_part_of_the_exercise(lexicons):
    text = "During the joint exercise, paratroopers will carry out a raid against mock militants."
    assert [e.type for e in run(text, "en", lexicons)] == ["exercise"]


def test_sentences_do_not_end_at_initials():
    text = "Maj. Gen. Kenneth P. Ekman met the U.S. ambassador. Then he left."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "Maj. Gen. Kenneth P. Ekman met the U.S. ambassador.", "Then he left."]


# ---- the sample article (Friday 2 October 2020) ------------------------------------------------

SAMPLE_PLACES = {"الرباط": "Rabat", "للرباط": "Rabat", "بوزنيقة": "Bouznika", "طرابلس": "Tripoli",
                 "تونس": "Tunis", "الجزائر": "Algiers", "المغرب": "Morocco", "للمغرب": "Morocco", "ليبيا": "Libya"}


@pytest.fixture(scope="module")
def sample_events(lexicons):
    text = clean_text(SAMPLE.read_text(encoding="utf-8"), RULES).text
    surfaces = {s: n for s, n in SAMPLE_PLACES.items()}
    # "المغرب الكبير" is the Maghreb, not Morocco: keep only stand-alone المغرب
    places = [p for p in places_in(text, surfaces) if not text.startswith("المغرب الكبير", p.start)
              and not (p.surface == "المغرب" and text[p.start - 1:p.start] == "ل")]
    actor_lex, event_lex, operation_lex = lexicons
    actors = find_actors(text, "ar", actor_lex, places)
    return find_events(text, "ar", FRIDAY, places, actors, event_lex, find_operations(text, operation_lex))


@pytest.mark.parametrize("expected", [
    ("visit", "2020-10-02", "Rabat"),
    ("agreement", "2020-10-02", "Rabat"),
    ("agreement", "2020-09-30", "Tunis"),
    ("visit", "2020-10-01", "Algiers"),
    ("talks", "2020-10-02", "Bouznika"),
    ("visit", "2019-11", "Rabat"),
    ("talks", "2020-09", "Bouznika"),
    ("exercise", "2020", "Morocco"),
])
def test_sample_article_event(expected, sample_events):
    assert expected in [(e.type, e.date, e.place.place.name if e.place else None) for e in sample_events]


def test_sample_article_bouznika_talks_are_planned(sample_events):
    (talks,) = [e for e in sample_events if e.type == "talks" and e.date == "2020-10-02"
                and e.place and e.place.place.name == "Bouznika"]
    assert talks.status == "planned"


def test_sample_article_pompeo_visit(sample_events):
    (visit,) = [e for e in sample_events if e.type == "visit" and e.date == "2019-11"]
    assert "Mike Pompeo" in visit.actors and visit.date_precision == "month"


def test_sample_article_african_lion_was_cancelled(sample_events):
    (exercise,) = [e for e in sample_events if e.type == "exercise"]
    assert (exercise.status, exercise.date_precision) == ("cancelled", "year")
    assert "AFRICOM" in exercise.actors


# ---- specific events only: generic, habitual, hypothetical, caption, quoted mentions ------------

NOT_EVENTS = [
    # a generic plural: no specific exercise
    ("en", "Mauritania takes part in many joint exercises with its neighbours."),
    ("fr", "La Mauritanie participe à de nombreux exercices avec ses voisins."),
    ("ar", "تشارك موريتانيا في عدة مناورات مع جيرانها."),
    # a habit
    ("en", "Senegal hosts a naval exercise every year off Dakar."),
    ("fr", "Le Sénégal accueille chaque année des manoeuvres navales au large de Dakar."),
    ("ar", "تحتضن السنغال كل سنة مناورات بحرية قبالة داكار."),
    # an intention
    ("en", "The minister said Washington was ready to provide military assistance to the army."),
    ("fr", "Le ministre a dit que Paris était prêt à fournir une aide militaire à l'armée."),
    ("ar", "قال الوزير إن بلاده مستعدة لتقديم مساعدات عسكرية للجيش."),
    # a photo caption
    ("en", "In this file photo, the two presidents attend a meeting in Rabat."),
    ("fr", "Sur cette photo, les deux présidents lors d'une réunion à Rabat. (Photo AFP)"),
    ("ar", "الرئيسان خلال اجتماع في الرباط. © أ ف ب"),
]


@pytest.mark.parametrize("lang,text", NOT_EVENTS)
def test_background_mentions_are_not_events(lang, text, lexicons):
    assert [e for e in run(text, lang, lexicons) if e.type not in ("statement", "other")] == []


@pytest.mark.parametrize("lang,text", [
    ("en", "The two ministers met in Rabat on Friday.\nIn this photo, soldiers take part in a joint exercise near Agadir."),
    ("fr", "Les deux ministres se sont rencontrés vendredi à Rabat.\nSur cette photo, des soldats lors d'un exercice conjoint près d'Agadir."),
    ("ar", "التقى الوزيران يوم الجمعة في الرباط.\nصورة: جنود خلال مناورات مشتركة قرب أكادير."),
])
def test_a_photo_caption_further_down_the_article_is_not_an_event(lang, text, lexicons):
    assert [e.type for e in run(text, lang, lexicons) if e.type not in ("statement", "other")] == ["talks"]


def test_habitual_exercise_told_cancelled_is_kept(lexicons):
    text = "يحتضن المغرب كل سنة مناورات الأسد الإفريقي. وقد ألغيت هذه السنة بسبب الوباء."
    assert summary(run(text, "ar", lexicons)) == [("exercise", "2020", None, "cancelled")]


@pytest.mark.parametrize("lang,text", [
    ("en", 'The general said: "We want to improve the training of our forces and their equipment."'),
    ("fr", "Le général a déclaré : « Nous voulons améliorer la formation de nos forces et leurs équipements. »"),
])
def test_weak_words_in_an_undated_quotation_are_not_events(lang, text, lexicons):
    assert [e for e in run(text, lang, lexicons) if e.type not in ("statement", "other")] == []


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Italy has handed over three patrol boats to the Tunisian navy. The ceremony took place on Wednesday in Tunis.",
     ("military_aid", "2020-09-30")),
    ("fr", "L'Italie a remis trois patrouilleurs à la marine tunisienne. La cérémonie a eu lieu mercredi à Tunis.",
     ("military_aid", "2020-09-30")),
    ("ar", "قدمت إيطاليا مساعدات عسكرية لخفر السواحل التونسي تشمل ثلاثة زوارق. وجرى الحفل يوم الأربعاء في تونس.",
     ("military_aid", "2020-09-30")),
])
def test_undated_event_takes_the_day_of_the_next_sentence(lang, text, expected, lexicons):
    events = [e for e in run(text, lang, lexicons) if e.type not in ("statement", "other")]
    assert [(e.type, e.date) for e in events] == [expected]


@pytest.mark.parametrize("lang,text", [
    ("en", "General X has been army chief since 15 September. He launched the joint exercise with Morocco."),
    ("fr", "Le général X est chef d'état-major depuis le 15 septembre. Il a lancé l'exercice conjoint avec le Maroc."),
])
def test_a_since_date_does_not_date_an_event(lang, text, lexicons):
    events = [e for e in run(text, lang, lexicons) if e.type == "exercise"]
    assert [(e.date, e.date_source) for e in events] == [("2020-10-02", "publication")]


@pytest.mark.parametrize("lang,text", [
    ("en", "The two leaders spoke by telephone on Monday. They discussed border security, officials said at the time."),
    ("fr", "Les deux dirigeants ont eu un entretien téléphonique lundi. Ils ont discuté de sécurité, selon un communiqué publié à l'époque."),
])
def test_at_the_time_refers_to_the_event_told_before(lang, text, lexicons):
    events = [e for e in run(text, lang, lexicons) if e.type == "talks"]
    assert [e.date for e in events] == ["2020-09-28"]


@pytest.mark.parametrize("lang,text", [
    ("en", "Over the period from 3 to 9 September, soldiers neutralized 40 terrorists, the army said."),
    ("fr", "Sur la période du 3 au 9 septembre, les soldats ont neutralisé 40 terroristes, selon l'armée."),
    ("ar", "أعلن الجيش أن جنوده تمكنوا خلال الفترة من 3 إلى 9 سبتمبر من تحييد 40 إرهابيا."),
])
def test_a_tally_over_a_period_is_no_single_operation(lang, text, lexicons):
    assert [e for e in run(text, lang, lexicons) if e.type == "counter_terrorism"] == []


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "On 28 September, soldiers neutralized a militant commander near Gao. A drone strike hit his car. "
           "A separate raid on 26 September neutralized three militants.",
     [("counter_terrorism", "2020-09-28"), ("counter_terrorism", "2020-09-26")]),
    ("fr", "Le 28 septembre, les soldats ont neutralisé un commandant jihadiste près de Gao. Une frappe de drone a visé son véhicule. "
           "Un raid distinct, le 26 septembre, a neutralisé trois jihadistes.",
     [("counter_terrorism", "2020-09-28"), ("counter_terrorism", "2020-09-26")]),
])
def test_a_neighbour_with_its_own_event_keeps_its_date(lang, text, expected, lexicons):
    events = [e for e in run(text, lang, lexicons, surfaces={"Gao": "Gao"}) if e.type == "counter_terrorism"]
    assert [(e.type, e.date) for e in events] == expected


@pytest.mark.parametrize("lang,text", [
    ("en", "The first delivery of armed drones arrived in Morocco. The arms deal was announced in August 2019."),
    ("fr", "La première livraison de drones est arrivée au Maroc. Le contrat d'armement a été annoncé en août 2019."),
    ("ar", "وصلت أول شحنة من الطائرات المسيرة المسلحة إلى المغرب. وأعلن البلدان عن صفقة الأسلحة في أغسطس 2019."),
])
def test_an_older_episode_does_not_date_the_news_event(lang, text, lexicons):
    events = [e for e in run(text, lang, lexicons) if e.type == "arms_transfer"]
    assert [e.date for e in events][:1] == ["2020-10-02"]
    assert "2019-08" in [e.date for e in events]


@pytest.mark.parametrize("lang,text", [
    ("en", "The army carried out an airstrike on militants near Gao. A spokesman for the general staff "
           "said on Thursday that operations would continue."),
    ("fr", "L'armée a mené une frappe contre des jihadistes près de Gao. Un porte-parole militaire "
           "a déclaré jeudi que les opérations allaient continuer."),
    ("ar", "شن الجيش غارة على مواقع المسلحين قرب غاو. وقال المتحدث باسم هيئة الأركان يوم الخميس "
           "إن الجهود ستتواصل."),
])
def test_the_day_of_reported_words_does_not_date_the_event(lang, text, lexicons):
    events = [e for e in run(text, lang, lexicons) if e.type == "counter_terrorism"]
    assert [(e.date, e.date_source) for e in events] == [("2020-10-02", "publication")]


@pytest.mark.parametrize("lang,text", [
    ("en", "Soldiers killed a dozen militants in a raid in northern Niger. The raid was carried out on Thursday night, the ministry said."),
    ("fr", "Des soldats ont tué une douzaine de jihadistes lors d'un raid dans le nord du Niger. Le raid a été mené jeudi soir, a précisé le ministère."),
])
def test_a_trailing_attribution_claims_no_date(lang, text, lexicons):
    events = [e for e in run(text, lang, lexicons) if e.type == "counter_terrorism"]
    assert [e.date for e in events] == ["2020-10-01"]


@pytest.mark.parametrize("lang,text", [
    ("en", 'The minister said: "On 28 September our forces carried out a raid on a militant camp near Gao."'),
    ("fr", "Le ministre a déclaré : « Le 28 septembre, nos forces ont mené un raid contre un camp jihadiste près de Gao. »"),
    ("ar", "وقال الوزير: \"في 28 سبتمبر نفذت قواتنا مداهمة لمعسكر المسلحين قرب غاو\"."),
])
def test_a_date_inside_quoted_words_dates_the_event(lang, text, lexicons):
    events = [e for e in run(text, lang, lexicons) if e.type == "counter_terrorism"]
    assert [(e.date, e.date_source) for e in events] == [("2020-09-28", "text")]


@pytest.mark.parametrize("lang,text", [
    ("en", "Raids on militant hideouts on 22 and 28 September killed ten fighters."),
    ("fr", "Des raids contre des caches jihadistes, le 22 et le 28 septembre, ont tué dix combattants."),
    ("ar", "وأسفرت عمليتان عسكريتان ضد المسلحين يومي 22 و28 سبتمبر عن مقتل عشرة مسلحين."),
])
def test_two_separate_days_are_two_events(lang, text, lexicons):
    events = [e for e in run(text, lang, lexicons) if e.type == "counter_terrorism"]
    assert [e.date for e in events] == ["2020-09-22", "2020-09-28"]


@pytest.mark.parametrize("lang,text", [
    ("en", "The two chiefs of staff held talks in Tunis on 28 and 29 September."),
    ("fr", "Les deux chefs d'état-major ont tenu des entretiens à Tunis les 28 et 29 septembre."),
    ("ar", "أجرى رئيسا الأركان محادثات في تونس يومي 28 و29 سبتمبر."),
])
def test_two_consecutive_days_are_one_event(lang, text, lexicons):
    events = [e for e in run(text, lang, lexicons) if e.type == "talks"]
    assert [e.date for e in events] == ["2020-09-28"]


@pytest.mark.parametrize("lang,text", [
    ("en", "The joint exercise ran from 26 to 28 September near Agadir."),
    ("fr", "L'exercice conjoint s'est déroulé du 26 au 28 septembre près d'Agadir."),
    ("ar", "جرت المناورات المشتركة من 26 إلى 28 سبتمبر قرب أكادير."),
])
def test_a_range_of_days_is_one_event(lang, text, lexicons):
    events = [e for e in run(text, lang, lexicons) if e.type == "exercise"]
    assert [e.date for e in events] == ["2020-09-26"]
