"""Curated knowledge lists: people, named operations and military bases.

Form checks (valid files, required fields, no spelling shared by two people, coordinates inside the
region, a header that says what the list covers) and a few exact-content specifications.
"""
import csv
import json
import re
from collections import defaultdict
from pathlib import Path

import pytest

from dashboard.pipeline.arabic import fold
from dashboard.pipeline.lexmatch import is_arabic

DATA = Path(__file__).resolve().parent.parent / "data"
PEOPLE = DATA / "lexicons" / "people.json"
OPERATIONS = DATA / "lexicons" / "operations.json"
BASES = DATA / "gazetteer" / "bases.csv"

REGION = {"MA", "DZ", "TN", "LY", "MR", "EG", "SD", "ML", "NE", "BF", "TD", "SN"}
YEARS = re.compile(r"\b20(1[1-9]|2[0-6])\b")


@pytest.fixture(scope="module")
def people_doc():
    return json.loads(PEOPLE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def people(people_doc):
    return people_doc["people"]


@pytest.fixture(scope="module")
def by_name(people):
    return {p["name"]: p for p in people}


@pytest.fixture(scope="module")
def ops_doc():
    return json.loads(OPERATIONS.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def bases():
    lines = BASES.read_text(encoding="utf-8").splitlines()
    header = [ln for ln in lines if ln.startswith("#")]
    rows = list(csv.DictReader(ln for ln in lines if not ln.startswith("#")))
    return header, rows


# ---- people ------------------------------------------------------------------------------------

def test_people_doc_states_the_coverage(people_doc):
    doc = people_doc["_doc"]
    assert "2011" in doc and "2026" in doc
    for word in ("heads of state", "defence", "foreign", "interior", "ambassador", "armed groups", "public facts"):
        assert word in doc.lower(), word


def test_people_schema(people):
    assert len(people) >= 600
    keys = {"name", "country", "org", "role", "ar", "latin", "short"}
    for p in people:
        assert set(p) == keys, p["name"]
        assert p["name"].strip() == p["name"] and p["name"], p
        assert p["country"] or p["org"], p["name"]
        assert p["country"] is None or re.fullmatch(r"[A-Z]{2}", p["country"]), p["name"]
        assert isinstance(p["role"], str) and re.search(r"\((c\. )?\d{4}", p["role"]), p["name"]
        assert p["ar"] and all(is_arabic(fold(v.split()[0])) for v in p["ar"]), p["name"]
        assert p["latin"] and not any(is_arabic(fold(v.split()[0])) for v in p["latin"]), p["name"]
        for field in ("ar", "latin", "short"):
            assert all(isinstance(v, str) and v.strip() == v and v for v in p[field]), (p["name"], field)


def test_no_two_people_share_a_canonical_name(people):
    names = [p["name"] for p in people]
    assert len(names) == len(set(names)), sorted(n for n in set(names) if names.count(n) > 1)


def test_no_spelling_belongs_to_two_people(people):
    """casefold, and also the matcher's own folding (accents, hamza): either would make the match ambiguous."""
    owners = defaultdict(set)
    for p in people:
        for v in p["ar"] + p["latin"] + p["short"]:
            owners[v.casefold()].add(p["name"])
            owners[fold(v)].add(p["name"])
    shared = {k: sorted(v) for k, v in owners.items() if len(v) > 1}
    assert not shared, shared


def test_every_region_country_has_its_leaders(people):
    for cc in REGION:
        roles = " ".join(p["role"] for p in people if p["country"] == cc)
        assert "President" in roles or "King" in roles or "Head of" in roles, cc
        assert "Foreign Affairs" in roles, cc
        assert "Defence" in roles or "Armed Forces" in roles, cc


def test_people_cover_the_outside_powers_and_bodies(people):
    countries = {p["country"] for p in people}
    orgs = {p["org"] for p in people}
    assert {"US", "FR", "RU", "TR", "CN", "IT", "ES", "DE", "GB", "IL", "AE", "SA", "QA"} <= countries
    assert {"EU", "NATO", "UN", "AFRICOM", "CENTCOM", "Barkhane", "Wagner", "Africa Corps"} <= orgs
    assert {"AQIM", "JNIM", "ISGS", "ISWAP", "Boko Haram", "MNLA", "RSF", "LNA"} <= orgs


def test_the_gulf_powers_have_their_chiefs_of_staff_and_defence_ministers(people):
    for cc in ("QA", "AE", "SA"):
        roles = " ".join(p["role"] for p in people if p["country"] == cc)
        assert "Chief of" in roles and "Staff" in roles, cc
        assert "Defence" in roles, cc
    qatar = " ".join(p["role"] for p in people if p["country"] == "QA")
    for years in ("(2013-2016)", "(2016-2024)", "(2024-)"):
        assert f"Minister of State for Defence Affairs of Qatar {years}" in qatar, years


def test_chanegriha(by_name):
    p = by_name["Saïd Chanegriha"]
    assert p["country"] == "DZ"
    assert "Chief of Staff of the People's National Army" in p["role"]
    assert {"Chengriha", "Chanegriha"} <= set(p["short"])
    assert "شنقريحة" in p["short"]
    assert "سعيد شنقريحة" in p["ar"]


def test_dbeibah(by_name):
    p = by_name["Abdul Hamid Dbeibah"]
    assert p["country"] == "LY"
    assert {"Dbeibah", "Dbeiba", "Dabaiba"} <= set(p["short"])
    assert "عبد الحميد الدبيبة" in p["ar"]
    assert "Prime Minister" in p["role"]


def test_one_entry_per_person_with_merged_roles(by_name):
    assert "Minister of Foreign Affairs of Spain" in by_name["Josep Borrell"]["role"]
    assert "EU High Representative" in by_name["Josep Borrell"]["role"]
    assert "Prime Minister of France" in by_name["Sébastien Lecornu"]["role"]
    assert "Armed Forces" in by_name["Sébastien Lecornu"]["role"]
    assert by_name["Khalifa Haftar"]["org"] == "LNA"
    assert "حفتر" in by_name["Khalifa Haftar"]["short"]
    assert by_name["Lloyd Austin"]["ar"][0] == "لويد أوستن"
    assert by_name["Abdel Fattah el-Sisi"]["ar"] == ["عبد الفتاح السيسي"]


def test_ambiguous_surnames_are_not_short_names(people):
    shorts = {fold(s) for p in people for s in p["short"]}
    for common in ("Traoré", "Keïta", "Maïga", "Coulibaly", "Déby", "Haddad", "Sánchez", "Hollande", "شكري", "سعيد"):
        assert fold(common) not in shorts, common


# ---- operations --------------------------------------------------------------------------------

def test_operations_doc_and_schema(ops_doc):
    assert "2011" in ops_doc["_doc"] and "2026" in ops_doc["_doc"]
    ops = ops_doc["operations"]
    assert len(ops) >= 40
    names = [o["name"] for o in ops]
    assert len(names) == len(set(names))
    for o in ops:
        assert o["kind"] in {"exercise", "operation", "mission"}, o["name"]
        assert o["lead"] and o["hosts"] and o["years"], o["name"]
        assert all(re.fullmatch(r"[A-Z]{2}", h) for h in o["hosts"]), o["name"]
        assert o["en"] and o["ar"], o["name"]
        assert all(is_arabic(fold(v.split()[0])) for v in o["ar"]), o["name"]
        if o.get("needs_cue"):
            assert o["bare"] and o["cues"], o["name"]
            bare = {fold(b) for b in o["bare"]}
            assert not bare & {fold(v) for v in o["en"] + o["fr"] + o["ar"]}, o["name"]


def test_operation_spellings_are_unique(ops_doc):
    owners = defaultdict(set)
    for o in ops_doc["operations"]:
        for v in o["en"] + o["fr"] + o["ar"] + o.get("bare", []):
            owners[fold(v)].add(o["name"])
    shared = {k: sorted(v) for k, v in owners.items() if len(v) > 1}
    assert not shared, shared


def test_flintlock_and_other_operations(ops_doc):
    ops = {o["name"]: o for o in ops_doc["operations"]}
    f = ops["Flintlock"]
    assert f["kind"] == "exercise" and "US" in f["lead"]
    assert "فلينتلوك" in f["ar"]
    lion = ops["African Lion"]
    assert {"الأسد الإفريقي", "الأسد الأفريقي"} <= set(lion["ar"]) and "Lion africain" in lion["fr"]
    assert "فينيكس إكسبريس" in ops["Phoenix Express"]["ar"]
    assert "برخان" in ops["Operation Barkhane"]["ar"] and "opération Barkhane" in ops["Operation Barkhane"]["fr"]
    assert ops["EUTM Mali"]["kind"] == "mission"
    medusa = ops["Medusa"]
    assert medusa["needs_cue"] and "Medusa" in medusa["bare"] and "Medusa" not in medusa["en"]
    assert "مناورات" in medusa["cues"]


# ---- bases -------------------------------------------------------------------------------------

def test_bases_header_and_columns(bases):
    header, rows = bases
    text = " ".join(header)
    assert "2011" in text and "2026" in text and "10 km" in text
    curated = (DATA / "gazetteer" / "curated.csv").read_text(encoding="utf-8").splitlines()
    columns = next(ln for ln in curated if not ln.startswith("#"))
    bases_columns = next(ln for ln in BASES.read_text(encoding="utf-8").splitlines() if not ln.startswith("#"))
    assert bases_columns == columns
    assert len(rows) >= 50


def test_bases_rows(bases):
    _, rows = bases
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids))
    for r in rows:
        assert re.fullmatch(r"base:[a-z0-9-]+", r["id"]), r["id"]
        assert r["kind"] == "other" and r["name_en"], r["id"]
        assert r["country"] in REGION, r["id"]
        lat, lon = float(r["lat"]), float(r["lon"])
        assert -5 <= lat <= 40 and -25 <= lon <= 45, r["id"]
        assert re.fullmatch(r"-?\d+\.\d{2}", r["lat"]) and re.fullmatch(r"-?\d+\.\d{2}", r["lon"]), r["id"]
        assert r["ar"] and all(is_arabic(fold(a.split()[0])) for a in r["ar"].split("|")), r["id"]


def test_watiya_is_a_libyan_air_base(bases):
    _, rows = bases
    row = next(r for r in rows if r["id"] == "base:al-watiya")
    assert row["country"] == "LY" and "Air Base" in row["name_en"]
    assert "قاعدة الوطية" in row["ar"].split("|")
    assert abs(float(row["lat"]) - 32.47) < 0.1 and abs(float(row["lon"]) - 11.90) < 0.1
