"""A small store in three languages, written through the real writer, for the app's tests.

The texts are written for these tests (no corpus text). Offsets are found in the text, so the
highlighting tests check real positions.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from dashboard.pipeline.identity import content_hash
from dashboard.records import ActorMention, Event, Place, PlaceMention, ProcessedArticle
from dashboard.store import write_session

RABAT = Place("geo:2538475", "Rabat", "city", "MA", 34.01, -6.83, name_fr="Rabat", name_ar="الرباط")
TUNIS = Place("geo:2464470", "Tunis", "city", "TN", 36.82, 10.17, name_fr="Tunis", name_ar="تونس")
TAMANRASSET = Place("geo:2478216", "Tamanrasset", "city", "DZ", 22.79, 5.52, name_fr="Tamanrasset",
                    name_ar="تمنراست")
NOUAKCHOTT = Place("geo:2377450", "Nouakchott", "city", "MR", 18.09, -15.98, name_fr="Nouakchott",
                   name_ar="نواكشوط")
MALI = Place("geo:2453866", "Mali", "country", "ML", 17.0, -4.0, name_fr="Mali", name_ar="مالي")
NIGER = Place("geo:2440476", "Niger", "country", "NE", 17.0, 9.0, name_fr="Niger", name_ar="النيجر")

ACTORS = {
    "Mark Esper": ("person", "US"),
    "Morocco": ("country", "MA"),
    "United States": ("country", "US"),
    "Tunisia": ("country", "TN"),
    "Algeria": ("country", "DZ"),
    "Niger": ("country", "NE"),
    "Mali": ("country", "ML"),
    "Mauritania": ("country", "MR"),
    "AFRICOM": ("organization", "US"),
}

AR_AGREEMENT = (
    "وقّع وزير الدفاع الأمريكي مارك إسبر في الرباط اتفاقيةً للتعاون العسكري مع المغرب تمتد عشر سنوات. "
    "وقال إسبر إن البلدين يعملان معا لمواجهة التحديات الأمنية في منطقة الساحل. "
    "وكان الوزير قد زار تونس قبل يومين في إطار الجولة نفسها."
)
FR_EXERCISE = (
    "L'Algérie et le Niger ont mené un exercice militaire conjoint près de Tamanrasset au début du mois. "
    "Selon le communiqué, les deux armées veulent sécuriser la frontière commune. "
    "Par ailleurs, une opération antiterroriste a visé un groupe armé au Mali."
)
EN_ARMS = (
    "The United States approved the sale of patrol aircraft to Tunisia, officials said in Tunis on Saturday. "
    "AFRICOM also delivered night-vision equipment to Niger as part of a training programme."
)
AR_TALKS = (
    "أجرى وفد موريتاني محادثات في نواكشوط مع مسؤولين من مالي حول أمن الحدود. "
    "واتفق الجانبان على مواصلة التنسيق."
)
EN_NO_EVENTS = "A newsletter about regional weather patterns and farming in the Sahel this season."
XSS_TITLE = "<script>window.__xss=1</script> Briefing"
XSS_TEXT = (
    "Officials met in Rabat to review the programme <img src=x onerror=\"window.__xss=2\"> "
    "and issued a short statement afterwards."
)


def _pm(text: str, surface: str, place: Place) -> PlaceMention:
    start = text.index(surface)
    return PlaceMention(surface, start, start + len(surface), place, "only candidate")


def _am(text: str, surface: str, name: str) -> ActorMention:
    start = text.index(surface)
    kind, country = ACTORS[name]
    return ActorMention(surface, start, start + len(surface), name.lower().replace(" ", "_"), name, kind,
                        country)  # type: ignore[arg-type]


def _ev(text: str, sentence_start: str, sentence_end: str, typ: str, when: str | None, place: PlaceMention | None,
        actors: tuple[str, ...], country: str | None = None, status: str = "happened") -> Event:
    start = text.index(sentence_start)
    end = text.index(sentence_end, start) + len(sentence_end)
    precision = {10: "day", 7: "month", 4: "year"}.get(len(when or ""))
    return Event(type=typ, status=status, evidence=text[start:end], start=start, end=end, date=when,
                 date_precision=precision, place=place, country=country or (place.place.country if place else None),
                 actors=actors, confidence=0.8)  # type: ignore[arg-type]


def _article(aid: str, text: str, lang: str, title: str, site: str, url: str, published: date,
             places=(), actors=(), events=()) -> ProcessedArticle:
    return ProcessedArticle(id=aid, source=f"tests/{aid}.txt", text=text, language=lang,
                            content_hash=content_hash(text), title=title, url=url, published=published,
                            site=site, fmt="text", places=tuple(places), actors=tuple(actors),
                            events=tuple(events))


def articles() -> list[ProcessedArticle]:
    out = []
    t = AR_AGREEMENT
    rabat, tunis = _pm(t, "الرباط", RABAT), _pm(t, "تونس", TUNIS)
    out.append(_article(
        "ar-agreement", t, "ar", "المغرب والولايات المتحدة يوقعان اتفاقية للتعاون العسكري", "Hespress",
        "https://example.org/ar/agreement", date(2020, 10, 2),
        places=[rabat, tunis, _pm(t, "الساحل", Place("sahel", "Sahel", "region", None, 15.0, 0.0))],
        actors=[_am(t, "مارك إسبر", "Mark Esper"), _am(t, "المغرب", "Morocco")],
        events=[_ev(t, "وقّع", "سنوات.", "agreement", "2020-10-02", rabat, ("Mark Esper", "Morocco")),
                _ev(t, "وكان", "نفسها.", "visit", "2020-09-30", tunis, ("Mark Esper",))]))
    t = FR_EXERCISE
    tam = _pm(t, "Tamanrasset", TAMANRASSET)
    mali = _pm(t, "Mali", MALI)
    out.append(_article(
        "fr-exercise", t, "fr", "Exercice conjoint algéro-nigérien près de Tamanrasset", "El Watan",
        "https://example.org/fr/exercice", date(2021, 3, 15),
        places=[tam, mali],
        actors=[_am(t, "L'Algérie", "Algeria"), _am(t, "Niger", "Niger")],
        events=[_ev(t, "L'Algérie", "mois.", "exercise", "2021-03", tam, ("Algeria", "Niger")),
                _ev(t, "Par ailleurs", "Mali.", "counter_terrorism", "2021-03-10", mali, ())]))
    t = EN_ARMS
    tunis2 = _pm(t, "Tunis ", TUNIS)
    tunis2 = PlaceMention("Tunis", tunis2.start, tunis2.start + 5, TUNIS, "only candidate")
    niger = _pm(t, "Niger", NIGER)
    out.append(_article(
        "en-arms", t, "en", "US approves patrol aircraft sale to Tunisia", "Defense Wire",
        "https://example.org/en/arms", date(2021, 6, 5),
        places=[tunis2, niger],
        actors=[_am(t, "The United States", "United States"), _am(t, "Tunisia", "Tunisia"),
                _am(t, "AFRICOM", "AFRICOM")],
        events=[_ev(t, "The United States", "Saturday.", "arms_transfer", "2021-06-05", tunis2,
                    ("United States", "Tunisia")),
                _ev(t, "AFRICOM", "programme.", "military_aid", "2021-06", niger, ("AFRICOM", "Niger"))]))
    t = AR_TALKS
    nkc = _pm(t, "نواكشوط", NOUAKCHOTT)
    out.append(_article(
        "ar-talks", t, "ar", "محادثات موريتانية مالية حول أمن الحدود", "Sahara Medias",
        "https://example.org/ar/talks", date(2021, 2, 20),
        places=[nkc, _pm(t, "مالي", MALI)],
        actors=[_am(t, "موريتاني", "Mauritania"), _am(t, "مالي", "Mali")],
        events=[_ev(t, "أجرى", "الحدود.", "talks", "2021-02-20", nkc, ("Mauritania", "Mali"))]))
    out.append(_article("en-none", EN_NO_EVENTS, "en", "Sahel farming season outlook", "Agri News",
                        "https://example.org/en/farming", date(2021, 5, 1)))
    t = XSS_TEXT
    out.append(_article(
        "en-xss", t, "en", XSS_TITLE, "Unknown Blog", "javascript:alert(3)", date(2021, 4, 1),
        places=[_pm(t, "Rabat", RABAT)],
        events=[_ev(t, "Officials", "afterwards.", "statement", "2021-04-01", _pm(t, "Rabat", RABAT), ())]))
    return out


def build_store(path: Path, arts: list[ProcessedArticle] | None = None) -> Path:
    with write_session(path, fresh=True) as w:
        for art in arts if arts is not None else articles():
            w.add_article(art)
    return path
