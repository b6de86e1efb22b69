"""The dashboard at a glance, in a real headless Chromium, in English, French and Arabic, on a
desktop (1400x1000) and a phone (390x844): the map frames the region, the page names its places
as text, Arabic reads right to left with nothing drawn over the page, and an event's evidence
opens where the person is looking.

The store holds the sample article, 60 SYNTHETIC articles (dashboard.bench.synthetic) and four
short texts written for these tests (a region, a sub-region, the continent, a distant capital).
Screenshots go to tests/artifacts/ (not committed): look at them after a change to the page.
"""
from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from conftest import streamlit_server  # noqa: E402

from dashboard.bench.page_store import build_page_store  # noqa: E402
from dashboard.records import RawArticle  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
TIMEOUT = 60_000
SIZES = {"desktop": (1400, 1000), "phone": (390, 844)}
SAMPLE_PLACES = {"en": ["Rabat", "Tunis", "Algiers", "Bouznika", "Tripoli"],
                 "fr": ["Rabat", "Tunis", "Alger", "Bouznika", "Tripoli"],
                 "ar": ["الرباط", "تونس", "الجزائر", "بوزنيقة", "طرابلس"]}
REGION_TEXTS = [
    ("t-sahel", "Sahel patrol pact", date(2024, 5, 14),
     "United States and Nigerien officers signed an agreement in the Sahel on Tuesday to expand joint patrols. "
     "The agreement covers training and surveillance flights."),
    ("t-liptako", "Opération dans le Liptako-Gourma", date(2024, 6, 3),
     "Une opération antiterroriste conjointe des armées malienne et burkinabè a eu lieu lundi dans le "
     "Liptako-Gourma, selon l'état-major."),
    ("t-africa", "روسيا توسع تعاونها العسكري في إفريقيا", date(2024, 7, 1),
     "وقعت روسيا يوم الاثنين اتفاقية للتعاون العسكري مع عدد من الدول في القارة الأفريقية، بحسب بيان رسمي."),
    ("t-washington", "Talks in Washington", date(2024, 7, 20),
     "Moroccan and American defence officials held talks in Washington on Friday about border security and "
     "counter-terrorism training."),
]

# Text of the sidebar drawn inside the window while the sidebar is collapsed.
SIDEBAR_TEXT_IN_VIEW = """() => {
  const sb = document.querySelector('[data-testid="stSidebar"]');
  const collapsed = sb.getAttribute('data-collapsed') === 'true';
  const seen = [];
  const walker = document.createTreeWalker(sb, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (!node.textContent.trim()) continue;
    const style = getComputedStyle(node.parentElement);
    if (style.visibility === 'hidden' || style.display === 'none' || style.opacity === '0') continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const r of range.getClientRects())
      if (r.width > 0 && r.right > 0 && r.left < innerWidth && r.bottom > 0 && r.top < innerHeight)
        seen.push(node.textContent.trim().slice(0, 30));
  }
  return {collapsed, seen};
}"""


@pytest.fixture(scope="module")
def glance_url(tmp_path_factory):
    extra = [RawArticle(source=f"tests/{aid}.txt", text=text, title=title, published=day, site="Test desk",
                        url=f"https://example.org/{aid}") for aid, title, day, text in REGION_TEXTS]
    db = build_page_store(tmp_path_factory.mktemp("glance") / "glance.duckdb", synthetic=60, extra=extra)
    with streamlit_server(db) as url:
        yield url


class DeckSpecs:
    """The deck specs the server sent over the websocket (what deck.gl was told to draw)."""

    def __init__(self, page):
        self.views: list[dict] = []
        page.on("websocket", lambda ws: ws.on("framereceived", self._frame))

    def _frame(self, payload) -> None:
        text = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else payload
        for m in re.finditer(r'"initialViewState":\s*(\{[^{}]*\})', text):
            self.views.append(json.loads(m.group(1)))


def open_page(chromium, url: str, size: str, lang: str, query: str = ""):
    width, height = SIZES[size]
    context = chromium.new_context(viewport={"width": width, "height": height}, locale="en-GB")
    context.route(lambda u: "127.0.0.1" not in u, lambda route: route.abort())  # no basemap tiles: offline
    page = context.new_page()
    specs = DeckSpecs(page)
    page.goto(f"{url}/?lang={lang}{query}")
    page.wait_for_selector('[data-testid="stMetricValue"]', timeout=TIMEOUT)
    page.wait_for_selector('[data-testid="stDeckGlJsonChart"] canvas', timeout=TIMEOUT)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=TIMEOUT)
    return context, page, specs


def shoot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_the_page_at_a_glance(chromium, glance_url, lang, size):
    context, page, specs = open_page(chromium, glance_url, size, lang)
    try:
        page.wait_for_timeout(1500)  # deck.gl draws the borders, points and names
        shoot(page, f"glance-{lang}-{size}-top")
        # the map frames North Africa and the Sahel
        view = specs.views[-1]
        assert 10 <= view["latitude"] <= 40 and -20 <= view["longitude"] <= 35 and view["zoom"] >= 2.5
        # the sample's places are named as text, without any hover; no missing value shows
        main = page.locator('[data-testid="stMain"]')
        text = main.inner_text()
        assert [p for p in SAMPLE_PLACES[lang] if p not in text] == []
        assert not re.search(r"\b(nan|None|NaN)\b", text)
        # events with no place are counted under the map; distant places listed beside it
        assert re.search({"en": r"not on the map: \d+", "fr": r"absents de la carte : \d+",
                          "ar": r"لا تظهر على الخريطة: \d+"}[lang], text)
        assert {"en": "United States", "fr": "États-Unis", "ar": "الولايات المتحدة"}[lang] in text
        summary = page.locator(".view-summary").first
        summary.scroll_into_view_if_needed()
        shoot(page, f"glance-{lang}-{size}-summary")
        check_layout(page, lang, size)
    finally:
        context.close()


def check_layout(page, lang: str, size: str) -> None:
    """Right to left in Arabic; nothing of the sidebar drawn over the page."""
    title = page.locator("h1").first
    box = title.bounding_box()
    if lang == "ar":
        for heading in (title, page.locator("h3").first):
            assert heading.evaluate("e => getComputedStyle(e).direction") == "rtl"
            assert heading.evaluate("e => getComputedStyle(e).textAlign") in ("right", "start")
            # the words end at the heading's right edge, not its left
            gap = heading.evaluate("""e => { const r = document.createRange(); r.selectNodeContents(e);
                const rects = [...r.getClientRects()]; const box = e.getBoundingClientRect();
                return box.right - Math.max(...rects.map(x => x.right)); }""")
            assert gap < 12
        date_field = page.locator('[data-testid="stDateInputField"]').first
        assert date_field.evaluate("e => getComputedStyle(e).direction") == "ltr"  # yyyy-mm-dd reads whole
    sidebar = page.evaluate(SIDEBAR_TEXT_IN_VIEW)
    if size == "phone":
        assert sidebar == {"collapsed": True, "seen": []}
    else:
        bar = page.locator('[data-testid="stSidebar"]').bounding_box()
        assert bar["x"] + bar["width"] <= box["x"] or box["x"] + box["width"] <= bar["x"]  # side by side


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_an_events_evidence_opens_where_the_person_is_looking(chromium, glance_url, lang, size):
    context, page, _ = open_page(chromium, glance_url, size, lang, "&countries=MA")
    try:
        # the table starts with date, type, place and the sentence
        headers = {"en": ["Date", "Type", "Place", "What the article says"],
                   "fr": ["Date", "Type", "Lieu", "Ce que dit l'article"],
                   "ar": ["التاريخ", "النوع", "المكان", "ما يقوله المقال"]}[lang]
        grid = page.locator('[data-testid="stDataFrame"]').first
        grid.scroll_into_view_if_needed()
        shown = [page.locator('[data-testid="stDataFrame"] [role="columnheader"]').nth(i).text_content()
                 for i in range(4)]
        assert [h.strip() for h in shown] == headers
        shoot(page, f"evidence-{lang}-{size}-table")
        button = page.locator('[class*="st-key-latest_"] button:visible').first
        button.scroll_into_view_if_needed()
        button.click()
        dialog = page.locator('[role="dialog"]').first
        dialog.wait_for(timeout=TIMEOUT)
        chosen = dialog.locator(".hl-chosen").first
        chosen.wait_for(timeout=TIMEOUT)
        sentence = dialog.locator("blockquote.evidence-quote").inner_text().strip()
        assert sentence and "".join(chosen.evaluate(
            "e => [...e.closest('.reader-text').querySelectorAll('.hl-chosen')].map(x => x.textContent)")
        ).strip() == sentence
        page.wait_for_timeout(600)  # the panel slides in
        box = dialog.bounding_box()
        width, height = SIZES[size]
        assert box["x"] >= -1 and box["x"] + box["width"] <= width + 1 and box["y"] < height / 2
        shoot(page, f"evidence-{lang}-{size}-dialog")
    finally:
        context.close()


def test_choosing_a_region_shows_its_countries(chromium, glance_url):
    context, page, specs = open_page(chromium, glance_url, "desktop", "en", "&places=region:sahel")
    try:
        values = [v.strip() for v in page.locator('[data-testid="stMetricValue"]').all_inner_texts()]
        assert int(values[3]) >= 3  # Mauritania, Mali, Niger... not "Countries 0"
        text = page.locator('[data-testid="stMain"]').inner_text()
        assert "Sahel" in text and "Whole country" not in text
        view = specs.views[-1]
        assert 5 <= view["latitude"] <= 30 and -20 <= view["longitude"] <= 25
        page.wait_for_timeout(1500)
        shoot(page, "region-sahel-desktop")
    finally:
        context.close()
