"""A SYNTHETIC load-test corpus: articles generated from templates written for it.

Every article says it is synthetic (site "Synthetic load-test corpus", URLs under
`https://synthetic.invalid/`, a title starting "[SYNTHETIC]"), so generated text can never be
mistaken for news. The templates use real place and actor names, a realistic mix of event types
and dates relative to the publication date, in Arabic, French and English, and are padded to
about 2,000 characters with neutral filler, the size of a typical scraped article.

Deterministic: the same seed and count give the same corpus.
"""
from __future__ import annotations

import json
import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

SITE = "Synthetic load-test corpus"

# (en, fr, ar) names
CITIES = [
    ("Rabat", "Rabat", "الرباط"), ("Algiers", "Alger", "الجزائر"), ("Tunis", "Tunis", "تونس"),
    ("Tripoli", "Tripoli", "طرابلس"), ("Nouakchott", "Nouakchott", "نواكشوط"), ("Bamako", "Bamako", "باماكو"),
    ("Niamey", "Niamey", "نيامي"), ("N'Djamena", "N'Djamena", "نجامينا"), ("Cairo", "Le Caire", "القاهرة"),
    ("Ouagadougou", "Ouagadougou", "واغادوغو"), ("Benghazi", "Benghazi", "بنغازي"), ("Agadez", "Agadez", "أغاديس"),
    ("Gao", "Gao", "غاو"), ("Tamanrasset", "Tamanrasset", "تمنراست"), ("Casablanca", "Casablanca", "الدار البيضاء"),
    ("Oran", "Oran", "وهران"), ("Sfax", "Sfax", "صفاقس"), ("Misrata", "Misrata", "مصراتة"),
]
COUNTRIES = [
    ("Morocco", "le Maroc", "المغرب"), ("Algeria", "l'Algérie", "الجزائر"), ("Tunisia", "la Tunisie", "تونس"),
    ("Libya", "la Libye", "ليبيا"), ("Mauritania", "la Mauritanie", "موريتانيا"), ("Mali", "le Mali", "مالي"),
    ("Niger", "le Niger", "النيجر"), ("Chad", "le Tchad", "تشاد"), ("Egypt", "l'Égypte", "مصر"),
    ("France", "la France", "فرنسا"), ("the United States", "les États-Unis", "الولايات المتحدة"),
    ("Russia", "la Russie", "روسيا"), ("Turkey", "la Turquie", "تركيا"), ("China", "la Chine", "الصين"),
]
PEOPLE = [
    ("Defence Minister", "le ministre de la Défense", "وزير الدفاع", "Lloyd Austin", "Lloyd Austin", "لويد أوستن"),
    ("Foreign Minister", "le ministre des Affaires étrangères", "وزير الخارجية",
     "Nasser Bourita", "Nasser Bourita", "ناصر بوريطة"),
    ("Foreign Minister", "le ministre des Affaires étrangères", "وزير الخارجية",
     "Ahmed Attaf", "Ahmed Attaf", "أحمد عطاف"),
    ("Armed Forces Minister", "la ministre des Armées", "وزيرة الجيوش",
     "Florence Parly", "Florence Parly", "فلورنس بارلي"),
    ("Defence Secretary", "le secrétaire à la Défense", "وزير الدفاع", "Mark Esper", "Mark Esper", "مارك إسبر"),
    ("President", "le président", "الرئيس", "Kais Saied", "Kaïs Saïed", "قيس سعيد"),
    ("Prime Minister", "le Premier ministre", "رئيس الوزراء",
     "Abdelhamid Dbeibah", "Abdelhamid Dbeibah", "عبد الحميد الدبيبة"),
    ("Army Chief of Staff", "le chef d'état-major", "رئيس أركان الجيش",
     "Said Chanegriha", "Saïd Chanegriha", "السعيد شنقريحة"),
]
WEEKDAYS = [("Monday", "lundi", "الاثنين"), ("Tuesday", "mardi", "الثلاثاء"), ("Wednesday", "mercredi", "الأربعاء"),
            ("Thursday", "jeudi", "الخميس"), ("Friday", "vendredi", "الجمعة"), ("Saturday", "samedi", "السبت"),
            ("Sunday", "dimanche", "الأحد")]

# event type -> weight, and one template per language. Slots: {title} {person} {country} {city} {day}
TEMPLATES: dict[str, tuple[int, dict[str, str]]] = {
    "visit": (25, {
        "en": "{title} {person} arrived in {city} on {day} for an official visit focused on security cooperation "
              "with {country}.",
        "fr": "{title} {person} est arrivé {day} à {city} pour une visite officielle "
              "consacrée à la coopération sécuritaire avec {country}.",
        "ar": "وصل {title} {person} يوم {day} إلى {city} في زيارة رسمية تتناول التعاون الأمني مع {country}.",
    }),
    "talks": (20, {
        "en": "{title} {person} held talks in {city} on {day} with officials from {country} on border security.",
        "fr": "{title} {person} s'est entretenu {day} à {city} avec des responsables de {country} "
              "sur la sécurité des frontières.",
        "ar": "أجرى {title} {person} يوم {day} في {city} محادثات مع مسؤولين من {country} حول أمن الحدود.",
    }),
    "agreement": (15, {
        "en": "{country} and its partners signed a military cooperation agreement in {city} on {day}, "
              "{title} {person} said.",
        "fr": "{country} et ses partenaires ont signé {day} à {city} un accord de coopération militaire, "
              "a indiqué {title} {person}.",
        "ar": "وقعت {country} وشركاؤها يوم {day} في {city} اتفاقية للتعاون العسكري، بحسب {title} {person}.",
    }),
    "exercise": (10, {
        "en": "Troops from {country} began a joint military exercise near {city} on {day}, {title} {person} announced.",
        "fr": "Des troupes de {country} ont entamé {day} un exercice militaire conjoint près de {city}, "
              "a annoncé {title} {person}.",
        "ar": "بدأت قوات من {country} يوم {day} مناورات عسكرية مشتركة قرب {city}، حسبما أعلن {title} {person}.",
    }),
    "arms_transfer": (8, {
        "en": "{country} approved the sale of armoured vehicles and drones to the army, "
              "{title} {person} confirmed in {city} on {day}.",
        "fr": "{country} a approuvé la vente de blindés et de drones à l'armée, "
              "a confirmé {title} {person} {day} à {city}.",
        "ar": "وافقت {country} على صفقة بيع مدرعات وطائرات مسيرة للجيش، كما أكد {title} {person} يوم {day} في {city}.",
    }),
    "military_aid": (8, {
        "en": "{country} delivered military equipment and training to the armed forces in {city} on {day}, "
              "{title} {person} said.",
        "fr": "{country} a livré {day} des équipements militaires et une formation aux forces armées à {city}, "
              "selon {title} {person}.",
        "ar": "سلمت {country} يوم {day} معدات عسكرية وبرامج تدريب للقوات المسلحة في {city}، بحسب {title} {person}.",
    }),
    "counter_terrorism": (14, {
        "en": "Security forces killed several militants in a counter-terrorism operation near {city} on {day}, "
              "{title} {person} said, with support from {country}.",
        "fr": "Les forces de sécurité ont neutralisé plusieurs terroristes lors d'une opération antiterroriste "
              "près de {city} {day}, a déclaré {title} {person}, avec l'appui de {country}.",
        "ar": "قضت قوات الأمن يوم {day} على عدد من الإرهابيين في عملية لمكافحة الإرهاب قرب {city}، "
              "حسبما قال {title} {person}، بدعم من {country}.",
    }),
}
FILLER = {
    "en": ("Analysts said the region faces growing pressure from armed groups, smuggling networks and "
           "instability along its borders, and that cooperation between neighbouring states remains uneven. "),
    "fr": ("Selon des analystes, la région fait face à une pression croissante des groupes armés, des réseaux "
           "de contrebande et de l'instabilité aux frontières, et la coopération entre voisins reste inégale. "),
    "ar": ("ويرى محللون أن المنطقة تواجه ضغوطا متزايدة من الجماعات المسلحة وشبكات التهريب وعدم الاستقرار "
           "على حدودها، وأن التعاون بين الدول المجاورة لا يزال متفاوتا. "),
}
LANG_INDEX = {"en": 0, "fr": 1, "ar": 2}


def _weighted_types() -> list[str]:
    out: list[str] = []
    for typ, (weight, _) in TEMPLATES.items():
        out.extend([typ] * weight)
    return out


def generate(count: int, seed: int = 7, start: date = date(2018, 1, 1), days: int = 2500,
             target_chars: int = 2000) -> Iterator[dict]:
    """Yield `count` synthetic articles as extract/ingest records (JSON Lines fields)."""
    rng = random.Random(seed)
    types = _weighted_types()
    for n in range(count):
        lang = rng.choice(("ar", "ar", "fr", "fr", "en"))
        i = LANG_INDEX[lang]
        published = start + timedelta(days=rng.randrange(days))
        sentences = []
        for _ in range(rng.randint(2, 4)):
            typ = rng.choice(types)
            person = rng.choice(PEOPLE)
            event_day = published - timedelta(days=rng.randrange(0, 6))
            slots = {"title": person[i], "person": person[3 + i], "country": rng.choice(COUNTRIES)[i],
                     "city": rng.choice(CITIES)[i], "day": WEEKDAYS[event_day.weekday()][i]}
            sentence = TEMPLATES[typ][1][lang].format(**slots)
            if lang == "fr":  # French contractions after the slot is filled
                sentence = sentence.replace(" de le ", " du ").replace(" de les ", " des ").replace(" à le ", " au ")
            sentences.append(sentence[0].upper() + sentence[1:])
        body = " ".join(sentences) + "\n\n"
        while len(body) < target_chars:
            body += FILLER[lang]
        city = rng.choice(CITIES)[i]
        yield {
            "id": f"synthetic-{seed}-{n}",
            "title": f"[SYNTHETIC] {city} #{n}",
            "text": body[: target_chars + 200],
            "published": published.isoformat(),
            "url": f"https://synthetic.invalid/{seed}/{n}",
            "source": SITE,
        }


def write_jsonl(path: Path, count: int, seed: int = 7) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for rec in generate(count, seed):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return path
