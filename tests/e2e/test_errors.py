"""In a real headless Chromium, with Streamlit told to show full error details (as Streamlit Community
Cloud may force): an error inside one part of the page shows one plain sentence in the interface
language, no traceback and nothing of the error's own text, and the rest of the page works."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from conftest import build_store, streamlit_server  # noqa: E402
from failing_app import SECRET  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.slow]

TIMEOUT = 60_000
FAILING_APP = Path(__file__).resolve().parent / "failing_app.py"
CLOUD_LIKE = ("--client.showErrorDetails", "full")  # what Community Cloud may force, whatever config.toml says


@pytest.fixture(scope="module")
def failing_map_url(tmp_path_factory):
    db = build_store(tmp_path_factory.mktemp("errors") / "store.duckdb")
    with streamlit_server(db, {"DASHBOARD_FAIL_PART": "map_section"}, script=FAILING_APP, extra=CLOUD_LIKE) as url:
        yield url


def test_a_failing_map_shows_a_plain_french_sentence_and_no_traceback(chromium, failing_map_url):
    context = chromium.new_context(viewport={"width": 1400, "height": 1800}, locale="fr-FR")
    try:
        page = context.new_page()
        page.goto(f"{failing_map_url}/?lang=fr")
        page.get_by_text("Un problème est survenu en affichant cette partie de la page (Carte).").wait_for(
            timeout=TIMEOUT)
        page.get_by_role("heading", name="Lire un article").wait_for(timeout=TIMEOUT)  # the rest of the page is there
        page.get_by_role("tab", name="Chronologie").click()  # the timeline has its own tab, drawn when opened
        page.get_by_role("heading", name="Chronologie").wait_for(timeout=TIMEOUT)
        page.wait_for_selector('[data-testid="stMetricValue"]', timeout=TIMEOUT)
        body = page.inner_text("body")
        assert SECRET not in body and "RuntimeError" not in body and "Traceback" not in body
        assert page.locator('[data-testid="stException"]').count() == 0
        page.get_by_role("tab", name="Problèmes").click()  # and it still answers
        page.get_by_text("Aucun problème enregistré.").wait_for(timeout=TIMEOUT)
    finally:
        context.close()


HELD_WRITER = Path(__file__).resolve().parent / "held_writer.py"


def test_a_commit_held_open_asks_to_reload_and_then_the_page_shows_the_new_article(chromium, tmp_path):
    import subprocess
    import time

    db = build_store(tmp_path / "busy.duckdb")
    ready, go = tmp_path / "writer.ready", tmp_path / "writer.go"
    with streamlit_server(db, {"DASHBOARD_STORE_WAIT_SECONDS": "3"}) as url:
        context = chromium.new_context(viewport={"width": 1400, "height": 1800}, locale="en-GB")
        writer = None
        try:
            page = context.new_page()
            page.goto(url)
            page.wait_for_selector('[data-testid="stMetricValue"]', timeout=TIMEOUT)  # the server reads the store
            writer = subprocess.Popen([sys.executable, str(HELD_WRITER), str(db), str(ready), str(go), "--in-commit"])
            deadline = time.monotonic() + 60
            while not ready.exists() and writer.poll() is None and time.monotonic() < deadline:
                time.sleep(0.1)
            assert ready.exists(), "the writer never got the store: the server's reader did not step aside"
            page.goto(url)
            page.get_by_text("Articles are being added right now. Reload the page in a moment.").wait_for(
                timeout=TIMEOUT)
            body = page.inner_text("body")
            assert "Traceback" not in body and "StoreBusy" not in body
            assert page.locator('[data-testid="stException"]').count() == 0

            go.touch()
            assert writer.wait(timeout=60) == 0
            page.goto(url)
            page.wait_for_function(
                "() => [...document.querySelectorAll('[data-testid=\"stMetricValue\"]')].map(e => e.innerText)"
                ".join(',') === '9,7,7,7'", timeout=TIMEOUT)
        finally:
            go.touch()
            if writer is not None and writer.poll() is None:
                writer.kill()
                writer.wait()
            context.close()
