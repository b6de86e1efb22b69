"""The analysts' export: exact columns, from the page's downloads and from `python -m dashboard export`."""
from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sample_store import build_store  # noqa: E402

from dashboard.records import Filters  # noqa: E402
from dashboard.store import StoreReader  # noqa: E402
from dashboard.store import queries as q  # noqa: E402
from dashboard.ui.export import EXPORT_COLUMNS, export_bytes, export_frame  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
COLUMNS = ["event_id", "cluster_id", "sources", "date", "date_precision", "place", "latitude", "longitude",
           "place_precision", "country", "country_code", "type", "status", "actors", "confidence", "evidence",
           "article_title", "source", "link"]
COUNTRIES = {"DZ": {"name_en": "Algeria", "name_fr": "Algérie", "name_ar": "الجزائر"},
             "TN": {"name_en": "Tunisia", "name_fr": "Tunisie", "name_ar": "تونس"}}


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    return build_store(tmp_path_factory.mktemp("export") / "store.duckdb")


@pytest.fixture(scope="module")
def events(db) -> pd.DataFrame:
    reader = StoreReader(db)
    try:
        return reader.query(q.export_events, Filters(), None)
    finally:
        reader.close()


def test_the_export_has_the_analysts_columns_in_order():
    assert list(EXPORT_COLUMNS) == COLUMNS


def test_a_month_precision_event_in_french(events):
    row = export_frame(events, "fr", COUNTRIES).set_index("event_id").loc["fr-exercise#0"].to_dict()
    assert row == {"cluster_id": row["cluster_id"], "sources": 1, "date": "2021-03", "date_precision": "month",
                   "place": "Tamanrasset", "latitude": 22.79, "longitude": 5.52, "place_precision": "city",
                   "country": "Algérie", "country_code": "DZ", "type": "exercise", "status": "happened",
                   "actors": "Algeria; Niger", "confidence": 0.8,
                   "evidence": "L'Algérie et le Niger ont mené un exercice militaire conjoint près de Tamanrasset "
                               "au début du mois.",
                   "article_title": "Exercice conjoint algéro-nigérien près de Tamanrasset", "source": "El Watan",
                   "link": "https://example.org/fr/exercice"}
    assert isinstance(row["cluster_id"], int)


def test_missing_values_are_empty_never_nan_or_none(events):
    text = export_bytes(export_frame(events, "en", COUNTRIES), "csv").decode("utf-8-sig")
    assert "nan" not in text.split(",") and "None" not in text
    xss = [r for r in csv.DictReader(io.StringIO(text)) if r["event_id"] == "en-xss#0"][0]
    assert (xss["link"], xss["actors"]) == ("", "")  # javascript: is no link


def test_the_arabic_export_names_places_in_arabic(events):
    df = export_frame(events, "ar", COUNTRIES)
    assert df.set_index("event_id").loc["en-arms#0", ["place", "country"]].tolist() == ["تونس", "تونس"]


def test_formulas_are_neutralised_in_csv_and_excel():
    df = pd.DataFrame([{c: "" for c in COLUMNS} | {"evidence": "=HYPERLINK(\"http://evil\")", "sources": 1}])
    assert "'=HYPERLINK" in export_bytes(df, "csv").decode("utf-8-sig")
    ws = load_workbook(io.BytesIO(export_bytes(df, "xlsx"))).active
    assert list(ws.iter_rows(values_only=True))[1][COLUMNS.index("evidence")] == "'=HYPERLINK(\"http://evil\")"


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dashboard", "export", *args], cwd=ROOT, capture_output=True,
                          timeout=120)


def test_the_command_line_writes_the_same_columns_as_csv(db):
    result = run_cli("--db", str(db), "--format", "csv")
    assert result.returncode == 0, result.stderr.decode()
    rows = list(csv.DictReader(io.StringIO(result.stdout.decode("utf-8-sig"))))
    assert list(rows[0]) == COLUMNS
    assert len(rows) == 8


def test_the_command_line_takes_a_page_address_and_options(db):
    by_address = run_cli("--db", str(db), "--filters", "http://localhost:8501/?countries=TN&types=visit")
    by_options = run_cli("--db", str(db), "--countries", "TN", "--types", "visit")
    assert by_address.stdout == by_options.stdout
    rows = list(csv.DictReader(io.StringIO(by_address.stdout.decode("utf-8-sig"))))
    assert [(r["event_id"], r["type"], r["country_code"]) for r in rows] == [("ar-agreement#1", "visit", "TN")]


def test_an_option_wins_over_the_address(db):
    result = run_cli("--db", str(db), "--filters", "countries=TN&types=visit", "--types", "arms_transfer")
    rows = list(csv.DictReader(io.StringIO(result.stdout.decode("utf-8-sig"))))
    assert [r["event_id"] for r in rows] == ["en-arms#0"]


@pytest.mark.parametrize("fmt", ["xlsx", "parquet"])
def test_the_command_line_writes_excel_and_parquet_files(db, tmp_path, fmt):
    out = tmp_path / f"events.{fmt}"
    result = run_cli("--db", str(db), "--format", fmt, "--out", str(out), "--lang", "fr", "--q", "Algeria")
    assert result.returncode == 0, result.stderr.decode()
    df = pd.read_excel(out) if fmt == "xlsx" else pd.read_parquet(out)
    assert list(df.columns) == COLUMNS
    assert sorted(df["event_id"]) == ["fr-exercise#0", "fr-exercise#1"]  # "Algeria" finds L'Algérie
    assert "8 events" not in result.stderr.decode() and "2 events written" in result.stderr.decode()


def test_a_missing_store_is_a_plain_error(tmp_path):
    result = run_cli("--db", str(tmp_path / "none.duckdb"))
    assert result.returncode == 1
    assert "No store at" in result.stderr.decode()
