"""A real Streamlit server on a test store, and a real headless Chromium driven by Playwright.

Browser tests skip (with the reason) where no Chromium is installed, unless
DASHBOARD_REQUIRE_BROWSER=1 (set by .ci/run), where a missing browser is a failure.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from sample_store import build_store  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium_path() -> str | None:
    for candidate in (os.environ.get("CHROMIUM_PATH"), "/usr/bin/chromium", shutil.which("chromium"),
                      shutil.which("chromium-browser")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def _need_browser() -> str:
    path = chromium_path()
    reason = "no Chromium installed (apt-get install chromium; .ci/run installs it)"
    if path is None:
        if os.environ.get("DASHBOARD_REQUIRE_BROWSER") == "1":
            pytest.fail(f"browser tests are required here but {reason}")
        pytest.skip(reason)
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        if os.environ.get("DASHBOARD_REQUIRE_BROWSER") == "1":
            pytest.fail("browser tests are required here but the playwright package is missing")
        pytest.skip("the playwright package is not installed (pip install playwright)")
    return path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_healthy(url: str, proc: subprocess.Popen, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with code {proc.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as resp:
                if resp.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("streamlit did not become healthy in time")


@pytest.fixture(scope="session")
def e2e_store(tmp_path_factory) -> Path:
    return build_store(tmp_path_factory.mktemp("e2e") / "store.duckdb")


@contextmanager
def streamlit_server(db: Path, settings: dict[str, str] | None = None, *, script: Path | None = None,
                     extra: tuple[str, ...] = ()) -> Iterator[str]:
    """`streamlit run dashboard/app.py` (or `script`, with `extra` options) on a free port with DASHBOARD_DB=db
    (and any other `settings` as environment variables); yields its address. Its output goes to DB.log."""
    _need_browser()
    port = _free_port()
    env = dict(os.environ, DASHBOARD_DB=str(db), STREAMLIT_BROWSER_GATHER_USAGE_STATS="false", **(settings or {}))
    log = open(db.with_suffix(".log"), "a")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(script or ROOT / "dashboard" / "app.py"), "--server.port",
         str(port), "--server.headless", "true", "--server.address", "127.0.0.1", "--browser.gatherUsageStats",
         "false", "--server.fileWatcherType", "none", "--server.runOnSave", "false", *extra],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, proc)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


@pytest.fixture(scope="session")
def app_url(e2e_store: Path) -> Iterator[str]:
    with streamlit_server(e2e_store) as url:
        yield url


@pytest.fixture(scope="session")
def chromium():
    """One Chromium for the whole run: Playwright's sync API allows one driver per thread."""
    path = _need_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def browser(app_url: str, chromium):
    return chromium


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1800}, locale="en-GB")
    pg = context.new_page()
    yield pg
    context.close()
