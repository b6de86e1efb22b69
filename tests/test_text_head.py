"""A plain-text article's headline (first line) and dateline, in three languages."""
from __future__ import annotations

from datetime import date

import pytest

from dashboard.records import RawArticle
from dashboard.sources.formats import read_text
from dashboard.sources.textmeta import TextHead, dateline_date, read_head

BODY_EN = "Moroccan and American officials signed a ten-year defence cooperation roadmap in Rabat."
BODY_FR = "L'Algérie et le Niger ont mené un exercice militaire conjoint près de Tamanrasset."
BODY_AR = "وقع وزير الدفاع الأمريكي في الرباط اتفاقية للتعاون العسكري مع المغرب تمتد عشر سنوات."


@pytest.mark.parametrize(("line", "day"), [
    ("14 March 2024", date(2024, 3, 14)),
    ("March 14, 2024", date(2024, 3, 14)),
    ("Published 14 March 2024, 10:30", date(2024, 3, 14)),
    ("Vendredi 1er mars 2024", date(2024, 3, 1)),
    ("le 2 octobre 2020", date(2020, 10, 2)),
    ("الجمعة 2 أكتوبر 2020", date(2020, 10, 2)),
    ("٢ أكتوبر ٢٠٢٠", date(2020, 10, 2)),
    ("السبت 5 يوليوز 2021", date(2021, 7, 5)),  # Moroccan month name
    ("02/10/2020", date(2020, 10, 2)),  # day first
    ("2020-10-02", date(2020, 10, 2)),
    ("RABAT, 14 March 2024 (MAP) - " + BODY_EN, date(2024, 3, 14)),
])
def test_datelines_in_three_languages(line, day):
    assert dateline_date(line) == day


@pytest.mark.parametrize("line", [
    "Talks in Rabat on 14 March 2024 ended without a statement",  # a sentence, not a dateline
    "March 2024",  # no day
    "31/02/2024",  # no such day
    "Share",
])
def test_lines_that_are_not_datelines(line):
    assert dateline_date(line) is None


def test_english_headline_then_dateline():
    text = f"Morocco and the US sign a defence roadmap\n14 March 2024\n\n{BODY_EN}"
    assert read_head(text) == TextHead("Morocco and the US sign a defence roadmap", date(2024, 3, 14))


def test_french_headline_then_numeric_dateline():
    text = f"Exercice conjoint algéro-nigérien près de Tamanrasset\n02/10/2020\n{BODY_FR}"
    assert read_head(text) == TextHead("Exercice conjoint algéro-nigérien près de Tamanrasset", date(2020, 10, 2))


def test_arabic_headline_then_weekday_dateline():
    text = f"المغرب والولايات المتحدة يوقعان اتفاقية للتعاون العسكري\nالجمعة 2 أكتوبر 2020\n{BODY_AR}"
    assert read_head(text) == TextHead("المغرب والولايات المتحدة يوقعان اتفاقية للتعاون العسكري",
                                       date(2020, 10, 2))


def test_page_clutter_before_the_headline_is_skipped():
    text = f"Share\n • Link copied\n\nالمغرب وأمريكا يوقعان اتفاقية للتعاون العسكري\n\n{BODY_AR}"
    assert read_head(text) == TextHead("المغرب وأمريكا يوقعان اتفاقية للتعاون العسكري", None)


def test_a_dateline_opening_the_first_paragraph():
    text = "Ministers meet on border security\nTUNIS, 14 March 2024 — " + BODY_EN * 3
    assert read_head(text) == TextHead("Ministers meet on border security", date(2024, 3, 14))


def test_a_single_paragraph_has_no_headline():
    assert read_head(BODY_EN) == TextHead(None, None)


def test_a_long_first_line_is_the_body_not_a_headline():
    assert read_head(BODY_FR * 4 + "\n" + BODY_FR) == TextHead(None, None)


def test_a_plain_text_file_gets_its_title_and_date():
    data = f"Morocco and the US sign a defence roadmap\n14 March 2024\n{BODY_EN}".encode()
    [article] = list(read_text("roadmap.txt", data))
    assert article == RawArticle(source="roadmap.txt", text=data.decode(), fmt="text",
                                 title="Morocco and the US sign a defence roadmap", published=date(2024, 3, 14))


def test_a_sidecar_wins_over_what_the_text_says():
    data = f"Morocco and the US sign a defence roadmap\n14 March 2024\n{BODY_EN}".encode()
    [article] = list(read_text("roadmap.txt", data, {"title": "Roadmap signed", "published": date(2024, 3, 15)}))
    assert (article.title, article.published) == ("Roadmap signed", date(2024, 3, 15))
