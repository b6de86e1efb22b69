"""Numbers, filters, uploads and exports in a real Chromium, in English, French and Arabic on a
desktop (1400x1000), and each test also on a phone (390x844) in one of the three languages (numbers in
Arabic, filters in French, uploads in English), on a store with the sample and more than fifty further
articles (big_store.py). Each test walks through several views in one browser page (a page load
costs seconds); the export is checked with the numbers (its download). Screenshots go to
tests/artifacts/ (not committed).
"""
from __future__ import annotations

import csv
import io
import json
import re
import shutil
import sys
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from big_store import build_big_store  # noqa: E402

from dashboard.records import Filters  # noqa: E402
from dashboard.store import StoreReader  # noqa: E402
from dashboard.store import queries as q  # noqa: E402
from dashboard.ui.collation import sort_key  # noqa: E402
from dashboard.ui.export import EXPORT_COLUMNS  # noqa: E402
from dashboard.ui.i18n import number, t, tn  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
TIMEOUT = 60_000
VIEWPORTS = {"desktop": (1400, 1000), "phone": (390, 844)}
LANGS = ("en", "fr", "ar")
MISSING = re.compile(r"\b(nan|NaN|None)\b")


# Every point in the three languages at both sizes (issue 15): a phone folds the filter panel,
# scrolls tables sideways and levels date labels, in each language differently.
CASES = [(lang, size) for lang in LANGS for size in ("desktop", "phone")]


@pytest.fixture(scope="module")
def big_db(tmp_path_factory) -> Path:
    return build_big_store(tmp_path_factory.mktemp("big") / "store.duckdb")


@pytest.fixture(scope="module")
def big_url(big_db):
    from conftest import streamlit_server

    with streamlit_server(big_db) as url:
        yield url


def shot(page, name: str, target=None) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    (target or page).screenshot(path=str(ARTIFACTS / f"{name}.png"))


def open_page(chromium, url: str, size: str, lang: str, query: str = ""):
    w, h = VIEWPORTS[size]
    context = chromium.new_context(viewport={"width": w, "height": h}, locale="en-GB", accept_downloads=True)
    page = context.new_page()
    sep = "&" if query else ""
    page.goto(f"{url}/?lang={lang}{sep}{query}")
    page.wait_for_selector('[data-testid="stMetricValue"]', timeout=TIMEOUT)
    wait_idle(page)
    return context, page


def wait_idle(page) -> None:
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=TIMEOUT)
    page.wait_for_timeout(500)


def wait_for_metrics(page, expected: list[str]) -> None:
    page.wait_for_function(
        "exp => JSON.stringify([...document.querySelectorAll('[data-testid=\"stMetricValue\"]')]"
        ".map(e => e.innerText.trim())) === JSON.stringify(exp)", arg=expected, timeout=TIMEOUT)


def page_text(page, tables: bool = True) -> str:
    """What a reader can see or a screen reader reads: the page's text and every table cell (once
    drawn, when the open tab has `tables`)."""
    if tables:
        page.locator('[role="gridcell"]').first.wait_for(state="attached", timeout=TIMEOUT)
    cells = page.evaluate("() => [...document.querySelectorAll('[role=\"gridcell\"], [role=\"columnheader\"]')]"
                          ".map(e => e.textContent).join('\\n')")
    return page.locator("body").inner_text() + "\n" + cells


def grid_cells(page) -> list[str]:
    page.locator('[role="gridcell"]').first.wait_for(state="attached", timeout=TIMEOUT)
    return page.evaluate("() => [...document.querySelectorAll('[role=\"gridcell\"]')].map(e => e.textContent)")


def open_sidebar(page, size: str) -> None:
    """A phone starts with the filter panel folded away."""
    if size == "phone":
        page.locator('[data-testid="stExpandSidebarButton"]').click()
        page.wait_for_timeout(600)


def close_sidebar(page, size: str) -> None:
    """On a phone an open panel covers the page (and stays open across page loads)."""
    if size == "phone" and page.locator('[data-testid="stSidebar"]').get_attribute("data-collapsed") == "false":
        page.locator('[data-testid="stSidebarCollapseButton"]').click()
        page.wait_for_timeout(600)


def store_counts(db: Path, f: Filters) -> q.Counts:
    reader = StoreReader(db)
    try:
        return reader.query(q.headline_counts, f)
    finally:
        reader.close()


# -- point 5: numbers that add up ---------------------------------------------------------------------

REPORTED = {"en": "reported 2 times", "fr": "signalés 2 fois", "ar": "ورد مرتين"}
TWO_SOURCES = {"en": "2 sources", "fr": "2 sources", "ar": "مصدران"}
FIRST_TICK = {"en": "Feb 12, 2024", "fr": "12 févr. 2024", "ar": "12 فبراير 2024"}
LATER = {"en": "1 planned event dated after June 11, 2024 is not drawn; choose later dates to see it.",
         "fr": "1 événement prévu après le 11 juin 2024 n'est pas dessiné ; choisissez des dates plus lointaines "
               "pour le voir.",
         "ar": "حدث مرتقب واحد بعد 11 يونيو 2024 غير مرسوم؛ اختر تواريخ لاحقة لرؤيته."}


def _scroll_table_to(page, text: str, table=None) -> None:
    """A phone shows a few columns: scroll a table (the events table unless given) sideways until
    `text` is drawn."""
    table = table or page.locator('[data-testid="stDataFrame"]').first
    table.scroll_into_view_if_needed()
    box = table.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    for _ in range(6):
        if text in grid_cells(page):
            return
        page.mouse.wheel(250, 0)  # the table keeps its left-to-right layout in Arabic too
        page.wait_for_timeout(300)


def _check_cluster_view(page, lang: str, size: str) -> None:
    """Two articles reporting one signing: one distinct event, 'reported 2 times', 2 sources each,
    and the download carries the analysts' columns."""
    wait_for_metrics(page, ["1", "2", "1", "1"])  # 1 distinct event; 2 articles, 1 place, 1 country
    page.get_by_text(REPORTED[lang], exact=True).wait_for(timeout=TIMEOUT)
    _scroll_table_to(page, TWO_SOURCES[lang])
    assert grid_cells(page).count(TWO_SOURCES[lang]) == 2  # each report: "reported by 2 sources"
    assert not MISSING.findall(page_text(page))
    shot(page, f"numbers-cluster-{lang}-{size}")
    with page.expect_download(timeout=TIMEOUT) as info:
        page.locator('[data-testid="stDownloadButton"] button').first.click()
    rows = list(csv.DictReader(io.StringIO(Path(info.value.path()).read_text(encoding="utf-8-sig"))))
    assert list(rows[0]) == list(EXPORT_COLUMNS)
    assert [(r["type"], r["sources"], r["date"], r["date_precision"], r["place"]) for r in rows] == [
        ("agreement", "2", "2024-03-15", "day", "الرباط" if lang == "ar" else "Rabat")] * 2
    assert len({r["cluster_id"] for r in rows}) == 1 and "None" not in json.dumps(rows)


def _check_timeline_view(page, lang: str, size: str) -> None:
    """Whole numbers on the count axis, the month-only event as a band, the far plan in a note (the
    timeline has its own tab, drawn when opened)."""
    wait_for_metrics(page, ["4", "5", "3", "2"])
    page.get_by_role("tab", name=t(lang, "tab_timeline")).click()
    page.get_by_text(LATER[lang], exact=True).wait_for(timeout=TIMEOUT)
    chart = page.locator(".js-plotly-plot").first
    chart.locator(".ytick text").first.wait_for(state="attached", timeout=TIMEOUT)
    ticks = [t.strip() for t in chart.locator(".ytick text").evaluate_all("els => els.map(e => e.textContent)")]
    assert ticks and all(re.fullmatch(r"\d+", t) for t in ticks), ticks
    assert chart.locator(".scatterlayer .js-fill").count() == 1  # March 2024, the day unknown: one band
    dates = chart.locator(".xtick text").evaluate_all("els => els.map(e => e.textContent)")
    assert dates[0] == FIRST_TICK[lang] and not any("2031" in d for d in dates)
    assert not MISSING.findall(page_text(page, tables=False))  # the open tab is the timeline's
    chart.scroll_into_view_if_needed()
    shot(page, f"numbers-timeline-{lang}-{size}")


@pytest.mark.parametrize(("lang", "size"), CASES)
def test_numbers_add_up(chromium, big_url, big_db, lang, size):
    counts = store_counts(big_db, Filters())
    assert counts.articles > 55 and counts.distinct_events < counts.events
    context, page = open_page(chromium, big_url, size, lang, "sources=" + quote("Wire A,Journal B"))
    try:
        _check_cluster_view(page, lang, size)
        page.goto(f"{big_url}/?lang={lang}&sources={quote('Test Wire')}")
        _check_timeline_view(page, lang, size)
        page.goto(f"{big_url}/?lang={lang}")
        wait_for_metrics(page, [number(lang, v) for v in (counts.distinct_events, counts.articles, counts.places,
                                                          counts.countries)])
        page.get_by_text(tn(lang, "n_reports", counts.events), exact=True).wait_for(timeout=TIMEOUT)
        text = page_text(page)
        assert not MISSING.findall(text), MISSING.findall(text)[:5]
        assert not re.search(r"\b1 (events|articles)\b", text)
        shot(page, f"numbers-top-{lang}-{size}")
    finally:
        context.close()


# -- point 6: filters as people expect them ---------------------------------------------------------

SEARCHES = {"en": "Algeria", "fr": "Algérie", "ar": "الجزائر"}
QUICK = {"en": ["Last 7 days", "Last 30 days", "This year", "Everything"],
         "fr": ["7 derniers jours", "30 derniers jours", "Cette année", "Tout"],
         "ar": ["آخر 7 أيام", "آخر 30 يوما", "هذه السنة", "كل التواريخ"]}
FIRST_COUNTRIES = {"en": ["Algeria", "Burkina Faso", "Egypt", "Libya"],  # whatever else is between them
                   "fr": ["Algérie", "Burkina Faso", "Égypte", "États-Unis", "Libye"],
                   "ar": ["الجزائر", "المغرب", "الولايات المتحدة", "بوركينا فاسو", "تونس"]}


def _address(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def _labels(page) -> list[tuple[str, int]]:
    out = []
    for text in page.locator('[role="option"]').all_inner_texts():
        m = re.fullmatch(r"(.+) \(([\d,\u202f]+)\)", text.strip())
        assert m, text
        out.append((m[1], int(re.sub(r"\D", "", m[2]))))
    return out


def _check_sorted_lists(page, lang: str, size: str, types_with_events: int) -> None:
    boxes = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]')
    for index, name in ((0, "countries"), (2, "types"), (3, "actors")):
        boxes.nth(index).click()
        page.locator('[role="option"]').first.wait_for(timeout=TIMEOUT)
        labels = _labels(page)
        names = [n for n, _ in labels]
        assert names == sorted(names, key=lambda n: sort_key(n, lang)), (name, names)
        assert all(count > 0 for _, count in labels)
        if name == "types":
            assert len(labels) == types_with_events  # no type without an event is offered
        if name == "countries":
            assert [n for n in names if n in FIRST_COUNTRIES[lang]] == FIRST_COUNTRIES[lang]
            shot(page, f"filters-countries-{lang}-{size}")
        page.keyboard.press("Escape")
        page.wait_for_timeout(300)


def _check_dates(page, lang: str, size: str) -> None:
    sidebar = page.locator('[data-testid="stSidebar"]')
    pills = sidebar.locator('[data-testid="stButtonGroup"] button')
    assert pills.all_inner_texts() == QUICK[lang]
    pills.nth(2).click()  # this year
    page.wait_for_function("() => location.search.includes('from=')", timeout=TIMEOUT)
    today = date.today()
    assert _address(page)["from"] == [f"{today.year}-01-01"] and _address(page)["to"] == [today.isoformat()]
    pills.nth(3).click()  # everything
    page.wait_for_function("() => !location.search.includes('from=')", timeout=TIMEOUT)
    wait_idle(page)
    segments = sidebar.locator('[data-testid="stDateInputField"] [role="spinbutton"]')
    segments.nth(0).click()
    page.keyboard.type("20240301")
    segments.nth(3).click()
    page.keyboard.type("20240331")
    shot(page, f"filters-dates-{lang}-{size}")
    page.keyboard.press("Enter")  # and no click elsewhere
    page.wait_for_function("() => location.search.includes('to=2024-03-31')", timeout=TIMEOUT)
    assert _address(page)["from"] == ["2024-03-01"]


@pytest.mark.parametrize(("lang", "size"), CASES)
def test_filters_as_people_expect_them(chromium, big_url, big_db, lang, size):
    reader = StoreReader(big_db)
    types_with_events = reader.fetchone("SELECT count(DISTINCT type) FROM events")[0]
    reader.close()
    search = SEARCHES[lang]
    expected = store_counts(big_db, Filters(search=search))
    context, page = open_page(chromium, big_url, size, lang)
    try:
        open_sidebar(page, size)
        _check_sorted_lists(page, lang, size, types_with_events)
        _check_dates(page, lang, size)
        page.goto(f"{big_url}/?lang={lang}&q={quote(search)}")
        wait_for_metrics(page, [number(lang, v) for v in (expected.distinct_events, expected.articles,
                                                          expected.places, expected.countries)])
        close_sidebar(page, size)
        picker = page.locator('[data-testid="stMain"] [data-testid="stSelectbox"]')  # the article picker
        for title in ("الجزائر وتونس تبحثان أمن الحدود", "Réunion algéro-tunisienne à Alger"):
            picker.click()  # an Arabic and a French article are in view, whatever the search's language
            page.keyboard.type(title[:14])
            page.locator('[role="option"]', has_text=title).first.wait_for(timeout=TIMEOUT)
            page.keyboard.press("Escape")
        shot(page, f"filters-search-{lang}-{size}")
    finally:
        context.close()


# -- point 7: uploads ---------------------------------------------------------------------------------

UPLOADS = {
    "en": ("Mauritanian and Malian officers meet on border security\nTuesday 5 March 2024\n\n"
           "Mauritanian and Malian army officers met in Nouakchott on Tuesday to discuss joint border patrols.",
           "Mauritanian and Malian officers meet on border security", "2024-03-05"),
    "fr": ("Des officiers tchadiens et nigériens se réunissent à N'Djamena\n02/10/2020\n\n"
           "Des officiers tchadiens et nigériens se sont réunis vendredi à N'Djamena pour parler des frontières.",
           "Des officiers tchadiens et nigériens se réunissent à N'Djamena", "2020-10-02"),
    "ar": ("ضباط مغاربة وموريتانيون يبحثون أمن الحدود\nالجمعة 2 أكتوبر 2020\n\n"
           "بحث ضباط مغاربة وموريتانيون يوم الجمعة في نواكشوط تعزيز الدوريات المشتركة على الحدود.",
           "ضباط مغاربة وموريتانيون يبحثون أمن الحدود", "2020-10-02"),
}
ADDED = {"en": "1 new article, 0 already there, 0 could not be read.",
         "fr": "1 nouvel article, 0 déjà présent, 0 illisible.",
         "ar": "مقال جديد واحد، لا مقال موجود مسبقا، لا عناصر تعذرت قراءتها."}
ADD_BUTTON = {"en": "Add 1 article to the dashboard", "fr": "Ajouter 1 article au tableau de bord",
              "ar": "إضافة مقال واحد إلى اللوحة"}


def _edit_cell(page, editor, first_cell: str, column: int, text: str) -> None:
    """Type `text` into the first row's cell in `column` of an editable table, going there from
    its first cell (which reads `first_cell`) with the arrow keys; again if a rerun of the page
    took the focus meanwhile."""
    wait_idle(page)
    for _ in range(3):
        editor.scroll_into_view_if_needed()
        box = editor.bounding_box()
        for _ in range(6):  # a phone shows a few columns: back to the first one
            if first_cell in grid_cells(page):
                break
            page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
            page.mouse.wheel(-300, 0)
            page.wait_for_timeout(300)
        page.mouse.click(box["x"] + 20, box["y"] + box["height"] - 15)
        page.wait_for_timeout(300)
        for _ in range(column):
            page.keyboard.press("ArrowRight")
        page.keyboard.press("Enter")  # open the cell's editor
        try:
            page.locator("textarea.gdg-input").wait_for(timeout=5000)
        except Exception:  # noqa: BLE001 - playwright's TimeoutError: once more
            page.keyboard.press("Escape")
            wait_idle(page)
            continue
        page.keyboard.type(text, delay=30)
        page.wait_for_timeout(300)
        if page.evaluate("() => document.activeElement.value") == text:
            break
        page.keyboard.press("Escape")
    page.keyboard.press("Enter")
    page.wait_for_function("t => [...document.querySelectorAll('[role=\"gridcell\"]')]"
                           ".some(e => e.textContent === t)", arg=text, timeout=TIMEOUT)
    wait_idle(page)


def _choose_file(page, path: Path) -> None:
    """Give the uploader a file (again if a rerun of the page redrew the uploader meanwhile)."""
    panel = page.locator('[data-testid="stTabPanel"]:visible')
    chip = panel.locator('[data-testid="stFileChip"]', has_text=path.name)
    for attempt in range(3):
        panel.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files([str(path)])
        try:
            chip.wait_for(timeout=10_000 if attempt < 2 else TIMEOUT)
            return
        except Exception:  # noqa: BLE001 - playwright's TimeoutError: once more
            wait_idle(page)
    chip.wait_for(timeout=TIMEOUT)


@pytest.fixture(scope="module")
def upload_url(big_db, tmp_path_factory):
    from conftest import streamlit_server

    db = tmp_path_factory.mktemp("uploads") / "store.duckdb"
    shutil.copy(big_db, db)
    with streamlit_server(db) as url:
        yield url, db


@pytest.mark.parametrize(("lang", "size"), CASES)
def test_an_uploaded_text_is_reviewed_corrected_and_counted_at_once(chromium, upload_url, tmp_path, lang, size):
    url, db = upload_url
    text, headline, day = UPLOADS[lang]
    text = text.replace("\n\n", f"\n\n({size}) ")  # each case its own article
    path = tmp_path / f"{lang}-{size[0]}.txt"  # short: the uploader shortens long names in the middle
    path.write_text(text, encoding="utf-8")
    before = store_counts(db, Filters())
    context, page = open_page(chromium, url, size, lang)
    try:
        page.get_by_role("tab", name=t(lang, "tab_add")).click()
        _choose_file(page, path)
        page.locator('[data-testid="stFormSubmitButton"] button').click()
        editor = page.locator('[data-testid="stTabPanel"]:visible [data-testid="stDataFrame"]').first
        editor.wait_for(timeout=TIMEOUT)
        page.wait_for_function("h => [...document.querySelectorAll('[role=\"gridcell\"]')]"
                               ".some(e => e.textContent === h)", arg=headline, timeout=TIMEOUT)
        _scroll_table_to(page, day, editor)
        assert day in grid_cells(page)  # the dateline, read
        _edit_cell(page, editor, path.name, 3, "Agence Test")  # the source
        shot(page, f"uploads-review-{lang}-{size}")
        page.get_by_role("button", name=ADD_BUTTON[lang]).click()
        page.get_by_text(ADDED[lang], exact=True).wait_for(timeout=TIMEOUT)
        after = store_counts(db, Filters())
        assert after.articles == before.articles + 1
        # the counts at the top are the new store's, without a reload
        wait_for_metrics(page, [number(lang, v) for v in (after.distinct_events, after.articles, after.places,
                                                          after.countries)])
        reader = StoreReader(db)
        row = reader.fetchone("SELECT title, published, site FROM articles ORDER BY added_at DESC LIMIT 1")
        reader.close()
        assert (row[0], row[1].isoformat(), row[2]) == (headline, day, "Agence Test")
        assert not MISSING.findall(page_text(page))
        shot(page, f"uploads-added-{lang}-{size}")
    finally:
        context.close()
