"""A store with the sample and more than fifty further articles, for the browser tests of the numbers,
filters, uploads and exports.

- the test articles of `sample_store` (written through the writer);
- the bundled sample article and 60 synthetic articles (`dashboard/bench/synthetic.py`, labelled
  [SYNTHETIC]) through the real pipeline;
- a few articles written for these tests, through the writer, for what the others lack: an event
  placed only in a region (no country), an article without title or site, an event known only to
  the month, an event planned years ahead, and Arabic and French articles naming Algeria.
No text comes from the development corpus.
"""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sample_store import RABAT, TUNIS, _article, _ev, _pm, build_store  # noqa: E402

from dashboard.bench.synthetic import generate  # noqa: E402
from dashboard.records import Place, RawArticle  # noqa: E402
from dashboard.runner import store_items  # noqa: E402
from dashboard.settings import samples_dir  # noqa: E402
from dashboard.sources.ingest import read_path  # noqa: E402
from dashboard.store import write_session  # noqa: E402
from dashboard.sources.pubdate import parse_published  # noqa: E402

SYNTHETIC = 60
SAHEL = Place("region:sahel", "Sahel", "region", None, 15.0, 2.0, name_fr="Sahel", name_ar="الساحل")
ALGIERS = Place("geo:2507480", "Algiers", "city", "DZ", 36.74, 3.09, name_fr="Alger", name_ar="الجزائر")

REGION = "Ministers from five countries discussed a joint force for the Sahel on Monday."
UNTITLED = "Des officiers tunisiens ont rencontré leurs homologues à Tunis pour parler des frontières."
MONTH = "Officials held talks in Tunis in March about border security and training."
FAR_PLAN = "Tunisia will host a large naval exercise in Tunis in 2031, the ministry announced."
AR_ALGERIA = "استقبلت الجزائر وفدا عسكريا تونسيا لبحث أمن الحدود المشتركة يوم الأحد."
FR_ALGERIA = "L'Algérie et la Tunisie ont tenu à Alger une réunion sur la sécurité des frontières."
EN_ROADMAP = "Morocco and the United States signed a defence roadmap in Rabat on Friday, officials said."
FR_ROADMAP = "Le Maroc et les États-Unis ont signé vendredi à Rabat une feuille de route de défense."


def _roadmap(aid: str, text: str, lang: str, site: str) -> object:
    rabat = _pm(text, "Rabat", RABAT)
    return _article(aid, text, lang, f"Defence roadmap signed ({lang})", site, f"https://example.org/t/{aid}",
                    date(2024, 3, 16), places=[rabat],
                    events=[_ev(text, text[:6], text[-8:], "agreement", "2024-03-15", rabat,
                                ("Morocco", "United States"))])


def _written_for_tests() -> list:
    sahel = _pm(REGION, "Sahel", SAHEL)
    tunis_u = _pm(UNTITLED, "Tunis", TUNIS)
    tunis_m = _pm(MONTH, "Tunis", TUNIS)
    tunis_f = _pm(FAR_PLAN, "Tunis", TUNIS)
    alger = _pm(FR_ALGERIA, "Alger", ALGIERS)
    out = [
        _article("t-region", REGION, "en", "Sahel joint force talks", "Test Wire", "https://example.org/t/region",
                 date(2024, 2, 12), places=[sahel],
                 events=[_ev(REGION, "Ministers", "Monday.", "talks", "2024-02-12", sahel, ())]),
        _article("t-untitled", UNTITLED, "fr", None, None, "https://example.org/t/untitled", date(2024, 2, 20),
                 places=[tunis_u], events=[_ev(UNTITLED, "Des", "frontières.", "talks", "2024-02-19", tunis_u, ())]),
        _article("t-month", MONTH, "en", "Border talks in March", "Test Wire", "https://example.org/t/month",
                 date(2024, 4, 2), places=[tunis_m],
                 events=[_ev(MONTH, "Officials", "training.", "talks", "2024-03", tunis_m, ())]),
        _article("t-plan", FAR_PLAN, "en", "Naval exercise planned", "Test Wire", "https://example.org/t/plan",
                 date(2024, 4, 10), places=[tunis_f],
                 events=[_ev(FAR_PLAN, "Tunisia", "announced.", "exercise", "2031", tunis_f, ("Tunisia",))]),
        _article("t-ar-algeria", AR_ALGERIA, "ar", "الجزائر وتونس تبحثان أمن الحدود", "Test Wire",
                 "https://example.org/t/ar-algeria", date(2024, 3, 3)),
        _article("t-fr-algeria", FR_ALGERIA, "fr", "Réunion algéro-tunisienne à Alger", "Test Wire",
                 "https://example.org/t/fr-algeria", date(2024, 3, 4), places=[alger],
                 events=[_ev(FR_ALGERIA, "L'Algérie", "frontières.", "talks", "2024-03-04", alger, ())]),
        _roadmap("t-en-roadmap", EN_ROADMAP, "en", "Wire A"),
        _roadmap("t-fr-roadmap", FR_ROADMAP, "fr", "Journal B"),
    ]
    return out


def synthetic_articles(count: int = SYNTHETIC) -> list[RawArticle]:
    return [RawArticle(source=f"synthetic/{r['id']}.json", text=r["text"], title=r["title"], url=r["url"],
                       published=parse_published(r["published"]), site=r["source"], fmt="jsonl",
                       external_id=r["id"])
            for r in generate(count, seed=15, start=date(2023, 6, 1), days=330)]


def build_big_store(path: Path) -> Path:
    build_store(path)
    store_items([*read_path(samples_dir()), *synthetic_articles()], path)
    with write_session(path) as w:
        for art in _written_for_tests():
            w.add_article(art)
    return path
