"""Events table in the interface language, downloads, safe links."""
from __future__ import annotations

import io

import pandas as pd
import pytest
from openpyxl import load_workbook

from dashboard.ui.tables import events_display, neutralise_formulas, safe_url, to_csv_bytes, to_excel_bytes


def _events() -> pd.DataFrame:
    return pd.DataFrame([{
        "id": "a#0", "article_id": "a", "date": "2021-03", "type": "exercise", "status": "planned",
        "place_name": "Tamanrasset", "place_kind": "city", "country": "DZ", "actors": ["Algeria", "Niger"],
        "evidence": "=HYPERLINK(\"http://evil\")", "article_title": "Exercice", "article_url": "javascript:alert(1)",
        "article_language": "fr", "article_site": "El Watan", "place_name_fr": "Tamanrasset",
        "place_name_ar": "تمنراست", "sources": 2}])


@pytest.mark.parametrize(("url", "expected"), [
    ("https://example.org/a", "https://example.org/a"),
    ("http://example.org", "http://example.org"),
    ("javascript:alert(1)", None),
    ("JaVaScRiPt:alert(1)", None),
    ("data:text/html,<b>x</b>", None),
    ("//example.org/a", None),
    ("https://exa\nmple.org", None),
    (None, None),
])
def test_only_http_links_are_kept(url, expected):
    assert safe_url(url) == expected


def test_display_in_arabic():
    row = events_display(_events(), "ar", {"DZ": {"name_ar": "الجزائر"}}).iloc[0].to_dict()
    assert row == {"التاريخ": "2021-03", "النوع": "مناورة عسكرية", "الحالة": "مرتقب", "المكان": "تمنراست",
                   "البلد": "الجزائر", "الفاعلون": "Algeria, Niger", "ورد في": "مصدران", "ما يقوله المقال": "=HYPERLINK(\"http://evil\")",
                   "المقال": "Exercice", "المصدر": "El Watan", "اللغة": "الفرنسية", "الرابط": None}


def test_formulas_are_neutralised():
    df = neutralise_formulas(pd.DataFrame({"x": ["=1+1", "+33 6", "-", "@x", "ok"], "n": [-1, 2, 3, 4, 5]}))
    assert list(df["x"]) == ["'=1+1", "'+33 6", "'-", "'@x", "ok"]
    assert list(df["n"]) == [-1, 2, 3, 4, 5]


def test_csv_has_a_byte_order_mark_and_arabic_text():
    data = to_csv_bytes(events_display(_events(), "ar"))
    assert data.startswith(b"\xef\xbb\xbf")
    assert "مناورة عسكرية" in data.decode("utf-8-sig")
    assert "'=HYPERLINK" in data.decode("utf-8-sig")


def test_excel_file_opens_with_the_same_rows():
    data = to_excel_bytes(events_display(_events(), "en"))
    ws = load_workbook(io.BytesIO(data)).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][:3] == ("Date", "Type", "Status")
    assert rows[1][:4] == ("2021-03", "Military exercise", "planned", "Tamanrasset")
    assert rows[1][6:8] == ("2 sources", "'=HYPERLINK(\"http://evil\")")
