"""End to end: a shared dashboard that fills itself from its feeds and survives a restart.

The real app on an empty disk, with a feeds file naming the test feeds served on 127.0.0.1
(tests/feed_server.py: Arabic, French and English articles, one slow feed, one broken feed), in a
real headless Chromium. Without any click, the articles reach the map, the timeline and the events
table, and the "Updated" line appears; the broken feed is under Problems. Then the app is stopped,
its store deleted and the collection folder kept, the feeds taken away, and the restarted app shows
the same articles again, from the collection alone.
"""
from __future__ import annotations

import re
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from feed_server import ARTICLES, BROKEN_REASON, FeedServer  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.slow]

TIMEOUT = 60_000  # the promise: the feed's articles within 60 seconds, without a click
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
UPDATED = re.compile(r"^Updated \d\d:\d\d( UTC)? · 4 new articles · 1 could not be read \(see Problems\)$")


def metric_values(page) -> list[str]:
    return [v.strip() for v in page.locator('[data-testid="stMetricValue"]').all_inner_texts()]


def wait_for_metrics(page, expected: list[str], timeout: int = TIMEOUT) -> None:
    page.wait_for_function(
        "exp => JSON.stringify([...document.querySelectorAll('[data-testid=\"stMetricValue\"]')]"
        ".map(e => e.innerText.trim())) === JSON.stringify(exp)", arg=expected, timeout=timeout)


def table_texts(page, panel_name: str) -> set[str]:
    """Every cell of the tables of one tab (the grid's accessible cells, which mirror the canvas)."""
    panel = page.get_by_role("tabpanel", name=panel_name)
    cells = panel.locator('[data-testid="stDataFrame"] [data-testid^="glide-cell-"]')
    cells.first.wait_for(state="attached", timeout=TIMEOUT)
    return set(cells.all_text_contents())


def check_the_articles_are_shown(page) -> None:
    """Four events at four places in four countries, from four articles: on the map (its legend
    lists the event types of the places drawn), in the table and on the timeline (one bar a day,
    in its own tab, drawn when opened)."""
    wait_for_metrics(page, ["4", "4", "4", "4"])
    page.wait_for_selector('[data-testid="stDeckGlJsonChart"] canvas', timeout=TIMEOUT)
    legend = page.locator(".map-legend").inner_text()
    assert all(label in legend for label in ("Agreement", "Military exercise", "Visit", "Talks"))
    shown = table_texts(page, "Events and articles")
    assert {title for title, _place, _type in ARTICLES.values()} <= shown
    assert {place for _title, place, _type in ARTICLES.values()} <= shown
    page.get_by_role("tab", name="Timeline").click()
    page.wait_for_selector(".js-plotly-plot .barlayer .point", timeout=TIMEOUT)
    assert page.locator(".js-plotly-plot .barlayer .point").count() == 4


def check_the_broken_feed_is_a_problem(page, feed_url: str) -> None:
    page.get_by_role("tab", name="Problems").click()
    shown = table_texts(page, "Problems")
    assert feed_url in shown
    assert any(text.startswith(BROKEN_REASON) for text in shown)


def test_a_new_dashboard_fills_itself_from_its_feeds_and_comes_back_from_its_collection(chromium, tmp_path):
    from conftest import streamlit_server

    db, collection = tmp_path / "store.duckdb", tmp_path / "collection"
    ARTIFACTS.mkdir(exist_ok=True)
    with FeedServer() as feeds:
        settings = {"DASHBOARD_FEEDS": str(feeds.feeds_file(tmp_path / "feeds.txt")),
                    "DASHBOARD_ALLOW_PRIVATE_FEEDS": "1", "DASHBOARD_REFRESH_HOURS": "6",
                    "DASHBOARD_COLLECTION": str(collection), "DASHBOARD_COLLECTION_SAVE": "1"}
        assert not db.exists()
        with streamlit_server(db, settings) as url:
            context = chromium.new_context(viewport={"width": 3000, "height": 1800}, locale="en-GB")
            page = context.new_page()
            started = time.monotonic()
            page.goto(url)
            page.get_by_text("Updating the news:").first.wait_for(timeout=TIMEOUT)  # the progress, while it runs
            page.get_by_text(UPDATED).wait_for(timeout=TIMEOUT)
            check_the_articles_are_shown(page)
            assert time.monotonic() - started < 60
            page.wait_for_timeout(2000)  # let deck.gl draw the points before the picture
            page.screenshot(path=str(ARTIFACTS / "refresh-filled.png"), clip={"x": 0, "y": 0, "width": 1600,
                                                                               "height": 1300})
            check_the_broken_feed_is_a_problem(page, feeds.url("/broken.xml"))
            context.close()
        broken_url = feeds.url("/broken.xml")
    db.unlink()
    assert (collection / "collection.json").is_file()

    with streamlit_server(db, {**settings, "DASHBOARD_REFRESH_HOURS": "0"}) as url:  # no feeds: the collection only
        context = chromium.new_context(viewport={"width": 3000, "height": 1800}, locale="en-GB")
        page = context.new_page()
        page.goto(url)
        check_the_articles_are_shown(page)
        page.get_by_text(re.compile(r"^Updated \d\d:\d\d( UTC)?$")).wait_for(timeout=TIMEOUT)
        page.screenshot(path=str(ARTIFACTS / "refresh-restarted.png"), clip={"x": 0, "y": 0, "width": 1600,
                                                                              "height": 1300})
        check_the_broken_feed_is_a_problem(page, broken_url)
        context.close()
