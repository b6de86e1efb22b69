"""JSON Lines, JSON and CSV exports: one bad line is one failure, the other lines are read."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from dashboard.sources.ingest import read_path, read_upload
from dashboard.records import Failure, RawArticle

TABLES = Path(__file__).resolve().parent / "fixtures" / "ingest" / "tables"
JSONL = TABLES / "articles.jsonl"
CSV = TABLES / "articles.csv"


def test_jsonl_reads_every_good_line_and_reports_every_bad_one():
    src = str(JSONL)
    assert list(read_path(JSONL)) == [
        RawArticle(source=f"{src}:line 1", text="وقع المغرب والولايات المتحدة اتفاقية للتعاون العسكري في الرباط.",
                   title="اتفاقية تعاون عسكري", url="https://news.example/ar/a1", published=date(2020, 10, 2),
                   site="Agence Exemple", fmt="jsonl", external_id="a1"),
        RawArticle(source=f"{src}:line 2", text="Le Tchad a accueilli mardi une réunion des chefs d'état-major du Sahel.",
                   title="Réunion à N'Djamena", published=date(2021, 7, 6), fmt="jsonl", external_id="a2"),
        RawArticle(source=f"{src}:line 3", text="Tunisia received two patrol boats from Italy on Friday.",
                   fmt="jsonl", external_id="3"),
        Failure(f"{src}:line 5", "Line 5 has no text."),
        Failure(f"{src}:line 6", "Line 6 has no text."),
        Failure(f"{src}:line 7", "Line 7 is not valid JSON: Expecting ',' delimiter (at character 70)."),
        RawArticle(source=f"{src}:line 8", text="Libya and Egypt held talks on border security in Cairo.",
                   title="Cairo talks", fmt="jsonl", external_id="a7"),
        Failure(f"{src}:line 9", "Line 9 is not a JSON object with a \"text\" field."),
    ]


def test_jsonl_line_nested_too_deeply_is_one_failure():
    data = b'{"text": "Premier article."}\n' + b"[" * 200_000 + b"\n"
    records = list(read_upload("deep.ndjson", data))
    assert records[1] == Failure("deep.ndjson:line 2", "Line 2 is not valid JSON: it is nested too deeply.")


def test_jsonl_keeps_a_line_separator_character_inside_a_string():
    records = list(read_upload("x.jsonl", '{"text": "one\u2028two"}\n'.encode("utf-8")))
    assert records == [RawArticle(source="x.jsonl:line 1", text="one\u2028two", fmt="jsonl")]


def test_json_array_gives_one_article_per_item():
    data = '[{"text": "Premier."}, {"title": "sans texte"}]'.encode("utf-8")
    assert list(read_upload("export.json", data)) == [
        RawArticle(source="export.json:item 1", text="Premier.", fmt="jsonl"),
        Failure("export.json:item 2", "Item 2 has no text."),
    ]


def test_json_lines_saved_as_json_are_read_line_by_line():
    data = b'{"text": "First."}\n{"text": "Second."}\n'
    assert [r.source for r in read_upload("export.json", data)] == ["export.json:line 1", "export.json:line 2"]


def test_csv_reads_rows_including_quoted_multiline_text():
    src = str(CSV)
    records = list(read_path(CSV))
    assert records[:2] == [
        RawArticle(source=f"{src}:line 2",
                   text="Les armées sénégalaise et française ont conduit un exercice conjoint à Thiès, a indiqué l'état-major.",
                   title="Manœuvres au Sénégal", url="https://news.example/fr/c1", published=date(2023, 2, 14),
                   site="Le Courrier du Fleuve", fmt="csv", external_id="c1"),
        RawArticle(source=f"{src}:line 3",
                   text="An air strike hit an armed group's camp near the border, the army said.\n\n"
                        "A second strike was reported on Sunday.",
                   title="Drone strike", url="https://news.example/en/c2", published=date(2023, 3, 5),
                   site="Maghreb Security Monitor", fmt="csv", external_id="c2"),
    ]


def test_csv_row_without_text_is_one_failure_and_later_rows_are_read():
    src = str(CSV)
    assert list(read_path(CSV))[2:] == [
        Failure(f"{src}:line 6", "The row on line 6 has no text."),
        RawArticle(source=f"{src}:line 7", text="أجرت القوات الجوية الموريتانية مناورات في منطقة أطار.",
                   title="مناورات", published=date(2023, 3, 6), fmt="csv", external_id="c4"),
    ]


def test_semicolon_csv_in_windows_1252_as_excel_saves_it():
    data = "titre;text;published\nDéfense;Le ministre a visité la base aérienne.;2 octobre 2020\n".encode("cp1252")
    assert list(read_upload("export.csv", data)) == [RawArticle(
        source="export.csv:line 2", text="Le ministre a visité la base aérienne.",
        published=date(2020, 10, 2), fmt="csv")]


def test_csv_without_a_text_column_is_one_failure():
    data = b"title,body\nA,B\n"
    assert list(read_upload("x.csv", data)) == [
        Failure("x.csv", 'The table has no "text" column (its columns are: title, body).')]
