"""End to end: the real app in a real headless Chromium (no internet needed)."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "screenshot.png"
TIMEOUT = 60_000


def open_app(page, url: str, *, map_drawn: bool = True):
    page.goto(url)
    page.wait_for_selector('[data-testid="stMetricValue"]', timeout=TIMEOUT)
    if map_drawn:
        page.wait_for_selector('[data-testid="stDeckGlJsonChart"] canvas', timeout=TIMEOUT)
    return page


def metric_values(page) -> list[str]:
    return [v.strip() for v in page.locator('[data-testid="stMetricValue"]').all_inner_texts()]


def wait_for_metrics(page, expected: list[str]) -> None:
    page.wait_for_function(
        "exp => JSON.stringify([...document.querySelectorAll('[data-testid=\"stMetricValue\"]')]"
        ".map(e => e.innerText.trim())) === JSON.stringify(exp)", arg=expected, timeout=TIMEOUT)


def open_timeline(page) -> None:
    """The timeline has its own tab: it is drawn (and its charting code loaded) when opened."""
    page.get_by_role("tab", name="Timeline").click()
    page.wait_for_selector(".js-plotly-plot .barlayer", timeout=TIMEOUT)


def test_page_loads_with_map_canvas_counts_and_the_timeline_in_its_tab(page, app_url):
    open_app(page, app_url)
    wait_for_metrics(page, ["8", "6", "6", "6"])
    assert page.locator('[data-testid="stDeckGlJsonChart"] canvas').count() >= 1
    assert page.locator(".js-plotly-plot").count() == 0  # not drawn before its tab is opened
    page.wait_for_timeout(2500)  # let deck.gl draw the borders, points and names before the picture
    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOT), clip={"x": 0, "y": 0, "width": 1400, "height": 1350})
    assert SCREENSHOT.stat().st_size > 50_000
    open_timeline(page)
    assert page.locator(".js-plotly-plot .barlayer .point").count() == 8


def test_filtered_address_shows_the_filtered_counts(page, app_url):
    open_app(page, f"{app_url}/?countries=TN", map_drawn=False)
    wait_for_metrics(page, ["2", "2", "1", "1"])


def test_clicking_a_place_on_the_map_filters_to_it(page, app_url):
    # one place in view, so the map is centred on it
    open_app(page, f"{app_url}/?countries=MR")
    wait_for_metrics(page, ["1", "1", "1", "1"])
    box = page.locator('[data-testid="stDeckGlJsonChart"] canvas').first.bounding_box()
    for _ in range(10):  # until deck.gl has drawn the point and can pick it (slow on a busy machine)
        page.wait_for_timeout(1000)
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        try:
            page.wait_for_function("() => location.search.includes('places=')", timeout=3000)
            break
        except Exception:  # noqa: BLE001 - playwright's TimeoutError: try again
            continue
    assert parse_qs(urlsplit(page.url).query)["places"] == ["geo:2377450"]


def test_arabic_reads_right_to_left(page, app_url):
    open_app(page, f"{app_url}/?lang=ar&article=ar-agreement", map_drawn=False)
    reader = page.locator("article.reader")
    reader.wait_for(timeout=TIMEOUT)
    assert reader.get_attribute("dir") == "rtl"
    assert reader.evaluate("e => getComputedStyle(e).direction") == "rtl"
    assert page.locator("article.reader .hl-place").first.inner_text() == "الرباط"
    assert page.locator('[data-testid="stMain"]').evaluate("e => getComputedStyle(e).direction") == "rtl"
    assert page.locator("h1").first.inner_text() == "التعاون الأمني في شمال إفريقيا والساحل"


def test_markup_in_an_article_is_shown_as_text_and_never_run(page, app_url):
    open_app(page, f"{app_url}/?article=en-xss", map_drawn=False)
    reader = page.locator("article.reader")
    reader.wait_for(timeout=TIMEOUT)
    assert reader.locator("h3").inner_text() == "<script>window.__xss=1</script> Briefing"
    assert '<img src=x onerror="window.__xss=2">' in reader.locator(".reader-text").inner_text()
    assert reader.locator("script, img").count() == 0
    assert reader.locator("a").count() == 0  # its javascript: URL is not a link
    page.wait_for_timeout(500)
    assert page.evaluate("() => window.__xss") is None


def test_dragging_across_the_timeline_filters_the_dates(page, app_url):
    open_app(page, app_url)
    open_timeline(page)
    area = page.locator(".js-plotly-plot .nsewdrag").first
    area.wait_for(timeout=TIMEOUT)
    box = area.bounding_box()
    y = box["y"] + box["height"] / 2
    # the right half of the chart: 2021 only (the first events are in September and October 2020)
    page.mouse.move(box["x"] + box["width"] * 0.55, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.75, y, steps=8)
    page.mouse.move(box["x"] + box["width"] * 0.99, y, steps=8)
    page.mouse.up()
    page.wait_for_function("() => location.search.includes('from=')", timeout=TIMEOUT)
    params = parse_qs(urlsplit(page.url).query)
    assert params["from"][0] >= "2020-11-01" and params["to"][0] <= "2021-07-31"
    page.wait_for_function(
        "() => document.querySelector('[data-testid=\"stMetricValue\"]').innerText.trim() !== '8'", timeout=TIMEOUT)


def test_uploaded_files_become_articles_and_failures_are_listed(browser, tmp_path):
    from conftest import build_store, streamlit_server

    db = build_store(tmp_path / "upload.duckdb")
    good = tmp_path / "nouakchott.txt"
    good.write_text("Des responsables mauritaniens et maliens se sont réunis à Nouakchott pour parler de la "
                    "sécurité des frontières et de la coopération militaire.", encoding="utf-8")
    bad = tmp_path / "broken.jsonl"
    bad.write_text("{this is not json\n", encoding="utf-8")
    with streamlit_server(db) as url:
        context = browser.new_context(viewport={"width": 1400, "height": 1800})
        page = open_app(context.new_page(), url)
        wait_for_metrics(page, ["8", "6", "6", "6"])
        page.get_by_role("tab", name="Add articles").click()
        page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files([str(good), str(bad)])
        page.wait_for_selector("text=nouakchott.txt", timeout=TIMEOUT)
        page.get_by_role("button", name="Read the files").click()  # then the review step
        page.get_by_role("button", name="Add 1 article to the dashboard").click()
        page.wait_for_selector("text=1 new article, 0 already there, 1 could not be read.", timeout=TIMEOUT)
        assert page.locator("text=Could not be added").count() == 1
        context.close()
