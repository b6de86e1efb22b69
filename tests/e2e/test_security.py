"""End to end, in a real headless Chromium: untrusted text is shown as text and never runs, and the
app keeps serving while an ingest writes.

The hostile store (hostile_store.py) holds markup, `javascript:` links and bidi overrides in every
field the page shows. Every test checks the same three things after its view has rendered: no
payload ran (`window.__pwned` stays undefined in every frame, no dialog opened), no element from our
content carries an event handler, a `javascript:` address or a script, and the hostile text is on
screen as the characters it is made of.
"""
from __future__ import annotations

import fcntl
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from conftest import build_store, streamlit_server  # noqa: E402
from hostile_store import (ACTOR_NAME, FAILURES, IMG, PLACE_NAME, SCRIPT, SITE, SVG, TITLE,  # noqa: E402
                           build_hostile_store)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

TIMEOUT = 60_000
RLO = "\u202e"
HELD_WRITER = Path(__file__).resolve().parent / "held_writer.py"

# Every element of the page (and of same-origin frames) that could run or link to script.
FIND_INJECTED = """() => {
  const found = [];
  const docs = [document];
  for (const f of document.querySelectorAll('iframe')) { try { if (f.contentDocument) docs.push(f.contentDocument) } catch (e) {} }
  for (const d of docs) {
    for (const s of d.querySelectorAll('script')) if (s.textContent.includes('__pwned')) found.push('script: ' + s.textContent);
    for (const e of d.querySelectorAll('*')) for (const a of e.attributes) {
      const name = a.name.toLowerCase();
      if (name.startsWith('on') && a.value.includes('__pwned')) found.push(e.tagName + ' ' + name);
      if (['href', 'src', 'xlink:href', 'action', 'formaction', 'srcdoc'].includes(name) && /^\\s*javascript:/i.test(a.value))
        found.push(e.tagName + ' ' + name + '=' + a.value);
    }
    for (const e of d.querySelectorAll('img[src="x"], svg[onload]')) found.push('element: ' + e.outerHTML);
  }
  return found;
}"""


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory):
    db = build_hostile_store(tmp_path_factory.mktemp("hostile") / "hostile.duckdb")
    with streamlit_server(db) as url:
        yield url


def writer_lock_is_held(db: Path) -> bool:
    with open(db.with_name(db.name + ".lock"), "a+") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(fh, fcntl.LOCK_UN)
        return False


def off_this_machine(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https", "ws", "wss") and parts.hostname != "127.0.0.1"


class Watched:
    """A page whose dialogs (alert, confirm...) are recorded and dismissed, and whose requests to
    any host but 127.0.0.1 (basemap tiles, or anything a payload would fetch) are aborted."""

    def __init__(self, browser, width: int = 1400):
        self.context = browser.new_context(viewport={"width": width, "height": 1800}, locale="en-GB")
        self.context.route(off_this_machine, lambda route: route.abort())
        self.page = self.context.new_page()
        self.dialogs: list[str] = []
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))

    def open(self, url: str):
        self.page.goto(url)
        self.page.wait_for_selector('[data-testid="stMetricValue"]', timeout=TIMEOUT)
        wait_until_idle(self.page)
        return self.page

    def assert_nothing_ran(self) -> None:
        page = self.page
        page.wait_for_timeout(300)  # an onerror handler fires after the image fails to load
        assert [f.evaluate("() => window.__pwned") for f in page.frames] == [None] * len(page.frames)
        assert self.dialogs == []
        assert page.evaluate(FIND_INJECTED) == []
        assert page.locator('a[href^="javascript:"]').count() == 0


@pytest.fixture
def watched(chromium):
    w = Watched(chromium)
    yield w
    w.context.close()


def wait_until_idle(page) -> None:
    """The script run is over: no 'Running...' status widget."""
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=TIMEOUT)


def metric_values(page) -> list[str]:
    return [v.strip() for v in page.locator('[data-testid="stMetricValue"]').all_inner_texts()]


def wait_for_metrics(page, expected: list[str]) -> None:
    page.wait_for_function(
        "exp => JSON.stringify([...document.querySelectorAll('[data-testid=\"stMetricValue\"]')]"
        ".map(e => e.innerText.trim())) === JSON.stringify(exp)", arg=expected, timeout=TIMEOUT)


def cell_text(page, col: int, row: int = 0, table: int = 0) -> str:
    """The text of a cell of a Streamlit table (its accessible grid, which mirrors the canvas)."""
    cell = page.locator('[data-testid="stDataFrame"]').nth(table).locator(f'[data-testid="glide-cell-{col}-{row}"]')
    cell.wait_for(state="attached", timeout=TIMEOUT)
    return cell.text_content()


def error_boxes(page) -> int:
    return page.locator('[data-testid="stException"], [data-testid="stAlertContentError"]').count()


# -- the hostile store -----------------------------------------------------------------------------

def test_main_view_with_hostile_articles_runs_nothing(watched, hostile_url):
    page = watched.open(hostile_url)
    wait_for_metrics(page, ["3", "1", "1", "1"])
    page.wait_for_selector('[data-testid="stDeckGlJsonChart"] canvas', timeout=TIMEOUT)
    assert error_boxes(page) == 0
    watched.assert_nothing_ran()


def test_events_table_shows_hostile_text_as_text_and_no_javascript_link(chromium, hostile_url):
    watched = Watched(chromium, width=3600)  # wide enough for every column to be drawn
    try:
        page = watched.open(hostile_url)
        wait_for_metrics(page, ["3", "1", "1", "1"])
        # columns: row marker, date, type, place, the sentence, reported by, status, country, actors, title...
        assert cell_text(page, 3) == PLACE_NAME
        assert cell_text(page, 4) == f"Officers met in Ouarzazate {SCRIPT} to plan joint border patrols on Monday."
        assert cell_text(page, 5) == "1 source"
        assert cell_text(page, 8) == ACTOR_NAME
        assert cell_text(page, 9) == TITLE.replace(RLO, "")
        assert cell_text(page, 10) == SITE
        assert cell_text(page, 12) == ""  # the javascript: address is no link
        watched.assert_nothing_ran()
    finally:
        watched.context.close()


def test_reader_shows_hostile_article_as_text(watched, hostile_url):
    page = watched.open(f"{hostile_url}/?article=hostile")
    reader = page.locator("article.reader")
    reader.wait_for(timeout=TIMEOUT)
    assert reader.locator("h3").inner_text() == f"{SCRIPT}Border talkstxt.exe"  # bidi override dropped
    meta = reader.locator(".reader-meta").inner_text()
    assert meta == f"{SITE} · 2022-05-02 · English"  # no "open the source" link for javascript:
    text = reader.locator(".reader-text").inner_text()
    for payload in (SCRIPT, IMG, SVG):
        assert payload in text
    assert RLO not in text
    assert reader.locator(".hl-actor").get_attribute("title") == f"{ACTOR_NAME} · Agreement"
    assert reader.locator("script, img, svg, a, iframe").count() == 0
    watched.assert_nothing_ran()


def test_map_tooltip_shows_a_hostile_place_name_as_text(watched, hostile_url):
    page = watched.open(f"{hostile_url}/?countries=MA")  # a filtered view is centred on its one place
    canvas = page.locator('[data-testid="stDeckGlJsonChart"] canvas').first
    canvas.wait_for(timeout=TIMEOUT)
    box = canvas.bounding_box()
    tip = page.locator(".deck-tooltip")
    for attempt in range(45):  # until deck.gl has drawn the point and can pick it (slow on a busy machine)
        page.wait_for_timeout(700)
        page.mouse.move(box["x"] + box["width"] / 2 + attempt % 2, box["y"] + box["height"] / 2)
        if tip.count() and tip.first.is_visible():
            break
    assert tip.first.inner_text().splitlines() == [
        f"{PLACE_NAME} (Morocco)", "Place named in the news", "3 events · 1 article", "Most frequent: Agreement",
        "Latest headlines:", f"• {TITLE.replace(RLO, '')}"]  # the article's headline, as text
    assert tip.first.locator(":not(br)").count() == 0  # text only: line breaks, not one other element
    watched.assert_nothing_ran()


def test_problems_tab_shows_hostile_failures_as_text(watched, hostile_url):
    page = watched.open(hostile_url)
    page.get_by_role("tab", name="Problems").click()
    panel = page.get_by_role("tabpanel", name="Problems")
    table = panel.locator('[data-testid="stDataFrame"]')
    table.wait_for(timeout=TIMEOUT)
    cells = panel.locator('[data-testid^="glide-cell-"]')
    cells.first.wait_for(state="attached", timeout=TIMEOUT)
    shown = set(cells.all_text_contents())
    for failure in FAILURES:
        assert failure.reason in shown
    assert FAILURES[0].source in shown
    assert FAILURES[1].source.replace(RLO, "") in shown or FAILURES[1].source in shown
    watched.assert_nothing_ran()


# -- uploads -----------------------------------------------------------------------------------------

def test_uploads_with_hostile_names_and_titles_are_listed_as_text(chromium, tmp_path):
    import json

    db = build_store(tmp_path / "upload.duckdb")
    article_name = f"{IMG}.txt"
    broken_name = f"{SVG}.jsonl"
    exported = json.dumps({"title": f"{SCRIPT}Patrol news", "url": "javascript:alert(1)",
                           "text": "Officers from Niger and Chad agreed in Niamey to share border patrol reports."})
    with streamlit_server(db) as url:
        watched = Watched(chromium)
        try:
            page = watched.open(url)
            page.get_by_role("tab", name="Add articles").click()
            page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files([
                {"name": article_name, "mimeType": "text/plain",
                 "buffer": "Tunisian and Libyan officials met in Tunis to discuss border security.".encode()},
                {"name": "wire.jsonl", "mimeType": "application/json", "buffer": exported.encode()},
                {"name": broken_name, "mimeType": "application/json", "buffer": b"{not json\n"},
            ])
            page.get_by_text("wire.jsonl").wait_for(timeout=TIMEOUT)
            page.get_by_role("button", name="Read the files").click()  # then the review step
            page.get_by_role("button", name="Add 2 articles to the dashboard").click()
            page.get_by_text("2 new articles, 0 already there, 1 could not be read.").wait_for(timeout=TIMEOUT)
            wait_until_idle(page)
            panel = page.get_by_role("tabpanel", name="Add articles")
            title = panel.locator('[data-testid^="glide-cell-"]', has_text="Patrol news").first
            title.wait_for(state="attached", timeout=TIMEOUT)
            assert title.text_content() == f"{SCRIPT}Patrol news"  # the new article's title, as text
            failed = panel.locator('[data-testid^="glide-cell-"]', has_text=":line 1").first
            failed.wait_for(state="attached", timeout=TIMEOUT)
            # the failed file's name, as text (Chromium sends a double quote in a file name as %22)
            assert failed.text_content() == broken_name.replace('"', "%22") + ":line 1"
            watched.assert_nothing_ran()
        finally:
            watched.context.close()


# -- serving while an ingest writes --------------------------------------------------------------------

def test_the_app_keeps_serving_while_an_ingest_writes_and_then_shows_the_new_store(chromium, tmp_path):
    db = build_store(tmp_path / "live.duckdb")
    ready, go = tmp_path / "writer.ready", tmp_path / "writer.go"
    with streamlit_server(db) as url:
        writer = subprocess.Popen([sys.executable, str(HELD_WRITER), str(db), str(ready), str(go)])
        watched = Watched(chromium)
        try:
            deadline = time.monotonic() + 60
            while not ready.exists() and writer.poll() is None and time.monotonic() < deadline:
                time.sleep(0.1)
            assert ready.exists() and writer.poll() is None  # the write session is open, holding its lock
            assert writer_lock_is_held(db)

            page = watched.open(url)
            wait_for_metrics(page, ["8", "6", "6", "6"])  # the previous store
            page.goto(f"{url}/?countries=TN")
            page.wait_for_selector('[data-testid="stMetricValue"]', timeout=TIMEOUT)
            wait_for_metrics(page, ["2", "2", "1", "1"])
            page.get_by_role("tab", name="Problems").click()
            page.get_by_text("No problems recorded.").wait_for(timeout=TIMEOUT)
            assert error_boxes(page) == 0

            go.touch()
            assert writer.wait(timeout=60) == 0
            page.goto(url)
            wait_for_metrics(page, ["9", "7", "7", "7"])  # the new store, with the Chad article
            page.goto(f"{url}/?countries=TD")
            wait_for_metrics(page, ["1", "1", "1", "1"])
            assert error_boxes(page) == 0
        finally:
            go.touch()
            if writer.poll() is None:
                writer.kill()
                writer.wait()
            watched.context.close()
